package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.creditdesk.ledger.OpenItem;
import org.creditdesk.shared.Money;

/**
 * The customer's invoices overdue beyond grace as of the check's date, read live from the ledger:
 * an invoice past grace blocks the next check, and the payment that clears it lifts the block at once.
 * Under a policy where disputed amounts do not count for the hold, only the undisputed part of each
 * invoice counts (the same rule as {@code customer_credit_state} and the daily run's holds, V52).
 */
public record OverdueFacts(int graceDays, List<Money> amounts, int maxDaysOverdue, int invoices) {

    public static OverdueFacts none(int graceDays) {
        return new OverdueFacts(graceDays, List.of(), 0, 0);
    }

    /** The facts of {@code items} (open as of the date, due before its grace cutoff) under the policy. */
    static OverdueFacts of(List<OpenItem> items, int graceDays, boolean disputedCountsForHold) {
        Map<String, Money> byCurrency = new TreeMap<>();
        int maxDays = 0;
        int counted = 0;
        for (OpenItem item : items) {
            BigDecimal amount = disputedCountsForHold
                    ? item.openAmount()
                    : item.openAmount().subtract(item.disputedAmount());
            if (amount.signum() <= 0) continue;
            byCurrency.merge(item.currency(), Money.of(amount, item.currency()), Money::plus);
            maxDays = Math.max(maxDays, item.daysOverdue());
            counted++;
        }
        return new OverdueFacts(graceDays, List.copyOf(byCurrency.values()), maxDays, counted);
    }

    public OverdueFacts {
        amounts = List.copyOf(amounts);
    }

    public boolean beyondGrace() {
        return invoices > 0;
    }
}
