package io.github.cxmetrics.internal.math;

/**
 * The Gauss hypergeometric function {@code ₂F₁(a, b; c; z) = Σ_k (a)_k (b)_k / ((c)_k k!) z^k} for
 * {@code 0 <= z < 1} (DLMF 15.2.1), by its power series with the term-ratio recurrence
 * {@code t_(k+1) = t_k · (a + k)(b + k) / ((c + k)(k + 1)) · z}.
 *
 * <p>Where {@code c − a − b < 0} the terms first grow like {@code k^(a+b−c−1)} and the sum converges
 * slowly near {@code z = 1}; there Euler's transformation
 * {@code ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z)} (DLMF 15.8.1) is applied first, whose
 * series has decaying terms. The number of terms is bounded; if the series has not converged by then
 * an {@link ArithmeticException} says so.
 */
public final class Hypergeometric {

    private static final int MAX_TERMS = 1_000_000;

    private Hypergeometric() {
    }

    /**
     * {@code ₂F₁(a, b; c; z)} for {@code 0 <= z < 1} and {@code c > 0}.
     *
     * @param a first numerator parameter
     * @param b second numerator parameter
     * @param c denominator parameter, {@code > 0}
     * @param z the argument, in {@code [0, 1)}
     * @return the function value
     * @throws IllegalArgumentException if {@code z} is outside [0, 1) or {@code c <= 0}
     * @throws ArithmeticException if the series does not converge within its term budget
     */
    public static double f21(double a, double b, double c, double z) {
        if (!(z >= 0.0 && z < 1.0)) {
            throw new IllegalArgumentException("z must be in [0, 1), was " + z);
        }
        if (!(c > 0.0)) {
            throw new IllegalArgumentException("c must be > 0, was " + c);
        }
        if (c - a - b < 0.0 && z > 0.5) {
            return Math.pow(1.0 - z, c - a - b) * series(c - a, c - b, c, z);
        }
        return series(a, b, c, z);
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
        throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms (a=" + a + ", b=" + b
                + ", c=" + c + ", z=" + z + ")");
    }
}
