package org.creditdesk.imports;

import java.util.List;

/**
 * Published once per accepted file (not per row), inside the import's transaction: the ids of the
 * customers whose ledger the file changed, so that exposure and holds can be brought up to date
 * set-based.
 */
public record ImportCompleted(ImportKind kind, int imported, List<Long> customerIds) {

    public ImportCompleted {
        customerIds = List.copyOf(customerIds);
    }
}
