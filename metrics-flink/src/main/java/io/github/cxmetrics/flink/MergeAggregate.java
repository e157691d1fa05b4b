package io.github.cxmetrics.flink;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Objects;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;

/**
 * Rolls partial states up: an {@link AggregateFunction} whose input rows are accumulators of a
 * metric (for example the daily states of {@link StateAggregate}) and whose result is the metric's
 * flat row, as {@link MetricAggregate} gives it. Merging is exact for counts, so weekly results from
 * daily states equal one pass over the week's rows (the mean: to rounding).
 *
 * <p>Input states must carry the metric's parameters (the same scale); a state of another scale
 * throws {@link IllegalArgumentException} and fails the task. Immutable and serializable.
 *
 * @param <A> the accumulator type
 * @since 0.2.0
 */
public final class MergeAggregate<A extends Mergeable<A>> implements AggregateFunction<A, A, Row> {

    private static final long serialVersionUID = 1L;

    /** The metric. */
    private final Metric<A> metric;

    private MergeAggregate(Metric<A> metric) {
        this.metric = metric;
    }

    /**
     * The roll-up of a metric's states.
     *
     * @param <A> the accumulator type
     * @param metric the metric
     * @return the aggregate function
     * @throws NullPointerException if {@code metric} is null
     */
    public static <A extends Mergeable<A>> MergeAggregate<A> of(Metric<A> metric) {
        return new MergeAggregate<>(Objects.requireNonNull(metric, "metric"));
    }

    /**
     * The accumulator's type information (also the input's), on the byte form.
     *
     * @return the type information
     */
    public MergeableTypeInfo<A> accumulatorType() {
        return MergeableTypeInfo.of(metric);
    }

    /**
     * The result's row type, as {@link MetricAggregate#resultType()}.
     *
     * @return the row type
     */
    public RowTypeInfo resultType() {
        return MetricAggregate.rowType(metric);
    }

    /**
     * An empty accumulator of the metric.
     *
     * @return the accumulator
     */
    @Override
    public A createAccumulator() {
        return metric.newAccumulator();
    }

    /**
     * Merges an input state into the accumulator.
     *
     * @param value the input state, unchanged
     * @param accumulator the accumulator
     * @return the accumulator
     * @throws IllegalArgumentException if the state does not fit the metric (another scale)
     */
    @Override
    public A add(A value, A accumulator) {
        return accumulator.merge(value);
    }

    /**
     * The metric's flat result, as {@link MetricAggregate#getResult}.
     *
     * @param accumulator the accumulator
     * @return the row; every field null when it holds no data
     */
    @Override
    public Row getResult(A accumulator) {
        return MetricAggregate.row(metric, accumulator);
    }

    /**
     * Merges {@code b} into {@code a}.
     *
     * @param a an accumulator, changed
     * @param b an accumulator, unchanged
     * @return {@code a}
     */
    @Override
    public A merge(A a, A b) {
        return a.merge(b);
    }
}
