package org.creditdesk.imports;

import java.math.BigDecimal;
import java.util.List;

/**
 * API.md "Bank statements": {@code statementId} is the first statement of the file ({@code
 * statementIds} lists all), {@code entries} counts every booked entry read; {@code results} gives
 * each entry's outcome. {@code charges} are the bank's return charges, kept on the entries and not
 * charged on to customers.
 */
public record BankStatementResult(
        long statementId,
        List<Long> statementIds,
        int entries,
        int paymentsCreated,
        int matched,
        int unmatched,
        int returned,
        int duplicates,
        int ignored,
        int returnsUnmatched,
        BigDecimal charges,
        List<EntryOutcome> results) {

    public BankStatementResult {
        statementIds = List.copyOf(statementIds);
        results = List.copyOf(results);
    }
}
