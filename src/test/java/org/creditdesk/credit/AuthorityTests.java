package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.credit.CreditFixtures.caller;
import static org.creditdesk.credit.CreditFixtures.defaultMatrix;
import static org.creditdesk.credit.CreditFixtures.defaultPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The authority evaluator under the default matrix: every mode, action, role and amount band. */
class AuthorityTests {

    private static final String AREA = "EAST";

    /** Amounts at, just below and just above each threshold (sales 100,000; credit manager 1,000,000). */
    private static final List<String> BANDS = List.of(
            "0.00",
            "0.01",
            "99999.99",
            "100000.00",
            "100000.01",
            "999999.99",
            "1000000.00",
            "1000000.01",
            "999999999.99");

    /** The expected outcome, written from the policy's description rather than from the matrix. */
    private static boolean expected(PolicyMode mode, Role role, BigDecimal amount) {
        return switch (mode) {
            case SALES_LED ->
                Set.of(Role.SALES_MANAGER, Role.CREDIT_MANAGER, Role.FINANCE, Role.GENERAL_MANAGER)
                        .contains(role);
            case BALANCED ->
                switch (role) {
                    case SALES_MANAGER -> amount.compareTo(new BigDecimal("100000.00")) <= 0;
                    case CREDIT_MANAGER -> amount.compareTo(new BigDecimal("1000000.00")) <= 0;
                    case GENERAL_MANAGER -> true;
                    default -> false;
                };
            case FINANCE_LED ->
                Set.of(Role.CREDIT_MANAGER, Role.FINANCE, Role.GENERAL_MANAGER).contains(role);
        };
    }

    static Stream<Arguments> every_mode_action_role_and_band() {
        List<Arguments> cases = new ArrayList<>();
        for (PolicyMode mode : PolicyMode.values()) {
            for (AuthorityAction action : AuthorityAction.values()) {
                for (Role role : Role.values()) {
                    for (String amount : BANDS) {
                        cases.add(Arguments.of(mode, action, role, amount));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("every_mode_action_role_and_band")
    void the_default_matrix_gives_each_role_its_authority_under_each_mode(
            PolicyMode mode, AuthorityAction action, Role role, String amount) {
        Authority authority = new Authority(defaultPolicy(mode), defaultMatrix());
        Caller user = role.isAreaScoped() ? caller("u", role, AREA) : caller("u", role);

        AuthorityDecision decision = authority.decide(user, action, Money.of(amount, "CNY"), AREA);

        boolean allowed = expected(mode, role, new BigDecimal(amount));
        assertThat(decision)
                .as("%s %s %s %s -> %s", mode, action, role, amount, decision)
                .isInstanceOf(allowed ? AuthorityDecision.Allowed.class : AuthorityDecision.Denied.class);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sales_modes_and_actions")
    void sales_managers_act_only_within_their_areas(PolicyMode mode, AuthorityAction action) {
        Authority authority = new Authority(defaultPolicy(mode), defaultMatrix());
        Caller eastManager = caller("sm", Role.SALES_MANAGER, "EAST");

        assertThat(authority.decide(eastManager, action, Money.of("10.00", "CNY"), "EAST"))
                .isInstanceOf(AuthorityDecision.Allowed.class);
        assertThat(authority.decide(eastManager, action, Money.of("10.00", "CNY"), "WEST"))
                .isInstanceOfSatisfying(
                        AuthorityDecision.Denied.class,
                        d -> assertThat(d.reason())
                                .contains("only within your areas")
                                .contains("WEST"));
    }

    static Stream<Arguments> sales_modes_and_actions() {
        return Stream.of(PolicyMode.SALES_LED, PolicyMode.BALANCED)
                .flatMap(mode -> Stream.of(AuthorityAction.values()).map(action -> Arguments.of(mode, action)));
    }

    @Test
    void a_sales_manager_without_areas_acts_for_every_area() {
        Authority authority = new Authority(defaultPolicy(PolicyMode.SALES_LED), defaultMatrix());

        assertThat(authority.decide(
                        caller("sm", Role.SALES_MANAGER),
                        AuthorityAction.APPROVE_LIMIT,
                        Money.of("5.00", "CNY"),
                        "WEST"))
                .isInstanceOf(AuthorityDecision.Allowed.class);
    }

    @Test
    void the_strongest_of_several_roles_decides() {
        Authority authority = new Authority(defaultPolicy(PolicyMode.BALANCED), defaultMatrix());
        Caller both = new Caller("both", Set.of(Role.SALES_MANAGER, Role.CREDIT_MANAGER), Set.of());

        assertThat(authority.decide(both, AuthorityAction.APPROVE_LIMIT, Money.of("500000.00", "CNY"), AREA))
                .isEqualTo(new AuthorityDecision.Allowed(Role.CREDIT_MANAGER));
    }

    @Test
    void a_bounded_authority_does_not_cover_an_amount_in_another_currency() {
        Authority authority = new Authority(defaultPolicy(PolicyMode.BALANCED), defaultMatrix());

        assertThat(authority.decide(
                        caller("cm", Role.CREDIT_MANAGER),
                        AuthorityAction.APPROVE_LIMIT,
                        Money.of("10.00", "USD"),
                        AREA))
                .isInstanceOfSatisfying(
                        AuthorityDecision.Denied.class,
                        d -> assertThat(d.reason()).contains("USD"));
        assertThat(authority.decide(
                        caller("gm", Role.GENERAL_MANAGER),
                        AuthorityAction.APPROVE_LIMIT,
                        Money.of("10.00", "USD"),
                        AREA))
                .isInstanceOf(AuthorityDecision.Allowed.class);
    }

    @Test
    void ceilings_that_name_the_policy_follow_the_policy() {
        CreditPolicy raised = new CreditPolicy(
                PolicyMode.BALANCED,
                Money.of("250000.00", "CNY"),
                Money.of("1000000.00", "CNY"),
                7,
                3,
                defaultPolicy(PolicyMode.BALANCED).escalation());
        Authority authority = new Authority(raised, defaultMatrix());
        Caller sm = caller("sm", Role.SALES_MANAGER, AREA);

        assertThat(authority.decide(sm, AuthorityAction.RELEASE_ORDER, Money.of("250000.00", "CNY"), AREA))
                .isInstanceOf(AuthorityDecision.Allowed.class);
        assertThat(authority.decide(sm, AuthorityAction.RELEASE_ORDER, Money.of("250000.01", "CNY"), AREA))
                .isInstanceOf(AuthorityDecision.Denied.class);
    }

    @Test
    void a_fixed_amount_ceiling_covers_up_to_and_including_that_amount() {
        AuthorityMatrix matrix = new AuthorityMatrix(List.of(new AuthorityRule(
                PolicyMode.FINANCE_LED,
                AuthorityAction.RELEASE_ORDER,
                Role.CREDIT_SUPERVISOR,
                new Ceiling.Amount(new BigDecimal("5000")))));
        Authority authority = new Authority(defaultPolicy(PolicyMode.FINANCE_LED), matrix);
        Caller supervisor = caller("cs", Role.CREDIT_SUPERVISOR);

        assertThat(authority.decide(supervisor, AuthorityAction.RELEASE_ORDER, Money.of("5000.00", "CNY"), AREA))
                .isInstanceOf(AuthorityDecision.Allowed.class);
        assertThat(authority.decide(supervisor, AuthorityAction.RELEASE_ORDER, Money.of("5000.01", "CNY"), AREA))
                .isInstanceOf(AuthorityDecision.Denied.class);
        assertThat(authority.decide(supervisor, AuthorityAction.APPROVE_LIMIT, Money.of("1.00", "CNY"), AREA))
                .isInstanceOf(AuthorityDecision.Denied.class);
    }

    @Test
    void a_matrix_giving_sales_authority_under_finance_led_is_refused() {
        List<AuthorityRuleInput> rows = List.of(
                new AuthorityRuleInput("FINANCE_LED", "APPROVE_LIMIT", "SALES_MANAGER", "UNLIMITED", null),
                new AuthorityRuleInput("BALANCED", "APPROVE_LIMIT", "AUDITOR", "UNLIMITED", null),
                new AuthorityRuleInput("BALANCED", "RELEASE_ORDER", "FINANCE", "AMOUNT", null),
                new AuthorityRuleInput("BALANCED", "NOTHING", "FINANCE", "UNLIMITED", null));

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                org.creditdesk.shared.ProblemException.class, () -> AuthorityMatrix.parse(rows))
                        .violations())
                .extracting(v -> v.field())
                .containsExactly("rules[0].role", "rules[1].role", "rules[2].maxAmount", "rules[3].action");
    }
}
