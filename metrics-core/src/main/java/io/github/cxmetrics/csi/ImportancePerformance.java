package io.github.cxmetrics.csi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Importance–performance analysis (Martilla &amp; James 1977, "Importance-performance analysis",
 * <i>Journal of Marketing</i> 41(1):77–79): each attribute is placed in one of four quadrants by its
 * importance and its performance, relative to crosshairs.
 *
 * <pre>{@code
 *                    performance low        performance high
 * importance high    CONCENTRATE_HERE       KEEP_UP_THE_GOOD_WORK
 * importance low     LOW_PRIORITY           POSSIBLE_OVERKILL
 * }</pre>
 * By default the crosshairs sit at the mean importance and the mean performance over the attributes
 * (the data-centred placement); callers may pass their own, e.g. the scale midpoint. A value exactly
 * on a crosshair counts as <b>high</b>. The means are computed without overflow for any finite
 * values (the values are brought near 1 by a power of two before they are summed), so the mean of
 * {@code 1e308} and {@code 1.7e308} is {@code 1.35e308}.
 *
 * @since 0.1.0
 */
public final class ImportancePerformance {

    /**
     * The four quadrants of the importance–performance grid.
     *
     * @since 0.1.0
     */
    public enum Quadrant {
        /** High importance, low performance: fix these first. */
        CONCENTRATE_HERE,
        /** High importance, high performance. */
        KEEP_UP_THE_GOOD_WORK,
        /** Low importance, low performance. */
        LOW_PRIORITY,
        /** Low importance, high performance: resources may be better spent elsewhere. */
        POSSIBLE_OVERKILL
    }

    private ImportancePerformance() {
    }

    /**
     * Classifies each attribute with crosshairs at the means of importance and of performance.
     *
     * @param importance one importance per attribute (any unit: stated, derived)
     * @param performance one performance per attribute (e.g. mean rating), same length
     * @return one quadrant per attribute, in order; unmodifiable
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, are 0, or a value is NaN or infinite
     */
    public static List<Quadrant> classify(double[] importance, double[] performance) {
        check(importance, performance);
        return quadrants(importance, performance, mean(importance), mean(performance));
    }

    /**
     * The crosshairs {@link #classify(double[], double[])} uses: the mean importance and the mean
     * performance over the attributes (Martilla &amp; James 1977), for drawing the quadrants.
     *
     * @param importance one importance per attribute
     * @param performance one performance per attribute, same length
     * @return {@code {mean importance, mean performance}}, a new array
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, are 0, or a value is NaN or infinite
     * @since 0.2.0
     */
    public static double[] crosshairs(double[] importance, double[] performance) {
        check(importance, performance);
        return new double[] {mean(importance), mean(performance)};
    }

    /**
     * Classifies each attribute with given crosshairs.
     *
     * @param importance one importance per attribute
     * @param performance one performance per attribute, same length
     * @param importanceCrosshair importance at or above which an attribute counts as important
     * @param performanceCrosshair performance at or above which an attribute counts as performing
     * @return one quadrant per attribute, in order; unmodifiable
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, are 0, or a value is NaN or infinite
     */
    public static List<Quadrant> classify(double[] importance, double[] performance, double importanceCrosshair,
            double performanceCrosshair) {
        check(importance, performance);
        finite("importanceCrosshair", importanceCrosshair);
        finite("performanceCrosshair", performanceCrosshair);
        return quadrants(importance, performance, importanceCrosshair, performanceCrosshair);
    }

    private static List<Quadrant> quadrants(double[] importance, double[] performance, double importanceCrosshair,
            double performanceCrosshair) {
        List<Quadrant> out = new ArrayList<>(importance.length);
        for (int i = 0; i < importance.length; i++) {
            boolean important = importance[i] >= importanceCrosshair;
            boolean performing = performance[i] >= performanceCrosshair;
            out.add(important ? (performing ? Quadrant.KEEP_UP_THE_GOOD_WORK : Quadrant.CONCENTRATE_HERE)
                    : (performing ? Quadrant.POSSIBLE_OVERKILL : Quadrant.LOW_PRIORITY));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Ranks attributes by priority: {@code importance_i · max(0, target − performance_i)}, largest
     * first; ties keep the attributes' order. With {@code target} the top of the rating scale this
     * is the importance-weighted room for improvement.
     *
     * <p>This ranking is the library's own definition, not Martilla &amp; James's (their grid
     * classifies, it does not rank). It is the importance-weighted gap familiar from weighted
     * SERVQUAL scores (Zeithaml, Parasuraman &amp; Berry 1990, <i>Delivering Quality Service</i>),
     * with the gap measured against a target instead of an expectation; Slack (1994), "The
     * importance-performance matrix as a determinant of improvement priority", <i>International
     * Journal of Operations &amp; Production Management</i> 14(5):59–75, discusses priority from
     * the same two quantities. The products are compared exactly as a double product would be,
     * but without overflow or underflow: a shortfall of {@code 2e308} or a priority of
     * {@code 1e-400} still ranks correctly.
     *
     * @param importance one non-negative importance per attribute
     * @param performance one performance per attribute, same length
     * @param target the performance that counts as no shortfall (e.g. the scale maximum)
     * @return attribute indices, highest priority first
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, are 0, a value is NaN or infinite, or
     *     an importance is negative
     */
    public static int[] priorities(double[] importance, double[] performance, double target) {
        check(importance, performance);
        finite("target", target);
        for (int i = 0; i < importance.length; i++) {
            if (importance[i] < 0.0) {
                throw new IllegalArgumentException("importance[" + i + "] must be >= 0 for a priority ranking, was "
                        + importance[i]);
            }
        }
        int n = importance.length;
        // priority_i = mantissa_i · 2^exponent_i, mantissa in [1, 2) (or 0 for no priority)
        double[] mantissa = new double[n];
        long[] exponent = new long[n];
        for (int i = 0; i < n; i++) {
            double shortfall = target - performance[i];
            int extra = 0;
            if (Double.isInfinite(shortfall)) { // both finite, so halving them makes the difference finite
                shortfall = target / 2 - performance[i] / 2;
                extra = 1;
            }
            if (!(shortfall > 0.0) || importance[i] == 0.0) {
                continue;
            }
            double p = fraction(importance[i]) * fraction(shortfall);
            long e = (long) exponentOf(importance[i]) + exponentOf(shortfall) + extra;
            if (p >= 2.0) {
                p /= 2.0;
                e++;
            }
            mantissa[i] = p;
            exponent[i] = e;
        }
        Comparator<Integer> byPriority = (x, y) -> {
            if (mantissa[x] == 0.0 || mantissa[y] == 0.0) {
                return Boolean.compare(mantissa[x] == 0.0, mantissa[y] == 0.0);
            }
            int c = Long.compare(exponent[y], exponent[x]);
            return c != 0 ? c : Double.compare(mantissa[y], mantissa[x]);
        };
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(byPriority);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The binary exponent of a positive finite value, also for subnormals. */
    private static int exponentOf(double v) {
        return v >= Double.MIN_NORMAL ? Math.getExponent(v) : Math.getExponent(v * 0x1p54) - 54;
    }

    /** The significand of a positive finite value, in [1, 2). */
    private static double fraction(double v) {
        return v >= Double.MIN_NORMAL ? Math.scalb(v, -Math.getExponent(v))
                : Math.scalb(v * 0x1p54, -exponentOf(v) - 54);
    }

    private static void check(double[] importance, double[] performance) {
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(performance, "performance");
        if (importance.length != performance.length) {
            throw new IllegalArgumentException("importance has " + importance.length + " values but performance has "
                    + performance.length);
        }
        if (importance.length == 0) {
            throw new IllegalArgumentException("at least one attribute is needed");
        }
        for (int i = 0; i < importance.length; i++) {
            finite("importance[" + i + "]", importance[i]);
            finite("performance[" + i + "]", performance[i]);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, was " + v);
        }
    }

    /**
     * The mean, without overflow: the values are scaled by a power of two near 1/max|v| first; the
     * result is kept within [min, max], where the exact mean lies.
     */
    private static double mean(double[] v) {
        double largest = 0.0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double e : v) {
            largest = Math.max(largest, Math.abs(e));
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
        }
        if (largest == 0.0) {
            return 0.0;
        }
        int shift = -Math.getExponent(largest);
        double s = 0.0;
        for (double e : v) {
            s += Math.scalb(e, shift);
        }
        return Math.max(lo, Math.min(hi, Math.scalb(s / v.length, -shift)));
    }
}
