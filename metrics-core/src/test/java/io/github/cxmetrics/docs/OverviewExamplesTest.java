package io.github.cxmetrics.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.Clv;
import io.github.cxmetrics.clv.GammaGamma;
import io.github.cxmetrics.clv.PaymentTiming;
import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.csi.Csi;
import io.github.cxmetrics.retention.ChurnRate;
import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.ShiftedBetaGeometric;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code of {@code src/main/javadoc/overview.html} honest: every {@code <pre>{@code …}}
 * block there is, in order, the body of one of the example methods below (compared line by line,
 * ignoring indentation), and the {@code // } lines that end a block are what the example prints.
 * See {@link OverviewExamples} for the comparison.
 *
 * <p>The printed values in the overview were not copied from this library's output: each example's
 * comment below derives them by hand from the formulas the Javadoc states, and the non-trivial ones
 * (quantiles, the sBG fit, the BG/NBD hypergeometric term) were recomputed with SciPy 1.17 from
 * those formulas. {@code z = 1.959964} is the 97.5 % normal quantile throughout.
 */
class OverviewExamplesTest {

    // ---- the examples, in the order of the overview; each body is an overview block, verbatim ----

    /**
     * All eight ratings: promoters 10, 9, 9, 10 (4), passives 7, 8 (2), detractors 3, 6 (2), n = 8.
     * NPS = 100·(4 − 2)/8 = 25.0; SE = 100·√(((p + d) − (p − d)²)/n) = 100·√((0.75 − 0.0625)/8)
     * = 29.32. Adjusted Wald: n' = n + 3 = 11, p' = 4.75/11, d' = 2.75/11, NPS' = 0.181818,
     * SE' = √((0.681818 − 0.033058)/11) = 0.242854, so 100·(0.181818 ± z·0.242854) = −29.42 to
     * 65.78. The binary form is a 12-byte frame header, the scale (8 bytes), 11 counts × 8 and a 4-byte CRC = 112
     * bytes.
     */
    static void accumulators() {
        RatingAccumulator north = new RatingAccumulator(Scale.ZERO_TO_TEN);
        north.addAll(new int[] {10, 9, 7, 3, 9});
        RatingAccumulator south = new RatingAccumulator(Scale.ZERO_TO_TEN);
        south.addAll(new int[] {6, 10, 8});

        byte[] state = south.toByteArray();                  // 112 bytes: header, scale, 11 counts, CRC
        north.merge(RatingAccumulator.fromByteArray(state)); // exact: the counts add up
        RatingDistribution all = north.snapshot();           // immutable; north stays usable

        Nps nps = Nps.of(all);
        Interval ci = nps.confidenceInterval(0.95);          // adjusted Wald
        System.out.printf("NPS %.1f, SE %.1f, 95%% CI %.1f to %.1f, n=%d%n",
                nps.score(), nps.standardError(), ci.lower(), ci.upper(), nps.count());
    }

    /**
     * Values 4.5, 7, 3.25, 6 with weight 1 and 9.5 with weight 2: Σw = 6, Σw·x = 20.75 + 19 = 39.75,
     * mean 6.625 (printed 6.63). n_eff = 6²/8 = 4.5. Σw·(x − x̄)² = 4.515625 + 0.140625 + 11.390625
     * + 0.390625 + 2·8.265625 = 32.96875; s² = 32.96875/6 · 4.5/3.5 = 7.0647; SE = √(s²/4.5)
     * = 1.25297; t(0.975; 3.5) = 2.94009 (SciPy), so 6.625 ± 3.68384 = 2.94 to 10.31.
     */
    static void means() {
        MeanAccumulator morning = new MeanAccumulator();     // handling times, in minutes
        morning.addAll(new double[] {4.5, 7.0, 3.25, 6.0});
        MeanAccumulator evening = new MeanAccumulator();
        evening.add(9.5, 2.0);                               // a value with survey weight 2

        MeanSummary day = morning.merge(evening).snapshot();
        Interval ci = day.confidenceInterval(0.95);          // Student t, in minutes
        System.out.printf("mean %.2f min, 95%% CI %.2f to %.2f%n", day.mean(), ci.lower(), ci.upper());
    }

    /**
     * The fifth rating of the batch (index 4) is 11, off the 0..10 scale; the whole batch is
     * rejected, so the count stays at the two ratings added before.
     */
    static void errors() {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(new int[] {9, 10});
        try {
            acc.addAll(new int[] {8, 7, 10, 6, 11});
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(acc.count());                     // nothing of the rejected batch was added
    }

    /**
     * March: promoters 9, 10, 9, 10, 9, 10 (6), passives 8, 7, detractors 6, 3, n = 10: NPS 40.
     * April: 100·(48 − 22)/100 = 26. Difference −14. SE² = ((0.8 − 0.16)/10) + ((0.70 − 0.0676)/100)
     * = 0.064 + 0.006324, SE = 0.26519, z = −0.14/0.26519 = −0.5279, two-sided p = 2·Φ(−0.5279)
     * = 0.598.
     */
    static void nps() {
        Nps march = Nps.of(9, 10, 6, 8, 9, 3, 10, 7, 9, 10);
        Nps april = Nps.ofCounts(48, 30, 22);                // promoters, passives, detractors
        Difference change = Nps.compare(march, april);      // april − march, in NPS points
        System.out.printf("NPS %.0f -> %.0f: %+.0f points, p = %.2f%n",
                march.score(), april.score(), change.estimate(), change.pValue());
    }

    /**
     * CSAT: top two of 1..5 are 4 and 5, 40 + 34 = 74 of 107 = 69.16 %. Wilson:
     * centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²) gives 59.87 to
     * 77.12. CES 2.0 ratings 7, 6, 6, 5, 4, 7, 2, 6: mean 43/8 = 5.375 (printed 5.38), Σ(x − x̄)²
     * = 19.875, s² = 19.875/7, SE = √(s²/8) = 0.59574, t(0.975; 7) = 2.364624, so 5.375 ± 1.40872
     * = 3.97 to 6.78; easy (5–7): 7, 6, 6, 5, 7, 6 = 6 of 8 = 75 %.
     */
    static void csatCes() {
        Csat csat = Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 10, 10, 13, 40, 34));
        Interval csatCi = csat.confidenceInterval(0.95);     // Wilson, in percent
        System.out.printf("CSAT %.1f%% (satisfied: %d..5), 95%% CI %.1f to %.1f%n",
                csat.score(), csat.satisfiedFrom(), csatCi.lower(), csatCi.upper());

        Ces ces = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, 7, 6, 6, 5, 4, 7, 2, 6)); // CES 2.0
        Interval cesCi = ces.confidenceInterval(0.95);       // Student t, in scale points
        System.out.printf("CES %.2f, 95%% CI %.2f to %.2f, easy %.1f%%%n",
                ces.mean(), cesCi.lower(), cesCi.upper(), 100 * ces.easyShare());
    }

    /**
     * Means: price 39/6 = 6.5, quality 51/6 = 8.5, service 36/6 = 6. Scores 100·(m − 1)/9: 61.11,
     * 83.33, 55.56; weights 0.2, 0.5, 0.3: CSI = 12.22 + 41.67 + 16.67 = 70.56, quality contributes
     * 41.67. Sample variances 1.1, 1.1, 2.0 over n = 6: SE² = (100/9)²·(0.04·1.1 + 0.25·1.1 +
     * 0.09·2)/6 = 10.2675, SE = 3.2043, so 70.56 ± 6.280 = 64.28 to 76.84.
     */
    static void csi() {
        Csi csi = Csi.builder(Scale.ONE_TO_TEN)
                .attribute("price", 20, RatingDistribution.of(Scale.ONE_TO_TEN, 6, 7, 5, 8, 6, 7))
                .attribute("quality", 50, RatingDistribution.of(Scale.ONE_TO_TEN, 9, 8, 9, 10, 7, 8))
                .attribute("service", 30, RatingDistribution.of(Scale.ONE_TO_TEN, 5, 8, 6, 4, 7, 6))
                .build();
        Interval ci = csi.confidenceInterval(0.95);          // delta method, attributes independent
        System.out.printf("CSI %.1f, 95%% CI %.1f to %.1f; quality contributes %.1f points%n",
                csi.index(), ci.lower(), ci.upper(), csi.attributes().get(1).contribution());
    }

    /**
     * Churn 90/2000 = 4.5 %; a year: 1 − 0.955¹² = 42.45 %; lifetime 1/0.045 = 22.2 months.
     * Kaplan–Meier (a censored time counts as at risk at its own time): t = 2: 9/10 → 0.9; t = 3:
     * one of 9 → 0.8; t = 5: one of 7 → 0.685714; t = 8: two of 6 → 0.457143 = S(12), the first
     * value ≤ 1/2, so the median is 8. Greenwood Σ d/(n(n − d)) = 1/90 + 1/72 + 1/42 + 2/24
     * = 0.132143; log-log: SE = √0.132143/|ln S| = 0.46440, S^exp(±z·SE) = 0.143 to 0.730. sBG:
     * maximising Fader &amp; Hardie's likelihood with SciPy gives α = 0.7041, β = 1.1820 (their
     * published 0.704, 1.182), and 1000·B(α, β + 12)/B(α, β) = 170.0.
     */
    static void retention() {
        ChurnRate monthly = ChurnRate.of(2000, 90);          // 90 of 2000 customers lost in a month
        System.out.printf("churn %.1f%% a month, %.1f%% a year, expected lifetime %.1f months%n",
                100 * monthly.rate(), 100 * monthly.rateOver(12), monthly.expectedLifetime());

        double[] months = {2, 3, 3, 5, 8, 8, 12, 14, 20, 24};
        boolean[] churned = {true, true, false, true, true, true, false, true, false, false};
        KaplanMeier km = KaplanMeier.fit(months, churned);   // false: still a customer (censored)
        Interval s12 = km.confidenceInterval(12, 0.95);      // log-log
        System.out.printf("S(12) = %.2f, 95%% CI %.2f to %.2f; median %.1f months%n",
                km.survival(12), s12.lower(), s12.upper(), km.medianSurvival().orElseThrow());

        ShiftedBetaGeometric sbg = ShiftedBetaGeometric.fit(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
        System.out.printf("sBG: %.0f of 1000 left in year 12%n", 1000 * sbg.survival(12));
    }

    /**
     * Constant retention, end of period: m·r/(1 + d − r) = 80/0.3 = 266.67. BG/NBD with x = 2,
     * t_x = 20, T = 25 (Fader, Hardie &amp; Lee 2005, eqs. 10 and 11): P(alive) = 1/(1 + a/(b + x − 1)
     * ·((α + T)/(α + t_x))^(r + x)) = 0.740; E[Y(52)] with SciPy's hyp2f1 = 2.158. Gamma-gamma
     * E[M] = (γ + 45·2)·p/(2p + q − 1) = 43.230; Σ_{i=1..12} ΔE[Y(i·52/12)]·43.230/1.01^i = 87.97.
     */
    static void clv() {
        System.out.printf("margin 100, retention 0.8, discount 10%%: CLV %.2f%n",
                Clv.constantRetention(100, 0.8, 0.10, PaymentTiming.END_OF_PERIOD));

        BetaGeometricNbd purchases = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258); // weeks
        GammaGamma spend = GammaGamma.of(6.2488, 3.7446, 15.4477);                          // dollars
        RfmSummary ann = RfmSummary.of(2, 20.0, 25.0, 45.0); // 2 repeat purchases, last in week 20 of 25
        System.out.printf("P(alive) %.2f, %.2f purchases in a year, CLV of the next 12 months %.2f%n",
                purchases.probabilityAlive(2, 20.0, 25.0), purchases.conditionalExpectedPurchases(52, ann),
                spend.residualClv(purchases, ann, 12, 52.0 / 12, 0.01, 1.0));
    }

    // ---- the checks ----

    @Test
    void everyOverviewBlockIsAnExampleHereAndPrintsWhatItSays() throws IOException {
        Path root = OverviewExamples.moduleRoot("metrics-core");
        OverviewExamples.check(root.resolve("src/main/javadoc/overview.html"),
                root.resolve("src/test/java/io/github/cxmetrics/docs/OverviewExamplesTest.java"),
                List.of("accumulators", "means", "errors", "nps", "csatCes", "csi", "retention", "clv"),
                List.of(OverviewExamplesTest::accumulators, OverviewExamplesTest::means,
                        OverviewExamplesTest::errors, OverviewExamplesTest::nps, OverviewExamplesTest::csatCes,
                        OverviewExamplesTest::csi, OverviewExamplesTest::retention, OverviewExamplesTest::clv));
    }

    @Test
    void theBinaryFormOfTheExampleHasTheStatedSize() {
        RatingAccumulator south = new RatingAccumulator(Scale.ZERO_TO_TEN);
        south.addAll(new int[] {6, 10, 8});
        assertThat(south.toByteArray()).hasSize(12 + 8 + 11 * 8 + 4).startsWith('C', 'X', 'M', 'S', 1, 1);
    }
}
