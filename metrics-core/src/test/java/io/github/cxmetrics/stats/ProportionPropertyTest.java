package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of the proportion intervals (DESIGN.md §5), and Wilson's coverage checked two
 * independent ways: by simulation, and exactly as the sum of the binomial probabilities of the
 * counts whose interval covers p (Brown, Cai &amp; DasGupta 2001, §2, who report Wilson's coverage
 * close to nominal at n = 50).
 */
class ProportionPropertyTest {

    private static final IntervalMethod[] METHODS = {IntervalMethod.WALD, IntervalMethod.WILSON,
        IntervalMethod.AGRESTI_COULL, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS};

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(20261123L).withExamples(300);
    }

    @Test
    void everyIntervalContainsTheEstimateAndStaysInTheUnitInterval() {
        qt().forAll(integers().between(1, 5000), doubles().between(0.0, 1.0), doubles().between(0.5, 0.999))
                .checkAssert((n, share, level) -> {
                    long x = Math.round(share * n);
                    Proportion p = Proportion.of(x, n);
                    for (IntervalMethod m : METHODS) {
                        Interval ci = p.confidenceInterval(level, m);
                        assertThat(ci.contains(p.value())).as("%s %d/%d at %s: %s", m, x, n, level, ci).isTrue();
                        assertThat(ci.lower()).isGreaterThanOrEqualTo(0.0);
                        assertThat(ci.upper()).isLessThanOrEqualTo(1.0);
                    }
                });
    }

    @Test
    void aHigherLevelGivesAWiderNestedInterval() {
        qt().forAll(integers().between(1, 5000), doubles().between(0.0, 1.0), doubles().between(0.5, 0.98))
                .checkAssert((n, share, level) -> {
                    Proportion p = Proportion.of(Math.round(share * n), n);
                    for (IntervalMethod m : METHODS) {
                        Interval narrow = p.confidenceInterval(level, m);
                        Interval wide = p.confidenceInterval(level + 0.01, m);
                        assertThat(wide.lower()).as(m.name()).isLessThanOrEqualTo(narrow.lower());
                        assertThat(wide.upper()).as(m.name()).isGreaterThanOrEqualTo(narrow.upper());
                    }
                });
    }

    @Test
    void wilsonCoverageAtFiftyAndTwentyPercent() {
        int n = 50;
        double truth = 0.2;
        // exact: Σ over x of C(n, x) p^x (1 − p)^(n − x) for the x whose interval covers p, the
        // binomial probabilities built by the recurrence P(x + 1) = P(x)·(n − x)/(x + 1)·p/(1 − p)
        double exact = 0.0;
        double pmf = Math.pow(1.0 - truth, n);
        for (int x = 0; x <= n; x++) {
            if (Proportion.of(x, n).confidenceInterval(0.95).contains(truth)) {
                exact += pmf;
            }
            pmf *= (double) (n - x) / (x + 1) * truth / (1.0 - truth);
        }
        // simulated: 20 000 seeded binomial draws, each the sum of 50 Bernoulli trials
        SplittableRandom random = new SplittableRandom(42);
        int trials = 20_000;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            int x = 0;
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < truth) {
                    x++;
                }
            }
            if (Proportion.of(x, n).confidenceInterval(0.95).contains(truth)) {
                covered++;
            }
        }
        double simulated = (double) covered / trials;
        assertThat(Math.abs(simulated - exact)).as("simulated %s vs exact %s", simulated, exact).isLessThan(0.005);
        assertThat(Math.abs(exact - 0.95)).isLessThan(0.02);
        assertThat(Math.abs(simulated - 0.95)).isLessThan(0.02);
    }
}
