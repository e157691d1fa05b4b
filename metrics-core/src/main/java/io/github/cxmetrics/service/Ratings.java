package io.github.cxmetrics.service;

import io.github.cxmetrics.internal.math.Normal;
import java.util.Objects;

/**
 * Sort keys for ratings and reviews: scores that rank items with few ratings sensibly.
 *
 * <pre>{@code
 * Bayesian average        WR = (m·C + v·R) / (m + v)     = v/(v+m)·R + m/(v+m)·C
 * Wilson lower bound      LB = [p̂ + z²/2n − z·sqrt(p̂(1 − p̂)/n + z²/4n²)] / (1 + z²/n),   0 when n = 0
 * Dirichlet lower bound   μ  = Σ s_k (n_k + 1)/(N + K),  m₂ = Σ s_k² (n_k + 1)/(N + K)
 *                         S  = μ − z·sqrt((m₂ − μ²)/(N + K + 1))
 * }</pre>
 * <ul>
 *   <li><b>Bayesian average</b> (IMDb's and BeerAdvocate's "weighted rank"): R is the item's mean
 *       rating, v its number of ratings, m the prior weight (IMDb's "minimum votes") and C the
 *       global mean rating. BeerAdvocate uses m = 10, C = 2.5. The result lies between C and R.</li>
 *   <li><b>Wilson lower bound</b> of the share of positive ratings (Wilson 1927; E. Miller 2009,
 *       "How not to sort by average rating"). The z is explicit because the convention varies:
 *       Miller's text uses {@code z = 1.96} (two-sided 95 %, {@link #zTwoSided(double)}
 *       {@code (0.95)}); his early code took {@code z = 1.645}, the one-sided 95 % bound
 *       ({@link #zOneSided(double)}{@code (0.95)}). The orders they give can differ. An item
 *       without ratings scores 0, so it sorts last.</li>
 *   <li><b>Dirichlet lower bound</b> for star ratings (E. Miller, "Ranking items with star
 *       ratings"): counts {@code n_k} of K levels worth {@code s_k}, a uniform Dirichlet(1, …, 1)
 *       prior, and the normal approximation to the posterior of the mean worth; μ is the
 *       posterior mean. Miller's example uses z = 1.65. An item without ratings scores the
 *       prior's bound, not 0.</li>
 * </ul>
 *
 * @since 0.2.0
 */
public final class Ratings {

    private Ratings() {
    }

    /**
     * The two-sided critical value {@code Φ⁻¹(1 − (1 − level)/2)}: 1.959963984540054 at 0.95.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return z
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public static double zTwoSided(double level) {
        return Normal.twoSidedCritical(level);
    }

    /**
     * The one-sided critical value {@code Φ⁻¹(level)}: 1.644853626951472 at 0.95.
     *
     * @param level the confidence level, in {@code (0.5, 1)}
     * @return z, {@code > 0}
     * @throws IllegalArgumentException if {@code level} is not in {@code (0.5, 1)}
     */
    public static double zOneSided(double level) {
        if (!(level > 0.5 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0.5, 1), was " + level);
        }
        return -Normal.quantile(1.0 - level);
    }

    /**
     * The Bayesian average of an item's ratings.
     *
     * @param mean R, the item's mean rating, finite
     * @param votes v, the item's number of ratings, {@code >= 0}
     * @param priorWeight m, finite and {@code >= 0}
     * @param priorMean C, finite
     * @return {@code (m·C + v·R)/(m + v)}
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IllegalStateException if {@code m + v = 0} (no ratings and no prior)
     */
    public static double bayesianAverage(double mean, long votes, double priorWeight, double priorMean) {
        finite("mean", mean);
        finite("priorMean", priorMean);
        if (votes < 0) {
            throw new IllegalArgumentException("votes must be >= 0, was " + votes);
        }
        if (!(priorWeight >= 0.0 && priorWeight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("priorWeight must be finite and >= 0, was " + priorWeight);
        }
        if (votes == 0 && priorWeight == 0.0) {
            throw new IllegalStateException("Bayesian average of no ratings with prior weight 0 is undefined");
        }
        double v = votes;
        double wr = v / (v + priorWeight) * mean + priorWeight / (v + priorWeight) * priorMean;
        // the weighted form stays between C and R, which the expanded (m·C + v·R)/(m + v) need not by rounding
        return Math.max(Math.min(mean, priorMean), Math.min(Math.max(mean, priorMean), wr));
    }

    /**
     * The Wilson lower bound of the positive share, with an explicit z.
     *
     * @param positive the positive ratings, in {@code 0..n}
     * @param n the ratings, {@code >= 0}
     * @param z the normal critical value, finite and {@code >= 0} (1.96 two-sided, 1.645 one-sided
     *     at 95 %)
     * @return the lower bound in {@code [0, 1]}; 0 when {@code n = 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double wilsonLowerBound(long positive, long n, double z) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (positive < 0 || positive > n) {
            throw new IllegalArgumentException("positive must be in 0.." + n + ", was " + positive);
        }
        checkZ(z);
        if (n == 0) {
            return 0.0;
        }
        double nn = n;
        double p = positive / nn;
        double z2 = z * z;
        double lb = (p + z2 / (2.0 * nn) - z * Math.sqrt((p * (1.0 - p) + z2 / (4.0 * nn)) / nn)) / (1.0 + z2 / nn);
        return Math.max(0.0, Math.min(1.0, lb));
    }

    /**
     * The Dirichlet posterior mean worth of a star distribution, {@code Σ s_k (n_k + 1)/(N + K)}.
     *
     * @param counts the ratings at each level, {@code >= 0}
     * @param worths the worth of each level (e.g. 5, 4, 3, 2, 1 for counts listed 5★ first), finite
     * @return μ, between the smallest and largest worth
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, have fewer than 2 levels, a
     *     count is negative or a worth not finite
     */
    public static double starPosteriorMean(long[] counts, double[] worths) {
        return moments(counts, worths)[0];
    }

    /**
     * Evan Miller's lower bound of the mean worth of a star distribution (see the class formulas).
     *
     * @param counts the ratings at each level, {@code >= 0}
     * @param worths the worth of each level, finite
     * @param z the normal critical value, finite and {@code >= 0} (Miller uses 1.65)
     * @return S
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException as {@link #starPosteriorMean(long[], double[])}, or if z is
     *     out of range
     */
    public static double starLowerBound(long[] counts, double[] worths, double z) {
        checkZ(z);
        double[] m = moments(counts, worths);
        return m[0] - z * Math.sqrt(m[1]);
    }

    /** {posterior mean, posterior variance of the mean (m₂ − μ²)/(N + K + 1)}. */
    private static double[] moments(long[] counts, double[] worths) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(worths, "worths");
        if (counts.length != worths.length) {
            throw new IllegalArgumentException("counts and worths must have the same length, were "
                    + counts.length + " and " + worths.length);
        }
        int k = counts.length;
        if (k < 2) {
            throw new IllegalArgumentException("a star distribution needs at least 2 levels, was " + k);
        }
        double total = k;
        for (int i = 0; i < k; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count must be >= 0, was " + counts[i] + " (index " + i + ")");
            }
            if (!Double.isFinite(worths[i])) {
                throw new IllegalArgumentException("worth must be finite, was " + worths[i] + " (index " + i + ")");
            }
            total += counts[i];
        }
        double s1 = 0.0;
        double s2 = 0.0;
        for (int i = 0; i < k; i++) {
            double weight = counts[i] + 1.0;
            s1 += worths[i] * weight;
            s2 += worths[i] * worths[i] * weight;
        }
        double mu = s1 / total;
        double m2 = s2 / total;
        return new double[] {mu, Math.max(0.0, m2 - mu * mu) / (total + 1.0)};
    }

    private static void checkZ(double z) {
        if (!(z >= 0.0 && z < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("z must be finite and >= 0, was " + z);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, was " + v);
        }
    }
}
