package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Records sales orders. The credit check that may block an order comes with the credit module;
 * until then every order is released and the answer shows the customer's real exposure.
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final Ledger ledger;
    private final Customers customers;
    private final Callers callers;
    private final BusinessCalendar calendar;

    OrderController(Ledger ledger, Customers customers, Callers callers, BusinessCalendar calendar) {
        this.ledger = ledger;
        this.customers = customers;
        this.callers = callers;
        this.calendar = calendar;
    }

    record Reason(String code, String message) {}

    record OrderAnswer(
            String orderNo,
            OrderStatus status,
            List<Reason> reasons,
            BigDecimal exposure,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal available) {}

    @PostMapping
    ResponseEntity<OrderAnswer> record(@RequestBody RecordOrder command) {
        var caller = callers.current();
        Recorded<Order> recorded = ledger.recordOrder(command, caller);
        Order order = recorded.document();
        // Exposure after this order, so it counts even when it is dated after today.
        LocalDate today = calendar.today();
        LocalDate asOf = order.orderDate().isAfter(today) ? order.orderDate() : today;
        BigDecimal exposure = ledger.exposure(customers.require(order.customerCode(), caller), asOf)
                .amount();
        OrderAnswer answer = new OrderAnswer(order.orderNo(), order.status(), List.of(), exposure, null, null);
        return recorded.created()
                ? ResponseEntity.created(URI.create("/api/v1/orders/" + order.orderNo()))
                        .body(answer)
                : ResponseEntity.ok(answer);
    }

    @PostMapping("/{orderNo}/cancel")
    Order cancel(@PathVariable String orderNo) {
        return ledger.cancelOrder(orderNo, callers.current());
    }

    @GetMapping("/{orderNo}")
    Order order(@PathVariable String orderNo) {
        return ledger.order(orderNo, callers.current());
    }
}
