package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.TestFrames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Invariants of {@link MeanAccumulator} (merging, weights, the binary form, validation), checked
 * with QuickTheories from a fixed seed. The reference for every moment is an independent two-pass
 * computation in the test itself (weighted mean {@code Σwx/Σw}, then {@code Σw(x − m)²}, Kish
 * {@code n_eff = (Σw)²/Σw²}, {@code s² = [Σw(x − m)²/Σw]·n_eff/(n_eff − 1)}), never the class's own
 * one-pass update.
 */
class MeanAccumulatorPropertyTest {

    static final long SEED = 0x3EA7_5EEDL;

    /**
     * Absolute floor for variance comparisons, 1e-15 of the squared range of the generated values
     * (2000²): two-pass sums of a sample of (nearly) equal values leave rounding noise of that order.
     */
    static final double FLOOR = 4e-9;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(400);
    }

    /** 2 to 300 values in [−1000, 1000]. */
    static Gen<double[]> values() {
        return lists().of(doubles().between(-1000.0, 1000.0)).ofSizeBetween(2, 300)
                .map(MeanAccumulatorPropertyTest::toArray);
    }

    static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Weights in [0.05, 5), one per value, from a seed (so the generator stays one-dimensional). */
    static double[] weightsFor(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[length];
        for (int i = 0; i < length; i++) {
            w[i] = 0.05 + 4.95 * random.nextDouble();
        }
        return w;
    }

    static MeanAccumulator accumulate(double[] x, double[] w, int from, int to) {
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = from; i < to; i++) {
            acc.add(x[i], w[i]);
        }
        return acc;
    }

    /** Two-pass reference: {mean, variance, n_eff}. */
    static double[] twoPass(double[] x, double[] w) {
        double sw = 0;
        double sww = 0;
        double swx = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            sww += w[i] * w[i];
            swx += w[i] * x[i];
        }
        double mean = swx / sw;
        double ss = 0;
        for (int i = 0; i < x.length; i++) {
            ss += w[i] * (x[i] - mean) * (x[i] - mean);
        }
        double nEff = sw * sw / sww;
        return new double[] {mean, ss / sw * nEff / (nEff - 1.0), nEff};
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void unweightedOnePassMatchesTwoPass() {
        qt().forAll(values()).checkAssert(x -> {
            MeanAccumulator acc = new MeanAccumulator();
            acc.addAll(x);
            double[] ref = twoPass(x, ones(x.length));
            MeanSummary s = acc.snapshot();
            assertThat(s.count()).isEqualTo(x.length);
            assertThat(s.effectiveSize()).isEqualTo(x.length);
            assertThat(s.mean()).isCloseTo(ref[0], within(1e-12 * 1000));
            assertThat(s.variance()).isCloseTo(ref[1], within(1e-12 * ref[1] + FLOOR));
        });
    }

    @Test
    void weightedOnePassMatchesTwoPass() {
        qt().forAll(values(), longs().all()).checkAssert((x, seed) -> {
            double[] w = weightsFor(x.length, seed);
            MeanSummary s = accumulate(x, w, 0, x.length).snapshot();
            double[] ref = twoPass(x, w);
            assertThat(s.mean()).isCloseTo(ref[0], within(1e-12 * 1000));
            assertThat(s.effectiveSize()).isCloseTo(ref[2], within(1e-12 * ref[2]));
            assertThat(s.variance()).isCloseTo(ref[1], within(1e-12 * ref[1] + FLOOR));
            assertThat(s.standardError()).isCloseTo(Math.sqrt(ref[1] / ref[2]), within(1e-12 * Math.sqrt(ref[1]) + FLOOR));
        });
    }

    @Test
    void splittingAnywhereThenMergingAgreesWithOnePass() {
        qt().forAll(values(), integers().between(0, 1000), longs().all()).checkAssert((x, cutSeed, seed) -> {
            int cut = cutSeed % (x.length + 1);
            double[] w = weightsFor(x.length, seed);
            MeanAccumulator left = accumulate(x, w, 0, cut);
            MeanAccumulator right = accumulate(x, w, cut, x.length);
            MeanSummary merged = left.merge(right).snapshot();
            MeanSummary onePass = accumulate(x, w, 0, x.length).snapshot();
            assertThat(merged.count()).isEqualTo(x.length);
            // 1e-12 relative for the mean, taken relative to the scale of the values (1000)
            assertThat(merged.mean()).isCloseTo(onePass.mean(), within(1e-12 * 1000));
            assertThat(merged.variance()).isCloseTo(onePass.variance(), within(1e-12 * onePass.variance() + FLOOR));
            assertThat(merged.effectiveSize()).isCloseTo(onePass.effectiveSize(),
                    within(1e-12 * onePass.effectiveSize()));
            assertThat(merged.variance()).isCloseTo(twoPass(x, w)[1], within(1e-12 * onePass.variance() + FLOOR));
        });
    }

    @Test
    void mergeIsAssociativeAndCommutative() {
        qt().forAll(values(), integers().between(0, 1000), integers().between(0, 1000)).checkAssert((x, c1, c2) -> {
            int i = Math.min(c1, c2) % (x.length + 1);
            int j = Math.max(i, Math.max(c1, c2) % (x.length + 1));
            double[] w = ones(x.length);
            MeanSummary leftFirst = accumulate(x, w, 0, i).merge(accumulate(x, w, i, j))
                    .merge(accumulate(x, w, j, x.length)).snapshot();
            MeanSummary rightFirst = accumulate(x, w, 0, i)
                    .merge(accumulate(x, w, i, j).merge(accumulate(x, w, j, x.length))).snapshot();
            MeanSummary reversed = accumulate(x, w, j, x.length).merge(accumulate(x, w, i, j))
                    .merge(accumulate(x, w, 0, i)).snapshot();
            for (MeanSummary other : new MeanSummary[] {rightFirst, reversed}) {
                assertThat(other.count()).isEqualTo(leftFirst.count());
                assertThat(other.totalWeight()).isEqualTo(leftFirst.totalWeight()); // integer sums: exact
                assertThat(other.mean()).isCloseTo(leftFirst.mean(), within(1e-12 * 1000));
                assertThat(other.variance()).isCloseTo(leftFirst.variance(), within(1e-12 * leftFirst.variance() + FLOOR));
            }
        });
    }

    @Test
    void mergingAnEmptyAccumulatorIsTheIdentity() {
        qt().forAll(lists().of(doubles().between(-1000.0, 1000.0)).ofSizeBetween(0, 100), longs().all())
                .checkAssert((list, seed) -> {
                    double[] x = toArray(list);
                    double[] w = weightsFor(x.length, seed);
                    MeanSummary alone = accumulate(x, w, 0, x.length).snapshot();
                    assertThat(accumulate(x, w, 0, x.length).merge(new MeanAccumulator()).snapshot()).isEqualTo(alone);
                    assertThat(new MeanAccumulator().merge(accumulate(x, w, 0, x.length)).snapshot()).isEqualTo(alone);
                    // zero-weight values count but are otherwise the identity too
                    MeanAccumulator zeros = new MeanAccumulator();
                    zeros.add(123.0, 0.0);
                    MeanSummary withZeros = accumulate(x, w, 0, x.length).merge(zeros).snapshot();
                    assertThat(withZeros.count()).isEqualTo(x.length + 1L);
                    assertThat(withZeros.totalWeight()).isEqualTo(alone.totalWeight());
                    assertThat(withZeros.effectiveSize()).isEqualTo(alone.effectiveSize());
                });
    }

    @Test
    void mergingWithItselfDoublesTheWeight() {
        qt().forAll(values()).checkAssert(x -> {
            MeanAccumulator acc = new MeanAccumulator();
            acc.addAll(x);
            MeanSummary once = acc.snapshot();
            MeanSummary twice = acc.merge(acc).snapshot();
            // the same sample twice: mean unchanged, Σ(x − m)² doubled, n = 2n (by hand)
            assertThat(twice.count()).isEqualTo(2L * x.length);
            assertThat(twice.mean()).isCloseTo(once.mean(), within(1e-12 * 1000));
            double expected = once.variance() * (x.length - 1) * 2 / (2 * x.length - 1);
            assertThat(twice.variance()).isCloseTo(expected, within(1e-12 * expected + FLOOR));
        });
    }

    @Test
    void aLargeOffsetKeepsTheVariance() {
        // 1e9 + {4, 7, 13, 16}: mean 1e9 + 10, Σ(x − m)² = 36 + 9 + 9 + 36 = 90, s² = 30 (by hand);
        // the inputs are exact in binary, and so is every intermediate here
        MeanAccumulator fixed = new MeanAccumulator();
        fixed.addAll(new double[] {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16});
        assertThat(fixed.snapshot().variance()).isCloseTo(30.0, within(1e-9));
        // random data: x + 1e9 rounds to a multiple of ulp(1e9) = 2^-23 ≈ 1.2e-7; the reference is the
        // two-pass variance of the rounded values with the offset subtracted again (exact by Sterbenz).
        // Error bound of the one-pass update: each step rounds the running mean, near 1e9, by at most
        // ulp(1e9)/2; over n steps the mean is off by at most n·ulp(1e9)/2, and each rounding enters
        // M2 multiplied by some |x − m| <= range, so the variance is off by at most about
        // n·range·ulp(1e9)/(n − 1) per step, n·range·ulp(1e9) in all (worst case; typically far less)
        qt().forAll(values()).checkAssert(x -> {
            double[] shifted = Arrays.stream(x).map(v -> v + 1e9).toArray();
            double[] back = Arrays.stream(shifted).map(v -> v - 1e9).toArray();
            MeanAccumulator acc = new MeanAccumulator();
            acc.addAll(shifted);
            double[] ref = twoPass(back, ones(back.length));
            double range = Arrays.stream(back).max().orElseThrow() - Arrays.stream(back).min().orElseThrow();
            assertThat(acc.snapshot().variance()).isCloseTo(ref[1], within(x.length * range * Math.ulp(1e9) + 1e-12 * ref[1]));
            assertThat(acc.snapshot().mean() - 1e9).isCloseTo(ref[0], within(x.length * Math.ulp(1e9)));
        });
    }

    @Test
    void rescalingEveryWeightByAPowerOfTwoChangesNothing() {
        // multiplying every weight by 2^k is exact, and mean, n_eff and s² are invariant under it
        qt().forAll(values(), longs().all(), integers().between(-200, 200)).checkAssert((x, seed, k) -> {
            double[] w = weightsFor(x.length, seed);
            double[] scaled = Arrays.stream(w).map(v -> Math.scalb(v, k)).toArray();
            MeanSummary a = accumulate(x, w, 0, x.length).snapshot();
            MeanSummary b = accumulate(x, scaled, 0, x.length).snapshot();
            assertThat(b.mean()).isEqualTo(a.mean());
            assertThat(b.effectiveSize()).isEqualTo(a.effectiveSize());
            assertThat(b.variance()).isEqualTo(a.variance());
        });
    }

    @Test
    void binaryFormRoundTripsExactly() {
        qt().forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(0, 100), longs().all())
                .checkAssert((list, seed) -> {
                    double[] x = toArray(list);
                    double[] w = weightsFor(x.length, seed);
                    if (x.length > 0 && seed % 3 == 0) {
                        w[0] = 0.0; // a zero weight is a legal state too
                    }
                    MeanAccumulator acc = accumulate(x, w, 0, x.length);
                    byte[] bytes = acc.toByteArray();
                    assertThat(bytes).hasSize(56);
                    assertThat(bytes[4]).isEqualTo((byte) 2);
                    assertThat(bytes[5]).isEqualTo((byte) MeanAccumulator.FORMAT_VERSION);
                    MeanAccumulator copy = MeanAccumulator.fromByteArray(bytes);
                    assertThat(copy.snapshot()).isEqualTo(acc.snapshot());
                    assertThat(copy.count()).isEqualTo(acc.count());
                    assertThat(copy.toByteArray()).isEqualTo(bytes);
                });
    }

    @Test
    void corruptedBytesGiveIllegalArgumentExceptionOrAValidState() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(new double[] {5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3});
        acc.add(7.5, 2.5);
        byte[] good = acc.toByteArray();
        // bytes of the payload (12..51) changed and the checksum recomputed: only the content checks remain
        qt().forAll(integers().between(12, 51), integers().between(1, 255), integers().between(12, 51),
                integers().between(0, 255)).checkAssert((i, xor, j, value) -> {
                    byte[] raw = good.clone();
                    raw[i] ^= xor.byteValue();
                    raw[j] = value.byteValue();
                    byte[] bad = TestFrames.reseal(raw);
                    MeanAccumulator read;
                    try {
                        read = MeanAccumulator.fromByteArray(bad);
                    } catch (IllegalArgumentException rejected) {
                        assertThat(rejected.getMessage()).isNotBlank();
                        return;
                    }
                    // accepted: then it is a self-consistent state that serialises back to the same bytes
                    assertThat(read.toByteArray()).isEqualTo(bad);
                    MeanSummary s = read.snapshot();
                    assertThat(s.count()).isNotNegative();
                    assertThat(s.totalWeight()).isNotNegative().isFinite();
                    assertThat(s.effectiveSize()).isBetween(0.0, s.count() * (1 + 1e-9));
                });
    }

    @Test
    void truncatedOrExtendedBytesAreRejected() {
        byte[] good = new MeanAccumulator().toByteArray();
        qt().forAll(integers().between(0, 100)).checkAssert(length -> {
            byte[] other = Arrays.copyOf(good, length);
            if (length == 56) {
                assertThat(MeanAccumulator.fromByteArray(other).snapshot()).isEqualTo(new MeanAccumulator().snapshot());
            } else {
                assertThatThrownBy(() -> MeanAccumulator.fromByteArray(other))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(length < 16 ? "truncated mean state" : "mean state");
            }
        });
    }

    @Test
    void aRejectedBatchLeavesTheAccumulatorUnchanged() {
        double[] poison = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        qt().forAll(values(), integers().between(0, 1000), integers().between(0, 2)).checkAssert((x, at, which) -> {
            MeanAccumulator acc = new MeanAccumulator();
            acc.addAll(x);
            byte[] before = acc.toByteArray();
            double[] batch = x.clone();
            int index = at % batch.length;
            batch[index] = poison[which];
            assertThatThrownBy(() -> acc.addAll(batch)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value must be finite, was " + poison[which] + " (index " + index + ")");
            assertThat(acc.toByteArray()).isEqualTo(before);
        });
    }

    @Test
    void badValuesAndWeightsAreRejectedWithTheirValue() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(new double[] {1, 2, 3});
        byte[] before = acc.toByteArray();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> acc.add(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value must be finite, was " + bad);
            assertThatThrownBy(() -> acc.add(bad, 1.0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("value must be finite, was " + bad);
        }
        for (double bad : new double[] {-1.0, -0.5, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> acc.add(2.0, bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("weight must be finite and >= 0, was " + bad);
        }
        assertThatThrownBy(() -> acc.merge(null)).isInstanceOf(NullPointerException.class);
        assertThat(acc.toByteArray()).isEqualTo(before);
        assertThat(acc.count()).isEqualTo(3);
        assertThat(acc).hasToString("MeanAccumulator[n=3, mean=2.0]");
    }

    /**
     * Values and weights of any magnitude from a seed: values {@code ±U(0, 1)·10^e} with {@code e} in
     * [−300, 308] per sample (some exact repeats), weights {@code 10^(c ± U(0, k))} clipped to
     * [1e-150, 1e150] with {@code c} in [−150, 150] and {@code k} in [0, 150] per sample, one in ten 0.
     * Returns {values, weights}.
     */
    static double[][] extreme(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextInt(2, 40);
        int e = random.nextInt(-300, 309);
        int c = random.nextInt(-150, 151);
        int k = random.nextInt(0, 151);
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i > 0 && random.nextInt(8) == 0 ? x[random.nextInt(i)]
                    : (2 * random.nextDouble() - 1) * Math.pow(10, e);
            double exponent = Math.max(-150, Math.min(150, c + k * (2 * random.nextDouble() - 1)));
            w[i] = random.nextInt(10) == 0 ? 0.0 : Math.max(1e-150, Math.min(1e150, Math.pow(10, exponent)));
        }
        return new double[][] {x, w};
    }

    /** {count, Σw, Σw², mean, M2} read from the byte form (independently of the accessors). */
    static double[] raw(MeanAccumulator acc) {
        ByteBuffer b = ByteBuffer.wrap(acc.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        return new double[] {b.getLong(12), b.getDouble(20), b.getDouble(28), b.getDouble(36), b.getDouble(44)};
    }

    /**
     * No NaN or infinity anywhere in an accepted state; the bytes read back; n_eff <= count; the mean
     * within the values (up to the rounding of the running mean: a few ulps per value added); the
     * interval, when asked for, is finite or an IllegalStateException that says it is unbounded.
     */
    static void assertSound(MeanAccumulator acc, double min, double max, boolean interval) {
        byte[] bytes = acc.toByteArray();
        MeanAccumulator copy = MeanAccumulator.fromByteArray(bytes);
        assertThat(copy.toByteArray()).isEqualTo(bytes);
        MeanSummary s = acc.snapshot();
        assertThat(copy.snapshot()).isEqualTo(s);
        assertThat(s.effectiveSize()).isBetween(0.0, (double) s.count());
        if (s.totalWeight() > 0) {
            double slack = 2.0 * s.count() * Math.ulp(Math.max(Math.abs(min), Math.abs(max)));
            assertThat(s.mean()).isBetween(min - slack, max + slack);
        }
        if (s.effectiveSize() > 1) {
            assertThat(s.variance()).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(s.standardDeviation()).isFinite();
            assertThat(s.standardError()).isFinite();
        }
        if (interval && s.effectiveSize() > 1) {
            try {
                Interval ci = s.confidenceInterval(0.95);
                assertThat(ci.lower()).isFinite();
                assertThat(ci.upper()).isFinite();
            } catch (IllegalStateException unbounded) {
                assertThat(unbounded).hasMessageStartingWith("the 95% interval is unbounded: ");
            }
        }
    }

    /** Adds each value; a refused add must name the overflow and change nothing. Returns the accepted indices. */
    static int[] addChecked(MeanAccumulator acc, double[] x, double[] w, int from, int to) {
        int[] accepted = new int[to - from];
        int n = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            byte[] before = acc.toByteArray();
            try {
                acc.add(x[i], w[i]);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).matches("(variance|sum of squared weights) would overflow: .*");
                assertThat(acc.toByteArray()).isEqualTo(before);
                continue;
            }
            accepted[n++] = i;
            if (w[i] > 0) {
                min = Math.min(min, x[i]);
                max = Math.max(max, x[i]);
            }
            assertSound(acc, min, max, i == to - 1);
        }
        return Arrays.copyOf(accepted, n);
    }

    @Test
    void extremeMagnitudesNeverGiveNaNOrInfinityAndSplittingAgreesWithOnePass() {
        AtomicInteger refusals = new AtomicInteger();
        AtomicInteger compared = new AtomicInteger();
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 1000)).checkAssert((seed, cutSeed) -> {
            double[][] xw = extreme(seed);
            MeanAccumulator onePass = new MeanAccumulator();
            int[] kept = addChecked(onePass, xw[0], xw[1], 0, xw[0].length);
            refusals.addAndGet(xw[0].length - kept.length);
            // split the accepted values anywhere; compare where both halves and the merge accept everything
            double[] x = Arrays.stream(kept).mapToDouble(i -> xw[0][i]).toArray();
            double[] w = Arrays.stream(kept).mapToDouble(i -> xw[1][i]).toArray();
            int cut = cutSeed % (x.length + 1);
            MeanAccumulator left = new MeanAccumulator();
            MeanAccumulator right = new MeanAccumulator();
            if (addChecked(left, x, w, 0, cut).length < cut || addChecked(right, x, w, cut, x.length).length < x.length - cut) {
                return;
            }
            try {
                left.merge(right);
            } catch (IllegalArgumentException refused) {
                assertThat(refused).hasMessageStartingWith("cannot merge: ");
                return;
            }
            double maxAbs = Arrays.stream(x).map(Math::abs).max().orElse(0);
            assertSound(left, -maxAbs, maxAbs, true);
            double[] a = raw(left);
            double[] b = raw(onePass);
            assertThat(a[0]).isEqualTo(b[0]);
            assertThat(a[1]).isCloseTo(b[1], within(1e-13 * b[1]));
            assertThat(a[2]).isCloseTo(b[2], within(1e-13 * b[2]));
            assertThat(a[3]).isCloseTo(b[3], within(1e-12 * maxAbs));
            if (b[1] > 0) {
                // M2/Σw (the weighted population variance), up to rounding of the two running means
                double floor = Math.pow(1e-13 * maxAbs, 2);
                assertThat(a[4] / a[1]).isCloseTo(b[4] / b[1], within(1e-9 * (b[4] / b[1]) + floor));
            }
            compared.incrementAndGet();
        });
        // the generator must exercise both sides: refusals happen, and most samples are compared
        assertThat(refusals.get()).isGreaterThan(300);
        assertThat(compared.get()).isGreaterThan(250);
    }
}
