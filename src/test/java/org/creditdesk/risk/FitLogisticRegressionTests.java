package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FitLogisticRegressionTests {

    @Test
    void fitting_recovers_known_weights_from_data_generated_with_them() {
        long seed = 7_001L;
        Random random = new Random(seed);
        double intercept = -2.0;
        double[] weights = {1.5, -0.8, 0.0, 2.2};
        int n = 40_000;
        double[][] x = new double[n][weights.length];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double z = intercept;
            for (int j = 0; j < weights.length; j++) {
                x[i][j] = random.nextGaussian();
                z += weights[j] * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }

        FitLogisticRegression.Model model = FitLogisticRegression.fit(x, y, 0);

        assertThat(model.intercept()).as("seed %d", seed).isCloseTo(intercept, within(0.08));
        for (int j = 0; j < weights.length; j++) {
            assertThat(model.coefficients()[j])
                    .as("seed %d, weight %d", seed, j)
                    .isCloseTo(weights[j], within(0.08));
        }
        assertThat(model.iterations()).isLessThan(20);
    }

    @Test
    void the_l2_penalty_shrinks_the_weights_towards_zero() {
        long seed = 7_002L;
        Random random = new Random(seed);
        int n = 2_000;
        double[][] x = new double[n][1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextGaussian();
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-1.0 * x[i][0])) ? 1 : 0;
        }
        double plain = FitLogisticRegression.fit(x, y, 0).coefficients()[0];
        double penalised = FitLogisticRegression.fit(x, y, 500).coefficients()[0];
        assertThat(Math.abs(penalised)).as("seed %d", seed).isLessThan(Math.abs(plain));
    }

    @Test
    void perfectly_separated_data_still_converges_to_finite_weights_with_a_penalty() {
        double[][] x = {{-2}, {-1}, {1}, {2}};
        int[] y = {0, 0, 1, 1};
        FitLogisticRegression.Model model = FitLogisticRegression.fit(x, y, 1);
        assertThat(model.coefficients()[0]).isPositive().isLessThan(10);
        assertThat(model.probability(new double[] {2})).isGreaterThan(0.5);
    }
}
