package org.creditdesk.risk;

/**
 * Binary logistic regression fitted by Newton-Raphson (iteratively reweighted least squares) with an
 * L2 penalty on the coefficients (not the intercept). Small and dense: a scorecard has a dozen
 * features, so each step solves a 13 x 13 system; a few iterations converge. Published for other
 * modules' fits (collections' payment model).
 */
public final class FitLogisticRegression {

    /** Intercept and one coefficient per feature; {@code iterations} taken to converge. */
    public record Model(double intercept, double[] coefficients, int iterations) {
        public double probability(double[] x) {
            double z = intercept;
            for (int j = 0; j < coefficients.length; j++) z += coefficients[j] * x[j];
            return 1 / (1 + Math.exp(-z));
        }
    }

    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-8;

    private FitLogisticRegression() {}

    /**
     * @param x rows of features
     * @param y outcomes (1 = the event, 0 = not)
     * @param lambda the L2 penalty (0 = plain maximum likelihood)
     */
    public static Model fit(double[][] x, int[] y, double lambda) {
        int n = x.length;
        if (n == 0 || n != y.length) throw new IllegalArgumentException("need as many outcomes as rows, and some rows");
        int k = x[0].length + 1;
        double[] beta = new double[k];
        int iteration = 0;
        while (iteration++ < MAX_ITERATIONS) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            double[] row = new double[k];
            for (int i = 0; i < n; i++) {
                row[0] = 1;
                System.arraycopy(x[i], 0, row, 1, k - 1);
                double z = 0;
                for (int j = 0; j < k; j++) z += beta[j] * row[j];
                double p = 1 / (1 + Math.exp(-z));
                double w = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < k; a++) {
                    gradient[a] += (y[i] - p) * row[a];
                    for (int b = 0; b <= a; b++) hessian[a][b] += w * row[a] * row[b];
                }
            }
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) hessian[a][b] = hessian[b][a];
            }
            for (int j = 1; j < k; j++) {
                gradient[j] -= lambda * beta[j];
                hessian[j][j] += lambda;
            }
            double[] step = solve(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < k; j++) {
                beta[j] += step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < TOLERANCE) break;
        }
        double[] coefficients = new double[k - 1];
        System.arraycopy(beta, 1, coefficients, 0, k - 1);
        return new Model(beta[0], coefficients, Math.min(iteration, MAX_ITERATIONS));
    }

    /** Solves a symmetric positive definite system by Gaussian elimination with partial pivoting. */
    public static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            double diagonal = a[col][col];
            if (Math.abs(diagonal) < 1e-12) diagonal = 1e-12;
            for (int r = col + 1; r < n; r++) {
                double factor = a[r][col] / diagonal;
                for (int c = col; c <= n; c++) a[r][c] -= factor * a[col][c];
            }
        }
        double[] solution = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int c = r + 1; c < n; c++) sum -= a[r][c] * solution[c];
            solution[r] = sum / (Math.abs(a[r][r]) < 1e-12 ? 1e-12 : a[r][r]);
        }
        return solution;
    }
}
