package org.creditdesk.credit;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Everything the credit rules look at, gathered once per check.
 *
 * @param requested the amount asked for, in its own currency
 * @param requestedInLineCurrency the same converted into the line's currency (null without a line or a rate)
 * @param contractNo the contract the order draws on, or null for the customer's overall line
 * @param line the line the order draws on (the contract's when it names one), or null when there is none
 * @param exposure what that line carries now, in its currency (the customer's without a line); null
 *     when a document's currency has no stored rate
 * @param missingRates the conversions that had no stored rate, for the message
 */
record CreditSnapshot(
        LocalDate asOf,
        Money requested,
        @Nullable Money requestedInLineCurrency,
        @Nullable String contractNo,
        @Nullable CustomerCreditLine line,
        @Nullable Exposure exposure,
        List<String> missingRates,
        OverdueFacts overdue,
        CreditFacts facts) {

    CreditSnapshot {
        missingRates = List.copyOf(missingRates);
    }

    boolean contractOrder() {
        return contractNo != null;
    }
}
