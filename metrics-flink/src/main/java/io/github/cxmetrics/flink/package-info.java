/**
 * Apache Flink 2.x adapter of cxmetrics: {@link io.github.cxmetrics.flink.MetricAggregate} computes a
 * registry metric per key and window as a {@link org.apache.flink.types.Row} of its flat fields,
 * {@link io.github.cxmetrics.flink.StateAggregate} and {@link io.github.cxmetrics.flink.MergeAggregate}
 * keep and roll up partial states, and {@link io.github.cxmetrics.flink.MergeableTypeInfo} with
 * {@link io.github.cxmetrics.flink.MergeableSerializer} and its
 * {@link io.github.cxmetrics.flink.MergeableSerializerSnapshot} put accumulators into Flink state and
 * savepoints in the library's versioned byte form, without Kryo.
 *
 * @since 0.2.0
 */
package io.github.cxmetrics.flink;
