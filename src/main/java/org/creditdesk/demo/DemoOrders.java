package org.creditdesk.demo;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.credit.CreditOrders;
import org.creditdesk.credit.OrderOutcome;
import org.creditdesk.credit.Reason;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * Today's orders from the ERP, so that the blocked-order queue has work with different reasons
 * (over the limit, overdue, with the lawyer, linked to a stopped customer, no limit yet) beside
 * orders that pass. East China customers first, where the demo's sales and collection logins work.
 */
@Component
class DemoOrders {

    static final Caller ERP = new Caller("erp", Set.of(Role.ADMIN), Set.of());
    static final String PREFIX = "SO-D";

    private final CreditOrders orders;
    private final BusinessCalendar calendar;
    private final PrintStream console = System.out;

    DemoOrders(CreditOrders orders, BusinessCalendar calendar) {
        this.orders = orders;
        this.calendar = calendar;
    }

    /** A story: which customers (by behaviour), how many orders and how large relative to the limit. */
    private record Wanted(Set<String> behaviours, int count, BigDecimal shareOfLimit, BigDecimal fixed) {}

    private static final List<Wanted> STORIES = List.of(
            // A good customer's big season order does not fit the limit: OVER_LIMIT.
            new Wanted(Set.of("PROMPT"), 2, new BigDecimal("0.9"), BigDecimal.ZERO),
            // Late payers keep ordering: OVERDUE (and LEGAL, RISK_CLASS for the worst).
            new Wanted(Set.of("CHRONIC_LATE", "DETERIORATING"), 4, BigDecimal.ZERO, new BigDecimal("18000.00")),
            // The new company of the bouncing customer's legal representative: linked, no limit yet.
            new Wanted(Set.of("NEW_LINKED_COMPANY"), 1, BigDecimal.ZERO, new BigDecimal("25000.00")),
            // Everyday orders that pass.
            new Wanted(Set.of("PROMPT", "PROCEDURAL_LATE"), 4, BigDecimal.ZERO, new BigDecimal("12000.00")));

    void placeToday(GeneratedPortfolio files, Map<String, String> areaOf) {
        Map<String, String> behaviourOf = new LinkedHashMap<>();
        DemoStory.rows(files.file(GeneratedPortfolio.BEHAVIOURS))
                .forEach(row -> behaviourOf.put(row.get("customerCode"), row.get("behaviour")));
        Map<String, BigDecimal> limitOf = new HashMap<>();
        DemoStory.rows(files.file(GeneratedPortfolio.CREDIT_LIMITS))
                .forEach(row -> limitOf.put(row.get("customerCode"), new BigDecimal(row.get("amount"))));
        Map<String, String> productLineOf = new HashMap<>();
        DemoStory.rows(files.file(GeneratedPortfolio.ORDERS))
                .forEach(row -> productLineOf.put(row.get("customerCode"), row.get("productLine")));

        LocalDate today = calendar.today();
        List<String> used = new ArrayList<>();
        int sequence = 0;
        List<OrderOutcome> outcomes = new ArrayList<>();
        for (Wanted story : STORIES) {
            List<String> candidates = behaviourOf.entrySet().stream()
                    .filter(e -> story.behaviours().contains(e.getValue()))
                    .map(Map.Entry::getKey)
                    .filter(code -> productLineOf.containsKey(code) && !used.contains(code))
                    .sorted((a, b) -> Boolean.compare(
                            !DemoLogins.AREA.equals(areaOf.get(a)), !DemoLogins.AREA.equals(areaOf.get(b))))
                    .limit(story.count())
                    .toList();
            for (String code : candidates) {
                used.add(code);
                BigDecimal amount = story.shareOfLimit().signum() > 0 && limitOf.containsKey(code)
                        ? limitOf.get(code).multiply(story.shareOfLimit()).setScale(-3, java.math.RoundingMode.UP)
                        : story.fixed();
                String orderNo = "%s%s-%03d".formatted(PREFIX, today.toString().replace("-", ""), ++sequence);
                outcomes.add(orders.place(
                                new RecordOrder(
                                        orderNo, code, today, amount.setScale(2), "CNY", productLineOf.get(code), null),
                                ERP)
                        .outcome());
            }
        }
        long blocked =
                outcomes.stream().filter(o -> o.status() == OrderStatus.BLOCKED).count();
        String reasons = outcomes.stream()
                .flatMap(o -> o.reasons().stream())
                .map(Reason::code)
                .map(Enum::name)
                .distinct()
                .sorted()
                .collect(Collectors.joining(", "));
        console.printf(Locale.ROOT, "Placed %d orders today: %d blocked (%s)%n", outcomes.size(), blocked, reasons);
    }
}
