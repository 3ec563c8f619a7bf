package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.LedgerBalance;
import org.creditdesk.ledger.OpenItem;
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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit check: gathers one snapshot of the customer (line, running exposure, live overdue
 * state, credit facts and holds) and evaluates {@link CreditRules#ALL} against it. It fails closed:
 * whatever goes wrong while gathering or evaluating blocks with {@link ReasonCode#CHECK_FAILED}.
 */
@Service
public class CreditChecks {

    private final CreditLimits limits;
    private final CreditPolicies policies;
    private final CreditAccountRepository accounts;
    private final HoldRepository holds;
    private final ExchangeRates rates;
    private final Ledger ledger;
    private final Customers customers;
    private final BusinessCalendar calendar;
    private final TransactionTemplate savepoint;

    CreditChecks(
            CreditLimits limits,
            CreditPolicies policies,
            CreditAccountRepository accounts,
            HoldRepository holds,
            ExchangeRates rates,
            Ledger ledger,
            Customers customers,
            BusinessCalendar calendar,
            PlatformTransactionManager transactions) {
        this.limits = limits;
        this.policies = policies;
        this.accounts = accounts;
        this.holds = holds;
        this.rates = rates;
        this.ledger = ledger;
        this.customers = customers;
        this.calendar = calendar;
        // Gathering runs in a savepoint, so a failed statement can be rolled back and the order
        // still recorded as blocked in the surrounding transaction.
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** {@code POST /credit-checks}: a decision without side effects. */
    @Transactional(readOnly = true)
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
        String fallbackCurrency = customer.currency();
        try {
            CreditSnapshot snapshot =
                    savepoint.execute(status -> snapshot(customer, amount, contractNo, asOf, amended));
            CreditDecision decision = CreditRules.evaluate(snapshot);
            CustomerCreditLine line = snapshot.line();
            Exposure exposure = snapshot.exposure();
            String currency = exposure != null
                    ? exposure.currency().getCurrencyCode()
                    : line != null ? line.limit().currency().getCurrencyCode() : fallbackCurrency;
            return new CheckResult(
                    decision,
                    asOf,
                    currency,
                    exposure,
                    snapshot.requestedInLineCurrency(),
                    line == null ? null : line.usable().amount());
        } catch (RuntimeException e) {
            CreditDecision blocked = new CreditDecision.Blocked(List.of(CreditRules.cannotDecide("snapshot", e)));
            return new CheckResult(blocked, asOf, fallbackCurrency, null, null, null);
        }
    }

    /** The customer's credit figures as of a date for the status and the panel (no amount asked for). */
    @Transactional(readOnly = true)
    public CheckResult standing(CustomerRef customer, LocalDate asOf) {
        return decide(customer, Money.zero(Currency.getInstance(customer.currency())), null, asOf, null);
    }

    /** The figures with the facts and live overdue state they came from (status, panel, queue). */
    @Transactional(readOnly = true)
    CreditStatus.Standing standingWithFacts(CustomerRef customer, LocalDate asOf) {
        CheckResult figures = standing(customer, asOf);
        return new CreditStatus.Standing(
                figures,
                facts(customer.id()),
                overdue(customer.id(), asOf, policies.current().graceDays()));
    }

    CreditSnapshot snapshot(
            CustomerRef customer, Money amount, @Nullable String contractNo, LocalDate asOf, @Nullable Order amended) {
        CreditPolicy policy = policies.current();
        CustomerCreditLine line =
                limits.usableLimit(customer.id(), contractNo, asOf).orElse(null);
        Currency target = line != null ? line.limit().currency() : Currency.getInstance(customer.currency());

        List<Conversion.Totals> totals;
        List<Money> cheques;
        if (contractNo != null) {
            totals = ledger.contractExposure(customer.id(), contractNo).stream()
                    .map(CreditChecks::totals)
                    .toList();
            cheques = List.of();
        } else {
            totals = accounts.balances(customer.id());
            cheques = ledger.unclearedCheques(customer.id(), asOf, policy.chequeClearingDays());
        }
        if (amended != null
                && amended.status() == OrderStatus.RELEASED
                && (contractNo == null || contractNo.equals(amended.contractNo()))) {
            totals = withoutReservation(totals, amended);
        }

        TreeSet<String> currencies = new TreeSet<>();
        totals.forEach(t -> currencies.add(t.currency()));
        cheques.forEach(c -> currencies.add(c.currency().getCurrencyCode()));
        currencies.add(amount.currency().getCurrencyCode());
        currencies.remove(target.getCurrencyCode());
        Map<String, BigDecimal> stored = rates.ratesTo(currencies, target, asOf);

        Conversion conversion = new Conversion(target, stored, asOf);
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
                overdue(customer.id(), asOf, policy.graceDays()),
                facts(customer.id()));
    }

    OverdueFacts overdue(long customerId, LocalDate asOf, int graceDays) {
        List<OpenItem> items = ledger.overdueBefore(customerId, asOf, asOf.minusDays(graceDays));
        if (items.isEmpty()) return OverdueFacts.none(graceDays);
        Map<String, Money> byCurrency = new TreeMap<>();
        for (OpenItem item : items) {
            Money open = Money.of(item.openAmount(), item.currency());
            byCurrency.merge(item.currency(), open, Money::plus);
        }
        int maxDays = items.stream().mapToInt(OpenItem::daysOverdue).max().orElse(0);
        return new OverdueFacts(graceDays, List.copyOf(byCurrency.values()), maxDays, items.size());
    }

    CreditFacts facts(long customerId) {
        CreditAccountRepository.StoredFacts stored = accounts.facts(customerId);
        List<CustomerHold> active = holds.active(customerId);
        if (stored == null)
            return new CreditFacts(CreditFacts.NONE.storedState(), null, false, false, false, null, active);
        return new CreditFacts(
                stored.state(),
                stored.stopReason(),
                stored.legal(),
                stored.linkedToStopped(),
                stored.bouncedCheque(),
                stored.riskClass(),
                active);
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

    private static Conversion.Totals totals(LedgerBalance b) {
        return new Conversion.Totals(b.currency(), b.openReceivables(), b.releasedOrders(), b.unappliedCredit());
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
