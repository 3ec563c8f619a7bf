package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.CreditState;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Each credit rule alone, against snapshots built in plain Java (no Spring, no database). */
class CreditRulesTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 10);
    static final Currency CNY = Currency.getInstance("CNY");

    /** A customer with an active 10,000 CNY line, 4,000 exposure, nothing overdue and no facts. */
    record Snapshot(
            Money requested,
            @Nullable String contractNo,
            @Nullable CustomerCreditLine line,
            @Nullable Exposure exposure,
            List<String> missingRates,
            OverdueFacts overdue,
            CreditFacts facts) {

        static Snapshot healthy() {
            return new Snapshot(
                    Money.of("1000.00", "CNY"),
                    null,
                    CreditRulesTests.line(null, "10000.00", LimitState.ACTIVE),
                    CreditRulesTests.exposure("4000.00"),
                    List.of(),
                    OverdueFacts.none(7),
                    CreditFacts.NONE);
        }

        Snapshot requesting(String amount) {
            return new Snapshot(Money.of(amount, "CNY"), contractNo, line, exposure, missingRates, overdue, facts);
        }

        Snapshot withLine(@Nullable CustomerCreditLine l) {
            return new Snapshot(requested, contractNo, l, exposure, missingRates, overdue, facts);
        }

        Snapshot forContract(String contract, @Nullable CustomerCreditLine l) {
            return new Snapshot(requested, contract, l, exposure, missingRates, overdue, facts);
        }

        Snapshot withOverdue(OverdueFacts o) {
            return new Snapshot(requested, contractNo, line, exposure, missingRates, o, facts);
        }

        Snapshot withFacts(CreditFacts f) {
            return new Snapshot(requested, contractNo, line, exposure, missingRates, overdue, f);
        }

        Snapshot withoutRate(String missing) {
            return new Snapshot(requested, contractNo, line, null, List.of(missing), overdue, facts);
        }

        CreditSnapshot build() {
            return new CreditSnapshot(
                    AS_OF, requested, requested, contractNo, line, exposure, missingRates, overdue, facts);
        }
    }

    static CustomerCreditLine line(@Nullable String contract, String amount, LimitState state) {
        return new CustomerCreditLine(
                1L,
                contract,
                Money.of(amount, "CNY"),
                Money.zero(CNY),
                AS_OF.minusYears(1),
                AS_OF.plusYears(1),
                null,
                state);
    }

    static Exposure exposure(String open) {
        return new Exposure(Money.of(open, "CNY"), Money.zero(CNY), Money.zero(CNY), Money.zero(CNY));
    }

    static List<ReasonCode> codes(Snapshot s) {
        return CreditRules.evaluate(s.build()).reasons().stream()
                .map(Reason::code)
                .toList();
    }

    static CreditFacts facts(CreditState state, boolean legal, boolean linked, boolean bounced, @Nullable String risk) {
        return new CreditFacts(
                state, state == CreditState.STOPPED ? "second bounce" : null, legal, linked, bounced, risk, List.of());
    }

    @Test
    void a_healthy_customer_within_its_line_is_approved() {
        assertThat(CreditRules.evaluate(Snapshot.healthy().build())).isInstanceOf(CreditDecision.Approved.class);
    }

    @Test
    void an_order_that_exactly_uses_the_headroom_passes_and_one_cent_more_is_over_limit() {
        assertThat(codes(Snapshot.healthy().requesting("6000.00"))).isEmpty();
        assertThat(codes(Snapshot.healthy().requesting("6000.01"))).containsExactly(ReasonCode.OVER_LIMIT);
    }

    @Test
    void securities_raise_the_usable_line() {
        CustomerCreditLine secured = new CustomerCreditLine(
                1L,
                null,
                Money.of("10000.00", "CNY"),
                Money.of("2000.00", "CNY"),
                AS_OF,
                AS_OF,
                null,
                LimitState.ACTIVE);
        assertThat(codes(Snapshot.healthy().withLine(secured).requesting("8000.00")))
                .isEmpty();
    }

    @Test
    void no_line_blocks_with_no_limit() {
        assertThat(codes(Snapshot.healthy().withLine(null))).containsExactly(ReasonCode.NO_LIMIT);
    }

    @Test
    void a_line_not_yet_valid_is_no_limit() {
        assertThat(codes(Snapshot.healthy().withLine(line(null, "10000.00", LimitState.NOT_YET_VALID))))
                .containsExactly(ReasonCode.NO_LIMIT);
    }

    @Test
    void an_expired_line_blocks_with_limit_expired() {
        assertThat(codes(Snapshot.healthy().withLine(line(null, "10000.00", LimitState.EXPIRED))))
                .containsExactly(ReasonCode.LIMIT_EXPIRED);
    }

    @Test
    void overdue_beyond_grace_blocks_with_overdue() {
        OverdueFacts overdue = new OverdueFacts(7, List.of(Money.of("500.00", "CNY")), 12, 1);
        List<Reason> reasons = CreditRules.evaluate(
                        Snapshot.healthy().withOverdue(overdue).build())
                .reasons();
        assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.OVERDUE);
        assertThat(reasons.getFirst().message())
                .contains("500.00 CNY")
                .contains("12 days")
                .contains("7 days' grace");
    }

    @Test
    void credit_stopped_blocks() {
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.STOPPED, false, false, false, null))))
                .containsExactly(ReasonCode.CREDIT_STOPPED);
    }

    @Test
    void a_bounced_cheque_blocks() {
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.ACTIVE, false, false, true, null))))
                .containsExactly(ReasonCode.BOUNCED_CHEQUE);
    }

    @Test
    void a_link_to_a_stopped_customer_blocks() {
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.ACTIVE, false, true, false, null))))
                .containsExactly(ReasonCode.LINKED_TO_STOPPED_CUSTOMER);
    }

    @Test
    void legal_action_blocks() {
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.ACTIVE, true, false, false, null))))
                .containsExactly(ReasonCode.LEGAL);
    }

    @Test
    void risk_class_e_blocks_and_d_does_not() {
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.ACTIVE, false, false, false, "E"))))
                .containsExactly(ReasonCode.RISK_CLASS);
        assertThat(codes(Snapshot.healthy().withFacts(facts(CreditState.ACTIVE, false, false, false, "D"))))
                .isEmpty();
    }

    @Test
    void an_active_hold_blocks_naming_who_placed_it() {
        CustomerHold hold = new CustomerHold(
                1,
                "C-1",
                HoldReason.MANUAL,
                false,
                "dispute on delivery",
                "cm",
                OffsetDateTime.parse("2026-03-01T10:00:00Z"),
                null,
                null,
                null);
        CreditFacts onHold = new CreditFacts(CreditState.ON_HOLD, null, false, false, false, null, List.of(hold));
        List<Reason> reasons = CreditRules.evaluate(
                        Snapshot.healthy().withFacts(onHold).build())
                .reasons();
        assertThat(reasons).extracting(Reason::code).containsExactly(ReasonCode.ON_HOLD);
        assertThat(reasons.getFirst().message()).contains("MANUAL by cm").contains("dispute on delivery");
    }

    @Test
    void a_missing_exchange_rate_blocks_rather_than_guess() {
        assertThat(codes(Snapshot.healthy().withoutRate("USD→CNY on 2026-03-10")))
                .containsExactly(ReasonCode.NO_EXCHANGE_RATE);
    }

    @Test
    void a_contract_order_draws_on_its_contract_line_only() {
        Snapshot contract = Snapshot.healthy().forContract("K-1", line("K-1", "5000.00", LimitState.ACTIVE));
        assertThat(codes(contract.requesting("1000.00"))).isEmpty();
        assertThat(codes(contract.requesting("1000.01"))).containsExactly(ReasonCode.CONTRACT_LIMIT);
        assertThat(codes(Snapshot.healthy().forContract("K-2", null))).containsExactly(ReasonCode.CONTRACT_LIMIT);
        assertThat(codes(Snapshot.healthy().forContract("K-1", line("K-1", "5000.00", LimitState.EXPIRED))))
                .containsExactly(ReasonCode.LIMIT_EXPIRED);
    }

    @Test
    void every_rule_that_refuses_is_listed() {
        Snapshot bad = Snapshot.healthy()
                .withLine(line(null, "10000.00", LimitState.EXPIRED))
                .withOverdue(new OverdueFacts(7, List.of(Money.of("1.00", "CNY")), 30, 1))
                .withFacts(facts(CreditState.STOPPED, true, false, false, null));
        assertThat(codes(bad))
                .containsExactly(
                        ReasonCode.CREDIT_STOPPED, ReasonCode.LEGAL, ReasonCode.OVERDUE, ReasonCode.LIMIT_EXPIRED);
    }

    @Test
    void a_rule_that_cannot_decide_blocks_the_order() {
        CreditRule broken = new CreditRule.OverLimit();
        CreditSnapshot snapshot = new CreditSnapshot(
                AS_OF,
                Money.of("1.00", "USD"),
                Money.of("1.00", "USD"), // another currency than the line: Money refuses to add them
                null,
                line(null, "10000.00", LimitState.ACTIVE),
                exposure("0.00"),
                List.of(),
                OverdueFacts.none(7),
                CreditFacts.NONE);
        CreditDecision decision = CreditRules.evaluate(List.of(broken), snapshot);
        assertThat(decision).isInstanceOf(CreditDecision.Blocked.class);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CHECK_FAILED);
    }

    @Test
    void conversion_uses_the_stored_rate_and_names_what_is_missing() {
        Conversion conversion = new Conversion(CNY, Map.of("USD", new BigDecimal("7.12345678")), AS_OF);
        Conversion.Result result = conversion.exposure(
                List.of(
                        new Conversion.Totals("CNY", new BigDecimal("100.00"), BigDecimal.ZERO, BigDecimal.ZERO),
                        new Conversion.Totals("USD", new BigDecimal("10.00"), new BigDecimal("1.00"), BigDecimal.ZERO)),
                List.of(Money.of("2.00", "USD")));
        assertThat(result.missingRates()).isEmpty();
        assertThat(result.exposure().openReceivables()).isEqualTo(Money.of("171.23", "CNY"));
        assertThat(result.exposure().releasedOrders()).isEqualTo(Money.of("7.12", "CNY"));
        assertThat(result.exposure().unclearedCheques()).isEqualTo(Money.of("14.25", "CNY"));

        Conversion withoutEur = new Conversion(CNY, Map.of(), AS_OF);
        Conversion.Result missing = withoutEur.exposure(
                List.of(new Conversion.Totals("EUR", new BigDecimal("5.00"), BigDecimal.ZERO, BigDecimal.ZERO)),
                List.of());
        assertThat(missing.exposure()).isNull();
        assertThat(missing.missingRates()).containsExactly("EUR→CNY on 2026-03-10");
    }

    @Test
    void exposure_adds_uncleared_cheques_and_deducts_credit_on_account() {
        Exposure e = new Exposure(
                Money.of("1000.00", "CNY"),
                Money.of("300.00", "CNY"),
                Money.of("200.00", "CNY"),
                Money.of("80.00", "CNY"));
        assertThat(e.total()).isEqualTo(Money.of("1420.00", "CNY"));
        assertThat(e.withReleased(Money.of("30.00", "CNY")).total()).isEqualTo(Money.of("1450.00", "CNY"));
    }
}
