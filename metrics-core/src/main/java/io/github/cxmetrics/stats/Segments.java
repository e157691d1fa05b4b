package io.github.cxmetrics.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One metric measured in several segments (channels, regions, plans) of one sample, compared without
 * fooling anyone: each segment against the rest, each against the overall, and all pairs, every family
 * adjusted for multiplicity ({@link PValueAdjustment#HOLM} unless another is chosen), and a test of
 * homogeneity across all segments.
 *
 * <p><b>Segment vs rest.</b> The segments are independent samples, so segment {@code c} is tested
 * against the pooled sample of all other segments: {@code M_c − M_rest} with the metric's own
 * two-sample test (a z test on the ±1/0 scores for NPS, the pooled two-proportion z test for CSAT,
 * Welch's t test for means).
 *
 * <p><b>Segment vs overall.</b> When the overall is the pooled, weight-share-weighted value of all
 * segments — as for NPS, CSAT and weighted means — then with {@code w = W_c/W} the segment's share of
 * the total weight,
 * <pre>{@code
 * M_all = w·M_c + (1 − w)·M_rest,    so    M_c − M_all = (1 − w)·(M_c − M_rest)
 * SE(M_c − M_all) = (1 − w)·SE(M_c − M_rest)
 * }</pre>
 * and the test statistic and p-value of "segment vs overall" are exactly those of "segment vs rest".
 * {@link #versusOverall(PValueAdjustment)} therefore reports the difference from the overall with that
 * standard error and tests it as segment vs rest. A two-independent-sample test of a segment against an
 * overall that contains it would be wrong (its samples overlap), and this class never makes one. The
 * identity is checked on the numbers: if a metric's overall is not the weight-share mean of segment
 * and rest, {@code versusOverall} throws instead of reporting a wrong standard error. (Reference: the
 * identity is elementary; it is spelled out in the cxmetrics research notes, mission-next §3.1.)
 *
 * <p><b>All pairs.</b> {@code k(k − 1)/2} independent two-sample tests, {@code A − B} for segment
 * {@code A} listed before {@code B}.
 *
 * <p>The segments are kept in the iteration order of the map they came from. The metric type {@code M}
 * is described by a {@link Measure}; the survey metrics provide theirs ({@code Nps.segments},
 * {@code Csat.segments}, {@code Ces.segments}), and {@link #measure(String, BinaryOperator, Function,
 * ToDoubleFunction)} builds one for any metric that pools and yields an {@link Estimate}.
 *
 * <p>Instances are immutable if the metric values are.
 *
 * @param <M> the metric type of a segment
 * @since 0.2.0
 */
public final class Segments<M> {

    /** Relative tolerance of the check that the overall is the weight-share mean of segment and rest. */
    private static final double IDENTITY_TOLERANCE = 1e-9;

    /**
     * What {@link Segments} needs to know of a metric: how to pool two samples, how to compare two
     * independent samples, its value and its total weight.
     *
     * @param <M> the metric type
     */
    public interface Measure<M> {

        /**
         * The metric's name, used in titles ({@code "NPS"}).
         *
         * @return the name
         */
        String name();

        /**
         * The metric of the two samples pooled.
         *
         * @param a a sample
         * @param b another sample
         * @return the pooled sample's metric
         */
        M combine(M a, M b);

        /**
         * The two-sample comparison {@code other − baseline} of independent samples.
         *
         * @param baseline the baseline
         * @param other the other sample
         * @return the difference
         */
        Difference compare(M baseline, M other);

        /**
         * The metric's value, in the unit of its differences.
         *
         * @param m a sample
         * @return its value
         */
        double value(M m);

        /**
         * The sample's total weight (its number of responses when unweighted): the weight of a
         * segment in the pooled overall.
         *
         * @param m a sample
         * @return the total weight, {@code >= 0}
         */
        double weight(M m);

        /**
         * The respondents of the sample per category (e.g. detractors, passives, promoters), for the
         * homogeneity test; {@code null} if the metric has no categories.
         *
         * @param m a sample
         * @return the counts, or {@code null}
         * @throws IllegalStateException if the sample is weighted (a χ² test of weighted counts is not
         *     valid)
         */
        default long[] categoryCounts(M m) {
            return null;
        }
    }

    private final Measure<M> measure;
    private final Map<String, M> segments;
    private final M overall;

    private Segments(Measure<M> measure, Map<String, M> segments, M overall) {
        this.measure = measure;
        this.segments = segments;
        this.overall = overall;
    }

    /**
     * The segments of one sample.
     *
     * @param <M> the metric type
     * @param segments segment name → its metric, at least 2, in the order to report them; copied
     * @param measure how to pool and compare the metric
     * @return the segments
     * @throws NullPointerException if an argument, a name or a value is null
     * @throws IllegalArgumentException if there are fewer than 2 segments
     */
    public static <M> Segments<M> of(Map<String, ? extends M> segments, Measure<M> measure) {
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(measure, "measure");
        if (segments.size() < 2) {
            throw new IllegalArgumentException("comparing segments needs at least 2 segments, was "
                    + segments.size() + (segments.isEmpty() ? "" : " (" + segments.keySet() + ")"));
        }
        Map<String, M> copy = new LinkedHashMap<>();
        M overall = null;
        for (Map.Entry<String, ? extends M> e : segments.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "segment name");
            M value = Objects.requireNonNull(e.getValue(), () -> "segment '" + name + "'");
            copy.put(name, value);
            overall = overall == null ? value : measure.combine(overall, value);
        }
        return new Segments<>(measure, Collections.unmodifiableMap(copy), overall);
    }

    /**
     * A measure for any metric that pools and yields an {@link Estimate}: differences are
     * {@link Difference#between(Estimate, Estimate)} (a z test, or Welch's t with finite degrees of
     * freedom).
     *
     * @param <M> the metric type
     * @param name the metric's name
     * @param combine pools two samples
     * @param estimate the metric's estimate of a sample
     * @param weight the sample's total weight
     * @return the measure
     * @throws NullPointerException if an argument is null
     */
    public static <M> Measure<M> measure(String name, BinaryOperator<M> combine,
            Function<? super M, Estimate> estimate, ToDoubleFunction<? super M> weight) {
        Objects.requireNonNull(estimate, "estimate");
        return measure(name, combine, (a, b) -> Difference.between(estimate.apply(a), estimate.apply(b)),
                m -> estimate.apply(m).value(), weight);
    }

    /**
     * A measure from its parts, without categories (its {@link #homogeneity()} is undefined).
     *
     * @param <M> the metric type
     * @param name the metric's name
     * @param combine pools two samples
     * @param compare {@code (baseline, other) → other − baseline}
     * @param value the metric's value
     * @param weight the sample's total weight
     * @return the measure
     * @throws NullPointerException if an argument is null
     */
    public static <M> Measure<M> measure(String name, BinaryOperator<M> combine,
            BiFunction<? super M, ? super M, Difference> compare, ToDoubleFunction<? super M> value,
            ToDoubleFunction<? super M> weight) {
        return measure(name, combine, compare, value, weight, m -> null);
    }

    /**
     * A measure from its parts, with the respondents per category for the homogeneity test.
     *
     * @param <M> the metric type
     * @param name the metric's name
     * @param combine pools two samples
     * @param compare {@code (baseline, other) → other − baseline}
     * @param value the metric's value
     * @param weight the sample's total weight
     * @param categories the respondents of a sample per category, as {@link Measure#categoryCounts};
     *     it may return null (no categories) or throw {@link IllegalStateException} (weighted sample)
     * @return the measure
     * @throws NullPointerException if an argument is null
     * @since 0.2.0
     */
    public static <M> Measure<M> measure(String name, BinaryOperator<M> combine,
            BiFunction<? super M, ? super M, Difference> compare, ToDoubleFunction<? super M> value,
            ToDoubleFunction<? super M> weight, Function<? super M, long[]> categories) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(combine, "combine");
        Objects.requireNonNull(compare, "compare");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(categories, "categories");
        return new Measure<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public M combine(M a, M b) {
                return combine.apply(a, b);
            }

            @Override
            public Difference compare(M baseline, M other) {
                return compare.apply(baseline, other);
            }

            @Override
            public double value(M m) {
                return value.applyAsDouble(m);
            }

            @Override
            public double weight(M m) {
                return weight.applyAsDouble(m);
            }

            @Override
            public long[] categoryCounts(M m) {
                return categories.apply(m);
            }
        };
    }

    /**
     * The segment names, in report order.
     *
     * @return an unmodifiable list
     */
    public List<String> names() {
        return List.copyOf(segments.keySet());
    }

    /**
     * The metric of a segment.
     *
     * @param name the segment
     * @return its metric
     * @throws IllegalArgumentException if there is no such segment (the message lists them)
     */
    public M segment(String name) {
        M m = segments.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no segment '" + name + "'; the segments are: "
                    + String.join(", ", segments.keySet()));
        }
        return m;
    }

    /**
     * The metric of all segments pooled.
     *
     * @return the overall metric
     */
    public M overall() {
        return overall;
    }

    /**
     * The metric of all segments but one, pooled.
     *
     * @param name the segment left out
     * @return the rest's metric
     * @throws IllegalArgumentException if there is no such segment
     */
    public M rest(String name) {
        segment(name);
        M rest = null;
        for (Map.Entry<String, M> e : segments.entrySet()) {
            if (!e.getKey().equals(name)) {
                rest = rest == null ? e.getValue() : measure.combine(rest, e.getValue());
            }
        }
        return rest;
    }

    /**
     * Each segment against the rest, Holm-adjusted.
     *
     * @return the family, one comparison {@code segment − rest} per segment
     * @throws IllegalStateException if a comparison is undefined (e.g. an empty segment); the message
     *     names the segment
     */
    public Comparisons versusRest() {
        return versusRest(PValueAdjustment.HOLM);
    }

    /**
     * Each segment against the rest.
     *
     * @param adjustment the multiplicity adjustment
     * @return the family, one comparison {@code segment − rest} per segment, reference {@code "rest"}
     * @throws NullPointerException if {@code adjustment} is null
     * @throws IllegalStateException if a comparison is undefined (e.g. an empty segment); the message
     *     names the segment
     */
    public Comparisons versusRest(PValueAdjustment adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        Comparisons.Builder b = Comparisons.builder(measure.name() + ": segment vs rest");
        for (String name : segments.keySet()) {
            b.add(name, "rest", versusRest(name, rest(name)));
        }
        return b.build(adjustment);
    }

    private Difference versusRest(String name, M rest) {
        try {
            return measure.compare(rest, segments.get(name));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("segment '" + name + "' vs rest: " + e.getMessage(), e);
        }
    }

    /**
     * Each segment against the pooled overall, Holm-adjusted.
     *
     * @return the family
     * @throws IllegalStateException as {@link #versusOverall(PValueAdjustment)}
     */
    public Comparisons versusOverall() {
        return versusOverall(PValueAdjustment.HOLM);
    }

    /**
     * Each segment against the pooled overall: the difference {@code M_c − M_all} with standard error
     * {@code (1 − w)·SE(M_c − M_rest)}, tested as segment vs rest (same statistic, degrees of freedom
     * and p-value; see the class comment).
     *
     * @param adjustment the multiplicity adjustment
     * @return the family, one comparison per segment, reference {@code "overall"}
     * @throws NullPointerException if {@code adjustment} is null
     * @throws IllegalStateException if a comparison is undefined (e.g. an empty segment), if the total
     *     weight is 0, or if the overall is not the weight-share mean of a segment and its rest (then
     *     the identity above fails and only {@link #versusRest(PValueAdjustment)} is valid); the
     *     message names the segment
     */
    public Comparisons versusOverall(PValueAdjustment adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        double total = measure.weight(overall);
        if (!(total > 0.0 && total < Double.POSITIVE_INFINITY)) {
            throw new IllegalStateException(measure.name() + ": the total weight of the segments is " + total
                    + "; segment vs overall needs a positive total weight");
        }
        double all = measure.value(overall);
        Comparisons.Builder b = Comparisons.builder(measure.name() + ": segment vs overall (tested as vs rest)");
        for (Map.Entry<String, M> e : segments.entrySet()) {
            String name = e.getKey();
            M others = rest(name);
            Difference vsRest = versusRest(name, others);
            double w = measure.weight(e.getValue()) / total;
            double own = measure.value(e.getValue());
            double rest = measure.value(others);
            double pooled = w * own + (1.0 - w) * rest;
            double scale = Math.max(1.0, Math.max(Math.abs(own), Math.abs(rest)));
            if (!(Math.abs(pooled - all) <= IDENTITY_TOLERANCE * scale)) {
                throw new IllegalStateException("segment '" + name + "' vs overall: the overall " + measure.name()
                        + " " + all + " is not the weight-share mean " + pooled + " of the segment (" + own
                        + ", weight share " + w + ") and the rest (" + rest
                        + "), so its standard error is not (1 − w)·SE(segment − rest); compare with the rest");
            }
            b.add(name, "overall", new Difference(own - all, (1.0 - w) * vsRest.standardError(), vsRest.statistic(),
                    vsRest.degreesOfFreedom()));
        }
        return b.build(adjustment);
    }

    /**
     * All pairs of segments, Holm-adjusted.
     *
     * @return the family
     * @throws IllegalStateException as {@link #allPairs(PValueAdjustment)}
     */
    public Comparisons allPairs() {
        return allPairs(PValueAdjustment.HOLM);
    }

    /**
     * All {@code k(k − 1)/2} pairs: for segments {@code A} before {@code B} in report order, the
     * comparison {@code A − B} (subject {@code A}, reference {@code B}).
     *
     * @param adjustment the multiplicity adjustment
     * @return the family
     * @throws NullPointerException if {@code adjustment} is null
     * @throws IllegalStateException if a comparison is undefined (e.g. an empty segment); the message
     *     names the pair
     */
    public Comparisons allPairs(PValueAdjustment adjustment) {
        Objects.requireNonNull(adjustment, "adjustment");
        List<String> names = new ArrayList<>(segments.keySet());
        Comparisons.Builder b = Comparisons.builder(measure.name() + ": all pairs");
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = names.get(i);
                String c = names.get(j);
                Difference d;
                try {
                    d = measure.compare(segments.get(c), segments.get(a));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    throw new IllegalStateException(a + " vs " + c + ": " + e.getMessage(), e);
                }
                b.add(a, c, d);
            }
        }
        return b.build(adjustment);
    }

    /**
     * Pearson's χ² test that all segments share one distribution over the metric's categories
     * (detractor/passive/promoter for NPS, satisfied or not for CSAT, the rating points for CES); see
     * {@link Homogeneity}.
     *
     * @return the test
     * @throws IllegalStateException if the metric has no categories, a segment is weighted, or fewer
     *     than 2 non-empty segments or observed categories remain
     */
    public Homogeneity homogeneity() {
        return homogeneity(Homogeneity.Method.PEARSON);
    }

    /**
     * The homogeneity test by the given statistic.
     *
     * @param method Pearson's χ² or the likelihood-ratio G
     * @return the test
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalStateException if the metric has no categories, a segment is weighted, or fewer
     *     than 2 non-empty segments or observed categories remain
     */
    public Homogeneity homogeneity(Homogeneity.Method method) {
        Objects.requireNonNull(method, "method");
        long[][] table = new long[segments.size()][];
        int i = 0;
        for (Map.Entry<String, M> e : segments.entrySet()) {
            long[] counts;
            try {
                counts = measure.categoryCounts(e.getValue());
            } catch (IllegalStateException ex) {
                throw new IllegalStateException("segment '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
            if (counts == null) {
                throw new IllegalStateException(measure.name() + " has no categories to test homogeneity on");
            }
            table[i++] = counts;
        }
        return Homogeneity.of(method, table);
    }

    /**
     * The segments with their metrics and the overall.
     *
     * @return a summary
     */
    @Override
    public String toString() {
        return measure.name() + " in " + segments.size() + " segments " + segments.keySet();
    }
}
