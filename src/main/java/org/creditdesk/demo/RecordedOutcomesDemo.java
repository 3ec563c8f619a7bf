package org.creditdesk.demo;

import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.LegalCase;
import org.creditdesk.monitoring.LegalCaseStatus;
import org.creditdesk.monitoring.LegalCases;
import org.creditdesk.risk.CustomerOutcomes;
import org.springframework.stereotype.Component;

/**
 * The demo's recorded outcomes (issue 16), consistent with its ledger: each legal case the replay
 * opened is a LEGAL_CASE outcome on its opening day, and a case written off also a WRITE_OFF on its
 * closing day, so the customer risk page and a fit to recorded outcomes have something to show.
 * Recorded through the risk facade as a credit manager would, so they are validated and audited.
 */
@Component
class RecordedOutcomesDemo {

    private final LegalCases legalCases;
    private final CustomerOutcomes outcomes;

    RecordedOutcomesDemo(LegalCases legalCases, CustomerOutcomes outcomes) {
        this.legalCases = legalCases;
        this.outcomes = outcomes;
    }

    /** Records the outcomes; returns how many. */
    int record() {
        int recorded = 0;
        for (LegalCase legalCase : legalCases.list(null, Caller.SYSTEM)) {
            String note = "Legal case " + legalCase.id();
            outcomes.record(
                    legalCase.customerCode(),
                    new CustomerOutcomes.Outcome("LEGAL_CASE", legalCase.openedOn(), note),
                    Caller.SYSTEM);
            recorded++;
            if (legalCase.status() == LegalCaseStatus.WRITTEN_OFF && legalCase.closedOn() != null) {
                outcomes.record(
                        legalCase.customerCode(),
                        new CustomerOutcomes.Outcome("WRITE_OFF", legalCase.closedOn(), note + " written off"),
                        Caller.SYSTEM);
                recorded++;
            }
        }
        return recorded;
    }
}
