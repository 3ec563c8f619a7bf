package org.creditdesk.ledger;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's ledger: open items as of a date, payments and orders. */
@RestController
@RequestMapping("/api/v1/customers/{code}")
class CustomerLedgerController {

    private final Ledger ledger;
    private final Callers callers;

    CustomerLedgerController(Ledger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @GetMapping("/open-items")
    List<OpenItem> openItems(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return ledger.openItems(code, asOf, callers.current());
    }

    @GetMapping("/payments")
    ResultPage<Payment> payments(
            @PathVariable String code,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return ledger.payments(code, page, size, callers.current());
    }

    @GetMapping("/orders")
    ResultPage<Order> orders(
            @PathVariable String code,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return ledger.orders(code, page, size, callers.current());
    }
}
