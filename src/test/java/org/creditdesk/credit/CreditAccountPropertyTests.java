package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.credit.OrderFixtures.ADMIN;
import static org.creditdesk.credit.OrderFixtures.unique;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Random sequences of orders, amendments, releases, cancellations, invoices, payments (cheques too)
 * and credit notes keep each customer's running totals equal to a recomputation from the ledger.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CreditAccountPropertyTests {

    static final int CUSTOMERS = 3;
    static final int STEPS = 30;
    static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void random_ledger_histories_keep_the_running_totals_equal_to_a_recomputation() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerRef customer = fx.customer();
            ids.add(customer.id());
            fx.limit(customer, "5000.00");
            List<String> openOrders = new ArrayList<>();
            List<String> invoices = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                String amount =
                        BigDecimal.valueOf(1 + random.nextInt(100_000), 2).toPlainString();
                int kind = random.nextInt(8);
                String what = switch (kind) {
                    case 0, 1 -> {
                        String orderNo = unique("PO");
                        OrderOutcome outcome = fx.order(customer, orderNo, amount);
                        openOrders.add(orderNo);
                        yield "order " + orderNo + " " + amount + " " + outcome.status();
                    }
                    case 2 -> {
                        if (openOrders.isEmpty()) yield "no order to invoice";
                        String orderNo = openOrders.remove(random.nextInt(openOrders.size()));
                        if (orders.order(orderNo, ADMIN).status() != OrderStatus.RELEASED) {
                            orders.cancel(orderNo, ADMIN);
                            yield "cancel " + orderNo;
                        }
                        String invoiceNo = unique("PI");
                        fx.invoice(
                                customer,
                                invoiceNo,
                                orderNo,
                                fx.today(),
                                fx.today().plusDays(30),
                                amount);
                        invoices.add(invoiceNo);
                        yield "invoice " + invoiceNo + " of " + orderNo + " " + amount;
                    }
                    case 3 -> {
                        String invoiceNo = unique("PI");
                        fx.invoice(
                                customer,
                                invoiceNo,
                                null,
                                fx.today().minusDays(5),
                                fx.today().plusDays(25),
                                amount);
                        invoices.add(invoiceNo);
                        yield "invoice " + invoiceNo + " " + amount;
                    }
                    case 4 -> {
                        String method = random.nextBoolean() ? "CHEQUE" : "BANK_TRANSFER";
                        fx.payment(customer, unique("PP"), fx.today().minusDays(random.nextInt(5)), amount, method);
                        yield "payment " + method + " " + amount;
                    }
                    case 5 -> {
                        String invoiceNo = invoices.isEmpty() || random.nextBoolean()
                                ? null
                                : invoices.get(random.nextInt(invoices.size()));
                        fx.creditNote(customer, unique("PC"), invoiceNo, amount);
                        yield "credit note " + amount + " on " + invoiceNo;
                    }
                    case 6 -> {
                        if (openOrders.isEmpty()) yield "no order to cancel";
                        String orderNo = openOrders.remove(random.nextInt(openOrders.size()));
                        orders.cancel(orderNo, ADMIN);
                        yield "cancel " + orderNo;
                    }
                    default -> {
                        if (openOrders.isEmpty()) yield "no order to change";
                        String orderNo = openOrders.get(random.nextInt(openOrders.size()));
                        try {
                            OrderOutcome outcome = orders.amend(orderNo, new BigDecimal(amount), ADMIN);
                            if (outcome.status() == OrderStatus.BLOCKED && random.nextBoolean()) {
                                orders.release(orderNo, "property test", ADMIN);
                                yield "amend and release " + orderNo + " " + amount;
                            }
                            yield "amend " + orderNo + " " + amount + " " + outcome.status();
                        } catch (ProblemException rejected) {
                            yield "amend refused " + rejected.getMessage();
                        }
                    }
                };
                steps.add(what);
                assertThat(accounts.runningTotals(List.of(customer.id())))
                        .as("seed %d, customer %d, steps %s", seed, c, steps)
                        .usingRecursiveFieldByFieldElementComparator(BY_VALUE)
                        .containsExactlyInAnyOrderElementsOf(nonZero(ledger.balances(List.of(customer.id()))));
            }
        }

        // A writer bypassing the ledger's events (a bulk import) repairs the totals with recalculate.
        jdbc.sql("UPDATE credit_balance SET open_receivables = open_receivables + 1 WHERE customer_id = ANY(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .update();
        accounts.recalculate(ids);
        assertThat(accounts.runningTotals(ids))
                .as("seed %d after recalculate", seed)
                .usingRecursiveFieldByFieldElementComparator(BY_VALUE)
                .containsExactlyInAnyOrderElementsOf(nonZero(ledger.balances(ids)));
    }

    @Test
    void recalculating_sets_changed_totals_drops_vanished_ones_adds_new_ones_and_leaves_other_customers_alone() {
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        CustomerRef missing = fx.customer();
        CustomerRef changed = fx.customer();
        CustomerRef other = fx.customer();
        for (CustomerRef c : List.of(missing, changed, other)) {
            fx.invoice(
                    c, unique("INV"), null, calendar.today(), calendar.today().plusDays(30), "300.00");
        }
        // Stale totals, as a set-based writer leaves them: a row missing, a currency the ledger does not hold for the
        // customer, a wrong amount; and a wrong amount of a customer not recalculated.
        jdbc.sql("DELETE FROM credit_balance WHERE customer_id = :id")
                .param("id", missing.id())
                .update();
        jdbc.sql("INSERT INTO credit_balance (customer_id, currency, open_receivables) VALUES (:id, 'JPY', 500)")
                .param("id", missing.id())
                .update();
        jdbc.sql("UPDATE credit_balance SET open_receivables = 1 WHERE customer_id = ANY(:ids)")
                .param("ids", new Long[] {changed.id(), other.id()})
                .update();

        List<Long> ids = List.of(missing.id(), changed.id());
        accounts.recalculate(ids);

        assertThat(accounts.runningTotals(ids))
                .usingRecursiveFieldByFieldElementComparator(BY_VALUE)
                .containsExactlyInAnyOrderElementsOf(nonZero(ledger.balances(ids)))
                .hasSize(2)
                .allSatisfy(b -> assertThat(b.openReceivables()).isEqualByComparingTo("300.00"));
        assertThat(jdbc.sql("SELECT count(*) FROM credit_balance WHERE customer_id = :id AND currency = 'JPY'")
                        .param("id", missing.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(accounts.runningTotals(List.of(other.id())))
                .singleElement()
                .satisfies(b -> assertThat(b.openReceivables()).isEqualByComparingTo("1"));
    }

    static List<LedgerBalance> nonZero(List<LedgerBalance> balances) {
        return balances.stream()
                .filter(b -> b.openReceivables().signum() != 0
                        || b.releasedOrders().signum() != 0
                        || b.unappliedCredit().signum() != 0)
                .toList();
    }
}
