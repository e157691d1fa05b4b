package io.github.cxmetrics.servqual;

import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Scale;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * The scores of a set of SERVQUAL respondents, from {@link ServqualAccumulator#snapshot()}.
 *
 * <pre>{@code
 * item gap_i            = mean over respondents who answered both of (P_i − E_i)
 * respondent gap_r,d    = mean of respondent r's available item gaps in dimension d
 * dimension gap_d       = mean of gap_r,d over respondents with at least one           (likewise P, E)
 * unweightedScore       = mean of the dimension gaps of the instrument's dimensions
 * w_r,d                 = points_r,d / Σ_d' points_r,d'       (a respondent's shares, summing to 1)
 * importance weight w_d = mean of w_r,d over respondents who gave points
 * weightedScore         = Σ_d w_d · dimension gap_d            (Zeithaml, Parasuraman & Berry 1990)
 * perRespondentWeightedScore = mean over respondents with points and every dimension answered
 *                         of Σ_d w_r,d · gap_r,d                                    (the alternative)
 * servperfScore         = mean of the dimension perception means (Cronin & Taylor 1992)
 * MSA_i = mean(P_i − adequate_i),   MSS_i = mean(P_i − desired_i)                   (zone of tolerance)
 * alpha(d, m)           = k/(k − 1) · (1 − Σ_i s²_i / s²_T)   over respondents complete on d for m
 * }</pre>
 * Sums run over the instrument's dimensions only: importance points may only go to those (see
 * {@link ServqualAccumulator#add(Respondent)}), so the weights sum to 1 and a constant gap g gives
 * a weighted score of g. A dimension the instrument does not use is an illegal argument of every
 * method that takes a {@link Dimension}.
 *
 * Gaps are in scale points, within ±(max − min). References: Parasuraman, Zeithaml &amp; Berry (1988),
 * <i>Journal of Retailing</i> 64(1):12–40; Zeithaml, Parasuraman &amp; Berry (1990), <i>Delivering
 * Quality Service</i>, Free Press; Cronin &amp; Taylor (1992), "Measuring service quality: a
 * reexamination and extension", <i>Journal of Marketing</i> 56(3):55–68; Parasuraman, Zeithaml &amp;
 * Berry (1994), <i>Journal of Retailing</i> 70(3):201–230 (zone of tolerance); Cronbach (1951),
 * "Coefficient alpha and the internal structure of tests", <i>Psychometrika</i> 16:297–334.
 *
 * <p>A quantity with no data behind it (an item nobody answered, importance nobody gave) throws
 * {@link IllegalStateException} naming it. Each quantity has one method: an {@link Estimate} where
 * the report gives an uncertainty ({@link #itemGap(int)}, {@link #dimensionGap(Dimension)},
 * {@link #dimensionPerception(Dimension)}, {@link #dimensionExpectation(Dimension)}), with its
 * point value under the same name ending in {@code Mean}. Reports are values: equal when every
 * state behind them is equal.
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
    private final Dimension[] dims;     // the dimension blocks
    private final int[] blockOf;        // by Dimension ordinal, −1 if the instrument does not use it
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
    private final long[][] alphaN;        // by measure id (ServqualAccumulator.MEASURE_BY_ID), block
    private final long[][][] alphaSums;

    /**
     * A collector of respondents into a report, for {@code stream.collect(…)} and
     * {@link java.util.stream.Collectors#groupingBy}: each stream (or each part of a parallel
     * stream) fills a {@link ServqualAccumulator}, partial accumulators are merged and the result is
     * its {@link ServqualAccumulator#snapshot()}. As with merging, counts and alpha are exactly
     * those of one sequential pass and means agree with it to rounding, whatever the split.
     *
     * @param instrument the instrument the respondents answered
     * @param scale the rating scale of every answer
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale contains {@link Respondent#MISSING} (as
     *     {@link ServqualAccumulator#ServqualAccumulator(Instrument, Scale)})
     * @since 0.2.0
     */
    public static Collector<Respondent, ServqualAccumulator, ServqualReport> collector(Instrument instrument,
            Scale scale) {
        return collector(instrument, scale, Function.identity());
    }

    /**
     * A collector of stream elements into a report, each element mapped to its respondent; as
     * {@link #collector(Instrument, Scale)}. An element whose respondent is rejected by
     * {@link ServqualAccumulator#add(Respondent)} ends the collection with that exception.
     *
     * @param <T> the type of the stream elements
     * @param instrument the instrument the respondents answered
     * @param scale the rating scale of every answer
     * @param respondent the respondent of an element, never null
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale contains {@link Respondent#MISSING}
     * @since 0.2.0
     */
    public static <T> Collector<T, ServqualAccumulator, ServqualReport> collector(Instrument instrument, Scale scale,
            Function<? super T, Respondent> respondent) {
        Objects.requireNonNull(instrument, "instrument");
        ServqualAccumulator.checkScale(scale);
        Objects.requireNonNull(respondent, "respondent");
        return Collector.of(() -> new ServqualAccumulator(instrument, scale),
                (acc, t) -> acc.add(respondent.apply(t)),
                ServqualAccumulator::merge,
                ServqualAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    ServqualReport(ServqualAccumulator a) {
        instrument = a.instrument;
        scale = a.scale;
        respondents = a.respondents;
        dims = a.dims.clone();
        blockOf = new int[Dimension.values().length];
        Arrays.fill(blockOf, -1);
        for (int d = 0; d < dims.length; d++) {
            blockOf[dims[d].ordinal()] = d;
        }
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
        alphaSums = new long[a.alphaSums.length][][];
        for (int m = 0; m < alphaN.length; m++) {
            alphaN[m] = a.alphaN[m].clone();
            alphaSums[m] = new long[a.alphaSums[m].length][];
            for (int d = 0; d < alphaSums[m].length; d++) {
                alphaSums[m][d] = a.alphaSums[m][d].clone();
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
        return s.asEstimate();
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
     * The dimension gap: the mean over respondents of their mean item gap in the dimension, with
     * its Student t reference over those respondents ({@code n − 1} degrees of freedom).
     * <pre>{@code
     * gap_r,d = mean over the items i of d that r answered for both P and E of (P_r,i − E_r,i)
     * gap_d   = mean over respondents r with a gap_r,d of gap_r,d,   SE = s / √n
     * }</pre>
     *
     * @param dimension a dimension of the instrument
     * @return the estimate, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if fewer than two respondents have a gap in it
     */
    public Estimate dimensionGap(Dimension dimension) {
        return estimate(dimGap[block(dimension)], "gap of " + dimension);
    }

    /**
     * The point value of {@link #dimensionGap(Dimension)}, also defined for a single respondent.
     *
     * @param dimension a dimension of the instrument
     * @return the mean gap, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if no respondent has a gap in it
     */
    public double dimensionGapMean(Dimension dimension) {
        return mean(dimGap[block(dimension)], "gap of " + dimension);
    }

    /**
     * The dimension perception: the mean over respondents of their mean perception in the
     * dimension ({@code mean over r of (mean over answered items i of d of P_r,i)}), with its
     * Student t reference over those respondents.
     *
     * @param dimension a dimension of the instrument
     * @return the estimate, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if fewer than two respondents rated the dimension
     */
    public Estimate dimensionPerception(Dimension dimension) {
        return estimate(dimPerception[block(dimension)], "perception of " + dimension);
    }

    /**
     * The point value of {@link #dimensionPerception(Dimension)}, also defined for a single
     * respondent.
     *
     * @param dimension a dimension of the instrument
     * @return the mean, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if nobody rated the dimension
     */
    public double dimensionPerceptionMean(Dimension dimension) {
        return mean(dimPerception[block(dimension)], "perception of " + dimension);
    }

    /**
     * The dimension expectation, as {@link #dimensionPerception(Dimension)} for E.
     *
     * @param dimension a dimension of the instrument
     * @return the estimate, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if fewer than two respondents rated the dimension
     */
    public Estimate dimensionExpectation(Dimension dimension) {
        return estimate(dimExpectation[block(dimension)], "expectation of " + dimension);
    }

    /**
     * The point value of {@link #dimensionExpectation(Dimension)}, also defined for a single
     * respondent.
     *
     * @param dimension a dimension of the instrument
     * @return the mean, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if nobody rated the dimension
     */
    public double dimensionExpectationMean(Dimension dimension) {
        return mean(dimExpectation[block(dimension)], "expectation of " + dimension);
    }

    /**
     * The unweighted SERVQUAL score: {@code (1/D) · Σ_d gap_d} over the instrument's D dimensions.
     *
     * @return the score, in scale points, within ±(max − min)
     * @throws IllegalStateException if a dimension has no gap
     */
    public double unweightedScore() {
        double s = 0.0;
        for (Dimension d : dims) {
            s += dimensionGapMean(d);
        }
        return s / dims.length;
    }

    /**
     * The mean importance weight of a dimension over the respondents who gave points:
     * {@code w_d = mean over r of points_r,d / Σ_d' points_r,d'}. Points may only go to the
     * instrument's dimensions (see {@link ServqualAccumulator#add(Respondent)}), so the weights of
     * the instrument's dimensions sum to 1 (to rounding).
     *
     * @param dimension a dimension of the instrument
     * @return the weight, a fraction in [0, 1]
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if no respondent gave importance points
     */
    public double importanceWeight(Dimension dimension) {
        return Math.min(1.0, Math.max(0.0, mean(importance[block(dimension)], "importance")));
    }

    /**
     * The weighted SERVQUAL score {@code Σ_d w_d · gap_d} over the instrument's dimensions, with the
     * weights of {@link #importanceWeight(Dimension)} (Zeithaml, Parasuraman &amp; Berry 1990). The
     * weights sum to 1, so a constant gap g gives the score g.
     *
     * @return the score, in scale points, within ±(max − min)
     * @throws IllegalStateException if no respondent gave importance points or a dimension has no gap
     */
    public double weightedScore() {
        double s = 0.0;
        for (Dimension d : dims) {
            s += importanceWeight(d) * dimensionGapMean(d);
        }
        return s;
    }

    /**
     * The alternative weighting: each respondent's gaps weighted by her own shares,
     * {@code mean over r of Σ_d (points_r,d / Σ_d' points_r,d') · gap_r,d}, over respondents who
     * gave points and have a gap in every dimension of the instrument.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if no respondent qualifies
     */
    public double perRespondentWeightedScore() {
        return mean(perRespondentWeighted, "per-respondent weighted score");
    }

    /**
     * The SERVPERF score (Cronin &amp; Taylor 1992): {@code (1/D) · Σ_d P_d}, the mean of the
     * dimension perception means.
     *
     * @return the score, in scale points
     * @throws IllegalStateException if a dimension has no perception
     */
    public double servperfScore() {
        double s = 0.0;
        for (Dimension d : dims) {
            s += dimensionPerceptionMean(d);
        }
        return s / dims.length;
    }

    /**
     * The measure of service adequacy of an item, {@code mean of P_i − adequate_i} over respondents
     * who gave both.
     *
     * @param item the item number
     * @return MSA, in scale points
     * @throws IndexOutOfBoundsException if the item does not exist
     * @throws IllegalStateException if nobody gave both
     */
    public double msa(int item) {
        return mean(itemMsa[Objects.checkIndex(item - 1, itemMsa.length)], "MSA of item " + item);
    }

    /**
     * The measure of service superiority of an item, {@code mean of P_i − desired_i}.
     *
     * @param item the item number
     * @return MSS, in scale points
     * @throws IndexOutOfBoundsException if the item does not exist
     * @throws IllegalStateException if nobody gave both
     */
    public double mss(int item) {
        return mean(itemMss[Objects.checkIndex(item - 1, itemMss.length)], "MSS of item " + item);
    }

    /**
     * The dimension MSA, mean over respondents of their mean item MSA in the dimension.
     *
     * @param dimension a dimension of the instrument
     * @return MSA, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public double dimensionMsa(Dimension dimension) {
        return mean(dimMsa[block(dimension)], "MSA of " + dimension);
    }

    /**
     * The dimension MSS, likewise.
     *
     * @param dimension a dimension of the instrument
     * @return MSS, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public double dimensionMss(Dimension dimension) {
        return mean(dimMss[block(dimension)], "MSS of " + dimension);
    }

    /**
     * The dimension's mean adequate-service level (the lower end of its zone of tolerance), mean over
     * respondents of their mean item answer in the dimension, as {@link #zonePosition(Dimension)} uses it.
     *
     * @param dimension a dimension of the instrument
     * @return the mean, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if there is no tolerance-zone data for it
     * @since 0.2.0
     */
    public double dimensionAdequateMean(Dimension dimension) {
        return mean(dimAdequate[block(dimension)], "adequate service of " + dimension);
    }

    /**
     * The dimension's mean desired-service level (the upper end of its zone of tolerance), likewise.
     *
     * @param dimension a dimension of the instrument
     * @return the mean, in scale points
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if there is no tolerance-zone data for it
     * @since 0.2.0
     */
    public double dimensionDesiredMean(Dimension dimension) {
        return mean(dimDesired[block(dimension)], "desired service of " + dimension);
    }

    /**
     * Where the dimension's mean perception falls relative to its mean adequate and desired levels.
     *
     * @param dimension a dimension of the instrument
     * @return below, inside or above the zone of tolerance
     * @throws NullPointerException if {@code dimension} is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if there is no tolerance-zone data for it
     */
    public ZonePosition zonePosition(Dimension dimension) {
        int b = block(dimension);
        double p = mean(dimPerception[b], "perception of " + dimension);
        double lo = mean(dimAdequate[b], "adequate service of " + dimension);
        double hi = mean(dimDesired[b], "desired service of " + dimension);
        return p < lo ? ZonePosition.BELOW : p > hi ? ZonePosition.ABOVE : ZonePosition.INSIDE;
    }

    /**
     * Cronbach's alpha of a dimension's k items for one measure, over the n respondents who answered
     * every item of the dimension for it (for {@link Measure#GAP}: both P and E of every item; the
     * item values are then the differences {@code P_i − E_i}), with sample variances:
     * <pre>{@code
     * alpha = k/(k − 1) · (1 − Σ_i s²_i / s²_T),   T = Σ_i x_i
     *       = k/(k − 1) · (1 − Σ_i (n·Σx_i² − (Σx_i)²) / (n·ΣT² − (ΣT)²))
     * }</pre>
     * The sums are exact integers (128-bit, of the answers minus the scale minimum, which leaves
     * alpha unchanged), so the value is right at any respondent count; only the final division
     * rounds. Alpha is at most 1; negative values are legal (items that covary negatively) and
     * returned as they are. Reference: Cronbach (1951), <i>Psychometrika</i> 16:297–334.
     *
     * @param dimension a dimension of the instrument, with at least two items
     * @param measure the measure
     * @return alpha, at most 1
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the instrument does not use the dimension
     * @throws IllegalStateException if the dimension has fewer than two items, fewer than two
     *     complete respondents, or no variance in the sum
     */
    public double cronbachAlpha(Dimension dimension, Measure measure) {
        int d = block(dimension);
        int m = measureId(Objects.requireNonNull(measure, "measure"));
        long[] sums = alphaSums[m][d];
        int k = (sums.length - 2) / 4;
        if (k < 2) {
            throw new IllegalStateException("Cronbach's alpha needs at least 2 items in " + dimension + ", has " + k);
        }
        long count = alphaN[m][d];
        if (count < 2) {
            throw new IllegalStateException("Cronbach's alpha of " + dimension + " for " + measure
                    + " needs at least 2 complete respondents, had " + count);
        }
        BigInteger n = BigInteger.valueOf(count);
        BigInteger itemPrecursors = BigInteger.ZERO;
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            BigInteger s1 = ServqualAccumulator.big(sums, 4 * i);
            BigInteger s2 = ServqualAccumulator.big(sums, 4 * i + 2);
            itemPrecursors = itemPrecursors.add(n.multiply(s2).subtract(s1.multiply(s1)));
            total = total.add(s1);
        }
        BigInteger totalPrecursor = n.multiply(ServqualAccumulator.big(sums, 4 * k)).subtract(total.multiply(total));
        if (totalPrecursor.signum() <= 0) {
            throw new IllegalStateException("Cronbach's alpha of " + dimension + " for " + measure
                    + " is undefined: the summed score has no variance");
        }
        // alpha = k·(B − A) / ((k − 1)·B), one rounding when both fit a double's mantissa
        BigInteger numerator = BigInteger.valueOf(k).multiply(totalPrecursor.subtract(itemPrecursors));
        BigInteger denominator = BigInteger.valueOf(k - 1).multiply(totalPrecursor);
        if (numerator.abs().bitLength() <= 53 && denominator.bitLength() <= 53) {
            return numerator.doubleValue() / denominator.doubleValue();
        }
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128).doubleValue();
    }

    private static int measureId(Measure measure) {
        for (int id = 0; id < ServqualAccumulator.MEASURE_BY_ID.length; id++) {
            if (ServqualAccumulator.MEASURE_BY_ID[id] == measure) {
                return id;
            }
        }
        throw new AssertionError(measure);
    }

    /**
     * The instrument's dimensions ranked by weighted gap ({@code w_d × gap_d}, or the gap
     * alone when nobody gave importance points), most negative first.
     *
     * @return the dimensions in priority order
     * @throws IllegalStateException if a dimension has no gap
     */
    public List<Dimension> dimensionPriorities() {
        List<Dimension> out = new ArrayList<>(Arrays.asList(dims));
        out.sort(Comparator.comparingDouble(this::weightedGap));
        return out;
    }

    /**
     * The items ranked by weighted gap ({@code importance weight of their dimension × item gap}, or
     * the gap alone when nobody gave importance points), most negative first; items nobody answered
     * come last.
     *
     * @return item numbers in priority order
     */
    public int[] itemPriorities() {
        Integer[] items = new Integer[instrument.items()];
        double[] key = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            items[i] = i + 1;
            MeanSummary s = itemGap[i];
            key[i] = s.isEmpty() ? Double.POSITIVE_INFINITY : weight(instrument.dimensionOf(i + 1)) * s.mean();
        }
        Arrays.sort(items, Comparator.comparingDouble(i -> key[i - 1]));
        return Arrays.stream(items).mapToInt(Integer::intValue).toArray();
    }

    private double weight(Dimension d) {
        return importance[block(d)].isEmpty() ? 1.0 : importanceWeight(d);
    }

    private double weightedGap(Dimension d) {
        return weight(d) * dimensionGapMean(d);
    }

    /** The block of a dimension of the instrument. */
    private int block(Dimension dimension) {
        Objects.requireNonNull(dimension, "dimension");
        int b = blockOf[dimension.ordinal()];
        if (b < 0) {
            throw new IllegalArgumentException("dimension " + dimension + " is not in the instrument, whose dimensions are "
                    + Arrays.toString(dims));
        }
        return b;
    }

    private static double mean(MeanSummary s, String what) {
        if (s.isEmpty()) {
            throw new IllegalStateException("no data for the " + what);
        }
        return s.mean();
    }

    private static Estimate estimate(MeanSummary s, String what) {
        if (s.count() < 2) {
            throw new IllegalStateException("the " + what + " needs at least 2 respondents, had " + s.count());
        }
        return s.asEstimate();
    }

    /**
     * Equal when the instruments, scales and every sum and mean state behind the numbers are equal
     * (means compared as doubles, bit for bit: two reports of the same respondents merged in a
     * different order may differ in the last bits of a mean and then are not equal).
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ServqualReport)) {
            return false;
        }
        ServqualReport r = (ServqualReport) o;
        return respondents == r.respondents && instrument.equals(r.instrument) && scale.equals(r.scale)
                && Arrays.equals(itemGap, r.itemGap) && Arrays.equals(itemExpectation, r.itemExpectation)
                && Arrays.equals(itemPerception, r.itemPerception) && Arrays.equals(itemMsa, r.itemMsa)
                && Arrays.equals(itemMss, r.itemMss) && Arrays.equals(dimGap, r.dimGap)
                && Arrays.equals(dimExpectation, r.dimExpectation) && Arrays.equals(dimPerception, r.dimPerception)
                && Arrays.equals(dimMsa, r.dimMsa) && Arrays.equals(dimMss, r.dimMss)
                && Arrays.equals(dimAdequate, r.dimAdequate) && Arrays.equals(dimDesired, r.dimDesired)
                && Arrays.equals(importance, r.importance) && perRespondentWeighted.equals(r.perRespondentWeighted)
                && Arrays.deepEquals(alphaN, r.alphaN) && Arrays.deepEquals(alphaSums, r.alphaSums);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Objects.hash(instrument, scale, respondents, perRespondentWeighted);
        for (MeanSummary[] group : new MeanSummary[][] {itemGap, itemExpectation, itemPerception, itemMsa, itemMss,
            dimGap, dimExpectation, dimPerception, dimMsa, dimMss, dimAdequate, dimDesired, importance}) {
            h = 31 * h + Arrays.hashCode(group);
        }
        return 31 * (31 * h + Arrays.deepHashCode(alphaN)) + Arrays.deepHashCode(alphaSums);
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
