package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Group commit on the data-keeping server is a setting (issue 14): PostgreSQL's defaults unless configured. */
class EmbeddedGroupCommitTests {

    @TempDir
    Path dataDir;

    @Test
    void the_data_folder_server_runs_with_the_configured_group_commit_and_stays_durable() throws Exception {
        var settings = new DatabaseSettings(
                "",
                "postgres",
                "",
                2,
                new DatabaseSettings.Embedded(dataDir, 0, false, null, null, 250, 3, java.time.Duration.ofMinutes(15)));
        try (HikariDataSource dataSource = new EmbeddedPostgresConfiguration().dataSource(settings)) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql(
                                    "SELECT current_setting('commit_delay') || ' ' || current_setting('commit_siblings')"
                                            + " || ' ' || current_setting('fsync') || ' ' || current_setting('synchronous_commit')")
                            .query(String.class)
                            .single())
                    .isEqualTo("250 3 on on");
        }
    }

    @Test
    void a_delay_or_sibling_count_outside_postgresql_s_range_is_refused() {
        assertThatThrownBy(() -> new DatabaseSettings.Embedded(
                        dataDir, 0, false, null, null, 100_001, 5, java.time.Duration.ofMinutes(15)))
                .hasMessageContaining("commit-delay");
        assertThatThrownBy(() -> new DatabaseSettings.Embedded(
                        dataDir, 0, false, null, null, 0, -1, java.time.Duration.ofMinutes(15)))
                .hasMessageContaining("commit-siblings");
    }
}
