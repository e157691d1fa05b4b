package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.Tuple2;

/**
 * The aggregator of a {@link LifetimeMetric} (Kaplan–Meier): two input columns per row, the
 * duration ({@code DOUBLE}; integer columns widen) and whether the event was observed
 * ({@code BOOLEAN}; false means censored at that duration), into a {@link KaplanMeierAccumulator}. In
 * SQL: {@code kaplan_meier(duration, observed)}. A row with either input NULL is skipped; a negative,
 * NaN or infinite duration fails the task with {@link IllegalArgumentException}. Counts add, so the
 * result is exact however Spark splits and merges.
 *
 * @param <OUT> {@code Option<Row>} for {@link #result} ({@code None} is SQL NULL), {@code byte[]} for
 *     {@link #state}
 * @since 0.2.0
 */
public final class LifetimeAggregator<OUT>
        extends MetricAggregator<Tuple2<Double, Boolean>, KaplanMeierAccumulator, OUT> {

    private static final long serialVersionUID = 1L;

    /** The metric, typed for its add method. */
    private final LifetimeMetric metric;

    private LifetimeAggregator(LifetimeMetric metric, Finisher<KaplanMeierAccumulator, OUT> finisher) {
        super(metric, finisher);
        this.metric = metric;
    }

    /**
     * The aggregator whose output is the metric's flat result, {@code None} (SQL NULL) for an empty group.
     *
     * @param metric the metric
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static LifetimeAggregator<Option<Row>> result(LifetimeMetric metric) {
        return new LifetimeAggregator<>(metric, Finisher.result());
    }

    /**
     * The aggregator whose output is the accumulator's byte form (the empty state for an empty group).
     *
     * @param metric the metric
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static LifetimeAggregator<byte[]> state(LifetimeMetric metric) {
        return new LifetimeAggregator<>(metric, Finisher.state());
    }

    /**
     * Adds one subject; a row with a NULL duration or flag is skipped.
     *
     * @param accumulator the group's accumulator
     * @param subject (duration, observed)
     * @return {@code accumulator}
     * @throws IllegalArgumentException if the duration is negative, NaN or infinite
     */
    @Override
    public KaplanMeierAccumulator reduce(KaplanMeierAccumulator accumulator, Tuple2<Double, Boolean> subject) {
        if (subject != null && subject._1() != null && subject._2() != null) {
            metric.add(accumulator, subject._1(), subject._2());
        }
        return accumulator;
    }

    @Override
    public Encoder<Tuple2<Double, Boolean>> inputEncoder() {
        return Encoders.tuple(Encoders.DOUBLE(), Encoders.BOOLEAN());
    }
}
