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
 * on a crosshair counts as <b>high</b>.
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
        return classify(importance, performance, mean(importance), mean(performance));
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
        List<Integer> order = new ArrayList<>();
        double[] priority = new double[importance.length];
        for (int i = 0; i < importance.length; i++) {
            order.add(i);
            priority[i] = importance[i] * Math.max(0.0, target - performance[i]);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -priority[i]));
        return order.stream().mapToInt(Integer::intValue).toArray();
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

    private static double mean(double[] v) {
        double s = 0.0;
        for (double e : v) {
            s += e;
        }
        return s / v.length;
    }
}
