package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.demo.PortfolioGeneratorTests.Portfolio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's book without Spring: plausible overdue shares, supply stopped at a hold, limits for all but new companies. */
class StoryBookTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);

    @TempDir
    Path temp;

    @Test
    void about_one_customer_in_ten_is_overdue_and_a_few_beyond_60_days() throws IOException {
        for (long seed : new long[] {42, 7}) {
            Portfolio book =
                    Portfolio.generate(new PortfolioSpec(1_200, 24, seed, AS_OF, true), temp.resolve("s" + seed));
            Map<String, Long> maxDays = maxDaysOverdue(book);
            long overdue = maxDays.values().stream()
                    .filter(d -> d > HistoryGenerator.GRACE_DAYS)
                    .count();
            long beyond60 = maxDays.values().stream().filter(d -> d > 60).count();
            System.out.printf(
                    "seed %d: %d overdue beyond grace, %d beyond 60 days, %d any overdue of 1,200%n",
                    seed,
                    overdue,
                    beyond60,
                    maxDays.values().stream().filter(d -> d > 0).count());
            assertThat(overdue / 1_200.0).as("seed %d beyond grace", seed).isBetween(0.08, 0.12);
            assertThat(beyond60 / 1_200.0).as("seed %d beyond 60 days", seed).isBetween(0.01, 0.03);
        }
    }

    @Test
    void a_wholesale_customer_on_hold_gets_no_invoice_until_it_has_paid() throws IOException {
        Portfolio book = Portfolio.generate(new PortfolioSpec(300, 24, 11, AS_OF, true), temp.resolve("hold"));
        Map<String, LocalDate> settled = PortfolioGeneratorTests.settlementDates(book);
        Map<String, List<Map<String, String>>> byCustomer = new HashMap<>();
        book.invoices()
                .forEach(i -> byCustomer
                        .computeIfAbsent(i.get("customerCode"), c -> new java.util.ArrayList<>())
                        .add(i));
        int checked = 0;
        for (var entry : byCustomer.entrySet()) {
            if (!book.customersByCode().get(entry.getKey()).get("businessGroup").equals("VOLUME")) continue;
            for (Map<String, String> later : entry.getValue()) {
                LocalDate issued = LocalDate.parse(later.get("issueDate"));
                for (Map<String, String> earlier : entry.getValue()) {
                    LocalDate due = LocalDate.parse(earlier.get("dueDate"));
                    LocalDate paid = settled.getOrDefault(earlier.get("invoiceNo"), LocalDate.MAX);
                    boolean onHold =
                            due.plusDays(HistoryGenerator.GRACE_DAYS).isBefore(issued) && !paid.isBefore(issued);
                    assertThat(onHold)
                            .as(
                                    "%s issued %s while %s was overdue",
                                    later.get("invoiceNo"), issued, earlier.get("invoiceNo"))
                            .isFalse();
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
        assertThat(book.orders().stream().map(o -> o.get("orderNo")).distinct().count())
                .isEqualTo(book.orders().size());
    }

    @Test
    void every_customer_but_a_new_company_has_a_limit_weighed_by_how_it_pays() throws IOException {
        Portfolio book = Portfolio.generate(new PortfolioSpec(600, 24, 42, AS_OF, true), temp.resolve("limits"));
        List<Map<String, String>> limits = CsvFiles.rows(book.files().file(GeneratedPortfolio.CREDIT_LIMITS));
        long newCompanies = book.behaviours().stream()
                .filter(b -> b.get("behaviour").equals("NEW_LINKED_COMPANY"))
                .count();
        assertThat(limits).hasSize(600 - (int) newCompanies);
        for (Map<String, String> limit : limits) {
            assertThat(new BigDecimal(limit.get("amount"))).isGreaterThanOrEqualTo(new BigDecimal("50000.00"));
            assertThat(new BigDecimal(limit.get("amount")).remainder(new BigDecimal("10000")))
                    .isZero();
            assertThat(LocalDate.parse(limit.get("validUntil"))).isAfter(AS_OF);
            assertThat(LocalDate.parse(limit.get("validFrom"))).isBefore(AS_OF);
        }
    }

    /** Days overdue of each customer's oldest open invoice on the as-of date (0 when none is overdue). */
    static Map<String, Long> maxDaysOverdue(Portfolio book) {
        Map<String, LocalDate> settled = PortfolioGeneratorTests.settlementDates(book);
        Map<String, Long> days = new HashMap<>();
        book.customers().forEach(c -> days.put(c.get("code"), 0L));
        for (Map<String, String> invoice : book.invoices()) {
            if (settled.containsKey(invoice.get("invoiceNo"))) continue;
            long late = ChronoUnit.DAYS.between(LocalDate.parse(invoice.get("dueDate")), AS_OF);
            days.merge(invoice.get("customerCode"), Math.max(0, late), Math::max);
        }
        return days;
    }
}
