package io.github.cxmetrics.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.RfmAccumulator;
import io.github.cxmetrics.retention.CohortAccumulator;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.service.QuantileSketch;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Mergeable#copy()} of every core family is deep: the copy writes the same bytes, and adding
 * to either afterwards leaves the other's bytes as they were. And {@link Scale}, which engines ship
 * inside Java-serialised functions, survives Java serialisation.
 */
class MergeableCopyTest {

    static <S extends Mergeable<S>> void copyIsDeep(S state, Consumer<S> change) {
        byte[] before = state.toByteArray();
        S copy = state.copy();
        assertThat(copy).isNotSameAs(state);
        assertThat(copy.toByteArray()).isEqualTo(before);
        change.accept(copy);
        assertThat(state.toByteArray()).as("original after the copy changed").isEqualTo(before);
        assertThat(copy.toByteArray()).isNotEqualTo(before);
        S second = state.copy();
        change.accept(state);
        assertThat(second.toByteArray()).as("copy after the original changed").isEqualTo(before);
        assertThat(state.toByteArray()).isEqualTo(copy.toByteArray()); // the same change, the same state
    }

    @Test
    void everyCoreFamilyCopiesDeeply() {
        RatingAccumulator rating = new RatingAccumulator(Scale.ZERO_TO_TEN);
        rating.addAll(new int[] {10, 9, 3}, new double[] {1.5, 1, 2});
        copyIsDeep(rating, r -> r.add(7, 0.5));
        RatingAccumulator plain = new RatingAccumulator(Scale.ONE_TO_FIVE);
        plain.addAll(new int[] {1, 5, 5});
        copyIsDeep(plain, r -> r.add(2));

        MeanAccumulator mean = new MeanAccumulator();
        mean.addAll(new double[] {1, 2, 4});
        copyIsDeep(mean, m -> m.add(8));

        KaplanMeierAccumulator km = new KaplanMeierAccumulator();
        km.addAll(new double[] {9, 13, 13, 18}, new boolean[] {true, true, false, true});
        copyIsDeep(km, k -> {
            for (int i = 0; i < 40; i++) { // enough new durations to grow its table
                k.add(100 + i, i % 2 == 0);
            }
        });

        CohortAccumulator cohort = new CohortAccumulator(5);
        cohort.addAll(new int[] {0, 0, 1, 2}, new int[] {1, 6, 5, 1});
        copyIsDeep(cohort, c -> {
            for (int a = 1; a <= 6; a++) {
                c.add(0, a, 3);
            }
            for (int a = 1; a <= 5; a++) {
                c.add(1, a);
            }
        });

        RfmAccumulator rfm = new RfmAccumulator();
        LocalDate d = LocalDate.of(2025, 3, 1);
        rfm.add("ann", d, 40);
        rfm.add("ann", d.plusDays(7), 0.1);
        rfm.add("bob", d, 20);
        copyIsDeep(rfm, r -> {
            r.add("ann", d.plusDays(7), 0.2);
            r.add("ann", d.minusDays(1), 5);
            r.add("cy", d, 1);
        });

        QuantileSketch sketch = new QuantileSketch(0.01, 50);
        sketch.addAll(3, 30, -2, 0);
        copyIsDeep(sketch, s -> {
            for (int i = 0; i < 60; i++) { // enough new keys to grow its arrays and collapse
                s.add(Math.pow(1.1, i));
            }
            s.add(-1e6);
        });
    }

    @Test
    void scaleSurvivesJavaSerialisation() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(Scale.of(-3, 3));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(Scale.of(-3, 3));
        }
    }
}
