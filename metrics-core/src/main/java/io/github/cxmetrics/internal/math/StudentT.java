package io.github.cxmetrics.internal.math;

/**
 * Student's t distribution with {@code ν > 0} degrees of freedom, not necessarily an integer (as
 * Welch–Satterthwaite degrees of freedom are); {@code ν = +∞} is the standard normal distribution,
 * which is also used for {@code ν ≥ 1e25}.
 *
 * <p><b>Method.</b> For {@code t < 0},
 * {@code P(T ≤ t) = ½ I_x(ν/2, 1/2)} with {@code x = ν/(ν + t²)} (Abramowitz &amp; Stegun 26.7.1
 * with 26.5.27; DLMF 8.17.2), where {@code 1 − x = t²/(ν + t²)} is formed directly rather than by
 * subtraction, and the upper tail follows by symmetry. The quantile inverts the same relation with
 * {@link Beta}'s inverse and returns {@code t = ±√(ν (1 − x)/x)}. When {@code t²} overflows, the
 * leading term of the tail expansion, {@code ½ x^(ν/2) / ((ν/2) B(ν/2, 1/2))} with
 * {@code ln x = ln ν − 2 ln|t|}, is used; its relative error is below {@code 1e-290}. The quantile uses the same leading term
 * when it puts {@code x} below {@code 1e-290}.
 */
public final class StudentT {

    /** Below {@code x = 1e-290}, the tail is its leading term (relative error O(x)). */
    private static final double DEEP_TAIL_LN_X = Math.log(1e-290);

    /**
     * From here on the normal distribution is used: {@code P(T ≤ t)} and {@code Φ(t)} differ by a
     * relative {@code O(t⁴/ν)}, below {@code 1e-18} wherever {@code Φ(t)} is a normal double.
     */
    static final double NORMAL_LIMIT = 1e25;

    private StudentT() {
    }

    /**
     * The distribution function {@code P(T ≤ t)}.
     *
     * @param t the point
     * @param degreesOfFreedom {@code ν > 0}, possibly {@code +∞}
     * @return {@code P(T ≤ t)}; NaN for NaN {@code t}
     * @throws IllegalArgumentException if {@code degreesOfFreedom} is NaN or not positive
     */
    public static double cdf(double t, double degreesOfFreedom) {
        checkDegreesOfFreedom(degreesOfFreedom);
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (degreesOfFreedom >= NORMAL_LIMIT) {
            return Normal.cdf(t);
        }
        double tail = lowerTail(Math.abs(t), degreesOfFreedom);
        return t < 0.0 ? tail : 1.0 - tail;
    }

    /**
     * The upper tail {@code P(T > t)}, accurate where {@code P(T ≤ t)} is close to 1.
     *
     * @param t the point
     * @param degreesOfFreedom {@code ν > 0}, possibly {@code +∞}
     * @return {@code P(T > t)}; NaN for NaN {@code t}
     * @throws IllegalArgumentException if {@code degreesOfFreedom} is NaN or not positive
     */
    public static double survival(double t, double degreesOfFreedom) {
        return cdf(-t, degreesOfFreedom);
    }

    /**
     * The quantile: the {@code t} with {@code P(T ≤ t) = p}.
     *
     * @param p the probability, in [0, 1]
     * @param degreesOfFreedom {@code ν > 0}, possibly {@code +∞}
     * @return the quantile; −∞ for 0 and +∞ for 1
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or {@code degreesOfFreedom} is
     *     NaN or not positive
     */
    public static double quantile(double p, double degreesOfFreedom) {
        checkDegreesOfFreedom(degreesOfFreedom);
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        if (degreesOfFreedom >= NORMAL_LIMIT) {
            return Normal.quantile(p);
        }
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        if (p == 0.5) {
            return 0.0;
        }
        boolean lower = p < 0.5;
        double tail = lower ? p : 1.0 - p; // exact for p > 0.5
        double twoTail = 2.0 * tail; // P(|T| >= |t|) = I_x(ν/2, 1/2)
        double half = 0.5 * degreesOfFreedom;
        double lnX = (Math.log(twoTail) + Beta.lnABeta(half, 0.5)) / half;
        if (lnX < DEEP_TAIL_LN_X) {
            // I_x(a, 1/2) = x^a / (a B(a, 1/2)) · (1 + O(x)); t = √(ν/x) · √(1 − x)
            double magnitude = Math.sqrt(degreesOfFreedom) * Math.exp(-0.5 * lnX);
            return lower ? -magnitude : magnitude;
        }
        double[] xy = Beta.inverse(twoTail, 1.0 - twoTail, half, 0.5);
        double x = xy[0];
        double y = xy[1];
        double magnitude = Math.sqrt(degreesOfFreedom) * (Math.sqrt(y) / Math.sqrt(x));
        return lower ? -magnitude : magnitude;
    }

    /** {@code P(T ≤ −a)} for {@code a ≥ 0}. */
    private static double lowerTail(double a, double nu) {
        if (a == 0.0) {
            return 0.5;
        }
        if (a == Double.POSITIVE_INFINITY) {
            return 0.0;
        }
        double half = 0.5 * nu;
        double a2 = a * a;
        if (a2 == Double.POSITIVE_INFINITY || nu / a2 < 1e-290) {
            double lnX = Math.log(nu) - 2.0 * Math.log(a);
            return 0.5 * Math.exp(half * lnX - Beta.lnABeta(half, 0.5));
        }
        double x;
        double y;
        if (nu > a2) {
            double r = a2 / nu;
            x = 1.0 / (1.0 + r);
            y = r / (1.0 + r);
        } else {
            double r = nu / a2;
            x = r / (1.0 + r);
            y = 1.0 / (1.0 + r);
        }
        return 0.5 * Beta.incomplete(x, y, half, 0.5, false);
    }

    private static void checkDegreesOfFreedom(double nu) {
        if (!(nu > 0.0)) {
            throw new IllegalArgumentException("degreesOfFreedom must be > 0, was " + nu);
        }
    }
}
