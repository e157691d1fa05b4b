package io.github.cxmetrics.clv;

import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.check;
import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.logUniform;
import static io.github.cxmetrics.clv.BetaGeometricNbdPropertyTest.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link ModifiedBetaGeometricNbd} over random valid parameters (QuickTheories, the
 * fixed seed of {@link BetaGeometricNbdPropertyTest}; each example draws from its own seed): P(alive)
 * in [0, 1]; E[X(t)] and E[Y(t) | history] non-decreasing in t; the relation to the BG/NBD for
 * customers with a repeat purchase (derived in the class comment and computed here by
 * {@link BetaGeometricNbd}'s own, separate code): {@code ln L_MBG(a, b) = ln L_BG(a, b + 1) +
 * ln(b/(a + b))}, {@code P_MBG(alive | a, b) = P_BG(alive | a, b + 1)} and the same conditional
 * expectation; and the log-likelihood of rows repeated k times is k times theirs (the grouping).
 */
class ModifiedBetaGeometricNbdPropertyTest {

    static ModifiedBetaGeometricNbd model(SplittableRandom random) {
        double r = logUniform(random, 0.01, 100);
        double alpha = Math.max(r / 100, logUniform(random, 0.01, 100));
        double a = random.nextInt(10) == 0 ? 1.0 : logUniform(random, 0.01, 10);
        double b = logUniform(random, 0.01, 50);
        return ModifiedBetaGeometricNbd.of(r, alpha, a, b);
    }

    static RfmSummary customer(SplittableRandom random, boolean repeat) {
        long x = !repeat && random.nextInt(4) == 0 ? 0 : (long) logUniform(random, 1, 1e4);
        double age = logUniform(random, 0.1, 1000);
        double tx = x == 0 ? 0.0 : age * random.nextDouble();
        return RfmSummary.of(x, tx, age);
    }

    @Test
    void probabilityAliveIsAProbabilityAndExpectationsRiseWithTime() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ModifiedBetaGeometricNbd m = model(random);
            RfmSummary c = customer(random, false);
            double t1 = logUniform(random, 1e-3, 1e5);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 1e3);
            double alive = m.probabilityAlive(c);
            String what = m + " " + c + " t1=" + t1 + " t2=" + t2;
            check(alive >= 0.0 && alive <= 1.0, "P(alive) " + alive + ": " + what);
            double e1 = m.expectedPurchases(t1);
            double e2 = m.expectedPurchases(t2);
            check(e1 >= 0.0 && e2 >= e1 * (1 - 1e-12), "E[X(t)] " + e1 + ", " + e2 + ": " + what);
            double c1 = m.conditionalExpectedPurchases(t1, c);
            double c2 = m.conditionalExpectedPurchases(t2, c);
            check(c1 >= 0.0 && c2 >= c1 * (1 - 1e-12), "CET " + c1 + ", " + c2 + ": " + what);
        });
    }

    @Test
    void repeatBuyersFollowTheBgNbdWithBPlusOne() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ModifiedBetaGeometricNbd m = model(random);
            BetaGeometricNbd bg = BetaGeometricNbd.of(m.r(), m.alpha(), m.a(), m.b() + 1);
            RfmSummary c = customer(random, true);
            double t = logUniform(random, 1e-2, 1e4);
            String what = m + " " + c + " t=" + t;
            double ll = bg.logLikelihood(c) + Math.log(m.b() / (m.a() + m.b()));
            check(Math.abs(m.logLikelihood(c) - ll) <= 1e-11 * Math.max(1, Math.abs(ll)), "ln L: " + what);
            check(Math.abs(m.probabilityAlive(c) - bg.probabilityAlive(c)) <= 1e-13, "P(alive): " + what);
            double cet = bg.conditionalExpectedPurchases(t, c);
            check(Math.abs(m.conditionalExpectedPurchases(t, c) - cet) <= 1e-13 * Math.max(1, cet), "CET: " + what);
        });
    }

    @Test
    void theLogLikelihoodOfRepeatedRowsIsTheWeightedSumOfTheirGroups() {
        qt().withExamples(5).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            List<RfmSummary> distinct = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                long x = random.nextInt(6);
                double age = 10 + random.nextInt(30);
                distinct.add(RfmSummary.of(x, x == 0 ? 0 : 1 + random.nextInt((int) age - 1), age));
            }
            List<RfmSummary> once = new ArrayList<>(distinct);
            List<RfmSummary> repeated = new ArrayList<>();
            for (RfmSummary c : distinct) {
                for (int k = 0; k < 3; k++) {
                    repeated.add(c);
                }
            }
            ModifiedBetaGeometricNbd m = ModifiedBetaGeometricNbd.of(0.5, 5, 0.9, 1.6);
            double single = m.logLikelihood(once);
            check(Math.abs(m.logLikelihood(repeated) - 3 * single) <= 1e-10 * Math.abs(single), "LL of repeats");
        });
    }
}
