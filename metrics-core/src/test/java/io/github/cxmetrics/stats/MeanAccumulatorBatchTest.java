package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The batch entry points of {@link MeanAccumulator} and {@link MeanSummary}: {@code MeanSummary.of},
 * the weighted {@code addAll}, and the collectors. The references are the one-value-at-a-time
 * {@code add} (the same update, so bit-equal where the order is the same) and an independent two-pass
 * computation in the test (weighted mean {@code Σwx/Σw}, then {@code Σw(x − m)²}, Kish
 * {@code n_eff = (Σw)²/Σw²}, {@code s² = [Σw(x − m)²/Σw]·n_eff/(n_eff − 1)}).
 */
class MeanAccumulatorBatchTest {

    private static final double[] A = {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3};

    /** One row of a survey: a segment, a value, a weight. */
    private record Row(int segment, double value, double weight) {
    }

    private static List<Row> rows(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Row(random.nextInt(3), 1 + 6 * random.nextDouble(), 0.1 + 2 * random.nextDouble()));
        }
        return rows;
    }

    /** Two-pass reference {mean, variance, n_eff}. */
    private static double[] twoPass(List<Row> rows, ToDoubleFunction<Row> weight) {
        double sw = 0;
        double sww = 0;
        double swx = 0;
        for (Row r : rows) {
            double w = weight.applyAsDouble(r);
            sw += w;
            sww += w * w;
            swx += w * r.value();
        }
        double mean = swx / sw;
        double ss = 0;
        for (Row r : rows) {
            ss += weight.applyAsDouble(r) * (r.value() - mean) * (r.value() - mean);
        }
        double nEff = sw * sw / sww;
        return new double[] {mean, ss / sw * nEff / (nEff - 1), nEff};
    }

    @Test
    void meanSummaryOfIsTheSnapshotOfTheValues() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(A);
        assertThat(MeanSummary.of(A)).isEqualTo(acc.snapshot());
        // numpy: a.mean(), a.var(ddof=1)
        assertThat(MeanSummary.of(A).mean()).isCloseTo(5.542857142857143, within(1e-14));
        assertThat(MeanSummary.of(A).variance()).isCloseTo(0.2295238095238095, within(1e-14));
        assertThat(MeanSummary.of().isEmpty()).isTrue();
        assertThatThrownBy(() -> MeanSummary.of((double[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("values");
        assertThatThrownBy(() -> MeanSummary.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was NaN (index 1)");
        assertThatThrownBy(() -> MeanSummary.of(1e200, -1e200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variance would overflow").hasMessageEndingWith("(index 1)");
    }

    @Test
    void weightedAddAllEqualsOneAddPerValue() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int n = random.nextInt(40);
            double[] x = new double[n];
            double[] w = new double[n];
            MeanAccumulator one = new MeanAccumulator();
            for (int i = 0; i < n; i++) {
                x[i] = 100 * random.nextDouble() - 50;
                w[i] = random.nextInt(5) == 0 ? 0.0 : Math.scalb(random.nextDouble(), random.nextInt(-20, 20));
                one.add(x[i], w[i]);
            }
            MeanAccumulator batch = new MeanAccumulator();
            batch.addAll(x, w);
            assertThat(batch.toByteArray()).isEqualTo(one.toByteArray());
        }
    }

    @Test
    void aRejectedWeightedBatchLeavesTheBytesIdentical() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(A, new double[] {1, 2, 0.5, 1, 1, 3, 0});
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values and weights must have the same length, were 2 and 1");
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2, Double.NaN}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must be finite, was NaN (index 2)");
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2, 3}, new double[] {1, -1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was -1.0 (index 1)");
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2, 3}, new double[] {1, 1, 1e200}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be 0 or in [1e-150, 1e150] (its square must be a normal double for the "
                        + "effective size), was 1.0E200 (index 2)");
        // only found while adding: the third value's variance is not a double; the first two are rolled back
        assertThatThrownBy(() -> acc.addAll(new double[] {7, 8, 1e200}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variance would overflow: value 1.0E200 with weight 1.0")
                .hasMessageEndingWith("(index 2)");
        assertThatThrownBy(() -> acc.addAll(new double[] {7, 8, 1e200}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("(index 2)");
        assertThatThrownBy(() -> acc.addAll(null, new double[0])).isInstanceOf(NullPointerException.class)
                .hasMessage("values");
        assertThatThrownBy(() -> acc.addAll(new double[0], null)).isInstanceOf(NullPointerException.class)
                .hasMessage("weights");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void collectorsWorkWithGroupingByAndParallelStreams() {
        List<Row> rows = rows(30_000, 5);
        Map<Integer, MeanSummary> sequential = rows.stream()
                .collect(Collectors.groupingBy(Row::segment, MeanAccumulator.collector(Row::value)));
        Map<Integer, MeanSummary> parallel = rows.parallelStream()
                .collect(Collectors.groupingBy(Row::segment, MeanAccumulator.collector(Row::value)));
        Map<Integer, MeanSummary> weighted = rows.parallelStream()
                .collect(Collectors.groupingBy(Row::segment, MeanAccumulator.collector(Row::value, Row::weight)));
        assertThat(parallel.keySet()).isEqualTo(sequential.keySet()).containsExactlyInAnyOrder(0, 1, 2);
        for (int segment : sequential.keySet()) {
            List<Row> part = rows.stream().filter(r -> r.segment() == segment).collect(Collectors.toList());
            MeanSummary seq = sequential.get(segment);
            MeanSummary par = parallel.get(segment);
            assertThat(par.count()).isEqualTo(seq.count()).isEqualTo(part.size());
            assertThat(par.totalWeight()).isEqualTo(seq.totalWeight()); // integer sums: exact
            assertThat(par.mean()).isCloseTo(seq.mean(), within(1e-13));
            assertThat(par.variance()).isCloseTo(seq.variance(), within(1e-12 * seq.variance()));
            double[] ref = twoPass(part, r -> 1.0);
            assertThat(seq.mean()).isCloseTo(ref[0], within(1e-13));
            assertThat(seq.variance()).isCloseTo(ref[1], within(1e-12 * ref[1]));
            double[] weightedRef = twoPass(part, Row::weight);
            MeanSummary w = weighted.get(segment);
            assertThat(w.mean()).isCloseTo(weightedRef[0], within(1e-12));
            assertThat(w.effectiveSize()).isCloseTo(weightedRef[2], within(1e-10 * weightedRef[2]));
            assertThat(w.variance()).isCloseTo(weightedRef[1], within(1e-11 * weightedRef[1]));
        }
        assertThatThrownBy(() -> MeanAccumulator.collector(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThatThrownBy(() -> MeanAccumulator.<Row>collector(Row::value, null))
                .isInstanceOf(NullPointerException.class).hasMessage("weight");
        assertThatThrownBy(() -> List.of(1.0, Double.NaN).stream().collect(MeanAccumulator.collector(v -> v)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must be finite, was NaN");
    }
}
