package org.creditdesk.customers;

import java.time.LocalDate;

/** Implemented by monitoring: the escalation level a customer's receivables put it on, on a date. */
public interface EscalationLevelView {

    int levelOf(ReceivablesSummary receivables, LocalDate asOf);
}
