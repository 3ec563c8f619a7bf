package org.creditdesk.ledger;

import java.time.LocalDate;
import java.util.List;
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
    private final ReceivablesRepository receivables;
    private final Customers customers;
    private final BusinessCalendar calendar;

    Ledger(
            SalesOrders orders,
            Invoicing invoicing,
            CreditNotes creditNotes,
            Payments payments,
            ReceivablesRepository receivables,
            Customers customers,
            BusinessCalendar calendar) {
        this.orders = orders;
        this.invoicing = invoicing;
        this.creditNotes = creditNotes;
        this.payments = payments;
        this.receivables = receivables;
        this.customers = customers;
        this.calendar = calendar;
    }

    public Recorded<Order> recordOrder(RecordOrder command, Caller caller) {
        return orders.record(command, caller);
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

    private static void checkPage(int page, int size) {
        if (page < 0) {
            throw ProblemException.malformed("Bad page", List.of(Violation.field("page", "must be 0 or more")));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.malformed(
                    "Bad page size",
                    List.of(Violation.field("size", "must be between 1 and %d".formatted(MAX_PAGE_SIZE))));
        }
    }
}
