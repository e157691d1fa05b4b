package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Trend} against the vectors of {@code shared/reports/mission-next.md} §3.2, computed there by
 * the script {@code t3b.py} (appendix A.3; numpy/scipy) and, for Cochran–Armitage, R's
 * {@code prop.trend.test} ({@code t3.R}, A.3). The scores other than 1..6 were run here with R 4.x:
 * <pre>{@code
 * x <- c(160,170,150,185,190,200); n <- c(200,210,190,220,215,220)
 * prop.trend.test(x, n, score=c(0,1,1,2,3,5))   # X-squared = 16.6456214175273, p = 4.50541902405064e-05
 * }</pre>
 */
class TrendTest {

    static final long[] CSAT_X = {160, 170, 150, 185, 190, 200};
    static final long[] CSAT_N = {200, 210, 190, 220, 215, 220};

    /** §3.2 NPS weekly tracking: (detractors, passives, promoters) per wave, n = 250. */
    static final int[][] NPS_WAVES = {{50, 70, 130}, {55, 65, 130}, {48, 72, 130}, {60, 70, 120}, {65, 68, 117},
        {70, 66, 114}, {72, 70, 108}, {75, 65, 110}};

    /** NPS of a wave as a fraction (the report's unit) with SE √(((P + D) − (P − D)²)/n). */
    static Estimate npsFraction(int[] c) {
        double n = c[0] + c[1] + c[2];
        double p = c[2] / n;
        double d = c[0] / n;
        return Estimate.normal(p - d, Math.sqrt(((p + d) - (p - d) * (p - d)) / n));
    }

    @Test
    void cochranArmitageMatchesPropTrendTest() {
        Trend.CochranArmitage t = Trend.cochranArmitage(CSAT_X, CSAT_N);
        assertThat(t.chiSquare()).isCloseTo(15.1978105918528, within(1e-12));
        assertThat(t.pValue()).isCloseTo(9.68156044705314e-05, within(1e-16));
        assertThat(t.statistic()).isCloseTo(3.89843694214141, within(1e-12));
        assertThat(t.degreesOfFreedom()).isEqualTo(1);
        assertThat(t.pooledProportion()).isCloseTo(0.840637450199203, within(1e-15));
        assertThat(t.totalTrials()).isEqualTo(1255);
        assertThat(t.variance()).isEqualTo(Trend.CochranArmitage.Variance.BINOMIAL);
        assertThat(t.isSignificant(0.001)).isTrue();
    }

    @Test
    void hypergeometricVarianceMultipliesByNMinusOneOverN() {
        double[] scores = {1, 2, 3, 4, 5, 6};
        Trend.CochranArmitage t = Trend.cochranArmitage(CSAT_X, CSAT_N, scores,
                Trend.CochranArmitage.Variance.HYPERGEOMETRIC);
        assertThat(t.chiSquare()).isCloseTo(15.1857007826163, within(1e-12)); // §3.2, "with the (N−1)/N factor"
    }

    @Test
    void unequalScoresMatchR() {
        Trend.CochranArmitage t = Trend.cochranArmitage(CSAT_X, CSAT_N, new double[] {0, 1, 1, 2, 3, 5});
        assertThat(t.chiSquare()).isCloseTo(16.6456214175273, within(1e-12));
        assertThat(t.pValue()).isCloseTo(4.50541902405064e-05, within(1e-16));
    }

    @Test
    void npsTrendMatchesTheWeightedLeastSquaresOfTheReport() {
        List<Estimate> waves = new ArrayList<>();
        for (int[] w : NPS_WAVES) {
            waves.add(npsFraction(w));
        }
        Trend.LinearTrend t = Trend.weightedLeastSquares(waves);
        assertThat(t.slope()).isCloseTo(-0.0301679434564027, within(1e-14));
        assertThat(t.slopeStandardError()).isCloseTo(0.00797628699453851, within(1e-14));
        assertThat(t.statistic()).isCloseTo(-3.78220385964787, within(1e-12));
        assertThat(t.pValue()).isCloseTo(0.000155445972860727, within(1e-15));
        assertThat(t.points()).isEqualTo(8);
        assertThat(t.residualDegreesOfFreedom()).isEqualTo(6);
        assertThat(t.isSignificant(0.05)).isTrue();
        // in NPS points (the library's unit) every number but z and p scales by 100
        List<Estimate> points = new ArrayList<>();
        for (Estimate e : waves) {
            points.add(Estimate.normal(100 * e.value(), 100 * e.standardError()));
        }
        Trend.LinearTrend inPoints = Trend.weightedLeastSquares(points);
        assertThat(inPoints.slope()).isCloseTo(-3.01679434564027, within(1e-12));
        assertThat(inPoints.slopeStandardError()).isCloseTo(0.797628699453851, within(1e-12));
        assertThat(inPoints.pValue()).isCloseTo(0.000155445972860727, within(1e-15));
    }

    @Test
    void noSingleWaveToWaveTestIsSignificantButTheTrendIs() {
        // §3.2: wave 7→8 p = 0.957667553490582, yet the trend's p = 0.000155
        Estimate w7 = npsFraction(NPS_WAVES[6]);
        Estimate w8 = npsFraction(NPS_WAVES[7]);
        Difference d = Difference.between(w7, w8);
        assertThat(d.estimate()).isCloseTo(-0.004, within(1e-15));
        assertThat(d.standardError()).isCloseTo(0.075356857683956, within(1e-14));
        assertThat(d.pValue()).isCloseTo(0.957667553490582, within(1e-12));
        for (int i = 1; i < NPS_WAVES.length; i++) {
            assertThat(Difference.between(npsFraction(NPS_WAVES[i - 1]), npsFraction(NPS_WAVES[i])).isSignificant(0.05))
                    .as("wave %d→%d", i, i + 1).isFalse();
        }
        Difference first = Difference.between(npsFraction(NPS_WAVES[0]), w8);
        assertThat(first.statistic()).isCloseTo(-2.46044948316214, within(1e-12));
        assertThat(first.pValue()).isCloseTo(0.0138763105535371, within(1e-14));
    }

    @Test
    void anExactLineHasNoResidualAndTheKnownIntercept() {
        // y = 2 + 0.5 t with SE 1 everywhere: OLS by hand, SE(b) = 1/√Σ(t − t̄)² = 1/√2 for t = 1, 2, 3
        List<Estimate> e = List.of(Estimate.normal(2.5, 1), Estimate.normal(3, 1), Estimate.normal(3.5, 1));
        Trend.LinearTrend t = Trend.weightedLeastSquares(e);
        assertThat(t.slope()).isCloseTo(0.5, within(1e-15));
        assertThat(t.intercept()).isCloseTo(2.0, within(1e-15));
        assertThat(t.slopeStandardError()).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(t.interceptStandardError()).isCloseTo(Math.sqrt(1.0 / 3 + 4.0 / 2), within(1e-15));
        assertThat(t.residualChiSquare()).isCloseTo(0.0, within(1e-28));
        assertThat(t.fitted(10)).isCloseTo(7.0, within(1e-14));
        assertThat(t.confidenceInterval(0.95).lower()).isCloseTo(0.5 - 1.959963984540054 * Math.sqrt(0.5),
                within(1e-12));
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {1, 2}, new long[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes, trials and scores must have the same length, were 2, 1 and 1");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {1}, new long[] {3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a trend test needs at least 2 groups, was 1");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {1, 4}, new long[] {3, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("successes must be in 0..3, was 4 (index 1)");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {0, 0}, new long[] {3, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trials must be >= 1, was 0 (index 1)");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {1, 2}, new long[] {3, 3}, new double[] {2, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("scores must not all be equal, were all 2.0");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {1, 2}, new long[] {3, 3}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("score at index 1 must be finite, was NaN");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {3, 3}, new long[] {3, 3}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Cochran–Armitage test is undefined when every trial is a success (p̄ = 1)");
        assertThatThrownBy(() -> Trend.cochranArmitage(new long[] {0, 0}, new long[] {3, 3}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Cochran–Armitage test is undefined when no trial is a success (p̄ = 0)");
        assertThatThrownBy(() -> Trend.cochranArmitage(null, new long[] {3, 3})).isInstanceOf(NullPointerException.class)
                .hasMessage("successes");
        assertThatThrownBy(() -> Trend.weightedLeastSquares(List.of(Estimate.normal(1, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a trend needs at least 2 estimates, was 1");
        assertThatThrownBy(() -> Trend.weightedLeastSquares(List.of(Estimate.normal(1, 1), Estimate.normal(2, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardError of the estimate at index 1 is 0: its weight 1/SE² is infinite");
        assertThatThrownBy(() -> Trend.weightedLeastSquares(new double[] {4, 4},
                List.of(Estimate.normal(1, 1), Estimate.normal(2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("times must not all be equal, were all 4.0");
        assertThatThrownBy(() -> Trend.weightedLeastSquares(new double[] {1, 2, 3},
                List.of(Estimate.normal(1, 1), Estimate.normal(2, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("times and estimates must have the same length, were 3 and 2");
        List<Estimate> withNull = new ArrayList<>();
        withNull.add(Estimate.normal(1, 1));
        withNull.add(null);
        assertThatThrownBy(() -> Trend.weightedLeastSquares(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessage("estimate at index 1");
    }
}
