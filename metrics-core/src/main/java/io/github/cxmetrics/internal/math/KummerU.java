package io.github.cxmetrics.internal.math;

/**
 * Kummer's confluent hypergeometric function of the second kind with equal parameters,
 * {@code U(a, a; y)}, as it enters the Pareto/NBD discounted expected residual transactions (Fader,
 * Hardie &amp; Lee 2005, "RFM and CLV: using iso-value curves", <i>JMR</i> 42(4):415–430).
 *
 * <pre>{@code
 * U(a, a; y) = e^y · Γ(1 − a, y)
 * Γ(ν, y)    = ∫_y^∞ t^(ν−1) e^(−t) dt                                (DLMF 8.2.2)
 * }</pre>
 * (from Kummer's transformation {@code U(a, b; y) = y^(1−b) U(a − b + 1, 2 − b; y)}, DLMF §13.2(vii),
 * and {@code U(1, c; y) = y^(1−c) e^y Γ(c − 1, y)}, DLMF §13.6; mission-clv-churn §2.3 checks the
 * identity numerically, and {@code HypergeometricAdjacentCTest} against mpmath's {@code hyperu}), with the upper
 * incomplete gamma function for any real {@code ν < 1} (here {@code ν = 1 − s}),
 * {@code y > 0}:
 * <ul>
 * <li>{@code y >= 1}: the continued fraction of DLMF §8.9 in its even form (Numerical Recipes,
 * 3rd ed., §6.2), evaluated by the modified Lentz method;
 * <li>{@code y < 1}, {@code 0 < ν < 1}: {@code Γ(ν) − γ(ν, y)} with the positive series
 * {@code γ(ν, y) = e^(−y) y^ν Σ_k y^k/(ν (ν + 1) ⋯ (ν + k))} (DLMF 8.7.1 in Kummer's form);
 * <li>{@code y < 1}, {@code ν = 0}: {@code E₁(y) = −γ − ln y − Σ_(k≥1) (−y)^k/(k·k!)} (DLMF 6.6.2);
 * <li>{@code y < 1}, {@code ν < 0}: down from {@code ν − ⌊ν⌋} by
 * {@code Γ(μ, y) = (y^μ e^(−y) − Γ(μ + 1, y))/(−μ)} (DLMF 8.8.2), every step a difference of
 * positive numbers, {@code y^μ e^(−y) > Γ(μ + 1, y)} for {@code μ < 0}.
 * </ul>
 * Against mpmath ({@code hyperu}, 40 digits) the relative error is below {@code 1e-13} on the
 * test vectors ({@code HypergeometricAdjacentCTest#kummerUMatchesMpmath}).
 */
public final class KummerU {

    private static final int MAX_TERMS = 100_000;
    private static final double EULER_GAMMA = 0.5772156649015329;

    private KummerU() {
    }

    /**
     * {@code ln U(a, a; y)} for {@code a > 0} and {@code y > 0}.
     *
     * @param a the parameter, finite and {@code > 0}
     * @param y the argument, finite and {@code > 0}
     * @return {@code ln U(a, a; y)}
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IllegalStateException if a series or continued fraction does not settle
     */
    public static double logOfEqualParameters(double a, double y) {
        if (!(a > 0.0 && a < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a must be finite and > 0, was " + a);
        }
        if (!(y > 0.0 && y < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("y must be finite and > 0, was " + y);
        }
        return y + logUpperGamma(1.0 - a, y);
    }

    /** {@code ln Γ(ν, y)} for {@code ν < 1}, {@code y > 0}. */
    static double logUpperGamma(double nu, double y) {
        if (y >= 1.0) {
            return logContinuedFraction(nu, y);
        }
        if (nu > 0.0) {
            return Math.log(Math.exp(Gamma.logGamma(nu)) - lowerGamma(nu, y));
        }
        double base = nu - Math.floor(nu); // in [0, 1)
        double g = base == 0.0 ? expIntegral(y) : Math.exp(Gamma.logGamma(base)) - lowerGamma(base, y);
        double lnY = Math.log(y);
        for (double mu = base - 1.0; mu >= nu - 0.5; mu -= 1.0) {
            g = (Math.exp(mu * lnY - y) - g) / -mu;
        }
        return Math.log(g);
    }

    /** {@code γ(ν, y) = e^(−y) y^ν Σ_k y^k/(ν (ν + 1) ⋯ (ν + k))}, {@code ν > 0}, {@code y < 1}. */
    private static double lowerGamma(double nu, double y) {
        double term = 1.0 / nu;
        double sum = term;
        for (int k = 1; k < MAX_TERMS; k++) {
            term *= y / (nu + k);
            sum += term;
            if (term <= 1e-17 * sum) {
                return Math.exp(nu * Math.log(y) - y) * sum;
            }
        }
        throw new IllegalStateException("incomplete gamma series did not converge for nu=" + nu + ", y=" + y);
    }

    /** {@code E₁(y) = Γ(0, y)} for {@code 0 < y < 1} (DLMF 6.6.2). */
    private static double expIntegral(double y) {
        double term = 1.0;
        double sum = 0.0;
        for (int k = 1; k < MAX_TERMS; k++) {
            term *= -y / k;
            double add = -term / k;
            sum += add;
            if (Math.abs(add) <= 1e-17 * Math.abs(sum)) {
                return -EULER_GAMMA - Math.log(y) + sum;
            }
        }
        throw new IllegalStateException("exponential integral series did not converge for y=" + y);
    }

    /** {@code ln Γ(ν, y) = −y + ν ln y + ln h}, {@code h} the continued fraction of {@link IncompleteGamma}. */
    private static double logContinuedFraction(double nu, double y) {
        return -y + nu * Math.log(y) + Math.log(IncompleteGamma.continuedFraction(nu, y));
    }
}
