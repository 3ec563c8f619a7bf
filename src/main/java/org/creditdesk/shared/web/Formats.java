package org.creditdesk.shared.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The one way pages show money and dates, as {@code ${@fmt.money(amount, currency)}} in templates:
 * thousands grouped, the currency's decimals, the currency code after the amount, never "-0.00";
 * dates ISO ({@code 2026-12-06}), timestamps to the minute. The same in every language: Chinese
 * readers group by thousands in business documents too.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** "1,234,567.80 CNY"; "—" for no amount. */
    public String money(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) return "—";
        String number = amount(amount, decimals(currency));
        return currency == null || currency.isBlank() ? number : number + " " + currency.strip();
    }

    /** "1,234,567.80" with two decimals. */
    public String amount(@Nullable BigDecimal amount) {
        return amount == null ? "—" : amount(amount, 2);
    }

    /** Whole units for compact figures ("12,345,678 CNY"), e.g. dashboard tiles. */
    public String whole(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) return "—";
        String number = amount(amount, 0);
        return currency == null || currency.isBlank() ? number : number + " " + currency.strip();
    }

    /** A share as a percentage with one decimal ("12.5 %"). */
    public String percent(@Nullable BigDecimal share) {
        if (share == null) return "—";
        return amount(share.movePointRight(2), 1) + " %";
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "—" : date.toString();
    }

    public String dateTime(@Nullable OffsetDateTime at) {
        return at == null ? "—" : MINUTES.format(at);
    }

    static String amount(BigDecimal amount, int decimals) {
        BigDecimal rounded = amount.setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) rounded = rounded.abs();
        DecimalFormat format = new DecimalFormat(
                decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        String text = format.format(rounded);
        return text.startsWith("-") && rounded.signum() == 0 ? text.substring(1) : text;
    }

    private static int decimals(@Nullable String currency) {
        if (currency == null || currency.isBlank()) return 2;
        try {
            int digits = Currency.getInstance(currency.strip()).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }
}
