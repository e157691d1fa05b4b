package io.github.cxmetrics.clv;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Exact sums of doubles, rounded once: the day totals of {@link RfmSummary#fromTransactions} and
 * {@link RfmAccumulator}, which must not depend on the order in which a day's amounts arrive.
 *
 * <p>A running sum is kept as <em>partials</em>: doubles of strictly increasing magnitude whose
 * significands do not overlap (each partial is smaller than the lowest set bit of the next) and whose
 * exact, unrounded sum is the sum of everything added. Adding a value runs the error-free
 * transformation 2Sum (Knuth, TAOCP vol. 2, §4.2.2, Theorem B) against each partial in turn and
 * keeps the non-zero rounding errors: Shewchuk's grow-expansion with zero elimination (J. R.
 * Shewchuk, "Adaptive precision floating-point arithmetic and fast robust geometric predicates",
 * Discrete &amp; Computational Geometry 18, 1997, §2.5). At most about 40 partials are ever needed,
 * because non-overlapping significands span the 2 098-bit range of doubles. The total is the exact sum
 * rounded to the nearest double (ties to even), computed with {@link BigDecimal} when there are more
 * than two partials.
 */
final class ExactSum {

    private ExactSum() {
    }

    /** Whether {@code a + b} is exact in double: the rounding error of 2Sum (Knuth) is zero. */
    static boolean exactSum(double a, double b) {
        double hi = a + b;
        double bb = hi - a;
        return (a - (hi - bb)) + (b - bb) == 0.0;
    }

    /**
     * Adds {@code x} to the partials {@code p[from, to)} in place; the result occupies
     * {@code p[from, end)} for the returned {@code end <= to + 1} ({@code p} needs room for one more).
     * Zero partials are dropped, so an exactly zero sum has no partials.
     *
     * @return the new end, or {@code -1} if an intermediate sum overflowed (then {@code p} is
     *     unspecified: callers work on a copy)
     */
    static int add(double[] p, int from, int to, double x) {
        int i = from;
        for (int j = from; j < to; j++) {
            double y = p[j];
            double hi = x + y;
            if (Double.isInfinite(hi)) {
                return -1;
            }
            double yy = hi - x;
            double lo = (x - (hi - yy)) + (y - yy);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        if (x != 0.0) {
            p[i++] = x;
        }
        return i;
    }

    /**
     * The exact sum of {@code p[from, to)} rounded to the nearest double; {@code ±Infinity} when it is
     * beyond the range of a double. Exact for any doubles, partials or not.
     */
    static double round(double[] p, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return 0.0;
        }
        if (n == 1) {
            return p[from] + 0.0;
        }
        if (n == 2) {
            return p[from] + p[from + 1]; // IEEE addition rounds the exact sum of its two operands once
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int k = from; k < to; k++) {
            sum = sum.add(new BigDecimal(p[k]));
        }
        return sum.doubleValue() + 0.0;
    }

    /**
     * The exact sum of {@code values[0, n)} rounded once, whatever the order of the values;
     * {@code ±Infinity} when it is beyond the range of a double.
     */
    static double sum(double[] values, int n) {
        if (n <= 2) {
            return round(values, 0, n);
        }
        double[] p = new double[Math.min(n, 64) + 1];
        int end = 0;
        for (int k = 0; k < n; k++) {
            if (end == p.length - 1) {
                p = Arrays.copyOf(p, 2 * p.length);
            }
            end = add(p, 0, end, values[k]);
            if (end < 0) {
                // a partial sum overflowed (amounts near Double.MAX_VALUE): add exactly instead
                BigDecimal exact = BigDecimal.ZERO;
                for (int j = 0; j < n; j++) {
                    exact = exact.add(new BigDecimal(values[j]));
                }
                return exact.doubleValue() + 0.0;
            }
        }
        return round(p, 0, end);
    }

    /**
     * Whether {@code a} lies wholly below the lowest set bit of {@code b}: {@code |a|} is less than the
     * value of {@code b}'s least significant one bit (both finite, {@code b != 0}).
     */
    static boolean below(double a, double b) {
        return Math.abs(a) < lowestBit(b);
    }

    /** The value of the least significant set bit of a finite non-zero double. */
    static double lowestBit(double b) {
        long bits = Double.doubleToRawLongBits(b) & 0x7FFF_FFFF_FFFF_FFFFL;
        int biased = (int) (bits >>> 52);
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        int exponent;
        if (biased == 0) {
            exponent = -1074;
        } else {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }
        return Math.scalb(1.0, exponent + Long.numberOfTrailingZeros(mantissa));
    }
}
