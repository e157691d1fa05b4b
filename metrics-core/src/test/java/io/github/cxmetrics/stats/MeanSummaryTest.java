package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.TestFrames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * {@link MeanSummary}: moments, the Student t interval and Welch's test. Expected values come from
 * a published R output or were computed independently, never from this code:
 * <ul>
 *   <li>Welch's test on R's {@code sleep} data (Cushny &amp; Peebles 1905, as used by Student 1908):
 *       the output printed by {@code example(t.test)} / {@code t.test(extra ~ group, data = sleep)},
 *       {@code t = -1.8608, df = 17.776, p-value = 0.07939}, 95% CI {@code -3.3654832 0.2054832},
 *       reproduced to full precision with SciPy 1.17.1 {@code ttest_ind(g1, g2, equal_var=False)};</li>
 *   <li>sample variances with Python's {@code statistics.variance}, t intervals with
 *       {@code scipy.stats.ttest_1samp(...).confidence_interval} and {@code scipy.stats.t.ppf}, the
 *       non-integer-df quantile cross-checked with mpmath ({@code betainc} inverted by
 *       {@code findroot});</li>
 *   <li>weighted moments (Kish {@code n_eff = (Σw)²/Σw²}, {@code s² = [Σw(x − m)²/Σw]·n_eff/(n_eff − 1)})
 *       with mpmath at 40 digits and again by a two-pass computation in the test itself.</li>
 * </ul>
 */
class MeanSummaryTest {

    /** R {@code sleep$extra[sleep$group == 1]}. */
    private static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    /** R {@code sleep$extra[sleep$group == 2]}. */
    private static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    private static final double[] VALUES = {3, 5, 4, 1, 2, 5};
    private static final double[] WEIGHTS = {1.5, 0.5, 2.0, 1.0, 0.25, 0.75};

    private static MeanSummary of(double... values) {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(values);
        return acc.snapshot();
    }

    private static MeanSummary weighted(double[] values, double[] weights) {
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = 0; i < values.length; i++) {
            acc.add(values[i], weights[i]);
        }
        return acc.snapshot();
    }

    private static MeanSummary state(long count, double weight, double squaredWeight, double mean, double m2) {
        byte[] bytes = TestFrames.frame(2, 1, 0, TestFrames.payload()
                .i64(count).f64(weight).f64(squaredWeight).f64(mean).f64(m2)
                .toArray());
        return MeanAccumulator.fromByteArray(bytes).snapshot();
    }

    @Test
    void unweightedMomentsAreTheUsualSampleMoments() {
        MeanSummary s = of(SLEEP_1);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.totalWeight()).isEqualTo(10.0);
        assertThat(s.effectiveSize()).isEqualTo(10.0);
        // statistics.mean(g1) = 0.75, statistics.variance(g1) = 3.200555555555556
        assertThat(s.mean()).isCloseTo(0.75, within(1e-15));
        assertThat(s.variance()).isCloseTo(3.200555555555556, within(1e-14));
        assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(3.200555555555556), within(1e-14));
        assertThat(s.standardError()).isCloseTo(Math.sqrt(3.200555555555556 / 10), within(1e-14));
        // statistics.variance(g2) = 4.009
        assertThat(of(SLEEP_2).variance()).isCloseTo(4.009, within(1e-14));
        // ratings 2, 1, 2, 3, 2: mean 2, Σ(x − 2)² = 2, s² = 2/4 (by hand)
        MeanSummary ratings = of(2, 1, 2, 3, 2);
        assertThat(ratings.mean()).isEqualTo(2.0);
        assertThat(ratings.variance()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void oneSampleTIntervalMatchesScipy() {
        MeanSummary s = of(SLEEP_1);
        Estimate e = s.asEstimate();
        assertThat(e.value()).isCloseTo(0.75, within(1e-15));
        assertThat(e.degreesOfFreedom()).isEqualTo(9.0);
        // R: t.test(sleep$extra[sleep$group == 1])$conf.int
        //    == scipy.stats.ttest_1samp(g1, 0).confidence_interval(0.95)
        Interval ci = s.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-0.5297804135262321, within(1e-12));
        assertThat(ci.upper()).isCloseTo(2.029780413526232, within(1e-12));
        assertThat(ci.level()).isEqualTo(0.95);
        // R: t.test(..., conf.level = 0.9)$conf.int == ttest_1samp(g1, 0).confidence_interval(0.90)
        Interval ci90 = s.confidenceInterval(0.90);
        assertThat(ci90.lower()).isCloseTo(-0.28705527872925973, within(1e-12));
        assertThat(ci90.upper()).isCloseTo(1.7870552787292595, within(1e-12));
        assertThatThrownBy(() -> s.confidenceInterval(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.5");
    }

    @Test
    void weightedMomentsUseKishEffectiveSize() {
        MeanSummary s = weighted(VALUES, WEIGHTS);
        // independent two-pass computation of the class formulas
        double sw = 0;
        double sww = 0;
        double swx = 0;
        for (int i = 0; i < VALUES.length; i++) {
            sw += WEIGHTS[i];
            sww += WEIGHTS[i] * WEIGHTS[i];
            swx += WEIGHTS[i] * VALUES[i];
        }
        double mean = swx / sw;
        double ss = 0;
        for (int i = 0; i < VALUES.length; i++) {
            ss += WEIGHTS[i] * (VALUES[i] - mean) * (VALUES[i] - mean);
        }
        double nEff = sw * sw / sww;
        double variance = ss / sw * nEff / (nEff - 1);
        // mpmath (dps 40): mean 3.375, n_eff 36/8.125 = 4.4307692307692307692,
        // s² = 2.2399103139013452915, SE = 0.71101006596344702627
        assertThat(s.count()).isEqualTo(6);
        assertThat(s.totalWeight()).isEqualTo(6.0);
        assertThat(s.mean()).isCloseTo(3.375, within(1e-15)).isCloseTo(mean, within(1e-15));
        assertThat(s.effectiveSize()).isCloseTo(4.4307692307692307692, within(1e-14)).isCloseTo(nEff, within(1e-14));
        assertThat(s.variance()).isCloseTo(2.2399103139013452915, within(1e-14)).isCloseTo(variance, within(1e-14));
        assertThat(s.standardError()).isCloseTo(0.71101006596344702627, within(1e-14));
        assertThat(s.asEstimate().degreesOfFreedom()).isCloseTo(3.4307692307692307692, within(1e-14));
        // m ± t.ppf(0.975, n_eff − 1)·SE; scipy t.ppf(0.975, 3.430769…) = 2.967909757393855
        // (mpmath: 2.967909757393856299)
        Interval ci = s.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(1.264786287621837, within(1e-11));
        assertThat(ci.upper()).isCloseTo(5.4852137123781635, within(1e-11));
        // 90%: m − t.ppf(0.95, 3.430769…)·SE
        assertThat(s.confidenceInterval(0.90).lower()).isCloseTo(1.7840070711477123, within(1e-11));
    }

    @Test
    void unitWeightsEqualTheUnweightedSummary() {
        MeanAccumulator acc = new MeanAccumulator();
        for (double v : SLEEP_2) {
            acc.add(v, 1.0);
        }
        assertThat(acc.snapshot()).isEqualTo(of(SLEEP_2));
    }

    @Test
    void welchReproducesRsSleepExample() {
        // R: t.test(extra ~ group, data = sleep) gives group 1 − group 2; here b − a = group 2 − group 1
        Difference d = MeanSummary.welch(of(SLEEP_1), of(SLEEP_2));
        assertThat(d.estimate()).isCloseTo(2.33 - 0.75, within(1e-14));
        // scipy.stats.ttest_ind(g2, g1, equal_var=False): statistic, df, pvalue
        assertThat(d.statistic()).isCloseTo(1.8608134674868526, within(1e-12));
        assertThat(d.degreesOfFreedom()).isCloseTo(17.776473516178488, within(1e-11));
        assertThat(d.pValue()).isCloseTo(0.0793941401873583, within(1e-12));
        // R's 95% CI (−3.3654832, 0.2054832) with the sign turned; full digits from
        // ttest_ind(g2, g1, equal_var=False).confidence_interval(0.95)
        Interval ci = d.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-0.20548323071171137, within(1e-11));
        assertThat(ci.upper()).isCloseTo(3.3654832307117104, within(1e-11));
        assertThat(ci.lower()).isCloseTo(-0.2054832, within(5e-8));
        assertThat(d.isSignificant(0.05)).isFalse();
        // the sign follows the order of the arguments
        Difference reverse = MeanSummary.welch(of(SLEEP_2), of(SLEEP_1));
        assertThat(reverse.statistic()).isCloseTo(-1.8608134674868526, within(1e-12));
        assertThat(reverse.pValue()).isCloseTo(d.pValue(), within(1e-15));
    }

    @Test
    void welchFromMomentsMatchesScipyFromStats() {
        // scipy.stats.ttest_ind_from_stats(3.2, sqrt(1.44), 40.5, 3.6, sqrt(2.25), 25.25, equal_var=False)
        // gives a − b: statistic −1.132892365226967, p 0.26350280224016126; df by the
        // Welch–Satterthwaite formula in Python 43.236846765078205, SE sqrt(1.44/40.5 + 2.25/25.25)
        Difference d = MeanSummary.welch(3.2, 1.44, 40.5, 3.6, 2.25, 25.25);
        assertThat(d.estimate()).isCloseTo(0.4, within(1e-15));
        assertThat(d.standardError()).isCloseTo(0.35307855563124285, within(1e-15));
        assertThat(d.statistic()).isCloseTo(1.132892365226967, within(1e-13));
        assertThat(d.degreesOfFreedom()).isCloseTo(43.236846765078205, within(1e-11));
        assertThat(d.pValue()).isCloseTo(0.26350280224016126, within(1e-12));
        // 0.4 ± t.ppf(0.975, df)·SE
        Interval ci = d.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-0.3119379870281014, within(1e-11));
        assertThat(ci.upper()).isCloseTo(1.1119379870281012, within(1e-11));
    }

    @Test
    void welchOfSummariesEqualsWelchOfTheirMoments() {
        MeanSummary a = weighted(VALUES, WEIGHTS);
        MeanSummary b = of(SLEEP_2);
        Difference fromSummaries = MeanSummary.welch(a, b);
        Difference fromMoments = MeanSummary.welch(a.mean(), a.variance(), a.effectiveSize(),
                b.mean(), b.variance(), b.effectiveSize());
        assertThat(fromSummaries).isEqualTo(fromMoments);
        // weighted samples enter with their effective sizes (hand formula, as in the class comment)
        double va = 2.2399103139013452915 / (36 / 8.125);
        double vb = 4.009 / 10;
        double df = (va + vb) * (va + vb) / (va * va / (36 / 8.125 - 1) + vb * vb / 9);
        assertThat(fromSummaries.degreesOfFreedom()).isCloseTo(df, within(1e-12));
        assertThat(fromSummaries.standardError()).isCloseTo(Math.sqrt(va + vb), within(1e-14));
    }

    @Test
    void welchWithoutVariation() {
        // both variances 0: df = n_a + n_b − 2; equal means give statistic 0, p = 1
        Difference same = MeanSummary.welch(of(4, 4, 4), of(4, 4, 4, 4));
        assertThat(same.degreesOfFreedom()).isEqualTo(5.0);
        assertThat(same.statistic()).isZero();
        assertThat(same.pValue()).isEqualTo(1.0);
        Difference apart = MeanSummary.welch(of(4, 4, 4), of(5, 5));
        assertThat(apart.estimate()).isEqualTo(1.0);
        assertThat(apart.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(apart.pValue()).isZero();
        // one variance 0: df = (s_b²/n_b)² / [(s_b²/n_b)²/(n_b − 1)] = n_b − 1
        Difference one = MeanSummary.welch(of(4, 4, 4), of(1, 2, 3, 4, 5));
        assertThat(one.degreesOfFreedom()).isCloseTo(4.0, within(1e-12));
    }

    @Test
    void welchWithHugeVariancesHasFiniteDegreesOfFreedom() {
        // reliability finding 17: welch(0, 1e308, 2, 0, 1e308, 2) failed with "degreesOfFreedom … was NaN"
        // (SE⁴ overflowed). Equal variances and sizes: df = 2(n − 1) = 2, SE = sqrt(1e308/2·2) = 1e154 (by hand);
        // the t quantile on 2 df is 0.95/sqrt(2·0.975·0.025) = 4.302652729749463852 (closed form for ν = 2, mpmath)
        Difference d = MeanSummary.welch(0, 1e308, 2, 0, 1e308, 2);
        assertThat(d.degreesOfFreedom()).isEqualTo(2.0);
        assertThat(d.standardError()).isCloseTo(1e154, within(1e140));
        assertThat(d.statistic()).isZero();
        assertThat(d.pValue()).isEqualTo(1.0);
        assertThat(d.confidenceInterval(0.95).upper()).isCloseTo(4.302652729749463852e154, within(1e141));
        // s²/n summing beyond the double range: SE = sqrt(2·1.7e308/1.5) = 1.5055453054181619900e154 (mpmath),
        // df = 4/(1/0.5 + 1/0.5) = 1 (by hand)
        Difference e = MeanSummary.welch(0, 1.7e308, 1.5, 1, 1.7e308, 1.5);
        assertThat(e.standardError()).isCloseTo(1.5055453054181619900e154, within(1e140));
        assertThat(e.degreesOfFreedom()).isCloseTo(1.0, within(1e-15));
        // tiny variances do not vanish from the formula: 1e-200 on both sides gives df 2 as well
        assertThat(MeanSummary.welch(0, 1e-300, 2, 0, 1e-300, 2).degreesOfFreedom()).isEqualTo(2.0);
    }

    @Test
    void welchRejectsUndefinedInputs() {
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, 1, 2, 1, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nA must be finite and > 1 (Welch's test needs more than one value per sample), was 1.0");
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, 5, 2, 1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nB must be finite and > 1 (Welch's test needs more than one value per sample), was NaN");
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, Double.POSITIVE_INFINITY, 2, 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("nA must be finite and > 1");
        assertThatThrownBy(() -> MeanSummary.welch(Double.NaN, 1, 5, 2, 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("meanA must be finite, was NaN");
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, 5, Double.NEGATIVE_INFINITY, 1, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("meanB must be finite, was -Infinity");
        assertThatThrownBy(() -> MeanSummary.welch(1, Double.POSITIVE_INFINITY, 5, 2, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("varianceA must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> MeanSummary.welch(1, 1, 5, 2, -0.5, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("varianceB must be finite and >= 0, was -0.5");
        assertThatThrownBy(() -> MeanSummary.welch(-1e308, 1, 5, 1e308, 1, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meanA and meanB, -1.0E308 and 1.0E308, are too far apart: meanB − meanA is not a finite double");
        assertThatThrownBy(() -> MeanSummary.welch(null, of(1, 2))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MeanSummary.welch(of(1, 2), null)).isInstanceOf(NullPointerException.class);
        // a single value has no variance
        assertThatThrownBy(() -> MeanSummary.welch(of(1), of(1, 2))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("effective sample size");
    }

    @Test
    void emptySummary() {
        MeanSummary empty = new MeanAccumulator().snapshot();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.count()).isZero();
        assertThat(empty.totalWeight()).isZero();
        assertThat(empty.effectiveSize()).isZero();
        assertThatThrownBy(empty::mean).isInstanceOf(IllegalStateException.class)
                .hasMessage("mean of an empty sample is undefined");
        assertThatThrownBy(empty::variance).isInstanceOf(IllegalStateException.class)
                .hasMessage("variance needs an effective sample size above 1, was 0.0");
        assertThatThrownBy(empty::standardError).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(empty::asEstimate).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> empty.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class);
        assertThat(empty).hasToString("MeanSummary[n=0, mean=undefined]");
        assertThat(empty).isEqualTo(new MeanAccumulator().snapshot());
    }

    @Test
    void zeroWeightsCountButHaveNoMean() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(3.0, 0.0);
        acc.add(5.0, 0.0);
        MeanSummary s = acc.snapshot();
        assertThat(s.isEmpty()).isFalse();
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.totalWeight()).isZero();
        assertThatThrownBy(s::mean).isInstanceOf(IllegalStateException.class)
                .hasMessage("mean is undefined: total weight is 0");
        assertThat(s).hasToString("MeanSummary[n=2, mean=undefined]");
        // a zero weight does not move the moments
        MeanAccumulator mixed = new MeanAccumulator();
        mixed.addAll(SLEEP_1);
        mixed.add(1000.0, 0.0);
        assertThat(mixed.snapshot().count()).isEqualTo(11);
        assertThat(mixed.snapshot().mean()).isEqualTo(of(SLEEP_1).mean());
        assertThat(mixed.snapshot().variance()).isEqualTo(of(SLEEP_1).variance());
    }

    @Test
    void singleValueHasAMeanButNoVariance() {
        MeanSummary one = of(4.25);
        assertThat(one.mean()).isEqualTo(4.25);
        assertThat(one.effectiveSize()).isEqualTo(1.0);
        assertThatThrownBy(one::variance).isInstanceOf(IllegalStateException.class)
                .hasMessage("variance needs an effective sample size above 1, was 1.0");
        assertThatThrownBy(one::asEstimate).isInstanceOf(IllegalStateException.class);
        // one heavy weight: still a single value however large the weight
        MeanAccumulator heavy = new MeanAccumulator();
        heavy.add(4.25, 17.0);
        assertThat(heavy.snapshot().effectiveSize()).isEqualTo(1.0);
        assertThatThrownBy(heavy.snapshot()::variance).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalsAndHashCodeAreBitExact() {
        MeanSummary s = state(4, 4.0, 4.0, 10.0, 90.0);
        assertThat(s).isEqualTo(s).isEqualTo(state(4, 4.0, 4.0, 10.0, 90.0))
                .hasSameHashCodeAs(state(4, 4.0, 4.0, 10.0, 90.0));
        assertThat(s.variance()).isEqualTo(30.0);
        // each of the five components taken one ulp (or one count) away
        assertThat(s).isNotEqualTo(state(5, 4.0, 4.0, 10.0, 90.0));
        assertThat(s).isNotEqualTo(state(4, Math.nextUp(4.0), 4.0, 10.0, 90.0));
        assertThat(s).isNotEqualTo(state(4, 4.0, Math.nextUp(4.0), 10.0, 90.0));
        assertThat(s).isNotEqualTo(state(4, 4.0, 4.0, Math.nextUp(10.0), 90.0));
        assertThat(s).isNotEqualTo(state(4, 4.0, 4.0, 10.0, Math.nextUp(90.0)));
        assertThat(s).isNotEqualTo(null).isNotEqualTo("MeanSummary[n=4, mean=10.0000]");
        // 4, 7, 13, 16 added one by one: mean 10 and Σ(x − 10)² = 90 are exact in binary
        assertThat(of(4, 7, 13, 16)).isEqualTo(s).hasSameHashCodeAs(s);
    }

    @Test
    void readableToString() {
        assertThat(of(2, 1, 2, 3, 2)).hasToString("MeanSummary[n=5, mean=2.0000]");
        assertThat(of(SLEEP_1)).hasToString("MeanSummary[n=10, mean=0.7500]");
    }

    @Test
    void tinyWeightFarFromTheRestKeepsItsVariance() {
        double[] x = {1e8, 0.1, 0.3};
        double[] w = {1e-8, 1e9, 1e9};
        MeanAccumulator acc = new MeanAccumulator();
        for (int i = 0; i < x.length; i++) {
            acc.add(x[i], w[i]);
        }
        // two-pass: mean (1 + 1e8 + 3e8)/(2e9 + 1e-8) = 0.2000000005,
        // Σw(x − m)² = 1e-8·(1e8 − m)² + 1e9·(0.1 − m)² + 1e9·(0.3 − m)² ≈ 1.199999996e8, n_eff ≈ 2;
        // mpmath (dps 50): variance 0.1199999996. The problem is well conditioned (Σwx²/Σw = 0.1), so
        // only the running mean's passage through 1e8 limits the accuracy: tolerances of ulp(1e8)
        // for the mean and 1e-6 relative for the variance
        assertThat(acc.snapshot().mean()).isCloseTo(0.2000000005, within(Math.ulp(1e8)));
        assertThat(acc.snapshot().variance()).isCloseTo(0.1199999996, within(1.2e-7));
        assertThat(MeanAccumulator.fromByteArray(acc.toByteArray()).snapshot()).isEqualTo(acc.snapshot());
    }

    @Test
    void weightsWhoseSquareLeavesTheNormalRangeAreRejected() {
        // Σw² must stay a normal double for Kish's n_eff; such weights are rejected with a message
        // instead of giving n_eff = 0 (1e200² overflows, 1e-200² underflows)
        for (double scale : new double[] {1e200, 1e-200}) {
            MeanAccumulator acc = new MeanAccumulator();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> acc.add(1.0, scale))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[1e-150, 1e150]");
            assertThat(acc.count()).isZero();
        }
        for (double scale : new double[] {1e150, 1e-150}) {
            MeanAccumulator acc = new MeanAccumulator();
            acc.add(1.0, scale);
            acc.add(3.0, scale);
            MeanSummary s = acc.snapshot();
            // equal weights: n_eff = 2, mean 2, s² = [Σw(x − 2)²/Σw]·2/(2 − 1) = 2 (by hand)
            assertThat(s.effectiveSize()).as("scale %s", scale).isCloseTo(2.0, within(1e-12));
            assertThat(s.variance()).as("scale %s", scale).isCloseTo(2.0, within(1e-12));
            assertThat(MeanAccumulator.fromByteArray(acc.toByteArray()).snapshot()).isEqualTo(s);
        }
    }
}
