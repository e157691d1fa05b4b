package io.github.cxmetrics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collector;

/**
 * A customer's purchase history in the (frequency, recency, age[, monetary value]) form the
 * buy-till-you-die models take (Fader, Hardie &amp; Lee 2005).
 *
 * <ul>
 *   <li>{@code frequency} x: the number of <b>repeat</b> purchases (purchase days after the first);</li>
 *   <li>{@code recency} tₓ: time from the first to the last purchase (0 when x = 0);</li>
 *   <li>{@code age} T: time from the first purchase to the end of observation;</li>
 *   <li>{@code monetaryValue}: the mean amount of the repeat purchases only (the first purchase is
 *       excluded, as in the Gamma–Gamma model), present only when x &gt; 0 and amounts are known.</li>
 * </ul>
 * Times are in a caller-chosen unit (days, weeks), the same for every customer of a fit.
 *
 * @since 0.1.0
 */
public final class RfmSummary {

    private final long frequency;
    private final double recency;
    private final double age;
    private final double monetaryValue; // NaN when absent (never exposed as a value)

    private RfmSummary(long frequency, double recency, double age, double monetaryValue) {
        this.frequency = frequency;
        this.recency = recency;
        this.age = age;
        this.monetaryValue = monetaryValue;
    }

    /**
     * A summary without monetary value.
     *
     * @param frequency repeat purchases x, {@code >= 0}
     * @param recency tₓ, in {@code [0, age]}; 0 when {@code frequency} is 0
     * @param age T, finite and {@code >= 0}
     * @return the summary
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public static RfmSummary of(long frequency, double recency, double age) {
        validate(frequency, recency, age);
        return new RfmSummary(frequency, recency, age, Double.NaN);
    }

    /**
     * A frequency given as a double, checked to be a non-negative integer (data often arrives as
     * floating point).
     *
     * @param frequency repeat purchases x, a non-negative integer value
     * @param recency tₓ, in {@code [0, age]}
     * @param age T, finite and {@code >= 0}
     * @return the summary
     * @throws IllegalArgumentException if {@code frequency} is negative or not an integer, or another
     *     value is out of range
     */
    public static RfmSummary of(double frequency, double recency, double age) {
        if (!(frequency >= 0.0 && frequency == Math.rint(frequency) && frequency < 9.0e15)) {
            throw new IllegalArgumentException("frequency must be a non-negative integer, was " + frequency);
        }
        return of((long) frequency, recency, age);
    }

    /**
     * A summary with monetary value.
     *
     * @param frequency repeat purchases x, {@code >= 1}
     * @param recency tₓ, in {@code (0, age]}
     * @param age T, finite
     * @param monetaryValue mean repeat-purchase amount, finite and {@code > 0}
     * @return the summary
     * @throws IllegalArgumentException if a value is out of range
     */
    public static RfmSummary of(long frequency, double recency, double age, double monetaryValue) {
        validate(frequency, recency, age);
        if (frequency == 0) {
            throw new IllegalArgumentException("monetaryValue needs frequency > 0: it is the mean of the repeat purchases");
        }
        if (!(monetaryValue > 0.0 && monetaryValue < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("monetaryValue must be finite and > 0, was " + monetaryValue);
        }
        return new RfmSummary(frequency, recency, age, monetaryValue);
    }

    private static void validate(long frequency, double recency, double age) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
        }
        if (!(age >= 0.0 && age < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("age must be finite and >= 0, was " + age);
        }
        if (!(recency >= 0.0 && recency <= age)) {
            throw new IllegalArgumentException("recency must be in [0, age = " + age + "], was " + recency);
        }
        if (frequency == 0 && recency != 0.0) {
            throw new IllegalArgumentException("recency must be 0 when frequency is 0, was " + recency);
        }
    }

    /**
     * Summarises transactions per customer. Purchases on the same calendar day collapse into one
     * whose amount is the day's total: the exact sum of its amounts rounded once to the nearest double
     * (see {@link RfmAccumulator}), so it does not depend on the order of the transactions;
     * frequency = purchase days − 1; recency and age are measured from the first purchase day, in
     * {@code unit} ({@code DAYS}: days; {@code WEEKS}: days/7; {@code MONTHS}: days over the mean
     * Gregorian month, 30.436875; {@code YEARS}: days/365.2425); monetary value = the mean of the day
     * totals of the repeat purchase days, summed in date order. Transactions after
     * {@code observationEnd} are ignored.
     *
     * <p>{@link RfmAccumulator} gives identical summaries from transactions split in any way across
     * accumulators, in any order; {@link #collector(LocalDate, ChronoUnit)} is the stream form.
     *
     * @param transactions the purchases, in any order
     * @param observationEnd the last day of observation (inclusive)
     * @param unit the time unit of recency and age: DAYS, WEEKS, MONTHS or YEARS
     * @return one summary per customer with a purchase by {@code observationEnd}, by customer id in
     *     the order of first appearance
     * @throws NullPointerException if an argument or a transaction is null
     * @throws IllegalArgumentException if {@code unit} is not one of the four, a customer's amounts
     *     on one day sum beyond the range of a double, or a customer's mean repeat-purchase amount is
     *     not {@code > 0} (e.g. a purchase of 10 and a later return of 5: the repeat day's net amount
     *     is −5); the message names the customer
     */
    public static Map<String, RfmSummary> fromTransactions(Collection<Transaction> transactions,
            LocalDate observationEnd, ChronoUnit unit) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(observationEnd, "observationEnd");
        double daysPerUnit = daysPer(Objects.requireNonNull(unit, "unit"));
        Map<String, TreeMap<Long, Amounts>> byCustomer = new LinkedHashMap<>();
        for (Transaction t : transactions) {
            Objects.requireNonNull(t, "transaction");
            if (t.date().isAfter(observationEnd)) {
                continue;
            }
            byCustomer.computeIfAbsent(t.customerId(), k -> new TreeMap<>())
                    .computeIfAbsent(t.date().toEpochDay(), k -> new Amounts()).add(t.amount());
        }
        long endDay = observationEnd.toEpochDay();
        Map<String, RfmSummary> out = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Amounts>> e : byCustomer.entrySet()) {
            int n = e.getValue().size();
            long[] days = new long[n];
            double[] totals = new double[n];
            int k = 0;
            for (Map.Entry<Long, Amounts> day : e.getValue().entrySet()) {
                days[k] = day.getKey();
                totals[k++] = ExactSum.sum(day.getValue().values, day.getValue().n);
            }
            out.put(e.getKey(), summarise(e.getKey(), days, totals, n, endDay, daysPerUnit));
        }
        return out;
    }

    /**
     * A collector of transactions into the per-customer summaries of
     * {@link #fromTransactions(Collection, LocalDate, ChronoUnit)} (identical values), through an
     * {@link RfmAccumulator}: it works on parallel streams, and the map is ordered by customer id.
     *
     * @param observationEnd the last day of observation (inclusive)
     * @param unit the time unit of recency and age: DAYS, WEEKS, MONTHS or YEARS
     * @return the collector
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code unit} is not one of the four
     * @since 0.2.0
     */
    public static Collector<Transaction, RfmAccumulator, Map<String, RfmSummary>> collector(LocalDate observationEnd,
            ChronoUnit unit) {
        return RfmAccumulator.collector(observationEnd, unit);
    }

    /** One day's amounts, in arrival order. */
    private static final class Amounts {
        double[] values = new double[1];
        int n;

        void add(double v) {
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = v;
        }
    }

    /**
     * One customer's summary from its purchase days (epoch days, strictly ascending) and their totals
     * (exact sums rounded once), validated like {@link #of(long, double, double, double)}; shared by
     * {@link #fromTransactions} and {@link RfmAccumulator#snapshot}, so the two agree bit for bit.
     */
    static RfmSummary summarise(String customer, long[] days, double[] totals, int n, long endDay,
            double daysPerUnit) {
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(totals[k])) {
                throw new IllegalArgumentException("customer " + customer + ": the amounts on "
                        + LocalDate.ofEpochDay(days[k]) + " sum to " + totals[k] + ", beyond the range of a double");
            }
        }
        long x = n - 1L;
        double recency = (days[n - 1] - days[0]) / daysPerUnit;
        double age = (endDay - days[0]) / daysPerUnit;
        try {
            validate(x, recency, age);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("customer " + customer + ": " + e.getMessage(), e);
        }
        if (x == 0) {
            return new RfmSummary(0, 0.0, age, Double.NaN);
        }
        double sum = 0.0;
        for (int k = 1; k < n; k++) {
            sum += totals[k];
        }
        double mean = sum / x;
        if (!Double.isFinite(sum)) {
            // the day totals are finite, so their mean is: scale before adding
            mean = 0.0;
            for (int k = 1; k < n; k++) {
                mean += totals[k] / x;
            }
        }
        if (!(mean > 0.0 && mean < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("customer " + customer + ": the mean amount of its " + x
                    + " repeat purchase day(s) must be finite and > 0, was " + mean
                    + " (returns count against the purchases of their day)");
        }
        return new RfmSummary(x, recency, age, mean);
    }

    static double daysPer(ChronoUnit unit) {
        switch (unit) {
            case DAYS:
                return 1.0;
            case WEEKS:
                return 7.0;
            case MONTHS:
                return 365.2425 / 12.0;
            case YEARS:
                return 365.2425;
            default:
                throw new IllegalArgumentException("unit must be DAYS, WEEKS, MONTHS or YEARS, was " + unit.name());
        }
    }

    /**
     * Repeat purchases x.
     *
     * @return the frequency
     */
    public long frequency() {
        return frequency;
    }

    /**
     * tₓ: time from the first to the last purchase.
     *
     * @return the recency, in the summary's time unit
     */
    public double recency() {
        return recency;
    }

    /**
     * T: time from the first purchase to the end of observation.
     *
     * @return the age, in the summary's time unit
     */
    public double age() {
        return age;
    }

    /**
     * Whether a monetary value is present.
     *
     * @return true when built with one (or derived with a positive repeat-purchase mean)
     */
    public boolean hasMonetaryValue() {
        return !Double.isNaN(monetaryValue);
    }

    /**
     * The mean amount of the repeat purchases.
     *
     * @return the monetary value, {@code > 0}
     * @throws IllegalStateException if the summary has none (no repeat purchase, or built without)
     */
    public double monetaryValue() {
        if (Double.isNaN(monetaryValue)) {
            throw new IllegalStateException("this summary has no monetary value (frequency " + frequency + ")");
        }
        return monetaryValue;
    }

    /**
     * Groups identical (x, tₓ, T) triples, the form in which likelihoods are summed with weights, into
     * primitive columns. The groups come sorted by x, then tₓ, then T, so a likelihood summed over them
     * in this order (and a fit, and its standard errors) does not depend on the order of
     * {@code summaries}. The sort is an in-place three-way quicksort of the columns (no object per
     * row), whose result is the same whatever pivots it takes.
     *
     * @param summaries the summaries
     * @return distinct triples with their multiplicities, sorted
     * @throws NullPointerException if an element is null
     */
    static Grouped group(Collection<RfmSummary> summaries) {
        int n = summaries.size();
        long[] x = new long[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        int i = 0;
        for (RfmSummary s : summaries) {
            Objects.requireNonNull(s, "customer");
            x[i] = s.frequency;
            // + 0.0 folds -0.0 into 0.0, which the range checks accept as equal
            tx[i] = s.recency + 0.0;
            t[i] = s.age + 0.0;
            i++;
        }
        sort(x, tx, t, 0, n);
        int distinct = 0;
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            if (distinct > 0 && x[k] == x[distinct - 1] && tx[k] == tx[distinct - 1] && t[k] == t[distinct - 1]) {
                w[distinct - 1] += 1.0;
            } else {
                x[distinct] = x[k];
                tx[distinct] = tx[k];
                t[distinct] = t[k];
                w[distinct] = 1.0;
                distinct++;
            }
        }
        return new Grouped(Arrays.copyOf(x, distinct), Arrays.copyOf(tx, distinct), Arrays.copyOf(t, distinct),
                Arrays.copyOf(w, distinct));
    }

    private static int compare(long[] x, double[] tx, double[] t, int i, long px, double ptx, double pt) {
        int c = Long.compare(x[i], px);
        if (c == 0) {
            c = Double.compare(tx[i], ptx);
        }
        return c != 0 ? c : Double.compare(t[i], pt);
    }

    private static void swap(long[] x, double[] tx, double[] t, int i, int j) {
        long xv = x[i];
        x[i] = x[j];
        x[j] = xv;
        double v = tx[i];
        tx[i] = tx[j];
        tx[j] = v;
        v = t[i];
        t[i] = t[j];
        t[j] = v;
    }

    /** Sorts rows {@code [lo, hi)} of the three columns by (x, tₓ, T): Dijkstra's three-way quicksort. */
    private static void sort(long[] x, double[] tx, double[] t, int lo, int hi) {
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot
            int m = median(x, tx, t, lo, mid, hi - 1);
            long px = x[m];
            double ptx = tx[m];
            double pt = t[m];
            int lt = lo;
            int gt = hi - 1;
            int i = lo;
            while (i <= gt) {
                int c = compare(x, tx, t, i, px, ptx, pt);
                if (c < 0) {
                    swap(x, tx, t, lt++, i++);
                } else if (c > 0) {
                    swap(x, tx, t, i, gt--);
                } else {
                    i++;
                }
            }
            if (lt - lo < hi - gt - 1) {
                sort(x, tx, t, lo, lt);
                lo = gt + 1;
            } else {
                sort(x, tx, t, gt + 1, hi);
                hi = lt;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            for (int j = i; j > lo && compare(x, tx, t, j - 1, x[j], tx[j], t[j]) > 0; j--) {
                swap(x, tx, t, j, j - 1);
            }
        }
    }

    private static int median(long[] x, double[] tx, double[] t, int a, int b, int c) {
        boolean ab = compare(x, tx, t, a, x[b], tx[b], t[b]) < 0;
        boolean bc = compare(x, tx, t, b, x[c], tx[c], t[c]) < 0;
        boolean ac = compare(x, tx, t, a, x[c], tx[c], t[c]) < 0;
        if (ab == bc) {
            return b;
        }
        return ab == ac ? c : a;
    }

    /** Distinct (x, tₓ, T) rows with their counts, sorted, in primitive columns. */
    static final class Grouped {
        final long[] x;
        final double[] tx;
        final double[] t;
        final double[] weight;

        Grouped(long[] x, double[] tx, double[] t, double[] weight) {
            this.x = x;
            this.tx = tx;
            this.t = t;
            this.weight = weight;
        }

        int size() {
            return x.length;
        }
    }

    /**
     * Equal when frequency, recency, age and monetary value (bit for bit) are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RfmSummary)) {
            return false;
        }
        RfmSummary r = (RfmSummary) o;
        return frequency == r.frequency && Double.compare(recency, r.recency) == 0
                && Double.compare(age, r.age) == 0 && Double.compare(monetaryValue, r.monetaryValue) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(frequency, recency, age, monetaryValue);
    }

    /**
     * A readable summary, e.g. {@code RfmSummary[x=2, recency=30.43, age=38.86, monetary=22.35]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RfmSummary[x=%d, recency=%.2f, age=%.2f%s]", frequency, recency, age,
                hasMonetaryValue() ? String.format(Locale.ROOT, ", monetary=%.2f", monetaryValue) : "");
    }
}
