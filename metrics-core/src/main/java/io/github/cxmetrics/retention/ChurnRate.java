package io.github.cxmetrics.retention;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * A churn rate per period: the fraction of customers lost in one period.
 *
 * <pre>{@code
 * c = lost / customersAtStart                      of(start, lost)
 * c = lost / ((customersAtStart + customersAtEnd)/2)   ofAverageCustomers(start, end, lost)
 * retention          = 1 − c
 * churn over k periods = 1 − (1 − c)^k             (NOT k·c)       rateOver(k), overPeriods(k)
 * expected lifetime  = 1/c periods                 (geometric lifetime)
 * median lifetime    = ⌈ln 0.5 / ln(1 − c)⌉ periods
 * }</pre>
 * <b>Compounding, not multiplying:</b> a monthly churn of 5 % is an annual churn of
 * {@code 1 − 0.95^12 = 45.96 %}, not 60 %; multiplying the monthly rate by 12 is the classic mistake,
 * and it can even exceed 100 %. The lifetime figures assume a constant churn rate, that is a
 * geometric lifetime; real cohorts usually churn less as they age (see
 * {@link ShiftedBetaGeometric}).
 *
 * <p><b>Other period lengths.</b> {@link #overPeriods(double)} converts the rate to a period
 * {@code k} times as long, for any real {@code k > 0}: an annual churn of 40 % is a monthly churn of
 * {@code 1 − 0.6^(1/12) = 4.1675 %} ({@code ofRate(0.40).overPeriods(1.0 / 12)}), and a monthly 5 %
 * is 45.96 % a year ({@code overPeriods(12)}). The converted rate keeps its uncertainty: its standard
 * error follows by the delta method and its interval by mapping the Wilson limits through the
 * increasing function {@code c ↦ 1 − (1 − c)^k}, which keeps the coverage of the original interval
 * exactly. {@link #rateOver(int)} is the same conversion to a whole number of periods, as a bare
 * {@code double}.
 *
 * <p>Two denominators are in use and give different numbers: customers at the start of the period
 * ({@link #of(long, long)}, the cohort definition, whose rate is a binomial proportion with a Wilson
 * interval) and the average of start and end ({@link #ofAverageCustomers(long, long, long)}, common in
 * SaaS reporting when customers are also acquired during the period). The factory names say which.
 * Unit: fractions per period; lifetimes in periods.
 *
 * <p><b>Overflow.</b> Every result is computed from finite input without overflow where its value is
 * representable; where it is not (an expected lifetime above {@code Double.MAX_VALUE} periods, a
 * median lifetime above {@code Long.MAX_VALUE} periods, possible only for rates below about
 * {@code 1e-19}), the method throws {@link ArithmeticException} naming the rate, never returns
 * {@code Infinity} or a saturated value.
 *
 * <p>References: the definitions and the compounding rule as in P. S. Fader &amp; B. G. S. Hardie
 * (2007), "How to project customer retention", <i>Journal of Interactive Marketing</i> 21(1):76–90,
 * §1 (retention {@code r = 1 − c} per period, survival {@code r^t} under a constant rate); the
 * lifetime of a constant churn rate is the geometric distribution (N. L. Johnson, A. W. Kemp &amp;
 * S. Kotz (2005), <i>Univariate Discrete Distributions</i>, 3rd ed., Wiley, §5.2); the delta method
 * as in A. Agresti (2013), <i>Categorical Data Analysis</i>, 3rd ed., Wiley, §16.1; Wilson's
 * interval as in {@link Proportion}.
 *
 * @since 0.1.0
 */
public final class ChurnRate {

    private final double rate;
    /** The counts the rate was estimated from ({@code customers > 0} only for {@code of}). */
    private final long customers;
    private final long lost;
    /**
     * The length of this rate's period in periods of the counts: 1 for the rate the counts give,
     * {@code k} after {@code overPeriods(k)}; always 1 without counts.
     */
    private final double periods;

    private ChurnRate(double rate, long customers, long lost, double periods) {
        this.rate = rate;
        this.customers = customers;
        this.lost = lost;
        this.periods = periods;
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
        return new ChurnRate((double) customersLost / customersAtStart, customersAtStart, customersLost, 1.0);
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
        return new ChurnRate(customersLost / average, 0, 0, 1.0);
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
        return new ChurnRate(rate, 0, 0, 1.0);
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
     * The churn over several periods at this constant rate, {@code 1 − (1 − c)^k}: the fraction of a
     * starting cohort lost after {@code k} periods. For {@code k >= 1} this is
     * {@code overPeriods(k).rate()}; use {@link #overPeriods(double)} for a fraction of a period or
     * to keep the standard error and interval.
     *
     * @param periods {@code k >= 0}
     * @return the fraction of a starting cohort lost after {@code k} periods, in [0, 1]
     * @throws IllegalArgumentException if {@code periods} is negative
     */
    public double rateOver(int periods) {
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, was " + periods);
        }
        return periods == 0 ? 0.0 : compound(rate, periods);
    }

    /**
     * The churn rate of a period {@code k} times as long as this one, {@code k} any real number
     * {@code > 0}: {@code c_k = 1 − (1 − c)^k}. From annual to monthly:
     * {@code annual.overPeriods(1.0 / 12)} (40 % a year is {@code 1 − 0.6^(1/12) = 4.1675 %} a month);
     * from monthly to annual: {@code monthly.overPeriods(12)} (5 % a month is 45.96 % a year).
     *
     * <p>A rate from {@link #of(long, long)} keeps its uncertainty, which is that of the counts:
     * <pre>{@code
     * SE_k = k (1 − c)^(k − 1) · SE                      delta method, SE = sqrt(c(1 − c)/n)
     * CI_k = [1 − (1 − L)^k,  1 − (1 − U)^k]              [L, U] the Wilson interval of c
     * }</pre>
     * The interval is the Wilson interval mapped through the increasing function
     * {@code c ↦ 1 − (1 − c)^k}, so it covers {@code c_k} exactly when the original covers {@code c};
     * it is not the symmetric {@code c_k ± z·SE_k}. Conversions compose:
     * {@code overPeriods(a).overPeriods(b)} is {@code overPeriods(a·b)} computed from the original
     * rate. The converted rate has no {@link #customers()}/{@link #lost()}: those counts belong to
     * the period they were observed in. Rates from {@link #ofRate(double)} and
     * {@link #ofAverageCustomers(long, long, long)} convert without uncertainty, as before.
     *
     * @param periods {@code k}, the length of the new period in periods of this rate, finite and
     *     {@code > 0} (12 for monthly to annual, {@code 1.0 / 12} for annual to monthly, 7 for daily
     *     to weekly)
     * @return the churn rate per new period, in [0, 1]
     * @throws IllegalArgumentException if {@code periods} is NaN, infinite or not above 0
     */
    public ChurnRate overPeriods(double periods) {
        if (!(periods > 0.0 && periods < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("periods must be finite and > 0, was " + periods);
        }
        if (customers == 0) {
            return new ChurnRate(periods == 1.0 ? rate : compound(rate, periods), 0, 0, 1.0);
        }
        double k = this.periods * periods;
        if (!(k > 0.0 && k < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("periods " + periods + " times the " + this.periods
                    + " periods already applied to this rate is " + k + ": the combined period length must be "
                    + "finite and > 0");
        }
        double c = (double) lost / customers;
        return new ChurnRate(k == 1.0 ? c : compound(c, k), customers, lost, k);
    }

    /** {@code 1 − (1 − c)^k} for {@code k > 0}, without cancellation for small {@code c}. */
    private static double compound(double c, double k) {
        return c == 1.0 ? 1.0 : -Math.expm1(k * Math.log1p(-c));
    }

    /**
     * The number of customers at the start, for a rate from {@link #of(long, long)}.
     *
     * @return {@code customersAtStart}; empty for a rate given directly, over average customers, or
     *     converted by {@link #overPeriods(double)}
     */
    public OptionalLong customers() {
        return customers > 0 && periods == 1.0 ? OptionalLong.of(customers) : OptionalLong.empty();
    }

    /**
     * The number of customers lost, for a rate from {@link #of(long, long)}.
     *
     * @return {@code customersLost}; empty whenever {@link #customers()} is
     */
    public OptionalLong lost() {
        return customers > 0 && periods == 1.0 ? OptionalLong.of(lost) : OptionalLong.empty();
    }

    /**
     * The expected lifetime {@code 1/c} in periods (mean of a geometric lifetime counted in whole
     * periods, the period of churning included).
     *
     * @return the expected lifetime, finite and {@code >= 1}
     * @throws IllegalStateException if the churn rate is 0 (the lifetime is infinite)
     * @throws ArithmeticException if {@code 1/c} exceeds {@code Double.MAX_VALUE} (a rate below
     *     {@code 1/Double.MAX_VALUE ≈ 5.6e-309})
     */
    public double expectedLifetime() {
        requirePositive("expected");
        double lifetime = 1.0 / rate;
        if (lifetime == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("the expected lifetime 1/rate overflows a double for rate " + rate);
        }
        return lifetime;
    }

    /**
     * The median lifetime {@code ⌈ln 0.5 / ln(1 − c)⌉} in periods: the first period by whose end at
     * least half of a cohort has churned. Above {@code 2^53} periods (rates below about
     * {@code 7.7e-17}) the value carries the relative precision of a double, {@code 1e-16}.
     *
     * @return the median lifetime, {@code >= 1}
     * @throws IllegalStateException if the churn rate is 0 (half the cohort is never lost)
     * @throws ArithmeticException if the median exceeds {@code Long.MAX_VALUE} periods (a rate below
     *     about {@code 7.5e-20})
     */
    public long medianLifetime() {
        requirePositive("median");
        if (rate == 1.0) {
            return 1;
        }
        double median = Math.ceil(Math.log(0.5) / Math.log1p(-rate) - 1e-12);
        if (!(median < 0x1p63)) {
            throw new ArithmeticException("the median lifetime " + median + " periods exceeds Long.MAX_VALUE for rate "
                    + rate);
        }
        return (long) median;
    }

    /**
     * The standard error of a rate from {@link #of(long, long)}: binomial, {@code sqrt(c(1 − c)/n)};
     * after {@link #overPeriods(double) overPeriods(k)}, by the delta method
     * {@code k (1 − c)^(k − 1) · sqrt(c(1 − c)/n)} with {@code c} the rate of the counts.
     *
     * @return the standard error, a fraction, finite and {@code >= 0}
     * @throws IllegalStateException if the rate was not computed from customers at start
     */
    public double standardError() {
        double se = proportion().standardError();
        if (periods == 1.0 || se == 0.0) {
            return se;
        }
        double c = (double) lost / customers; // < 1 here: se > 0
        return Math.exp(Math.log(periods) + (periods - 1.0) * Math.log1p(-c)) * se;
    }

    /**
     * Wilson's interval for a rate from {@link #of(long, long)} (see {@code Proportion}); after
     * {@link #overPeriods(double) overPeriods(k)}, the Wilson limits {@code [L, U]} of the counts'
     * rate mapped to {@code [1 − (1 − L)^k, 1 − (1 − U)^k]}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the rate was not computed from customers at start
     */
    public Interval confidenceInterval(double level) {
        Interval wilson = proportion().confidenceInterval(level);
        if (periods == 1.0) {
            return wilson;
        }
        // the Wilson limits are exactly 0 at x = 0 and 1 at x = n; the rounded ones (1 − 2^−53) would be
        // stretched by the map near 1 (k = 1/2 turns 1 − 2^−53 into 1 − 1e-8)
        double lower = lost == 0 ? 0.0 : compound(wilson.lower(), periods);
        double upper = lost == customers ? 1.0 : compound(wilson.upper(), periods);
        return new Interval(lower, upper, level);
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
     * Equal when the rates (bit for bit), the counts behind them and the period conversion applied
     * to them are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnRate && Double.compare(rate, ((ChurnRate) o).rate) == 0
                && customers == ((ChurnRate) o).customers && lost == ((ChurnRate) o).lost
                && Double.compare(periods, ((ChurnRate) o).periods) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return ((Double.hashCode(rate) * 31 + Long.hashCode(customers)) * 31 + Long.hashCode(lost)) * 31
                + Double.hashCode(periods);
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
