package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Order;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit check: gathers one snapshot of the customer (line, running exposure, live overdue
 * state, credit facts and holds) and evaluates {@link CreditRules#ALL} against it. It fails closed:
 * whatever goes wrong while gathering or evaluating blocks with {@link ReasonCode#CHECK_FAILED}.
 */
@Service
public class CreditChecks {

    private final CreditSnapshotRepository snapshots;
    private final Customers customers;
    private final BusinessCalendar calendar;
    private final TransactionTemplate savepoint;

    CreditChecks(
            CreditSnapshotRepository snapshots,
            Customers customers,
            BusinessCalendar calendar,
            PlatformTransactionManager transactions) {
        this.snapshots = snapshots;
        this.customers = customers;
        this.calendar = calendar;
        // Inside a transaction that writes (an order), gathering runs in a savepoint, so a failed
        // statement can be rolled back and the order still recorded as blocked.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * {@code POST /credit-checks}: a decision without side effects. No transaction: the snapshot is one
     * statement, so it is consistent by itself, and nothing is written.
     */
    public CheckResult check(CheckRequest request, Caller caller) {
        List<Violation> violations = new ArrayList<>();
        if (request.customerCode() == null || request.customerCode().isBlank()) {
            violations.add(Violation.field("customerCode", "is required"));
        }
        Currency currency = currency(request.currency(), violations);
        if (request.amount() == null) {
            violations.add(Violation.field("amount", "is required"));
        } else if (request.amount().signum() <= 0) {
            violations.add(Violation.field("amount", "must be more than 0"));
        }
        if (!violations.isEmpty())
            throw ProblemException.malformed("Invalid credit check", violations)
                    .withKey("problem.text.invalidCreditCheck");
        CustomerRef customer = customers.require(request.customerCode().strip(), caller);
        Currency in = currency != null ? currency : Currency.getInstance(customer.currency());
        if (request.amount().stripTrailingZeros().scale() > Math.max(in.getDefaultFractionDigits(), 0)) {
            throw ProblemException.malformed(
                            "Invalid credit check",
                            List.of(Violation.field(
                                    "amount",
                                    "has more than %d decimals for %s".formatted(in.getDefaultFractionDigits(), in))))
                    .withKey("problem.text.invalidCreditCheck");
        }
        return decide(
                customer,
                new Money(request.amount(), in),
                CreditLimits.blankToNull(request.contractNo()),
                calendar.asOfOrToday(request.asOf()),
                null);
    }

    /**
     * Decides an amount for the customer as of the date. {@code amended} is the stored order an
     * amendment replaces: its current reservation is left out of the exposure it is checked against.
     */
    CheckResult decide(
            CustomerRef customer, Money amount, @Nullable String contractNo, LocalDate asOf, @Nullable Order amended) {
        try {
            CreditSnapshot snapshot = TransactionSynchronizationManager.isActualTransactionActive()
                    ? savepoint.execute(status -> snapshot(customer, amount, contractNo, asOf, amended))
                    : snapshot(customer, amount, contractNo, asOf, amended);
            return evaluate(snapshot, customer);
        } catch (RuntimeException e) {
            CreditDecision blocked = new CreditDecision.Blocked(List.of(CreditRules.cannotDecide("snapshot", e)));
            return new CheckResult(blocked, asOf, customer.currency(), null, null, null);
        }
    }

    /**
     * A new order's customer and snapshot inside its transaction, in one statement ({@code customer_ref} joined
     * with {@code credit_order_snapshot}, V127/V117): the customer by code if the caller may see it, its credit
     * account locked and its snapshot with the amount in {@code amountCurrency} (null: the customer's). The
     * statement traps a failure while gathering, so no savepoint is needed for the order to be recorded BLOCKED
     * with CHECK_FAILED; a failed statement (the lock could not be had) propagates. Empty: no such customer for
     * the caller, nothing locked.
     */
    Optional<CreditSnapshotRepository.ForOrder> lockForOrder(
            String customerCode,
            Caller caller,
            @Nullable Currency amountCurrency,
            @Nullable String contractNo,
            LocalDate asOf) {
        return snapshots.gatherForOrder(
                customerCode,
                caller.areaFilter(),
                amountCurrency == null ? null : amountCurrency.getCurrencyCode(),
                contractNo,
                asOf);
    }

    /** The decision on an order whose customer {@link #lockForOrder} locked; a failed snapshot blocks it. */
    CheckResult decideLocked(CreditSnapshotRepository.ForOrder locked, Money amount) {
        RuntimeException failure = locked.failure();
        if (failure == null) {
            try {
                CreditSnapshotRepository.Gathered gathered = Objects.requireNonNull(locked.gathered());
                return evaluate(
                        snapshot(gathered, amount, locked.contractNo(), locked.asOf(), null), locked.customer());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        CreditDecision blocked = new CreditDecision.Blocked(List.of(CreditRules.cannotDecide("snapshot", failure)));
        return new CheckResult(blocked, locked.asOf(), locked.customer().currency(), null, null, null);
    }

    private static CheckResult evaluate(CreditSnapshot snapshot, CustomerRef customer) {
        CreditDecision decision = CreditRules.evaluate(snapshot);
        CustomerCreditLine line = snapshot.line();
        Exposure exposure = snapshot.exposure();
        String currency = exposure != null
                ? exposure.currency().getCurrencyCode()
                : line != null ? line.limit().currency().getCurrencyCode() : customer.currency();
        return new CheckResult(
                decision,
                snapshot.asOf(),
                currency,
                exposure,
                snapshot.requestedInLineCurrency(),
                line == null ? null : line.usable().amount());
    }

    /** The customer's credit figures as of a date for the status and the panel (no amount asked for). */
    public CheckResult standing(CustomerRef customer, LocalDate asOf) {
        return decide(customer, Money.zero(Currency.getInstance(customer.currency())), null, asOf, null);
    }

    /**
     * The figures with the facts and live overdue state they came from (status, panel, queue), all from one
     * snapshot. Unlike a check it does not fail closed: without its facts there is no status to show.
     */
    CreditStatus.Standing standingWithFacts(CustomerRef customer, LocalDate asOf) {
        Money nothing = Money.zero(Currency.getInstance(customer.currency()));
        CreditSnapshot snapshot = snapshot(customer, nothing, null, asOf, null);
        return new CreditStatus.Standing(evaluate(snapshot, customer), snapshot.facts(), snapshot.overdue());
    }

    CreditSnapshot snapshot(
            CustomerRef customer, Money amount, @Nullable String contractNo, LocalDate asOf, @Nullable Order amended) {
        CreditSnapshotRepository.Gathered gathered = snapshots.gather(
                customer.id(),
                customer.code(),
                customer.currency(),
                contractNo,
                amount.currency().getCurrencyCode(),
                asOf);
        return snapshot(gathered, amount, contractNo, asOf, amended);
    }

    private static CreditSnapshot snapshot(
            CreditSnapshotRepository.Gathered gathered,
            Money amount,
            @Nullable String contractNo,
            LocalDate asOf,
            @Nullable Order amended) {
        CustomerCreditLine line = gathered.line();
        Currency target = Currency.getInstance(gathered.targetCurrency());
        List<Conversion.Totals> totals = gathered.totals();
        if (amended != null
                && amended.status() == OrderStatus.RELEASED
                && (contractNo == null || contractNo.equals(amended.contractNo()))) {
            totals = withoutReservation(totals, amended);
        }
        List<Money> cheques = new ArrayList<>();
        gathered.cheques().forEach((currency, sum) -> cheques.add(Money.of(sum, currency)));

        Conversion conversion = new Conversion(target, gathered.rates(), asOf);
        Conversion.Result converted = conversion.exposure(totals, cheques);
        Money requested = conversion.money(amount);

        return new CreditSnapshot(
                asOf,
                amount,
                requested,
                contractNo,
                line,
                converted.exposure(),
                conversion.missingRates(),
                overdue(gathered),
                gathered.facts());
    }

    private static OverdueFacts overdue(CreditSnapshotRepository.Gathered gathered) {
        if (gathered.overdueInvoices() == 0) return OverdueFacts.none(gathered.graceDays());
        List<Money> amounts = new ArrayList<>();
        gathered.overdueAmounts().forEach((currency, sum) -> amounts.add(Money.of(sum, currency)));
        return new OverdueFacts(gathered.graceDays(), amounts, gathered.overdueMaxDays(), gathered.overdueInvoices());
    }

    private static List<Conversion.Totals> withoutReservation(List<Conversion.Totals> totals, Order order) {
        List<Conversion.Totals> result = new ArrayList<>();
        boolean found = false;
        for (Conversion.Totals t : totals) {
            if (t.currency().equals(order.currency())) {
                found = true;
                result.add(new Conversion.Totals(
                        t.currency(),
                        t.openReceivables(),
                        t.releasedOrders().subtract(order.amount()),
                        t.unappliedCredit()));
            } else {
                result.add(t);
            }
        }
        if (!found) {
            result.add(new Conversion.Totals(
                    order.currency(), BigDecimal.ZERO, order.amount().negate(), BigDecimal.ZERO));
        }
        result.sort(Comparator.comparing(Conversion.Totals::currency));
        return result;
    }

    private static @Nullable Currency currency(@Nullable String code, List<Violation> violations) {
        if (code == null || code.isBlank()) return null;
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.matches("[A-Z]{3}")) {
                Currency currency = Currency.getInstance(upper);
                if (currency.getDefaultFractionDigits() >= 0) return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // named below
        }
        violations.add(Violation.field("currency", "'%s' is not an ISO 4217 currency code".formatted(code)));
        return null;
    }
}
