package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collector;

/**
 * A mutable, mergeable accumulator of purchase transactions whose {@link #snapshot(LocalDate, ChronoUnit)}
 * gives, per customer, the {@link RfmSummary} that
 * {@link RfmSummary#fromTransactions(Collection, LocalDate, ChronoUnit)} gives on all the transactions
 * at once — identical (equal doubles, bit for bit), whatever the order of the transactions and however
 * they were split across accumulators, including partitions that share customers or days.
 *
 * <p><b>What is kept.</b> Per customer, its purchase days and each day's amount, never the
 * transactions: a day's amount is kept as an exact sum (partials of non-overlapping significands, see
 * below), so adding and merging are exact and the rounding happens once, in the snapshot, where each
 * day's total is its exact sum rounded to the nearest double. That is what makes the result
 * independent of order and partitioning: floating-point addition in arrival order is not.
 *
 * <p><b>Memory.</b> Per customer-day one entry of 12 bytes (an {@code int} epoch day and a
 * {@code double}); a day whose amounts do not add exactly in double (e.g. 0.10 + 0.20) holds two or
 * more entries (one per partial, rarely more than two). Entries live in two arrays per customer that
 * grow by half when full; new entries are appended and sorted into place in batches, so any arrival
 * order costs {@code O(log)} amortised per transaction. Measured with
 * {@code RfmAccumulatorMemory} (in the test sources; JDK 17, compressed references, SerialGC, 10⁵
 * customers with 100 purchase days each): 16.8 bytes per customer-day for one purchase a day, 25.6
 * bytes for two purchases a day of cent amounts; plus about 120 bytes per customer and its id
 * string. Days and amounts only: a customer's transaction count is not kept.
 *
 * <p><b>Merging.</b> {@link #merge(RfmAccumulator)} appends the other accumulator's entries to those of
 * the same customers; same-day amounts combine exactly. Customers partitioned by key (every
 * transaction of a customer in one partition) merge without touching each other's entries; partitions
 * that overlap in customers and days merge exactly too. Merging is associative and commutative in
 * the snapshot it gives (the byte form of equal snapshots may differ in how a day's exact sum is split
 * into partials).
 *
 * <p><b>Limits.</b> An amount's magnitude is at most {@link #MAX_AMOUNT} (2⁹⁶⁰ ≈ 9.7·10²⁸⁸ currency
 * units), so no exact day sum can overflow; a date's epoch day must fit an {@code int} (years
 * −5 877 641 to 5 881 580); a customer id must be well-formed UTF-16 of at most 65 535 UTF-8 bytes, so
 * that it survives the binary form. Each violation is an {@link IllegalArgumentException} naming the
 * value; a rejected call changes nothing.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of the
 * cxmetrics state format ({@link Mergeable}) with family id 5 ({@link #FAMILY}, "rfm"), format version
 * 1, flags 0 and this payload, little-endian:
 * <pre>{@code
 * size  field
 * 4     c, the number of customers (int32, >= 0)
 * then per customer, in strictly ascending order of id (String.compareTo):
 * 2+u   id: u, its UTF-8 length (uint16), and its UTF-8 bytes
 * 4     m, the number of entries (int32, >= 1)
 * 12·m  entries: epoch day (int32), amount partial (float64)
 * }</pre>
 * Entries come in ascending order of day; a day's entries are its partials: finite, of strictly
 * increasing magnitude, each smaller in magnitude than the least significant set bit of the next,
 * none zero — except that a day whose amounts sum to exactly zero has the one partial +0.0. The
 * reader checks the frame, then the customer count and each entry count against the bytes left
 * (before allocating), valid UTF-8, the order of ids and days, and the partials' rules. An empty
 * accumulator is 20 bytes.
 *
 * <p>Not thread-safe: confine an accumulator to one thread, or give each thread its own and merge.
 *
 * @since 0.2.0
 */
public final class RfmAccumulator implements Mergeable<RfmAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 5, "rfm". */
    public static final StateFamily<RfmAccumulator> FAMILY =
            StateFamily.define(5, "rfm", RfmAccumulator.class, FORMAT_VERSION, RfmAccumulator::fromByteBuffer);

    /** The largest magnitude of an amount, {@code 2^960}: far from overflow however many are summed. */
    public static final double MAX_AMOUNT = 0x1p960;

    private static final String NAME = "rfm";
    private static final int ENTRY_BYTES = 12;

    private final Map<String, Customer> customers = new HashMap<>();

    /** An empty accumulator. */
    public RfmAccumulator() {
    }

    /**
     * An accumulator of the given transactions.
     *
     * @param transactions the purchases, in any order
     * @return a new accumulator
     * @throws NullPointerException if the collection or a transaction is null
     * @throws IllegalArgumentException as {@link #add(Transaction)}; nothing is kept then
     */
    public static RfmAccumulator of(Collection<Transaction> transactions) {
        RfmAccumulator acc = new RfmAccumulator();
        acc.addAll(transactions);
        return acc;
    }

    /**
     * A collector of transactions into per-customer summaries, for {@code stream.collect(…)}; on
     * parallel streams the partial accumulators are merged, and the result is identical to
     * {@link RfmSummary#fromTransactions(Collection, LocalDate, ChronoUnit)} either way (ordered by
     * customer id here).
     *
     * @param observationEnd the last day of observation (inclusive)
     * @param unit the time unit of recency and age: DAYS, WEEKS, MONTHS or YEARS
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code unit} is not one of the four
     */
    public static Collector<Transaction, RfmAccumulator, Map<String, RfmSummary>> collector(LocalDate observationEnd,
            ChronoUnit unit) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        RfmSummary.daysPer(Objects.requireNonNull(unit, "unit"));
        return Collector.of(RfmAccumulator::new, RfmAccumulator::add, RfmAccumulator::merge,
                acc -> acc.snapshot(observationEnd, unit), Collector.Characteristics.UNORDERED);
    }

    /**
     * The number of customers with at least one transaction.
     *
     * @return the customer count
     */
    public int customers() {
        return customers.size();
    }

    /**
     * Adds a transaction.
     *
     * @param transaction the purchase
     * @throws NullPointerException if {@code transaction} is null
     * @throws IllegalArgumentException if the amount's magnitude exceeds {@link #MAX_AMOUNT}, the
     *     date's epoch day does not fit an {@code int}, or the customer id is not well-formed UTF-16 of
     *     at most 65 535 UTF-8 bytes; nothing changes then
     */
    public void add(Transaction transaction) {
        Objects.requireNonNull(transaction, "transaction");
        add(transaction.customerId(), transaction.date(), transaction.amount());
    }

    /**
     * Adds a purchase without building a {@link Transaction}.
     *
     * @param customerId the customer's identifier
     * @param date the purchase date
     * @param amount the amount in currency units, finite, magnitude at most {@link #MAX_AMOUNT}
     *     (returns may be negative)
     * @throws NullPointerException if {@code customerId} or {@code date} is null
     * @throws IllegalArgumentException if a value is out of range (see {@link #add(Transaction)});
     *     nothing changes then
     */
    public void add(String customerId, LocalDate date, double amount) {
        Objects.requireNonNull(customerId, "customerId");
        int day = checkDay(customerId, Objects.requireNonNull(date, "date"));
        checkAmount(customerId, date, amount);
        Customer c = customers.get(customerId);
        if (c == null) {
            checkId(customerId);
            c = new Customer(2);
            customers.put(customerId, c);
        }
        c.add(day, amount);
    }

    /**
     * Adds every transaction of a collection, all or none: the collection is validated first.
     *
     * @param transactions the purchases
     * @throws NullPointerException if the collection or a transaction is null
     * @throws IllegalArgumentException as {@link #add(Transaction)}, for the first bad transaction;
     *     nothing changes then
     */
    public void addAll(Collection<Transaction> transactions) {
        Objects.requireNonNull(transactions, "transactions");
        Transaction[] all = transactions.toArray(new Transaction[0]);
        for (Transaction t : all) {
            Objects.requireNonNull(t, "transaction");
            checkDay(t.customerId(), t.date());
            checkAmount(t.customerId(), t.date(), t.amount());
            if (!customers.containsKey(t.customerId())) {
                checkId(t.customerId());
            }
        }
        for (Transaction t : all) {
            add(t.customerId(), t.date(), t.amount());
        }
    }

    private static int checkDay(String customerId, LocalDate date) {
        long day = date.toEpochDay();
        if (day != (int) day) {
            throw new IllegalArgumentException("customer " + customerId + ": date " + date
                    + " is outside the years -5877641..5881580 an RfmAccumulator holds");
        }
        return (int) day;
    }

    private static void checkAmount(String customerId, LocalDate date, double amount) {
        if (!(Math.abs(amount) <= MAX_AMOUNT)) {
            throw new IllegalArgumentException("customer " + customerId + ", " + date + ": amount " + amount
                    + " must be finite with magnitude at most 2^960 (about 9.7e288)");
        }
    }

    private static void checkId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                throw new IllegalArgumentException("customer id has an unpaired surrogate at index " + i
                        + ": it cannot be written as UTF-8");
            }
        }
        int bytes = StateFrame.Writer.stringSize(id) - 2;
        if (bytes > 0xFFFF) {
            throw new IllegalArgumentException("customer id is " + bytes + " UTF-8 bytes long, more than 65535");
        }
    }

    /**
     * Merges another accumulator's transactions into this one.
     *
     * @param other the accumulator to merge (may be {@code this}, which doubles every amount)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws ArithmeticException if an exact day sum would leave the range of a double (possible only
     *     after some 2⁶³ same-day amounts near {@link #MAX_AMOUNT}, e.g. by merging an accumulator
     *     with itself that often); nothing changes then
     */
    @Override
    public RfmAccumulator merge(RfmAccumulator other) {
        Objects.requireNonNull(other, "other");
        List<Map.Entry<String, Customer>> result = new ArrayList<>(other.customers.size());
        for (Map.Entry<String, Customer> e : other.customers.entrySet()) {
            Customer mine = customers.get(e.getKey());
            result.add(Map.entry(e.getKey(), mine == null ? e.getValue().copy() : mine.mergedWith(e.getValue(), e.getKey())));
        }
        for (Map.Entry<String, Customer> e : result) {
            customers.put(e.getKey(), e.getValue());
        }
        return this;
    }

    /**
     * The summaries of every customer with a purchase by {@code observationEnd}, identical to
     * {@link RfmSummary#fromTransactions(Collection, LocalDate, ChronoUnit)} on the same transactions;
     * transactions after {@code observationEnd} are ignored (and kept: a later snapshot may use them).
     * Takes {@code O(customer-days)} time; the accumulator is unchanged and can take more transactions.
     *
     * @param observationEnd the last day of observation (inclusive)
     * @param unit the time unit of recency and age: DAYS, WEEKS, MONTHS or YEARS
     * @return the summaries, ordered by customer id ({@code String.compareTo})
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code unit} is not one of the four, or for a customer's
     *     summary as in {@code fromTransactions} (e.g. a mean repeat-purchase amount that is not
     *     {@code > 0}); the message names the customer, the first in id order that is refused
     */
    public Map<String, RfmSummary> snapshot(LocalDate observationEnd, ChronoUnit unit) {
        Objects.requireNonNull(observationEnd, "observationEnd");
        double daysPerUnit = RfmSummary.daysPer(Objects.requireNonNull(unit, "unit"));
        long endDay = observationEnd.toEpochDay();
        Map<String, RfmSummary> out = new LinkedHashMap<>();
        long[] days = new long[16];
        double[] totals = new double[16];
        for (String id : sortedIds()) {
            Customer c = customers.get(id);
            c.compact(id);
            int n = 0;
            int k = 0;
            while (k < c.size && c.day[k] <= endDay) {
                int d = c.day[k];
                int end = k + 1;
                while (end < c.size && c.day[end] == d) {
                    end++;
                }
                if (n == days.length) {
                    days = Arrays.copyOf(days, 2 * n);
                    totals = Arrays.copyOf(totals, 2 * n);
                }
                days[n] = d;
                totals[n++] = ExactSum.round(c.amount, k, end);
                k = end;
            }
            if (n > 0) {
                out.put(id, RfmSummary.summarise(id, days, totals, n, endDay, daysPerUnit));
            }
        }
        return out;
    }

    /**
     * Compacts every customer's entries and shrinks its arrays to fit them exactly: 12 bytes per
     * entry, as {@link java.util.ArrayList#trimToSize()} does for a list. Use it when an accumulator is
     * complete and will be kept (cached, or held until a window closes); later adds grow the arrays
     * again.
     *
     * @return this accumulator
     */
    public RfmAccumulator trimToSize() {
        for (Map.Entry<String, Customer> e : customers.entrySet()) {
            Customer c = e.getValue();
            c.compact(e.getKey());
            if (c.day.length != c.size) {
                c.day = Arrays.copyOf(c.day, c.size);
                c.amount = Arrays.copyOf(c.amount, c.size);
            }
        }
        return this;
    }

    private String[] sortedIds() {
        String[] ids = customers.keySet().toArray(new String[0]);
        Arrays.sort(ids);
        return ids;
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public RfmAccumulator copy() {
        RfmAccumulator c = new RfmAccumulator();
        for (Map.Entry<String, Customer> e : customers.entrySet()) {
            c.customers.put(e.getKey(), e.getValue().copy());
        }
        return c;
    }

    @Override
    public StateFamily<RfmAccumulator> family() {
        return FAMILY;
    }

    /**
     * The exact size of the binary form: {@code 20} bytes plus, per customer, {@code 6} plus the UTF-8
     * length of its id plus {@code 12} per entry.
     *
     * @return the size in bytes
     * @throws IllegalArgumentException if the state is too large for the binary form (2³¹ − 81 bytes
     *     of payload)
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(payloadBytes());
    }

    private long payloadBytes() {
        long bytes = 4;
        for (Map.Entry<String, Customer> e : customers.entrySet()) {
            Customer c = e.getValue();
            c.compact(e.getKey());
            bytes += StateFrame.Writer.stringSize(e.getKey()) + 4 + (long) ENTRY_BYTES * c.size;
        }
        return bytes;
    }

    /**
     * Writes the binary form documented on the class at the buffer's position.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     * @throws IllegalArgumentException if the state is too large for the binary form
     */
    @Override
    public void writeTo(ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        long payload = payloadBytes();
        StateFrame.size(payload);
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0, (int) payload);
        w.i32(customers.size());
        for (String id : sortedIds()) {
            Customer c = customers.get(id);
            w.string(id).i32(c.size);
            for (int k = 0; k < c.size; k++) {
                w.i32(c.day[k]).f64(c.amount[k]);
            }
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
    public static RfmAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the position
     * does not move. Checks, in order, the frame (length, magic, family, version, CRC-32C), the flags,
     * the customer count against the bytes left, then per customer: its id (valid UTF-8, strictly after
     * the previous id), its entry count against the bytes left, and its entries: days ascending, each
     * day's partials finite, not −0.0, of strictly increasing magnitude and non-overlapping, and a zero
     * partial only as a day's single partial. Allocation is at most a constant times the input.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static RfmAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, FAMILY.id(), NAME, FORMAT_VERSION);
        in.requireFlags(0);
        int count = in.i32("customer count");
        if (count < 0 || count > in.remaining() / (2 + 4 + ENTRY_BYTES)) {
            throw in.corrupt("customer count " + count + " does not fit the " + in.remaining()
                    + " bytes left (each customer takes at least " + (2 + 4 + ENTRY_BYTES) + ")");
        }
        RfmAccumulator acc = new RfmAccumulator();
        String previous = null;
        for (int i = 0; i < count; i++) {
            String id = in.string("customer id");
            if (previous != null && previous.compareTo(id) >= 0) {
                throw in.corrupt("customer " + i + " id does not follow the previous one: ids must be distinct and "
                        + "in ascending order");
            }
            int m = in.i32("entry count");
            if (m < 1 || m > in.remaining() / ENTRY_BYTES) {
                throw in.corrupt("customer " + i + ": entry count " + m + " must be >= 1 and fit the "
                        + in.remaining() + " bytes left");
            }
            Customer c = new Customer(m);
            for (int k = 0; k < m; k++) {
                int day = in.i32("day");
                double a = in.f64("amount");
                if (!Double.isFinite(a) || Double.doubleToRawLongBits(a) == Long.MIN_VALUE) {
                    throw in.corrupt("customer " + i + " entry " + k + ": amount " + a + " must be finite, not -0.0");
                }
                if (k > 0) {
                    int before = c.day[k - 1];
                    if (day < before) {
                        throw in.corrupt("customer " + i + " entry " + k + ": days must ascend");
                    }
                    if (day == before) {
                        double prior = c.amount[k - 1];
                        if (prior == 0.0 || a == 0.0 || !ExactSum.below(prior, a)) {
                            throw in.corrupt("customer " + i + " entry " + k + ": the partials of a day must be "
                                    + "non-zero, of increasing magnitude and non-overlapping");
                        }
                    }
                }
                c.day[k] = day;
                c.amount[k] = a;
            }
            c.size = m;
            c.clean = m;
            acc.customers.put(id, c);
            previous = id;
        }
        in.finish();
        return acc;
    }

    /**
     * A readable summary, e.g. {@code RfmAccumulator[customers=3]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "RfmAccumulator[customers=" + customers.size() + "]";
    }

    /** Total entries and their array capacity, summed over customers (for the memory test). */
    long[] entriesAndCapacity() {
        long entries = 0;
        long capacity = 0;
        for (Customer c : customers.values()) {
            entries += c.size;
            capacity += c.day.length;
        }
        return new long[] {entries, capacity};
    }

    /**
     * One customer's entries. {@code [0, clean)} is compact: ascending days, each day's partials in
     * canonical form; {@code [clean, size)} are raw amounts in arrival order.
     */
    private static final class Customer {
        int[] day;
        double[] amount;
        int size;
        int clean;

        Customer(int capacity) {
            day = new int[capacity];
            amount = new double[capacity];
        }

        Customer copy() {
            Customer c = new Customer(Math.max(size, 1));
            System.arraycopy(day, 0, c.day, 0, size);
            System.arraycopy(amount, 0, c.amount, 0, size);
            c.size = size;
            c.clean = clean;
            return c;
        }

        void add(int d, double a) {
            if (clean == size) {
                if (size == 0 || d > day[size - 1]) {
                    append(d, a + 0.0);
                    clean = size;
                    return;
                }
                if (d == day[size - 1] && (size == 1 || day[size - 2] != d)) {
                    double p = amount[size - 1];
                    if (ExactSum.exactSum(p, a)) { // still one partial
                        amount[size - 1] = p + a + 0.0;
                        return;
                    }
                }
            }
            append(d, a);
            if (size == day.length) {
                try {
                    compact(null);
                } catch (ArithmeticException e) {
                    size--; // the add is rejected: drop its entry again
                    throw e;
                }
            }
        }

        private void append(int d, double a) {
            if (size == day.length) {
                int capacity = size + (size >> 1) + 1;
                day = Arrays.copyOf(day, capacity);
                amount = Arrays.copyOf(amount, capacity);
            }
            day[size] = d;
            amount[size++] = a;
        }

        /** This customer's entries merged with another's, in new arrays; neither changes. */
        Customer mergedWith(Customer other, String id) {
            Customer c = new Customer(size + other.size);
            System.arraycopy(day, 0, c.day, 0, size);
            System.arraycopy(amount, 0, c.amount, 0, size);
            System.arraycopy(other.day, 0, c.day, size, other.size);
            System.arraycopy(other.amount, 0, c.amount, size, other.size);
            c.size = size + other.size;
            c.clean = clean;
            c.compact(id);
            return c;
        }

        /**
         * Sorts the raw entries into the compact part and combines each day's amounts into its
         * partials, in new arrays (so an overflow leaves this customer as it was).
         *
         * @throws ArithmeticException if a day's exact sum overflows (see {@link RfmAccumulator#merge})
         */
        void compact(String id) {
            if (clean == size) {
                return;
            }
            int raw = size - clean;
            long[] order = new long[raw];
            for (int k = 0; k < raw; k++) {
                order[k] = (long) day[clean + k] << 32 | k;
            }
            Arrays.sort(order);
            int capacity = day.length;
            int[] newDay = new int[capacity];
            double[] newAmount = new double[capacity + 1];
            int out = 0;
            int i = 0;
            int j = 0;
            while (i < clean || j < raw) {
                int d;
                if (j == raw || (i < clean && day[i] <= (int) (order[j] >> 32))) {
                    d = day[i];
                } else {
                    d = (int) (order[j] >> 32);
                }
                int from = out;
                int end = out;
                while (i < clean && day[i] == d) {
                    newAmount[end++] = amount[i++]; // already partials: copy
                }
                while (j < raw && (int) (order[j] >> 32) == d) {
                    end = ExactSum.add(newAmount, from, end, amount[clean + (int) order[j]]);
                    j++;
                    if (end < 0) {
                        throw new ArithmeticException("amount overflow: customer " + (id == null ? "" : id + " ")
                                + "on " + LocalDate.ofEpochDay(d) + ": the day's exact sum leaves the range of a double");
                    }
                }
                if (end == from) {
                    newAmount[end++] = 0.0; // the day's amounts cancel: it is still a purchase day
                }
                for (int k = from; k < end; k++) {
                    newDay[k] = d;
                }
                out = end;
            }
            if (out > capacity - (capacity >> 2)) {
                capacity = out + (out >> 1) + 1;
                day = Arrays.copyOf(newDay, capacity);
                amount = Arrays.copyOf(newAmount, capacity);
            } else {
                day = newDay;
                amount = newAmount;
            }
            size = out;
            clean = out;
        }
    }
}
