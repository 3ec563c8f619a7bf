package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.OpenItem;
import org.creditdesk.ledger.OrderStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The blocked-order queue for approvers: reasons, the exposure the decision saw, a short customer
 * history (loaded with htmx per order), and release / reject forms. The forms show only where the
 * caller's authority covers the order, and the server checks it again; a refusal is shown on the page.
 */
@Controller
class BlockedOrderPages {

    static final int RECENT_PAYMENTS = 5;

    private final CreditOrders orders;
    private final Ledger ledger;
    private final Callers callers;

    BlockedOrderPages(CreditOrders orders, Ledger ledger, Callers callers) {
        this.orders = orders;
        this.ledger = ledger;
        this.callers = callers;
    }

    record Row(CreditOrder order, @Nullable ExposureBar bar, boolean mayDecide) {}

    @GetMapping("/credit/blocked-orders")
    String queue(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable ReasonCode reason,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Model model) {
        Caller caller = callers.current();
        Page<Row> rows = orders.queue(OrderStatus.BLOCKED, area, reason, page, size, caller)
                .map(o -> new Row(o, ExposureBar.of(o), orders.mayRelease(o, caller)));
        model.addAttribute("page", rows);
        model.addAttribute("rows", rows.items());
        model.addAttribute("area", area == null ? "" : area.strip());
        model.addAttribute("reason", reason);
        model.addAttribute("reasons", ReasonCode.values());
        return "credit/blocked-orders";
    }

    @GetMapping("/credit/blocked-orders/{orderNo}/history")
    String history(@PathVariable String orderNo, Model model) {
        Caller caller = callers.current();
        CreditOrder order = orders.order(orderNo, caller);
        List<OpenItem> open = ledger.openItems(order.customerCode(), null, caller);
        model.addAttribute("order", order);
        model.addAttribute(
                "payments",
                ledger.payments(order.customerCode(), 0, RECENT_PAYMENTS, caller)
                        .items());
        model.addAttribute(
                "maxDaysOverdue",
                open.stream().mapToInt(OpenItem::daysOverdue).max().orElse(0));
        model.addAttribute("openItems", open.size());
        return "credit/blocked-orders :: history";
    }

    @PostMapping("/credit/blocked-orders/{orderNo}/release")
    String release(
            @PathVariable String orderNo,
            @RequestParam(required = false) @Nullable String justification,
            RedirectAttributes redirect) {
        return CreditPages.attempt(
                () -> orders.release(orderNo, justification, callers.current()),
                "credit.blocked.released",
                "/credit/blocked-orders",
                redirect);
    }

    @PostMapping("/credit/blocked-orders/{orderNo}/reject")
    String reject(
            @PathVariable String orderNo,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        return CreditPages.attempt(
                () -> orders.reject(orderNo, comment, callers.current()),
                "credit.blocked.rejected",
                "/credit/blocked-orders",
                redirect);
    }
}
