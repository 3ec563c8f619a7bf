package org.creditdesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Builds an exposure in one currency from totals in several, with the stored rates valid on the
 * date. Each currency's total is converted once and rounded half-up to the target's minor unit; a
 * currency without a rate is named instead of guessed.
 */
final class Conversion {

    /** One currency's running totals, as the credit account keeps them. */
    record Totals(String currency, BigDecimal openReceivables, BigDecimal releasedOrders, BigDecimal unappliedCredit) {}

    record Result(@Nullable Exposure exposure, List<String> missingRates) {}

    private final Currency target;
    private final Map<String, BigDecimal> rates;
    private final LocalDate asOf;
    private final TreeSet<String> missing = new TreeSet<>();

    /** @param rates the rate from each currency into {@code target} valid on {@code asOf} */
    Conversion(Currency target, Map<String, BigDecimal> rates, LocalDate asOf) {
        this.target = target;
        this.rates = Map.copyOf(rates);
        this.asOf = asOf;
    }

    Result exposure(List<Totals> totals, List<Money> unclearedCheques) {
        Money zero = Money.zero(target);
        Money open = zero, released = zero, cheques = zero, unapplied = zero;
        for (Totals t : totals) {
            open = open.plus(convert(t.openReceivables(), t.currency()));
            released = released.plus(convert(t.releasedOrders(), t.currency()));
            unapplied = unapplied.plus(convert(t.unappliedCredit(), t.currency()));
        }
        for (Money cheque : unclearedCheques) {
            cheques = cheques.plus(convert(cheque.amount(), cheque.currency().getCurrencyCode()));
        }
        return missing.isEmpty()
                ? new Result(new Exposure(open, released, cheques, unapplied), List.of())
                : new Result(null, List.copyOf(new ArrayList<>(missing)));
    }

    /** The amount in the target currency, or null (and named as missing) without a rate. */
    @Nullable
    Money money(Money amount) {
        if (amount.currency().equals(target)) return amount;
        String from = amount.currency().getCurrencyCode();
        BigDecimal rate = rates.get(from);
        if (rate == null) {
            missing.add(label(from));
            return null;
        }
        return new Money(scaled(amount.amount().multiply(rate)), target);
    }

    List<String> missingRates() {
        return List.copyOf(missing);
    }

    private Money convert(BigDecimal amount, String currency) {
        if (currency.equals(target.getCurrencyCode())) return new Money(amount, target);
        if (amount.signum() == 0) return Money.zero(target);
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            missing.add(label(currency));
            return Money.zero(target);
        }
        return new Money(scaled(amount.multiply(rate)), target);
    }

    private BigDecimal scaled(BigDecimal amount) {
        return amount.setScale(Math.max(target.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }

    private String label(String from) {
        return "%s→%s on %s".formatted(from, target.getCurrencyCode(), asOf);
    }
}
