package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The collections rules that need no database: each a small named function, unit-tested alone. */
final class CollectionRules {

    private CollectionRules() {}

    /**
     * API.md: a promise is KEPT when the payments received from the day it was made up to its date cover
     * its amount; after its date it is BROKEN (nothing paid) or PARTLY_KEPT (less than promised); before,
     * OPEN. {@code paid} counts payments received from {@code madeOn} up to the earlier of the promised
     * date and {@code asOf}.
     */
    static PromiseStatus promiseStatus(BigDecimal amount, LocalDate promisedOn, BigDecimal paid, LocalDate asOf) {
        if (paid.compareTo(amount) >= 0) return PromiseStatus.KEPT;
        if (!asOf.isAfter(promisedOn)) return PromiseStatus.OPEN;
        return paid.signum() > 0 ? PromiseStatus.PARTLY_KEPT : PromiseStatus.BROKEN;
    }

    /** The day a service case is due: this many business days (Monday to Friday) after it was opened. */
    static LocalDate serviceDueOn(LocalDate openedOn, int businessDays) {
        LocalDate day = openedOn;
        int left = businessDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) left--;
        }
        return day;
    }

    /** Only an objection of the customer's BLOCKER (e.g. its quality supervision) raises a dispute by itself. */
    static boolean raisesDispute(ChainRole role, StepStatus status) {
        return role == ChainRole.BLOCKER && status == StepStatus.OBJECTED;
    }

    /**
     * The step of the chain the invoice is stalled at: the first step, in chain order, waiting for longer
     * than {@code stallDays} as of the date. BLOCKER objections are not waits and never stall.
     */
    static Optional<ApprovalStep> stalledStep(List<ApprovalStep> steps, LocalDate asOf, int stallDays) {
        return steps.stream()
                .filter(s -> s.status() == StepStatus.WAITING
                        && s.since() != null
                        && ChronoUnit.DAYS.between(s.since(), asOf) > stallDays)
                .findFirst();
    }

    /** The next thing to do for a worklist row, from its first reason. */
    static String nextStep(List<WorklistReason> reasons, String contact) {
        if (reasons.isEmpty()) return "Review the account";
        return switch (reasons.getFirst()) {
            case BROKEN_PROMISE -> "Call " + contact + ": the promise to pay was broken";
            case PROMISE_DUE -> "Check the promised payment arrives today; remind " + contact;
            case STALLED_APPROVAL -> "Call " + contact + ": the approval is stalled";
            case NEW_OVERDUE -> "Call " + contact + ": newly overdue";
            case ESCALATED -> "Call " + contact + " about the overdue amount";
            case NEXT_ACTION_DUE -> "Follow up as planned with " + contact;
            case DISPUTE_OPEN -> "Follow the open dispute with " + contact;
        };
    }
}
