package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.TestFrames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * {@link MeanAccumulator} at the ends of the double range (reliability report, round 2, finding 9,
 * reproducer {@code Repro R4}/{@code MSeed2}; finding 3 for the effective size): every state reached
 * by {@code add}/{@code merge} has finite moments and reads back from its byte form, and a step whose
 * variance is not a double is refused with {@link IllegalArgumentException} before anything changes.
 * Expected values are by hand (stated beside them) or from mpmath at 40 digits (the expression given).
 */
class MeanAccumulatorRangeTest {

    /** The state must read back to the same bytes and the same summary, with finite moments. */
    private static void assertConsistent(MeanAccumulator acc) {
        byte[] bytes = acc.toByteArray();
        MeanAccumulator copy = MeanAccumulator.fromByteArray(bytes);
        assertThat(copy.toByteArray()).isEqualTo(bytes);
        MeanSummary s = acc.snapshot();
        assertThat(copy.snapshot()).isEqualTo(s);
        assertThat(s.effectiveSize()).isBetween(0.0, (double) s.count());
        if (s.totalWeight() > 0) {
            assertThat(s.mean()).isFinite();
        }
        if (s.effectiveSize() > 1) {
            assertThat(s.variance()).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(s.standardError()).isFinite();
        }
    }

    @Test
    void theFirstValueSetsTheMeanWhateverItsMagnitude() {
        // R4: 1.35e154² overflows, and the old first update w·δ²·(0/W) was ∞·0 = NaN
        MeanAccumulator twice = new MeanAccumulator();
        twice.add(1.35e154);
        twice.add(1.35e154);
        assertThat(twice.snapshot().mean()).isEqualTo(1.35e154);
        assertThat(twice.snapshot().variance()).isZero(); // two equal values
        assertConsistent(twice);
        for (double x : new double[] {1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE}) {
            MeanAccumulator alone = new MeanAccumulator();
            alone.add(x);
            assertThat(alone.snapshot().mean()).isEqualTo(x);
            assertConsistent(alone); // add(1e300) alone used to give a state fromByteArray rejected
        }
        // a lone −0.0 has mean +0.0, as the update always gave
        MeanAccumulator zero = new MeanAccumulator();
        zero.add(-0.0);
        assertThat(Double.doubleToRawLongBits(zero.snapshot().mean())).isZero();
    }

    @Test
    void valuesWhoseVarianceIsNotADoubleAreRefusedAndChangeNothing() {
        // {1e308, −1e308}: variance 2e616 and {1e200, −1e200}: variance 2e400 (by hand, s² = (2a)²/2)
        // are not doubles; the second add is refused instead of giving mean −∞ or variance NaN
        for (double a : new double[] {1e308, 1e200, 1.2e154 * 1.2}) {
            MeanAccumulator acc = new MeanAccumulator();
            acc.add(a);
            byte[] before = acc.toByteArray();
            assertThatThrownBy(() -> acc.add(-a)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variance would overflow: value " + -a + " with weight 1.0 is too far from the running mean "
                            + a + " for the variance to be a finite double");
            assertThat(acc.toByteArray()).isEqualTo(before);
            assertThat(acc.snapshot().mean()).isEqualTo(a);
            MeanAccumulator other = new MeanAccumulator();
            other.add(-a);
            assertThatThrownBy(() -> acc.merge(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot merge: the variance would overflow, the means " + a + " and " + -a);
            assertThat(acc.toByteArray()).isEqualTo(before);
        }
        // the largest symmetric pair that fits: ±1e154, s² = (2e154)²/2 = 2e308 is not a double, ±9e153 gives 1.62e308
        MeanAccumulator fits = new MeanAccumulator();
        fits.add(9e153);
        fits.add(-9e153);
        assertThat(fits.snapshot().mean()).isZero();
        assertThat(fits.snapshot().variance()).isCloseTo(1.62e308, within(1e294));
        assertConsistent(fits);
    }

    @Test
    void aVarianceInflatedByAnEffectiveSizeNearOneIsRefused() {
        // 0 with weight 1 and 1.3e155 with weight 1e-12: M2 = 1.69e298 is a double, but n_eff = 1 + 2e-12 and
        // the variance [M2/Σw]·n_eff/(n_eff − 1) = 8.45e309 is not (mpmath, dps 40: 8.4500000000000e309)
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(0.0, 1.0);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.add(1.3e155, 1e-12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variance would overflow: value 1.3E155 with weight 1.0E-12");
        assertThat(acc.toByteArray()).isEqualTo(before);
        MeanAccumulator light = new MeanAccumulator();
        light.add(1.3e155, 1e-12);
        assertThatThrownBy(() -> acc.merge(light)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot merge: the variance would overflow");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void overflowingIntermediatesDoNotMatterWhenTheResultIsADouble() {
        // 0 (weight 1), then 1e80 twice (weight 1e150): w·δ² = 1e310 overflows, w·δ²·W/W' = 1e160 does not;
        // mpmath (dps 40): mean 1e80, n_eff 2.0, variance 1.0e10 exactly to 40 digits
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(0.0, 1.0);
        acc.add(1e80, 1e150);
        acc.add(1e80, 1e150);
        MeanSummary s = acc.snapshot();
        assertThat(s.mean()).isCloseTo(1e80, within(1e66));
        assertThat(s.effectiveSize()).isCloseTo(2.0, within(1e-15));
        assertThat(s.variance()).isCloseTo(1e10, within(1e-2));
        assertConsistent(acc);
        // merge with W_a·W_b = (2^17·2e150)² overflowing: {0, 1} and {2, 3}, each with weight 1e150 and
        // self-merged 17 times; together {0, 1, 2, 3} in equal weights, Σw(x − m)²/Σw = 1.25 (by hand),
        // n_eff = count = 2^19, s² = 1.25·n/(n − 1)
        MeanAccumulator a = new MeanAccumulator();
        a.add(0, 1e150);
        a.add(1, 1e150);
        MeanAccumulator b = new MeanAccumulator();
        b.add(2, 1e150);
        b.add(3, 1e150);
        for (int i = 0; i < 17; i++) {
            a.merge(a);
            b.merge(b);
        }
        MeanSummary merged = a.merge(b).snapshot();
        double n = 1 << 19;
        assertThat(merged.count()).isEqualTo(1L << 19);
        assertThat(merged.mean()).isCloseTo(1.5, within(1e-15));
        assertThat(merged.effectiveSize()).isCloseTo(n, within(1e-9));
        assertThat(merged.variance()).isCloseTo(1.25 * n / (n - 1), within(1e-14));
        assertConsistent(a);
    }

    @Test
    void selfMergesAreRefusedWhenTheSumOfSquaredWeightsWouldOverflow() {
        // MSeed2: add(0, 1e150), add(1, 1e150), then merge(self): Σw² = 2e300·2^k overflows at k = 27
        // (2^27 > 1.8e308/2e300 = 8.99e7 > 2^26); before the fix it became ∞, n_eff 0.0, and the bytes unreadable
        // (already from k = 13 on, where (Σw)² overflows in the reader's check)
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(0, 1e150);
        acc.add(1, 1e150);
        int refusedAt = -1;
        for (int k = 1; k <= 30; k++) {
            byte[] before = acc.toByteArray();
            try {
                acc.merge(acc);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageStartingWith("cannot merge: the sum of squared weights would overflow");
                assertThat(acc.toByteArray()).isEqualTo(before);
                refusedAt = k;
                break;
            }
            assertConsistent(acc);
            // n_eff = (2·2^k·1e150)²/(2·2^k·1e300) = 2^(k+1) = count (by hand)
            assertThat(acc.snapshot().effectiveSize()).isCloseTo(acc.count(), within(1e-12 * acc.count()));
        }
        assertThat(refusedAt).isEqualTo(27);
        assertThat(acc.count()).isEqualTo(1L << 27);
        // adds are refused the same way: 179 769 313 values of weight 1e150 have Σw² = 1.79769313e308, which one
        // more weight 1e150 would take above Double.MAX_VALUE = 1.7976931348623157e308 (by hand); 1e149 still fits
        MeanAccumulator full = MeanAccumulator.fromByteArray(TestFrames.frame(2, 1, 0, TestFrames.payload().i64(179_769_313L)
                .f64(1.79769313e158).f64(1.79769313e308).f64(0.5).f64(0.0).toArray()));
        byte[] before = full.toByteArray();
        assertThatThrownBy(() -> full.add(0.5, 1e150)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum of squared weights would overflow: adding weight 1.0E150 to a sum of squared weights "
                        + "of 1.79769313E308 exceeds Double.MAX_VALUE");
        assertThatThrownBy(() -> full.addAll(new double[] {1, 2}, new double[] {1e149, 1e150}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sum of squared weights would overflow").hasMessageEndingWith("(index 1)");
        assertThat(full.toByteArray()).isEqualTo(before);
        full.add(0.5, 1e149);
        assertThat(full.count()).isEqualTo(179_769_314L);
        assertConsistent(full);
    }

    @Test
    void effectiveSizeNeverExceedsTheCountAndTheStateReadsBack() {
        // finding 3, here for MeanAccumulator: 10^8 × add(7, 0.3) rounds Σw and Σw² so that (Σw)²/Σw² was
        // 1.0000000045e8 > 10^8, and the 1e-9 tolerance of fromByteArray rejected the accumulator's own state
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = 0; i < 100_000_000; i++) {
            acc.add(7.0, 0.3);
        }
        assertThat(acc.snapshot().effectiveSize()).isEqualTo(1e8);
        assertThat(acc.snapshot().mean()).isEqualTo(7.0);
        assertConsistent(acc);
    }

    @Test
    void statesWhoseVarianceIsNotADoubleAreCorrupt() {
        // n = 2, Σw = 1, Σw² = 0.5 (n_eff 2), M2 = MAX: the variance M2/Σw·2 is ∞, impossible from add or merge
        byte[] bytes = TestFrames.frame(2, 1, 0, TestFrames.payload()
                .i64(2).f64(1.0).f64(0.5).f64(0.0).f64(Double.MAX_VALUE).toArray());
        assertThatThrownBy(() -> MeanAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt mean state: its variance is not a finite double");
    }
}
