package io.github.cxmetrics.internal.math;

/**
 * The logarithm of the gamma function for positive arguments, with relative accuracy near its
 * zeros at 1 and 2.
 *
 * <p><b>Method.</b>
 * <ul>
 *   <li>{@code 0 < x < 0.5}: {@code ln Γ(x) = ln Γ(2 + x) − ln(1 + x) − ln x};</li>
 *   <li>{@code 0.5 ≤ x < 1.5}: {@code ln Γ(x) = ln Γ(2 + (x − 1)) − ln(1 + (x − 1))};</li>
 *   <li>{@code 1.5 ≤ x < 2.5}: the power series about 2,
 *       {@code ln Γ(2 + z) = (1 − γ)·z + Σ_{k≥2} (−1)^k (ζ(k) − 1) z^k / k}
 *       (Abramowitz &amp; Stegun 6.1.33, with {@code ln Γ(2 + z) = ln Γ(1 + z) + ln(1 + z)}),
 *       which converges like {@code (z/2)^k} and has no cancellation at {@code z = 0};</li>
 *   <li>{@code 2.5 ≤ x < 10}: the recurrence {@code ln Γ(x) = ln Γ(x − n) + ln((x−1)(x−2)···(x−n))};</li>
 *   <li>{@code x ≥ 10}: Stirling's series
 *       {@code ln Γ(x) = (x − 1/2) ln x − x + ln √(2π) + ω(x)} with
 *       {@code ω(x) = Σ_{k=1}^{8} B_{2k} / (2k(2k−1) x^(2k−1))} (Abramowitz &amp; Stegun 6.1.40),
 *       truncation error below {@code 2e-18} at {@code x = 10}.</li>
 * </ul>
 * The constants {@code ζ(k) − 1} were computed with mpmath 1.3.0 at 40 significant digits
 * ({@code zeta(k) - 1}) and rounded to double.
 */
public final class Gamma {

    /** {@code ln √(2π)}. */
    static final double LN_SQRT_2PI = 0.9189385332046728;

    /** {@code 1 − γ}, γ the Euler–Mascheroni constant. */
    private static final double ONE_MINUS_EULER = 0.42278433509846713;

    /** {@code ζ(k) − 1} for {@code k = 2, 3, …, 32}. */
    private static final double[] ZETA_MINUS_ONE = {
        6.44934066848226406e-01, 2.02056903159594292e-01, 8.23232337111381857e-02,
        3.69277551433699266e-02, 1.73430619844491402e-02, 8.34927738192282713e-03,
        4.07735619794433960e-03, 2.00839282608221426e-03, 9.94575127818085256e-04,
        4.94188604119464529e-04, 2.46086553308048320e-04, 1.22713347578489145e-04,
        6.12481350587048277e-05, 3.05882363070204933e-05, 1.52822594086518710e-05,
        7.63719763789976257e-06, 3.81729326499984022e-06, 1.90821271655393897e-06,
        9.53962033872796212e-07, 4.76932986787806447e-07, 2.38450502727733004e-07,
        1.19219925965311064e-07, 5.96081890512594801e-08, 2.98035035146522793e-08,
        1.49015548283650427e-08, 7.45071178983543006e-09, 3.72533402478845728e-09,
        1.86265972351304914e-09, 9.31327432419668166e-10, 4.65662906503378366e-10,
        2.32831183367650534e-10,
    };

    /** {@code B_{2k} / (2k(2k−1))} for {@code k = 1, …, 8}. */
    private static final double[] STIRLING = {
        1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0,
        1.0 / 1188.0, -691.0 / 360360.0, 1.0 / 156.0, -3617.0 / 122400.0,
    };

    /** Smallest argument for which {@link #stirlingCorrection(double)} is accurate. */
    static final double STIRLING_MIN = 10.0;

    private Gamma() {
    }

    /**
     * {@code ln Γ(x)} for {@code x > 0}.
     *
     * @param x the argument
     * @return {@code ln Γ(x)}; +∞ for +∞ and NaN for NaN, zero, negative arguments
     */
    public static double logGamma(double x) {
        if (!(x > 0.0)) {
            return Double.NaN;
        }
        if (x < 0.5) {
            return seriesAboutTwo(x) - Math.log1p(x) - Math.log(x);
        }
        if (x < 1.5) {
            double z = x - 1.0; // exact
            return seriesAboutTwo(z) - Math.log1p(z);
        }
        if (x < 2.5) {
            return seriesAboutTwo(x - 2.0);
        }
        if (x < STIRLING_MIN) {
            double product = 1.0;
            double y = x;
            while (y >= 2.5) {
                y -= 1.0; // exact: y keeps x's last bit position
                product *= y;
            }
            return seriesAboutTwo(y - 2.0) + Math.log(product);
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
    }

    /**
     * The remainder of Stirling's approximation,
     * {@code ω(x) = ln Γ(x) − ((x − 1/2) ln x − x + ln √(2π))}, for {@code x ≥ 10}.
     */
    static double stirlingCorrection(double x) {
        double r = 1.0 / x;
        double r2 = r * r;
        double sum = STIRLING[STIRLING.length - 1];
        for (int k = STIRLING.length - 2; k >= 0; k--) {
            sum = sum * r2 + STIRLING[k];
        }
        return sum * r;
    }

    /** {@code ln Γ(2 + z)} for {@code |z| ≤ 1/2} by A&S 6.1.33. */
    private static double seriesAboutTwo(double z) {
        double sum = 0.0;
        for (int k = ZETA_MINUS_ONE.length + 1; k >= 2; k--) {
            double c = ZETA_MINUS_ONE[k - 2] / k;
            sum = sum * -z + c;
        }
        // sum = Σ_{k≥2} (−1)^k c_k z^(k−2)
        return z * (ONE_MINUS_EULER + z * sum);
    }
}
