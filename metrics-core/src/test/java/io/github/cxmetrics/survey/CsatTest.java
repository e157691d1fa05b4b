package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * CSAT. Expected values: Delighted's published worked example (74 satisfied of 107 responses →
 * 69.16 %, as quoted in the project's issue #3); interval
 * bounds computed with SciPy 1.17.1 from the published formulas, the Python expression given beside
 * each value (R equivalents: {@code binom.test(74, 107)$conf.int} for Clopper–Pearson,
 * {@code qbeta(c(.025, .975), 74.5, 33.5)} for Jeffreys, {@code prop.test(74, 107, correct = FALSE)}
 * for Wilson).
 */
class CsatTest {

    /** 107 responses on 1–5: 10, 10, 13 unsatisfied, 40 + 34 = 74 satisfied (top two boxes). */
    private static final RatingDistribution DELIGHTED = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 10, 10, 13, 40, 34);

    @Test
    void delightedWorkedExample() {
        Csat csat = Csat.of(DELIGHTED);
        assertThat(csat.satisfied()).isEqualTo(74);
        assertThat(csat.count()).isEqualTo(107);
        assertThat(csat.score()).isCloseTo(100.0 * 74 / 107, within(1e-12));
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", csat.score())).isEqualTo("69.16");
        // mean rating (1·10 + 2·10 + 3·13 + 4·40 + 5·34) / 107 = 399 / 107
        assertThat(csat.mean()).isCloseTo(399.0 / 107.0, within(1e-12));
    }

    @Test
    void topTwoBoxesByDefault() {
        assertThat(Csat.of(RatingDistribution.empty(Scale.ONE_TO_FIVE)).satisfiedFrom()).isEqualTo(4);
        assertThat(Csat.of(RatingDistribution.empty(Scale.ONE_TO_SEVEN)).satisfiedFrom()).isEqualTo(6);
        assertThat(Csat.of(RatingDistribution.empty(Scale.ONE_TO_TEN)).satisfiedFrom()).isEqualTo(9);
        assertThat(Csat.of(RatingDistribution.empty(Scale.ZERO_TO_TEN)).satisfiedFrom()).isEqualTo(9);
    }

    @Test
    void explicitCutOff() {
        Csat verySatisfied = Csat.of(DELIGHTED, 5);
        assertThat(verySatisfied.satisfied()).isEqualTo(34);
        assertThat(verySatisfied.score()).isCloseTo(100.0 * 34 / 107, within(1e-12));
    }

    @Test
    void wilsonIsTheDefaultInterval() {
        Interval ci = Csat.of(DELIGHTED).confidenceInterval(0.95);
        // z = norm.ppf(0.975); p = 74/107; d = 1 + z²/n; c = (p + z²/2n)/d; h = z·sqrt(p(1-p)/n + z²/4n²)/d
        assertThat(ci.lower()).isCloseTo(59.871509132198554, within(1e-9));
        assertThat(ci.upper()).isCloseTo(77.11826025212977, within(1e-9));
        assertThat(ci).isEqualTo(Csat.of(DELIGHTED).confidenceInterval(0.95, IntervalMethod.WILSON));
    }

    @Test
    void exactAndJeffreysIntervals() {
        Csat csat = Csat.of(DELIGHTED);
        Interval cp = csat.confidenceInterval(0.95, IntervalMethod.CLOPPER_PEARSON);
        // 100·beta.ppf(0.025, 74, 34), 100·beta.ppf(0.975, 75, 33)
        assertThat(cp.lower()).isCloseTo(59.49645643680468, within(1e-8));
        assertThat(cp.upper()).isCloseTo(77.72895424323684, within(1e-8));
        Interval jeffreys = csat.confidenceInterval(0.95, IntervalMethod.JEFFREYS);
        // 100·beta.ppf([0.025, 0.975], 74.5, 33.5)
        assertThat(jeffreys.lower()).isCloseTo(59.98663782942242, within(1e-8));
        assertThat(jeffreys.upper()).isCloseTo(77.31045520458818, within(1e-8));
    }

    @Test
    void boundsAreClippedToPercentRange() {
        Csat all = Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 0, 0, 0, 3, 2));
        for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.WILSON,
                IntervalMethod.AGRESTI_COULL, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS}) {
            Interval ci = all.confidenceInterval(0.95, m);
            assertThat(ci.lower()).as(m.name()).isBetween(0.0, 100.0);
            assertThat(ci.upper()).as(m.name()).isEqualTo(100.0);
        }
    }

    @Test
    void compareKeepsTheSignAndUsesPooledTestUnpooledInterval() {
        Csat a = Csat.of(DELIGHTED);
        Csat b = Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 5, 5, 10, 50, 40)); // 90 of 110
        Difference d = Csat.compare(a, b);
        // p1 = 74/107, p2 = 90/110, pooled p̂ = 164/217: z = (p2 − p1)/sqrt(p̂(1 − p̂)(1/107 + 1/110))
        assertThat(d.estimate()).isCloseTo(12.659303313508929, within(1e-9));
        assertThat(d.statistic()).isCloseTo(2.1700415284296097, within(1e-9));
        assertThat(d.pValue()).isCloseTo(0.030003700073213922, within(1e-9));
        // unpooled: 100·sqrt(p1(1 − p1)/107 + p2(1 − p2)/110)
        assertThat(d.standardError()).isCloseTo(5.7842597253151595, within(1e-9));
        assertThat(Csat.compare(b, a).estimate()).isCloseTo(-12.659303313508929, within(1e-9));
    }

    @Test
    void weightedUsesKishEffectiveSize() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
        acc.add(5, 2.0);
        acc.add(4, 1.0);
        acc.add(2, 1.0);
        acc.add(1, 4.0);
        Csat csat = Csat.of(acc.snapshot());
        // satisfied weight 3 of 8; n_eff = 8² / (4 + 1 + 1 + 16) = 64/22
        double p = 3.0 / 8.0;
        double nEff = 64.0 / 22.0;
        assertThat(csat.score()).isCloseTo(37.5, within(1e-12));
        assertThat(csat.effectiveSize()).isCloseTo(nEff, within(1e-12));
        assertThat(csat.standardError()).isCloseTo(100.0 * Math.sqrt(p * (1 - p) / nEff), within(1e-10));
        assertThat(csat.count()).isEqualTo(4);
        assertThat(csat.satisfied()).isEqualTo(2);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Csat.of(DELIGHTED, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("satisfiedFrom must be in 2..5 on scale 1..5, was 6");
        assertThatThrownBy(() -> Csat.of(DELIGHTED, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 1");
        assertThatThrownBy(() -> Csat.of(RatingDistribution.empty(Scale.of(0, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 points");
        assertThatThrownBy(() -> Csat.of(DELIGHTED).confidenceInterval(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> Csat.of(DELIGHTED).confidenceInterval(0.95, IntervalMethod.ADJUSTED_WALD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ADJUSTED_WALD");
        Csat sevenPoint = Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, 1, 1, 1, 1, 1, 1, 1));
        assertThatThrownBy(() -> Csat.compare(Csat.of(DELIGHTED), sevenPoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..5").hasMessageContaining("1..7");
        assertThatThrownBy(() -> Csat.compare(Csat.of(DELIGHTED), Csat.of(DELIGHTED, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Csat.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("distribution");
    }

    @Test
    void emptySampleIsUndefined() {
        Csat empty = Csat.of(RatingDistribution.empty(Scale.ONE_TO_FIVE));
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toString()).contains("undefined");
        assertThatThrownBy(empty::score).isInstanceOf(IllegalStateException.class)
                .hasMessage("CSAT of an empty sample is undefined");
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> empty.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Csat.compare(empty, Csat.of(DELIGHTED))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valueSemanticsAndToString() {
        assertThat(Csat.of(DELIGHTED)).isEqualTo(Csat.of(DELIGHTED, 4)).hasSameHashCodeAs(Csat.of(DELIGHTED, 4));
        assertThat(Csat.of(DELIGHTED)).isNotEqualTo(Csat.of(DELIGHTED, 5));
        assertThat(Csat.of(DELIGHTED).toString())
                .isEqualTo("Csat[score=69.2%, n=107, satisfied=74, scale=1..5, satisfiedFrom=4]");
    }

    @Test
    void ratingsFactoryAndCollectorsEqualTheDistributionPath() {
        // 5, 4, 3, 1 on 1..5: top two boxes (4, 5) hold 2 of 4 ratings, 50 %.
        assertThat(Csat.of(Scale.ONE_TO_FIVE, 5, 4, 3, 1).score()).isEqualTo(50.0);
        assertThat(Csat.of(Scale.ONE_TO_FIVE, 5, 4, 3, 1))
                .isEqualTo(Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, 5, 4, 3, 1)));
        assertThatThrownBy(() -> Csat.of(Scale.ONE_TO_FIVE, 5, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 6 at index 1 is outside scale 1..5");
        assertThatThrownBy(() -> Csat.collector(Scale.of(1, 2), (Integer r) -> r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("top-two-box CSAT needs a scale of at least 3 points, was 1..2");
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 5000; i++) {
            rows.add(new int[] {i % 3, 1 + random.nextInt(5), 1 + random.nextInt(4)});
        }
        java.util.Map<Integer, Csat> bySegment = rows.parallelStream().collect(java.util.stream.Collectors.groupingBy(
                r -> r[0], Csat.collector(Scale.ONE_TO_FIVE, (int[] r) -> r[1])));
        java.util.Map<Integer, Csat> weighted = rows.parallelStream().collect(java.util.stream.Collectors.groupingBy(
                r -> r[0], Csat.collector(Scale.ONE_TO_FIVE, (int[] r) -> r[1], (int[] r) -> r[2])));
        for (int seg = 0; seg < 3; seg++) {
            final int s = seg;
            int[] ratings = rows.stream().filter(r -> r[0] == s).mapToInt(r -> r[1]).toArray();
            assertThat(bySegment.get(seg)).isEqualTo(Csat.of(Scale.ONE_TO_FIVE, ratings));
            RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_FIVE);
            rows.stream().filter(r -> r[0] == s).forEach(r -> acc.add(r[1], r[2]));
            assertThat(weighted.get(seg)).isEqualTo(Csat.of(acc.snapshot())); // integer weights: exact
        }
    }
}
