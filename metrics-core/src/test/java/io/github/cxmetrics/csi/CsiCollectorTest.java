package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CsiCollectorTest {

    private static Map<String, Double> importance() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("speed", 1.0);
        m.put("price", 3.0);
        return m;
    }

    @Test
    void respondentsCollectIntoTheIndexOfTheirAttributeMeans() {
        // speed 5, 3 -> mean 4 -> score 100·(4 − 1)/4 = 75; price 3, 1 -> mean 2 -> score 25;
        // weights 1/4 and 3/4: CSI = 18.75 + 18.75 = 37.5 (by hand)
        List<int[]> respondents = List.of(new int[] {5, 3}, new int[] {3, 1});
        Csi csi = respondents.stream().collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r));
        assertThat(csi.index()).isEqualTo(37.5);
        assertThat(csi.attributes()).extracting(Csi.Attribute::name).containsExactly("speed", "price");
        Csi built = Csi.builder(Scale.ONE_TO_FIVE)
                .attribute("speed", 1.0, RatingDistribution.of(Scale.ONE_TO_FIVE, 5, 3))
                .attribute("price", 3.0, RatingDistribution.of(Scale.ONE_TO_FIVE, 3, 1)).build();
        assertThat(csi).isEqualTo(built);
    }

    @Test
    void aParallelCollectionEqualsTheSequentialOne() {
        List<int[]> many = IntStream.range(0, 10_000).mapToObj(i -> new int[] {1 + i % 5, 1 + (i * 7) % 5}).toList();
        Csi sequential = many.stream().collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r));
        Csi parallel = many.parallelStream().collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r));
        assertThat(parallel).isEqualTo(sequential);
        // every point 1..5 equally often in both columns: means 3, scores 50
        assertThat(sequential.index()).isEqualTo(50.0);
    }

    @Test
    void badRespondentsAndArgumentsAreNamed() {
        assertThatThrownBy(() -> List.of(new int[] {5}).stream()
                .collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a respondent has 1 ratings, the index has 2 attributes");
        assertThatThrownBy(() -> List.of(new int[] {5, 6}).stream()
                .collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 6 of \"price\" is outside scale 1..5");
        assertThatThrownBy(() -> List.<int[]>of().stream()
                .collect(Csi.collector(Scale.ONE_TO_FIVE, importance(), r -> r)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute \"speed\" has no responses");
        assertThatThrownBy(() -> Csi.collector(Scale.ONE_TO_FIVE, Map.of(), (int[] r) -> r))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Csi.collector(Scale.ONE_TO_FIVE, Map.of("a", -1.0), (int[] r) -> r))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1.0");
        assertThatThrownBy(() -> Csi.collector(null, importance(), (int[] r) -> r))
                .isInstanceOf(NullPointerException.class).hasMessage("scale");
    }

    @Test
    void meanSummaryHasTheCollectorOfItsAccumulator() {
        // 2, 4, 9: mean 5, sample variance ((−3)² + (−1)² + 4²)/2 = 13 (by hand)
        MeanSummary s = List.of(2.0, 4.0, 9.0).stream().collect(MeanSummary.collector(x -> x));
        assertThat(s).isEqualTo(MeanSummary.of(2, 4, 9));
        assertThat(s.variance()).isCloseTo(13.0, within(1e-12));
        MeanSummary w = List.of(2.0, 4.0).stream().collect(MeanSummary.collector(x -> x, x -> x));
        assertThat(w.mean()).isCloseTo((2 * 2 + 4 * 4) / 6.0, within(1e-15));
    }
}
