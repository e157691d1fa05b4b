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
