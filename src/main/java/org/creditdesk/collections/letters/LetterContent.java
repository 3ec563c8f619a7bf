package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a reminder letter says, stored with it (reminder_letter.data) so that it re-renders
 * identically whatever happens to the ledger or the template later.
 *
 * @param invoices the overdue invoices with the amount claimed: open minus disputed
 * @param totals the claimed total per currency
 */
record LetterContent(
        String companyName,
        String customerCode,
        String customerName,
        @Nullable String customerAddress,
        LocalDate letterDate,
        int level,
        String language,
        String recipientName,
        @Nullable String recipient,
        List<String> cc,
        List<Line> invoices,
        List<Total> totals,
        int maxDaysOverdue,
        List<BrokenPromise> brokenPromises,
        String replyContact,
        String signature) {

    record Line(
            String invoiceNo,
            LocalDate issueDate,
            LocalDate dueDate,
            int daysOverdue,
            String currency,
            BigDecimal openAmount,
            BigDecimal disputedAmount,
            BigDecimal claimedAmount) {}

    record Total(String currency, BigDecimal amount) {}

    record BrokenPromise(LocalDate promisedOn, String currency, BigDecimal amount, BigDecimal paidAmount) {}
}
