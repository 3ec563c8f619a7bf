package org.creditdesk.shared.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives: {@code url} set means an external PostgreSQL; otherwise an embedded one in
 * {@code embedded.dataDir}. {@code embedded.ephemeral} (tests) starts a throw-away server per JVM.
 * {@code embedded.sharedBuffers} is the embedded server's buffer cache (PostgreSQL syntax, e.g.
 * {@code 1GB}); unset, it is sized to the machine. {@code embedded.maxWalSize} is how much WAL it may write
 * between checkpoints (e.g. {@code 4GB}); unset, it is sized to the data folder's free disk.
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
            @Nullable String maxWalSize) {}
}
