package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ControlChart} against {@code shared/reports/mission-next.md} §3.2 (script {@code t3b.py},
 * appendix A.3, numpy): the CSAT p-chart and Laney p′ chart of six months, and the EWMA of the NPS
 * weekly tracking table (NPS as a fraction, as in the report; the library's NPS points are 100 times
 * these, see {@code npsInPointsScalesEveryLimitByOneHundred}).
 */
class ControlChartTest {

    private static final double[][] P_LIMITS = {
        {0.8, 0.762994190746239, 0.918280709652168, 0.761698835442775, 0.919576064955632},
        {0.80952380952381, 0.764865387635093, 0.916409512763313, 0.763601250299949, 0.917673650098458},
        {0.789473684210526, 0.760977146815131, 0.920297753583276, 0.759648140315518, 0.921626760082889},
        {0.840909090909091, 0.766607507003712, 0.914667393394694, 0.765372434182079, 0.915902466216328},
        {0.883720930232558, 0.765751641076989, 0.915523259321417, 0.764502289482477, 0.916772610915929},
        {0.909090909090909, 0.766607507003712, 0.914667393394694, 0.765372434182079, 0.915902466216328}};

    private static final double[][] EWMA = {
        {0.32, 0.3016, 0.266765929152693, 0.327234070847307},
        {0.3, 0.30128, 0.258281497632269, 0.335718502367731},
        {0.328, 0.306624, 0.253715621843626, 0.340284378156374},
        {0.24, 0.2932992, 0.251030847613582, 0.342969152386418},
        {0.208, 0.27623936, 0.249391982381951, 0.344608017618049},
        {0.176, 0.256191488, 0.248372086425869, 0.345627913574131},
        {0.144, 0.2337531904, 0.247730431437988, 0.346269568562012},
        {0.14, 0.21500255232, 0.247324121676376, 0.346675878323625}};

    @Test
    void pChartMatchesTheReport() {
        ControlChart c = ControlChart.pChart(TrendTest.CSAT_X, TrendTest.CSAT_N);
        assertThat(c.kind()).isEqualTo(ControlChart.Kind.P);
        assertThat(c.centre()).isCloseTo(0.840637450199203, within(1e-15));
        assertThat(c.width()).isEqualTo(3.0);
        assertThat(c.sigmaZ()).isEmpty();
        List<ControlChart.Point> points = c.points();
        assertThat(points).hasSize(6);
        for (int i = 0; i < 6; i++) {
            ControlChart.Point p = points.get(i);
            assertThat(p.value()).as("p %d", i).isCloseTo(P_LIMITS[i][0], within(1e-14));
            assertThat(p.plotted()).isEqualTo(p.value());
            assertThat(p.lower()).as("LCL %d", i).isCloseTo(P_LIMITS[i][1], within(1e-12));
            assertThat(p.upper()).as("UCL %d", i).isCloseTo(P_LIMITS[i][2], within(1e-12));
        }
        // every month is inside its 3-sigma limits (month 6: 0.909 < UCL 0.9147)
        assertThat(c.isInControl()).isTrue();
        assertThat(c.signals()).isEmpty();
    }

    @Test
    void laneyPrimeMatchesTheReportWithTheMovingRangeSigma() {
        ControlChart c = ControlChart.laneyPChart(TrendTest.CSAT_X, TrendTest.CSAT_N);
        assertThat(c.kind()).isEqualTo(ControlChart.Kind.LANEY_P_PRIME);
        assertThat(c.sigmaZ().getAsDouble()).isCloseTo(1.01668342252232, within(1e-13)); // MR̄ 1.14681890060518 / 1.128
        assertThat(c.sigmaZ().getAsDouble() * 1.128).isCloseTo(1.14681890060518, within(1e-13));
        for (int i = 0; i < 6; i++) {
            ControlChart.Point p = c.points().get(i);
            assertThat(p.lower()).as("LCL' %d", i).isCloseTo(P_LIMITS[i][3], within(1e-12));
            assertThat(p.upper()).as("UCL' %d", i).isCloseTo(P_LIMITS[i][4], within(1e-12));
            assertThat(p.centre()).isCloseTo(0.840637450199203, within(1e-15));
        }
        ControlChart sd = ControlChart.laneyPChart(TrendTest.CSAT_X, TrendTest.CSAT_N,
                ControlChart.LaneySigma.STANDARD_DEVIATION, 3);
        assertThat(sd.sigmaZ().getAsDouble()).isCloseTo(1.91634483597682, within(1e-13)); // np.std(z, ddof=1)
    }

    @Test
    void ewmaOfNpsSignalsAtWeeksSevenAndEight() {
        double[] nps = new double[8];
        for (int t = 0; t < 8; t++) {
            int[] c = TrendTest.NPS_WAVES[t];
            nps[t] = (c[2] - c[0]) / 250.0;
        }
        // baseline: pooled waves 1–4, 213 detractors and 510 promoters of 1000
        double mu0 = (510 - 213) / 1000.0;
        double v0 = (0.510 + 0.213) - mu0 * mu0;
        double sigma = Math.sqrt(v0 / 250);
        assertThat(sigma).isCloseTo(0.0503901180788456, within(1e-15));
        ControlChart c = ControlChart.ewma(nps, mu0, sigma, 0.2, 3.0);
        assertThat(c.kind()).isEqualTo(ControlChart.Kind.EWMA);
        assertThat(c.lambda().getAsDouble()).isEqualTo(0.2);
        assertThat(c.centre()).isEqualTo(0.297);
        for (int t = 0; t < 8; t++) {
            ControlChart.Point p = c.points().get(t);
            assertThat(p.value()).isCloseTo(EWMA[t][0], within(1e-15));
            assertThat(p.plotted()).as("z %d", t).isCloseTo(EWMA[t][1], within(1e-12));
            assertThat(p.lower()).as("LCL %d", t).isCloseTo(EWMA[t][2], within(1e-12));
            assertThat(p.upper()).as("UCL %d", t).isCloseTo(EWMA[t][3], within(1e-12));
        }
        assertThat(c.signals()).containsExactly(6, 7);
        assertThat(c.isInControl()).isFalse();
        // the same chart with per-point sigmas (all equal) by the variance recurrence
        double[] sigmas = new double[8];
        java.util.Arrays.fill(sigmas, sigma);
        ControlChart r = ControlChart.ewma(nps, mu0, sigmas, 0.2, 3.0);
        for (int t = 0; t < 8; t++) {
            assertThat(r.points().get(t).lower()).isCloseTo(EWMA[t][2], within(1e-12));
            assertThat(r.points().get(t).upper()).isCloseTo(EWMA[t][3], within(1e-12));
        }
    }

    @Test
    void npsInPointsScalesEveryLimitByOneHundred() {
        double[] nps = new double[8];
        for (int t = 0; t < 8; t++) {
            int[] c = TrendTest.NPS_WAVES[t];
            nps[t] = 100.0 * (c[2] - c[0]) / 250.0;
        }
        double sigma = 100 * 0.0503901180788456;
        ControlChart c = ControlChart.ewma(nps, 29.7, sigma, 0.2, 3.0);
        for (int t = 0; t < 8; t++) {
            assertThat(c.points().get(t).plotted()).isCloseTo(100 * EWMA[t][1], within(1e-10));
            assertThat(c.points().get(t).lower()).isCloseTo(100 * EWMA[t][2], within(1e-10));
        }
        assertThat(c.signals()).containsExactly(6, 7);
    }

    @Test
    void pChartLimitsAreClippedToTheUnitInterval() {
        ControlChart c = ControlChart.pChart(new long[] {1, 0, 2}, new long[] {5, 4, 6});
        // p̄ = 3/15 = 0.2; n = 4: σ = √(0.16/4) = 0.2, 0.2 − 0.6 < 0 → clipped to 0
        assertThat(c.points().get(1).lower()).isEqualTo(0.0);
        assertThat(c.points().get(1).upper()).isCloseTo(0.8, within(1e-15));
        ControlChart all = ControlChart.pChart(new long[] {4, 6}, new long[] {4, 6});
        assertThat(all.points().get(0).lower()).isEqualTo(1.0);
        assertThat(all.isInControl()).isTrue();
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> ControlChart.pChart(new long[] {1}, new long[] {2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes and trials must have the same length, were 1 and 2");
        assertThatThrownBy(() -> ControlChart.pChart(new long[0], new long[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("this chart needs at least 1 point, was 0");
        assertThatThrownBy(() -> ControlChart.laneyPChart(new long[] {1}, new long[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("this chart needs at least 2 points, was 1");
        assertThatThrownBy(() -> ControlChart.laneyPChart(new long[] {2, 3}, new long[] {2, 3}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Laney p′ chart is undefined when p̄ = 1: the standardised points (p − p̄)/σ divide by 0");
        assertThatThrownBy(() -> ControlChart.pChart(new long[] {3}, new long[] {2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("successes must be in 0..2, was 3 (index 0)");
        assertThatThrownBy(() -> ControlChart.pChart(new long[] {1}, new long[] {2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("width must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> ControlChart.ewma(new double[] {1}, 0, 1, 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lambda must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> ControlChart.ewma(new double[] {1}, 0, -1, 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sigma must be finite and > 0, was -1.0");
        assertThatThrownBy(() -> ControlChart.ewma(new double[] {1, 2}, 0, new double[] {1, 0}, 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("sigma at index 1 must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> ControlChart.ewma(new double[] {1, Double.NaN}, 0, 1, 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value at index 1 must be finite, was NaN");
        assertThatThrownBy(() -> ControlChart.ewma(new double[0], 0, 1, 0.2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a control chart needs at least 1 point, was 0");
        assertThatThrownBy(() -> new ControlChart.Point(1, 1, 1, 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lower must be <= upper, was 2.0 > 1.5");
    }
}
