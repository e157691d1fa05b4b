package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * The common part of the cxmetrics aggregators: the buffer is the metric's accumulator itself,
 * {@link #zero()} a new empty one, {@link #merge} its exact {@link Mergeable#merge}, and it crosses
 * shuffles in its byte form ({@link StateEncoders}). The output is either the metric's flat result (a
 * struct of {@link Metric#fields()}, NULL for an empty group) or the accumulator's byte form (a
 * {@code BINARY} state that {@link StateMergeAggregator} merges later).
 *
 * <p>Rows whose input is NULL are skipped, as by Spark's built-in aggregates. An input the metric
 * rejects (a rating off its scale, a NaN value, a negative duration) fails the task with the
 * metric's {@link IllegalArgumentException}.
 *
 * <p>Like every {@link Aggregator}, instances are Java-serialised into the plan; they hold only the
 * (serialisable) metric and the output kind.
 *
 * @param <IN> the input row type
 * @param <A> the accumulator type
 * @param <OUT> the output type: {@code Option<Row>} (the result; {@code None} is SQL NULL) or {@code byte[]}
 *     (the state)
 * @since 0.2.0
 */
public abstract class MetricAggregator<IN, A extends Mergeable<A>, OUT> extends Aggregator<IN, A, OUT> {

    private static final long serialVersionUID = 1L;

    /** The metric: its accumulator, state family and result. */
    private final Metric<A> metric;
    /** What the output is: the result struct or the byte form. */
    private final Finisher<A, OUT> finisher;

    MetricAggregator(Metric<A> metric, Finisher<A, OUT> finisher) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.finisher = finisher;
    }

    /**
     * The metric this aggregator computes.
     *
     * @return the metric
     */
    public final Metric<A> metric() {
        return metric;
    }

    /**
     * An empty accumulator of the metric.
     *
     * @return {@code metric().newAccumulator()}
     */
    @Override
    public final A zero() {
        return metric.newAccumulator();
    }

    /**
     * Merges two partial accumulators exactly ({@link Mergeable#merge}).
     *
     * @param left the accumulator merged into, and returned
     * @param right the other accumulator, unchanged
     * @return {@code left}
     */
    @Override
    public final A merge(A left, A right) {
        return left.merge(right);
    }

    /**
     * The output of the final accumulator: the flat result ({@code None} when empty) or its byte form.
     *
     * @param accumulator the final accumulator of a group
     * @return the output
     */
    @Override
    public final OUT finish(A accumulator) {
        return finisher.finish(metric, accumulator);
    }

    /**
     * The byte-form encoder of the accumulator ({@link StateEncoders#of}).
     *
     * @return the buffer encoder
     */
    @Override
    public final Encoder<A> bufferEncoder() {
        return StateEncoders.of(metric.family());
    }

    /**
     * The output encoder: {@link CxSpark#schema} as an optional row, or {@code BINARY}.
     *
     * @return the output encoder
     */
    @Override
    public final Encoder<OUT> outputEncoder() {
        return finisher.encoder(metric);
    }

    /**
     * The encoder of this aggregator's input, for {@code functions.udaf(aggregator, inputEncoder())}.
     *
     * @return the input encoder
     */
    public abstract Encoder<IN> inputEncoder();
}
