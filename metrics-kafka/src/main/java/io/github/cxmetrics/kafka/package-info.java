/**
 * cxmetrics for Kafka Streams: the {@code Serde} of every cxmetrics state on its versioned byte form
 * ({@link io.github.cxmetrics.kafka.CxSerdes}, {@link io.github.cxmetrics.kafka.StateSerde}) and the
 * {@code Initializer}, {@code Aggregator} and {@code Merger} of every metric of the registry
 * ({@link io.github.cxmetrics.kafka.CxStreams}, {@link io.github.cxmetrics.kafka.MetricAggregate}), so
 * that {@code groupByKey().aggregate(...)} keeps exact, mergeable NPS, CSAT, CES, mean and
 * Kaplan&ndash;Meier states in a state store, with their flat results
 * ({@link io.github.cxmetrics.kafka.MetricResult}) for downstream topics.
 *
 * <p>Kafka is not a dependency of the published artifact (Maven scope {@code provided}): the
 * application brings its own {@code kafka-clients} and {@code kafka-streams} 4.x. The jar is the
 * automatic module {@code io.github.cxmetrics.kafka} (no {@code module-info}, because Kafka's jars
 * have no module names to require).
 *
 * @since 0.2.0
 */
package io.github.cxmetrics.kafka;
