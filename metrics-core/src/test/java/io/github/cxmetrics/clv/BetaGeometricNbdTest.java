package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BetaGeometricNbd} and {@link GammaGamma} reproducing the papers on the CDNOW sample:
 * BG/NBD (r, α, a, b) = (0.243, 4.414, 0.793, 2.426), log-likelihood −9582.4 (Fader, Hardie &amp; Lee
 * 2005, "Counting your customers the easy way"; the data README gives 0.2426, 4.4135, 0.7929,
 * 2.4258, −9582.43); the conditional expectation CET(39 | x = 2, tₓ = 30.43, T = 38.86) ≈ 1.226 from
 * Hardie's spreadsheet (as lifetimes' tests cite it); Gamma–Gamma (p, q, γ) = (6.25, 3.74, 15.44) on
 * the 946 repeat customers (Fader, Hardie &amp; Lee 2005, "RFM and CLV"; LL −4055.92).
 */
class BetaGeometricNbdTest {

    private static final BetaGeometricNbd FIT = BetaGeometricNbd.fit(Cdnow.summaries());

    @Test
    void reproducesThePublishedEstimates() {
        assertThat(FIT.r()).isCloseTo(0.2426, within(5e-4));
        assertThat(FIT.alpha()).isCloseTo(4.4135, within(5e-3));
        assertThat(FIT.a()).isCloseTo(0.7929, within(5e-4));
        assertThat(FIT.b()).isCloseTo(2.4258, within(5e-3));
        assertThat(FIT.logLikelihood()).isCloseTo(-9582.43, within(0.01));
    }

    @Test
    void parametersAndStandardErrorsAgreeWithRNumDeriv() {
        // src/test/resources/io/github/cxmetrics/clv/standard-errors.R: R's optim MLE of the same likelihood,
        // and sqrt(diag(solve(numDeriv::hessian(nll, theta)))) in the natural parameters at that optimum.
        // (lifetimes prints 0.0126, 0.3782, 0.1857, 0.7053 for the same data.)
        double[] r = {0.24259290070110229, 4.4135312462916527, 0.79288603797998536, 2.425753040890001};
        double[] rSe = {0.01255731896, 0.3782213794, 0.18571909, 0.7053455511};
        double[] fitted = {FIT.r(), FIT.alpha(), FIT.a(), FIT.b()};
        double[] se = FIT.standardErrors();
        for (int i = 0; i < 4; i++) {
            assertThat(fitted[i]).as("parameter %d", i).isCloseTo(r[i], within(1e-6 * r[i]));
            assertThat(se[i]).as("standard error %d", i).isCloseTo(rSe[i], within(1e-5 * rSe[i]));
        }
        assertThat(FIT.logLikelihood()).isCloseTo(-9582.4255605673625, within(1e-8));
        // the Estimate view: the same numbers, and the Wald interval a ± 1.959963984540054·se (z from R's qnorm(0.975))
        io.github.cxmetrics.stats.Estimate[] estimates = {FIT.rEstimate(), FIT.alphaEstimate(), FIT.aEstimate(),
            FIT.bEstimate()};
        for (int i = 0; i < 4; i++) {
            assertThat(estimates[i].value()).isEqualTo(fitted[i]);
            assertThat(estimates[i].standardError()).isEqualTo(se[i]);
        }
        assertThat(FIT.aEstimate().confidenceInterval(0.95).lower())
                .isCloseTo(0.79288603797998536 - 1.959963984540054 * 0.18571909, within(1e-5));
        assertThatThrownBy(() -> BetaGeometricNbd.of(1, 1, 1, 1).rEstimate()).isInstanceOf(IllegalStateException.class)
                .hasMessage("standard errors exist only for a fitted BG/NBD model");
    }

    @Test
    void theFitDoesNotDependOnTheOrderOfTheCustomers() {
        List<RfmSummary> shuffled = new ArrayList<>(Cdnow.summaries());
        for (long seed = 1; seed <= 2; seed++) {
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            BetaGeometricNbd again = BetaGeometricNbd.fit(shuffled);
            assertThat(again).isEqualTo(FIT).hasSameHashCodeAs(FIT);
            assertThat(again.standardErrors()).containsExactly(FIT.standardErrors());
        }
    }

    @Test
    void equalityAndText() {
        BetaGeometricNbd m = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258);
        assertThat(m).isEqualTo(BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258))
                .hasSameHashCodeAs(BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258))
                .isNotEqualTo(BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4259));
        assertThat(BetaGeometricNbd.of(FIT.r(), FIT.alpha(), FIT.a(), FIT.b())).isNotEqualTo(FIT);
        assertThat(m).hasToString("BetaGeometricNbd[r=0.242600, alpha=4.41350, a=0.792900, b=2.42580]");
        assertThat(FIT).hasToString("BetaGeometricNbd[r=0.242593, alpha=4.41353, a=0.792886, b=2.42575, "
                + "logLikelihood=-9582.43]");
        assertThatThrownBy(m::logLikelihood).isInstanceOf(IllegalStateException.class)
                .hasMessage("a BG/NBD model built with of(r, alpha, a, b) was not fitted: it has no log-likelihood");
        assertThatThrownBy(m::standardErrors).isInstanceOf(IllegalStateException.class)
                .hasMessage("standard errors exist only for a fitted BG/NBD model");
    }

    @Test
    void conditionalExpectationFromHardiesSpreadsheet() {
        assertThat(FIT.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void probabilitiesAndMonotonicity() {
        for (RfmSummary s : Cdnow.summaries().subList(0, 300)) {
            double alive = FIT.probabilityAlive(s.frequency(), s.recency(), s.age());
            assertThat(alive).isBetween(0.0, 1.0);
            if (s.frequency() == 0) {
                assertThat(alive).isEqualTo(1.0);
            }
            double previous = 0.0;
            for (double t = 4; t <= 52; t += 12) {
                double cet = FIT.conditionalExpectedPurchases(t, s);
                assertThat(cet).isGreaterThanOrEqualTo(previous);
                previous = cet;
            }
        }
        double total = 0.0;
        for (int n = 0; n < 200; n++) {
            total += FIT.probabilityOfPurchases(n, 39);
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
        // E[X(t)] equals Σ n P(X(t) = n)
        double mean = 0.0;
        for (int n = 1; n < 400; n++) {
            mean += n * FIT.probabilityOfPurchases(n, 39);
        }
        assertThat(FIT.expectedPurchases(39)).isCloseTo(mean, within(1e-6));
    }

    @Test
    void groupingIdenticalRowsChangesNothing() {
        List<RfmSummary> doubled = new ArrayList<>(Cdnow.summaries());
        doubled.addAll(Cdnow.summaries());
        BetaGeometricNbd twice = BetaGeometricNbd.fit(doubled);
        assertThat(twice.r()).isCloseTo(FIT.r(), within(1e-5));
        assertThat(twice.logLikelihood()).isCloseTo(2 * FIT.logLikelihood(), within(1e-3));
    }

    @Test
    void gammaGammaOnTheRepeatCustomers() {
        List<RfmSummary> customers = new ArrayList<>();
        for (String[] row : Cdnow.csv("cdnow_customers_summary_with_transactions.csv")) {
            long x = Long.parseLong(row[1]);
            customers.add(x == 0 ? RfmSummary.of(0, 0.0, Double.parseDouble(row[3]))
                    : RfmSummary.of(x, Double.parseDouble(row[2]), Double.parseDouble(row[3]), Double.parseDouble(row[4])));
        }
        GammaGamma gg = GammaGamma.fit(customers);
        // published 6.25, 3.74, 15.44; an independent SciPy fit of the same likelihood
        // (Nelder-Mead then BFGS on log-parameters, LL -4055.9232) gives 6.24880, 3.74459, 15.44775,
        // so the paper's γ is truncated rather than rounded (15.448 → 15.44)
        assertThat(gg.p()).isCloseTo(6.25, within(0.005)).isCloseTo(6.24880, within(1e-3));
        assertThat(gg.q()).isCloseTo(3.74, within(0.005)).isCloseTo(3.74459, within(1e-3));
        assertThat(gg.gamma()).isCloseTo(15.44, within(0.01)).isCloseTo(15.44775, within(2e-3));
        assertThat(gg.logLikelihood()).isCloseTo(-4055.92, within(0.01));
        // conditional spend shrinks the customer's mean toward the population mean γp/(q − 1)
        double population = gg.meanSpend();
        double conditional = gg.conditionalExpectedAverageSpend(2, 100.0);
        assertThat(conditional).isBetween(population, 100.0);
        // residualClv's values are asserted against mpmath in GammaGammaTest
    }

    @Test
    void recoversParametersFromSimulatedCustomers() {
        // 20 000 customers observed for 52 weeks from (r, α, a, b) = (0.8, 6, 1.2, 4): λ ~ Gamma(r, rate α),
        // p ~ Beta(a, b); exponential inter-purchase times, a coin with probability p after each purchase
        java.util.SplittableRandom random = new java.util.SplittableRandom(2005);
        List<RfmSummary> customers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double lambda = gamma(random, 0.8) / 6.0;
            double p = beta(random, 1.2, 4.0);
            double t = 0.0;
            long x = 0;
            double last = 0.0;
            while (true) {
                t += -Math.log(1.0 - random.nextDouble()) / lambda;
                if (t > 52.0) {
                    break;
                }
                x++;
                last = t;
                if (random.nextDouble() < p) {
                    break;
                }
            }
            customers.add(RfmSummary.of(x, x == 0 ? 0.0 : last, 52.0));
        }
        BetaGeometricNbd fit = BetaGeometricNbd.fit(customers);
        assertThat(fit.r()).isCloseTo(0.8, within(0.08));
        assertThat(fit.alpha()).isCloseTo(6.0, within(0.8));
        assertThat(fit.a()).isCloseTo(1.2, within(0.35));
        assertThat(fit.b()).isCloseTo(4.0, within(1.5));
    }

    /** Gamma(shape, 1): Marsaglia–Tsang, boosted for shape < 1. */
    private static double gamma(java.util.SplittableRandom r, double shape) {
        if (shape < 1.0) {
            return gamma(r, shape + 1.0) * Math.pow(r.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = Math.sqrt(-2.0 * Math.log(1.0 - r.nextDouble())) * Math.cos(2.0 * Math.PI * r.nextDouble());
            double v = Math.pow(1.0 + c * z, 3);
            if (v > 0 && Math.log(r.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(java.util.SplittableRandom r, double a, double b) {
        double x = gamma(r, a);
        return x / (x + gamma(r, b));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> BetaGeometricNbd.fit(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot fit BG/NBD to an empty set of customers");
        assertThatThrownBy(() -> BetaGeometricNbd.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> GammaGamma.of(1, 0.9, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("q must be finite and > 1");
        assertThatThrownBy(() -> GammaGamma.fit(List.of(RfmSummary.of(0, 0, 10)))).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot fit Gamma-Gamma: no customer has a repeat purchase, and the model describes the "
                        + "spend of repeat purchases only");
        assertThatThrownBy(() -> FIT.probabilityAlive(2, 40, 38)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFitWithoutAMaximumThrowsAndSaysSo() {
        // nobody ever repurchases: the likelihood keeps rising as r → 0, there is no finite maximum
        List<RfmSummary> none = List.of(RfmSummary.of(0, 0, 10), RfmSummary.of(0, 0, 20), RfmSummary.of(0, 0, 30));
        assertThatThrownBy(() -> BetaGeometricNbd.fit(none)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot fit BG/NBD: no customer has a repeat purchase, so the data carry no information "
                        + "about dropout and the likelihood has no maximum");
    }

    @Test
    void dataThatCannotIdentifyTheParametersAreRejected() {
        // reliability report #14: every age 0 returned the optimiser's start (1, 1, 1, 1)
        assertThatThrownBy(() -> BetaGeometricNbd.fit(List.of(RfmSummary.of(0, 0, 0), RfmSummary.of(0, 0, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot fit BG/NBD: every customer's age is 0, so the data carry no information about "
                        + "purchasing or dropout");
        // recency == age for every repeat buyer: nobody is seen to stop, the estimate ran to a ≈ 0, r = 4.9e8
        List<RfmSummary> allAtTheEnd = List.of(RfmSummary.of(2, 10, 10), RfmSummary.of(1, 20, 20),
                RfmSummary.of(0, 0, 15), RfmSummary.of(5, 30, 30));
        assertThatThrownBy(() -> BetaGeometricNbd.fit(allAtTheEnd)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot fit BG/NBD: every customer with a repeat purchase made the last one at the end of "
                        + "observation (recency == age), so nobody is seen to stop buying and the data carry no "
                        + "information about dropout");
    }
}
