package io.github.cxmetrics.survey;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * An immutable distribution of ratings on a {@link Scale}: per point, the number of responses and
 * the sum of their survey weights, plus the sum of squared weights. These are the sufficient
 * statistics of every rating-based metric (NPS, CSAT, CES, the CSI attributes).
 *
 * <p>Unweighted responses have weight 1, so for unweighted data {@code weight(point) == count(point)}
 * and every share is a ratio of counts. With survey weights, shares and moments use weight sums, and
 * uncertainty uses Kish's effective sample size
 * <pre>{@code n_eff = (Σw)² / Σw²}</pre>
 * (Kish 1965, <i>Survey Sampling</i>, §11.7), which equals {@link #count()} when all weights are equal.
 *
 * <p>Build a distribution with {@link #of(Scale, int...)}, {@link #ofCounts(Scale, long...)}, a
 * {@link RatingAccumulator} or {@link #collector(Scale, ToIntFunction)}. A distribution may be empty;
 * quantities undefined on the data at hand (the mean of no responses, the variance of one) throw
 * {@link IllegalStateException} with a message.
 *
 * <p>{@code equals} compares scale, counts, weight sums and the sum of squared weights exactly (bit
 * for bit); counts are exact, and so are weight sums of integer weights.
 *
 * @since 0.1.0
 */
public final class RatingDistribution {

    private final Scale scale;
    private final long[] counts;
    private final double[] weights;
    private final double sumSquaredWeights;
    private final long count;
    private final double totalWeight;

    /** Trusted constructor: takes ownership of the arrays, which the caller has validated. */
    RatingDistribution(Scale scale, long[] counts, double[] weights, double sumSquaredWeights) {
        this.scale = scale;
        this.counts = counts;
        this.weights = weights;
        this.sumSquaredWeights = sumSquaredWeights;
        long n = 0;
        double w = 0.0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i];
            w += weights[i];
        }
        this.count = n;
        this.totalWeight = w;
    }

    /**
     * The distribution of the given ratings, each with weight 1.
     *
     * @param scale the scale
     * @param ratings the ratings, each on the scale
     * @return the distribution
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a rating is not on the scale (the message names the
     *     rating, its index and the scale)
     */
    public static RatingDistribution of(Scale scale, int... ratings) {
        RatingAccumulator acc = new RatingAccumulator(scale);
        acc.addAll(ratings);
        return acc.snapshot();
    }

    /**
     * The distribution with the given number of (unweighted) responses per point.
     *
     * @param scale the scale
     * @param counts one count per point, lowest point first ({@code scale.points()} values)
     * @return the distribution
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the number of counts differs from the number of points, a
     *     count is negative, or the counts sum to more than {@code Long.MAX_VALUE}
     */
    public static RatingDistribution ofCounts(Scale scale, long... counts) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(counts, "counts");
        if (counts.length != scale.points()) {
            throw new IllegalArgumentException("counts must have one value per point of scale " + scale
                    + " (" + scale.points() + "), had " + counts.length);
        }
        long total = 0;
        double[] weights = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count must be >= 0, was " + counts[i] + " (point "
                        + (scale.min() + i) + ")");
            }
            if (total > Long.MAX_VALUE - counts[i]) {
                throw new IllegalArgumentException("counts must sum to at most Long.MAX_VALUE, but count "
                        + counts[i] + " (point " + (scale.min() + i) + ") brings the sum of the counts before it, "
                        + total + ", past it");
            }
            total += counts[i];
            weights[i] = counts[i];
        }
        return new RatingDistribution(scale, counts.clone(), weights, total);
    }

    /**
     * The empty distribution on a scale.
     *
     * @param scale the scale
     * @return a distribution with no responses
     * @throws NullPointerException if {@code scale} is null
     */
    public static RatingDistribution empty(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        return new RatingDistribution(scale, new long[scale.points()], new double[scale.points()], 0.0);
    }

    /**
     * A collector of unweighted ratings into a distribution. It works under
     * {@link java.util.stream.Collectors#groupingBy} and on parallel streams; partial results are
     * merged exactly.
     *
     * @param <T> the element type
     * @param scale the scale
     * @param rating the rating of an element
     * @return the collector
     * @throws NullPointerException if an argument is null; at collection time, if the function
     *     is applied to produce an off-scale rating, {@link IllegalArgumentException}
     */
    public static <T> Collector<T, RatingAccumulator, RatingDistribution> collector(
            Scale scale, ToIntFunction<? super T> rating) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rating, "rating");
        return Collector.of(() -> new RatingAccumulator(scale),
                (acc, t) -> acc.add(rating.applyAsInt(t)),
                RatingAccumulator::merge,
                RatingAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector of weighted ratings into a distribution; as {@link #collector(Scale, ToIntFunction)}.
     *
     * @param <T> the element type
     * @param scale the scale
     * @param rating the rating of an element
     * @param weight the survey weight of an element, finite and {@code >= 0}
     * @return the collector
     * @throws NullPointerException if an argument is null
     */
    public static <T> Collector<T, RatingAccumulator, RatingDistribution> collector(
            Scale scale, ToIntFunction<? super T> rating, ToDoubleFunction<? super T> weight) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(weight, "weight");
        return Collector.of(() -> new RatingAccumulator(scale),
                (acc, t) -> acc.add(rating.applyAsInt(t), weight.applyAsDouble(t)),
                RatingAccumulator::merge,
                RatingAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The scale.
     *
     * @return the scale of the ratings
     */
    public Scale scale() {
        return scale;
    }

    /**
     * The number of responses.
     *
     * @return the number of responses, weighted or not
     */
    public long count() {
        return count;
    }

    /**
     * Whether there are no responses.
     *
     * @return {@code count() == 0}
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The number of responses at a point.
     *
     * @param point a point of the scale
     * @return the number of responses with that rating
     * @throws IllegalArgumentException if the point is not on the scale
     */
    public long count(int point) {
        return counts[scale.indexOf(point)];
    }

    /**
     * The number of responses per point, lowest point first.
     *
     * @return a new array of {@code scale().points()} counts
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * The sum of the weights of the responses at a point.
     *
     * @param point a point of the scale
     * @return Σw over the responses with that rating; equals {@link #count(int)} for unweighted data
     * @throws IllegalArgumentException if the point is not on the scale
     */
    public double weight(int point) {
        return weights[scale.indexOf(point)];
    }

    /**
     * The sum of all weights, {@code Σw}.
     *
     * @return the total weight; equals {@link #count()} for unweighted data
     */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * The sum of squared weights, {@code Σw²}.
     *
     * @return the sum of squared weights; equals {@link #count()} for unweighted data
     */
    public double sumOfSquaredWeights() {
        return sumSquaredWeights;
    }

    /**
     * Kish's effective sample size {@code (Σw)² / Σw²}, clamped to {@code [1, count()]}.
     *
     * <p>Mathematically {@code 1 <= (Σw)²/Σw² <= n} whenever some weight is positive (Cauchy–Schwarz),
     * with {@code n} the number of responses of positive weight. The two sums are rounded, though:
     * 10⁸ responses of weight 0.3 give a computed ratio of 1.0000000045e8. The result is therefore
     * clamped to {@code [1, count()]}, so that {@code effectiveSize() <= count()} always holds; the
     * clamp moves it by at most the rounding error of the sums.
     *
     * @return the effective size, in {@code [1, count()]} when the total weight is positive;
     *     {@code count()} for unweighted data; 0 when empty or when every weight is 0
     */
    public double effectiveSize() {
        if (sumSquaredWeights == 0.0) {
            return 0.0;
        }
        // totalWeight * (totalWeight / Σw²) is exact for unweighted data, where the ratio is 1.
        double nEff = totalWeight * (totalWeight / sumSquaredWeights);
        return Math.max(1.0, Math.min((double) count, nEff));
    }

    /**
     * Whether the weights differ from one weight 1 per response.
     *
     * @return {@code false} if every response has weight 1 (or the weights are indistinguishable from
     *     that), {@code true} otherwise
     */
    public boolean isWeighted() {
        if (sumSquaredWeights != count) {
            return true;
        }
        for (int i = 0; i < counts.length; i++) {
            if (weights[i] != counts[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The share of the total weight at a point (the proportion of responses for unweighted data).
     *
     * @param point a point of the scale
     * @return {@code weight(point) / totalWeight()}, a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if the point is not on the scale
     * @throws IllegalStateException if the distribution is empty or its total weight is 0
     */
    public double share(int point) {
        int index = scale.indexOf(point);
        requireWeight("share");
        return weights[index] / totalWeight;
    }

    /**
     * The share of the total weight in the top {@code k} points: {@code Σ weight(max−k+1..max) / Σw}.
     * "Top-2-box" is {@code topBox(2)}.
     *
     * @param k the number of top points, in {@code 1..points()}
     * @return a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code k} is out of range
     * @throws IllegalStateException if the distribution is empty or its total weight is 0
     */
    public double topBox(int k) {
        checkBox(k);
        requireWeight("top-box share");
        return sumWeights(counts.length - k, counts.length) / totalWeight;
    }

    /**
     * The share of the total weight in the bottom {@code k} points:
     * {@code Σ weight(min..min+k−1) / Σw}.
     *
     * @param k the number of bottom points, in {@code 1..points()}
     * @return a fraction in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code k} is out of range
     * @throws IllegalStateException if the distribution is empty or its total weight is 0
     */
    public double bottomBox(int k) {
        checkBox(k);
        requireWeight("bottom-box share");
        return sumWeights(0, k) / totalWeight;
    }

    /**
     * The weighted mean rating {@code Σ w·x / Σw}, in scale points.
     *
     * @return the mean, in {@code [min, max]} (clamped there against rounding)
     * @throws IllegalStateException if the distribution is empty or its total weight is 0
     */
    public double mean() {
        requireWeight("mean");
        double s = 0.0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * i;
        }
        // Σ w·i and Σw are rounded separately, so their ratio may pass points − 1 by an ulp.
        double offset = Math.min(counts.length - 1, s / totalWeight);
        return Math.min(scale.max(), scale.min() + offset);
    }

    /**
     * The sample variance of the ratings, in squared scale points. Unweighted, the usual unbiased
     * estimator {@code Σ(x − x̄)² / (n − 1)}; weighted, its Kish-corrected counterpart
     * <pre>{@code s² = [Σ w·(x − x̄)² / Σw] · n_eff / (n_eff − 1)}</pre>
     * which reduces to the former when all weights are equal. Computed in two passes over the points,
     * so it is accurate whatever the location of the scale.
     *
     * @return the variance, {@code >= 0}
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public double variance() {
        double nEff = effectiveSize();
        if (!(nEff > 1.0)) {
            throw new IllegalStateException(
                    "variance needs an effective sample size above 1, was " + nEff);
        }
        double m = mean() - scale.min();
        double ss = 0.0;
        for (int i = 0; i < weights.length; i++) {
            double d = i - m;
            ss += weights[i] * d * d;
        }
        return ss / totalWeight * (nEff / (nEff - 1.0));
    }

    /**
     * The sample standard deviation, {@code sqrt(variance())}, in scale points.
     *
     * @return the standard deviation, {@code >= 0}
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /**
     * The weighted median: the lowest point {@code m} whose cumulative weight share reaches 1/2; when
     * the cumulative share at {@code m} is exactly 1/2, the midpoint between {@code m} and the next
     * point that has weight (the convention of R's {@code median} for an even number of values).
     *
     * @return the median, in scale points
     * @throws IllegalStateException if the distribution is empty or its total weight is 0
     */
    public double median() {
        requireWeight("median");
        double cumulative = 0.0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            double twice = 2.0 * cumulative;
            if (twice == totalWeight) {
                for (int j = i + 1; j < weights.length; j++) {
                    if (weights[j] > 0.0) {
                        return scale.min() + (i + j) / 2.0;
                    }
                }
                return scale.min() + i;
            }
            if (twice > totalWeight) {
                return scale.min() + i;
            }
        }
        return scale.max();
    }

    /**
     * The distribution of the responses of both distributions.
     *
     * @param other a distribution on the same scale
     * @return the combined distribution; {@code a.plus(b).equals(b.plus(a))}
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the scales differ
     * @throws ArithmeticException if the combined count overflows a {@code long}
     */
    public RatingDistribution plus(RatingDistribution other) {
        Objects.requireNonNull(other, "other");
        RatingAccumulator acc = RatingAccumulator.of(this);
        acc.merge(RatingAccumulator.of(other));
        return acc.snapshot();
    }

    long[] countsView() {
        return counts;
    }

    double[] weightsView() {
        return weights;
    }

    private double sumWeights(int from, int to) {
        double s = 0.0;
        for (int i = from; i < to; i++) {
            s += weights[i];
        }
        return s;
    }

    private void checkBox(int k) {
        if (k < 1 || k > counts.length) {
            throw new IllegalArgumentException("k must be in 1.." + counts.length + " for scale " + scale
                    + ", was " + k);
        }
    }

    private void requireWeight(String what) {
        if (count == 0) {
            throw new IllegalStateException(what + " of an empty sample is undefined");
        }
        if (totalWeight == 0.0) {
            throw new IllegalStateException(what + " is undefined: total weight is 0");
        }
    }

    /**
     * Equal when the scales, the counts, the weight sums and the sums of squared weights are equal
     * (doubles compared bit for bit).
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal distribution
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RatingDistribution)) {
            return false;
        }
        RatingDistribution that = (RatingDistribution) o;
        return scale.equals(that.scale)
                && Arrays.equals(counts, that.counts)
                && Arrays.equals(weights, that.weights)
                && Double.compare(sumSquaredWeights, that.sumSquaredWeights) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = scale.hashCode();
        h = 31 * h + Arrays.hashCode(counts);
        h = 31 * h + Arrays.hashCode(weights);
        return 31 * h + Double.hashCode(sumSquaredWeights);
    }

    /**
     * A readable summary, e.g. {@code RatingDistribution[scale=1..5, n=6, counts=[1, 0, 2, 3, 0]]},
     * with the weight sums and effective size when the data are weighted.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RatingDistribution[scale=").append(scale)
                .append(", n=").append(count)
                .append(", counts=").append(Arrays.toString(counts));
        if (isWeighted()) {
            sb.append(", weights=").append(Arrays.toString(weights))
                    .append(", effectiveSize=").append(effectiveSize());
        }
        return sb.append(']').toString();
    }
}
