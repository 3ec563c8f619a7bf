package org.creditdesk.shared.database;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database when no external PostgreSQL is configured: real PostgreSQL binaries from Maven
 * Central, started in the data folder, bound to loopback. A command-line run next to a running
 * server (e.g. {@code ./creditdesk import}) connects to that server's PostgreSQL instead of
 * starting a second one on the same folder.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${creditdesk.database.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Ephemeral servers (tests) are shared by every application context in the JVM. */
    private static final Map<String, EmbeddedPostgres> EPHEMERAL = new ConcurrentHashMap<>();

    /**
     * The pool owns the persistent server: every bean that uses the database depends on the pool,
     * so closing the pool last and stopping PostgreSQL right after it never strands a user.
     */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setUsername("postgres");
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("creditdesk");
        if (settings.embedded().ephemeral()) {
            config.setJdbcUrl(ephemeralServerUrl());
            return new HikariDataSource(config);
        }
        Optional<EmbeddedPostgres> started = startOrReuse(settings, config);
        return new HikariDataSource(config) {
            @Override
            public void close() {
                super.close();
                started.ifPresent(EmbeddedPostgresConfiguration::closeQuietly);
            }
        };
    }

    private static String ephemeralServerUrl() {
        EmbeddedPostgres server = EPHEMERAL.computeIfAbsent("shared", key -> {
            try {
                EmbeddedPostgres started = tuned(EmbeddedPostgres.builder(), Durability.THROWAWAY)
                        .setCleanDataDirectory(true)
                        .start();
                // After every context of the JVM has closed, not concurrently with their shutdown.
                SpringApplication.getShutdownHandlers().add(() -> closeQuietly(started));
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return server.getJdbcUrl("postgres", "postgres");
    }

    private static Optional<EmbeddedPostgres> startOrReuse(DatabaseSettings settings, HikariConfig config)
            throws IOException {
        Path dataDir = settings.embedded().dataDir().toAbsolutePath();
        Optional<Integer> running = RunningServer.portOf(dataDir);
        if (running.isPresent()) {
            log.info("Using the PostgreSQL already running on {} (port {})", dataDir, running.get());
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:%d/postgres".formatted(running.get()));
            return Optional.empty();
        }
        Files.createDirectories(dataDir);
        String sharedBuffers = sharedBuffers(settings.embedded().sharedBuffers(), physicalMemory());
        String maxWalSize = maxWalSize(
                settings.embedded().maxWalSize(), Files.getFileStore(dataDir).getUsableSpace());
        EmbeddedPostgres.Builder builder = tuned(EmbeddedPostgres.builder(), Durability.DURABLE)
                .setServerConfig("shared_buffers", sharedBuffers)
                .setServerConfig("max_wal_size", maxWalSize)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(settings.embedded().startupWait());
        Integer commitDelay = settings.embedded().commitDelay();
        Integer commitSiblings = settings.embedded().commitSiblings();
        if (commitDelay != null) builder.setServerConfig("commit_delay", commitDelay.toString());
        if (commitSiblings != null) builder.setServerConfig("commit_siblings", commitSiblings.toString());
        if (settings.embedded().port() > 0) {
            builder.setPort(settings.embedded().port());
        }
        EmbeddedPostgres server = builder.start();
        log.info(
                "Embedded PostgreSQL started in {} on port {} (shared_buffers {}, max_wal_size {}, commit_delay {},"
                        + " commit_siblings {}; pool {})",
                dataDir,
                server.getPort(),
                sharedBuffers,
                maxWalSize,
                commitDelay == null ? "as configured" : commitDelay + " µs",
                commitSiblings == null ? "as configured" : commitSiblings,
                settings.poolSize());
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        return Optional.of(server);
    }

    /**
     * The buffer cache of a server that keeps data: the setting when given, else an eighth of the
     * machine's memory between 128 MB and 2 GB. PostgreSQL maps it at start but the OS backs only the
     * pages it touches, so a small database uses little of it; a 100,000-customer book (invoices and
     * their indexes near 3 GB) keeps what a bank statement or a payments file updates in the cache
     * instead of evicting and re-reading pages per row (256 MB before). Tests' throw-away servers keep
     * 256 MB ({@link #tuned}).
     */
    static String sharedBuffers(@Nullable String configured, long physicalBytes) {
        if (configured != null && !configured.isBlank()) return configured.strip();
        long mb = Math.clamp(physicalBytes / 8 / (1024 * 1024), 128, 2048);
        return mb + "MB";
    }

    /**
     * How much WAL a server that keeps data writes before a checkpoint is forced: the setting when
     * given, else an eighth of the data folder's free disk between 2 GB (the throw-away servers' value)
     * and 8 GB. A checkpoint forced in the middle of a bulk write (a 100,000-entry bank statement
     * writes 1.3–1.6 GB of WAL, a payments file as much) makes every page the write touches again
     * after it log a full-page image a second time; PostgreSQL forces one after about
     * max_wal_size / 1.9 of WAL (checkpoint_completion_target 0.9). The cost is disk: pg_wal can grow
     * to about max_wal_size during bulk writes, and keeps recycled segments of that order for a while
     * after; a small database's WAL stays small. Durability is unchanged (fsync, synchronous commit
     * and full-page writes stay on).
     */
    static String maxWalSize(@Nullable String configured, long usableDiskBytes) {
        if (configured != null && !configured.isBlank()) return configured.strip();
        long mb = Math.clamp(usableDiskBytes / 8 / (1024 * 1024), 2048, 8192);
        return mb + "MB";
    }

    private static long physicalMemory() {
        return ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getTotalMemorySize();
    }

    /**
     * The embedded library starts PostgreSQL for throw-away test databases: {@code -F} (fsync off)
     * and {@code synchronous_commit=off}, so a commit is acknowledged before its WAL is on disk. A
     * kill loses the last acknowledged writes and an OS crash can corrupt the cluster. Every server
     * that keeps data therefore turns durability back on; the {@code -c} options come after
     * {@code -F} on the postgres command line and override it.
     */
    enum Durability {
        DURABLE("on"),
        THROWAWAY("off");

        final String setting;

        Durability(String setting) {
            this.setting = setting;
        }
    }

    static EmbeddedPostgres.Builder tuned(EmbeddedPostgres.Builder builder, Durability durability) {
        return builder.setRegisterShutdownHook(false)
                .setServerConfig("fsync", durability.setting)
                .setServerConfig("synchronous_commit", durability.setting)
                .setServerConfig("full_page_writes", durability.setting)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("timezone", "UTC")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF-8");
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** Reads the port of a live postmaster from its pid file, as written by PostgreSQL. */
    static final class RunningServer {
        static Optional<Integer> portOf(Path dataDir) {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) return Optional.empty();
            try {
                List<String> lines = Files.readAllLines(pidFile);
                long pid = Long.parseLong(lines.get(0).trim());
                boolean alive =
                        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                return alive && lines.size() > 3
                        ? Optional.of(Integer.parseInt(lines.get(3).trim()))
                        : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}
