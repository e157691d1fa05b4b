package io.github.cxmetrics.metric;

/**
 * What one input row of a metric is, and so which subclass of {@link Metric} adds it.
 *
 * @since 0.2.0
 */
public enum Input {
    /** An integer rating on the metric's scale, optionally with a survey weight: {@link RatingMetric}. */
    RATING,
    /** A finite value, optionally with a weight: {@link ValueMetric}. */
    VALUE,
    /** A duration with a flag whether the event was observed (else censored): {@link LifetimeMetric}. */
    LIFETIME
}
