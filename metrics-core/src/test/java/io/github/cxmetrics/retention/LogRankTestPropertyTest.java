package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link LogRankTest} (QuickTheories, fixed seed), on random censored lifetimes with
 * ties: the statistic does not depend on the order or names of the groups nor on which group survdiff's
 * rule leaves out; O − E sums to 0 over the groups and every row of V sums to 0; for two groups
 * {@code X² = (O₁ − E₁)²/V₁₁}; rescaling time changes nothing (a rank test); ρ = 0 equals the default;
 * a curve from the accumulator gives the same test as one from {@code fit}.
 */
class LogRankTestPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x10_6AL).withExamples(150).withShrinkCycles(0);
    }

    private static KaplanMeier curve(Random r, int n, double scale) {
        double[] d = new double[n];
        boolean[] o = new boolean[n];
        for (int i = 0; i < n; i++) {
            d[i] = scale * (1 + r.nextInt(12)); // few distinct times: ties within and across groups
            o[i] = r.nextDouble() < 0.7;
        }
        o[0] = true;
        return KaplanMeier.fit(d, o);
    }

    @Test
    void invariants() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            int k = 2 + r.nextInt(3);
            double rho = r.nextBoolean() ? 0.0 : r.nextDouble() * 2;
            Map<String, KaplanMeier> g = new LinkedHashMap<>();
            Map<String, KaplanMeier> scaled = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                long s = r.nextLong();
                int n = 3 + r.nextInt(25);
                g.put("g" + i, curve(new Random(s), n, 1.0));
                scaled.put("g" + i, curve(new Random(s), n, 7.5));
                names.add("g" + i);
            }
            LogRankTest t;
            try {
                t = LogRankTest.of(g, rho);
            } catch (IllegalStateException e) {
                return; // an undefined draw (e.g. a singular variance)
            }
            double sumOe = 0;
            double[][] v = t.variance();
            for (int i = 0; i < k; i++) {
                sumOe += t.observed("g" + i) - t.expected("g" + i);
                double row = 0;
                for (int j = 0; j < k; j++) {
                    row += v[i][j];
                }
                assertThat(row).isCloseTo(0.0, within(1e-9));
            }
            assertThat(sumOe).isCloseTo(0.0, within(1e-9));
            Collections.shuffle(names, r);
            Map<String, KaplanMeier> shuffled = new LinkedHashMap<>();
            for (String n : names) {
                shuffled.put("renamed-" + n, g.get(n));
            }
            LogRankTest u = LogRankTest.of(shuffled, rho);
            assertThat(u.statistic()).isCloseTo(t.statistic(), within(1e-9 * Math.max(1, t.statistic())));
            assertThat(u.degreesOfFreedom()).isEqualTo(t.degreesOfFreedom());
            assertThat(LogRankTest.of(scaled, rho).statistic())
                    .isCloseTo(t.statistic(), within(1e-9 * Math.max(1, t.statistic())));
            if (k == 2 && t.degreesOfFreedom() == 1) {
                double oe = t.observed("g0") - t.expected("g0");
                assertThat(t.statistic()).isCloseTo(oe * oe / v[0][0], within(1e-9 * Math.max(1, t.statistic())));
            }
            if (rho == 0.0) {
                assertThat(LogRankTest.of(g).statistic()).isEqualTo(t.statistic());
            }
        });
    }

    @Test
    void accumulatedCurvesGiveTheSameTest() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            Map<String, KaplanMeier> fit = new LinkedHashMap<>();
            Map<String, KaplanMeier> acc = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                int n = 2 + r.nextInt(30);
                double[] d = new double[n];
                boolean[] o = new boolean[n];
                KaplanMeierAccumulator a = new KaplanMeierAccumulator();
                for (int j = 0; j < n; j++) {
                    d[j] = r.nextInt(10);
                    o[j] = r.nextBoolean();
                    a.add(d[j], o[j]);
                }
                fit.put("g" + i, KaplanMeier.fit(d, o));
                acc.put("g" + i, a.snapshot());
            }
            try {
                assertThat(LogRankTest.of(acc).statistic()).isEqualTo(LogRankTest.of(fit).statistic());
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageStartingWith("the test is undefined");
            }
        });
    }
}
