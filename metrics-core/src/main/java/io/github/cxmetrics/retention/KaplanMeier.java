package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The Kaplan–Meier estimate of a survival curve from right-censored lifetimes (Kaplan &amp; Meier
 * 1958, "Nonparametric estimation from incomplete observations", <i>JASA</i> 53:457–481).
 *
 * <pre>{@code
 * S(t)     = Π_{t_i <= t} (1 − d_i / n_i)              d_i events at t_i, n_i at risk just before t_i
 * Var S(t) = S(t)² · Σ_{t_i <= t} d_i / (n_i (n_i − d_i))      (Greenwood 1926)
 * }</pre>
 * Ties: at a time with both events and censorings, the events come first, so the censored are
 * still at risk (the convention of R's {@code survival} package). Durations are in any time unit
 * (days, periods); the estimate is a right-continuous step function that is 1 before the first
 * event.
 *
 * <p><b>Intervals</b> at level {@code 1 − α}, with {@code σ² = Σ d/(n(n − d))} the variance of
 * {@code ln S}: {@link Transform#LOG_LOG} (the default, Kalbfleisch &amp; Prentice 2002, §1.4) gives
 * {@code S^exp(±z σ / ln S)}; {@link Transform#LOG} gives {@code S·exp(±z σ)} clipped to 1;
 * {@link Transform#PLAIN} gives {@code S ± z S σ} clipped to [0, 1] — R's {@code survfit}
 * {@code conf.type = "log-log"}, {@code "log"} (R's default) and {@code "plain"}. Where
 * {@code S = 1} or {@code S = 0} the interval is the point.
 *
 * <p><b>Median.</b> The smallest event time with {@code S(t) <= 1/2}; where the curve equals 1/2
 * exactly over an interval, the midpoint of that interval, i.e. between that event time and the
 * next event time (R's {@code survfit} convention; with no later event, the event time itself).
 * Empty when the curve never reaches 1/2.
 *
 * @since 0.1.0
 */
public final class KaplanMeier {

    /** The transformation an interval is computed on. */
    public enum Transform {
        /** On {@code ln(−ln S)}: never outside (0, 1); the default. */
        LOG_LOG,
        /** On {@code ln S}. */
        LOG,
        /** On {@code S} itself (Wald), clipped to [0, 1]. */
        PLAIN
    }

    /**
     * One step of the curve, at a distinct event time.
     *
     * @param time the event time
     * @param atRisk {@code n_i}, subjects with duration at least {@code time}
     * @param events {@code d_i}, events at {@code time}
     * @param censored subjects censored at exactly {@code time}
     * @param survival {@code S(time)}
     * @param standardError Greenwood's standard error of {@code S(time)}
     */
    public record Step(double time, long atRisk, long events, long censored, double survival,
            double standardError) {
    }

    private final List<Step> steps;
    private final double[] times;
    private final double[] survival;
    private final double[] logVariance; // Σ d/(n(n − d)), +∞ once S = 0
    private final int count;
    private final long events;

    private KaplanMeier(List<Step> steps, double[] logVariance, int count, long events) {
        this.steps = steps;
        this.times = steps.stream().mapToDouble(Step::time).toArray();
        this.survival = steps.stream().mapToDouble(Step::survival).toArray();
        this.logVariance = logVariance;
        this.count = count;
        this.events = events;
    }

    /**
     * Fits the curve.
     *
     * @param durations each subject's time to event or censoring, finite and {@code >= 0}
     * @param observed {@code true} where the event was observed, {@code false} where censored
     * @return the fitted curve
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays are empty or differ in length, or a duration is
     *     negative, NaN or infinite (the message names it and its index)
     */
    public static KaplanMeier fit(double[] durations, boolean[] observed) {
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(observed, "observed");
        if (durations.length != observed.length) {
            throw new IllegalArgumentException("durations has " + durations.length + " values but observed has "
                    + observed.length);
        }
        if (durations.length == 0) {
            throw new IllegalArgumentException("at least one duration is needed");
        }
        for (int i = 0; i < durations.length; i++) {
            if (!(durations[i] >= 0.0 && durations[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("duration " + durations[i] + " at index " + i
                        + " must be finite and >= 0");
            }
        }
        int n = durations.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(durations[a], durations[b]));
        List<Step> steps = new ArrayList<>();
        List<Double> variances = new ArrayList<>();
        long atRisk = n;
        double s = 1.0;
        double sum = 0.0;
        long totalEvents = 0;
        int i = 0;
        while (i < n) {
            double t = durations[order[i]];
            long d = 0;
            long c = 0;
            int j = i;
            while (j < n && durations[order[j]] == t) {
                if (observed[order[j]]) {
                    d++;
                } else {
                    c++;
                }
                j++;
            }
            if (d > 0) {
                s *= 1.0 - (double) d / atRisk;
                sum = d == atRisk ? Double.POSITIVE_INFINITY : sum + (double) d / (atRisk * (double) (atRisk - d));
                double se = s == 0.0 ? 0.0 : s * Math.sqrt(sum);
                steps.add(new Step(t, atRisk, d, c, s, se));
                variances.add(sum);
                totalEvents += d;
            }
            atRisk -= d + c;
            i = j;
        }
        double[] v = variances.stream().mapToDouble(Double::doubleValue).toArray();
        return new KaplanMeier(Collections.unmodifiableList(steps), v, n, totalEvents);
    }

    /**
     * The number of subjects.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * The number of observed events.
     *
     * @return the events
     */
    public long events() {
        return events;
    }

    /**
     * The steps of the curve, one per distinct event time, in time order.
     *
     * @return an unmodifiable list
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The estimated survival {@code S(t) = P(T > t)}.
     *
     * @param t the time
     * @return {@code S(t)}; 1 before the first event
     * @throws IllegalArgumentException if {@code t} is NaN
     */
    public double survival(double t) {
        int k = stepAt(t);
        return k < 0 ? 1.0 : survival[k];
    }

    /**
     * Greenwood's standard error of {@code S(t)}; 0 before the first event and where {@code S = 0}.
     *
     * @param t the time
     * @return the standard error
     * @throws IllegalArgumentException if {@code t} is NaN
     */
    public double standardError(double t) {
        int k = stepAt(t);
        return k < 0 ? 0.0 : steps.get(k).standardError();
    }

    /**
     * The log-log interval for {@code S(t)}.
     *
     * @param t the time
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or {@code t} is NaN
     */
    public Interval confidenceInterval(double t, double level) {
        return confidenceInterval(t, level, Transform.LOG_LOG);
    }

    /**
     * The interval for {@code S(t)} on a chosen transformation (see the class description).
     *
     * @param t the time
     * @param level the confidence level, in {@code (0, 1)}
     * @param transform the transformation
     * @return the interval, within [0, 1]
     * @throws NullPointerException if {@code transform} is null
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or {@code t} is NaN
     */
    public Interval confidenceInterval(double t, double level, Transform transform) {
        Objects.requireNonNull(transform, "transform");
        double z = Normal.twoSidedCritical(level);
        int k = stepAt(t);
        double s = k < 0 ? 1.0 : survival[k];
        if (s == 1.0 || s == 0.0) {
            return new Interval(s, s, level);
        }
        double sigma = Math.sqrt(logVariance[k]);
        switch (transform) {
            case LOG_LOG: {
                double ln = Math.log(s);
                double w = Math.exp(z * sigma / Math.abs(ln));
                return new Interval(Math.pow(s, w), Math.pow(s, 1.0 / w), level);
            }
            case LOG:
                return new Interval(s * Math.exp(-z * sigma), Math.min(1.0, s * Math.exp(z * sigma)), level);
            default:
                return new Interval(Math.max(0.0, s - z * s * sigma), Math.min(1.0, s + z * s * sigma), level);
        }
    }

    /**
     * The median survival time (see the class description for the convention).
     *
     * @return the median, or empty if the curve never reaches 1/2
     */
    public OptionalDouble medianSurvival() {
        for (int k = 0; k < survival.length; k++) {
            if (Math.abs(survival[k] - 0.5) <= 1e-12) {
                return OptionalDouble.of(k + 1 < times.length ? (times[k] + times[k + 1]) / 2.0 : times[k]);
            }
            if (survival[k] < 0.5) {
                return OptionalDouble.of(times[k]);
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The restricted mean survival time {@code ∫_0^τ S(t) dt}, in the time unit.
     *
     * @param tau the horizon, finite and {@code >= 0}
     * @return the area under the curve up to {@code tau}
     * @throws IllegalArgumentException if {@code tau} is negative, NaN or infinite
     */
    public double restrictedMean(double tau) {
        if (!(tau >= 0.0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau must be finite and >= 0, was " + tau);
        }
        double area = 0.0;
        double previousTime = 0.0;
        double level = 1.0;
        for (int k = 0; k < times.length && times[k] < tau; k++) {
            area += level * (times[k] - previousTime);
            previousTime = times[k];
            level = survival[k];
        }
        return area + level * (tau - previousTime);
    }

    /** Index of the last step at or before {@code t}, −1 if none. */
    private int stepAt(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        int k = Arrays.binarySearch(times, t);
        if (k >= 0) {
            while (k + 1 < times.length && times[k + 1] == t) {
                k++;
            }
            return k;
        }
        return -k - 2;
    }

    /**
     * A readable summary, e.g. {@code KaplanMeier[n=5, events=3, median=30.0]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        OptionalDouble m = medianSurvival();
        return "KaplanMeier[n=" + count + ", events=" + events + ", median="
                + (m.isPresent() ? String.format(Locale.ROOT, "%s", m.getAsDouble()) : "not reached") + "]";
    }
}
