package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.ReceivablesSummary;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receivables ledger's public face: records orders, invoices, credit notes and payments under
 * their natural keys (same content again changes nothing) and answers what a customer owes.
 * Every method checks that the caller may see the customer (404 otherwise).
 */
@Service
public class Ledger {

    static final int MAX_PAGE_SIZE = 200;

    private final SalesOrders orders;
    private final Invoicing invoicing;
    private final CreditNotes creditNotes;
    private final Payments payments;
    private final PaymentBounces bounces;
    private final ReceivablesRepository receivables;
    private final BalanceRepository balances;
    private final Customers customers;
    private final BusinessCalendar calendar;

    Ledger(
            SalesOrders orders,
            Invoicing invoicing,
            CreditNotes creditNotes,
            Payments payments,
            PaymentBounces bounces,
            ReceivablesRepository receivables,
            BalanceRepository balances,
            Customers customers,
            BusinessCalendar calendar) {
        this.balances = balances;
        this.orders = orders;
        this.invoicing = invoicing;
        this.creditNotes = creditNotes;
        this.payments = payments;
        this.bounces = bounces;
        this.receivables = receivables;
        this.customers = customers;
        this.calendar = calendar;
    }

    /**
     * Records an order as released without a credit decision: for orders the ERP has released
     * already (imports of history, the demo). New orders go through the credit module's
     * {@code POST /orders}, which validates them with {@link #prepareOrder} and writes them with the
     * published SQL function {@code ledger_insert_order} (V126) inside its own statement.
     */
    public Recorded<Order> recordOrder(RecordOrder command, Caller caller) {
        return orders.record(command, OrderDecider.ALWAYS_RELEASE, caller);
    }

    /**
     * Validates the order; a new one is recorded with the status {@code decider} gives, in the same transaction,
     * and published as {@link OrderRecorded}: the step-by-step path {@link #prepareOrder} replaces for
     * {@code POST /orders} (its equivalence test compares the two).
     */
    public Recorded<Order> recordOrder(RecordOrder command, OrderDecider decider, Caller caller) {
        return orders.record(command, decider, caller);
    }

    /**
     * Validates a new order's own fields (400 naming every bad field, 422 for a currency not enabled), before its
     * customer is looked up: the first step of {@code POST /orders}, which then finds the customer by code within
     * the caller's areas in the same statement as its credit snapshot and goes on with {@link #prepareOrder}.
     */
    public OrderRequest validateOrder(RecordOrder command) {
        return orders.validate(command);
    }

    /**
     * A validated order for its customer, found by the caller within the caller's areas (404 is the caller's),
     * with the amount's decimals checked in its currency and its product line made sure of, without writing the
     * order: the caller decides its status and inserts it with {@code ledger_insert_order(...)} (NULL when the
     * number is taken; then {@link #repeatedOrder}), then calls {@link #orderRecorded}.
     */
    public NewOrder prepareOrder(OrderRequest request, CustomerRef customer) {
        return orders.prepare(request, customer);
    }

    /** Publishes {@link OrderRecorded} for an order inserted with {@code ledger_insert_order} as {@code id}. */
    public void orderRecorded(NewOrder prepared, long id, OrderStatus status) {
        orders.recorded(prepared, id, status);
    }

    /** The stored order whose number {@code prepared} found taken: the same order (a repeat), else 409. */
    public Order repeatedOrder(NewOrder prepared) {
        return orders.repeated(prepared);
    }

    /** Moves an order that is in one of {@code from} to {@code to} (else 422). */
    public Order changeOrderStatus(String orderNo, Set<OrderStatus> from, OrderStatus to, Caller caller) {
        return orders.changeStatus(orderNo, from, to, caller);
    }

    /** Changes an open order's amount; the decider sets its status afterwards. */
    public Order amendOrder(String orderNo, @Nullable BigDecimal amount, OrderDecider decider, Caller caller) {
        return orders.amend(orderNo, amount, decider, caller);
    }

    public Order cancelOrder(String orderNo, Caller caller) {
        return orders.cancel(orderNo, caller);
    }

    public Order order(String orderNo, Caller caller) {
        return orders.find(orderNo, caller);
    }

    public Recorded<Invoice> issueInvoice(IssueInvoice command, Caller caller) {
        return invoicing.issue(command, caller);
    }

    public Invoice invoice(String invoiceNo, Caller caller) {
        return invoicing.find(invoiceNo, caller);
    }

    public Recorded<CreditNote> issueCreditNote(IssueCreditNote command, Caller caller) {
        return creditNotes.issue(command, caller);
    }

    public CreditNote creditNote(String creditNoteNo, Caller caller) {
        return creditNotes.find(creditNoteNo, caller);
    }

    public Recorded<Payment> receivePayment(ReceivePayment command, Caller caller) {
        return payments.receive(command, caller);
    }

    public Payment payment(String paymentNo, Caller caller) {
        return payments.find(paymentNo, caller);
    }

    /**
     * Bounces a cheque payment: reverses its settlements as of {@code bouncedOn} and reopens what it
     * settled (422 for other payment methods, 409 when it bounced already). {@link ChequeBounced}
     * lets the credit and risk modules stop the customer in the same transaction.
     */
    public BouncedPayment bounce(String paymentNo, BounceCheque command, Caller caller) {
        return bounces.bounce(paymentNo, command, caller);
    }

    /** The customer's invoices open as of the date (default today), oldest due first. */
    @Transactional(readOnly = true)
    public List<OpenItem> openItems(String customerCode, @Nullable LocalDate asOf, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return receivables.openItems(customer.id(), calendar.asOfOrToday(asOf));
    }

    public ResultPage<Payment> payments(String customerCode, int page, int size, Caller caller) {
        checkPage(page, size);
        return payments.ofCustomer(customers.require(customerCode, caller), page, size);
    }

    public ResultPage<Order> orders(String customerCode, int page, int size, Caller caller) {
        checkPage(page, size);
        return orders.ofCustomer(customers.require(customerCode, caller), page, size);
    }

    /**
     * What the customer owes or has committed to as of the date, in its currency: open receivables
     * plus released orders not yet invoiced, less cash and credit on account.
     */
    @Transactional(readOnly = true)
    public Money exposure(CustomerRef customer, LocalDate asOf) {
        ReceivablesSummary summary = receivables.summary(customer.id(), asOf);
        return Money.of(
                summary.openReceivables().add(summary.releasedOrders()).subtract(summary.unappliedCash()),
                customer.currency());
    }

    /**
     * Current totals per customer and currency from the documents as they stand (set-based: one
     * statement for all the given customers, or for every customer when {@code customerIds} is null).
     */
    @Transactional(readOnly = true)
    public List<LedgerBalance> balances(@Nullable Collection<Long> customerIds) {
        return balances.balances(customerIds);
    }

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw ProblemException.malformed("Bad page", List.of(Violation.field("page", "must be 0 or more")))
                    .withKey("problem.text.badPage");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.malformed(
                            "Bad page size",
                            List.of(Violation.field("size", "must be between 1 and %d".formatted(MAX_PAGE_SIZE))))
                    .withKey("problem.text.badPageSize");
        }
    }
}
