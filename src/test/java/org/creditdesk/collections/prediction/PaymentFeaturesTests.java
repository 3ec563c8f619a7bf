package org.creditdesk.collections.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentFeaturesTests {

    private static final LocalDate DUE = LocalDate.of(2025, 6, 30);

    private static PaidInvoice late(int days, double amount) {
        LocalDate due = LocalDate.of(2025, 1, 10);
        return new PaidInvoice(due, due.plusDays(days), BigDecimal.valueOf(amount));
    }

    private static double feature(double[] x, String name) {
        return x[PaymentFeatures.NAMES.indexOf(name)];
    }

    @Test
    void lateness_getting_worse_shows_as_a_positive_trend_and_the_recent_weighted_mean_above_the_plain_one() {
        // newest first: the last three were 20-30 days late, the older ones on time
        List<PaidInvoice> history =
                List.of(late(30, 100), late(25, 100), late(20, 100), late(0, 100), late(1, 100), late(-1, 100));
        double[] x =
                PaymentFeatures.of(history, new InvoiceFacts(DUE, new BigDecimal("100"), false, false, null, false), 7);

        assertThat(feature(x, "meanDaysLate")).isCloseTo(12.5, within(1e-9));
        assertThat(feature(x, "lateTrend")).isCloseTo(25.0, within(1e-9));
        assertThat(feature(x, "weightedDaysLate")).isGreaterThan(feature(x, "meanDaysLate"));
        assertThat(feature(x, "lateShare")).isEqualTo(0.5);
    }

    @Test
    void the_invoices_own_facts_and_its_size_against_the_usual_are_features() {
        List<PaidInvoice> history = List.of(late(3, 1000), late(5, 1000));
        InvoiceFacts facts = new InvoiceFacts(DUE, new BigDecimal("8000"), true, true, DUE.plusDays(20), true);

        double[] x = PaymentFeatures.of(history, facts, 7);

        assertThat(feature(x, "disputed")).isEqualTo(1);
        assertThat(feature(x, "brokenPromise")).isEqualTo(1);
        assertThat(feature(x, "openPromise")).isEqualTo(1);
        assertThat(feature(x, "promiseDaysAfterDue")).isEqualTo(20);
        assertThat(feature(x, "stalledApproval")).isEqualTo(1);
        assertThat(feature(x, "amountVsUsual")).isCloseTo(Math.log(8), within(1e-9));
        assertThat(feature(x, "noHistory")).isZero();
    }

    @Test
    void without_history_the_baseline_predicts_payment_on_the_due_date() {
        InvoiceFacts facts = new InvoiceFacts(DUE, new BigDecimal("100"), false, false, null, false);
        PaymentModel.Prediction p = PaymentModel.baseline(List.of(), facts, 7, 0.3, LocalDate.MIN);

        assertThat(p.payDate()).isEqualTo(DUE);
        assertThat(p.lateProbability()).isEqualTo(0.3);
        assertThat(feature(PaymentFeatures.of(List.of(), facts, 7), "noHistory"))
                .isEqualTo(1);
    }

    @Test
    void the_baseline_is_the_customers_average_days_late_never_before_the_date_asked() {
        InvoiceFacts facts = new InvoiceFacts(DUE, new BigDecimal("100"), false, false, null, false);
        List<PaidInvoice> history = List.of(late(10, 1), late(20, 1), late(0, 1), late(2, 1));

        assertThat(PaymentModel.baseline(history, facts, 7, 0.5, LocalDate.MIN).payDate())
                .isEqualTo(DUE.plusDays(8));
        assertThat(PaymentModel.baseline(history, facts, 7, 0.5, DUE.plusDays(30))
                        .payDate())
                .isEqualTo(DUE.plusDays(30));
        assertThat(PaymentModel.baseline(history, facts, 7, 0.5, LocalDate.MIN).lateProbability())
                .isEqualTo(0.5);
    }
}
