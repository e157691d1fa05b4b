package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.Difference;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link PanelChange}: the paired estimate is the difference of the two waves' scores,
 * swapping the waves negates it and keeps the p-value, and reordering respondents (both arrays alike)
 * changes nothing.
 */
class PanelChangePropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x70616e656cL).withExamples(300);
    }

    private static int[] ratings(SplittableRandom r, int n, Scale s) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.min() + r.nextInt(s.points());
        }
        return x;
    }

    @Test
    void estimateIsTheDifferenceOfTheWavesAndSwappingNegatesIt() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 2 + r.nextInt(200);
            int[] b = ratings(r, n, Scale.ZERO_TO_TEN);
            int[] a = ratings(r, n, Scale.ZERO_TO_TEN);
            Difference d = PanelChange.nps(b, a);
            assertThat(d.estimate()).isCloseTo(Nps.of(a).score() - Nps.of(b).score(), within(1e-9));
            Difference back = PanelChange.nps(a, b);
            assertThat(back.estimate()).isCloseTo(-d.estimate(), within(1e-9));
            assertThat(back.pValue()).isCloseTo(d.pValue(), within(1e-12));
            int[] cb = ratings(r, n, Scale.ONE_TO_FIVE);
            int[] ca = ratings(r, n, Scale.ONE_TO_FIVE);
            Difference c = PanelChange.csat(Scale.ONE_TO_FIVE, cb, ca);
            assertThat(c.estimate()).isCloseTo(Csat.of(Scale.ONE_TO_FIVE, ca).score()
                    - Csat.of(Scale.ONE_TO_FIVE, cb).score(), within(1e-9));
            assertThat(PanelChange.csat(Scale.ONE_TO_FIVE, ca, cb).statistic()).isEqualTo(-c.statistic());
            int[] eb = ratings(r, n, Scale.ONE_TO_SEVEN);
            int[] ea = ratings(r, n, Scale.ONE_TO_SEVEN);
            assertThat(PanelChange.ces(eb, ea).estimate()).isCloseTo(Ces.of(ea).mean() - Ces.of(eb).mean(), within(1e-9));
            // reorder respondents: rotate both arrays alike
            int k = r.nextInt(n);
            int[] rb = new int[n];
            int[] ra = new int[n];
            for (int i = 0; i < n; i++) {
                rb[i] = b[(i + k) % n];
                ra[i] = a[(i + k) % n];
            }
            Difference rotated = PanelChange.nps(rb, ra);
            assertThat(rotated.estimate()).isCloseTo(d.estimate(), within(1e-9));
            assertThat(rotated.standardError()).isCloseTo(d.standardError(), within(1e-9));
        });
    }
}
