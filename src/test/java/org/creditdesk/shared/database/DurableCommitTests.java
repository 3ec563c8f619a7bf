package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded PostgreSQL that keeps the product's data is durable: a commit acknowledged to the
 * caller is on disk, so killing every PostgreSQL process (SIGKILL, no shutdown) loses none of them.
 */
class DurableCommitTests {

    private static final int WRITES = 400;

    @TempDir
    Path dataDir;

    private final EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();

    private DatabaseSettings settings() {
        return new DatabaseSettings(
                "",
                "postgres",
                "",
                4,
                new DatabaseSettings.Embedded(
                        dataDir, 0, false, null, null, null, null, java.time.Duration.ofMinutes(15)));
    }

    @Test
    void the_data_folder_server_runs_with_fsync_synchronous_commit_and_full_page_writes() throws Exception {
        try (HikariDataSource dataSource = configuration.dataSource(settings())) {
            JdbcClient jdbc = JdbcClient.create(dataSource);
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("SELECT current_setting(?)")
                                .param(setting)
                                .query(String.class)
                                .single())
                        .as(setting)
                        .isEqualTo("on");
            }
        }
    }

    @Test
    void every_acknowledged_commit_survives_a_kill_of_postgresql() throws Exception {
        int acknowledged = 0;
        try (HikariDataSource first = configuration.dataSource(settings())) {
            JdbcClient jdbc = JdbcClient.create(first);
            jdbc.sql("CREATE TABLE acknowledged (n INTEGER PRIMARY KEY, payload TEXT NOT NULL)")
                    .update();
            for (int n = 1; n <= WRITES; n++) {
                jdbc.sql("INSERT INTO acknowledged (n, payload) VALUES (?, repeat('x', 200))")
                        .param(n)
                        .update();
                acknowledged = n;
            }
            killEveryPostgresProcess();
        }

        try (HikariDataSource second = configuration.dataSource(settings())) {
            JdbcClient jdbc = JdbcClient.create(second);
            assertThat(jdbc.sql("SELECT count(*) FROM acknowledged")
                            .query(Integer.class)
                            .single())
                    .as("rows after restart of %d acknowledged", acknowledged)
                    .isEqualTo(acknowledged);
        }
    }

    private void killEveryPostgresProcess() throws Exception {
        long pid = Long.parseLong(
                Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> processes =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : processes) {
            process.onExit().get(30, TimeUnit.SECONDS);
        }
    }
}
