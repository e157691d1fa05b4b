package io.github.cxmetrics.service;

/**
 * Agent occupancy: the share of staffed time spent handling contacts,
 * <pre>{@code
 * occupancy = handle time (talk + hold + after-call work) / (handle time + available idle time)
 * }</pre>
 * a fraction 0…1 (ICMI). In the Erlang C model it is {@code A/N} ({@link ErlangC#occupancy()}).
 *
 * @since 0.2.0
 */
public final class Occupancy {

    private Occupancy() {
    }

    /**
     * The occupancy of an interval.
     *
     * @param handleTime the agents' total handle time, finite and {@code >= 0}
     * @param staffedTime the agents' total staffed (logged-in, available or busy) time, finite,
     *     {@code > 0} and {@code >= handleTime}
     * @return {@code handleTime / staffedTime}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double of(double handleTime, double staffedTime) {
        Aht.time("handleTime", handleTime, -1);
        if (!(staffedTime > 0.0 && staffedTime < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("staffedTime must be finite and > 0, was " + staffedTime);
        }
        if (handleTime > staffedTime) {
            throw new IllegalArgumentException("handleTime " + handleTime + " exceeds staffedTime " + staffedTime);
        }
        return handleTime / staffedTime;
    }
}
