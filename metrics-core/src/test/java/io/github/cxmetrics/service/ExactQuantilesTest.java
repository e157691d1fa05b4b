package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link ExactQuantiles}. Expected values: the twenty response times of mission-next.md §4.1 (its
 * table from numpy {@code method=} and R {@code quantile(type=)}, the report's {@code t4.py} and
 * {@code t4km.R}), and more probabilities and a second vector from R 4.x, run for this test:
 * <pre>
 *   rt &lt;- c(12,45,7,30,22,95,18,60,33,41,27,15,240,52,38,9,75,29,21,120)
 *   for (ty in c(1,2,6,7,8)) cat(sprintf("%.17g", quantile(rt, c(0,.05,.1,.25,.5,.9,.95,1), type=ty)))
 *   x &lt;- c(3.5, 1, 2, 2, 10, 7.25)
 *   for (ty in c(1,2,6,7,8)) cat(sprintf("%.17g", quantile(x, c(0.01,.2,1/3,.5,2/3,.8,.99), type=ty)))
 * </pre>
 * The R output is in {@link #R_RT} and {@link #R_X}.
 */
class ExactQuantilesTest {

    static final double[] RT = {12, 45, 7, 30, 22, 95, 18, 60, 33, 41, 27, 15, 240, 52, 38, 9, 75, 29, 21, 120};
    static final QuantileType[] TYPES = QuantileType.values();
    static final double[] P_RT = {0, .05, .1, .25, .5, .9, .95, 1};
    static final double[][] R_RT = {
        {7, 7, 9, 18, 30, 95, 120, 240},
        {7, 8, 10.5, 19.5, 31.5, 107.5, 180, 240},
        {7, 7.0999999999999996, 9.3000000000000007, 18.75, 31.5, 117.50000000000006, 233.99999999999991, 240},
        {7, 8.8999999999999986, 11.700000000000001, 20.25, 31.5, 97.500000000000028, 126.00000000000009, 240},
        {7, 7.6999999999999993, 10.100000000000001, 19.25, 31.500000000000004, 110.83333333333341,
            197.99999999999983, 240},
    };
    static final double[] X = {3.5, 1, 2, 2, 10, 7.25};
    static final double[] P_X = {0.01, .2, 1.0 / 3, .5, 2.0 / 3, .8, .99};
    static final double[][] R_X = {
        {1, 2, 2, 2, 3.5, 7.25, 10},
        {1, 2, 2, 2.75, 5.375, 7.25, 10},
        {1, 1.4000000000000001, 2, 2.75, 5.9999999999999973, 8.9000000000000021, 10},
        {1.05, 2, 2, 2.75, 4.7499999999999982, 7.25, 9.8625000000000007},
        {1, 1.6000000000000001, 2, 2.7500000000000009, 5.583333333333333, 8.3500000000000014, 10},
    };

    @Test
    void theReportsTableOfTwentyResponseTimes() {
        ExactQuantiles q = ExactQuantiles.of(RT);
        double[][] report = {{30, 95, 120}, {31.5, 107.5, 180}, {31.5, 117.5, 234}, {31.5, 97.5, 126},
            {31.5, 110.833333333333, 198}};
        double[] p = {0.5, 0.9, 0.95};
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < p.length; i++) {
                assertThat(q.quantile(p[i], TYPES[t])).as("%s p=%s", TYPES[t], p[i]).isCloseTo(report[t][i], within(1e-9));
            }
        }
    }

    @Test
    void agreesWithRsQuantileTypes() {
        ExactQuantiles rt = ExactQuantiles.of(RT);
        ExactQuantiles x = ExactQuantiles.of(X);
        for (int t = 0; t < TYPES.length; t++) {
            for (int i = 0; i < P_RT.length; i++) {
                assertThat(rt.quantile(P_RT[i], TYPES[t])).as("%s p=%s", TYPES[t], P_RT[i])
                        .isCloseTo(R_RT[t][i], within(1e-12));
            }
            for (int i = 0; i < P_X.length; i++) {
                assertThat(x.quantile(P_X[i], TYPES[t])).as("%s p=%s", TYPES[t], P_X[i])
                        .isCloseTo(R_X[t][i], within(1e-12));
            }
        }
    }

    @Test
    void keepsASortedCopy() {
        double[] v = {3, 1, 2};
        ExactQuantiles q = ExactQuantiles.of(v);
        v[0] = 100;
        assertThat(q.sortedValues()).containsExactly(1, 2, 3);
        assertThat(q.count()).isEqualTo(3);
        assertThat(q).isEqualTo(ExactQuantiles.of(2, 3, 1)).hasToString("ExactQuantiles[n=3, min=1.0, max=3.0]");
        assertThat(ExactQuantiles.of(5).quantile(0.37, QuantileType.TYPE_8)).isEqualTo(5.0);
    }

    @Test
    void quantilesAreMonotoneInPAndWithinTheRange() {
        QuickTheory.qt().withFixedSeed(20261203L).withExamples(300)
                .forAll(lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(1, 40), doubles().between(0, 1),
                        doubles().between(0, 1), integers().between(0, TYPES.length - 1))
                .checkAssert((values, p1, p2, t) -> {
                    ExactQuantiles q = ExactQuantiles.of(values.stream().mapToDouble(Double::doubleValue).toArray());
                    double[] s = q.sortedValues();
                    double lo = q.quantile(Math.min(p1, p2), TYPES[t]);
                    double hi = q.quantile(Math.max(p1, p2), TYPES[t]);
                    assertThat(lo).isLessThanOrEqualTo(hi);
                    assertThat(lo).isGreaterThanOrEqualTo(s[0]);
                    assertThat(hi).isLessThanOrEqualTo(s[s.length - 1]);
                    assertThat(q.quantile(0, TYPES[t])).isEqualTo(s[0]);
                    assertThat(q.quantile(1, TYPES[t])).isEqualTo(s[s.length - 1]);
                });
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> ExactQuantiles.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was NaN (index 1)");
        assertThatThrownBy(() -> ExactQuantiles.of().quantile(0.5, QuantileType.TYPE_7))
                .isInstanceOf(IllegalStateException.class).hasMessage("quantile of an empty sample is undefined");
        assertThatThrownBy(() -> ExactQuantiles.of(1).quantile(1.5, QuantileType.TYPE_7))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("p must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> ExactQuantiles.of(1).quantile(0.5, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThat(List.of(TYPES)).hasSize(5);
    }
}
