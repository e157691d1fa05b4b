package io.github.cxmetrics.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A cohort retention table: for each acquisition cohort, how many of its customers are still active
 * after each number of periods.
 *
 * <p>Built from one record per customer: the cohort (the index of the period it was acquired in,
 * {@code 0..lastPeriod}) and the number of periods it was active (at least 1: the period of
 * acquisition counts). Cohort {@code c} is observed for {@code lastPeriod − c + 1} columns, so the
 * table is a triangle: {@code active(c, j)} exists for {@code j <= lastPeriod − c} only and is the
 * number of its customers with more than {@code j} active periods. A customer still active at the
 * end of observation has exactly {@code lastPeriod − c + 1} active periods.
 *
 * <pre>{@code
 * retention(c, j) = active(c, j) / size(c)
 * average(j)      = Σ_c active(c, j) / Σ_c size(c)     over the cohorts with column j observed
 * }</pre>
 * The average curve weights cohorts by size and, for each column, uses only the cohorts that have
 * reached it — never zeros for columns not yet observed.
 *
 * <p><b>Size.</b> {@code lastPeriod} is at most {@value #MAX_LAST_PERIOD} (daily cohorts over
 * 270 years). The triangle is not stored: for each cohort the table keeps the distinct numbers of
 * active periods among its customers, ascending, each with the number of the cohort's customers
 * active for at least that many periods (a suffix sum, a {@code long}). Memory is
 * {@code O(distinct (cohort, activePeriods) cells)}, at most
 * {@code min(customers, (lastPeriod + 1)(lastPeriod + 2)/2)} cells of 12 bytes each, plus 4 bytes per
 * cohort; sizes and counts are {@code long}s, so a table built by a {@link CohortAccumulator} is not
 * limited to 2<sup>31</sup> customers. {@link #active(int, int)} is a binary search among a cohort's
 * cells; {@link #averageCurve()} takes {@code O(cells + lastPeriod)} time; {@link #render()} prints at
 * most the first {@value #MAX_RENDERED} cohorts and columns.
 *
 * <p>Tables with equal cells are equal whichever way they were built: {@link #of(int[], int[], int)},
 * {@link #collector(int, ToIntFunction, ToIntFunction)} or {@link CohortAccumulator#snapshot()}, with
 * the records in any order.
 *
 * <p>References: the cohort (life-table) layout of retention data as in S. Gupta, D. R. Lehmann
 * &amp; J. A. Stuart (2004), "Valuing customers", <i>Journal of Marketing Research</i> 41(1):7–18
 * (customers acquired per period and retained in each later period), and P. S. Fader &amp;
 * B. G. S. Hardie (2007), "How to project customer retention", <i>Journal of Interactive
 * Marketing</i> 21(1):76–90 (survivors of a cohort after {@code t} periods).
 *
 * @since 0.1.0
 */
public final class CohortTable {

    /** The largest accepted {@code lastPeriod}. */
    public static final int MAX_LAST_PERIOD = 100_000;

    /** The most cohorts and columns {@link #render()} prints. */
    public static final int MAX_RENDERED = 120;

    private final int lastPeriod;
    /** Cohort {@code c}'s cells are {@code start[c] .. start[c + 1] − 1}. */
    private final int[] start;
    /** The distinct active periods of each cohort, ascending within the cohort. */
    private final int[] cellPeriods;
    /** Customers of the cell's cohort with at least {@code cellPeriods[k]} active periods, {@code >= 1}. */
    private final long[] cellAtLeast;

    private CohortTable(int lastPeriod, int[] start, int[] cellPeriods, long[] cellAtLeast) {
        this.lastPeriod = lastPeriod;
        this.start = start;
        this.cellPeriods = cellPeriods;
        this.cellAtLeast = cellAtLeast;
    }

    /**
     * The one construction of a table, from its cells: {@code m} (cohort, activePeriods) pairs in
     * strictly ascending order, each in range, with its number of customers, {@code >= 1}, summing to
     * at most {@code Long.MAX_VALUE}. Callers validate; the arrays are taken over (and
     * {@code customers} overwritten).
     */
    static CohortTable ofCells(int lastPeriod, int[] cohorts, int[] activePeriods, long[] customers) {
        int m = cohorts.length;
        int[] start = new int[lastPeriod + 2];
        for (int k = 0; k < m; k++) {
            start[cohorts[k] + 1]++;
        }
        for (int c = 0; c <= lastPeriod; c++) {
            start[c + 1] += start[c];
        }
        for (int c = 0; c <= lastPeriod; c++) { // suffix sums within each cohort
            long atLeast = 0;
            for (int k = start[c + 1] - 1; k >= start[c]; k--) {
                atLeast += customers[k];
                customers[k] = atLeast;
            }
        }
        return new CohortTable(lastPeriod, start, activePeriods, customers);
    }

    /**
     * A collector of customers into a table, for {@code stream.collect(…)} and {@code groupingBy}; the
     * same as {@link CohortAccumulator#collector(int, ToIntFunction, ToIntFunction)}. It works on
     * parallel streams and gives the table {@link #of(int[], int[], int)} gives on the same records.
     *
     * @param <T> the element type, one per customer
     * @param lastPeriod the index of the last observed period, in {@code 0..MAX_LAST_PERIOD}
     * @param cohort the cohort of an element, in {@code 0..lastPeriod}
     * @param activePeriods the number of active periods of an element, in
     *     {@code 1..lastPeriod − cohort + 1}
     * @return the collector
     * @throws NullPointerException if a function is null
     * @throws IllegalArgumentException if {@code lastPeriod} is out of range
     * @since 0.2.0
     */
    public static <T> Collector<T, CohortAccumulator, CohortTable> collector(int lastPeriod,
            ToIntFunction<? super T> cohort, ToIntFunction<? super T> activePeriods) {
        return CohortAccumulator.collector(lastPeriod, cohort, activePeriods);
    }

    /**
     * Builds the table from per-customer records.
     *
     * @param cohorts each customer's cohort, in {@code 0..lastPeriod}
     * @param activePeriods each customer's number of active periods, in
     *     {@code 1..lastPeriod − cohort + 1}
     * @param lastPeriod the index of the last observed period, in {@code 0..MAX_LAST_PERIOD}
     *     ({@value #MAX_LAST_PERIOD})
     * @return the table
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, {@code lastPeriod} is out of
     *     range, or a record is out of range (the message names the value and its index)
     */
    public static CohortTable of(int[] cohorts, int[] activePeriods, int lastPeriod) {
        Objects.requireNonNull(cohorts, "cohorts");
        Objects.requireNonNull(activePeriods, "activePeriods");
        if (cohorts.length != activePeriods.length) {
            throw new IllegalArgumentException("cohorts has " + cohorts.length + " records but activePeriods has "
                    + activePeriods.length);
        }
        if (lastPeriod < 0 || lastPeriod > MAX_LAST_PERIOD) {
            throw new IllegalArgumentException("lastPeriod must be in 0.." + MAX_LAST_PERIOD + ", was " + lastPeriod);
        }
        int[] start = new int[lastPeriod + 2];
        for (int i = 0; i < cohorts.length; i++) {
            int c = cohorts[i];
            CohortAccumulator.check(c, activePeriods[i], lastPeriod, i);
            start[c + 1]++;
        }
        for (int c = 0; c <= lastPeriod; c++) {
            start[c + 1] += start[c];
        }
        // the records sorted by cohort (a counting sort), then by active periods within each cohort
        int[] next = Arrays.copyOf(start, lastPeriod + 1);
        int[] periods = new int[cohorts.length];
        for (int i = 0; i < cohorts.length; i++) {
            periods[next[cohorts[i]]++] = activePeriods[i];
        }
        int m = 0;
        for (int c = 0; c <= lastPeriod; c++) {
            Arrays.sort(periods, start[c], start[c + 1]);
            for (int i = start[c]; i < start[c + 1]; i++) {
                if (i == start[c] || periods[i] != periods[i - 1]) {
                    m++;
                }
            }
        }
        // run lengths: one cell per distinct (cohort, activePeriods)
        int[] cellCohorts = new int[m];
        int[] cellPeriods = new int[m];
        long[] cellCustomers = new long[m];
        int k = -1;
        for (int c = 0; c <= lastPeriod; c++) {
            for (int i = start[c]; i < start[c + 1]; i++) {
                if (i == start[c] || periods[i] != periods[i - 1]) {
                    k++;
                    cellCohorts[k] = c;
                    cellPeriods[k] = periods[i];
                }
                cellCustomers[k]++;
            }
        }
        return ofCells(lastPeriod, cellCohorts, cellPeriods, cellCustomers);
    }

    /**
     * The number of cohorts, {@code lastPeriod + 1}.
     *
     * @return the number of rows
     */
    public int cohorts() {
        return lastPeriod + 1;
    }

    /**
     * The number of observed columns of a cohort, {@code lastPeriod − cohort + 1}.
     *
     * @param cohort the cohort index
     * @return its number of columns
     * @throws IndexOutOfBoundsException if the cohort does not exist
     */
    public int columns(int cohort) {
        return lastPeriod - Objects.checkIndex(cohort, lastPeriod + 1) + 1;
    }

    /**
     * The size of a cohort, {@code active(cohort, 0)}.
     *
     * @param cohort the cohort index
     * @return its number of customers
     * @throws IndexOutOfBoundsException if the cohort does not exist
     */
    public long size(int cohort) {
        Objects.checkIndex(cohort, lastPeriod + 1);
        return start[cohort] < start[cohort + 1] ? cellAtLeast[start[cohort]] : 0;
    }

    /**
     * Customers of a cohort active in column {@code j}.
     *
     * @param cohort the cohort index
     * @param column the number of periods since acquisition, {@code 0..columns(cohort) − 1}
     * @return the count
     * @throws IndexOutOfBoundsException if the cell is outside the triangle
     */
    public long active(int cohort, int column) {
        Objects.checkIndex(column, columns(cohort));
        // customers of the cohort with more than `column` active periods: the suffix sum at its first
        // cell with more than `column` periods
        int lo = start[cohort];
        int hi = start[cohort + 1];
        int end = hi;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cellPeriods[mid] <= column) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < end ? cellAtLeast[lo] : 0;
    }

    /**
     * The retention of a cohort in column {@code j}, {@code active(c, j)/size(c)}.
     *
     * @param cohort the cohort index
     * @param column the column
     * @return the fraction still active
     * @throws IndexOutOfBoundsException if the cell is outside the triangle
     * @throws IllegalStateException if the cohort has no customers
     */
    public double retention(int cohort, int column) {
        long a = active(cohort, column);
        long n = size(cohort);
        if (n == 0) {
            throw new IllegalStateException("cohort " + cohort + " has no customers: its retention is undefined");
        }
        return (double) a / n;
    }

    /**
     * The size-weighted average retention curve: for each column {@code j}, the active customers of
     * all cohorts that reached it over those cohorts' sizes. A column whose cohorts are all empty is
     * NaN-free: the curve stops before it.
     *
     * @return the curve, {@code average[0] = 1}, at most {@code lastPeriod + 1} long
     * @throws IllegalStateException if there are no customers at all
     */
    public double[] averageCurve() {
        // A customer with a active periods counts in the numerator of columns 0..a − 1; all of
        // those are observed for its cohort c (a <= lastPeriod − c + 1), so num(j) = #{a > j}.
        // The denominator of column j is the size of cohorts 0..lastPeriod − j.
        long[] longer = new long[lastPeriod + 2]; // longer[j] = #{a > j}, built from a histogram
        long total = 0;
        for (int c = 0; c <= lastPeriod; c++) {
            int end = start[c + 1];
            for (int k = start[c]; k < end; k++) {
                long customers = cellAtLeast[k] - (k + 1 < end ? cellAtLeast[k + 1] : 0);
                longer[cellPeriods[k] - 1] += customers;
            }
            total += size(c);
        }
        for (int j = lastPeriod - 1; j >= 0; j--) {
            longer[j] += longer[j + 1];
        }
        double[] curve = new double[lastPeriod + 1];
        int length = 0;
        long den = total; // the customers of cohorts 0..lastPeriod − j
        for (int j = 0; j <= lastPeriod; j++) {
            if (j > 0) {
                den -= size(lastPeriod - j + 1);
            }
            if (den == 0) {
                break;
            }
            curve[j] = (double) longer[j] / den;
            length = j + 1;
        }
        if (length == 0) {
            throw new IllegalStateException("the table has no customers");
        }
        return Arrays.copyOf(curve, length);
    }

    /**
     * A fixed-width text rendering of the retention triangle in percent, one cohort per line, for
     * logs. Tables with more than {@value #MAX_RENDERED} cohorts show the first {@value #MAX_RENDERED}
     * cohorts and columns and end with a line saying how many were left out.
     *
     * @return the rendering
     */
    public String render() {
        int shown = Math.min(lastPeriod + 1, MAX_RENDERED);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-7s %7s", "cohort", "size"));
        for (int j = 0; j < shown; j++) {
            sb.append(String.format(Locale.ROOT, " %6s", "+" + j));
        }
        sb.append('\n');
        for (int c = 0; c < shown; c++) {
            sb.append(String.format(Locale.ROOT, "%-7d %7d", c, size(c)));
            for (int j = 0; j < Math.min(columns(c), shown); j++) {
                sb.append(size(c) == 0 ? String.format(Locale.ROOT, " %6s", "-")
                        : String.format(Locale.ROOT, " %5.1f%%", 100.0 * retention(c, j)));
            }
            sb.append('\n');
        }
        if (shown < lastPeriod + 1) {
            sb.append(String.format(Locale.ROOT, "(%d more cohorts and columns not shown)%n", lastPeriod + 1 - shown));
        }
        return sb.toString();
    }

    /**
     * Equal when the triangles are equal (the same last period and the same customers per cell).
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CohortTable && lastPeriod == ((CohortTable) o).lastPeriod
                && Arrays.equals(start, ((CohortTable) o).start)
                && Arrays.equals(cellPeriods, ((CohortTable) o).cellPeriods)
                && Arrays.equals(cellAtLeast, ((CohortTable) o).cellAtLeast);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return ((lastPeriod * 31 + Arrays.hashCode(start)) * 31 + Arrays.hashCode(cellPeriods)) * 31
                + Arrays.hashCode(cellAtLeast);
    }

    /**
     * A short summary, e.g. {@code CohortTable[cohorts=4]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "CohortTable[cohorts=" + (lastPeriod + 1) + "]";
    }
}
