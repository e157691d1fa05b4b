package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;

/**
 * A mutable, mergeable accumulator of right-censored lifetimes; {@link #snapshot()} gives their
 * {@link KaplanMeier} curve.
 *
 * <p><b>State.</b> Per distinct duration the number of observed events and the number of
 * censorings, as exact {@code long} counts — everything the product-limit estimate
 * {@code S(t) = Π_{t_i ≤ t} (1 − d_i/n_i)} and Greenwood's variance need, since the number at risk
 * {@code n_i} is the count of subjects at durations {@code >= t_i}. The state grows with the number
 * of distinct durations, not with the number of subjects: a million subjects whose durations are
 * whole days of a year are at most 366 entries. Durations are held in an open-addressing hash table
 * (the raw bits of the duration → the two counts), sorted only by {@link #snapshot()} and the
 * binary form; −0.0 is the same duration as 0.0.
 *
 * <p><b>Merging.</b> Counts add, so merging is exactly associative and commutative, and
 * {@link #snapshot()} is <i>equal</i> ({@link KaplanMeier#equals(Object)}, every bit) to
 * {@link KaplanMeier#fit(double[], boolean[])} on all the subjects added, in any order and however
 * they were split and merged: both go through one construction from the sorted distinct durations
 * and their counts. For the same reason the binary form of a state depends only on the data, never
 * on the order of additions and merges.
 *
 * <p><b>Validation.</b> Durations must be finite and {@code >= 0}, as for {@code fit}: negative, NaN
 * and infinite durations get {@link IllegalArgumentException} naming the value (and its index in
 * {@link #addAll(double[], boolean[])}). A batch is validated whole before anything changes, so a
 * rejected {@code add}, {@code addAll} or {@code merge} leaves the accumulator exactly as it was. A
 * total count above {@code Long.MAX_VALUE}, or more than {@value #MAX_DISTINCT} distinct durations
 * (the most one state's binary form holds, and a table of about 3 GB), gets
 * {@link ArithmeticException}, also with nothing changed.
 *
 * <p><b>Empty.</b> An accumulator without subjects is a valid state (it merges and serialises), but
 * its curve is undefined: {@link #snapshot()} then throws {@link IllegalStateException}, where
 * {@code fit} rejects empty arrays with {@link IllegalArgumentException}.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of
 * the cxmetrics state format ({@link Mergeable}) with family id 3 ({@link #FAMILY}, "kaplan-meier"),
 * format version 1, flags 0 and this payload, little-endian:
 * <pre>{@code
 * offset      size  field
 * 0           4     k, the number of distinct durations (int32, 0 <= k <= 89 478 481);
 *                   the payload is exactly 4 + 24·k bytes
 * then for i = 0 .. k − 1, in strictly increasing duration:
 * 4 + 24·i    8     duration t_i (float64, finite, >= 0, never −0.0; t_i > t_(i−1))
 * 12 + 24·i   8     events at t_i (int64, >= 0)
 * 20 + 24·i   8     censored at t_i (int64, >= 0; events + censored >= 1)
 * }</pre>
 * and the sum of all events and censorings is at most {@code Long.MAX_VALUE}. A reader rejects
 * anything else, so every accepted state writes back identical bytes. The empty state is a 4-byte
 * payload (k = 0), 20 bytes in all; each distinct duration adds 24.
 *
 * <p>Not thread-safe: confine an accumulator to one thread, or give each thread its own and merge.
 *
 * @since 0.2.0
 */
public final class KaplanMeierAccumulator implements Mergeable<KaplanMeierAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 3, "kaplan-meier". */
    public static final StateFamily<KaplanMeierAccumulator> FAMILY = StateFamily.define(3, "kaplan-meier",
            KaplanMeierAccumulator.class, FORMAT_VERSION, KaplanMeierAccumulator::fromByteBuffer);

    private static final String NAME = "kaplan-meier";
    private static final int ENTRY_BYTES = 24;

    /**
     * The most distinct durations a state holds, {@value}: the largest {@code k} whose payload,
     * {@code 4 + 24·k} bytes, fits the state format.
     */
    public static final int MAX_DISTINCT = (StateFrame.MAX_PAYLOAD - 4) / ENTRY_BYTES;

    /** Marks a free slot: the bits of a negative NaN, never those of a valid duration. */
    private static final long FREE = -1L;
    private static final int MIN_CAPACITY = 16;

    /** The limit on distinct durations: {@link #MAX_DISTINCT}, lower only in tests. */
    private final int maxDistinct;
    /** Raw bits of each slot's duration (non-negative), or {@link #FREE}. */
    private long[] keys;
    /** Per slot {@code s}: events at {@code 2s}, censorings at {@code 2s + 1}. */
    private long[] counts;
    /** {@code 64 − log2(capacity)}: the hash is the top bits of a multiplicative mix. */
    private int shift;
    private int size;
    private long count;

    /** An empty accumulator. */
    public KaplanMeierAccumulator() {
        this(MAX_DISTINCT);
    }

    /** An empty accumulator holding at most {@code maxDistinct} distinct durations (for tests). */
    KaplanMeierAccumulator(int maxDistinct) {
        this.maxDistinct = maxDistinct;
        allocate(MIN_CAPACITY);
    }

    /**
     * A collector of subjects into their {@link KaplanMeier} curve, for {@code stream.collect(…)} and
     * {@code groupingBy}; on parallel streams the partial accumulators are merged, and the result
     * equals {@link KaplanMeier#fit(double[], boolean[])} on the same subjects either way.
     *
     * @param <T> the type of the stream elements (subjects)
     * @param duration the time of a subject to its event or censoring, finite and {@code >= 0}
     * @param observed whether the event of a subject was observed at its duration ({@code false}:
     *     censored then)
     * @return the collector; it throws {@link IllegalStateException} for an empty stream (see
     *     {@link #snapshot()}) and {@link IllegalArgumentException} for a negative, NaN or infinite
     *     duration
     * @throws NullPointerException if an argument is null
     */
    public static <T> Collector<T, KaplanMeierAccumulator, KaplanMeier> collector(
            ToDoubleFunction<? super T> duration, Predicate<? super T> observed) {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(observed, "observed");
        return Collector.of(KaplanMeierAccumulator::new,
                (acc, t) -> acc.add(duration.applyAsDouble(t), observed.test(t)),
                KaplanMeierAccumulator::merge,
                KaplanMeierAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Adds one subject.
     *
     * @param duration its time to the event or to censoring, finite and {@code >= 0}, in any time
     *     unit (the same for all subjects); −0.0 counts as 0.0
     * @param observed {@code true} if the event was observed at {@code duration}, {@code false} if
     *     the subject was censored then
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite; nothing changes
     *     then
     * @throws ArithmeticException if the count, or the number of distinct durations, would exceed its
     *     limit (see the class description); nothing changes then
     */
    public void add(double duration, boolean observed) {
        if (!validDuration(duration)) {
            throw new IllegalArgumentException("duration " + duration + " must be finite and >= 0");
        }
        if (count == Long.MAX_VALUE) {
            throw new ArithmeticException("count overflow: " + count + " + 1 exceeds Long.MAX_VALUE");
        }
        long bits = Double.doubleToRawLongBits(duration + 0.0); // + 0.0 turns −0.0 into 0.0
        if (size == maxDistinct && find(bits) < 0) {
            throw tooManyDistinct(1);
        }
        increment(bits, observed ? 1 : 0, observed ? 0 : 1);
        count++;
    }

    /**
     * Adds subjects given as two arrays, as {@link KaplanMeier#fit(double[], boolean[])} takes them.
     * The whole batch is validated before anything is added.
     *
     * @param durations each subject's time to the event or to censoring, finite and {@code >= 0}
     * @param observed per subject, whether the event was observed at its duration
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or a duration is negative, NaN
     *     or infinite (the message names the value and its index); nothing is added then
     * @throws ArithmeticException if the count, or the number of distinct durations, would exceed its
     *     limit; nothing is added then
     */
    public void addAll(double[] durations, boolean[] observed) {
        KaplanMeier.checkSubjects(durations, observed);
        int n = durations.length;
        if (count > Long.MAX_VALUE - n) {
            throw new ArithmeticException("count overflow: " + count + " + " + n + " exceeds Long.MAX_VALUE");
        }
        if ((long) size + n > maxDistinct) {
            long[] bits = new long[n];
            for (int i = 0; i < n; i++) {
                bits[i] = Double.doubleToRawLongBits(durations[i] + 0.0);
            }
            int fresh = countNew(bits, n);
            if (size + fresh > maxDistinct) {
                throw tooManyDistinct(fresh);
            }
        }
        for (int i = 0; i < n; i++) {
            boolean e = observed[i];
            increment(Double.doubleToRawLongBits(durations[i] + 0.0), e ? 1 : 0, e ? 0 : 1);
        }
        count += n;
    }

    /**
     * Merges another accumulator into this one: the counts at each duration add.
     *
     * @param other the accumulator to merge in; unchanged (it may be this accumulator, whose
     *     subjects are then counted twice)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws ArithmeticException if the count, or the number of distinct durations, would exceed its
     *     limit; nothing changes then
     */
    @Override
    public KaplanMeierAccumulator merge(KaplanMeierAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (count > Long.MAX_VALUE - other.count) {
            throw new ArithmeticException("count overflow: " + count + " + " + other.count
                    + " exceeds Long.MAX_VALUE");
        }
        if (other == this) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] *= 2; // each is at most count <= Long.MAX_VALUE / 2
            }
            count *= 2;
            return this;
        }
        if ((long) size + other.size > maxDistinct) {
            long[] bits = new long[other.size];
            int j = 0;
            for (long key : other.keys) {
                if (key != FREE) {
                    bits[j++] = key;
                }
            }
            int fresh = countNew(bits, j);
            if (size + fresh > maxDistinct) {
                throw tooManyDistinct(fresh);
            }
        }
        long[] theirKeys = other.keys;
        long[] theirCounts = other.counts;
        for (int s = 0; s < theirKeys.length; s++) {
            if (theirKeys[s] != FREE) {
                increment(theirKeys[s], theirCounts[2 * s], theirCounts[2 * s + 1]);
            }
        }
        count += other.count;
        return this;
    }

    /**
     * The number of subjects added.
     *
     * @return the count, {@code >= 0}
     */
    public long count() {
        return count;
    }

    /**
     * The number of distinct durations among the subjects: the size of the state.
     *
     * @return the number, {@code 0..}{@value #MAX_DISTINCT}
     */
    public int distinctDurations() {
        return size;
    }

    /**
     * The Kaplan–Meier curve of every subject added: equal to
     * {@link KaplanMeier#fit(double[], boolean[])} on the same subjects in any order.
     *
     * @return the curve
     * @throws IllegalStateException if no subject was added ("Kaplan–Meier curve of an empty sample
     *     is undefined")
     */
    public KaplanMeier snapshot() {
        if (count == 0) {
            throw new IllegalStateException("Kaplan–Meier curve of an empty sample is undefined");
        }
        long[] sorted = sortedKeys();
        int k = sorted.length;
        double[] times = new double[k];
        long[] events = new long[k];
        long[] censored = new long[k];
        for (int i = 0; i < k; i++) {
            int s = find(sorted[i]);
            times[i] = Double.longBitsToDouble(sorted[i]);
            events[i] = counts[2 * s];
            censored[i] = counts[2 * s + 1];
        }
        return KaplanMeier.ofDistinct(times, events, censored, k);
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public KaplanMeierAccumulator copy() {
        KaplanMeierAccumulator c = new KaplanMeierAccumulator(maxDistinct);
        c.keys = keys.clone();
        c.counts = counts.clone();
        c.shift = shift;
        c.size = size;
        c.count = count;
        return c;
    }

    @Override
    public StateFamily<KaplanMeierAccumulator> family() {
        return FAMILY;
    }

    /**
     * The size of the binary form: {@code 20 + 24·}{@link #distinctDurations()} bytes (see the class
     * description); every state fits the format.
     *
     * @return the size in bytes
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(payloadSize(size));
    }

    /**
     * Writes the binary form documented on the class: the distinct durations in increasing order,
     * each with its events and censorings.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     */
    @Override
    public void writeTo(ByteBuffer target) {
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0, (int) payloadSize(size));
        long[] sorted = sortedKeys();
        w.i32(sorted.length);
        for (long bits : sorted) {
            int s = find(bits);
            w.f64(Double.longBitsToDouble(bits)).i64(counts[2 * s]).i64(counts[2 * s + 1]);
        }
        w.finish();
    }

    /**
     * The binary form of {@link #writeTo(ByteBuffer)} as a new array of {@link #serializedSize()}
     * bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] toByteArray() {
        return Mergeable.super.toByteArray();
    }

    /**
     * Reads the binary form of {@link #toByteArray()}; the array must hold exactly one state. See
     * {@link #fromByteBuffer(ByteBuffer)} for what is checked.
     *
     * @param bytes the binary form
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static KaplanMeierAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the
     * position does not move. Checks, in order, the frame (length, magic, family, version, CRC-32C),
     * the flags, that the payload is exactly {@code 4 + 24·k} bytes for its {@code k} (before
     * allocating for {@code k} entries), and then every entry: a finite duration {@code >= 0}, not
     * −0.0, greater than the one before, counts {@code >= 0} and not both 0, and a total count that
     * fits a {@code long}.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static KaplanMeierAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, FAMILY.id(), NAME, FORMAT_VERSION);
        in.requireFlags(0);
        int k = in.i32("the number of distinct durations");
        if (k < 0) {
            throw in.corrupt("negative number of distinct durations " + k);
        }
        if ((long) k * ENTRY_BYTES != in.remaining()) {
            throw in.corrupt("a count of " + k + " distinct durations needs " + (long) k * ENTRY_BYTES
                    + " bytes after it, the payload has " + in.remaining());
        }
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.allocate(capacityFor(k));
        double previous = Double.NaN;
        long total = 0;
        for (int i = 0; i < k; i++) {
            double t = in.f64("duration");
            long events = in.i64("events");
            long censored = in.i64("censored");
            if (!validDuration(t)) {
                throw in.corrupt("duration " + t + " at entry " + i + " is not finite and >= 0");
            }
            if (Double.doubleToRawLongBits(t) == Double.doubleToRawLongBits(-0.0)) {
                throw in.corrupt("duration -0.0 at entry " + i + " is not canonical (0.0 is)");
            }
            if (i > 0 && !(t > previous)) {
                throw in.corrupt("durations must be strictly increasing, but entry " + i + " is " + t
                        + " after " + previous);
            }
            if (events < 0 || censored < 0) {
                throw in.corrupt("negative count at entry " + i + " (duration " + t + "): events " + events
                        + ", censored " + censored);
            }
            if (events == 0 && censored == 0) {
                throw in.corrupt("entry " + i + " (duration " + t + ") has no events and no censorings");
            }
            if (events > Long.MAX_VALUE - censored || total > Long.MAX_VALUE - events - censored) {
                throw in.corrupt("total count overflows Long.MAX_VALUE at entry " + i + " (duration " + t + ")");
            }
            total += events + censored;
            acc.insertNew(Double.doubleToRawLongBits(t), events, censored);
            previous = t;
        }
        acc.count = total;
        in.finish();
        return acc;
    }

    /**
     * A readable summary of the state.
     *
     * @return e.g. {@code KaplanMeierAccumulator[n=11, events=7, distinctDurations=10]}
     */
    @Override
    public String toString() {
        long events = 0;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != FREE) {
                events += counts[2 * s];
            }
        }
        return "KaplanMeierAccumulator[n=" + count + ", events=" + events + ", distinctDurations=" + size + "]";
    }

    // ---- the hash table ----

    private static boolean validDuration(double d) {
        return d >= 0.0 && d < Double.POSITIVE_INFINITY;
    }

    private static long payloadSize(int distinct) {
        return 4 + (long) ENTRY_BYTES * distinct;
    }

    private ArithmeticException tooManyDistinct(int fresh) {
        return new ArithmeticException("count overflow: " + size + " distinct durations + " + fresh
                + " new exceed " + maxDistinct + ", the most a state holds");
    }

    /** The smallest power-of-two capacity, at least 16, that holds {@code n} keys at a load of at most 3/4. */
    private static int capacityFor(int n) {
        int capacity = MIN_CAPACITY;
        while (capacity - (capacity >>> 2) < n) {
            capacity <<= 1;
        }
        return capacity;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        counts = new long[2 * capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        size = 0;
    }

    /** Fibonacci hashing: the top bits of the key times 2^64/φ (Knuth, TAOCP vol. 3, §6.4). */
    private int slot(long bits) {
        return (int) ((bits * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /** The slot holding {@code bits}, or −1. */
    private int find(long bits) {
        int mask = keys.length - 1;
        for (int s = slot(bits);; s = (s + 1) & mask) {
            long key = keys[s];
            if (key == bits) {
                return s;
            }
            if (key == FREE) {
                return -1;
            }
        }
    }

    /** Adds counts at a duration, inserting it if new; the caller has checked every limit. */
    private void increment(long bits, long events, long censored) {
        int mask = keys.length - 1;
        int s = slot(bits);
        while (true) {
            long key = keys[s];
            if (key == bits) {
                counts[2 * s] += events;
                counts[2 * s + 1] += censored;
                return;
            }
            if (key == FREE) {
                break;
            }
            s = (s + 1) & mask;
        }
        if (size + 1 > keys.length - (keys.length >>> 2)) {
            grow();
            insertNew(bits, events, censored);
            return;
        }
        keys[s] = bits;
        counts[2 * s] = events;
        counts[2 * s + 1] = censored;
        size++;
    }

    /** Inserts a duration known to be absent, into a table with room for it. */
    private void insertNew(long bits, long events, long censored) {
        int mask = keys.length - 1;
        int s = slot(bits);
        while (keys[s] != FREE) {
            s = (s + 1) & mask;
        }
        keys[s] = bits;
        counts[2 * s] = events;
        counts[2 * s + 1] = censored;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        allocate(2 * oldKeys.length);
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != FREE) {
                insertNew(oldKeys[s], oldCounts[2 * s], oldCounts[2 * s + 1]);
            }
        }
    }

    /** The keys in increasing order (for non-negative doubles, the order of their raw bits). */
    private long[] sortedKeys() {
        long[] sorted = new long[size];
        int j = 0;
        for (long key : keys) {
            if (key != FREE) {
                sorted[j++] = key;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** How many distinct values of {@code bits[0..n)} are not yet keys (sorts that part of the array). */
    private int countNew(long[] bits, int n) {
        Arrays.sort(bits, 0, n);
        int fresh = 0;
        for (int i = 0; i < n; i++) {
            if ((i == 0 || bits[i] != bits[i - 1]) && find(bits[i]) < 0) {
                fresh++;
            }
        }
        return fresh;
    }
}
