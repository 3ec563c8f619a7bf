package org.creditdesk.credit;

import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.ledger.Order;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.web.Locations;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders under credit control (API.md Credit): placed, amended, released, rejected, cancelled, queued. */
@RestController
@RequestMapping("/api/v1/orders")
class CreditOrderController {

    private final CreditOrders orders;
    private final Callers callers;

    CreditOrderController(CreditOrders orders, Callers callers) {
        this.orders = orders;
        this.callers = callers;
    }

    record Release(@Nullable String justification) {}

    record Reject(@Nullable String comment) {}

    record Amend(@Nullable BigDecimal amount) {}

    @PostMapping
    ResponseEntity<OrderOutcome> place(@RequestBody RecordOrder command) {
        CreditOrders.Placed placed = orders.place(command, callers.current());
        return placed.created()
                ? ResponseEntity.created(Locations.of(
                                "/api/v1/orders/{orderNo}", placed.outcome().orderNo()))
                        .body(placed.outcome())
                : ResponseEntity.ok(placed.outcome());
    }

    @GetMapping
    List<CreditOrder> list(@RequestParam(required = false) @Nullable OrderStatus status) {
        return orders.orders(status, callers.current());
    }

    @GetMapping("/{orderNo}")
    CreditOrder order(@PathVariable String orderNo) {
        return orders.order(orderNo, callers.current());
    }

    @PutMapping("/{orderNo}")
    OrderOutcome amend(@PathVariable String orderNo, @RequestBody Amend body) {
        return orders.amend(orderNo, body.amount(), callers.current());
    }

    @PostMapping("/{orderNo}/release")
    OrderOutcome release(@PathVariable String orderNo, @RequestBody(required = false) @Nullable Release body) {
        return orders.release(orderNo, body == null ? null : body.justification(), callers.current());
    }

    @PostMapping("/{orderNo}/reject")
    OrderOutcome reject(@PathVariable String orderNo, @RequestBody(required = false) @Nullable Reject body) {
        return orders.reject(orderNo, body == null ? null : body.comment(), callers.current());
    }

    @PostMapping("/{orderNo}/cancel")
    Order cancel(@PathVariable String orderNo) {
        return orders.cancel(orderNo, callers.current());
    }
}
