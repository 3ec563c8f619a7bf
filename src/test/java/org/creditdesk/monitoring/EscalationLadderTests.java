package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.creditdesk.TestMessages;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;

class EscalationLadderTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    static EscalationLadder ladder(int graceDays) {
        return new EscalationLadder(
                graceDays,
                List.of(
                        new Rung(
                                1,
                                1,
                                List.of(
                                        new Responsibility(Role.CREDIT_SUPERVISOR, true),
                                        new Responsibility(Role.SALES_MANAGER, true))),
                        new Rung(
                                2,
                                16,
                                List.of(
                                        new Responsibility(Role.CREDIT_SUPERVISOR, true),
                                        new Responsibility(Role.SALES_MANAGER, true),
                                        new Responsibility(Role.CREDIT_MANAGER, false))),
                        new Rung(
                                3,
                                31,
                                List.of(
                                        new Responsibility(Role.CREDIT_MANAGER, false),
                                        new Responsibility(Role.GENERAL_MANAGER, false))),
                        new Rung(4, 61, List.of(new Responsibility(Role.LEGAL, false)))));
    }

    static OverdueSnapshot overdue(int days) {
        return new OverdueSnapshot(AS_OF, new BigDecimal("1000.00"), AS_OF.minusDays(days));
    }

    @Test
    void the_default_ladder_levels_change_on_their_threshold_days() {
        EscalationLadder ladder = ladder(7);
        int[][] expected = {{1, 1}, {15, 1}, {16, 2}, {30, 2}, {31, 3}, {60, 3}, {61, 4}, {400, 4}};
        for (int[] e : expected) {
            assertThat(ladder.evaluate(overdue(e[0])).level())
                    .as("%d days", e[0])
                    .isEqualTo(e[1]);
        }
        assertThat(ladder.evaluate(OverdueSnapshot.clear(AS_OF))).isEqualTo(LadderPosition.CLEAR);
    }

    @Test
    void lateness_up_to_grace_is_procedural_and_the_day_after_is_not() {
        EscalationLadder ladder = ladder(7);
        assertThat(ladder.evaluate(overdue(7))).isEqualTo(new LadderPosition(1, 7, true));
        assertThat(ladder.evaluate(overdue(8))).isEqualTo(new LadderPosition(1, 8, false));
    }

    @Test
    void within_grace_a_customer_is_never_escalated_beyond_level_one() {
        EscalationLadder ladder = ladder(20);
        assertThat(ladder.evaluate(overdue(16))).isEqualTo(new LadderPosition(1, 16, true));
        assertThat(ladder.evaluate(overdue(20))).isEqualTo(new LadderPosition(1, 20, true));
        // one day past grace the ladder applies in full
        assertThat(ladder.evaluate(overdue(21))).isEqualTo(new LadderPosition(2, 21, false));
    }

    @Test
    void zero_grace_makes_the_first_day_overdue_an_escalation() {
        EscalationLadder ladder = ladder(0);
        assertThat(ladder.evaluate(overdue(1))).isEqualTo(new LadderPosition(1, 1, false));
    }

    @Test
    void the_level_never_falls_while_days_overdue_grow_outside_grace() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        EscalationLadder ladder = ladder(random.nextInt(10));
        int previous = 0;
        for (int days = ladder.graceDays() + 1; days < 200; days += 1 + random.nextInt(5)) {
            int level = ladder.evaluate(overdue(days)).level();
            assertThat(level).as("seed %d, %d days", seed, days).isGreaterThanOrEqualTo(previous);
            previous = level;
        }
    }

    @Test
    void each_level_names_its_responsible_roles() {
        EscalationLadder ladder = ladder(7);
        assertThat(ladder.rolesAt(1)).containsExactlyInAnyOrder(Role.CREDIT_SUPERVISOR, Role.SALES_MANAGER);
        assertThat(ladder.rolesAt(2))
                .containsExactlyInAnyOrder(Role.CREDIT_SUPERVISOR, Role.SALES_MANAGER, Role.CREDIT_MANAGER);
        assertThat(ladder.rolesAt(3)).containsExactlyInAnyOrder(Role.CREDIT_MANAGER, Role.GENERAL_MANAGER);
        assertThat(ladder.rolesAt(4)).containsExactly(Role.LEGAL);
    }

    @Test
    void levels_out_of_order_are_refused() {
        assertThatThrownBy(() ->
                        new EscalationLadder(7, List.of(new Rung(1, 10, List.of()), new Rung(2, 5, List.of()))))
                .hasMessageContaining("start later");
    }

    @Test
    void the_mail_of_each_level_names_customer_level_days_and_amount() {
        for (int level = 1; level <= 4; level++) {
            EscalationMail mail = EscalationMail.of(
                    new EscalationMail.Facts(
                            "C-42",
                            "Acme Trading",
                            level,
                            new Rung(level, level * 10, List.of()).title(),
                            level * 10 + 3,
                            new BigDecimal("1234.50"),
                            "CNY",
                            false,
                            AS_OF,
                            "Li Lei",
                            Role.CREDIT_MANAGER,
                            java.util.Locale.ENGLISH),
                    TestMessages.bundles());
            assertThat(mail.subject())
                    .contains(
                            "level " + level,
                            "C-42",
                            "Acme Trading",
                            (level * 10 + 3) + " days overdue",
                            "1234.50 CNY");
            assertThat(mail.body())
                    .contains("C-42", "Acme Trading", "level " + level, "Days overdue: " + (level * 10 + 3))
                    .contains("Overdue amount: 1234.50 CNY", "Dear Li Lei");
        }
    }

    @Test
    void staffing_needs_the_larger_of_sales_and_customers_rounded_up_to_whole_people() {
        StaffingNorm norm = StaffingNorm.standard();
        // 40 million of sales: 4–6 by sales; 30 customers: 1–2 by customers.
        assertThat(norm.required(new BigDecimal("40000000"), 30)).isEqualTo(new StaffingNorm.Headcount(4, 6));
        // 120 customers: 2 per 60 = 4, 3 per 50 = 7.2 -> 8; little sales.
        assertThat(norm.required(new BigDecimal("1000000"), 120)).isEqualTo(new StaffingNorm.Headcount(4, 8));
        assertThat(norm.required(BigDecimal.ZERO, 0)).isEqualTo(new StaffingNorm.Headcount(0, 0));
        assertThat(norm.required(BigDecimal.ZERO, 1)).isEqualTo(new StaffingNorm.Headcount(1, 1));
        assertThat(new StaffingNorm.Headcount(2, 3).assess(new BigDecimal("1.5")))
                .isEqualTo("BELOW");
        assertThat(new StaffingNorm.Headcount(2, 3).assess(new BigDecimal("3"))).isEqualTo("WITHIN");
        assertThat(new StaffingNorm.Headcount(2, 3).assess(new BigDecimal("3.5")))
                .isEqualTo("ABOVE");
    }
}
