package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A mutable, mergeable accumulator of cohort-retention records; {@link #snapshot()} gives the
 * immutable {@link CohortTable}, equal to {@link CohortTable#of(int[], int[], int)} on the same
 * records in any order and however they were split across accumulators.
 *
 * <p>A record is one customer: its cohort (the period it was acquired in, {@code 0..lastPeriod}) and
 * its number of active periods ({@code 1..lastPeriod − cohort + 1}), as in {@link CohortTable}.
 * {@link #add(int, int, long)} adds any number of identical customers at once.
 *
 * <p><b>State.</b> The accumulator keeps one count per distinct (cohort, activePeriods) cell — never
 * the records — in an open-addressing hash table (linear probing) of {@code long} keys
 * {@code cohort·2³² + activePeriods} and {@code long} counts, whose capacity is a power of two kept
 * at least twice the number of cells (at least 16 slots). Memory is therefore
 * {@code O(distinct cells)}, at most {@code min(customers, (L + 1)(L + 2)/2)} cells for
 * {@code L = lastPeriod}, at 16 bytes per slot: 32 to 64 bytes per cell, plus a constant. An empty
 * accumulator holds 256 bytes of slots whatever {@code lastPeriod} is. The cells number at most
 * {@value #MAX_CELLS}, the most the binary form holds; the add or merge that would need more throws
 * {@link ArithmeticException} and changes nothing.
 *
 * <p><b>Merging.</b> Counts add exactly, so merge is associative and commutative, and splitting the
 * records anywhere, accumulating the parts and merging them gives a {@link #snapshot()} equal to one
 * pass, and the same bytes. Only accumulators of the same {@code lastPeriod} merge.
 *
 * <p><b>Validation.</b> A record outside the triangle gets {@link IllegalArgumentException} with the
 * messages of {@link CohortTable#of(int[], int[], int)} (e.g. {@code "activePeriods 3 at index 0 must
 * be in 1..2 for cohort 1"}); {@link #addAll(int[], int[])} validates the whole batch first. The total
 * number of customers is at most {@code Long.MAX_VALUE}: an add or merge beyond it throws
 * {@link ArithmeticException} ({@code "count overflow: …"}). A rejected call changes nothing.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of the
 * cxmetrics state format ({@link Mergeable}) with family id 4 ({@link #FAMILY}, "cohort"), format
 * version 1, flags 0 and this payload, little-endian:
 * <pre>{@code
 * offset     size  field
 * 0          4     lastPeriod (int32, 0..100000)
 * 4          4     m, the number of cells (int32, >= 0; the payload has exactly 8 + 16·m bytes)
 * 8 + 16·k   4     cell k: cohort (int32, 0..lastPeriod)
 * 12 + 16·k  4     cell k: activePeriods (int32, 1..lastPeriod − cohort + 1)
 * 16 + 16·k  8     cell k: customers (int64, >= 1)
 * }</pre>
 * Cells are in strictly ascending (cohort, activePeriods) order, cells without customers are left
 * out, and the customers sum to at most {@code Long.MAX_VALUE}; so every state has exactly one form,
 * and the reader rejects any payload that is not in it. An empty accumulator is 24 bytes.
 *
 * <p>Not thread-safe: confine an accumulator to one thread, or give each thread its own and merge.
 *
 * @since 0.2.0
 */
public final class CohortAccumulator implements Mergeable<CohortAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 4, "cohort". */
    public static final StateFamily<CohortAccumulator> FAMILY =
            StateFamily.define(4, "cohort", CohortAccumulator.class, FORMAT_VERSION, CohortAccumulator::fromByteBuffer);

    private static final String NAME = "cohort";
    private static final int HEADER_BYTES = 8;
    private static final int CELL_BYTES = 16;

    /** The most cells an accumulator holds: as many as fit the largest payload of the binary form. */
    public static final int MAX_CELLS = (StateFrame.MAX_PAYLOAD - HEADER_BYTES) / CELL_BYTES;

    private static final int MIN_CAPACITY = 16;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int lastPeriod;
    /** Cell keys {@code cohort << 32 | activePeriods}; 0 marks an empty slot (activePeriods >= 1). */
    private long[] keys;
    private long[] counts;
    /** {@code 64 − log2(capacity)}, for Fibonacci hashing. */
    private int shift;
    private int cells;
    private long customers;

    /**
     * An empty accumulator for a table observed up to {@code lastPeriod}.
     *
     * @param lastPeriod the index of the last observed period, in {@code 0..CohortTable.MAX_LAST_PERIOD}
     *     ({@value CohortTable#MAX_LAST_PERIOD})
     * @throws IllegalArgumentException if {@code lastPeriod} is out of range
     */
    public CohortAccumulator(int lastPeriod) {
        this(checkLastPeriod(lastPeriod), MIN_CAPACITY);
    }

    private CohortAccumulator(int lastPeriod, int capacity) {
        this.lastPeriod = lastPeriod;
        allocate(capacity);
    }

    private static int checkLastPeriod(int lastPeriod) {
        if (lastPeriod < 0 || lastPeriod > CohortTable.MAX_LAST_PERIOD) {
            throw new IllegalArgumentException("lastPeriod must be in 0.." + CohortTable.MAX_LAST_PERIOD + ", was "
                    + lastPeriod);
        }
        return lastPeriod;
    }

    /**
     * A collector of customers into a {@link CohortTable}, for {@code stream.collect(…)} and
     * {@code groupingBy}; it works on parallel streams (partial accumulators are merged, so the result
     * equals a sequential collection and {@link CohortTable#of(int[], int[], int)}).
     *
     * @param <T> the element type, one per customer
     * @param lastPeriod the index of the last observed period, in {@code 0..CohortTable.MAX_LAST_PERIOD}
     * @param cohort the cohort of an element, in {@code 0..lastPeriod}
     * @param activePeriods the number of active periods of an element, in
     *     {@code 1..lastPeriod − cohort + 1}
     * @return the collector
     * @throws NullPointerException if a function is null
     * @throws IllegalArgumentException if {@code lastPeriod} is out of range
     */
    public static <T> Collector<T, CohortAccumulator, CohortTable> collector(int lastPeriod,
            ToIntFunction<? super T> cohort, ToIntFunction<? super T> activePeriods) {
        checkLastPeriod(lastPeriod);
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(activePeriods, "activePeriods");
        return Collector.of(() -> new CohortAccumulator(lastPeriod),
                (acc, t) -> acc.add(cohort.applyAsInt(t), activePeriods.applyAsInt(t)),
                CohortAccumulator::merge,
                CohortAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The index of the last observed period.
     *
     * @return {@code lastPeriod}
     */
    public int lastPeriod() {
        return lastPeriod;
    }

    /**
     * The number of customers added.
     *
     * @return the count, {@code >= 0}
     */
    public long customers() {
        return customers;
    }

    /**
     * Adds one customer.
     *
     * @param cohort its cohort, in {@code 0..lastPeriod}
     * @param activePeriods its number of active periods, in {@code 1..lastPeriod − cohort + 1}
     * @throws IllegalArgumentException if the record is out of range; nothing changes then
     * @throws ArithmeticException if the number of customers or of cells would overflow; nothing
     *     changes then
     */
    public void add(int cohort, int activePeriods) {
        add(cohort, activePeriods, 1);
    }

    /**
     * Adds {@code customers} identical customers (none when it is 0, after validation).
     *
     * @param cohort their cohort, in {@code 0..lastPeriod}
     * @param activePeriods their number of active periods, in {@code 1..lastPeriod − cohort + 1}
     * @param customers how many, {@code >= 0}
     * @throws IllegalArgumentException if the record is out of range or {@code customers} negative;
     *     nothing changes then
     * @throws ArithmeticException if the number of customers or of cells would overflow; nothing
     *     changes then
     */
    public void add(int cohort, int activePeriods, long customers) {
        check(cohort, activePeriods, lastPeriod, -1);
        if (customers < 0) {
            throw new IllegalArgumentException("customers must be >= 0, was " + customers);
        }
        requireRoom(customers);
        if (customers == 0) {
            return;
        }
        long key = key(cohort, activePeriods);
        if (find(key) < 0 && cells == MAX_CELLS) {
            throw cellOverflow(1);
        }
        insert(key, customers);
        this.customers += customers;
    }

    /**
     * Adds one customer per index of the two arrays, after validating all of them.
     *
     * @param cohorts each customer's cohort, in {@code 0..lastPeriod}
     * @param activePeriods each customer's number of active periods, in {@code 1..lastPeriod − cohort + 1}
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or a record is out of range (the
     *     message names the value and its index); nothing is added then
     * @throws ArithmeticException if the number of customers or of cells would overflow; nothing is
     *     added then
     */
    public void addAll(int[] cohorts, int[] activePeriods) {
        Objects.requireNonNull(cohorts, "cohorts");
        Objects.requireNonNull(activePeriods, "activePeriods");
        if (cohorts.length != activePeriods.length) {
            throw new IllegalArgumentException("cohorts has " + cohorts.length + " records but activePeriods has "
                    + activePeriods.length);
        }
        for (int i = 0; i < cohorts.length; i++) {
            check(cohorts[i], activePeriods[i], lastPeriod, i);
        }
        requireRoom(cohorts.length);
        if ((long) cells + cohorts.length > MAX_CELLS) {
            int fresh = newCells(cohorts, activePeriods);
            if ((long) cells + fresh > MAX_CELLS) {
                throw cellOverflow(fresh);
            }
        }
        for (int i = 0; i < cohorts.length; i++) {
            insert(key(cohorts[i], activePeriods[i]), 1);
        }
        customers += cohorts.length;
    }

    /** The number of distinct cells of a batch that this accumulator does not hold yet (rarely needed). */
    private int newCells(int[] cohorts, int[] activePeriods) {
        long[] batch = new long[cohorts.length];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = key(cohorts[i], activePeriods[i]);
        }
        Arrays.sort(batch);
        int fresh = 0;
        for (int i = 0; i < batch.length; i++) {
            if ((i == 0 || batch[i] != batch[i - 1]) && find(batch[i]) < 0) {
                fresh++;
            }
        }
        return fresh;
    }

    /**
     * Merges another accumulator of the same {@code lastPeriod} into this one; {@code other} is
     * unchanged.
     *
     * @param other the accumulator to merge (may be {@code this}, which doubles every count)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the last periods differ; nothing changes then
     * @throws ArithmeticException if the number of customers or of cells would overflow; nothing
     *     changes then
     */
    @Override
    public CohortAccumulator merge(CohortAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other.lastPeriod != lastPeriod) {
            throw new IllegalArgumentException("cannot merge: lastPeriod " + lastPeriod + " vs " + other.lastPeriod);
        }
        requireRoom(other.customers);
        if (other == this) {
            for (int i = 0; i < keys.length; i++) {
                counts[i] *= 2;
            }
            customers *= 2;
            return this;
        }
        if ((long) cells + other.cells > MAX_CELLS) {
            int fresh = 0;
            for (int i = 0; i < other.keys.length; i++) {
                if (other.keys[i] != 0 && find(other.keys[i]) < 0) {
                    fresh++;
                }
            }
            if ((long) cells + fresh > MAX_CELLS) {
                throw cellOverflow(fresh);
            }
        }
        for (int i = 0; i < other.keys.length; i++) {
            if (other.keys[i] != 0) {
                insert(other.keys[i], other.counts[i]);
            }
        }
        customers += other.customers;
        return this;
    }

    /**
     * The immutable table of everything added so far, equal to {@link CohortTable#of(int[], int[], int)}
     * on the same records; an empty accumulator gives a table of {@code lastPeriod + 1} empty cohorts.
     * Takes {@code O(cells·log cells + lastPeriod)} time.
     *
     * @return the table
     */
    public CohortTable snapshot() {
        long[] sorted = sortedKeys();
        int[] cohorts = new int[sorted.length];
        int[] periods = new int[sorted.length];
        long[] customersPerCell = new long[sorted.length];
        for (int k = 0; k < sorted.length; k++) {
            cohorts[k] = (int) (sorted[k] >>> 32);
            periods[k] = (int) sorted[k];
            customersPerCell[k] = counts[find(sorted[k])];
        }
        return CohortTable.ofCells(lastPeriod, cohorts, periods, customersPerCell);
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public CohortAccumulator copy() {
        CohortAccumulator c = new CohortAccumulator(lastPeriod, MIN_CAPACITY);
        c.keys = keys.clone();
        c.counts = counts.clone();
        c.shift = shift;
        c.cells = cells;
        c.customers = customers;
        return c;
    }

    @Override
    public StateFamily<CohortAccumulator> family() {
        return FAMILY;
    }

    /**
     * The exact size of the binary form: {@code 16 + 8 + 16·cells} bytes.
     *
     * @return the size in bytes
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(HEADER_BYTES + (long) CELL_BYTES * cells);
    }

    /**
     * Writes the binary form documented on the class at the buffer's position.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     */
    @Override
    public void writeTo(ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        long[] sorted = sortedKeys();
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0,
                HEADER_BYTES + CELL_BYTES * sorted.length);
        w.i32(lastPeriod).i32(sorted.length);
        for (long key : sorted) {
            w.i32((int) (key >>> 32)).i32((int) key).i64(counts[find(key)]);
        }
        w.finish();
    }

    /**
     * The binary form of {@link #writeTo(ByteBuffer)} as a new array of {@link #serializedSize()} bytes.
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
    public static CohortAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the position
     * does not move. Checks, in order, the frame (length, magic, family, version, CRC-32C), the flags,
     * {@code lastPeriod}, that the cell count matches the payload length exactly (before allocating),
     * then every cell: cohort and active periods in range, at least one customer, strictly ascending
     * order, and a total that fits a {@code long}. Allocation is at most a constant times the input.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static CohortAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, FAMILY.id(), NAME, FORMAT_VERSION);
        in.requireFlags(0);
        int lastPeriod = in.i32("lastPeriod");
        if (lastPeriod < 0 || lastPeriod > CohortTable.MAX_LAST_PERIOD) {
            throw in.corrupt("lastPeriod " + lastPeriod + " is outside 0.." + CohortTable.MAX_LAST_PERIOD);
        }
        int m = in.i32("cell count");
        if (m < 0) {
            throw in.corrupt("cell count " + m + " is negative");
        }
        if ((long) CELL_BYTES * m != in.remaining()) {
            throw in.corrupt("a cell count of " + m + " needs " + (long) CELL_BYTES * m + " bytes of cells, the payload has "
                    + in.remaining());
        }
        CohortAccumulator acc = new CohortAccumulator(lastPeriod, capacityFor(m));
        long previous = 0;
        long total = 0;
        for (int k = 0; k < m; k++) {
            int cohort = in.i32("cohort");
            int activePeriods = in.i32("activePeriods");
            long n = in.i64("customers");
            if (cohort < 0 || cohort > lastPeriod) {
                throw in.corrupt("cell " + k + ": cohort " + cohort + " must be in 0.." + lastPeriod);
            }
            int observed = lastPeriod - cohort + 1;
            if (activePeriods < 1 || activePeriods > observed) {
                throw in.corrupt("cell " + k + ": activePeriods " + activePeriods + " must be in 1.." + observed
                        + " for cohort " + cohort);
            }
            if (n < 1) {
                throw in.corrupt("cell " + k + ": customers " + n + " must be >= 1 (cells without customers are "
                        + "left out)");
            }
            long key = key(cohort, activePeriods);
            if (key <= previous) {
                throw in.corrupt("cell " + k + " (" + cohort + ", " + activePeriods + ") does not follow ("
                        + (previous >>> 32) + ", " + (int) previous + "): cells must be in strictly ascending "
                        + "(cohort, activePeriods) order");
            }
            if (total > Long.MAX_VALUE - n) {
                throw in.corrupt("the customers of the cells sum to more than Long.MAX_VALUE");
            }
            total += n;
            previous = key;
            acc.insert(key, n);
        }
        acc.customers = total;
        in.finish();
        return acc;
    }

    /**
     * A readable summary, e.g. {@code CohortAccumulator[lastPeriod=2, customers=7, cells=6]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "CohortAccumulator[lastPeriod=" + lastPeriod + ", customers=" + customers + ", cells=" + cells + "]";
    }

    /** Validates a record with the messages of {@link CohortTable#of}; {@code index < 0}: no index. */
    static void check(int cohort, int activePeriods, int lastPeriod, int index) {
        String at = index < 0 ? "" : " at index " + index;
        if (cohort < 0 || cohort > lastPeriod) {
            throw new IllegalArgumentException("cohort " + cohort + at + " must be in 0.." + lastPeriod);
        }
        int observed = lastPeriod - cohort + 1;
        if (activePeriods < 1 || activePeriods > observed) {
            throw new IllegalArgumentException("activePeriods " + activePeriods + at + " must be in 1.." + observed
                    + " for cohort " + cohort);
        }
    }

    private void requireRoom(long more) {
        if (customers > Long.MAX_VALUE - more) {
            throw new ArithmeticException("count overflow: " + customers + " + " + more
                    + " customers exceeds Long.MAX_VALUE");
        }
    }

    private ArithmeticException cellOverflow(long more) {
        return new ArithmeticException("cell count overflow: " + cells + " + " + more
                + " distinct (cohort, activePeriods) cells exceeds " + MAX_CELLS + ", the most the binary form holds");
    }

    private static long key(int cohort, int activePeriods) {
        return (long) cohort << 32 | activePeriods;
    }

    /** The smallest power of two of at least {@code 2·cells} slots (and at least 16). */
    private static int capacityFor(int cells) {
        int capacity = MIN_CAPACITY;
        while (capacity / 2 < cells) {
            capacity *= 2;
        }
        return capacity;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new long[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    private int slot(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    /** The slot holding {@code key}, or −1. */
    private int find(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return i;
            }
            if (keys[i] == 0) {
                return -1;
            }
        }
    }

    /** Adds to a cell's count, creating it (and growing the table) if new; callers checked the limits. */
    private void insert(long key, long n) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            if (cells + 1 > keys.length / 2) {
                grow();
                insert(key, n);
                return;
            }
            keys[i] = key;
            cells++;
        }
        counts[i] += n;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        allocate(oldKeys.length * 2);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = slot(oldKeys[j]);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    private long[] sortedKeys() {
        long[] sorted = new long[cells];
        int k = 0;
        for (long key : keys) {
            if (key != 0) {
                sorted[k++] = key;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }
}
