package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.Field;
import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.FunctionIdentifier$;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Registers the cxmetrics metrics as Spark SQL functions. For each metric of {@link Metrics#all()}
 * ({@code nps, csat, ces, mean, kaplan_meier}), {@link #register(SparkSession)} adds four functions,
 * shown here for {@code nps}:
 * <table class="striped">
 *   <caption>The functions of one metric</caption>
 *   <thead><tr><th>function</th><th>kind</th><th>returns</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code nps(rating)}</td><td>aggregate</td><td>the result struct ({@link #schema}); NULL for a
 *       group without ratings</td></tr>
 *   <tr><td>{@code nps_state(rating)}</td><td>aggregate</td><td>{@code BINARY}: the accumulator's byte
 *       form (the empty state for a group without ratings)</td></tr>
 *   <tr><td>{@code nps_merge(state)}</td><td>aggregate</td><td>{@code BINARY}: the merge of the states
 *       (NULLs skipped)</td></tr>
 *   <tr><td>{@code nps_result(state)}</td><td>scalar</td><td>the result struct of one state; NULL for
 *       a NULL or empty state</td></tr>
 *   </tbody>
 * </table>
 * A metric whose name is a Spark built-in function is registered with the prefix {@code cx_}
 * ({@link #sqlName}): Spark resolves its built-ins first, so {@code mean} stays Spark's {@code avg} and
 * the registry's mean is {@code cx_mean(value)}, {@code cx_mean_state(value)}, {@code cx_mean_merge(state)},
 * {@code cx_mean_result(state)}.
 *
 * <p>The input columns are those of the metric's kind: one {@code INT} rating for NPS, CSAT (1–5) and CES
 * (1–7); one {@code DOUBLE} value for {@code mean}; {@code (duration DOUBLE, observed BOOLEAN)} for
 * {@code kaplan_meier}. The struct fields are the registry's {@link Metric#fields()}, in order, as
 * {@code BIGINT} ({@link Field.Type#LONG}) and {@code DOUBLE} ({@link Field.Type#DOUBLE}), all
 * nullable. For example:
 * <pre>{@code
 * CxSpark.register(spark);
 * spark.sql("SELECT channel, nps(recommend).score, nps(recommend).lower FROM answers GROUP BY channel");
 * // keep daily partial states, roll them up to weeks exactly:
 * spark.sql("CREATE TABLE nps_daily AS SELECT channel, day, nps_state(recommend) AS state"
 *         + " FROM answers GROUP BY channel, day");
 * spark.sql("SELECT channel, week, nps_result(nps_merge(state)) AS nps FROM"
 *         + " (SELECT *, day DIV 7 AS week FROM nps_daily) GROUP BY channel, week");
 * }</pre>
 *
 * <p>Merging is exact for the count-based metrics (NPS, CSAT, CES, Kaplan–Meier): results and states
 * equal those of one pass over the same rows, however Spark partitions, retries or spills. The mean
 * merges to within rounding ({@link ValueAggregator}).
 *
 * @since 0.2.0
 */
public final class CxSpark {

    private CxSpark() {
    }

    /**
     * Registers the four functions of every metric of {@link Metrics#all()} in the session (replacing
     * functions of the same names).
     *
     * @param spark the session
     * @return the registered function names, in the order metric by metric
     * @throws NullPointerException if {@code spark} is null
     */
    public static List<String> register(SparkSession spark) {
        Objects.requireNonNull(spark, "spark");
        List<String> names = new ArrayList<>();
        for (Metric<?> metric : Metrics.all()) {
            names.addAll(register(spark, metric));
        }
        return names;
    }

    /**
     * Registers the four functions of one metric under its {@link #sqlName}: {@code name},
     * {@code name_state}, {@code name_merge}, {@code name_result}. Use it for variants, e.g.
     * {@code register(spark, Metrics.csat(new Scale(1, 7), 6).named("csat7"))}.
     *
     * @param spark the session
     * @param metric the metric
     * @return the four function names
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the metric is of an input kind this adapter does not know
     */
    public static List<String> register(SparkSession spark, Metric<?> metric) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(metric, "metric");
        String name = sqlName(metric);
        spark.udf().register(name, aggregate(metric));
        spark.udf().register(name + "_state", stateAggregate(metric));
        spark.udf().register(name + "_merge", mergeFunction(metric));
        spark.udf().register(name + "_result", resultFunction(metric));
        return List.of(name, name + "_state", name + "_merge", name + "_result");
    }

    /**
     * The SQL name of a metric's functions: its {@link Metric#name()}, or {@code "cx_" + name} when that
     * name or one of {@code name_state}, {@code name_merge}, {@code name_result} is a built-in function
     * of the running Spark version (among the registry's metrics: {@code mean}, Spark's alias of
     * {@code avg}), because Spark resolves built-ins before session functions.
     *
     * @param metric the metric
     * @return the name its functions are registered under
     * @throws NullPointerException if {@code metric} is null
     */
    public static String sqlName(Metric<?> metric) {
        String name = Objects.requireNonNull(metric, "metric").name();
        for (String f : List.of(name, name + "_state", name + "_merge", name + "_result")) {
            if (FunctionRegistry$.MODULE$.builtin().functionExists(FunctionIdentifier$.MODULE$.apply(f))) {
                return "cx_" + name;
            }
        }
        return name;
    }

    /**
     * The aggregate function of a metric's result struct, for the DataFrame API:
     * {@code df.groupBy("channel").agg(CxSpark.aggregate(Metrics.nps()).apply(col("recommend")))}.
     *
     * @param metric the metric
     * @return the function ({@code nps(rating)})
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if the metric is of an input kind this adapter does not know
     */
    public static UserDefinedFunction aggregate(Metric<?> metric) {
        Objects.requireNonNull(metric, "metric");
        if (metric instanceof RatingMetric) {
            return udaf(RatingAggregator.result((RatingMetric) metric));
        } else if (metric instanceof ValueMetric) {
            return udaf(ValueAggregator.result((ValueMetric) metric));
        } else if (metric instanceof LifetimeMetric) {
            return udaf(LifetimeAggregator.result((LifetimeMetric) metric));
        }
        throw unknown(metric);
    }

    /**
     * The aggregate function of a metric's state, {@code BINARY}.
     *
     * @param metric the metric
     * @return the function ({@code nps_state(rating)})
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if the metric is of an input kind this adapter does not know
     */
    public static UserDefinedFunction stateAggregate(Metric<?> metric) {
        Objects.requireNonNull(metric, "metric");
        if (metric instanceof RatingMetric) {
            return udaf(RatingAggregator.state((RatingMetric) metric));
        } else if (metric instanceof ValueMetric) {
            return udaf(ValueAggregator.state((ValueMetric) metric));
        } else if (metric instanceof LifetimeMetric) {
            return udaf(LifetimeAggregator.state((LifetimeMetric) metric));
        }
        throw unknown(metric);
    }

    /**
     * The aggregate function merging stored states of a metric into one state, {@code BINARY}.
     *
     * @param metric the metric
     * @return the function ({@code nps_merge(state)})
     * @throws NullPointerException if {@code metric} is null
     */
    public static UserDefinedFunction mergeFunction(Metric<?> metric) {
        return udaf(StateMergeAggregator.state(Objects.requireNonNull(metric, "metric")));
    }

    /**
     * The scalar function from one state to the metric's result struct (NULL for a NULL or empty
     * state). A state of another family fails the task with {@link IllegalArgumentException}.
     *
     * @param metric the metric
     * @return the function ({@code nps_result(state)})
     * @throws NullPointerException if {@code metric} is null
     */
    public static UserDefinedFunction resultFunction(Metric<?> metric) {
        Objects.requireNonNull(metric, "metric");
        return functions.udf(new ResultFunction<>(metric), schema(metric));
    }

    /**
     * The SQL type of a metric's result: one nullable field per {@link Metric#fields()}, in order,
     * {@code BIGINT} for {@link Field.Type#LONG} and {@code DOUBLE} for {@link Field.Type#DOUBLE}.
     *
     * @param metric the metric
     * @return the struct type
     * @throws NullPointerException if {@code metric} is null
     */
    public static StructType schema(Metric<?> metric) {
        List<Field> fields = Objects.requireNonNull(metric, "metric").fields();
        StructField[] columns = new StructField[fields.size()];
        for (int i = 0; i < columns.length; i++) {
            Field f = fields.get(i);
            DataType type = f.type() == Field.Type.LONG ? DataTypes.LongType : DataTypes.DoubleType;
            columns[i] = DataTypes.createStructField(f.name(), type, true);
        }
        return DataTypes.createStructType(columns);
    }

    /** The row of a {@link Metric#result} array (Long and Double values, nulls kept), null for null. */
    static Row toRow(Object[] result) {
        return result == null ? null : RowFactory.create(result);
    }

    private static <IN, A extends Mergeable<A>, OUT> UserDefinedFunction udaf(MetricAggregator<IN, A, OUT> agg) {
        return functions.udaf(agg, agg.inputEncoder());
    }

    private static IllegalArgumentException unknown(Metric<?> metric) {
        return new IllegalArgumentException("metric " + metric.name() + " has input kind " + metric.input()
                + ", which this Spark adapter does not support");
    }

    /** {@code name_result(state)}: a state's result struct. */
    private static final class ResultFunction<A extends Mergeable<A>> implements UDF1<byte[], Row> {

        private static final long serialVersionUID = 1L;

        private final Metric<A> metric;

        ResultFunction(Metric<A> metric) {
            this.metric = metric;
        }

        @Override
        public Row call(byte[] state) {
            return state == null ? null : toRow(metric.result(metric.family().fromByteArray(state)));
        }
    }
}
