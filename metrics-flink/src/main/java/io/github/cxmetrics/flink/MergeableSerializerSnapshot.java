package io.github.cxmetrics.flink;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a {@link MergeableSerializer} that Flink keeps in checkpoints and savepoints, so a
 * restore finds the reader of the states: version 1 of the snapshot is
 * <pre>{@code
 * int32  family id (StateFamily.byId finds the reader; 1 rating, 2 mean, 3 kaplan-meier, ...)
 * int32  n
 * n      the template accumulator's byte form (its parameters, e.g. the rating scale)
 * }</pre>
 *
 * <p><b>Compatibility</b> ({@link #resolveSchemaCompatibility}, called on the new serializer's
 * snapshot with the restored one): compatible as is when the family is the same and the old template,
 * read by the present library and written again, has the bytes of the new template, i.e. when only
 * the library's format version changed (the family still reads the old states); incompatible when
 * the family or the template's parameters (another scale) differ, or when the old snapshot is not of
 * this class.
 *
 * @param <S> the accumulator type
 * @since 0.2.0
 */
public final class MergeableSerializerSnapshot<S extends Mergeable<S>> implements TypeSerializerSnapshot<S> {

    private static final int VERSION = 1;

    private int familyId;
    private byte[] template;

    /** For Flink, which makes an empty snapshot by reflection and then calls {@link #readSnapshot}. */
    public MergeableSerializerSnapshot() {
    }

    MergeableSerializerSnapshot(int familyId, byte[] template) {
        this.familyId = familyId;
        this.template = template.clone();
    }

    /**
     * The version of this snapshot's own layout.
     *
     * @return 1
     */
    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    /**
     * Writes the family id and the template.
     *
     * @param out the output
     * @throws IOException if the output fails
     */
    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(familyId);
        out.writeInt(template.length);
        out.write(template);
    }

    /**
     * Reads what {@link #writeSnapshot} wrote.
     *
     * @param readVersion the version it was written with
     * @param in the input
     * @param userCodeClassLoader unused: the family is found by id
     * @throws IOException if the input fails, the version is unknown or the length is negative
     */
    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        if (readVersion != VERSION) {
            throw new IOException("unknown MergeableSerializerSnapshot version " + readVersion + " (this library reads "
                    + VERSION + ")");
        }
        int id = in.readInt();
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("corrupt MergeableSerializerSnapshot: template length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        this.familyId = id;
        this.template = bytes;
    }

    /**
     * The serializer of the restored states: the family found by id, the template read by its reader
     * (and written in the present format).
     *
     * @return the serializer
     * @throws IllegalArgumentException if no family with the id is present (its module is missing from
     *     the class path) or the template is not a valid state of the family
     */
    @Override
    public TypeSerializer<S> restoreSerializer() {
        StateFamily<S> family = family();
        return new MergeableSerializer<>(family, family.fromByteArray(template).toByteArray());
    }

    /**
     * Whether states written under an old snapshot can be read by this snapshot's serializer (see the
     * class description).
     *
     * @param oldSerializerSnapshot the snapshot restored from a checkpoint or savepoint
     * @return compatible as is, or incompatible
     * @throws IllegalArgumentException if the old template is not a valid state of its family
     */
    @Override
    public TypeSerializerSchemaCompatibility<S> resolveSchemaCompatibility(TypeSerializerSnapshot<S> oldSerializerSnapshot) {
        if (!(oldSerializerSnapshot instanceof MergeableSerializerSnapshot)) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        MergeableSerializerSnapshot<S> old = (MergeableSerializerSnapshot<S>) oldSerializerSnapshot;
        if (old.familyId != familyId) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        byte[] oldTemplateNow = family().fromByteArray(old.template).toByteArray();
        return Arrays.equals(oldTemplateNow, family().fromByteArray(template).toByteArray())
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    /**
     * The family id stored in this snapshot.
     *
     * @return the id
     */
    public int familyId() {
        return familyId;
    }

    @SuppressWarnings("unchecked") // the id was taken from a state of type S when the snapshot was written
    private StateFamily<S> family() {
        return (StateFamily<S>) StateFamily.byId(familyId);
    }
}
