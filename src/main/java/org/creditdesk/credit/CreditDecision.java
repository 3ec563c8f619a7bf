package org.creditdesk.credit;

import java.util.List;

/** The outcome of a credit check. */
public sealed interface CreditDecision {

    record Approved() implements CreditDecision {}

    /** Blocked for at least one reason; every rule that refused is listed. */
    record Blocked(List<Reason> reasons) implements CreditDecision {
        public Blocked {
            if (reasons.isEmpty()) throw new IllegalArgumentException("a block needs a reason");
            reasons = List.copyOf(reasons);
        }
    }

    default List<Reason> reasons() {
        return switch (this) {
            case Approved approved -> List.of();
            case Blocked blocked -> blocked.reasons();
        };
    }

    default boolean approved() {
        return this instanceof Approved;
    }
}
