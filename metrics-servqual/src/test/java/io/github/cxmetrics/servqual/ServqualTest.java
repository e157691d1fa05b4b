package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.survey.Scale;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
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
            for (int item = 1; item <= 22; item++) {
                assertThat(merged.itemGapMean(item)).isCloseTo(single.itemGapMean(item), within(1e-12));
            }
            double bound = 6.0;
            assertThat(merged.unweightedScore()).isBetween(-bound, bound);
        }
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
