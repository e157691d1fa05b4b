package io.github.cxmetrics.flink;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink {@link TypeSerializer} for any cxmetrics accumulator, on its byte form: one record is
 * <pre>{@code
 * int32 (big-endian, Flink's DataOutputView)  n = serializedSize()
 * n bytes                                     the state frame of docs/binary-format.md
 *                                             (magic, family id, format version, flags, length,
 *                                              payload, CRC-32C; little-endian inside)
 * }</pre>
 * so Flink state (window accumulators, keyed state, savepoints, network buffers) depends on the
 * library's versioned, checksummed format and not on Kryo's view of private fields. Reading goes
 * through the family's reader ({@link StateFamily#fromByteArray(byte[])}), which keeps reading every
 * format version the library has published.
 *
 * <p>One serializer serves one {@link StateFamily} with one <em>template</em>: an accumulator (usually
 * empty, from {@code Metric.newAccumulator()}) whose copy {@link #createInstance()} returns and whose
 * parameters (for a rating accumulator, its scale) take part in {@link #equals(Object)} and in the
 * compatibility check of {@link MergeableSerializerSnapshot}. {@link #copy(Mergeable)} is the
 * accumulator's deep {@link Mergeable#copy()}.
 *
 * <p>Stateless (the family is looked up by id after Java deserialisation and cached), so
 * {@link #duplicate()} returns this serializer and it may be shared between threads.
 *
 * @param <S> the accumulator type
 * @since 0.2.0
 */
public final class MergeableSerializer<S extends Mergeable<S>> extends TypeSerializer<S> {

    private static final long serialVersionUID = 1L;

    /** The family id of the states (byte 4 of every state frame). */
    private final int familyId;
    /** The template's byte form: createInstance() reads it, equals() compares it. */
    private final byte[] template;
    /** The family, found again by id after Java deserialisation. */
    private transient StateFamily<S> family;

    /**
     * A serializer for the family of a template accumulator.
     *
     * @param template an accumulator of the family, with the parameters of the states this
     *     serializer will see (usually an empty one); not kept, only its bytes
     * @throws NullPointerException if {@code template} is null
     */
    public MergeableSerializer(S template) {
        Objects.requireNonNull(template, "template");
        this.family = template.family();
        this.familyId = family.id();
        this.template = template.toByteArray();
    }

    /** For the snapshot: bytes already checked by the family's reader. */
    MergeableSerializer(StateFamily<S> family, byte[] template) {
        this.family = family;
        this.familyId = family.id();
        this.template = template.clone();
    }

    /**
     * The family of the states, found by id.
     *
     * @return the family
     * @throws IllegalArgumentException if no family with the id is present (its module is missing)
     */
    @SuppressWarnings("unchecked") // the id was taken from a state of type S when this serializer was made
    public StateFamily<S> family() {
        StateFamily<S> f = family;
        if (f == null) {
            f = (StateFamily<S>) StateFamily.byId(familyId);
            family = f;
        }
        return f;
    }

    /** The template's bytes, for the snapshot. */
    byte[] templateBytes() {
        return template.clone();
    }

    /**
     * Accumulators are mutable.
     *
     * @return false
     */
    @Override
    public boolean isImmutableType() {
        return false;
    }

    /**
     * This serializer, which is stateless.
     *
     * @return this
     */
    @Override
    public TypeSerializer<S> duplicate() {
        return this;
    }

    /**
     * A new accumulator equal to the template (usually empty).
     *
     * @return the accumulator
     */
    @Override
    public S createInstance() {
        return family().fromByteArray(template);
    }

    /**
     * A deep copy, {@link Mergeable#copy()}.
     *
     * @param from the accumulator
     * @return its copy
     */
    @Override
    public S copy(S from) {
        return from.copy();
    }

    /**
     * A deep copy, {@link Mergeable#copy()}; accumulators are not reused.
     *
     * @param from the accumulator
     * @param reuse ignored
     * @return the copy of {@code from}
     */
    @Override
    public S copy(S from, S reuse) {
        return from.copy();
    }

    /**
     * States have variable length.
     *
     * @return -1
     */
    @Override
    public int getLength() {
        return -1;
    }

    /**
     * Writes the length and the byte form of an accumulator.
     *
     * @param record the accumulator
     * @param target the output
     * @throws IOException if the output fails
     */
    @Override
    public void serialize(S record, DataOutputView target) throws IOException {
        int size = record.serializedSize();
        byte[] bytes = new byte[size];
        record.writeTo(ByteBuffer.wrap(bytes));
        target.writeInt(size);
        target.write(bytes);
    }

    /**
     * Reads an accumulator that {@link #serialize} wrote (by this or an earlier library version).
     *
     * @param source the input
     * @return a new accumulator
     * @throws IOException if the input fails, or the bytes are not a valid state of this family (the
     *     family reader's message, with its {@link IllegalArgumentException} as the cause)
     */
    @Override
    public S deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            throw new IOException("corrupt " + family().name() + " state in a Flink stream: length " + size);
        }
        byte[] bytes = new byte[size];
        source.readFully(bytes);
        try {
            return family().fromByteArray(bytes);
        } catch (IllegalArgumentException corrupt) {
            throw new IOException("corrupt " + family().name() + " state in a Flink stream: " + corrupt.getMessage(),
                    corrupt);
        }
    }

    /**
     * Reads an accumulator; accumulators are not reused.
     *
     * @param reuse ignored
     * @param source the input
     * @return a new accumulator
     * @throws IOException as {@link #deserialize(DataInputView)}
     */
    @Override
    public S deserialize(S reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    /**
     * Copies one serialized accumulator from input to output without decoding it.
     *
     * @param source the input
     * @param target the output
     * @throws IOException if either fails or the length is negative
     */
    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int size = source.readInt();
        if (size < 0) {
            throw new IOException("corrupt " + family().name() + " state in a Flink stream: length " + size);
        }
        byte[] bytes = new byte[size];
        source.readFully(bytes);
        // not target.write(source, size): Flink's growing DataOutputSerializer does not grow for it
        target.writeInt(size);
        target.write(bytes);
    }

    /**
     * Equal when the family and the template's bytes are.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MergeableSerializer && ((MergeableSerializer<?>) o).familyId == familyId
                && Arrays.equals(((MergeableSerializer<?>) o).template, template);
    }

    /**
     * A hash of the family id and the template's bytes.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return 31 * familyId + Arrays.hashCode(template);
    }

    /**
     * The snapshot written into checkpoints and savepoints: the family id and the template.
     *
     * @return a new snapshot
     */
    @Override
    public TypeSerializerSnapshot<S> snapshotConfiguration() {
        return new MergeableSerializerSnapshot<>(familyId, template);
    }

    /**
     * A readable form, e.g. {@code MergeableSerializer[rating]}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "MergeableSerializer[" + family().name() + "]";
    }
}
