package io.github.cxmetrics.kafka;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka {@link Serde} of one family of cxmetrics states (NPS/CSAT/CES rating accumulators, means,
 * Kaplan&ndash;Meier, cohorts, RFM, SERVQUAL &hellip;): the value serde of a state store, of its
 * changelog topic and of any topic that carries partial states for later merging.
 *
 * <p><b>Byte form.</b> A record value is exactly the state's own byte form,
 * {@link Mergeable#toByteArray()}: one checksummed frame of the cxmetrics state format (magic, family
 * id, format version, flags, payload length, payload, CRC-32C; {@code docs/binary-format.md}), with no
 * prefix of this adapter. So a state written by this serde is read by
 * {@link StateFamily#fromByteArray(byte[])} or {@link StateFamily#read(byte[])} anywhere, and every
 * later release of cxmetrics keeps reading it (each family reads all the format versions it has
 * published): changelog topics and RocksDB stores survive library upgrades.
 *
 * <p><b>Nulls.</b> As Kafka expects: {@code null} serialises to {@code null} (a tombstone, which
 * deletes the key from a store) and {@code null} bytes deserialise to {@code null}. An empty array is
 * not a state and is rejected like any other malformed input.
 *
 * <p><b>Errors.</b> Bytes that are not one valid state of this family (truncated, another family, an
 * unknown format version, a CRC mismatch, inconsistent contents, trailing bytes) make
 * {@link Deserializer#deserialize(String, byte[])} throw Kafka's {@link SerializationException}, whose
 * message names the topic and the family and ends with the library's message, and whose cause is the
 * library's {@link IllegalArgumentException}; Kafka Streams then applies its
 * {@code deserialization.exception.handler} (the default fails the task).
 *
 * <p>The serde, its serializer and its deserializer are stateless and thread-safe; {@code configure}
 * and {@code close} do nothing. Obtain instances from {@link CxSerdes#state(StateFamily)}.
 *
 * @param <S> the state type
 * @since 0.2.0
 */
public final class StateSerde<S extends Mergeable<S>> implements Serde<S> {

    private final StateFamily<S> family;
    private final Serializer<S> serializer;
    private final Deserializer<S> deserializer;

    /**
     * The serde of a family's states.
     *
     * @param family the state family, e.g. {@code RatingAccumulator.FAMILY}
     * @throws NullPointerException if {@code family} is null
     */
    public StateSerde(StateFamily<S> family) {
        this.family = Objects.requireNonNull(family, "family");
        this.serializer = new StateSerializer();
        this.deserializer = new StateDeserializer();
    }

    /**
     * The family whose states this serde reads and writes.
     *
     * @return the family
     */
    public StateFamily<S> family() {
        return family;
    }

    /**
     * Writes a state as its byte form ({@link Mergeable#toByteArray()}); {@code null} gives
     * {@code null}.
     *
     * @return the serializer (one instance per serde)
     */
    @Override
    public Serializer<S> serializer() {
        return serializer;
    }

    /**
     * Reads a state of this family from its byte form ({@link StateFamily#fromByteArray(byte[])});
     * {@code null} gives {@code null}; anything else that is not exactly one valid state of the family
     * is a {@link SerializationException} carrying the library's message.
     *
     * @return the deserializer (one instance per serde)
     */
    @Override
    public Deserializer<S> deserializer() {
        return deserializer;
    }

    /**
     * A readable form, e.g. {@code StateSerde[StateFamily[1 rating v1]]}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "StateSerde[" + family + "]";
    }

    private final class StateSerializer implements Serializer<S> {
        @Override
        public byte[] serialize(String topic, S state) {
            return state == null ? null : state.toByteArray();
        }
    }

    private final class StateDeserializer implements Deserializer<S> {
        @Override
        public S deserialize(String topic, byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                return family.fromByteArray(bytes);
            } catch (IllegalArgumentException e) {
                throw new SerializationException("cannot read a " + family.name() + " state from "
                        + (topic == null ? "an unnamed topic" : "topic " + topic) + " (" + bytes.length
                        + " bytes): " + e.getMessage(), e);
            }
        }
    }
}
