package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.survey.RatingAccumulator;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import scala.Option;

/**
 * The aggregator of a {@link RatingMetric} (NPS, CSAT, CES): one integer rating per row on the
 * metric's scale, into a {@link RatingAccumulator}. In SQL an {@code INT} column (or a narrower
 * integer type); cast a {@code BIGINT} or {@code DOUBLE} column explicitly. NULL ratings are skipped;
 * a rating off the scale fails the task with {@link IllegalArgumentException}.
 *
 * <p>Typed use: {@code ds.groupByKey(…).agg(RatingAggregator.result(Metrics.nps()).toColumn())}.
 *
 * @param <OUT> {@code Option<Row>} for {@link #result} ({@code None} is SQL NULL), {@code byte[]} for
 *     {@link #state}
 * @since 0.2.0
 */
public final class RatingAggregator<OUT> extends MetricAggregator<Integer, RatingAccumulator, OUT> {

    private static final long serialVersionUID = 1L;

    /** The metric, typed for its add method. */
    private final RatingMetric metric;

    private RatingAggregator(RatingMetric metric, Finisher<RatingAccumulator, OUT> finisher) {
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
    public static RatingAggregator<Option<Row>> result(RatingMetric metric) {
        return new RatingAggregator<>(metric, Finisher.result());
    }

    /**
     * The aggregator whose output is the accumulator's byte form (the empty state for an empty group).
     *
     * @param metric the metric
     * @return the aggregator
     * @throws NullPointerException if {@code metric} is null
     */
    public static RatingAggregator<byte[]> state(RatingMetric metric) {
        return new RatingAggregator<>(metric, Finisher.state());
    }

    /**
     * Adds one rating; a NULL rating is skipped.
     *
     * @param accumulator the group's accumulator
     * @param rating the rating, or null
     * @return {@code accumulator}
     * @throws IllegalArgumentException if the rating is off the metric's scale
     */
    @Override
    public RatingAccumulator reduce(RatingAccumulator accumulator, Integer rating) {
        if (rating != null) {
            metric.add(accumulator, rating);
        }
        return accumulator;
    }

    @Override
    public Encoder<Integer> inputEncoder() {
        return Encoders.INT();
    }
}
