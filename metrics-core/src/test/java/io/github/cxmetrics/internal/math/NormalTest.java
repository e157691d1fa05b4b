package io.github.cxmetrics.internal.math;

import static io.github.cxmetrics.internal.math.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link Normal} against two independent references: Apache Commons Statistics 1.1
 * ({@code NormalDistribution}, built on a port of Boost's erfc and its inverse) over dense grids,
 * and values computed with mpmath 1.3.0 at 50–60 significant digits for the far tails (the mpmath
 * expression is beside each value).
 */
class NormalTest {

    private static final NormalDistribution ORACLE = NormalDistribution.of(0.0, 1.0);

    @Test
    void cdfMatchesTheOracleFromTheFarLowerTailToTheUpperTail() {
        for (double z = -37.5; z <= 8.0; z += 0.05) {
            assertRelative(Normal.cdf(z), ORACLE.cumulativeProbability(z), 1e-12, "cdf(" + z + ")");
            assertRelative(Normal.survival(-z), ORACLE.cumulativeProbability(z), 1e-12, "survival(" + -z + ")");
            assertRelative(Normal.density(z), ORACLE.density(z), 1e-13, "density(" + z + ")");
        }
    }

    @Test
    void cdfMatchesHighPrecisionValues() {
        // mpmath: mp.dps = 50; ncdf(z)
        double[][] table = {
            {-37.5, 4.6053530095819548438e-308},
            {-37.0, 5.7255712225245768227e-300},
            {-30.0, 4.9067139271481870595e-198},
            {-20.0, 2.7536241186062336951e-89},
            {-10.0, 7.619853024160526066e-24},
            {-5.0, 2.8665157187919391167e-7},
            {-2.5, 0.006209665325776135167},
            {-1.0, 0.15865525393145705141},
            {1e-10, 0.50000000003989422804},
        };
        for (double[] row : table) {
            assertRelative(Normal.cdf(row[0]), row[1], 1e-13, "cdf(" + row[0] + ")");
            assertRelative(Normal.survival(-row[0]), row[1], 1e-13, "survival(" + -row[0] + ")");
        }
        // mpmath: 1 - ncdf(8)
        assertRelative(Normal.survival(8.0), 6.2209605742717841235e-16, 1e-13, "survival(8)");
    }

    @Test
    void quantileMatchesTheOracleOverTheWholeRange() {
        for (double p : Accuracy.logGrid(1e-300, 0.5, 400)) {
            assertRelative(Normal.quantile(p), ORACLE.inverseCumulativeProbability(p), 1e-12, "quantile(" + p + ")");
            double q = 1.0 - p;
            if (q < 1.0) {
                assertRelative(Normal.quantile(q), ORACLE.inverseCumulativeProbability(q), 1e-12,
                        "quantile(" + q + ")");
            }
        }
    }

    @Test
    void quantileMatchesHighPrecisionValues() {
        // mpmath: findroot(lambda z: log(ncdf(z)) - log(p), -30), mp.dps = 60
        assertRelative(Normal.quantile(1e-300), -37.047096299361199237, 1e-13, "quantile(1e-300)");
        assertRelative(Normal.quantile(1e-100), -21.273453560965324295, 1e-13, "quantile(1e-100)");
        // mpmath: sqrt(2)*erfinv(2*p - 1)
        assertRelative(Normal.quantile(1e-20), -9.2623400897984075737, 1e-13, "quantile(1e-20)");
        assertRelative(Normal.quantile(0.025), -1.9599639845400542355, 1e-14, "quantile(0.025)");
        assertRelative(Normal.quantile(1.0 - 0x1p-53), 8.2095361516013868556, 1e-13, "quantile(1 - 2^-53)");
        // Near the median the relative accuracy is kept: p = 0.5 + 2^-40 is exact in binary.
        assertRelative(Normal.quantile(0.5 + 0x1p-40), 2.2797651350911114627e-12, 1e-12, "quantile(0.5 + 2^-40)");
        assertRelative(Normal.twoSidedCritical(0.95), 1.9599639845400542355, 1e-14, "twoSidedCritical(0.95)");
    }

    @Test
    void quantileInvertsTheCdfAndIsMonotone() {
        double previous = Double.NEGATIVE_INFINITY;
        // z up to 0.5: above, p = cdf(z) is close to 1 and cannot resolve its upper tail; the upper
        // half is covered by symmetry in edgesAndSymmetry
        for (double z = -37.0; z <= 0.5; z += 0.01) {
            double p = Normal.cdf(z);
            double back = Normal.quantile(p);
            // p = cdf(z) carries an absolute rounding error of up to 2^-53, which near z = 0 is a
            // large relative error in p − 1/2; hence the absolute part of the tolerance
            assertThat(Math.abs(back - z)).as("quantile(cdf(%s)) = %s", z, back)
                    .isLessThanOrEqualTo(1e-11 * Math.abs(z) + 1e-15);
            assertThat(back).isGreaterThan(previous);
            previous = back;
        }
    }

    @Test
    void edgesAndSymmetry() {
        assertThat(Normal.cdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Normal.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Normal.cdf(-40.0)).isEqualTo(0.0);
        assertThat(Normal.cdf(Double.NaN)).isNaN();
        assertThat(Normal.survival(Double.NaN)).isNaN();
        assertThat(Normal.density(Double.NaN)).isNaN();
        assertThat(Normal.quantile(0.0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Normal.quantile(1.0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Normal.quantile(0.5)).isEqualTo(0.0);
        assertThat(Normal.quantile(Double.MIN_VALUE)).isFinite().isLessThan(-38.0);
        for (double z = 0.0; z < 6.0; z += 0.25) {
            assertThat(Normal.cdf(z) + Normal.cdf(-z)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
            assertThat(Normal.quantile(Normal.cdf(-z))).isCloseTo(-z, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void illegalArguments() {
        assertThatThrownBy(() -> Normal.quantile(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> Normal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1], was NaN");
        assertThatThrownBy(() -> Normal.twoSidedCritical(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> Normal.twoSidedCritical(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 0.0");
    }
}
