package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Polygamma} against mpmath 1.3 ({@code digamma(x)}, {@code psi(1, x)}, 30 digits, at the decimal
 * arguments shown, which the doubles approximate within 1e-16 relative).
 */
class PolygammaTest {

    @Test
    void digammaAndTrigammaAgreeWithMpmath() {
        // x, ψ(x), ψ₁(x)
        double[][] cases = {
            {1e-8, -100000000.57721564845, 10000000000000001.645},
            {0.2425945, -4.3584619455183624292, 18.198988174693142564},
            {1, -0.57721566490153286061, 1.6449340668482264365},
            {3.5, 1.1031566406452431872, 0.33035775610023486497},
            {9.999, 2.2516474172057352559, 0.10517738667672886828},
            {10, 2.2517525890667211076, 0.10516633568168574612},
            {27.3, 3.2884598855703535254, 0.037309105676155741502},
            {1000, 6.9072551956488120521, 0.0010005001666666333334},
            {1e8, 18.420680738952365464, 1.0000000050000000167e-8},
        };
        for (double[] c : cases) {
            assertThat(Polygamma.digamma(c[0])).as("digamma(%s)", c[0])
                    .isCloseTo(c[1], within(8e-16 * Math.max(1.0, Math.abs(c[1]))));
            assertThat(Polygamma.trigamma(c[0])).as("trigamma(%s)", c[0]).isCloseTo(c[2], within(8e-16 * c[2]));
        }
        // near the root of ψ the absolute error stays at the 1e-16 level
        assertThat(Polygamma.digamma(1.4616321449683623)).isCloseTo(-3.9928730412463132477e-17, within(8e-16));
        assertThat(Polygamma.digamma(0.0)).isNaN();
        assertThat(Polygamma.trigamma(-1.0)).isNaN();
        assertThat(Polygamma.digamma(Double.POSITIVE_INFINITY)).isInfinite();
        assertThat(Polygamma.trigamma(Double.POSITIVE_INFINITY)).isZero();
    }
}
