package io.github.cxmetrics.internal.math;

/**
 * The upper tail of the chi-square distribution, {@code P(X ≥ x)} for {@code X ~ χ²(k)}, through the
 * regularized upper incomplete gamma function {@code Q(a, y) = Γ(a, y)/Γ(a)} with {@code a = k/2},
 * {@code y = x/2}.
 *
 * <p><b>Method.</b> With the prefactor {@code f = exp(a ln y − y − ln Γ(a))}:
 * <ul>
 *   <li>for {@code y < a + 1}, the series {@code P(a, y) = f/a · Σ_{n≥0} yⁿ / ((a+1)(a+2)···(a+n))}
 *       (DLMF 8.7.1, Abramowitz &amp; Stegun 6.5.29), all terms positive, and {@code Q = 1 − P};</li>
 *   <li>otherwise the continued fraction
 *       {@code Q(a, y) = f · 1/(y + 1 − a − 1·(1−a)/(y + 3 − a − 2·(2−a)/(y + 5 − a − …)))}
 *       ({@link IncompleteGamma}: DLMF 8.9.2 by the modified Lentz method), which keeps relative
 *       accuracy far into the tail.</li>
 * </ul>
 * For one degree of freedom the tail is {@code 2·Φ(−√x)} exactly, and that is what is returned.
 * Relative accuracy is about {@code 1e-13} where the tail is above the smallest normal double.
 */
public final class ChiSquare {

    private static final int MAX_TERMS = 10_000;

    private static final double EPS = 1e-16;

    private ChiSquare() {
    }

    /**
     * The upper tail probability {@code P(χ²(df) ≥ x)}.
     *
     * @param x the statistic; a value {@code <= 0} gives 1
     * @param df the degrees of freedom, {@code > 0} (need not be an integer)
     * @return the tail probability in {@code [0, 1]}; NaN if {@code x} is NaN
     * @throws IllegalArgumentException if {@code df} is not finite and positive
     */
    public static double survival(double x, double df) {
        if (!(df > 0.0 && df < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("degrees of freedom must be finite and > 0, was " + df);
        }
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x <= 0.0) {
            return 1.0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (df == 1.0) {
            return 2.0 * Normal.survival(Math.sqrt(x));
        }
        return upperRegularizedGamma(0.5 * df, 0.5 * x);
    }

    /**
     * The regularized upper incomplete gamma function {@code Q(a, y)}.
     *
     * @param a the shape, {@code > 0}
     * @param y the argument, {@code > 0}
     * @return {@code Q(a, y)} in {@code [0, 1]}
     */
    static double upperRegularizedGamma(double a, double y) {
        double logPrefactor = a * Math.log(y) - y - Gamma.logGamma(a);
        if (y < a + 1.0) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < MAX_TERMS; n++) {
                term *= y / (a + n);
                sum += term;
                if (term < sum * EPS) {
                    break;
                }
            }
            double lower = Math.exp(logPrefactor) * sum;
            return Math.max(0.0, 1.0 - lower);
        }
        double h = IncompleteGamma.continuedFraction(a, y);
        return Math.min(1.0, Math.exp(logPrefactor) * h);
    }
}
