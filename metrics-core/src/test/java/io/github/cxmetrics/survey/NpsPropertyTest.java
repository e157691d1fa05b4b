package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of {@link Nps} (DESIGN.md §5), with QuickTheories from a fixed seed. */
class NpsPropertyTest {

    static Gen<int[]> nonEmptyRatings() {
        return intArrays(range(1, 300), range(0, 10));
    }

    @Test
    void scoreStaysWithinMinus100And100AndSharesSumToOne() {
        RatingPropertyTest.qt().forAll(nonEmptyRatings()).checkAssert(r -> {
            Nps nps = Nps.of(r);
            assertThat(nps.score()).isBetween(-100.0, 100.0);
            assertThat(nps.promoterShare() + nps.passiveShare() + nps.detractorShare()).isCloseTo(1.0, within(1e-12));
            assertThat(nps.score()).isCloseTo(100.0 * (nps.promoterShare() - nps.detractorShare()), within(1e-12));
            assertThat(nps.promoters() + nps.passives() + nps.detractors()).isEqualTo(r.length);
        });
    }

    @Test
    void scoreIsInvariantUnderPermutation() {
        RatingPropertyTest.qt().forAll(nonEmptyRatings(), integers().all()).checkAssert((r, seed) ->
                assertThat(Nps.of(RatingPropertyTest.shuffled(r, seed))).isEqualTo(Nps.of(r)));
    }

    @Test
    void branchFreePathEqualsDistributionPathAndManualClassification() {
        RatingPropertyTest.qt().forAll(intArrays(range(0, 300), range(0, 10))).checkAssert(r -> {
            long p = Arrays.stream(r).filter(x -> x >= 9).count();
            long d = Arrays.stream(r).filter(x -> x <= 6).count();
            assertThat(Nps.of(r)).isEqualTo(Nps.ofCounts(p, r.length - p - d, d))
                    .isEqualTo(Nps.of(RatingDistribution.of(Scale.ZERO_TO_TEN, r)));
        });
    }

    @Test
    void onePromoterMoreNeverLowersAndOneDetractorMoreNeverRaisesTheScore() {
        RatingPropertyTest.qt().forAll(longs().between(0, 10_000), longs().between(0, 10_000),
                longs().between(0, 10_000)).assuming((p, a, d) -> p + a + d > 0).checkAssert((p, a, d) -> {
                    double score = Nps.ofCounts(p, a, d).score();
                    assertThat(Nps.ofCounts(p + 1, a, d).score()).isGreaterThanOrEqualTo(score);
                    assertThat(Nps.ofCounts(p, a, d + 1).score()).isLessThanOrEqualTo(score);
                });
    }

    @Test
    void intervalsStayInRangeAndWidenWithTheLevel() {
        RatingPropertyTest.qt().forAll(nonEmptyRatings(), doubles().between(0.5, 0.98)).checkAssert((r, level) -> {
            Nps nps = Nps.of(r);
            for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD}) {
                Interval narrow = nps.confidenceInterval(level, method);
                Interval wide = nps.confidenceInterval(level + 0.01, method);
                assertThat(narrow.lower()).isGreaterThanOrEqualTo(-100.0);
                assertThat(narrow.upper()).isLessThanOrEqualTo(100.0);
                assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
                assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper());
            }
            assertThat(nps.confidenceInterval(level, IntervalMethod.WALD).contains(nps.score())).isTrue();
        });
    }

    @Test
    void standardErrorMatchesTheSampleVarianceOfPlusOneZeroMinusOne() {
        // Independent route: score each response +1/0/−1 and take the population variance / n.
        RatingPropertyTest.qt().forAll(nonEmptyRatings()).checkAssert(r -> {
            double[] x = Arrays.stream(r).mapToDouble(v -> v >= 9 ? 1 : v <= 6 ? -1 : 0).toArray();
            double mean = Arrays.stream(x).average().orElseThrow();
            double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
            assertThat(Nps.of(r).standardError()).isCloseTo(100.0 * Math.sqrt(var / x.length), within(1e-9));
        });
    }

    @Test
    void compareIsAntisymmetric() {
        RatingPropertyTest.qt().forAll(nonEmptyRatings(), nonEmptyRatings()).checkAssert((a, b) -> {
            var ab = Nps.compare(Nps.of(a), Nps.of(b));
            var ba = Nps.compare(Nps.of(b), Nps.of(a));
            assertThat(ab.estimate()).isEqualTo(-ba.estimate());
            assertThat(ab.standardError()).isEqualTo(ba.standardError());
            assertThat(ab.estimate()).isCloseTo(Nps.of(b).score() - Nps.of(a).score(), within(1e-12));
            assertThat(ab.pValue()).isBetween(0.0, 1.0);
        });
    }
}
