package org.creditdesk.shared.database;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code url} set means an external PostgreSQL; otherwise an embedded one in
 * {@code embedded.dataDir}. {@code embedded.ephemeral} (tests) starts a throw-away server per JVM.
 * {@code embedded.sharedBuffers} is the embedded server's buffer cache (PostgreSQL syntax, e.g.
 * {@code 1GB}); unset, it is sized to the machine. {@code embedded.maxWalSize} is how much WAL it may write
 * between checkpoints (e.g. {@code 4GB}); unset, it is sized to the data folder's free disk. {@code poolSize} is the
 * connection pool's size (the asynchronous listeners take up to (poolSize − 2) / 2 of its connections).
 * {@code embedded.commitDelay} and {@code embedded.commitSiblings} are PostgreSQL's group commit ({@code
 * commit_delay} in microseconds, 0–100000, and {@code commit_siblings}, 0–1000): with a delay, a committing
 * transaction that sees at least that many others open waits that long before flushing the WAL, so that one flush
 * can carry several commits. Every commit is still flushed before it is acknowledged (durability unchanged). Unset,
 * the server's own configuration applies (PostgreSQL's defaults 0: no wait, and 5, unless changed with {@code
 * ALTER SYSTEM}); set, they are given on the server's command line. {@code embedded.startupWait} is how long a start
 * waits for the embedded server to accept connections (default 15 minutes): after a crash it first replays the WAL
 * written since its last checkpoint, which for a large {@code maxWalSize} can take minutes, and a start that gives
 * up earlier fails the application's start while the database is still recovering.
 */
@ConfigurationProperties("creditdesk.database")
record DatabaseSettings(
        @DefaultValue("") String url,
        @DefaultValue("postgres") String user,
        @DefaultValue("") String password,
        @DefaultValue("20") int poolSize,
        @DefaultValue Embedded embedded) {

    record Embedded(
            @DefaultValue("./data") Path dataDir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean ephemeral,
            @Nullable String sharedBuffers,
            @Nullable String maxWalSize,
            @Nullable Integer commitDelay,
            @Nullable Integer commitSiblings,
            @DefaultValue("PT15M") Duration startupWait) {

        Embedded {
            if (commitDelay != null && (commitDelay < 0 || commitDelay > 100_000))
                throw new IllegalArgumentException(
                        "creditdesk.database.embedded.commit-delay must be 0–100000 µs, not " + commitDelay);
            if (commitSiblings != null && (commitSiblings < 0 || commitSiblings > 1_000))
                throw new IllegalArgumentException(
                        "creditdesk.database.embedded.commit-siblings must be 0–1000, not " + commitSiblings);
        }
    }
}
