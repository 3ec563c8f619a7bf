package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditdesk.credit.CreditFixtures.asInput;
import static org.creditdesk.credit.CreditFixtures.caller;
import static org.creditdesk.credit.CreditFixtures.defaultMatrix;
import static org.creditdesk.credit.CreditFixtures.defaultPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditEntry;
import org.creditdesk.shared.audit.AuditTrail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CreditPolicyIntegrationTests {

    static final Caller ADMIN = caller("policy-admin", Role.ADMIN);
    static final Caller GM = caller("policy-gm", Role.GENERAL_MANAGER);

    @Autowired
    CreditPolicies policies;

    @Autowired
    AuthorityMatrices matrices;

    @Autowired
    AuditTrail audit;

    @AfterEach
    void restore_the_defaults() {
        policies.change(asInput(defaultPolicy(PolicyMode.BALANCED), "test reset"), ADMIN);
        matrices.replace(CreditFixtures.asInput(defaultMatrix()), "test reset", ADMIN);
    }

    @Test
    void a_fresh_database_has_the_default_policy_and_matrix() {
        assertThat(policies.current()).isEqualTo(defaultPolicy(PolicyMode.BALANCED));
        assertThat(matrices.current()).isEqualTo(defaultMatrix());
    }

    @Test
    void the_escalation_read_gives_the_grace_days_and_ladder_of_the_policy_in_force() {
        CreditPolicy changed = new CreditPolicy(
                PolicyMode.BALANCED,
                Money.of("100000.00", "CNY"),
                Money.of("1000000.00", "CNY"),
                10,
                3,
                List.of(
                        new EscalationStep(1, 5),
                        new EscalationStep(2, 20),
                        new EscalationStep(3, 45),
                        new EscalationStep(4, 90)));
        policies.change(asInput(changed, "a later ladder"), GM);

        assertThat(policies.escalation())
                .isEqualTo(new EscalationPolicy(
                        policies.current().graceDays(), policies.current().escalation()))
                .isEqualTo(new EscalationPolicy(
                        10,
                        List.of(
                                new EscalationStep(1, 5),
                                new EscalationStep(2, 20),
                                new EscalationStep(3, 45),
                                new EscalationStep(4, 90))));
    }

    @Test
    void a_policy_change_is_stored_and_audited_with_before_after_and_reason() {
        long before = newestAuditId(CreditPolicies.AUDIT_SUBJECT);
        CreditPolicy financeLed = defaultPolicy(PolicyMode.FINANCE_LED);

        policies.change(asInput(financeLed, "bad debts rose"), GM);

        assertThat(policies.current()).isEqualTo(financeLed);
        AuditEntry entry =
                audit.entries(CreditPolicies.AUDIT_SUBJECT, "company", 1).getFirst();
        assertThat(entry.id()).isGreaterThan(before);
        assertThat(entry.actor()).isEqualTo("policy-gm");
        assertThat(entry.action()).isEqualTo("CREDIT_POLICY_CHANGED");
        assertThat(entry.reason()).isEqualTo("bad debts rose");
        assertThat(entry.before().get("mode").asString()).isEqualTo("BALANCED");
        assertThat(entry.after().get("mode").asString()).isEqualTo("FINANCE_LED");
    }

    @Test
    void sending_the_same_policy_again_changes_nothing_and_writes_no_audit_row() {
        long before = newestAuditId(CreditPolicies.AUDIT_SUBJECT);

        policies.change(asInput(defaultPolicy(PolicyMode.BALANCED), "no-op"), GM);

        assertThat(newestAuditId(CreditPolicies.AUDIT_SUBJECT)).isEqualTo(before);
    }

    @Test
    void whether_disputed_amounts_count_for_the_hold_is_a_policy_setting_changed_with_an_audit_row() {
        CreditPolicy current = policies.current();
        assertThat(current.disputedCountsForHold()).as("default").isTrue();
        CreditPolicy disputedApart = disputedApart(current);

        policies.change(asInput(disputedApart, "quality disputes are the plant's fault"), GM);

        assertThat(policies.current().disputedCountsForHold()).isFalse();
        AuditEntry entry =
                audit.entries(CreditPolicies.AUDIT_SUBJECT, "company", 1).getFirst();
        assertThat(entry.action()).isEqualTo("CREDIT_POLICY_CHANGED");
        assertThat(entry.reason()).isEqualTo("quality disputes are the plant's fault");
        assertThat(entry.before().get("disputedCountsForHold").asBoolean()).isTrue();
        assertThat(entry.after().get("disputedCountsForHold").asBoolean()).isFalse();
    }

    @Test
    void a_policy_change_that_leaves_out_the_dispute_setting_keeps_it() {
        policies.change(asInput(disputedApart(policies.current()), "apart"), GM);
        CreditPolicyInput withoutSetting = asInput(defaultPolicy(PolicyMode.FINANCE_LED), "mode only");

        policies.change(
                new CreditPolicyInput(
                        withoutSetting.mode(),
                        withoutSetting.salesApprovalLimit(),
                        withoutSetting.creditManagerCeiling(),
                        withoutSetting.graceDays(),
                        withoutSetting.chequeClearingDays(),
                        withoutSetting.escalation(),
                        withoutSetting.reason()),
                GM);

        assertThat(policies.current().mode()).isEqualTo(PolicyMode.FINANCE_LED);
        assertThat(policies.current().disputedCountsForHold()).isFalse();
    }

    @Test
    void only_admins_and_the_general_manager_change_the_policy() {
        long before = newestAuditId(CreditPolicies.AUDIT_SUBJECT);
        for (Role role : List.of(Role.CREDIT_MANAGER, Role.FINANCE, Role.SALES_MANAGER, Role.AUDITOR)) {
            ProblemException e = catchThrowableOfType(
                    ProblemException.class,
                    () -> policies.change(asInput(defaultPolicy(PolicyMode.SALES_LED), "x"), caller("u", role)));
            assertThat(e.kind()).as(role.name()).isEqualTo(ProblemException.Kind.FORBIDDEN);
        }
        assertThat(policies.current().mode()).isEqualTo(PolicyMode.BALANCED);
        assertThat(newestAuditId(CreditPolicies.AUDIT_SUBJECT)).isEqualTo(before);
    }

    @Test
    void an_invalid_policy_changes_nothing() {
        CreditPolicyInput input = asInput(defaultPolicy(PolicyMode.SALES_LED), "x");
        CreditPolicyInput invalid =
                new CreditPolicyInput(input.mode(), new BigDecimal("-5"), null, 7, null, input.escalation(), null);

        ProblemException e = catchThrowableOfType(ProblemException.class, () -> policies.change(invalid, ADMIN));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
        assertThat(policies.current()).isEqualTo(defaultPolicy(PolicyMode.BALANCED));
    }

    @Test
    void an_admin_edits_the_authority_matrix_and_the_change_is_audited() {
        List<AuthorityRuleInput> rows = new ArrayList<>(CreditFixtures.asInput(defaultMatrix()));
        rows.add(new AuthorityRuleInput(
                "BALANCED", "RELEASE_ORDER", "CREDIT_SUPERVISOR", "AMOUNT", new BigDecimal("20000")));

        matrices.replace(rows, "supervisors release small orders", ADMIN);

        assertThat(matrices.current().rule(PolicyMode.BALANCED, AuthorityAction.RELEASE_ORDER, Role.CREDIT_SUPERVISOR))
                .hasValueSatisfying(
                        r -> assertThat(r.ceiling()).isEqualTo(new Ceiling.Amount(new BigDecimal("20000.00"))));
        AuditEntry entry =
                audit.entries(AuthorityMatrices.AUDIT_SUBJECT, "company", 1).getFirst();
        assertThat(entry.action()).isEqualTo("AUTHORITY_MATRIX_CHANGED");
        assertThat(entry.reason()).isEqualTo("supervisors release small orders");
        assertThat(entry.after().get("rules").size())
                .isEqualTo(entry.before().get("rules").size() + 1);
    }

    @Test
    void only_admins_edit_the_authority_matrix() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class, () -> matrices.replace(CreditFixtures.asInput(defaultMatrix()), "x", GM));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN);
    }

    private static CreditPolicy disputedApart(CreditPolicy policy) {
        return new CreditPolicy(
                policy.mode(),
                policy.salesApprovalLimit(),
                policy.creditManagerCeiling(),
                policy.graceDays(),
                policy.chequeClearingDays(),
                policy.escalation(),
                false);
    }

    private long newestAuditId(String subjectType) {
        return audit.entries(subjectType, "company", 1).stream()
                .mapToLong(AuditEntry::id)
                .findFirst()
                .orElse(0);
    }
}
