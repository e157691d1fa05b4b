package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;

/**
 * The Kaplan–Meier (product-limit) estimate of a survival curve from right-censored lifetimes,
 * with Greenwood's standard errors, pointwise confidence intervals, the median and the restricted
 * mean.
 *
 * <p><b>Estimate.</b> With {@code t_1 < t_2 < …} the distinct times at which at least one event was
 * observed, {@code d_i} the number of events at {@code t_i} and {@code n_i} the number at risk just
 * before {@code t_i} (subjects whose duration is {@code >= t_i}):
 * <pre>{@code
 * S(t)       = Π_{t_i ≤ t} (1 − d_i / n_i)                        (Kaplan & Meier 1958)
 * σ²(t)      = Σ_{t_i ≤ t} d_i / (n_i (n_i − d_i))                 variance of ln S(t)
 * SE(S(t))   = S(t) · σ(t)                                         (Greenwood 1926)
 * }</pre>
 * {@code S(t) = P(T > t)} is a right-continuous step function: 1 before the first event, dropping
 * at each event time, flat after the last one (also past the last follow-up time). <b>Ties:</b> at
 * a time with both events and censorings the events come first, so the subjects censored then
 * are still at risk for those events — the convention of Kaplan &amp; Meier (1958) and of R's
 * {@code survival} package. Durations are in any time unit the caller chooses (days, billing
 * periods); the median and the restricted mean are in that unit.
 *
 * <p><b>Intervals.</b> At level {@code 1 − α}, with {@code z} the two-sided normal critical value
 * and {@code σ = σ(t)} as above, a {@link Transform} selects the scale on which the normal
 * approximation is made:
 * <pre>{@code
 * LOG_LOG (default)  [S^exp(z σ / |ln S|),  S^exp(−z σ / |ln S|)]     on ln(−ln S); always inside (0, 1)
 * LOG                [S · exp(−z σ),  min(1, S · exp(z σ))]           on ln S
 * PLAIN              [max(0, S − z S σ),  min(1, S + z S σ)]          on S itself (Wald)
 * }</pre>
 * These are R's {@code survfit(…, conf.type = "log-log")}, {@code "log"} and {@code "plain"}
 * (R's own default is {@code "log"}; the log-log interval is the default here because its limits
 * never leave (0, 1) and its coverage is better in small samples, Kalbfleisch &amp; Prentice 2002).
 * Where {@code S(t) = 1} (before the first event) or {@code S(t) = 0} the interval is the single
 * point {@code [S, S]}, and the standard error there is 0.
 *
 * <p><b>Median.</b> {@link #medianSurvival()} follows R's {@code quantile.survfit}: the first event
 * time at which {@code S(t) ≤ 1/2}; where the curve sits exactly at 1/2 (within R's tolerance
 * {@code sqrt(2^−52) ≈ 1.5e-8}) over an interval, the midpoint of that flat stretch — between the
 * event time where it starts and the next event time, or the last follow-up time (largest
 * duration) when no event follows. Without censoring this is the ordinary sample median.
 *
 * <p><b>Range.</b> Every result is finite for finite durations: the median's midpoint is taken
 * without overflowing ({@code (a + b)/2}, or {@code a/2 + b/2} where the sum would exceed
 * {@code Double.MAX_VALUE}), and the restricted mean is an area bounded by {@code τ}. No method
 * here throws for overflow.
 *
 * <p>References: E. L. Kaplan &amp; P. Meier (1958), "Nonparametric estimation from incomplete
 * observations", <i>Journal of the American Statistical Association</i> 53:457–481; M. Greenwood
 * (1926), "The natural duration of cancer", <i>Reports on Public Health and Medical Subjects</i>
 * 33, HMSO, London; J. D. Kalbfleisch &amp; R. L. Prentice (2002), <i>The Statistical Analysis of
 * Failure Time Data</i>, 2nd ed., Wiley, ch. 1; T. M. Therneau, <i>survival: A Package for Survival
 * Analysis in R</i>, documentation of {@code survfit.formula}, {@code quantile.survfit} and
 * {@code print.survfit}; P. Royston &amp; M. K. B. Parmar (2013), "Restricted mean survival time: an
 * alternative to the hazard ratio for the design and analysis of randomized trials with a
 * time-to-event outcome", <i>BMC Medical Research Methodology</i> 13:152.
 *
 * <p><b>In parts.</b> {@link KaplanMeierAccumulator} builds the same curve from data that arrives
 * one subject at a time or in parts to be merged (a parallel stream, a distributed engine): its
 * {@link KaplanMeierAccumulator#snapshot()} equals {@code fit} on all the data, and
 * {@link #collector(ToDoubleFunction, Predicate)} collects a stream of subjects into a curve.
 *
 * <p>Instances are immutable values with value {@code equals}; they keep no reference to the
 * caller's arrays.
 *
 * @since 0.1.0
 */
public final class KaplanMeier {

    /** R's {@code quantile.survfit} tolerance, {@code sqrt(.Machine$double.eps) = 2^−26}. */
    private static final double MEDIAN_TOLERANCE = Math.sqrt(Math.ulp(1.0));

    /**
     * The scale on which a pointwise confidence interval for {@code S(t)} is computed (see the class
     * description for the formulas).
     *
     * @since 0.1.0
     */
    public enum Transform {
        /**
         * On {@code ln(−ln S)}: {@code S^exp(±z σ / |ln S|)}; limits always inside (0, 1). The
         * default (Kalbfleisch &amp; Prentice 2002; R's {@code conf.type = "log-log"}).
         */
        LOG_LOG,
        /**
         * On {@code ln S}: {@code S·exp(±z σ)}, upper limit clipped to 1 (R's
         * {@code conf.type = "log"}, R's default).
         */
        LOG,
        /**
         * On {@code S} itself (Wald): {@code S ± z·SE}, clipped to [0, 1] (R's
         * {@code conf.type = "plain"}).
         */
        PLAIN
    }

    /**
     * One step of the curve, at a distinct event time: a row of R's {@code summary(survfit(…))}.
     *
     * @param time the event time {@code t_i}, finite and {@code >= 0}
     * @param atRisk {@code n_i}, the subjects whose duration is at least {@code time}, {@code >= 1}
     * @param events {@code d_i}, the events observed at {@code time}, in {@code 1..atRisk}
     * @param censored the subjects censored at exactly {@code time} (counted as at risk for the
     *     events at {@code time}), in {@code 0..atRisk − events}
     * @param survival {@code S(time)}, in [0, 1]
     * @param standardError Greenwood's standard error of {@code S(time)}, finite and {@code >= 0}
     *     (0 where {@code S = 0})
     * @since 0.1.0
     */
    public record Step(double time, long atRisk, long events, long censored, double survival,
            double standardError) {

        /**
         * Validates the components.
         *
         * @param time the event time
         * @param atRisk the number at risk
         * @param events the number of events
         * @param censored the number censored at {@code time}
         * @param survival the survival after the step
         * @param standardError the standard error of {@code survival}
         * @throws IllegalArgumentException if a component is outside the range given in the record
         *     description
         */
        public Step {
            if (!(time >= 0.0 && time < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("time must be finite and >= 0, was " + time);
            }
            if (atRisk < 1) {
                throw new IllegalArgumentException("atRisk must be >= 1, was " + atRisk);
            }
            if (events < 1 || events > atRisk) {
                throw new IllegalArgumentException("events must be in 1.." + atRisk + ", was " + events);
            }
            if (censored < 0 || censored > atRisk - events) {
                throw new IllegalArgumentException("censored must be in 0.." + (atRisk - events) + ", was "
                        + censored);
            }
            if (!(survival >= 0.0 && survival <= 1.0)) {
                throw new IllegalArgumentException("survival must be in [0, 1], was " + survival);
            }
            if (!(standardError >= 0.0 && standardError < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("standardError must be finite and >= 0, was "
                        + standardError);
            }
        }
    }

    private final List<Step> steps;
    private final double[] times;
    private final double[] survival;
    /** {@code σ²} at each step: {@code Σ d/(n(n − d))}, +∞ once {@code S = 0}. */
    private final double[] logVariance;
    private final long count;
    private final long events;
    /** The largest duration, event or censored: the end of follow-up. */
    private final double lastTime;
    /** Every distinct duration (event or censoring), ascending, with its counts: the data, for tests
     * between curves (the steps alone do not say who is at risk between a group's own event times). */
    private final double[] distinctTimes;
    private final long[] eventsAt;
    private final long[] censoredAt;

    private KaplanMeier(List<Step> steps, double[] logVariance, long count, long events, double lastTime,
            double[] distinctTimes, long[] eventsAt, long[] censoredAt) {
        this.distinctTimes = distinctTimes;
        this.eventsAt = eventsAt;
        this.censoredAt = censoredAt;
        this.steps = steps;
        int k = steps.size();
        this.times = new double[k];
        this.survival = new double[k];
        for (int i = 0; i < k; i++) {
            times[i] = steps.get(i).time();
            survival[i] = steps.get(i).survival();
        }
        this.logVariance = logVariance;
        this.count = count;
        this.events = events;
        this.lastTime = lastTime;
    }

    /**
     * Fits the curve to right-censored lifetimes.
     *
     * @param durations each subject's time to the event or to censoring, finite and {@code >= 0}, in
     *     any time unit
     * @param observed per subject, {@code true} if the event was observed at its duration,
     *     {@code false} if the subject was censored then (still without the event)
     * @return the fitted curve
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length or are empty, or if a duration
     *     is negative, NaN or infinite (the message names the value and its index)
     */
    public static KaplanMeier fit(double[] durations, boolean[] observed) {
        checkSubjects(durations, observed);
        int n = durations.length;
        if (n == 0) {
            throw new IllegalArgumentException("durations must not be empty");
        }
        int eventCount = 0;
        for (int i = 0; i < n; i++) {
            if (observed[i]) {
                eventCount++;
            }
        }
        double[] eventTimes = new double[eventCount];
        double[] censorTimes = new double[n - eventCount];
        for (int i = 0, e = 0, c = 0; i < n; i++) {
            if (observed[i]) {
                eventTimes[e++] = durations[i] + 0.0; // + 0.0 turns −0.0 into 0.0
            } else {
                censorTimes[c++] = durations[i] + 0.0;
            }
        }
        Arrays.sort(eventTimes);
        Arrays.sort(censorTimes);

        // the runs of equal times in the two sorted arrays, merged: one row per distinct duration;
        // counted first, so that the rows take memory per distinct duration, not per subject
        int distinct = 0;
        for (int e = 0, c = 0; e < eventTimes.length || c < censorTimes.length; distinct++) {
            double t = c == censorTimes.length || e < eventTimes.length && eventTimes[e] <= censorTimes[c]
                    ? eventTimes[e] : censorTimes[c];
            while (e < eventTimes.length && eventTimes[e] == t) {
                e++;
            }
            while (c < censorTimes.length && censorTimes[c] == t) {
                c++;
            }
        }
        double[] times = new double[distinct];
        long[] eventsAt = new long[distinct];
        long[] censoredAt = new long[distinct];
        int k = 0;
        int e = 0;
        int c = 0;
        while (e < eventTimes.length || c < censorTimes.length) {
            double t = c == censorTimes.length || e < eventTimes.length && eventTimes[e] <= censorTimes[c]
                    ? eventTimes[e] : censorTimes[c];
            long d = 0;
            while (e < eventTimes.length && eventTimes[e] == t) {
                d++;
                e++;
            }
            long x = 0;
            while (c < censorTimes.length && censorTimes[c] == t) {
                x++;
                c++;
            }
            times[k] = t;
            eventsAt[k] = d;
            censoredAt[k] = x;
            k++;
        }
        return ofDistinct(times, eventsAt, censoredAt, k);
    }

    /**
     * The checks shared by {@link #fit(double[], boolean[])} and
     * {@link KaplanMeierAccumulator#addAll(double[], boolean[])}: both arrays present, of one length,
     * every duration finite and {@code >= 0}.
     */
    static void checkSubjects(double[] durations, boolean[] observed) {
        Objects.requireNonNull(durations, "durations");
        Objects.requireNonNull(observed, "observed");
        if (durations.length != observed.length) {
            throw new IllegalArgumentException("durations and observed must have the same length, were "
                    + durations.length + " and " + observed.length);
        }
        for (int i = 0; i < durations.length; i++) {
            double d = durations[i];
            if (!(d >= 0.0 && d < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("duration " + d + " at index " + i + " must be finite and >= 0");
            }
        }
    }

    /**
     * The curve of data given as counts per distinct duration: the one construction behind
     * {@link #fit(double[], boolean[])} and {@link KaplanMeierAccumulator#snapshot()}, so that both
     * give equal curves for the same data. The arrays are read, not kept.
     *
     * @param times the distinct durations, {@code times[0..k)} strictly increasing, finite,
     *     {@code >= 0} and never −0.0
     * @param eventsAt the events observed at each duration, {@code >= 0}
     * @param censoredAt the subjects censored at each duration, {@code >= 0}, with
     *     {@code eventsAt[i] + censoredAt[i] >= 1}
     * @param k the number of distinct durations, {@code >= 1}; the total of all counts must not
     *     exceed {@code Long.MAX_VALUE}
     * @return the curve
     */
    static KaplanMeier ofDistinct(double[] times, long[] eventsAt, long[] censoredAt, int k) {
        long n = 0;
        long eventCount = 0;
        int eventTimes = 0;
        for (int i = 0; i < k; i++) {
            n += eventsAt[i] + censoredAt[i];
            eventCount += eventsAt[i];
            eventTimes += eventsAt[i] > 0 ? 1 : 0;
        }
        List<Step> steps = new ArrayList<>(eventTimes);
        double[] logVariance = new double[eventTimes];
        long atRisk = n;
        double s = 1.0;
        double sigma2 = 0.0;
        for (int i = 0; i < k; i++) {
            long d = eventsAt[i];
            if (d > 0) {
                s *= (double) (atRisk - d) / atRisk;
                sigma2 = d == atRisk ? Double.POSITIVE_INFINITY
                        : sigma2 + (double) d / ((double) atRisk * (double) (atRisk - d));
                double se = s == 0.0 ? 0.0 : s * Math.sqrt(sigma2);
                logVariance[steps.size()] = sigma2;
                steps.add(new Step(times[i], atRisk, d, censoredAt[i], s, se));
            }
            atRisk -= d + censoredAt[i];
        }
        return new KaplanMeier(List.copyOf(steps), logVariance, n, eventCount, times[k - 1],
                Arrays.copyOf(times, k), Arrays.copyOf(eventsAt, k), Arrays.copyOf(censoredAt, k));
    }

    /** The distinct durations, ascending (not copied: callers in this package only read them). */
    double[] distinctTimes() {
        return distinctTimes;
    }

    /** The events at each distinct duration (not copied). */
    long[] eventsAt() {
        return eventsAt;
    }

    /** The censorings at each distinct duration (not copied). */
    long[] censoredAt() {
        return censoredAt;
    }

    /**
     * The end of follow-up: the largest duration, event or censored. The curve is estimated up to
     * here; past it, {@link #survival(double)} stays at its last value by convention.
     *
     * @return the largest duration, finite and {@code >= 0}
     * @since 0.2.0
     */
    public double lastFollowUp() {
        return lastTime;
    }

    /**
     * A collector of subjects into a curve, for {@code stream.collect(…)} and {@code groupingBy}; as
     * {@link KaplanMeierAccumulator#collector(ToDoubleFunction, Predicate)}, whose result equals
     * {@link #fit(double[], boolean[])} on the same subjects in any order, also on parallel streams.
     *
     * @param <T> the type of the stream elements (subjects)
     * @param duration the time of a subject to its event or censoring, finite and {@code >= 0}
     * @param observed whether the event of a subject was observed at its duration ({@code false}:
     *     censored then)
     * @return the collector; it throws {@link IllegalStateException} for an empty stream (the curve
     *     of no subjects is undefined) and {@link IllegalArgumentException} for a negative, NaN or
     *     infinite duration
     * @throws NullPointerException if an argument is null
     * @since 0.2.0
     */
    public static <T> Collector<T, KaplanMeierAccumulator, KaplanMeier> collector(
            ToDoubleFunction<? super T> duration, Predicate<? super T> observed) {
        return KaplanMeierAccumulator.collector(duration, observed);
    }

    /**
     * The number of subjects.
     *
     * @return the number of durations the curve was fitted to
     */
    public long count() {
        return count;
    }

    /**
     * The number of observed events.
     *
     * @return the count of {@code observed[i] == true}
     */
    public long events() {
        return events;
    }

    /**
     * The steps of the curve: one per distinct event time, in increasing time, as R's
     * {@code summary(survfit(Surv(time, status) ~ 1))} prints them. Censorings at times without an
     * event do not make a step; they show as the drop in {@link Step#atRisk()} at the next step.
     *
     * @return an unmodifiable list, empty when no event was observed
     */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The estimated survival {@code S(t) = Π_{t_i ≤ t} (1 − d_i/n_i)}, the probability of lasting
     * beyond {@code t}.
     *
     * @param t the time, in the unit of the durations
     * @return {@code S(t)} in [0, 1]; 1 before the first event (and for negative {@code t}), the
     *     last step's value after the last event
     * @throws IllegalArgumentException if {@code t} is NaN
     */
    public double survival(double t) {
        int k = stepAt(t);
        return k < 0 ? 1.0 : survival[k];
    }

    /**
     * Greenwood's standard error of {@code S(t)}: {@code S(t)·sqrt(Σ_{t_i ≤ t} d_i/(n_i(n_i − d_i)))}
     * (Greenwood 1926).
     *
     * @param t the time, in the unit of the durations
     * @return the standard error, {@code >= 0}; 0 before the first event and where {@code S(t) = 0}
     * @throws IllegalArgumentException if {@code t} is NaN
     */
    public double standardError(double t) {
        int k = stepAt(t);
        return k < 0 ? 0.0 : steps.get(k).standardError();
    }

    /**
     * The log-log confidence interval for {@code S(t)},
     * {@code [S^exp(z σ/|ln S|), S^exp(−z σ/|ln S|)]} with {@code σ² = Σ d/(n(n − d))}
     * (Kalbfleisch &amp; Prentice 2002; R's {@code survfit(…, conf.type = "log-log")}).
     *
     * @param t the time, in the unit of the durations
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, inside [0, 1]; the point {@code [S, S]} where {@code S(t)} is 1 or 0
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or {@code t} is NaN
     */
    public Interval confidenceInterval(double t, double level) {
        return confidenceInterval(t, level, Transform.LOG_LOG);
    }

    /**
     * The confidence interval for {@code S(t)} on a chosen scale:
     * <pre>{@code
     * LOG_LOG  [S^exp(z σ / |ln S|),  S^exp(−z σ / |ln S|)]
     * LOG      [S · exp(−z σ),  min(1, S · exp(z σ))]
     * PLAIN    [max(0, S − z S σ),  min(1, S + z S σ)]
     * }</pre>
     * with {@code σ² = Σ_{t_i ≤ t} d_i/(n_i(n_i − d_i))} and {@code z} the two-sided normal critical
     * value for {@code level}; as R's {@code survfit} with {@code conf.type} {@code "log-log"},
     * {@code "log"} and {@code "plain"}.
     *
     * @param t the time, in the unit of the durations
     * @param level the confidence level, in {@code (0, 1)}
     * @param transform the scale of the normal approximation
     * @return the interval, inside [0, 1]; the point {@code [S, S]} where {@code S(t)} is 1 or 0
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
        return switch (transform) {
            case LOG_LOG -> {
                double a = z * sigma / -Math.log(s);
                yield new Interval(Math.pow(s, Math.exp(a)), Math.pow(s, Math.exp(-a)), level);
            }
            case LOG -> new Interval(s * Math.exp(-z * sigma), Math.min(1.0, s * Math.exp(z * sigma)), level);
            case PLAIN -> {
                double half = z * steps.get(k).standardError();
                yield new Interval(Math.max(0.0, s - half), Math.min(1.0, s + half), level);
            }
        };
    }

    /**
     * The median survival time, by R's {@code quantile.survfit} convention: the first event time
     * {@code t_k} with {@code S(t_k) ≤ 1/2}. Where the curve sits exactly at 1/2 (within
     * {@code 2^−26}) from {@code t_k} on, the median is the midpoint of that flat stretch:
     * {@code (t_k + t_{k+1})/2} with {@code t_{k+1}} the next event time, or
     * {@code (t_k + t_max)/2} with {@code t_max} the largest duration when no event follows. Without
     * censoring this is the ordinary sample median.
     *
     * @return the median, in the unit of the durations; empty when the curve never reaches 1/2 (the
     *     median is "not reached")
     */
    public OptionalDouble medianSurvival() {
        int first = -1;
        for (int k = 0; k < survival.length; k++) {
            if (survival[k] <= 0.5 + MEDIAN_TOLERANCE) {
                first = k;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(survival[first] - 0.5) >= MEDIAN_TOLERANCE) {
            return OptionalDouble.of(times[first]);
        }
        if (Math.abs(survival[survival.length - 1] - 0.5) < MEDIAN_TOLERANCE) {
            return OptionalDouble.of(midpoint(times[first], lastTime));
        }
        for (int k = first + 1; k < survival.length; k++) {
            if (survival[k] <= 0.5 - MEDIAN_TOLERANCE) {
                return OptionalDouble.of(midpoint(times[first], times[k]));
            }
        }
        throw new AssertionError("unreachable: the last step is not at 1/2, so a later step is below it");
    }

    /**
     * {@code (a + b)/2} for finite {@code 0 <= a <= b}, without overflow: the sum where it is finite
     * (the correctly rounded mean of R), else {@code a/2 + b/2}, exact for such large values.
     */
    private static double midpoint(double a, double b) {
        double sum = a + b;
        return sum < Double.POSITIVE_INFINITY ? sum / 2.0 : a / 2.0 + b / 2.0;
    }

    /**
     * A confidence interval for the median survival time, each limit absent where the confidence band
     * never falls to 1/2 (R prints {@code NA}).
     *
     * @param lower the lower limit, if the lower band reaches 1/2
     * @param upper the upper limit, if the upper band reaches 1/2
     * @param level the confidence level
     * @since 0.2.0
     */
    public record MedianInterval(OptionalDouble lower, OptionalDouble upper, double level) {

        /**
         * Validates the components.
         *
         * @param lower the lower limit
         * @param upper the upper limit
         * @param level the confidence level, in (0, 1)
         * @throws NullPointerException if a limit is null
         * @throws IllegalArgumentException if the level is not in (0, 1) or {@code lower > upper}
         */
        public MedianInterval {
            Objects.requireNonNull(lower, "lower");
            Objects.requireNonNull(upper, "upper");
            if (!(level > 0.0 && level < 1.0)) {
                throw new IllegalArgumentException("level must be in (0, 1), was " + level);
            }
            if (lower.isPresent() && upper.isPresent() && lower.getAsDouble() > upper.getAsDouble()) {
                throw new IllegalArgumentException("lower must be <= upper, was " + lower.getAsDouble() + " and "
                        + upper.getAsDouble());
            }
        }
    }

    /**
     * The confidence interval for the median of {@link #medianConfidenceInterval(double, Transform)}
     * on the default {@link Transform#LOG_LOG} scale (R's default is {@code LOG}).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval; a limit is absent where its band never falls to 1/2
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public MedianInterval medianConfidenceInterval(double level) {
        return medianConfidenceInterval(level, Transform.LOG_LOG);
    }

    /**
     * The Brookmeyer–Crowley confidence interval for the median survival time: the times at which the
     * pointwise confidence band of {@link #confidenceInterval(double, double, Transform)} falls to 1/2
     * (Brookmeyer &amp; Crowley 1982, "A confidence interval for the median survival time",
     * <i>Biometrics</i> 38:29–41), as R's {@code print.survfit} and {@code summary(fit)$table} report
     * it ({@code 0.95LCL}, {@code 0.95UCL}):
     * <pre>{@code
     * lower = first event time t with  lower band(t) < 1/2 + ε
     * upper = first event time t with  upper band(t) < 1/2 + ε         ε = 2^−26, R's tolerance
     * }</pre>
     * and where a band sits at 1/2 (within ε) at that time, the midpoint between it and the next
     * event time at which the band is lower. Steps where {@code S = 0} have no band (R's {@code NA})
     * and are skipped. R's {@code quantile.survfit} can differ from this in rare cases where a band is
     * not monotone; this is the rule of the printed table.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @param transform the scale of the pointwise band
     * @return the interval; a limit is absent where its band never falls to 1/2
     * @throws NullPointerException if {@code transform} is null
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @since 0.2.0
     */
    public MedianInterval medianConfidenceInterval(double level, Transform transform) {
        Objects.requireNonNull(transform, "transform");
        Checks.level(level);
        int k = steps.size();
        double[] low = new double[k];
        double[] high = new double[k];
        for (int i = 0; i < k; i++) {
            if (survival[i] == 0.0) {
                low[i] = Double.NaN;
                high[i] = Double.NaN;
            } else {
                Interval band = confidenceInterval(times[i], level, transform);
                low[i] = band.lower();
                high[i] = band.upper();
            }
        }
        return new MedianInterval(firstBelowHalf(low), firstBelowHalf(high), level);
    }

    /** R's {@code minmin} of {@code survmean}: the first time a band is below 1/2 + ε, with the midpoint rule. */
    private OptionalDouble firstBelowHalf(double[] band) {
        int first = -1;
        for (int i = 0; i < band.length; i++) {
            if (!Double.isNaN(band[i]) && band[i] < 0.5 + MEDIAN_TOLERANCE) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return OptionalDouble.empty();
        }
        if (Math.abs(band[first] - 0.5) < MEDIAN_TOLERANCE) {
            for (int i = first + 1; i < band.length; i++) {
                if (!Double.isNaN(band[i]) && band[i] < band[first]) {
                    return OptionalDouble.of(midpoint(times[first], times[i]));
                }
            }
        }
        return OptionalDouble.of(times[first]);
    }

    /**
     * The standard error of the restricted mean {@link #restrictedMean(double)}, as R's
     * {@code print(fit, rmean = τ)} reports {@code se(rmean)}:
     * <pre>{@code
     * Var = Σ_{t_i < τ, n_i > d_i} A_i² · d_i / (n_i (n_i − d_i)),     A_i = ∫_{t_i}^{τ} S(t) dt
     * }</pre>
     * (the Greenwood-type variance of the area; Klein &amp; Moeschberger 2003, <i>Survival Analysis</i>,
     * 2nd ed., §4.5; Therneau's {@code survmean}). Unit: that of the durations.
     *
     * @param tau the horizon {@code τ}, finite and {@code >= 0}
     * @return the standard error, finite and {@code >= 0}
     * @throws IllegalArgumentException if {@code tau} is negative, NaN or infinite
     * @since 0.2.0
     */
    public double restrictedMeanStandardError(double tau) {
        if (!(tau >= 0.0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau must be finite and >= 0, was " + tau);
        }
        int last = -1;
        while (last + 1 < times.length && times[last + 1] < tau) {
            last++;
        }
        double variance = 0.0;
        double area = 0.0; // ∫ from times[i] to τ, built from the right
        for (int i = last; i >= 0; i--) {
            double next = i == last ? tau : times[i + 1];
            area += survival[i] * (next - times[i]);
            Step step = steps.get(i);
            long n = step.atRisk();
            long d = step.events();
            if (n > d) {
                variance += area * area * ((double) d / ((double) n * (double) (n - d)));
            }
        }
        return Math.sqrt(variance);
    }

    /**
     * The restricted mean with its standard error, normal theory:
     * {@code Estimate.normal(restrictedMean(τ), restrictedMeanStandardError(τ))}, whose interval is
     * {@code rmean ± z·se}.
     *
     * @param tau the horizon {@code τ}, finite and {@code >= 0}
     * @return the estimate, in the unit of the durations
     * @throws IllegalArgumentException if {@code tau} is negative, NaN or infinite
     * @since 0.2.0
     */
    public Estimate restrictedMeanEstimate(double tau) {
        return Estimate.normal(restrictedMean(tau), restrictedMeanStandardError(tau));
    }

    /**
     * The restricted mean survival time {@code ∫_0^τ S(t) dt}: the expected lifetime truncated at
     * {@code τ}, {@code E[min(T, τ)]} (Royston &amp; Parmar 2013; R's {@code print(fit, rmean = τ)}).
     * Past the last event the curve is taken as flat at its last value.
     *
     * @param tau the horizon {@code τ}, finite and {@code >= 0}, in the unit of the durations
     * @return the area under the curve from 0 to {@code tau}, in the unit of the durations, in
     *     {@code [0, tau]}; finite for every finite {@code tau} (each piece is a width at most
     *     {@code tau} times a level at most 1, and the sum is capped at {@code tau}, which it can
     *     exceed only by rounding)
     * @throws IllegalArgumentException if {@code tau} is negative, NaN or infinite
     */
    public double restrictedMean(double tau) {
        if (!(tau >= 0.0 && tau < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("tau must be finite and >= 0, was " + tau);
        }
        double area = 0.0;
        double previous = 0.0;
        double level = 1.0;
        for (int k = 0; k < times.length && times[k] < tau; k++) {
            area += level * (times[k] - previous);
            previous = times[k];
            level = survival[k];
        }
        return Math.min(tau, area + level * (tau - previous));
    }

    /** Index of the last step at or before {@code t}, −1 if none. */
    private int stepAt(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        int k = Arrays.binarySearch(times, t + 0.0); // times are distinct and never −0.0
        return k >= 0 ? k : -k - 2;
    }

    /**
     * Equal when fitted to the same data: the same steps, number of subjects and last follow-up time,
     * and the same censoring times (which a test between curves, {@link LogRankTest}, depends on).
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal curve
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof KaplanMeier)) {
            return false;
        }
        KaplanMeier other = (KaplanMeier) o;
        return count == other.count && Double.compare(lastTime, other.lastTime) == 0
                && steps.equals(other.steps) && Arrays.equals(distinctTimes, other.distinctTimes)
                && Arrays.equals(censoredAt, other.censoredAt);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(count, lastTime, steps);
    }

    /**
     * A readable summary, e.g. {@code KaplanMeier[n=5, events=3, steps=3, median=30.0]}, with
     * {@code median=not reached} where the curve stays above 1/2.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        OptionalDouble median = medianSurvival();
        return "KaplanMeier[n=" + count + ", events=" + events + ", steps=" + steps.size() + ", median="
                + (median.isPresent() ? String.valueOf(median.getAsDouble()) : "not reached") + "]";
    }
}
