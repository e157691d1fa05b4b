package io.github.cxmetrics.service;

import io.github.cxmetrics.retention.KaplanMeier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Resolution times of tickets, some still open: right-censored durations, estimated by
 * Kaplan–Meier ({@link KaplanMeier}). A ticket resolved by the as-of time contributes its
 * resolution time {@code resolved − opened}; a ticket still open then (or resolved only later)
 * contributes {@code asOf − opened} as a censored time: it is known to take at least that long.
 *
 * <p>Leaving the open tickets out, or counting them as resolved at the as-of time, biases the
 * resolution time down — the open tickets are the long ones. Example (hours, + = open): 2, 5, 8+,
 * 12, 24, 30+, 48, 72+, 96, 120 has Kaplan–Meier median 48 h; the median of the seven resolved
 * tickets alone is 24 h (R {@code survival::survfit}).
 *
 * <p>Quantiles follow R's {@code quantile.survfit}: the p-quantile is the first event time at which
 * {@code S(t) <= 1 − p}, with the midpoint of a stretch where the curve sits exactly at
 * {@code 1 − p} (see {@link KaplanMeier#medianSurvival()}); empty where the curve never falls that
 * far. Durations are in a caller-chosen unit (e.g. {@code Duration.ofHours(1)}).
 *
 * <p>Instances are immutable.
 *
 * @since 0.2.0
 */
public final class ResolutionTimes {

    /** R's {@code quantile.survfit} tolerance, {@code sqrt(.Machine$double.eps)}. */
    private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private final KaplanMeier curve;
    private final long open;
    private final double longest;
    private final Duration unit;

    private ResolutionTimes(KaplanMeier curve, long open, double longest, Duration unit) {
        this.curve = curve;
        this.open = open;
        this.longest = longest;
        this.unit = unit;
    }

    /**
     * The resolution-time curve of tickets as of a time.
     *
     * @param opened each ticket's opening time, not null
     * @param resolved each ticket's resolution time, or null while it is open
     * @param asOf the time of the data: tickets not resolved by then are censored at it
     * @param unit the unit of the durations, {@code > 0} (e.g. one hour)
     * @return the curve
     * @throws NullPointerException if an argument or an opening time is null
     * @throws IllegalArgumentException if the arrays differ in length or are empty, a ticket was
     *     opened after {@code asOf} or resolved before it was opened (the message gives its index),
     *     or {@code unit} is not positive
     */
    public static ResolutionTimes of(Instant[] opened, Instant[] resolved, Instant asOf, Duration unit) {
        Objects.requireNonNull(opened, "opened");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(unit, "unit");
        if (unit.isNegative() || unit.isZero()) {
            throw new IllegalArgumentException("unit must be > 0, was " + unit);
        }
        if (opened.length != resolved.length) {
            throw new IllegalArgumentException("opened and resolved must have the same length, were "
                    + opened.length + " and " + resolved.length);
        }
        if (opened.length == 0) {
            throw new IllegalArgumentException("tickets must not be empty");
        }
        double unitSeconds = seconds(unit);
        double[] durations = new double[opened.length];
        boolean[] observed = new boolean[opened.length];
        long open = 0;
        double longest = 0.0;
        for (int i = 0; i < opened.length; i++) {
            Instant o = Objects.requireNonNull(opened[i], "opened[" + i + "]");
            if (o.isAfter(asOf)) {
                throw new IllegalArgumentException("ticket opened at " + o + " is after asOf " + asOf + " (index " + i
                        + ")");
            }
            Instant r = resolved[i];
            if (r != null && r.isBefore(o)) {
                throw new IllegalArgumentException("ticket resolved at " + r + " before it was opened at " + o
                        + " (index " + i + ")");
            }
            boolean done = r != null && !r.isAfter(asOf);
            if (!done) {
                open++;
            }
            durations[i] = seconds(Duration.between(o, done ? r : asOf)) / unitSeconds;
            observed[i] = done;
            longest = Math.max(longest, durations[i]);
        }
        return new ResolutionTimes(KaplanMeier.fit(durations, observed), open, longest, unit);
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /**
     * The Kaplan–Meier curve {@code S(t) = P(resolution time > t)}.
     *
     * @return the curve, durations in {@link #unit()}
     */
    public KaplanMeier curve() {
        return curve;
    }

    /**
     * The unit of the durations.
     *
     * @return the unit
     */
    public Duration unit() {
        return unit;
    }

    /**
     * The tickets.
     *
     * @return the count
     */
    public long count() {
        return curve.count();
    }

    /**
     * The tickets still open at the as-of time (censored).
     *
     * @return the count
     */
    public long open() {
        return open;
    }

    /**
     * The median resolution time, {@link KaplanMeier#medianSurvival()}.
     *
     * @return the median in {@link #unit()}, or empty if fewer than half the tickets can be known
     *     resolved
     */
    public OptionalDouble median() {
        return curve.medianSurvival();
    }

    /**
     * The p-quantile of the resolution time (R's {@code quantile.survfit}, see the class
     * description): the time by which a share p of tickets is resolved.
     *
     * @param p the share, in {@code (0, 1)}
     * @return the quantile in {@link #unit()}, or empty when the curve never falls to {@code 1 − p}
     * @throws IllegalArgumentException if {@code p} is not in {@code (0, 1)}
     */
    public OptionalDouble quantile(double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("p must be in (0, 1), was " + p);
        }
        double level = 1.0 - p;
        List<KaplanMeier.Step> steps = curve.steps();
        int first = -1;
        for (int k = 0; k < steps.size(); k++) {
            if (steps.get(k).survival() <= level + TOLERANCE) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        double t = steps.get(first).time();
        if (Math.abs(steps.get(first).survival() - level) >= TOLERANCE) {
            return OptionalDouble.of(t);
        }
        for (int k = first + 1; k < steps.size(); k++) {
            if (steps.get(k).survival() <= level - TOLERANCE) {
                return OptionalDouble.of(midpoint(t, steps.get(k).time()));
            }
        }
        return OptionalDouble.of(midpoint(t, longest));
    }

    private static double midpoint(double a, double b) {
        double sum = a + b;
        return sum < Double.POSITIVE_INFINITY ? sum / 2.0 : a / 2.0 + b / 2.0;
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code ResolutionTimes[n=10, open=3, median=48.0 PT1H]}
     */
    @Override
    public String toString() {
        OptionalDouble m = median();
        return String.format(Locale.ROOT, "ResolutionTimes[n=%d, open=%d, median=%s %s]", count(), open,
                m.isPresent() ? Double.toString(m.getAsDouble()) : "not reached", unit);
    }
}
