package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binary form of {@link ServqualAccumulator}: the documented layout, and what the reader rejects. */
class ServqualFormatTest {

    private static final int MEAN = 46; // MeanAccumulator's binary form

    /** Item 1 in RELIABILITY, item 2 in TANGIBLES: the dimension blocks are TANGIBLES (id 0), RELIABILITY (id 1). */
    private static ServqualAccumulator twoItems() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.RELIABILITY, new int[] {1});
        map.put(Dimension.TANGIBLES, new int[] {2});
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(2, map), Scale.ONE_TO_FIVE);
        acc.add(Respondent.of(new int[] {3, 4}, new int[] {5, 2}));
        return acc;
    }

    @Test
    void theLayoutIsTheDocumentedTable() {
        byte[] bytes = twoItems().toByteArray();
        // 28 + k + M + 5D + 46·(5k + 8D + 1) + 8·M·(3D + 4k) with k = 2, D = 2, M = 5
        assertThat(bytes).hasSize(28 + 2 + 5 + 10 + MEAN * (10 + 16 + 1) + 8 * 5 * (6 + 8));
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new byte[] {b.get(), b.get(), b.get(), b.get()}).isEqualTo("CXSQ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(b.get()).isEqualTo((byte) 1);   // version
        assertThat(b.get()).isEqualTo((byte) 0);   // flags
        assertThat(b.getInt()).isEqualTo(2);       // items
        assertThat(b.get()).isEqualTo((byte) 1);   // item 1: RELIABILITY
        assertThat(b.get()).isEqualTo((byte) 0);   // item 2: TANGIBLES
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.getInt()).isEqualTo(5);
        assertThat(b.getLong()).isEqualTo(1L);     // respondents
        assertThat(b.get()).isEqualTo((byte) 5);   // measures
        for (int id = 0; id < 5; id++) {
            assertThat(b.get()).isEqualTo((byte) id);
        }
        assertThat(b.get()).isEqualTo((byte) 2);   // dimension blocks
        assertThat(b.get()).isEqualTo((byte) 0);
        assertThat(b.getInt()).isEqualTo(1);
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.getInt()).isEqualTo(1);
        int h = b.position();
        assertThat(h).isEqualTo(28 + 2 + 5 + 10);
        // item 1's five states: P − E = 2, E = 3, P = 5, then empty MSA and MSS
        assertThat(Arrays.copyOfRange(bytes, h, h + MEAN)).isEqualTo(meanOf(2));
        assertThat(Arrays.copyOfRange(bytes, h + MEAN, h + 2 * MEAN)).isEqualTo(meanOf(3));
        assertThat(Arrays.copyOfRange(bytes, h + 2 * MEAN, h + 3 * MEAN)).isEqualTo(meanOf(5));
        assertThat(Arrays.copyOfRange(bytes, h + 3 * MEAN, h + 4 * MEAN)).isEqualTo(new MeanAccumulator().toByteArray());
        // dimension block 0 (TANGIBLES = item 2): gap −2 first
        int dims = h + 10 * MEAN;
        assertThat(Arrays.copyOfRange(bytes, dims, dims + MEAN)).isEqualTo(meanOf(-2));
        int alpha = dims + 16 * MEAN + MEAN;
        // each (measure, block) holds 1 + 4·1 + 2 = 7 longs; PERCEPTION is measure position 1
        b.position(alpha + 2 * 56);
        assertThat(b.getLong()).isEqualTo(1L);                                  // n
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(1, 0); // Σx, x = 2 − min 1
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(1, 0); // Σx²
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(1, 0); // ΣT²
        // GAP (position 4), block 0 (TANGIBLES): x = 2 − 4 = −2 as a 128-bit two's complement number
        b.position(alpha + 8 * 56);
        assertThat(b.getLong()).isEqualTo(1L);
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(-2, -1);
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(4, 0);
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(4, 0);
        // block 1 (RELIABILITY = item 1): x = 5 − 3 = 2
        assertThat(b.getLong()).isEqualTo(1L);
        assertThat(new long[] {b.getLong(), b.getLong()}).containsExactly(2, 0);
        assertThat(b.remaining()).isEqualTo(4 * 8);
    }

    private static byte[] meanOf(double x) {
        MeanAccumulator m = new MeanAccumulator();
        m.add(x);
        return m.toByteArray();
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

    /** Six respondents on three EMPATHY items with importance and the tolerance zone; about 2 kB. */
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

    @Test
    void everyTruncationAndExtensionIsRejected() {
        byte[] good = sample().toByteArray();
        for (int n = 0; n < good.length; n++) {
            byte[] cut = Arrays.copyOf(good, n);
            assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(cut)).as("truncated to %d bytes", n)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: 3 items (EMPATHY 3) need " + good.length + " bytes, had "
                        + longer.length);
    }

    /**
     * Row 6 of the reliability report: without a checksum some flips are read as another valid
     * state, but none may break an invariant. Every single-bit flip of the sample either is
     * rejected or gives a state whose means lie in their ranges, whose alphas are at most 1 and
     * whose importance weights are fractions, and which writes back the same bytes.
     */
    @Test
    void noSingleBitFlipIsReadAsAStateThatBreaksAnInvariant() {
        byte[] good = sample().toByteArray();
        int accepted = 0;
        for (int i = 0; i < good.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = good.clone();
                flipped[i] ^= (byte) (1 << bit);
                ServqualAccumulator acc;
                try {
                    acc = ServqualAccumulator.fromByteArray(flipped);
                } catch (IllegalArgumentException rejected) {
                    continue;
                }
                accepted++;
                assertThat(acc.toByteArray()).isEqualTo(flipped);
                checkRanges(acc.snapshot(), "byte " + i + " bit " + bit);
            }
        }
        // 3 994 of 13 960 flips are accepted (low mantissa bits of the means, unused high bits); bound it loosely
        assertThat(accepted).isLessThan(good.length * 8 / 2);
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
                .hasMessage("corrupt SERVQUAL state: alpha sums of PERCEPTION in EMPATHY are impossible for 6 respondents "
                        + "on scale 1..5");
        // sums inside their bounds whose summed score varies more than k·Σ item variances allow: alpha > 1
        ServqualAccumulator tooHigh = sample();
        long[] sums = tooHigh.alphaSums[p][0];
        sums[4 * 3] += 40; // ΣT² (the item sums are unchanged)
        byte[] high = tooHigh.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(high)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: alpha sums of PERCEPTION in EMPATHY are impossible for 6 respondents "
                        + "on scale 1..5");
        ServqualAccumulator count = sample();
        count.alphaN[4][0] = 7; // GAP: more complete respondents than there are
        byte[] counted = count.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(counted)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: alpha sums of GAP in EMPATHY: count 7 exceeds 6");
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
                .hasMessage("corrupt SERVQUAL state: the mean gap of item 1 counts 7 values, more than the 6 possible");
        ServqualAccumulator weight = sample();
        MeanAccumulator share = new MeanAccumulator();
        for (int i = 0; i < 6; i++) {
            share.add(0.5);
        }
        weight.importance[0] = share; // the only dimension's shares must average 1
        byte[] w = weight.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: the mean importance shares sum to 0.5, not 1");
        ServqualAccumulator weighted = sample();
        MeanAccumulator heavy = new MeanAccumulator();
        heavy.add(1, 2.0);
        weighted.itemPerception[1] = heavy;
        byte[] h = weighted.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: the mean perception of item 2 has weights other than 1");
        ServqualAccumulator spread = sample();
        // three values with mean 0 and M2 = Σ(x − mean)² = 1000: a valid mean state, but a variance
        // of 500 that no three values in ±4 have (at most (8²/4)·3/2 = 24)
        byte[] m = new MeanAccumulator().toByteArray();
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putLong(6, 3).putDouble(14, 3).putDouble(22, 3)
                .putDouble(30, 0).putDouble(38, 1000);
        spread.itemMss[2] = MeanAccumulator.fromByteArray(m);
        byte[] v = spread.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt SERVQUAL state: the variance of the mean MSS of item 3 is 500.0, above the bound 24.0");
    }

    @Test
    void headerFieldsAreChecked() {
        byte[] good = sample().toByteArray();
        int k = 3;
        assertThat(reject(good, 0, (byte) 0)).isEqualTo("not a cxmetrics SERVQUAL state: bad magic number");
        assertThat(reject(good, 4, (byte) 2))
                .isEqualTo("unsupported SERVQUAL state format version 2, this library reads version 1");
        assertThat(reject(good, 5, (byte) 1)).isEqualTo("corrupt SERVQUAL state: unknown flags 0x1");
        assertThat(reject(good, 10, (byte) 9)).isEqualTo("corrupt SERVQUAL state: dimension id 9 for item 1");
        assertThat(reject(good, 26 + k, (byte) 4)).isEqualTo("corrupt SERVQUAL state: measure count 4, must be 5");
        assertThat(reject(good, 27 + k + 1, (byte) 0))
                .isEqualTo("corrupt SERVQUAL state: measure id 0 at position 1 is unknown or repeated");
        assertThat(reject(good, 27 + k + 5, (byte) 2)).isEqualTo("corrupt SERVQUAL state: dimension count 2, the items use 1");
        assertThat(reject(good, 28 + k + 5, (byte) 3))
                .isEqualTo("corrupt SERVQUAL state: dimension block 0 (id 3, 3 items) does not match the items");
        byte[] negative = good.clone();
        negative[18 + k + 7] = (byte) 0x80;
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(negative)).hasMessageStartingWith(
                "corrupt SERVQUAL state: negative respondent count");
        // scale min = Integer.MIN_VALUE would make Respondent.MISSING a rating
        byte[] low = good.clone();
        ByteBuffer.wrap(low).order(ByteOrder.LITTLE_ENDIAN).putInt(10 + k, Integer.MIN_VALUE)
                .putInt(14 + k, Integer.MIN_VALUE + 4);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(low)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: scale -2147483648..-2147483644 contains Respondent.MISSING");
        byte[] items = good.clone();
        ByteBuffer.wrap(items).order(ByteOrder.LITTLE_ENDIAN).putInt(6, 1001);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(items)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt SERVQUAL state: item count 1001, must be in 1..1000");
    }

    private static String reject(byte[] good, int at, byte value) {
        byte[] bad = good.clone();
        bad[at] = value;
        try {
            ServqualAccumulator.fromByteArray(bad);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted a change of byte " + at);
    }
}
