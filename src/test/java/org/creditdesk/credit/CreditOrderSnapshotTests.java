package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditdesk.credit.OrderFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Order entry's one statement for the account lock and the snapshot ({@code credit_order_snapshot}, V117): it
 * answers exactly what the credit check's snapshot answers, and when gathering fails it says so in its row while
 * the order's transaction stays usable and the account stays locked (what the savepoint did before).
 */
@SpringBootTest
class CreditOrderSnapshotTests {

    private static final String COLUMNS = """
            grace_days, target_currency, has_line, line_amount, line_currency, valid_from, valid_until, review_on,
            securities, total_currencies, total_open, total_released, total_unapplied, cheque_currencies,
            cheque_amounts, rate_currencies, rate_values, overdue_currencies, overdue_amounts, overdue_max_days,
            overdue_invoices, has_account, credit_state, stop_reason, legal, linked_to_stopped, bounced_cheque,
            risk_class, hold_ids, hold_reasons, hold_automatic, hold_notes, hold_placed_by, hold_placed_at""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    CreditChecks checks;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    ProductLines productLines;

    @Autowired
    PlatformTransactionManager transactions;

    OrderFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
    }

    @Test
    void the_order_snapshot_answers_what_the_check_snapshot_answers() {
        LocalDate today = fx.today();
        CustomerRef lined = fx.customer();
        fx.limit(lined, "5000.00");
        fx.order(lined, unique("SO"), "1200.00");
        fx.invoice(lined, unique("INV"), null, today.minusDays(90), today.minusDays(60), "800.00");
        fx.invoice(lined, unique("INV"), null, today.minusDays(20), today.plusDays(10), "300.00");
        fx.payment(lined, unique("PAY"), today.minusDays(5), "500.00", "CHEQUE");
        CustomerRef contract = fx.customer("OT", "VALUE_ADDED", "CNY");
        fx.limit(contract, "2000.00", "CNY", "K-1");
        fx.order(contract, unique("SO"), "700.00", null, "K-1");
        CustomerRef withoutAccount = fx.customer();
        fx.invoice(withoutAccount, unique("INV"), null, today.minusDays(45), today.minusDays(15), "250.00");

        List<Map<String, Object>> cases = jdbc.sql("""
                        SELECT id, currency, CAST(NULL AS text) AS contract_no FROM customer ORDER BY id DESC LIMIT 100
                        """).query().listOfRows();
        List<Map<String, Object>> all = new ArrayList<>(cases);
        all.add(Map.of("id", contract.id(), "currency", "CNY", "contract_no", "K-1"));
        int compared = 0;
        for (Map<String, Object> c : all) {
            for (LocalDate asOf : List.of(today, today.minusDays(30), today.minusDays(75), today.plusDays(40))) {
                for (String amountCurrency : List.of("CNY", "USD")) {
                    // Called first: the order's statement creates a missing account, which the check then sees too.
                    String locked = inTransaction(() -> row("credit_order_snapshot", c, amountCurrency, asOf, true));
                    String checked = row("credit_snapshot", c, amountCurrency, asOf, false);
                    assertThat(locked)
                            .as("customer %s as of %s in %s", c.get("id"), asOf, amountCurrency)
                            .isEqualTo("," + checked);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(8 * 4);
    }

    @Test
    void a_snapshot_that_fails_blocks_the_order_and_keeps_the_transaction_and_the_lock() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        fx.invoice(c, unique("INV"), null, fx.today().minusDays(60), fx.today().minusDays(30), "100.00");
        fx.order(c, unique("SO"), "10.00"); // the account exists, committed, so another transaction would see its lock
        TransactionTemplate order = new TransactionTemplate(transactions);
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        order.executeWithoutResult(status -> {
            // LocalDate.MAX is sent as 'infinity': the live overdue rule cannot subtract infinite dates.
            CheckResult result = checks.decideLocked(
                    checks.lockForOrder(c.code(), OrderFixtures.ADMIN, null, null, LocalDate.MAX)
                            .orElseThrow(),
                    Money.of("1.00", "CNY"));
            assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CHECK_FAILED);
            assertThat(result.reasons().getFirst().message()).contains("infinite");
            assertThat(jdbc.sql("SELECT count(*) FROM credit_account WHERE customer_id = :id")
                            .param("id", c.id())
                            .query(Long.class)
                            .single())
                    .as("the transaction goes on after the trapped failure")
                    .isEqualTo(1L);
            assertThatThrownBy(() -> other.executeWithoutResult(
                            s -> jdbc.sql("SELECT 1 FROM credit_account WHERE customer_id = :id FOR UPDATE NOWAIT")
                                    .param("id", c.id())
                                    .query()
                                    .listOfRows()))
                    .as("the account stays locked by the order")
                    .isInstanceOf(DataAccessException.class);
        });
    }

    @Test
    void an_order_placed_through_the_one_statement_is_decided_as_before() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        assertThat(fx.order(c, unique("SO"), "600.00").status()).isEqualTo(org.creditdesk.ledger.OrderStatus.RELEASED);
        OrderOutcome second = fx.order(c, unique("SO"), "600.00");
        assertThat(second.status()).isEqualTo(org.creditdesk.ledger.OrderStatus.BLOCKED);
        assertThat(second.reasons()).extracting(Reason::code).contains(ReasonCode.OVER_LIMIT);
        CustomerRef noAccountYet = fx.customer();
        assertThat(fx.order(noAccountYet, unique("SO"), "10.00").reasons())
                .extracting(Reason::code)
                .containsExactly(ReasonCode.NO_LIMIT);
    }

    @Test
    void an_order_for_a_customer_the_caller_may_not_see_is_unknown_and_locks_nothing() {
        CustomerRef elsewhere = fx.customer(unique("AR"), "VOLUME", "CNY");
        Caller confined = CreditFixtures.caller("orders-confined", Role.SALES_MANAGER, unique("AR"));
        String orderNo = unique("SO");
        RecordOrder command =
                new RecordOrder(orderNo, elsewhere.code(), fx.today(), new BigDecimal("10.00"), "CNY", null, null);
        for (RecordOrder unseen : List.of(
                command, new RecordOrder(orderNo, unique("NOBODY"), fx.today(), BigDecimal.TEN, "CNY", null, null))) {
            assertThatThrownBy(() -> orders.place(unseen, confined))
                    .isInstanceOfSatisfying(
                            ProblemException.class,
                            p -> assertThat(p.kind()).isEqualTo(ProblemException.Kind.NOT_FOUND))
                    .hasMessageContaining("Unknown customer " + unseen.customerCode());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM credit_account WHERE customer_id = :id")
                        .param("id", elsewhere.id())
                        .query(Long.class)
                        .single())
                .as("no account created or locked for a customer outside the caller's areas")
                .isZero();
        Caller inTheArea = CreditFixtures.caller("orders-area", Role.SALES_MANAGER, elsewhere.areaCode());
        assertThat(orders.place(command, inTheArea).created()).isTrue();
    }

    @Test
    void an_order_without_a_currency_is_in_the_customers_currency() {
        CustomerRef dollars = fx.customer("OT", "VOLUME", "USD");
        fx.limit(dollars, "100.00", "USD", null);
        String first = unique("SO");
        OrderOutcome within = orders.place(
                        new RecordOrder(first, dollars.code(), fx.today(), new BigDecimal("60.00"), null, null, null),
                        OrderFixtures.ADMIN)
                .outcome();
        assertThat(within.status()).isEqualTo(org.creditdesk.ledger.OrderStatus.RELEASED);
        assertThat(jdbc.sql("SELECT currency FROM sales_order WHERE order_no = :no")
                        .param("no", first)
                        .query(String.class)
                        .single())
                .isEqualTo("USD");
        OrderOutcome over = orders.place(
                        new RecordOrder(
                                unique("SO"), dollars.code(), fx.today(), new BigDecimal("60.00"), null, null, null),
                        OrderFixtures.ADMIN)
                .outcome();
        assertThat(over.reasons()).extracting(Reason::code).contains(ReasonCode.OVER_LIMIT);
        assertThatThrownBy(() -> orders.place(
                        new RecordOrder(
                                unique("SO"), dollars.code(), fx.today(), new BigDecimal("1.005"), null, null, null),
                        OrderFixtures.ADMIN))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.kind()).isEqualTo(ProblemException.Kind.MALFORMED));
    }

    @Test
    void a_product_line_created_in_a_rolled_back_transaction_is_created_again() {
        String line = unique("PL");
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            productLines.ensureExist(List.of(line));
            productLines.ensureExist(List.of(line)); // finds this transaction's own row
            status.setRollbackOnly();
        });
        assertThat(count(line)).isZero();
        productLines.ensureExist(List.of(line));
        assertThat(count(line)).isOne();
        productLines.ensureExist(List.of(line, line));
        assertThat(count(line)).isOne();
    }

    private long count(String productLine) {
        return jdbc.sql("SELECT count(*) FROM product_line WHERE code = :code")
                .param("code", productLine)
                .query(Long.class)
                .single();
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private String row(String function, Map<String, Object> c, String amountCurrency, LocalDate asOf, boolean failure) {
        return jdbc.sql("SELECT CAST(ROW(" + (failure ? "failure, " : "") + COLUMNS + ") AS text) FROM " + function
                        + "(:id, :contract, :currency, :amountCurrency, :asOf)")
                .param("id", c.get("id"))
                .param("contract", c.get("contract_no"))
                .param("currency", c.get("currency"))
                .param("amountCurrency", amountCurrency)
                .param("asOf", asOf)
                .query(String.class)
                .single()
                .replaceFirst("^\\(", "")
                .replaceFirst("\\)$", "");
    }
}
