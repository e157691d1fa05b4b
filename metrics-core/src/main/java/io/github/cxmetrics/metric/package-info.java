/**
 * Metrics by name with a flat result layout, for engines that aggregate in their own runtime (Spark,
 * Flink, Kafka Streams) and must expose the same columns everywhere.
 *
 * <p>A {@link io.github.cxmetrics.metric.Metric} names a metric ({@code "nps"}), says what one input
 * row is ({@link io.github.cxmetrics.metric.Input}: a rating, a value, a lifetime), makes the empty
 * accumulator, adds rows to it (in its subclass for the input kind), and turns an accumulator into a
 * flat row of {@link io.github.cxmetrics.metric.Field}s — counts as {@code Long}, estimates as
 * {@code Double} — with <b>empty → NULL</b>: an accumulator without data (or with total weight 0) has
 * no result ({@code null}), and a field that is undefined for the data at hand (the standard error of
 * one value, a median the curve never reaches) is {@code null} on its own. The accumulator is the
 * engine's buffer; it crosses process boundaries in the cxmetrics state format
 * ({@link io.github.cxmetrics.stats.Mergeable}, {@link io.github.cxmetrics.stats.StateFamily}), so an
 * adapter needs one generic class per engine mechanism. {@link io.github.cxmetrics.metric.Metrics}
 * lists them.
 *
 * <p>Metrics are immutable and {@link java.io.Serializable} (engines ship them inside their
 * Java-serialised functions); accumulators are not: they travel as their byte form.
 */
package io.github.cxmetrics.metric;
