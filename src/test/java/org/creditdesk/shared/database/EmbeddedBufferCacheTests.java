package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server's buffer cache: a setting, else sized to the machine within bounds. */
class EmbeddedBufferCacheTests {

    private static final long MB = 1024L * 1024;

    @TempDir
    Path dataDir;

    @Test
    void unset_it_is_an_eighth_of_the_machine_from_128MB_to_2GB() {
        assertThat(EmbeddedPostgresConfiguration.sharedBuffers(null, 512 * MB)).isEqualTo("128MB");
        assertThat(EmbeddedPostgresConfiguration.sharedBuffers(null, 4096 * MB)).isEqualTo("512MB");
        assertThat(EmbeddedPostgresConfiguration.sharedBuffers(" ", 8192 * MB)).isEqualTo("1024MB");
        assertThat(EmbeddedPostgresConfiguration.sharedBuffers(null, 24_064 * MB))
                .isEqualTo("2048MB");
    }

    @Test
    void a_setting_is_taken_as_given() {
        assertThat(EmbeddedPostgresConfiguration.sharedBuffers(" 3GB ", 512 * MB))
                .isEqualTo("3GB");
    }

    @Test
    void the_data_folder_server_runs_with_the_configured_buffer_cache() throws Exception {
        var settings = new DatabaseSettings(
                "",
                "postgres",
                "",
                2,
                new DatabaseSettings.Embedded(
                        dataDir, 0, false, "160MB", null, null, null, java.time.Duration.ofMinutes(15)));
        try (HikariDataSource dataSource = new EmbeddedPostgresConfiguration().dataSource(settings)) {
            assertThat(JdbcClient.create(dataSource)
                            .sql("SELECT current_setting('shared_buffers')")
                            .query(String.class)
                            .single())
                    .isEqualTo("160MB");
        }
    }
}
