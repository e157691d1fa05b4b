package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of {@link Csat} and {@link Ces} (DESIGN.md §5), with QuickTheories from a fixed seed. */
class CsatCesPropertyTest {

    private static final IntervalMethod[] PROPORTION_METHODS = {IntervalMethod.WALD, IntervalMethod.WILSON,
        IntervalMethod.AGRESTI_COULL, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS};

    static Gen<int[]> fivePoint() {
        return intArrays(range(1, 200), range(1, 5));
    }

    static Gen<int[]> sevenPoint() {
        return intArrays(range(2, 200), range(1, 7));
    }

    @Test
    void csatIsThePercentOfRatingsAtOrAboveTheCutOffWhateverTheOrder() {
        RatingPropertyTest.qt().forAll(fivePoint(), integers().between(2, 5), integers().all())
                .checkAssert((r, from, seed) -> {
                    Csat csat = Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, r), from);
                    long satisfied = Arrays.stream(r).filter(x -> x >= from).count();
                    assertThat(csat.satisfied()).isEqualTo(satisfied);
                    assertThat(csat.score()).isCloseTo(100.0 * satisfied / r.length, within(1e-9))
                            .isBetween(0.0, 100.0);
                    assertThat(Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, RatingPropertyTest.shuffled(r, seed)), from))
                            .isEqualTo(csat);
                });
    }

    @Test
    void oneMoreSatisfiedResponseNeverLowersCsat() {
        RatingPropertyTest.qt().forAll(fivePoint()).checkAssert(r -> {
            double before = Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, r)).score();
            int[] more = Arrays.copyOf(r, r.length + 1);
            more[r.length] = 5;
            assertThat(Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, more)).score()).isGreaterThanOrEqualTo(before);
            more[r.length] = 1;
            assertThat(Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, more)).score()).isLessThanOrEqualTo(before);
        });
    }

    @Test
    void csatIntervalsContainTheScoreStayInRangeAndWidenWithTheLevel() {
        RatingPropertyTest.qt().forAll(fivePoint(), doubles().between(0.5, 0.98)).checkAssert((r, level) -> {
            Csat csat = Csat.of(RatingDistribution.of(Scale.ONE_TO_FIVE, r));
            for (IntervalMethod m : PROPORTION_METHODS) {
                Interval narrow = csat.confidenceInterval(level, m);
                Interval wide = csat.confidenceInterval(level + 0.01, m);
                assertThat(narrow.lower()).as(m.name()).isGreaterThanOrEqualTo(0.0);
                assertThat(narrow.upper()).as(m.name()).isLessThanOrEqualTo(100.0);
                assertThat(narrow.contains(csat.score())).as(m.name()).isTrue();
                assertThat(wide.lower()).as(m.name()).isLessThanOrEqualTo(narrow.lower());
                assertThat(wide.upper()).as(m.name()).isGreaterThanOrEqualTo(narrow.upper());
            }
        });
    }

    @Test
    void cesSharesAreBoundedAndConsistent() {
        RatingPropertyTest.qt().forAll(sevenPoint(), integers().all()).checkAssert((r, seed) -> {
            Ces ces = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, r));
            double n = r.length;
            assertThat(ces.easyShare()).isCloseTo(Arrays.stream(r).filter(x -> x >= 5).count() / n, within(1e-12));
            assertThat(ces.difficultShare()).isCloseTo(Arrays.stream(r).filter(x -> x <= 3).count() / n, within(1e-12));
            assertThat(ces.easyShare() + ces.difficultShare()).isLessThanOrEqualTo(1.0 + 1e-12);
            assertThat(ces.netEase()).isBetween(-100.0, 100.0);
            assertThat(ces.mean()).isCloseTo(Arrays.stream(r).average().orElseThrow(), within(1e-12)).isBetween(1.0, 7.0);
            assertThat(Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, RatingPropertyTest.shuffled(r, seed))))
                    .isEqualTo(ces);
        });
    }

    @Test
    void oneMoreSevenNeverLowersTheCes2Mean() {
        RatingPropertyTest.qt().forAll(sevenPoint()).checkAssert(r -> {
            double before = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, r)).mean();
            int[] more = Arrays.copyOf(r, r.length + 1);
            more[r.length] = 7;
            assertThat(Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, more)).mean()).isGreaterThanOrEqualTo(before);
        });
    }

    @Test
    void cesMeanIntervalContainsTheMeanAndWidensWithTheLevel() {
        RatingPropertyTest.qt().forAll(sevenPoint(), doubles().between(0.5, 0.98)).checkAssert((r, level) -> {
            Ces ces = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, r));
            Interval narrow = ces.confidenceInterval(level);
            Interval wide = ces.confidenceInterval(level + 0.01);
            assertThat(narrow.contains(ces.mean())).isTrue();
            assertThat(wide.lower()).isLessThanOrEqualTo(narrow.lower());
            assertThat(wide.upper()).isGreaterThanOrEqualTo(narrow.upper());
            Interval easy = ces.easyShareInterval(level);
            assertThat(easy.contains(ces.easyShare())).isTrue();
            assertThat(easy.lower()).isGreaterThanOrEqualTo(0.0);
            assertThat(easy.upper()).isLessThanOrEqualTo(1.0);
        });
    }

    @Test
    void welchIsAntisymmetric() {
        RatingPropertyTest.qt().forAll(sevenPoint(), sevenPoint()).checkAssert((ra, rb) -> {
            Ces a = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, ra));
            Ces b = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, rb));
            var ab = Ces.compare(a, b);
            var ba = Ces.compare(b, a);
            assertThat(ab.estimate()).isCloseTo(-ba.estimate(), within(1e-12));
            assertThat(ab.standardError()).isCloseTo(ba.standardError(), within(1e-12));
            assertThat(ab.estimate()).isCloseTo(b.mean() - a.mean(), within(1e-12));
        });
    }
}
