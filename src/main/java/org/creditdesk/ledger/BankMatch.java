package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.util.List;

/** What became of a bank credit: a payment of an identified customer, or a place in the unmatched queue. */
public sealed interface BankMatch {

    /** How the customer was identified. */
    enum MatchedBy {
        ACCOUNT,
        INVOICE,
        CUSTOMER_CODE,
        ASSIGNED
    }

    /**
     * Booked as payment {@code paymentNo}: {@code invoiceNos} are the invoices it settled (named in
     * the remittance, or the oldest open ones), {@code unapplied} stays on account, {@code writtenOff}
     * is the short payment within the tolerance that a credit note settled.
     */
    record Booked(
            String paymentNo,
            String customerCode,
            MatchedBy by,
            List<String> invoiceNos,
            BigDecimal unapplied,
            BigDecimal writtenOff)
            implements BankMatch {

        public Booked {
            invoiceNos = List.copyOf(invoiceNos);
        }
    }

    /** No customer, or more than one ({@code candidates} then names them). */
    record Unmatched(String reason, List<String> candidates) implements BankMatch {

        public Unmatched {
            candidates = List.copyOf(candidates);
        }
    }
}
