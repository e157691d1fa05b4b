package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;

/** Relative-error assertions for the special-function tests. */
final class Accuracy {

    private Accuracy() {
    }

    /** Asserts {@code |actual − expected| <= tolerance·|expected|}, naming the case on failure. */
    static void assertRelative(double actual, double expected, double tolerance, String what) {
        double error = expected == 0.0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertThat(error)
                .as("%s: expected %s, was %s (relative error %.3g)", what, expected, actual, error)
                .isLessThanOrEqualTo(tolerance);
    }

    /** {@code n} points spaced evenly in log10 from {@code from} to {@code to}. */
    static double[] logGrid(double from, double to, int n) {
        double[] out = new double[n];
        double a = Math.log10(from);
        double b = Math.log10(to);
        for (int i = 0; i < n; i++) {
            out[i] = Math.pow(10.0, a + (b - a) * i / (n - 1));
        }
        out[0] = from;
        out[n - 1] = to;
        return out;
    }
}
