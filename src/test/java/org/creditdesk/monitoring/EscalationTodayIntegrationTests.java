package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditdesk.TestMail;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.IssueCreditNote;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Today's escalation facts as stored by today's daily run plus the customers touched since give the board the live
 * statements give, whatever happens after the store (V149, EscalationTodayRepository). "Today" here is
 * {@link #TODAY}, a date after every other test's settlements (so the open-amount rule applies); the settlements of
 * these tests are moved back to 1900 afterwards so that later tests' "after the last settlement" dates stay so.
 */
@SpringBootTest
class EscalationTodayIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    static final LocalDate TODAY = LocalDate.of(2296, 9, 30);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    EscalationTodayRepository todays;

    @Autowired
    EscalationRepository repository;

    @Autowired
    Escalations escalations;

    @Autowired
    PlatformTransactionManager transactions;

    MonitoringFixtures fixtures;
    final List<String> customers = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    @AfterEach
    void moveSettlementsBack() {
        jdbc.sql("UPDATE escalation_today_state SET as_of = NULL").update();
        if (customers.isEmpty()) return;
        jdbc.sql("""
                        UPDATE allocation a
                        SET allocated_on = DATE '1900-01-02',
                            reversed_on = CASE WHEN a.reversed_on IS NULL THEN NULL ELSE DATE '1900-01-03' END
                        FROM invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE a.invoice_id = i.id AND c.code = ANY(CAST(:codes AS text[]))
                        """).param("codes", customers.toArray(String[]::new)).update();
    }

    private void store() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> todays.store(TODAY));
    }

    private int fold() {
        Integer folded = new TransactionTemplate(transactions).execute(status -> todays.fold(TODAY));
        return folded == null ? 0 : folded;
    }

    @Test
    void stored_facts_plus_the_touched_customers_give_the_live_board_after_random_changes() {
        long seed = Long.getLong("escalation.seed", System.nanoTime());
        System.out.println("EscalationTodayIntegrationTests seed: " + seed);
        Random random = new Random(seed);
        List<String> areas = List.of(fixtures.area(), fixtures.area(), fixtures.area());
        List<String> invoices = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            String customer = fixtures.customer(areas.get(random.nextInt(areas.size())), "Board " + c, null, "VOLUME");
            customers.add(customer);
            for (int n = 0; n < 3; n++) invoices.add(invoice(random, customer));
        }
        String[] scope = areas.toArray(String[]::new);
        store();
        assertThat(todays.serves(TODAY)).isTrue();
        assertEqualsLive("right after the store", scope, areas);

        int foldedTotal = 0;
        for (int step = 0; step < 30; step++) {
            String invoiceNo = invoices.get(random.nextInt(invoices.size()));
            String customer = customerOf(invoiceNo);
            // Settlements are dated today: an invoice issued later is only moved, never settled.
            boolean settles = !issuedAfterToday(invoiceNo);
            String what;
            switch (random.nextInt(6)) {
                case 0 -> {
                    BigDecimal open = openAmount(invoiceNo);
                    if (open.signum() == 0 || !settles) continue;
                    BigDecimal part = random.nextBoolean() ? open : part(random, open);
                    fixtures.pay(customer, TODAY, part.toPlainString(), invoiceNo);
                    what = "payment of " + part + " on " + invoiceNo;
                }
                case 1 -> {
                    invoices.add(invoice(random, customer));
                    what = "new invoice for " + customer;
                }
                case 2 -> {
                    BigDecimal open = openAmount(invoiceNo);
                    if (open.signum() == 0 || !settles) continue;
                    BigDecimal part = part(random, open);
                    ledger.issueCreditNote(
                            new IssueCreditNote(
                                    MonitoringFixtures.unique("CN"),
                                    customer,
                                    invoiceNo,
                                    TODAY,
                                    part,
                                    "price correction",
                                    "CNY"),
                            Caller.SYSTEM);
                    what = "credit note of " + part + " on " + invoiceNo;
                }
                case 3 -> {
                    String area = areas.get(random.nextInt(areas.size()));
                    jdbc.sql("UPDATE customer SET area_code = :area, name = name || '+' WHERE code = :customer")
                            .param("area", area)
                            .param("customer", customer)
                            .update();
                    what = customer + " renamed and moved to " + area;
                }
                case 4 -> {
                    String paymentNo = jdbc.sql("""
                                    SELECT p.payment_no FROM payment p JOIN customer c ON c.id = p.customer_id
                                    WHERE c.code = :customer
                                      AND EXISTS (SELECT 1 FROM allocation a WHERE a.payment_id = p.id
                                                  AND a.reversed_on IS NULL)
                                    ORDER BY p.id LIMIT 1
                                    """)
                            .param("customer", customer)
                            .query(String.class)
                            .optional()
                            .orElse(null);
                    if (paymentNo == null) continue;
                    fixtures.reverse(paymentNo, TODAY);
                    what = "payment " + paymentNo + " bounced";
                }
                default -> {
                    jdbc.sql(
                                    "UPDATE invoice SET due_date = greatest(issue_date, due_date - 20) WHERE invoice_no = :invoiceNo")
                            .param("invoiceNo", invoiceNo)
                            .update();
                    what = "due date of " + invoiceNo + " moved up to 20 days earlier";
                }
            }
            switch (random.nextInt(5)) {
                case 0 -> {
                    store();
                    what += ", then stored again";
                }
                case 1, 2 -> {
                    int folded = fold();
                    assertThat(jdbc.sql("SELECT count(*) FROM escalation_today_touched")
                                    .query(Integer.class)
                                    .single())
                            .as("a fold empties the log")
                            .isZero();
                    foldedTotal += folded;
                    what += ", then " + folded + " customer(s) folded";
                }
                default -> {}
            }
            assertEqualsLive("after step " + step + " (" + what + ", seed " + seed + ")", scope, areas);
        }
        assertThat(foldedTotal)
                .as("folds replaced touched customers' rows (seed %s)", seed)
                .isPositive();
    }

    @Test
    void the_store_is_rerun_safe() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        customers.add(customer);
        fixtures.invoice(customer, TODAY.minusDays(70), TODAY.minusDays(40), "250.00");
        fixtures.invoice(customer, TODAY.minusDays(50), TODAY.minusDays(20), "100.00");
        String[] scope = {area};
        store();
        EscalationRepository.BoardPage first = board(EscalationRepository.Source.STORED_TODAY, scope, null, 0, null);
        store();

        assertThat(board(EscalationRepository.Source.STORED_TODAY, scope, null, 0, null))
                .isEqualTo(first)
                .extracting(EscalationRepository.BoardPage::rows)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement()
                .extracting("daysOverdue", "overdueAmount")
                .containsExactly(40, new BigDecimal("350.00"));
        assertThat(jdbc.sql("SELECT count(*) FROM escalation_today t JOIN customer c ON c.id = t.customer_id"
                                + " WHERE c.code = :code")
                        .param("code", customer)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @Test
    void the_board_is_computed_live_for_a_date_the_store_does_not_hold_or_after_settlements_dated_later() {
        String area = fixtures.area();
        String customer = fixtures.customer(area);
        customers.add(customer);
        String invoice = fixtures.invoice(customer, TODAY.minusDays(70), TODAY.minusDays(40), "250.00");
        store();

        assertThat(escalations.source(TODAY)).isEqualTo(EscalationRepository.Source.STORED_TODAY);
        assertThat(escalations.source(TODAY.plusDays(1)))
                .as("a store of another day is not used")
                .isEqualTo(EscalationRepository.Source.OPEN_AMOUNTS);
        jdbc.sql("UPDATE escalation_today_state SET as_of = NULL").update();
        assertThat(escalations.source(TODAY)).isEqualTo(EscalationRepository.Source.OPEN_AMOUNTS);

        fixtures.pay(customer, TODAY.plusDays(3), "10.00", invoice);
        store();
        assertThat(todays.serves(TODAY))
                .as("settlements dated after the day: nothing is stored")
                .isFalse();
        assertThat(escalations.source(TODAY)).isEqualTo(EscalationRepository.Source.REPLAYED);
        Caller caller = MonitoringFixtures.caller("board-collector", Role.COLLECTOR, area);
        assertThat(escalations
                        .board(TODAY, null, null, null, 0, 50, caller)
                        .page()
                        .items())
                .singleElement()
                .extracting(Escalation::overdueAmount)
                .isEqualTo(new BigDecimal("250.00"));
    }

    /**
     * The stored board equals both live statements (open amounts, replayed history): every row unpaged, a page, one
     * level, one area, and the count per level, in the scope; and every area's count.
     */
    private void assertEqualsLive(String when, String[] scope, List<String> areas) {
        for (EscalationRepository.Source live :
                List.of(EscalationRepository.Source.OPEN_AMOUNTS, EscalationRepository.Source.REPLAYED)) {
            assertThat(board(EscalationRepository.Source.STORED_TODAY, scope, null, 0, null))
                    .as("%s: every row, against %s", when, live)
                    .isEqualTo(board(live, scope, null, 0, null));
            assertThat(board(EscalationRepository.Source.STORED_TODAY, scope, null, 2, 3))
                    .as("%s: a page, against %s", when, live)
                    .isEqualTo(board(live, scope, null, 2, 3));
            for (int level = 1; level <= 4; level++) {
                assertThat(board(EscalationRepository.Source.STORED_TODAY, scope, level, 0, null))
                        .as("%s: level %d, against %s", when, level, live)
                        .isEqualTo(board(live, scope, level, 0, null));
            }
            assertThat(repository.board(
                            TODAY,
                            EscalationRepository.Source.STORED_TODAY,
                            escalations.ladder(),
                            null,
                            scope,
                            areas.getFirst(),
                            null,
                            0,
                            null))
                    .as("%s: one area, against %s", when, live)
                    .isEqualTo(repository.board(
                            TODAY, live, escalations.ladder(), null, scope, areas.getFirst(), null, 0, null));
        }
        assertThat(repository
                        .board(
                                TODAY,
                                EscalationRepository.Source.STORED_TODAY,
                                escalations.ladder(),
                                null,
                                new String[0],
                                null,
                                null,
                                0,
                                1)
                        .levelCounts())
                .as("%s: every area's counts", when)
                .isEqualTo(repository
                        .board(
                                TODAY,
                                EscalationRepository.Source.OPEN_AMOUNTS,
                                escalations.ladder(),
                                null,
                                new String[0],
                                null,
                                null,
                                0,
                                1)
                        .levelCounts());
    }

    private EscalationRepository.BoardPage board(
            EscalationRepository.Source source, String[] scope, Integer level, int offset, Integer limit) {
        return repository.board(TODAY, source, escalations.ladder(), level, scope, null, null, offset, limit);
    }

    private String invoice(Random random, String customer) {
        LocalDate issued = TODAY.minusDays(random.nextInt(150));
        if (random.nextInt(10) == 0) issued = TODAY.plusDays(1 + random.nextInt(5));
        LocalDate due = issued.plusDays(random.nextInt(60));
        String amount = BigDecimal.valueOf(100 + random.nextInt(90_000), 2).toPlainString();
        return fixtures.invoice(customer, issued, due, amount);
    }

    private static BigDecimal part(Random random, BigDecimal amount) {
        BigDecimal part = amount.multiply(BigDecimal.valueOf(1 + random.nextInt(90)))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
        return part.signum() > 0 ? part : amount;
    }

    private BigDecimal openAmount(String invoiceNo) {
        return jdbc.sql("SELECT open_amount FROM collections_invoice WHERE invoice_no = ?")
                .param(invoiceNo)
                .query(BigDecimal.class)
                .single();
    }

    private boolean issuedAfterToday(String invoiceNo) {
        return jdbc.sql("SELECT issue_date > :today FROM invoice WHERE invoice_no = :invoiceNo")
                .param("today", TODAY)
                .param("invoiceNo", invoiceNo)
                .query(Boolean.class)
                .single();
    }

    private String customerOf(String invoiceNo) {
        return jdbc.sql("SELECT c.code FROM invoice i JOIN customer c ON c.id = i.customer_id WHERE i.invoice_no = ?")
                .param(invoiceNo)
                .query(String.class)
                .single();
    }
}
