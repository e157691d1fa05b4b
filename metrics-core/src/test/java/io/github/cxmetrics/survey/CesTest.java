package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * CES. The counts (80, 210, 140, 110, 160, 180, 120) on 1–7 are the worked example of the project's
 * issue #3 (mean 4080/1000 = 4.08, checked by hand below). Interval and test values computed with
 * SciPy 1.17.1, the expression beside each value (R equivalents {@code t.test(x)$conf.int} and
 * {@code t.test(b, a)} with its default {@code var.equal = FALSE}).
 */
class CesTest {

    private static final RatingDistribution SEVEN = RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN,
            80, 210, 140, 110, 160, 180, 120);

    @Test
    void ces2Numbers() {
        Ces ces = Ces.of(SEVEN);
        assertThat(ces.version()).isEqualTo(Ces.Version.CES_2);
        assertThat(ces.version().higherIsEasier()).isTrue();
        // (1·80 + 2·210 + 3·140 + 4·110 + 5·160 + 6·180 + 7·120) / 1000 = 4080 / 1000
        assertThat(ces.mean()).isCloseTo(4.08, within(1e-12));
        assertThat(ces.easyShare()).isCloseTo((160 + 180 + 120) / 1000.0, within(1e-12));
        assertThat(ces.difficultShare()).isCloseTo((80 + 210 + 140) / 1000.0, within(1e-12));
        assertThat(ces.netEase()).isCloseTo(100.0 * ((180 + 120) - (80 + 210 + 140)) / 1000.0, within(1e-10));
        // numpy: np.repeat(np.arange(1, 8), counts).var(ddof=1)
        assertThat(ces.variance()).isCloseTo(3.657257257257257, within(1e-12));
    }

    @Test
    void studentTIntervalOnTheMean() {
        // Ratings 2, 1, 2, 3, 2: mean 2, s² = 0.5. The issue quotes 2.144327..4.255673 for this
        // sample, which cannot be right (that interval is centred on 3.2, not on the mean 2).
        // R's t.test(c(2, 1, 2, 3, 2))$conf.int computes 2 ± qt(0.975, 4)·sqrt(0.5/5):
        // scipy.stats.t.interval(0.95, 4, loc=2, scale=sqrt(0.5/5)) = (1.1220109669149172, 2.8779890330850826)
        Ces ces = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, 2, 1, 2, 3, 2));
        Interval ci = ces.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(1.1220109669149172, within(1e-10));
        assertThat(ci.upper()).isCloseTo(2.8779890330850826, within(1e-10));
        assertThat(ces.asEstimate().degreesOfFreedom()).isEqualTo(4.0);
        assertThat(ces.standardError()).isCloseTo(Math.sqrt(0.5 / 5), within(1e-14));
    }

    @Test
    void welchCompare() {
        Ces a = Ces.of(SEVEN);
        Ces b = Ces.of(RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, 50, 150, 150, 150, 200, 200, 100));
        Difference d = Ces.compare(a, b);
        // scipy.stats.ttest_ind(b, a, equal_var=False) on the expanded samples
        assertThat(d.estimate()).isCloseTo(0.22, within(1e-12));
        assertThat(d.statistic()).isCloseTo(2.693710785475316, within(1e-9));
        assertThat(d.degreesOfFreedom()).isCloseTo(1979.5338160712065, within(1e-6));
        assertThat(d.pValue()).isCloseTo(0.0071257963619113275, within(1e-10));
        assertThat(Ces.compare(b, a).estimate()).isCloseTo(-0.22, within(1e-12));
    }

    @Test
    void shareIntervalsAreWilson() {
        Ces ces = Ces.of(SEVEN);
        Interval easy = ces.easyShareInterval(0.95);
        // Wilson for 460 of 1000 at z = norm.ppf(0.975), closed form as in CsatTest
        double z = 1.959963984540054;
        double p = 0.46;
        double n = 1000;
        double den = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den;
        assertThat(easy.lower()).isCloseTo(centre - half, within(1e-12));
        assertThat(easy.upper()).isCloseTo(centre + half, within(1e-12));
        // the difficult share, 80 + 210 + 140 = 430 of 1000, by the same closed form
        double q = 0.43;
        double qCentre = (q + z * z / (2 * n)) / den;
        double qHalf = z * Math.sqrt(q * (1 - q) / n + z * z / (4 * n * n)) / den;
        Interval difficult = ces.difficultShareInterval(0.95);
        assertThat(difficult.lower()).isCloseTo(qCentre - qHalf, within(1e-12));
        assertThat(difficult.upper()).isCloseTo(qCentre + qHalf, within(1e-12));
    }

    @Test
    void ces1EffortLowerIsEasier() {
        RatingDistribution effort = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 30, 30, 20, 15, 5);
        Ces ces = Ces.ofEffort(effort);
        assertThat(ces.version()).isEqualTo(Ces.Version.CES_1);
        assertThat(ces.version().higherIsEasier()).isFalse();
        // (30 + 60 + 60 + 60 + 25) / 100
        assertThat(ces.mean()).isCloseTo(2.35, within(1e-12));
        assertThat(ces.easyShare()).isCloseTo(0.60, within(1e-12));
        assertThat(ces.difficultShare()).isCloseTo(0.20, within(1e-12));
        assertThat(ces.netEase()).isCloseTo(40.0, within(1e-10));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Ces.of(RatingDistribution.empty(Scale.ONE_TO_FIVE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CES_2 needs ratings on scale 1..7, was 1..5")
                .hasMessageContaining("ofEffort");
        assertThatThrownBy(() -> Ces.ofEffort(SEVEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CES_1 needs ratings on scale 1..5, was 1..7");
        Ces effort = Ces.ofEffort(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> Ces.compare(Ces.of(SEVEN), effort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> Ces.of(SEVEN).confidenceInterval(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> Ces.of(SEVEN, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void emptyAndSingleResponse() {
        Ces empty = Ces.of(RatingDistribution.empty(Scale.ONE_TO_SEVEN));
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toString()).isEqualTo("Ces[CES_2, mean=undefined, n=0]");
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class)
                .hasMessage("CES of an empty sample is undefined");
        assertThatThrownBy(empty::easyShare).isInstanceOf(IllegalStateException.class);
        Ces one = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, 6));
        assertThat(one.mean()).isEqualTo(6.0);
        assertThatThrownBy(() -> one.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("effective sample size above 1");
    }

    @Test
    void valueSemantics() {
        assertThat(Ces.of(SEVEN)).isEqualTo(Ces.of(SEVEN, Ces.Version.CES_2)).hasSameHashCodeAs(Ces.of(SEVEN));
        assertThat(Ces.of(SEVEN).toString()).isEqualTo("Ces[CES_2, mean=4.08, n=1000]");
    }

    @Test
    void ratingsFactoriesAndCollectorsEqualTheDistributionPath() {
        // 2, 1, 2, 3, 2 on 1..7: mean 10/5 = 2
        assertThat(Ces.of(2, 1, 2, 3, 2).mean()).isEqualTo(2.0);
        assertThat(Ces.of(2, 1, 2, 3, 2)).isEqualTo(Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, 2, 1, 2, 3, 2)));
        assertThat(Ces.ofEffort(1, 5, 4).version()).isEqualTo(Ces.Version.CES_1);
        assertThat(Ces.ofEffort(1, 5, 4).easyShare()).isCloseTo(1.0 / 3.0, within(1e-15));
        assertThatThrownBy(() -> Ces.of(7, 8)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 8 at index 1 is outside scale 1..7");
        assertThatThrownBy(() -> Ces.ofEffort(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 6 at index 0 is outside scale 1..5");
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(6);
        for (int i = 0; i < 5000; i++) {
            rows.add(new int[] {i % 4, 1 + random.nextInt(7), random.nextInt(3)});
        }
        java.util.Map<Integer, Ces> bySegment = rows.parallelStream().collect(java.util.stream.Collectors.groupingBy(
                r -> r[0], Ces.collector((int[] r) -> r[1])));
        java.util.Map<Integer, Ces> weighted = rows.parallelStream().collect(java.util.stream.Collectors.groupingBy(
                r -> r[0], Ces.collector((int[] r) -> r[1], (int[] r) -> r[2])));
        for (int seg = 0; seg < 4; seg++) {
            final int s = seg;
            assertThat(bySegment.get(seg)).isEqualTo(Ces.of(rows.stream().filter(r -> r[0] == s).mapToInt(r -> r[1])
                    .toArray()));
            RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_SEVEN);
            rows.stream().filter(r -> r[0] == s).forEach(r -> acc.add(r[1], r[2]));
            assertThat(weighted.get(seg)).isEqualTo(Ces.of(acc.snapshot())); // integer weights: exact
        }
    }
}
