package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tests for a linear trend over waves (months, weeks, survey rounds): the Cochran–Armitage test for
 * proportions and the weighted-least-squares trend of estimates whose variances are known.
 *
 * <h2>Cochran–Armitage</h2>
 * For {@code k} groups with {@code x_i} successes out of {@code n_i} trials at scores {@code s_i}
 * (the wave number, by default {@code 1..k}):
 * <pre>{@code
 * N = Σ n_i     p̄ = Σ x_i / N     s̄ = Σ n_i s_i / N
 * T = [Σ x_i (s_i − s̄)]² / [p̄(1 − p̄) · Σ n_i (s_i − s̄)²]        ~ χ²(1) under "no trend"
 * z = sign(Σ x_i (s_i − s̄)) · √T                                  (signed: > 0 means rising)
 * }</pre>
 * This is R's {@code prop.trend.test} ({@link CochranArmitage.Variance#BINOMIAL}, the default): the
 * regression sum of squares of the weighted least-squares fit of {@code p_i} on {@code s_i} with
 * weights {@code n_i/(p̄(1 − p̄))}. Some texts multiply {@code T} by {@code (N − 1)/N}, the
 * permutation (hypergeometric) variance of the conditional test; that is
 * {@link CochranArmitage.Variance#HYPERGEOMETRIC}, by explicit choice. References: Cochran (1954),
 * "Some methods for strengthening the common χ² tests", <i>Biometrics</i> 10:417–451; Armitage (1955),
 * "Tests for linear trends in proportions and frequencies", <i>Biometrics</i> 11:375–386; R's
 * {@code stats::prop.trend.test}.
 *
 * <h2>Weighted least squares of estimates</h2>
 * For estimates {@code y_i} (an NPS, a CSAT share, a mean CES per wave) with standard errors
 * {@code SE_i} at times {@code t_i}, the straight line fitted with weights {@code w_i = 1/SE_i²}, the
 * variances taken as known (no residual scaling):
 * <pre>{@code
 * t̄ = Σ w t / Σ w      S_tt = Σ w (t − t̄)²
 * slope     b = Σ w (t − t̄) y / S_tt             SE(b) = 1/√S_tt          ((X'WX)⁻¹, no scaling)
 * intercept a = Σ w y / Σ w − b t̄                SE(a) = √(1/Σw + t̄²/S_tt)
 * z = b / SE(b),  p = 2·P(Z > |z|)                residual χ² = Σ w (y − a − b t)², df k − 2
 * }</pre>
 * The unit of the slope is the estimates' unit per unit of time (NPS points per wave for
 * {@code Nps} estimates). The residual χ² is reported so that a caller can see when the waves vary
 * more than their standard errors allow (then the known-variance SE is too small). This is the
 * inverse-variance weighted regression of meta-regression with fixed effects (e.g. Borenstein et al.
 * 2009, <i>Introduction to Meta-Analysis</i>, ch. 20); for NPS waves it is the trend test proposed in
 * {@code shared/reports/mission-next.md} §3.1, not a peer's.
 *
 * @since 0.2.0
 */
public final class Trend {

    private Trend() {
    }

    /**
     * The result of a Cochran–Armitage test for a linear trend in proportions.
     *
     * @param chiSquare the statistic {@code T} on 1 degree of freedom (already multiplied by
     *     {@code (N − 1)/N} for {@link Variance#HYPERGEOMETRIC}), finite and {@code >= 0}
     * @param statistic the signed {@code z = ±√T}, positive when the proportion rises with the score
     * @param slope the weighted least-squares slope of {@code p_i} on {@code s_i},
     *     {@code Σ x(s − s̄) / Σ n(s − s̄)²}, as a fraction per unit score
     * @param totalTrials {@code N}
     * @param pooledProportion {@code p̄}, in {@code (0, 1)}
     * @param variance the variance used
     * @since 0.2.0
     */
    public record CochranArmitage(double chiSquare, double statistic, double slope, long totalTrials,
            double pooledProportion, Variance variance) {

        /**
         * Which null variance of {@code Σ x(s − s̄)} the test uses.
         *
         * @since 0.2.0
         */
        public enum Variance {
            /** {@code p̄(1 − p̄) Σ n(s − s̄)²}: R's {@code prop.trend.test} (the default). */
            BINOMIAL,
            /**
             * {@code p̄(1 − p̄) Σ n(s − s̄)² · N/(N − 1)}, the permutation variance given the margins, so
             * {@code T} is the binomial one times {@code (N − 1)/N}.
             */
            HYPERGEOMETRIC
        }

        /**
         * Validates the components.
         *
         * @param chiSquare the statistic
         * @param statistic the signed z
         * @param slope the slope
         * @param totalTrials N
         * @param pooledProportion p̄
         * @param variance the variance used
         * @throws NullPointerException if {@code variance} is null
         * @throws IllegalArgumentException if a number is not finite, {@code chiSquare < 0},
         *     {@code totalTrials < 2} or {@code pooledProportion} is not in {@code (0, 1)}
         */
        public CochranArmitage {
            Objects.requireNonNull(variance, "variance");
            if (!(chiSquare >= 0.0 && chiSquare < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("chiSquare must be finite and >= 0, was " + chiSquare);
            }
            Checks.finite("statistic", statistic);
            Checks.finite("slope", slope);
            if (totalTrials < 2) {
                throw new IllegalArgumentException("totalTrials must be >= 2, was " + totalTrials);
            }
            if (!(pooledProportion > 0.0 && pooledProportion < 1.0)) {
                throw new IllegalArgumentException("pooledProportion must be in (0, 1), was " + pooledProportion);
            }
        }

        /**
         * The degrees of freedom of the χ² reference.
         *
         * @return 1
         */
        public int degreesOfFreedom() {
            return 1;
        }

        /**
         * The p-value {@code P(χ²₁ >= T) = 2·P(Z > |z|)}, two-sided in the direction of the trend.
         *
         * @return the p-value, in {@code [0, 1]}
         */
        public double pValue() {
            return Inference.twoSidedPValue(statistic, Double.POSITIVE_INFINITY);
        }

        /**
         * Whether the trend is significant at level {@code alpha}.
         *
         * @param alpha the significance level, in {@code (0, 1)}
         * @return {@code pValue() < alpha}
         * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
         */
        public boolean isSignificant(double alpha) {
            return pValue() < Checks.alpha(alpha);
        }

        /**
         * A readable summary, e.g. {@code CochranArmitage[chiSquare=15.198, z=3.898, p=9.68e-05, BINOMIAL]}.
         *
         * @return the summary
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "CochranArmitage[chiSquare=%.3f, z=%.3f, p=%.3g, slope=%.4g, %s]",
                    chiSquare, statistic, pValue(), slope, variance);
        }
    }

    /**
     * A straight line fitted by weighted least squares to estimates with known variances.
     *
     * @param intercept {@code a}, the fitted value at time 0, in the estimates' unit
     * @param slope {@code b}, in the estimates' unit per unit of time
     * @param slopeStandardError {@code SE(b) = 1/√S_tt}, finite and {@code > 0}
     * @param interceptStandardError {@code SE(a)}, finite and {@code >= 0}
     * @param residualChiSquare {@code Σ w (y − a − b t)²}, finite and {@code >= 0}
     * @param points the number of estimates {@code k}, {@code >= 2}
     * @since 0.2.0
     */
    public record LinearTrend(double intercept, double slope, double slopeStandardError,
            double interceptStandardError, double residualChiSquare, int points) {

        /**
         * Validates the components.
         *
         * @param intercept a
         * @param slope b
         * @param slopeStandardError SE(b)
         * @param interceptStandardError SE(a)
         * @param residualChiSquare the residual χ²
         * @param points k
         * @throws IllegalArgumentException if a number is not finite, a standard error or the residual
         *     χ² is negative, {@code slopeStandardError} is 0, or {@code points < 2}
         */
        public LinearTrend {
            Checks.finite("intercept", intercept);
            Checks.finite("slope", slope);
            if (!(slopeStandardError > 0.0 && slopeStandardError < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("slopeStandardError must be finite and > 0, was "
                        + slopeStandardError);
            }
            if (!(interceptStandardError >= 0.0 && interceptStandardError < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("interceptStandardError must be finite and >= 0, was "
                        + interceptStandardError);
            }
            if (!(residualChiSquare >= 0.0 && residualChiSquare < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("residualChiSquare must be finite and >= 0, was "
                        + residualChiSquare);
            }
            if (points < 2) {
                throw new IllegalArgumentException("points must be >= 2, was " + points);
            }
        }

        /**
         * The z statistic of the slope.
         *
         * @return {@code slope / slopeStandardError}
         */
        public double statistic() {
            return slope / slopeStandardError;
        }

        /**
         * The two-sided p-value of "no trend", on the standard normal reference (known variances).
         *
         * @return {@code 2·P(Z > |z|)}
         */
        public double pValue() {
            return Inference.twoSidedPValue(statistic(), Double.POSITIVE_INFINITY);
        }

        /**
         * The slope as a normal-theory estimate.
         *
         * @return {@code Estimate.normal(slope, slopeStandardError)}
         */
        public Estimate slopeEstimate() {
            return Estimate.normal(slope, slopeStandardError);
        }

        /**
         * The Wald interval {@code slope ± z·SE(b)}.
         *
         * @param level the confidence level, in {@code (0, 1)}
         * @return the interval, in the slope's unit
         * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
         */
        public Interval confidenceInterval(double level) {
            return slopeEstimate().confidenceInterval(level);
        }

        /**
         * The degrees of freedom of the residual χ².
         *
         * @return {@code points − 2}
         */
        public int residualDegreesOfFreedom() {
            return points - 2;
        }

        /**
         * The fitted value {@code a + b·t}.
         *
         * @param time the time
         * @return the fitted value, in the estimates' unit
         * @throws IllegalArgumentException if {@code time} is not finite
         */
        public double fitted(double time) {
            return intercept + slope * Checks.finite("time", time);
        }

        /**
         * Whether the slope is significant at level {@code alpha}.
         *
         * @param alpha the significance level, in {@code (0, 1)}
         * @return {@code pValue() < alpha}
         * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
         */
        public boolean isSignificant(double alpha) {
            return pValue() < Checks.alpha(alpha);
        }

        /**
         * A readable summary, e.g. {@code LinearTrend[slope=-3.017, se=0.798, z=-3.782, p=0.000155, k=8]}.
         *
         * @return the summary
         */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "LinearTrend[slope=%.4g, se=%.4g, z=%.3f, p=%.3g, k=%d]",
                    slope, slopeStandardError, statistic(), pValue(), points);
        }
    }

    /**
     * The Cochran–Armitage test with scores {@code 1..k} and the binomial variance (R's
     * {@code prop.trend.test(x, n)}).
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @return the test
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException as {@link #cochranArmitage(long[], long[], double[], CochranArmitage.Variance)}
     * @throws IllegalStateException if every trial is a success, or none is
     */
    public static CochranArmitage cochranArmitage(long[] successes, long[] trials) {
        Objects.requireNonNull(trials, "trials");
        double[] scores = new double[trials.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i + 1;
        }
        return cochranArmitage(successes, trials, scores, CochranArmitage.Variance.BINOMIAL);
    }

    /**
     * The Cochran–Armitage test with given scores and the binomial variance (R's
     * {@code prop.trend.test(x, n, score)}).
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @param scores {@code s_i}, finite, not all equal
     * @return the test
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException as {@link #cochranArmitage(long[], long[], double[], CochranArmitage.Variance)}
     * @throws IllegalStateException if every trial is a success, or none is
     */
    public static CochranArmitage cochranArmitage(long[] successes, long[] trials, double[] scores) {
        return cochranArmitage(successes, trials, scores, CochranArmitage.Variance.BINOMIAL);
    }

    /**
     * The Cochran–Armitage test (see the class comment).
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @param scores {@code s_i}, finite, not all equal; not changed
     * @param variance {@link CochranArmitage.Variance#BINOMIAL} (R) or
     *     {@link CochranArmitage.Variance#HYPERGEOMETRIC}
     * @return the test
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the arrays differ in length or have fewer than 2 groups, a
     *     count is out of range (the message names its index), the total of the trials overflows, a
     *     score is not finite, or all scores are equal
     * @throws IllegalStateException if every trial is a success or none is ({@code p̄} is 0 or 1, so
     *     the null variance is 0 and the test is undefined)
     */
    public static CochranArmitage cochranArmitage(long[] successes, long[] trials, double[] scores,
            CochranArmitage.Variance variance) {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(trials, "trials");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(variance, "variance");
        int k = trials.length;
        if (successes.length != k || scores.length != k) {
            throw new IllegalArgumentException("successes, trials and scores must have the same length, were "
                    + successes.length + ", " + k + " and " + scores.length);
        }
        if (k < 2) {
            throw new IllegalArgumentException("a trend test needs at least 2 groups, was " + k);
        }
        long total = 0;
        long hits = 0;
        for (int i = 0; i < k; i++) {
            if (trials[i] < 1) {
                throw new IllegalArgumentException("trials must be >= 1, was " + trials[i] + " (index " + i + ")");
            }
            if (successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("successes must be in 0.." + trials[i] + ", was " + successes[i]
                        + " (index " + i + ")");
            }
            Checks.finite("score at index " + i, scores[i]);
            try {
                total = Math.addExact(total, trials[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the total of trials overflows a long at index " + i, e);
            }
            hits += successes[i];
        }
        if (!distinct(scores)) {
            throw new IllegalArgumentException("scores must not all be equal, were all " + scores[0]);
        }
        if (hits == 0 || hits == total) {
            throw new IllegalStateException("the Cochran–Armitage test is undefined when "
                    + (hits == 0 ? "no trial is a success" : "every trial is a success") + " (p̄ = "
                    + (hits == 0 ? 0 : 1) + ")");
        }
        double n = total;
        double pBar = hits / n;
        // centre the scores at their plain mean first (exact shift), then at the trial-weighted mean
        double shift = 0.0;
        for (double s : scores) {
            shift += s / k;
        }
        double sBar = 0.0;
        for (int i = 0; i < k; i++) {
            sBar += trials[i] * (scores[i] - shift);
        }
        sBar /= n;
        double sxy = 0.0;
        double sxx = 0.0;
        for (int i = 0; i < k; i++) {
            double d = (scores[i] - shift) - sBar;
            sxy += successes[i] * d;
            sxx += trials[i] * d * d;
        }
        double t = sxy * sxy / (pBar * (1.0 - pBar) * sxx);
        if (variance == CochranArmitage.Variance.HYPERGEOMETRIC) {
            t *= (n - 1.0) / n;
        }
        if (!Double.isFinite(t) || !(sxx > 0.0)) {
            throw new IllegalArgumentException("the scores' spread is beyond the range of a double: Σ n(s − s̄)² = "
                    + sxx);
        }
        return new CochranArmitage(t, Math.copySign(Math.sqrt(t), sxy), sxy / sxx, total, pBar, variance);
    }

    /**
     * The weighted least-squares trend of estimates at times {@code 1..k}.
     *
     * @param estimates the estimates in time order, each with a standard error {@code > 0}
     * @return the fitted line
     * @throws NullPointerException if {@code estimates} or an element is null
     * @throws IllegalArgumentException as {@link #weightedLeastSquares(double[], List)}
     */
    public static LinearTrend weightedLeastSquares(List<Estimate> estimates) {
        Objects.requireNonNull(estimates, "estimates");
        double[] times = new double[estimates.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = i + 1;
        }
        return weightedLeastSquares(times, estimates);
    }

    /**
     * The weighted least-squares trend of estimates with known variances (see the class comment).
     * Only each estimate's value and standard error are used; its degrees of freedom are ignored (the
     * variances are taken as known, so the reference is normal).
     *
     * @param times {@code t_i}, finite, not all equal; not changed
     * @param estimates {@code y_i} with {@code SE_i > 0}, one per time
     * @return the fitted line
     * @throws NullPointerException if an argument or an element is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 estimates, a time
     *     is not finite, all times are equal, or a standard error is 0 (its weight {@code 1/SE²} would
     *     be infinite; the message names the index)
     */
    public static LinearTrend weightedLeastSquares(double[] times, List<Estimate> estimates) {
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(estimates, "estimates");
        int k = times.length;
        if (estimates.size() != k) {
            throw new IllegalArgumentException("times and estimates must have the same length, were " + k + " and "
                    + estimates.size());
        }
        if (k < 2) {
            throw new IllegalArgumentException("a trend needs at least 2 estimates, was " + k);
        }
        double[] y = new double[k];
        double[] se = new double[k];
        double minSe = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            Estimate e = Objects.requireNonNull(estimates.get(i), "estimate at index " + i);
            Checks.finite("time at index " + i, times[i]);
            y[i] = e.value();
            se[i] = e.standardError();
            if (se[i] == 0.0) {
                throw new IllegalArgumentException("standardError of the estimate at index " + i
                        + " is 0: its weight 1/SE² is infinite");
            }
            minSe = Math.min(minSe, se[i]);
        }
        if (!distinct(times)) {
            throw new IllegalArgumentException("times must not all be equal, were all " + times[0]);
        }
        // relative weights u_i = (minSe/SE_i)² in (0, 1]: w_i = u_i / minSe², so nothing overflows
        double sw = 0.0;
        double shift = 0.0;
        for (double t : times) {
            shift += t / k;
        }
        double swt = 0.0;
        double swy = 0.0;
        double[] u = new double[k];
        for (int i = 0; i < k; i++) {
            double r = minSe / se[i];
            u[i] = r * r;
            sw += u[i];
            swt += u[i] * (times[i] - shift);
            swy += u[i] * y[i];
        }
        double tBar = swt / sw;
        double yBar = swy / sw;
        double stt = 0.0;
        double sty = 0.0;
        for (int i = 0; i < k; i++) {
            double d = (times[i] - shift) - tBar;
            stt += u[i] * d * d;
            sty += u[i] * d * (y[i] - yBar);
        }
        double slope = sty / stt;
        double centre = tBar + shift; // t̄ in the original time unit
        double intercept = yBar - slope * centre;
        double slopeSe = minSe / Math.sqrt(stt);
        double interceptSe = minSe * Math.sqrt(1.0 / sw + centre * centre / stt);
        double rss = 0.0;
        for (int i = 0; i < k; i++) {
            double r = (y[i] - yBar - slope * ((times[i] - shift) - tBar)) / se[i];
            rss += r * r;
        }
        if (!(Double.isFinite(slope) && Double.isFinite(intercept) && slopeSe > 0.0 && Double.isFinite(slopeSe)
                && Double.isFinite(interceptSe) && Double.isFinite(rss))) {
            throw new IllegalArgumentException("the trend of these estimates is beyond the range of a double (slope "
                    + slope + ", SE " + slopeSe + ")");
        }
        return new LinearTrend(intercept, slope, slopeSe, interceptSe, rss, k);
    }

    private static boolean distinct(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return true;
            }
        }
        return false;
    }
}
