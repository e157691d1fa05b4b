package io.github.cxmetrics.servqual;

import static io.github.cxmetrics.servqual.ServqualFrames.emptyMean;
import static io.github.cxmetrics.servqual.ServqualFrames.meanOf;
import static io.github.cxmetrics.servqual.ServqualFrames.payload;
import static io.github.cxmetrics.servqual.ServqualFrames.reseal;
import static io.github.cxmetrics.servqual.ServqualFrames.servqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.servqual.internal.ServqualStateFamilies;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.Scale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The binary form of {@link ServqualAccumulator}: one frame of the cxmetrics state format (family
 * 16, version 1) around the documented payload, and what the reader rejects. Forged states are
 * built with {@link ServqualFrames}, whose CRC is right, so that the payload checks are what reject
 * them.
 */
class ServqualFormatTest {

    /** The payload starts after the frame's 12-byte header. */
    private static final int P = ServqualFrames.HEADER;

    /** Item 1 in RELIABILITY, item 2 in TANGIBLES: the dimension blocks are TANGIBLES (id 0), RELIABILITY (id 1). */
    private static ServqualAccumulator twoItems() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.RELIABILITY, new int[] {1});
        map.put(Dimension.TANGIBLES, new int[] {2});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(2, map), Scale.ONE_TO_FIVE);
        acc.add(Respondent.of(new int[] {3, 4}, new int[] {5, 2}));
        return acc;
    }

    /**
     * The bytes of {@link #twoItems()} written out field by field from the table of the class
     * documentation (E = 3, 4 and P = 5, 2 on 1..5; item 1 is RELIABILITY, item 2 TANGIBLES).
     */
    private static byte[] twoItemsByHand() {
        ServqualFrames.Payload b = payload()
                .i32(2)                          // k
                .u8(1).u8(0)                     // item 1 RELIABILITY (id 1), item 2 TANGIBLES (id 0)
                .i32(1).i32(5)                   // scale 1..5
                .i64(1)                          // N
                .u8(5).u8(0).u8(1).u8(2).u8(3).u8(4) // M and the measure ids
                .u8(2).u8(0).i32(1).u8(1).i32(1);    // D, then (id, k_d): TANGIBLES 1, RELIABILITY 1
        // per item: P − E, E, P, P − adequate, P − desired
        b.bytes(meanOf(2)).bytes(meanOf(3)).bytes(meanOf(5)).bytes(emptyMean()).bytes(emptyMean());
        b.bytes(meanOf(-2)).bytes(meanOf(4)).bytes(meanOf(2)).bytes(emptyMean()).bytes(emptyMean());
        // per block (TANGIBLES = item 2, then RELIABILITY = item 1): gap, E, P, then five empty states
        b.bytes(meanOf(-2)).bytes(meanOf(4)).bytes(meanOf(2));
        for (int i = 0; i < 5; i++) {
            b.bytes(emptyMean());
        }
        b.bytes(meanOf(2)).bytes(meanOf(3)).bytes(meanOf(5));
        for (int i = 0; i < 5; i++) {
            b.bytes(emptyMean());
        }
        b.bytes(emptyMean()); // per-respondent weighted score: nobody gave importance points
        // alpha sums: n, Σx, Σx², ΣT², with x = answer − min (E, P) or P − E (GAP); one item per block
        alpha(b, 1, 4 - 1);   // EXPECTATION, TANGIBLES (item 2)
        alpha(b, 1, 3 - 1);   // EXPECTATION, RELIABILITY (item 1)
        alpha(b, 1, 2 - 1);   // PERCEPTION
        alpha(b, 1, 5 - 1);
        alpha(b, 0, 0);       // ADEQUATE_SERVICE: not asked
        alpha(b, 0, 0);
        alpha(b, 0, 0);       // DESIRED_SERVICE
        alpha(b, 0, 0);
        alpha(b, 1, 2 - 4);   // GAP
        alpha(b, 1, 5 - 3);
        return servqual(b.toArray());
    }

    /** One block of one item: n, Σx, Σx², ΣT² (= Σx² with one item). */
    private static void alpha(ServqualFrames.Payload b, long n, long x) {
        b.i64(n).i128(x).i128(x * x).i128(x * x);
    }

    @Test
    void theLayoutIsTheDocumentedTable() {
        byte[] bytes = twoItems().toByteArray();
        // payload 22 + k + M + 5D + 56·(5k + 8D + 1) + 8·M·(3D + 4k) with k = 2, D = 2, M = 5, and a 16-byte frame
        assertThat(bytes).hasSize(16 + 22 + 2 + 5 + 10 + 56 * (10 + 16 + 1) + 8 * 5 * (6 + 8));
        assertThat(twoItems().serializedSize()).isEqualTo(bytes.length);
        assertThat(Arrays.copyOf(bytes, 4)).isEqualTo("CXMS".getBytes(StandardCharsets.US_ASCII));
        assertThat(bytes[4]).isEqualTo((byte) 16); // family
        assertThat(bytes[5]).isEqualTo((byte) 1);  // version
        assertThat(bytes).isEqualTo(twoItemsByHand());
        // the embedded states are whole mean frames, as MeanAccumulator writes them
        MeanAccumulator two = new MeanAccumulator();
        two.add(2);
        int h = P + 22 + 2 + 5 + 10;
        assertThat(Arrays.copyOfRange(bytes, h, h + MeanAccumulator.BYTES)).isEqualTo(two.toByteArray());
        assertThat(MeanAccumulator.BYTES).isEqualTo(56);
    }

    /**
     * Golden bytes of format version 1 ({@code servqual-v1-sample.hex}, the {@link #sample()} state):
     * this release writes them and every later one must read them. Generated once by this code; the
     * layout they follow is checked independently by {@link #theLayoutIsTheDocumentedTable()}.
     */
    @Test
    void version1GoldenBytesAreWrittenAndRead() throws IOException {
        byte[] golden;
        try (java.io.InputStream in = ServqualFormatTest.class.getResourceAsStream("servqual-v1-sample.hex")) {
            assertThat(in).as("golden file").isNotNull();
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s", "");
            golden = java.util.HexFormat.of().parseHex(hex);
        }
        assertThat(sample().toByteArray()).isEqualTo(golden);
        ServqualAccumulator back = ServqualAccumulator.fromByteArray(golden);
        assertThat(back.snapshot()).isEqualTo(sample().snapshot());
        assertThat(back.toByteArray()).isEqualTo(golden);
    }

    @Test
    void theServqual22StateHasTheDocumentedSize() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        // 16 + 22 + 22 + 5 + 25 + 56·(110 + 40 + 1) + 40·(15 + 88)
        assertThat(acc.serializedSize()).isEqualTo(12_666).isEqualTo(acc.toByteArray().length);
        assertThat(manyRespondents().serializedSize()).isEqualTo(12_666);
    }

    /**
     * Dimension and measure ids are constants of the format, written here by name: the layout
     * does not follow the enums' declaration order or size.
     */
    @Test
    void dimensionAndMeasureIdsAreFixedFormatConstants() {
        Map<String, Integer> dimensionIds = Map.of("TANGIBLES", 0, "RELIABILITY", 1, "RESPONSIVENESS", 2,
                "ASSURANCE", 3, "EMPATHY", 4);
        assertThat(dimensionIds.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Dimension.values()).map(Enum::name).toList());
        for (Map.Entry<String, Integer> e : dimensionIds.entrySet()) {
            Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
            map.put(Dimension.valueOf(e.getKey()), new int[] {1});
            byte[] bytes = new ServqualAccumulator(Instrument.of(1, map), Scale.ONE_TO_FIVE).toByteArray();
            assertThat(bytes[P + 4]).as("id of %s", e.getKey()).isEqualTo((byte) (int) e.getValue());
            assertThat(bytes[P + 4 + 1 + 8 + 8 + 1 + 5 + 1]).as("block id of %s", e.getKey())
                    .isEqualTo((byte) (int) e.getValue());
        }
        // one respondent on one EMPATHY item: E = 2, P = 5, adequate 3, desired 4 on 1..5, so the
        // alpha block of measure id m holds Σx = the x of that measure
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.EMPATHY, new int[] {1});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(1, map), Scale.ONE_TO_FIVE);
        acc.add(Respondent.of(new int[] {2}, new int[] {5}).withToleranceZone(new int[] {3}, new int[] {4}));
        Map<String, Integer> measureIds = Map.of("EXPECTATION", 0, "PERCEPTION", 1, "ADEQUATE_SERVICE", 2,
                "DESIRED_SERVICE", 3, "GAP", 4);
        assertThat(measureIds.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Measure.values()).map(Enum::name).toList());
        Map<String, Long> x = Map.of("EXPECTATION", 1L, "PERCEPTION", 4L, "ADEQUATE_SERVICE", 2L,
                "DESIRED_SERVICE", 3L, "GAP", 3L);
        byte[] bytes = acc.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int alpha = bytes.length - 4 - 8 * 5 * (3 + 4);
        for (Map.Entry<String, Integer> e : measureIds.entrySet()) {
            int at = alpha + 8 * 7 * e.getValue();
            assertThat(b.getLong(at)).as("n of %s", e.getKey()).isEqualTo(1L);
            assertThat(b.getLong(at + 8)).as("Σx of %s", e.getKey()).isEqualTo(x.get(e.getKey()));
        }
    }

    @Test
    void add128CarriesAndBorrows() {
        long[] a = {-1L, 0L}; // 2^64 − 1
        ServqualAccumulator.add128(a, 0, 1);
        assertThat(a).containsExactly(0L, 1L);
        ServqualAccumulator.add128(a, 0, -1);
        assertThat(a).containsExactly(-1L, 0L);
        ServqualAccumulator.add128(a, 0, -1L << 62);
        assertThat(ServqualAccumulator.big(a, 0)).isEqualTo(
                java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE)
                        .subtract(java.math.BigInteger.ONE.shiftLeft(62)));
        long[] z = {0L, 0L};
        ServqualAccumulator.add128(z, 0, -5);
        assertThat(ServqualAccumulator.big(z, 0)).isEqualTo(java.math.BigInteger.valueOf(-5));
    }

    /** Six respondents on three EMPATHY items with importance and the tolerance zone. */
    @Test
    void copyIsDeep() {
        ServqualAccumulator acc = sample();
        byte[] before = acc.toByteArray();
        ServqualAccumulator copy = acc.copy();
        assertThat(copy).isNotSameAs(acc);
        assertThat(copy.toByteArray()).isEqualTo(before);
        copy.add(Respondent.of(new int[] {1, 1, 1}, new int[] {5, 5, 5}));
        assertThat(acc.toByteArray()).isEqualTo(before);
        assertThat(copy.toByteArray()).isNotEqualTo(before);
        acc.add(Respondent.of(new int[] {1, 1, 1}, new int[] {5, 5, 5}));
        assertThat(acc.toByteArray()).isEqualTo(copy.toByteArray());
    }

    static ServqualAccumulator sample() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.EMPATHY, new int[] {1, 2, 3});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(3, map), Scale.ONE_TO_FIVE);
        int[][] e = {{5, 5, 4}, {3, 4, 4}, {5, 5, 5}, {4, 3, 4}, {5, 4, 5}, {2, 3, 2}};
        int[][] p = {{3, 4, 3}, {2, 3, 4}, {4, 4, 5}, {3, 2, 3}, {4, 4, 4}, {3, 3, 2}};
        for (int r = 0; r < e.length; r++) {
            acc.add(Respondent.of(e[r], p[r]).withImportance(0, 0, 0, 0, 100)
                    .withToleranceZone(new int[] {2, 3, 2}, new int[] {4, 5, r % 5 + 1}));
        }
        return acc;
    }

    /** 40 respondents of the 22-item instrument on 1..7, with missing answers, importance and the zone. */
    static ServqualAccumulator manyRespondents() {
        SplittableRandom random = new SplittableRandom(1988);
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        for (int r = 0; r < 40; r++) {
            int[][] a = new int[4][22];
            for (int[] row : a) {
                for (int i = 0; i < 22; i++) {
                    row[i] = random.nextInt(9) == 0 ? Respondent.MISSING : 1 + random.nextInt(7);
                }
            }
            Respondent resp = Respondent.of(a[0], a[1]);
            if (r % 2 == 0) {
                resp = resp.withImportance(10 + r % 7, 30, 20, 25 - r % 7, 15);
            }
            if (r % 3 == 0) {
                resp = resp.withToleranceZone(a[2], a[3]);
            }
            acc.add(resp);
        }
        return acc;
    }

    @Test
    void everyTruncationAndExtensionIsRejected() {
        byte[] good = sample().toByteArray();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(cut)).as("truncated to %d bytes", n)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ServqualAccumulator.fromByteBuffer(ByteBuffer.wrap(cut)))
                    .as("truncated to %d bytes", n).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: 1 trailing byte(s) after the state");
    }

    /** A truncated payload in a frame whose length and CRC are right: the payload's own length check rejects it. */
    @Test
    void everyTruncatedPayloadIsRejectedBehindAValidFrame() {
        byte[] payload = payload(sample().toByteArray());
        for (int n = 0; n < payload.length; n++) {
            byte[] forged = servqual(Arrays.copyOf(payload, n));
            assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(forged)).as("payload of %d bytes", n)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("corrupt servqual state: ");
        }
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(servqual(new byte[0])))
                .hasMessage("corrupt servqual state: the payload ends before the item count");
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(servqual(Arrays.copyOf(payload, 6))))
                .hasMessage("corrupt servqual state: the dimension ids of 3 items need 3 bytes, the payload has 2 left");
        int full = payload.length;
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(servqual(Arrays.copyOf(payload, full - 1))))
                .hasMessage("corrupt servqual state: 3 items (EMPATHY 3) need a payload of " + full + " bytes, had "
                        + (full - 1));
        byte[] longer = servqual(Arrays.copyOf(payload, full + 8));
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(longer))
                .hasMessage("corrupt servqual state: 3 items (EMPATHY 3) need a payload of " + full + " bytes, had "
                        + (full + 8));
    }

    /** The CRC-32C detects every single-bit error (package description of the format): all 8·n flips of the sample. */
    @Test
    void everySingleBitFlipOfTheSampleIsRejected() {
        byte[] good = sample().toByteArray();
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = good.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(flipped))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    /**
     * Behind a recomputed CRC (a deliberate forgery), a single-bit change of the payload is either
     * rejected or read as a state that keeps every invariant — means in their ranges, alphas at most
     * 1, importance weights fractions — and writes back the same bytes (the form is canonical).
     * Flips inside the nested mean frames break their own CRC, so those are rejected.
     */
    @Test
    void noResealedBitFlipIsReadAsAStateThatBreaksAnInvariant() {
        byte[] good = sample().toByteArray();
        int accepted = 0;
        for (int i = P; i < good.length - 4; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = good.clone();
                flipped[i] ^= (byte) (1 << bit);
                byte[] forged = reseal(flipped);
                ServqualAccumulator acc;
                try {
                    acc = ServqualAccumulator.fromByteArray(forged);
                } catch (IllegalArgumentException rejected) {
                    continue;
                }
                accepted++;
                assertThat(acc.toByteArray()).isEqualTo(forged);
                checkRanges(acc.snapshot(), "byte " + i + " bit " + bit);
            }
        }
        // only flips of the low bits of alpha sums that stay possible are accepted: a small share
        assertThat(accepted).isLessThan((good.length - 16) * 8 / 10);
    }

    private static void checkRanges(ServqualReport r, String where) {
        Scale s = r.scale();
        double range = s.max() - s.min();
        for (int item = 1; item <= r.instrument().items(); item++) {
            int i = item;
            inRange(() -> r.itemPerception(i), s.min(), s.max(), where);
            inRange(() -> r.itemExpectation(i), s.min(), s.max(), where);
            inRange(() -> r.itemGapMean(i), -range, range, where);
            inRange(() -> r.msa(i), -range, range, where);
            inRange(() -> r.mss(i), -range, range, where);
        }
        for (Dimension d : r.instrument().dimensions()) {
            inRange(() -> r.dimensionGapMean(d), -range, range, where);
            inRange(() -> r.dimensionPerceptionMean(d), s.min(), s.max(), where);
            inRange(() -> r.dimensionMsa(d), -range, range, where);
            inRange(() -> r.importanceWeight(d), 0, 1, where);
            for (Measure m : Measure.values()) {
                inRange(() -> r.cronbachAlpha(d, m), Double.NEGATIVE_INFINITY, 1.0, where);
            }
        }
        inRange(r::weightedScore, -range, range, where);
        inRange(r::perRespondentWeightedScore, -range, range, where);
    }

    private static void inRange(java.util.function.DoubleSupplier value, double lo, double hi, String where) {
        double v;
        try {
            v = value.getAsDouble();
        } catch (IllegalStateException undefined) {
            return;
        }
        assertThat(v).as(where).isBetween(lo - 1e-9, hi + 1e-9);
    }

    @Test
    void forgedAlphaSumsAreRejected() {
        // row 6: sums at Long.MAX_VALUE used to wrap silently on merge (alpha 1.25)
        ServqualAccumulator acc = sample();
        int p = 1; // PERCEPTION's measure id
        acc.alphaSums[p][0][2] = Long.MAX_VALUE; // Σx² of item 1
        byte[] bytes = acc.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: alpha sums of PERCEPTION in EMPATHY are impossible for 6 respondents "
                        + "on scale 1..5");
        // sums inside their bounds whose summed score varies more than k·Σ item variances allow: alpha > 1
        ServqualAccumulator tooHigh = sample();
        long[] sums = tooHigh.alphaSums[p][0];
        sums[4 * 3] += 40; // ΣT² (the item sums are unchanged)
        byte[] high = tooHigh.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(high)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: alpha sums of PERCEPTION in EMPATHY are impossible for 6 respondents "
                        + "on scale 1..5");
        ServqualAccumulator count = sample();
        count.alphaN[4][0] = 7; // GAP: more complete respondents than there are
        byte[] counted = count.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(counted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: alpha sums of GAP in EMPATHY: count 7 exceeds 6");
        // the same forgery by hand: the n of the GAP block is the last block's first int64
        byte[] good = sample().toByteArray();
        byte[] forged = good.clone();
        ByteBuffer.wrap(forged).order(ByteOrder.LITTLE_ENDIAN).putLong(good.length - 4 - 8 * (1 + 4 * 3 + 2), 7);
        assertThat(reseal(forged)).isEqualTo(counted);
    }

    @Test
    void forgedCountsAndMeansAreRejected() {
        ServqualAccumulator acc = sample();
        MeanAccumulator gap = new MeanAccumulator();
        for (int i = 0; i < 7; i++) {
            gap.add(-1);
        }
        acc.itemGap[0] = gap;
        byte[] bytes = acc.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean gap of item 1 counts 7 values, more than the 6 possible");
        ServqualAccumulator weight = sample();
        MeanAccumulator share = new MeanAccumulator();
        for (int i = 0; i < 6; i++) {
            share.add(0.5);
        }
        weight.importance[0] = share; // the only dimension's shares must average 1
        byte[] w = weight.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean importance shares sum to 0.5, not 1");
        ServqualAccumulator counts = sample();
        counts.importance[0] = new MeanAccumulator(); // 0 respondents with points, but the weighted score has 6
        byte[] c = counts.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean per-respondent weighted score counts 6 values, more than "
                        + "the 0 possible");
        ServqualAccumulator weighted = sample();
        MeanAccumulator heavy = new MeanAccumulator();
        heavy.add(1, 2.0);
        weighted.itemPerception[1] = heavy;
        byte[] h = weighted.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean perception of item 2 has weights other than 1");
        ServqualAccumulator spread = sample();
        // three values with mean 0 and M2 = Σ(x − mean)² = 1000: a valid mean state, but a variance
        // of 500 that no three values in ±4 have (at most (8²/4)·3/2 = 24)
        spread.itemMss[2] = MeanAccumulator.fromByteArray(ServqualFrames.mean(3, 3, 3, 0, 1000));
        byte[] v = spread.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt servqual state: the variance of the mean MSS of item 3 is 500.0, "
                        + "above the bound 24.0");
        ServqualAccumulator outside = sample();
        outside.dimDesired[0] = MeanAccumulator.fromByteArray(ServqualFrames.meanOf(5.5));
        byte[] o = outside.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(o)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean desired service of EMPATHY is 5.5, outside scale 1..5");
        ServqualAccumulator gapRange = sample();
        gapRange.itemGap[1] = MeanAccumulator.fromByteArray(ServqualFrames.meanOf(-4.5));
        byte[] g = gapRange.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(g)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean gap of item 2 is -4.5, outside ±4 (scale 1..5)");
    }

    /**
     * A mean of one value of weight 1 has no spread: M2 = 0. The mean family reads a count of 1 with
     * M2 > 0 (its weights are not known to be 1), but SERVQUAL's unit-weight means must reject it —
     * merged with itself, such a state would have a variance no data on the scale has.
     */
    @Test
    void aMeanOfOneValueWithASpreadIsRejected() {
        // a nested mean frame of one value with a spread (M2 = 0.25): the mean reader itself refuses it
        byte[] spread = sample().toByteArray();
        System.arraycopy(ServqualFrames.mean(1, 1.0, 1.0, -1.0, 0.25), 0, spread, FIRST_MEAN, 56);
        assertThat(reject(spread)).isEqualTo("corrupt servqual state: the mean gap of item 1 is not a valid mean "
                + "state: corrupt mean state: a state of one value must have M2 = 0 and a sum of squared weights "
                + "equal to the squared weight");
        // one respondent of the 22-item instrument: every mean holds one value, as the state of one value
        ServqualAccumulator one = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        int[] e = new int[22];
        int[] p = new int[22];
        Arrays.fill(e, 4);
        Arrays.fill(p, 6);
        one.add(Respondent.of(e, p));
        byte[] good = one.toByteArray();
        assertThat(ServqualAccumulator.fromByteArray(good).toByteArray()).isEqualTo(good);
        // weight 1 + 2^-40 is a valid mean state of one value, within the unit-weight slack of 1e-9, but not
        // the state of one respondent (weight exactly 1): servqual refuses it
        double w = 1 + 0x1p-40;
        ServqualAccumulator weighted = sample();
        weighted.dimGap[0] = MeanAccumulator.fromByteArray(ServqualFrames.mean(1, w, w * w, -1.0, 0.0));
        byte[] bytes = weighted.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean gap of EMPATHY holds one value, but not as the state of "
                        + "one value of weight 1 (Σw = Σw² = 1, M2 = 0)");
    }

    /** The offset of the first mean frame in the sample's bytes (k = 3, D = 1). */
    private static final int FIRST_MEAN = P + 22 + 3 + 5 + 5;

    @Test
    void aBrokenNestedMeanStateIsRejectedWithItsName() {
        byte[] good = sample().toByteArray();
        byte[] otherFamily = good.clone();
        otherFamily[FIRST_MEAN + 4] = 1; // the first mean frame claims to be a rating state
        assertThat(reject(otherFamily)).isEqualTo("corrupt servqual state: the mean gap of item 1 is not a valid "
                + "mean state: not a mean state: its family id is 1, a mean state has 2");
        byte[] crc = good.clone();
        crc[FIRST_MEAN + 56 * 5 + 20] ^= 1; // a bit of item 2's gap mean state, behind its own CRC
        assertThat(reject(crc)).startsWith("corrupt servqual state: the mean gap of item 2 is not a valid mean state: "
                + "corrupt mean state: CRC-32C ");
        // a mean frame with a longer payload: its length no longer fits the servqual layout
        byte[] last = good.clone();
        int weighted = FIRST_MEAN + 56 * (5 * 3 + 8);
        ByteBuffer.wrap(last).order(ByteOrder.LITTLE_ENDIAN).putInt(weighted + 8, 48);
        assertThat(reject(last)).startsWith("corrupt servqual state: the mean per-respondent weighted score is not a "
                + "valid mean state: corrupt mean state: ");
    }

    @Test
    void headerFieldsAreChecked() {
        byte[] good = sample().toByteArray();
        int k = 3;
        assertThat(reject(good, 0, (byte) 0))
                .isEqualTo("not a cxmetrics servqual state: magic bytes 00 58 4d 53, expected 43 58 4d 53");
        assertThat(reject(good, 4, (byte) 17)).isEqualTo("not a servqual state: its family id is 17, a servqual state has 16");
        assertThat(reject(good, 5, (byte) 2))
                .isEqualTo("unsupported servqual state format version 2, this library reads versions 1..1");
        assertThat(reject(good, 6, (byte) 1)).isEqualTo("corrupt servqual state: unknown flags 0x1");
        assertThat(reject(good, P + 4, (byte) 9))
                .isEqualTo("corrupt servqual state: dimension id 9 for item 1, the ids are 0..4");
        assertThat(reject(good, P + 4, (byte) 0)).startsWith("corrupt servqual state: 3 items (TANGIBLES 1, EMPATHY 2) "
                + "need a payload of ");
        assertThat(reject(good, P + 20 + k, (byte) 4)).isEqualTo("corrupt servqual state: measure count 4, must be 5");
        assertThat(reject(good, P + 21 + k + 1, (byte) 0)).isEqualTo(
                "corrupt servqual state: measure id 0 at position 1, the ids are 0..4 in ascending order");
        // a permutation of the measure ids would be another encoding of a state: not canonical, rejected
        byte[] swapped = good.clone();
        swapped[P + 21 + k + 1] = 2;
        swapped[P + 21 + k + 2] = 1;
        assertThat(reject(swapped)).isEqualTo(
                "corrupt servqual state: measure id 2 at position 1, the ids are 0..4 in ascending order");
        assertThat(reject(good, P + 21 + k + 5, (byte) 2))
                .isEqualTo("corrupt servqual state: dimension count 2, the items use 1");
        assertThat(reject(good, P + 22 + k + 5, (byte) 3))
                .isEqualTo("corrupt servqual state: dimension block 0 (id 3, 3 items) does not match the items");
        assertThat(reject(good, P + 23 + k + 5, (byte) 2))
                .isEqualTo("corrupt servqual state: dimension block 0 (id 4, 2 items) does not match the items");
        assertThat(reject(good, P + 12 + k + 7, (byte) 0x80))
                .startsWith("corrupt servqual state: negative respondent count");
        // scale min = Integer.MIN_VALUE would make Respondent.MISSING a rating
        byte[] low = good.clone();
        ByteBuffer.wrap(low).order(ByteOrder.LITTLE_ENDIAN).putInt(P + 4 + k, Integer.MIN_VALUE)
                .putInt(P + 8 + k, Integer.MIN_VALUE + 4);
        assertThat(reject(low)).isEqualTo("corrupt servqual state: scale -2147483648..-2147483644 contains "
                + "Respondent.MISSING");
        byte[] empty = good.clone();
        ByteBuffer.wrap(empty).order(ByteOrder.LITTLE_ENDIAN).putInt(P + 8 + k, 1);
        assertThat(reject(empty)).isEqualTo("corrupt servqual state: scale needs min < max, was 1..1");
        byte[] items = good.clone();
        ByteBuffer.wrap(items).order(ByteOrder.LITTLE_ENDIAN).putInt(P, 1001);
        assertThat(reject(items)).isEqualTo("corrupt servqual state: item count 1001, must be in 1..1000");
        ByteBuffer.wrap(items).order(ByteOrder.LITTLE_ENDIAN).putInt(P, 0);
        assertThat(reject(items)).isEqualTo("corrupt servqual state: item count 0, must be in 1..1000");
        // fewer respondents than an item's counts
        byte[] fewer = good.clone();
        ByteBuffer.wrap(fewer).order(ByteOrder.LITTLE_ENDIAN).putLong(P + 12 + k, 5);
        assertThat(reject(fewer)).isEqualTo(
                "corrupt servqual state: the mean expectation of item 1 counts 6 values, more than the 5 possible");
    }

    /** The message of the rejection of a copy with one byte changed and the CRC recomputed. */
    private static String reject(byte[] good, int at, byte value) {
        byte[] bad = good.clone();
        bad[at] = value;
        return reject(bad);
    }

    /** The message of the rejection of bytes after their CRC is recomputed. */
    private static String reject(byte[] bytes) {
        byte[] forged = reseal(bytes);
        try {
            ServqualAccumulator.fromByteArray(forged);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted a forged state");
    }

    @Test
    void writeToAndFromByteBufferWorkAtAnOffsetInALargerBuffer() {
        ServqualAccumulator acc = manyRespondents();
        byte[] alone = acc.toByteArray();
        int size = acc.serializedSize();
        ByteBuffer buf = ByteBuffer.allocate(7 + size + 13).order(ByteOrder.BIG_ENDIAN);
        Arrays.fill(buf.array(), (byte) 0x5A);
        buf.position(7);
        acc.writeTo(buf);
        assertThat(buf.position()).isEqualTo(7 + size);
        assertThat(buf.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Arrays.copyOfRange(buf.array(), 7, 7 + size)).isEqualTo(alone);
        for (int i = 0; i < 7; i++) {
            assertThat(buf.array()[i]).isEqualTo((byte) 0x5A);
        }
        for (int i = 7 + size; i < buf.capacity(); i++) {
            assertThat(buf.array()[i]).isEqualTo((byte) 0x5A);
        }
        buf.position(7);
        ServqualAccumulator back = ServqualAccumulator.fromByteBuffer(buf);
        assertThat(buf.position()).isEqualTo(7 + size);
        assertThat(back.toByteArray()).isEqualTo(alone);
        assertThat(back.snapshot()).isEqualTo(acc.snapshot());
        // a rejected read leaves the position where it was
        ByteBuffer bad = ByteBuffer.wrap(buf.array().clone());
        bad.array()[7 + size / 2] ^= 4;
        bad.position(7);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteBuffer(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bad.position()).isEqualTo(7);
        // a buffer one byte short: BufferOverflowException and nothing written
        ByteBuffer small = ByteBuffer.allocate(size + 2);
        small.position(3);
        assertThatThrownBy(() -> acc.writeTo(small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isEqualTo(3);
        assertThat(small.array()).containsOnly(0);
    }

    @Test
    void twoStatesBackToBackAreReadInTurnByTheFamilyRegistry() {
        ServqualAccumulator a = sample();
        ServqualAccumulator b = manyRespondents();
        ByteBuffer buf = ByteBuffer.allocate(a.serializedSize() + b.serializedSize());
        a.writeTo(buf);
        b.writeTo(buf);
        buf.flip();
        assertThat(StateFamily.read(buf)).isInstanceOfSatisfying(ServqualAccumulator.class,
                s -> assertThat(s.toByteArray()).isEqualTo(a.toByteArray()));
        assertThat(StateFamily.read(buf)).isInstanceOfSatisfying(ServqualAccumulator.class,
                s -> assertThat(s.toByteArray()).isEqualTo(b.toByteArray()));
        assertThat(buf.hasRemaining()).isFalse();
    }

    @Test
    void theFamilyIsRegisteredForId16() {
        assertThat(ServqualAccumulator.FAMILY.id()).isEqualTo(16);
        assertThat(ServqualAccumulator.FAMILY.name()).isEqualTo("servqual");
        assertThat(ServqualAccumulator.FAMILY.version()).isEqualTo(1);
        assertThat(ServqualAccumulator.FAMILY.type()).isEqualTo(ServqualAccumulator.class);
        assertThat(sample().family()).isSameAs(ServqualAccumulator.FAMILY);
        assertThat(StateFamily.byId(16)).isSameAs(ServqualAccumulator.FAMILY);
        assertThat(StateFamily.of(ServqualAccumulator.class)).isSameAs(ServqualAccumulator.FAMILY);
        assertThat(StateFamily.all()).contains(ServqualAccumulator.FAMILY);
        byte[] bytes = sample().toByteArray();
        assertThat(StateFamily.read(bytes)).isInstanceOfSatisfying(ServqualAccumulator.class,
                s -> assertThat(s.toByteArray()).isEqualTo(bytes));
        assertThat(StateFamily.byId(16).fromByteArray(bytes).toByteArray()).isEqualTo(bytes);
        assertThat(StateFamily.byId(16).fromByteBuffer(ByteBuffer.wrap(bytes))).isInstanceOf(ServqualAccumulator.class);
        assertThat(new ServqualStateFamilies().families()).containsExactly(ServqualAccumulator.FAMILY);
    }

    /** The class-path registration: the service file names the provider (the module path uses module-info). */
    @Test
    void theServiceFileNamesTheProvider() throws IOException {
        List<String> providers = new ArrayList<>();
        for (URL url : Collections.list(ServqualAccumulator.class.getClassLoader()
                .getResources("META-INF/services/io.github.cxmetrics.stats.StateFamily$Provider"))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(providers::add);
            }
        }
        assertThat(providers).contains(ServqualStateFamilies.class.getName());
        assertThat(ServqualStateFamilies.class.getModule().getDescriptor() == null
                || ServqualStateFamilies.class.getModule().getDescriptor().provides().stream()
                        .anyMatch(p -> p.service().equals("io.github.cxmetrics.stats.StateFamily$Provider")
                                && p.providers().contains(ServqualStateFamilies.class.getName())))
                .as("module-info provides the family").isTrue();
        assertThat(ServqualStateFamilies.class.getModule().isNamed()
                && ServqualStateFamilies.class.getModule().isExported(ServqualStateFamilies.class.getPackageName()))
                .as("the provider's package is not exported").isFalse();
    }
}
