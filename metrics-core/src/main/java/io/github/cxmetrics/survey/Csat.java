package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import io.github.cxmetrics.stats.Proportion;
import io.github.cxmetrics.stats.Segments;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Customer Satisfaction (CSAT): the percentage of respondents who are satisfied.
 *
 * <pre>{@code
 * CSAT = 100 · Σ_{x ≥ s} w_x / Σ w          s = satisfiedFrom, the lowest "satisfied" point
 * }</pre>
 * Unit: percent, 0…100. <b>Which points count as satisfied is a convention, not a standard</b>, so it
 * is always visible: {@link #of(RatingDistribution)} takes the <b>top two points</b> of the scale
 * (1–5 → 4–5, 1–7 → 6–7, 1–10 and 0–10 → 9–10), the "top-two-box" convention common in survey
 * practice; {@link #of(RatingDistribution, int)} takes any other cut-off, e.g. {@code 5} on 1–5 for "very satisfied only". {@link #mean()}
 * reports the mean rating alongside, for the many reports that quote CSAT as an average score.
 *
 * <h2>Uncertainty</h2>
 * CSAT is a binomial proportion, so {@link #confidenceInterval(double)} is Wilson's score interval
 * (Wilson 1927), which keeps its coverage near 0 % and 100 % where the Wald interval collapses
 * (Brown, Cai &amp; DasGupta 2001, <i>Statistical Science</i> 16:101–133); Agresti–Coull,
 * Clopper–Pearson (exact), Jeffreys and Wald are available by explicit choice. Formulas are in
 * {@link Proportion}. All bounds are in percent, clipped to [0, 100]. Weighted responses use the
 * weighted share and Kish's effective size {@code n_eff = (Σw)²/Σw²} wherever uncertainty appears.
 *
 * <h2>Empty samples</h2>
 * A CSAT of no responses exists ({@link #isEmpty()}); its score, mean and estimates throw
 * {@link IllegalStateException}.
 *
 * <p>Instances are immutable values.
 *
 * @since 0.1.0
 */
public final class Csat {

    private final RatingDistribution distribution;
    private final int satisfiedFrom;
    private final long satisfied;
    private final double satisfiedWeight;

    private Csat(RatingDistribution distribution, int satisfiedFrom) {
        this.distribution = distribution;
        this.satisfiedFrom = satisfiedFrom;
        long[] counts = distribution.countsView();
        double[] weights = distribution.weightsView();
        long count = 0;
        double weight = 0.0;
        // on indices: a loop on points up to scale.max() never ends when max is Integer.MAX_VALUE
        for (int i = satisfiedFrom - distribution.scale().min(); i < counts.length; i++) {
            count += counts[i];
            weight += weights[i];
        }
        this.satisfied = count;
        this.satisfiedWeight = weight;
    }

    /**
     * The top-two-box CSAT: satisfied are the two highest points of the scale.
     *
     * @param distribution the ratings, on a scale of at least 3 points
     * @return the CSAT with {@code satisfiedFrom = scale.max() − 1}
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if the scale has fewer than 3 points (the top two boxes
     *     would be the whole scale)
     */
    public static Csat of(RatingDistribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        Scale scale = distribution.scale();
        requireTopTwo(scale);
        return new Csat(distribution, scale.max() - 1);
    }

    /**
     * The top-two-box CSAT of unweighted ratings on a scale: {@code Csat.of(RatingDistribution.of(scale,
     * ratings))}. The scale is an argument because which points are "satisfied" depends on it.
     *
     * @param scale the scale of the ratings, of at least 3 points
     * @param ratings the ratings, each on the scale
     * @return the CSAT with {@code satisfiedFrom = scale.max() − 1} (empty if there are no ratings)
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a rating is not on the scale (the message names the first
     *     such rating, its index and the scale) or the scale has fewer than 3 points
     */
    public static Csat of(Scale scale, int... ratings) {
        return of(RatingDistribution.of(scale, ratings));
    }

    /**
     * A collector of unweighted ratings into a top-two-box CSAT on a scale. It works under
     * {@link Collectors#groupingBy} and on parallel streams; partial results are merged exactly.
     *
     * @param <T> the element type
     * @param scale the scale of the ratings, of at least 3 points
     * @param rating the rating of an element
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale has fewer than 3 points; at collection time, if a
     *     rating is off the scale
     */
    public static <T> Collector<T, ?, Csat> collector(Scale scale, ToIntFunction<? super T> rating) {
        requireTopTwo(Objects.requireNonNull(scale, "scale"));
        return Collectors.collectingAndThen(RatingDistribution.collector(scale, rating), Csat::of);
    }

    /**
     * A collector of weighted ratings into a top-two-box CSAT on a scale; as
     * {@link #collector(Scale, ToIntFunction)}.
     *
     * @param <T> the element type
     * @param scale the scale of the ratings, of at least 3 points
     * @param rating the rating of an element
     * @param weight the survey weight of an element, 0 or in {@code [1e-150, 1e150]}
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale has fewer than 3 points
     */
    public static <T> Collector<T, ?, Csat> collector(Scale scale, ToIntFunction<? super T> rating,
            ToDoubleFunction<? super T> weight) {
        requireTopTwo(Objects.requireNonNull(scale, "scale"));
        return Collectors.collectingAndThen(RatingDistribution.collector(scale, rating, weight), Csat::of);
    }

    private static void requireTopTwo(Scale scale) {
        if (scale.points() < 3) {
            throw new IllegalArgumentException("top-two-box CSAT needs a scale of at least 3 points, was "
                    + scale + "; give satisfiedFrom explicitly with of(distribution, satisfiedFrom)");
        }
    }

    /**
     * CSAT with an explicit cut-off: ratings {@code >= satisfiedFrom} are satisfied.
     *
     * @param distribution the ratings
     * @param satisfiedFrom the lowest satisfied point, above the scale's minimum and at most its
     *     maximum
     * @return the CSAT
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if {@code satisfiedFrom} is not in {@code min+1..max} of the
     *     scale
     */
    public static Csat of(RatingDistribution distribution, int satisfiedFrom) {
        Objects.requireNonNull(distribution, "distribution");
        Scale scale = distribution.scale();
        if (satisfiedFrom <= scale.min() || satisfiedFrom > scale.max()) {
            throw new IllegalArgumentException("satisfiedFrom must be in " + (scale.min() + 1) + ".."
                    + scale.max() + " on scale " + scale + ", was " + satisfiedFrom);
        }
        return new Csat(distribution, satisfiedFrom);
    }

    /**
     * Compares two independent samples: the signed difference {@code b − a} in percentage points.
     * The p-value is the pooled two-proportion z test; the standard error and interval are unpooled
     * (see {@link Proportion#compare(Proportion, Proportion)}).
     *
     * @param a the first sample (the baseline)
     * @param b the second sample
     * @return the difference, in percentage points
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the samples differ in scale or in {@code satisfiedFrom}
     * @throws IllegalStateException if either sample is empty
     */
    public static Difference compare(Csat a, Csat b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!a.scale().equals(b.scale()) || a.satisfiedFrom != b.satisfiedFrom) {
            throw new IllegalArgumentException("cannot compare CSAT on scale " + a.scale() + " satisfied from "
                    + a.satisfiedFrom + " with CSAT on scale " + b.scale() + " satisfied from " + b.satisfiedFrom);
        }
        Difference d = Proportion.compare(a.proportion(), b.proportion());
        return new Difference(100.0 * d.estimate(), 100.0 * d.standardError(), d.statistic(),
                d.degreesOfFreedom());
    }

    /**
     * The CSAT of both samples pooled: {@code Csat.of(distribution().plus(other.distribution()),
     * satisfiedFrom())}.
     *
     * @param other another sample on the same scale with the same cut-off
     * @return the pooled CSAT
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the scales or the cut-offs differ
     * @throws ArithmeticException if the combined count overflows a {@code long}
     * @since 0.2.0
     */
    public Csat plus(Csat other) {
        Objects.requireNonNull(other, "other");
        if (!scale().equals(other.scale()) || satisfiedFrom != other.satisfiedFrom) {
            throw new IllegalArgumentException("cannot pool CSAT on scale " + scale() + " satisfied from "
                    + satisfiedFrom + " with CSAT on scale " + other.scale() + " satisfied from " + other.satisfiedFrom);
        }
        return new Csat(distribution.plus(other.distribution), satisfiedFrom);
    }

    /**
     * Segments of one sample (channels, regions …) for comparison: each vs the rest, each vs the
     * pooled overall and all pairs, with multiplicity adjustment, and the χ² homogeneity of the
     * satisfied/not satisfied × segment table. Comparisons are {@link #compare(Csat, Csat)} (pooled
     * two-proportion z tests, in percentage points); the overall is {@link #plus(Csat)} of all
     * segments; the homogeneity test needs unweighted samples. See {@link Segments} for the formulas.
     *
     * @param segments segment name → its CSAT, at least 2, all on one scale and cut-off, in report
     *     order
     * @return the segments
     * @throws NullPointerException if {@code segments}, a name or a value is null
     * @throws IllegalArgumentException if there are fewer than 2 segments, or the scales or cut-offs
     *     differ
     * @since 0.2.0
     */
    public static Segments<Csat> segments(Map<String, Csat> segments) {
        return Segments.of(segments, MEASURE);
    }

    private static final Segments.Measure<Csat> MEASURE = Segments.measure("CSAT", Csat::plus, Csat::compare,
            Csat::score, m -> m.distribution.totalWeight(), Csat::classCounts);

    /** Respondents not satisfied and satisfied, for the homogeneity test. */
    private long[] classCounts() {
        if (distribution.isWeighted()) {
            throw new IllegalStateException(Nps.WEIGHTED_CHI_SQUARE);
        }
        return new long[] {count() - satisfied, satisfied};
    }

    /**
     * The ratings.
     *
     * @return the distribution this CSAT was computed from
     */
    public RatingDistribution distribution() {
        return distribution;
    }

    /**
     * The rating scale.
     *
     * @return the scale
     */
    public Scale scale() {
        return distribution.scale();
    }

    /**
     * The lowest satisfied point.
     *
     * @return {@code satisfiedFrom}
     */
    public int satisfiedFrom() {
        return satisfiedFrom;
    }

    /**
     * Whether there are no responses.
     *
     * @return {@code count() == 0}
     */
    public boolean isEmpty() {
        return distribution.isEmpty();
    }

    /**
     * The number of responses.
     *
     * @return the count
     */
    public long count() {
        return distribution.count();
    }

    /**
     * The number of satisfied respondents (unweighted).
     *
     * @return the count of ratings {@code >= satisfiedFrom}
     */
    public long satisfied() {
        return satisfied;
    }

    /**
     * Kish's effective sample size {@code (Σw)²/Σw²}; the count when unweighted.
     *
     * @return the effective size
     */
    public double effectiveSize() {
        return distribution.effectiveSize();
    }

    /**
     * The satisfied share as a fraction {@code Σ_{x ≥ s} w / Σw}.
     *
     * @return the share, in [0, 1]
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double satisfiedShare() {
        return satisfiedWeight / requireWeight();
    }

    /**
     * The CSAT score in percent.
     *
     * @return {@code 100 · satisfiedShare()}, in [0, 100]
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double score() {
        return 100.0 * satisfiedShare();
    }

    /**
     * The mean rating (weighted), in scale points.
     *
     * @return the mean, in {@code [min, max]} of the scale
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double mean() {
        requireWeight();
        return distribution.mean();
    }

    /**
     * The satisfied share as a {@link Proportion}: the counts when unweighted, otherwise the weighted
     * share on Kish's effective size.
     *
     * @return the proportion
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Proportion proportion() {
        double share = satisfiedShare();
        return distribution.isWeighted() ? Proportion.ofShare(share, effectiveSize())
                : Proportion.of(satisfied, count());
    }

    /**
     * The standard error of the score, {@code 100 · sqrt(p(1 − p)/n_eff)}, in percentage points.
     *
     * @return the standard error
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double standardError() {
        return 100.0 * proportion().standardError();
    }

    /**
     * Wilson's score interval for the score, in percent.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, within [0, 100]
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval confidenceInterval(double level) {
        return confidenceInterval(level, IntervalMethod.WILSON);
    }

    /**
     * The interval for the score by a chosen method, in percent: {@code WILSON} (the default),
     * {@code AGRESTI_COULL}, {@code CLOPPER_PEARSON}, {@code JEFFREYS} or {@code WALD}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @param method the method
     * @return the interval, within [0, 100]
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or the method is not
     *     one for a proportion
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval confidenceInterval(double level, IntervalMethod method) {
        Objects.requireNonNull(method, "method");
        Checks.level(level);
        Interval fraction = proportion().confidenceInterval(level, method);
        return new Interval(100.0 * fraction.lower(), Math.min(100.0, 100.0 * fraction.upper()), level);
    }

    private double requireWeight() {
        if (distribution.isEmpty()) {
            throw new IllegalStateException("CSAT of an empty sample is undefined");
        }
        double total = distribution.totalWeight();
        if (total == 0.0) {
            throw new IllegalStateException("CSAT is undefined: total weight is 0");
        }
        return total;
    }

    /**
     * Equal when the distributions and cut-offs are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal CSAT
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Csat && satisfiedFrom == ((Csat) o).satisfiedFrom
                && distribution.equals(((Csat) o).distribution);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * distribution.hashCode() + satisfiedFrom;
    }

    /**
     * A readable summary, e.g. {@code Csat[score=69.2%, n=107, satisfied=74, scale=1..5, satisfiedFrom=4]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        boolean defined = !isEmpty() && distribution.totalWeight() > 0.0;
        return "Csat[score=" + (defined ? String.format(Locale.ROOT, "%.1f%%", score()) : "undefined")
                + ", n=" + count() + ", satisfied=" + satisfied + ", scale=" + scale()
                + ", satisfiedFrom=" + satisfiedFrom + "]";
    }
}
