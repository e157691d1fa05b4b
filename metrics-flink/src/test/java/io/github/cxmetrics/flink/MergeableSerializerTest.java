package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The byte-form serializer, its snapshot and its type information, without a cluster. */
class MergeableSerializerTest {

    private static RatingAccumulator ratings() {
        RatingAccumulator acc = Metrics.nps().newAccumulator();
        int[] ratings = {0, 3, 6, 7, 8, 9, 10, 10, 9, 2};
        for (int r : ratings) {
            acc.add(r);
        }
        return acc;
    }

    private static MeanAccumulator values() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(1.5);
        acc.add(-2.25, 3.0);
        acc.add(1e9 + 0.125);
        return acc;
    }

    private static KaplanMeierAccumulator lifetimes() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.add(3, true);
        acc.add(3, false);
        acc.add(7.5, true);
        acc.add(12, false);
        return acc;
    }

    private static <S extends Mergeable<S>> byte[] serialize(TypeSerializer<S> serializer, S state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(state, out);
        return out.getCopyOfBuffer();
    }

    private static <S extends Mergeable<S>> void roundTrips(S state) throws IOException {
        MergeableSerializer<S> serializer = new MergeableSerializer<>(state.family().type().cast(state).copy());
        byte[] bytes = serialize(serializer, state);
        // the documented record: a big-endian int32 length, then the state's own byte form
        byte[] own = state.toByteArray();
        assertThat(ByteBuffer.wrap(bytes).getInt()).isEqualTo(own.length);
        assertThat(Arrays.copyOfRange(bytes, 4, bytes.length)).isEqualTo(own);
        S back = serializer.deserialize(new DataInputDeserializer(bytes));
        assertThat(back.toByteArray()).isEqualTo(own);
        // copying a serialized record moves the same bytes
        DataOutputSerializer copied = new DataOutputSerializer(8);
        serializer.copy(new DataInputDeserializer(bytes), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(bytes);
    }

    @Test
    void recordsAreTheLengthAndTheByteFormAndReadBackForEveryFamily() throws IOException {
        roundTrips(ratings());
        roundTrips(values());
        roundTrips(lifetimes());
        roundTrips(Metrics.nps().newAccumulator());
        // the round-2 families, which no Metric exposes yet: the serializer works by family alone
        io.github.cxmetrics.service.QuantileSketch sketch = new io.github.cxmetrics.service.QuantileSketch(0.01);
        for (int i = 1; i <= 1000; i++) {
            sketch.add(i * 0.37);
        }
        roundTrips(sketch);
        io.github.cxmetrics.csi.KanoAccumulator kano = new io.github.cxmetrics.csi.KanoAccumulator("wifi", "app");
        kano.add(0, 1, 5);
        kano.add(1, 2, 4);
        roundTrips(kano);
    }

    @Test
    void copyIsDeepAndCreateInstanceIsTheTemplate() {
        MergeableSerializer<RatingAccumulator> serializer = new MergeableSerializer<>(Metrics.nps().newAccumulator());
        RatingAccumulator a = ratings();
        RatingAccumulator c = serializer.copy(a);
        byte[] before = a.toByteArray();
        c.add(10);
        assertThat(a.toByteArray()).isEqualTo(before);
        assertThat(c.count()).isEqualTo(a.count() + 1);
        RatingAccumulator empty = serializer.createInstance();
        assertThat(empty.count()).isZero();
        assertThat(empty.scale()).isEqualTo(Scale.ZERO_TO_TEN);
        assertThat(serializer.isImmutableType()).isFalse();
        assertThat(serializer.getLength()).isEqualTo(-1);
    }

    @Test
    void corruptRecordsAreIoExceptionsNamingTheFamily() throws IOException {
        MergeableSerializer<RatingAccumulator> serializer = new MergeableSerializer<>(Metrics.nps().newAccumulator());
        byte[] bytes = serialize(serializer, ratings());
        bytes[bytes.length - 1] ^= 1; // the CRC no longer matches
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class).hasMessageStartingWith("corrupt rating state in a Flink stream")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        byte[] negative = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe};
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(negative)))
                .isInstanceOf(IOException.class).hasMessage("corrupt rating state in a Flink stream: length -2");
        // a mean state where a rating state is expected
        byte[] mean = serialize(new MergeableSerializer<>(new MeanAccumulator()), values());
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(mean)))
                .isInstanceOf(IOException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serializersAreEqualByFamilyAndTemplate() {
        MergeableSerializer<RatingAccumulator> nps = new MergeableSerializer<>(Metrics.nps().newAccumulator());
        assertThat(nps).isEqualTo(new MergeableSerializer<>(new RatingAccumulator(Scale.ZERO_TO_TEN)))
                .hasSameHashCodeAs(new MergeableSerializer<>(new RatingAccumulator(Scale.ZERO_TO_TEN)));
        assertThat(nps).isNotEqualTo(new MergeableSerializer<>(Metrics.csat().newAccumulator()));
        assertThat(nps.duplicate()).isSameAs(nps);
        assertThat(nps).hasToString("MergeableSerializer[rating]");
    }

    @SuppressWarnings("unchecked")
    @Test
    void javaSerializedSerializersFindTheirFamilyAgain() throws Exception {
        MergeableSerializer<KaplanMeierAccumulator> serializer = new MergeableSerializer<>(new KaplanMeierAccumulator());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serializer);
        }
        MergeableSerializer<KaplanMeierAccumulator> back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (MergeableSerializer<KaplanMeierAccumulator>) in.readObject();
        }
        assertThat(back).isEqualTo(serializer);
        assertThat(back.family()).isSameAs(KaplanMeierAccumulator.FAMILY);
        KaplanMeierAccumulator state = lifetimes();
        assertThat(back.deserialize(new DataInputDeserializer(serialize(serializer, state))).toByteArray())
                .isEqualTo(state.toByteArray());
    }

    private static <S extends Mergeable<S>> TypeSerializerSnapshot<S> written(TypeSerializerSnapshot<S> snapshot)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                MergeableSerializerTest.class.getClassLoader());
    }

    @Test
    void theSnapshotStoresTheFamilyIdAndRestoresTheSerializer() throws IOException {
        MergeableSerializer<RatingAccumulator> serializer = new MergeableSerializer<>(Metrics.csat().newAccumulator());
        TypeSerializerSnapshot<RatingAccumulator> restored = written(serializer.snapshotConfiguration());
        assertThat(restored).isInstanceOf(MergeableSerializerSnapshot.class);
        assertThat(((MergeableSerializerSnapshot<RatingAccumulator>) restored).familyId()).isEqualTo(1);
        TypeSerializer<RatingAccumulator> again = restored.restoreSerializer();
        assertThat(again).isEqualTo(serializer);
        assertThat(again.createInstance().scale()).isEqualTo(Scale.ONE_TO_FIVE);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs()).isTrue();
    }

    @Test
    void anotherScaleOrFamilyIsIncompatible() throws IOException {
        TypeSerializerSnapshot<RatingAccumulator> nps =
                written(new MergeableSerializer<>(Metrics.nps().newAccumulator()).snapshotConfiguration());
        TypeSerializerSnapshot<RatingAccumulator> csat =
                new MergeableSerializer<>(Metrics.csat().newAccumulator()).snapshotConfiguration();
        assertThat(csat.resolveSchemaCompatibility(nps).isIncompatible()).isTrue();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<RatingAccumulator> mean = (TypeSerializerSnapshot) written(
                new MergeableSerializer<>(new MeanAccumulator()).snapshotConfiguration());
        TypeSerializerSchemaCompatibility<RatingAccumulator> c = csat.resolveSchemaCompatibility(mean);
        assertThat(c.isIncompatible()).isTrue();
    }

    @Test
    void typeInformationIsAnAtomicNonGenericTypeWithTheByteFormSerializer() {
        MergeableTypeInfo<MeanAccumulator> info = MergeableTypeInfo.of(Metrics.mean());
        assertThat(info.getTypeClass()).isEqualTo(MeanAccumulator.class);
        assertThat(info.getArity()).isEqualTo(1);
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.createSerializer(new SerializerConfigImpl()))
                .isEqualTo(new MergeableSerializer<>(new MeanAccumulator()));
        assertThat(info).isEqualTo(MergeableTypeInfo.of(new MeanAccumulator()))
                .isNotEqualTo(MergeableTypeInfo.of(Metrics.nps()));
        assertThat(info).hasToString("MergeableTypeInfo[MeanAccumulator]");
    }
}
