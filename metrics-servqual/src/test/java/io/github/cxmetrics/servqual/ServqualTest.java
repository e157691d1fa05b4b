package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Scale;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * SERVQUAL scoring. Published worked example: dimension gaps T −0.65, Rel −1.10, Resp −0.83,
 * A −0.70, E −1.01 average to an unweighted score of −4.29/5 = −0.858 (the standard textbook
 * computation after Zeithaml, Parasuraman &amp; Berry 1990); a single item with E = 5 and P = 7 has gap
 * +2. Cronbach's alpha computed by hand for 3 items × 5 respondents (3,2,4,3,4 / 4,3,4,2,4 /
 * 3,4,5,3,4): item variances 0.7 + 0.8 + 0.7 = 2.2, the sums 10, 9, 13, 8, 12 have variance 4.3,
 * α = 3/2 · (1 − 2.2/4.3) = 0.7326. The 100 respondents of the gap example are built so that each
 * dimension's gap is the published one exactly (e.g. tangibles: 65 respondents one point below
 * expectation on every tangibles item, 35 at expectation).
 */
class ServqualTest {

    private static final Scale SEVEN = Scale.ONE_TO_SEVEN;

    /** Respondent r of 100 with the gap pattern of the worked example; E = 5 everywhere. */
    private static Respondent exampleRespondent(int r) {
        int[] e = new int[22];
        int[] p = new int[22];
        Arrays.fill(e, 5);
        Instrument inst = Instrument.servqual22();
        for (int item = 1; item <= 22; item++) {
            int gap;
            switch (inst.dimensionOf(item)) {
                case TANGIBLES:
                    gap = r < 65 ? -1 : 0;
                    break;
                case RELIABILITY:
                    gap = r < 10 ? -2 : -1;
                    break;
                case RESPONSIVENESS:
                    gap = r < 83 ? -1 : 0;
                    break;
                case ASSURANCE:
                    gap = r < 70 ? -1 : 0;
                    break;
                default:
                    gap = r < 1 ? -2 : -1;
                    break;
            }
            p[item - 1] = 5 + gap;
        }
        return Respondent.of(e, p);
    }

    @Test
    void publishedDimensionGapsAndUnweightedScore() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        for (int r = 0; r < 100; r++) {
            acc.add(exampleRespondent(r).withImportance(20, 30, 20, 15, 15));
        }
        ServqualReport report = acc.snapshot();
        assertThat(report.dimensionGapMean(Dimension.TANGIBLES)).isCloseTo(-0.65, within(1e-12));
        assertThat(report.dimensionGapMean(Dimension.RELIABILITY)).isCloseTo(-1.10, within(1e-12));
        assertThat(report.dimensionGapMean(Dimension.RESPONSIVENESS)).isCloseTo(-0.83, within(1e-12));
        assertThat(report.dimensionGapMean(Dimension.ASSURANCE)).isCloseTo(-0.70, within(1e-12));
        assertThat(report.dimensionGapMean(Dimension.EMPATHY)).isCloseTo(-1.01, within(1e-12));
        assertThat(report.unweightedScore()).isCloseTo(-0.858, within(1e-12));
        // weighted: 0.20·−0.65 + 0.30·−1.10 + 0.20·−0.83 + 0.15·−0.70 + 0.15·−1.01 = −0.8825
        assertThat(report.weightedScore()).isCloseTo(-0.8825, within(1e-12));
        assertThat(report.perRespondentWeightedScore()).isCloseTo(-0.8825, within(1e-12));
        // SERVPERF: perceptions are 5 + gap, so 5 − 0.858
        assertThat(report.servperfScore()).isCloseTo(5 - 0.858, within(1e-12));
        assertThat(report.dimensionPriorities()).startsWith(Dimension.RELIABILITY);
        assertThat(report.itemGap(5).value()).isCloseTo(-1.10, within(1e-12));
        assertThat(report.respondents()).isEqualTo(100);
    }

    @Test
    void singleItemGap() {
        Map<Dimension, int[]> one = new EnumMap<>(Dimension.class);
        one.put(Dimension.RELIABILITY, new int[] {1});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(1, one), SEVEN);
        acc.add(Respondent.of(new int[] {5}, new int[] {7}));
        assertThat(acc.snapshot().itemGapMean(1)).isEqualTo(2.0);
    }

    @Test
    void cronbachAlphaByHand() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.EMPATHY, new int[] {1, 2, 3});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(3, map), Scale.ONE_TO_FIVE);
        int[][] rows = {{3, 4, 3}, {2, 3, 4}, {4, 4, 5}, {3, 2, 3}, {4, 4, 4}};
        for (int[] row : rows) {
            acc.add(Respondent.of(new int[] {Respondent.MISSING, Respondent.MISSING, Respondent.MISSING}, row));
        }
        acc.add(Respondent.of(new int[] {1, 1, 1}, new int[] {5, Respondent.MISSING, 1})); // incomplete: left out
        assertThat(acc.snapshot().cronbachAlpha(Dimension.EMPATHY, Measure.PERCEPTION))
                .isCloseTo(1.5 * (1 - 2.2 / 4.3), within(1e-12)).isCloseTo(0.7326, within(5e-5));
    }

    /**
     * Six respondents on three EMPATHY items, 1..5. Expected values from exact fractions and SciPy:
     * <pre>
     * from fractions import Fraction as F; from statistics import variance, mean, stdev
     * import math; from scipy import stats
     * E = [[5,5,4],[3,4,4],[5,5,5],[4,3,4],[5,4,5],[2,3,2]]
     * P = [[3,4,3],[2,3,4],[4,4,5],[3,2,3],[4,4,4],[3,3,2]]
     * def alpha(rows):
     *     rows = [[F(x) for x in r] for r in rows]; k = len(rows[0])
     *     return F(k, k-1)*(1 - sum(variance([r[i] for r in rows]) for i in range(k))
     *                          / variance([sum(r) for r in rows]))
     * alpha([[p-e for p, e in zip(pr, er)] for pr, er in zip(P, E)])   # 19/28 = 0.6785714285714286
     * alpha(P)                                                         # 31/44 = 0.7045454545454546
     * g = [F(sum(p)-sum(e), 3) for p, e in zip(P, E)]                  # respondent gaps; mean -2/3
     * se = stdev(map(float, g))/math.sqrt(6)                           # 0.2277100170213244
     * t = stats.t.ppf(0.975, 5)                                        # CI -1.252013900214119 .. -0.08131943311921408
     * m = [F(sum(p), 3) for p in P]                                    # mean 10/3, SE 0.2854496128592251
     * </pre>
     * The difference scores' alpha is the one Parasuraman, Zeithaml &amp; Berry (1988, Table 3) report.
     */
    @Test
    void alphaOfGapScoresAndDimensionEstimates() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.EMPATHY, new int[] {1, 2, 3});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(3, map), Scale.ONE_TO_FIVE);
        int[][] e = {{5, 5, 4}, {3, 4, 4}, {5, 5, 5}, {4, 3, 4}, {5, 4, 5}, {2, 3, 2}};
        int[][] p = {{3, 4, 3}, {2, 3, 4}, {4, 4, 5}, {3, 2, 3}, {4, 4, 4}, {3, 3, 2}};
        for (int r = 0; r < e.length; r++) {
            acc.add(Respondent.of(e[r], p[r]));
        }
        ServqualReport report = acc.snapshot();
        assertThat(report.cronbachAlpha(Dimension.EMPATHY, Measure.GAP)).isEqualTo(19.0 / 28);
        assertThat(report.cronbachAlpha(Dimension.EMPATHY, Measure.PERCEPTION)).isEqualTo(31.0 / 44);
        // a respondent without E2 counts for the perception alpha only: alpha(P + [[3,3,3]]) = 57/80
        acc.add(Respondent.of(new int[] {1, Respondent.MISSING, 1}, new int[] {3, 3, 3}));
        assertThat(acc.snapshot().cronbachAlpha(Dimension.EMPATHY, Measure.GAP)).isEqualTo(19.0 / 28);
        assertThat(acc.snapshot().cronbachAlpha(Dimension.EMPATHY, Measure.PERCEPTION)).isEqualTo(57.0 / 80);

        Estimate gap = report.dimensionGap(Dimension.EMPATHY);
        assertThat(gap.value()).isCloseTo(-2.0 / 3, within(1e-15));
        assertThat(report.dimensionGapMean(Dimension.EMPATHY)).isEqualTo(gap.value());
        assertThat(gap.standardError()).isCloseTo(0.2277100170213244, within(1e-14));
        assertThat(gap.degreesOfFreedom()).isEqualTo(5.0);
        Interval ci = gap.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-1.252013900214119, within(1e-9));
        assertThat(ci.upper()).isCloseTo(-0.08131943311921408, within(1e-9));
        Estimate perception = report.dimensionPerception(Dimension.EMPATHY);
        assertThat(perception.value()).isCloseTo(10.0 / 3, within(1e-15));
        assertThat(perception.standardError()).isCloseTo(0.2854496128592251, within(1e-14));
        assertThat(report.dimensionPerceptionMean(Dimension.EMPATHY)).isEqualTo(perception.value());
        // E row means 14/3, 11/3, 5, 11/3, 14/3, 7/3 sum to 24: the mean is 4
        assertThat(report.dimensionExpectationMean(Dimension.EMPATHY)).isCloseTo(4.0, within(1e-15));

        ServqualAccumulator one = new ServqualAccumulator(Instrument.of(3, map), Scale.ONE_TO_FIVE);
        one.add(Respondent.of(e[0], p[0]));
        assertThat(one.snapshot().dimensionGapMean(Dimension.EMPATHY)).isEqualTo(-4.0 / 3);
        assertThatThrownBy(() -> one.snapshot().dimensionGap(Dimension.EMPATHY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the gap of EMPATHY needs at least 2 respondents, had 1");
        assertThatThrownBy(() -> report.dimensionGap(Dimension.TANGIBLES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension TANGIBLES is not in the instrument, whose dimensions are [EMPATHY]");
        assertThatThrownBy(() -> report.cronbachAlpha(Dimension.TANGIBLES, Measure.GAP))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension TANGIBLES is not in the instrument, whose dimensions are [EMPATHY]");
    }

    @Test
    void reportsAreValues() {
        ServqualAccumulator a = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        ServqualAccumulator b = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        for (int r = 0; r < 20; r++) {
            a.add(exampleRespondent(r).withImportance(20, 30, 20, 15, 15));
            b.add(exampleRespondent(r).withImportance(20, 30, 20, 15, 15));
        }
        assertThat(a.snapshot()).isEqualTo(b.snapshot()).hasSameHashCodeAs(b.snapshot())
                .isEqualTo(ServqualAccumulator.fromByteArray(a.toByteArray()).snapshot());
        b.add(exampleRespondent(20));
        assertThat(a.snapshot()).isNotEqualTo(b.snapshot());
        ServqualAccumulator c = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        for (int r = 0; r < 20; r++) {
            c.add(exampleRespondent(r).withImportance(20, 30, 20, 10, 20)); // only the importance differs
        }
        assertThat(c.snapshot()).isNotEqualTo(a.snapshot());
        assertThat(a.snapshot()).isNotEqualTo(null).isNotEqualTo("a report");
    }

    @Test
    void zoneOfTolerance() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.TANGIBLES, new int[] {1});
        map.put(Dimension.RELIABILITY, new int[] {2});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(2, map), Scale.of(1, 9));
        // P = 4, 8; adequate 5, 5; desired 7, 7 → MSA −1, +3; MSS −3, +1
        acc.add(Respondent.of(new int[] {6, 6}, new int[] {4, 8}).withToleranceZone(new int[] {5, 5}, new int[] {7, 7}));
        acc.add(Respondent.of(new int[] {6, 6}, new int[] {4, 8}).withToleranceZone(new int[] {5, 5}, new int[] {7, 7}));
        ServqualReport r = acc.snapshot();
        assertThat(r.msa(1)).isEqualTo(-1.0);
        assertThat(r.mss(2)).isEqualTo(1.0);
        assertThat(r.dimensionMsa(Dimension.RELIABILITY)).isEqualTo(3.0);
        assertThat(r.zonePosition(Dimension.TANGIBLES)).isEqualTo(ServqualReport.ZonePosition.BELOW);
        assertThat(r.zonePosition(Dimension.RELIABILITY)).isEqualTo(ServqualReport.ZonePosition.ABOVE);
    }

    @Test
    void mergeOfAnySplitEqualsOnePassAndBinaryFormRoundTrips() {
        SplittableRandom random = new SplittableRandom(1988);
        Respondent[] all = new Respondent[60];
        for (int i = 0; i < all.length; i++) {
            int[] e = new int[22];
            int[] p = new int[22];
            for (int j = 0; j < 22; j++) {
                e[j] = random.nextInt(10) == 0 ? Respondent.MISSING : 1 + random.nextInt(7);
                p[j] = 1 + random.nextInt(7);
            }
            all[i] = Respondent.of(e, p);
        }
        ServqualAccumulator one = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        for (Respondent r : all) {
            one.add(r);
        }
        for (int cut : new int[] {0, 1, 17, 59, 60}) {
            ServqualAccumulator left = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
            ServqualAccumulator right = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
            for (int i = 0; i < all.length; i++) {
                (i < cut ? left : right).add(all[i]);
            }
            ServqualReport merged = ServqualAccumulator.fromByteArray(left.merge(right).toByteArray()).snapshot();
            ServqualReport single = one.snapshot();
            assertThat(merged.unweightedScore()).isCloseTo(single.unweightedScore(), within(1e-12));
            assertThat(merged.servperfScore()).isCloseTo(single.servperfScore(), within(1e-12));
            assertThat(merged.cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION))
                    .isEqualTo(single.cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION));
            assertThat(merged.cronbachAlpha(Dimension.EMPATHY, Measure.GAP))
                    .isEqualTo(single.cronbachAlpha(Dimension.EMPATHY, Measure.GAP));
            for (int item = 1; item <= 22; item++) {
                assertThat(merged.itemGapMean(item)).isCloseTo(single.itemGapMean(item), within(1e-12));
            }
            // the byte form carries every state: the report read back equals the report written
            assertThat(ServqualAccumulator.fromByteArray(left.toByteArray()).snapshot()).isEqualTo(left.snapshot())
                    .hasSameHashCodeAs(left.snapshot());
        }
    }

    /** The published example of {@link #publishedDimensionGapsAndUnweightedScore()}, through the collectors. */
    @Test
    void collectorsGiveThePublishedScores() {
        List<Respondent> all = IntStream.range(0, 100).mapToObj(r -> exampleRespondent(r).withImportance(20, 30, 20, 15, 15))
                .collect(Collectors.toList());
        ServqualReport report = all.stream().collect(ServqualReport.collector(Instrument.servqual22(), SEVEN));
        assertThat(report.respondents()).isEqualTo(100);
        assertThat(report.unweightedScore()).isCloseTo(-0.858, within(1e-12));
        assertThat(report.weightedScore()).isCloseTo(-0.8825, within(1e-12));
        ServqualReport parallel = all.parallelStream().collect(ServqualReport.collector(Instrument.servqual22(), SEVEN));
        assertThat(parallel.unweightedScore()).isCloseTo(-0.858, within(1e-12));
        assertThat(parallel.cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION))
                .isEqualTo(report.cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION));
        // the generic form maps elements to respondents, and works under groupingBy: the first 65
        // respondents are one point below expectation on tangibles (gap −1), the other 35 at it (0)
        Map<Boolean, ServqualReport> byGroup = IntStream.range(0, 100).boxed().collect(Collectors.groupingBy(
                r -> r < 65, ServqualReport.collector(Instrument.servqual22(), SEVEN, ServqualTest::exampleRespondent)));
        assertThat(byGroup.get(true).dimensionGapMean(Dimension.TANGIBLES)).isEqualTo(-1.0);
        assertThat(byGroup.get(false).dimensionGapMean(Dimension.TANGIBLES)).isEqualTo(0.0);
        assertThat(byGroup.get(true).respondents() + byGroup.get(false).respondents()).isEqualTo(100);
    }

    @Test
    void collectorArgumentsAreChecked() {
        assertThatThrownBy(() -> ServqualReport.collector(null, SEVEN)).isInstanceOf(NullPointerException.class)
                .hasMessage("instrument");
        assertThatThrownBy(() -> ServqualReport.collector(Instrument.servqual22(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("scale");
        assertThatThrownBy(() -> ServqualReport.collector(Instrument.servqual22(), SEVEN, null))
                .isInstanceOf(NullPointerException.class).hasMessage("respondent");
        assertThatThrownBy(() -> ServqualReport.collector(Instrument.servqual22(),
                Scale.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("scale -2147483648..-2147483644 contains Respondent.MISSING");
        int[] bad = new int[22];
        Arrays.fill(bad, 9);
        assertThatThrownBy(() -> java.util.stream.Stream.of(Respondent.of(bad, bad))
                .collect(ServqualReport.collector(Instrument.servqual22(), SEVEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expectation 9 for item 1 is outside scale 1..7");
    }

    @Test
    void equalAnswersAddNoGap() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        int[] same = new int[22];
        Arrays.fill(same, 4);
        acc.add(Respondent.of(same, same));
        acc.add(Respondent.of(same, same));
        assertThat(acc.snapshot().unweightedScore()).isEqualTo(0.0);
    }

    @Test
    void badInputChangesNothing() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), SEVEN);
        int[] ok = new int[22];
        Arrays.fill(ok, 4);
        acc.add(Respondent.of(ok, ok));
        byte[] before = acc.toByteArray();
        int[] bad = ok.clone();
        bad[3] = 9;
        assertThatThrownBy(() -> acc.add(Respondent.of(ok, bad))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("perception 9 for item 4 is outside scale 1..7");
        assertThatThrownBy(() -> acc.add(Respondent.of(new int[21], new int[21]))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("respondent has 21 items, the instrument 22");
        assertThat(acc.toByteArray()).isEqualTo(before);
        assertThatThrownBy(() -> Respondent.of(ok, ok).withImportance(20, 20, 20, 20, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importance points must sum to 100 (within 0.5), summed to 105.0");
        assertThatThrownBy(() -> Respondent.of(ok, ok).withImportance(-5, 30, 25, 25, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importance points for TANGIBLES must be finite and >= 0, was -5.0");
        assertThat(Respondent.of(ok, ok).withImportance(20.2, 20, 20, 20, 20).hasImportance()).isTrue();
        Map<Dimension, int[]> gap = new EnumMap<>(Dimension.class);
        gap.put(Dimension.TANGIBLES, new int[] {1, 2});
        assertThatThrownBy(() -> Instrument.of(3, gap)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 3 is not assigned to a dimension");
        byte[] truncated = Arrays.copyOf(before, before.length - 3);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(truncated)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.merge(new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_FIVE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot merge");
    }
}
