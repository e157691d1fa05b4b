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
 * @since 0.1.0
 */
public final class CohortTable {

    private final int lastPeriod;
    private final long[][] active; // active[c][j], j <= lastPeriod - c

    private CohortTable(int lastPeriod, long[][] active) {
        this.lastPeriod = lastPeriod;
        this.active = active;
    }

    /**
     * Builds the table from per-customer records.
     *
     * @param cohorts each customer's cohort, in {@code 0..lastPeriod}
     * @param activePeriods each customer's number of active periods, in
     *     {@code 1..lastPeriod − cohort + 1}
     * @param lastPeriod the index of the last observed period, {@code >= 0}
     * @return the table
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or a record is out of range
     *     (the message names the value and its index)
     */
    public static CohortTable of(int[] cohorts, int[] activePeriods, int lastPeriod) {
        Objects.requireNonNull(cohorts, "cohorts");
        Objects.requireNonNull(activePeriods, "activePeriods");
        if (cohorts.length != activePeriods.length) {
            throw new IllegalArgumentException("cohorts has " + cohorts.length + " records but activePeriods has "
                    + activePeriods.length);
        }
        if (lastPeriod < 0 || lastPeriod > 100_000) {
            throw new IllegalArgumentException("lastPeriod must be in 0..100000, was " + lastPeriod);
        }
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
        }
        long[][] ends = new long[lastPeriod + 1][];
        for (int c = 0; c <= lastPeriod; c++) {
            ends[c] = new long[lastPeriod - c + 1];
        }
        for (int i = 0; i < cohorts.length; i++) {
            ends[cohorts[i]][activePeriods[i] - 1]++; // last active column
        }
        long[][] active = new long[lastPeriod + 1][];
        for (int c = 0; c <= lastPeriod; c++) {
            long[] e = ends[c];
            long[] a = new long[e.length];
            long running = 0;
            for (int j = e.length - 1; j >= 0; j--) {
                running += e[j];
                a[j] = running;
            }
            active[c] = a;
        }
        return new CohortTable(lastPeriod, active);
    }

    /**
     * The number of cohorts, {@code lastPeriod + 1}.
     *
     * @return the number of rows
     */
    public int cohorts() {
        return active.length;
    }

    /**
     * The number of observed columns of a cohort, {@code lastPeriod − cohort + 1}.
     *
     * @param cohort the cohort index
     * @return its number of columns
     * @throws IndexOutOfBoundsException if the cohort does not exist
     */
    public int columns(int cohort) {
        return active[Objects.checkIndex(cohort, active.length)].length;
    }

    /**
     * The size of a cohort, {@code active(cohort, 0)}.
     *
     * @param cohort the cohort index
     * @return its number of customers
     * @throws IndexOutOfBoundsException if the cohort does not exist
     */
    public long size(int cohort) {
        return active[Objects.checkIndex(cohort, active.length)][0];
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
        long[] row = active[Objects.checkIndex(cohort, active.length)];
        return row[Objects.checkIndex(column, row.length)];
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
        double[] curve = new double[lastPeriod + 1];
        int length = 0;
        for (int j = 0; j <= lastPeriod; j++) {
            long num = 0;
            long den = 0;
            for (int c = 0; c <= lastPeriod - j; c++) {
                num += active[c][j];
                den += active[c][0];
            }
            if (den == 0) {
                break;
            }
            curve[j] = (double) num / den;
            length = j + 1;
        }
        if (length == 0) {
            throw new IllegalStateException("the table has no customers");
        }
        return Arrays.copyOf(curve, length);
    }

    /**
     * A fixed-width text rendering of the retention triangle in percent, one cohort per line, for
     * logs.
     *
     * @return the rendering
     */
    public String render() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-7s %7s", "cohort", "size"));
        for (int j = 0; j <= lastPeriod; j++) {
            sb.append(String.format(Locale.ROOT, " %6s", "+" + j));
        }
        sb.append('\n');
        for (int c = 0; c <= lastPeriod; c++) {
            sb.append(String.format(Locale.ROOT, "%-7d %7d", c, size(c)));
            for (int j = 0; j < columns(c); j++) {
                sb.append(size(c) == 0 ? String.format(Locale.ROOT, " %6s", "-")
                        : String.format(Locale.ROOT, " %5.1f%%", 100.0 * retention(c, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Equal when the triangles are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CohortTable && Arrays.deepEquals(active, ((CohortTable) o).active);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.deepHashCode(active);
    }

    /**
     * A short summary, e.g. {@code CohortTable[cohorts=4]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "CohortTable[cohorts=" + active.length + "]";
    }
}
