package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * {@link ParetoNbd} against the mpmath vectors of {@code shared/reports/mission-next.md} §6.1
 * (computed at 40 digits with the script {@code clv_mp.py} of its appendix A.6 and
 * {@code stress.py} for the high-frequency rows; both printed to 16 digits) and against
 * {@code pareto_nbd_mpmath.py} beside this test (P(X(t) = n) by mpmath quadrature, s = 1). Tolerance
 * 1e-12 relative (absolute for values below 1). The CDNOW fit is compared with the published fit
 * (Fader &amp; Hardie 2005 note 009: r 0.553, α 10.578, s 0.606, β 11.669, LL −9595.0), with the
 * report's independent scipy Nelder–Mead MLE (0.5532755258, 10.57761251, 0.6062135685, 11.66791077,
 * LL −9594.9739298269) and with CLVTools' standard errors (0.0476, 0.8427, 0.1873, 6.2105, from
 * mission-clv-churn §5).
 */
class ParetoNbdTest {

    private static final ParetoNbd P1 = ParetoNbd.of(0.55, 10.58, 0.61, 11.67);
    private static final ParetoNbd P2 = ParetoNbd.of(0.55, 12, 0.61, 8);
    private static final ParetoNbd P3 = ParetoNbd.of(0.55, 11, 0.61, 11);
    private static final double DELTA = Math.log(1.15) / 52;

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.max(1.0, Math.abs(expected))));
    }

    private static RfmSummary c(long x, double tx, double t) {
        return RfmSummary.of(x, tx, t);
    }

    @Test
    void cdnowLogLikelihoodAtFixedParametersMatchesMpmath() {
        double sum = 0.0;
        for (RfmSummary customer : Cdnow.summaries()) {
            sum += P1.logLikelihood(customer);
        }
        close(sum, -9595.0085304903349, "LL(CDNOW)");
    }

    @Test
    void customersAtFixedParametersMatchMpmath() {
        // (x, tx, T) | ln L | P(alive) | CET(39) | CET(52) | DERT(ln 1.15 / 52)
        Object[][] rows = {
            {c(0, 0, 38.86), -0.5170251508875385, 0.2937739504674205, 0.1058253558903197, 0.134563848096033,
                0.4708759192532106},
            {c(2, 30.43, 38.86), -9.561981260842964, 0.8684109171320917, 1.450371374791711, 1.844241880580901,
                6.45350963970688},
            {c(1, 1.71, 38.86), -4.450772549453817, 0.1669945505257549, 0.1695304684878937, 0.2155690573145619,
                0.7543354285848102},
            {c(26, 30.86, 31.00), -39.14884218821929, 0.9979050725760392, 20.08638567504555, 25.41149938331594,
                85.78272548812915}};
        for (Object[] row : rows) {
            RfmSummary customer = (RfmSummary) row[0];
            close(P1.logLikelihood(customer), (double) row[1], "ln L " + customer);
            close(P1.probabilityAlive(customer), (double) row[2], "P(alive) " + customer);
            close(P1.conditionalExpectedPurchases(39, customer), (double) row[3], "CET(39) " + customer);
            close(P1.conditionalExpectedPurchases(52, customer), (double) row[4], "CET(52) " + customer);
            close(P1.discountedExpectedResidualTransactions(DELTA, customer), (double) row[5], "DERT " + customer);
        }
    }

    @Test
    void expectedPurchasesMatchMpmath() {
        close(P1.expectedPurchases(39), 1.202352362831992, "E[X(39)]");
        close(P1.expectedPurchases(52), 1.459264475398708, "E[X(52)]");
        close(P1.expectedPurchases(78), 1.889998370531156, "E[X(78)]");
        assertThat(P1.expectedPurchases(0)).isEqualTo(0.0);
        // s = 1: r β/α · ln(1 + t/β) (pareto_nbd_mpmath.py)
        close(ParetoNbd.of(0.55, 10.58, 1, 11.67).expectedPurchases(39), 0.89077166833798367, "E[X(39)], s = 1");
    }

    @Test
    void alphaAtLeastBetaBranchMatchesMpmath() {
        Object[][] rows = {
            {c(0, 0, 38.86), -0.4293355788373634, 0.2361545192718171, 0.08173895276488586},
            {c(2, 30.43, 38.86), -9.738184700072851, 0.8588547922180467, 1.378256477997848},
            {c(1, 1.71, 38.86), -4.408862640862019, 0.1366058312493499, 0.1332511774271583},
            {c(26, 30.86, 31), -40.14641510793856, 0.9977112411085338, 19.12112403857829}};
        for (Object[] row : rows) {
            RfmSummary customer = (RfmSummary) row[0];
            close(P2.logLikelihood(customer), (double) row[1], "ln L " + customer);
            close(P2.probabilityAlive(customer), (double) row[2], "P(alive) " + customer);
            close(P2.conditionalExpectedPurchases(39, customer), (double) row[3], "CET(39) " + customer);
        }
    }

    @Test
    void alphaEqualsBetaUsesTheClosedForm() {
        close(P3.logLikelihood(c(0, 0, 38.86)), -0.4975854307154199, "ln L (0, 0, 38.86)");
        close(P3.logLikelihood(c(2, 30.43, 38.86)), -9.588303906652167, "ln L (2, 30.43, 38.86)");
    }

    @Test
    void alphaEqualsBetaIsContinuous() {
        RfmSummary customer = c(2, 30.43, 38.86);
        double at = P3.logLikelihood(customer);
        double above = ParetoNbd.of(0.55, 11 * (1 + 1e-12), 0.61, 11).logLikelihood(customer);
        double below = ParetoNbd.of(0.55, 11 * (1 - 1e-12), 0.61, 11).logLikelihood(customer);
        assertThat(above).isCloseTo(at, within(1e-11));
        assertThat(below).isCloseTo(at, within(1e-11));
    }

    @Test
    void highFrequencyCustomersAreFiniteAndMatchMpmath() {
        // CLVTools issue #100: plain double arithmetic gives NaN for all five
        Object[][] rows = {
            {c(221, 103.42857, 103.57143), -76.99487500426215, 0.9991283701027346, 68.98632569812484},
            {c(161, 94.71429, 98), -99.10258263881114, 0.6496018613373909, 34.24117033330198},
            {c(204, 98.57143, 99.42857), -79.96360181667695, 0.9884283261759355, 65.18403473265709},
            {c(300, 100, 104), -8.732048320165321, 0.01110159702002542, 1.036280216027443},
            {c(600, 150, 156), 181.6419077845042, 2.626223564672829e-7, 3.459004671557264e-5}};
        for (Object[] row : rows) {
            RfmSummary customer = (RfmSummary) row[0];
            close(P1.logLikelihood(customer), (double) row[1], "ln L " + customer);
            double pAlive = (double) row[2];
            assertThat(P1.probabilityAlive(customer)).as("P(alive) " + customer)
                    .isCloseTo(pAlive, within(1e-12 * pAlive));
            double cet = (double) row[3];
            assertThat(P1.conditionalExpectedPurchases(39, customer)).as("CET(39) " + customer)
                    .isCloseTo(cet, within(1e-12 * Math.max(cet, 1e-300)));
        }
    }

    @Test
    void recencyBeyondAgeIsRejected() {
        // the sixth CLVTools #100 row has t_x > T
        assertThatThrownBy(() -> P1.probabilityAlive(254, 97.42857, 97.28571))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("97.42857")
                .hasMessageContaining("97.28571");
    }

    @Test
    void argumentsNearOneMatchMpmath() {
        ParetoNbd near = ParetoNbd.of(0.55, 100, 0.61, 0.5);
        ParetoNbd nearer = ParetoNbd.of(0.55, 100000, 0.61, 0.5);
        close(near.logLikelihood(c(0, 0, 38.86)), -0.02705147437553307, "z = 0.995 ln L");
        close(near.probabilityAlive(c(0, 0, 38.86)), 0.0598024484589778, "z = 0.995 P(alive)");
        close(near.logLikelihood(c(2, 0.5, 38.86)), -9.959345370820725, "z = 0.99005 ln L");
        close(near.probabilityAlive(c(2, 0.5, 38.86)), 0.0544251285029279, "z = 0.99005 P(alive)");
        close(nearer.logLikelihood(c(0, 0, 38.86)), -3.164555685079322e-5, "z = 0.999995 ln L");
        close(nearer.probabilityAlive(c(0, 0, 38.86)), 0.0697122399844643, "z = 0.999995 P(alive)");
        close(nearer.logLikelihood(c(2, 0.5, 38.86)), -23.60847393830517, "z = 0.99999 ln L");
        close(nearer.probabilityAlive(c(2, 0.5, 38.86)), 0.1063364533819625, "z = 0.99999 P(alive)");
    }

    @Test
    void recencyEqualToAgeDropsTheA0Term() {
        // A0 = 0: L = Γ(r+x)α^rβ^s/Γ(r)·(α+T)^−(r+x)(β+T)^−s and P(alive) = 1
        RfmSummary customer = c(3, 20, 20);
        double expected = io.github.cxmetrics.internal.math.Gamma.logGamma(3.55)
                - io.github.cxmetrics.internal.math.Gamma.logGamma(0.55) + 0.55 * Math.log(10.58)
                + 0.61 * Math.log(11.67) - 3.55 * Math.log(30.58) - 0.61 * Math.log(31.67);
        close(P1.logLikelihood(customer), expected, "ln L, tx = T");
        assertThat(P1.probabilityAlive(customer)).isEqualTo(1.0);
    }

    @Test
    void probabilityOfPurchasesMatchesMpmathQuadrature() {
        close(P1.probabilityOfPurchases(0, 39), 0.59601979187789223, "P(X(39) = 0)");
        close(P1.probabilityOfPurchases(1, 39), 0.16510575094241085, "P(X(39) = 1)");
        close(P1.probabilityOfPurchases(2, 39), 0.082032530660833774, "P(X(39) = 2)");
        close(P1.probabilityOfPurchases(5, 52), 0.023550722288654413, "P(X(52) = 5)");
        close(P1.probabilityOfPurchases(20, 78), 0.0013706138166084284, "P(X(78) = 20)");
    }

    @Test
    void probabilitiesOfPurchasesSumToOneWithMeanExpectedPurchases() {
        double total = 0.0;
        double mean = 0.0;
        for (int n = 0; n <= 400; n++) { // P(X(39) = 400) < 1e-40: the NB tail falls like (39/49.58)^n
            double p = P1.probabilityOfPurchases(n, 39);
            total += p;
            mean += n * p;
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(mean).isCloseTo(P1.expectedPurchases(39), within(1e-11));
    }

    @Test
    void cdnowFitReproducesThePublishedEstimates() {
        ParetoNbd fit = ParetoNbd.fit(Cdnow.summaries());
        // published, to its digits
        assertThat(fit.r()).isCloseTo(0.553, within(5e-4));
        assertThat(fit.alpha()).isCloseTo(10.578, within(5e-4));
        assertThat(fit.s()).isCloseTo(0.606, within(5e-4));
        assertThat(fit.beta()).isCloseTo(11.669, within(5e-3));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.05));
        // the report's scipy Nelder–Mead MLE (xatol = fatol = 1e-12), an independent optimizer
        assertThat(fit.r()).isCloseTo(0.5532755258, within(1e-6 * 0.553));
        assertThat(fit.alpha()).isCloseTo(10.57761251, within(1e-6 * 10.58));
        assertThat(fit.s()).isCloseTo(0.6062135685, within(1e-6 * 0.606));
        assertThat(fit.beta()).isCloseTo(11.66791077, within(1e-6 * 11.67));
        assertThat(fit.logLikelihood()).isCloseTo(-9594.9739298269, within(1e-8));
        double[] se = fit.standardErrors();
        double[] clvTools = {0.0476, 0.8427, 0.1873, 6.2105};
        for (int i = 0; i < 4; i++) {
            assertThat(se[i]).as("se[%d]", i).isCloseTo(clvTools[i], within(2e-3 * clvTools[i] + 5e-5));
        }
        assertThat(fit.sEstimate().value()).isEqualTo(fit.s());
        assertThat(fit.betaEstimate().standardError()).isEqualTo(se[3]);
    }

    /**
     * BTYD's walkthrough (as quoted in mission-next A.6, {@code clv_fit.py}) prints these at its own
     * L-BFGS-B estimate, which differs from the exact MLE in the fourth digit: E[X(52)] 1.473434,
     * CET(52 | 26, 30.85714, 31) 25.45647 with P(alive) 0.997874, and the "increasing frequency
     * paradox" CET(52 | x, 20, 39) for x = 10, 15, 20, 25: 0.7062289, 0.1442396, 0.02250658,
     * 0.00309267. At our MLE they agree to 1e-3 relative.
     */
    @Test
    void cdnowFitReproducesBtydPredictions() {
        ParetoNbd fit = ParetoNbd.fit(Cdnow.summaries());
        RfmSummary heavy = c(26, 30.857142857, 31);
        assertThat(fit.expectedPurchases(52)).isCloseTo(1.473434, within(1e-3 * 1.473434));
        assertThat(fit.conditionalExpectedPurchases(52, heavy)).isCloseTo(25.45647, within(1e-3 * 25.45647));
        assertThat(fit.probabilityAlive(heavy)).isCloseTo(0.997874, within(1e-3 * 0.997874));
        double[] paradox = {0.7062289, 0.1442396, 0.02250658, 0.00309267};
        for (int i = 0; i < 4; i++) {
            long x = 10 + 5 * i;
            assertThat(fit.conditionalExpectedPurchases(52, c(x, 20, 39))).as("x = %d", x)
                    .isCloseTo(paradox[i], within(1e-3 * paradox[i]));
        }
    }

    @Test
    void nelderMeadFallbackReachesTheSameEstimate() {
        ParetoNbd bfgs = ParetoNbd.fit(Cdnow.summaries());
        ParetoNbd nelderMead = ParetoNbd.fit(Cdnow.summaries(), null, false);
        assertThat(nelderMead.r()).isCloseTo(bfgs.r(), within(1e-7 * bfgs.r()));
        assertThat(nelderMead.alpha()).isCloseTo(bfgs.alpha(), within(1e-7 * bfgs.alpha()));
        assertThat(nelderMead.s()).isCloseTo(bfgs.s(), within(1e-7 * bfgs.s()));
        assertThat(nelderMead.beta()).isCloseTo(bfgs.beta(), within(1e-7 * bfgs.beta()));
        assertThat(nelderMead.logLikelihood()).isCloseTo(bfgs.logLikelihood(), within(1e-9));
    }

    @Test
    void fitDoesNotDependOnOrderOrPool() {
        List<RfmSummary> customers = new ArrayList<>(Cdnow.summaries());
        ParetoNbd fit = ParetoNbd.fit(customers);
        Collections.shuffle(customers, new java.util.Random(23));
        assertThat(ParetoNbd.fit(customers)).isEqualTo(fit);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            assertThat(ParetoNbd.fit(customers, pool)).isEqualTo(fit);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fitRecoversParametersOfSimulatedData() {
        // simulate the model's story: λ ~ Gamma(r, α), μ ~ Gamma(s, β), Poisson purchases until an
        // exponential lifetime, observed over T = 52
        SplittableRandom random = new SplittableRandom(20260312L);
        double r = 0.8;
        double alpha = 6;
        double s = 0.9;
        double beta = 15;
        List<RfmSummary> customers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            double lambda = gamma(random, r) / alpha;
            double mu = gamma(random, s) / beta;
            double end = Math.min(52, -Math.log(random.nextDouble()) / mu);
            long x = 0;
            double last = 0;
            for (double time = -Math.log(random.nextDouble()) / lambda; time < end;
                    time += -Math.log(random.nextDouble()) / lambda) {
                x++;
                last = time;
            }
            customers.add(RfmSummary.of(x, last, 52));
        }
        ParetoNbd fit = ParetoNbd.fit(customers);
        double[] se = fit.standardErrors();
        assertThat(fit.r()).isCloseTo(r, within(4 * se[0]));
        assertThat(fit.alpha()).isCloseTo(alpha, within(4 * se[1]));
        assertThat(fit.s()).isCloseTo(s, within(4 * se[2]));
        assertThat(fit.beta()).isCloseTo(beta, within(4 * se[3]));
    }

    /** Gamma(k, 1) by Marsaglia &amp; Tsang (2000), with the k &lt; 1 boost. */
    private static double gamma(SplittableRandom random, double k) {
        if (k < 1) {
            return gamma(random, k + 1) * Math.pow(random.nextDouble(), 1 / k);
        }
        double d = k - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    @Test
    void badInputIsRejectedWithTheArgumentAndValue() {
        assertThatThrownBy(() -> ParetoNbd.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> ParetoNbd.of(1, Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be finite and > 0, was NaN");
        assertThatThrownBy(() -> ParetoNbd.of(1, 1, -2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("s must be finite and > 0, was -2.0");
        assertThatThrownBy(() -> ParetoNbd.of(1, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("beta must be finite and > 0, was Infinity");
        assertThatThrownBy(() -> P1.expectedPurchases(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> P1.conditionalExpectedPurchases(Double.NaN, c(1, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> P1.conditionalExpectedPurchases(1, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
        assertThatThrownBy(() -> P1.probabilityOfPurchases(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> P1.probabilityOfPurchases(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> P1.discountedExpectedResidualTransactions(0, c(1, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("continuousDiscountRate must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> P1.logLikelihood()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not fitted");
        assertThatThrownBy(() -> P1.standardErrors()).isInstanceOf(IllegalStateException.class)
                .hasMessage("standard errors exist only for a fitted Pareto/NBD model");
        assertThatThrownBy(() -> ParetoNbd.fit(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot fit Pareto/NBD to an empty set of customers");
        assertThatThrownBy(() -> ParetoNbd.fit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("customers");
        assertThatThrownBy(() -> ParetoNbd.fit(List.of(c(0, 0, 10), c(0, 0, 20))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no customer has a repeat purchase");
        assertThatThrownBy(() -> ParetoNbd.fit(List.of(c(0, 0, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("every customer's age is 0");
        assertThatThrownBy(() -> ParetoNbd.fit(Cdnow.summaries(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("pool");
        // every repeat buyer bought at the end of observation: nobody is seen to drop out (s → 0)
        assertThatThrownBy(() -> ParetoNbd.fit(List.of(c(3, 10, 10), c(5, 20, 20), c(1, 5, 5), c(2, 8, 8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Pareto/NBD fit did not converge to finite parameters: the estimate runs off")
                .hasMessageEndingWith("the data carry too little information to identify them");
    }

    @Test
    void nameParametersAndString() {
        assertThat(P1.name()).isEqualTo("Pareto/NBD");
        assertThat(P1.parameterCount()).isEqualTo(4);
        assertThat(P1).hasToString("ParetoNbd[r=0.550000, alpha=10.5800, s=0.610000, beta=11.6700]");
        assertThat(P1).isEqualTo(ParetoNbd.of(0.55, 10.58, 0.61, 11.67)).isNotEqualTo(P2);
        assertThat(P1.hashCode()).isEqualTo(ParetoNbd.of(0.55, 10.58, 0.61, 11.67).hashCode());
    }
}
