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
        return Math.exp(lnMean);
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
