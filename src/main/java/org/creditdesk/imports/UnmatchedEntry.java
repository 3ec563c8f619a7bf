package org.creditdesk.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.ledger.BankCandidate;
import org.jspecify.annotations.Nullable;

/** A credit in the unmatched queue with the customers it most likely belongs to. */
public record UnmatchedEntry(
        long id,
        LocalDate bookedOn,
        BigDecimal amount,
        String currency,
        @Nullable String payerName,
        @Nullable String payerAccount,
        String remittance,
        String bankCode,
        @Nullable String reason,
        List<BankCandidate> candidates) {

    public UnmatchedEntry {
        candidates = List.copyOf(candidates);
    }
}
