package org.creditdesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL of a test class's own, for tests that read every customer in the database (fits): started on
 * first use, closed after the context's pool, as the shared test database is.
 */
public final class OwnDatabase implements Supplier<EmbeddedPostgres> {

    private EmbeddedPostgres database;

    @Override
    public synchronized EmbeddedPostgres get() {
        if (database == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setCleanDataDirectory(true)
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("timezone", "UTC")
                        .setLocaleConfig("locale", "C.UTF-8")
                        .setLocaleConfig("encoding", "UTF-8")
                        .start();
                SpringApplication.getShutdownHandlers().add(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                database = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return database;
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("creditdesk.database.url", () -> get().getJdbcUrl("postgres", "postgres"));
        registry.add("creditdesk.database.pool-size", () -> 4);
    }
}
