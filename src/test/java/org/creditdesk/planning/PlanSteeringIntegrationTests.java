package org.creditdesk.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.credit.CreditLimitRequest;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.credit.LimitWarning;
import org.creditdesk.credit.NewLimitRequest;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.risk.Scores;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plan steers credit once approved, through planning's published SQL functions: limit requests
 * that would take the area over plan carry PLAN_EXCEEDED (only a credit manager or general manager
 * may approve them) and recommended limits are capped by what is left of the area's amount. A draft
 * steers nothing. Runs in the current year (limit requests are made today); it plans only its own
 * area and product line, which no other test uses.
 */
@SpringBootTest
class PlanSteeringIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    FundPlans plans;

    @Autowired
    CreditLimits limits;

    @Autowired
    Scores scores;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void a_draft_plan_does_not_steer_credit_and_an_approved_one_does() {
        PlanningFixtures fixtures = new PlanningFixtures(jdbc, ledger);
        LocalDate today = calendar.today();
        String line = fixtures.productLine();
        String area = fixtures.area();
        String big = fixtures.customer(area);
        String neighbour = fixtures.customer(area);
        String small = fixtures.customer(area);
        String paid = fixtures.invoice(big, line, today.minusDays(100), "5000000.00");
        fixtures.pay(big, today.minusDays(70), "5000000.00", paid);
        fixtures.invoice(big, line, today.minusDays(10), "400000.00");
        fixtures.invoice(neighbour, line, today.minusDays(10), "395000.00");
        Caller gm = new Caller("gm-steer", Set.of(Role.GENERAL_MANAGER), Set.of());
        Caller rep = new Caller("rep-steer", Set.of(Role.SALES_REP), Set.of(area));
        Caller salesManager = new Caller("sm-steer", Set.of(Role.SALES_MANAGER), Set.of(area));
        Caller creditManager = new Caller("cm-steer", Set.of(Role.CREDIT_MANAGER), Set.of());
        // area amount 800,000: open now 795,000, so 5,000 left
        plans.save(
                today.getYear(),
                new FundPlanInput(
                        new BigDecimal("2000000"),
                        new BigDecimal("0.06"),
                        75,
                        List.of(new FundPlanInput.Line(
                                line, "VOLUME", new BigDecimal("1000000"), 60, new BigDecimal("12"))),
                        List.of(new FundPlanInput.Area(line, area, new BigDecimal("800000"), 60)),
                        List.of()),
                gm);

        BigDecimal uncapped = scores.score(big, today, gm).recommendedLimit();
        assertThat(uncapped)
                .as("the test needs a recommendation above the plan's room")
                .isGreaterThan(new BigDecimal("405000"));
        CreditLimitRequest draftTime = limits.request(small, request("100000", today), rep);
        assertThat(limits.warnings(draftTime.id(), gm)).isEmpty();
        limits.approve(draftTime.id(), null, salesManager);

        plans.approve(today.getYear(), "steer", gm);

        assertThat(scores.score(big, today, gm).recommendedLimit())
                .as("own 400,000 open + 5,000 left of the area")
                .isEqualByComparingTo("405000.00");
        CreditLimitRequest warned = limits.request(small, request("90000", today), rep);
        assertThat(limits.warnings(warned.id(), gm))
                .extracting(LimitWarning::code)
                .containsExactly("PLAN_EXCEEDED");
        assertThat(limits.warnings(warned.id(), gm).getFirst().detail()).contains("AREA:" + area);
        assertThat(limits.approvableBy(salesManager, List.of(warned))).isEmpty();
        assertThatThrownBy(() -> limits.approve(warned.id(), null, salesManager))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).contains("PLAN_EXCEEDED");
                });
        assertThat(limits.approvableBy(creditManager, List.of(warned))).containsExactly(warned.id());
        assertThat(limits.approve(warned.id(), "within the year's reserve", creditManager)
                        .status()
                        .name())
                .isEqualTo("APPROVED");
    }

    private static NewLimitRequest request(String amount, LocalDate today) {
        return new NewLimitRequest(new BigDecimal(amount), null, null, today.plusYears(1), null, "more business", null);
    }
}
