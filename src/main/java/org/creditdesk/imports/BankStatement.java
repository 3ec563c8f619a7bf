package org.creditdesk.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One account statement (camt.053), account report (camt.052), debit/credit notification (camt.054)
 * or MT940 message, as the parser read it: nothing matched yet.
 */
record BankStatement(
        StatementFormat format,
        @Nullable String messageId,
        String statementRef,
        @Nullable String sequence,
        String account,
        @Nullable String currency,
        @Nullable Balance opening,
        @Nullable Balance closing,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        List<Entry> entries) {

    BankStatement {
        entries = List.copyOf(entries);
    }

    /** What identifies the statement whatever file it came in: account, statement id, sequence, dates. */
    String identity() {
        return String.join(
                "|",
                format.family(),
                account,
                statementRef,
                String.valueOf(sequence),
                String.valueOf(from),
                String.valueOf(to));
    }

    enum StatementFormat {
        CAMT_052,
        CAMT_053,
        CAMT_054,
        MT940;

        String family() {
            return this == MT940 ? "MT940" : "CAMT";
        }
    }

    /** A booked balance; {@code amount} is negative for a debit balance. */
    record Balance(
            String type,
            BigDecimal amount,
            String currency,
            @Nullable LocalDate date) {}

    /**
     * One booked entry. {@code amount} is positive; {@code credit} tells the direction as booked
     * (a reversal of a credit is booked as a debit). {@code location} names where it stands in the
     * file (an element path or a line), for messages.
     */
    record Entry(
            int position,
            String location,
            @Nullable String bankReference,
            LocalDate bookedOn,
            @Nullable LocalDate valueOn,
            BigDecimal amount,
            String currency,
            boolean credit,
            boolean reversal,
            boolean returned,
            @Nullable String returnReason,
            String bankCode,
            boolean cheque,
            @Nullable String chequeNo,
            @Nullable String endToEndId,
            @Nullable String counterpartyName,
            @Nullable String counterpartyAccount,
            String remittance,
            List<String> structuredRefs,
            BigDecimal charges) {

        Entry {
            structuredRefs = List.copyOf(structuredRefs);
        }

        /** A debit that takes back an earlier credit: a reversal or a returned item. */
        boolean takesBackACredit() {
            return !credit && (reversal || returned);
        }
    }
}
