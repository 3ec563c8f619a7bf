package org.creditdesk.customers;

/**
 * The list's credit-state and risk-class filters, while no module keeps either. Until the credit
 * module places holds, every customer is ACTIVE, so ACTIVE keeps all and ON_HOLD / STOPPED keep
 * none; until the risk module scores customers, no customer has a risk class, so any risk class
 * keeps none. When those modules arrive, these filters become joins on their tables.
 */
final class StatusFilter {

    private StatusFilter() {}

    static boolean matchesAnyCustomer(CustomerQuery query) {
        boolean creditStateMatches = query.creditState() == null || query.creditState() == CreditState.ACTIVE;
        boolean riskClassMatches = query.riskClass() == null;
        return creditStateMatches && riskClassMatches;
    }
}
