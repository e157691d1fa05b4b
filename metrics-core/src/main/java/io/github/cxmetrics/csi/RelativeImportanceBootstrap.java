package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The uncertainty of {@link RelativeImportance}: a jackknife standard error and bootstrap percentile
 * intervals for LMG, LMG shares and Johnson's relative weights, per attribute and for every pairwise
 * difference ("does driver a really beat driver b?"). Immutable.
 *
 * <h2>Bootstrap</h2>
 * Resample b (b = 0 … B − 1) is the row-index array {@link Resampler#resample(int, int)} returns:
 * indices into the input rows (0 … N − 1, incomplete rows included), with repetition. Each resample
 * is analysed exactly as the full data (same {@link RelativeImportance.Options}: missing handling,
 * and the survey weights of the drawn rows, which travel with them). The default resampler,
 * {@link Resampler#seeded(long)} with {@link #DEFAULT_SEED}, draws N rows uniformly with
 * replacement. (With survey weights this is the weighted estimator on a plain bootstrap resample of
 * the rows; Turas instead draws rows with probability proportional to weight and analyses them
 * unweighted. Pass your own resampler for that.) A resample on which the analysis fails (collinear
 * or constant columns, too few complete rows) is skipped and counted in {@link #failedResamples()};
 * Turas warns above 10–20 % failures.
 *
 * <p><b>Percentile rule.</b> The interval at level 1 − α of a quantity with successful replicate
 * values θ*₁ … θ*_m (sorted θ*₍₁₎ ≤ … ≤ θ*₍ₘ₎) is {@code [Q(α/2), Q(1 − α/2)]} with Q the type-7
 * sample quantile of Hyndman &amp; Fan (1996), "Sample quantiles in statistical packages",
 * <i>The American Statistician</i> 50(4):361–365 (R's {@code quantile} default):
 * {@code h = (m − 1)·u, Q(u) = θ*₍⌊h⌋+1₎ + (h − ⌊h⌋)·(θ*₍⌊h⌋+2₎ − θ*₍⌊h⌋+1₎)}. This differs slightly
 * from relaimpo's {@code boot.ci(type = "perc")}, which takes order statistics at {@code (B + 1)·u}
 * with interpolation on the normal-quantile scale; for B = 1000 the two agree to within one order
 * statistic. The intervals of differences {@code θ_a − θ_b} are formed from the per-resample
 * differences, not from the two marginal intervals.
 *
 * <h2>Jackknife</h2>
 * Leave-one-out over the n rows used (complete rows with positive weight; pairwise, rows with overall
 * and at least one attribute): {@code SE = sqrt((n − 1)/n · Σ_i (θ₍ᵢ₎ − θ̄)²)} with θ̄ the mean of the
 * n leave-one-out values (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>,
 * eq. 11.5). Each leave-one-out moment matrix is the full one with the row's Welford update undone,
 * so a replicate costs one subset analysis (O(2^p·p²)), not a pass over the data; n replicates still
 * cost n such analyses. Replicates that fail are left out (n then counts the successful ones).
 *
 * @since 0.2.0
 */
public final class RelativeImportanceBootstrap {

    /** The seed of the default resampler: {@value}. */
    public static final long DEFAULT_SEED = 20_001L;

    /**
     * The quantities bootstrapped.
     *
     * @since 0.2.0
     */
    public enum Measure {
        /** {@link RelativeImportance#lmg()}. */
        LMG,
        /** {@link RelativeImportance#lmgShares()}. */
        LMG_SHARE,
        /** {@link RelativeImportance#relativeWeights()}. */
        RELATIVE_WEIGHT
    }

    /**
     * Produces the rows of each bootstrap resample.
     *
     * @since 0.2.0
     */
    @FunctionalInterface
    public interface Resampler {
        /**
         * The row indices of resample b.
         *
         * @param b the resample number, 0 … B − 1
         * @param rows the number of input rows N
         * @return indices in [0, N), with repetition; at least one
         */
        int[] resample(int b, int rows);

        /**
         * Uniform resampling with replacement of N rows; resample b uses its own
         * {@code new SplittableRandom(seed + b·0x9E3779B97F4A7C15L)}, so any resample can be
         * reproduced alone and the results do not depend on evaluation order.
         *
         * @param seed the seed
         * @return the resampler
         */
        static Resampler seeded(long seed) {
            return (b, rows) -> {
                SplittableRandom random = new SplittableRandom(seed + b * 0x9E3779B97F4A7C15L);
                int[] idx = new int[rows];
                for (int i = 0; i < rows; i++) {
                    idx[i] = random.nextInt(rows);
                }
                return idx;
            };
        }
    }

    private final RelativeImportance estimate;
    private final int resamples;
    private final int failed;
    private final int jackknifeFailed;
    private final double[][][] replicates; // [measure][b][j], NaN rows for failed resamples, null if absent
    private final double[][] jackknifeSe; // [measure][j], null if absent

    private RelativeImportanceBootstrap(RelativeImportance estimate, int resamples, int failed, int jackknifeFailed,
            double[][][] replicates, double[][] jackknifeSe) {
        this.estimate = estimate;
        this.resamples = resamples;
        this.failed = failed;
        this.jackknifeFailed = jackknifeFailed;
        this.replicates = replicates;
        this.jackknifeSe = jackknifeSe;
    }

    /**
     * Jackknife and bootstrap with the default resampler ({@link #DEFAULT_SEED}).
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param options weights, missing handling, names
     * @param resamples the number of bootstrap resamples B, {@code >= 0} (0: jackknife only)
     * @return the result
     * @throws IllegalArgumentException as {@link RelativeImportance#of(double[][], double[],
     *     RelativeImportance.Options)}, or if {@code resamples < 0}
     */
    public static RelativeImportanceBootstrap of(double[][] ratings, double[] overall,
            RelativeImportance.Options options, int resamples) {
        return of(ratings, overall, options, resamples, Resampler.seeded(DEFAULT_SEED));
    }

    /**
     * Jackknife and bootstrap with the given resampler.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param options weights, missing handling, names
     * @param resamples the number of bootstrap resamples B, {@code >= 0}
     * @param resampler the resampler
     * @return the result
     * @throws IllegalArgumentException as {@link RelativeImportance#of(double[][], double[],
     *     RelativeImportance.Options)}, if {@code resamples < 0}, or if the resampler returns an empty
     *     array or an index outside the rows
     */
    public static RelativeImportanceBootstrap of(double[][] ratings, double[] overall,
            RelativeImportance.Options options, int resamples, Resampler resampler) {
        return of(ratings, overall, options, resamples, resampler, true);
    }

    /**
     * Bootstrap with the given resampler, and the jackknife only if asked for. The jackknife costs
     * one subset analysis per respondent (n · O(2^p·p²)): about 2 ms each for 14 attributes, so
     * several minutes for 10⁵ respondents. Without it, {@link #bootstrapStandardErrors(Measure)}
     * gives the standard errors.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param options weights, missing handling, names
     * @param resamples the number of bootstrap resamples B, {@code >= 0}
     * @param resampler the resampler
     * @param jackknife whether to compute the leave-one-out replicates
     * @return the result
     * @throws IllegalArgumentException as {@link #of(double[][], double[], RelativeImportance.Options, int,
     *     Resampler)}
     */
    public static RelativeImportanceBootstrap of(double[][] ratings, double[] overall,
            RelativeImportance.Options options, int resamples, Resampler resampler, boolean jackknife) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resampler, "resampler");
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0, was " + resamples);
        }
        RelativeImportance.checkShape(ratings, overall, options.weightsOrNull());
        int p = ratings[0].length;
        String[] names = options.namesFor(p);
        double[] w = options.weightsOrNull();
        boolean pairwise = options.missingHandling() == RelativeImportance.Missing.PAIRWISE;
        DriverMoments full = DriverMoments.of(ratings, overall, w, null, pairwise);
        RelativeImportance estimate = RelativeImportance.fromMoments(full, names);
        boolean subsets = p <= RelativeImportance.MAX_SUBSET_ATTRIBUTES;
        int measures = Measure.values().length;
        double[][][] reps = new double[measures][resamples][];
        int failed = 0;
        for (int b = 0; b < resamples; b++) {
            int[] idx = Objects.requireNonNull(resampler.resample(b, ratings.length), "resample " + b);
            if (idx.length == 0) {
                throw new IllegalArgumentException("resample " + b + " is empty");
            }
            for (int t = 0; t < idx.length; t++) {
                if (idx[t] < 0 || idx[t] >= ratings.length) {
                    throw new IllegalArgumentException("resample " + b + " has index " + idx[t] + " at position " + t
                            + "; must be in [0, " + ratings.length + ")");
                }
            }
            RelativeImportance r;
            try {
                r = RelativeImportance.fromMoments(DriverMoments.of(ratings, overall, w, idx, pairwise), names);
            } catch (IllegalArgumentException | IllegalStateException e) {
                r = null;
            }
            store(reps, b, r, subsets, p);
            failed += r == null || (subsets && Double.isNaN(reps[Measure.LMG_SHARE.ordinal()][b][0])) ? 1 : 0;
        }
        // jackknife
        int used = 0;
        int jackFailed = 0;
        double[][][] jack = new double[measures][ratings.length][];
        for (int i = 0; jackknife && i < ratings.length; i++) {
            if (!DriverMoments.used(ratings, overall, w, i, pairwise)) {
                continue;
            }
            RelativeImportance r;
            try {
                r = RelativeImportance.fromMoments(full.without(ratings, overall, w, i), names);
            } catch (IllegalArgumentException | IllegalStateException e) {
                r = null;
            }
            store(jack, used, r, subsets, p);
            if (r == null || (subsets && Double.isNaN(jack[Measure.LMG_SHARE.ordinal()][used][0]))) {
                jackFailed++;
            }
            used++;
        }
        double[][] se = new double[measures][];
        for (int m = 0; m < measures; m++) {
            if (!subsets && m != Measure.RELATIVE_WEIGHT.ordinal()) {
                reps[m] = null;
                continue;
            }
            se[m] = jackknife ? jackknife(Arrays.copyOf(jack[m], used), p) : null;
        }
        return new RelativeImportanceBootstrap(estimate, resamples, failed, jackFailed, reps, se);
    }

    private static void store(double[][][] out, int b, RelativeImportance r, boolean subsets, int p) {
        double[] nan = new double[p];
        Arrays.fill(nan, Double.NaN);
        if (r == null) {
            for (double[][] m : out) {
                m[b] = nan;
            }
            return;
        }
        out[Measure.RELATIVE_WEIGHT.ordinal()][b] = r.relativeWeights();
        if (subsets) {
            double[] l = r.lmg();
            out[Measure.LMG.ordinal()][b] = l;
            double s = 0.0;
            for (double e : l) {
                s += e;
            }
            if (s > 0.0) {
                out[Measure.LMG_SHARE.ordinal()][b] = r.lmgShares();
            } else {
                for (double[][] m : out) {
                    m[b] = nan;
                }
            }
        } else {
            out[Measure.LMG.ordinal()][b] = nan;
            out[Measure.LMG_SHARE.ordinal()][b] = nan;
        }
    }

    private static double[] jackknife(double[][] values, int p) {
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            int n = 0;
            double mean = 0.0;
            for (double[] v : values) {
                if (!Double.isNaN(v[j])) {
                    n++;
                    mean += (v[j] - mean) / n;
                }
            }
            double ss = 0.0;
            for (double[] v : values) {
                if (!Double.isNaN(v[j])) {
                    ss += (v[j] - mean) * (v[j] - mean);
                }
            }
            se[j] = n < 2 ? Double.NaN : Math.sqrt((n - 1.0) / n * ss);
        }
        return se;
    }

    /**
     * The estimate on the full data.
     *
     * @return the estimate
     */
    public RelativeImportance estimate() {
        return estimate;
    }

    /**
     * The number of bootstrap resamples B requested.
     *
     * @return B
     */
    public int resamples() {
        return resamples;
    }

    /**
     * The number of resamples on which the analysis failed (singular or constant columns, too few
     * complete rows); they are left out of the intervals.
     *
     * @return the count, in [0, B]
     */
    public int failedResamples() {
        return failed;
    }

    /**
     * The number of leave-one-out replicates that failed and were left out of the jackknife.
     *
     * @return the count
     */
    public int failedJackknifeReplicates() {
        return jackknifeFailed;
    }

    private double[][] reps(Measure m) {
        Objects.requireNonNull(m, "measure");
        double[][] r = replicates[m.ordinal()];
        if (r == null) {
            throw new IllegalStateException(m + " needs all 2^p subset R²; p = " + estimate.attributeCount()
                    + " attributes exceeds the limit of " + RelativeImportance.MAX_SUBSET_ATTRIBUTES);
        }
        return r;
    }

    /**
     * The replicate values: row b is resample b's measure per attribute, all NaN if it failed.
     *
     * @param measure the measure
     * @return a new B×p matrix
     * @throws IllegalStateException for LMG measures when p &gt; 20
     */
    public double[][] replicates(Measure measure) {
        double[][] r = reps(measure);
        double[][] out = new double[r.length][];
        for (int b = 0; b < r.length; b++) {
            out[b] = r[b].clone();
        }
        return out;
    }

    /**
     * The jackknife standard errors per attribute (see the class description), in the measure's
     * units.
     *
     * @param measure the measure
     * @return a new array
     * @throws IllegalStateException for LMG measures when p &gt; 20
     */
    public double[] jackknifeStandardErrors(Measure measure) {
        reps(measure);
        double[] se = jackknifeSe[measure.ordinal()];
        if (se == null) {
            throw new IllegalStateException("the jackknife was not computed (of(..., jackknife = false));"
                    + " see bootstrapStandardErrors");
        }
        return se.clone();
    }

    /**
     * Whether the jackknife was computed.
     *
     * @return true unless the result was made with {@code jackknife = false}
     */
    public boolean hasJackknife() {
        for (double[] se : jackknifeSe) {
            if (se != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The bootstrap standard errors per attribute: the standard deviation of the successful
     * replicates, {@code sqrt(Σ_b (θ*_b − θ̄*)² / (m − 1))} over the m successful resamples (Efron
     * &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>, eq. 6.6), in the measure's units.
     *
     * @param measure the measure
     * @return a new array
     * @throws IllegalStateException for LMG measures when p &gt; 20, or if fewer than 2 resamples
     *     succeeded
     */
    public double[] bootstrapStandardErrors(Measure measure) {
        double[][] r = reps(measure);
        int p = estimate.attributeCount();
        double[] se = new double[p];
        for (int j = 0; j < p; j++) {
            int m = 0;
            double mean = 0.0;
            double ss = 0.0;
            for (double[] row : r) {
                double x = row[j];
                if (!Double.isNaN(x)) {
                    m++;
                    double d = x - mean;
                    mean += d / m;
                    ss += d * (x - mean); // Welford
                }
            }
            if (m < 2) {
                throw new IllegalStateException("a bootstrap standard error needs at least 2 successful resamples,"
                        + " had " + m);
            }
            se[j] = Math.sqrt(ss / (m - 1));
        }
        return se;
    }

    /**
     * The bootstrap percentile interval of one attribute's measure (type-7 quantiles, see the class
     * description).
     *
     * @param measure the measure
     * @param attribute the attribute's column index
     * @param level the confidence level, in (0, 1)
     * @return the interval, in the measure's units
     * @throws IndexOutOfBoundsException if the index is not a column
     * @throws IllegalStateException if fewer than 2 resamples succeeded
     */
    public Interval interval(Measure measure, int attribute, double level) {
        double[][] r = reps(measure);
        Objects.checkIndex(attribute, estimate.attributeCount());
        Checks.level(level);
        return percentile(r, attribute, -1, level);
    }

    /**
     * The bootstrap percentile interval of the difference {@code θ_a − θ_b} of two attributes'
     * measures, from the per-resample differences. An interval excluding 0 says that a beats b (or b
     * beats a) at that level.
     *
     * @param measure the measure
     * @param a the first attribute's column index
     * @param b the second attribute's column index
     * @param level the confidence level, in (0, 1)
     * @return the interval, in the measure's units
     * @throws IndexOutOfBoundsException if an index is not a column
     * @throws IllegalStateException if fewer than 2 resamples succeeded
     */
    public Interval differenceInterval(Measure measure, int a, int b, double level) {
        double[][] r = reps(measure);
        Objects.checkIndex(a, estimate.attributeCount());
        Objects.checkIndex(b, estimate.attributeCount());
        Checks.level(level);
        return percentile(r, a, b, level);
    }

    private Interval percentile(double[][] r, int a, int b, double level) {
        double[] v = new double[r.length];
        int m = 0;
        for (double[] row : r) {
            double x = b < 0 ? row[a] : row[a] - row[b];
            if (!Double.isNaN(x)) {
                v[m++] = x;
            }
        }
        if (m < 2) {
            throw new IllegalStateException("a percentile interval needs at least 2 successful resamples, had " + m);
        }
        Arrays.sort(v, 0, m);
        double alpha = 1.0 - level;
        return new Interval(quantile(v, m, alpha / 2), quantile(v, m, 1 - alpha / 2), level);
    }

    /** Hyndman–Fan type 7 on the sorted first m values. */
    static double quantile(double[] sorted, int m, double u) {
        double h = (m - 1) * u;
        int lo = (int) Math.floor(h);
        if (lo >= m - 1) {
            return sorted[m - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /**
     * Equal when the estimates, counts, replicates and standard errors are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RelativeImportanceBootstrap)) {
            return false;
        }
        RelativeImportanceBootstrap x = (RelativeImportanceBootstrap) o;
        return estimate.equals(x.estimate) && resamples == x.resamples && failed == x.failed
                && jackknifeFailed == x.jackknifeFailed && Arrays.deepEquals(replicates, x.replicates)
                && Arrays.deepEquals(jackknifeSe, x.jackknifeSe);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (estimate.hashCode() * 31 + resamples) * 31 + Arrays.deepHashCode(jackknifeSe);
    }

    /**
     * A readable summary, e.g. {@code RelativeImportanceBootstrap[B=1000, failed=0, lmg SE=[…]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RelativeImportanceBootstrap[B=").append(resamples).append(", failed=")
                .append(failed);
        double[] se = jackknifeSe[replicates[0] != null ? 0 : Measure.RELATIVE_WEIGHT.ordinal()];
        if (se == null) {
            return sb.append(", no jackknife, ").append(estimate).append(']').toString();
        }
        sb.append(replicates[0] != null ? ", lmg SE=[" : ", rw SE=[");
        for (int j = 0; j < se.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", se[j]));
        }
        return sb.append("], ").append(estimate).append(']').toString();
    }
}
