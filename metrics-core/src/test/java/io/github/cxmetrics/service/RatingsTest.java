package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Proportion;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link Ratings}. Expected values are mission-next.md §5.2, computed by the report's {@code t5.py}
 * and {@code t5b.py} (appendix A.5; python3 with scipy), and the Wilson bounds rerun here in R 4.x:
 * {@code prop.test(x, n, correct = FALSE)$conf.int[1]} (z = 1.96) and the same with
 * {@code conf.level = 0.9} (its lower limit is the one-sided 95 % bound, z = 1.645) give the table's
 * values to the 15 digits printed.
 *
 * <p>Bayesian average: {@code t5.py}'s {@code bayes_avg(mean, n, m, C)} returns
 * {@code (C·m + n·mean)/(C + n)} and is called with {@code m = 3.9, C = 20}, so the report's label
 * "prior m = 3.9 and C = 20" has the roles swapped: in the usual notation (and here) the prior weight
 * is m = 20 and the global mean C = 3.9 — (20·3.9 + 5·4.8)/25 = 4.08.
 *
 * <p>Star lower bound, §5.3: the Stack Overflow answer (stackoverflow.com/a/3917185) prints
 * {@code starsort((60, 80, 75, 20, 25)) = 3.3686975120774694}, but its own code, as printed
 * (z = 1.65, N + K + 1 in the denominator), gives 3.368430745620908; no variant tried by the report
 * (z = 1.6449, N + K or N + K + 2) gives the printed number. The test follows the formula, not the
 * published digits.
 */
class RatingsTest {

    static final double Z2 = 1.959963984540054;
    static final double Z1 = 1.644853626951472;
    static final double[] STARS = {5, 4, 3, 2, 1};

    @Test
    void zConventionsAreExplicit() {
        assertThat(Ratings.zTwoSided(0.95)).isCloseTo(Z2, within(1e-15));
        assertThat(Ratings.zOneSided(0.95)).isCloseTo(Z1, within(4e-15));
    }

    @Test
    void wilsonLowerBoundTable() {
        long[][] pn = {{1, 1}, {2, 2}, {100, 101}, {600, 1000}, {5500, 10000}, {209, 259}, {118, 143}, {0, 10}};
        double[] lb196 = {0.206549314377237, 0.342380227506653, 0.946032842005545, 0.569309429514266,
            0.540231955771532, 0.754537769965333, 0.754649303435526, 0};
        double[] lb1645 = {0.269865948784054, 0.425030609006346, 0.95683786358024, 0.574281183894259,
            0.541804528045593, 0.76352033172187, 0.767029363061223, 0};
        for (int i = 0; i < pn.length; i++) {
            assertThat(Ratings.wilsonLowerBound(pn[i][0], pn[i][1], Z2)).as("%s/%s", pn[i][0], pn[i][1])
                    .isCloseTo(lb196[i], within(1e-14));
            assertThat(Ratings.wilsonLowerBound(pn[i][0], pn[i][1], Z1)).as("%s/%s", pn[i][0], pn[i][1])
                    .isCloseTo(lb1645[i], within(1e-14));
        }
        // 209/259 sorts below 118/143 at the 4th digit, as the published "0.7545 / 0.7546"
        assertThat(Ratings.wilsonLowerBound(209, 259, Z2)).isLessThan(Ratings.wilsonLowerBound(118, 143, Z2));
        assertThat(Ratings.wilsonLowerBound(0, 0, Z2)).isZero();
        // the same number as the library's Wilson interval at the two-sided level
        assertThat(Ratings.wilsonLowerBound(600, 1000, Ratings.zTwoSided(0.95)))
                .isCloseTo(Proportion.of(600, 1000).confidenceInterval(0.95).lower(), within(1e-15));
    }

    @Test
    void bayesianAverageVectors() {
        assertThat(Ratings.bayesianAverage(4.8, 5, 20, 3.9)).isCloseTo(4.08, within(1e-14));
        assertThat(Ratings.bayesianAverage(4.5, 200, 20, 3.9)).isCloseTo(4.44545454545455, within(1e-13));
        assertThat(Ratings.bayesianAverage(3.0, 1, 20, 3.9)).isCloseTo(3.85714285714286, within(1e-13));
        // IMDb: R = 8.2, v = 3000, m = 25000, C = 6.9; BeerAdvocate: R = 4.2, v = 5, m = 10, C = 2.5
        assertThat(Ratings.bayesianAverage(8.2, 3000, 25000, 6.9)).isCloseTo(7.03928571428571, within(1e-13));
        assertThat(Ratings.bayesianAverage(4.2, 5, 10, 2.5)).isCloseTo(3.06666666666667, within(1e-13));
        assertThat(Ratings.bayesianAverage(4.2, 0, 10, 2.5)).isEqualTo(2.5);
        assertThat(Ratings.bayesianAverage(4.2, 7, 0, 2.5)).isEqualTo(4.2);
    }

    @Test
    void starLowerBoundVectors() {
        long[][] counts = {{60, 80, 75, 20, 25}, {10, 0, 0, 0, 0}, {5, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        double[] mean = {3.49056603773585, 4.33333333333333, 4, 3.33333333333333, 3};
        double[] lb165 = {3.368430745620908, 3.818855442651916, 3.296437636026486, 2.403663653131965,
            2.047372055837117};
        double[] lbZ1 = {3.3688116873031, 3.82046010637959, 3.29863205686764, 2.40656330585089, 2.05034331570204};
        for (int i = 0; i < counts.length; i++) {
            assertThat(Ratings.starPosteriorMean(counts[i], STARS)).isCloseTo(mean[i], within(1e-13));
            assertThat(Ratings.starLowerBound(counts[i], STARS, 1.65)).isCloseTo(lb165[i], within(1e-14));
            assertThat(Ratings.starLowerBound(counts[i], STARS, Z1)).isCloseTo(lbZ1[i], within(1e-13));
        }
        // §5.3: the published 3.3686975120774694 is not what the published code computes
        assertThat(Ratings.starLowerBound(counts[0], STARS, 1.65)).isNotCloseTo(3.3686975120774694, within(1e-6));
    }

    @Test
    void bayesianAverageLiesBetweenPriorMeanAndRawMean() {
        QuickTheory.qt().withFixedSeed(20261203L).withExamples(500)
                .forAll(doubles().between(1, 5), integers().between(0, 100_000), doubles().between(0, 1e5),
                        doubles().between(1, 5)).checkAssert((r, v, m, c) -> {
                            if (v == 0 && m == 0.0) {
                                return;
                            }
                            double wr = Ratings.bayesianAverage(r, v, m, c);
                            assertThat(wr).isBetween(Math.min(r, c), Math.max(r, c));
                        });
    }

    @Test
    void wilsonLowerBoundIsBelowTheShareAndRisesWithPositives() {
        QuickTheory.qt().withFixedSeed(20261203L).withExamples(500)
                .forAll(integers().between(1, 10_000), doubles().between(0, 1), doubles().between(0, 4))
                .checkAssert((n, share, z) -> {
                    long x = Math.round(share * n);
                    double lb = Ratings.wilsonLowerBound(x, n, z);
                    assertThat(lb).isBetween(0.0, (double) x / n + 1e-15);
                    if (x < n) {
                        assertThat(Ratings.wilsonLowerBound(x + 1, n, z)).isGreaterThanOrEqualTo(lb);
                    }
                });
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> Ratings.wilsonLowerBound(3, 2, Z2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("positive must be in 0..2, was 3");
        assertThatThrownBy(() -> Ratings.wilsonLowerBound(0, -1, Z2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> Ratings.wilsonLowerBound(1, 2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> Ratings.bayesianAverage(4, 0, 0, 3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Bayesian average of no ratings with prior weight 0 is undefined");
        assertThatThrownBy(() -> Ratings.bayesianAverage(4, 1, -1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("priorWeight must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> Ratings.bayesianAverage(Double.NaN, 1, 1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mean must be finite, was NaN");
        assertThatThrownBy(() -> Ratings.starLowerBound(new long[] {1, -1}, new double[] {2, 1}, 1.65))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count must be >= 0, was -1 (index 1)");
        assertThatThrownBy(() -> Ratings.starLowerBound(new long[] {1, 1}, new double[] {2, 1, 0}, 1.65))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts and worths must have the same length, were 2 and 3");
        assertThatThrownBy(() -> Ratings.starPosteriorMean(new long[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a star distribution needs at least 2 levels, was 1");
        assertThatThrownBy(() -> Ratings.zOneSided(0.4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0.5, 1), was 0.4");
    }
}
