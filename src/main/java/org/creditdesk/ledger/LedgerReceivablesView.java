package org.creditdesk.ledger;

import java.time.LocalDate;
import org.creditdesk.customers.ReceivablesSummary;
import org.creditdesk.customers.ReceivablesView;
import org.springframework.stereotype.Component;

/** The ledger's answer to the customer master's question "what does this customer owe?". */
@Component
class LedgerReceivablesView implements ReceivablesView {

    private final ReceivablesRepository receivables;

    LedgerReceivablesView(ReceivablesRepository receivables) {
        this.receivables = receivables;
    }

    /** One statement, consistent by itself: no transaction around it (the customer read, issue 14). */
    @Override
    public ReceivablesSummary summaryOf(long customerId, LocalDate asOf) {
        return receivables.summary(customerId, asOf);
    }
}
