package org.creditdesk.customers;

import java.time.LocalDate;

/**
 * Implemented by the credit module so that the customer status shows the real credit state, holds,
 * exposure and limit without the customer master depending on credit (which depends on it).
 */
public interface CreditStatusView {

    CreditStanding standingOf(CustomerRef customer, LocalDate asOf);
}
