package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fitted payment model: a logistic regression for "paid more than the grace days late" and a ridge
 * regression for the days late, both on standardised {@link PaymentFeatures}; optionally the predicted
 * date moves to the customer's fixed pay day.
 */
record PaymentModel(
        @Nullable Long id,
        double[] means,
        double[] scales,
        double lateIntercept,
        double[] lateCoefficients,
        double daysIntercept,
        double[] daysCoefficients,
        boolean snapToPayDay) {

    /** Days late are predicted within these bounds (a prediction beyond is no better than this). */
    static final int MIN_DAYS = -30;

    static final int MAX_DAYS = 180;

    record Prediction(LocalDate payDate, double lateProbability) {}

    double[] standardise(double[] x) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) z[j] = (x[j] - means[j]) / scales[j];
        return z;
    }

    double lateProbability(double[] x) {
        double[] z = standardise(x);
        double s = lateIntercept;
        for (int j = 0; j < z.length; j++) s += lateCoefficients[j] * z[j];
        return 1 / (1 + Math.exp(-s));
    }

    double daysLate(double[] x) {
        double[] z = standardise(x);
        double s = daysIntercept;
        for (int j = 0; j < z.length; j++) s += daysCoefficients[j] * z[j];
        return Math.max(MIN_DAYS, Math.min(MAX_DAYS, s));
    }

    /** The pay date and late probability of an invoice, never before {@code notBefore}. */
    Prediction predict(List<PaidInvoice> history, InvoiceFacts facts, int graceDays, LocalDate notBefore) {
        double[] x = PaymentFeatures.of(history, facts, graceDays);
        LocalDate date = facts.dueDate().plusDays(Math.round(daysLate(x)));
        if (snapToPayDay) {
            PayDay payDay = PayDay.of(history);
            if (payDay.fixed()) date = payDay.next(date.minusDays(3));
        }
        return new Prediction(date.isBefore(notBefore) ? notBefore : date, lateProbability(x));
    }

    /** Until a model is adopted: the customer's recent average days late, and its recent share of late payments. */
    static Prediction baseline(
            List<PaidInvoice> history,
            InvoiceFacts facts,
            int graceDays,
            double portfolioLateShare,
            LocalDate notBefore) {
        LocalDate date = facts.dueDate().plusDays(Math.round(PaymentFeatures.meanDaysLate(history)));
        return new Prediction(
                date.isBefore(notBefore) ? notBefore : date,
                PaymentFeatures.lateShare(history, graceDays, portfolioLateShare));
    }
}
