package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.format.TestFrames;
import io.github.cxmetrics.stats.StateFamily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Examples and rejected input for {@link RatingAccumulator}. Counting is checked against a plain
 * {@code counts[r − min]++} loop written in the test; every rejection asserts the exception type, its
 * message and that the state did not change (its binary form is byte-for-byte the same).
 */
class RatingAccumulatorTest {

    private static long[] naiveCounts(Scale scale, int[] ratings, int from, int to) {
        long[] counts = new long[scale.points()];
        for (int i = from; i < to; i++) {
            counts[ratings[i] - scale.min()]++;
        }
        return counts;
    }

    private static int[] randomRatings(Scale scale, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return random.ints(n, scale.min(), scale.max() + 1).toArray();
    }

    @Test
    void countsEveryPathLikeANaiveLoop() {
        Scale scale = Scale.of(-3, 7);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 1001}) {
            int[] ratings = randomRatings(scale, n, 42 + n);
            long[] expected = naiveCounts(scale, ratings, 0, n);

            RatingAccumulator oneByOne = new RatingAccumulator(scale);
            for (int r : ratings) {
                oneByOne.add(r);
            }
            RatingAccumulator batch = new RatingAccumulator(scale);
            batch.addAll(ratings);
            RatingAccumulator bytes = new RatingAccumulator(scale);
            byte[] asBytes = new byte[n];
            for (int i = 0; i < n; i++) {
                asBytes[i] = (byte) ratings[i];
            }
            bytes.addAll(asBytes);
            RatingAccumulator merged = new RatingAccumulator(scale);
            RatingAccumulator half = new RatingAccumulator(scale);
            merged.addAll(ratings, 0, n / 2);
            half.addAll(ratings, n / 2, n);
            merged.merge(half);

            for (RatingAccumulator acc : Arrays.asList(oneByOne, batch, bytes, merged)) {
                assertThat(acc.snapshot().counts()).containsExactly(expected);
                assertThat(acc.count()).isEqualTo(n);
                assertThat(acc.snapshot()).isEqualTo(RatingDistribution.ofCounts(scale, expected));
            }
        }
    }

    @Test
    void addAllRangeCountsOnlyTheRange() {
        int[] ratings = randomRatings(Scale.ZERO_TO_TEN, 100, 7);
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(ratings, 13, 58);
        assertThat(acc.snapshot().counts()).containsExactly(naiveCounts(Scale.ZERO_TO_TEN, ratings, 13, 58));
        assertThatThrownBy(() -> acc.addAll(ratings, 50, 101)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> acc.addAll(ratings, 5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(acc.count()).isEqualTo(45);
    }

    @Test
    void snapshotIsIndependentOfLaterAdds() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.addAll(new int[] {1, 2, 3});
        RatingDistribution before = acc.snapshot();
        acc.add(5);
        assertThat(before.count()).isEqualTo(3);
        assertThat(acc.snapshot().count()).isEqualTo(4);
        assertThat(RatingAccumulator.of(before).snapshot()).isEqualTo(before);
    }

    @Test
    void rejectedIntBatchNamesRatingIndexAndScaleAndChangesNothing() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(new int[] {10, 9, 3});
        byte[] before = acc.toByteArray();
        // the bad rating sits in the unrolled part, in the tail, and first
        assertThatThrownBy(() -> acc.addAll(new int[] {10, 9, 7, 3, 11, 4, 5, 6, 7}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 11 at index 4 is outside scale 0..10");
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3, 4, 5, -1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -1 at index 5 is outside scale 0..10");
        assertThatThrownBy(() -> acc.addAll(new int[] {Integer.MAX_VALUE}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 2147483647 at index 0 is outside scale 0..10");
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 12}, 2, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 12 at index 11 is outside scale 0..10");
        assertThat(acc.toByteArray()).isEqualTo(before);
        // and the accumulator still counts correctly afterwards (no scratch left behind)
        acc.addAll(new int[] {0, 0, 0, 0, 0});
        assertThat(acc.snapshot().counts()).containsExactly(5, 0, 0, 1, 0, 0, 0, 0, 0, 1, 1);
    }

    @Test
    void rejectedByteBatchChangesNothing() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.addAll(new byte[] {1, 5});
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.addAll(new byte[] {1, 2, 3, 4, 5, 0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 0 at index 5 is outside scale 1..5");
        assertThatThrownBy(() -> acc.addAll(new byte[] {(byte) 200}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -56 at index 0 is outside scale 1..5");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void rejectsSingleBadRatingAndNullArrays() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        assertThatThrownBy(() -> acc.add(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 6 is outside scale 1..5");
        assertThatThrownBy(() -> acc.add(0, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 0 is outside scale 1..5");
        assertThatThrownBy(() -> acc.addAll((int[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ratings");
        assertThatThrownBy(() -> acc.addAll((byte[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ratings");
        assertThatThrownBy(() -> acc.addAll(new int[] {1}, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("weights");
        assertThatThrownBy(() -> new RatingAccumulator(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("scale");
        assertThat(acc.count()).isZero();
    }

    @Test
    void rejectsNaNNegativeAndInfiniteWeightsAndChangesNothing() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.add(3, 2.5);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.add(4, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> acc.add(4, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was -0.5");
        assertThatThrownBy(() -> acc.add(4, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3}, new double[] {1, Double.NaN, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be finite and >= 0, was NaN (index 1)");
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 9}, new double[] {1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 9 at index 2 is outside scale 1..5");
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratings and weights must have the same length, were 2 and 1");
        assertThatThrownBy(() -> acc.add(4, 1e200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight must be 0 or in [1e-150, 1e150] (its square must be a normal double for the "
                        + "effective size), was 1.0E200");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void rejectsMergeAcrossScalesAndChangesNothing() {
        RatingAccumulator a = new RatingAccumulator(Scale.ONE_TO_FIVE);
        a.addAll(new int[] {1, 2});
        RatingAccumulator b = new RatingAccumulator(Scale.ONE_TO_SEVEN);
        b.addAll(new int[] {7});
        byte[] before = a.toByteArray();
        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge: scale 1..5 vs 1..7");
        assertThatThrownBy(() -> a.merge(null)).isInstanceOf(NullPointerException.class).hasMessage("other");
        assertThat(a.toByteArray()).isEqualTo(before);
    }

    @Test
    void mergeWithItselfDoubles() {
        RatingAccumulator a = new RatingAccumulator(Scale.ONE_TO_FIVE);
        a.addAll(new int[] {1, 2, 2});
        a.merge(a);
        assertThat(a.snapshot().counts()).containsExactly(2, 4, 0, 0, 0);
    }

    /** A state whose count is {@code Long.MAX_VALUE − 2}, written in the documented layout. */
    private static byte[] nearlyFullState() {
        return TestFrames.frame(1, 1, 0, TestFrames.payload().i32(1).i32(5)
                .i64(Long.MAX_VALUE - 2).i64(0).i64(0).i64(0).i64(0).toArray());
    }

    @Test
    void countOverflowIsRejectedAndChangesNothing() {
        RatingAccumulator acc = RatingAccumulator.fromByteArray(nearlyFullState());
        assertThat(acc.count()).isEqualTo(Long.MAX_VALUE - 2);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775805 + 3 exceeds Long.MAX_VALUE");
        assertThatThrownBy(() -> acc.addAll(new byte[] {1, 2, 3})).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3}, new double[] {1, 1, 1}))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> acc.merge(RatingAccumulator.fromByteArray(nearlyFullState())))
                .isInstanceOf(ArithmeticException.class);
        assertThat(acc.toByteArray()).isEqualTo(before);
        acc.add(1);
        acc.add(2, 1.0);
        assertThatThrownBy(() -> acc.add(3)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775807 + 1 exceeds Long.MAX_VALUE");
    }

    @Test
    void binaryFormFollowsTheDocumentedLayout() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(new int[] {10, 10, 0});
        byte[] bytes = acc.toByteArray();
        assertThat(bytes).hasSize(12 + 8 + 8 * 11 + 4).hasSize(acc.serializedSize());
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {'C', 'X', 'M', 'S'});
        assertThat(bytes[4]).isEqualTo((byte) 1); // family
        assertThat(bytes[5]).isEqualTo((byte) 1); // version
        assertThat(buf.getShort(6)).isZero(); // flags
        assertThat(buf.getInt(8)).isEqualTo(8 + 8 * 11); // payload length
        assertThat(buf.getInt(12)).isZero();
        assertThat(buf.getInt(16)).isEqualTo(10);
        assertThat(buf.getLong(20)).isEqualTo(1);
        assertThat(buf.getLong(20 + 8 * 10)).isEqualTo(2);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        assertThat(buf.getInt(bytes.length - 4)).isEqualTo((int) crc.getValue());

        acc.add(5, 0.5);
        byte[] weighted = acc.toByteArray();
        assertThat(weighted).hasSize(12 + 8 + 16 * 11 + 8 + 4);
        assertThat(weighted[6]).isEqualTo((byte) 1);
        ByteBuffer w = ByteBuffer.wrap(weighted).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(w.getDouble(20 + 8 * 11 + 8 * 5)).isEqualTo(0.5);
        assertThat(w.getDouble(20 + 16 * 11)).isEqualTo(3.25); // 1 + 1 + 1 + 0.25
    }

    @Test
    void binaryFormRoundTrips() {
        RatingAccumulator acc = new RatingAccumulator(Scale.of(-3, 3));
        acc.addAll(new int[] {-3, 0, 3, 3});
        acc.add(1, 0.25);
        RatingAccumulator copy = RatingAccumulator.fromByteArray(acc.toByteArray());
        assertThat(copy.snapshot()).isEqualTo(acc.snapshot());
        assertThat(copy.scale()).isEqualTo(Scale.of(-3, 3));
        assertThat(StateFamily.read(acc.toByteArray())).isInstanceOf(RatingAccumulator.class);
        assertThat(StateFamily.byId(1)).isSameAs(RatingAccumulator.FAMILY);
    }

    @Test
    void writeToAndFromByteBufferWorkAtAnOffsetWhateverTheBufferOrder() {
        RatingAccumulator a = new RatingAccumulator(Scale.ONE_TO_FIVE);
        a.addAll(new int[] {1, 5, 5});
        RatingAccumulator b = new RatingAccumulator(Scale.ZERO_TO_TEN);
        b.add(9, 0.5);
        ByteBuffer buf = ByteBuffer.allocate(7 + a.serializedSize() + b.serializedSize() + 3)
                .order(ByteOrder.BIG_ENDIAN);
        buf.position(7);
        a.writeTo(buf);
        b.writeTo(buf);
        assertThat(buf.position()).isEqualTo(7 + a.serializedSize() + b.serializedSize());
        assertThat(buf.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        buf.position(7);
        assertThat(RatingAccumulator.fromByteBuffer(buf).snapshot()).isEqualTo(a.snapshot());
        assertThat(RatingAccumulator.fromByteBuffer(buf).snapshot()).isEqualTo(b.snapshot());
        assertThat(buf.remaining()).isEqualTo(3);
        // a failed read leaves the position where it was
        assertThatThrownBy(() -> RatingAccumulator.fromByteBuffer(buf)).isInstanceOf(IllegalArgumentException.class);
        assertThat(buf.position()).isEqualTo(7 + a.serializedSize() + b.serializedSize());
        ByteBuffer small = ByteBuffer.allocate(a.serializedSize() - 1);
        assertThatThrownBy(() -> a.writeTo(small)).isInstanceOf(java.nio.BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    @Test
    void everyTruncationIsRejectedWithIllegalArgumentException() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_SEVEN);
        acc.addAll(new int[] {1, 7, 7});
        acc.add(4, 2.0);
        byte[] full = acc.toByteArray();
        for (int length = 0; length < full.length; length++) {
            byte[] truncated = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> RatingAccumulator.fromByteArray(truncated))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(Arrays.copyOf(full, full.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: 1 trailing byte(s) after the state");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated rating state: 3 bytes, a state has at least 16");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(null)).isInstanceOf(NullPointerException.class);
        // a payload one count short, with a correct checksum
        byte[] payload = TestFrames.payload(full);
        byte[] shortPayload = TestFrames.frame(1, 1, 1, Arrays.copyOf(payload, payload.length - 8));
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(shortPayload))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: a state of scale 1..7 (weighted) has a payload of 128 bytes, "
                        + "this one has 120");
    }

    @Test
    void everySingleBitFlipIsRejected() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.addAll(new int[] {1, 2, 5});
        acc.add(3, 1.5);
        byte[] good = acc.toByteArray();
        for (int bit = 0; bit < 8 * good.length; bit++) {
            byte[] bad = good.clone();
            bad[bit >>> 3] ^= (byte) (1 << (bit & 7));
            assertThatThrownBy(() -> RatingAccumulator.fromByteArray(bad))
                    .as("bit %d", bit).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyResealedByteCorruptionGivesIllegalArgumentExceptionOrAConsistentState() {
        // a corruption with a correct checksum (a buggy or hostile writer) must still be validated
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.addAll(new int[] {1, 2, 5});
        acc.add(3, 1.5);
        byte[] good = acc.toByteArray();
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 12; i < good.length - 4; i++) {
            for (int trial = 0; trial < 16; trial++) {
                byte[] raw = good.clone();
                raw[i] = (byte) (raw[i] ^ (1 + random.nextInt(255)));
                byte[] bad = TestFrames.reseal(raw);
                assertThatCode(() -> {
                    try {
                        RatingAccumulator read = RatingAccumulator.fromByteArray(bad);
                        // a corruption that still passes validation must be a consistent state
                        assertThat(read.toByteArray()).isEqualTo(bad);
                        RatingDistribution d = read.snapshot();
                        assertThat(d.effectiveSize()).isLessThanOrEqualTo((double) d.count());
                    } catch (IllegalArgumentException expected) {
                        // the only exception allowed
                    }
                }).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void corruptHeadersAndInvariantsAreNamed() {
        byte[] good = nearlyFullState();
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(magic)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a cxmetrics rating state: magic bytes 58 58 4d 53, expected 43 58 4d 53");
        byte[] family = good.clone();
        family[4] = 2;
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(family)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a rating state: its family id is 2, a rating state has 1");
        byte[] version = good.clone();
        version[5] = 2;
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported rating state format version 2, this library reads versions 1..1");
        byte[] crc = good.clone();
        crc[20] ^= 1;
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(crc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt rating state: CRC-32C ").hasMessageContaining("does not match");
        byte[] flags = TestFrames.reseal(good);
        flags[6] = 4;
        byte[] flagged = TestFrames.reseal(flags);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(flagged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: unknown flags 0x4");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(TestFrames.frame(1, 1, 0,
                TestFrames.payload().i32(Integer.MIN_VALUE).i32(Integer.MAX_VALUE).i64(0).toArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt rating state: scale may have at most");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(TestFrames.frame(1, 1, 0,
                TestFrames.payload().i32(1).i32(5).i64(0).i64(-5).i64(0).i64(0).i64(0).toArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: count -5 at point 2 is negative");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(TestFrames.frame(1, 1, 0,
                TestFrames.payload().i32(1).i32(5).i64(Long.MAX_VALUE - 2).i64(10).i64(0).i64(0).i64(0).toArray())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: total count overflows a long");

        // weighted: counts, then weight sums, then Σw²; one response of weight 2 at point 1
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(weighted(1, 0, Double.NaN, 0, 4.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: weight sum NaN at point 1 is not finite and >= 0");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(weighted(1, 0, 2.0, 1.0, 4.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: weight sum 1.0 at point 2 has no responses");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(weighted(1, 0, 2.0, 0, 1.0))) // (Σw)²/Σw² = 4 > 1
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: effective size 4.0 exceeds the count 1");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(weighted(1, 0, 1.0, 0, 1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: flagged weighted, but every weight sum equals its count "
                        + "(the unweighted form)");
        assertThat(RatingAccumulator.fromByteArray(weighted(1, 0, 2.0, 0, 4.0)).snapshot().totalWeight())
                .isEqualTo(2.0);
    }

    /** A weighted 1..5 state with counts c1, c2 at points 1, 2, weight sums w1, w2 and Σw². */
    private static byte[] weighted(long c1, long c2, double w1, double w2, double squares) {
        return TestFrames.frame(1, 1, 1, TestFrames.payload().i32(1).i32(5).i64(c1).i64(c2).i64(0).i64(0).i64(0)
                .f64(w1).f64(w2).f64(0).f64(0).f64(0).f64(squares).toArray());
    }
}
