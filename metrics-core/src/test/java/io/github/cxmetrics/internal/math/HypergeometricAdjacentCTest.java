package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Hypergeometric#logF21AdjacentC} and {@link KummerU} against mpmath 1.3.0 at 40 digits: the
 * script is {@code src/test/resources/io/github/cxmetrics/clv/pareto_nbd_mpmath.py} (first two
 * blocks). The rows cover the Euler series ({@code w >= 0.1}), the connection formula (the four
 * Pareto/NBD z ≈ 1 arguments of mission-next §6.1 with w passed exactly, w down to 1e-12, a
 * 600-purchase customer) and the fallback where b is within 1e-7 of an integer.
 */
class HypergeometricAdjacentCTest {

    private static void check(double a, double b, double w, double expectedLog) {
        double actual = Hypergeometric.logF21AdjacentC(a, b, 1.0 - w, w);
        // relative error of the function value = absolute error of its logarithm
        assertThat(actual).as("ln 2F1(%s, %s; a+1; 1-%s)", a, b, w).isCloseTo(expectedLog, within(1e-14 * Math.max(1.0,
                Math.abs(expectedLog))));
    }

    @Test
    void connectionFormulaMatchesMpmathNearOne() {
        check(1.16, 1.61, 0.005, 3.8287301688003645);
        check(3.16, 1.61, 1.0 / 100.5, 4.2684021900341629);
        check(1.16, 1.61, 0.000005, 8.0876625701497857);
        check(3.16, 1.61, 1.0 / 100000.5, 8.6643846239699452);
        check(30.5, 1.25, 1e-3, 5.8689422637297754);
        check(2.2, 3.5, 1e-12, 68.949719418311686);
        check(0.7, 0.3, 0.02, 0.24881294925517348);
    }

    @Test
    void eulerSeriesMatchesMpmath() {
        check(12.3, 1.61, 0.5, 1.0072111148396978);
        check(221.6, 221.55, 0.99, 2.216648745513589);
    }

    @Test
    void largeParametersStayInLogSpace() {
        // the value is e^1796: beyond the double range, its logarithm is not
        check(601.16, 600.55, 0.05, 1796.0938318861696);
    }

    @Test
    void nearIntegerBFallsBackToTheEulerIntegral() {
        double actual = Hypergeometric.logF21AdjacentC(5.5, 2.0000001, 0.99, 0.01);
        assertThat(actual).isCloseTo(6.185419123322012, within(1e-12 * 6.19));
    }

    @Test
    void zeroArgumentIsOne() {
        assertThat(Hypergeometric.logF21AdjacentC(3.0, 2.0, 0.0, 1.0)).isEqualTo(0.0);
    }

    @Test
    void badArgumentsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> Hypergeometric.logF21AdjacentC(0.0, 1.0, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> Hypergeometric.logF21AdjacentC(1.0, Double.NaN, 0.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("b must be finite and > 0, was NaN");
        assertThatThrownBy(() -> Hypergeometric.logF21AdjacentC(1.0, 1.0, 1.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("z must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Hypergeometric.logF21AdjacentC(1.0, 1.0, 1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("oneMinusZ must be in (0, 1], was 0.0");
    }

    @Test
    void kummerUMatchesMpmath() {
        double[][] rows = {{0.61, 0.1358, 0.26919941716798199}, {0.61, 3.7, -0.92630996190793825},
            {1.0, 0.5, -0.080222872044787464}, {1.0, 2.0, -1.0179674386282179}, {2.5, 0.2, 1.7906893342507376},
            {3.0, 0.05, 5.2538283189689999}, {0.05, 40.0, -0.18566346845912359},
            {7.25, 0.9, -1.3278884992788537}};
        for (double[] row : rows) {
            assertThat(KummerU.logOfEqualParameters(row[0], row[1])).as("ln U(%s, %s; %s)", row[0], row[0], row[1])
                    .isCloseTo(row[2], within(1e-13 * Math.max(1.0, Math.abs(row[2]))));
        }
    }

    @Test
    void kummerURejectsBadArguments() {
        assertThatThrownBy(() -> KummerU.logOfEqualParameters(-1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a must be finite and > 0, was -1.0");
        assertThatThrownBy(() -> KummerU.logOfEqualParameters(1.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("y must be finite and > 0, was 0.0");
    }
}
