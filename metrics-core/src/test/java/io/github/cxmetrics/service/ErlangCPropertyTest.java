package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of the Erlang C model (Gans, Koole &amp; Mandelbaum 2003, §4.1): one more agent never
 * raises P(wait) or ASA and never lowers the service level; a longer threshold never lowers the
 * service level; the staffing search returns the fewest agents meeting its constraints.
 */
class ErlangCPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(20261203L).withExamples(300);
    }

    @Test
    void waitingFallsAndServiceLevelRisesWithAgents() {
        qt().forAll(doubles().between(0.1, 600.0), integers().between(1, 60), doubles().between(0.0, 120.0))
                .checkAssert((a, extra, t) -> {
                    int n = (int) Math.floor(a) + extra;
                    ErlangC c = ErlangC.of(a, n, 180);
                    ErlangC more = ErlangC.of(a, n + 1, 180);
                    assertThat(more.probabilityOfWaiting()).isLessThanOrEqualTo(c.probabilityOfWaiting());
                    assertThat(more.serviceLevel(t)).isGreaterThanOrEqualTo(c.serviceLevel(t));
                    assertThat(more.averageSpeedOfAnswer()).isLessThanOrEqualTo(c.averageSpeedOfAnswer());
                    assertThat(c.probabilityOfWaiting()).isBetween(0.0, 1.0);
                    assertThat(c.serviceLevel(t)).isBetween(0.0, 1.0);
                });
    }

    @Test
    void serviceLevelRisesWithTheThreshold() {
        qt().forAll(doubles().between(0.1, 600.0), integers().between(1, 60), doubles().between(0.0, 120.0),
                doubles().between(0.0, 60.0)).checkAssert((a, extra, t, dt) -> {
                    ErlangC c = ErlangC.of(a, (int) Math.floor(a) + extra, 180);
                    assertThat(c.serviceLevel(t + dt)).isGreaterThanOrEqualTo(c.serviceLevel(t));
                    assertThat(c.serviceLevel(0)).isCloseTo(1.0 - c.probabilityOfWaiting(),
                            org.assertj.core.api.Assertions.within(1e-15));
                });
    }

    @Test
    void staffingIsTheFewestAgentsMeetingTargetAndOccupancy() {
        qt().forAll(doubles().between(0.1, 300.0), doubles().between(0.05, 0.99), doubles().between(0.5, 1.0),
                doubles().between(0.0, 0.6)).checkAssert((a, target, maxOcc, shrink) -> {
                    ErlangC.Staffing s = ErlangC.staff(a, 180, 20, target, maxOcc, shrink);
                    int n = s.agents();
                    assertThat(s.model().serviceLevel(20)).isGreaterThanOrEqualTo(target);
                    assertThat(a / n).isLessThanOrEqualTo(maxOcc);
                    if (n - 1 > a && a / (n - 1) <= maxOcc) {
                        assertThat(ErlangC.of(a, n - 1, 180).serviceLevel(20)).isLessThan(target);
                    }
                    assertThat(s.scheduled() * (1.0 - shrink)).isGreaterThanOrEqualTo(n - 1e-9);
                    assertThat((s.scheduled() - 1) * (1.0 - shrink)).isLessThan(n + 1e-9 * n);
                });
    }
}
