package io.github.cxmetrics.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Exact sample quantiles of a (small) set of values — response or handle times — by a named
 * {@link QuantileType}: the values are kept sorted, so any quantile is exact to the definition.
 * Memory is one double per value; for large or distributed streams use a mergeable sketch, and
 * this class to check it.
 *
 * <p>Instances are immutable and keep no reference to the caller's array.
 *
 * @since 0.2.0
 */
public final class ExactQuantiles {

    private static final double FUZZ = 4.0 * Math.ulp(1.0);

    private final double[] sorted;

    private ExactQuantiles(double[] sorted) {
        this.sorted = sorted;
    }

    /**
     * The quantiles of some values.
     *
     * @param values finite values, in any order (copied)
     * @return the quantiles
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if a value is NaN or infinite (the message gives its index)
     */
    public static ExactQuantiles of(double... values) {
        Objects.requireNonNull(values, "values");
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value must be finite, was " + values[i] + " (index " + i + ")");
            }
            copy[i] = values[i] + 0.0;
        }
        Arrays.sort(copy);
        return new ExactQuantiles(copy);
    }

    /**
     * The number of values.
     *
     * @return n
     */
    public int count() {
        return sorted.length;
    }

    /**
     * Whether there is no value.
     *
     * @return {@code count() == 0}
     */
    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * The sorted values.
     *
     * @return a copy, ascending
     */
    public double[] sortedValues() {
        return sorted.clone();
    }

    /**
     * The p-quantile by a definition (see {@link QuantileType}), as R's
     * {@code quantile(x, p, type = k)} computes it.
     *
     * @param p the probability, in {@code [0, 1]}
     * @param type the definition
     * @return the quantile, between the smallest and the largest value, non-decreasing in p
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if {@code p} is not in {@code [0, 1]}
     * @throws IllegalStateException if there is no value
     */
    public double quantile(double p, QuantileType type) {
        Objects.requireNonNull(type, "type");
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("p must be in [0, 1], was " + p);
        }
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalStateException("quantile of an empty sample is undefined");
        }
        if (type == QuantileType.TYPE_7) {
            double index = 1.0 + (n - 1) * p;
            int lo = (int) Math.floor(index);
            int hi = (int) Math.ceil(index);
            double q = x(lo);
            double h = index - lo;
            return index > lo && x(hi) != q ? (1.0 - h) * q + h * x(hi) : q;
        }
        double h;
        long j;
        if (type == QuantileType.TYPE_1 || type == QuantileType.TYPE_2) {
            double nppm = n * p;
            j = (long) Math.floor(nppm + FUZZ);
            boolean above = nppm > j;
            h = type == QuantileType.TYPE_1 ? (above ? 1.0 : 0.0) : (above ? 2.0 : 1.0) / 2.0;
        } else {
            double a = type == QuantileType.TYPE_6 ? 0.0 : 1.0 / 3.0;
            double nppm = a + p * (n + 1 - a - a);
            j = (long) Math.floor(nppm + FUZZ);
            h = nppm - j;
            if (Math.abs(h) < FUZZ) {
                h = 0.0;
            }
        }
        // R pads x as (x1, x1, x..., xn, xn) and reads x[j + 2], x[j + 3] (1-based): x_j and x_{j+1}, clamped
        double lower = x(j);
        double upper = x(j + 1);
        if (h == 0.0) {
            return lower;
        }
        if (h == 1.0) {
            return upper;
        }
        return lower != upper ? (1.0 - h) * lower + h * upper : lower;
    }

    /** x_k, 1-based, clamped to [1, n]. */
    private double x(long k) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    /**
     * Equal when the values are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExactQuantiles && Arrays.equals(((ExactQuantiles) o).sorted, sorted);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code ExactQuantiles[n=20, min=7.0, max=240.0]}
     */
    @Override
    public String toString() {
        return isEmpty() ? "ExactQuantiles[n=0]"
                : String.format(Locale.ROOT, "ExactQuantiles[n=%d, min=%s, max=%s]", sorted.length, sorted[0],
                        sorted[sorted.length - 1]);
    }
}
