package org.creditdesk.imports;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How large a statement file may be (default 40 MiB: a month of a busy account's camt.053 is a few
 * MB; larger is refused with a 422 before anything is parsed), and the folder polled every minute for
 * statement files ({@code watch-directory}; none by default).
 */
@ConfigurationProperties("creditdesk.bank-statements")
record BankStatementSettings(
        @Nullable Long maxBytes, @Nullable Path watchDirectory) {

    static final long DEFAULT_MAX_BYTES = 40L * 1024 * 1024;

    BankStatementSettings {
        if (maxBytes == null) maxBytes = DEFAULT_MAX_BYTES;
        if (maxBytes < 1) throw new IllegalArgumentException("creditdesk.bank-statements.max-bytes must be positive");
    }

    Optional<Path> watched() {
        return Optional.ofNullable(watchDirectory);
    }

    long limit() {
        return maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes;
    }
}
