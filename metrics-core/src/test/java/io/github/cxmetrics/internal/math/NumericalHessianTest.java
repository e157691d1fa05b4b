package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link NumericalHessian} on a function with a known Hessian: {@code f(x, y, z) = e^x sin y + x² y³ + ln(1 + z²) x},
 * differentiated by hand,
 * <pre>{@code
 * f_xx = e^x sin y + 2 y³          f_xy = e^x cos y + 6 x y²      f_xz = 2z/(1 + z²)
 * f_yy = −e^x sin y + 6 x² y       f_yz = 0                       f_zz = 2x (1 − z²)/(1 + z²)²
 * }</pre>
 */
class NumericalHessianTest {

    @Test
    void richardsonExtrapolationRecoversTheAnalyticHessian() {
        double x = 0.3;
        double y = -1.2;
        double z = 0.7;
        double[][] h = NumericalHessian.of(p -> Math.exp(p[0]) * Math.sin(p[1]) + p[0] * p[0] * Math.pow(p[1], 3)
                + Math.log(1 + p[2] * p[2]) * p[0], new double[] {x, y, z}, new double[] {0.1, 0.1, 0.1});
        double[][] exact = {
            {Math.exp(x) * Math.sin(y) + 2 * Math.pow(y, 3), Math.exp(x) * Math.cos(y) + 6 * x * y * y, 2 * z / (1 + z * z)},
            {0, -Math.exp(x) * Math.sin(y) + 6 * x * x * y, 0},
            {0, 0, 2 * x * (1 - z * z) / Math.pow(1 + z * z, 2)}};
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                assertThat(h[i][j]).as("H[%d][%d]", i, j).isCloseTo(exact[i][j], within(1e-9));
                assertThat(h[j][i]).isEqualTo(h[i][j]);
            }
        }
    }

    @Test
    void theCovarianceIsTheInverseOfTheNegativeHessian() {
        // −H = [[4, 2], [2, 3]] has inverse [[3, −2], [−2, 4]]/8
        double[][] cov = NumericalHessian.inverseOfNegative(new double[][] {{-4, -2}, {-2, -3}});
        assertThat(cov[0]).containsExactly(new double[] {0.375, -0.25}, within(1e-15));
        assertThat(cov[1]).containsExactly(new double[] {-0.25, 0.5}, within(1e-15));
        // singular, a saddle, and NaN: no covariance
        assertThat(NumericalHessian.inverseOfNegative(new double[][] {{-1, -1}, {-1, -1}})).isNull();
        assertThat(NumericalHessian.inverseOfNegative(new double[][] {{-1, 0}, {0, 1}})).isNull();
        assertThat(NumericalHessian.inverseOfNegative(new double[][] {{Double.NaN, 0}, {0, -1}})).isNull();
        // a flat direction gives no standard errors rather than NaN
        assertThat(NumericalHessian.logScaleStandardErrors(p -> -p[0] * p[0], new double[] {0.0, 1.0})).isNull();
        // ln L = −(y − 1)²·50 in y = ln θ: var(y) = 1/100, se(θ) = e · 0.1
        assertThat(NumericalHessian.logScaleStandardErrors(p -> -50 * (p[0] - 1) * (p[0] - 1), new double[] {1.0}))
                .containsExactly(new double[] {Math.E * 0.1}, within(1e-12));
    }
}
