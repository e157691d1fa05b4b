package io.github.cxmetrics.flink;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * The state variant of a {@link MetricAggregate} ({@link MetricAggregate#states()}): the same
 * accumulation, with a copy of the accumulator as the result, so a job can keep partial states (for
 * example one per segment and day in a sink or a table, as their byte form
 * {@link Mergeable#toByteArray()}) and combine them later with {@link MergeAggregate}, exactly.
 *
 * <p>Use {@link #accumulatorType()} as both the accumulator and the result type of {@code aggregate}.
 * Immutable and serializable.
 *
 * @param <IN> the input row type
 * @param <A> the accumulator type
 * @since 0.2.0
 */
public final class StateAggregate<IN, A extends Mergeable<A>> implements AggregateFunction<IN, A, A> {

    private static final long serialVersionUID = 1L;

    /** The metric. */
    private final Metric<A> metric;
    /** Adds a row. */
    private final MetricAggregate.Adder<IN, A> adder;

    StateAggregate(Metric<A> metric, MetricAggregate.Adder<IN, A> adder) {
        this.metric = metric;
        this.adder = adder;
    }

    /**
     * The metric.
     *
     * @return the metric
     */
    public Metric<A> metric() {
        return metric;
    }

    /**
     * The accumulator's type information (also the result's), on the byte form.
     *
     * @return the type information
     */
    public MergeableTypeInfo<A> accumulatorType() {
        return MergeableTypeInfo.of(metric);
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
     * Adds one row.
     *
     * @param value the row
     * @param accumulator the accumulator
     * @return the accumulator
     * @throws IllegalArgumentException if the row is invalid for the metric; nothing changes then
     */
    @Override
    public A add(IN value, A accumulator) {
        adder.add(accumulator, value);
        return accumulator;
    }

    /**
     * A deep copy of the accumulator, so the window's state and the emitted state are independent.
     *
     * @param accumulator the accumulator
     * @return its copy
     */
    @Override
    public A getResult(A accumulator) {
        return accumulator.copy();
    }

    /**
     * Merges {@code b} into {@code a}.
     *
     * @param a an accumulator, changed
     * @param b an accumulator, unchanged
     * @return {@code a}
     * @throws IllegalArgumentException if the two do not fit (another scale)
     */
    @Override
    public A merge(A a, A b) {
        return a.merge(b);
    }
}
