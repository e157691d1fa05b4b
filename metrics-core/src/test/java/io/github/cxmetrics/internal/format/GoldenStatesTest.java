package io.github.cxmetrics.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * The promise that every release reads every published format version: one golden file per family and
 * version under {@code src/test/resources/golden}, written by {@code make_golden.py} from the documented
 * layout (not by this library). Each test reads a file, checks its content against the data the script
 * encodes, and checks that the library writes that state to the very same bytes. A golden file is never
 * regenerated for a published version: a new version gets new files.
 */
class GoldenStatesTest {

    static byte[] golden(String name) {
        try (InputStream in = GoldenStatesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void ratingVersion1() {
        byte[] bytes = golden("rating-v1.bin");
        RatingDistribution d = RatingAccumulator.fromByteArray(bytes).snapshot();
        // ratings 10, 10, 0, 9, 7 on 0..10
        assertThat(d).isEqualTo(RatingDistribution.of(Scale.ZERO_TO_TEN, 10, 10, 0, 9, 7));
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.count(10)).isEqualTo(2);
        RatingAccumulator same = new RatingAccumulator(Scale.ZERO_TO_TEN);
        same.addAll(new int[] {7, 9, 0, 10, 10});
        assertThat(same.toByteArray()).isEqualTo(bytes);
        assertThat(StateFamily.read(bytes)).isInstanceOf(RatingAccumulator.class);
    }

    @Test
    void weightedRatingVersion1() {
        byte[] bytes = golden("rating-v1-weighted.bin");
        RatingDistribution d = RatingAccumulator.fromByteArray(bytes).snapshot();
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.weight(5)).isEqualTo(3.5);
        assertThat(d.weight(1)).isEqualTo(0.5);
        assertThat(d.totalWeight()).isEqualTo(4.0);
        assertThat(d.effectiveSize()).isEqualTo(16.0 / 7.5); // (Σw)²/Σw² = 4²/7.5
        RatingAccumulator same = new RatingAccumulator(Scale.ONE_TO_FIVE);
        same.add(5, 2.5);
        same.add(1, 0.5);
        same.add(5, 1.0);
        assertThat(same.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void meanVersion1() {
        byte[] bytes = golden("mean-v1.bin");
        MeanSummary s = MeanAccumulator.fromByteArray(bytes).snapshot();
        // values 1, 2, 3, 4: mean 2.5, sample variance 5/3
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.variance()).isCloseTo(5.0 / 3.0, org.assertj.core.api.Assertions.within(1e-15));
        MeanAccumulator same = new MeanAccumulator();
        same.addAll(new double[] {1, 2, 3, 4});
        assertThat(same.toByteArray()).isEqualTo(bytes);
    }
}
