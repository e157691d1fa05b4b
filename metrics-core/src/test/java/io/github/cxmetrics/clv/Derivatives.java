package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Comparison of a value, gradient and Hessian with independent reference values. */
final class Derivatives {

    private Derivatives() {
    }

    /**
     * Asserts value, gradient and Hessian within {@code relative} of the largest magnitude among the
     * reference's entries of the same kind (value; gradient components; Hessian entries), the scale at
     * which rounding in a sum of many terms shows.
     */
    static void assertClose(String what, double value, double[] gradient, double[][] hessian, double refValue,
            double[] refGradient, double[][] refHessian, double relative) {
        assertThat(value).as("%s: value", what).isCloseTo(refValue, within(relative * Math.max(1.0, Math.abs(refValue))));
        double gScale = 1.0;
        for (double v : refGradient) {
            gScale = Math.max(gScale, Math.abs(v));
        }
        for (int i = 0; i < refGradient.length; i++) {
            assertThat(gradient[i]).as("%s: gradient[%d]", what, i).isCloseTo(refGradient[i], within(relative * gScale));
        }
        double hScale = 1.0;
        for (double[] row : refHessian) {
            for (double v : row) {
                hScale = Math.max(hScale, Math.abs(v));
            }
        }
        for (int i = 0; i < refHessian.length; i++) {
            for (int j = 0; j < refHessian.length; j++) {
                assertThat(hessian[i][j]).as("%s: hessian[%d][%d]", what, i, j)
                        .isCloseTo(refHessian[i][j], within(relative * hScale));
            }
        }
    }

    static double[] logs(double... theta) {
        double[] y = new double[theta.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.log(theta[i]);
        }
        return y;
    }
}
