package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link PValueAdjustment} against R's {@code p.adjust}: the vectors of
 * {@code shared/reports/mission-next.md} §3.2 (R 4.2 {@code p.adjust} = statsmodels
 * {@code multipletests}, printed with 15 digits), the channel-vs-rest family of four and the
 * all-pairs family of six.
 */
class PValueAdjustmentTest {

    private static final double[] CHANNELS = {0.183871363056728, 0.620055018642384, 1.33611044615501e-07,
        7.8222658886044e-12};

    private static void close(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], within(1e-14 * Math.max(1e-3, expected[i])));
        }
    }

    @Test
    void channelFamilyMatchesPAdjust() {
        double[] holm = {0.367742726113456, 0.620055018642384, 4.00833133846503e-07, 3.12890635544176e-11};
        close(PValueAdjustment.HOLM.adjust(CHANNELS), holm);
        close(PValueAdjustment.HOCHBERG.adjust(CHANNELS), holm); // §3.2: Holm = Hochberg = Hommel here
        close(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(CHANNELS), 0.245161817408971, 0.620055018642384,
                2.67222089231002e-07, 3.12890635544176e-11);
        close(PValueAdjustment.BONFERRONI.adjust(CHANNELS), 0.735485452226912, 1, 5.34444178462004e-07,
                3.12890635544176e-11);
        close(PValueAdjustment.BENJAMINI_YEKUTIELI.adjust(CHANNELS), 0.510753786268689, 1, 5.56712685897921e-07,
                6.51855490717033e-11);
        close(PValueAdjustment.NONE.adjust(CHANNELS), CHANNELS);
    }

    @Test
    void allPairsFamilyMatchesPAdjust() {
        double[] p = {0.730812903695868, 0.00383070768686761, 6.59792977970158e-08, 0.0036667358927777,
            4.5961908303423e-06, 2.53660742201141e-14};
        close(PValueAdjustment.HOLM.adjust(p), 0.730812903695868, 0.0110002076783331, 3.29896488985079e-07,
                0.0110002076783331, 1.83847633213692e-05, 1.52196445320685e-13);
        close(PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p), 0.730812903695868, 0.00459684922424113,
                1.97937893391047e-07, 0.00459684922424113, 9.19238166068461e-06, 1.52196445320685e-13);
    }

    @Test
    void badInputIsNamedAndTheInputIsNotChanged() {
        double[] p = {0.2, Double.NaN};
        assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-value NaN at index 1 is not in [0, 1]");
        assertThatThrownBy(() -> PValueAdjustment.BONFERRONI.adjust(0.5, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("p-value 1.5 at index 1 is not in [0, 1]");
        assertThatThrownBy(() -> PValueAdjustment.HOLM.adjust((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThat(PValueAdjustment.BENJAMINI_HOCHBERG.adjust()).isEmpty();
        double[] q = {0.04, 0.01, 0.03};
        PValueAdjustment.HOLM.adjust(q);
        assertThat(q).containsExactly(0.04, 0.01, 0.03);
    }

    @Test
    void adjustedValuesAreOrderedAndBoundedAsTheProceduresPromise() {
        // For any family: p ≤ Hochberg ≤ Holm ≤ Bonferroni ≤ 1 and p ≤ BH ≤ BY (Hochberg 1988; BY = c(m)·BH
        // before capping); the adjusted values keep the order of the raw ones.
        QuickTheory.qt().withFixedSeed(0x50_41_44L).withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int m = 1 + r.nextInt(30);
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = r.nextInt(5) == 0 ? p[r.nextInt(i + 1)] : Math.pow(r.nextDouble(), 1 + r.nextInt(6));
            }
            double[] holm = PValueAdjustment.HOLM.adjust(p);
            double[] hoch = PValueAdjustment.HOCHBERG.adjust(p);
            double[] bonf = PValueAdjustment.BONFERRONI.adjust(p);
            double[] bh = PValueAdjustment.BENJAMINI_HOCHBERG.adjust(p);
            double[] by = PValueAdjustment.BENJAMINI_YEKUTIELI.adjust(p);
            for (int i = 0; i < m; i++) {
                assertThat(hoch[i]).isBetween(p[i], holm[i]);
                assertThat(holm[i]).isLessThanOrEqualTo(bonf[i]);
                assertThat(bonf[i]).isLessThanOrEqualTo(1.0);
                assertThat(bh[i]).isBetween(p[i], by[i]);
                assertThat(bh[i]).isLessThanOrEqualTo(hoch[i]);
                for (int j = 0; j < m; j++) {
                    if (p[i] < p[j]) {
                        assertThat(holm[i]).isLessThanOrEqualTo(holm[j]);
                        assertThat(bh[i]).isLessThanOrEqualTo(bh[j]);
                    }
                }
            }
        });
    }
}
