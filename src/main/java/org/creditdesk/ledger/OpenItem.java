package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An invoice open as of a business date, with its days past due on that date. */
public record OpenItem(
        String invoiceNo,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        @Nullable String productLine,
        int daysOverdue) {

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
