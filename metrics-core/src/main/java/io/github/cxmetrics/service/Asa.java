package io.github.cxmetrics.service;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanSummary;
import java.util.Locale;

/**
 * Average speed of answer: the mean queue wait of the answered contacts,
 * <pre>{@code
 * ASA = Σ wait of answered contacts / answered contacts
 * }</pre>
 * in the unit of the waits (Amazon Connect, "Average queue answer time"; ICMI). Abandoned contacts
 * are not in it. The interval is Student's t on the waits, an approximation for the skewed waits of
 * a queue; {@link ErlangC#averageSpeedOfAnswer()} is the model's value.
 *
 * <p>Instances are immutable.
 *
 * @since 0.2.0
 */
public final class Asa {

    private final MeanSummary waits;

    private Asa(MeanSummary waits) {
        this.waits = waits;
    }

    /**
     * ASA from the waits of the answered contacts.
     *
     * @param waits one per answered contact, finite and {@code >= 0}
     * @return the ASA
     * @throws NullPointerException if the array is null
     * @throws IllegalArgumentException if it is empty or a wait is negative, NaN or infinite
     */
    public static Asa of(double... waits) {
        return new Asa(Aht.summary("wait", waits));
    }

    /**
     * The average speed of answer.
     *
     * @return the mean wait
     */
    public double value() {
        return waits.mean();
    }

    /**
     * The answered contacts.
     *
     * @return the count, {@code > 0}
     */
    public long count() {
        return waits.count();
    }

    /**
     * The waits' summary.
     *
     * @return the summary
     */
    public MeanSummary summary() {
        return waits;
    }

    /**
     * The Student t interval of the mean wait.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if there is only one answered contact
     */
    public Interval confidenceInterval(double level) {
        return waits.confidenceInterval(level);
    }

    /**
     * Equal when the summaries are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Asa && ((Asa) o).waits.equals(waits);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return waits.hashCode();
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code Asa[12.5000, n=860]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Asa[%.4f, n=%d]", value(), count());
    }
}
