package io.github.cxmetrics.internal.math;

import static io.github.cxmetrics.internal.math.Accuracy.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * {@link StudentT} against Apache Commons Statistics 1.1 ({@code TDistribution}, which evaluates the
 * regularized incomplete beta function of Commons Numbers; it switches to the normal distribution
 * above 2.99e6 degrees of freedom, so it is the oracle only below that) and against mpmath 1.3.0
 * ({@code betainc(df/2, 0.5, 0, df/(df + t*t), regularized=True)/2}, mp.dps = 50) for deep tails
 * and large degrees of freedom.
 */
class StudentTTest {

    private static final double[] DEGREES = {0.1, 0.5, 1.0, 1.7, 2.5, 7.0, 30.0, 123.4, 1e3, 1e5, 1e6};

    @Test
    void cdfMatchesTheOracleOnTheSmallerTail() {
        for (double df : DEGREES) {
            TDistribution oracle = TDistribution.of(df);
            for (double t : Accuracy.logGrid(1e-3, 1e6, 120)) {
                double tail = oracle.cumulativeProbability(-t);
                if (tail > 1e-300) {
                    String what = "df=" + df + ", t=" + t;
                    assertRelative(StudentT.cdf(-t, df), tail, 1e-10, "cdf " + what);
                    assertRelative(StudentT.survival(t, df), tail, 1e-10, "survival " + what);
                    assertThat(StudentT.cdf(t, df) + StudentT.cdf(-t, df)).as(what).isCloseTo(1.0, within(1e-15));
                }
            }
        }
    }

    @Test
    void quantileMatchesTheOracle() {
        for (double df : DEGREES) {
            TDistribution oracle = TDistribution.of(df);
            for (double p : Accuracy.logGrid(1e-100, 0.499, 60)) {
                double expected = oracle.inverseCumulativeProbability(p);
                // Commons clamps quantiles beyond ±1.34e154 (sqrt of the largest double); the true
                // quantiles there are larger still (about −1e997 for p = 1e-100, df = 0.1)
                if (Math.abs(expected) < 1e150) {
                    String what = "quantile(" + p + ", " + df + ")";
                    assertRelative(StudentT.quantile(p, df), expected, 1e-10, what);
                    double q = 1.0 - p;
                    if (q < 1.0) {
                        // 1 − q is exact; the oracle's inverse survival function takes it directly
                        assertRelative(StudentT.quantile(q, df), oracle.inverseSurvivalProbability(1.0 - q), 1e-10,
                                "upper " + what);
                    }
                }
            }
        }
    }

    @Test
    void matchesHighPrecisionValues() {
        // {t, df, P(T <= t)}: mpmath
        double[][] table = {
            {-1e5, 0.5, 0.0010141455301389996485},
            {-5, 1e8, 2.8665205506336430084e-7},
            {-40, 3.5, 4.3832205546865099315e-6},
            {-2, 2.5, 0.078695747878982993312},
            {-1e150, 0.3, 3.4950072338385725281e-46},
            {-1e200, 1.0, 3.1830988618379068117e-201},
        };
        for (double[] r : table) {
            assertRelative(StudentT.cdf(r[0], r[1]), r[2], 1e-12, "cdf(" + r[0] + ", " + r[1] + ")");
            assertRelative(StudentT.quantile(r[2], r[1]), r[0], 1e-10, "quantile(" + r[2] + ", " + r[1] + ")");
        }
        // R: qt(0.975, 4) = 2.776445105197793 (scipy.stats.t.ppf(0.975, 4))
        assertRelative(StudentT.quantile(0.975, 4), 2.776445105197793, 1e-14, "qt(0.975, 4)");
    }

    @Test
    void infiniteAndHugeDegreesOfFreedomAreNormal() {
        for (double t : new double[] {-8, -2.5, -1, 0.3, 4}) {
            assertThat(StudentT.cdf(t, Double.POSITIVE_INFINITY)).isEqualTo(Normal.cdf(t));
            assertRelative(StudentT.cdf(t, 1e30), Normal.cdf(t), 1e-15, "cdf(" + t + ", 1e30)");
            assertRelative(StudentT.cdf(t, 1e20), Normal.cdf(t), 1e-12, "cdf(" + t + ", 1e20)");
        }
        assertRelative(StudentT.quantile(0.01, 1e300), Normal.quantile(0.01), 1e-15, "quantile(0.01, 1e300)");
    }

    @Test
    void extremeButLegalArguments() {
        assertThat(StudentT.cdf(-3, 1e-3)).isBetween(0.0, 0.5);
        assertThat(StudentT.cdf(-Double.MAX_VALUE, 0.1)).isBetween(0.0, 1e-10);
        assertThat(StudentT.cdf(Double.NEGATIVE_INFINITY, 3)).isEqualTo(0.0);
        assertThat(StudentT.cdf(Double.POSITIVE_INFINITY, 3)).isEqualTo(1.0);
        assertThat(StudentT.cdf(0.0, 3)).isEqualTo(0.5);
        assertThat(StudentT.cdf(Double.NaN, 3)).isNaN();
        assertThat(StudentT.quantile(0.5, 3)).isEqualTo(0.0);
        assertThat(StudentT.quantile(0.0, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StudentT.quantile(1.0, 3)).isEqualTo(Double.POSITIVE_INFINITY);
        // beyond the largest double: the true quantile is about -1e1699
        assertThat(StudentT.quantile(0.01, 1e-3)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(StudentT.quantile(1e-100, 0.1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void illegalArguments() {
        assertThatThrownBy(() -> StudentT.cdf(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom must be > 0, was 0.0");
        assertThatThrownBy(() -> StudentT.quantile(0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom must be > 0, was NaN");
        assertThatThrownBy(() -> StudentT.quantile(-0.1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p must be in [0, 1], was -0.1");
    }
}
