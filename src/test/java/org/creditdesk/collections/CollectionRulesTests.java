package org.creditdesk.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The collections rules without Spring. */
class CollectionRulesTests {

    static final LocalDate PROMISED = LocalDate.of(2030, 3, 15);

    static PromiseStatus status(String paid, LocalDate asOf) {
        return CollectionRules.promiseStatus(new BigDecimal("1000.00"), PROMISED, new BigDecimal(paid), asOf);
    }

    @Test
    void a_promise_covered_by_payments_is_kept_even_before_its_date() {
        assertThat(status("1000.00", PROMISED.minusDays(3))).isEqualTo(PromiseStatus.KEPT);
        assertThat(status("1200.00", PROMISED.plusDays(3))).isEqualTo(PromiseStatus.KEPT);
    }

    @Test
    void a_promise_not_yet_covered_stays_open_up_to_and_including_its_date() {
        assertThat(status("0", PROMISED)).isEqualTo(PromiseStatus.OPEN);
        assertThat(status("999.99", PROMISED)).isEqualTo(PromiseStatus.OPEN);
    }

    @Test
    void after_its_date_a_promise_is_broken_when_nothing_was_paid_and_partly_kept_when_some_was() {
        assertThat(status("0", PROMISED.plusDays(1))).isEqualTo(PromiseStatus.BROKEN);
        assertThat(status("0.01", PROMISED.plusDays(1))).isEqualTo(PromiseStatus.PARTLY_KEPT);
    }

    @Test
    void a_service_case_is_due_in_business_days_skipping_the_weekend() {
        LocalDate friday = LocalDate.of(2030, 3, 15);
        assertThat(friday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(CollectionRules.serviceDueOn(friday, 3)).isEqualTo(LocalDate.of(2030, 3, 20));
        assertThat(CollectionRules.serviceDueOn(LocalDate.of(2030, 3, 16), 1)).isEqualTo(LocalDate.of(2030, 3, 18));
        assertThat(CollectionRules.serviceDueOn(LocalDate.of(2030, 3, 11), 3)).isEqualTo(LocalDate.of(2030, 3, 14));
    }

    @Test
    void only_a_blockers_objection_raises_a_dispute_by_itself() {
        for (ChainRole role : ChainRole.values()) {
            for (StepStatus status : StepStatus.values()) {
                assertThat(CollectionRules.raisesDispute(role, status))
                        .as(role + " " + status)
                        .isEqualTo(role == ChainRole.BLOCKER && status == StepStatus.OBJECTED);
            }
        }
    }

    @Test
    void a_step_waiting_longer_than_the_stall_days_stalls_the_invoice_and_an_objection_does_not() {
        LocalDate asOf = LocalDate.of(2030, 3, 20);
        ApprovalStep cleared =
                new ApprovalStep(ChainRole.AUDITOR, null, null, StepStatus.CLEARED, asOf.minusDays(20), null);
        ApprovalStep waitingFive =
                new ApprovalStep(ChainRole.USER, null, null, StepStatus.WAITING, asOf.minusDays(5), null);
        ApprovalStep waitingSix =
                new ApprovalStep(ChainRole.FINANCE, null, null, StepStatus.WAITING, asOf.minusDays(6), null);
        ApprovalStep objected =
                new ApprovalStep(ChainRole.BLOCKER, null, null, StepStatus.OBJECTED, asOf.minusDays(30), null);
        assertThat(CollectionRules.stalledStep(List.of(cleared, waitingFive), asOf, 5))
                .isEmpty();
        assertThat(CollectionRules.stalledStep(List.of(objected, cleared, waitingFive, waitingSix), asOf, 5))
                .hasValueSatisfying(s -> assertThat(s.chainRole()).isEqualTo(ChainRole.FINANCE));
    }

    @Test
    void the_chain_threshold_zero_means_every_invoice_needs_a_chain() {
        CollectionsSettings all = new CollectionsSettings(BigDecimal.ZERO, 5, 3, 3, 30);
        CollectionsSettings large = new CollectionsSettings(new BigDecimal("50000.00"), 5, 3, 3, 30);
        assertThat(all.needsChain(new BigDecimal("0.01"))).isTrue();
        assertThat(large.needsChain(new BigDecimal("49999.99"))).isFalse();
        assertThat(large.needsChain(new BigDecimal("50000.00"))).isTrue();
    }

    @Test
    void the_next_step_follows_the_first_reason() {
        assertThat(CollectionRules.nextStep(
                        List.of(WorklistReason.BROKEN_PROMISE, WorklistReason.ESCALATED), "Wang Li"))
                .contains("Wang Li")
                .contains("broken");
        assertThat(CollectionRules.nextStep(List.of(WorklistReason.STALLED_APPROVAL), "Zhao"))
                .contains("stalled");
    }
}
