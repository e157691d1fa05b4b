package io.github.cxmetrics.kafka;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * Kafka Streams aggregations of the metrics of the registry ({@code io.github.cxmetrics.metric.Metrics}):
 * each factory returns a {@link MetricAggregate} with the {@code Initializer}, {@code Aggregator},
 * {@code Merger}, state serde and store materialisation for {@code groupByKey().aggregate(...)}, plain
 * or windowed.
 *
 * <pre>{@code
 * StreamsBuilder builder = new StreamsBuilder();
 * MetricAggregate<Integer, RatingAccumulator> nps = CxStreams.aggregate(Metrics.nps());
 * builder.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))    // key: channel
 *        .groupByKey()
 *        .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofDays(1)))
 *        .aggregate(nps.initializer(), nps.aggregator(),
 *                   nps.<String>windowed("nps-daily").withKeySerde(Serdes.String()))
 *        .toStream((w, state) -> w.key() + "@" + w.window().startTime())
 *        .mapValues(nps.json())
 *        .to("nps-daily", Produced.with(Serdes.String(), Serdes.String()));
 * }</pre>
 *
 * <p>The input value is what the metric's {@code add} takes: a rating for a {@link RatingMetric}, a
 * value (and optionally a weight) for a {@link ValueMetric}, a duration and an event flag for a
 * {@link LifetimeMetric}, read from the record value by the functions given, or the boxed value itself
 * ({@link #aggregate(RatingMetric)}, {@link #aggregate(ValueMetric)}).
 *
 * @since 0.2.0
 */
public final class CxStreams {

    private CxStreams() {
    }

    /**
     * NPS, CSAT, CES &hellip; of a stream whose values are the ratings:
     * {@code metric.add(accumulator, rating)} per record.
     *
     * @param metric the rating metric, e.g. {@code Metrics.nps()}
     * @return the aggregation
     * @throws NullPointerException if {@code metric} is null
     */
    public static MetricAggregate<Integer, RatingAccumulator> aggregate(RatingMetric metric) {
        return ratings(metric, Integer::intValue);
    }

    /**
     * The mean of a stream whose values are the observations: {@code metric.add(accumulator, value)}
     * per record.
     *
     * @param metric the value metric, {@code Metrics.mean()}
     * @return the aggregation
     * @throws NullPointerException if {@code metric} is null
     */
    public static MetricAggregate<Double, MeanAccumulator> aggregate(ValueMetric metric) {
        return values(metric, Double::doubleValue);
    }

    /**
     * A rating metric of a stream of records that carry a rating:
     * {@code metric.add(accumulator, rating.applyAsInt(value))} per record.
     *
     * @param <V> the record value type
     * @param metric the rating metric
     * @param rating reads the rating from a record value
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V> MetricAggregate<V, RatingAccumulator> ratings(RatingMetric metric, ToIntFunction<? super V> rating) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rating, "rating");
        return new MetricAggregate<>(metric, (acc, v) -> metric.add(acc, rating.applyAsInt(v)));
    }

    /**
     * A rating metric of weighted ratings (survey weights):
     * {@code metric.add(accumulator, rating.applyAsInt(value), weight.applyAsDouble(value))} per record.
     *
     * @param <V> the record value type
     * @param metric the rating metric
     * @param rating reads the rating from a record value
     * @param weight reads the weight (finite, &ge; 0) from a record value
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V> MetricAggregate<V, RatingAccumulator> ratings(RatingMetric metric, ToIntFunction<? super V> rating,
            ToDoubleFunction<? super V> weight) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(weight, "weight");
        return new MetricAggregate<>(metric,
                (acc, v) -> metric.add(acc, rating.applyAsInt(v), weight.applyAsDouble(v)));
    }

    /**
     * The mean of a stream of records that carry an observation:
     * {@code metric.add(accumulator, value.applyAsDouble(record))} per record.
     *
     * @param <V> the record value type
     * @param metric the value metric
     * @param value reads the observation from a record value
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V> MetricAggregate<V, MeanAccumulator> values(ValueMetric metric, ToDoubleFunction<? super V> value) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        return new MetricAggregate<>(metric, (acc, v) -> metric.add(acc, value.applyAsDouble(v)));
    }

    /**
     * The weighted mean of a stream of records that carry an observation and its weight.
     *
     * @param <V> the record value type
     * @param metric the value metric
     * @param value reads the observation from a record value
     * @param weight reads the weight (finite, &ge; 0) from a record value
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V> MetricAggregate<V, MeanAccumulator> values(ValueMetric metric, ToDoubleFunction<? super V> value,
            ToDoubleFunction<? super V> weight) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(weight, "weight");
        return new MetricAggregate<>(metric,
                (acc, v) -> metric.add(acc, value.applyAsDouble(v), weight.applyAsDouble(v)));
    }

    /**
     * Kaplan&ndash;Meier survival of a stream of lifetimes (customer tenures, times to churn):
     * {@code metric.add(accumulator, duration.applyAsDouble(value), observed.test(value))} per record,
     * where {@code observed} is true for an event (churn seen) and false for a censored lifetime
     * (still a customer at the end of observation).
     *
     * @param <V> the record value type
     * @param metric the lifetime metric, {@code Metrics.kaplanMeier()}
     * @param duration reads the duration (finite, &ge; 0, in the unit of the analysis) from a record value
     * @param observed whether the record's lifetime ended in the event
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V> MetricAggregate<V, KaplanMeierAccumulator> lifetimes(LifetimeMetric metric,
            ToDoubleFunction<? super V> duration, Predicate<? super V> observed) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(observed, "observed");
        return new MetricAggregate<>(metric,
                (acc, v) -> metric.add(acc, duration.applyAsDouble(v), observed.test(v)));
    }

    /**
     * Any metric with an add function of the caller's: {@code add.accept(accumulator, value)} per record.
     *
     * @param <V> the record value type
     * @param <A> the accumulator type
     * @param metric the metric
     * @param add adds one record value to an accumulator (throwing {@link IllegalArgumentException},
     *     with nothing changed, for a value it rejects)
     * @return the aggregation
     * @throws NullPointerException if an argument is null
     */
    public static <V, A extends Mergeable<A>> MetricAggregate<V, A> aggregate(Metric<A> metric,
            BiConsumer<A, ? super V> add) {
        return new MetricAggregate<>(metric, add);
    }
}
