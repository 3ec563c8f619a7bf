package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditdesk.credit.OrderFixtures.ADMIN;
import static org.creditdesk.credit.OrderFixtures.unique;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.ledger.RecordOrder;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditEntry;
import org.creditdesk.shared.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The credit check on orders on the real database, through the facades with explicit callers. */
@SpringBootTest
@AutoConfigureMockMvc
class CreditOrdersIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditOrders orders;

    @Autowired
    CreditPolicies policies;

    @Autowired
    CreditChecks checks;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    CustomerHolds holds;

    @Autowired
    ExchangeRates rates;

    @Autowired
    Ledger ledger;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    AuditTrail audit;

    @Autowired
    ErpEvents events;

    OrderFixtures fx;
    LocalDate today;

    @BeforeEach
    void fixtures() {
        fx = new OrderFixtures(jdbc, customers, limits, orders, ledger, calendar);
        today = calendar.today();
    }

    CheckResult check(CustomerRef customer, String amount) {
        return checks.check(new CheckRequest(customer.code(), new BigDecimal(amount), null, null, null), ADMIN);
    }

    void assertTotalsMatchLedger(CustomerRef customer) {
        List<LedgerBalance> running = accounts.runningTotals(List.of(customer.id()));
        List<LedgerBalance> recomputed = ledger.balances(List.of(customer.id()));
        assertThat(running)
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                                .build())
                .containsExactlyInAnyOrderElementsOf(recomputed);
    }

    @Test
    void exposure_follows_order_invoice_partial_payment_and_credit_note_without_double_counting() {
        CustomerRef c = fx.customer();
        fx.limit(c, "10000.00");
        String order = unique("SO");

        OrderOutcome placed = fx.order(c, order, "1000.00");
        assertThat(placed.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(placed.exposure()).isEqualByComparingTo("1000.00");
        assertThat(placed.creditLimit()).isEqualByComparingTo("10000.00");
        assertThat(placed.available()).isEqualByComparingTo("9000.00");

        String invoice = unique("INV");
        fx.invoice(c, invoice, order, today, today.plusDays(30), "1000.00");
        CheckResult invoiced = check(c, "1.00");
        assertThat(invoiced.breakdown().openReceivables().amount()).isEqualByComparingTo("1000.00");
        assertThat(invoiced.breakdown().releasedOrders().amount()).isEqualByComparingTo("0.00");
        assertThat(invoiced.exposure()).isEqualByComparingTo("1000.00");

        fx.payment(c, unique("PAY"), today, "400.00", "BANK_TRANSFER");
        assertThat(check(c, "1.00").exposure()).isEqualByComparingTo("600.00");

        fx.creditNote(c, unique("CN"), invoice, "100.00");
        assertThat(check(c, "1.00").exposure()).isEqualByComparingTo("500.00");

        // A note naming no invoice stays on account and still lowers exposure.
        fx.creditNote(c, unique("CN"), null, "50.00");
        CheckResult last = check(c, "1.00");
        assertThat(last.breakdown().unappliedCredit().amount()).isEqualByComparingTo("50.00");
        assertThat(last.exposure()).isEqualByComparingTo("450.00");
        assertThat(last.available()).isEqualByComparingTo("9550.00");
        assertTotalsMatchLedger(c);
    }

    @Test
    void a_cheque_counts_in_exposure_until_it_has_had_time_to_clear() {
        CustomerRef c = fx.customer();
        fx.limit(c, "10000.00");
        fx.invoice(c, unique("INV"), null, today.minusDays(10), today.plusDays(20), "1000.00");
        fx.payment(c, unique("PAY"), today.minusDays(1), "1000.00", "CHEQUE");

        CheckResult now = check(c, "1.00");
        assertThat(now.breakdown().openReceivables().amount()).isEqualByComparingTo("0.00");
        assertThat(now.breakdown().unclearedCheques().amount()).isEqualByComparingTo("1000.00");
        assertThat(now.exposure()).isEqualByComparingTo("1000.00");

        CheckResult cleared =
                checks.check(new CheckRequest(c.code(), BigDecimal.ONE, null, today.plusDays(2), null), ADMIN);
        assertThat(cleared.exposure()).isEqualByComparingTo("0.00");
    }

    @Test
    void orders_within_headroom_pass_and_the_next_one_over_it_is_blocked() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        assertThat(fx.order(c, unique("SO"), "600.00").status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(fx.order(c, unique("SO"), "400.00").status()).isEqualTo(OrderStatus.RELEASED);
        OrderOutcome over = fx.order(c, unique("SO"), "0.01");
        assertThat(over.status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(over.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVER_LIMIT);
        assertThat(over.exposure()).isEqualByComparingTo("1000.00");
        assertThat(over.available()).isEqualByComparingTo("0.00");
    }

    @Test
    void a_customer_without_a_limit_is_blocked_and_a_check_has_no_side_effects() {
        CustomerRef c = fx.customer();
        CheckResult result = check(c, "10.00");
        assertThat(result.decision()).isInstanceOf(CreditDecision.Blocked.class);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NO_LIMIT);
        assertThat(result.creditLimit()).isNull();
        assertThat(accounts.runningTotals(List.of(c.id()))).isEmpty();
        assertThat(orders.orders(OrderStatus.BLOCKED, ADMIN))
                .noneMatch(o -> o.customerCode().equals(c.code()));
    }

    @Test
    void the_same_order_again_answers_the_stored_decision_and_other_content_conflicts() {
        CustomerRef c = fx.customer();
        String orderNo = unique("SO");
        RecordOrder command = new RecordOrder(orderNo, c.code(), today, new BigDecimal("50.00"), null, null, null);
        CreditOrders.Placed first = orders.place(command, ADMIN);
        assertThat(first.created()).isTrue();
        assertThat(first.outcome().status()).isEqualTo(OrderStatus.BLOCKED);

        fx.limit(c, "1000.00");
        CreditOrders.Placed again = orders.place(command, ADMIN);
        assertThat(again.created()).isFalse();
        assertThat(again.outcome()).isEqualTo(first.outcome());

        ProblemException conflict = catchThrowableOfType(
                ProblemException.class,
                () -> orders.place(
                        new RecordOrder(orderNo, c.code(), today, new BigDecimal("51.00"), null, null, null), ADMIN));
        assertThat(conflict.kind()).isEqualTo(ProblemException.Kind.CONFLICT);
    }

    @Test
    void an_invoice_past_grace_blocks_the_next_check_and_the_payment_clearing_it_lifts_the_block_at_once() {
        CustomerRef c = fx.customer();
        fx.limit(c, "10000.00");
        String invoice = unique("INV");
        // Due 7 days ago: within the default grace of 7 days, only monitored.
        fx.invoice(c, invoice, null, today.minusDays(40), today.minusDays(7), "500.00");
        assertThat(check(c, "10.00").decision().approved()).isTrue();

        String late = unique("INV");
        fx.invoice(c, late, null, today.minusDays(40), today.minusDays(8), "300.00");
        CheckResult blocked = check(c, "10.00");
        assertThat(blocked.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVERDUE);
        assertThat(customers.details(c.code(), null, ADMIN).status().creditState())
                .isEqualTo(CreditState.ON_HOLD);
        assertThat(customers.details(c.code(), null, ADMIN).status().holdReasons())
                .containsExactly("OVERDUE");

        // Oldest due first: 300 settles the late invoice entirely.
        fx.payment(c, unique("PAY"), today, "300.00", "BANK_TRANSFER");
        assertThat(check(c, "10.00").decision().approved()).isTrue();
        assertThat(customers.details(c.code(), null, ADMIN).status().creditState())
                .isEqualTo(CreditState.ACTIVE);
    }

    @Test
    void a_check_as_of_an_earlier_date_sees_the_invoice_that_was_overdue_then_though_it_is_paid_now() {
        CustomerRef c = fx.customer();
        fx.limit(c, "10000.00");
        String invoice = unique("INV");
        fx.invoice(c, invoice, null, today.minusDays(60), today.minusDays(20), "300.00");
        fx.payment(c, unique("PAY"), today, "300.00", "BANK_TRANSFER");

        assertThat(check(c, "10.00").decision().approved()).isTrue();
        CheckResult yesterday = checks.check(
                new CheckRequest(c.code(), new BigDecimal("10.00"), null, today.minusDays(1), null), ADMIN);
        assertThat(yesterday.reasons()).extracting(Reason::code).contains(ReasonCode.OVERDUE);
        assertThat(yesterday.reasons().stream()
                        .filter(r -> r.code() == ReasonCode.OVERDUE)
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("1 invoice(s)", "300.00", "up to 19 days");
    }

    @Test
    void amounts_in_another_currency_need_a_stored_rate_and_are_converted_with_it() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        String currency = "CHF";
        CheckResult refused =
                checks.check(new CheckRequest(c.code(), new BigDecimal("10.00"), currency, null, null), ADMIN);
        assertThat(refused.reasons()).extracting(Reason::code).containsExactly(ReasonCode.NO_EXCHANGE_RATE);

        rates.put(List.of(new ExchangeRateInput(currency, "CNY", new BigDecimal("8.5"), today.minusDays(1))), ADMIN);
        OrderOutcome order = fx.order(c, unique("SO"), "100.00", currency, null);
        assertThat(order.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(order.exposure()).isEqualByComparingTo("850.00");
        OrderOutcome over = fx.order(c, unique("SO"), "17.65", currency, null);
        assertThat(over.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVER_LIMIT);
    }

    @Test
    void a_contract_order_is_refused_beyond_its_contract_line() {
        CustomerRef c = fx.customer("OT", "VALUE_ADDED", "CNY");
        String contract = unique("K");
        fx.limit(c, "500.00", "CNY", contract);
        assertThat(fx.order(c, unique("SO"), "400.00", null, contract).status()).isEqualTo(OrderStatus.RELEASED);
        OrderOutcome over = fx.order(c, unique("SO"), "100.01", null, contract);
        assertThat(over.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CONTRACT_LIMIT);
        OrderOutcome unknownContract = fx.order(c, unique("SO"), "1.00", null, unique("K"));
        assertThat(unknownContract.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CONTRACT_LIMIT);
    }

    @Test
    void credit_facts_set_by_later_modules_are_honoured() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        long lastEvent = lastEventId();
        accounts.markLegal(c, true, "handed to the lawyer", ADMIN);
        accounts.setRiskClass(c, "E", "scored", ADMIN);
        assertThat(check(c, "1.00").reasons())
                .extracting(Reason::code)
                .containsExactly(ReasonCode.LEGAL, ReasonCode.RISK_CLASS);
        accounts.stop(c, "second bounce", ADMIN);
        accounts.markBouncedCheque(c, true, "cheque returned", ADMIN);
        accounts.markLinkedToStopped(c, true, "same director", ADMIN);
        assertThat(check(c, "1.00").reasons())
                .extracting(Reason::code)
                .contains(ReasonCode.CREDIT_STOPPED, ReasonCode.BOUNCED_CHEQUE, ReasonCode.LINKED_TO_STOPPED_CUSTOMER);
        assertThat(customers.details(c.code(), null, ADMIN).status().creditState())
                .isEqualTo(CreditState.STOPPED);
        assertThat(events.after(lastEvent, ErpEvents.MAX_LIMIT).stream()
                        .filter(e -> e.customerCode().equals(c.code()))
                        .map(ErpEvent::type))
                .contains(ErpEventType.CREDIT_STOPPED);
    }

    @Test
    void a_check_that_cannot_gather_its_facts_blocks() {
        CustomerRef broken = new CustomerRef(-1, "NOBODY", "Nobody", "OT", "NOT-A-CURRENCY", 30);
        CheckResult result = checks.decide(broken, org.creditdesk.shared.Money.of("1.00", "CNY"), null, today, null);
        assertThat(result.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CHECK_FAILED);
    }

    @Test
    void cancelling_frees_the_reservation_and_invoicing_turns_it_into_a_receivable() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        String cancelled = unique("SO");
        fx.order(c, cancelled, "700.00");
        orders.cancel(cancelled, ADMIN);
        String invoiced = unique("SO");
        assertThat(fx.order(c, invoiced, "700.00").status()).isEqualTo(OrderStatus.RELEASED);
        fx.invoice(c, unique("INV"), invoiced, today, today.plusDays(30), "700.00");
        CheckResult after = check(c, "1.00");
        assertThat(after.breakdown().releasedOrders().amount()).isEqualByComparingTo("0.00");
        assertThat(after.exposure()).isEqualByComparingTo("700.00");
        assertThat(orders.order(cancelled, ADMIN).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(orders.order(invoiced, ADMIN).status()).isEqualTo(OrderStatus.INVOICED);
        assertTotalsMatchLedger(c);
    }

    @Test
    void increasing_an_order_checks_it_again_and_decreasing_it_frees_headroom() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        String orderNo = unique("SO");
        fx.order(c, orderNo, "800.00");
        OrderOutcome grown = orders.amend(orderNo, new BigDecimal("1000.00"), ADMIN);
        assertThat(grown.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(grown.exposure()).isEqualByComparingTo("1000.00");
        OrderOutcome tooBig = orders.amend(orderNo, new BigDecimal("1000.01"), ADMIN);
        assertThat(tooBig.status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(tooBig.reasons()).extracting(Reason::code).containsExactly(ReasonCode.OVER_LIMIT);
        assertThat(check(c, "1000.00").decision().approved()).isTrue();
        OrderOutcome smaller = orders.amend(orderNo, new BigDecimal("300.00"), ADMIN);
        assertThat(smaller.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(check(c, "1.00").exposure()).isEqualByComparingTo("300.00");
        assertTotalsMatchLedger(c);
    }

    @Test
    void a_legal_customers_order_needs_the_general_manager_and_a_stopped_ones_is_never_released() {
        CustomerRef legal = fx.customer();
        fx.limit(legal, "100000.00");
        accounts.markLegal(legal, true, "sued", ADMIN);
        String legalOrder = unique("SO");
        assertThat(fx.order(legal, legalOrder, "10.00").status()).isEqualTo(OrderStatus.BLOCKED);
        Caller manager = CreditFixtures.caller("cm-severity", Role.CREDIT_MANAGER);
        assertThat(catchThrowableOfType(
                                ProblemException.class, () -> orders.release(legalOrder, "good customer", manager))
                        .getMessage())
                .contains("needs the general manager (GENERAL_MANAGER)");
        Caller gm = CreditFixtures.caller("gm-severity", Role.GENERAL_MANAGER);
        assertThat(orders.release(legalOrder, "settlement agreed", gm).status()).isEqualTo(OrderStatus.RELEASED);

        CustomerRef stopped = fx.customer();
        fx.limit(stopped, "100000.00");
        accounts.stop(stopped, "bounced twice", ADMIN);
        String stoppedOrder = unique("SO");
        assertThat(fx.order(stopped, stoppedOrder, "10.00").status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(catchThrowableOfType(ProblemException.class, () -> orders.release(stoppedOrder, "please", gm))
                        .getMessage())
                .contains("CREDIT_STOPPED can never be released");
    }

    @Test
    void the_release_authority_is_judged_on_the_exposure_after_the_release_not_the_order_alone() {
        CreditPolicy before = policies.current();
        try {
            policies.change(withSalesApprovalLimit(before, "50.00"), ADMIN);
            CustomerRef c = fx.customer();
            fx.limit(c, "100.00");
            fx.invoice(c, unique("INV"), null, today, today.plusDays(30), "95.00");
            String order = unique("SO");
            assertThat(fx.order(c, order, "10.00").status()).isEqualTo(OrderStatus.BLOCKED);
            Caller salesManager =
                    new Caller("sm-exposure", java.util.Set.of(Role.SALES_MANAGER), java.util.Set.of(c.areaCode()));

            ProblemException refused = catchThrowableOfType(
                    ProblemException.class, () -> orders.release(order, "small order", salesManager));
            assertThat(refused.getMessage())
                    .as("the order (10) is within the sales manager's 50, the exposure after it (105) is not")
                    .contains("exposure after it: 105.00", "up to 50.00");

            policies.change(withSalesApprovalLimit(before, "200.00"), ADMIN);
            assertThat(orders.release(order, "small order", salesManager).status())
                    .isEqualTo(OrderStatus.RELEASED);
        } finally {
            policies.change(CreditFixtures.asInput(before, "restore after test"), ADMIN);
        }
    }

    private static CreditPolicyInput withSalesApprovalLimit(CreditPolicy policy, String limit) {
        CreditPolicyInput input = CreditFixtures.asInput(policy, "test: release authority on exposure");
        return new CreditPolicyInput(
                "BALANCED",
                new BigDecimal(limit),
                input.creditManagerCeiling(),
                input.graceDays(),
                input.chequeClearingDays(),
                input.escalation(),
                input.reason());
    }

    @Test
    void a_blocked_order_is_released_or_rejected_with_audit_rows_and_erp_events() {
        CustomerRef c = fx.customer();
        fx.limit(c, "100.00");
        long lastEvent = lastEventId();
        String released = unique("SO");
        OrderOutcome blocked = fx.order(c, released, "150.00");
        assertThat(blocked.status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(orders.orders(OrderStatus.BLOCKED, ADMIN))
                .anyMatch(o -> o.orderNo().equals(released));

        Caller manager = CreditFixtures.caller("cm-release", Role.CREDIT_MANAGER);
        ProblemException noWhy =
                catchThrowableOfType(ProblemException.class, () -> orders.release(released, " ", manager));
        assertThat(noWhy.kind()).isEqualTo(ProblemException.Kind.MALFORMED);
        OrderOutcome ok = orders.release(released, "long-standing customer, paying next week", manager);
        assertThat(ok.status()).isEqualTo(OrderStatus.RELEASED);
        assertThat(check(c, "1.00").breakdown().releasedOrders().amount()).isEqualByComparingTo("150.00");
        CreditOrder stored = orders.order(released, ADMIN);
        assertThat(stored.resolvedBy()).isEqualTo("cm-release");
        assertThat(stored.resolutionNote()).isEqualTo("long-standing customer, paying next week");

        String rejected = unique("SO");
        fx.order(c, rejected, "10.00");
        assertThat(orders.reject(rejected, "not now", manager).status()).isEqualTo(OrderStatus.REJECTED);

        List<AuditEntry> releaseAudit = audit.entries(CreditOrders.AUDIT_SUBJECT, released, 10);
        assertThat(releaseAudit).extracting(AuditEntry::action).containsExactly("ORDER_RELEASED", "ORDER_DECIDED");
        assertThat(releaseAudit.getFirst().actor()).isEqualTo("cm-release");
        assertThat(audit.entries(CreditOrders.AUDIT_SUBJECT, rejected, 10))
                .extracting(AuditEntry::action)
                .containsExactly("ORDER_REJECTED", "ORDER_DECIDED");

        List<ErpEvent> feed = events.after(lastEvent, ErpEvents.MAX_LIMIT).stream()
                .filter(e -> e.customerCode().equals(c.code()))
                .toList();
        assertThat(feed)
                .extracting(ErpEvent::type, ErpEvent::orderNo)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ErpEventType.ORDER_BLOCKED, released),
                        org.assertj.core.groups.Tuple.tuple(ErpEventType.ORDER_RELEASED, released),
                        org.assertj.core.groups.Tuple.tuple(ErpEventType.ORDER_BLOCKED, rejected));
    }

    @Test
    void holds_block_orders_until_lifted_and_are_audited_and_sent_to_the_erp() {
        CustomerRef c = fx.customer();
        fx.limit(c, "1000.00");
        long lastEvent = lastEventId();
        Caller supervisor = CreditFixtures.caller("supervisor-hold", Role.CREDIT_SUPERVISOR);
        CustomerHolds.Changed placed =
                holds.place(c.code(), new PlaceHold("manual", "dispute on delivery"), supervisor);
        assertThat(placed.changed()).isTrue();
        assertThat(holds.place(c.code(), new PlaceHold("MANUAL", "again"), supervisor)
                        .changed())
                .isFalse();
        assertThat(check(c, "1.00").reasons()).extracting(Reason::code).containsExactly(ReasonCode.ON_HOLD);
        var status = customers.details(c.code(), null, ADMIN).status();
        assertThat(status.creditState()).isEqualTo(CreditState.ON_HOLD);
        assertThat(status.holdReasons()).containsExactly("MANUAL");
        assertThat(status.creditLimit()).isEqualByComparingTo("1000.00");

        Caller rep = CreditFixtures.caller("rep-hold", Role.SALES_REP);
        assertThat(catchThrowableOfType(
                                ProblemException.class, () -> holds.place(c.code(), new PlaceHold("MANUAL", null), rep))
                        .kind())
                .isEqualTo(ProblemException.Kind.FORBIDDEN);

        holds.lift(c.code(), placed.hold().id(), "settled", supervisor);
        assertThat(check(c, "1.00").decision().approved()).isTrue();
        assertThat(customers.details(c.code(), null, ADMIN).status().creditState())
                .isEqualTo(CreditState.ACTIVE);
        assertThat(audit.entries(CustomerHolds.AUDIT_SUBJECT, c.code(), 20))
                .extracting(AuditEntry::action)
                .contains("HOLD_PLACED", "HOLD_LIFTED");
        assertThat(events.after(lastEvent, ErpEvents.MAX_LIMIT).stream()
                        .filter(e -> e.customerCode().equals(c.code()))
                        .map(ErpEvent::type))
                .contains(ErpEventType.CUSTOMER_HOLD, ErpEventType.CUSTOMER_RELEASED);
    }

    long lastEventId() {
        return ErpFeed.lastId(events);
    }
}
