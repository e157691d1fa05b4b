package io.github.cxmetrics.stats;

import java.util.Locale;

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
 * does the variance of a sample whose effective size is not above 1.
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
     * Kish's effective sample size {@code (Σw)²/Σw²}.
     *
     * @return the effective size; {@link #count()} without weights; 0 when empty
     */
    public double effectiveSize() {
        return sumOfSquaredWeights == 0.0 ? 0.0 : totalWeight * (totalWeight / sumOfSquaredWeights);
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
        return sumOfSquaredDeviations / totalWeight * (nEff / (nEff - 1.0));
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
     * freedom.
     *
     * @return the estimate
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public Estimate estimate() {
        return new Estimate(mean(), standardError(), effectiveSize() - 1.0);
    }

    /**
     * The Student t interval {@code x̄ ± t(1 − (1 − level)/2; n_eff − 1) · SE}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the effective sample size is not above 1
     */
    public Interval confidenceInterval(double level) {
        return estimate().confidenceInterval(level);
    }

    /**
     * Welch's two-sample t test of {@code b − a} (Welch 1947, "The generalization of 'Student's'
     * problem when several different population variances are involved", <i>Biometrika</i>
     * 34:28–35), with Welch–Satterthwaite degrees of freedom:
     * <pre>{@code
     * SE = sqrt(s_a²/n_a + s_b²/n_b)
     * df = SE⁴ / [ (s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1) ]
     * }</pre>
     * with {@code n} the effective sizes. When both variances are 0, df is taken as
     * {@code n_a + n_b − 2} (the test is then degenerate: see {@link Difference}).
     *
     * @param a the first sample
     * @param b the second sample
     * @return the difference {@code mean(b) − mean(a)}
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if either effective size is not above 1
     */
    public static Difference welch(MeanSummary a, MeanSummary b) {
        java.util.Objects.requireNonNull(a, "a");
        java.util.Objects.requireNonNull(b, "b");
        return welch(a.mean(), a.variance(), a.effectiveSize(), b.mean(), b.variance(), b.effectiveSize());
    }

    /**
     * Welch's test from the moments of two samples; see {@link #welch(MeanSummary, MeanSummary)}.
     *
     * @param meanA mean of the first sample
     * @param varianceA its sample variance
     * @param nA its (effective) size, {@code > 1}
     * @param meanB mean of the second sample
     * @param varianceB its sample variance
     * @param nB its (effective) size, {@code > 1}
     * @return the difference {@code meanB − meanA}
     * @throws IllegalArgumentException if a size is not above 1 or a moment is not finite
     */
    public static Difference welch(double meanA, double varianceA, double nA,
            double meanB, double varianceB, double nB) {
        if (!(nA > 1.0) || !(nB > 1.0)) {
            throw new IllegalArgumentException("Welch's test needs sizes above 1, were " + nA + " and " + nB);
        }
        double va = varianceA / nA;
        double vb = varianceB / nB;
        double se2 = va + vb;
        double df = se2 == 0.0 ? nA + nB - 2.0
                : se2 * se2 / (va * va / (nA - 1.0) + vb * vb / (nB - 1.0));
        return new Difference(meanB - meanA, Math.sqrt(se2), df);
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
