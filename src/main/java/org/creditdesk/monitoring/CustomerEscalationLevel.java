package org.creditdesk.monitoring;

import java.time.LocalDate;
import org.creditdesk.customers.EscalationLevelView;
import org.creditdesk.customers.ReceivablesSummary;
import org.springframework.stereotype.Component;

/** The customer status's escalation level: the same ladder the daily run climbs, evaluated live. */
@Component
class CustomerEscalationLevel implements EscalationLevelView {

    private final Escalations escalations;

    CustomerEscalationLevel(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public int levelOf(ReceivablesSummary receivables, LocalDate asOf) {
        if (receivables.maxDaysOverdue() <= 0) return 0;
        OverdueSnapshot snapshot =
                new OverdueSnapshot(asOf, receivables.overdueAmount(), asOf.minusDays(receivables.maxDaysOverdue()));
        return escalations.levels().evaluate(snapshot).level();
    }
}
