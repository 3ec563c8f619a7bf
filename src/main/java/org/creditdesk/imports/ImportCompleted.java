package org.creditdesk.imports;

import java.util.List;

/**
 * Published once per accepted file (not per row), inside the import's transaction, with the ids of
 * the customers the file concerns (of a customers file the customers it inserted or changed, whose
 * rows the transaction holds; of a ledger file the rows' customers), so
 * that exposure, holds and link keys can be brought up to date set-based in the same commit. A bank
 * statement whose credits were booked publishes it as {@link ImportKind#PAYMENTS} for the paying customers.
 */
public record ImportCompleted(ImportKind kind, int imported, List<Long> customerIds) {

    public ImportCompleted {
        customerIds = List.copyOf(customerIds);
    }
}
