package org.creditdesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * How far one role's authority reaches. Ceilings that name a policy amount follow the policy: raising
 * the sales approval limit raises every row that refers to it.
 */
public sealed interface Ceiling {

    /** The highest amount covered under this policy, in its currency; empty = no ceiling. */
    Optional<Money> under(CreditPolicy policy);

    /** The stored name of this kind of ceiling. */
    String upTo();

    record Unlimited() implements Ceiling {
        @Override
        public Optional<Money> under(CreditPolicy policy) {
            return Optional.empty();
        }

        @Override
        public String upTo() {
            return "UNLIMITED";
        }
    }

    record SalesApprovalLimit() implements Ceiling {
        @Override
        public Optional<Money> under(CreditPolicy policy) {
            return Optional.of(policy.salesApprovalLimit());
        }

        @Override
        public String upTo() {
            return "SALES_APPROVAL_LIMIT";
        }
    }

    record CreditManagerCeiling() implements Ceiling {
        @Override
        public Optional<Money> under(CreditPolicy policy) {
            return Optional.of(policy.creditManagerCeiling());
        }

        @Override
        public String upTo() {
            return "CREDIT_MANAGER_CEILING";
        }
    }

    /** A fixed amount in the policy's (the company's base) currency. */
    record Amount(BigDecimal maxAmount) implements Ceiling {
        public Amount {
            maxAmount = maxAmount.setScale(2, RoundingMode.UNNECESSARY);
        }

        @Override
        public Optional<Money> under(CreditPolicy policy) {
            return Optional.of(new Money(maxAmount, policy.salesApprovalLimit().currency()));
        }

        @Override
        public String upTo() {
            return "AMOUNT";
        }
    }

    static Ceiling of(String upTo, @Nullable BigDecimal maxAmount) {
        return switch (upTo) {
            case "UNLIMITED" -> new Unlimited();
            case "SALES_APPROVAL_LIMIT" -> new SalesApprovalLimit();
            case "CREDIT_MANAGER_CEILING" -> new CreditManagerCeiling();
            case "AMOUNT" -> {
                if (maxAmount == null) throw new IllegalArgumentException("AMOUNT needs a maxAmount");
                yield new Amount(maxAmount);
            }
            default -> throw new IllegalArgumentException("unknown ceiling " + upTo);
        };
    }
}
