package org.creditdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.OpenItem;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ledger parts of the customer page, loaded by htmx: open items as of a date, payments and
 * orders. A customer outside the caller's areas answers 404 like the API.
 */
@Controller
@RequestMapping("/customers/{code}/fragments")
class CustomerLedgerFragments {

    private static final int PAGE_SIZE = 20;

    private final Ledger ledger;
    private final Callers callers;
    private final BusinessCalendar calendar;

    CustomerLedgerFragments(Ledger ledger, Callers callers, BusinessCalendar calendar) {
        this.ledger = ledger;
        this.callers = callers;
        this.calendar = calendar;
    }

    @GetMapping("/open-items")
    String openItems(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf, Model model) {
        Caller caller = callers.current();
        LocalDate date = calendar.asOfOrToday(asOf);
        List<OpenItem> items = ledger.openItems(code, date, caller);
        model.addAttribute("code", code);
        model.addAttribute("asOf", date);
        model.addAttribute("items", items);
        model.addAttribute(
                "overdueCount", items.stream().filter(OpenItem::overdue).count());
        model.addAttribute(
                "currencies", items.stream().map(OpenItem::currency).distinct().count());
        model.addAttribute(
                "totalOpen", items.stream().map(OpenItem::openAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "ledger/open-items";
    }

    @GetMapping("/payments")
    String payments(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("result", ledger.payments(code, page, PAGE_SIZE, callers.current()));
        return "ledger/payments";
    }

    @GetMapping("/orders")
    String orders(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("result", ledger.orders(code, page, PAGE_SIZE, callers.current()));
        return "ledger/orders";
    }
}
