package io.github.cxmetrics.service;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import java.util.Locale;
import java.util.Objects;

/**
 * Average handling time: the mean time an agent spends on a handled contact,
 * <pre>{@code
 * AHT = Σ (talk + hold + after-call work) / handled contacts
 * }</pre>
 * in the unit of the inputs (seconds, usually). The interval is Student's t on the per-contact
 * handle times ({@link MeanSummary}); handle times are right-skewed, so at small n the t interval is
 * an approximation. Definition as in the ICMI and Sysomos glossaries ("AHT = (talk time + hold time
 * + after-call work) / calls handled").
 *
 * <p>Instances are immutable.
 *
 * @since 0.2.0
 */
public final class Aht {

    private final MeanSummary handleTimes;

    private Aht(MeanSummary handleTimes) {
        this.handleTimes = handleTimes;
    }

    /**
     * AHT from per-contact components.
     *
     * @param talk talk time of each handled contact, finite and {@code >= 0}
     * @param hold hold time of each, finite and {@code >= 0}
     * @param afterCallWork after-call work of each, finite and {@code >= 0}
     * @return the AHT
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a time is
     *     negative, NaN or infinite (the message names the component and index)
     */
    public static Aht of(double[] talk, double[] hold, double[] afterCallWork) {
        Objects.requireNonNull(talk, "talk");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(afterCallWork, "afterCallWork");
        if (hold.length != talk.length || afterCallWork.length != talk.length) {
            throw new IllegalArgumentException("talk, hold and afterCallWork must have the same length, were "
                    + talk.length + ", " + hold.length + " and " + afterCallWork.length);
        }
        double[] total = new double[talk.length];
        for (int i = 0; i < talk.length; i++) {
            total[i] = time("talk", talk[i], i) + time("hold", hold[i], i) + time("afterCallWork", afterCallWork[i], i);
        }
        return ofHandleTimes(total);
    }

    /**
     * AHT from per-contact handle times (talk + hold + after-call work already summed).
     *
     * @param handleTimes one per handled contact, finite and {@code >= 0}
     * @return the AHT
     * @throws NullPointerException if the array is null
     * @throws IllegalArgumentException if it is empty or a time is negative, NaN or infinite
     */
    public static Aht ofHandleTimes(double... handleTimes) {
        return new Aht(summary("handleTime", handleTimes));
    }

    /**
     * AHT from interval totals, {@code (talk + hold + afterCallWork) / handled}: the figure an ACD
     * report gives; no interval without the per-contact times.
     *
     * @param talk total talk time, finite and {@code >= 0}
     * @param hold total hold time, finite and {@code >= 0}
     * @param afterCallWork total after-call work, finite and {@code >= 0}
     * @param handled contacts handled, {@code > 0}
     * @return the AHT, in the unit of the totals
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double fromTotals(double talk, double hold, double afterCallWork, long handled) {
        if (handled <= 0) {
            throw new IllegalArgumentException("handled must be > 0, was " + handled);
        }
        return (time("talk", talk, -1) + time("hold", hold, -1) + time("afterCallWork", afterCallWork, -1)) / handled;
    }

    static double time(String name, double v, int index) {
        if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v
                    + (index >= 0 ? " (index " + index + ")" : ""));
        }
        return v;
    }

    static MeanSummary summary(String name, double[] values) {
        Objects.requireNonNull(values, name + "s");
        if (values.length == 0) {
            throw new IllegalArgumentException(name + "s must not be empty");
        }
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = 0; i < values.length; i++) {
            acc.add(time(name, values[i], i));
        }
        return acc.snapshot();
    }

    /**
     * The average handling time.
     *
     * @return the mean, in the unit of the inputs
     */
    public double value() {
        return handleTimes.mean();
    }

    /**
     * The handled contacts.
     *
     * @return the count, {@code > 0}
     */
    public long count() {
        return handleTimes.count();
    }

    /**
     * The per-contact handle times' summary (mean, variance, standard error).
     *
     * @return the summary
     */
    public MeanSummary summary() {
        return handleTimes;
    }

    /**
     * The Student t interval of the mean handle time.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, in the unit of the inputs
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if there is only one contact
     */
    public Interval confidenceInterval(double level) {
        return handleTimes.confidenceInterval(level);
    }

    /**
     * Equal when the summaries are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Aht && ((Aht) o).handleTimes.equals(handleTimes);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return handleTimes.hashCode();
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code Aht[80.0000, n=100]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Aht[%.4f, n=%d]", value(), count());
    }
}
