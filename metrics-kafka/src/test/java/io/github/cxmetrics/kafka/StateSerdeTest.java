package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.retention.CohortAccumulator;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private static RatingAccumulator nps() {
        RatingAccumulator acc = new RatingAccumulator(Scale.of(0, 10));
        for (int i = 0; i < 1000; i++) {
            acc.add(TestData.rating(i));
        }
        return acc;
    }

    private static MeanAccumulator mean() {
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = 0; i < 1000; i++) {
            acc.add(TestData.value(i), TestData.weight(i));
        }
        return acc;
    }

    private static KaplanMeierAccumulator km() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        for (int i = 0; i < 1000; i++) {
            acc.add(TestData.duration(i), TestData.observed(i));
        }
        return acc;
    }

    private static <S extends Mergeable<S>> void roundTrips(S state) {
        StateSerde<S> serde = CxSerdes.state(state.family());
        byte[] bytes = serde.serializer().serialize("t", state);
        assertThat(bytes).isEqualTo(state.toByteArray());
        S back = serde.deserializer().deserialize("t", bytes);
        assertThat(back).isNotSameAs(state);
        assertThat(back.toByteArray()).isEqualTo(state.toByteArray());
    }

    @Test
    void everyFamilyRoundTripsThroughItsByteForm() {
        roundTrips(nps());
        roundTrips(mean());
        roundTrips(km());
        roundTrips(new RatingAccumulator(Scale.of(1, 5)));
        roundTrips(new MeanAccumulator());
        // the round-2 families: the serde works by family alone
        io.github.cxmetrics.service.QuantileSketch sketch = new io.github.cxmetrics.service.QuantileSketch(0.01);
        for (int i = 0; i < 1000; i++) {
            sketch.add(TestData.value(i));
        }
        roundTrips(sketch);
        io.github.cxmetrics.csi.KanoAccumulator kano = new io.github.cxmetrics.csi.KanoAccumulator("wifi", "app");
        kano.add(0, 1, 5);
        kano.add(1, 2, 4);
        roundTrips(kano);
    }

    @Test
    void serializedBytesAreTheLibrarysByteFormReadableWithoutKafka() {
        byte[] bytes = CxSerdes.state(RatingAccumulator.FAMILY).serializer().serialize("t", nps());
        // no adapter prefix: the core reads the record value directly, family found from the header
        Mergeable<?> read = StateFamily.read(bytes);
        assertThat(read).isInstanceOf(RatingAccumulator.class);
        assertThat(((RatingAccumulator) read).snapshot()).isEqualTo(nps().snapshot());
    }

    @Test
    void nullIsATombstoneBothWays() {
        StateSerde<MeanAccumulator> serde = CxSerdes.state(MeanAccumulator.class);
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void familyIsFoundFromTheStateClass() {
        assertThat(CxSerdes.state(KaplanMeierAccumulator.class).family()).isSameAs(KaplanMeierAccumulator.FAMILY);
        assertThat(CxSerdes.state(RatingAccumulator.FAMILY).family()).isSameAs(RatingAccumulator.FAMILY);
        assertThat(CxSerdes.state(CohortAccumulator.class).family().id()).isEqualTo(4);
        assertThat(CxSerdes.state(RatingAccumulator.FAMILY)).hasToString("StateSerde[StateFamily[1 rating v1]]");
    }

    /** The library's own message for bytes it rejects, to check that the serde carries it. */
    private static String libraryMessage(StateFamily<?> family, byte[] bytes) {
        try {
            family.fromByteArray(bytes);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("the library accepted the bytes");
    }

    @Test
    void malformedBytesBecomeSerializationExceptionsWithTheLibrarysMessage() {
        byte[] good = nps().toByteArray();
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10; // the CRC-32C no longer matches
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        byte[] otherFamily = mean().toByteArray();
        List<byte[]> bad = List.of(new byte[0], new byte[] {1, 2, 3}, flipped, truncated, trailing, otherFamily);
        StateSerde<RatingAccumulator> serde = CxSerdes.state(RatingAccumulator.FAMILY);
        for (byte[] bytes : bad) {
            String message = libraryMessage(RatingAccumulator.FAMILY, bytes);
            assertThatThrownBy(() -> serde.deserializer().deserialize("nps-changelog", bytes))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageStartingWith("cannot read a rating state from topic nps-changelog (" + bytes.length + " bytes): ")
                    .hasMessageEndingWith(message)
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sameInstancesEveryTimeAndNoOpConfigureClose() {
        StateSerde<RatingAccumulator> serde = CxSerdes.state(RatingAccumulator.FAMILY);
        assertThat(serde.serializer()).isSameAs(serde.serializer());
        assertThat(serde.deserializer()).isSameAs(serde.deserializer());
        serde.configure(java.util.Map.of(), false);
        serde.close();
        assertThat(serde.deserializer().deserialize("t", nps().toByteArray()).snapshot()).isEqualTo(nps().snapshot());
    }
}
