package org.creditdesk.credit;

import java.util.Currency;
import org.creditdesk.shared.Money;

/**
 * What a customer (or one contract's line) owes or has been allowed to order, in one currency, each
 * part shown: open receivables, released orders not yet invoiced, cheques received but not yet
 * cleared (they settled invoices but the bank may return them), less cash and credit notes on
 * account. Not floored at zero: a customer who paid ahead has negative exposure and more headroom.
 */
public record Exposure(Money openReceivables, Money releasedOrders, Money unclearedCheques, Money unappliedCredit) {

    public static Exposure zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new Exposure(zero, zero, zero, zero);
    }

    public Money total() {
        return openReceivables.plus(releasedOrders).plus(unclearedCheques).minus(unappliedCredit);
    }

    public Currency currency() {
        return openReceivables.currency();
    }

    /** The same exposure with one more released order (the one being checked). */
    public Exposure withReleased(Money order) {
        return new Exposure(openReceivables, releasedOrders.plus(order), unclearedCheques, unappliedCredit);
    }
}
