package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.survey.Scale;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * The fuzz test of the SERVQUAL state family (family 16), to the requirement every family meets
 * (metrics-core's {@code StateFuzzTest}, whose harness this module's tests cannot see, so a compact
 * one is written here): for valid states of several shapes, random arrays, every truncation (of the
 * frame, and of the payload behind a valid frame), 10⁵ single-bit flips in all and 10⁴ resealed
 * mutations. Required: no exception but {@link IllegalArgumentException}; every random array,
 * truncation and single-bit flip rejected; every accepted resealed mutation writes back its exact
 * bytes, and its report computes, with every value finite and in its documented range.
 *
 * <p>The harness knows the layout only from the format's definition (docs/binary-format.md, section
 * 16): the payload offset {@code H = 22 + k + 5 + 5D} of the {@code 5k + 8D + 1} nested mean frames
 * of 56 bytes each, followed by the alpha sums; half of the resealed mutations also recompute the
 * CRCs of the nested mean frames, so that the SERVQUAL invariants, not the nested checksums, have
 * to stop them.
 */
class ServqualFuzzTest {

    static final int RANDOM = 5_000;
    static final int FLIPS = 100_000;
    static final int MUTATIONS = 10_000;

    private static final int MEAN_BYTES = 56;
    private static final int MEASURES = 5;
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private static final long[] SPECIAL_BITS = {
        Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
        Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(Double.MIN_VALUE), Double.doubleToRawLongBits(Double.MAX_VALUE),
        Double.doubleToRawLongBits(1e300), Double.doubleToRawLongBits(1e-150), Double.doubleToRawLongBits(0.5),
        Double.doubleToRawLongBits(1.0), Double.doubleToRawLongBits(-1.0), Double.doubleToRawLongBits(7.0),
        0L, 1L, 2L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, 0x7FFFFFFFL, 0xFFFFFFFFL};

    /** A seed state and the offsets the format definition gives for it. */
    private record Shape(String name, byte[] bytes, int items, int blocks, int header, int means, int alpha,
            int[] fields) {

        /** From the bytes alone: k at payload offset 0, D at payload offset 21 + k + M. */
        static Shape of(String name, byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int k = b.getInt(12);
            int d = bytes[12 + 21 + k + MEASURES] & 0xFF;
            int header = 22 + k + MEASURES + 5 * d;
            int means = 12 + header;
            int count = 5 * k + 8 * d + 1;
            int alpha = means + MEAN_BYTES * count;
            List<Integer> fields = new ArrayList<>();
            fields.add(12 + 12 + k); // N
            for (int j = 0; j < count; j++) {
                for (int f = 0; f < 5; f++) {
                    fields.add(means + MEAN_BYTES * j + 12 + 8 * f); // count, Σw, Σw², mean, M2
                }
            }
            for (int at = alpha; at < bytes.length - 4; at += 8) {
                fields.add(at);
            }
            assertThat(bytes.length).as("%s: the documented size", name)
                    .isEqualTo(16 + header + MEAN_BYTES * count + 8 * MEASURES * (3 * d + 4 * k));
            return new Shape(name, bytes, k, d, header, means, alpha,
                    fields.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Outcome counts. */
    static final class Tally {
        long inputs;
        long rejected;
        long resealed;
        long resealedRejected;
        long resealedAccepted;
        long acceptedWithNestedReseal;
        long[] millis;

        @Override
        public String toString() {
            return String.format("%,d inputs: %,d rejected (IAE), %,d of %,d resealed mutations accepted as "
                    + "consistent states (%,d of them with resealed mean frames), 0 other outcomes (ms for seeds, random arrays and truncations / flips / resealed mutations: %s)",
                    inputs, rejected, resealedAccepted, resealed, acceptedWithNestedReseal, Arrays.toString(millis));
        }
    }

    // ---- the seeds ----

    private static ServqualAccumulator emptyOneItem() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.EMPATHY, new int[] {1});
        return new ServqualAccumulator(Instrument.of(1, map), Scale.ONE_TO_FIVE);
    }

    private static ServqualAccumulator twoDimensions() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.RELIABILITY, new int[] {1});
        map.put(Dimension.TANGIBLES, new int[] {2});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(2, map), Scale.ONE_TO_FIVE);
        acc.add(Respondent.of(new int[] {3, 4}, new int[] {5, 2}));
        return acc;
    }

    /** Five items in two of the five dimensions, on −3..3, with missing answers, importance and the zone. */
    private static ServqualAccumulator twoOfFiveDimensions() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.RELIABILITY, new int[] {1, 3});
        map.put(Dimension.ASSURANCE, new int[] {2, 4, 5});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(5, map), Scale.of(-3, 3));
        SplittableRandom random = new SplittableRandom(5);
        for (int r = 0; r < 12; r++) {
            int[][] a = new int[4][5];
            for (int[] row : a) {
                for (int i = 0; i < 5; i++) {
                    row[i] = random.nextInt(8) == 0 ? Respondent.MISSING : random.nextInt(-3, 4);
                }
            }
            Respondent resp = Respondent.of(a[0], a[1]);
            if (r % 2 == 0) {
                resp = resp.withImportance(0, 40 + r, 0, 60 - r, 0);
            }
            if (r % 3 == 0) {
                resp = resp.withToleranceZone(a[2], a[3]);
            }
            acc.add(resp);
        }
        return acc;
    }

    private static List<Shape> seeds() {
        return List.of(
                Shape.of("empty, 1 item", emptyOneItem().toByteArray()),
                Shape.of("1 respondent, 2 dimensions", twoDimensions().toByteArray()),
                Shape.of("6 respondents, 3 items, importance and zone", ServqualFormatTest.sample().toByteArray()),
                Shape.of("12 respondents, 2 of 5 dimensions on -3..3", twoOfFiveDimensions().toByteArray()),
                Shape.of("empty, 22 items", new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN)
                        .toByteArray()),
                Shape.of("40 respondents, 22 items, importance and zone", ServqualFormatTest.manyRespondents()
                        .toByteArray()));
    }

    // ---- the test ----

    @Test
    void everyCorruptionIsRejectedAndEveryAcceptedForgeryIsConsistent() {
        List<Shape> seeds = seeds();
        long t0 = System.nanoTime();
        Tally t = new Tally();
        SplittableRandom random = new SplittableRandom(16);
        long truncations = 0;
        for (Shape s : seeds) {
            ServqualAccumulator read = ServqualAccumulator.fromByteArray(s.bytes());
            checkAccepted(read, s.bytes(), s.name() + " seed");
        }
        for (int i = 0; i < RANDOM; i++) {
            mustReject(t, randomArray(random, seeds, i), "random array", i);
        }
        for (Shape s : seeds) {
            byte[] seed = s.bytes();
            for (int n = 0; n < seed.length; n++) {
                mustReject(t, Arrays.copyOf(seed, n), s.name() + ": truncation to length", n);
            }
            mustReject(t, Arrays.copyOf(seed, seed.length + 1), s.name() + ": one byte longer", seed.length + 1);
            // every shorter payload behind a valid header and CRC: the payload length check stops it
            byte[] payload = ServqualFrames.payload(seed);
            for (int n = 0; n < payload.length; n++) {
                mustReject(t, ServqualFrames.servqual(Arrays.copyOf(payload, n)), s.name() + ": payload truncated to", n);
            }
            truncations += 2L * seed.length - 16 + 1;
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < FLIPS; i++) {
            byte[] bad = seeds.get(random.nextInt(seeds.size())).bytes().clone();
            int bit = random.nextInt(8 * bad.length);
            bad[bit >>> 3] ^= (byte) (1 << (bit & 7));
            mustReject(t, bad, "flipped bit", bit);
        }
        long beforeResealed = t.rejected;
        long t2 = System.nanoTime();
        for (int i = 0; i < MUTATIONS; i++) {
            Shape s = seeds.get(random.nextInt(seeds.size()));
            resealed(t, s, random);
        }
        long t3 = System.nanoTime();
        t.millis = new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000};
        System.out.println("servqual: " + t);

        assertThat(t.rejected - beforeResealed).isEqualTo(t.resealedRejected);
        assertThat(t.resealed).isEqualTo(MUTATIONS);
        assertThat(t.resealedRejected + t.resealedAccepted).isEqualTo(MUTATIONS);
        assertThat(beforeResealed).as("every random array, truncation and single-bit flip rejected")
                .isEqualTo(RANDOM + truncations + FLIPS);
        assertThat(t.inputs).isEqualTo(RANDOM + truncations + FLIPS + MUTATIONS);
        // the forgeries reach the invariant checks: some are consistent states, accepted and checked
        assertThat(t.resealedAccepted).isPositive();
        assertThat(t.acceptedWithNestedReseal).isPositive();
    }

    /**
     * The dimension blocks must be exactly the ids the items use, ascending, each with its item
     * count: every other (id, k_d) in any block position, behind a valid CRC, is rejected. (A block
     * of an unused id with k_d = 0 in place of a used one was once accepted, and written back as the
     * used one: two encodings of one state.)
     */
    @Test
    void everyForgedDimensionBlockIsRejected() {
        int forged = 0;
        int expected = 0;
        for (ServqualAccumulator acc : List.of(twoDimensions(), twoOfFiveDimensions(), ServqualFormatTest.sample())) {
            byte[] good = acc.toByteArray();
            Shape s = Shape.of("blocks", good);
            ByteBuffer le = ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN);
            for (int b = 0; b < s.blocks(); b++) {
                int at = 12 + 22 + s.items() + MEASURES + 5 * b;
                int id = good[at] & 0xFF;
                int k = le.getInt(at + 1);
                int[] counts = java.util.stream.IntStream.of(Integer.MIN_VALUE, -1, 0, 1, 2, 3, 4, 5, 6, k - 1, k + 1,
                        s.items(), Integer.MAX_VALUE).distinct().toArray();
                expected += 256 * counts.length - 1;
                for (int newId = 0; newId < 256; newId++) {
                    for (int newK : counts) {
                        if (newId == id && newK == k) {
                            continue;
                        }
                        byte[] bad = good.clone();
                        bad[at] = (byte) newId;
                        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 1, newK);
                        Tally t = new Tally();
                        mustReject(t, ServqualFrames.reseal(bad), "dimension block " + b + " forged to (" + newId
                                + ", " + newK + "), id", id);
                        forged++;
                    }
                }
            }
        }
        assertThat(forged).isEqualTo(expected).isGreaterThan(5 * 256 * 8);
    }

    /**
     * Random bytes; every second array behind a valid magic, family and version, every fourth also
     * as long as a seed, with flags 0, the matching payload length and a valid CRC, so that only the
     * payload checks can reject it.
     */
    private static byte[] randomArray(SplittableRandom random, List<Shape> seeds, int i) {
        int length = i % 4 == 3 ? seeds.get(random.nextInt(seeds.size())).bytes().length : random.nextInt(0, 201);
        byte[] b = new byte[length];
        random.nextBytes(b);
        if (i % 2 == 1 && b.length >= 16) {
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 0x534D5843); // "CXMS"
            b[4] = 16;
            b[5] = 1;
            if (i % 4 == 3) {
                b[6] = 0;
                b[7] = 0;
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, b.length - 16);
                b = ServqualFrames.reseal(b);
            }
        }
        return b;
    }

    private static void mustReject(Tally t, byte[] bytes, String what, long detail) {
        t.inputs++;
        try {
            ServqualAccumulator.fromByteArray(bytes);
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError("no message for a " + what + " " + detail + " input");
            }
            t.rejected++;
            return;
        }
        throw new AssertionError("accepted a " + what + " " + detail + " input");
    }

    private static void resealed(Tally t, Shape s, SplittableRandom random) {
        byte[] seed = s.bytes();
        byte[] bad;
        boolean nested;
        do {
            bad = mutate(s, random);
            nested = random.nextBoolean();
            if (nested) {
                resealMeans(bad, s);
            }
            bad = ServqualFrames.reseal(bad);
        } while (Arrays.equals(bad, seed));
        t.inputs++;
        t.resealed++;
        ServqualAccumulator read;
        try {
            read = ServqualAccumulator.fromByteArray(bad);
        } catch (IllegalArgumentException expected) {
            t.rejected++;
            t.resealedRejected++;
            return;
        }
        checkAccepted(read, bad, s.name() + " resealed mutation");
        t.resealedAccepted++;
        if (nested) {
            t.acceptedWithNestedReseal++;
        }
    }

    private static byte[] mutate(Shape s, SplittableRandom random) {
        byte[] b = s.bytes().clone();
        int payload = b.length - 16;
        // a quarter of the mutations aim at the header fields before the mean frames
        int span = random.nextInt(4) == 0 ? s.header() : payload;
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        switch (random.nextInt(5)) {
            case 0 -> { // 1..4 random bytes replaced
                int k = 1 + random.nextInt(4);
                for (int j = 0; j < k; j++) {
                    b[12 + random.nextInt(span)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> { // 2..8 bits flipped
                int k = 2 + random.nextInt(7);
                for (int j = 0; j < k; j++) {
                    int bit = random.nextInt(8 * span);
                    b[12 + (bit >>> 3)] ^= (byte) (1 << (bit & 7));
                }
            }
            case 2 -> { // an 8-byte field (or any 8 bytes) replaced by a special long or double
                int at = random.nextInt(4) == 0 ? 12 + random.nextInt(payload - 7)
                        : s.fields()[random.nextInt(s.fields().length)];
                le.putLong(at, SPECIAL_BITS[random.nextInt(SPECIAL_BITS.length)]);
            }
            case 3 -> { // one byte set to an interesting value
                int[] values = {0x00, 0xFF, 0x7F, 0x80, 0x01, 0x02, 0x04, 0x05};
                b[12 + random.nextInt(span)] = (byte) values[random.nextInt(values.length)];
            }
            default -> { // an 8-byte field nudged: an integer by ±1 or ±2, a double by one ulp
                int at = s.fields()[random.nextInt(s.fields().length)];
                if (random.nextBoolean()) {
                    long[] deltas = {-2, -1, 1, 2};
                    le.putLong(at, le.getLong(at) + deltas[random.nextInt(deltas.length)]);
                } else {
                    double v = le.getDouble(at);
                    le.putDouble(at, random.nextBoolean() ? Math.nextUp(v) : Math.nextDown(v));
                }
            }
        }
        return b;
    }

    /** Recomputes the CRC-32C of every nested mean frame (of bytes 0..51 of each 56-byte frame). */
    private static void resealMeans(byte[] b, Shape s) {
        ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        CRC32C crc = new CRC32C();
        for (int at = s.means(); at < s.alpha(); at += MEAN_BYTES) {
            crc.reset();
            crc.update(b, at, MEAN_BYTES - 4);
            le.putInt(at + MEAN_BYTES - 4, (int) crc.getValue());
        }
    }

    // ---- the invariants of an accepted state ----

    /**
     * An accepted state writes back its bytes; its report computes, with every mean on the scale or
     * within ±(max − min) up to the documented tolerance, importance weights in [0, 1], every alpha
     * at most 1, and every undefined value an {@link IllegalStateException}; and it merges with
     * itself into a state that reads back.
     */
    private static void checkAccepted(ServqualAccumulator acc, byte[] bytes, String where) {
        if (!Arrays.equals(acc.toByteArray(), bytes)) {
            throw new AssertionError(where + ": an accepted state writes back other bytes");
        }
        if (acc.serializedSize() != bytes.length) {
            throw new AssertionError(where + ": serializedSize " + acc.serializedSize() + " for " + bytes.length);
        }
        ServqualReport r = acc.snapshot();
        Scale scale = r.scale();
        double lo = scale.min();
        double hi = scale.max();
        double range = hi - lo;
        check(r.respondents() >= 0 && r.respondents() == acc.respondents(), where, "respondent count");
        for (int item = 1; item <= r.instrument().items(); item++) {
            int i = item;
            mean(acc.itemExpectation[i - 1].count(), () -> r.itemExpectation(i), lo, hi, where, "E of item " + i);
            mean(acc.itemPerception[i - 1].count(), () -> r.itemPerception(i), lo, hi, where, "P of item " + i);
            mean(acc.itemGap[i - 1].count(), () -> r.itemGapMean(i), -range, range, where, "gap of item " + i);
            mean(acc.itemMsa[i - 1].count(), () -> r.msa(i), -range, range, where, "MSA of item " + i);
            mean(acc.itemMss[i - 1].count(), () -> r.mss(i), -range, range, where, "MSS of item " + i);
            long n = acc.itemGap[i - 1].count();
            if (n >= 2) {
                estimate(r.itemGap(i).value(), r.itemGap(i).standardError(), -range, range, n, where, "item gap " + i);
            } else {
                undefined(() -> r.itemGap(i), where, "item gap " + i);
            }
        }
        boolean gaps = true;
        boolean perceptions = true;
        long withPoints = acc.importance[0].count();
        for (int b = 0; b < acc.dims.length; b++) {
            Dimension d = acc.dims[b];
            long gapCount = acc.dimGap[b].count();
            gaps &= gapCount > 0;
            perceptions &= acc.dimPerception[b].count() > 0;
            mean(gapCount, () -> r.dimensionGapMean(d), -range, range, where, "gap of " + d);
            mean(acc.dimPerception[b].count(), () -> r.dimensionPerceptionMean(d), lo, hi, where, "P of " + d);
            mean(acc.dimExpectation[b].count(), () -> r.dimensionExpectationMean(d), lo, hi, where, "E of " + d);
            mean(acc.dimMsa[b].count(), () -> r.dimensionMsa(d), -range, range, where, "MSA of " + d);
            mean(acc.dimMss[b].count(), () -> r.dimensionMss(d), -range, range, where, "MSS of " + d);
            mean(withPoints, () -> r.importanceWeight(d), 0.0, 1.0, where, "importance of " + d);
            if (gapCount >= 2) {
                estimate(r.dimensionGap(d).value(), r.dimensionGap(d).standardError(), -range, range, gapCount, where,
                        "dimension gap of " + d);
            }
            if (acc.dimPerception[b].count() > 0 && acc.dimAdequate[b].count() > 0 && acc.dimDesired[b].count() > 0) {
                check(r.zonePosition(d) != null, where, "zone of " + d);
            } else {
                undefined(() -> r.zonePosition(d), where, "zone of " + d);
            }
            for (Measure m : Measure.values()) {
                alpha(acc, r, b, m, where);
            }
        }
        if (gaps) {
            // averages of block means over at most N respondents each: the tolerance of N values
            long all = Math.max(1, acc.respondents());
            mean(all, r::unweightedScore, -range, range, where, "unweighted score");
            check(r.dimensionPriorities().size() == acc.dims.length, where, "dimension priorities");
            mean(withPoints == 0 ? 0 : all, r::weightedScore, -range, range, where, "weighted score");
        } else {
            undefined(r::unweightedScore, where, "unweighted score");
        }
        mean(acc.perRespondentWeighted.count(), r::perRespondentWeightedScore, -range, range, where,
                "per-respondent weighted score");
        if (perceptions) {
            mean(Math.max(1, acc.respondents()), r::servperfScore, lo, hi, where, "SERVPERF score");
        }
        int[] priorities = r.itemPriorities().clone();
        Arrays.sort(priorities);
        for (int i = 0; i < priorities.length; i++) {
            check(priorities[i] == i + 1, where, "item priorities");
        }
        // an accepted state is one that adds and merges produce: merged with itself, it still reads back
        if (acc.respondents() <= Long.MAX_VALUE / 2) {
            ServqualAccumulator twice = ServqualAccumulator.fromByteArray(bytes).merge(acc);
            check(twice.respondents() == 2 * acc.respondents(), where, "merged respondent count");
            ServqualAccumulator.fromByteArray(twice.toByteArray());
        }
    }

    /** Cronbach's alpha: at most 1 where the format's sums define it, IllegalStateException where not. */
    private static void alpha(ServqualAccumulator acc, ServqualReport r, int b, Measure m, String where) {
        Dimension d = acc.dims[b];
        int id = Arrays.asList(ServqualAccumulator.MEASURE_BY_ID).indexOf(m);
        long[] sums = acc.alphaSums[id][b];
        int k = (sums.length - 2) / 4;
        long count = acc.alphaN[id][b];
        BigInteger n = BigInteger.valueOf(count);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            total = total.add(ServqualAccumulator.big(sums, 4 * i));
        }
        boolean defined = k >= 2 && count >= 2
                && n.multiply(ServqualAccumulator.big(sums, 4 * k)).subtract(total.multiply(total)).signum() > 0;
        if (defined) {
            double a = r.cronbachAlpha(d, m);
            check(a <= 1.0 && a > Double.NEGATIVE_INFINITY, where, "alpha " + a + " of " + d + " for " + m);
        } else {
            undefined(() -> r.cronbachAlpha(d, m), where, "alpha of " + d + " for " + m);
        }
    }

    /** A mean of {@code n} values: in [lo, hi] up to the format's tolerance, or undefined if n = 0. */
    private static void mean(long n, java.util.function.DoubleSupplier value, double lo, double hi, String where,
            String what) {
        if (n == 0) {
            undefined(value::getAsDouble, where, what);
            return;
        }
        double v = value.getAsDouble();
        double tolerance = (1e-9 + 8.0 * n * UNIT_ROUNDOFF) * Math.max(1.0, Math.max(Math.abs(lo), Math.abs(hi)));
        check(v >= lo - tolerance && v <= hi + tolerance, where, what + " = " + v + " outside [" + lo + ", " + hi + "]");
    }

    private static void estimate(double value, double se, double lo, double hi, long n, String where, String what) {
        mean(n, () -> value, lo, hi, where, what);
        check(se >= 0.0 && se < Double.POSITIVE_INFINITY, where, what + " standard error " + se);
    }

    private static void undefined(Runnable call, String where, String what) {
        try {
            call.run();
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError(where + ": " + what + " should be undefined (IllegalStateException)");
    }

    private static void check(boolean ok, String where, String what) {
        if (!ok) {
            throw new AssertionError(where + ": " + what);
        }
    }
}
