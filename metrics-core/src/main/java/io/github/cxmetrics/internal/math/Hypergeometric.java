package io.github.cxmetrics.internal.math;

/**
 * The Gauss hypergeometric function {@code ₂F₁(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k} for
 * {@code 0 <= z < 1} (DLMF 15.2.1).
 *
 * <p><b>Method.</b> Where {@code c > b > 0} (or {@code c > a > 0}, by symmetry) Euler's integral
 * (DLMF 15.6.1) writes the function as a mean over {@code t ~ Beta(b, c − b)},
 *
 * <pre>{@code
 * ₂F₁(a, b; c; z) = E_t[(1 − z·t)^(−a)],   1 − z·t = (1 − z) + z·(1 − t)
 * }</pre>
 * of a positive monotone function, computed by {@link BetaExpectation} with {@code 1 − z} passed in
 * by the caller (so that {@code z} within {@code 1e-17} of 1 keeps its digits). This form has no
 * cancellation, needs no case analysis where {@code c − a − b} is an integer (the logarithmic cases
 * of the connection formulas DLMF 15.8.10), and holds uniformly up to {@code z → 1}; against mpmath
 * at 50 digits its relative error is below {@code 1e-12}, from {@code z = 0} to
 * {@code 1 − z = 1e-17} (tests: {@code HypergeometricTest}). Elsewhere (neither numerator parameter
 * between 0 and {@code c}) the power series is summed with the term-ratio recurrence, after Euler's
 * transformation {@code ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z)} (DLMF 15.8.1) when
 * {@code c − a − b < 0}, for {@code z <= 0.9} only.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 100_000;

    private static final double SERIES_MAX_Z = 0.9;

    private Hypergeometric() {
    }

    /**
     * {@code ₂F₁(a, b; c; z)} for {@code 0 <= z < 1}, with {@code 1 − z} formed by subtraction.
     *
     * @param a first numerator parameter
     * @param b second numerator parameter
     * @param c denominator parameter
     * @param z the argument, in {@code [0, 1)}
     * @return the function value
     * @throws IllegalArgumentException if {@code z} is outside [0, 1) or the parameters are outside
     *     the implemented domain
     * @throws IllegalStateException if the computation does not settle within its budget
     */
    public static double f21(double a, double b, double c, double z) {
        if (!(z >= 0.0 && z < 1.0)) {
            throw new IllegalArgumentException("z must be in [0, 1), was " + z);
        }
        return f21(a, b, c, z, 1.0 - z);
    }

    /**
     * {@code ₂F₁(a, b; c; z)} with {@code 1 − z} given separately, for arguments near 1.
     *
     * @param a first numerator parameter
     * @param b second numerator parameter
     * @param c denominator parameter; {@code c > b > 0} or {@code c > a > 0} for every {@code z},
     *     otherwise {@code c > 0} and {@code z <= 0.9}
     * @param z the argument, in {@code [0, 1]} (it may round to 1 when {@code oneMinusZ} is below
     *     {@code 1.1e-16})
     * @param oneMinusZ {@code 1 − z}, in {@code (0, 1]}, computed without cancellation by the caller
     * @return the function value (may be {@code +∞} where it exceeds the double range)
     * @throws IllegalArgumentException if {@code z} or {@code oneMinusZ} is outside its range or the
     *     parameters are outside the implemented domain
     * @throws IllegalStateException if the computation does not settle within its budget
     */
    public static double f21(double a, double b, double c, double z, double oneMinusZ) {
        if (!(z >= 0.0 && z <= 1.0)) {
            throw new IllegalArgumentException("z must be in [0, 1], was " + z);
        }
        if (!(oneMinusZ > 0.0 && oneMinusZ <= 1.0)) {
            throw new IllegalArgumentException("oneMinusZ must be in (0, 1], was " + oneMinusZ);
        }
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c))) {
            throw new IllegalArgumentException("parameters must be finite, were " + a + ", " + b + ", " + c);
        }
        if (z == 0.0 || a == 0.0 || b == 0.0) {
            return 1.0;
        }
        if (c > b && b > 0.0) {
            return euler(a, b, c, z, oneMinusZ);
        }
        if (c > a && a > 0.0) {
            return euler(b, a, c, z, oneMinusZ);
        }
        if (!(c > 0.0) || z > SERIES_MAX_Z) {
            throw new IllegalArgumentException("2F1(" + a + ", " + b + "; " + c + "; " + z
                    + ") is outside the implemented domain (c > b > 0, c > a > 0, or c > 0 with z <= 0.9)");
        }
        if (c - a - b < 0.0 && z > 0.5) {
            return Math.pow(oneMinusZ, c - a - b) * series(c - a, c - b, c, z);
        }
        return series(a, b, c, z);
    }

    /** {@code E_t[(1 − z t)^(−a)]} over {@code t ~ Beta(b, c − b)}, {@code c > b > 0}. */
    private static double euler(double a, double b, double c, double z, double w) {
        return Math.exp(logEuler(a, b, c, z, w));
    }

    /** The logarithm of {@link #euler}. */
    private static double logEuler(double a, double b, double c, double z, double w) {
        double lnZ = Math.log(z);
        double lnW = Math.log(w);
        // ln g(t) = −a·ln(w + z·(1 − t)); g is monotone, 1 at t = 0 and w^(−a) at t = 1
        BetaExpectation.LogFunction lnG = (lnT, lnOneMinusT) -> -a * logSum(lnW, lnZ + lnOneMinusT);
        double lnAbsA = Math.log(Math.abs(a));
        // |ln g(t)| <= |a|·z·t/w·…: zero to 1e-17 once t < 1e-17·w/|a|; at t → 1 the deviation from
        // −a ln w is |a|·z·(1 − t)/w, below 1e-17 once 1 − t < 1e-17·w/|a|
        double xLeft = -39.0 - lnAbsA + lnW;
        double xRight = 39.0 + lnAbsA - lnW;
        double lnMean = BetaExpectation.logMean(lnG, 0.0, -a * lnW, xLeft, xRight, b, c - b);
        if (Double.isNaN(lnMean)) {
            throw new IllegalStateException("2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge");
        }
        return lnMean;
    }

    /**
     * {@code ln ₂F₁(a, b; a + 1; z)} for {@code a > 0}, {@code b > 0} and {@code 0 <= z < 1}, with
     * {@code w = 1 − z} passed in by the caller (computed without cancellation, e.g. the Pareto/NBD
     * {@code w = (β + tₓ)/(α + tₓ)}). This is the function of the Pareto/NBD likelihood (Fader &amp;
     * Hardie 2005, note 009, the A₀ term: {@code a = r + s + x}, {@code b = s + 1} or {@code r + x}),
     * returned as a logarithm because it exceeds the double range for large {@code b} near
     * {@code z = 1}.
     *
     * <p><b>Method.</b> For {@code w >= 0.1}, Euler's transformation (DLMF 15.8.1)
     * <pre>{@code
     * ₂F₁(a, b; a + 1; z) = w^(1−b) · ₂F₁(1, a + 1 − b; a + 1; z)
     *                     = w^(1−b) · Σ_k Π_(j<k) (a + 1 − b + j)/(a + 1 + j) · z^k
     * }</pre>
     * whose terms are positive with ratio below {@code z <= 0.9}, so the sum (at most 400 terms)
     * has no cancellation. For {@code w < 0.1} the {@code 1 − z} connection formula (DLMF 15.8.4,
     * A&amp;S 15.3.6) with {@code c = a + 1}, where the first series is {@code ₂F₁(a, b; b; w) = z^(−a)}:
     * <pre>{@code
     * ₂F₁(a, b; a + 1; z) = Γ(a + 1) Γ(1 − b)/Γ(a + 1 − b) · z^(−a)
     *                     + a/(b − 1) · w^(1−b) · ₂F₁(1, a + 1 − b; 2 − b; w)
     * }</pre>
     * a series in {@code w < 0.1}, computed in log space with signs. It is used when
     * {@code 1 − b} is not an integer and neither the series nor the sum of the two terms cancels
     * by more than a factor 64; otherwise (b near an integer, where the formula degenerates to
     * DLMF 15.8.10) the Euler integral of {@link #f21(double, double, double, double, double)}
     * (mean over {@code t ~ Beta(a, 1)}) is taken in log space, whose documented accuracy is
     * 1e-12 relative.
     *
     * <p><b>Accuracy.</b> Against mpmath at 40 digits the relative error of the function value
     * (not of its logarithm) is below {@code 1e-14} on the vectors of
     * {@code HypergeometricAdjacentCTest}, from {@code z = 0} to {@code w = 1e-12} and for
     * {@code a} up to 600; the Pareto/NBD values built on it (mission-next §6.1, including
     * {@code z = 0.99999}) agree with mpmath to 1e-12. The series of positive terms loses nothing to
     * cancellation; in the connection formula the refusal threshold bounds the amplification of
     * rounding errors by 64, on top of the error of {@code ln Γ} at the parameters (about
     * {@code 1e-16·|ln Γ(a + 1)|} absolute).
     *
     * @param a the first numerator parameter, {@code a = c − 1 > 0}
     * @param b the second numerator parameter, {@code > 0}
     * @param z the argument, in {@code [0, 1)} (it may round to 1 when {@code w < 1.1e-16})
     * @param w {@code 1 − z}, in {@code (0, 1]}
     * @return {@code ln ₂F₁(a, b; a + 1; z)}, finite
     * @throws IllegalArgumentException if an argument is out of range or not finite
     * @throws IllegalStateException if the computation does not settle within its budget
     */
    public static double logF21AdjacentC(double a, double b, double z, double w) {
        if (!(a > 0.0 && a < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a must be finite and > 0, was " + a);
        }
        if (!(b > 0.0 && b < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("b must be finite and > 0, was " + b);
        }
        if (!(z >= 0.0 && z <= 1.0)) {
            throw new IllegalArgumentException("z must be in [0, 1], was " + z);
        }
        if (!(w > 0.0 && w <= 1.0)) {
            throw new IllegalArgumentException("oneMinusZ must be in (0, 1], was " + w);
        }
        if (z == 0.0) {
            return 0.0;
        }
        double lnW = Math.log(w);
        if (w >= CONNECTION_MAX_W) {
            return (1.0 - b) * lnW + Math.log(positiveSeries(a + 1.0 - b, a + 1.0, z));
        }
        double v = connection(a, b, w, lnW);
        return Double.isNaN(v) ? logEuler(b, a, a + 1.0, z, w) : v;
    }

    /** Below this {@code w = 1 − z}, {@link #logF21AdjacentC} uses the connection formula. */
    private static final double CONNECTION_MAX_W = 0.1;

    /** The largest cancellation factor the connection formula may have before it is refused. */
    private static final double MAX_CANCELLATION = 64.0;

    /** {@code Σ_k Π_(j<k) (p + j)/(q + j) · z^k} for {@code 0 < p < q}, {@code 0 < z <= 0.9}. */
    private static double positiveSeries(double p, double q, double z) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (p + k) / (q + k) * z;
            sum += term;
            if (term <= 1e-17 * (1.0 - z) * sum) { // the ratio is below z: geometric tail bound
                return sum;
            }
        }
        throw new IllegalStateException("2F1 series did not converge in " + MAX_TERMS + " terms");
    }

    /**
     * The connection formula of {@link #logF21AdjacentC}, or NaN where it is refused (1 − b an
     * integer, or cancellation beyond {@link #MAX_CANCELLATION}).
     */
    private static double connection(double a, double b, double w, double lnW) {
        double nu = 1.0 - b;
        if (nu == Math.rint(nu)) {
            return Double.NaN;
        }
        // the series S = ₂F₁(1, a + 1 − b; 2 − b; w), with the sum of |terms| to measure cancellation
        double p = a + 1.0 - b;
        double q = 2.0 - b;
        double term = 1.0;
        double sum = 1.0;
        double abs = 1.0;
        int k = 0;
        while (true) {
            if (k == 10_000) {
                return Double.NaN;
            }
            term *= (p + k) / (q + k) * w;
            sum += term;
            abs += Math.abs(term);
            k++;
            // beyond k > |q| + p the ratio magnitude is below 2w < 1 and decreasing towards w
            if (k > Math.abs(q) + p && Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
            if (!(abs <= 1e300)) {
                return Double.NaN;
            }
        }
        if (!(sum != 0.0 && abs <= MAX_CANCELLATION * Math.abs(sum))) {
            return Double.NaN;
        }
        double l1 = Gamma.logGamma(a + 1.0) - Gamma.logGamma(p) + logAbsGamma(nu) - a * Math.log1p(-w);
        double sign1 = signGamma(nu);
        double l2 = nu * lnW + Math.log(a) - Math.log(Math.abs(b - 1.0)) + Math.log(Math.abs(sum));
        double sign2 = Math.signum(b - 1.0) * Math.signum(sum);
        double m = Math.max(l1, l2);
        double e1 = Math.exp(l1 - m);
        double e2 = Math.exp(l2 - m);
        double v = sign1 * e1 + sign2 * e2;
        if (!(v > 0.0 && e1 + e2 <= MAX_CANCELLATION * v)) {
            return Double.NaN;
        }
        return m + Math.log(v);
    }

    /** {@code ln|Γ(x)|} for non-integer real {@code x}, by reflection (DLMF 5.5.3) for x < 0.5. */
    static double logAbsGamma(double x) {
        if (x > 0.0) {
            return Gamma.logGamma(x);
        }
        return Math.log(Math.PI) - Math.log(Math.abs(sinPi(x))) - Gamma.logGamma(1.0 - x);
    }

    /** The sign of {@code Γ(x)} for non-integer real {@code x}. */
    static double signGamma(double x) {
        if (x > 0.0) {
            return 1.0;
        }
        return Math.floor(x) % 2.0 == 0.0 ? 1.0 : -1.0;
    }

    /** {@code sin(π x)}, with {@code x} reduced exactly modulo 2 first. */
    private static double sinPi(double x) {
        double y = x - 2.0 * Math.rint(x / 2.0); // exact for |x| < 2^52; y in [−1, 1]
        return Math.sin(Math.PI * y);
    }

    /** {@code ln(e^x + e^y)}. */
    private static double logSum(double x, double y) {
        return x >= y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
    }

    private static double series(double a, double b, double c, double z) {
        double term = 1.0;
        double sum = 1.0;
        for (int k = 0; k < MAX_TERMS; k++) {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
            sum += term;
            if (Math.abs(term) <= 1e-17 * (1.0 - z) * Math.abs(sum)) { // bounds the geometric tail
                return sum;
            }
        }
        throw new IllegalStateException("2F1 series did not converge in " + MAX_TERMS + " terms");
    }
}
