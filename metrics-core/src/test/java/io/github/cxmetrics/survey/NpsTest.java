package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Examples for {@link Nps}. Expected values come from the R package NPS (Rocks, version 1.1, the
 * documented {@code npvar}/{@code nps.se} results), from public worked examples, or from an
 * independent computation with Python/SciPy whose formula is written next to the number.
 */
class NpsTest {

    @Test
    void reproducesTheRNpsPackageDocumentedVarianceAndStandardError() {
        // R NPS 1.1: npvar(c(1, 2, 3)) — detractors, passives, promoters — is 5/9; the NPS is 1/3 and
        // nps.se gives 0.304 on the fraction scale (sqrt(5/9 / 6) = 0.30429).
        Nps nps = Nps.ofCounts(3, 2, 1);
        assertThat(nps.score()).isCloseTo(100.0 / 3.0, within(1e-12));
        double variance = Math.pow(nps.standardError() / 100.0, 2) * nps.count();
        assertThat(variance).isCloseTo(5.0 / 9.0, within(1e-12));
        assertThat(nps.standardError() / 100.0).isCloseTo(0.304, within(0.0005));
    }

    @Test
    void equalPromotersAndDetractorsWithoutPassivesHaveUnitVariance() {
        // R NPS 1.1: npvar(c(1, 0, 1)) = 1.
        Nps nps = Nps.ofCounts(1, 0, 1);
        assertThat(nps.score()).isZero();
        assertThat(Math.pow(nps.standardError() / 100.0, 2) * 2).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void workedExampleIsNotRoundedEarly() {
        // 120 promoters, 45 passives, 30 detractors: (120 − 30) / 195 = 46.153846…, not 46.16
        // (which comes from rounding the shares to 61.54 % and 15.38 % first).
        Nps nps = Nps.ofCounts(120, 45, 30);
        assertThat(nps.score()).isCloseTo(9000.0 / 195.0, within(1e-12));
        assertThat(nps.promoterShare() + nps.passiveShare() + nps.detractorShare())
                .isCloseTo(1.0, within(1e-15));
    }

    @Test
    void classifiesByBainsCutOffs() {
        Nps nps = Nps.of(IntStream.rangeClosed(0, 10).toArray());
        assertThat(nps.detractors()).isEqualTo(7); // 0..6
        assertThat(nps.passives()).isEqualTo(2); // 7, 8
        assertThat(nps.promoters()).isEqualTo(2); // 9, 10
        assertThat(Nps.of(8).passives()).isEqualTo(1);
        assertThat(Nps.of(9).promoters()).isEqualTo(1);
        assertThat(Nps.of(6).detractors()).isEqualTo(1);
        assertThat(Nps.of(7).passives()).isEqualTo(1);
    }

    @Test
    void arrayPathAgreesWithDistributionPath() {
        int[] ratings = {10, 9, 9, 8, 7, 6, 0, 3, 10, 10, 5};
        assertThat(Nps.of(ratings)).isEqualTo(Nps.of(RatingDistribution.of(Scale.ZERO_TO_TEN, ratings)));
        assertThat(Nps.of(ratings)).isEqualTo(Nps.ofCounts(5, 2, 4));
    }

    @Test
    void standardErrorFollowsRocks() {
        // 100·sqrt(((p + d) − (p − d)²)/n) with p = 120/195, d = 30/195: 5.340762539195677 (SciPy).
        assertThat(Nps.ofCounts(120, 45, 30).standardError()).isCloseTo(5.340762539195677, within(1e-12));
    }

    @Test
    void waldIntervalIsScorePlusMinusZTimesStandardError() {
        // 46.153846 ± 1.959963984540054 · 5.340762539195677 (SciPy norm.ppf(0.975)).
        Interval ci = Nps.ofCounts(120, 45, 30).confidenceInterval(0.95, IntervalMethod.WALD);
        assertThat(ci.lower()).isCloseTo(35.68614392704194, within(1e-10));
        assertThat(ci.upper()).isCloseTo(56.62154838065037, within(1e-10));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void defaultIntervalIsRocksAdjustedWald() {
        // Independent computation (SciPy): n' = 198, p' = 120.75/198, d' = 30.75/198,
        // 100(p' − d') ± 1.959963984540054 · 100 · sqrt(((p' + d') − (p' − d')²)/198).
        Interval ci = Nps.ofCounts(120, 45, 30).confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(35.04473996130668, within(1e-10));
        assertThat(ci.upper()).isCloseTo(55.86435094778424, within(1e-10));
        assertThat(ci).isEqualTo(Nps.ofCounts(120, 45, 30).confidenceInterval(0.95, IntervalMethod.ADJUSTED_WALD));
    }

    @Test
    void intervalsAreClippedToTheScoreRange() {
        // Five promoters: the adjusted Wald interval is 17.4915 .. 107.5085 before clipping (SciPy).
        Nps nps = Nps.ofCounts(5, 0, 0);
        Interval adjusted = nps.confidenceInterval(0.95);
        assertThat(adjusted.lower()).isCloseTo(17.49145303416897, within(1e-10));
        assertThat(adjusted.upper()).isEqualTo(100.0);
        Interval wald = nps.confidenceInterval(0.95, IntervalMethod.WALD);
        assertThat(wald.lower()).isEqualTo(100.0);
        assertThat(wald.upper()).isEqualTo(100.0);
    }

    @Test
    void compareKeepsTheSignOfSecondMinusFirst() {
        // a = (50, 30, 20): NPS 30; b = (120, 45, 30): NPS 46.1538. SciPy: difference 16.153846,
        // SE = hypot(SEa, SEb) = 9.461698816812753, z = 1.7072881378491926, p = 0.08776850981545381.
        Nps a = Nps.ofCounts(50, 30, 20);
        Nps b = Nps.ofCounts(120, 45, 30);
        Difference diff = Nps.compare(a, b);
        assertThat(diff.estimate()).isCloseTo(16.153846153846153, within(1e-12));
        assertThat(diff.standardError()).isCloseTo(9.461698816812753, within(1e-12));
        assertThat(diff.statistic()).isCloseTo(1.7072881378491926, within(1e-12));
        assertThat(diff.pValue()).isCloseTo(0.08776850981545381, within(1e-12));
        assertThat(diff.isSignificant(0.05)).isFalse();
        assertThat(diff.isSignificant(0.10)).isTrue();
        Interval ci = diff.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-2.390742759672083, within(1e-10));
        assertThat(ci.upper()).isCloseTo(34.698435067364386, within(1e-10));
        Difference reversed = Nps.compare(b, a);
        assertThat(reversed.estimate()).isCloseTo(-16.153846153846153, within(1e-12));
        assertThat(reversed.pValue()).isCloseTo(diff.pValue(), within(1e-15));
    }

    @Test
    void weightedResponsesUseWeightSharesAndKishEffectiveSize() {
        // Weights: 10→2, 9→1, 7→1, 3→0.5, 0→0.5. Σw = 5, Σw² = 6.5, n_eff = 25/6.5 = 3.846…;
        // p = 3/5, d = 1/5, NPS = 40; SE = 100·sqrt((0.8 − 0.16)/3.846…) = 40.79215610874228.
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(new int[] {10, 9, 7, 3, 0}, new double[] {2, 1, 1, 0.5, 0.5});
        Nps nps = Nps.of(acc.snapshot());
        assertThat(nps.count()).isEqualTo(5);
        assertThat(nps.promoters()).isEqualTo(2);
        assertThat(nps.effectiveSize()).isCloseTo(25.0 / 6.5, within(1e-12));
        assertThat(nps.score()).isCloseTo(40.0, within(1e-12));
        assertThat(nps.standardError()).isCloseTo(40.79215610874228, within(1e-10));
    }

    @Test
    void equalWeightsGiveTheUnweightedScoreAndSize() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(new int[] {10, 9, 7, 3, 0, 8}, new double[] {3, 3, 3, 3, 3, 3});
        Nps weighted = Nps.of(acc.snapshot());
        Nps plain = Nps.of(10, 9, 7, 3, 0, 8);
        assertThat(weighted.score()).isCloseTo(plain.score(), within(1e-12));
        assertThat(weighted.effectiveSize()).isCloseTo(6.0, within(1e-12));
        assertThat(weighted.standardError()).isCloseTo(plain.standardError(), within(1e-12));
    }

    @Test
    void explicitCutOffsWorkOnAnyScale() {
        // 1..5 scale, promoters 5, detractors 1..3: ratings 5,5,4,3,1 → 2 promoters, 1 passive, 2 detractors.
        RatingDistribution dist = RatingDistribution.of(Scale.ONE_TO_FIVE, 5, 5, 4, 3, 1);
        Nps nps = Nps.of(dist, 5, 3);
        assertThat(nps.promoters()).isEqualTo(2);
        assertThat(nps.passives()).isEqualTo(1);
        assertThat(nps.detractors()).isEqualTo(2);
        assertThat(nps.score()).isZero();
        // The 8–10 promoter convention some texts use is available, but only when asked for.
        Nps lenient = Nps.of(RatingDistribution.of(Scale.ZERO_TO_TEN, 8, 8, 9, 2), 8, 6);
        assertThat(lenient.promoters()).isEqualTo(3);
        assertThat(Nps.of(RatingDistribution.of(Scale.ZERO_TO_TEN, 8, 8, 9, 2)).promoters()).isEqualTo(1);
    }

    @Test
    void collectorWorksUnderGroupingByAndInParallel() {
        record Response(String region, int recommend) {
        }
        List<Response> responses = IntStream.range(0, 10_000)
                .mapToObj(i -> new Response(i % 3 == 0 ? "north" : "south", (i * 7) % 11))
                .collect(Collectors.toList());
        Map<String, Nps> byRegion = responses.parallelStream()
                .collect(Collectors.groupingBy(Response::region, Nps.collector(Response::recommend)));
        for (String region : List.of("north", "south")) {
            int[] ratings = responses.stream().filter(r -> r.region().equals(region))
                    .mapToInt(Response::recommend).toArray();
            assertThat(byRegion.get(region)).isEqualTo(Nps.of(ratings));
        }
        Nps weighted = responses.parallelStream().collect(Nps.collector(Response::recommend, r -> 1.0));
        assertThat(weighted).isEqualTo(Nps.of(responses.stream().mapToInt(Response::recommend).toArray()));
    }

    @Test
    void emptySampleIsEmptyAndItsScoreIsUndefined() {
        Nps empty = Nps.of();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.count()).isZero();
        assertThatThrownBy(empty::score).isInstanceOf(IllegalStateException.class)
                .hasMessage("NPS of an empty sample is undefined");
        assertThatThrownBy(empty::standardError).isInstanceOf(IllegalStateException.class)
                .hasMessage("NPS of an empty sample is undefined");
        assertThatThrownBy(() -> empty.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessage("NPS of an empty sample is undefined");
        assertThatThrownBy(empty::promoterShare).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Nps.compare(empty, Nps.of(10))).isInstanceOf(IllegalStateException.class);
        assertThat(empty.toString()).isEqualTo("Nps[score=undefined, n=0, promoters=0, passives=0, detractors=0]");
    }

    @Test
    void zeroTotalWeightIsUndefined() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.add(10, 0.0);
        Nps nps = Nps.of(acc.snapshot());
        assertThat(nps.isEmpty()).isFalse();
        assertThatThrownBy(nps::score).isInstanceOf(IllegalStateException.class)
                .hasMessage("NPS is undefined: total weight is 0");
    }

    @Test
    void rejectsOutOfRangeRatingNamingValueIndexAndScale() {
        assertThatThrownBy(() -> Nps.of(10, 9, 0, 5, 11, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating 11 at index 4 is outside scale 0..10");
        assertThatThrownBy(() -> Nps.of(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -1 at index 1 is outside scale 0..10");
        assertThatThrownBy(() -> Nps.of(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rating -2147483648 at index 0 is outside scale 0..10");
        assertThatThrownBy(() -> Nps.of((int[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("ratings");
    }

    @Test
    void rejectsBadArgumentsWithMessages() {
        assertThatThrownBy(() -> Nps.of(RatingDistribution.of(Scale.ONE_TO_FIVE, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("NPS with Bain's cut-offs needs scale 0..10, was 1..5");
        RatingDistribution dist = RatingDistribution.of(Scale.ZERO_TO_TEN, 5);
        assertThatThrownBy(() -> Nps.of(dist, 11, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("promotersFrom must be on scale 0..10, was 11");
        assertThatThrownBy(() -> Nps.of(dist, 9, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detractorsUpTo must be on scale 0..10, was -1");
        assertThatThrownBy(() -> Nps.of(dist, 6, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("detractorsUpTo must be < promotersFrom, was 6 >= 6");
        assertThatThrownBy(() -> Nps.ofCounts(1, -2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("passives must be >= 0, was -2");
        // reliability row 32: was ArithmeticException "long overflow", naming nothing
        assertThatThrownBy(() -> Nps.ofCounts(Long.MAX_VALUE, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("promoters + passives + detractors must be at most Long.MAX_VALUE (9223372036854775807), "
                        + "was 9223372036854775807 + 1 + 0");
        assertThatThrownBy(() -> Nps.ofCounts(1, Long.MAX_VALUE - 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("promoters + passives + detractors must be at most Long.MAX_VALUE (9223372036854775807), "
                        + "was 1 + 9223372036854775806 + 1");
        assertThat(Nps.ofCounts(1, Long.MAX_VALUE - 2, 1).count()).isEqualTo(Long.MAX_VALUE);
        Nps nps = Nps.ofCounts(3, 2, 1);
        assertThatThrownBy(() -> nps.confidenceInterval(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> nps.confidenceInterval(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was NaN");
        assertThatThrownBy(() -> nps.confidenceInterval(0.95, IntervalMethod.WILSON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NPS supports interval methods ADJUSTED_WALD and WALD, was WILSON");
        assertThatThrownBy(() -> nps.confidenceInterval(0.95, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("method");
    }

    @Test
    void hasValueSemanticsAndReadableToString() {
        assertThat(Nps.ofCounts(120, 45, 30)).isEqualTo(Nps.ofCounts(120, 45, 30))
                .hasSameHashCodeAs(Nps.ofCounts(120, 45, 30))
                .isNotEqualTo(Nps.ofCounts(120, 46, 30));
        assertThat(Nps.ofCounts(120, 45, 30).toString())
                .isEqualTo("Nps[score=46.2, n=195, promoters=120, passives=45, detractors=30]");
    }
}
