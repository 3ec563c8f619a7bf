package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.credit.OrderFixtures.unique;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Concurrent orders for one customer never together pass more than the line, and none is blocked
 * that would have fitted: checks take turns on the customer's credit account row, so the outcome is
 * exactly that of deciding the orders one by one in the order they got the lock.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CreditConcurrencyTests {

    static final int ORDERS = 50;
    static final int ROUNDS = 3;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    CustomerHolds holds;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void fifty_parallel_orders_never_exceed_the_line_and_use_all_the_headroom_they_can() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        for (int round = 0; round < ROUNDS; round++) {
            CustomerRef customer = fx.customer();
            BigDecimal limit =
                    BigDecimal.valueOf(5_000 + random.nextInt(10_000)).setScale(2);
            fx.limit(customer, limit.toPlainString());
            List<String> amounts = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                amounts.add(BigDecimal.valueOf(1 + random.nextInt(80_000), 2).toPlainString());
            }

            CountDownLatch start = new CountDownLatch(1);
            List<Future<OrderOutcome>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(ORDERS)) {
                for (String amount : amounts) {
                    String orderNo = unique("PAR");
                    futures.add(pool.submit(() -> {
                        start.await();
                        return fx.order(customer, orderNo, amount);
                    }));
                }
                start.countDown();
                for (Future<OrderOutcome> f : futures) f.get();
            }

            List<CreditOrder> decided = orders.orders(null, OrderFixtures.ADMIN).stream()
                    .filter(o -> o.customerCode().equals(customer.code()))
                    .sorted(Comparator.comparingLong(CreditOrder::decisionSeq))
                    .toList();
            String context = "seed %d, round %d, limit %s, amounts %s".formatted(seed, round, limit, amounts);
            assertThat(decided).as(context).hasSize(ORDERS);

            BigDecimal released = decided.stream()
                    .filter(o -> o.status() == OrderStatus.RELEASED)
                    .map(CreditOrder::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(released).as(context).isLessThanOrEqualTo(limit);

            // Deciding one by one in lock order must give exactly the same statuses.
            BigDecimal headroom = limit;
            for (CreditOrder order : decided) {
                boolean fits = order.amount().compareTo(headroom) <= 0;
                assertThat(order.status())
                        .as(context + ", order " + order.orderNo() + " of " + order.amount() + " with headroom "
                                + headroom)
                        .isEqualTo(fits ? OrderStatus.RELEASED : OrderStatus.BLOCKED);
                if (fits) headroom = headroom.subtract(order.amount());
            }
        }
    }

    /**
     * The scoring run's classes wait while a daily run writes accounts in bulk, instead of locking rows in
     * another order beside it (they deadlocked once when the demo replayed a day's scoring beside the next run).
     */
    @Test
    void a_scoring_run_sets_its_classes_only_after_a_daily_run_writing_accounts_has_committed() throws Exception {
        OrderFixtures fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        CustomerRef customer = fx.customer();
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        CountDownLatch bulkHeld = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        List<String> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            Future<?> dailyRun = pool.submit(() -> template.executeWithoutResult(status -> {
                holds.serialiseBulkAccountWrites();
                bulkHeld.countDown();
                try {
                    commit.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.add("daily run");
            }));
            bulkHeld.await();
            Future<?> scoring = pool.submit(() -> {
                accounts.setRiskClasses(
                        java.util.Map.of(customer.id(), "D"), "test", org.creditdesk.identity.Caller.SYSTEM);
                finished.add("scoring");
            });
            // The scoring waits on the lock while the daily run holds it.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                                    .query(Long.class)
                                    .single()
                            == 0
                    && finished.isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(finished).isEmpty();
            commit.countDown();
            dailyRun.get();
            scoring.get();
        }
        assertThat(finished).containsExactly("daily run", "scoring");
        assertThat(jdbc.sql("SELECT risk_class FROM credit_account WHERE customer_id = ?")
                        .param(customer.id())
                        .query(String.class)
                        .single())
                .isEqualTo("D");
    }
}
