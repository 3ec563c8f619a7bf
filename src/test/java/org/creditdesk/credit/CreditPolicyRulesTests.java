package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditdesk.credit.CreditFixtures.asInput;
import static org.creditdesk.credit.CreditFixtures.defaultPolicy;

import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;

class CreditPolicyRulesTests {

    private final CreditPolicy current = defaultPolicy(PolicyMode.BALANCED);

    @Test
    void a_complete_valid_policy_is_taken_as_sent() {
        CreditPolicyInput input = new CreditPolicyInput(
                "FINANCE_LED",
                new BigDecimal("50000"),
                null,
                10,
                null,
                List.of(
                        new CreditPolicyInput.Step(1, 1),
                        new CreditPolicyInput.Step(2, 20),
                        new CreditPolicyInput.Step(3, 40),
                        new CreditPolicyInput.Step(4, 90)),
                "tighten");

        CreditPolicy policy = CreditPolicyRules.apply(input, current);

        assertThat(policy.mode()).isEqualTo(PolicyMode.FINANCE_LED);
        assertThat(policy.salesApprovalLimit()).isEqualTo(Money.of("50000.00", "CNY"));
        assertThat(policy.creditManagerCeiling())
                .as("left out keeps the current")
                .isEqualTo(current.creditManagerCeiling());
        assertThat(policy.chequeClearingDays()).isEqualTo(3);
        assertThat(policy.escalationLevel(39)).isEqualTo(2);
        assertThat(policy.escalationLevel(90)).isEqualTo(4);
        assertThat(policy.escalationLevel(0)).isZero();
    }

    @Test
    void missing_required_fields_are_malformed_and_named() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class,
                () -> CreditPolicyRules.apply(
                        new CreditPolicyInput(null, null, null, null, null, null, null), current));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.MALFORMED);
        assertThat(e.violations())
                .extracting(Violation::field)
                .containsExactly("mode", "salesApprovalLimit", "graceDays", "escalation");
    }

    @Test
    void invalid_values_are_rule_violations_naming_each_field() {
        CreditPolicyInput input = new CreditPolicyInput(
                "CAUTIOUS",
                new BigDecimal("-1"),
                new BigDecimal("10.001"),
                61,
                -1,
                List.of(
                        new CreditPolicyInput.Step(1, 1),
                        new CreditPolicyInput.Step(2, 16),
                        new CreditPolicyInput.Step(3, 16),
                        new CreditPolicyInput.Step(5, 61)),
                null);

        ProblemException e =
                catchThrowableOfType(ProblemException.class, () -> CreditPolicyRules.apply(input, current));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
        assertThat(e.violations())
                .extracting(Violation::field)
                .containsExactly(
                        "mode",
                        "salesApprovalLimit",
                        "creditManagerCeiling",
                        "graceDays",
                        "chequeClearingDays",
                        "escalation[2].fromDays",
                        "escalation[3].level");
    }

    @Test
    void the_ladder_must_have_exactly_four_levels() {
        CreditPolicyInput input = asInput(current, "x");
        CreditPolicyInput threeLevels = new CreditPolicyInput(
                input.mode(),
                input.salesApprovalLimit(),
                null,
                input.graceDays(),
                null,
                input.escalation().subList(0, 3),
                null);

        assertThat(catchThrowableOfType(ProblemException.class, () -> CreditPolicyRules.apply(threeLevels, current))
                        .violations())
                .extracting(Violation::field)
                .containsExactly("escalation");
    }

    @Test
    void grace_days_at_the_bounds_are_accepted() {
        for (int grace : new int[] {0, 60}) {
            CreditPolicyInput input = asInput(current, "x");
            CreditPolicyInput bounded = new CreditPolicyInput(
                    input.mode(), input.salesApprovalLimit(), null, grace, null, input.escalation(), null);
            assertThat(CreditPolicyRules.apply(bounded, current).graceDays()).isEqualTo(grace);
        }
    }
}
