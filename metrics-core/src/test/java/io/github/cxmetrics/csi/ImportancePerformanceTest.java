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
}
