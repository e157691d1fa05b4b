package io.github.cxmetrics.internal.math;

/**
 * The digamma function {@code ψ(x) = d ln Γ(x)/dx} and the trigamma function {@code ψ₁(x) = ψ′(x)}
 * for positive arguments, the derivatives the model fits need of their log-gamma terms.
 *
 * <p><b>Method.</b> For {@code x < 10} the recurrences {@code ψ(x) = ψ(x + 1) − 1/x} and
 * {@code ψ₁(x) = ψ₁(x + 1) + 1/x²} (Abramowitz &amp; Stegun 6.3.5, 6.4.6) move the argument to
 * {@code x ≥ 10}, where the asymptotic series are used (A&amp;S 6.3.18, 6.4.12):
 * <pre>{@code
 * ψ(x)  = ln x − 1/(2x) − Σ_{k=1}^{7} B_{2k}/(2k·x^(2k))
 * ψ₁(x) = 1/x + 1/(2x²) + Σ_{k=1}^{7} B_{2k}/x^(2k+1)
 * }</pre>
 * with Bernoulli numbers {@code B_{2k}}; at {@code x = 10} the first omitted terms are below
 * {@code 5e-17} and {@code 8e-17}. The recurrence sums at most ten terms of one sign, so the
 * absolute error of {@code ψ} stays within a few units of {@code 1e-16·max(1, |ψ|)} (tested against
 * mpmath at 30 digits) — relative accuracy is lost only near ψ's root at 1.4616…, where the fits need
 * none, since they use differences and sums of these values.
 */
public final class Polygamma {

    /** {@code B_{2k}/(2k)}, k = 1..7. */
    private static final double[] DIGAMMA = {
        1.0 / 12.0, -1.0 / 120.0, 1.0 / 252.0, -1.0 / 240.0, 1.0 / 132.0, -691.0 / 32760.0, 1.0 / 12.0,
    };

    /** {@code B_{2k}}, k = 1..7. */
    private static final double[] TRIGAMMA = {
        1.0 / 6.0, -1.0 / 30.0, 1.0 / 42.0, -1.0 / 30.0, 5.0 / 66.0, -691.0 / 2730.0, 7.0 / 6.0,
    };

    private static final double ASYMPTOTIC_MIN = 10.0;

    private Polygamma() {
    }

    /**
     * {@code ψ(x)} for {@code x > 0}.
     *
     * @param x the argument
     * @return {@code ψ(x)}; NaN for NaN, zero or negative arguments, +∞ for +∞
     */
    public static double digamma(double x) {
        if (!(x > 0.0)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double shift = 0.0;
        while (x < ASYMPTOTIC_MIN) {
            shift += 1.0 / x;
            x += 1.0;
        }
        double r2 = 1.0 / (x * x);
        double sum = DIGAMMA[DIGAMMA.length - 1];
        for (int k = DIGAMMA.length - 2; k >= 0; k--) {
            sum = sum * r2 + DIGAMMA[k];
        }
        return Math.log(x) - 0.5 / x - sum * r2 - shift;
    }

    /**
     * {@code ψ₁(x)} for {@code x > 0}.
     *
     * @param x the argument
     * @return {@code ψ₁(x)}; NaN for NaN, zero or negative arguments, 0 for +∞
     */
    public static double trigamma(double x) {
        if (!(x > 0.0)) {
            return Double.NaN;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double shift = 0.0;
        while (x < ASYMPTOTIC_MIN) {
            shift += 1.0 / (x * x);
            x += 1.0;
        }
        double r = 1.0 / x;
        double r2 = r * r;
        double sum = TRIGAMMA[TRIGAMMA.length - 1];
        for (int k = TRIGAMMA.length - 2; k >= 0; k--) {
            sum = sum * r2 + TRIGAMMA[k];
        }
        return r + 0.5 * r2 + sum * r2 * r + shift;
    }
}
