package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Examples for {@link Interval}, {@link Estimate} and {@link Difference}. Expected values were
 * computed independently with SciPy 1.17 ({@code scipy.stats.norm}, {@code scipy.stats.t},
 * {@code ttest_1samp(...).confidence_interval}); each call is written next to its number.
 */
class StatsTypesTest {

    @Test
    void intervalValidatesAndMeasures() {
        Interval ci = new Interval(1.0, 3.0, 0.9);
        assertThat(ci.width()).isEqualTo(2.0);
        assertThat(ci.midpoint()).isEqualTo(2.0);
        assertThat(ci.contains(1.0)).isTrue();
        assertThat(ci.contains(3.5)).isFalse();
        assertThat(ci.contains(Double.NaN)).isFalse();
        assertThatThrownBy(() -> new Interval(2, 1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower must be <= upper, was 2.0 > 1.0");
        assertThatThrownBy(() -> new Interval(Double.NaN, 1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lower must be finite, was NaN");
        assertThatThrownBy(() -> new Interval(0, Double.POSITIVE_INFINITY, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("upper must be finite, was Infinity");
        assertThatThrownBy(() -> new Interval(0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 0.0");
    }

    @Test
    void normalEstimateIntervalUsesZ() {
        // 10 ± norm.ppf(0.975) · 2 = 10 ± 3.919927969080108
        Interval ci = Estimate.normal(10.0, 2.0).confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(10.0 - 3.919927969080108, within(1e-12));
        assertThat(ci.upper()).isCloseTo(10.0 + 3.919927969080108, within(1e-12));
        assertThat(Estimate.normal(1, 0).degreesOfFreedom()).isInfinite();
    }

    @Test
    void studentEstimateIntervalUsesT() {
        // ratings 2, 1, 2, 3, 2: mean 2, SE = sqrt(0.5 / 5), df 4;
        // ttest_1samp([2,1,2,3,2], 0).confidence_interval(0.95) = (1.1220109669149172, 2.8779890330850826)
        Interval ci = new Estimate(2.0, Math.sqrt(0.1), 4).confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(1.1220109669149172, within(1e-10));
        assertThat(ci.upper()).isCloseTo(2.8779890330850826, within(1e-10));
    }

    @Test
    void estimateRejectsNonFiniteComponents() {
        assertThatThrownBy(() -> Estimate.normal(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was NaN");
        assertThatThrownBy(() -> Estimate.normal(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardError must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> new Estimate(1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom must be > 0 (or infinite), was 0.0");
        assertThatThrownBy(() -> Estimate.normal(1, 1).confidenceInterval(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be in (0, 1), was 1.5");
    }

    @Test
    void differenceTestsAndIntervals() {
        // z = 1.96: 2·norm.sf(1.96) = 0.04999579029644087
        Difference d = new Difference(1.96, 1.0, Double.POSITIVE_INFINITY);
        assertThat(d.statistic()).isEqualTo(1.96);
        assertThat(d.pValue()).isCloseTo(0.04999579029644087, within(1e-14));
        assertThat(d.isSignificant(0.05)).isTrue();
        assertThat(d.isSignificant(0.01)).isFalse();
        // t = 2.5 on 7.5 df: 2·t.sf(2.5, 7.5) = 0.03882025827362553; t.ppf(0.95, 7.5) = 1.8757474792112878
        Difference t = new Difference(5.0, 2.0, 7.5);
        assertThat(t.pValue()).isCloseTo(0.03882025827362553, within(1e-12));
        assertThat(t.confidenceInterval(0.90).lower()).isCloseTo(5.0 - 2.0 * 1.8757474792112878, within(1e-10));
    }

    @Test
    void differenceBetweenEstimatesIsSecondMinusFirst() {
        Difference d = Difference.between(Estimate.normal(30, 3), Estimate.normal(20, 4));
        assertThat(d.estimate()).isEqualTo(-10.0);
        assertThat(d.standardError()).isEqualTo(5.0);
        assertThat(d.statistic()).isEqualTo(-2.0);
        assertThat(d.degreesOfFreedom()).isInfinite(); // two normal-theory estimates: a z test
    }

    @Test
    void differenceBetweenStudentEstimatesKeepsWelchSatterthwaiteDegreesOfFreedom() {
        // code review Appendix P3: two t(3) estimates gave df = ∞. Samples a = 1 + √3·{−1, −1, 1, 1} and
        // b = a + 1 (mean 1 and 2, sd 2, n 4: SE 1, df 3 each); scipy 1.17.1
        // r = ttest_ind(b, a, equal_var=False): statistic 0.7071067811865476, pvalue 0.5060214228881834, df 6.0,
        // r.confidence_interval(0.95) = (-2.460455925820684, 4.460455925820684)
        Difference d = Difference.between(new Estimate(1, 1, 3), new Estimate(2, 1, 3));
        assertThat(d.degreesOfFreedom()).isCloseTo(6.0, within(1e-14));
        assertThat(d.statistic()).isCloseTo(0.7071067811865476, within(1e-15));
        assertThat(d.pValue()).isCloseTo(0.5060214228881834, within(1e-13));
        assertThat(d.confidenceInterval(0.95).lower()).isCloseTo(-2.460455925820684, within(1e-12));
        assertThat(d.confidenceInterval(0.95).upper()).isCloseTo(4.460455925820684, within(1e-12));
        // unequal variances: the samples A, B of MeanAccumulatorTest, as Student estimates, give Welch's test;
        // ttest_ind(B, A, equal_var=False): statistic 3.764305157921701, pvalue 0.0034328222771380407,
        // df 10.431149416865477, confidence_interval(0.95) = (0.4280385532163944, 1.6529138277359863)
        Estimate a = MeanSummary.of(5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3).asEstimate();
        Estimate b = MeanSummary.of(6.5, 6.1, 7.2, 5.9, 6.8, 7.0).asEstimate();
        Difference w = Difference.between(a, b);
        assertThat(w.statistic()).isCloseTo(3.764305157921701, within(1e-12));
        assertThat(w.degreesOfFreedom()).isCloseTo(10.431149416865477, within(1e-11));
        assertThat(w.pValue()).isCloseTo(0.0034328222771380407, within(1e-13));
        assertThat(w.confidenceInterval(0.95).lower()).isCloseTo(0.4280385532163944, within(1e-12));
        assertThat(w.confidenceInterval(0.95).upper()).isCloseTo(1.6529138277359863, within(1e-12));
    }

    @Test
    void differenceBetweenMixedAndDegenerateEstimates() {
        // normal (SE 3) and t(5) (SE 4): df = (9 + 16)²/(0 + 16²/5) = 625/51.2 = 12.20703125 exactly (mpmath);
        // scipy: 2·t.sf(10/5, 12.20703125) = 0.06825461263340127, t.ppf(0.975, 12.20703125)·5 = 10.873607422592098
        Difference m = Difference.between(Estimate.normal(0, 3), new Estimate(10, 4, 5));
        assertThat(m.degreesOfFreedom()).isCloseTo(12.20703125, within(1e-13));
        assertThat(m.standardError()).isEqualTo(5.0);
        assertThat(m.pValue()).isCloseTo(0.06825461263340127, within(1e-13));
        assertThat(m.confidenceInterval(0.95).upper()).isCloseTo(10 + 10.873607422592098, within(1e-11));
        // one standard error 0: the other estimate's df; both 0: df₁ + df₂ (= n_a + n_b − 2 of Welch's test)
        assertThat(Difference.between(new Estimate(1, 0, 3), new Estimate(2, 1, 4)).degreesOfFreedom())
                .isCloseTo(4.0, within(1e-15));
        Difference none = Difference.between(new Estimate(1, 0, 3), new Estimate(2, 0, 4));
        assertThat(none.degreesOfFreedom()).isEqualTo(7.0);
        assertThat(none.confidenceInterval(0.95)).isEqualTo(new Interval(1.0, 1.0, 0.95));
        // huge standard errors do not overflow the formula: SE 1e200 each on 3 df gives df 6 as above
        assertThat(Difference.between(new Estimate(0, 1e200, 3), new Estimate(0, 1e200, 3)).degreesOfFreedom())
                .isCloseTo(6.0, within(1e-14));
        assertThatThrownBy(() -> Difference.between(Estimate.normal(-1e308, 1), Estimate.normal(1e308, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("first and second are too far apart: "
                        + "second.value() − first.value() = 1.0E308 − -1.0E308 is not a finite double");
        assertThatThrownBy(() -> Difference.between(Estimate.normal(0, 1.5e308), Estimate.normal(0, 1.5e308)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(
                        "the standard errors of first and second, 1.5E308 and 1.5E308, are too large");
        assertThatThrownBy(() -> Difference.between(null, Estimate.normal(0, 1)))
                .isInstanceOf(NullPointerException.class).hasMessage("first");
    }

    @Test
    void anUnboundedIntervalIsAnIllegalStateNamingLevelStandardErrorAndDegreesOfFreedom() {
        // reliability finding 17: on 2e-6 df (weights {1, 1e-6}) the t quantile is beyond the double range
        // (P(T > t) ≈ ½·(ν/t²)^(ν/2) = 0.025 needs t ≈ e^(1.5e6)); the interval used to fail with the
        // record's internal "lower must be finite, was -Infinity"
        assertThatThrownBy(() -> new Estimate(1.0, 2.0, 2e-6).confidenceInterval(0.95))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the 95% interval is unbounded: the t critical value on 2.0E-6 degrees of freedom "
                        + "(Infinity) times the standard error 2.0 around 1.0 is beyond the range of a double "
                        + "(too few degrees of freedom)");
        assertThatThrownBy(() -> new Difference(1.0, 2.0, 2e-6).confidenceInterval(0.9973))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("the 99.73% interval is unbounded");
        // bounds beyond the double range with a finite critical value
        assertThatThrownBy(() -> Estimate.normal(1e308, 1e308).confidenceInterval(0.95))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the 95% interval is unbounded: the normal critical value (1.95996398454005")
                .hasMessageEndingWith(") times the standard error 1.0E308 around 1.0E308 is beyond the range of a double");
        // a standard error of 0 is the point, whatever the critical value (∞·0 used to give NaN bounds)
        assertThat(new Estimate(1.0, 0.0, 2e-6).confidenceInterval(0.95)).isEqualTo(new Interval(1.0, 1.0, 0.95));
        // the level is checked first
        assertThatThrownBy(() -> new Estimate(1.0, 2.0, 2e-6).confidenceInterval(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be in (0, 1), was 1.0");
    }

    @Test
    void aWeightedMeanWithAnEffectiveSizeBarelyAboveOneHasAnUnboundedInterval() {
        // reliability findings 7(d) and 17: ratings 1 and 5 with weights 1 and 1e-6, n_eff − 1 = 2.0e-6
        // (numpy: w.sum()**2/(w**2).sum() − 1 = 1.9999999998354667e-06)
        MeanAccumulator acc = new MeanAccumulator();
        acc.add(1, 1.0);
        acc.add(5, 1e-6);
        MeanSummary s = acc.snapshot();
        assertThat(s.asEstimate().degreesOfFreedom()).isCloseTo(1.9999999998354667e-06, within(1e-17));
        assertThatThrownBy(() -> s.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the 95% interval is unbounded: the t critical value on 1.99999999")
                .hasMessageContaining("standard error").hasMessageEndingWith("(too few degrees of freedom)");
    }

    @Test
    void differenceWithoutVarianceIsDefinedAtTheLimit() {
        Difference none = new Difference(0.0, 0.0, Double.POSITIVE_INFINITY);
        assertThat(none.statistic()).isZero();
        assertThat(none.pValue()).isEqualTo(1.0);
        Difference sure = new Difference(-200.0, 0.0, Double.POSITIVE_INFINITY);
        assertThat(sure.statistic()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(sure.pValue()).isZero();
        assertThat(sure.confidenceInterval(0.95)).isEqualTo(new Interval(-200.0, -200.0, 0.95));
        assertThatThrownBy(() -> sure.isSignificant(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 0.0");
    }
}
