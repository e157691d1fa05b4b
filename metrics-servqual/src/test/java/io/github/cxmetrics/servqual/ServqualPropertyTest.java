package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.survey.Scale;
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

    @Test
    void mergeOfAnySplitEqualsOnePassAndTheByteFormCarriesIt() {
        qt().forAll(longs().all(), integers().between(2, 40), integers().between(0, 40)).checkAssert((seed, n, cut) -> {
            List<Respondent> rs = respondents(seed, n, 1);
            int k = Math.min(cut, n);
            ServqualAccumulator left = accumulate(rs.subList(0, k), Scale.ONE_TO_SEVEN);
            ServqualAccumulator right = accumulate(rs.subList(k, n), Scale.ONE_TO_SEVEN);
            ServqualReport rightFirst = ServqualAccumulator.fromByteArray(right.toByteArray())
                    .merge(ServqualAccumulator.fromByteArray(left.toByteArray())).snapshot();
            ServqualAccumulator merged = left.merge(ServqualAccumulator.fromByteArray(right.toByteArray()));
            ServqualReport one = report(rs);
            assertSameNumbers(merged.snapshot(), one);
            assertSameNumbers(rightFirst, one);
            byte[] bytes = merged.toByteArray();
            ServqualAccumulator back = ServqualAccumulator.fromByteArray(bytes);
            assertThat(back.snapshot()).isEqualTo(merged.snapshot());
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
