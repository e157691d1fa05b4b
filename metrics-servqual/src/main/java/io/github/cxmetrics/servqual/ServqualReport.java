package io.github.cxmetrics.servqual;

import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Scale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The scores of a set of SERVQUAL respondents, from {@link ServqualAccumulator#snapshot()}.
 *
 * <pre>{@code
 * item gap_i            = mean over respondents who answered both of (P_i − E_i)
 * respondent gap_r,d    = mean of respondent r's available item gaps in dimension d
 * dimension gap_d       = mean of gap_r,d over respondents with at least one           (likewise P, E)
 * unweightedScore       = mean of the dimension gaps of the instrument's dimensions
 * weightedScore         = Σ_d (mean importance points_d / 100) · dimension gap_d
 *                         (means over respondents who gave points; Zeithaml, Parasuraman & Berry 1990)
 * perRespondentWeightedScore = mean over respondents with points and every dimension answered
 *                         of Σ_d (points_r,d / 100) · gap_r,d                       (the alternative)
 * servperfScore         = mean of the dimension perception means (Cronin & Taylor 1992)
 * MSA_i = mean(P_i − adequate_i),   MSS_i = mean(P_i − desired_i)                   (zone of tolerance)
 * alpha(d, m)           = k/(k − 1) · (1 − Σ_i s²_i / s²_sum)   over respondents complete on d for m
 * }</pre>
 * Gaps are in scale points, within ±(max − min). References: Parasuraman, Zeithaml &amp; Berry (1988),
 * <i>Journal of Retailing</i> 64(1):12–40; Zeithaml, Parasuraman &amp; Berry (1990), <i>Delivering
 * Quality Service</i>, Free Press; Cronin &amp; Taylor (1992), "Measuring service quality: a
 * reexamination and extension", <i>Journal of Marketing</i> 56(3):55–68; Parasuraman, Zeithaml &amp;
 * Berry (1994), <i>Journal of Retailing</i> 70(3):201–230 (zone of tolerance); Cronbach (1951),
 * "Coefficient alpha and the internal structure of tests", <i>Psychometrika</i> 16:297–334.
 *
 * <p>A quantity with no data behind it (an item nobody answered, importance nobody gave) throws
 * {@link IllegalStateException} naming it.
 *
 * @since 0.1.0
 */
public final class ServqualReport {

    /**
     * Where a dimension's mean perception falls relative to its zone of tolerance.
     *
     * @since 0.1.0
     */
    public enum ZonePosition {
        /** Below the mean adequate-service level. */
        BELOW,
        /** Between the adequate and desired levels (inclusive). */
        INSIDE,
        /** Above the mean desired-service level. */
        ABOVE
    }

    private final Instrument instrument;
    private final Scale scale;
    private final long respondents;
    private final MeanSummary[] itemGap;
    private final MeanSummary[] itemExpectation;
    private final MeanSummary[] itemPerception;
    private final MeanSummary[] itemMsa;
    private final MeanSummary[] itemMss;
    private final MeanSummary[] dimGap;
    private final MeanSummary[] dimExpectation;
    private final MeanSummary[] dimPerception;
    private final MeanSummary[] dimMsa;
    private final MeanSummary[] dimMss;
    private final MeanSummary[] dimAdequate;
    private final MeanSummary[] dimDesired;
    private final MeanSummary[] importance;
    private final MeanSummary perRespondentWeighted;
    private final long[][] alphaN;
    private final long[][][] alphaSum;
    private final long[][][] alphaCross;

    ServqualReport(ServqualAccumulator a) {
        instrument = a.instrument;
        scale = a.scale;
        respondents = a.respondents;
        itemGap = a.snapshot(a.itemGap);
        itemExpectation = a.snapshot(a.itemExpectation);
        itemPerception = a.snapshot(a.itemPerception);
        itemMsa = a.snapshot(a.itemMsa);
        itemMss = a.snapshot(a.itemMss);
        dimGap = a.snapshot(a.dimGap);
        dimExpectation = a.snapshot(a.dimExpectation);
        dimPerception = a.snapshot(a.dimPerception);
        dimMsa = a.snapshot(a.dimMsa);
        dimMss = a.snapshot(a.dimMss);
        dimAdequate = a.snapshot(a.dimAdequate);
        dimDesired = a.snapshot(a.dimDesired);
        importance = a.snapshot(a.importance);
        perRespondentWeighted = a.perRespondentWeighted.snapshot();
        alphaN = new long[a.alphaN.length][];
        alphaSum = new long[a.alphaSum.length][][];
        alphaCross = new long[a.alphaCross.length][][];
        for (int m = 0; m < alphaN.length; m++) {
            alphaN[m] = a.alphaN[m].clone();
            alphaSum[m] = new long[a.alphaSum[m].length][];
            alphaCross[m] = new long[a.alphaCross[m].length][];
            for (int d = 0; d < alphaSum[m].length; d++) {
                alphaSum[m][d] = a.alphaSum[m][d].clone();
                alphaCross[m][d] = a.alphaCross[m][d].clone();
            }
        }
    }

    /**
     * The instrument.
     *
     * @return the instrument
     */
    public Instrument instrument() {
        return instrument;
    }

    /**
     * The rating scale.
     *
     * @return the scale
     */
    public Scale scale() {
        return scale;
    }

    /**
     * The number of respondents.
     *
     * @return the count
     */
    public long respondents() {
        return respondents;
    }

    /**
     * The gap of an item, mean of P − E over respondents who answered both, with the paired t
     * reference ({@code n − 1} degrees of freedom).
     *
     * @param item the item number, {@code 1..items}
     * @return the estimate, in scale points
     * @throws IndexOutOfBoundsException if the item does not exist
     * @throws IllegalStateException if fewer than two respondents answered both
     */
    public Estimate itemGap(int item) {
        MeanSummary s = itemGap[Objects.checkIndex(item - 1, itemGap.length)];
        if (s.count() < 2) {
            throw new IllegalStateException("item " + item + " gap needs at least 2 respondents who answered both, had "
                    + s.count());
        }
        return s.estimate();
    }

    /**
     * The mean gap of an item (also defined for a single respondent).
     *
     * @param item the item number
     * @return mean P − E, in scale points
     * @throws IllegalStateException if nobody answered both
     */
    public double itemGapMean(int item) {
        return mean(itemGap[Objects.checkIndex(item - 1, itemGap.length)], "gap of item " + item);
    }

    /**
     * The mean perception of an item.
     *
     * @param item the item number
     * @return the mean, in scale points
     * @throws IllegalStateException if nobody answered it
     */
    public double itemPerception(int item) {
        return mean(itemPerception[Objects.checkIndex(item - 1, itemPerception.length)], "perception of item " + item);
    }

    /**
     * The mean expectation of an item.
     *
     * @param item the item number
     * @return the mean, in scale points
     * @throws IllegalStateException if nobody answered it
     */
    public double itemExpectation(int item) {
        return mean(itemExpectation[Objects.checkIndex(item - 1, itemExpectation.length)], "expectation of item " + item);
    }

    /**
     * The dimension gap: the mean over respondents of their mean item gap in the dimension.
     *
     * @param dimension the dimension
     * @return the gap, in scale points
     * @throws IllegalStateException if no respondent has a gap in it
     */
    public double dimensionGap(Dimension dimension) {
        return mean(dimGap[dimension.ordinal()], "gap of " + dimension);
    }

    /**
     * The dimension gap with its t reference over respondents.
     *
     * @param dimension the dimension
     * @return the estimate
     * @throws IllegalStateException if fewer than two respondents have a gap in it
     */
    public Estimate dimensionGapEstimate(Dimension dimension) {
        MeanSummary s = dimGap[dimension.ordinal()];
        if (s.count() < 2) {
            throw new IllegalStateException("gap of " + dimension + " needs at least 2 respondents, had " + s.count());
        }
        return s.estimate();
    }

    /**
     * The dimension perception: the mean over respondents of their mean perception in the dimension.
     *
     * @param dimension the dimension
     * @return the mean, in scale points
     * @throws IllegalStateException if nobody rated the dimension
     */
    public double dimensionPerception(Dimension dimension) {
        return mean(dimPerception[dimension.ordinal()], "perception of " + dimension);
    }

    /**
     * The dimension expectation, likewise.
     *
     * @param dimension the dimension
     * @return the mean, in scale points
     * @throws IllegalStateException if nobody rated the dimension
     */
    public double dimensionExpectation(Dimension dimension) {
        return mean(dimExpectation[dimension.ordinal()], "expectation of " + dimension);
    }

    /**
     * The unweighted SERVQUAL score: the mean of the dimension gaps.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if a dimension has no gap
     */
    public double unweightedScore() {
        double s = 0.0;
        for (Dimension d : instrument.dimensions()) {
            s += dimensionGap(d);
        }
        return s / instrument.dimensions().size();
    }

    /**
     * The mean importance weight of a dimension, mean points / 100 over respondents who gave points.
     *
     * @param dimension the dimension
     * @return the weight, in [0, 1]
     * @throws IllegalStateException if no respondent gave importance points
     */
    public double importanceWeight(Dimension dimension) {
        return mean(importance[dimension.ordinal()], "importance") / 100.0;
    }

    /**
     * The weighted SERVQUAL score {@code Σ_d (mean points_d / 100) · gap_d}.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if no respondent gave importance points or a dimension has no gap
     */
    public double weightedScore() {
        double s = 0.0;
        for (Dimension d : instrument.dimensions()) {
            s += importanceWeight(d) * dimensionGap(d);
        }
        return s;
    }

    /**
     * The alternative weighting: each respondent's gaps weighted by her own points, averaged over
     * respondents who gave points and have a gap in every dimension.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if no respondent qualifies
     */
    public double perRespondentWeightedScore() {
        return mean(perRespondentWeighted, "per-respondent weighted score");
    }

    /**
     * The SERVPERF score (Cronin &amp; Taylor 1992): the mean of the dimension perception means.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if a dimension has no perception
     */
    public double servperfScore() {
        double s = 0.0;
        for (Dimension d : instrument.dimensions()) {
            s += dimensionPerception(d);
        }
        return s / instrument.dimensions().size();
    }

    /**
     * The measure of service adequacy of an item, mean of P − adequate.
     *
     * @param item the item number
     * @return MSA, in scale points
     * @throws IllegalStateException if nobody gave both
     */
    public double msa(int item) {
        return mean(itemMsa[Objects.checkIndex(item - 1, itemMsa.length)], "MSA of item " + item);
    }

    /**
     * The measure of service superiority of an item, mean of P − desired.
     *
     * @param item the item number
     * @return MSS, in scale points
     * @throws IllegalStateException if nobody gave both
     */
    public double mss(int item) {
        return mean(itemMss[Objects.checkIndex(item - 1, itemMss.length)], "MSS of item " + item);
    }

    /**
     * The dimension MSA, mean over respondents of their mean item MSA in the dimension.
     *
     * @param dimension the dimension
     * @return MSA, in scale points
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public double dimensionMsa(Dimension dimension) {
        return mean(dimMsa[dimension.ordinal()], "MSA of " + dimension);
    }

    /**
     * The dimension MSS, likewise.
     *
     * @param dimension the dimension
     * @return MSS, in scale points
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public double dimensionMss(Dimension dimension) {
        return mean(dimMss[dimension.ordinal()], "MSS of " + dimension);
    }

    /**
     * Where the dimension's mean perception falls relative to its mean adequate and desired levels.
     *
     * @param dimension the dimension
     * @return below, inside or above the zone of tolerance
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public ZonePosition zonePosition(Dimension dimension) {
        double p = dimensionPerception(dimension);
        double lo = mean(dimAdequate[dimension.ordinal()], "adequate service of " + dimension);
        double hi = mean(dimDesired[dimension.ordinal()], "desired service of " + dimension);
        return p < lo ? ZonePosition.BELOW : p > hi ? ZonePosition.ABOVE : ZonePosition.INSIDE;
    }

    /**
     * Cronbach's alpha of a dimension's items for one measure, over respondents who answered every
     * item of the dimension for it: {@code k/(k − 1) · (1 − Σ s²_i / s²_sum)} with sample variances.
     * Negative values are legal (items that covary negatively) and returned as they are.
     *
     * @param dimension the dimension, with at least two items
     * @param measure the measure
     * @return alpha
     * @throws IllegalStateException if the dimension has fewer than two items, fewer than two
     *     complete respondents, or no variance in the sum
     */
    public double cronbachAlpha(Dimension dimension, Measure measure) {
        int m = measure.ordinal();
        int d = dimension.ordinal();
        int k = alphaSum[m][d].length;
        if (k < 2) {
            throw new IllegalStateException("Cronbach's alpha needs at least 2 items in " + dimension + ", has " + k);
        }
        long n = alphaN[m][d];
        if (n < 2) {
            throw new IllegalStateException("Cronbach's alpha of " + dimension + " needs at least 2 complete respondents, had " + n);
        }
        long[] sum = alphaSum[m][d];
        long[] cross = alphaCross[m][d];
        // n·Σ(x − x̄)² = nΣx² − (Σx)², exact in integers for the item variances and the sum's variance
        double itemVariances = 0.0;
        long totalSum = 0;
        long totalCross = 0;
        for (int i = 0; i < k; i++) {
            itemVariances += (double) (n * cross[i * k + i] - sum[i] * sum[i]);
            totalSum += sum[i];
            for (int j = 0; j < k; j++) {
                totalCross += cross[i * k + j];
            }
        }
        double sumVariance = (double) (n * totalCross - totalSum * totalSum);
        if (!(sumVariance > 0.0)) {
            throw new IllegalStateException("Cronbach's alpha of " + dimension + " is undefined: the summed score has no variance");
        }
        return (double) k / (k - 1) * (1.0 - itemVariances / sumVariance);
    }

    /**
     * The instrument's dimensions ranked by weighted gap ({@code importance weight × gap}, or the gap
     * alone when nobody gave importance points), most negative first.
     *
     * @return the dimensions in priority order
     * @throws IllegalStateException if a dimension has no gap
     */
    public List<Dimension> dimensionPriorities() {
        List<Dimension> out = new ArrayList<>(instrument.dimensions());
        out.sort(Comparator.comparingDouble(this::weightedGap));
        return out;
    }

    /**
     * The items ranked by weighted gap ({@code importance weight of their dimension × item gap}), most
     * negative first; items nobody answered come last.
     *
     * @return item numbers in priority order
     */
    public int[] itemPriorities() {
        Integer[] items = new Integer[instrument.items()];
        double[] key = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = i + 1;
            MeanSummary s = itemGap[i];
            double w = importance[instrument.dimensionOf(i + 1).ordinal()].isEmpty() ? 1.0
                    : importanceWeight(instrument.dimensionOf(i + 1));
            key[i] = s.isEmpty() ? Double.POSITIVE_INFINITY : w * s.mean();
        }
        Arrays.sort(items, Comparator.comparingDouble(i -> key[i - 1]));
        return Arrays.stream(items).mapToInt(Integer::intValue).toArray();
    }

    private double weightedGap(Dimension d) {
        double w = importance[d.ordinal()].isEmpty() ? 1.0 : importanceWeight(d);
        return w * dimensionGap(d);
    }

    private static double mean(MeanSummary s, String what) {
        if (s.isEmpty()) {
            throw new IllegalStateException("no data for the " + what);
        }
        return s.mean();
    }

    /**
     * A short summary, e.g. {@code ServqualReport[respondents=100, items=22]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "ServqualReport[respondents=" + respondents + ", items=" + instrument.items() + "]";
    }
}
