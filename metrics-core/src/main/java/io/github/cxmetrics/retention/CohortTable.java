package io.github.cxmetrics.retention;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

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
 * 270 years). The triangle is not stored: the table keeps each customer's active periods sorted
 * by cohort, so memory is linear, about {@code 4·(customers + lastPeriod)} bytes, and
 * {@link #active(int, int)} is a binary search. {@link #averageCurve()} takes
 * {@code O(customers + lastPeriod)} time; {@link #render()} prints at most the first
 * {@value #MAX_RENDERED} cohorts and columns.
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
    /** Cohort {@code c}'s active periods are {@code periods[start[c] .. start[c + 1] − 1]}, sorted. */
    private final int[] start;
    private final int[] periods;

    private CohortTable(int lastPeriod, int[] start, int[] periods) {
        this.lastPeriod = lastPeriod;
        this.start = start;
        this.periods = periods;
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
            if (c < 0 || c > lastPeriod) {
                throw new IllegalArgumentException("cohort " + c + " at index " + i + " must be in 0.." + lastPeriod);
            }
            int observed = lastPeriod - c + 1;
            if (activePeriods[i] < 1 || activePeriods[i] > observed) {
                throw new IllegalArgumentException("activePeriods " + activePeriods[i] + " at index " + i
                        + " must be in 1.." + observed + " for cohort " + c);
            }
            start[c + 1]++;
        }
        for (int c = 0; c <= lastPeriod; c++) {
            start[c + 1] += start[c];
        }
        int[] next = Arrays.copyOf(start, lastPeriod + 1);
        int[] periods = new int[cohorts.length];
        for (int i = 0; i < cohorts.length; i++) {
            periods[next[cohorts[i]]++] = activePeriods[i];
        }
        for (int c = 0; c <= lastPeriod; c++) {
            Arrays.sort(periods, start[c], start[c + 1]);
        }
        return new CohortTable(lastPeriod, start, periods);
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
        return start[cohort + 1] - start[cohort];
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
        // customers of the cohort with more than `column` active periods: after the last index <= column
        int lo = start[cohort];
        int hi = start[cohort + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (periods[mid] <= column) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return start[cohort + 1] - lo;
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
        for (int a : periods) {
            longer[a - 1]++;
        }
        for (int j = lastPeriod - 1; j >= 0; j--) {
            longer[j] += longer[j + 1];
        }
        double[] curve = new double[lastPeriod + 1];
        int length = 0;
        for (int j = 0; j <= lastPeriod; j++) {
            long den = start[lastPeriod - j + 1];
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
                && Arrays.equals(start, ((CohortTable) o).start) && Arrays.equals(periods, ((CohortTable) o).periods);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (lastPeriod * 31 + Arrays.hashCode(start)) * 31 + Arrays.hashCode(periods);
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
