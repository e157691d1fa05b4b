package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.StudentT;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanSummary;
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
 * Customer Effort Score (CES): how easy customers found it to get what they came for.
 *
 * <p>Two published versions point in opposite directions, so the version is part of every
 * {@code Ces} and "better" is never ambiguous:
 * <ul>
 *   <li><b>CES 2.0</b> ({@link #of(RatingDistribution)}, the default): agreement with "The company
 *       made it easy for me to handle my issue" on <b>1–7</b>, 1 = strongly disagree, 7 = strongly
 *       agree; <b>higher is easier</b> (Dixon, Toman &amp; DeLisi 2013, <i>The Effortless
 *       Experience</i>, Portfolio/Penguin).</li>
 *   <li><b>CES 1.0</b> ({@link #ofEffort(RatingDistribution)}): "How much effort did you
 *       personally have to put forth to handle your request?" on <b>1–5</b>, 1 = very low effort,
 *       5 = very high effort; <b>lower is easier</b> (Dixon, Freeman &amp; Toman 2010, "Stop trying
 *       to delight your customers", <i>Harvard Business Review</i> 88(7/8):116–122).</li>
 * </ul>
 *
 * <h2>Numbers</h2>
 * <pre>{@code
 *                     CES 2.0 (1–7, higher easier)       CES 1.0 (1–5, lower easier)
 * mean()              Σ w·x / Σw, in scale points         Σ w·x / Σw, in scale points
 * easyShare()         share rating 5–7 (agree)            share rating 1–2 (low effort)
 * difficultShare()    share rating 1–3 (disagree)         share rating 4–5 (high effort)
 * netEase()           100 · (share 6–7 − share 1–3)       100 · (share 1–2 − share 4–5)
 * }</pre>
 * Shares are fractions 0…1; {@code netEase()} is in points, −100…100, higher always easier. The mean
 * is the score Dixon et al. report; the "% easy" share (5–7, the three agreeing points) is the usual
 * CES 2.0 headline in vendor reporting; the net form, an NPS-like top-two-minus-bottom-three on the
 * 7-point scale, is a reporting convention of survey vendors rather than part of the published
 * instrument, and is offered because users meet it. For CES 1.0 the easy and difficult shares are the
 * two lowest and two highest effort points, and the net form is their difference.
 *
 * <h2>Uncertainty</h2>
 * {@link #confidenceInterval(double)} is the Student t interval on the mean,
 * {@code x̄ ± t(1 − α/2; n_eff − 1) · s/√n_eff}, with the Kish-corrected variance of
 * {@link RatingDistribution#variance()}; {@link #easyShareInterval(double)} and
 * {@link #difficultShareInterval(double)} are Wilson intervals (see {@link Proportion});
 * {@link #compare(Ces, Ces)} is Welch's unequal-variance t test with Welch–Satterthwaite degrees of
 * freedom (see {@link MeanSummary#welch(MeanSummary, MeanSummary)}). Weighted responses use
 * Kish's effective size {@code (Σw)²/Σw²} throughout.
 *
 * <h2>Empty samples</h2>
 * A CES of no responses exists ({@link #isEmpty()}); its mean and shares throw
 * {@link IllegalStateException}, as do the mean's standard error and interval when the effective
 * size is not above 1.
 *
 * <p>Instances are immutable values.
 *
 * @since 0.1.0
 */
public final class Ces {

    /**
     * Which CES instrument the ratings answer.
     *
     * @since 0.1.0
     */
    public enum Version {
        /** CES 2.0: agreement that the company made it easy, 1–7, higher is easier. */
        CES_2(Scale.ONE_TO_SEVEN, true),
        /** CES 1.0: personal effort, 1–5, lower is easier. */
        CES_1(Scale.ONE_TO_FIVE, false);

        private final Scale scale;
        private final boolean higherIsEasier;

        Version(Scale scale, boolean higherIsEasier) {
            this.scale = scale;
            this.higherIsEasier = higherIsEasier;
        }

        /**
         * The scale the instrument uses.
         *
         * @return 1..7 for CES 2.0, 1..5 for CES 1.0
         */
        public Scale scale() {
            return scale;
        }

        /**
         * The direction of the scale.
         *
         * @return true for CES 2.0 (higher is easier), false for CES 1.0 (lower is easier)
         */
        public boolean higherIsEasier() {
            return higherIsEasier;
        }
    }

    private final RatingDistribution distribution;
    private final Version version;

    private Ces(RatingDistribution distribution, Version version) {
        this.distribution = distribution;
        this.version = version;
    }

    /**
     * CES 2.0: agreement ratings on 1–7, higher is easier.
     *
     * @param distribution ratings on {@link Scale#ONE_TO_SEVEN}
     * @return the CES
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if the scale is not 1..7
     */
    public static Ces of(RatingDistribution distribution) {
        return of(distribution, Version.CES_2);
    }

    /**
     * CES 2.0 of unweighted agreement ratings on 1–7: {@code Ces.of(RatingDistribution.of(
     * Scale.ONE_TO_SEVEN, ratings))}.
     *
     * @param ratings the ratings, each in {@code 1..7}
     * @return the CES (empty if there are no ratings)
     * @throws NullPointerException if {@code ratings} is null
     * @throws IllegalArgumentException if a rating is outside {@code 1..7} (the message names the first
     *     such rating and its index)
     */
    public static Ces of(int... ratings) {
        return of(RatingDistribution.of(Scale.ONE_TO_SEVEN, ratings));
    }

    /**
     * CES 1.0 of unweighted effort ratings on 1–5: {@code Ces.ofEffort(RatingDistribution.of(
     * Scale.ONE_TO_FIVE, ratings))}.
     *
     * @param ratings the ratings, each in {@code 1..5}
     * @return the CES (empty if there are no ratings)
     * @throws NullPointerException if {@code ratings} is null
     * @throws IllegalArgumentException if a rating is outside {@code 1..5} (the message names the first
     *     such rating and its index)
     */
    public static Ces ofEffort(int... ratings) {
        return ofEffort(RatingDistribution.of(Scale.ONE_TO_FIVE, ratings));
    }

    /**
     * A collector of unweighted CES 2.0 ratings (1–7) into a CES. It works under
     * {@link Collectors#groupingBy} and on parallel streams; partial results are merged exactly.
     *
     * @param <T> the element type
     * @param rating the 1–7 rating of an element
     * @return the collector
     * @throws NullPointerException if {@code rating} is null
     */
    public static <T> Collector<T, ?, Ces> collector(ToIntFunction<? super T> rating) {
        return Collectors.collectingAndThen(RatingDistribution.collector(Scale.ONE_TO_SEVEN, rating), Ces::of);
    }

    /**
     * A collector of weighted CES 2.0 ratings (1–7) into a CES; as {@link #collector(ToIntFunction)}.
     *
     * @param <T> the element type
     * @param rating the 1–7 rating of an element
     * @param weight the survey weight of an element, 0 or in {@code [1e-150, 1e150]}
     * @return the collector
     * @throws NullPointerException if an argument is null
     */
    public static <T> Collector<T, ?, Ces> collector(ToIntFunction<? super T> rating,
            ToDoubleFunction<? super T> weight) {
        return Collectors.collectingAndThen(RatingDistribution.collector(Scale.ONE_TO_SEVEN, rating, weight),
                Ces::of);
    }

    /**
     * CES 1.0: effort ratings on 1–5, lower is easier.
     *
     * @param distribution ratings on {@link Scale#ONE_TO_FIVE}
     * @return the CES
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if the scale is not 1..5
     */
    public static Ces ofEffort(RatingDistribution distribution) {
        return of(distribution, Version.CES_1);
    }

    /**
     * The CES of ratings answering the given version of the instrument.
     *
     * @param distribution ratings on the version's scale
     * @param version the instrument
     * @return the CES
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale is not the version's
     */
    public static Ces of(RatingDistribution distribution, Version version) {
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(version, "version");
        if (!distribution.scale().equals(version.scale())) {
            throw new IllegalArgumentException(version + " needs ratings on scale " + version.scale()
                    + ", was " + distribution.scale()
                    + (version == Version.CES_2 ? "; for 1–5 effort ratings use ofEffort" : ""));
        }
        return new Ces(distribution, version);
    }

    /**
     * Welch's t test of the difference in mean rating {@code b − a}, in scale points, with
     * Welch–Satterthwaite degrees of freedom. For CES 2.0 a positive difference means {@code b} is
     * easier; for CES 1.0 it means {@code b} took more effort.
     *
     * @param a the first sample (the baseline)
     * @param b the second sample
     * @return the difference of means
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the samples answer different versions
     * @throws IllegalStateException if either effective size is not above 1
     */
    public static Difference compare(Ces a, Ces b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.version != b.version) {
            throw new IllegalArgumentException("cannot compare " + a.version + " on scale " + a.scale()
                    + " with " + b.version + " on scale " + b.scale());
        }
        return MeanSummary.welch(a.mean(), a.variance(), a.effectiveSize(),
                b.mean(), b.variance(), b.effectiveSize());
    }

    /**
     * The CES of both samples pooled: {@code Ces.of(distribution().plus(other.distribution()),
     * version())}.
     *
     * @param other another sample of the same version
     * @return the pooled CES
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the versions differ
     * @throws ArithmeticException if the combined count overflows a {@code long}
     * @since 0.2.0
     */
    public Ces plus(Ces other) {
        Objects.requireNonNull(other, "other");
        if (version != other.version) {
            throw new IllegalArgumentException("cannot pool " + version + " with " + other.version);
        }
        return new Ces(distribution.plus(other.distribution), version);
    }

    /**
     * Segments of one sample (channels, regions …) for comparison of mean ratings: each vs the rest,
     * each vs the pooled overall and all pairs, with multiplicity adjustment. Comparisons are
     * {@link #compare(Ces, Ces)} (Welch's t tests, in scale points); the overall is
     * {@link #plus(Ces)} of all segments; the homogeneity test is the χ² of the rating × segment
     * table (the rating distributions, not the means; unweighted samples only). See {@link Segments}.
     *
     * @param segments segment name → its CES, at least 2, all of one version, in report order
     * @return the segments
     * @throws NullPointerException if {@code segments}, a name or a value is null
     * @throws IllegalArgumentException if there are fewer than 2 segments or the versions differ
     * @since 0.2.0
     */
    public static Segments<Ces> segments(Map<String, Ces> segments) {
        return Segments.of(segments, Segments.measure("CES", Ces::plus, Ces::compare, Ces::mean,
                c -> c.distribution.totalWeight(), Ces::ratingCounts));
    }

    /** Respondents per rating point, for the homogeneity test of the rating distributions. */
    private long[] ratingCounts() {
        if (distribution.isWeighted()) {
            throw new IllegalStateException(Nps.WEIGHTED_CHI_SQUARE);
        }
        return distribution.counts();
    }

    /**
     * The instrument version.
     *
     * @return the version
     */
    public Version version() {
        return version;
    }

    /**
     * The rating scale.
     *
     * @return the version's scale
     */
    public Scale scale() {
        return distribution.scale();
    }

    /**
     * The ratings.
     *
     * @return the distribution
     */
    public RatingDistribution distribution() {
        return distribution;
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
     * Kish's effective sample size {@code (Σw)²/Σw²}; the count when unweighted.
     *
     * @return the effective size
     */
    public double effectiveSize() {
        return distribution.effectiveSize();
    }

    /**
     * The mean rating, in scale points.
     *
     * @return the (weighted) mean
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double mean() {
        requireWeight();
        return distribution.mean();
    }

    /**
     * The sample variance of the ratings (Kish-corrected when weighted), in squared scale points.
     *
     * @return the variance
     * @throws IllegalStateException if the sample is empty, its total weight is 0 or the effective size
     *     is not above 1
     */
    public double variance() {
        requireWeight();
        double nEff = effectiveSize();
        if (!(nEff > 1.0)) {
            throw new IllegalStateException("CES variance is undefined: it needs an effective sample size above 1, was "
                    + nEff);
        }
        return distribution.variance();
    }

    /**
     * The standard error of the mean, {@code s / √n_eff}, in scale points.
     *
     * @return the standard error
     * @throws IllegalStateException if the effective size is not above 1
     */
    public double standardError() {
        return Math.sqrt(variance() / effectiveSize());
    }

    /**
     * The mean with its standard error and Student t reference on {@code n_eff − 1} degrees of
     * freedom: {@code Estimate(mean(), standardError(), effectiveSize() − 1)}, whose
     * {@link Estimate#confidenceInterval(double)} is {@link #confidenceInterval(double)}.
     *
     * @return the estimate, in scale points
     * @throws IllegalStateException if the sample is empty, its total weight is 0 or the effective size
     *     is not above 1
     */
    public Estimate asEstimate() {
        return new Estimate(mean(), standardError(), effectiveSize() - 1.0);
    }

    /**
     * The Student t interval for the mean, {@code x̄ ± t(1 − α/2; n_eff − 1) · s/√n_eff}, in scale
     * points; the same as {@code asEstimate().confidenceInterval(level)}. It is not clipped to the
     * scale: the t interval of a mean near an end of the scale may pass that end.
     *
     * <p>With an effective size barely above 1 the degrees of freedom {@code n_eff − 1} are close to 0
     * and the t critical value is infinite (weights {1, 1e-6} give {@code n_eff = 1.000002}, 2e-6
     * degrees of freedom): there is then no finite t interval, and this method throws
     * {@link IllegalStateException} saying so, with {@code n_eff}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the sample is empty, its total weight is 0, the effective size
     *     is not above 1, or it is too close to 1 for a finite t interval
     */
    public Interval confidenceInterval(double level) {
        Checks.level(level);
        Estimate estimate = asEstimate();
        double critical = -StudentT.quantile((1.0 - level) / 2.0, estimate.degreesOfFreedom());
        double half = critical * estimate.standardError();
        if (!(critical < Double.POSITIVE_INFINITY) || !Double.isFinite(estimate.value() - half)
                || !Double.isFinite(estimate.value() + half)) {
            throw new IllegalStateException("CES confidence interval is undefined: too few effective respondents "
                    + "for a Student t interval at level " + level + " (effective size " + effectiveSize() + ", "
                    + estimate.degreesOfFreedom() + " degrees of freedom, infinite t critical value)");
        }
        return estimate.confidenceInterval(level);
    }

    /**
     * The share of easy ratings: 5–7 for CES 2.0, 1–2 for CES 1.0.
     *
     * @return a fraction in [0, 1]
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double easyShare() {
        return version == Version.CES_2 ? share(5, 7) : share(1, 2);
    }

    /**
     * The share of difficult ratings: 1–3 for CES 2.0, 4–5 for CES 1.0.
     *
     * @return a fraction in [0, 1]
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double difficultShare() {
        return version == Version.CES_2 ? share(1, 3) : share(4, 5);
    }

    /**
     * The net ease score in points: {@code 100 · (share 6–7 − share 1–3)} for CES 2.0,
     * {@code 100 · (share 1–2 − share 4–5)} for CES 1.0; higher is easier in both.
     *
     * @return the net score, in [−100, 100]
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double netEase() {
        return version == Version.CES_2 ? 100.0 * (share(6, 7) - share(1, 3))
                : 100.0 * (share(1, 2) - share(4, 5));
    }

    /**
     * Wilson's interval for {@link #easyShare()}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval easyShareInterval(double level) {
        return proportion(easyShare(), version == Version.CES_2 ? counts(5, 7) : counts(1, 2))
                .confidenceInterval(level);
    }

    /**
     * Wilson's interval for {@link #difficultShare()}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval difficultShareInterval(double level) {
        return proportion(difficultShare(), version == Version.CES_2 ? counts(1, 3) : counts(4, 5))
                .confidenceInterval(level);
    }

    private Proportion proportion(double share, long count) {
        return distribution.isWeighted() ? Proportion.ofShare(share, effectiveSize())
                : Proportion.of(count, count());
    }

    private double share(int from, int to) {
        double total = requireWeight();
        double w = 0.0;
        for (int point = from; point <= to; point++) {
            w += distribution.weight(point);
        }
        return w / total;
    }

    private long counts(int from, int to) {
        long c = 0;
        for (int point = from; point <= to; point++) {
            c += distribution.count(point);
        }
        return c;
    }

    private double requireWeight() {
        if (distribution.isEmpty()) {
            throw new IllegalStateException("CES of an empty sample is undefined");
        }
        double total = distribution.totalWeight();
        if (total == 0.0) {
            throw new IllegalStateException("CES is undefined: total weight is 0");
        }
        return total;
    }

    /**
     * Equal when the versions and distributions are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal CES
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ces && version == ((Ces) o).version && distribution.equals(((Ces) o).distribution);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * distribution.hashCode() + version.hashCode();
    }

    /**
     * A readable summary, e.g. {@code Ces[CES_2, mean=4.08, n=1000]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        boolean defined = !isEmpty() && distribution.totalWeight() > 0.0;
        return "Ces[" + version + ", mean=" + (defined ? String.format(Locale.ROOT, "%.2f", mean()) : "undefined")
                + ", n=" + count() + "]";
    }
}
