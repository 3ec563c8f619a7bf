package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An invoice open as of a business date, with its days past due on that date, and the newest payment
 * prediction of collections ({@code invoice_payment_predictions()}; absent until predicted).
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
        @Nullable LocalDate predictedPayDate,
        @Nullable BigDecimal lateProbability) {

    public OpenItem(
            String invoiceNo,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal openAmount,
            String currency,
            @Nullable String productLine,
            int daysOverdue) {
        this(invoiceNo, issueDate, dueDate, amount, openAmount, currency, productLine, daysOverdue, null, null);
    }

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
