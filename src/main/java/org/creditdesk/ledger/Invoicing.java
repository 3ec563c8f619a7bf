package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.InvoiceRepository.StoredInvoice;
import org.creditdesk.ledger.OrderRepository.StoredOrder;
import org.creditdesk.shared.EnabledCurrencies;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.TextLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices. An invoice that names an order marks the whole order INVOICED, even when it bills
 * only part of it: the order then stops counting as a released order and only the invoice counts,
 * so exposure never counts the same sale twice (a partly billed order under-counts its rest instead).
 */
@Service
class Invoicing {

    private final EnabledCurrencies enabledCurrencies;

    private final InvoiceRepository invoices;
    private final OrderRepository orders;
    private final Customers customers;
    private final ProductLines productLines;
    private final ApplicationEventPublisher events;

    Invoicing(
            InvoiceRepository invoices,
            OrderRepository orders,
            Customers customers,
            ProductLines productLines,
            ApplicationEventPublisher events,
            EnabledCurrencies enabledCurrencies) {
        this.enabledCurrencies = enabledCurrencies;
        this.invoices = invoices;
        this.orders = orders;
        this.customers = customers;
        this.productLines = productLines;
        this.events = events;
    }

    @Transactional
    Recorded<Invoice> issue(IssueInvoice command, Caller caller) {
        Inputs in = new Inputs();
        String invoiceNo = in.key("invoiceNo", command.invoiceNo());
        String customerCode = in.text("customerCode", command.customerCode());
        String orderNo = in.optionalText("orderNo", command.orderNo(), TextLimits.KEY_MAX);
        LocalDate issueDate = in.date("issueDate", command.issueDate());
        LocalDate dueDate = in.date("dueDate", command.dueDate());
        Currency currency = in.currency("currency", command.currency());
        enabledCurrencies.require("currency", currency);
        BigDecimal amount = in.amount("amount", command.amount(), currency);
        String productLine = in.optionalText("productLine", command.productLine(), TextLimits.SHORT_MAX);
        in.rejectIfAny();

        CustomerRef customer = customers.require(customerCode, caller);
        Money money =
                Inputs.money("amount", amount, currency != null ? currency : Currency.getInstance(customer.currency()));
        Invoice invoice = new Invoice(
                invoiceNo,
                customer.code(),
                orderNo,
                issueDate,
                dueDate,
                money.amount(),
                money.amount(),
                money.currency().getCurrencyCode(),
                productLine);

        Optional<StoredInvoice> existing = invoices.findByNo(invoiceNo);
        if (existing.isPresent()) {
            return unchanged(existing.get(), customer, invoice);
        }
        if (dueDate.isBefore(issueDate)) {
            throw ProblemException.ruleViolation(
                            "dueDate", "The due date %s is before the issue date %s".formatted(dueDate, issueDate))
                    .withKey("problem.text.theDueDateIsBeforeTheIssue", dueDate, issueDate);
        }
        StoredOrder order = orderNo == null ? null : invoicedOrder(orderNo, customer);
        if (productLine != null) {
            productLines.ensureExist(List.of(productLine));
        }
        Optional<Long> id = invoices.insert(customer.id(), invoice);
        if (id.isEmpty()) {
            return unchanged(invoices.findByNo(invoiceNo).orElseThrow(), customer, invoice);
        }
        if (order != null && order.order().status() == OrderStatus.RELEASED) {
            orders.setStatus(order.id(), OrderStatus.INVOICED);
            events.publishEvent(new OrderInvoiced(
                    order.id(),
                    order.order().orderNo(),
                    customer.id(),
                    Money.of(order.order().amount(), order.order().currency())));
        }
        events.publishEvent(
                new InvoiceIssued(id.get(), invoiceNo, customer.id(), money, invoice.currency(), issueDate, dueDate));
        return new Recorded<>(invoice, true);
    }

    @Transactional(readOnly = true)
    Invoice find(String invoiceNo, Caller caller) {
        Invoice invoice = invoices.findByNo(invoiceNo)
                .orElseThrow(() -> ProblemException.notFound("Unknown invoice " + invoiceNo)
                        .withKey("problem.text.unknownInvoice", invoiceNo))
                .invoice();
        customers.require(invoice.customerCode(), caller);
        return invoice;
    }

    /** The order the invoice bills, locked so that a concurrent cancellation waits for us. */
    private StoredOrder invoicedOrder(String orderNo, CustomerRef customer) {
        StoredOrder order = orders.lockByNo(orderNo)
                .filter(o -> o.customerId() == customer.id())
                .orElseThrow(() -> ProblemException.ruleViolation(
                                "orderNo",
                                "Order %s is not an order of customer %s".formatted(orderNo, customer.code()))
                        .withKey("problem.text.orderIsNotAnOrderOfCustomer", orderNo, customer.code()));
        OrderStatus status = order.order().status();
        if (status != OrderStatus.RELEASED && status != OrderStatus.INVOICED) {
            throw ProblemException.ruleViolation(
                            "orderNo",
                            "Order %s is %s; only released orders can be invoiced".formatted(orderNo, status))
                    .withKey("problem.text.orderIsOnlyReleasedOrdersCanBe", orderNo, status);
        }
        return order;
    }

    private static Recorded<Invoice> unchanged(StoredInvoice existing, CustomerRef customer, Invoice requested) {
        Invoice invoice = existing.invoice();
        boolean same = existing.customerId() == customer.id()
                && Objects.equals(invoice.orderNo(), requested.orderNo())
                && invoice.issueDate().equals(requested.issueDate())
                && invoice.dueDate().equals(requested.dueDate())
                && invoice.amount().compareTo(requested.amount()) == 0
                && invoice.currency().equals(requested.currency())
                && Objects.equals(invoice.productLine(), requested.productLine());
        if (!same) {
            throw ProblemException.conflict(
                            "Invoice %s exists already with other content".formatted(invoice.invoiceNo()))
                    .withKey("problem.text.invoiceExistsAlreadyWithOtherContent", invoice.invoiceNo());
        }
        return new Recorded<>(invoice, false);
    }

    static Allocation.OpenInvoice openItem(Invoice invoice) {
        return new Allocation.OpenInvoice(
                invoice.invoiceNo(),
                invoice.issueDate(),
                invoice.dueDate(),
                Money.of(invoice.openAmount(), invoice.currency()));
    }

    /**
     * Money cannot settle an invoice before the invoice exists: a payment or credit note dated
     * earlier takes effect on the invoice's issue date, which keeps history as of any date sound.
     */
    static LocalDate effectiveOn(LocalDate received, @Nullable Invoice invoice) {
        return invoice == null ? received : effectiveOn(received, invoice.issueDate());
    }

    static LocalDate effectiveOn(LocalDate received, LocalDate issued) {
        return issued.isAfter(received) ? issued : received;
    }
}
