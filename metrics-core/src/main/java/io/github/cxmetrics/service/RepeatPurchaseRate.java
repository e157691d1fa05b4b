package io.github.cxmetrics.service;

import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.clv.Transaction;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The repeat-purchase rate: the share of a window's customers who bought on at least two
 * occasions in it,
 * <pre>{@code
 * rate = customers with >= 2 purchase days in [from, to] / customers with >= 1 purchase day in [from, to]
 * }</pre>
 * a fraction 0…1, with the Wilson interval. A purchase occasion is a calendar day with at least one
 * transaction of the customer: several transactions on one day are one occasion, exactly as
 * {@link RfmSummary#fromTransactions(Collection, LocalDate, ChronoUnit)} collapses them (its
 * frequency, the repeat purchases, is the number of occasions − 1; this rate is the share of
 * summaries with frequency {@code >= 1}). Amounts play no part: a day with only a return is still an
 * occasion, as it is for the RFM summary.
 *
 * <p>The window should be equally long for every cohort compared: a customer first seen near its
 * end had less time to come back.
 *
 * @since 0.2.0
 */
public final class RepeatPurchaseRate {

    private final long repeaters;
    private final long customers;

    private RepeatPurchaseRate(long repeaters, long customers) {
        this.repeaters = repeaters;
        this.customers = customers;
    }

    /**
     * The rate from transactions in a window.
     *
     * @param transactions the purchases, in any order; those outside {@code [from, to]} are ignored
     * @param from the window's first day (inclusive)
     * @param to the window's last day (inclusive)
     * @return the rate
     * @throws NullPointerException if an argument or a transaction is null
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or no customer bought in
     *     the window
     */
    public static RepeatPurchaseRate of(Collection<Transaction> transactions, LocalDate from, LocalDate to) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        List<Transaction> inWindow = new ArrayList<>();
        for (Transaction t : transactions) {
            Objects.requireNonNull(t, "transaction");
            if (!t.date().isBefore(from) && !t.date().isAfter(to)) {
                // amounts do not define an occasion; a unit amount keeps RfmSummary's monetary check out of it
                inWindow.add(new Transaction(t.customerId(), t.date(), 1.0));
            }
        }
        if (inWindow.isEmpty()) {
            throw new IllegalArgumentException("no customer bought between " + from + " and " + to
                    + "; the repeat-purchase rate is undefined");
        }
        return ofSummaries(RfmSummary.fromTransactions(inWindow, to, ChronoUnit.DAYS).values());
    }

    /**
     * The rate from per-customer RFM summaries: the share with frequency {@code >= 1}.
     *
     * @param summaries one per customer
     * @return the rate
     * @throws NullPointerException if the collection or a summary is null
     * @throws IllegalArgumentException if there is no summary
     */
    public static RepeatPurchaseRate ofSummaries(Collection<RfmSummary> summaries) {
        Objects.requireNonNull(summaries, "summaries");
        long n = 0;
        long r = 0;
        for (RfmSummary s : summaries) {
            Objects.requireNonNull(s, "summary");
            n++;
            if (s.frequency() >= 1) {
                r++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("summaries must not be empty: the repeat-purchase rate is undefined");
        }
        return new RepeatPurchaseRate(r, n);
    }

    /**
     * The rate from per-customer summaries keyed by customer ({@link RfmSummary#fromTransactions}'s
     * result).
     *
     * @param summaries one per customer
     * @return the rate
     * @throws NullPointerException if the map or a summary is null
     * @throws IllegalArgumentException if the map is empty
     */
    public static RepeatPurchaseRate ofSummaries(Map<String, RfmSummary> summaries) {
        return ofSummaries(Objects.requireNonNull(summaries, "summaries").values());
    }

    /**
     * The customers with at least two purchase occasions.
     *
     * @return the count
     */
    public long repeaters() {
        return repeaters;
    }

    /**
     * The customers with at least one purchase occasion.
     *
     * @return the count, {@code > 0}
     */
    public long customers() {
        return customers;
    }

    /**
     * The rate {@code repeaters / customers}.
     *
     * @return a fraction in {@code [0, 1]}
     */
    public double value() {
        return (double) repeaters / customers;
    }

    /**
     * The rate as a proportion.
     *
     * @return {@code Proportion.of(repeaters, customers)}
     */
    public Proportion proportion() {
        return Proportion.of(repeaters, customers);
    }

    /**
     * The Wilson interval.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public Interval confidenceInterval(double level) {
        return proportion().confidenceInterval(level);
    }

    /**
     * Compares two rates: {@code b − a} by {@link Proportion#compare(Proportion, Proportion)}.
     *
     * @param a the first rate
     * @param b the second rate
     * @return the difference, fractions
     * @throws NullPointerException if an argument is null
     */
    public static Difference compare(RepeatPurchaseRate a, RepeatPurchaseRate b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return Proportion.compare(a.proportion(), b.proportion());
    }

    /**
     * Equal when the counts are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RepeatPurchaseRate && ((RepeatPurchaseRate) o).repeaters == repeaters
                && ((RepeatPurchaseRate) o).customers == customers;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Long.hashCode(repeaters) * 31 + Long.hashCode(customers);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code RepeatPurchaseRate[3/5 = 0.6000]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RepeatPurchaseRate[%d/%d = %.4f]", repeaters, customers, value());
    }
}
