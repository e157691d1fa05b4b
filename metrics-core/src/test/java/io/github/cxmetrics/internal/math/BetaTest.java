package io.github.cxmetrics.internal.math;

import static io.github.cxmetrics.internal.math.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link Beta} against Apache Commons Numbers 1.2 ({@code RegularizedBeta}, {@code LogBeta}: ports
 * of Boost's ibeta and of DiDonato and Morris's betaln) and Commons Statistics 1.1
 * ({@code BetaDistribution} quantiles) over grids of parameters from 0.01 to 1e5, and against
 * values computed with mpmath 1.3.0 ({@code betainc(a, b, 0, x, regularized=True)} and
 * {@code betainc(a, b, x, 1, regularized=True)}, mp.dps = 60) or, where mpmath's hypergeometric
 * series does not converge, SciPy 1.17.1 ({@code special.betainc}, {@code special.betaincc}).
 *
 * <p>The function is compared on its smaller side: where {@code I_x} is above 1/2, the complement
 * is compared, so tiny tail probabilities are held to relative accuracy too.
 */
class BetaTest {

    private static final double[] PARAMETERS = {0.01, 0.1, 0.5, 1.0, 2.5, 10.0, 37.5, 300.0, 1e3, 1e4, 1e5};

    @Test
    void incompleteBetaMatchesTheOracleOnItsSmallerSide() {
        for (double a : PARAMETERS) {
            for (double b : PARAMETERS) {
                for (double x : points(a, b)) {
                    double lower = RegularizedBeta.value(x, a, b);
                    double upper = RegularizedBeta.complement(x, a, b);
                    String what = "I_" + x + "(" + a + ", " + b + ")";
                    if (lower <= upper) {
                        if (lower > 1e-300) {
                            assertRelative(Beta.regularizedIncomplete(x, a, b), lower, 1e-10, what);
                        }
                    } else if (upper > 1e-300) {
                        assertRelative(Beta.complementRegularizedIncomplete(x, a, b), upper, 1e-10, "1 - " + what);
                    }
                }
            }
        }
    }

    @Test
    void logBetaMatchesTheOracle() {
        for (double a : Accuracy.logGrid(1e-3, 1e6, 40)) {
            for (double b : Accuracy.logGrid(1e-3, 1e6, 40)) {
                assertRelative(Beta.logBeta(a, b), LogBeta.value(a, b), 1e-12, "logBeta(" + a + ", " + b + ")");
            }
        }
    }

    @Test
    void matchesHighPrecisionValues() {
        // {x, a, b, I_x(a, b), 1 - I_x(a, b)}: mpmath, mp.dps = 60
        double[][] mpmath = {
            {0.999, 200, 2, 0.98237859537436281741, 0.017621404625637182587},
            {0.3, 2.5, 30, 0.9994564539217753001, 0.00054354607822469990096},
            {1e-300, 0.7, 3.0, 2.2950000000000703051e-210, 1.0},
            {0.2, 0.5, 0.5, 0.29516723530086655719, 0.70483276469913344281},
            {0.9, 0.1, 7.5, 0.99999999941439270948, 5.8560729052497069168e-10},
            {0.05, 40, 60, 3.9347433734497637149e-26, 1.0},
        };
        // SciPy 1.17.1 (Boost): special.betainc(a, b, x), special.betaincc(a, b, x)
        double[][] scipy = {
            {0.49, 1e4, 1e4, 0.002337059330110092, 0.9976629406698898},
            {0.45, 1e4, 1e4, 6.312654777749767e-46, 1.0},
            {1e-5, 0.5, 5e5, 0.9984346359934405, 0.0015653640065595035},
        };
        for (double[][] table : new double[][][] {mpmath, scipy}) {
            for (double[] r : table) {
                String what = "I_" + r[0] + "(" + r[1] + ", " + r[2] + ")";
                assertRelative(Beta.regularizedIncomplete(r[0], r[1], r[2]), r[3], 1e-12, what);
                if (r[4] < 1.0) {
                    assertRelative(Beta.complementRegularizedIncomplete(r[0], r[1], r[2]), r[4], 1e-11, "1 - " + what);
                }
            }
        }
    }

    @Test
    void inverseMatchesTheOracleAndRoundTrips() {
        double[] probabilities = {1e-100, 1e-20, 1e-6, 0.025, 0.3, 0.5, 0.7, 0.975, 1.0 - 1e-6};
        for (double a : PARAMETERS) {
            for (double b : PARAMETERS) {
                BetaDistribution oracle = BetaDistribution.of(a, b);
                for (double p : probabilities) {
                    double x = Beta.inverseRegularizedIncomplete(p, a, b);
                    String what = "inverse(" + p + ", " + a + ", " + b + ")";
                    assertThat(x).as(what).isBetween(0.0, 1.0);
                    double expected = oracle.inverseCumulativeProbability(p);
                    if (expected > 1e-290 && expected < 1.0 - 1e-12) {
                        assertRelative(x, expected, 1e-9, what);
                    }
                    // Round trip where x has relative resolution (near 1, x itself cannot resolve p)
                    if (x > 1e-290 && x <= 0.5) {
                        assertRelative(Beta.regularizedIncomplete(x, a, b), p, 1e-8, "I(" + what + ")");
                    }
                }
            }
        }
    }

    @Test
    void complementInverseIsAccurateForSmallUpperTails() {
        // Upper Clopper–Pearson-style bounds: the x with 1 − I_x(a, b) = q for tiny q.
        for (double q : new double[] {1e-50, 1e-10, 1e-5, 0.025}) {
            for (double[] ab : new double[][] {{3, 50}, {0.5, 0.5}, {200, 2}, {1e4, 3e4}}) {
                double x = Beta.inverseComplementRegularizedIncomplete(q, ab[0], ab[1]);
                if (1.0 - x < 1e-6) {
                    continue; // x = 1 − y: next to 1 a double resolves y only to 2^-53 / y
                }
                assertRelative(Beta.complementRegularizedIncomplete(x, ab[0], ab[1]), q, 1e-9,
                        "1 - I at inverseComplement(" + q + ", " + ab[0] + ", " + ab[1] + ")");
            }
        }
    }

    @Test
    void extremeButLegalArgumentsReturnValuesInTheUnitInterval() {
        double[][] cases = {{0.3, 1e-300, 1e-300}, {1e-320, 1e-300, 2}, {0.5, 1e300, 1e300},
            {0.5000001, 1e12, 1e12}, {1e-300, 1e-3, 1e6}, {1.0 - 1e-16, 1e8, 0.5}};
        for (double[] c : cases) {
            double v = Beta.regularizedIncomplete(c[0], c[1], c[2]);
            double w = Beta.complementRegularizedIncomplete(c[0], c[1], c[2]);
            assertThat(v).as("I_%s(%s, %s)", c[0], c[1], c[2]).isBetween(0.0, 1.0);
            assertThat(w).as("1 - I_%s(%s, %s)", c[0], c[1], c[2]).isBetween(0.0, 1.0);
            assertThat(Beta.inverseRegularizedIncomplete(0.3, c[1], c[2])).isBetween(0.0, 1.0);
        }
        // I_x(a, a) = 1/2 at x = 1/2 by symmetry, however small a is
        assertRelative(Beta.regularizedIncomplete(0.5, 1e-3, 1e-3), 0.5, 1e-12, "I_0.5(1e-3, 1e-3)");
        assertThat(Beta.regularizedIncomplete(0.0, 2, 3)).isEqualTo(0.0);
        assertThat(Beta.regularizedIncomplete(1.0, 2, 3)).isEqualTo(1.0);
        assertThat(Beta.inverseRegularizedIncomplete(0.0, 2, 3)).isEqualTo(0.0);
        assertThat(Beta.inverseRegularizedIncomplete(1.0, 2, 3)).isEqualTo(1.0);
    }

    @Test
    void illegalArguments() {
        assertThatThrownBy(() -> Beta.regularizedIncomplete(1.5, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Beta.regularizedIncomplete(0.5, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> Beta.logBeta(2, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("b must be finite and > 0, was Infinity");
        assertThatThrownBy(() -> Beta.inverseRegularizedIncomplete(Double.NaN, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p must be in [0, 1], was NaN");
    }

    /** Points around the bulk of Beta(a, b) and in both tails. */
    private static double[] points(double a, double b) {
        double mean = a / (a + b);
        double sd = Math.sqrt(a * b / ((a + b) * (a + b) * (a + b + 1.0)));
        double[] offsets = {-30, -10, -4, -1, -0.1, 0, 0.1, 1, 4, 10, 30};
        double[] out = new double[offsets.length + 6];
        for (int i = 0; i < offsets.length; i++) {
            out[i] = Math.min(1.0 - 1e-15, Math.max(1e-300, mean + offsets[i] * sd));
        }
        double[] fixed = {1e-200, 1e-10, 0.01, 0.5, 0.99, 1.0 - 1e-10};
        System.arraycopy(fixed, 0, out, offsets.length, fixed.length);
        return out;
    }
}
