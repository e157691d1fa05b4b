package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The analytic gradient and Hessian of the sBG log-likelihood ({@code ShiftedBetaGeometric.derivatives})
 * in the log-parameters against mpmath: reference values printed by
 * {@code src/test/resources/io/github/cxmetrics/clv/derivatives_mpmath.py} (eq. 7 of Fader &amp;
 * Hardie 2007 written with {@code mp.beta} at 40 digits, differentiated numerically by
 * {@code mp.diff} in {@code y = ln θ}).
 */
class ShiftedBetaGeometricDerivativesTest {

    private static final long[] REGULAR = {1000, 631, 468, 382, 326, 289, 262, 241};
    private static final long[] HIGH_END = {1000, 869, 743, 653, 593, 551, 517, 491};

    private static void check(long[][] cohorts, double a, double b, double value, double[] gradient,
            double[][] hessian) {
        double[] g = new double[2];
        double[][] h = new double[2][2];
        double v = ShiftedBetaGeometric.derivatives(new double[] {Math.log(a), Math.log(b)}, cohorts, g, h);
        assertThat(v).isCloseTo(value, within(1e-13 * Math.abs(value)));
        double gs = Math.max(1.0, Math.max(Math.abs(gradient[0]), Math.abs(gradient[1])));
        double hs = Math.max(Math.abs(hessian[0][0]), Math.max(Math.abs(hessian[0][1]), Math.abs(hessian[1][1])));
        for (int i = 0; i < 2; i++) {
            assertThat(g[i]).as("gradient[%d]", i).isCloseTo(gradient[i], within(1e-13 * gs));
            for (int j = 0; j < 2; j++) {
                assertThat(h[i][j]).as("hessian[%d][%d]", i, j).isCloseTo(hessian[i][j], within(1e-13 * hs));
            }
        }
    }

    @Test
    void theRegularCohortNearItsEstimate() {
        check(new long[][] {REGULAR}, 0.704, 1.182, -1680.2651905533524997,
                new double[] {0.047447158077498521, -0.028276033587850817},
                new double[][] {{-549.00675766669979, 352.49421860385404}, {352.49421860385404, -286.42555426172359}});
    }

    @Test
    void threeCohortsFarFromTheEstimate() {
        // regular + high end + a one-period cohort {50, 20}
        check(new long[][] {REGULAR, HIGH_END, {50, 20}}, 0.3, 2.5, -3834.5091515248627525,
                new double[] {731.30547933037393, -546.68935879562949},
                new double[][] {{-522.37617251579196, 369.31956794861763}, {369.31956794861763, -390.3416228096875}});
    }

    @Test
    void theFitConvergesWithoutTheFallback() {
        int[] trace = new int[3];
        ShiftedBetaGeometric m = ShiftedBetaGeometric.fit(new long[][] {REGULAR}, trace);
        assertThat(trace[2]).as("Nelder-Mead fallback used").isZero();
        assertThat(trace[0]).as("evaluations").isBetween(3, 40);
        assertThat(m).isEqualTo(ShiftedBetaGeometric.fit(REGULAR));
    }
}
