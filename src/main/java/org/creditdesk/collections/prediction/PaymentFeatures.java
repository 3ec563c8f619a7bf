package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The features of the payment model, from the customer's recent history (newest first, at most
 * {@link #HISTORY} invoices paid before the moment of predicting) and the invoice's own facts.
 */
final class PaymentFeatures {

    static final int HISTORY = 12;

    static final List<String> NAMES = List.of(
            "meanDaysLate",
            "weightedDaysLate",
            "lateTrend",
            "sdDaysLate",
            "lateShare",
            "amountVsUsual",
            "disputed",
            "brokenPromise",
            "openPromise",
            "promiseDaysAfterDue",
            "stalledApproval",
            "payDayConcentration",
            "noHistory",
            "historySize");

    /** Recent invoices count more: weight 0.75^i for the i-th newest. */
    private static final double DECAY = 0.75;

    private PaymentFeatures() {}

    static double[] of(List<PaidInvoice> history, InvoiceFacts facts, int graceDays) {
        int n = history.size();
        double mean = meanDaysLate(history);
        double weighted = 0, weights = 0, sq = 0, late = 0;
        BigDecimal amount = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            PaidInvoice p = history.get(i);
            double w = Math.pow(DECAY, i);
            weighted += w * p.daysLate();
            weights += w;
            sq += (p.daysLate() - mean) * (p.daysLate() - mean);
            if (p.daysLate() > graceDays) late++;
            amount = amount.add(p.amount());
        }
        double trend = 0;
        if (n >= 4) {
            double newest = history.subList(0, 3).stream()
                    .mapToInt(PaidInvoice::daysLate)
                    .average()
                    .orElse(0);
            double older = history.subList(3, n).stream()
                    .mapToInt(PaidInvoice::daysLate)
                    .average()
                    .orElse(0);
            trend = newest - older;
        }
        // Money stays exact; only the dimensionless ratio of this invoice to the usual one becomes a feature.
        double sizeVsUsual = 0;
        if (n > 0 && amount.signum() > 0 && facts.amount().signum() > 0) {
            BigDecimal ratio = facts.amount().multiply(BigDecimal.valueOf(n)).divide(amount, MathContext.DECIMAL64);
            sizeVsUsual = Math.max(-3, Math.min(3, Math.log(ratio.doubleValue())));
        }
        double promiseDays = facts.openPromiseOn() == null
                ? 0
                : Math.max(0, Math.min(120, ChronoUnit.DAYS.between(facts.dueDate(), facts.openPromiseOn())));
        return new double[] {
            mean,
            weights == 0 ? 0 : weighted / weights,
            trend,
            n < 2 ? 0 : Math.sqrt(sq / (n - 1)),
            n == 0 ? 0 : late / n,
            sizeVsUsual,
            facts.disputed() ? 1 : 0,
            facts.brokenPromise() ? 1 : 0,
            facts.openPromiseOn() == null ? 0 : 1,
            promiseDays,
            facts.stalledApproval() ? 1 : 0,
            PayDay.of(history).concentration(),
            n == 0 ? 1 : 0,
            n / (double) HISTORY
        };
    }

    /** The naive baseline: the customer's plain average days late over its recent history (0 without any). */
    static double meanDaysLate(List<PaidInvoice> history) {
        return history.stream().mapToInt(PaidInvoice::daysLate).average().orElse(0);
    }

    static double lateShare(List<PaidInvoice> history, int graceDays, double otherwise) {
        if (history.isEmpty()) return otherwise;
        return history.stream().filter(p -> p.daysLate() > graceDays).count() / (double) history.size();
    }
}
