package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Scale;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** Invariants of SERVQUAL scoring (DESIGN.md §5), with QuickTheories from a fixed seed. */
class ServqualPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(1991L).withExamples(100);
    }

    /**
     * n respondents on {@code min..min+6} from a seed: about 1 in 8 answers missing, half with
     * importance points (random, summing to 100), a third with the tolerance zone. The answers are
     * correlated within a respondent, so that alpha is mostly defined and not near 0.
     */
    private static List<Respondent> respondents(long seed, int n, int min) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Respondent> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int base = random.nextInt(7);
            int[][] answers = new int[4][22];
            for (int[] a : answers) {
                for (int i = 0; i < 22; i++) {
                    a[i] = random.nextInt(8) == 0 ? Respondent.MISSING
                            : min + Math.max(0, Math.min(6, base + random.nextInt(3) - 1));
                }
            }
            Respondent resp = Respondent.of(answers[0], answers[1]);
            if (random.nextBoolean()) {
                double[] points = new double[5];
                int left = 100;
                for (int d = 0; d < 4; d++) {
                    points[d] = random.nextInt(left + 1);
                    left -= (int) points[d];
                }
                points[4] = left;
                resp = resp.withImportance(points);
            }
            if (random.nextInt(3) == 0) {
                resp = resp.withToleranceZone(answers[2], answers[3]);
            }
            out.add(resp);
        }
        return out;
    }

    private static ServqualAccumulator accumulate(List<Respondent> rs, Scale scale) {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), scale);
        rs.forEach(acc::add);
        return acc;
    }

    private static ServqualReport report(List<Respondent> rs) {
        return accumulate(rs, Scale.ONE_TO_SEVEN).snapshot();
    }

    /** A value, or NaN where it is undefined on the data (too few respondents, no importance, …). */
    private static double orNaN(DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (IllegalStateException undefined) {
            return Double.NaN;
        }
    }

    /** Everything derived from a report that merging must keep: exact for alpha, to rounding for means. */
    private static void assertSameNumbers(ServqualReport actual, ServqualReport expected) {
        assertThat(actual.respondents()).isEqualTo(expected.respondents());
        close(actual::unweightedScore, expected::unweightedScore);
        close(actual::weightedScore, expected::weightedScore);
        close(actual::perRespondentWeightedScore, expected::perRespondentWeightedScore);
        close(actual::servperfScore, expected::servperfScore);
        for (Dimension d : Dimension.values()) {
            close(() -> actual.importanceWeight(d), () -> expected.importanceWeight(d));
            close(() -> actual.dimensionMsa(d), () -> expected.dimensionMsa(d));
            close(() -> actual.dimensionMss(d), () -> expected.dimensionMss(d));
            close(() -> actual.dimensionExpectationMean(d), () -> expected.dimensionExpectationMean(d));
            assertThat(zone(actual, d)).isEqualTo(zone(expected, d));
            for (Measure m : Measure.values()) {
                assertThat(Double.compare(orNaN(() -> actual.cronbachAlpha(d, m)),
                        orNaN(() -> expected.cronbachAlpha(d, m)))).as("alpha of %s, %s", d, m).isZero();
            }
        }
        for (int item = 1; item <= 22; item++) {
            int i = item;
            close(() -> actual.itemGapMean(i), () -> expected.itemGapMean(i));
            close(() -> actual.msa(i), () -> expected.msa(i));
        }
    }

    private static String zone(ServqualReport r, Dimension d) {
        try {
            return r.zonePosition(d).name();
        } catch (IllegalStateException undefined) {
            return "undefined";
        }
    }

    private static void close(DoubleSupplier actual, DoubleSupplier expected) {
        double a = orNaN(actual);
        double e = orNaN(expected);
        if (Double.isNaN(e)) {
            assertThat(a).isNaN();
        } else {
            assertThat(a).isCloseTo(e, within(1e-12));
        }
    }

    @Test
    void permutingRespondentsChangesNothingAndScoresStayInBounds() {
        qt().forAll(longs().all(), integers().between(5, 40), longs().all()).checkAssert((seed, n, shuffle) -> {
            List<Respondent> rs = respondents(seed, n, 1);
            ServqualReport a = report(rs);
            List<Respondent> shuffled = new ArrayList<>(rs);
            Collections.shuffle(shuffled, new Random(shuffle));
            ServqualReport b = report(shuffled);
            assertSameNumbers(b, a);
            assertThat(a.unweightedScore()).isBetween(-6.0, 6.0);
            double weighted = orNaN(a::weightedScore); // undefined when nobody gave importance points
            if (!Double.isNaN(weighted)) {
                assertThat(weighted).isBetween(-6.0, 6.0);
            }
            assertThat(a.servperfScore()).isBetween(1.0, 7.0);
            double weights = 0;
            for (Dimension d : Dimension.values()) {
                double w = orNaN(() -> a.importanceWeight(d));
                if (!Double.isNaN(w)) {
                    assertThat(w).isBetween(0.0, 1.0);
                }
                weights += w;
                for (Measure m : Measure.values()) {
                    double alpha = orNaN(() -> a.cronbachAlpha(d, m));
                    if (!Double.isNaN(alpha)) {
                        assertThat(alpha).isLessThanOrEqualTo(1.0);
                    }
                }
            }
            if (!Double.isNaN(weights)) {
                assertThat(weights).isCloseTo(1.0, within(1e-12));
            }
        });
    }

    /**
     * The parts that merging keeps exactly: the respondent count, every mean state's count and the
     * alpha sums (exact integers); the means themselves agree to rounding (Chan et al.'s update is
     * not bit-for-bit associative), within 1e-12 on these 1..7 data.
     */
    private static void assertSameState(ServqualAccumulator actual, ServqualAccumulator expected) {
        assertThat(actual.respondents).isEqualTo(expected.respondents);
        assertThat(actual.alphaN).isDeepEqualTo(expected.alphaN);
        assertThat(actual.alphaSums).isDeepEqualTo(expected.alphaSums);
        MeanAccumulator[][] a = groups(actual);
        MeanAccumulator[][] e = groups(expected);
        for (int g = 0; g < a.length; g++) {
            for (int i = 0; i < a[g].length; i++) {
                MeanSummary x = a[g][i].snapshot();
                MeanSummary y = e[g][i].snapshot();
                assertThat(x.count()).as("count of state %d.%d", g, i).isEqualTo(y.count());
                assertThat(x.totalWeight()).isEqualTo(y.totalWeight());
                if (y.count() > 0) {
                    assertThat(x.mean()).as("mean of state %d.%d", g, i).isCloseTo(y.mean(), within(1e-12));
                }
            }
        }
        assertSameNumbers(actual.snapshot(), expected.snapshot());
    }

    private static MeanAccumulator[][] groups(ServqualAccumulator a) {
        return new MeanAccumulator[][] {a.itemGap, a.itemExpectation, a.itemPerception, a.itemMsa, a.itemMss, a.dimGap,
            a.dimExpectation, a.dimPerception, a.dimMsa, a.dimMss, a.dimAdequate, a.dimDesired, a.importance,
            {a.perRespondentWeighted}};
    }

    /** Every state reads back (no self-rejection) and writes the same bytes again: the form is canonical. */
    private static void assertRoundTrips(ServqualAccumulator acc) {
        byte[] bytes = acc.toByteArray();
        assertThat(bytes).hasSize(acc.serializedSize());
        ServqualAccumulator back = ServqualAccumulator.fromByteArray(bytes);
        assertThat(back.toByteArray()).isEqualTo(bytes);
        assertThat(back.snapshot()).isEqualTo(acc.snapshot());
    }

    @Test
    void mergeOfAnySplitEqualsOnePassAndTheByteFormCarriesIt() {
        qt().forAll(longs().all(), integers().between(2, 40), integers().between(0, 40)).checkAssert((seed, n, cut) -> {
            List<Respondent> rs = respondents(seed, n, 1);
            int k = Math.min(cut, n);
            ServqualAccumulator left = accumulate(rs.subList(0, k), Scale.ONE_TO_SEVEN);
            ServqualAccumulator right = accumulate(rs.subList(k, n), Scale.ONE_TO_SEVEN);
            assertRoundTrips(left);
            assertRoundTrips(right);
            ServqualAccumulator rightFirst = ServqualAccumulator.fromByteArray(right.toByteArray())
                    .merge(ServqualAccumulator.fromByteArray(left.toByteArray()));
            ServqualAccumulator merged = left.merge(ServqualAccumulator.fromByteArray(right.toByteArray()));
            ServqualAccumulator one = accumulate(rs, Scale.ONE_TO_SEVEN);
            assertSameState(merged, one);
            assertSameState(rightFirst, one);
            assertRoundTrips(merged);
            assertRoundTrips(rightFirst);
            assertRoundTrips(one);
        });
    }

    @Test
    void mergeIsAssociativeAndCommutative() {
        qt().forAll(longs().all(), integers().between(3, 40), integers().between(0, 40), integers().between(0, 40))
                .checkAssert((seed, n, c1, c2) -> {
                    List<Respondent> rs = respondents(seed, n, 1);
                    int i = Math.min(Math.min(c1, c2), n);
                    int j = Math.min(Math.max(c1, c2), n);
                    ServqualAccumulator ab = accumulate(rs.subList(0, i), Scale.ONE_TO_SEVEN)
                            .merge(accumulate(rs.subList(i, j), Scale.ONE_TO_SEVEN));
                    ServqualAccumulator leftFirst = ab.merge(accumulate(rs.subList(j, n), Scale.ONE_TO_SEVEN));
                    ServqualAccumulator bc = accumulate(rs.subList(i, j), Scale.ONE_TO_SEVEN)
                            .merge(accumulate(rs.subList(j, n), Scale.ONE_TO_SEVEN));
                    ServqualAccumulator rightFirst = accumulate(rs.subList(0, i), Scale.ONE_TO_SEVEN).merge(bc);
                    ServqualAccumulator reversed = accumulate(rs.subList(j, n), Scale.ONE_TO_SEVEN)
                            .merge(accumulate(rs.subList(i, j), Scale.ONE_TO_SEVEN))
                            .merge(accumulate(rs.subList(0, i), Scale.ONE_TO_SEVEN));
                    assertSameState(leftFirst, rightFirst);
                    assertSameState(reversed, rightFirst);
                    assertRoundTrips(leftFirst);
                    assertRoundTrips(reversed);
                });
    }

    /** A parallel stream splits anywhere: its collected report agrees with one pass as merging does. */
    @Test
    void theCollectorOnAParallelStreamAgreesWithOnePass() {
        qt().withExamples(30).forAll(longs().all(), integers().between(1, 200)).checkAssert((seed, n) -> {
            List<Respondent> rs = respondents(seed, n, 1);
            ServqualReport parallel = rs.parallelStream()
                    .collect(ServqualReport.collector(Instrument.servqual22(), Scale.ONE_TO_SEVEN));
            assertSameNumbers(parallel, report(rs));
            assertThat(rs.stream().collect(ServqualReport.collector(Instrument.servqual22(), Scale.ONE_TO_SEVEN)))
                    .isEqualTo(report(rs));
        });
    }

    /**
     * No self-rejection at scale: 60 000 respondents added one by one and in 7 merged parts (the
     * rounding of the running means grows with the count, and the reader's tolerances with it),
     * then the merged state doubled 30 times by self-merges, all read back and re-serialise to the
     * same bytes.
     */
    @Test
    void largeStatesBuiltByAddAndMergeReadBack() {
        List<Respondent> rs = respondents(60_000L, 60_000, 1);
        ServqualAccumulator one = accumulate(rs, Scale.ONE_TO_SEVEN);
        assertRoundTrips(one);
        ServqualAccumulator parts = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        int[] cuts = {0, 1, 999, 12_345, 30_000, 30_001, 58_000, 60_000};
        for (int c = 0; c + 1 < cuts.length; c++) {
            parts.merge(accumulate(rs.subList(cuts[c], cuts[c + 1]), Scale.ONE_TO_SEVEN));
        }
        assertSameState(parts, one);
        assertRoundTrips(parts);
        for (int i = 0; i < 30; i++) {
            parts.merge(parts);
        }
        assertThat(parts.respondents()).isEqualTo(60_000L << 30);
        assertRoundTrips(parts);
    }

    @Test
    void everyTruncationIsRejectedAndOffsetsWork() {
        qt().withExamples(10).forAll(longs().all(), integers().between(0, 12), integers().between(0, 64))
                .checkAssert((seed, n, offset) -> {
                    ServqualAccumulator acc = accumulate(respondents(seed, n, 1), Scale.ONE_TO_SEVEN);
                    byte[] bytes = acc.toByteArray();
                    SplittableRandom random = new SplittableRandom(seed);
                    for (int t = 0; t < 200; t++) { // 200 cut points of the 12 666 bytes, the first 16 always
                        int cut = t < 16 ? t : random.nextInt(bytes.length);
                        byte[] truncated = Arrays.copyOf(bytes, cut);
                        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(truncated))
                                .isInstanceOf(IllegalArgumentException.class);
                    }
                    ByteBuffer buf = ByteBuffer.allocate(offset + bytes.length + 5);
                    random.nextBytes(buf.array());
                    byte[] around = buf.array().clone();
                    buf.position(offset);
                    acc.writeTo(buf);
                    assertThat(buf.position()).isEqualTo(offset + bytes.length);
                    assertThat(Arrays.copyOfRange(buf.array(), offset, offset + bytes.length)).isEqualTo(bytes);
                    assertThat(Arrays.copyOf(buf.array(), offset)).isEqualTo(Arrays.copyOf(around, offset));
                    assertThat(Arrays.copyOfRange(buf.array(), offset + bytes.length, buf.capacity()))
                            .isEqualTo(Arrays.copyOfRange(around, offset + bytes.length, around.length));
                    buf.position(offset);
                    ServqualAccumulator back = ServqualAccumulator.fromByteBuffer(buf);
                    assertThat(buf.position()).isEqualTo(offset + bytes.length);
                    assertThat(back.toByteArray()).isEqualTo(bytes);
                });
    }

    /**
     * Alpha is computed from exact integer sums of answers minus the scale minimum, so it is
     * bit-identical on any shift of the scale (including its ends near the int range), and under
     * 30 to 45 self-merges (n·Σx² − (Σx)² grows by 4 per doubling, past 2⁶⁴ and 2¹⁰⁰).
     */
    @Test
    void alphaIsExactUnderShiftsOfTheScaleAndRepeatedSelfMerges() {
        int[] defined = new int[1];
        qt().withExamples(30).forAll(longs().all(), integers().between(3, 40), integers().between(30, 45))
                .checkAssert((seed, n, doublings) -> {
                    ServqualReport base = accumulate(respondents(seed, n, 1), Scale.ONE_TO_SEVEN).snapshot();
                    ServqualReport low = accumulate(respondents(seed, n, Integer.MIN_VALUE + 1),
                            Scale.of(Integer.MIN_VALUE + 1, Integer.MIN_VALUE + 7)).snapshot();
                    ServqualReport high = accumulate(respondents(seed, n, Integer.MAX_VALUE - 6),
                            Scale.of(Integer.MAX_VALUE - 6, Integer.MAX_VALUE)).snapshot();
                    ServqualAccumulator grown = accumulate(respondents(seed, n, 1), Scale.ONE_TO_SEVEN);
                    for (int i = 0; i < doublings; i++) {
                        grown.merge(grown);
                    }
                    ServqualReport big = grown.snapshot();
                    assertThat(big.respondents()).isEqualTo((long) n << doublings);
                    for (Dimension d : Dimension.values()) {
                        for (Measure m : Measure.values()) {
                            Double expected = orNaN(() -> base.cronbachAlpha(d, m)); // boxed: NaN equals NaN
                            defined[0] += expected.isNaN() ? 0 : 1;
                            assertThat((Double) orNaN(() -> low.cronbachAlpha(d, m))).isEqualTo(expected);
                            assertThat((Double) orNaN(() -> high.cronbachAlpha(d, m))).isEqualTo(expected);
                            assertThat((Double) orNaN(() -> big.cronbachAlpha(d, m))).as("%s %s", d, m)
                                    .isEqualTo(expected);
                        }
                        assertThat(big.dimensionGapMean(d)).isCloseTo(base.dimensionGapMean(d), within(1e-9));
                    }
                });
        assertThat(defined[0]).as("alphas defined over the examples").isGreaterThan(500);
    }

    @Test
    void aRespondentWithEqualAnswersAddsZeroGapOnAnyScale() {
        qt().forAll(integers().between(Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1), integers().between(2, 1024),
                longs().all()).checkAssert((from, points, seed) -> {
                    int min = (int) Math.min(from, (long) Integer.MAX_VALUE - points + 1);
                    Scale scale = Scale.of(min, min + points - 1);
                    int v = min + new SplittableRandom(seed).nextInt(points);
                    int[] same = new int[22];
                    Arrays.fill(same, v);
                    ServqualReport r = accumulate(List.of(Respondent.of(same, same)), scale).snapshot();
                    for (Dimension d : Dimension.values()) {
                        assertThat(r.dimensionGapMean(d)).isEqualTo(0.0);
                        assertThat(r.dimensionPerceptionMean(d)).isEqualTo(v);
                    }
                    assertThat(r.unweightedScore()).isEqualTo(0.0);
                });
    }
}
