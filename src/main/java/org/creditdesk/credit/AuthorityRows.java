package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The matrix as flat rows, the shape the API, the page and the audit trail show. */
record AuthorityRows(List<Row> rules) {

    record Row(
            String mode,
            String action,
            String role,
            String upTo,
            @Nullable BigDecimal maxAmount) {}

    static AuthorityRows of(AuthorityMatrix matrix) {
        return new AuthorityRows(matrix.rules().stream()
                .map(r -> new Row(
                        r.mode().name(),
                        r.action().name(),
                        r.role().name(),
                        r.ceiling().upTo(),
                        r.ceiling() instanceof Ceiling.Amount(BigDecimal max) ? max : null))
                .toList());
    }
}
