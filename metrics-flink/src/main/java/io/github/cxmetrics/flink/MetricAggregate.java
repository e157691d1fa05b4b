package io.github.cxmetrics.flink;

import io.github.cxmetrics.metric.Field;
import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;

/**
 * A Flink {@link AggregateFunction} computing one registry {@link Metric} (NPS, CSAT, CES, mean,
 * Kaplan–Meier …) per key and window: the accumulator is the metric's own cxmetrics accumulator, the
 * result is a {@link Row} of the metric's flat fields.
 *
 * <pre>{@code
 * MetricAggregate<Answer, RatingAccumulator> nps = MetricAggregate.ofRatings(Metrics.nps(), a -> a.rating);
 * answers.keyBy(a -> a.segment, Types.STRING)
 *        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
 *        .aggregate(nps, nps.accumulatorType(), nps.resultType());   // DataStream<Row>
 * }</pre>
 *
 * <p><b>Result layout.</b> The row has one field per {@link Metric#fields()}, in that order and with
 * those names in {@link #resultType()}: a {@code Long} for a {@link Field.Type#LONG} field, a
 * {@code Double} for a {@link Field.Type#DOUBLE} field, {@code null} where the metric says the field
 * is undefined. For NPS: {@code count, promoters, passives, detractors, score, standard_error, lower,
 * upper}; CSAT: {@code count, satisfied, score, standard_error, lower, upper}; CES: {@code count, mean,
 * standard_error, lower, upper}; mean: {@code count, mean, standard_deviation, standard_error, lower,
 * upper}; Kaplan–Meier: {@code count, events, median}. The interval level is the metric's
 * ({@link Metric#withLevel(double)}). An accumulator with no data (which a window never has: a window
 * exists once a row arrived) gives a row with every field {@code null}: Flink streams carry no null
 * records, so the metric's "empty → NULL" becomes a row of NULLs.
 *
 * <p><b>Types.</b> Pass {@link #accumulatorType()} and {@link #resultType()} to {@code aggregate}:
 * the accumulator is then serialised in its byte form by {@link MergeableSerializer} and the result by
 * Flink's row serializer, so nothing falls back to Kryo and the job runs with
 * {@code pipeline.generic-types: false}.
 *
 * <p><b>Exactness.</b> Counts (rating distributions, Kaplan–Meier risk sets) do not depend on the order
 * in which rows arrive or windows are merged, so the result equals one single-JVM pass bit for bit. The
 * mean's moments (Welford's update) depend on the order of additions to floating-point rounding:
 * equal to one pass in the same order, within about 1e-15 relative otherwise.
 *
 * <p><b>Bad input.</b> A rating off the metric's scale, a non-finite value or duration, or a negative
 * weight throws {@link IllegalArgumentException} from {@code add}, which fails the Flink task: filter
 * such rows first.
 *
 * <p>Instances are immutable and serializable (the metric and the extractors are).
 *
 * @param <IN> the input row type
 * @param <A> the accumulator type
 * @since 0.2.0
 */
public final class MetricAggregate<IN, A extends Mergeable<A>> implements AggregateFunction<IN, A, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * The integer rating of an input row.
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    public interface IntField<T> extends Serializable {
        /**
         * The field's value.
         *
         * @param row the row
         * @return the value
         */
        int of(T row);
    }

    /**
     * A real-valued field of an input row (a value, a weight, a duration).
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    public interface DoubleField<T> extends Serializable {
        /**
         * The field's value.
         *
         * @param row the row
         * @return the value
         */
        double of(T row);
    }

    /**
     * A boolean field of an input row (whether a lifetime's end was observed).
     *
     * @param <T> the row type
     */
    @FunctionalInterface
    public interface BooleanField<T> extends Serializable {
        /**
         * The field's value.
         *
         * @param row the row
         * @return the value
         */
        boolean of(T row);
    }

    /** Adds one row to an accumulator through the metric. */
    @FunctionalInterface
    interface Adder<T, S> extends Serializable {
        void add(S accumulator, T row);
    }

    /** The metric. */
    private final Metric<A> metric;
    /** Adds a row. */
    private final Adder<IN, A> adder;

    MetricAggregate(Metric<A> metric, Adder<IN, A> adder) {
        this.metric = metric;
        this.adder = adder;
    }

    /**
     * A rating metric (NPS, CSAT, CES) over an integer rating per row, each of weight 1.
     *
     * @param <IN> the input row type
     * @param metric the metric, e.g. {@code Metrics.nps()}
     * @param rating the row's rating, on the metric's scale
     * @return the aggregate function
     * @throws NullPointerException if an argument is null
     */
    public static <IN> MetricAggregate<IN, RatingAccumulator> ofRatings(RatingMetric metric, IntField<? super IN> rating) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rating, "rating");
        return new MetricAggregate<>(metric, (acc, row) -> metric.add(acc, rating.of(row)));
    }

    /**
     * A rating metric over a weighted integer rating per row.
     *
     * @param <IN> the input row type
     * @param metric the metric
     * @param rating the row's rating, on the metric's scale
     * @param weight the row's weight, finite and {@code >= 0}
     * @return the aggregate function
     * @throws NullPointerException if an argument is null
     */
    public static <IN> MetricAggregate<IN, RatingAccumulator> ofRatings(RatingMetric metric, IntField<? super IN> rating,
            DoubleField<? super IN> weight) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(weight, "weight");
        return new MetricAggregate<>(metric, (acc, row) -> metric.add(acc, rating.of(row), weight.of(row)));
    }

    /**
     * A value metric (the mean with its interval) over a real value per row, each of weight 1.
     *
     * @param <IN> the input row type
     * @param metric the metric, e.g. {@code Metrics.mean()}
     * @param value the row's value, finite
     * @return the aggregate function
     * @throws NullPointerException if an argument is null
     */
    public static <IN> MetricAggregate<IN, MeanAccumulator> ofValues(ValueMetric metric, DoubleField<? super IN> value) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        return new MetricAggregate<>(metric, (acc, row) -> metric.add(acc, value.of(row)));
    }

    /**
     * A value metric over a weighted real value per row.
     *
     * @param <IN> the input row type
     * @param metric the metric
     * @param value the row's value, finite
     * @param weight the row's weight, finite and {@code >= 0}
     * @return the aggregate function
     * @throws NullPointerException if an argument is null
     */
    public static <IN> MetricAggregate<IN, MeanAccumulator> ofValues(ValueMetric metric, DoubleField<? super IN> value,
            DoubleField<? super IN> weight) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(weight, "weight");
        return new MetricAggregate<>(metric, (acc, row) -> metric.add(acc, value.of(row), weight.of(row)));
    }

    /**
     * A lifetime metric (Kaplan–Meier) over a duration and an observed-end flag per row.
     *
     * @param <IN> the input row type
     * @param metric the metric, e.g. {@code Metrics.kaplanMeier()}
     * @param duration the row's duration, finite and {@code >= 0}
     * @param observed whether the row's end (churn) was observed; false for a censored row
     * @return the aggregate function
     * @throws NullPointerException if an argument is null
     */
    public static <IN> MetricAggregate<IN, KaplanMeierAccumulator> ofLifetimes(LifetimeMetric metric,
            DoubleField<? super IN> duration, BooleanField<? super IN> observed) {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(observed, "observed");
        return new MetricAggregate<>(metric, (acc, row) -> metric.add(acc, duration.of(row), observed.of(row)));
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
     * The same aggregation with the accumulator itself as its result, for keeping partial states (for
     * example per day, to roll them up to weeks with {@link MergeAggregate} exactly).
     *
     * @return the state variant
     */
    public StateAggregate<IN, A> states() {
        return new StateAggregate<>(metric, adder);
    }

    /**
     * The accumulator's type information, on the byte form ({@link MergeableTypeInfo}).
     *
     * @return the type information
     */
    public MergeableTypeInfo<A> accumulatorType() {
        return MergeableTypeInfo.of(metric);
    }

    /**
     * The result's type information: a row of the metric's fields, named as in
     * {@link Metric#fields()}, {@code BIGINT}-like {@code Long} or {@code Double} each.
     *
     * @return the row type
     */
    public RowTypeInfo resultType() {
        return rowType(metric);
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
     * @throws IllegalArgumentException if the row's rating, value, duration or weight is invalid for the
     *     metric; the accumulator is unchanged then
     */
    @Override
    public A add(IN value, A accumulator) {
        adder.add(accumulator, value);
        return accumulator;
    }

    /**
     * The metric's flat result (see the class description for the layout).
     *
     * @param accumulator the accumulator
     * @return the row; every field null when the accumulator holds no data
     */
    @Override
    public Row getResult(A accumulator) {
        return row(metric, accumulator);
    }

    /**
     * Merges {@code b} into {@code a} ({@link Mergeable#merge}), for merging windows.
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

    static <S extends Mergeable<S>> Row row(Metric<S> metric, S accumulator) {
        Object[] fields = metric.result(accumulator);
        return fields == null ? new Row(metric.fields().size()) : Row.of(fields);
    }

    static RowTypeInfo rowType(Metric<?> metric) {
        List<Field> fields = metric.fields();
        TypeInformation<?>[] types = new TypeInformation<?>[fields.size()];
        String[] names = new String[fields.size()];
        for (int i = 0; i < types.length; i++) {
            Field f = fields.get(i);
            types[i] = f.type() == Field.Type.LONG ? Types.LONG : Types.DOUBLE;
            names[i] = f.name();
        }
        return new RowTypeInfo(types, names);
    }
}
