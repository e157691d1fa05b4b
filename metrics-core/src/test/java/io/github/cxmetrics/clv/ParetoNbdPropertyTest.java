package io.github.cxmetrics.clv;

import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Bounds, monotonicity and continuity of the {@link ParetoNbd} predictions over random valid
 * parameters, checked with QuickTheories from a fixed seed. Each example draws, from its own seed,
 * r in [0.01, 100], α and β in [0.01, 1000] (α = β in a tenth of the examples), s in [0.01, 10]
 * (exactly 1 in a tenth), a history with x up to 10⁴ and T up to 1000, and horizons up to 10⁴ (all
 * log-uniform). Then ln L is finite, P(alive) is in [0, 1], P(alive | 0, 0, T) does not increase
 * with T, 0 <= E[X(t)] <= r·t/α and E[X(t)] does not decrease in t, the conditional expectation is
 * finite, non-negative and does not decrease in t, DERT is finite and non-negative and equals its
 * discounted integral (by quadrature), and the α = β closed form joins the general formula at
 * α = β·(1 ± 1e-9).
 */
class ParetoNbdPropertyTest {

    static final long SEED = 0x9A_2E70L;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
    }

    static double logUniform(SplittableRandom random, double from, double to) {
        return Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * random.nextDouble());
    }

    static ParetoNbd model(SplittableRandom random) {
        double r = logUniform(random, 0.01, 100);
        double alpha = logUniform(random, 0.01, 1000);
        double s = random.nextInt(10) == 0 ? 1.0 : logUniform(random, 0.01, 10);
        double beta = random.nextInt(10) == 0 ? alpha : logUniform(random, 0.01, 1000);
        return ParetoNbd.of(r, alpha, s, beta);
    }

    static RfmSummary history(SplittableRandom random) {
        long x = random.nextInt(4) == 0 ? 0 : (long) logUniform(random, 1, 1e4);
        double age = logUniform(random, 0.1, 1000);
        double tx = x == 0 ? 0.0 : (random.nextInt(10) == 0 ? age : age * random.nextDouble());
        return RfmSummary.of(x, tx, age);
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    @Test
    void probabilityAliveIsAProbabilityAndTheLikelihoodFinite() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            RfmSummary h = history(random);
            double alive = m.probabilityAlive(h);
            double ll = m.logLikelihood(h);
            String what = m + " " + h + " P(alive)=" + alive + " lnL=" + ll;
            check(alive >= 0.0 && alive <= 1.0, "P(alive): " + what);
            check(Double.isFinite(ll), "ln L: " + what);
        });
    }

    @Test
    void probabilityAliveWithoutPurchasesFallsWithAge() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            double t1 = logUniform(random, 0.01, 1000);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 100);
            double p1 = m.probabilityAlive(0, 0, t1);
            double p2 = m.probabilityAlive(0, 0, t2);
            check(p2 <= p1 * (1 + 1e-12), m + " T1=" + t1 + " T2=" + t2 + " P1=" + p1 + " P2=" + p2);
        });
    }

    @Test
    void expectedPurchasesAreBoundedAndNonDecreasing() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            double t1 = logUniform(random, 1e-3, 1e4);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 1e3);
            double e1 = m.expectedPurchases(t1);
            double e2 = m.expectedPurchases(t2);
            String what = m + " t1=" + t1 + " t2=" + t2 + " E1=" + e1 + " E2=" + e2;
            check(e1 >= 0.0 && e1 <= m.r() * t1 / m.alpha() * (1 + 1e-12), "bound at t1: " + what);
            check(e2 >= e1 * (1 - 1e-12), "monotone: " + what);
        });
    }

    @Test
    void conditionalExpectationsAndDertAreNonNegativeAndNonDecreasing() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            RfmSummary h = history(random);
            double t1 = logUniform(random, 1e-3, 1e4);
            double t2 = t1 * logUniform(random, 1.0 + 1e-9, 1e3);
            double e1 = m.conditionalExpectedPurchases(t1, h);
            double e2 = m.conditionalExpectedPurchases(t2, h);
            double dert = m.discountedExpectedResidualTransactions(logUniform(random, 1e-4, 1), h);
            String what = m + " " + h + " t1=" + t1 + " t2=" + t2 + " E1=" + e1 + " E2=" + e2 + " DERT=" + dert;
            check(e1 >= 0.0 && Double.isFinite(e2), "range: " + what);
            check(e2 >= e1 * (1 - 1e-12), "monotone: " + what);
            check(dert >= 0.0 && Double.isFinite(dert), "DERT: " + what);
        });
    }

    /**
     * DERT against its definition (mission-next §6.1, "DERT cross-check"): {@code P(alive)·(r + x)/(α + T)
     * ·∫_0^∞ e^(−δt) (1 + t/(β + T))^(−s) dt}, the integral written as
     * {@code (y/δ)·∫_0^∞ exp(−y(e^v − 1) + (1 − s)v) dv} with {@code y = δ(β + T)} and summed by
     * Simpson's rule (20 000 and 40 000 panels, Richardson-extrapolated) up to where the integrand
     * is below e^−60 of its scale, so that
     * Kummer's U is checked by quadrature rather than by a second special-function routine.
     */
    @Test
    void dertEqualsItsDiscountedIntegral() {
        qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            RfmSummary h = history(random);
            double delta = logUniform(random, 1e-4, 1);
            double y = delta * (m.beta() + h.age());
            double s = m.s();
            double top = Math.log1p((60 + 20 * Math.abs(1 - s)) / y) + 2;
            // Simpson on 20 000 and 40 000 panels, combined by Richardson's extrapolation (error h^6)
            double coarse = simpson(y, s, top, 20_000);
            double fine = simpson(y, s, top, 40_000);
            double integral = y / delta * (16 * fine - coarse) / 15;
            double expected = m.probabilityAlive(h) * (m.r() + h.frequency()) / (m.alpha() + h.age()) * integral;
            double dert = m.discountedExpectedResidualTransactions(delta, h);
            check(Math.abs(dert - expected) <= 1e-9 * expected + Double.MIN_NORMAL,
                    m + " " + h + " delta=" + delta + " DERT=" + dert + " quadrature=" + expected);
        });
    }

    /** {@code ∫_0^top exp(−y(e^v − 1) + (1 − s)v) dv} by Simpson's rule on {@code n} panels. */
    static double simpson(double y, double s, double top, int n) {
        double step = top / n;
        double sum = 0.0;
        for (int i = 0; i <= n; i++) {
            double v = i * step;
            double f = Math.exp(-y * Math.expm1(v) + (1 - s) * v);
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * step / 3;
    }

    @Test
    void equalScalesJoinTheGeneralFormula() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            ParetoNbd m = model(random);
            RfmSummary h = history(random);
            double b = m.beta();
            double at = ParetoNbd.of(m.r(), b, m.s(), b).logLikelihood(h);
            double above = ParetoNbd.of(m.r(), b * (1 + 1e-9), m.s(), b).logLikelihood(h);
            double below = ParetoNbd.of(m.r(), b * (1 - 1e-9), m.s(), b).logLikelihood(h);
            // |∂ ln L/∂ ln α| <= r + (r + s + x): a 1e-9 relative change of α moves ln L by about that·1e-9
            double tolerance = 2e-9 * (2 * m.r() + h.frequency() + m.s()) + 1e-12 * Math.abs(at);
            String what = m + " " + h + " at=" + at + " above=" + above + " below=" + below;
            check(Math.abs(above - at) <= tolerance && Math.abs(below - at) <= tolerance, what);
        });
    }
}
