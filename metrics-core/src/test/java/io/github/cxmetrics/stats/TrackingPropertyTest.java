package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link Trend} and {@link ControlChart} (QuickTheories; each case is built from a seed
 * drawn by a fixed-seed theory, so every failure is reproducible).
 */
class TrackingPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x7472_6163_6bL).withExamples(300);
    }

    private static long[][] counts(SplittableRandom r, int k) {
        long[] n = new long[k];
        long[] x = new long[k];
        for (int i = 0; i < k; i++) {
            n[i] = 1 + r.nextInt(500);
            x[i] = r.nextInt((int) n[i] + 1);
        }
        if (java.util.Arrays.stream(x).sum() == 0) {
            x[0] = 1;
        }
        if (java.util.Arrays.stream(x).sum() == java.util.Arrays.stream(n).sum()) {
            x[0] = n[0] - 1;
        }
        return new long[][] {x, n};
    }

    @Test
    void cochranArmitageIsInvariantUnderAffineScoresAndFlipsSignWithThem() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int k = 2 + r.nextInt(10);
            long[][] c = counts(r, k);
            double[] s = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = i == 0 ? 0 : s[i - 1] + r.nextInt(3) + (i == 1 ? 1 : 0);
            }
            double a = r.nextDouble(-100, 100);
            double b = r.nextDouble(0.01, 50) * (r.nextBoolean() ? 1 : -1);
            double[] t = new double[k];
            for (int i = 0; i < k; i++) {
                t[i] = a + b * s[i];
            }
            Trend.CochranArmitage base = Trend.cochranArmitage(c[0], c[1], s);
            Trend.CochranArmitage moved = Trend.cochranArmitage(c[0], c[1], t);
            assertThat(moved.chiSquare()).isCloseTo(base.chiSquare(), within(1e-9 * (1 + base.chiSquare())));
            assertThat(moved.statistic()).isCloseTo(Math.signum(b) * base.statistic(),
                    within(1e-9 * (1 + Math.abs(base.statistic()))));
            assertThat(moved.slope() * b).isCloseTo(base.slope(), within(1e-9 * (1 + Math.abs(base.slope()))));
            // the groups' order does not matter while each keeps its score
            long[] xr = new long[k];
            long[] nr = new long[k];
            double[] sr = new double[k];
            for (int i = 0; i < k; i++) {
                xr[i] = c[0][k - 1 - i];
                nr[i] = c[1][k - 1 - i];
                sr[i] = s[k - 1 - i];
            }
            assertThat(Trend.cochranArmitage(xr, nr, sr).chiSquare()).isCloseTo(base.chiSquare(),
                    within(1e-9 * (1 + base.chiSquare())));
        });
    }

    @Test
    void reversingTimeFlipsTheSlopeAndKeepsItsStandardError() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int k = 2 + r.nextInt(12);
            List<Estimate> e = new ArrayList<>();
            List<Estimate> reversed = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                e.add(Estimate.normal(r.nextDouble(-100, 100), r.nextDouble(0.5, 10)));
            }
            for (int i = k - 1; i >= 0; i--) {
                reversed.add(e.get(i));
            }
            Trend.LinearTrend forward = Trend.weightedLeastSquares(e);
            Trend.LinearTrend backward = Trend.weightedLeastSquares(reversed);
            assertThat(backward.slope()).isCloseTo(-forward.slope(), within(1e-9 * (1 + Math.abs(forward.slope()))));
            assertThat(backward.slopeStandardError()).isCloseTo(forward.slopeStandardError(),
                    within(1e-12 * forward.slopeStandardError()));
            assertThat(backward.residualChiSquare()).isCloseTo(forward.residualChiSquare(),
                    within(1e-8 * (1 + forward.residualChiSquare())));
            assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-9));
            // equal standard errors: the slope is the ordinary least-squares slope
            List<Estimate> equal = new ArrayList<>();
            double sumT = 0;
            double sumY = 0;
            for (int i = 0; i < k; i++) {
                equal.add(Estimate.normal(e.get(i).value(), 2.0));
                sumT += i + 1;
                sumY += e.get(i).value();
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < k; i++) {
                double dt = i + 1 - sumT / k;
                sxy += dt * (e.get(i).value() - sumY / k);
                sxx += dt * dt;
            }
            Trend.LinearTrend ols = Trend.weightedLeastSquares(equal);
            assertThat(ols.slope()).isCloseTo(sxy / sxx, within(1e-9 * (1 + Math.abs(sxy / sxx))));
            assertThat(ols.slopeStandardError()).isCloseTo(2.0 / Math.sqrt(sxx), within(1e-12));
        });
    }

    @Test
    void ewmaWithLambdaOneIsTheRawSeriesWithShewhartLimits() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int k = 1 + r.nextInt(20);
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = r.nextDouble(-100, 100);
            }
            double mu = r.nextDouble(-50, 50);
            double sigma = r.nextDouble(0.1, 20);
            ControlChart c = ControlChart.ewma(x, mu, sigma, 1.0, 3.0);
            for (int i = 0; i < k; i++) {
                ControlChart.Point p = c.points().get(i);
                assertThat(p.plotted()).isEqualTo(x[i]);
                assertThat(p.lower()).isCloseTo(mu - 3 * sigma, within(1e-12 * (1 + Math.abs(mu) + sigma)));
                assertThat(p.upper()).isCloseTo(mu + 3 * sigma, within(1e-12 * (1 + Math.abs(mu) + sigma)));
                assertThat(p.signal()).isEqualTo(x[i] < p.lower() || x[i] > p.upper());
            }
        });
    }

    @Test
    void ewmaLimitsWidenTowardTheAsymptote() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            double lambda = r.nextDouble(0.01, 1.0);
            double[] x = new double[30];
            ControlChart c = ControlChart.ewma(x, 0, 1, lambda, 3);
            double asymptote = 3 * Math.sqrt(lambda / (2 - lambda));
            for (int t = 1; t < 30; t++) {
                assertThat(c.points().get(t).upper()).isGreaterThanOrEqualTo(c.points().get(t - 1).upper());
                assertThat(c.points().get(t).upper()).isLessThanOrEqualTo(asymptote * (1 + 1e-15));
            }
        });
    }

    @Test
    void laneyLimitsAreThePChartLimitsScaledBySigmaZ() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int k = 2 + r.nextInt(10);
            long[][] c = counts(r, k);
            ControlChart p = ControlChart.pChart(c[0], c[1], 1.0);
            ControlChart l = ControlChart.laneyPChart(c[0], c[1], ControlChart.LaneySigma.MOVING_RANGE, 1.0);
            double sz = l.sigmaZ().getAsDouble();
            for (int i = 0; i < k; i++) {
                double half = p.points().get(i).upper() - p.centre();
                double halfL = l.points().get(i).upper() - l.centre();
                if (p.points().get(i).upper() < 1 && l.points().get(i).upper() < 1) { // not clipped
                    assertThat(halfL).isCloseTo(sz * half, within(1e-12));
                }
                assertThat(p.points().get(i).lower()).isBetween(0.0, p.centre());
                assertThat(l.points().get(i).upper()).isBetween(l.centre(), 1.0);
            }
        });
    }
}
