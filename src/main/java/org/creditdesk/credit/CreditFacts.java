package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.customers.CreditState;
import org.jspecify.annotations.Nullable;

/**
 * What is known about a customer's credit beyond its figures: set by later modules (stops, legal
 * action, links to stopped customers, risk class, bounced cheques) and by holds.
 */
public record CreditFacts(
        CreditState storedState,
        @Nullable String stopReason,
        boolean legal,
        boolean linkedToStopped,
        boolean bouncedCheque,
        @Nullable String riskClass,
        List<CustomerHold> activeHolds) {

    public static final CreditFacts NONE =
            new CreditFacts(CreditState.ACTIVE, null, false, false, false, null, List.of());

    public CreditFacts {
        activeHolds = List.copyOf(activeHolds);
    }

    /**
     * The active holds that block on their own. An automatic OVERDUE hold only mirrors the live overdue
     * rule (placed and lifted by the daily run), so the live rule decides: a payment that clears the
     * overdue lifts the block at once, before the next run lifts the hold itself.
     */
    public List<CustomerHold> blockingHolds() {
        return activeHolds.stream().filter(h -> !h.mirrorsOverdueRule()).toList();
    }
}
