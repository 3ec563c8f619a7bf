package org.creditdesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * An exposure breakdown drawn as a bar: each part's share of the larger of the line and the
 * exposure, in percent (so an account over its line shows the bar running past the limit mark).
 */
record ExposureBar(
        String currency,
        BigDecimal openReceivables,
        BigDecimal releasedOrders,
        BigDecimal unclearedCheques,
        BigDecimal unappliedCredit,
        BigDecimal exposure,
        @Nullable BigDecimal creditLimit,
        @Nullable BigDecimal available,
        int openPercent,
        int releasedPercent,
        int chequesPercent,
        int limitPercent) {

    static @Nullable ExposureBar of(
            String currency,
            @Nullable BigDecimal open,
            @Nullable BigDecimal released,
            @Nullable BigDecimal cheques,
            @Nullable BigDecimal unapplied,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal available) {
        if (open == null || released == null || cheques == null || unapplied == null) return null;
        BigDecimal exposure = open.add(released).add(cheques).subtract(unapplied);
        BigDecimal gross = open.add(released).add(cheques);
        BigDecimal scale = gross.max(creditLimit == null ? BigDecimal.ZERO : creditLimit);
        return new ExposureBar(
                currency,
                open,
                released,
                cheques,
                unapplied,
                exposure,
                creditLimit,
                available,
                percent(open, scale),
                percent(released, scale),
                percent(cheques, scale),
                creditLimit == null ? 0 : percent(creditLimit, scale));
    }

    static @Nullable ExposureBar of(CheckResult figures) {
        Exposure e = figures.breakdown();
        if (e == null) return null;
        return of(
                figures.currency(),
                e.openReceivables().amount(),
                e.releasedOrders().amount(),
                e.unclearedCheques().amount(),
                e.unappliedCredit().amount(),
                figures.creditLimit(),
                figures.available());
    }

    static @Nullable ExposureBar of(CreditOrder order) {
        return of(
                order.figuresCurrency(),
                order.openReceivables(),
                order.releasedOrders(),
                order.unclearedCheques(),
                order.unappliedCredit(),
                order.creditLimit(),
                order.available());
    }

    private static int percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() <= 0 || part.signum() <= 0) return 0;
        return part.multiply(BigDecimal.valueOf(100))
                .divide(whole, 0, RoundingMode.HALF_UP)
                .intValue();
    }
}
