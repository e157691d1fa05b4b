package io.github.cxmetrics.kafka;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Aggregator;
import org.apache.kafka.streams.kstream.Initializer;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Merger;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.SessionBytesStoreSupplier;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Everything {@code aggregate(...)} of Kafka Streams needs to keep one metric's accumulator per key
 * (or per key and window): the {@link Initializer}, the {@link Aggregator}, the {@link Merger} of
 * session windows, the value {@link StateSerde} of the store, {@link Materialized} shortcuts and the
 * mappers from the stored state to the metric's flat result. Obtain one from {@link CxStreams}.
 *
 * <pre>{@code
 * MetricAggregate<Integer, RatingAccumulator> nps = CxStreams.aggregate(Metrics.nps());
 * KTable<String, RatingAccumulator> states = ratings            // KStream<String, Integer>
 *         .groupByKey()
 *         .aggregate(nps.initializer(), nps.aggregator(),
 *                 nps.<String>materialized("nps-by-channel").withKeySerde(Serdes.String()));
 * states.toStream().mapValues(nps.json()).to("nps-by-channel", Produced.with(Serdes.String(), Serdes.String()));
 * }</pre>
 *
 * <p><b>Copy on update.</b> The aggregator and the merger never change the accumulator Kafka passes
 * in: they return a {@linkplain Mergeable#copy() deep copy} with the record added (or the other state
 * merged in). Kafka Streams forwards the previous aggregate next to the new one where a downstream
 * operation asks for old values (a {@code KTable} join, a re-grouping with a subtractor); an update in
 * place would make both the same object. The copy costs one pass over the state, as the
 * deserialisation before it does.
 *
 * <p><b>Exactness.</b> The store holds the accumulator's byte form and every update is
 * {@code fromByteArray} &rarr; add &rarr; {@code toByteArray}, which loses nothing: the stored state of a
 * key is byte for byte the state one pass over that key's records in the same order gives (what this
 * module's tests assert), and the states of windows, partitions or applications merge exactly as the
 * metric's family documents.
 *
 * <p><b>Bad input.</b> A value the metric rejects (a rating off the scale, a negative weight, a
 * non-finite value, a negative duration) makes the aggregator throw the library's
 * {@link IllegalArgumentException}, which Kafka Streams hands to its
 * {@code processing.exception.handler} (the default fails the task); the stored state is unchanged.
 * Records with a null key or a null value never reach an aggregator (Kafka Streams drops them).
 *
 * <p>Instances are immutable and thread-safe, and so are the functions they hand out.
 *
 * @param <V> the record value type of the input stream
 * @param <A> the accumulator (state) type
 * @since 0.2.0
 */
public final class MetricAggregate<V, A extends Mergeable<A>> {

    private final Metric<A> metric;
    private final BiConsumer<A, ? super V> adder;
    private final StateSerde<A> serde;

    MetricAggregate(Metric<A> metric, BiConsumer<A, ? super V> adder) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.adder = Objects.requireNonNull(adder, "adder");
        this.serde = CxSerdes.state(metric.family());
    }

    /**
     * The metric aggregated.
     *
     * @return the metric
     */
    public Metric<A> metric() {
        return metric;
    }

    /**
     * The initial aggregate of a key (or window): {@link Metric#newAccumulator()}, an empty accumulator.
     *
     * @return the initializer
     */
    public Initializer<A> initializer() {
        return metric::newAccumulator;
    }

    /**
     * Adds one record's value to a copy of the key's aggregate and returns the copy (see the class
     * comment for why a copy). Works for any key type.
     *
     * @return the aggregator
     */
    public Aggregator<Object, V, A> aggregator() {
        return (key, value, aggregate) -> {
            A next = aggregate.copy();
            adder.accept(next, value);
            return next;
        };
    }

    /**
     * Merges two aggregates of a key into a new one, {@code a.copy().merge(b)}: the {@link Merger} that
     * {@code SessionWindowedKStream.aggregate} needs when a record joins two sessions. Exact, as
     * {@link Mergeable#merge(Mergeable)} is.
     *
     * @return the merger
     */
    public Merger<Object, A> merger() {
        return (key, a, b) -> a.copy().merge(b);
    }

    /**
     * The serde of the states, for the store, its changelog and any topic of states.
     *
     * @return the serde (one per instance)
     */
    public StateSerde<A> serde() {
        return serde;
    }

    /**
     * A key-value store of this name (RocksDB, Kafka Streams' default) whose value serde is
     * {@link #serde()}. The key serde is the application's default unless set with
     * {@code withKeySerde}.
     *
     * @param <K> the key type
     * @param storeName the store name (also the prefix of its changelog topic)
     * @return the materialisation
     */
    public <K> Materialized<K, A, KeyValueStore<Bytes, byte[]>> materialized(String storeName) {
        return Materialized.<K, A, KeyValueStore<Bytes, byte[]>>as(storeName).withValueSerde(serde);
    }

    /**
     * A key-value store from a supplier (e.g. {@code Stores.inMemoryKeyValueStore(name)}) whose value
     * serde is {@link #serde()}.
     *
     * @param <K> the key type
     * @param supplier the store supplier
     * @return the materialisation
     */
    public <K> Materialized<K, A, KeyValueStore<Bytes, byte[]>> materialized(KeyValueBytesStoreSupplier supplier) {
        return Materialized.<K, A>as(supplier).withValueSerde(serde);
    }

    /**
     * A window store of this name (RocksDB) whose value serde is {@link #serde()}, for
     * {@code windowedBy(TimeWindows...).aggregate(...)}.
     *
     * @param <K> the key type
     * @param storeName the store name
     * @return the materialisation
     */
    public <K> Materialized<K, A, WindowStore<Bytes, byte[]>> windowed(String storeName) {
        return Materialized.<K, A, WindowStore<Bytes, byte[]>>as(storeName).withValueSerde(serde);
    }

    /**
     * A window store from a supplier (e.g. {@code Stores.inMemoryWindowStore(...)}) whose value serde
     * is {@link #serde()}.
     *
     * @param <K> the key type
     * @param supplier the store supplier
     * @return the materialisation
     */
    public <K> Materialized<K, A, WindowStore<Bytes, byte[]>> windowed(WindowBytesStoreSupplier supplier) {
        return Materialized.<K, A>as(supplier).withValueSerde(serde);
    }

    /**
     * A session store from a supplier (e.g. {@code Stores.inMemorySessionStore(...)}) whose value serde
     * is {@link #serde()}, for {@code windowedBy(SessionWindows...).aggregate(...)} with
     * {@link #merger()}.
     *
     * @param <K> the key type
     * @param supplier the store supplier
     * @return the materialisation
     */
    public <K> Materialized<K, A, SessionStore<Bytes, byte[]>> sessions(SessionBytesStoreSupplier supplier) {
        return Materialized.<K, A>as(supplier).withValueSerde(serde);
    }

    /**
     * The metric's flat result of a state, as {@link Metric#result(Mergeable)} gives it: one element
     * per {@linkplain Metric#fields() field}, {@code Long} or {@code Double}, {@code null} where a field
     * is undefined; {@code null} for an empty state.
     *
     * @return the mapper
     */
    public ValueMapper<A, Object[]> values() {
        return metric::result;
    }

    /**
     * The metric's result of a state with its field names, {@link MetricResult#of(Metric, Mergeable)};
     * {@code null} for an empty state.
     *
     * @return the mapper
     */
    public ValueMapper<A, MetricResult> result() {
        return state -> MetricResult.of(metric, state);
    }

    /**
     * The metric's result of a state as one JSON object, {@link MetricResult#toJson()} (e.g.
     * {@code {"count":1000,"promoters":412,...,"upper":15.9}}), for a downstream topic with
     * {@code Serdes.String()}; {@code null} for an empty state (a tombstone on the topic).
     *
     * @return the mapper
     */
    public ValueMapper<A, String> json() {
        return state -> {
            MetricResult r = MetricResult.of(metric, state);
            return r == null ? null : r.toJson();
        };
    }

    /**
     * A readable form, e.g. {@code MetricAggregate[nps, StateFamily[1 rating v1]]}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "MetricAggregate[" + metric.name() + ", " + metric.family() + "]";
    }
}
