package io.github.cxmetrics.internal.math;

import static io.github.cxmetrics.internal.math.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

/**
 * {@link Gamma#logGamma(double)} against Apache Commons Numbers 1.2 ({@code LogGamma}) over a log
 * grid and around the zeros at 1 and 2, and against mpmath 1.3.0 ({@code loggamma(x)},
 * mp.dps = 50).
 */
class GammaTest {

    @Test
    void matchesTheOracleFromTinyToHuge() {
        for (double x : Accuracy.logGrid(1e-300, 1e300, 3000)) {
            assertRelative(Gamma.logGamma(x), LogGamma.value(x), 1e-13, "logGamma(" + x + ")");
        }
        for (double x = 0.01; x < 30.0; x += 0.01) {
            assertRelative(Gamma.logGamma(x), LogGamma.value(x), 1e-13, "logGamma(" + x + ")");
        }
    }

    @Test
    void keepsRelativeAccuracyNextToTheZerosAtOneAndTwo() {
        for (int k = 1; k <= 52; k++) {
            double eps = Math.scalb(1.0, -k);
            for (double x : new double[] {1.0 + eps, 1.0 - eps / 2, 2.0 + 2 * eps, 2.0 - eps}) {
                assertRelative(Gamma.logGamma(x), LogGamma.value(x), 1e-12, "logGamma(" + x + ")");
            }
        }
        assertThat(Gamma.logGamma(1.0)).isEqualTo(0.0);
        assertThat(Gamma.logGamma(2.0)).isEqualTo(0.0);
    }

    @Test
    void matchesHighPrecisionValues() {
        // mpmath: loggamma(x)
        assertRelative(Gamma.logGamma(1e-300), 690.77552789821370521, 1e-15, "logGamma(1e-300)");
        assertRelative(Gamma.logGamma(1.0 + 0x1p-30), -5.3757397843110444569e-10, 1e-14, "logGamma(1 + 2^-30)");
        assertRelative(Gamma.logGamma(2.0 - 0x1p-30), -3.937485951913020681e-10, 1e-14, "logGamma(2 - 2^-30)");
        assertRelative(Gamma.logGamma(0.5), 0.57236494292470008707, 1e-15, "logGamma(0.5)");
        assertRelative(Gamma.logGamma(3.7), 1.4280723266653879219, 1e-15, "logGamma(3.7)");
        assertRelative(Gamma.logGamma(12.25), 18.115669505710892619, 1e-15, "logGamma(12.25)");
        assertRelative(Gamma.logGamma(1e300), 6.8977552789821370521e+302, 1e-15, "logGamma(1e300)");
    }

    @Test
    void edges() {
        assertThat(Gamma.logGamma(0.0)).isNaN();
        assertThat(Gamma.logGamma(-1.5)).isNaN();
        assertThat(Gamma.logGamma(Double.NaN)).isNaN();
        assertThat(Gamma.logGamma(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Gamma.logGamma(Double.MAX_VALUE)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Gamma.logGamma(Double.MIN_VALUE)).isFinite();
    }
}
