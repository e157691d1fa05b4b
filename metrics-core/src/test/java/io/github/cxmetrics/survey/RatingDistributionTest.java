package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Examples for {@link RatingDistribution} and {@link Scale}. Expected values are computed by hand
 * (the arithmetic is in the comments) or are R's documented results for the same data.
 */
class RatingDistributionTest {

    @Test
    void scaleConstantsAndPoints() {
        assertThat(Scale.ZERO_TO_TEN.points()).isEqualTo(11);
        assertThat(Scale.ONE_TO_FIVE).isEqualTo(Scale.of(1, 5));
        assertThat(Scale.ONE_TO_SEVEN.points()).isEqualTo(7);
        assertThat(Scale.ONE_TO_TEN.contains(0)).isFalse();
        assertThat(Scale.ONE_TO_TEN.contains(10)).isTrue();
        assertThat(Scale.of(-3, 3).points()).isEqualTo(7);
        assertThat(Scale.of(0, 100).toString()).isEqualTo("0..100");
    }

    @Test
    void scaleRejectsEmptyAndHugeRanges() {
        assertThatThrownBy(() -> Scale.of(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale needs min < max, was 5..5");
        assertThatThrownBy(() -> Scale.of(0, 1024)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale may have at most 1024 points, was 0..1024");
        assertThatThrownBy(() -> Scale.of(Integer.MIN_VALUE, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsSharesAndBoxes() {
        RatingDistribution d = RatingDistribution.of(Scale.ONE_TO_FIVE, 2, 1, 2, 3, 2);
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.count(2)).isEqualTo(3);
        assertThat(d.counts()).containsExactly(1, 3, 1, 0, 0);
        assertThat(d.weight(2)).isEqualTo(3.0);
        assertThat(d.totalWeight()).isEqualTo(5.0);
        assertThat(d.effectiveSize()).isEqualTo(5.0);
        assertThat(d.isWeighted()).isFalse();
        assertThat(d.share(2)).isEqualTo(0.6);
        assertThat(d.topBox(2)).isZero(); // 4 and 5
        assertThat(d.bottomBox(2)).isEqualTo(0.8); // 1 and 2: 4 of 5
        assertThat(d.topBox(5)).isEqualTo(1.0);
    }

    @Test
    void meanVarianceAndMedianMatchR() {
        // R: x <- c(2, 1, 2, 3, 2); mean(x) = 2; var(x) = 0.5; sd(x) = 0.7071068; median(x) = 2
        RatingDistribution d = RatingDistribution.of(Scale.ONE_TO_FIVE, 2, 1, 2, 3, 2);
        assertThat(d.mean()).isEqualTo(2.0);
        assertThat(d.variance()).isCloseTo(0.5, within(1e-15));
        assertThat(d.standardDeviation()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(d.median()).isEqualTo(2.0);
        // R: median(c(1, 2)) = 1.5; median(c(1, 1, 4, 4)) = 2.5; median(c(0, 10, 10)) = 10
        assertThat(RatingDistribution.of(Scale.ONE_TO_FIVE, 1, 2).median()).isEqualTo(1.5);
        assertThat(RatingDistribution.of(Scale.ONE_TO_FIVE, 1, 1, 4, 4).median()).isEqualTo(2.5);
        assertThat(RatingDistribution.of(Scale.ZERO_TO_TEN, 0, 10, 10).median()).isEqualTo(10.0);
    }

    @Test
    void varianceIsExactFarFromZero() {
        // Points -3..3 and the shifted scale 1000..1006 hold the same spread: var(c(-3, 3)) = 18.
        assertThat(RatingDistribution.of(Scale.of(-3, 3), -3, 3).variance()).isEqualTo(18.0);
        assertThat(RatingDistribution.of(Scale.of(1000, 1006), 1000, 1006).variance()).isEqualTo(18.0);
    }

    @Test
    void weightedMomentsUseWeightsAndKishCorrection() {
        // 1 with weight 1 and 5 with weight 3: Σw = 4, Σw² = 10, n_eff = 1.6, mean = 16/4 = 4,
        // Σw(x − 4)²/Σw = (9 + 3)/4 = 3, variance = 3 · 1.6/0.6 = 8, median = 5.
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.add(1, 1.0);
        acc.add(5, 3.0);
        RatingDistribution d = acc.snapshot();
        assertThat(d.isWeighted()).isTrue();
        assertThat(d.count()).isEqualTo(2);
        assertThat(d.totalWeight()).isEqualTo(4.0);
        assertThat(d.sumOfSquaredWeights()).isEqualTo(10.0);
        assertThat(d.effectiveSize()).isCloseTo(1.6, within(1e-15));
        assertThat(d.mean()).isEqualTo(4.0);
        assertThat(d.variance()).isCloseTo(8.0, within(1e-12));
        assertThat(d.median()).isEqualTo(5.0);
        assertThat(d.share(5)).isEqualTo(0.75);
        assertThat(d.toString()).isEqualTo("RatingDistribution[scale=1..5, n=2, counts=[1, 0, 0, 0, 1], "
                + "weights=[1.0, 0.0, 0.0, 0.0, 3.0], effectiveSize=1.6]");
    }

    @Test
    void plusCombinesResponses() {
        RatingDistribution a = RatingDistribution.of(Scale.ONE_TO_FIVE, 1, 2, 5);
        RatingDistribution b = RatingDistribution.of(Scale.ONE_TO_FIVE, 5, 4);
        assertThat(a.plus(b)).isEqualTo(RatingDistribution.of(Scale.ONE_TO_FIVE, 1, 2, 5, 5, 4))
                .isEqualTo(b.plus(a));
        assertThatThrownBy(() -> a.plus(RatingDistribution.of(Scale.ONE_TO_SEVEN, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge: scale 1..5 vs 1..7");
    }

    @Test
    void ofCountsEqualsOfRatings() {
        assertThat(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 3, 1, 0, 0))
                .isEqualTo(RatingDistribution.of(Scale.ONE_TO_FIVE, 2, 1, 2, 3, 2))
                .hasSameHashCodeAs(RatingDistribution.of(Scale.ONE_TO_FIVE, 2, 1, 2, 3, 2));
        assertThat(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 3, 1, 0, 0).toString())
                .isEqualTo("RatingDistribution[scale=1..5, n=5, counts=[1, 3, 1, 0, 0]]");
        assertThat(RatingDistribution.empty(Scale.ONE_TO_FIVE)).isEqualTo(RatingDistribution.of(Scale.ONE_TO_FIVE));
    }

    @Test
    void ofCountsIsDefensive() {
        long[] counts = {1, 3, 1, 0, 0};
        RatingDistribution d = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, counts);
        counts[0] = 99;
        assertThat(d.count(1)).isEqualTo(1);
        d.counts()[0] = 99;
        assertThat(d.count(1)).isEqualTo(1);
    }

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must have one value per point of scale 1..5 (5), had 2");
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 2, -1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 0, was -1 (point 3)");
        // reliability row 32: was ArithmeticException "long overflow", naming nothing
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, Long.MAX_VALUE, 0, 1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must sum to at most Long.MAX_VALUE, but count 1 (point 3) brings the sum of the "
                        + "counts before it, 9223372036854775807, past it");
        assertThat(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, Long.MAX_VALUE - 1, 0, 1, 0, 0).count())
                .isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> RatingDistribution.ofCounts(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessage("scale");
    }

    @Test
    void undefinedQuantitiesThrowWithMessages() {
        RatingDistribution empty = RatingDistribution.empty(Scale.ONE_TO_FIVE);
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.effectiveSize()).isZero();
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class)
                .hasMessage("mean of an empty sample is undefined");
        assertThatThrownBy(empty::median).isInstanceOf(IllegalStateException.class)
                .hasMessage("median of an empty sample is undefined");
        assertThatThrownBy(() -> empty.share(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("share of an empty sample is undefined");
        assertThatThrownBy(() -> RatingDistribution.of(Scale.ONE_TO_FIVE, 4).variance())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("variance needs an effective sample size above 1, was 1.0");
        RatingDistribution d = RatingDistribution.of(Scale.ONE_TO_FIVE, 4);
        assertThatThrownBy(() -> d.count(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating must be in 1..5, was 6");
        assertThatThrownBy(() -> d.topBox(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be in 1..5 for scale 1..5, was 0");
        assertThatThrownBy(() -> d.bottomBox(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be in 1..5 for scale 1..5, was 6");
    }
}
