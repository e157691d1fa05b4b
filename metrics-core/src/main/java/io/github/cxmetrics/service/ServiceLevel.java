package io.github.cxmetrics.service;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.Proportion;
import java.util.Locale;
import java.util.Objects;

/**
 * A service level: the share of contacts answered within a threshold T, by one of the formulas in
 * use, named by {@link Formula}. With the counts of {@link QueueCounts}:
 * <pre>{@code
 * ICMI_1  ANSWERED_AND_ABANDONED_WITHIN    (ANw + ABw) / (AN + AB)
 * ICMI_2  ANSWERED_ONLY                    ANw / AN
 * ICMI_3  ALL_QUEUED                       ANw / (AN + AB)
 * ICMI_4  ABANDONED_AFTER_COUNTED          ANw / (AN + ABa)
 * ICMI_5  SHORT_ABANDONS_MET               (ANw + ABs) / (AN + AB)
 *         SHORT_ABANDONS_EXCLUDED          ANw / (AN + AB − ABs)
 * }</pre>
 * The first five are ICMI's ("Service Level Calculations", QueueTips, March 2005; the same example
 * data in callcentrehelper.com, "Service level threshold calculations"); ICMI does not recommend the
 * second, which ignores abandons. The last is the Genesys Cloud form with short abandons switched
 * off ("Configure the service level calculation"), RingCentral's {@code abandonedThresholdSeconds}.
 * Unit: a fraction 0…1. The interval is Wilson's on {@code met / denominator}.
 *
 * @since 0.2.0
 */
public final class ServiceLevel {

    /**
     * The service-level formulas (see the class table).
     *
     * @since 0.2.0
     */
    public enum Formula {
        /** ICMI 1: {@code (ANw + ABw) / (AN + AB)}, abandons within T count as met. */
        ANSWERED_AND_ABANDONED_WITHIN,
        /** ICMI 2: {@code ANw / AN}; ignores abandons. */
        ANSWERED_ONLY,
        /** ICMI 3: {@code ANw / (AN + AB)}; every abandon counts as missed. */
        ALL_QUEUED,
        /** ICMI 4: {@code ANw / (AN + ABa)}; abandons within T left out. */
        ABANDONED_AFTER_COUNTED,
        /** ICMI 5: {@code (ANw + ABs) / (AN + AB)}; short abandons count as met. */
        SHORT_ABANDONS_MET,
        /** Genesys-style: {@code ANw / (AN + AB − ABs)}; short abandons left out. */
        SHORT_ABANDONS_EXCLUDED
    }

    private final Formula formula;
    private final long met;
    private final long denominator;

    private ServiceLevel(Formula formula, long met, long denominator) {
        this.formula = formula;
        this.met = met;
        this.denominator = denominator;
    }

    /**
     * The service level of some counts by a formula.
     *
     * @param counts the queue's counts
     * @param formula the formula
     * @return the service level
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if the formula's denominator is 0
     */
    public static ServiceLevel of(QueueCounts counts, Formula formula) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(formula, "formula");
        long an = counts.answered();
        long ab = counts.abandoned();
        long anw = counts.answeredWithin();
        long met;
        long den;
        switch (formula) {
            case ANSWERED_AND_ABANDONED_WITHIN:
                met = anw + counts.abandonedWithin();
                den = an + ab;
                break;
            case ANSWERED_ONLY:
                met = anw;
                den = an;
                break;
            case ALL_QUEUED:
                met = anw;
                den = an + ab;
                break;
            case ABANDONED_AFTER_COUNTED:
                met = anw;
                den = an + counts.abandonedAfter();
                break;
            case SHORT_ABANDONS_MET:
                met = anw + counts.shortAbandoned();
                den = an + ab;
                break;
            case SHORT_ABANDONS_EXCLUDED:
                met = anw;
                den = an + ab - counts.shortAbandoned();
                break;
            default:
                throw new AssertionError(formula);
        }
        if (den == 0) {
            throw new IllegalStateException("service level " + formula + " is undefined: its denominator is 0");
        }
        return new ServiceLevel(formula, met, den);
    }

    /**
     * The formula.
     *
     * @return the formula this value was computed by
     */
    public Formula formula() {
        return formula;
    }

    /**
     * The contacts that met the threshold (the numerator).
     *
     * @return the count
     */
    public long met() {
        return met;
    }

    /**
     * The formula's denominator.
     *
     * @return the count, {@code > 0}
     */
    public long denominator() {
        return denominator;
    }

    /**
     * The service level, {@code met / denominator}.
     *
     * @return a fraction in {@code [0, 1]}
     */
    public double value() {
        return (double) met / denominator;
    }

    /**
     * The service level as a proportion.
     *
     * @return {@code Proportion.of(met, denominator)}
     */
    public Proportion proportion() {
        return Proportion.of(met, denominator);
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
     * Equal when formula and counts are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevel && ((ServiceLevel) o).formula == formula && ((ServiceLevel) o).met == met
                && ((ServiceLevel) o).denominator == denominator;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(formula, met, denominator);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code ServiceLevel[ALL_QUEUED: 860/1060 = 0.8113]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ServiceLevel[%s: %d/%d = %.4f]", formula, met, denominator, value());
    }
}
