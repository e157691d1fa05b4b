package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Option;

/**
 * The aggregator of stored states: each input row is the byte form of an accumulator of the metric
 * (from {@link RatingAggregator#state}, {@link ValueAggregator#state}, {@link LifetimeAggregator#state},
 * i.e. SQL {@code nps_state(…)}, or from {@link Mergeable#toByteArray()} anywhere else), and the
 * output is their merge: again a state ({@link #state}, SQL {@code nps_merge(state)}), so rollups
 * nest (day → week → quarter), or the metric's flat result ({@link #result}; in SQL
 * {@code nps_result(nps_merge(state))}).
 *
 * <p>For the count-based metrics (NPS, CSAT, CES, Kaplan–Meier) merging is exact: the weekly state
 * merged from seven daily states is byte for byte the state of one pass over the week's rows.
 * NULL states are skipped. Bytes that are not a valid state of the metric's family (corrupt, another
 * family, a rating state of another scale) fail the task with {@link IllegalArgumentException}.
 *
 * @param <A> the accumulator type
 * @param <OUT> {@code Option<Row>} for {@link #result} ({@code None} is SQL NULL), {@code byte[]} for
 *     {@link #state}
 * @since 0.2.0
 */
public final class StateMergeAggregator<A extends Mergeable<A>, OUT> extends MetricAggregator<byte[], A, OUT> {

    private static final long serialVersionUID = 1L;

    private StateMergeAggregator(Metric<A> metric, Finisher<A, OUT> finisher) {
        super(metric, finisher);
    }

    /**
     * The aggregator merging states into one state (the empty state when no row has one).
     *
     * @param metric the metric whose states are merged
     * @param <A> the accumulator type
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static <A extends Mergeable<A>> StateMergeAggregator<A, byte[]> state(Metric<A> metric) {
        return new StateMergeAggregator<>(metric, Finisher.state());
    }

    /**
     * The aggregator merging states into the metric's flat result (NULL when the merge is empty).
     *
     * @param metric the metric whose states are merged
     * @param <A> the accumulator type
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static <A extends Mergeable<A>> StateMergeAggregator<A, Option<Row>> result(Metric<A> metric) {
        return new StateMergeAggregator<>(metric, Finisher.result());
    }

    /**
     * Merges one stored state; NULL is skipped.
     *
     * @param accumulator the group's accumulator
     * @param state the byte form of a state of the metric's family, or null
     * @return {@code accumulator}
     * @throws IllegalArgumentException if {@code state} is not a valid state of the family, or does not
     *     merge with the accumulator (another scale)
     */
    @Override
    public A reduce(A accumulator, byte[] state) {
        if (state != null) {
            accumulator.merge(metric().family().fromByteArray(state));
        }
        return accumulator;
    }

    @Override
    public Encoder<byte[]> inputEncoder() {
        return Encoders.BINARY();
    }
}
