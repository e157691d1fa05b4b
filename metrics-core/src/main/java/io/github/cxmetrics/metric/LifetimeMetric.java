package io.github.cxmetrics.metric;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.StateFamily;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The Kaplan–Meier estimate of survival from right-censored lifetimes over a
 * {@link KaplanMeierAccumulator} ({@link KaplanMeier}). Result: {@code count} (subjects, LONG),
 * {@code events} (observed events, LONG), {@code median} (median survival time, R's
 * {@code quantile.survfit} rule, in the durations' unit; null when the curve never falls to 1/2). The
 * result is null when there are no subjects.
 *
 * @since 0.2.0
 */
public final class LifetimeMetric extends Metric<KaplanMeierAccumulator> {

    private static final long serialVersionUID = 1L;

    private static final List<Field> FIELDS = List.of(
            new Field("count", Field.Type.LONG, "subjects"),
            new Field("events", Field.Type.LONG, "observed events (the rest are censored)"),
            new Field("median", Field.Type.DOUBLE, "median survival time, in the durations' unit"));

    LifetimeMetric(String name, double level) {
        super(name, level);
    }

    @Override
    public Input input() {
        return Input.LIFETIME;
    }

    @Override
    public StateFamily<KaplanMeierAccumulator> family() {
        return KaplanMeierAccumulator.FAMILY;
    }

    @Override
    public KaplanMeierAccumulator newAccumulator() {
        return new KaplanMeierAccumulator();
    }

    /**
     * Adds one subject.
     *
     * @param accumulator an accumulator of this metric
     * @param duration the time to the event or to censoring, finite and {@code >= 0}
     * @param observed whether the event was observed at {@code duration} (false: censored then)
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite (the accumulator is
     *     unchanged)
     */
    public void add(KaplanMeierAccumulator accumulator, double duration, boolean observed) {
        accumulator.add(duration, observed);
    }

    @Override
    public List<Field> fields() {
        return FIELDS;
    }

    @Override
    public Object[] result(KaplanMeierAccumulator accumulator) {
        Objects.requireNonNull(accumulator, "accumulator");
        if (accumulator.count() == 0) {
            return null;
        }
        KaplanMeier km = accumulator.snapshot();
        OptionalDouble median = km.medianSurvival();
        return new Object[] {km.count(), km.events(), median.isPresent() ? median.getAsDouble() : null};
    }

    @Override
    public LifetimeMetric withLevel(double level) {
        return new LifetimeMetric(name(), checkLevel(level));
    }

    @Override
    public LifetimeMetric named(String name) {
        return new LifetimeMetric(checkName(name), level());
    }

    @Override
    String definition() {
        return "Kaplan–Meier";
    }
}
