package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The WAL a data-keeping server writes between forced checkpoints: a setting, else sized to the free disk. */
class EmbeddedWalSizeTests {

    private static final long GB = 1024L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void unset_it_is_an_eighth_of_the_free_disk_from_2GB_to_8GB() {
        assertThat(EmbeddedPostgresConfiguration.maxWalSize(null, 4 * GB)).isEqualTo("2048MB");
        assertThat(EmbeddedPostgresConfiguration.maxWalSize(" ", 40 * GB)).isEqualTo("5120MB");
        assertThat(EmbeddedPostgresConfiguration.maxWalSize(null, 56 * GB)).isEqualTo("7168MB");
        assertThat(EmbeddedPostgresConfiguration.maxWalSize(null, 500 * GB)).isEqualTo("8192MB");
    }

    @Test
    void a_setting_is_taken_as_given() {
        assertThat(EmbeddedPostgresConfiguration.maxWalSize(" 3GB ", 500 * GB)).isEqualTo("3GB");
    }

    @Test
    void the_data_folder_server_runs_with_the_configured_wal_size_and_stays_durable() throws Exception {
        var settings = new DatabaseSettings(
                "",
                "postgres",
                "",
                2,
                new DatabaseSettings.Embedded(
                        dataDir, 0, false, null, "3GB", null, null, java.time.Duration.ofMinutes(15)));
        try (HikariDataSource dataSource = new EmbeddedPostgresConfiguration().dataSource(settings)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("SELECT current_setting('max_wal_size')")
                            .query(String.class)
                            .single())
                    .isEqualTo("3GB");
            assertThat(jdbc.sql("SELECT current_setting('fsync') || ' ' || current_setting('synchronous_commit') || ' '"
                                    + " || current_setting('full_page_writes')")
                            .query(String.class)
                            .single())
                    .isEqualTo("on on on");
        }
    }
}
