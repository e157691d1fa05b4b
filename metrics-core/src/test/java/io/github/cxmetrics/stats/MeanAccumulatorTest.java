package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.TestFrames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link MeanAccumulator} and {@link MeanSummary}. Expected values are computed independently:
 * by hand where shown, with two-pass sums in the test itself for the properties, and with SciPy
 * 1.17.1 / NumPy for the t interval and Welch's test (the expression beside each value; R
 * equivalents {@code t.test(a)$conf.int} and {@code t.test(b, a)}).
 */
class MeanAccumulatorTest {

    private static final double[] A = {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3};
    private static final double[] B = {6.5, 6.1, 7.2, 5.9, 6.8, 7.0};

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(7L).withExamples(300);
    }

    private static MeanSummary of(double... values) {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(values);
        return acc.snapshot();
    }

    @Test
    void unweightedMomentsAndTInterval() {
        MeanSummary s = of(A);
        assertThat(s.count()).isEqualTo(7);
        // numpy: a.mean(), a.var(ddof=1)
        assertThat(s.mean()).isCloseTo(5.542857142857143, within(1e-14));
        assertThat(s.variance()).isCloseTo(0.2295238095238095, within(1e-14));
        assertThat(s.effectiveSize()).isEqualTo(7.0);
        // scipy.stats.t.interval(0.95, 6, loc=a.mean(), scale=a.std(ddof=1)/sqrt(7))
        Interval ci = s.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(5.099776092954625, within(1e-12));
        assertThat(ci.upper()).isCloseTo(5.985938192759661, within(1e-12));
    }

    @Test
    void weightedMomentsUseKishEffectiveSize() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(2.0, 1.0);
        acc.add(4.0, 3.0);
        acc.add(7.0, 0.5);
        acc.add(1.0, 2.0);
        MeanSummary s = acc.snapshot();
        // mean 19.5/6.5 = 3; n_eff = 6.5²/(1 + 9 + 0.25 + 4) = 42.25/14.25;
        // s² = [Σw(x − 3)²/Σw]·n_eff/(n_eff − 1) = (1 + 3 + 8 + 8)/6.5 · n_eff/(n_eff − 1)
        double nEff = 42.25 / 14.25;
        assertThat(s.mean()).isCloseTo(3.0, within(1e-15));
        assertThat(s.totalWeight()).isEqualTo(6.5);
        assertThat(s.effectiveSize()).isCloseTo(nEff, within(1e-14));
        assertThat(s.variance()).isCloseTo(20.0 / 6.5 * nEff / (nEff - 1.0), within(1e-13));
        assertThat(s.standardError()).isCloseTo(Math.sqrt(s.variance() / nEff), within(1e-15));
        assertThat(s.asEstimate().degreesOfFreedom()).isCloseTo(nEff - 1.0, within(1e-14));
    }

    @Test
    void largeOffsetKeepsTheVariance() {
        // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, squared deviations 36 + 9 + 9 + 36 = 90, s² = 30
        MeanSummary s = of(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16);
        assertThat(s.mean()).isEqualTo(1e9 + 10);
        assertThat(s.variance()).isCloseTo(30.0, within(1e-6));
    }

    @Test
    void welchMatchesScipy() {
        // scipy.stats.ttest_ind(b, a, equal_var=False)
        Difference d = MeanSummary.welch(of(A), of(B));
        assertThat(d.estimate()).isCloseTo(1.0404761904761903, within(1e-13));
        assertThat(d.statistic()).isCloseTo(3.764305157921701, within(1e-11));
        assertThat(d.degreesOfFreedom()).isCloseTo(10.431149416865477, within(1e-10));
        assertThat(d.pValue()).isCloseTo(0.0034328222771380407, within(1e-12));
        MeanSummary a = of(A);
        MeanSummary b = of(B);
        Difference fromMoments = MeanSummary.welch(a.mean(), a.variance(), 7, b.mean(), b.variance(), 6);
        assertThat(fromMoments.statistic()).isCloseTo(d.statistic(), within(1e-13));
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, 1, 2, 1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nA must be finite and > 1 (Welch's test needs more than one value per sample), was 1.0");
    }

    @Test
    void splitAnywhereThenMergeEqualsOnePass() {
        qt().forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(2, 200), integers().between(0, 200),
                doubles().between(-1e9, 1e9)).checkAssert((list, cut, offset) -> {
                    double[] values = list.stream().mapToDouble(v -> v + offset).toArray();
                    int k = Math.min(cut, values.length);
                    MeanAccumulator left = new MeanAccumulator();
                    left.addAll(Arrays.copyOfRange(values, 0, k));
                    MeanAccumulator right = new MeanAccumulator();
                    right.addAll(Arrays.copyOfRange(values, k, values.length));
                    MeanSummary merged = left.merge(right).snapshot();
                    // independent two-pass reference
                    double mean = Arrays.stream(values).sum() / values.length;
                    double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
                    double variance = ss / (values.length - 1);
                    assertThat(merged.count()).isEqualTo(values.length);
                    assertThat(merged.mean()).isCloseTo(mean, within(1e-12 * (Math.abs(mean) + 1e6)));
                    assertThat(merged.variance()).isCloseTo(variance, within(1e-12 * variance + 1e-12));
                    assertThat(merged.variance()).isCloseTo(of(values).variance(), within(1e-12 * variance + 1e-12));
                });
    }

    @Test
    void mergeIsCommutativeAndEmptyIsTheIdentity() {
        qt().forAll(lists().of(doubles().between(-100, 100)).ofSizeBetween(0, 50),
                lists().of(doubles().between(-100, 100)).ofSizeBetween(0, 50)).checkAssert((x, y) -> {
                    MeanSummary ab = copy(x).merge(copy(y)).snapshot();
                    MeanSummary ba = copy(y).merge(copy(x)).snapshot();
                    assertThat(ab.count()).isEqualTo(ba.count());
                    if (!ab.isEmpty()) {
                        assertThat(ab.mean()).isCloseTo(ba.mean(), within(1e-12));
                    }
                    assertThat(copy(x).merge(new MeanAccumulator()).snapshot()).isEqualTo(copy(x).snapshot());
                    assertThat(new MeanAccumulator().merge(copy(x)).snapshot()).isEqualTo(copy(x).snapshot());
                });
    }

    @Test
    void binaryFormRoundTrips() {
        qt().forAll(lists().of(doubles().between(-1e3, 1e3)).ofSizeBetween(0, 40), doubles().between(0, 5))
                .checkAssert((x, w) -> {
                    MeanAccumulator acc = new MeanAccumulator();
                    for (double v : x) {
                        acc.add(v, w);
                    }
                    byte[] bytes = acc.toByteArray();
                    assertThat(bytes).hasSize(56).hasSize(MeanAccumulator.BYTES);
                    assertThat(MeanAccumulator.fromByteArray(bytes).snapshot()).isEqualTo(acc.snapshot());
                });
    }

    @Test
    void corruptBinaryFormsAreRejectedWithIllegalArgumentException() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(A);
        byte[] good = acc.toByteArray();
        // payload offsets: count 12, Σw 20, Σw² 28, mean 36, M2 44 (12-byte frame header)
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(Arrays.copyOf(good, 55)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated or corrupt mean state: its header declares a payload of 40 bytes, the input "
                        + "has 39 after the header and checksum");
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        byte[] magic = good.clone();
        magic[0] ^= 1;
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(magic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("magic");
        byte[] version = good.clone();
        version[5] = 2;
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(good, 12, -1L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative count");
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(good, 36, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(good, 44, -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        // Σw² = 100 > (Σw)² = 49: impossible
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(good, 28, 100.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("squared weights");
        // Σw² = 1 < (Σw)²/n = 7: impossible
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(good, 28, 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("squared weights");
        // one value of weight 2 (count 1, Σw 2, Σw² 4, mean 5, M2 0): a spread or other Σw² is impossible
        MeanAccumulator one = new MeanAccumulator();
        one.add(5.0, 2.0);
        byte[] single = one.toByteArray();
        assertThat(MeanAccumulator.fromByteArray(single).toByteArray()).isEqualTo(single);
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(single, 44, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt mean state: a state of one value must "
                        + "have M2 = 0 and a sum of squared weights equal to the squared weight");
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(single, 28, 4.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a state of one value");
        // the mean −0.0 is never produced (a first value is stored as value + 0.0)
        MeanAccumulator zero = new MeanAccumulator();
        zero.add(-0.0);
        assertThat(Double.doubleToRawLongBits(zero.snapshot().mean())).isZero();
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(with(zero.toByteArray(), 36, -0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt mean state: mean is -0.0, which no add or merge produces");
        // every single-bit flip is rejected: the CRC-32C catches it, or the length or header check does
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> MeanAccumulator.fromByteArray(bad)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void badValuesAreRejectedAndLeaveTheStateUnchanged() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(A);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.addAll(new double[] {1.0, Double.NaN, 2.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must be finite, was NaN (index 1)");
        assertThatThrownBy(() -> acc.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was Infinity");
        assertThatThrownBy(() -> acc.add(1.0, -2.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was -2.0");
        assertThatThrownBy(() -> acc.add(1.0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.addAll(null)).isInstanceOf(NullPointerException.class);
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void emptyAndDegenerateSummaries() {
        MeanSummary empty = new MeanAccumulator().snapshot();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toString()).isEqualTo("MeanSummary[n=0, mean=undefined]");
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        MeanSummary one = of(4.0);
        assertThat(one.mean()).isEqualTo(4.0);
        assertThatThrownBy(one::variance).isInstanceOf(IllegalStateException.class);
        assertThat(of(1, 2, 3)).isEqualTo(of(1, 2, 3)).hasSameHashCodeAs(of(1, 2, 3)).isNotEqualTo(of(1, 2, 4));
    }

    private static MeanAccumulator copy(List<Double> values) {
        MeanAccumulator acc = new MeanAccumulator();
        for (double v : values) {
            acc.add(v);
        }
        return acc;
    }

    /** The bytes with a field replaced and the checksum recomputed: a forgery only the contents can expose. */
    private static byte[] with(byte[] bytes, int offset, long value) {
        byte[] out = bytes.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putLong(offset, value);
        return TestFrames.reseal(out);
    }

    private static byte[] with(byte[] bytes, int offset, double value) {
        byte[] out = bytes.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putDouble(offset, value);
        return TestFrames.reseal(out);
    }
}
