/**
 * cxmetrics for Apache Spark 4.x (Scala 2.13): the metrics of the registry
 * ({@code io.github.cxmetrics.metric.Metrics}) as Spark {@code Aggregator}s and SQL functions.
 *
 * <p>{@link io.github.cxmetrics.spark.CxSpark#register(org.apache.spark.sql.SparkSession)} registers
 * {@code nps, csat, ces, mean, kaplan_meier} with their {@code _state}, {@code _merge} and
 * {@code _result} companions. One aggregator class per input kind ({@link
 * io.github.cxmetrics.spark.RatingAggregator}, {@link io.github.cxmetrics.spark.ValueAggregator},
 * {@link io.github.cxmetrics.spark.LifetimeAggregator}) plus {@link
 * io.github.cxmetrics.spark.StateMergeAggregator} for stored states; the buffer is the accumulator
 * itself, shipped through shuffles in its byte form by {@link io.github.cxmetrics.spark.StateEncoders}
 * (no JVM flags needed).
 *
 * <p>Spark runs on the class path: this jar has no {@code module-info} (Spark's jars have no module
 * names to require) and declares the automatic module name {@code io.github.cxmetrics.spark}.
 *
 * @since 0.2.0
 */
package io.github.cxmetrics.spark;
