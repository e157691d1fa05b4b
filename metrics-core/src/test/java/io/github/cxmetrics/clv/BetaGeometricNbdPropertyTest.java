package io.github.cxmetrics.clv;

import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Bounds and monotonicity of the {@link BetaGeometricNbd} predictions over random valid parameters,
 * checked with QuickTheories from a fixed seed. Each example draws, from its own seed, r in
 * [0.01, 100] and α with r/α up to 100 per period, a in [0.01, 10] (exactly 1 in a tenth of the
 * examples), b in [0.01, 50] (so a + b < 1 occurs) and horizons up to 10^6 (log-uniform): then
 * {@code 0 <= E[X(t)] <= r·t/α} (dropping out only removes purchases), {@code E[X(t)]} does not
 * decrease in t (up to 1e-12 relative: two quadratures), the same for the conditional expectation
 * with its bound {@code (r + x)·t/(α + T)}, and every probability is in [0, 1].
 */
class BetaGeometricNbdPropertyTest {

    static final long SEED = 0xB6_0DB0L;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
    }

    static double logUniform(SplittableRandom random, double from, double to) {
        return Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * random.nextDouble());
    }

    static BetaGeometricNbd model(SplittableRandom random) {
        double r = logUniform(random, 0.01, 100);
        double alpha = Math.max(r / 100, logUniform(random, 0.01, 100));
        double a = random.nextInt(10) == 0 ? 1.0 : logUniform(random, 0.01, 10);
        double b = logUniform(random, 0.01, 50);
        return BetaGeometricNbd.of(r, alpha, a, b);
    }

    static boolean check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
        return true;
    }

    @Test
    void expectedPurchasesAreBoundedAndNonDecreasing() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricNbd m = model(random);
            double t1 = logUniform(random, 1e-3, 1e6);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 1e3);
            double e1 = m.expectedPurchases(t1);
            double e2 = m.expectedPurchases(t2);
            String what = m + " t1=" + t1 + " t2=" + t2 + " E1=" + e1 + " E2=" + e2;
            check(e1 >= 0.0 && e1 <= m.r() * t1 / m.alpha(), "bound at t1: " + what);
            check(e2 >= 0.0 && e2 <= m.r() * t2 / m.alpha(), "bound at t2: " + what);
            check(e2 >= e1 * (1 - 1e-12), "monotone: " + what);
        });
    }

    @Test
    void conditionalExpectationsAreBoundedAndNonDecreasing() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricNbd m = model(random);
            long x = random.nextInt(4) == 0 ? 0 : (long) logUniform(random, 1, 1e5);
            double age = logUniform(random, 0.1, 1000);
            double tx = x == 0 ? 0.0 : age * random.nextDouble();
            double t1 = logUniform(random, 1e-3, 1e6);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 1e3);
            double e1 = m.conditionalExpectedPurchases(t1, x, tx, age);
            double e2 = m.conditionalExpectedPurchases(t2, x, tx, age);
            double alive = m.probabilityAlive(x, tx, age);
            String what = m + " x=" + x + " tx=" + tx + " T=" + age + " t1=" + t1 + " t2=" + t2 + " E1=" + e1
                    + " E2=" + e2;
            check(alive >= 0.0 && alive <= 1.0, "P(alive): " + what);
            check(e1 >= 0.0 && e1 <= (m.r() + x) * t1 / (m.alpha() + age), "bound at t1: " + what);
            check(e2 >= 0.0 && e2 <= (m.r() + x) * t2 / (m.alpha() + age), "bound at t2: " + what);
            check(e2 >= e1 * (1 - 1e-12), "monotone: " + what);
        });
    }

    @Test
    void purchaseCountProbabilitiesAreProbabilities() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BetaGeometricNbd m = model(random);
            int n = random.nextInt(3) == 0 ? random.nextInt(20) : (int) logUniform(random, 1, Integer.MAX_VALUE);
            double t = logUniform(random, 1e-3, 1e6);
            double p = m.probabilityOfPurchases(n, t);
            check(p >= 0.0 && p <= 1.0, m + " n=" + n + " t=" + t + " P=" + p);
        });
    }
}
