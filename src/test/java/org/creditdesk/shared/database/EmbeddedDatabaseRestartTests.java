package org.creditdesk.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.creditdesk.CreditDeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The data folder is the system of record: stopping and starting CreditDesk keeps every record. */
class EmbeddedDatabaseRestartTests {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CreditDeskApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--creditdesk.database.embedded.ephemeral=false",
                        "--creditdesk.database.embedded.data-dir=" + dataDir,
                        "--creditdesk.command=serve");
    }

    @Test
    void records_survive_a_stop_and_a_start() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("UPDATE company_settings SET name = 'Restart Trading Co.' WHERE id = 1")
                    .update();
        }
        assertThat(dataDir.resolve("postmaster.pid"))
                .as("PostgreSQL stopped cleanly with the application")
                .doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            String name = second.getBean(JdbcClient.class)
                    .sql("SELECT name FROM company_settings WHERE id = 1")
                    .query(String.class)
                    .single();
            assertThat(name).isEqualTo("Restart Trading Co.");
        }
    }

    @Test
    void a_second_process_on_the_same_folder_uses_the_running_server() throws Exception {
        try (ConfigurableApplicationContext server = start()) {
            assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isTrue();
            int port = EmbeddedPostgresConfiguration.RunningServer.portOf(dataDir.toAbsolutePath())
                    .orElseThrow();
            try (ConfigurableApplicationContext cli = start()) {
                String url =
                        cli.getBean(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl();
                assertThat(url).contains(":" + port + "/");
            }
            assertThat(server.getBean(JdbcClient.class)
                            .sql("SELECT 1")
                            .query(Integer.class)
                            .single())
                    .as("the server's PostgreSQL keeps running after the second process ends")
                    .isEqualTo(1);
        }
    }
}
