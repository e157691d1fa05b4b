package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batch counting paths of {@link RatingAccumulator} against a plain {@code counts[r − min]++}
 * loop written in the test: the packed 5-bit table path for {@code int[]}, the SWAR path for
 * {@code byte[]} (both for scales of up to 12 points) and the four-histogram path for larger scales.
 * Lengths straddle every internal block boundary ({@code int[]}: 62 ratings per packed block in two
 * accumulators, 16 blocks or 992 ratings per wide flush, a tail of up to 61; {@code byte[]}: 48 per
 * wide block in two accumulators, 21 blocks or 1008 ratings per flush, then 8 bytes per word, 3 words
 * per block), and inputs where every rating is the same point put the largest possible count into
 * one field. A rating off the scale is tried at every position of arrays up to past the first
 * flush: the error must name the first one and leave the state unchanged.
 */
class RatingAccumulatorCountingTest {

    private static final Scale[] SCALES = {
        Scale.of(1, 2), Scale.of(0, 11), Scale.of(1, 5), Scale.of(1, 7), Scale.ZERO_TO_TEN, Scale.of(-5, 6),
        Scale.of(-128, -117), Scale.of(116, 127), Scale.of(-6, 5), Scale.of(0, 12), Scale.of(-20, 20),
    };

    private static final int[] LENGTHS = {
        0, 1, 7, 8, 9, 23, 24, 25, 30, 31, 32, 47, 48, 49, 55, 56, 57, 61, 62, 63, 95, 96, 97, 123, 124, 125,
        991, 992, 993, 1007, 1008, 1009, 1022, 1023, 1024, 1025, 1053, 1054, 1055, 1056, 1057, 1063, 1064,
        1065, 1983, 1984, 1985, 2015, 2016, 2017, 2046, 2047, 5000, 33_000, 100_003,
    };

    private static long[] naive(Scale scale, int[] ratings, int from, int to) {
        long[] counts = new long[scale.points()];
        for (int i = from; i < to; i++) {
            counts[ratings[i] - scale.min()]++;
        }
        return counts;
    }

    private static byte[] bytes(int[] ratings) {
        byte[] b = new byte[ratings.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ratings[i];
        }
        return b;
    }

    private static void assertCounts(Scale scale, int[] ratings, int from, int to) {
        long[] expected = naive(scale, ratings, from, to);
        RatingAccumulator ints = new RatingAccumulator(scale);
        ints.addAll(ratings, from, to);
        RatingAccumulator bytes = new RatingAccumulator(scale);
        bytes.addAll(bytes(ratings), from, to);
        assertThat(ints.snapshot().counts()).as("int[] %s n=%d from %d", scale, ratings.length, from)
                .containsExactly(expected);
        assertThat(bytes.snapshot().counts()).as("byte[] %s n=%d from %d", scale, ratings.length, from)
                .containsExactly(expected);
        assertThat(ints.count()).isEqualTo(to - from);
        assertThat(bytes.count()).isEqualTo(to - from);
    }

    @Test
    void uniformRatingsOfEveryLengthAndOffset() {
        SplittableRandom random = new SplittableRandom(8);
        for (Scale scale : SCALES) {
            for (int n : LENGTHS) {
                int[] ratings = random.ints(n, scale.min(), scale.max() + 1).toArray();
                assertCounts(scale, ratings, 0, n);
                if (n > 10) {
                    assertCounts(scale, ratings, 3, n - 2); // unaligned start and end
                }
            }
        }
    }

    @Test
    void everyRatingTheSamePointFillsOneFieldToTheLimit() {
        for (Scale scale : SCALES) {
            for (int point = scale.min(); point <= scale.max(); point++) {
                int[] ratings = new int[40_000 + point - scale.min()];
                java.util.Arrays.fill(ratings, point);
                assertCounts(scale, ratings, 0, ratings.length);
            }
        }
    }

    @Test
    void skewedRatingsNearTheFlushLimits() {
        // Long runs of one point followed by runs of another: fields fill unevenly across flushes.
        for (Scale scale : SCALES) {
            int[] ratings = new int[12_345];
            for (int i = 0; i < ratings.length; i++) {
                ratings[i] = (i / 1000) % 3 == 0 ? scale.max() : scale.min() + (i % scale.points());
            }
            assertCounts(scale, ratings, 0, ratings.length);
        }
    }

    @Test
    void theFirstRatingOffTheScaleIsNamedAtEveryPositionAndNothingIsAdded() {
        for (Scale scale : new Scale[] {Scale.ZERO_TO_TEN, Scale.of(-6, 5), Scale.of(1, 5), Scale.of(116, 127),
                Scale.of(-128, -117), Scale.of(-20, 20)}) {
            int[] bad = {scale.min() - 1, scale.max() + 1};
            for (int wrong : bad) {
                if (wrong < Byte.MIN_VALUE || wrong > Byte.MAX_VALUE) {
                    continue;
                }
                for (int n : new int[] {1, 9, 40, 70, 130, 1100}) {
                    for (int at = 0; at < n; at++) {
                        int[] ratings = new SplittableRandom(at).ints(n, scale.min(), scale.max() + 1).toArray();
                        ratings[at] = wrong;
                        if (at + 3 < n) {
                            ratings[at + 3] = wrong; // a later one must not be the one named
                        }
                        RatingAccumulator ints = new RatingAccumulator(scale);
                        ints.add(scale.min());
                        RatingAccumulator bytes = RatingAccumulator.of(ints.snapshot());
                        RatingDistribution before = ints.snapshot();
                        String message = "rating " + wrong + " at index " + at + " is outside scale " + scale;
                        assertThatThrownBy(() -> ints.addAll(ratings)).isInstanceOf(IllegalArgumentException.class)
                                .hasMessage(message);
                        assertThatThrownBy(() -> bytes.addAll(bytes(ratings)))
                                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
                        assertThat(ints.snapshot()).isEqualTo(before);
                        assertThat(bytes.snapshot()).isEqualTo(before);
                        // and the accumulators still count correctly afterwards
                        int[] good = {scale.max(), scale.max(), scale.min()};
                        ints.addAll(good);
                        bytes.addAll(bytes(good));
                        assertThat(ints.snapshot()).isEqualTo(bytes.snapshot());
                        assertThat(ints.snapshot().counts()[scale.points() - 1])
                                .isEqualTo(2);
                    }
                }
            }
        }
    }

    @Test
    void extremeIntsAndBytesAreRejected() {
        int[] extremes = {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1, -1, 11, 1 << 20};
        for (int x : extremes) {
            int[] ratings = new int[100];
            ratings[57] = x;
            RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
            assertThatThrownBy(() -> acc.addAll(ratings)).hasMessage("rating " + x + " at index 57 is outside scale "
                    + Scale.ZERO_TO_TEN);
            assertThat(acc.count()).isZero();
        }
        for (int x = Byte.MIN_VALUE; x <= Byte.MAX_VALUE; x++) {
            byte[] ratings = new byte[50];
            ratings[17] = (byte) x;
            RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
            if (x >= 0 && x <= 10) {
                acc.addAll(ratings);
                assertThat(acc.snapshot().counts()[x]).isEqualTo(x == 0 ? 50 : 1);
            } else {
                final int shown = x;
                assertThatThrownBy(() -> acc.addAll(ratings)).hasMessage("rating " + shown
                        + " at index 17 is outside scale " + Scale.ZERO_TO_TEN);
                assertThat(acc.count()).isZero();
            }
        }
    }
}
