package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import io.github.cxmetrics.stats.Segments;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * The Net Promoter Score: the share of promoters minus the share of detractors, in points.
 *
 * <pre>{@code
 * NPS = 100 · (p − d)          p, d = promoter and detractor shares (fractions of the total weight)
 * }</pre>
 * Range −100…100. Classification by default is Bain's (Reichheld 2003, "The one number you need to
 * grow", <i>Harvard Business Review</i> 81(12):46–54; Bain &amp; Company's NPS definition) on the 0–10
 * likelihood-to-recommend question: <b>promoters 9–10, passives 7–8, detractors 0–6</b>. Some
 * published texts give 8–10 for promoters; that is not the standard definition. Other cut-offs, on
 * any scale, only by explicit choice: {@link #of(RatingDistribution, int, int)}.
 *
 * <h2>Uncertainty</h2>
 * Each response scores +1, 0 or −1, so the per-response variance is {@code (p + d) − (p − d)²} and
 * <pre>{@code
 * SE = 100 · sqrt(((p + d) − (p − d)²) / n)     (Rocks 2016)
 * }</pre>
 * in points, with {@code n} Kish's effective sample size {@code (Σw)²/Σw²} for weighted responses.
 * The default interval is Rocks' adjusted Wald interval: add 3/4 of a detractor, 3/2 of a passive and
 * 3/4 of a promoter, then the Wald interval on the adjusted shares and {@code n + 3}, clipped to
 * [−100, 100]. The plain Wald interval is available by explicit choice. References: Rocks (2016),
 * "Interval estimation for the 'net promoter score'", <i>The American Statistician</i>
 * 70(4):365–372; Sauro &amp; Lewis (2016), <i>Quantifying the User Experience</i>, 2nd ed., ch. 5.
 *
 * <h2>Weights and counts</h2>
 * {@link #promoters()}, {@link #passives()}, {@link #detractors()} and {@link #count()} are numbers of
 * respondents; the shares and the score use weight sums, and uncertainty uses
 * {@link #effectiveSize()}. Without weights the two agree.
 *
 * <h2>Empty samples</h2>
 * An NPS of no responses exists ({@link #isEmpty()}), but its score, shares and estimates throw
 * {@link IllegalStateException}: "NPS of an empty sample is undefined".
 *
 * <p>Instances are immutable values; {@code equals} compares counts, weight sums and effective size.
 *
 * @since 0.1.0
 */
public final class Nps {

    /**
     * Bain's classification as one table lookup per rating: promoters add 1 to the high 32 bits,
     * detractors 1 to the low 32 bits (an array has fewer than 2^31 elements, so neither overflows).
     */
    private static final long[] BAIN = {1, 1, 1, 1, 1, 1, 1, 0, 0, 1L << 32, 1L << 32};

    private static final double PSEUDO_PROMOTERS = 0.75;
    private static final double PSEUDO_PASSIVES = 1.5;
    private static final double PSEUDO_DETRACTORS = 0.75;

    private final long promoters;
    private final long passives;
    private final long detractors;
    private final double promoterWeight;
    private final double passiveWeight;
    private final double detractorWeight;
    private final double effectiveSize;

    private Nps(long promoters, long passives, long detractors, double promoterWeight,
            double passiveWeight, double detractorWeight, double effectiveSize) {
        this.promoters = promoters;
        this.passives = passives;
        this.detractors = detractors;
        this.promoterWeight = promoterWeight;
        this.passiveWeight = passiveWeight;
        this.detractorWeight = detractorWeight;
        this.effectiveSize = effectiveSize;
    }

    /**
     * The NPS of unweighted 0–10 ratings, classified by Bain's cut-offs. A single pass of table
     * lookups counts promoters and detractors, and the table's bounds check validates the range; it
     * allocates nothing.
     *
     * @param ratings the ratings, each in {@code 0..10}
     * @return the NPS (empty if there are no ratings)
     * @throws NullPointerException if {@code ratings} is null
     * @throws IllegalArgumentException if a rating is outside {@code 0..10} (the message names the
     *     first such rating and its index)
     */
    public static Nps of(int... ratings) {
        Objects.requireNonNull(ratings, "ratings");
        long packed = 0;
        try {
            for (int r : ratings) {
                packed += BAIN[r]; // the array bound is the range check: 0..10 only
            }
        } catch (ArrayIndexOutOfBoundsException outside) {
            for (int i = 0; i < ratings.length; i++) {
                if (!Scale.ZERO_TO_TEN.contains(ratings[i])) {
                    throw new IllegalArgumentException("rating " + ratings[i] + " at index " + i
                            + " is outside scale " + Scale.ZERO_TO_TEN);
                }
            }
            throw outside; // unreachable: some rating was out of range
        }
        long p = packed >>> 32;
        long d = packed & 0xFFFF_FFFFL;
        return ofCounts(p, ratings.length - p - d, d);
    }

    /**
     * The NPS of a distribution on the 0–10 scale, by Bain's cut-offs (promoters 9–10, passives 7–8,
     * detractors 0–6); weighted if the distribution is.
     *
     * @param distribution ratings on {@link Scale#ZERO_TO_TEN}
     * @return the NPS
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if the scale is not {@code 0..10}
     */
    public static Nps of(RatingDistribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        if (!distribution.scale().equals(Scale.ZERO_TO_TEN)) {
            throw new IllegalArgumentException("NPS with Bain's cut-offs needs scale 0..10, was "
                    + distribution.scale() + "; give explicit cut-offs with of(distribution, "
                    + "promotersFrom, detractorsUpTo)");
        }
        return of(distribution, 9, 6);
    }

    /**
     * The NPS of a distribution on any scale with explicit cut-offs: promoters rate
     * {@code >= promotersFrom}, detractors {@code <= detractorsUpTo}, passives in between (possibly
     * none).
     *
     * @param distribution the ratings
     * @param promotersFrom the lowest promoter rating, on the scale
     * @param detractorsUpTo the highest detractor rating, on the scale, {@code < promotersFrom}
     * @return the NPS
     * @throws NullPointerException if {@code distribution} is null
     * @throws IllegalArgumentException if a cut-off is off the scale or
     *     {@code detractorsUpTo >= promotersFrom}
     */
    public static Nps of(RatingDistribution distribution, int promotersFrom, int detractorsUpTo) {
        Objects.requireNonNull(distribution, "distribution");
        Scale scale = distribution.scale();
        if (!scale.contains(promotersFrom)) {
            throw new IllegalArgumentException("promotersFrom must be on scale " + scale + ", was "
                    + promotersFrom);
        }
        if (!scale.contains(detractorsUpTo)) {
            throw new IllegalArgumentException("detractorsUpTo must be on scale " + scale + ", was "
                    + detractorsUpTo);
        }
        if (detractorsUpTo >= promotersFrom) {
            throw new IllegalArgumentException("detractorsUpTo must be < promotersFrom, was "
                    + detractorsUpTo + " >= " + promotersFrom);
        }
        long[] counts = distribution.countsView();
        double[] weights = distribution.weightsView();
        int pFrom = promotersFrom - scale.min();
        int dTo = detractorsUpTo - scale.min();
        long pc = 0;
        long ac = 0;
        long dc = 0;
        double pw = 0.0;
        double aw = 0.0;
        double dw = 0.0;
        for (int i = 0; i < counts.length; i++) {
            if (i >= pFrom) {
                pc += counts[i];
                pw += weights[i];
            } else if (i <= dTo) {
                dc += counts[i];
                dw += weights[i];
            } else {
                ac += counts[i];
                aw += weights[i];
            }
        }
        return new Nps(pc, ac, dc, pw, aw, dw, distribution.effectiveSize());
    }

    /**
     * The NPS of unweighted counts.
     *
     * @param promoters the number of promoters, {@code >= 0}
     * @param passives the number of passives, {@code >= 0}
     * @param detractors the number of detractors, {@code >= 0}
     * @return the NPS
     * @throws IllegalArgumentException if a count is negative, or the three sum to more than
     *     {@code Long.MAX_VALUE}
     */
    public static Nps ofCounts(long promoters, long passives, long detractors) {
        checkCount("promoters", promoters);
        checkCount("passives", passives);
        checkCount("detractors", detractors);
        if (promoters > Long.MAX_VALUE - passives || promoters + passives > Long.MAX_VALUE - detractors) {
            throw new IllegalArgumentException("promoters + passives + detractors must be at most Long.MAX_VALUE ("
                    + Long.MAX_VALUE + "), was " + promoters + " + " + passives + " + " + detractors);
        }
        long n = promoters + passives + detractors;
        return new Nps(promoters, passives, detractors, promoters, passives, detractors, n);
    }

    /**
     * A collector of unweighted 0–10 ratings into an NPS (Bain's cut-offs). It works under
     * {@link Collectors#groupingBy} and on parallel streams.
     *
     * @param <T> the element type
     * @param rating the 0–10 rating of an element
     * @return the collector
     * @throws NullPointerException if {@code rating} is null
     */
    public static <T> Collector<T, ?, Nps> collector(ToIntFunction<? super T> rating) {
        return Collectors.collectingAndThen(
                RatingDistribution.collector(Scale.ZERO_TO_TEN, rating), Nps::of);
    }

    /**
     * A collector of weighted 0–10 ratings into an NPS (Bain's cut-offs).
     *
     * @param <T> the element type
     * @param rating the 0–10 rating of an element
     * @param weight the survey weight of an element, finite and {@code >= 0}
     * @return the collector
     * @throws NullPointerException if an argument is null
     */
    public static <T> Collector<T, ?, Nps> collector(ToIntFunction<? super T> rating,
            ToDoubleFunction<? super T> weight) {
        return Collectors.collectingAndThen(
                RatingDistribution.collector(Scale.ZERO_TO_TEN, rating, weight), Nps::of);
    }

    /**
     * Compares two independent samples: the signed difference {@code b − a} in NPS points, with
     * {@code SE = sqrt(SEa² + SEb²)}, a z statistic, its two-sided p-value and a Wald interval.
     * The sign is kept: positive means {@code b} scored higher.
     *
     * @param a the first sample (the baseline)
     * @param b the second sample
     * @return the difference
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if either sample is empty or has total weight 0
     */
    public static Difference compare(Nps a, Nps b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new Difference(b.score() - a.score(), Math.hypot(a.standardError(), b.standardError()),
                Double.POSITIVE_INFINITY);
    }

    /**
     * The NPS of both samples pooled: counts and weight sums add, and the effective size is Kish's
     * {@code (Σw)²/Σw²} of the pooled responses, with each sample's {@code Σw²} recovered as
     * {@code (Σw)²/n_eff} (exact without weights; to rounding with them). Both samples should have been
     * classified with the same cut-offs; the NPS keeps only its classes, so that cannot be checked.
     *
     * @param other another sample
     * @return the pooled NPS; {@code a.plus(b).equals(b.plus(a))}
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if a combined count would exceed {@code Long.MAX_VALUE}
     * @since 0.2.0
     */
    public Nps plus(Nps other) {
        Objects.requireNonNull(other, "other");
        long pro = add("promoters", promoters, other.promoters);
        long pas = add("passives", passives, other.passives);
        long det = add("detractors", detractors, other.detractors);
        if (pro > Long.MAX_VALUE - pas || pro + pas > Long.MAX_VALUE - det) {
            throw new IllegalArgumentException("the pooled sample would have more than Long.MAX_VALUE respondents");
        }
        double pw = promoterWeight + other.promoterWeight;
        double sw = passiveWeight + other.passiveWeight;
        double dw = detractorWeight + other.detractorWeight;
        double n;
        if (isUnweighted() && other.isUnweighted()) {
            n = pro + pas + det;
        } else {
            double squares = sumOfSquaredWeights() + other.sumOfSquaredWeights();
            double total = pw + sw + dw;
            n = squares == 0.0 ? 0.0 : Math.max(1.0, Math.min((double) (pro + pas + det), total * (total / squares)));
        }
        return new Nps(pro, pas, det, pw, sw, dw, n);
    }

    private static long add(String name, long a, long b) {
        if (a > Long.MAX_VALUE - b) {
            throw new IllegalArgumentException("the pooled " + name + " would exceed Long.MAX_VALUE");
        }
        return a + b;
    }

    private boolean isUnweighted() {
        return promoterWeight == promoters && passiveWeight == passives && detractorWeight == detractors
                && effectiveSize == count();
    }

    private double sumOfSquaredWeights() {
        double total = promoterWeight + passiveWeight + detractorWeight;
        return effectiveSize == 0.0 ? 0.0 : total * (total / effectiveSize);
    }

    /**
     * Segments of one sample (channels, regions …) for comparison: each vs the rest, each vs the
     * pooled overall and all pairs, with multiplicity adjustment, and the χ² homogeneity of the
     * detractor/passive/promoter × segment table. Comparisons are {@link #compare(Nps, Nps)} (z tests
     * on the ±1/0 scores); the overall is {@link #plus(Nps)} of all segments; the homogeneity test
     * needs unweighted samples. See {@link Segments} for the formulas.
     *
     * <pre>{@code
     * Segments<Nps> byChannel = Nps.segments(Map.of("Phone", phone, "Chat", chat, "Web", web));
     * Comparisons vsOverall = byChannel.versusOverall();           // Holm-adjusted
     * Homogeneity chi2 = byChannel.homogeneity();
     * }</pre>
     *
     * @param segments segment name → its NPS, at least 2, in report order (use a {@code LinkedHashMap}
     *     or {@code TreeMap} for a stable order)
     * @return the segments
     * @throws NullPointerException if {@code segments}, a name or a value is null
     * @throws IllegalArgumentException if there are fewer than 2 segments
     * @since 0.2.0
     */
    public static Segments<Nps> segments(Map<String, Nps> segments) {
        return Segments.of(segments, MEASURE);
    }

    private static final Segments.Measure<Nps> MEASURE = Segments.measure("NPS", Nps::plus, Nps::compare,
            Nps::score, m -> m.promoterWeight + m.passiveWeight + m.detractorWeight, Nps::classCounts);

    /** Respondents per class for the homogeneity test: detractors, passives, promoters. */
    private long[] classCounts() {
        if (promoterWeight != promoters || passiveWeight != passives || detractorWeight != detractors) {
            throw new IllegalStateException(WEIGHTED_CHI_SQUARE);
        }
        return new long[] {detractors, passives, promoters};
    }

    /** Why the survey metrics refuse a χ² test of weighted counts. */
    static final String WEIGHTED_CHI_SQUARE = "the sample is weighted; a χ² test of weighted counts is not valid"
            + " (it needs a design-based correction, which cxmetrics does not implement)";

    /**
     * Whether there are no responses.
     *
     * @return {@code count() == 0}
     */
    public boolean isEmpty() {
        return count() == 0;
    }

    /**
     * The score {@code 100 · (p − d)}, computed as {@code 100 · (w_p/Σw − w_d/Σw)}: each share is a
     * correctly rounded quotient in {@code [0, 1]}, so the score never leaves {@code [−100, 100]}
     * (the form {@code 100 · (w_p − w_d)/Σw} can round to −100.00000000000001).
     *
     * @return the NPS in points, in {@code [−100, 100]}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double score() {
        double total = requireWeight();
        return 100.0 * (promoterWeight / total - detractorWeight / total);
    }

    /**
     * The number of promoters (respondents, whatever their weights).
     *
     * @return the promoter count
     */
    public long promoters() {
        return promoters;
    }

    /**
     * The number of passives.
     *
     * @return the passive count
     */
    public long passives() {
        return passives;
    }

    /**
     * The number of detractors.
     *
     * @return the detractor count
     */
    public long detractors() {
        return detractors;
    }

    /**
     * The number of respondents.
     *
     * @return promoters + passives + detractors
     */
    public long count() {
        return promoters + passives + detractors;
    }

    /**
     * Kish's effective sample size {@code (Σw)²/Σw²}; equals {@link #count()} without weights.
     *
     * @return the effective size
     */
    public double effectiveSize() {
        return effectiveSize;
    }

    /**
     * The promoter share {@code p}, by weight.
     *
     * @return a fraction in {@code [0, 1]}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double promoterShare() {
        return promoterWeight / requireWeight();
    }

    /**
     * The passive share, by weight.
     *
     * @return a fraction in {@code [0, 1]}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double passiveShare() {
        return passiveWeight / requireWeight();
    }

    /**
     * The detractor share {@code d}, by weight.
     *
     * @return a fraction in {@code [0, 1]}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double detractorShare() {
        return detractorWeight / requireWeight();
    }

    /**
     * The standard error {@code 100 · sqrt(((p + d) − (p − d)²) / n)} (Rocks 2016), {@code n} the
     * effective sample size.
     *
     * @return the standard error in NPS points
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double standardError() {
        double total = requireWeight();
        return 100.0 * Math.sqrt(variance(promoterWeight / total, detractorWeight / total)
                / effectiveSize);
    }

    /**
     * The adjusted Wald interval (Rocks 2016), clipped to [−100, 100]:
     * <pre>{@code
     * n' = n + 3
     * p' = (p·n + 3/4) / n'     d' = (d·n + 3/4) / n'     (passives get 3/2)
     * NPS' ± z · 100 · sqrt(((p' + d') − (p' − d')²) / n')
     * }</pre>
     * The interval is centred on the adjusted {@code NPS'}, not on {@link #score()}, and for very small
     * samples it can exclude the score: one detractor ({@code n = 1}) scores −100, but
     * {@code n' = 4}, {@code p' = 0.75/4}, {@code d' = 1.75/4}, {@code NPS' = −25},
     * {@code SE' = 100·sqrt((0.625 − 0.0625)/4) = 37.5}, so the 95 % interval is
     * {@code −25 ± 1.96·37.5 = [−98.50, 48.50]}. That is a property of the adjustment (Rocks 2016), whose
     * coverage for small {@code n} is better than Wald's, which for this sample is the single point
     * −100; use {@link IntervalMethod#WALD} for an interval that always contains the score.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, in NPS points
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval confidenceInterval(double level) {
        return confidenceInterval(level, IntervalMethod.ADJUSTED_WALD);
    }

    /**
     * The interval by a chosen method: {@link IntervalMethod#ADJUSTED_WALD} (the default, see
     * {@link #confidenceInterval(double)}) or {@link IntervalMethod#WALD}
     * ({@code score ± z·SE}). Both are clipped to [−100, 100].
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @param method {@code ADJUSTED_WALD} or {@code WALD}
     * @return the interval, in NPS points
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or the method is
     *     not supported for NPS
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public Interval confidenceInterval(double level, IntervalMethod method) {
        Objects.requireNonNull(method, "method");
        Checks.level(level);
        if (method != IntervalMethod.WALD && method != IntervalMethod.ADJUSTED_WALD) {
            throw new IllegalArgumentException("NPS supports interval methods ADJUSTED_WALD and WALD, was "
                    + method);
        }
        double total = requireWeight();
        double p = promoterWeight / total;
        double d = detractorWeight / total;
        double n = effectiveSize;
        if (method == IntervalMethod.ADJUSTED_WALD) {
            double adjusted = n + PSEUDO_PROMOTERS + PSEUDO_PASSIVES + PSEUDO_DETRACTORS;
            p = (p * n + PSEUDO_PROMOTERS) / adjusted;
            d = (d * n + PSEUDO_DETRACTORS) / adjusted;
            n = adjusted;
        }
        double z = Normal.twoSidedCritical(level);
        double centre = 100.0 * (p - d);
        double half = z * 100.0 * Math.sqrt(variance(p, d) / n);
        return new Interval(Math.max(-100.0, centre - half), Math.min(100.0, centre + half), level);
    }

    /** Per-response variance of the +1/0/−1 score; clamped at 0 against rounding. */
    private static double variance(double p, double d) {
        double diff = p - d;
        return Math.max(0.0, (p + d) - diff * diff);
    }

    private double requireWeight() {
        if (count() == 0) {
            throw new IllegalStateException("NPS of an empty sample is undefined");
        }
        double total = promoterWeight + passiveWeight + detractorWeight;
        if (total == 0.0) {
            throw new IllegalStateException("NPS is undefined: total weight is 0");
        }
        return total;
    }

    private static void checkCount(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    /**
     * Equal when counts, weight sums and effective sizes are equal (doubles bit for bit).
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal NPS
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Nps)) {
            return false;
        }
        Nps that = (Nps) o;
        return promoters == that.promoters && passives == that.passives && detractors == that.detractors
                && Double.compare(promoterWeight, that.promoterWeight) == 0
                && Double.compare(passiveWeight, that.passiveWeight) == 0
                && Double.compare(detractorWeight, that.detractorWeight) == 0
                && Double.compare(effectiveSize, that.effectiveSize) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Long.hashCode(promoters);
        h = 31 * h + Long.hashCode(passives);
        h = 31 * h + Long.hashCode(detractors);
        h = 31 * h + Double.hashCode(promoterWeight);
        h = 31 * h + Double.hashCode(passiveWeight);
        h = 31 * h + Double.hashCode(detractorWeight);
        return 31 * h + Double.hashCode(effectiveSize);
    }

    /**
     * A readable summary, e.g.
     * {@code Nps[score=46.2, n=195, promoters=120, passives=45, detractors=30]}; the effective size is
     * shown when it differs from the count, and an empty NPS shows {@code score=undefined}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Nps[score=");
        boolean defined = count() > 0 && promoterWeight + passiveWeight + detractorWeight > 0.0;
        sb.append(defined ? String.format(java.util.Locale.ROOT, "%.1f", score()) : "undefined")
                .append(", n=").append(count());
        if (effectiveSize != count()) {
            sb.append(", effectiveSize=").append(String.format(java.util.Locale.ROOT, "%.1f", effectiveSize));
        }
        return sb.append(", promoters=").append(promoters)
                .append(", passives=").append(passives)
                .append(", detractors=").append(detractors).append(']').toString();
    }
}
