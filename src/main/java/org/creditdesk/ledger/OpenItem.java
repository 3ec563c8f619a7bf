package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An invoice open as of a business date, with its days past due on that date, the part of it under
 * dispute then (collections' published {@code invoice_disputed_amounts}; never more than the open amount)
 * and the newest payment prediction of collections ({@code invoice_payment_predictions()}; absent until
 * predicted).
 */
public record OpenItem(
        String invoiceNo,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency,
        @Nullable String productLine,
        int daysOverdue,
        BigDecimal disputedAmount,
        @Nullable LocalDate predictedPayDate,
        @Nullable BigDecimal lateProbability) {

    /** An open item with nothing under dispute and no prediction. */
    public OpenItem(
            String invoiceNo,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal openAmount,
            String currency,
            @Nullable String productLine,
            int daysOverdue) {
        this(
                invoiceNo,
                issueDate,
                dueDate,
                amount,
                openAmount,
                currency,
                productLine,
                daysOverdue,
                BigDecimal.ZERO,
                null,
                null);
    }

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
