package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Caller;
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
 * Records sales orders, their amendments and status changes. The status a new or amended order gets
 * comes from an {@link OrderDecider} (the credit check); a RELEASED order counts in exposure until it
 * is invoiced or cancelled.
 */
@Service
class SalesOrders {

    private final EnabledCurrencies enabledCurrencies;

    private final OrderRepository orders;
    private final Customers customers;
    private final ProductLines productLines;
    private final ApplicationEventPublisher events;

    SalesOrders(
            OrderRepository orders,
            Customers customers,
            ProductLines productLines,
            ApplicationEventPublisher events,
            EnabledCurrencies enabledCurrencies) {
        this.enabledCurrencies = enabledCurrencies;
        this.orders = orders;
        this.customers = customers;
        this.productLines = productLines;
        this.events = events;
    }

    @Transactional
    Recorded<Order> record(RecordOrder command, OrderDecider decider, Caller caller) {
        NewOrder prepared = prepare(command, caller);
        CustomerRef customer = prepared.customer();
        // No look-up by number first (issue 14: one round trip less per order): a repeated order is decided
        // again, its insert then finds the number taken and the stored order answers (or 409 if it differs).
        Order order = prepared.order().withStatus(decider.decide(customer, prepared.order(), null));
        Optional<Long> id = orders.insert(customer.id(), order);
        if (id.isEmpty()) {
            return new Recorded<>(repeated(prepared), false);
        }
        recorded(prepared, id.get(), order.status());
        return new Recorded<>(order, true);
    }

    /** Publishes {@link OrderRecorded} for a new order stored as {@code id} with {@code status}. */
    void recorded(NewOrder prepared, long id, OrderStatus status) {
        Order order = prepared.order();
        events.publishEvent(new OrderRecorded(
                id,
                order.orderNo(),
                prepared.customer().id(),
                Money.of(order.amount(), order.currency()),
                order.orderDate(),
                status));
    }

    /**
     * Validates a new order (400 naming every bad field; 404 for a customer the caller may not see) and makes
     * sure its product line exists; the order itself is not written. Its status is a placeholder.
     */
    @Transactional
    NewOrder prepare(RecordOrder command, Caller caller) {
        OrderRequest request = validate(command);
        return prepare(request, customers.require(request.customerCode(), caller));
    }

    /** A new order's own fields validated (422 for a currency not enabled, 400 naming every bad field). */
    OrderRequest validate(RecordOrder command) {
        Inputs in = new Inputs();
        String orderNo = in.key("orderNo", command.orderNo());
        String customerCode = in.text("customerCode", command.customerCode());
        LocalDate orderDate = in.date("orderDate", command.orderDate());
        Currency currency = in.currency("currency", command.currency());
        enabledCurrencies.require("currency", currency);
        BigDecimal amount = in.amount("amount", command.amount(), currency);
        String productLine = in.optionalText("productLine", command.productLine(), TextLimits.SHORT_MAX);
        String contractNo = in.optionalText("contractNo", command.contractNo(), TextLimits.KEY_MAX);
        in.rejectIfAny();
        return new OrderRequest(orderNo, customerCode, orderDate, currency, amount, productLine, contractNo);
    }

    /**
     * A validated order for the customer its code named, found by the caller within the caller's areas: the
     * amount's decimals in the order's currency (else the customer's; 400), its product line made sure of.
     */
    NewOrder prepare(OrderRequest request, CustomerRef customer) {
        Currency currency = request.currency();
        Money money = Inputs.money(
                "amount", request.amount(), currency != null ? currency : Currency.getInstance(customer.currency()));
        if (request.productLine() != null) {
            productLines.ensureExist(List.of(request.productLine()));
        }
        return new NewOrder(
                new Order(
                        request.orderNo(),
                        customer.code(),
                        request.orderDate(),
                        money.amount(),
                        money.currency().getCurrencyCode(),
                        request.productLine(),
                        request.contractNo(),
                        OrderStatus.RELEASED),
                customer);
    }

    /** The stored order whose number a new order found taken: the same order (a repeat), else 409. */
    @Transactional
    Order repeated(NewOrder prepared) {
        StoredOrder existing = orders.findByNo(prepared.order().orderNo()).orElseThrow();
        Order order = existing.order();
        Order requested = prepared.order();
        boolean same = existing.customerId() == prepared.customer().id()
                && order.orderDate().equals(requested.orderDate())
                && order.amount().compareTo(requested.amount()) == 0
                && order.currency().equals(requested.currency())
                && Objects.equals(order.productLine(), requested.productLine())
                && Objects.equals(order.contractNo(), requested.contractNo());
        if (!same) {
            throw ProblemException.conflict("Order %s exists already with other content".formatted(order.orderNo()))
                    .withKey("problem.text.orderExistsAlreadyWithOtherContent", order.orderNo());
        }
        return order;
    }

    @Transactional
    Order cancel(String orderNo, Caller caller) {
        StoredOrder stored = orders.lockByNo(orderNo).orElseThrow(() -> unknown(orderNo));
        customers.require(stored.order().customerCode(), caller);
        Order order = stored.order();
        return switch (order.status()) {
            case CANCELLED -> order;
            case RELEASED, BLOCKED -> {
                orders.setStatus(stored.id(), OrderStatus.CANCELLED);
                events.publishEvent(new OrderCancelled(
                        stored.id(),
                        orderNo,
                        stored.customerId(),
                        Money.of(order.amount(), order.currency()),
                        order.status()));
                yield order.withStatus(OrderStatus.CANCELLED);
            }
            case INVOICED, REJECTED ->
                throw ProblemException.ruleViolation(
                                "status",
                                "Order %s is %s and can no longer be cancelled".formatted(orderNo, order.status()))
                        .withKey("problem.text.orderIsAndCanNoLongerBe2", orderNo, order.status());
        };
    }

    /** Moves an order from one of {@code from} to {@code to}; any other current status is refused (422). */
    @Transactional
    Order changeStatus(String orderNo, Set<OrderStatus> from, OrderStatus to, Caller caller) {
        StoredOrder stored = orders.lockByNo(orderNo).orElseThrow(() -> unknown(orderNo));
        customers.require(stored.order().customerCode(), caller);
        Order order = stored.order();
        if (!from.contains(order.status())) {
            throw ProblemException.ruleViolation(
                            "status",
                            "Order %s is %s; only %s orders can become %s".formatted(orderNo, order.status(), from, to))
                    .withKey("problem.text.orderIsOnlyOrdersCanBecome", orderNo, order.status(), from, to);
        }
        orders.setStatus(stored.id(), to);
        events.publishEvent(new OrderStatusChanged(
                stored.id(),
                orderNo,
                stored.customerId(),
                Money.of(order.amount(), order.currency()),
                order.status(),
                to));
        return order.withStatus(to);
    }

    /**
     * Changes the amount of an order that is not invoiced or cancelled; the decider sets the status
     * it has afterwards (an increase or a re-opened order is checked again).
     */
    @Transactional
    Order amend(String orderNo, @Nullable BigDecimal newAmount, OrderDecider decider, Caller caller) {
        StoredOrder stored = orders.lockByNo(orderNo).orElseThrow(() -> unknown(orderNo));
        CustomerRef customer = customers.require(stored.order().customerCode(), caller);
        Order current = stored.order();
        Inputs in = new Inputs();
        Currency currency = Currency.getInstance(current.currency());
        BigDecimal amount = in.amount("amount", newAmount, currency);
        in.rejectIfAny();
        if (current.status() == OrderStatus.INVOICED || current.status() == OrderStatus.CANCELLED) {
            throw ProblemException.ruleViolation(
                            "status",
                            "Order %s is %s and can no longer be changed".formatted(orderNo, current.status()))
                    .withKey("problem.text.orderIsAndCanNoLongerBe", orderNo, current.status());
        }
        Money after = Inputs.money("amount", amount, currency);
        Order proposed = new Order(
                current.orderNo(),
                current.customerCode(),
                current.orderDate(),
                after.amount(),
                current.currency(),
                current.productLine(),
                current.contractNo(),
                current.status());
        OrderStatus status = decider.decide(customer, proposed, current);
        Order amended = proposed.withStatus(status);
        if (amended.equals(current)) {
            return current;
        }
        orders.amend(stored.id(), after.amount(), status);
        events.publishEvent(new OrderAmended(
                stored.id(),
                orderNo,
                stored.customerId(),
                Money.of(current.amount(), current.currency()),
                current.status(),
                after,
                status));
        return amended;
    }

    @Transactional(readOnly = true)
    Order find(String orderNo, Caller caller) {
        Order order =
                orders.findByNo(orderNo).orElseThrow(() -> unknown(orderNo)).order();
        customers.require(order.customerCode(), caller);
        return order;
    }

    @Transactional(readOnly = true)
    ResultPage<Order> ofCustomer(CustomerRef customer, int page, int size) {
        return new ResultPage<>(
                orders.ofCustomer(customer.id(), size, (long) page * size),
                page,
                size,
                orders.countOfCustomer(customer.id()));
    }

    private static ProblemException unknown(String orderNo) {
        return ProblemException.notFound("Unknown order " + orderNo).withKey("problem.text.unknownOrder", orderNo);
    }
}
