package org.creditdesk.customers;

import java.time.LocalDate;

/**
 * Implemented by the ledger so that the customer status can show receivables without the
 * customer master depending on the ledger (which depends on the customer master).
 */
public interface ReceivablesView {

    ReceivablesSummary summaryOf(long customerId, LocalDate asOf);
}
