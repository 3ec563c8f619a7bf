package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.customers.ReceivablesSummary;
import org.creditdesk.customers.ReceivablesView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The ledger's answer to the customer master's question "what does this customer owe?". */
@Component
class LedgerReceivablesView implements ReceivablesView {

    private final ReceivablesRepository receivables;

    LedgerReceivablesView(ReceivablesRepository receivables) {
        this.receivables = receivables;
    }

    @Override
    @Transactional(readOnly = true)
    public ReceivablesSummary summaryOf(long customerId, LocalDate asOf) {
        return receivables.summary(customerId, asOf);
    }
}
