package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;

/**
 * The immutable weighted mean and variance of a sample, from {@link MeanAccumulator#snapshot()}.
 *
 * <pre>{@code
 * mean      x̄  = Σ w·x / Σw
 * variance  s² = [Σ w·(x − x̄)² / Σw] · n_eff / (n_eff − 1)       n_eff = (Σw)² / Σw²   (Kish 1965)
 * SE(x̄)       = s / sqrt(n_eff),   interval x̄ ± t(n_eff − 1)·SE   (Student t)
 * }</pre>
 * Without weights these are the usual unbiased sample variance {@code Σ(x − x̄)²/(n − 1)} and the
 * one-sample t interval. Units: those of the values (variance in squared units).
 *
 * <p>An empty summary exists ({@link #isEmpty()}); its mean throws {@link IllegalStateException}, as
 * does the variance of a sample whose effective size is not above 1. Every moment of a summary is a
 * finite double: {@link MeanAccumulator} refuses values whose variance would overflow.
 *
 * <p>Built by {@link #of(double...)}, {@link MeanAccumulator#snapshot()} or the collectors
 * {@link MeanAccumulator#collector(java.util.function.ToDoubleFunction)}.
 *
 * @since 0.1.0
 */
public final class MeanSummary {

    private final long count;
    private final double totalWeight;
    private final double sumOfSquaredWeights;
    private final double mean;
    private final double sumOfSquaredDeviations;

    MeanSummary(long count, double totalWeight, double sumOfSquaredWeights, double mean,
            double sumOfSquaredDeviations) {
        this.count = count;
        this.totalWeight = totalWeight;
        this.sumOfSquaredWeights = sumOfSquaredWeights;
        this.mean = mean;
        this.sumOfSquaredDeviations = sumOfSquaredDeviations;
    }

    /**
     * The summary of some values, each with weight 1 (Guava's {@code Stats.of} idiom).
     *
     * @param values finite values
     * @return their summary
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if a value is NaN or infinite, or the variance would overflow
     *     (see {@link MeanAccumulator})
     */
    public static MeanSummary of(double... values) {
        Objects.requireNonNull(values, "values");
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(values);
        return acc.snapshot();
    }

    /**
     * A collector of values into their summary (Guava's {@code Stats.toStats()} idiom); the same as
     * {@link MeanAccumulator#collector(ToDoubleFunction)}.
     *
     * @param <T> the type of the stream elements
     * @param value the value of an element, finite
     * @return the collector
     * @throws NullPointerException if {@code value} is null
     * @since 0.2.0
     */
    public static <T> Collector<T, MeanAccumulator, MeanSummary> collector(ToDoubleFunction<? super T> value) {
        return MeanAccumulator.collector(value);
    }

    /**
     * A collector of weighted values into their summary; the same as
     * {@link MeanAccumulator#collector(ToDoubleFunction, ToDoubleFunction)}.
     *
     * @param <T> the type of the stream elements
     * @param value the value of an element, finite
     * @param weight the weight of an element, as in {@link MeanAccumulator#add(double, double)}
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @since 0.2.0
     */
    public static <T> Collector<T, MeanAccumulator, MeanSummary> collector(ToDoubleFunction<? super T> value,
            ToDoubleFunction<? super T> weight) {
        return MeanAccumulator.collector(value, weight);
    }

    /**
     * The number of values.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * Whether no value was added.
     *
     * @return {@code count() == 0}
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The sum of weights {@code Σw}.
     *
     * @return the total weight
     */
    public double totalWeight() {
        return totalWeight;
    }

    /**
     * Kish's effective sample size {@code (Σw)²/Σw²}, at most {@link #count()}: in exact arithmetic
     * {@code (Σw)²/Σw² <= n} (Cauchy–Schwarz), and where rounding of the sums puts the computed ratio
     * above the count, the count is returned.
     *
     * @return the effective size, in {@code [0, count()]}; {@link #count()} without weights; 0 when empty
     *     or when every weight is 0
     */
    public double effectiveSize() {
        return effectiveSize(count, totalWeight, sumOfSquaredWeights);
    }

    static double effectiveSize(long count, double totalWeight, double sumOfSquaredWeights) {
        return sumOfSquaredWeights == 0.0 ? 0.0
                : Math.min((double) count, totalWeight * (totalWeight / sumOfSquaredWeights));
    }

    /** The class formula's variance of a state; NaN where the effective size is not above 1. */
    static double variance(long count, double totalWeight, double sumOfSquaredWeights, double m2) {
        double nEff = effectiveSize(count, totalWeight, sumOfSquaredWeights);
        return nEff > 1.0 ? m2 / totalWeight * (nEff / (nEff - 1.0)) : Double.NaN;
    }

    /**
     * The weighted mean {@code Σ w·x / Σw}.
     *
     * @return the mean
     * @throws IllegalStateException if the sample is empty or its total weight is 0
     */
    public double mean() {
        if (count == 0) {
            throw new IllegalStateException("mean of an empty sample is undefined");
        }
        if (totalWeight == 0.0) {
            throw new IllegalStateException("mean is undefined: total weight is 0");
        }
        return mean;
    }

    /**
     * The Kish-corrected sample variance (see the class formula).
     *
     * @return the variance, {@code >= 0}
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public double variance() {
        double nEff = effectiveSize();
        if (!(nEff > 1.0)) {
            throw new IllegalStateException("variance needs an effective sample size above 1, was " + nEff);
        }
        return variance(count, totalWeight, sumOfSquaredWeights, sumOfSquaredDeviations);
    }

    /**
     * The sample standard deviation {@code sqrt(variance())}.
     *
     * @return the standard deviation
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public double standardDeviation() {
        return Math.sqrt(variance());
    }

    /**
     * The standard error of the mean {@code s / sqrt(n_eff)}.
     *
     * @return the standard error
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public double standardError() {
        return Math.sqrt(variance() / effectiveSize());
    }

    /**
     * The mean as an estimate with Student t reference distribution on {@code n_eff − 1} degrees of
     * freedom: {@code asEstimate().confidenceInterval(level)} equals {@link #confidenceInterval(double)}.
     *
     * @return the estimate {@code (x̄, SE, n_eff − 1)}
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public Estimate asEstimate() {
        return new Estimate(mean(), standardError(), effectiveSize() - 1.0);
    }

    /**
     * The Student t interval {@code x̄ ± t(1 − (1 − level)/2; n_eff − 1) · SE}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the effective sample size is not above 1, or if the interval is
     *     unbounded (an effective size barely above 1 leaves almost no degrees of freedom, and the t
     *     critical value is then not a finite double; see {@link Estimate#confidenceInterval(double)})
     */
    public Interval confidenceInterval(double level) {
        Checks.level(level);
        return asEstimate().confidenceInterval(level);
    }

    /**
     * Welch's two-sample t test of {@code b − a} (Welch 1947, "The generalization of 'Student's'
     * problem when several different population variances are involved", <i>Biometrika</i>
     * 34:28–35), with Welch–Satterthwaite degrees of freedom (Satterthwaite 1946, "An approximate
     * distribution of estimates of variance components", <i>Biometrics Bulletin</i> 2(6):110–114):
     * <pre>{@code
     * SE = sqrt(s_a²/n_a + s_b²/n_b)
     * df = SE⁴ / [ (s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1) ]
     * }</pre>
     * with {@code n} the effective sizes. Both are computed with the two terms divided by the larger
     * one, so they are finite for all finite moments (no {@code SE⁴} to overflow). When both variances
     * are 0, df is taken as {@code n_a + n_b − 2} (the test is then degenerate: see {@link Difference}).
     *
     * @param a the first sample
     * @param b the second sample
     * @return the difference {@code mean(b) − mean(a)}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the means are so far apart that their difference is not a
     *     finite double
     * @throws IllegalStateException if either effective size is not above 1
     */
    public static Difference welch(MeanSummary a, MeanSummary b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double diff = b.mean() - a.mean();
        if (!Double.isFinite(diff)) {
            throw new IllegalArgumentException("the means of a and b, " + a.mean() + " and " + b.mean()
                    + ", are too far apart: their difference is not a finite double");
        }
        return welch(diff, a.variance(), a.effectiveSize(), b.variance(), b.effectiveSize());
    }

    /**
     * Welch's test from the moments of two samples; see {@link #welch(MeanSummary, MeanSummary)}.
     *
     * @param meanA mean of the first sample, finite
     * @param varianceA its sample variance, finite and {@code >= 0}
     * @param nA its (effective) size, finite and {@code > 1}
     * @param meanB mean of the second sample, finite
     * @param varianceB its sample variance, finite and {@code >= 0}
     * @param nB its (effective) size, finite and {@code > 1}
     * @return the difference {@code meanB − meanA}
     * @throws IllegalArgumentException if an argument is outside its range, or {@code meanB − meanA} is
     *     not a finite double
     */
    public static Difference welch(double meanA, double varianceA, double nA,
            double meanB, double varianceB, double nB) {
        Checks.finite("meanA", meanA);
        Checks.finite("meanB", meanB);
        checkVariance("varianceA", varianceA);
        checkVariance("varianceB", varianceB);
        checkSize("nA", nA);
        checkSize("nB", nB);
        double diff = meanB - meanA;
        if (!Double.isFinite(diff)) {
            throw new IllegalArgumentException("meanA and meanB, " + meanA + " and " + meanB
                    + ", are too far apart: meanB − meanA is not a finite double");
        }
        return welch(diff, varianceA, nA, varianceB, nB);
    }

    private static void checkVariance(String name, double variance) {
        if (!(variance >= 0.0 && variance < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + variance);
        }
    }

    private static void checkSize(String name, double n) {
        if (!(n > 1.0 && n < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 1 (Welch's test needs more than "
                    + "one value per sample), was " + n);
        }
    }

    private static Difference welch(double diff, double varianceA, double nA, double varianceB, double nB) {
        double va = varianceA / nA;
        double vb = varianceB / nB;
        double scale = Math.max(va, vb);
        if (scale == 0.0) {
            return new Difference(diff, 0.0, nA + nB - 2.0);
        }
        // divided by the larger term: ra, rb in [0, 1], one of them 1, so nothing overflows or vanishes
        double ra = va / scale;
        double rb = vb / scale;
        double sum = ra + rb;
        double df = sum * sum / (ra * ra / (nA - 1.0) + rb * rb / (nB - 1.0));
        double se2 = va + vb;
        double se = se2 < Double.POSITIVE_INFINITY ? Math.sqrt(se2) : Math.sqrt(scale) * Math.sqrt(sum);
        return new Difference(diff, se, df);
    }

    /**
     * Bit-exact equality of the moments: two summaries are equal when count, total weight, sum of
     * squared weights, mean and sum of squared deviations are the same doubles. Summaries of the same
     * values added in a different order or merged differently may differ in the last bits.
     *
     * @param o the other object
     * @return whether {@code o} is a {@code MeanSummary} with the same moments
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MeanSummary)) {
            return false;
        }
        MeanSummary other = (MeanSummary) o;
        return count == other.count
                && Double.compare(totalWeight, other.totalWeight) == 0
                && Double.compare(sumOfSquaredWeights, other.sumOfSquaredWeights) == 0
                && Double.compare(mean, other.mean) == 0
                && Double.compare(sumOfSquaredDeviations, other.sumOfSquaredDeviations) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Long.hashCode(count);
        h = 31 * h + Double.hashCode(totalWeight);
        h = 31 * h + Double.hashCode(sumOfSquaredWeights);
        h = 31 * h + Double.hashCode(mean);
        return 31 * h + Double.hashCode(sumOfSquaredDeviations);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code MeanSummary[n=5, mean=2.0000]}
     */
    @Override
    public String toString() {
        return count == 0 || totalWeight == 0.0 ? "MeanSummary[n=" + count + ", mean=undefined]"
                : String.format(Locale.ROOT, "MeanSummary[n=%d, mean=%.4f]", count, mean);
    }
}
