package io.github.cxmetrics.survey;

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
        ByteBuffer buf = ByteBuffer.allocate(14 + 8 * 5).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {'C', 'X', 'M', 'R', 1, 0}).putInt(1).putInt(5);
        buf.putLong(Long.MAX_VALUE - 2).putLong(0).putLong(0).putLong(0).putLong(0);
        return buf.array();
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
        assertThat(bytes).hasSize(14 + 8 * 11);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo(new byte[] {'C', 'X', 'M', 'R'});
        assertThat(bytes[4]).isEqualTo((byte) 1);
        assertThat(bytes[5]).isEqualTo((byte) 0);
        assertThat(buf.getInt(6)).isZero();
        assertThat(buf.getInt(10)).isEqualTo(10);
        assertThat(buf.getLong(14)).isEqualTo(1);
        assertThat(buf.getLong(14 + 8 * 10)).isEqualTo(2);

        acc.add(5, 0.5);
        byte[] weighted = acc.toByteArray();
        assertThat(weighted).hasSize(14 + 16 * 11 + 8);
        assertThat(weighted[5]).isEqualTo((byte) 1);
        ByteBuffer w = ByteBuffer.wrap(weighted).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(w.getDouble(14 + 8 * 11 + 8 * 5)).isEqualTo(0.5);
        assertThat(w.getDouble(14 + 16 * 11)).isEqualTo(3.25); // 1 + 1 + 1 + 0.25
    }

    @Test
    void binaryFormRoundTrips() {
        RatingAccumulator acc = new RatingAccumulator(Scale.of(-3, 3));
        acc.addAll(new int[] {-3, 0, 3, 3});
        acc.add(1, 0.25);
        RatingAccumulator copy = RatingAccumulator.fromByteArray(acc.toByteArray());
        assertThat(copy.snapshot()).isEqualTo(acc.snapshot());
        assertThat(copy.scale()).isEqualTo(Scale.of(-3, 3));
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
                .hasMessage("rating state of scale 1..7 (weighted) must have 134 bytes, had 135");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated rating state: 3 bytes, the header alone has 14");
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everySingleByteCorruptionGivesIllegalArgumentExceptionOrAValidState() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.addAll(new int[] {1, 2, 5});
        acc.add(3, 1.5);
        byte[] good = acc.toByteArray();
        SplittableRandom random = new SplittableRandom(2024);
        for (int i = 0; i < good.length; i++) {
            for (int trial = 0; trial < 16; trial++) {
                byte[] bad = good.clone();
                bad[i] = (byte) (bad[i] ^ (1 + random.nextInt(255)));
                assertThatCode(() -> {
                    try {
                        RatingAccumulator read = RatingAccumulator.fromByteArray(bad);
                        // a corruption that still passes validation must be a consistent state
                        assertThat(read.toByteArray()).isEqualTo(bad);
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
                .hasMessage("not a cxmetrics rating state: magic bytes 58 58 4d 52, expected 43 58 4d 52");
        byte[] version = good.clone();
        version[4] = 2;
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(version)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported rating state format version 2, this library reads version 1");
        byte[] flags = good.clone();
        flags[5] = 4;
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(flags)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: unknown flags 0x4");
        ByteBuffer hugeScale = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        hugeScale.putInt(6, Integer.MIN_VALUE).putInt(10, Integer.MAX_VALUE);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(hugeScale.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt rating state: scale may have at most 1024 points");
        ByteBuffer negative = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        negative.putLong(14 + 8, -5);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(negative.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: count -5 at point 2 is negative");
        ByteBuffer overflow = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        overflow.putLong(14 + 8, 10);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(overflow.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: total count overflows a long");

        RatingAccumulator weighted = new RatingAccumulator(Scale.ONE_TO_FIVE);
        weighted.add(1, 2.0);
        byte[] w = weighted.toByteArray(); // counts at 14.., weights at 54.., Σw² at 94
        ByteBuffer nan = ByteBuffer.wrap(w.clone()).order(ByteOrder.LITTLE_ENDIAN);
        nan.putDouble(54, Double.NaN);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(nan.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: weight sum NaN at point 1 is not finite and >= 0");
        ByteBuffer orphan = ByteBuffer.wrap(w.clone()).order(ByteOrder.LITTLE_ENDIAN);
        orphan.putDouble(54 + 8, 1.0);
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(orphan.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: weight sum 1.0 at point 2 has no responses");
        ByteBuffer squares = ByteBuffer.wrap(w.clone()).order(ByteOrder.LITTLE_ENDIAN);
        squares.putDouble(94, 1.0); // (Σw)²/Σw² = 4 > n = 1
        assertThatThrownBy(() -> RatingAccumulator.fromByteArray(squares.array()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt rating state: effective size 4.0 exceeds the count 1");
    }
}
