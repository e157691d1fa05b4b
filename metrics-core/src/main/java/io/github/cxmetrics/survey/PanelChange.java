package io.github.cxmetrics.survey;

import io.github.cxmetrics.stats.Difference;
import java.util.Objects;

/**
 * Wave-to-wave change of NPS, CSAT and CES in a <b>panel</b>: the same respondents asked twice. Index
 * {@code i} of {@code before} and of {@code after} is the same respondent, so the two waves are not
 * independent and the two-sample tests of {@link Nps#compare(Nps, Nps)}, {@link Csat#compare(Csat,
 * Csat)} and {@link Ces#compare(Ces, Ces)} do not apply; these paired tests do. Every result is the
 * signed change {@code after − before}.
 *
 * <h2>NPS: paired t test of the per-respondent score</h2>
 * Each rating scores {@code +1} (promoter), {@code 0} (passive) or {@code −1} (detractor); with
 * {@code d_i = score(after_i) − score(before_i)} in {−2, …, 2}:
 * <pre>{@code
 * estimate = 100 · d̄            SE = 100 · sd(d)/√n            t = d̄ / (sd(d)/√n),  df = n − 1
 * }</pre>
 * in NPS points. {@code d̄} is exactly the difference of the two waves' NPS. This is R's
 * {@code t.test(after, before, paired = TRUE)} on the ±1/0 scores (Student 1908), and the interval is
 * the paired t interval.
 *
 * <h2>CSAT: McNemar's test of the satisfied share</h2>
 * With {@code b} respondents satisfied before and not after, {@code c} not satisfied before and
 * satisfied after, of {@code n}:
 * <pre>{@code
 * estimate  = 100 · (c − b)/n                                  percentage points
 * statistic = (c − b)/√(b + c)                                 z; its square is McNemar's χ²
 * SE        = 100 · √((b + c) − (c − b)²/n) / n                unpooled, for the Wald interval
 * }</pre>
 * The statistic is R's {@code mcnemar.test(table, correct = FALSE)} (its χ² is {@code statistic²}); the
 * standard error is the unpooled one of the difference of two dependent proportions (Agresti 2013,
 * <i>Categorical Data Analysis</i>, 3rd ed., §11.1.1), so the test and the interval use different
 * standard errors, as the two-sample proportion test does. McNemar (1947), "Note on the sampling
 * error of the difference between correlated proportions or percentages", <i>Psychometrika</i>
 * 12:153–157.
 *
 * <h2>CES: paired t test of the mean rating</h2>
 * {@code d_i = after_i − before_i} in scale points, the same paired t test as for NPS without the
 * factor 100.
 *
 * <h2>Edge cases</h2>
 * Fewer than 2 respondents, arrays of different lengths, and ratings off the scale are rejected with
 * {@link IllegalArgumentException}. When every respondent changed by the same amount (including not at
 * all), {@code sd(d) = 0}: the result is the degenerate {@link Difference} with standard error 0 —
 * statistic 0 and p-value 1 when nobody changed, ±∞ and p-value 0 when everybody changed alike (R's
 * {@code t.test} refuses such data as "essentially constant"). For CSAT, {@code b + c = 0} (no
 * respondent changed sides) gives statistic 0 and p-value 1. Responses are unweighted.
 *
 * @since 0.2.0
 */
public final class PanelChange {

    private PanelChange() {
    }

    /**
     * The paired change of NPS on the 0–10 scale, by Bain's cut-offs (promoters 9–10, detractors 0–6).
     *
     * @param before the first wave's ratings, each in {@code 0..10}; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} in NPS points, a paired t test on {@code n − 1} df
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 respondents, or a
     *     rating is off the scale (the message names the wave and the index)
     */
    public static Difference nps(int[] before, int[] after) {
        return nps(Scale.ZERO_TO_TEN, 9, 6, before, after);
    }

    /**
     * The paired change of NPS with explicit cut-offs on any scale.
     *
     * @param scale the scale of the ratings
     * @param promotersFrom the lowest promoter rating, on the scale
     * @param detractorsUpTo the highest detractor rating, on the scale, {@code < promotersFrom}
     * @param before the first wave's ratings; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} in NPS points
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a cut-off is off the scale or out of order, the lengths
     *     differ, there are fewer than 2 respondents, or a rating is off the scale
     */
    public static Difference nps(Scale scale, int promotersFrom, int detractorsUpTo, int[] before, int[] after) {
        Objects.requireNonNull(scale, "scale");
        Nps.of(RatingDistribution.empty(scale), promotersFrom, detractorsUpTo); // checks the cut-offs
        check(scale, before, after);
        double[] d = new double[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = score(after[i], promotersFrom, detractorsUpTo) - score(before[i], promotersFrom, detractorsUpTo);
        }
        return paired(d, 100.0);
    }

    /**
     * The paired change of top-two-box CSAT (satisfied: the two highest points, as {@link
     * Csat#of(RatingDistribution)}).
     *
     * @param scale the scale of the ratings, of at least 3 points
     * @param before the first wave's ratings; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} in percentage points, McNemar's z
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale has fewer than 3 points, the lengths differ, there
     *     are fewer than 2 respondents, or a rating is off the scale
     */
    public static Difference csat(Scale scale, int[] before, int[] after) {
        Objects.requireNonNull(scale, "scale");
        Csat.of(RatingDistribution.empty(scale)); // checks the scale has a top two
        return csat(scale, scale.max() - 1, before, after);
    }

    /**
     * The paired change of CSAT with an explicit cut-off: ratings {@code >= satisfiedFrom} are
     * satisfied (as {@link Csat#of(RatingDistribution, int)}).
     *
     * @param scale the scale of the ratings
     * @param satisfiedFrom the lowest satisfied point, in {@code min+1..max} of the scale
     * @param before the first wave's ratings; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} in percentage points, McNemar's z
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code satisfiedFrom} is out of range, the lengths differ,
     *     there are fewer than 2 respondents, or a rating is off the scale
     */
    public static Difference csat(Scale scale, int satisfiedFrom, int[] before, int[] after) {
        Objects.requireNonNull(scale, "scale");
        Csat.of(RatingDistribution.empty(scale), satisfiedFrom); // checks the cut-off
        check(scale, before, after);
        long lost = 0;
        long gained = 0;
        for (int i = 0; i < before.length; i++) {
            boolean was = before[i] >= satisfiedFrom;
            boolean is = after[i] >= satisfiedFrom;
            if (was && !is) {
                lost++;
            } else if (!was && is) {
                gained++;
            }
        }
        double n = before.length;
        double net = gained - lost;
        double discordant = gained + lost;
        double statistic = discordant == 0.0 ? 0.0 : net / Math.sqrt(discordant);
        double se = Math.sqrt(Math.max(0.0, discordant - net * net / n)) / n;
        return new Difference(100.0 * net / n, 100.0 * se, statistic, Double.POSITIVE_INFINITY);
    }

    /**
     * The paired change of the mean CES 2.0 rating (1–7, higher is easier).
     *
     * @param before the first wave's ratings, each in {@code 1..7}; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} of the mean, in scale points (positive: easier)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 respondents, or a
     *     rating is off the scale
     */
    public static Difference ces(int[] before, int[] after) {
        return ces(Ces.Version.CES_2, before, after);
    }

    /**
     * The paired change of the mean CES rating of a version. For CES 1.0 (1–5 effort) a positive
     * change means more effort.
     *
     * @param version the instrument, which fixes the scale
     * @param before the first wave's ratings; index {@code i} is respondent {@code i}
     * @param after the second wave's ratings of the same respondents, in the same order
     * @return the change {@code after − before} of the mean, in scale points
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 respondents, or a
     *     rating is off the version's scale
     */
    public static Difference ces(Ces.Version version, int[] before, int[] after) {
        Objects.requireNonNull(version, "version");
        check(version.scale(), before, after);
        double[] d = new double[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (double) after[i] - before[i];
        }
        return paired(d, 1.0);
    }

    private static int score(int rating, int promotersFrom, int detractorsUpTo) {
        return rating >= promotersFrom ? 1 : rating <= detractorsUpTo ? -1 : 0;
    }

    /** The paired t test of differences, scaled by {@code unit}. */
    private static Difference paired(double[] d, double unit) {
        int n = d.length;
        double mean = 0.0;
        for (double v : d) {
            mean += v;
        }
        mean /= n;
        double ss = 0.0;
        for (double v : d) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        return new Difference(unit * mean, unit * se, n - 1.0);
    }

    private static void check(Scale scale, int[] before, int[] after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.length != after.length) {
            throw new IllegalArgumentException("before and after must have the same length (index i is the same"
                    + " respondent in both), were " + before.length + " and " + after.length);
        }
        if (before.length < 2) {
            throw new IllegalArgumentException("a panel change needs at least 2 respondents, was " + before.length);
        }
        checkRatings(scale, "before", before);
        checkRatings(scale, "after", after);
    }

    private static void checkRatings(Scale scale, String wave, int[] ratings) {
        for (int i = 0; i < ratings.length; i++) {
            if (!scale.contains(ratings[i])) {
                throw new IllegalArgumentException("rating " + ratings[i] + " in " + wave + " at index " + i
                        + " is outside scale " + scale);
            }
        }
    }
}
