package io.github.cxmetrics.servqual;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Scale;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Collects SERVQUAL respondents into mergeable sums; {@link #snapshot()} gives the
 * {@link ServqualReport}. Mutable and not thread-safe.
 *
 * <p>Every answer is checked against the scale and the instrument's item count before anything
 * changes: a rejected respondent leaves the accumulator exactly as it was. The state is fixed-size
 * for an instrument: per item and per dimension a handful of weighted-mean accumulators (Welford,
 * merged by Chan et al.; see {@link MeanAccumulator}), and for Cronbach's alpha exact integer sums
 * of answers and of their pairwise products. Merging is therefore exact for the alpha sums and the
 * counts, and agrees with one pass to rounding for the means.
 *
 * @since 0.1.0
 */
public final class ServqualAccumulator {

    private static final int MAGIC = 0x51535843; // "CXSQ" little-endian
    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;
    static final int DIMS = Dimension.values().length;
    static final int MEASURES = Measure.values().length;
    private static final Measure[] MEASURE_VALUES = Measure.values();

    final Instrument instrument;
    final Scale scale;
    private final Dimension[] dimensions; // the instrument's, cached for the hot path
    private final int[][] itemsOf;         // by dimension ordinal
    long respondents;
    // per item
    final MeanAccumulator[] itemGap;
    final MeanAccumulator[] itemExpectation;
    final MeanAccumulator[] itemPerception;
    final MeanAccumulator[] itemMsa;
    final MeanAccumulator[] itemMss;
    // per dimension, respondent-level means
    final MeanAccumulator[] dimGap;
    final MeanAccumulator[] dimExpectation;
    final MeanAccumulator[] dimPerception;
    final MeanAccumulator[] dimMsa;
    final MeanAccumulator[] dimMss;
    final MeanAccumulator[] dimAdequate;
    final MeanAccumulator[] dimDesired;
    final MeanAccumulator[] importance;
    final MeanAccumulator perRespondentWeighted;
    // Cronbach's alpha per measure and dimension: complete respondents, Σx_i, Σx_i·x_j
    final long[][] alphaN;
    final long[][][] alphaSum;
    final long[][][] alphaCross;

    /**
     * An empty accumulator.
     *
     * @param instrument the instrument the respondents answered
     * @param scale the rating scale of every answer
     * @throws NullPointerException if an argument is null
     */
    public ServqualAccumulator(Instrument instrument, Scale scale) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.scale = Objects.requireNonNull(scale, "scale");
        int n = instrument.items();
        dimensions = instrument.dimensions().toArray(new Dimension[0]);
        itemsOf = new int[DIMS][];
        for (Dimension d : Dimension.values()) {
            itemsOf[d.ordinal()] = instrument.items(d);
        }
        itemGap = accumulators(n);
        itemExpectation = accumulators(n);
        itemPerception = accumulators(n);
        itemMsa = accumulators(n);
        itemMss = accumulators(n);
        dimGap = accumulators(DIMS);
        dimExpectation = accumulators(DIMS);
        dimPerception = accumulators(DIMS);
        dimMsa = accumulators(DIMS);
        dimMss = accumulators(DIMS);
        dimAdequate = accumulators(DIMS);
        dimDesired = accumulators(DIMS);
        importance = accumulators(DIMS);
        perRespondentWeighted = new MeanAccumulator();
        alphaN = new long[MEASURES][DIMS];
        alphaSum = new long[MEASURES][DIMS][];
        alphaCross = new long[MEASURES][DIMS][];
        for (int m = 0; m < MEASURES; m++) {
            for (Dimension d : Dimension.values()) {
                int k = instrument.items(d).length;
                alphaSum[m][d.ordinal()] = new long[k];
                alphaCross[m][d.ordinal()] = new long[k * k];
            }
        }
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
     * @throws IllegalArgumentException if the respondent's item count differs from the instrument's or
     *     an answer is neither {@link Respondent#MISSING} nor on the scale (the message names the
     *     measure, the value and the item); nothing changes then
     */
    public void add(Respondent respondent) {
        Objects.requireNonNull(respondent, "respondent");
        int items = instrument.items();
        if (respondent.items() != items) {
            throw new IllegalArgumentException("respondent has " + respondent.items() + " items, the instrument "
                    + items);
        }
        for (Measure m : MEASURE_VALUES) {
            int[] answers = respondent.answers(m);
            if (answers == null) {
                continue;
            }
            for (int i = 0; i < items; i++) {
                int v = answers[i];
                if (v != Respondent.MISSING && !scale.contains(v)) {
                    throw new IllegalArgumentException(m.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + " " + v + " for item " + (i + 1) + " is outside scale " + scale);
                }
            }
        }
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
                    itemGap[i].add(p[i] - e[i]);
                }
                if (lo != null && lo[i] != Respondent.MISSING) {
                    itemMsa[i].add(p[i] - lo[i]);
                }
                if (hi != null && hi[i] != Respondent.MISSING) {
                    itemMss[i].add(p[i] - hi[i]);
                }
            }
        }
        double[] points = respondent.importance();
        double weighted = 0.0;
        boolean complete = points != null;
        for (Dimension d : dimensions) {
            int k = d.ordinal();
            int[] of = itemsOf[k];
            double gap = meanOver(of, p, e, 1);
            addIfPresent(dimGap[k], gap);
            addIfPresent(dimPerception[k], meanOver(of, p, null, 0));
            addIfPresent(dimExpectation[k], meanOver(of, e, null, 0));
            if (lo != null) {
                addIfPresent(dimMsa[k], meanOver(of, p, lo, 1));
                addIfPresent(dimMss[k], meanOver(of, p, hi, 1));
                addIfPresent(dimAdequate[k], meanOver(of, lo, null, 0));
                addIfPresent(dimDesired[k], meanOver(of, hi, null, 0));
            }
            if (points != null) {
                if (Double.isNaN(gap)) {
                    complete = false;
                } else {
                    weighted += points[k] / 100.0 * gap;
                }
            }
            for (Measure m : MEASURE_VALUES) {
                int[] answers = respondent.answers(m);
                if (answers == null || !answeredAll(of, answers)) {
                    continue;
                }
                int mi = m.ordinal();
                alphaN[mi][k]++;
                long[] sum = alphaSum[mi][k];
                long[] cross = alphaCross[mi][k];
                for (int a = 0; a < of.length; a++) {
                    long xa = answers[of[a] - 1];
                    sum[a] += xa;
                    for (int b = 0; b < of.length; b++) {
                        cross[a * of.length + b] += xa * answers[of[b] - 1];
                    }
                }
            }
        }
        if (points != null) {
            for (int k = 0; k < DIMS; k++) {
                importance[k].add(points[k]);
            }
            if (complete) {
                perRespondentWeighted.add(weighted);
            }
        }
    }

    /** Mean over the items of {@code x − y} (sign 1) or of {@code x} (sign 0) where answered; NaN if none. */
    private static double meanOver(int[] items, int[] x, int[] y, int sign) {
        double s = 0.0;
        int n = 0;
        for (int item : items) {
            int a = x[item - 1];
            if (a == Respondent.MISSING) {
                continue;
            }
            if (sign == 1) {
                int b = y[item - 1];
                if (b == Respondent.MISSING) {
                    continue;
                }
                s += a - b;
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
     * @param other the accumulator to merge; unchanged
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the instruments or scales differ; nothing changes then
     */
    public ServqualAccumulator merge(ServqualAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!instrument.equals(other.instrument) || !scale.equals(other.scale)) {
            throw new IllegalArgumentException("cannot merge: " + instrument + " on " + scale + " vs "
                    + other.instrument + " on " + other.scale);
        }
        // copy other's state first so that merging an accumulator into itself is safe
        ServqualAccumulator o = other == this ? fromByteArray(other.toByteArray()) : other;
        respondents = Math.addExact(respondents, o.respondents);
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
            for (int d = 0; d < DIMS; d++) {
                alphaN[m][d] += o.alphaN[m][d];
                for (int i = 0; i < alphaSum[m][d].length; i++) {
                    alphaSum[m][d][i] += o.alphaSum[m][d][i];
                }
                for (int i = 0; i < alphaCross[m][d].length; i++) {
                    alphaCross[m][d][i] += o.alphaCross[m][d][i];
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

    /**
     * The binary form, little-endian: magic "CXSQ", version 1 (1 byte), item count (int32), the
     * dimension ordinal of each item (1 byte each), scale min and max (int32), respondents (int64),
     * then the 46-byte forms of the mean accumulators in a fixed order (items × 5, dimensions × 8,
     * then one), then the alpha sums (int64) per measure and dimension: count, Σx per item, Σx·x per
     * item pair.
     *
     * @return a new array
     */
    public byte[] toByteArray() {
        int items = instrument.items();
        int meanCount = items * 5 + DIMS * 8 + 1;
        int alphaLongs = 0;
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < DIMS; d++) {
                alphaLongs += 1 + alphaSum[m][d].length + alphaCross[m][d].length;
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(4 + 1 + 4 + items + 8 + 8 + meanCount * 46 + alphaLongs * 8)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).put((byte) FORMAT_VERSION).putInt(items);
        for (int i = 1; i <= items; i++) {
            buf.put((byte) instrument.dimensionOf(i).ordinal());
        }
        buf.putInt(scale.min()).putInt(scale.max()).putLong(respondents);
        for (MeanAccumulator a : means()) {
            buf.put(a.toByteArray());
        }
        for (int m = 0; m < MEASURES; m++) {
            for (int d = 0; d < DIMS; d++) {
                buf.putLong(alphaN[m][d]);
                for (long v : alphaSum[m][d]) {
                    buf.putLong(v);
                }
                for (long v : alphaCross[m][d]) {
                    buf.putLong(v);
                }
            }
        }
        return buf.array();
    }

    private MeanAccumulator[] means() {
        int items = instrument.items();
        MeanAccumulator[] all = new MeanAccumulator[items * 5 + DIMS * 8 + 1];
        int k = 0;
        for (MeanAccumulator[] group : new MeanAccumulator[][] {itemGap, itemExpectation, itemPerception, itemMsa,
            itemMss, dimGap, dimExpectation, dimPerception, dimMsa, dimMss, dimAdequate, dimDesired, importance}) {
            for (MeanAccumulator a : group) {
                all[k++] = a;
            }
        }
        all[k] = perRespondentWeighted;
        return all;
    }

    /**
     * Reads the binary form of {@link #toByteArray()}, validating length, magic, version, instrument,
     * scale and every embedded state.
     *
     * @param bytes the binary form
     * @return a new accumulator
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     */
    public static ServqualAccumulator fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (buf.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a cxmetrics SERVQUAL state: bad magic number");
            }
            int version = Byte.toUnsignedInt(buf.get());
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException("unsupported SERVQUAL state version " + version);
            }
            int items = buf.getInt();
            if (items < 1 || items > 1000 || items > buf.remaining()) {
                throw new IllegalArgumentException("corrupt SERVQUAL state: item count " + items);
            }
            java.util.Map<Dimension, java.util.List<Integer>> map = new java.util.EnumMap<>(Dimension.class);
            for (int i = 1; i <= items; i++) {
                int d = Byte.toUnsignedInt(buf.get());
                if (d >= DIMS) {
                    throw new IllegalArgumentException("corrupt SERVQUAL state: dimension " + d + " for item " + i);
                }
                map.computeIfAbsent(Dimension.values()[d], x -> new java.util.ArrayList<>()).add(i);
            }
            java.util.Map<Dimension, int[]> arrays = new java.util.EnumMap<>(Dimension.class);
            map.forEach((d, list) -> arrays.put(d, list.stream().mapToInt(Integer::intValue).toArray()));
            Instrument instrument = Instrument.of(items, arrays);
            int min = buf.getInt();
            int max = buf.getInt();
            Scale scale = Scale.of(min, max);
            ServqualAccumulator acc = new ServqualAccumulator(instrument, scale);
            acc.respondents = buf.getLong();
            if (acc.respondents < 0) {
                throw new IllegalArgumentException("corrupt SERVQUAL state: negative respondent count");
            }
            MeanAccumulator[] means = acc.means();
            byte[] chunk = new byte[46];
            for (MeanAccumulator a : means) {
                buf.get(chunk);
                MeanAccumulator read = MeanAccumulator.fromByteArray(chunk);
                if (read.count() > acc.respondents) {
                    throw new IllegalArgumentException("corrupt SERVQUAL state: a mean counts more than the respondents");
                }
                a.merge(read);
            }
            for (int m = 0; m < MEASURES; m++) {
                for (int d = 0; d < DIMS; d++) {
                    long n = buf.getLong();
                    if (n < 0 || n > acc.respondents) {
                        throw new IllegalArgumentException("corrupt SERVQUAL state: alpha count " + n);
                    }
                    acc.alphaN[m][d] = n;
                    for (int i = 0; i < acc.alphaSum[m][d].length; i++) {
                        acc.alphaSum[m][d][i] = buf.getLong();
                    }
                    for (int i = 0; i < acc.alphaCross[m][d].length; i++) {
                        acc.alphaCross[m][d][i] = buf.getLong();
                    }
                }
            }
            if (buf.hasRemaining()) {
                throw new IllegalArgumentException("corrupt SERVQUAL state: " + buf.remaining() + " trailing bytes");
            }
            return acc;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated SERVQUAL state (" + bytes.length + " bytes)", e);
        }
    }

    MeanSummary[] snapshot(MeanAccumulator[] group) {
        MeanSummary[] out = new MeanSummary[group.length];
        for (int i = 0; i < group.length; i++) {
            out[i] = group[i].snapshot();
        }
        return out;
    }
}
