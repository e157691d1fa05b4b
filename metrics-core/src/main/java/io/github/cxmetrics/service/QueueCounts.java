package io.github.cxmetrics.service;

import io.github.cxmetrics.stats.Proportion;
import java.util.Objects;

/**
 * The counts of a queue over an interval from which service level and abandonment rate are computed
 * (ICMI, "Service Level Calculations", 2005).
 *
 * <pre>{@code
 * answered          AN    contacts answered by an agent
 * abandoned         AB    contacts that left the queue before an answer
 * answeredWithin    ANw   answered with a wait <= T, the service-level threshold
 * abandonedWithin   ABw   abandoned with a wait <= T                (abandoned after T: ABa = AB − ABw)
 * shortAbandoned    ABs   abandoned with a wait < the short-abandon threshold (e.g. 5 s)
 * }</pre>
 * Contacts queued for a callback are neither answered nor abandoned (Amazon Connect's definition);
 * leave them out. Counts are exact {@code long}s.
 *
 * @param answered AN, {@code >= 0}
 * @param abandoned AB, {@code >= 0}
 * @param answeredWithin ANw, in {@code 0..answered}
 * @param abandonedWithin ABw, in {@code 0..abandoned}
 * @param shortAbandoned ABs, in {@code 0..abandoned}
 * @since 0.2.0
 */
public record QueueCounts(long answered, long abandoned, long answeredWithin, long abandonedWithin,
        long shortAbandoned) {

    /**
     * Validates the counts.
     *
     * @param answered AN
     * @param abandoned AB
     * @param answeredWithin ANw
     * @param abandonedWithin ABw
     * @param shortAbandoned ABs
     * @throws IllegalArgumentException if a count is outside the range given in the record
     *     description, or {@code answered + abandoned} overflows
     */
    public QueueCounts {
        nonNegative("answered", answered);
        nonNegative("abandoned", abandoned);
        within("answeredWithin", answeredWithin, "answered", answered);
        within("abandonedWithin", abandonedWithin, "abandoned", abandoned);
        within("shortAbandoned", shortAbandoned, "abandoned", abandoned);
        if (answered > Long.MAX_VALUE - abandoned) {
            throw new IllegalArgumentException("answered + abandoned must not exceed " + Long.MAX_VALUE + ", was "
                    + answered + " + " + abandoned);
        }
    }

    private static void nonNegative(String name, long v) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + v);
        }
    }

    private static void within(String name, long v, String boundName, long bound) {
        if (v < 0 || v > bound) {
            throw new IllegalArgumentException(name + " must be in 0.." + bound + " (" + boundName + "), was " + v);
        }
    }

    /**
     * Counts a queue's contacts from their waits.
     *
     * @param waits each contact's time in queue (to answer, or to abandon), finite and {@code >= 0},
     *     in seconds or any unit shared with the thresholds
     * @param answered whether each contact was answered ({@code false}: abandoned)
     * @param threshold T, the service-level threshold: a wait {@code <= T} is within it; finite and
     *     {@code >= 0}
     * @param shortAbandonThreshold an abandon with a wait {@code <} this is short; 0 makes none
     *     short; finite and {@code >= 0}
     * @return the counts
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, a wait is negative, NaN or
     *     infinite (the message gives its index), or a threshold is out of range
     */
    public static QueueCounts fromWaits(double[] waits, boolean[] answered, double threshold,
            double shortAbandonThreshold) {
        Objects.requireNonNull(waits, "waits");
        Objects.requireNonNull(answered, "answered");
        if (waits.length != answered.length) {
            throw new IllegalArgumentException("waits and answered must have the same length, were "
                    + waits.length + " and " + answered.length);
        }
        if (!(threshold >= 0.0 && threshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("threshold must be finite and >= 0, was " + threshold);
        }
        if (!(shortAbandonThreshold >= 0.0 && shortAbandonThreshold < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("shortAbandonThreshold must be finite and >= 0, was "
                    + shortAbandonThreshold);
        }
        long an = 0;
        long ab = 0;
        long anw = 0;
        long abw = 0;
        long abs = 0;
        for (int i = 0; i < waits.length; i++) {
            double w = waits[i];
            if (!(w >= 0.0 && w < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("wait must be finite and >= 0, was " + w + " (index " + i + ")");
            }
            if (answered[i]) {
                an++;
                if (w <= threshold) {
                    anw++;
                }
            } else {
                ab++;
                if (w <= threshold) {
                    abw++;
                }
                if (w < shortAbandonThreshold) {
                    abs++;
                }
            }
        }
        return new QueueCounts(an, ab, anw, abw, abs);
    }

    /**
     * The contacts queued, {@code AN + AB}.
     *
     * @return the count
     */
    public long queued() {
        return answered + abandoned;
    }

    /**
     * Abandoned after the threshold, {@code ABa = AB − ABw}.
     *
     * @return the count
     */
    public long abandonedAfter() {
        return abandoned - abandonedWithin;
    }

    /**
     * The abandonment rate {@code AB / (AN + AB)}: abandoned over queued (Amazon Connect, "Contact
     * abandonment rate", metrics definitions; reported there in percent).
     *
     * @return the proportion (Wilson interval by default)
     * @throws IllegalStateException if no contact was queued
     */
    public Proportion abandonmentRate() {
        return Proportion.of(abandoned, nonEmpty(queued()));
    }

    /**
     * The abandonment rate with short abandons excluded from numerator and denominator,
     * {@code (AB − ABs) / (AN + AB − ABs)} (the "short abandon" switch of Genesys, RingCentral's
     * {@code abandonedThresholdSeconds}, Vonage's "Short Abandon Time").
     *
     * @return the proportion
     * @throws IllegalStateException if no contact other than short abandons was queued
     */
    public Proportion abandonmentRateExcludingShort() {
        return Proportion.of(abandoned - shortAbandoned, nonEmpty(queued() - shortAbandoned));
    }

    private static long nonEmpty(long n) {
        if (n == 0) {
            throw new IllegalStateException("abandonment rate of no queued contact is undefined");
        }
        return n;
    }

    /**
     * The service level by a named formula.
     *
     * @param formula the formula
     * @return the service level
     * @throws NullPointerException if {@code formula} is null
     * @throws IllegalStateException if the formula's denominator is 0
     */
    public ServiceLevel serviceLevel(ServiceLevel.Formula formula) {
        return ServiceLevel.of(this, formula);
    }
}
