package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;

class ReleaseSeverityTests {

    static final ReleaseSeverity DEFAULTS = new ReleaseSeverity(List.of(
            new ReleaseSeverity.Row("CREDIT_STOPPED", null, ReleaseSeverity.Needs.NOBODY),
            new ReleaseSeverity.Row("LEGAL", null, ReleaseSeverity.Needs.GENERAL_MANAGER),
            new ReleaseSeverity.Row("OVERDUE", 3, ReleaseSeverity.Needs.GENERAL_MANAGER)));

    static Caller as(Role role) {
        return new Caller(role.name().toLowerCase(), Set.of(role), Set.of());
    }

    @Test
    void a_credit_stopped_order_is_never_releasable_not_even_by_the_general_manager() {
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.CREDIT_STOPPED), 0, as(Role.GENERAL_MANAGER)))
                .contains("never be released");
    }

    @Test
    void legal_or_overdue_at_level_three_needs_the_general_manager_and_the_refusal_says_so() {
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.LEGAL), 0, as(Role.CREDIT_MANAGER)))
                .contains("GENERAL_MANAGER", "LEGAL");
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.OVERDUE), 4, as(Role.CREDIT_MANAGER)))
                .contains("GENERAL_MANAGER", "escalation level 4");
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.OVERDUE, ReasonCode.LEGAL), 4, as(Role.GENERAL_MANAGER)))
                .isNull();
    }

    @Test
    void overdue_below_level_three_and_over_limit_put_no_bar_above_the_amount_authority() {
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.OVERDUE), 2, as(Role.CREDIT_MANAGER)))
                .isNull();
        assertThat(DEFAULTS.refusal(Set.of(ReasonCode.OVER_LIMIT, ReasonCode.NO_LIMIT), 0, as(Role.CREDIT_MANAGER)))
                .isNull();
    }
}
