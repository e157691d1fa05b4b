package io.github.cxmetrics.metric;

import io.github.cxmetrics.survey.Scale;
import java.util.List;

/**
 * The metrics engines register by name: {@code nps}, {@code csat}, {@code ces}, {@code mean},
 * {@code kaplan_meier}, each at interval level 0.95 ({@link Metric#withLevel(double)} for another).
 * Their result fields are documented on {@link RatingMetric}, {@link ValueMetric} and
 * {@link LifetimeMetric}.
 *
 * @since 0.2.0
 */
public final class Metrics {

    private static final double LEVEL = 0.95;
    private static final List<Metric<?>> ALL = List.of(nps(), csat(), ces(), mean(), kaplanMeier());

    private Metrics() {
    }

    /**
     * NPS on 0..10 (Bain: promoters 9–10, detractors 0–6), adjusted-Wald interval.
     *
     * @return the metric {@code nps}
     */
    public static RatingMetric nps() {
        return new RatingMetric("nps", LEVEL, RatingMetric.Kind.NPS, Scale.ZERO_TO_TEN, 9, 6);
    }

    /**
     * CSAT on 1..5, satisfied = 4 or 5 (top two box), Wilson interval.
     *
     * @return the metric {@code csat}
     */
    public static RatingMetric csat() {
        return csat(Scale.ONE_TO_FIVE, 4);
    }

    /**
     * CSAT on another scale or cut-off, named {@code csat} (rename with {@link Metric#named(String)}).
     *
     * @param scale the rating scale
     * @param satisfiedFrom the lowest satisfied rating, on the scale and above its minimum
     * @return the metric
     * @throws NullPointerException if {@code scale} is null
     * @throws IllegalArgumentException if {@code satisfiedFrom} is not in {@code min + 1 .. max}
     */
    public static RatingMetric csat(Scale scale, int satisfiedFrom) {
        if (satisfiedFrom <= scale.min() || satisfiedFrom > scale.max()) {
            throw new IllegalArgumentException("satisfiedFrom must be in " + (scale.min() + 1) + ".." + scale.max()
                    + " for scale " + scale + ", was " + satisfiedFrom);
        }
        return new RatingMetric("csat", LEVEL, RatingMetric.Kind.CSAT, scale, satisfiedFrom, 0);
    }

    /**
     * CES 2.0 on 1..7 (agreement that the company made it easy), Student t interval.
     *
     * @return the metric {@code ces}
     */
    public static RatingMetric ces() {
        return new RatingMetric("ces", LEVEL, RatingMetric.Kind.CES, Scale.ONE_TO_SEVEN, 0, 0);
    }

    /**
     * The weighted mean of values, Student t interval.
     *
     * @return the metric {@code mean}
     */
    public static ValueMetric mean() {
        return new ValueMetric("mean", LEVEL);
    }

    /**
     * Kaplan–Meier survival of lifetimes: subjects, events and the median.
     *
     * @return the metric {@code kaplan_meier}
     */
    public static LifetimeMetric kaplanMeier() {
        return new LifetimeMetric("kaplan_meier", LEVEL);
    }

    /**
     * A metric by name.
     *
     * @param name one of {@code nps, csat, ces, mean, kaplan_meier}
     * @return the metric
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if no metric has that name (the message lists them)
     */
    public static Metric<?> byName(String name) {
        java.util.Objects.requireNonNull(name, "name");
        for (Metric<?> m : ALL) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Metric<?> m : ALL) {
            names.append(names.length() == 0 ? "" : ", ").append(m.name());
        }
        throw new IllegalArgumentException("no metric named '" + name + "'; the metrics are " + names);
    }

    /**
     * Every metric, in the order {@code nps, csat, ces, mean, kaplan_meier}.
     *
     * @return an immutable list
     */
    public static List<Metric<?>> all() {
        return ALL;
    }
}
