/**
 * cxmetrics for Kafka Streams: the {@code Serde} of every cxmetrics state on its versioned byte form
 * ({@link io.github.cxmetrics.kafka.CxSerdes}) and the {@code Initializer}, {@code Aggregator} and
 * {@code Merger} of every metric of the registry ({@link io.github.cxmetrics.kafka.CxStreams}), so
 * that {@code groupByKey().aggregate(...)} keeps exact, mergeable NPS, CSAT, CES, mean and
 * Kaplan&ndash;Meier states in a state store.
 *
 * <p>Kafka is not a dependency of the published module (Maven scope {@code provided}): the
 * application brings its own {@code kafka-clients} and {@code kafka-streams} 4.x.
 *
 * @since 0.2.0
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Kafka's jars are automatic modules
module io.github.cxmetrics.kafka {
    requires transitive io.github.cxmetrics.core;
    requires transitive kafka.clients;
    requires transitive kafka.streams;

    exports io.github.cxmetrics.kafka;
}
