package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.shared.Money;

/**
 * The customer's invoices overdue beyond grace as of the check's date, read live from the ledger:
 * an invoice past grace blocks the next check, and the payment that clears it lifts the block at once.
 * Under a policy where disputed amounts do not count for the hold, only the undisputed part of each
 * invoice counts (the same rule as {@code customer_credit_state} and the daily run's holds, V52; the
 * check's snapshot applies it in SQL, V140).
 */
public record OverdueFacts(int graceDays, List<Money> amounts, int maxDaysOverdue, int invoices) {

    public static OverdueFacts none(int graceDays) {
        return new OverdueFacts(graceDays, List.of(), 0, 0);
    }

    public OverdueFacts {
        amounts = List.copyOf(amounts);
    }

    public boolean beyondGrace() {
        return invoices > 0;
    }
}
