package io.github.cxmetrics.internal.math;

/**
 * The standard normal distribution: density, distribution function and quantile, accurate to
 * about {@code 1e-13} relative error in both tails.
 *
 * <p><b>Method.</b> With {@code φ(z) = exp(−z²/2)/√(2π)}:
 * <ul>
 *   <li>for {@code |z| ≤ 2.5}, {@code Φ(z) = 1/2 + φ(z)·Σ_{n≥0} z^(2n+1)/(1·3·5···(2n+1))}
 *       (Abramowitz &amp; Stegun 26.2.11), a series of terms of one sign;</li>
 *   <li>for {@code z < −2.5}, {@code Φ(z) = φ(z)·R(|z|)} with Mills' ratio as the continued fraction
 *       {@code R(x) = 1/(x + 1/(x + 2/(x + 3/(x + …))))} (Abramowitz &amp; Stegun 26.2.14),
 *       evaluated by the modified Lentz method (Press et al., <i>Numerical Recipes</i>, 3rd ed., §5.2);
 *       the upper tail by symmetry.</li>
 * </ul>
 * {@code exp(−z²/2)} is evaluated with {@code z} split into a short head and a tail so that the
 * rounding of {@code z²} does not cost relative accuracy deep in the tails (the device of
 * W. J. Cody, "Rational Chebyshev approximations for the error function", <i>Math. Comp.</i>
 * 23 (1969) 631–637).
 *
 * <p>The quantile starts from the approximation of Abramowitz &amp; Stegun 26.2.23 (absolute error
 * below {@code 4.5e-4}) and refines it with Halley's method on the distribution function; near the
 * median it solves {@code Φ(z) − 1/2 = p − 1/2}, whose right side is exact, so that
 * {@code quantile(0.5 + 1e-12)} keeps its relative accuracy.
 */
public final class Normal {

    /** {@code 1/√(2π)}. */
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    /** Below this |z| the series is used; above, the continued fraction. */
    private static final double SERIES_LIMIT = 2.5;

    private static final int MAX_SERIES_TERMS = 200;

    private static final int MAX_FRACTION_TERMS = 500;

    private static final int MAX_HALLEY_STEPS = 8;

    private Normal() {
    }

    /**
     * The standard normal density {@code φ(z) = exp(−z²/2)/√(2π)}.
     *
     * @param z the point
     * @return {@code φ(z)}; NaN for NaN
     */
    public static double density(double z) {
        return INV_SQRT_2PI * expMinusHalfSquare(z);
    }

    /**
     * The standard normal distribution function {@code Φ(z) = P(Z ≤ z)}.
     *
     * @param z the point
     * @return {@code Φ(z)}; 0 at −∞, 1 at +∞, NaN for NaN
     */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        if (Math.abs(z) <= SERIES_LIMIT) {
            return 0.5 + centralHalf(z);
        }
        double tail = lowerTail(-Math.abs(z));
        return z < 0.0 ? tail : 1.0 - tail;
    }

    /**
     * The upper tail {@code 1 − Φ(z) = Φ(−z)}, accurate where {@code Φ(z)} is close to 1.
     *
     * @param z the point
     * @return {@code P(Z > z)}; 1 at −∞, 0 at +∞, NaN for NaN
     */
    public static double survival(double z) {
        return cdf(-z);
    }

    /**
     * The quantile {@code Φ⁻¹(p)}.
     *
     * @param p the probability
     * @return the {@code z} with {@code Φ(z) = p}; −∞ for 0, +∞ for 1
     * @throws IllegalArgumentException if {@code p} is NaN or outside [0, 1]
     */
    public static double quantile(double p) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p > 0.25 && p < 0.75) {
            double u = p - 0.5; // exact (Sterbenz)
            if (u == 0.0) {
                return 0.0;
            }
            double z = Math.abs(u) < 1e-3 ? u / INV_SQRT_2PI : Math.copySign(tailGuess(0.5 - Math.abs(u)), u);
            for (int i = 0; i < MAX_HALLEY_STEPS; i++) {
                double r = (centralHalf(z) - u) / density(z);
                double step = r / (1.0 + 0.5 * z * r);
                z -= step;
                if (Math.abs(step) <= 1e-16 * Math.abs(z)) {
                    break;
                }
            }
            return z;
        }
        boolean upper = p > 0.5;
        double q = upper ? 1.0 - p : p; // exact for p >= 0.5
        double z = -tailGuess(q);
        for (int i = 0; i < MAX_HALLEY_STEPS; i++) {
            double r = (cdf(z) - q) / density(z);
            if (!Double.isFinite(r)) {
                break;
            }
            double step = r / (1.0 + 0.5 * z * r);
            z -= step;
            if (Math.abs(step) <= 1e-16 * Math.abs(z)) {
                break;
            }
        }
        return upper ? -z : z;
    }

    /**
     * The two-sided critical value: the {@code c} with {@code P(|Z| ≤ c) = level}, that is
     * {@code −Φ⁻¹((1 − level)/2)}; 1.959963984540054 for {@code level = 0.95}.
     *
     * @param level the confidence level
     * @return the critical value
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public static double twoSidedCritical(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        return -quantile((1.0 - level) / 2.0);
    }

    /** {@code Φ(z) − 1/2} for {@code |z| ≤ SERIES_LIMIT}, by A&S 26.2.11. */
    private static double centralHalf(double z) {
        double z2 = z * z;
        double term = z;
        double sum = z;
        for (int n = 1; n < MAX_SERIES_TERMS; n++) {
            term *= z2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return density(z) * sum;
    }

    /** {@code Φ(z)} for {@code z < −SERIES_LIMIT}: density times Mills' ratio. */
    private static double lowerTail(double z) {
        double x = -z;
        if (x == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        if (x > 40.0) {
            return 0.0; // Φ(−40) < 1e-349: below the smallest double
        }
        // Modified Lentz for R(x) = 1/(x + 1/(x + 2/(x + ...))): b_j = x, a_j = j.
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int j = 1; j < MAX_FRACTION_TERMS; j++) {
            d = x + j * d;
            if (d == 0.0) {
                d = tiny;
            }
            c = x + j / c;
            if (c == 0.0) {
                c = tiny;
            }
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) <= 1e-16) {
                break;
            }
        }
        return density(x) / f;
    }

    /** A&S 26.2.23: {@code −Φ⁻¹(q)} for {@code 0 < q ≤ 1/2}, absolute error below 4.5e-4. */
    private static double tailGuess(double q) {
        double t = Math.sqrt(-2.0 * Math.log(q));
        double num = 2.515517 + t * (0.802853 + t * 0.010328);
        double den = 1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308));
        return t - num / den;
    }

    /** {@code exp(−z²/2)} with the square split as {@code z² = h² + (z − h)(z + h)}, h = z rounded to 1/16. */
    static double expMinusHalfSquare(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double a = Math.abs(z);
        if (a > 40.0) {
            return 0.0;
        }
        double h = Math.floor(a * 16.0) / 16.0;
        double l = a - h;
        return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * l * (a + h));
    }
}
