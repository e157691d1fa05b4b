package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RatingAccumulator#addAll(byte[], int, int)} on every kind of scale the class accepts —
 * inside the signed-byte range −128..127, straddling either end of it, and wholly outside it — against
 * a plain loop written here: a byte is the rating {@code (int) b}; it counts if the scale contains it,
 * otherwise the call fails naming the first such rating and its index, and nothing is added.
 *
 * <p>The SWAR kernel subtracts {@code min & 0xFF} from every byte, so before the fix a byte whose
 * value differed from a scale point by a multiple of 256 was counted as that point (code review,
 * Appendix P1). The generator therefore plants exactly such "aliases" ({@code (b − min) mod 256} in
 * {@code 0..points−1}, {@code b} off the scale) besides random off-scale bytes.
 */
class RatingAccumulatorByteRangeTest {

    /** Around every block and flush boundary of both kernels (see RatingAccumulatorCountingTest). */
    private static final int[] LENGTHS = {
        0, 1, 2, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49, 55, 56, 57, 63, 64, 95, 96, 97, 1007,
        1008, 1009, 1055, 1056, 1057, 2015, 2016, 2017, 3000,
    };

    @Test
    void appendixP1EightBytesOfMinus128OnScale120To131AreRejectedLikeOne() {
        // Before: counted as eight ratings of 128 (counts=[0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0]).
        Scale scale = Scale.of(120, 131);
        byte[] eight = new byte[8];
        Arrays.fill(eight, (byte) -128);
        RatingAccumulator acc = new RatingAccumulator(scale);
        assertThatThrownBy(() -> acc.addAll(eight)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -128 at index 0 is outside scale 120..131");
        assertThatThrownBy(() -> acc.addAll(new byte[] {(byte) -128}))
                .hasMessage("rating -128 at index 0 is outside scale 120..131");
        assertThat(acc.count()).isZero();
        // the part of the scale inside the byte range still counts
        acc.addAll(new byte[] {120, 127, 127, 125, 120, 121, 122, 123, 124});
        assertThat(acc.snapshot().counts()).containsExactly(2, 1, 1, 1, 1, 1, 0, 2, 0, 0, 0, 0);
    }

    @Test
    void appendixP1FortyEightBytesOfMinus24OnScale1000To1005AreRejected() {
        // Before: counted as 48 ratings of 1000 (−24 ≡ 1000 mod 256).
        byte[] bytes = new byte[48];
        Arrays.fill(bytes, (byte) -24);
        RatingAccumulator acc = new RatingAccumulator(Scale.of(1000, 1005));
        assertThatThrownBy(() -> acc.addAll(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -24 at index 0 is outside scale 1000..1005");
        assertThatThrownBy(() -> acc.addAll(bytes, 5, 48)).hasMessage("rating -24 at index 5 is outside scale 1000..1005");
        assertThat(acc.count()).isZero();
        acc.addAll(bytes, 7, 7); // an empty range of a scale disjoint from the byte range is fine
        assertThat(acc.count()).isZero();
    }

    @Test
    void appendixP1SixteenBytesOf56OnScaleMinus200ToMinus190AreRejected() {
        // Before: counted as 16 ratings of −200 (56 ≡ −200 mod 256).
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) 56);
        RatingAccumulator acc = new RatingAccumulator(Scale.of(-200, -190));
        acc.add(-195);
        RatingDistribution before = acc.snapshot();
        assertThatThrownBy(() -> acc.addAll(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 56 at index 0 is outside scale -200..-190");
        assertThat(acc.snapshot()).isEqualTo(before);
    }

    /** A random scale of the given kind; points from 2 to 1024, mostly small (the SWAR kernel's). */
    private static Scale randomScale(SplittableRandom random, int kind) {
        int points = random.nextInt(4) > 0 ? 2 + random.nextInt(11) : 2 + random.nextInt(1023);
        switch (kind) {
            case 0: { // inside −128..127
                int p = Math.min(points, 256);
                int min = -128 + random.nextInt(256 - p + 1);
                return Scale.of(min, min + p - 1);
            }
            case 1: { // straddling 127: min <= 127 < max
                int min = 128 - points + 1 + random.nextInt(points - 1);
                return Scale.of(min, min + points - 1);
            }
            case 2: { // straddling −128: min < −128 <= max
                int max = -128 + random.nextInt(points - 1);
                return Scale.of(max - points + 1, max);
            }
            case 3: { // wholly above
                int min = random.nextInt(3) == 0 ? Integer.MAX_VALUE - points + 1 - random.nextInt(300)
                        : 128 + random.nextInt(5000);
                return Scale.of(min, min + points - 1);
            }
            default: { // wholly below
                int max = random.nextInt(3) == 0 ? Integer.MIN_VALUE + points - 1 + random.nextInt(300)
                        : -129 - random.nextInt(5000);
                return Scale.of(max - points + 1, max);
            }
        }
    }

    /** The naive reference: the counts, or the message of the first rating off the scale. */
    private static Object naive(Scale scale, byte[] ratings, int from, int to) {
        long[] counts = new long[scale.points()];
        for (int i = from; i < to; i++) {
            int r = ratings[i];
            if (r < scale.min() || r > scale.max()) {
                return "rating " + r + " at index " + i + " is outside scale " + scale;
            }
            counts[r - scale.min()]++;
        }
        return counts;
    }

    private static Object naive(Scale scale, int[] ratings, int from, int to) {
        long[] counts = new long[scale.points()];
        for (int i = from; i < to; i++) {
            int r = ratings[i];
            if (r < scale.min() || r > scale.max()) {
                return "rating " + r + " at index " + i + " is outside scale " + scale;
            }
            counts[(int) ((long) r - scale.min())]++;
        }
        return counts;
    }

    private static void assertMatchesNaive(Scale scale, byte[] ratings, int from, int to, String what) {
        RatingAccumulator acc = new RatingAccumulator(scale);
        acc.add(scale.max());
        RatingDistribution before = acc.snapshot();
        Object expected = naive(scale, ratings, from, to);
        if (expected instanceof String) {
            assertThatThrownBy(() -> acc.addAll(ratings, from, to)).as(what)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage((String) expected);
            assertThat(acc.snapshot()).as(what).isEqualTo(before);
        } else {
            acc.addAll(ratings, from, to);
            long[] counts = (long[]) expected;
            counts[counts.length - 1]++;
            assertThat(acc.snapshot().counts()).as(what).containsExactly(counts);
            assertThat(acc.count()).as(what).isEqualTo(to - from + 1);
        }
    }

    @Test
    void byteBatchesAgreeWithTheNaiveLoopOnScalesInsideStraddlingAndOutsideTheByteRange() {
        SplittableRandom random = new SplittableRandom(20240615);
        for (int trial = 0; trial < 400; trial++) {
            int kind = trial % 5;
            Scale scale = randomScale(random, kind);
            List<Byte> valid = new ArrayList<>();
            List<Byte> aliases = new ArrayList<>();
            for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b++) {
                if (scale.contains(b)) {
                    valid.add((byte) b);
                } else if (Math.floorMod((long) b - scale.min(), 256L) < scale.points()) {
                    aliases.add((byte) b);
                }
            }
            int length = LENGTHS[random.nextInt(LENGTHS.length)];
            byte[] ratings = new byte[length];
            for (int i = 0; i < length; i++) {
                if (!valid.isEmpty()) {
                    ratings[i] = valid.get(random.nextInt(valid.size()));
                } else if (!aliases.isEmpty() && random.nextBoolean()) {
                    ratings[i] = aliases.get(random.nextInt(aliases.size()));
                } else {
                    ratings[i] = (byte) random.nextInt(256);
                }
            }
            int from = length > 20 && random.nextBoolean() ? random.nextInt(9) : 0;
            int to = length > 20 && random.nextBoolean() ? length - random.nextInt(9) : length;
            String what = scale + " kind " + kind + " n=" + length + " [" + from + ", " + to + ")";
            assertMatchesNaive(scale, ratings, from, to, what + " clean");
            if (length > 0 && !valid.isEmpty() && valid.size() < 256) {
                // plant one or two off-scale bytes: an alias where there is one, else any off-scale byte
                for (int k = 0; k < 1 + random.nextInt(2); k++) {
                    int at = random.nextInt(length);
                    byte bad;
                    if (!aliases.isEmpty() && random.nextInt(3) > 0) {
                        bad = aliases.get(random.nextInt(aliases.size()));
                    } else {
                        do {
                            bad = (byte) random.nextInt(256);
                        } while (scale.contains(bad));
                    }
                    ratings[at] = bad;
                }
                assertMatchesNaive(scale, ratings, from, to, what + " planted");
            }
        }
    }

    @Test
    void everyByteValueAtEveryPositionOfAWordOnStraddlingAndOutsideScales() {
        // Exhaustive over the 256 byte values for small scales at the ends of the byte range and
        // beyond it, at a position inside the wide SWAR block, inside the word loop and in the tail.
        Scale[] scales = {Scale.of(120, 131), Scale.of(126, 128), Scale.of(-130, -120), Scale.of(-129, -128),
            Scale.of(1000, 1005), Scale.of(-200, -190), Scale.of(128, 139), Scale.of(-140, -129), Scale.of(-128, -117),
            Scale.of(116, 127), Scale.of(Integer.MAX_VALUE - 11, Integer.MAX_VALUE),
            Scale.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 11), Scale.of(100, 400)};
        for (Scale scale : scales) {
            int fill = scale.contains(0) ? 0 : scale.contains(127) ? 127 : scale.contains(-128) ? -128 : 0;
            for (int at : new int[] {0, 5, 30, 53, 61, 70}) {
                for (int b = Byte.MIN_VALUE; b <= Byte.MAX_VALUE; b++) {
                    byte[] ratings = new byte[72];
                    Arrays.fill(ratings, (byte) fill);
                    ratings[at] = (byte) b;
                    assertMatchesNaive(scale, ratings, 0, ratings.length, scale + " byte " + b + " at " + at);
                }
            }
        }
    }

    @Test
    void intBatchesWithOffScaleValuesOutsideTheByteRangeAgreeWithTheNaiveLoop() {
        // The int[] path on the same random scales, with off-scale values that a byte cannot hold
        // (including ones equal to a scale point modulo 256 and the int extremes).
        SplittableRandom random = new SplittableRandom(77);
        for (int trial = 0; trial < 300; trial++) {
            Scale scale = randomScale(random, trial % 5);
            int length = LENGTHS[random.nextInt(LENGTHS.length)];
            int[] ratings = new int[length];
            for (int i = 0; i < length; i++) {
                ratings[i] = scale.min() + random.nextInt(scale.points());
            }
            if (length > 0) {
                int at = random.nextInt(length);
                int[] offs = {scale.min() - 256, scale.max() + 256, scale.min() - 1, scale.max() + 1,
                    Integer.MIN_VALUE, Integer.MAX_VALUE, scale.min() + 256 * (1 + random.nextInt(1000))};
                int bad = offs[random.nextInt(offs.length)];
                if (!scale.contains(bad)) {
                    ratings[at] = bad;
                }
            }
            RatingAccumulator acc = new RatingAccumulator(scale);
            Object expected = naive(scale, ratings, 0, length);
            if (expected instanceof String) {
                assertThatThrownBy(() -> acc.addAll(ratings)).hasMessage((String) expected);
                assertThat(acc.count()).isZero();
            } else {
                acc.addAll(ratings);
                assertThat(acc.snapshot().counts()).as("%s n=%d", scale, length).containsExactly((long[]) expected);
            }
        }
    }
}
