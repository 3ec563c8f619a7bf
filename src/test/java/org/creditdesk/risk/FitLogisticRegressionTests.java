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

    @Test
    void collinear_factors_share_the_weight_and_the_fit_still_converges_with_a_penalty() {
        // Two ratios that say the same (equity / liabilities beside the debt ratio): with an L2 penalty the
        // system stays solvable, the two take equal halves, and together about what one takes alone.
        long seed = 7_003L;
        Random random = new Random(seed);
        int n = 5_000;
        double[][] one = new double[n][1], two = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double v = random.nextGaussian();
            one[i][0] = v;
            two[i][0] = v;
            two[i][1] = v;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(-2 + 1.2 * v))) ? 1 : 0;
        }
        FitLogisticRegression.Model alone = FitLogisticRegression.fit(one, y, 1);
        FitLogisticRegression.Model both = FitLogisticRegression.fit(two, y, 1);

        assertThat(both.iterations()).as("seed %d", seed).isLessThan(20);
        assertThat(both.coefficients()[0]).as("seed %d", seed).isCloseTo(both.coefficients()[1], within(1e-6));
        assertThat(both.coefficients()[0] + both.coefficients()[1])
                .as("seed %d", seed)
                .isCloseTo(alone.coefficients()[0], within(0.02));
    }
}
