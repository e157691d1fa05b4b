package io.github.cxmetrics.clv;

import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.check;
import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.logUniform;
import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.clv.BetaGeometricBetaBinomial.History;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link BetaGeometricBetaBinomial} over random valid parameters (QuickTheories, the
 * fixed seed of {@link BetaGeometricNbdPropertyTest}; each example draws α, β, γ, δ log-uniform in
 * [0.05, 20], γ exactly 1 in a tenth of the examples, and a history with up to 200 opportunities):
 * P(alive) in [0, 1] and falling with m; E[X(n)] and the conditional expectation non-decreasing in the
 * horizon and below it; Σₓ P(X(n) = x) = 1 and Σₓ x·P = E[X(n)] (two different formulas); DERT equal
 * to the discounted sum of the increments of the conditional expectation (its definition, summed to
 * a tail below 1e-15), and at most 1/d; a fit to histories with counts (the donations patterns
 * with rescaled counts) equals the fit to the histories repeated.
 */
class BetaGeometricBetaBinomialPropertyTest {

    static BetaGeometricBetaBinomial model(SplittableRandom random) {
        double g = random.nextInt(10) == 0 ? 1.0 : logUniform(random, 0.05, 20);
        return BetaGeometricBetaBinomial.of(logUniform(random, 0.05, 20), logUniform(random, 0.05, 20), g,
                logUniform(random, 0.05, 20));
    }

    static History history(SplittableRandom random) {
        int n = random.nextInt(201);
        int x = random.nextInt(4) == 0 ? 0 : random.nextInt(n + 1);
        int tx = x == 0 ? 0 : x + random.nextInt(n - x + 1);
        return History.of(x, tx, n);
    }

    @Test
    void probabilitiesAndExpectationsBehave() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricBetaBinomial m = model(random);
            History h = history(random);
            int k1 = random.nextInt(100);
            int k2 = k1 + 1 + random.nextInt(100);
            String what = m + " " + h + " k1=" + k1 + " k2=" + k2;
            double p0 = m.probabilityAlive(h);
            double p1 = m.probabilityAlive(h, k1);
            double p2 = m.probabilityAlive(h, k2);
            check(p0 >= 0 && p0 <= 1 && p2 >= 0 && p1 <= p0 && p2 <= p1, "P(alive) " + p0 + " " + p1 + " " + p2
                    + ": " + what);
            double e1 = m.expectedPurchases(k1);
            double e2 = m.expectedPurchases(k2);
            check(e1 >= 0 && e1 <= k1 && e2 >= e1 * (1 - 1e-12) && e2 <= k2, "E[X(n)] " + e1 + " " + e2 + ": " + what);
            double c1 = m.conditionalExpectedPurchases(k1, h);
            double c2 = m.conditionalExpectedPurchases(k2, h);
            check(c1 >= 0 && c1 <= k1 && c2 >= c1 * (1 - 1e-12) && c2 <= k2, "CET " + c1 + " " + c2 + ": " + what);
        });
    }

    @Test
    void purchaseCountProbabilitiesSumToOneWithMeanTheExpectation() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricBetaBinomial m = model(random);
            int n = random.nextInt(60);
            double total = 0;
            double mean = 0;
            for (int x = 0; x <= n; x++) {
                double p = m.probabilityOfPurchases(x, n);
                check(p >= 0 && p <= 1, "P " + p);
                total += p;
                mean += x * p;
            }
            double e = m.expectedPurchases(n);
            check(Math.abs(total - 1) <= 1e-12, "sum " + total + ": " + m + " n=" + n);
            check(Math.abs(mean - e) <= 1e-11 * Math.max(1, e), "mean " + mean + " vs " + e + ": " + m + " n=" + n);
        });
    }

    @Test
    void dertIsTheDiscountedSumOfFutureTransactions() {
        qt().withExamples(60).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricBetaBinomial m = model(random);
            History h = history(random);
            double d = logUniform(random, 0.05, 2);
            int terms = (int) Math.ceil(36 * Math.log(10) / Math.log1p(d)); // (1 + d)^-terms <= 1e-36
            double sum = 0;
            double previous = 0;
            double discount = 1;
            for (int k = 1; k <= terms; k++) {
                double c = m.conditionalExpectedPurchases(k, h);
                discount /= 1 + d;
                sum += (c - previous) * discount;
                previous = c;
            }
            double dert = m.discountedExpectedResidualTransactions(d, h);
            String what = m + " " + h + " d=" + d + " DERT=" + dert + " sum=" + sum;
            check(dert > 0 && dert <= 1 / d, "bound: " + what);
            check(Math.abs(dert - sum) <= 1e-11 * Math.max(1e-3, dert), "definition: " + what);
        });
    }

    @Test
    void aFitToCountsEqualsTheFitToRepeatedHistories() {
        qt().withExamples(5).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            // the donations patterns, their counts scaled by a factor in [0.3, 1] plus 0..2: data like the
            // paper's (on much smaller or reshuffled counts the MLE often lies on the boundary γ, δ → ∞)
            List<History> grouped = new ArrayList<>();
            List<History> repeated = new ArrayList<>();
            double f = 0.3 + 0.7 * random.nextDouble();
            for (History h : BetaGeometricBetaBinomialTest.donations()) {
                grouped.add(new History(h.frequency(), h.recency(), h.opportunities(),
                        Math.max(1, Math.round(h.count() * f)) + random.nextInt(3)));
            }
            for (History h : grouped) {
                for (long k = 0; k < h.count(); k++) {
                    repeated.add(History.of(h.frequency(), h.recency(), h.opportunities()));
                }
            }
            Collections.shuffle(repeated, new Random(seed));
            BetaGeometricBetaBinomial a = BetaGeometricBetaBinomial.fit(grouped);
            BetaGeometricBetaBinomial b = BetaGeometricBetaBinomial.fit(repeated);
            check(a.equals(b), a + " vs " + b);
        });
    }
}
