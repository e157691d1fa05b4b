package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.Comparisons;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.stats.Segments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of segment comparisons (QuickTheories, fixed seed): for random weighted NPS segments,
 * <ul>
 *   <li>the pooled overall equals the NPS of all responses accumulated in one pass;</li>
 *   <li>segment vs overall has exactly the statistic and p-value of segment vs rest, and its
 *       difference and SE are {@code (1 − w)} times those of vs rest;</li>
 *   <li>the order of the segments changes no segment's comparison with the rest, nor any pair's
 *       raw p-value;</li>
 *   <li>every adjusted p-value is at least the raw one and at most 1; Bonferroni ≥ Holm ≥ Hochberg ≥ Benjamini–Hochberg ≥
 *       raw; the pair A−B is minus the pair B−A.</li>
 * </ul>
 */
class SegmentComparisonPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x5E_67L).withExamples(200).withShrinkCycles(0);
    }

    @Test
    void overallIsOnePassAndVersusOverallIsVersusRestRescaled() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int k = 2 + r.nextInt(5);
            Map<String, Nps> m = new LinkedHashMap<>();
            RatingAccumulator all = new RatingAccumulator(Scale.ZERO_TO_TEN);
            double[] weights = new double[k];
            for (int s = 0; s < k; s++) {
                RatingAccumulator a = new RatingAccumulator(Scale.ZERO_TO_TEN);
                int n = 2 + r.nextInt(60);
                boolean weighted = r.nextBoolean();
                for (int i = 0; i < n; i++) {
                    int rating = r.nextInt(11);
                    double w = weighted ? 0.1 + 3 * r.nextDouble() : 1.0;
                    a.add(rating, w);
                    all.add(rating, w);
                    weights[s] += w;
                }
                m.put("s" + s, Nps.of(a.snapshot()));
            }
            Segments<Nps> seg = Nps.segments(m);
            Nps onePass = Nps.of(all.snapshot());
            assertThat(seg.overall().count()).isEqualTo(onePass.count());
            assertThat(seg.overall().score()).isCloseTo(onePass.score(), within(1e-9));
            assertThat(seg.overall().effectiveSize()).isCloseTo(onePass.effectiveSize(),
                    within(1e-9 * onePass.effectiveSize()));
            // a score-free segment (all passives, say) has SE 0; skip degenerate draws
            Comparisons rest;
            try {
                rest = seg.versusRest();
            } catch (IllegalStateException e) {
                return;
            }
            Comparisons overall = seg.versusOverall();
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            for (int s = 0; s < k; s++) {
                double w = weights[s] / total;
                assertThat(overall.get(s).difference().statistic()).isEqualTo(rest.get(s).difference().statistic());
                assertThat(overall.get(s).pValue()).isEqualTo(rest.get(s).pValue());
                assertThat(overall.get(s).estimate()).isCloseTo((1 - w) * rest.get(s).estimate(), within(1e-9));
                assertThat(overall.get(s).difference().standardError())
                        .isCloseTo((1 - w) * rest.get(s).difference().standardError(), within(1e-9));
            }
        });
    }

    @Test
    void orderDoesNotMatterAndAdjustmentsAreOrdered() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int k = 2 + r.nextInt(6);
            List<String> names = new ArrayList<>();
            Map<String, Nps> m = new LinkedHashMap<>();
            for (int s = 0; s < k; s++) {
                names.add("s" + s);
                m.put("s" + s, Nps.ofCounts(1 + r.nextInt(80), r.nextInt(80), 1 + r.nextInt(80)));
            }
            Collections.shuffle(names, r);
            Map<String, Nps> shuffled = new LinkedHashMap<>();
            for (String n : names) {
                shuffled.put(n, m.get(n));
            }
            Segments<Nps> a = Nps.segments(m);
            Segments<Nps> b = Nps.segments(shuffled);
            Comparisons ra = a.versusRest(PValueAdjustment.NONE);
            Comparisons rb = b.versusRest(PValueAdjustment.NONE);
            for (String n : m.keySet()) {
                assertThat(rb.get(n).estimate()).isCloseTo(ra.get(n).estimate(), within(1e-9));
                assertThat(rb.get(n).pValue()).isCloseTo(ra.get(n).pValue(), within(1e-12));
            }
            Comparisons pa = a.allPairs(PValueAdjustment.NONE);
            Comparisons pb = b.allPairs(PValueAdjustment.NONE);
            for (Comparisons.Comparison c : pa) {
                Comparisons.Comparison same;
                double sign;
                try {
                    same = pb.get(c.subject(), c.reference());
                    sign = 1;
                } catch (IllegalArgumentException e) {
                    same = pb.get(c.reference(), c.subject());
                    sign = -1;
                }
                assertThat(same.estimate()).isCloseTo(sign * c.estimate(), within(1e-9));
                assertThat(same.pValue()).isCloseTo(c.pValue(), within(1e-12));
            }
            double[] raw = pa.pValues();
            double[] bonf = pa.adjustedBy(PValueAdjustment.BONFERRONI).adjustedPValues();
            double[] holm = pa.adjustedBy(PValueAdjustment.HOLM).adjustedPValues();
            double[] hoch = pa.adjustedBy(PValueAdjustment.HOCHBERG).adjustedPValues();
            double[] bh = pa.adjustedBy(PValueAdjustment.BENJAMINI_HOCHBERG).adjustedPValues();
            for (int i = 0; i < raw.length; i++) {
                assertThat(bonf[i]).isGreaterThanOrEqualTo(holm[i]).isLessThanOrEqualTo(1.0);
                assertThat(holm[i]).isGreaterThanOrEqualTo(hoch[i]);
                assertThat(hoch[i]).isGreaterThanOrEqualTo(bh[i] - 1e-15);
                assertThat(bh[i]).isGreaterThanOrEqualTo(raw[i]);
            }
        });
    }
}
