package io.github.cxmetrics.servqual;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.Scale;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Collects SERVQUAL respondents into mergeable sums; {@link #snapshot()} gives the
 * {@link ServqualReport}. Mutable and not thread-safe.
 *
 * <p>Every answer is checked against the scale and the instrument's item count, and importance
 * points against the instrument's dimensions, before anything changes: a rejected respondent or
 * merge leaves the accumulator exactly as it was ({@link #toByteArray()} gives the same bytes).
 * The state is fixed-size for an instrument: per item and per dimension a handful of mean
 * accumulators (Welford, merged by Chan et al.; see {@link MeanAccumulator}), and for Cronbach's
 * alpha, per measure and dimension, exact integer sums held in 128 bits: the count of complete
 * respondents, {@code Σx} and {@code Σx²} per item and {@code ΣT²} of the summed score {@code T},
 * where {@code x} is an answer minus the scale minimum (a gap {@code P − E} for
 * {@link Measure#GAP}). Alpha is invariant under that shift; the sums cannot overflow for any
 * respondent count up to {@code Long.MAX_VALUE}. Merging is therefore exact for the counts and
 * the alpha sums, and agrees with one pass to rounding for the means.
 *
 * <p>Importance points (see {@link Respondent#withImportance(double...)}) must give 0 points to
 * the dimensions the instrument does not use; {@link #add(Respondent)} rejects any other
 * allocation. Each respondent's points are divided by their own total (100 ± 0.5), so her weights
 * are shares that sum to 1 over the instrument's dimensions.
 *
 * <h2>Binary form</h2>
 * {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of the cxmetrics state
 * format ({@link Mergeable}: magic, family id, format version, flags, payload length, payload,
 * CRC-32C) with family id 16 ({@link #FAMILY}, "servqual"), format version 1 and flags 0. With
 * {@code k} items, {@code D} dimensions used by the instrument (the dimension <i>blocks</i>, in
 * ascending dimension id), {@code k_d} items in dimension block {@code d} and {@code M = 5}
 * measures, the payload is, little-endian:
 * <pre>{@code
 * offset          size        field
 * 0               4           k, the item count (int32, 1..1000)
 * 4               k           dimension id of items 1..k (uint8, 0..4, see below)
 * 4+k             4           scale min (int32)
 * 8+k             4           scale max (int32, min < max, at most 1024 points); the scale must
 *                             not contain Respondent.MISSING
 * 12+k            8           N, the respondents (int64, >= 0)
 * 20+k            1           M, the measure count (uint8, 5)
 * 21+k            M           measure ids in the order of the alpha blocks (uint8): 0, 1, 2, 3, 4
 * 21+k+M          1           D, the dimension count (uint8, 1..5, the number of ids used by the items)
 * 22+k+M          5·D         per dimension block: its id (uint8, strictly ascending) and k_d (int32,
 *                             the number of items with that id, >= 1)
 * H = 22+k+M+5D   56·5k       per item 1..k, five mean states: P − E, E, P, P − adequate, P − desired
 * H+280k          56·8D       per dimension block, eight mean states over respondents' dimension
 *                             means: P − E, E, P, P − adequate, P − desired, adequate, desired,
 *                             importance share (points / the respondent's total)
 * H+280k+448D     56          mean state of the per-respondent weighted score
 * A = H+280k+448D+56  8·M·(3D+4k)  alpha sums, per measure (header order) and dimension block:
 *                             n (int64), then per item of the block in ascending item order
 *                             Σx and Σx² (int128 each: low int64, then high int64, two's
 *                             complement), then ΣT² (int128)
 * }</pre>
 * Each mean state is a whole frame of the "mean" family ({@link MeanAccumulator#writeTo(ByteBuffer)},
 * {@link MeanAccumulator#BYTES} = 56 bytes, with its own CRC), nested in this payload. The payload
 * length is {@code 22 + k + M + 5D + 56·(5k + 8D + 1) + 8·M·(3D + 4k)} bytes; the reader computes
 * it from the item count and the dimension ids and checks it against the payload before it
 * allocates anything beyond those {@code k} ids. Dimension ids: 0 {@code TANGIBLES}, 1
 * {@code RELIABILITY}, 2 {@code RESPONSIVENESS}, 3 {@code ASSURANCE}, 4 {@code EMPATHY}. Measure
 * ids: 0 {@code EXPECTATION}, 1 {@code PERCEPTION}, 2 {@code ADEQUATE_SERVICE}, 3
 * {@code DESIRED_SERVICE}, 4 {@code GAP}. Ids are fixed constants of the format, independent of
 * the enums' order or size. The form is canonical: every field has one allowed encoding, so every
 * state read back writes the same bytes.
 *
 * @since 0.1.0
 */
public final class ServqualAccumulator implements Mergeable<ServqualAccumulator> {

    /** Format version written by {@link #writeTo(ByteBuffer)}. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The state family: id 16, "servqual", format version 1.
     *
     * @since 0.2.0
     */
    public static final StateFamily<ServqualAccumulator> FAMILY = StateFamily.define(16, "servqual",
            ServqualAccumulator.class, FORMAT_VERSION, ServqualAccumulator::fromByteBuffer);

    private static final String NAME = "servqual";
    /** The dimension of each format id; the index is the id. */
    private static final Dimension[] DIMENSION_BY_ID = {Dimension.TANGIBLES, Dimension.RELIABILITY,
        Dimension.RESPONSIVENESS, Dimension.ASSURANCE, Dimension.EMPATHY};
    /** The measure of each format id; the index is the id, and the order of the alpha blocks written. */
    static final Measure[] MEASURE_BY_ID = {Measure.EXPECTATION, Measure.PERCEPTION, Measure.ADEQUATE_SERVICE,
        Measure.DESIRED_SERVICE, Measure.GAP};
    static final int MEASURES = MEASURE_BY_ID.length;
    private static final int MEAN_BYTES = MeanAccumulator.BYTES;
    private static final int ITEM_MEANS = 5;
    private static final int DIMENSION_MEANS = 8;
    /** Unit roundoff {@code 2⁻⁵³}. */
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    final Instrument instrument;
    final Scale scale;
    final Dimension[] dims;     // the instrument's dimensions, ascending id: the dimension blocks
    final int[][] itemsOf;      // by block
    long respondents;
    // per item
    final MeanAccumulator[] itemGap;
    final MeanAccumulator[] itemExpectation;
    final MeanAccumulator[] itemPerception;
    final MeanAccumulator[] itemMsa;
    final MeanAccumulator[] itemMss;
    // per dimension block, respondent-level means
    final MeanAccumulator[] dimGap;
    final MeanAccumulator[] dimExpectation;
    final MeanAccumulator[] dimPerception;
    final MeanAccumulator[] dimMsa;
    final MeanAccumulator[] dimMss;
    final MeanAccumulator[] dimAdequate;
    final MeanAccumulator[] dimDesired;
    final MeanAccumulator[] importance;
    final MeanAccumulator perRespondentWeighted;
    // Cronbach's alpha per measure id and block: complete respondents; 128-bit sums
    // (lo, hi pairs): Σx_i at [4i], Σx_i² at [4i + 2], ΣT² at [4k]
    final long[][] alphaN;
    final long[][][] alphaSums;

    /**
     * An empty accumulator.
     *
     * @param instrument the instrument the respondents answered
     * @param scale the rating scale of every answer
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the scale contains {@link Respondent#MISSING}
     *     ({@code Integer.MIN_VALUE}), which could not then be told from a rating
     */
    public ServqualAccumulator(Instrument instrument, Scale scale) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.scale = checkScale(scale);
        int n = instrument.items();
        dims = instrument.dimensions().toArray(new Dimension[0]);
        int blocks = dims.length;
        itemsOf = new int[blocks][];
        for (int d = 0; d < blocks; d++) {
            itemsOf[d] = instrument.items(dims[d]);
        }
        itemGap = accumulators(n);
        itemExpectation = accumulators(n);
        itemPerception = accumulators(n);
        itemMsa = accumulators(n);
        itemMss = accumulators(n);
        dimGap = accumulators(blocks);
        dimExpectation = accumulators(blocks);
        dimPerception = accumulators(blocks);
        dimMsa = accumulators(blocks);
        dimMss = accumulators(blocks);
        dimAdequate = accumulators(blocks);
        dimDesired = accumulators(blocks);
        importance = accumulators(blocks);
        perRespondentWeighted = new MeanAccumulator();
        alphaN = new long[MEASURES][blocks];
        alphaSums = new long[MEASURES][blocks][];
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < blocks; d++) {
                alphaSums[m][d] = new long[4 * itemsOf[d].length + 2];
            }
        }
    }

    /** The scale, if an accumulator accepts it (see the constructor). */
    static Scale checkScale(Scale scale) {
        Objects.requireNonNull(scale, "scale");
        if (scale.contains(Respondent.MISSING)) {
            throw new IllegalArgumentException("scale " + scale + " contains Respondent.MISSING (" + Respondent.MISSING
                    + "), the marker of an unanswered item; use a scale above Integer.MIN_VALUE");
        }
        return scale;
    }

    private static MeanAccumulator[] accumulators(int n) {
        MeanAccumulator[] a = new MeanAccumulator[n];
        for (int i = 0; i < n; i++) {
            a[i] = new MeanAccumulator();
        }
        return a;
    }

    /**
     * Adds a respondent.
     *
     * @param respondent the answers
     * @throws NullPointerException if {@code respondent} is null
     * @throws IllegalArgumentException if the respondent's item count differs from the instrument's,
     *     an answer is neither {@link Respondent#MISSING} nor on the scale (the message names the
     *     measure, the value and the item), or importance points are given to a dimension the
     *     instrument does not use; nothing changes then
     * @throws ArithmeticException if the respondent count would exceed {@code Long.MAX_VALUE};
     *     nothing changes then
     */
    public void add(Respondent respondent) {
        Objects.requireNonNull(respondent, "respondent");
        int items = instrument.items();
        if (respondent.items() != items) {
            throw new IllegalArgumentException("respondent has " + respondent.items() + " items, the instrument "
                    + items);
        }
        for (int m = 0; m < 4; m++) {
            Measure measure = MEASURE_BY_ID[m];
            int[] answers = respondent.answers(measure);
            if (answers == null) {
                continue;
            }
            for (int i = 0; i < items; i++) {
                int v = answers[i];
                if (v != Respondent.MISSING && !scale.contains(v)) {
                    throw new IllegalArgumentException(measure.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + " " + v + " for item " + (i + 1) + " is outside scale " + scale);
                }
            }
        }
        double[] points = respondent.importance();
        double total = 0.0;
        if (points != null) {
            List<Dimension> used = instrument.dimensions();
            for (int id = 0; id < DIMENSION_BY_ID.length; id++) {
                double p = points[DIMENSION_BY_ID[id].ordinal()];
                if (p != 0.0 && !used.contains(DIMENSION_BY_ID[id])) {
                    throw new IllegalArgumentException("importance points " + p + " for " + DIMENSION_BY_ID[id]
                            + ", a dimension the instrument does not use (its dimensions are " + used
                            + "); give such dimensions 0 points");
                }
                total += p;
            }
        }
        if (respondents == Long.MAX_VALUE) {
            throw new ArithmeticException("respondent count overflow: " + respondents + " + 1 exceeds Long.MAX_VALUE");
        }
        // validated: from here on nothing throws (every count is <= respondents < Long.MAX_VALUE)
        respondents++;
        int[] e = respondent.answers(Measure.EXPECTATION);
        int[] p = respondent.answers(Measure.PERCEPTION);
        int[] lo = respondent.answers(Measure.ADEQUATE_SERVICE);
        int[] hi = respondent.answers(Measure.DESIRED_SERVICE);
        for (int i = 0; i < items; i++) {
            if (e[i] != Respondent.MISSING) {
                itemExpectation[i].add(e[i]);
            }
            if (p[i] != Respondent.MISSING) {
                itemPerception[i].add(p[i]);
                if (e[i] != Respondent.MISSING) {
                    itemGap[i].add((double) p[i] - e[i]);
                }
                if (lo != null && lo[i] != Respondent.MISSING) {
                    itemMsa[i].add((double) p[i] - lo[i]);
                }
                if (hi != null && hi[i] != Respondent.MISSING) {
                    itemMss[i].add((double) p[i] - hi[i]);
                }
            }
        }
        double weighted = 0.0;
        boolean complete = points != null;
        int min = scale.min();
        for (int d = 0; d < dims.length; d++) {
            int[] of = itemsOf[d];
            double gap = meanOver(of, p, e, true);
            addIfPresent(dimGap[d], gap);
            addIfPresent(dimPerception[d], meanOver(of, p, null, false));
            addIfPresent(dimExpectation[d], meanOver(of, e, null, false));
            if (lo != null) {
                addIfPresent(dimMsa[d], meanOver(of, p, lo, true));
                addIfPresent(dimMss[d], meanOver(of, p, hi, true));
                addIfPresent(dimAdequate[d], meanOver(of, lo, null, false));
                addIfPresent(dimDesired[d], meanOver(of, hi, null, false));
            }
            if (points != null) {
                double share = points[dims[d].ordinal()] / total;
                importance[d].add(share);
                if (Double.isNaN(gap)) {
                    complete = false;
                } else {
                    weighted += share * gap;
                }
            }
            for (int m = 0; m < MEASURES; m++) {
                if (MEASURE_BY_ID[m] == Measure.GAP) {
                    if (answeredAll(of, p) && answeredAll(of, e)) {
                        addAlpha(m, d, of, p, e, 0);
                    }
                } else {
                    int[] answers = respondent.answers(MEASURE_BY_ID[m]);
                    if (answers != null && answeredAll(of, answers)) {
                        addAlpha(m, d, of, answers, null, min);
                    }
                }
            }
        }
        if (complete) {
            perRespondentWeighted.add(weighted);
        }
    }

    /** One respondent's alpha values x = a − y (GAP) or a − min, for block d of measure m. */
    private void addAlpha(int m, int d, int[] of, int[] a, int[] y, int min) {
        alphaN[m][d]++;
        long[] sums = alphaSums[m][d];
        long t = 0;
        for (int i = 0; i < of.length; i++) {
            long x = (long) a[of[i] - 1] - (y == null ? min : y[of[i] - 1]); // |x| <= 1023
            add128(sums, 4 * i, x);
            add128(sums, 4 * i + 2, x * x);
            t += x;
        }
        add128(sums, 4 * of.length, t * t); // |t| <= 1000·1023, t² < 2^40
    }

    /** Adds the signed 64-bit {@code v} to the 128-bit two's complement number at {@code a[at]} (low), {@code a[at + 1]}. */
    static void add128(long[] a, int at, long v) {
        long low = a[at] + v;
        long carry = Long.compareUnsigned(low, a[at]) < 0 ? 1 : 0;
        a[at] = low;
        a[at + 1] += (v >> 63) + carry;
    }

    /** Adds the 128-bit number {@code (lo, hi)}. */
    private static void add128(long[] a, int at, long lo, long hi) {
        long low = a[at] + lo;
        long carry = Long.compareUnsigned(low, a[at]) < 0 ? 1 : 0;
        a[at] = low;
        a[at + 1] += hi + carry;
    }

    /** The 128-bit number at {@code a[at]} (low), {@code a[at + 1]} (high). */
    static BigInteger big(long[] a, int at) {
        return BigInteger.valueOf(a[at + 1]).shiftLeft(64).add(BigInteger.valueOf(a[at] >>> 1).shiftLeft(1))
                .add(BigInteger.valueOf(a[at] & 1));
    }

    /** Mean over the items of {@code x − y} (difference) or of {@code x} where answered; NaN if none. */
    private static double meanOver(int[] items, int[] x, int[] y, boolean difference) {
        double s = 0.0;
        int n = 0;
        for (int item : items) {
            int a = x[item - 1];
            if (a == Respondent.MISSING) {
                continue;
            }
            if (difference) {
                int b = y[item - 1];
                if (b == Respondent.MISSING) {
                    continue;
                }
                s += (double) a - b;
            } else {
                s += a;
            }
            n++;
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static boolean answeredAll(int[] items, int[] answers) {
        for (int item : items) {
            if (answers[item - 1] == Respondent.MISSING) {
                return false;
            }
        }
        return true;
    }

    private static void addIfPresent(MeanAccumulator acc, double v) {
        if (!Double.isNaN(v)) {
            acc.add(v);
        }
    }

    /**
     * Merges another accumulator of the same instrument and scale into this one.
     *
     * @param other the accumulator to merge; unchanged (it may be this accumulator)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the instruments or scales differ; nothing changes then
     * @throws ArithmeticException if the respondent count would exceed {@code Long.MAX_VALUE};
     *     nothing changes then
     */
    @Override
    public ServqualAccumulator merge(ServqualAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!instrument.equals(other.instrument) || !scale.equals(other.scale)) {
            throw new IllegalArgumentException("cannot merge: " + instrument + " on " + scale + " vs "
                    + other.instrument + " on " + other.scale);
        }
        if (respondents > Long.MAX_VALUE - other.respondents) {
            throw new ArithmeticException("respondent count overflow: " + respondents + " + " + other.respondents
                    + " exceeds Long.MAX_VALUE");
        }
        // validated: every count is <= its accumulator's respondents, so no merge below overflows;
        // copy other's state first so that merging an accumulator into itself is safe
        ServqualAccumulator o = other == this ? fromByteArray(other.toByteArray()) : other;
        respondents += o.respondents;
        mergeAll(itemGap, o.itemGap);
        mergeAll(itemExpectation, o.itemExpectation);
        mergeAll(itemPerception, o.itemPerception);
        mergeAll(itemMsa, o.itemMsa);
        mergeAll(itemMss, o.itemMss);
        mergeAll(dimGap, o.dimGap);
        mergeAll(dimExpectation, o.dimExpectation);
        mergeAll(dimPerception, o.dimPerception);
        mergeAll(dimMsa, o.dimMsa);
        mergeAll(dimMss, o.dimMss);
        mergeAll(dimAdequate, o.dimAdequate);
        mergeAll(dimDesired, o.dimDesired);
        mergeAll(importance, o.importance);
        perRespondentWeighted.merge(o.perRespondentWeighted);
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < dims.length; d++) {
                alphaN[m][d] += o.alphaN[m][d];
                long[] into = alphaSums[m][d];
                long[] from = o.alphaSums[m][d];
                for (int i = 0; i < into.length; i += 2) {
                    add128(into, i, from[i], from[i + 1]);
                }
            }
        }
        return this;
    }

    private static void mergeAll(MeanAccumulator[] into, MeanAccumulator[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i].merge(from[i]);
        }
    }

    /**
     * The number of respondents added.
     *
     * @return the count
     */
    public long respondents() {
        return respondents;
    }

    /**
     * The report of everything added so far.
     *
     * @return an immutable report
     */
    public ServqualReport snapshot() {
        return new ServqualReport(this);
    }

    /** The exact payload length of the binary form; see the class documentation. */
    private static long payloadLength(int items, int blocks) {
        return 22L + items + MEASURES + 5L * blocks
                + (long) MEAN_BYTES * (ITEM_MEANS * items + DIMENSION_MEANS * blocks + 1)
                + 8L * MEASURES * (3L * blocks + 4L * items);
    }

    private static int id(Dimension d) {
        for (int id = 0; id < DIMENSION_BY_ID.length; id++) {
            if (DIMENSION_BY_ID[id] == d) {
                return id;
            }
        }
        throw new AssertionError(d);
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is. Made through the binary form (about 13 KB for the 22-item
     * instrument).
     *
     * @return the copy
     */
    @Override
    public ServqualAccumulator copy() {
        return fromByteArray(toByteArray());
    }

    /**
     * The family of this state, {@link #FAMILY}.
     *
     * @return {@link #FAMILY}
     * @since 0.2.0
     */
    @Override
    public StateFamily<ServqualAccumulator> family() {
        return FAMILY;
    }

    /**
     * The size of the binary form: {@code 16 + 22 + k + 5 + 5D + 56·(5k + 8D + 1) + 40·(3D + 4k)}
     * bytes for {@code k} items in {@code D} dimensions (the frame's 16 bytes and the payload of the
     * class documentation); 12 666 bytes for {@link Instrument#servqual22()}. It depends only on the
     * instrument, not on the respondents.
     *
     * @return the size in bytes
     * @since 0.2.0
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(payloadLength(instrument.items(), dims.length));
    }

    /**
     * Writes the binary form (the layout is the table in the class documentation) at the buffer's
     * position and moves the position past it.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining, in any byte
     *     order (it is not changed)
     * @throws NullPointerException if {@code target} is null
     * @throws java.nio.BufferOverflowException if fewer bytes remain; nothing is written then
     * @throws java.nio.ReadOnlyBufferException if the buffer is read-only
     * @since 0.2.0
     */
    @Override
    public void writeTo(ByteBuffer target) {
        int items = instrument.items();
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0,
                (int) payloadLength(items, dims.length));
        w.i32(items);
        for (int i = 1; i <= items; i++) {
            w.u8(id(instrument.dimensionOf(i)));
        }
        w.i32(scale.min()).i32(scale.max()).i64(respondents).u8(MEASURES);
        for (int m = 0; m < MEASURES; m++) {
            w.u8(m);
        }
        w.u8(dims.length);
        for (int d = 0; d < dims.length; d++) {
            w.u8(id(dims[d])).i32(itemsOf[d].length);
        }
        for (MeanAccumulator a : means()) {
            a.writeTo(w.buffer());
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < dims.length; d++) {
                w.i64(alphaN[m][d]);
                for (long v : alphaSums[m][d]) {
                    w.i64(v);
                }
            }
        }
        w.finish();
    }

    /**
     * The binary form as a new array of {@link #serializedSize()} bytes; the layout is the table in
     * the class documentation.
     *
     * @return a new array
     */
    @Override
    public byte[] toByteArray() {
        return Mergeable.super.toByteArray();
    }

    /** The mean states in the order of the binary form. */
    private MeanAccumulator[] means() {
        int items = instrument.items();
        MeanAccumulator[] all = new MeanAccumulator[ITEM_MEANS * items + DIMENSION_MEANS * dims.length + 1];
        int k = 0;
        for (int i = 0; i < items; i++) {
            for (MeanAccumulator[] group : new MeanAccumulator[][] {itemGap, itemExpectation, itemPerception, itemMsa,
                itemMss}) {
                all[k++] = group[i];
            }
        }
        for (int d = 0; d < dims.length; d++) {
            for (MeanAccumulator[] group : new MeanAccumulator[][] {dimGap, dimExpectation, dimPerception, dimMsa,
                dimMss, dimAdequate, dimDesired, importance}) {
                all[k++] = group[d];
            }
        }
        all[k] = perRespondentWeighted;
        return all;
    }

    /** The name of mean state {@code j} of {@link #means()}, for messages. */
    private String meanName(int j) {
        int items = instrument.items();
        if (j < ITEM_MEANS * items) {
            String[] what = {"gap", "expectation", "perception", "MSA", "MSS"};
            return "mean " + what[j % ITEM_MEANS] + " of item " + (j / ITEM_MEANS + 1);
        }
        int d = (j - ITEM_MEANS * items) / DIMENSION_MEANS;
        if (d < dims.length) {
            String[] what = {"gap", "expectation", "perception", "MSA", "MSS", "adequate service", "desired service",
                "importance share"};
            return "mean " + what[(j - ITEM_MEANS * items) % DIMENSION_MEANS] + " of " + dims[d];
        }
        return "mean per-respondent weighted score";
    }

    private static IllegalArgumentException corrupt(String what) {
        return new IllegalArgumentException("corrupt " + NAME + " state: " + what);
    }

    /**
     * Reads the binary form of {@link #toByteArray()}; the array must hold exactly one state. See
     * {@link #fromByteBuffer(ByteBuffer)} for what is checked.
     *
     * @param bytes the binary form
     * @return a new accumulator
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt, of another family or of an
     *     unknown version, or if bytes follow the state
     */
    public static ServqualAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it (on failure it does
     * not move). It checks the frame (length, magic, family, version, CRC-32C) and the flags; then
     * the item count and the {@code k} dimension ids (each 0..4), and, before it allocates anything
     * beyond those ids, the exact payload length they imply; then the scale, the respondent count,
     * the measure ids and the dimension blocks (exactly the ids the items use, ascending, each with
     * its item count, at least 1), every embedded mean state (a whole frame of its own) and these
     * invariants: every count is at most the respondent count, a gap count at most its perception
     * and expectation counts; every mean has unit weights and lies in its documented range (answers
     * on the scale, gaps within ±(max − min), importance shares in [0, 1] summing to 1 over the
     * dimensions), a mean of one value is exactly the state of one value ({@code M2 = 0}) and every
     * other variance is within the range's bound (Popoviciu); the alpha sums are those of some data
     * on the scale (bounded, {@code n·Σx² ≥ (Σx)²}, and {@code s²_T ≤ k·Σ s²_i}, so that alpha ≤ 1).
     * The tolerances of the floating-point checks grow with the count as the rounding of the running
     * means does ({@code 1e-9 + 8·n·2⁻⁵³} relative), so every state that {@code add} and
     * {@code merge} build reads back.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt, of another family or of an
     *     unknown version
     * @since 0.2.0
     */
    public static ServqualAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, 16, NAME, FORMAT_VERSION);
        in.requireFlags(0);
        int items = in.i32("the item count");
        if (items < 1 || items > 1000) {
            throw in.corrupt("item count " + items + ", must be in 1..1000");
        }
        in.require(items, "the dimension ids of " + items + " items");
        int[] dimensionOfItem = new int[items]; // at most 4 bytes per byte of input
        int[] perDimension = new int[DIMENSION_BY_ID.length];
        for (int i = 0; i < items; i++) {
            int d = in.u8("the dimension ids");
            if (d >= DIMENSION_BY_ID.length) {
                throw in.corrupt("dimension id " + d + " for item " + (i + 1) + ", the ids are 0..4");
            }
            dimensionOfItem[i] = d;
            perDimension[d]++;
        }
        int blocks = 0;
        StringBuilder counts = new StringBuilder();
        for (int d = 0; d < perDimension.length; d++) {
            if (perDimension[d] > 0) {
                blocks++;
                counts.append(counts.length() == 0 ? "" : ", ").append(DIMENSION_BY_ID[d]).append(' ')
                        .append(perDimension[d]);
            }
        }
        long expected = payloadLength(items, blocks);
        long actual = 4L + items + in.remaining();
        if (actual != expected) {
            throw in.corrupt(items + " items (" + counts + ") need a payload of " + expected + " bytes, had "
                    + actual);
        }
        // the length is right: everything below is bounded by a constant times the input's size
        int min = in.i32("the scale minimum");
        int max = in.i32("the scale maximum");
        Scale scale;
        try {
            scale = Scale.of(min, max);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
        if (scale.contains(Respondent.MISSING)) {
            throw in.corrupt("scale " + scale + " contains Respondent.MISSING");
        }
        long respondents = in.i64("the respondent count");
        if (respondents < 0) {
            throw in.corrupt("negative respondent count " + respondents);
        }
        int m0 = in.u8("the measure count");
        if (m0 != MEASURES) {
            throw in.corrupt("measure count " + m0 + ", must be " + MEASURES);
        }
        for (int m = 0; m < MEASURES; m++) {
            int id = in.u8("the measure ids");
            if (id != m) {
                throw in.corrupt("measure id " + id + " at position " + m + ", the ids are 0..4 in ascending order");
            }
        }
        int d0 = in.u8("the dimension count");
        if (d0 != blocks) {
            throw in.corrupt("dimension count " + d0 + ", the items use " + blocks);
        }
        int previous = -1;
        for (int b = 0; b < blocks; b++) {
            int id = in.u8("the dimension blocks");
            int k = in.i32("the dimension blocks");
            if (id <= previous || id >= DIMENSION_BY_ID.length || perDimension[id] == 0 || perDimension[id] != k) {
                throw in.corrupt("dimension block " + b + " (id " + id + ", " + k + " items) does not match the items");
            }
            previous = id;
        }
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        for (int d = 0; d < DIMENSION_BY_ID.length; d++) {
            if (perDimension[d] > 0) {
                int[] list = new int[perDimension[d]];
                int j = 0;
                for (int i = 0; i < items; i++) {
                    if (dimensionOfItem[i] == d) {
                        list[j++] = i + 1;
                    }
                }
                map.put(DIMENSION_BY_ID[d], list);
            }
        }
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.of(items, map), scale);
        acc.respondents = respondents;
        MeanAccumulator[] means = acc.means();
        for (int j = 0; j < means.length; j++) {
            MeanAccumulator state;
            try {
                state = MeanAccumulator.fromByteBuffer(in.buffer());
            } catch (IllegalArgumentException e) {
                throw in.corrupt("the " + acc.meanName(j) + " is not a valid mean state: " + e.getMessage());
            }
            means[j].merge(state); // into an empty accumulator: an exact copy
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < blocks; d++) {
                acc.alphaN[m][d] = in.i64("the alpha sums");
                long[] sums = acc.alphaSums[m][d];
                for (int i = 0; i < sums.length; i++) {
                    sums[i] = in.i64("the alpha sums");
                }
            }
        }
        acc.checkInvariants();
        in.finish();
        return acc;
    }
    /** The content checks of {@link #fromByteBuffer(ByteBuffer)}. */
    private void checkInvariants() {
        double range = (double) scale.max() - scale.min();
        double lo = scale.min();
        double hi = scale.max();
        String onScale = "scale " + scale;
        String gapRange = "±" + (long) range + " (scale " + scale + ")";
        for (int i = 0; i < instrument.items(); i++) {
            String item = " of item " + (i + 1);
            checkMean(itemExpectation[i], "mean expectation" + item, lo, hi, onScale, respondents);
            checkMean(itemPerception[i], "mean perception" + item, lo, hi, onScale, respondents);
            long paired = Math.min(itemExpectation[i].count(), itemPerception[i].count());
            checkMean(itemGap[i], "mean gap" + item, -range, range, gapRange, paired);
            checkMean(itemMsa[i], "mean MSA" + item, -range, range, gapRange, itemPerception[i].count());
            checkMean(itemMss[i], "mean MSS" + item, -range, range, gapRange, itemPerception[i].count());
        }
        long withPoints = importance[0].count();
        double shares = 0.0;
        for (int d = 0; d < dims.length; d++) {
            String of = " of " + dims[d];
            checkMean(dimExpectation[d], "mean expectation" + of, lo, hi, onScale, respondents);
            checkMean(dimPerception[d], "mean perception" + of, lo, hi, onScale, respondents);
            checkMean(dimAdequate[d], "mean adequate service" + of, lo, hi, onScale, respondents);
            checkMean(dimDesired[d], "mean desired service" + of, lo, hi, onScale, respondents);
            checkMean(dimGap[d], "mean gap" + of, -range, range, gapRange,
                    Math.min(dimExpectation[d].count(), dimPerception[d].count()));
            checkMean(dimMsa[d], "mean MSA" + of, -range, range, gapRange,
                    Math.min(dimAdequate[d].count(), dimPerception[d].count()));
            checkMean(dimMss[d], "mean MSS" + of, -range, range, gapRange,
                    Math.min(dimDesired[d].count(), dimPerception[d].count()));
            checkMean(importance[d], "mean importance share" + of, 0.0, 1.0, "[0, 1]", respondents);
            if (importance[d].count() != withPoints) {
                throw corrupt("importance counts differ between dimensions");
            }
            shares += withPoints == 0 ? 0.0 : importance[d].snapshot().mean();
        }
        if (withPoints > 0 && Math.abs(shares - 1.0) > tolerance(withPoints)) {
            throw corrupt("the mean importance shares sum to " + shares + ", not 1");
        }
        checkMean(perRespondentWeighted, "mean per-respondent weighted score", -range, range, gapRange, withPoints);
        BigInteger r = BigInteger.valueOf(scale.max()).subtract(BigInteger.valueOf(scale.min()));
        for (int m = 0; m < MEASURES; m++) {
            Measure measure = MEASURE_BY_ID[m];
            for (int d = 0; d < dims.length; d++) {
                long n = alphaN[m][d];
                long limit = measure == Measure.GAP ? Math.min(alphaN[0][d], alphaN[1][d]) : respondents;
                String what = "alpha sums of " + measure + " in " + dims[d];
                if (n < 0 || n > limit) {
                    throw corrupt(what + ": count " + n + " exceeds " + limit);
                }
                if (!alphaSumsPossible(alphaSums[m][d], n, itemsOf[d].length, r, measure == Measure.GAP)) {
                    throw corrupt(what + " are impossible for " + n + " respondents on scale " + scale);
                }
            }
        }
    }

    /** Whether the 128-bit sums could come from n respondents' values in [0, r] (or [−r, r] for gaps). */
    private static boolean alphaSumsPossible(long[] sums, long count, int k, BigInteger r, boolean signed) {
        BigInteger n = BigInteger.valueOf(count);
        BigInteger sumBound = n.multiply(r);
        BigInteger squareBound = sumBound.multiply(r);
        BigInteger total = BigInteger.ZERO;
        BigInteger itemPrecursors = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            BigInteger s1 = big(sums, 4 * i);
            BigInteger s2 = big(sums, 4 * i + 2);
            if (s1.abs().compareTo(sumBound) > 0 || !signed && s1.signum() < 0
                    || s2.signum() < 0 || s2.compareTo(squareBound) > 0) {
                return false;
            }
            BigInteger precursor = n.multiply(s2).subtract(s1.multiply(s1)); // n·Σ(x − x̄)²
            if (precursor.signum() < 0) {
                return false;
            }
            itemPrecursors = itemPrecursors.add(precursor);
            total = total.add(s1);
        }
        BigInteger t2 = big(sums, 4 * k);
        BigInteger kk = BigInteger.valueOf(k);
        if (t2.signum() < 0 || t2.compareTo(squareBound.multiply(kk).multiply(kk)) > 0) {
            return false;
        }
        BigInteger totalPrecursor = n.multiply(t2).subtract(total.multiply(total));
        // Cauchy–Schwarz on the deviations: 0 <= n·Σ(T − T̄)² <= k·Σ_i n·Σ(x_i − x̄_i)²
        return totalPrecursor.signum() >= 0 && totalPrecursor.compareTo(kk.multiply(itemPrecursors)) <= 0;
    }

    /** Unit-weight count at most {@code maxCount}, mean in [lo, hi], variance within the range's bound. */
    private static void checkMean(MeanAccumulator acc, String what, double lo, double hi, String allowed,
            long maxCount) {
        MeanSummary s = acc.snapshot();
        long n = s.count();
        if (n > maxCount) {
            throw corrupt("the " + what + " counts " + n + " values, more than the " + maxCount + " possible");
        }
        if (n == 0) {
            return;
        }
        double slack = 1e-9 * n;
        if (Math.abs(s.totalWeight() - n) > slack || Math.abs(s.effectiveSize() - n) > slack) {
            throw corrupt("the " + what + " has weights other than 1");
        }
        double relative = tolerance(n);
        double tolerance = relative * Math.max(1.0, Math.max(Math.abs(lo), Math.abs(hi)));
        double mean = s.mean();
        if (!(mean >= lo - tolerance && mean <= hi + tolerance)) {
            throw corrupt("the " + what + " is " + mean + ", outside " + allowed);
        }
        if (n == 1) {
            // one value of weight 1 has exactly one state: Σw = Σw² = 1, M2 = 0 (which the mean family
            // alone does not require), so a doubled copy of it must have no spread either
            MeanAccumulator one = new MeanAccumulator();
            one.add(mean);
            if (!Arrays.equals(one.toByteArray(), acc.toByteArray())) {
                throw corrupt("the " + what + " holds one value, but not as the state of one value of weight 1 "
                        + "(Σw = Σw² = 1, M2 = 0)");
            }
        } else {
            // Popoviciu: a population variance is at most (hi − lo)²/4
            double bound = (hi - lo) * (hi - lo) / 4.0 * n / (n - 1);
            if (s.variance() > bound * (1.0 + relative) + 1e-12) {
                throw corrupt("the variance of the " + what + " is " + s.variance() + ", above the bound " + bound);
            }
        }
    }

    /**
     * The relative tolerance of the floating-point checks for {@code n} values: the rounding of a
     * running mean over n values is at most about {@code n·2⁻⁵³} relative (each update's rounding is
     * carried forward, damped by {@code (j − 1)/j}), so a state that {@code add} and {@code merge}
     * built is never rejected.
     */
    private static double tolerance(long n) {
        return 1e-9 + 8.0 * n * UNIT_ROUNDOFF;
    }

    MeanSummary[] snapshot(MeanAccumulator[] group) {
        MeanSummary[] out = new MeanSummary[group.length];
        for (int i = 0; i < group.length; i++) {
            out[i] = group[i].snapshot();
        }
        return out;
    }

}
