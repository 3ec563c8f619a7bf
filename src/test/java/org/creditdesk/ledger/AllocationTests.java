package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.ledger.Allocation.OpenInvoice;
import org.creditdesk.ledger.Allocation.Plan;
import org.creditdesk.ledger.Allocation.Planned;
import org.creditdesk.ledger.Allocation.Refused;
import org.creditdesk.ledger.Allocation.Requested;
import org.creditdesk.ledger.Allocation.Settlement;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;

/** The allocation policy on many random books; every failure message carries the seed to replay it. */
class AllocationTests {

    private static final int CASES = 2_000;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);

    @Test
    void oldest_first_never_creates_or_loses_money_and_never_overpays_an_invoice() {
        for (int n = 0; n < CASES; n++) {
            List<OpenInvoice> book = randomBook("CNY");
            Money payment = randomMoney("CNY", 5_000_00);
            Plan plan = Allocation.oldestFirst(payment, book);
            String replay = "seed " + seed + ", case " + n + ": " + payment + " against " + book;

            Money allocated = plan.settlements().stream()
                    .map(Settlement::amount)
                    .reduce(Money.zero(payment.currency()), Money::plus);
            assertThat(allocated.plus(plan.remainder())).as(replay).isEqualTo(payment);
            assertThat(plan.remainder().isNegative()).as(replay).isFalse();

            Map<String, OpenInvoice> byNo =
                    book.stream().collect(Collectors.toMap(OpenInvoice::invoiceNo, Function.identity()));
            for (Settlement settlement : plan.settlements()) {
                assertThat(settlement.amount().isPositive()).as(replay).isTrue();
                Money openAfter = byNo.get(settlement.invoiceNo()).openAmount().minus(settlement.amount());
                assertThat(openAfter.isNegative()).as(replay).isFalse();
            }
            assertThat(plan.settlements().stream().map(Settlement::invoiceNo).distinct())
                    .as(replay)
                    .hasSize(plan.settlements().size());
        }
    }

    @Test
    void oldest_first_pays_no_later_invoice_while_an_earlier_one_stays_open() {
        for (int n = 0; n < CASES; n++) {
            List<OpenInvoice> book = randomBook("CNY");
            Money payment = randomMoney("CNY", 5_000_00);
            Plan plan = Allocation.oldestFirst(payment, book);
            String replay = "seed " + seed + ", case " + n + ": " + payment + " against " + book;

            Map<String, Money> received =
                    plan.settlements().stream().collect(Collectors.toMap(Settlement::invoiceNo, Settlement::amount));
            List<OpenInvoice> ordered =
                    book.stream().sorted(Allocation.OLDEST_FIRST).toList();
            boolean earlierStillOpen = false;
            for (OpenInvoice invoice : ordered) {
                Money got = received.getOrDefault(invoice.invoiceNo(), Money.zero(payment.currency()));
                if (earlierStillOpen) {
                    assertThat(got.isZero())
                            .as(replay + ": " + invoice.invoiceNo() + " got money while an older invoice is open")
                            .isTrue();
                }
                if (got.compareTo(invoice.openAmount()) < 0) {
                    earlierStillOpen = true;
                }
            }
            // Money is left over only when every invoice is settled in full.
            if (plan.remainder().isPositive()) {
                assertThat(earlierStillOpen).as(replay).isFalse();
            }
        }
    }

    @Test
    void oldest_first_leaves_invoices_in_other_currencies_alone() {
        for (int n = 0; n < CASES / 10; n++) {
            List<OpenInvoice> book = new ArrayList<>(randomBook("CNY"));
            book.addAll(randomBook("USD"));
            Money payment = randomMoney("USD", 3_000_00);
            Plan plan = Allocation.oldestFirst(payment, book);
            Map<String, OpenInvoice> byNo =
                    book.stream().collect(Collectors.toMap(OpenInvoice::invoiceNo, Function.identity()));
            assertThat(plan.settlements())
                    .as("seed " + seed + ", case " + n)
                    .allSatisfy(
                            s -> assertThat(byNo.get(s.invoiceNo()).openAmount().currency())
                                    .isEqualTo(payment.currency()));
        }
    }

    @Test
    void explicit_allocations_are_accepted_exactly_when_every_rule_holds() {
        for (int n = 0; n < CASES; n++) {
            List<OpenInvoice> book = new ArrayList<>(randomBook("CNY"));
            book.add(new OpenInvoice("USD-1", START, START.plusDays(30), Money.of("100.00", "USD")));
            Map<String, OpenInvoice> byNo =
                    book.stream().collect(Collectors.toMap(OpenInvoice::invoiceNo, Function.identity()));
            Money payment = randomMoney("CNY", 3_000_00);
            List<Requested> requested = new ArrayList<>();
            int count = random.nextInt(5);
            for (int i = 0; i < count; i++) {
                String invoiceNo = switch (random.nextInt(10)) {
                    case 0 -> "UNKNOWN-" + i;
                    case 1 -> "USD-1";
                    default -> book.get(random.nextInt(book.size())).invoiceNo();
                };
                requested.add(new Requested(i, invoiceNo, randomMoney("CNY", 1_500_00)));
            }
            String replay = "seed " + seed + ", case " + n + ": " + payment + " as " + requested + " on " + book;

            // The rules, stated independently of the policy's loop.
            List<String> expectedFields = new ArrayList<>();
            Map<String, BigDecimal> cumulative = new HashMap<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Requested r : requested) {
                OpenInvoice invoice = byNo.get(r.invoiceNo());
                if (invoice == null || !invoice.openAmount().currency().equals(payment.currency())) {
                    expectedFields.add("allocations[%d].invoiceNo".formatted(r.index()));
                    continue;
                }
                BigDecimal after = cumulative
                        .getOrDefault(r.invoiceNo(), BigDecimal.ZERO)
                        .add(r.amount().amount());
                if (after.compareTo(invoice.openAmount().amount()) > 0) {
                    expectedFields.add("allocations[%d].amount".formatted(r.index()));
                    continue;
                }
                cumulative.put(r.invoiceNo(), after);
                total = total.add(r.amount().amount());
            }
            if (total.compareTo(payment.amount()) > 0) {
                expectedFields.add("allocations");
            }

            switch (Allocation.explicit(payment, requested, byNo)) {
                case Planned planned -> {
                    assertThat(expectedFields).as(replay).isEmpty();
                    Money allocated = planned.plan().settlements().stream()
                            .map(Settlement::amount)
                            .reduce(Money.zero(payment.currency()), Money::plus);
                    assertThat(allocated.plus(planned.plan().remainder()))
                            .as(replay)
                            .isEqualTo(payment);
                    assertThat(planned.plan().remainder().isNegative())
                            .as(replay)
                            .isFalse();
                }
                case Refused refused ->
                    assertThat(refused.violations().stream().map(Violation::field))
                            .as(replay)
                            .containsExactlyElementsOf(expectedFields);
            }
        }
    }

    @Test
    void explicit_allocation_names_the_amount_that_exceeds_the_open_amount() {
        Map<String, OpenInvoice> book =
                Map.of("INV-1", new OpenInvoice("INV-1", START, START.plusDays(30), Money.of("100.00", "CNY")));
        var outcome = Allocation.explicit(
                Money.of("500.00", "CNY"),
                List.of(
                        new Requested(0, "INV-1", Money.of("60.00", "CNY")),
                        new Requested(1, "INV-1", Money.of("60.00", "CNY"))),
                book);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Refused.class,
                        refused -> assertThat(refused.violations())
                                .extracting(Violation::field)
                                .containsExactly("allocations[1].amount"));
    }

    @Test
    void a_payment_smaller_than_the_oldest_invoice_settles_only_part_of_it() {
        List<OpenInvoice> book = List.of(
                new OpenInvoice("B", START, START.plusDays(60), Money.of("300.00", "CNY")),
                new OpenInvoice("A", START, START.plusDays(30), Money.of("200.00", "CNY")));
        Plan plan = Allocation.oldestFirst(Money.of("150.50", "CNY"), book);
        assertThat(plan.settlements()).containsExactly(new Settlement("A", Money.of("150.50", "CNY")));
        assertThat(plan.remainder()).isEqualTo(Money.of("0.00", "CNY"));
    }

    private List<OpenInvoice> randomBook(String currency) {
        int size = random.nextInt(8);
        List<OpenInvoice> book = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            LocalDate issued = START.plusDays(random.nextInt(60));
            // Few distinct dates so that ties on due and issue date are common.
            LocalDate due = issued.plusDays(random.nextInt(3) * 15L);
            book.add(new OpenInvoice(currency + "-" + i, issued, due, randomMoney(currency, 2_000_00)));
        }
        return book;
    }

    /** Between 0.01 and the bound, in cents, exact. */
    private Money randomMoney(String currency, int maxCents) {
        return Money.of(BigDecimal.valueOf(1 + random.nextInt(maxCents), 2), currency);
    }
}
