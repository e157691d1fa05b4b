package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.stats.MeanAccumulator;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Option;

/**
 * The aggregator of a {@link ValueMetric} (the mean with its spread and interval): one finite value
 * per row into a {@link MeanAccumulator}. In SQL a {@code DOUBLE} column (integer and decimal columns
 * widen to it). NULL values are skipped; NaN or infinite values fail the task with
 * {@link IllegalArgumentException}.
 *
 * <p>Counts merge exactly; the mean and variance merge by Chan et al.'s pairwise update, so a
 * distributed result agrees with one pass to within rounding (about 1e-15 relative for the mean on
 * well-scaled data), not bit for bit: see {@link MeanAccumulator}.
 *
 * @param <OUT> {@code Option<Row>} for {@link #result} ({@code None} is SQL NULL), {@code byte[]} for
 *     {@link #state}
 * @since 0.2.0
 */
public final class ValueAggregator<OUT> extends MetricAggregator<Double, MeanAccumulator, OUT> {

    private static final long serialVersionUID = 1L;

    /** The metric, typed for its add method. */
    private final ValueMetric metric;

    private ValueAggregator(ValueMetric metric, Finisher<MeanAccumulator, OUT> finisher) {
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
    public static ValueAggregator<Option<Row>> result(ValueMetric metric) {
        return new ValueAggregator<>(metric, Finisher.result());
    }

    /**
     * The aggregator whose output is the accumulator's byte form (the empty state for an empty group).
     *
     * @param metric the metric
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static ValueAggregator<byte[]> state(ValueMetric metric) {
        return new ValueAggregator<>(metric, Finisher.state());
    }

    /**
     * Adds one value; a NULL value is skipped.
     *
     * @param accumulator the group's accumulator
     * @param value the value, or null
     * @return {@code accumulator}
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    @Override
    public MeanAccumulator reduce(MeanAccumulator accumulator, Double value) {
        if (value != null) {
            metric.add(accumulator, value);
        }
        return accumulator;
    }

    @Override
    public Encoder<Double> inputEncoder() {
        return Encoders.DOUBLE();
    }
}
