package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Comparisons;
import io.github.cxmetrics.stats.Comparisons.Comparison;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Homogeneity;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.stats.Segments;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Segment comparisons of NPS, CSAT and CES against independent computations:
 * <ul>
 *   <li>NPS: the channel vector of the research notes (mission-next §3.2, script A.3 {@code t3.py},
 *       Python/scipy/statsmodels; R {@code p.adjust} and {@code chisq.test} agree). The notes give NPS
 *       as a fraction; the library reports points, so differences and SEs are ×100, z and p unchanged;</li>
 *   <li>CSAT and CES: R 4.2.2, {@code src/test/resources/comparisons/segments.R} ({@code prop.test(...,
 *       correct = FALSE)}, {@code t.test} (Welch), {@code p.adjust}); its printed lines are quoted
 *       beside the assertions.</li>
 * </ul>
 */
class SegmentComparisonTest {

    private static final double REL = 1e-12;

    private static Segments<Nps> channels() {
        Map<String, Nps> m = new LinkedHashMap<>();
        m.put("Phone", Nps.ofCounts(150, 90, 60));
        m.put("Email", Nps.ofCounts(100, 55, 45));
        m.put("Chat", Nps.ofCounts(130, 40, 30));
        m.put("Web", Nps.ofCounts(60, 60, 80));
        return Nps.segments(m);
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL + 1e-300));
    }

    @Test
    void npsSegmentVersusRestMatchesTheResearchVector() {
        Comparisons c = channels().versusRest();
        assertThat(c.adjustment()).isEqualTo(PValueAdjustment.HOLM);
        assertThat(c.size()).isEqualTo(4);
        String[] names = {"Phone", "Email", "Chat", "Web"};
        double[] diff = {0.075, 0.0321428571428572, 0.321428571428571, -0.45};
        double[] se = {0.0564364194863959, 0.0648339013692979, 0.0609479297907041, 0.065772489751896};
        double[] z = {1.32892909724861, 0.495772373156591, 5.27382263076631, -6.8417662414403};
        double[] p = {0.183871363056728, 0.620055018642384, 1.33611044615501e-07, 7.8222658886044e-12};
        double[] holm = {0.367742726113456, 0.620055018642384, 4.00833133846503e-07, 3.12890635544176e-11};
        for (int i = 0; i < 4; i++) {
            Comparison k = c.get(names[i]);
            assertThat(k.reference()).isEqualTo("rest");
            assertThat(k.estimate()).isCloseTo(100 * diff[i], within(1e-11));
            assertThat(k.difference().standardError()).isCloseTo(100 * se[i], within(1e-11));
            assertThat(k.difference().statistic()).isCloseTo(z[i], within(1e-12));
            close(k.pValue(), p[i]);
            close(k.adjustedPValue(), holm[i]);
        }
        double[] bh = {0.245161817408971, 0.620055018642384, 2.67222089231002e-07, 3.12890635544176e-11};
        double[] by = {0.510753786268689, 1, 5.56712685897921e-07, 6.51855490717033e-11};
        double[] bonf = {0.735485452226912, 1, 5.34444178462004e-07, 3.12890635544176e-11};
        double[] gotBh = channels().versusRest(PValueAdjustment.BENJAMINI_HOCHBERG).adjustedPValues();
        double[] gotBy = c.adjustedBy(PValueAdjustment.BENJAMINI_YEKUTIELI).adjustedPValues();
        double[] gotBonf = c.adjustedBy(PValueAdjustment.BONFERRONI).adjustedPValues();
        double[] gotHochberg = c.adjustedBy(PValueAdjustment.HOCHBERG).adjustedPValues();
        for (int i = 0; i < 4; i++) {
            close(gotBh[i], bh[i]);
            close(gotBy[i], by[i]);
            close(gotBonf[i], bonf[i]);
            close(gotHochberg[i], holm[i]); // Holm = Hochberg here (notes §3.2)
        }
        assertThat(c.adjustedBy(PValueAdjustment.NONE).adjustedPValues()).isEqualTo(c.pValues());
    }

    @Test
    void npsSegmentVersusOverallReportsTheDifferenceFromThePooledScoreAndTestsItAsVersusRest() {
        Segments<Nps> s = channels();
        assertThat(s.overall().score()).isCloseTo(25.0, within(1e-12));
        assertThat(s.overall().standardError()).isCloseTo(2.71881873405381, within(1e-11));
        Comparisons overall = s.versusOverall();
        Comparisons rest = s.versusRest();
        double[] diff = {0.05, 0.025, 0.25, -0.35};
        double[] se = {0.0376242796575973, 0.0504263677316761, 0.0474039453927698, 0.0511563809181413};
        for (int i = 0; i < 4; i++) {
            Comparison k = overall.get(i);
            assertThat(k.reference()).isEqualTo("overall");
            assertThat(k.estimate()).isCloseTo(100 * diff[i], within(1e-11));
            assertThat(k.difference().standardError()).isCloseTo(100 * se[i], within(1e-11));
            // identical test: same statistic, p and adjusted p as vs rest
            assertThat(k.difference().statistic()).isEqualTo(rest.get(i).difference().statistic());
            assertThat(k.pValue()).isEqualTo(rest.get(i).pValue());
            assertThat(k.adjustedPValue()).isEqualTo(rest.get(i).adjustedPValue());
        }
    }

    @Test
    void npsAllPairsMatchTheResearchVector() {
        Comparisons pairs = channels().allPairs();
        String[][] labels = {{"Phone", "Email"}, {"Phone", "Chat"}, {"Phone", "Web"}, {"Email", "Chat"},
            {"Email", "Web"}, {"Chat", "Web"}};
        double[] z = {0.344044389177044, -2.89177615627128, 5.40178963927613, -2.90549424732886, 4.58242295006988,
            7.62000762001143};
        double[] p = {0.730812903695868, 0.00383070768686761, 6.59792977970158e-08, 0.0036667358927777,
            4.5961908303423e-06, 2.53660742201141e-14};
        double[] holm = {0.730812903695868, 0.0110002076783331, 3.29896488985079e-07, 0.0110002076783331,
            1.83847633213692e-05, 1.52196445320685e-13};
        double[] bh = {0.730812903695868, 0.00459684922424113, 1.97937893391047e-07, 0.00459684922424113,
            9.19238166068461e-06, 1.52196445320685e-13};
        Comparisons pairsBh = pairs.adjustedBy(PValueAdjustment.BENJAMINI_HOCHBERG);
        assertThat(pairs.size()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            Comparison k = pairs.get(labels[i][0], labels[i][1]);
            assertThat(pairs.get(i)).isEqualTo(k);
            assertThat(k.difference().statistic()).isCloseTo(z[i], within(1e-12));
            // the far tail: relative 1e-10 (the notes print 15 digits of scipy's norm.sf)
            assertThat(k.pValue()).isCloseTo(p[i], within(p[i] * 1e-10));
            assertThat(k.adjustedPValue()).isCloseTo(holm[i], within(holm[i] * 1e-10));
            assertThat(pairsBh.get(i).adjustedPValue()).isCloseTo(bh[i], within(bh[i] * 1e-10));
        }
        assertThat(pairs.get(0).estimate()).isCloseTo(2.5, within(1e-12)); // Phone − Email = 30 − 27.5
    }

    @Test
    void npsHomogeneityMatchesRChisqTestAndTheGTest() {
        Homogeneity x2 = channels().homogeneity();
        assertThat(x2.method()).isEqualTo(Homogeneity.Method.PEARSON);
        assertThat(x2.degreesOfFreedom()).isEqualTo(6);
        close(x2.statistic(), 61.0029878759115);
        assertThat(x2.pValue()).isCloseTo(2.8147460787062e-11, within(2.8147460787062e-11 * 1e-11));
        Homogeneity g = channels().homogeneity(Homogeneity.Method.LIKELIHOOD_RATIO);
        close(g.statistic(), 60.1337152236697);
        assertThat(g.pValue()).isCloseTo(4.2280883387228e-11, within(4.2280883387228e-11 * 1e-11));
    }

    private static Segments<Csat> csatMonths() {
        int[] x = {160, 170, 150, 185, 190, 200};
        int[] n = {200, 210, 190, 220, 215, 220};
        Map<String, Csat> m = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            // 1–5 scale: x ratings of 5, n − x ratings of 1; top-two-box satisfied = 4..5
            m.put("m" + (i + 1), Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, n[i] - x[i], 0, 0, 0, x[i])));
        }
        return Csat.segments(m);
    }

    @Test
    void csatSegmentsMatchRPropTest() {
        Comparisons rest = csatMonths().versusRest();
        Comparisons overall = csatMonths().versusOverall(PValueAdjustment.BENJAMINI_HOCHBERG);
        // segments.R: "vsRest i diff= z= p= vsOverall="
        double[] diff = {-4.83412322274881, -3.73661426293005, -6.02915740054362, 0.0329380764163445, 5.19901610017889,
            8.30039525691699};
        double[] z = {-1.71253548583855, -1.3499780124559, -2.09164926150687, 0.0121216121327192, 1.8959972243434,
            3.05464625744541};
        double[] p = {0.0867980308432403, 0.177023035850448, 0.0364699024044523, 0.990328589670173, 0.0579604115569188,
            0.00225326118061997};
        double[] vsOverall = {-4.06374501992032, -3.11136406753937, -5.11637659886769, 0.0271640709887722,
            4.30834800333549, 6.84534588917058};
        double[] holm = {0.2603940925297209, 0.3540460717008954, 0.1823495120222617, 0.9903285896701732,
            0.2318416462276751, 0.0135195670837198};
        double[] bh = {0.1301970462648604, 0.2124276430205372, 0.1094097072133570, 0.9903285896701732,
            0.1159208231138375, 0.0135195670837198};
        for (int i = 0; i < 6; i++) {
            assertThat(rest.get(i).estimate()).isCloseTo(diff[i], within(1e-11));
            assertThat(rest.get(i).difference().statistic()).isCloseTo(z[i], within(1e-12));
            close(rest.get(i).pValue(), p[i]);
            close(rest.get(i).adjustedPValue(), holm[i]);
            assertThat(overall.get(i).estimate()).isCloseTo(vsOverall[i], within(1e-11));
            close(overall.get(i).adjustedPValue(), bh[i]);
        }
        Homogeneity h = csatMonths().homogeneity();
        close(h.statistic(), 18.3697977730729);
        assertThat(h.degreesOfFreedom()).isEqualTo(5);
        close(h.pValue(), 0.00251692862785716);
        Comparisons pairs = csatMonths().allPairs();
        assertThat(pairs.size()).isEqualTo(15);
        close(pairs.get("m1", "m2").pValue(), 0.807823682904933);
        close(pairs.get("m1", "m6").pValue(), 0.00141832255460523);
        close(pairs.get("m5", "m6").pValue(), 0.385025553067855);
        double[] pairsHolm = {1, 1, 1, 0.20942286101332003, 0.01985651576447328, 1, 1, 0.30598918333523001,
            0.03765873890000721, 1, 0.11901715533679244, 0.00949203266566974, 1, 0.30598918333523001, 1};
        for (int i = 0; i < 15; i++) {
            close(pairs.get(i).adjustedPValue(), pairsHolm[i]);
        }
    }

    private static RatingDistribution ces(long... counts) {
        return RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, counts);
    }

    @Test
    void cesSegmentsMatchRWelchTTests() {
        Map<String, Ces> m = new LinkedHashMap<>();
        m.put("A", Ces.of(ces(2, 3, 5, 10, 20, 25, 15)));
        m.put("B", Ces.of(ces(5, 8, 10, 15, 12, 6, 4)));
        m.put("C", Ces.of(ces(1, 2, 4, 8, 15, 20, 30)));
        Segments<Ces> s = Ces.segments(m);
        Comparisons rest = s.versusRest();
        // segments.R: "ces K diff= t= df= p=" and "ces holm"
        double[][] expected = {
            {0.303571428571428, 1.37436023075065, 188.869142078844, 0.170958471538776, 1.70958471538776e-01},
            {-1.53333333333333, -6.35878854115895, 96.2305971275039, 6.81705617166463e-09, 2.04511685149939e-08},
            {1.01071428571429, 4.74038396985327, 185.856484844842, 4.23202807778528e-06, 8.46405615557055e-06},
        };
        for (int i = 0; i < 3; i++) {
            Comparison k = rest.get(i);
            assertThat(k.estimate()).isCloseTo(expected[i][0], within(1e-12));
            assertThat(k.difference().statistic()).isCloseTo(expected[i][1], within(1e-11));
            assertThat(k.difference().degreesOfFreedom()).isCloseTo(expected[i][2], within(1e-9));
            assertThat(k.pValue()).isCloseTo(expected[i][3], within(expected[i][3] * 1e-9));
            assertThat(k.adjustedPValue()).isCloseTo(expected[i][4], within(expected[i][4] * 1e-9));
        }
        Comparison ab = s.allPairs().get("A", "B");
        assertThat(ab.difference().statistic()).isCloseTo(4.88645652963494, within(1e-11));
        assertThat(ab.difference().degreesOfFreedom()).isCloseTo(119.053666488344, within(1e-9));
        // vs overall: same test as vs rest, difference from the pooled mean
        Comparisons overall = s.versusOverall();
        double pooledMean = s.overall().mean();
        assertThat(overall.get("B").estimate()).isCloseTo(m.get("B").mean() - pooledMean, within(1e-12));
        assertThat(overall.get("B").pValue()).isEqualTo(rest.get("B").pValue());
        // homogeneity of the rating distributions, R: chisq.test(rbind(A, B, C)) X-squared 47.873556831855,
        // df 12, p 3.28806713950918e-06 (R warns that some expected counts are small)
        Homogeneity h = s.homogeneity();
        assertThat(h.statistic()).isCloseTo(47.873556831855, within(1e-11));
        assertThat(h.degreesOfFreedom()).isEqualTo(12);
        assertThat(h.pValue()).isCloseTo(3.28806713950918e-06, within(1e-17));
    }

    @Test
    void weightedNpsVersusOverallKeepsTheIdentityAndHomogeneityIsRefused() {
        Map<String, Nps> m = new LinkedHashMap<>();
        RatingAccumulator a = new RatingAccumulator(Scale.ZERO_TO_TEN);
        RatingAccumulator b = new RatingAccumulator(Scale.ZERO_TO_TEN);
        int[] ra = {10, 9, 9, 3, 7, 8, 10, 2};
        double[] wa = {1.5, 0.5, 2.0, 1.0, 0.7, 1.3, 0.9, 2.2};
        int[] rb = {6, 6, 9, 10, 0, 8};
        double[] wb = {0.4, 1.1, 3.0, 0.6, 1.0, 1.0};
        for (int i = 0; i < ra.length; i++) {
            a.add(ra[i], wa[i]);
        }
        for (int i = 0; i < rb.length; i++) {
            b.add(rb[i], wb[i]);
        }
        m.put("a", Nps.of(a.snapshot()));
        m.put("b", Nps.of(b.snapshot()));
        Segments<Nps> s = Nps.segments(m);
        // the pooled NPS equals the NPS of all weighted responses together
        RatingAccumulator all = new RatingAccumulator(Scale.ZERO_TO_TEN).merge(a).merge(b);
        Nps pooled = Nps.of(all.snapshot());
        assertThat(s.overall().score()).isCloseTo(pooled.score(), within(1e-12));
        assertThat(s.overall().effectiveSize()).isCloseTo(pooled.effectiveSize(), within(1e-12));
        Comparisons overall = s.versusOverall();
        double w = 0.0;
        for (double x : wa) {
            w += x;
        }
        double total = w;
        for (double x : wb) {
            total += x;
        }
        w /= total;
        Comparison ka = overall.get("a");
        Comparison ra0 = s.versusRest().get("a");
        assertThat(ka.estimate()).isCloseTo((1 - w) * ra0.estimate(), within(1e-12));
        assertThat(ka.difference().standardError()).isCloseTo((1 - w) * ra0.difference().standardError(),
                within(1e-12));
        assertThat(ka.pValue()).isEqualTo(ra0.pValue());
        assertThatThrownBy(s::homogeneity).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("segment 'a': the sample is weighted; a χ² test of weighted counts is not valid");
    }

    @Test
    void aGenericEstimateMetricWhoseOverallIsNotAWeightedMeanIsRefusedVersusOverall() {
        // a "metric" whose pooled value is the maximum, not a weighted mean: the identity fails
        record Max(double value, double weight) { }
        Segments.Measure<Max> measure = Segments.measure("max", (x, y) -> new Max(Math.max(x.value(), y.value()),
                x.weight() + y.weight()), x -> Estimate.normal(x.value(), 1.0), Max::weight);
        Map<String, Max> m = new LinkedHashMap<>();
        m.put("x", new Max(1.0, 10));
        m.put("y", new Max(3.0, 10));
        m.put("z", new Max(2.0, 10));
        Segments<Max> s = Segments.of(m, measure);
        assertThat(s.versusRest().get("x").estimate()).isEqualTo(-2.0);
        assertThatThrownBy(s::versusOverall).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("segment 'x' vs overall: the overall max 3.0 is not the weight-share mean");
        assertThatThrownBy(s::homogeneity).isInstanceOf(IllegalStateException.class)
                .hasMessage("max has no categories to test homogeneity on");
    }

    @Test
    void badInput() {
        Map<String, Nps> one = Map.of("only", Nps.ofCounts(1, 1, 1));
        assertThatThrownBy(() -> Nps.segments(one)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("comparing segments needs at least 2 segments, was 1 ([only])");
        Map<String, Nps> withEmpty = new LinkedHashMap<>();
        withEmpty.put("full", Nps.ofCounts(5, 3, 2));
        withEmpty.put("empty", Nps.ofCounts(0, 0, 0));
        withEmpty.put("other", Nps.ofCounts(2, 3, 5));
        Segments<Nps> s = Nps.segments(withEmpty);
        assertThatThrownBy(s::versusRest).isInstanceOf(IllegalStateException.class)
                .hasMessage("segment 'empty' vs rest: NPS of an empty sample is undefined");
        assertThatThrownBy(s::allPairs).isInstanceOf(IllegalStateException.class)
                .hasMessage("full vs empty: NPS of an empty sample is undefined");
        // homogeneity leaves the empty segment out: 2 x 3 table
        assertThat(s.homogeneity().groups()).isEqualTo(2);
        assertThatThrownBy(() -> s.segment("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no segment 'nope'; the segments are: full, empty, other");
        Map<String, Csat> mixed = new LinkedHashMap<>();
        mixed.put("a", Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 1, 1, 1, 1)));
        mixed.put("b", Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 1, 1, 1, 1), 5));
        assertThatThrownBy(() -> Csat.segments(mixed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot pool CSAT on scale 1..5 satisfied from 4 with CSAT on scale 1..5 satisfied from 5");
        assertThatThrownBy(() -> channels().versusRest(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theTablePrintsEveryComparisonWithRawAndAdjustedPValues() {
        String table = channels().versusOverall().toString();
        assertThat(table).startsWith("NPS: segment vs overall (tested as vs rest) (4 comparisons, p adjusted by holm)");
        assertThat(table.lines()).hasSize(6);
        assertThat(table.lines().skip(1).findFirst().orElseThrow()).contains("comparison", "difference", "p adjusted");
        assertThat(table).contains("Web vs overall", "-35.0000", "3.13e-11", "***");
    }
}
