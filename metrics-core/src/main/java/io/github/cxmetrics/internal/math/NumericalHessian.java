package io.github.cxmetrics.internal.math;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The Hessian of a smooth scalar function by central differences with Richardson extrapolation,
 * the method of R's {@code numDeriv::hessian} (Gilbert &amp; Varadhan, package numDeriv, function
 * {@code genD}; Linfield &amp; Penny 1989, <i>Microcomputers in Numerical Analysis</i>): for each
 * parameter {@code r = 4} steps {@code h, h/2, h/4, h/8} ({@code v = 2}),
 *
 * <pre>{@code
 * D_ii(h) = (f(x + h eᵢ) − 2 f(x) + f(x − h eᵢ)) / h²
 * D_ij(h) = (f(x + hᵢ eᵢ + hⱼ eⱼ) − 2 f(x) + f(x − hᵢ eᵢ − hⱼ eⱼ) − D_ii hᵢ² − D_jj hⱼ²) / (2 hᵢ hⱼ)
 * D ← (4^m D(h/2) − D(h)) / (4^m − 1),   m = 1, 2, 3     (eliminates the h², h⁴, h⁶ error terms)
 * }</pre>
 * The fixed-step formula it replaces ({@code h = 1e-4}, no extrapolation) has an error of order
 * {@code h²·f⁗} plus a rounding error of order {@code ε|f|/h²}; on a likelihood that is flat along
 * some direction both matter. Here the truncation error is of order {@code h⁸} and the steps are
 * large enough that rounding stays small. Evaluations: {@code 2r} per diagonal and per
 * off-diagonal entry, {@code 2r·n(n+1)/2} in all.
 */
public final class NumericalHessian {

    private static final int STEPS = 4;

    private NumericalHessian() {
    }

    /**
     * The Hessian of {@code f} at {@code x}.
     *
     * @param f the function, smooth near {@code x}
     * @param x the point
     * @param step the first step per coordinate ({@code h} above), {@code > 0}
     * @return the symmetric Hessian; entries are NaN or infinite if {@code f} is not finite nearby
     */
    public static double[][] of(ToDoubleFunction<double[]> f, double[] x, double[] step) {
        Objects.requireNonNull(f, "f");
        int n = x.length;
        double f0 = f.applyAsDouble(x);
        double[][] hessian = new double[n][n];
        double[] approx = new double[STEPS];
        for (int i = 0; i < n; i++) {
            double h = step[i];
            for (int k = 0; k < STEPS; k++) {
                double f1 = at(f, x, i, h, -1, 0.0);
                double f2 = at(f, x, i, -h, -1, 0.0);
                approx[k] = (f1 - 2.0 * f0 + f2) / (h * h);
                h /= 2.0;
            }
            hessian[i][i] = extrapolate(approx);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double hi = step[i];
                double hj = step[j];
                for (int k = 0; k < STEPS; k++) {
                    double f1 = at(f, x, i, hi, j, hj);
                    double f2 = at(f, x, i, -hi, j, -hj);
                    approx[k] = (f1 - 2.0 * f0 + f2 - hessian[i][i] * hi * hi - hessian[j][j] * hj * hj)
                            / (2.0 * hi * hj);
                    hi /= 2.0;
                    hj /= 2.0;
                }
                hessian[i][j] = extrapolate(approx);
                hessian[j][i] = hessian[i][j];
            }
        }
        return hessian;
    }

    private static double at(ToDoubleFunction<double[]> f, double[] x, int i, double di, int j, double dj) {
        double[] q = x.clone();
        q[i] += di;
        if (j >= 0) {
            q[j] += dj;
        }
        return f.applyAsDouble(q);
    }

    /** Richardson's table as numDeriv builds it: the first entry after {@code r − 1} rounds. */
    private static double extrapolate(double[] a) {
        double[] d = a.clone();
        double four = 1.0;
        for (int m = 1; m < d.length; m++) {
            four *= 4.0;
            for (int k = 0; k < d.length - m; k++) {
                d[k] = (d[k + 1] * four - d[k]) / (four - 1.0);
            }
        }
        return d[0];
    }

    /**
     * The covariance {@code (−H)⁻¹} of a maximum-likelihood estimate from the Hessian {@code H} of
     * the log-likelihood, by Cholesky factorisation of {@code −H}.
     *
     * @param hessian the Hessian of the log-likelihood at the maximum
     * @return the inverse of {@code −H}, or null if {@code −H} is not positive definite (singular,
     *     a saddle, or not finite)
     */
    public static double[][] inverseOfNegative(double[][] hessian) {
        int n = hessian.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = -hessian[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    // relative pivot test: a pivot lost to cancellation means a singular matrix
                    if (!(s > 1e-12 * Math.abs(hessian[i][i])) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // L⁻¹ by forward substitution, then (−H)⁻¹ = L⁻ᵀ L⁻¹
        double[][] inv = new double[n][n];
        for (int c = 0; c < n; c++) {
            for (int i = c; i < n; i++) {
                double s = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) {
                    s -= l[i][k] * inv[k][c];
                }
                inv[i][c] = s / l[i][i];
            }
        }
        double[][] cov = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0.0;
                for (int k = i; k < n; k++) {
                    s += inv[k][i] * inv[k][j];
                }
                cov[i][j] = s;
                cov[j][i] = s;
            }
        }
        return cov;
    }

    /**
     * Standard errors of parameters {@code θ = exp(y)} estimated on the log scale: by the delta
     * method, {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ} with {@code H} the Hessian of the log-likelihood in
     * {@code y}, taken with a first step of 0.1 in each {@code yᵢ} (a 10 % change of the parameter).
     * At the maximum this equals the inverse Hessian in {@code θ} itself, since the gradient vanishes.
     *
     * @param logLikelihood the log-likelihood as a function of the log-parameters
     * @param logParameters the maximiser
     * @return the standard errors of {@code exp(logParameters)}, or null if the Hessian is singular
     *     or not negative definite there
     */
    public static double[] logScaleStandardErrors(ToDoubleFunction<double[]> logLikelihood,
            double[] logParameters) {
        double[] step = new double[logParameters.length];
        java.util.Arrays.fill(step, 0.1);
        return logScaleStandardErrors(of(logLikelihood, logParameters, step), logParameters);
    }

    /**
     * Standard errors of {@code θ = exp(y)} from a given Hessian {@code H} of the log-likelihood in
     * the log-parameters {@code y} (analytic, or from differences of an analytic gradient), by the
     * delta method: {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ}.
     *
     * @param hessian the Hessian in {@code y} at the maximiser
     * @param logParameters the maximiser
     * @return the standard errors of {@code exp(logParameters)}, or null if the Hessian is singular
     *     or not negative definite there
     */
    public static double[] logScaleStandardErrors(double[][] hessian, double[] logParameters) {
        double[][] cov = inverseOfNegative(hessian);
        if (cov == null) {
            return null;
        }
        double[] se = new double[logParameters.length];
        for (int i = 0; i < se.length; i++) {
            se[i] = Math.exp(logParameters[i]) * Math.sqrt(cov[i][i]);
            if (!(se[i] > 0.0 && se[i] < Double.POSITIVE_INFINITY)) {
                return null;
            }
        }
        return se;
    }
}
