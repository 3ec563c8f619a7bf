package org.creditdesk.credit;

import java.math.BigDecimal;
import org.creditdesk.ledger.ChequeBounced;
import org.creditdesk.ledger.CreditNoteIssued;
import org.creditdesk.ledger.InvoiceIssued;
import org.creditdesk.ledger.OrderAmended;
import org.creditdesk.ledger.OrderCancelled;
import org.creditdesk.ledger.OrderInvoiced;
import org.creditdesk.ledger.OrderRecorded;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.ledger.OrderStatusChanged;
import org.creditdesk.ledger.PaymentReceived;
import org.creditdesk.ledger.PaymentReturned;
import org.creditdesk.shared.Money;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the running totals in step with the ledger. The listeners are synchronous, so each change
 * lands in the transaction of the ledger write that caused it: both commit or neither does.
 * A write that publishes no event (a set-based import) calls {@link CreditAccounts#recalculate}.
 */
@Component
class LedgerListener {

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    private final CreditAccountRepository accounts;
    private final CreditOrderRepository decisions;

    LedgerListener(CreditAccountRepository accounts, CreditOrderRepository decisions) {
        this.accounts = accounts;
        this.decisions = decisions;
    }

    @EventListener
    void on(OrderRecorded e) {
        if (e.status() == OrderStatus.RELEASED) released(e.customerId(), e.amount());
    }

    @EventListener
    void on(OrderCancelled e) {
        if (e.previousStatus() == OrderStatus.RELEASED) released(e.customerId(), negate(e.amount()));
        decisions.followLedger(e.orderNo(), OrderStatus.CANCELLED);
    }

    @EventListener
    void on(OrderInvoiced e) {
        released(e.customerId(), negate(e.amount()));
        decisions.followLedger(e.orderNo(), OrderStatus.INVOICED);
    }

    @EventListener
    void on(OrderStatusChanged e) {
        if (e.from() == OrderStatus.RELEASED) released(e.customerId(), negate(e.amount()));
        if (e.to() == OrderStatus.RELEASED) released(e.customerId(), e.amount());
    }

    @EventListener
    void on(OrderAmended e) {
        if (e.statusBefore() == OrderStatus.RELEASED) released(e.customerId(), negate(e.before()));
        if (e.statusAfter() == OrderStatus.RELEASED) released(e.customerId(), e.after());
    }

    @EventListener
    void on(InvoiceIssued e) {
        accounts.add(e.customerId(), code(e.amount()), e.amount().amount(), ZERO, ZERO);
    }

    /** What a payment applied leaves the open receivables; what it did not apply stays on account. */
    @EventListener
    void on(PaymentReceived e) {
        BigDecimal applied = e.amount().amount().subtract(e.unapplied().amount());
        accounts.add(
                e.customerId(),
                code(e.amount()),
                applied.negate(),
                ZERO,
                e.unapplied().amount());
    }

    /** A bounce undoes what the cheque did: what it settled is open again, what it left on account is gone. */
    @EventListener
    void on(ChequeBounced e) {
        accounts.add(
                e.customerId(),
                code(e.amount()),
                e.reopened().amount(),
                ZERO,
                e.unapplied().amount().negate());
    }

    /** A returned transfer undoes the same as a bounce, without the cheque rule. */
    @EventListener
    void on(PaymentReturned e) {
        accounts.add(
                e.customerId(),
                code(e.amount()),
                e.reopened().amount(),
                ZERO,
                e.unapplied().amount().negate());
    }

    @EventListener
    void on(CreditNoteIssued e) {
        BigDecimal applied = e.amount().amount().subtract(e.unapplied().amount());
        accounts.add(
                e.customerId(),
                code(e.amount()),
                applied.negate(),
                ZERO,
                e.unapplied().amount());
    }

    private void released(long customerId, BigDecimal amount, String currency) {
        accounts.add(customerId, currency, ZERO, amount, ZERO);
    }

    private void released(long customerId, Money amount) {
        released(customerId, amount.amount(), code(amount));
    }

    private static Money negate(Money money) {
        return new Money(money.amount().negate(), money.currency());
    }

    private static String code(Money money) {
        return money.currency().getCurrencyCode();
    }
}
