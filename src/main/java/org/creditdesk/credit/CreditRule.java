package org.creditdesk.credit;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.customers.CreditState;
import org.creditdesk.shared.Money;

/**
 * One small credit rule: looks at the snapshot and either lets the order pass or names why not.
 * All rules are listed in {@link CreditRules#ALL}; each is unit-tested alone.
 */
sealed interface CreditRule {

    ReasonCode code();

    /** The message when this rule blocks; empty when it lets the order pass. */
    Optional<String> refusal(CreditSnapshot s);

    record CreditStopped() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.CREDIT_STOPPED;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            if (s.facts().storedState() != CreditState.STOPPED) return Optional.empty();
            String why = s.facts().stopReason();
            return Optional.of("The customer's credit is stopped" + (why == null ? "" : ": " + why));
        }
    }

    record BouncedCheque() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.BOUNCED_CHEQUE;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            return s.facts().bouncedCheque()
                    ? Optional.of("A cheque of the customer bounced; only a credit manager may reinstate it")
                    : Optional.empty();
        }
    }

    record LinkedToStoppedCustomer() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.LINKED_TO_STOPPED_CUSTOMER;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            return s.facts().linkedToStopped()
                    ? Optional.of("The customer is linked to a stopped customer until a credit manager clears the link")
                    : Optional.empty();
        }
    }

    record Legal() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.LEGAL;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            return s.facts().legal() ? Optional.of("The account is with the lawyer") : Optional.empty();
        }
    }

    /** Classes whose customers buy on credit only with a manual release. */
    record RiskClass(Set<String> blocked) implements CreditRule {
        static final Set<String> DEFAULT = Set.of("E");

        public ReasonCode code() {
            return ReasonCode.RISK_CLASS;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            String riskClass = s.facts().riskClass();
            return riskClass != null && blocked.contains(riskClass)
                    ? Optional.of("Risk class %s needs a manual release".formatted(riskClass))
                    : Optional.empty();
        }
    }

    record OnHold() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.ON_HOLD;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            if (s.facts().blockingHolds().isEmpty()) return Optional.empty();
            return Optional.of("The customer is on hold: "
                    + s.facts().blockingHolds().stream()
                            .map(h -> "%s by %s%s"
                                    .formatted(h.reason(), h.placedBy(), h.note() == null ? "" : " (" + h.note() + ")"))
                            .collect(Collectors.joining("; ")));
        }
    }

    /** Lateness within grace is only monitored (DESIGN.md point 2); beyond it supply stops at once. */
    record Overdue() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.OVERDUE;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            OverdueFacts o = s.overdue();
            if (!o.beyondGrace()) return Optional.empty();
            String amounts = o.amounts().stream().map(Money::toString).collect(Collectors.joining(" + "));
            return Optional.of("%d invoice(s) overdue beyond %d days' grace: %s, up to %d days"
                    .formatted(o.invoices(), o.graceDays(), amounts, o.maxDaysOverdue()));
        }
    }

    /** Refuse rather than guess: an exposure or amount that cannot be converted cannot be compared. */
    record ExchangeRates() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.NO_EXCHANGE_RATE;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            return s.missingRates().isEmpty()
                    ? Optional.empty()
                    : Optional.of("No stored exchange rate for " + String.join(", ", s.missingRates()));
        }
    }

    record NoLimit() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.NO_LIMIT;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            if (s.contractOrder()) return Optional.empty();
            if (s.line() == null) return Optional.of("The customer has no credit limit");
            if (s.line().state() == LimitState.NOT_YET_VALID) {
                return Optional.of(
                        "The credit limit is valid only from " + s.line().validFrom());
            }
            return Optional.empty();
        }
    }

    record LimitExpired() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.LIMIT_EXPIRED;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            CustomerCreditLine line = s.line();
            if (line == null || !line.expired()) return Optional.empty();
            String which = s.contractOrder() ? "The line of contract " + s.contractNo() : "The credit limit";
            return Optional.of("%s expired on %s".formatted(which, line.validUntil()));
        }
    }

    record OverLimit() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.OVER_LIMIT;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            if (s.contractOrder()) return Optional.empty();
            return Headroom.exceeded(s, "the credit limit");
        }
    }

    /** Value-added business: an order naming a contract draws on that contract's own line. */
    record ContractLimit() implements CreditRule {
        public ReasonCode code() {
            return ReasonCode.CONTRACT_LIMIT;
        }

        public Optional<String> refusal(CreditSnapshot s) {
            if (!s.contractOrder()) return Optional.empty();
            CustomerCreditLine line = s.line();
            if (line == null) return Optional.of("Contract %s has no credit line".formatted(s.contractNo()));
            if (line.state() == LimitState.NOT_YET_VALID) {
                return Optional.of(
                        "The line of contract %s is valid only from %s".formatted(s.contractNo(), line.validFrom()));
            }
            return Headroom.exceeded(s, "the line of contract " + s.contractNo());
        }
    }

    /** Shared by the two limit rules: only an active line with known figures is compared. */
    final class Headroom {
        private Headroom() {}

        static Optional<String> exceeded(CreditSnapshot s, String what) {
            CustomerCreditLine line = s.line();
            Exposure exposure = s.exposure();
            Money amount = s.requestedInLineCurrency();
            if (line == null || line.state() != LimitState.ACTIVE || exposure == null || amount == null) {
                return Optional.empty();
            }
            Money after = exposure.total().plus(amount);
            if (after.compareTo(line.usable()) <= 0) return Optional.empty();
            Money available = line.usable().minus(exposure.total());
            return Optional.of("%s would take exposure to %s, over %s (available %s)"
                    .formatted(
                            s.requested(),
                            after,
                            what + " of " + line.usable(),
                            available.isNegative() ? Money.zero(available.currency()) : available));
        }
    }
}
