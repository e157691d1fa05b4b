package io.github.cxmetrics.retention;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.util.Locale;

/**
 * A churn rate per period: the fraction of customers lost in one period.
 *
 * <pre>{@code
 * c = lost / customersAtStart                      of(start, lost)
 * c = lost / ((customersAtStart + customersAtEnd)/2)   ofAverageCustomers(start, end, lost)
 * retention          = 1 − c
 * churn over k periods = 1 − (1 − c)^k             (NOT k·c)
 * expected lifetime  = 1/c periods                 (geometric lifetime)
 * median lifetime    = ⌈ln 0.5 / ln(1 − c)⌉ periods
 * }</pre>
 * <b>Compounding, not multiplying:</b> a monthly churn of 5 % is an annual churn of
 * {@code 1 − 0.95^12 = 45.96 %}, not 60 %; multiplying the monthly rate by 12 is the classic mistake,
 * and it can even exceed 100 %. The lifetime figures assume a constant churn rate, that is a
 * geometric lifetime; real cohorts usually churn less as they age (see
 * {@link ShiftedBetaGeometric}).
 *
 * <p>Two denominators are in use and give different numbers: customers at the start of the period
 * ({@link #of(long, long)}, the cohort definition, whose rate is a binomial proportion with a Wilson
 * interval) and the average of start and end ({@link #ofAverageCustomers(long, long, long)}, common in
 * SaaS reporting when customers are also acquired during the period). The factory names say which.
 * Unit: fractions per period.
 *
 * @since 0.1.0
 */
public final class ChurnRate {

    private final double rate;
    private final long customers;
    private final long lost;

    private ChurnRate(double rate, long customers, long lost) {
        this.rate = rate;
        this.customers = customers;
        this.lost = lost;
    }

    /**
     * The churn rate over customers at the start of the period, {@code lost / customersAtStart}.
     *
     * @param customersAtStart customers at the start of the period, {@code > 0}
     * @param customersLost those of them lost during the period, in {@code 0..customersAtStart}
     * @return the churn rate
     * @throws IllegalArgumentException if a count is out of range
     */
    public static ChurnRate of(long customersAtStart, long customersLost) {
        if (customersAtStart <= 0) {
            throw new IllegalArgumentException("customersAtStart must be > 0, was " + customersAtStart);
        }
        if (customersLost < 0 || customersLost > customersAtStart) {
            throw new IllegalArgumentException("customersLost must be in 0.." + customersAtStart + ", was "
                    + customersLost);
        }
        return new ChurnRate((double) customersLost / customersAtStart, customersAtStart, customersLost);
    }

    /**
     * The churn rate over the average number of customers, {@code lost / ((start + end)/2)}.
     *
     * @param customersAtStart customers at the start of the period, {@code >= 0}
     * @param customersAtEnd customers at the end, {@code >= 0}
     * @param customersLost customers lost during the period, {@code >= 0} and at most the average
     * @return the churn rate
     * @throws IllegalArgumentException if a count is negative, the average is 0, or the rate would
     *     exceed 1
     */
    public static ChurnRate ofAverageCustomers(long customersAtStart, long customersAtEnd, long customersLost) {
        if (customersAtStart < 0) {
            throw new IllegalArgumentException("customersAtStart must be >= 0, was " + customersAtStart);
        }
        if (customersAtEnd < 0) {
            throw new IllegalArgumentException("customersAtEnd must be >= 0, was " + customersAtEnd);
        }
        if (customersLost < 0) {
            throw new IllegalArgumentException("customersLost must be >= 0, was " + customersLost);
        }
        double average = (customersAtStart + (double) customersAtEnd) / 2.0;
        if (average == 0.0) {
            throw new IllegalArgumentException("the average number of customers is 0: the churn rate is undefined");
        }
        if (customersLost > average) {
            throw new IllegalArgumentException("customersLost " + customersLost
                    + " exceeds the average number of customers " + average);
        }
        return new ChurnRate(customersLost / average, 0, customersLost);
    }

    /**
     * A churn rate given directly.
     *
     * @param rate the churn rate per period, in [0, 1]
     * @return the churn rate
     * @throws IllegalArgumentException if {@code rate} is NaN or outside [0, 1]
     */
    public static ChurnRate ofRate(double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("rate must be in [0, 1], was " + rate);
        }
        return new ChurnRate(rate, 0, 0);
    }

    /**
     * The churn rate per period.
     *
     * @return {@code c}, in [0, 1]
     */
    public double rate() {
        return rate;
    }

    /**
     * The retention rate per period.
     *
     * @return {@code 1 − c}
     */
    public double retention() {
        return 1.0 - rate;
    }

    /**
     * The churn over several periods at this constant rate, {@code 1 − (1 − c)^k}.
     *
     * @param periods {@code k >= 0}
     * @return the fraction of a starting cohort lost after {@code k} periods
     * @throws IllegalArgumentException if {@code periods} is negative
     */
    public double rateOver(int periods) {
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, was " + periods);
        }
        return rate == 1.0 ? (periods == 0 ? 0.0 : 1.0) : -Math.expm1(periods * Math.log1p(-rate));
    }

    /**
     * The expected lifetime {@code 1/c} in periods (mean of a geometric lifetime counted in whole
     * periods, the period of churning included).
     *
     * @return the expected lifetime
     * @throws IllegalStateException if the churn rate is 0 (the lifetime is infinite)
     */
    public double expectedLifetime() {
        requirePositive("expected");
        return 1.0 / rate;
    }

    /**
     * The median lifetime {@code ⌈ln 0.5 / ln(1 − c)⌉} in periods: the first period by whose end at
     * least half of a cohort has churned.
     *
     * @return the median lifetime
     * @throws IllegalStateException if the churn rate is 0 (half the cohort is never lost)
     */
    public long medianLifetime() {
        requirePositive("median");
        if (rate == 1.0) {
            return 1;
        }
        return (long) Math.ceil(Math.log(0.5) / Math.log1p(-rate) - 1e-12);
    }

    /**
     * The binomial standard error {@code sqrt(c(1 − c)/n)} of a rate from {@link #of(long, long)}.
     *
     * @return the standard error
     * @throws IllegalStateException if the rate was not computed from customers at start
     */
    public double standardError() {
        return proportion().standardError();
    }

    /**
     * Wilson's interval for a rate from {@link #of(long, long)} (see {@code Proportion}).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the rate was not computed from customers at start
     */
    public Interval confidenceInterval(double level) {
        return proportion().confidenceInterval(level);
    }

    private Proportion proportion() {
        if (customers == 0) {
            throw new IllegalStateException("uncertainty needs the counts of of(customersAtStart, customersLost); "
                    + "this rate was given directly or over average customers");
        }
        return Proportion.of(lost, customers);
    }

    private void requirePositive(String what) {
        if (rate == 0.0) {
            throw new IllegalStateException("churn rate is 0: customers never leave, so the " + what
                    + " lifetime is infinite");
        }
    }

    /**
     * Equal when the rates (bit for bit) and the counts behind them are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnRate && Double.compare(rate, ((ChurnRate) o).rate) == 0
                && customers == ((ChurnRate) o).customers && lost == ((ChurnRate) o).lost;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (Double.hashCode(rate) * 31 + Long.hashCode(customers)) * 31 + Long.hashCode(lost);
    }

    /**
     * A readable summary, e.g. {@code ChurnRate[rate=0.0500]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ChurnRate[rate=%.4f]", rate);
    }
}
