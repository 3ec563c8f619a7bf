package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.creditdesk.risk.FitLogisticRegression;
import org.creditdesk.risk.FitMetrics;

/**
 * Fits the payment model on older paid invoices and measures it, out of time, on later ones against the
 * naive baseline "the customer's average days late": AUC of the late probability for "paid more than the
 * grace days late", and the mean absolute error of the predicted pay date in days.
 */
final class PaymentModelFit {

    /** One paid invoice as it looked at its due date: the customer's history then, its facts, when it was paid. */
    record Observation(List<PaidInvoice> history, InvoiceFacts facts, LocalDate paidOn) {

        int daysLate() {
            return (int) ChronoUnit.DAYS.between(facts.dueDate(), paidOn);
        }
    }

    /** Quality of one predictor on one sample. */
    record Quality(double auc, double maeDays) {}

    record Outcome(
            PaymentModel model,
            int trainObservations,
            int testObservations,
            double testLateShare,
            Quality modelTrain,
            Quality modelTest,
            Quality baselineTest) {

        boolean beatsBaseline() {
            return modelTest.auc() > baselineTest.auc() && modelTest.maeDays() < baselineTest.maeDays();
        }
    }

    static final double LOGISTIC_PENALTY = 1.0;
    static final double RIDGE_PENALTY = 1.0;

    private PaymentModelFit() {}

    static Outcome fit(List<Observation> train, List<Observation> test, int graceDays) {
        int k = PaymentFeatures.NAMES.size();
        double[][] x = new double[train.size()][];
        int[] late = new int[train.size()];
        double[] days = new double[train.size()];
        for (int i = 0; i < train.size(); i++) {
            Observation o = train.get(i);
            x[i] = PaymentFeatures.of(o.history(), o.facts(), graceDays);
            late[i] = o.daysLate() > graceDays ? 1 : 0;
            days[i] = Math.max(PaymentModel.MIN_DAYS, Math.min(PaymentModel.MAX_DAYS, o.daysLate()));
        }
        double[] means = new double[k];
        double[] scales = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0, sq = 0;
            for (double[] row : x) sum += row[j];
            means[j] = sum / x.length;
            for (double[] row : x) sq += (row[j] - means[j]) * (row[j] - means[j]);
            double sd = Math.sqrt(sq / Math.max(1, x.length - 1));
            scales[j] = sd > 1e-9 ? sd : 1;
        }
        double[][] z = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < k; j++) z[i][j] = (x[i][j] - means[j]) / scales[j];
        }
        FitLogisticRegression.Model logistic = FitLogisticRegression.fit(z, late, LOGISTIC_PENALTY);
        double[] ridge = ridge(z, days, RIDGE_PENALTY);
        double[] daysCoefficients = new double[k];
        System.arraycopy(ridge, 1, daysCoefficients, 0, k);
        PaymentModel plain = new PaymentModel(
                null, means, scales, logistic.intercept(), logistic.coefficients(), ridge[0], daysCoefficients, false);
        PaymentModel snapping = new PaymentModel(
                null, means, scales, logistic.intercept(), logistic.coefficients(), ridge[0], daysCoefficients, true);
        // Moving dates to a fixed pay day is kept only if it helps on the training years.
        Quality plainTrain = quality(plain, train, graceDays);
        Quality snapTrain = quality(snapping, train, graceDays);
        PaymentModel model = snapTrain.maeDays() < plainTrain.maeDays() ? snapping : plain;
        long testLate = test.stream().filter(o -> o.daysLate() > graceDays).count();
        return new Outcome(
                model,
                train.size(),
                test.size(),
                test.isEmpty() ? 0 : testLate / (double) test.size(),
                model.snapToPayDay() ? snapTrain : plainTrain,
                quality(model, test, graceDays),
                baselineQuality(test, graceDays));
    }

    static Quality quality(PaymentModel model, List<Observation> sample, int graceDays) {
        double[] score = new double[sample.size()];
        int[] late = new int[sample.size()];
        double error = 0;
        for (int i = 0; i < sample.size(); i++) {
            Observation o = sample.get(i);
            PaymentModel.Prediction p = model.predict(o.history(), o.facts(), graceDays, LocalDate.MIN);
            // FitMetrics ranks "higher is better": the less likely late, the better.
            score[i] = -p.lateProbability();
            late[i] = o.daysLate() > graceDays ? 1 : 0;
            error += Math.abs(ChronoUnit.DAYS.between(p.payDate(), o.paidOn()));
        }
        return new Quality(FitMetrics.auc(score, late), sample.isEmpty() ? Double.NaN : error / sample.size());
    }

    static Quality baselineQuality(List<Observation> sample, int graceDays) {
        double[] score = new double[sample.size()];
        int[] late = new int[sample.size()];
        double error = 0;
        for (int i = 0; i < sample.size(); i++) {
            Observation o = sample.get(i);
            double mean = PaymentFeatures.meanDaysLate(o.history());
            score[i] = -mean;
            late[i] = o.daysLate() > graceDays ? 1 : 0;
            LocalDate predicted = o.facts().dueDate().plusDays(Math.round(mean));
            error += Math.abs(ChronoUnit.DAYS.between(predicted, o.paidOn()));
        }
        return new Quality(FitMetrics.auc(score, late), sample.isEmpty() ? Double.NaN : error / sample.size());
    }

    /** Least squares with an L2 penalty on the coefficients (not the intercept): [intercept, coefficients...]. */
    static double[] ridge(double[][] z, double[] y, double lambda) {
        int k = z.length == 0 ? 1 : z[0].length + 1;
        double[][] a = new double[k][k];
        double[] b = new double[k];
        double[] row = new double[k];
        for (int i = 0; i < z.length; i++) {
            row[0] = 1;
            System.arraycopy(z[i], 0, row, 1, k - 1);
            for (int p = 0; p < k; p++) {
                b[p] += row[p] * y[i];
                for (int q = 0; q < k; q++) a[p][q] += row[p] * row[q];
            }
        }
        for (int j = 1; j < k; j++) a[j][j] += lambda;
        return FitLogisticRegression.solve(a, b);
    }
}
