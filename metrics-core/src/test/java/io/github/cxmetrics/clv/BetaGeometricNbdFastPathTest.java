package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The closed-form fast path of the BG/NBD predictions ({@code BetaGeometricNbd.fastExpectedPurchases},
 * eq. 9/10 with the Gauss series of ₂F₁ behind a guard with a computed error bound of 5e-12)
 * against the quadrature that is the fallback (and that the mpmath tables of
 * {@link BetaGeometricNbdPredictionTest} validate): the public result must equal the quadrature to
 * 1e-11 relative wherever either route is taken, and the fast route must actually be taken for
 * ordinary CDNOW-like inputs (else the predictions cost about 50 µs instead of under 1 µs).
 */
class BetaGeometricNbdFastPathTest {

    /** Hardie's CDNOW estimates (FHL 2005, Table 1 footnote; the BTYD spreadsheet). */
    static final BetaGeometricNbd CDNOW = BetaGeometricNbd.of(0.2426, 4.4135, 0.7931, 2.4259);

    static double logUniform(SplittableRandom random, double from, double to) {
        return Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * random.nextDouble());
    }

    static double relativeError(double actual, double expected) {
        return expected == 0.0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
    }

    /** r, α, a, b log-uniform over wide ranges, with a near 1 and a + b < 1 often. */
    static BetaGeometricNbd randomModel(SplittableRandom random) {
        double r = logUniform(random, 1e-3, 1e3);
        double alpha = Math.max(r / 100, logUniform(random, 1e-3, 1e3)); // r/α up to 100 per period
        double a;
        switch (random.nextInt(5)) {
            case 0:
                a = 1.0 + (random.nextBoolean() ? 1 : -1) * logUniform(random, 1e-12, 1e-1); // a near 1
                break;
            case 1:
                a = 1.0;
                break;
            default:
                a = logUniform(random, 1e-3, 1e2);
        }
        double b = random.nextInt(4) == 0 ? logUniform(random, 1e-3, Math.max(2e-3, 1.0 - a)) // a + b < 1 mostly
                : logUniform(random, 1e-3, 1e3);
        return BetaGeometricNbd.of(r, alpha, a, b);
    }

    @Test
    void expectedPurchasesEqualTheQuadratureOverRandomParameters() {
        SplittableRandom random = new SplittableRandom(0xFA57L);
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            BetaGeometricNbd m = randomModel(random);
            double t = logUniform(random, 1e-4, 1e6);
            double actual = m.expectedPurchases(t);
            double expected = m.quadratureExpectedPurchases(m.r(), m.alpha(), m.a(), m.b(), t);
            assertThat(relativeError(actual, expected)).as("%s t=%s: %s vs quadrature %s", m, t, actual, expected)
                    .isLessThanOrEqualTo(1e-11);
            if (!Double.isNaN(BetaGeometricNbd.fastExpectedPurchases(m.r(), m.alpha(), m.a(), m.b(), t))) {
                fast++;
            }
        }
        // the draw exercises both routes (866 fast for this seed; not a property of the method)
        assertThat(fast).isBetween(600, 2400);
    }

    @Test
    void conditionalExpectationsEqualTheQuadratureOverRandomHistories() {
        SplittableRandom random = new SplittableRandom(0xC0_FA57L);
        int fast = 0;
        for (int i = 0; i < 3000; i++) {
            BetaGeometricNbd m = randomModel(random);
            double age = logUniform(random, 1e-2, 1e3);
            long x = random.nextInt(3) == 0 ? 0 : (long) logUniform(random, 1, 1e4);
            double tx = x == 0 ? 0.0 : age * random.nextDouble();
            double t = logUniform(random, 1e-4, 1e6);
            double actual = m.conditionalExpectedPurchases(t, x, tx, age);
            double expected = m.probabilityAlive(x, tx, age)
                    * m.quadratureExpectedPurchases(m.r() + x, m.alpha() + age, m.a(), m.b() + x, t);
            assertThat(relativeError(actual, expected))
                    .as("%s t=%s x=%s tx=%s T=%s: %s vs quadrature %s", m, t, x, tx, age, actual, expected)
                    .isLessThanOrEqualTo(1e-11);
            if (!Double.isNaN(BetaGeometricNbd.fastExpectedPurchases(m.r() + x, m.alpha() + age, m.a(), m.b() + x,
                    t))) {
                fast++;
            }
        }
        assertThat(fast).isBetween(600, 2400); // 1281 for this seed
    }

    @Test
    void theFastPathIsTakenForCdnowLikeInputs() {
        double r = CDNOW.r();
        double alpha = CDNOW.alpha();
        double a = CDNOW.a();
        double b = CDNOW.b();
        for (int t = 1; t <= 520; t++) {
            double fast = BetaGeometricNbd.fastExpectedPurchases(r, alpha, a, b, t);
            double slow = CDNOW.quadratureExpectedPurchases(r, alpha, a, b, t);
            assertThat(relativeError(fast, slow)).as("E[X(%s)]: fast %s, quadrature %s", t, fast, slow)
                    .isLessThanOrEqualTo(1e-11);
            assertThat(CDNOW.expectedPurchases(t)).isEqualTo(fast);
            for (int x = 0; x <= 20; x++) {
                // a customer with the median CDNOW age (about 32 weeks) and recency of 30 weeks
                double age = 32.0;
                double fastY = BetaGeometricNbd.fastExpectedPurchases(r + x, alpha + age, a, b + x, t);
                double slowY = CDNOW.quadratureExpectedPurchases(r + x, alpha + age, a, b + x, t);
                assertThat(relativeError(fastY, slowY)).as("E[Y(%s) | x=%s, T=32]: fast %s, quadrature %s", t, x,
                        fastY, slowY).isLessThanOrEqualTo(1e-11);
            }
        }
    }

    @Test
    void aEqualToOneTakesTheFastPathThroughEulersTransformation() {
        // mpmath values of BetaGeometricNbdPredictionTest.aEqualToOneIsTheLimit (bgnbd_mpmath.py: the mean of
        // eq. 9/10 at a = 1 ± 1e-20, 90 digits); a = 1 has no removable singularity in the Euler form
        double r = 0.2426;
        double alpha = 4.4135;
        double b = 2.4258;
        double e = BetaGeometricNbd.fastExpectedPurchases(r, alpha, 1.0, b, 52);
        assertThat(relativeError(e, 1.2881656550752979983)).as("E[X(52)] = %s", e).isLessThanOrEqualTo(1e-12);
        BetaGeometricNbd m = BetaGeometricNbd.of(r, alpha, 1.0, b);
        double y = m.probabilityAlive(2, 20, 25) * BetaGeometricNbd.fastExpectedPurchases(r + 2, alpha + 25, 1.0,
                b + 2, 52);
        assertThat(relativeError(y, 1.8969001561354298965)).as("E[Y(52) | 2, 20, 25] = %s", y)
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void theGuardRefusesWhereTheSeriesCannotFinish() {
        // a + b < 1: c = a + b − 1 < 0, the series has terms of both signs
        assertThat(BetaGeometricNbd.fastExpectedPurchases(0.5, 1, 0.3, 0.6, 10)).isNaN();
        // z = t/(α + t) = 1 − 1e-6: millions of terms
        assertThat(BetaGeometricNbd.fastExpectedPurchases(0.2426, 4.4135, 0.7931, 2.4259, 4.4135e6)).isNaN();
        // t/α = 1e-9: B = 1 − X loses all its digits in the Gauss route, and the Euler route's
        // cancellation h/(h − W·G) ≈ c/r = 1e8 is past the limit
        assertThat(BetaGeometricNbd.fastExpectedPurchases(1e-4, 1, 0.5, 1e4, 1e-9)).isNaN();
    }
}
