package io.github.cxmetrics.csi;

import static io.github.cxmetrics.csi.ImportancePerformance.Quadrant.CONCENTRATE_HERE;
import static io.github.cxmetrics.csi.ImportancePerformance.Quadrant.KEEP_UP_THE_GOOD_WORK;
import static io.github.cxmetrics.csi.ImportancePerformance.Quadrant.LOW_PRIORITY;
import static io.github.cxmetrics.csi.ImportancePerformance.Quadrant.POSSIBLE_OVERKILL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link ImportancePerformance}: the quadrant definitions of Martilla &amp; James (1977), checked on
 * hand-placed points, and the invariance of the classification under shifting every importance.
 */
class ImportancePerformanceTest {

    @Test
    void crosshairsAreTheMeansThatClassifyUses() {
        double[] importance = {0.1, 0.4, 0.2, 0.3};
        double[] performance = {4.0, 3.0, 5.0, 2.0};
        // means: 1.0 / 4 = 0.25 and 14 / 4 = 3.5
        double[] c = ImportancePerformance.crosshairs(importance, performance);
        assertThat(c[0]).isCloseTo(0.25, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(c[1]).isEqualTo(3.5);
        assertThat(ImportancePerformance.classify(importance, performance))
                .isEqualTo(ImportancePerformance.classify(importance, performance, c[0], c[1]));
    }

    @Test
    void quadrantsAroundTheMeans() {
        // importance mean 5, performance mean 5
        double[] importance = {8, 8, 2, 2, 5};
        double[] performance = {2, 8, 2, 8, 5};
        assertThat(ImportancePerformance.classify(importance, performance)).containsExactly(
                CONCENTRATE_HERE, KEEP_UP_THE_GOOD_WORK, LOW_PRIORITY, POSSIBLE_OVERKILL,
                KEEP_UP_THE_GOOD_WORK); // exactly on both crosshairs counts as high on both
    }

    @Test
    void givenCrosshairs() {
        assertThat(ImportancePerformance.classify(new double[] {0.3, 0.6}, new double[] {3.2, 3.0}, 0.5, 3.0))
                .containsExactly(POSSIBLE_OVERKILL, KEEP_UP_THE_GOOD_WORK);
    }

    @Test
    void prioritiesRankImportanceTimesShortfall() {
        // priorities: 0.5·(10 − 6) = 2, 0.3·(10 − 4) = 1.8, 0.2·(10 − 9) = 0.2, 0.9·0 = 0
        int[] order = ImportancePerformance.priorities(new double[] {0.5, 0.3, 0.2, 0.9},
                new double[] {6, 4, 9, 10}, 10);
        assertThat(order).containsExactly(0, 1, 2, 3);
    }

    @Test
    void classificationIsInvariantUnderShiftingAllImportances() {
        // four attributes: the mean of integers divides exactly by 4, so the test is exact
        QuickTheory.qt().withFixedSeed(9L).withExamples(300)
                .forAll(intArrays(range(4, 4), range(0, 100)), intArrays(range(4, 4), range(1, 10)),
                        integers().between(-1000, 1000))
                .checkAssert((imp, perf, c) -> {
                    double[] i1 = Arrays.stream(imp).asDoubleStream().toArray();
                    double[] i2 = Arrays.stream(imp).asDoubleStream().map(v -> v + c).toArray();
                    double[] p = Arrays.stream(perf).asDoubleStream().toArray();
                    assertThat(ImportancePerformance.classify(i2, p)).isEqualTo(ImportancePerformance.classify(i1, p));
                });
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> ImportancePerformance.classify(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importance has 2 values but performance has 1");
        assertThatThrownBy(() -> ImportancePerformance.classify(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importance[0] must be finite, was NaN");
        assertThatThrownBy(() -> ImportancePerformance.classify(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImportancePerformance.priorities(new double[] {-1}, new double[] {1}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importance[0] must be >= 0 for a priority ranking, was -1.0");
    }

    @Test
    void meanCrosshairOfHugeImportancesDoesNotOverflow() {
        // reliability report R13: (1e308 + 1.7e308)/2 overflowed to ∞ and the call failed with an IAE
        // about "importanceCrosshair", which the caller never passed. The mean is 1.35e308: 1e308 is low,
        // 1.7e308 high; performances 1 and 2 (mean 1.5): low, high
        assertThat(ImportancePerformance.classify(new double[] {1e308, 1.7e308}, new double[] {1, 2}))
                .containsExactly(LOW_PRIORITY, KEEP_UP_THE_GOOD_WORK);
        // {1.7e308, 1.6e308, −1.7e308}: the first partial sum overflows; mean 0.5333e308: high, high, low.
        // performance {−1.6e308, 1.7e308, −1.7e308}: mean −0.5333e308: low, high, low
        assertThat(ImportancePerformance.classify(new double[] {1.7e308, 1.6e308, -1.7e308},
                new double[] {-1.6e308, 1.7e308, -1.7e308}))
                .containsExactly(CONCENTRATE_HERE, KEEP_UP_THE_GOOD_WORK, LOW_PRIORITY);
    }

    @Test
    void prioritiesOfHugeValuesDoNotOverflowIntoTies() {
        // shortfalls 1e308 − (−1e308) = 2e308 and 1e308 − (−0.5e308) = 1.5e308 overflow, and so do the
        // products with importance 1e10 and 2e10: priorities 2e318 and 3e318, so attribute 1 first
        int[] order = ImportancePerformance.priorities(new double[] {1e10, 2e10}, new double[] {-1e308, -0.5e308},
                1e308);
        assertThat(order).containsExactly(1, 0);
        // tiny importances: 1e-200·1e-200 and 2e-200·1e-200 underflow to 0 as doubles; 1 first
        assertThat(ImportancePerformance.priorities(new double[] {1e-200, 2e-200}, new double[] {0, 0}, 1e-200))
                .containsExactly(1, 0);
    }

    @Test
    void errorsNameTheCallersArguments() {
        assertThatThrownBy(() -> ImportancePerformance.classify(new double[] {1}, new double[] {1}, Double.NaN, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("importanceCrosshair must be finite, was NaN");
        assertThatThrownBy(() -> ImportancePerformance.priorities(new double[] {1}, new double[] {1},
                Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("target must be finite, was Infinity");
        assertThatThrownBy(() -> ImportancePerformance.classify(new double[] {1}, new double[] {Double.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("performance[0] must be finite, was -Infinity");
    }

    @Test
    void theMeanCrosshairsAreTheExactMeansForAnyFiniteMagnitude() {
        // classify(imp, perf) must equal classify(imp, perf, m_i, m_p) with the means computed exactly
        // (BigDecimal) and rounded; values 10^e with e in −300..308 and either sign
        QuickTheory.qt().withFixedSeed(21L).withExamples(300)
                .forAll(intArrays(range(1, 6), range(-300, 308)), integers().between(0, 63))
                .checkAssert((exps, signs) -> {
                    double[] imp = new double[exps.length];
                    double[] perf = new double[exps.length];
                    for (int i = 0; i < exps.length; i++) {
                        imp[i] = ((signs >> i) & 1) == 1 ? -1.7 * Math.pow(10, Math.min(exps[i], 307)) : Math.pow(10, exps[i]);
                        perf[i] = Math.pow(10, exps[exps.length - 1 - i]) * (i % 2 == 0 ? 1 : -1);
                    }
                    assertThat(ImportancePerformance.classify(imp, perf))
                            .isEqualTo(ImportancePerformance.classify(imp, perf, exactMean(imp), exactMean(perf)));
                });
    }

    private static double exactMean(double[] v) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (double e : v) {
            s = s.add(new java.math.BigDecimal(e));
        }
        return s.divide(java.math.BigDecimal.valueOf(v.length), java.math.MathContext.DECIMAL128).doubleValue();
    }
}
