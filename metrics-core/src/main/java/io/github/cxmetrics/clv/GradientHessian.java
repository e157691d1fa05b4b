package io.github.cxmetrics.clv;

/**
 * The Hessian of a log-likelihood from central differences of its analytic gradient, with one
 * Richardson extrapolation step:
 *
 * <pre>{@code
 * D_j(h) = (∇ℓ(y + h eⱼ) − ∇ℓ(y − h eⱼ)) / (2h)
 * H_·j   = (4·D_j(h/2) − D_j(h)) / 3          (truncation error O(h⁴)),   H ← (H + Hᵀ)/2
 * }</pre>
 * with {@code h = 1e-3} in the log-parameters: 4 gradient evaluations per parameter, against the
 * {@code 2r·n(n+1)/2} function evaluations of {@code NumericalHessian} (80 for four parameters).
 * The rounding error is about {@code u·|∇ℓ|/h}, some 1e-10 of the Hessian's entries for the
 * likelihoods here. Used by the MBG/NBD and BG/BB fits (package-private).
 */
final class GradientHessian {

    private static final double STEP = 1e-3;

    /** A gradient in the log-parameters. */
    @FunctionalInterface
    interface Gradient {
        /**
         * Writes {@code ∇ℓ(y)} into {@code gradient}.
         *
         * @param y the log-parameters (not modified)
         * @param gradient receives the gradient
         */
        void at(double[] y, double[] gradient);
    }

    private GradientHessian() {
    }

    /**
     * The symmetric Hessian at {@code y}.
     *
     * @param f the gradient
     * @param y the point
     * @return the Hessian; entries NaN or infinite if the gradient is not finite nearby
     */
    static double[][] of(Gradient f, double[] y) {
        int n = y.length;
        double[][] h = new double[n][n];
        double[] plus = new double[n];
        double[] minus = new double[n];
        double[] z = y.clone();
        for (int j = 0; j < n; j++) {
            double[] d1 = new double[n];
            double[] d2 = new double[n];
            for (int pass = 0; pass < 2; pass++) {
                double step = pass == 0 ? STEP : STEP / 2;
                z[j] = y[j] + step;
                f.at(z, plus);
                z[j] = y[j] - step;
                f.at(z, minus);
                z[j] = y[j];
                double[] d = pass == 0 ? d1 : d2;
                for (int i = 0; i < n; i++) {
                    d[i] = (plus[i] - minus[i]) / (2 * step);
                }
            }
            for (int i = 0; i < n; i++) {
                h[i][j] = (4 * d2[i] - d1[i]) / 3;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double s = (h[i][j] + h[j][i]) / 2;
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }
}
