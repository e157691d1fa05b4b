package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.service.ErlangC.Staffing;
import org.junit.jupiter.api.Test;

/**
 * {@link ErlangC}. Expected values:
 * <ul>
 *   <li>The table (100 calls per 30 min, AHT 180 s, A = 10 Erlangs, T = 20 s, N = 11…16) and
 *       P(wait) = 0.266512519962364 at A = 480, N = 500: mission-next.md §4.2, the report's
 *       {@code t4.py} (appendix A.4), whose direct factorial form agrees with the recursion there.</li>
 *   <li>Erlang B and C against exact rational arithmetic (python3 {@code fractions.Fraction},
 *       {@code B = (A^N/N!)/Σ_{k<=N} A^k/k!}, {@code C = t/(s + t)} with
 *       {@code t = A^N/N!·N/(N−A)}, {@code s = Σ_{k<N} A^k/k!}): B(10, 5) = 0.56395217685540266,
 *       B(10, 10) = 0.21458234310734733, B(10, 14) = 0.056819143386520859; C(480, 500) =
 *       0.26651251996236414; C(2.5, 3) = 0.702247191011236.</li>
 *   <li>Staffing: the peer {@code pyworkforce} (rodrigo-arenas/pyworkforce, MIT) test
 *       {@code test_expected_erlangc_results}: 100 transactions per 30 min, AHT 3 min, target time
 *       0.33 min, SL 0.8, shrinkage 0.3, max occupancy 0.85 → raw 14, positions 20, SL 0.888,
 *       occupancy 0.714, P(wait) 0.174; its over-occupancy test with max occupancy 0.7 → raw 15,
 *       SL 0.941, P(wait) 0.102 [§4.2]. At T = 0.33 min, SL(14) = 0.887852692691157 (§4.2).</li>
 * </ul>
 */
class ErlangCTest {

    /** N, P(wait), SL(20 s), ASA (s), occupancy: §4.2. */
    private static final double[][] TABLE = {
        {11, 0.682118204689332, 0.389613811729153, 122.78127684408, 0.909090909090909},
        {12, 0.449388224298271, 0.640158040374007, 40.4449401868444, 0.833333333333333},
        {13, 0.285270453036493, 0.795594788417783, 17.1162271821896, 0.769230769230769},
        {14, 0.17413193359505, 0.888350019179467, 7.83593701177724, 0.714285714285714},
        {15, 0.102042367007988, 0.941452842869022, 3.67352521228757, 0.666666666666667},
        {16, 0.0573403309033713, 0.970560492503216, 1.72020992710114, 0.625},
    };

    @Test
    void reproducesTheReportsTableTo1e12() {
        double a = ErlangC.offeredLoad(100, 1800, 180);
        assertThat(a).isEqualTo(10.0);
        for (double[] row : TABLE) {
            ErlangC c = ErlangC.ofCalls(100, 1800, 180, (int) row[0]);
            assertThat(c.probabilityOfWaiting()).as("P(wait) N=%s", row[0]).isCloseTo(row[1], within(1e-12));
            assertThat(c.serviceLevel(20)).as("SL N=%s", row[0]).isCloseTo(row[2], within(1e-12));
            // ASA is printed with 15 significant digits: 1e-12 absolute on 122.78… is 1e-14 relative
            assertThat(c.averageSpeedOfAnswer()).as("ASA N=%s", row[0]).isCloseTo(row[3], within(1e-12));
            assertThat(c.occupancy()).as("occupancy N=%s", row[0]).isCloseTo(row[4], within(1e-12));
        }
    }

    @Test
    void largeStaffingsNeedNoFactorials() {
        ErlangC c = ErlangC.of(480, 500, 1);
        assertThat(c.probabilityOfWaiting()).isCloseTo(0.26651251996236414, within(1e-12));
        // far beyond the factorial form: finite and in (0, 1)
        ErlangC huge = ErlangC.of(9_900, 10_000, 300);
        assertThat(huge.probabilityOfWaiting()).isStrictlyBetween(0.0, 1.0);
    }

    @Test
    void erlangBMatchesExactRationals() {
        assertThat(ErlangC.erlangB(10, 0)).isEqualTo(1.0);
        assertThat(ErlangC.erlangB(10, 5)).isCloseTo(0.56395217685540266, within(1e-15));
        assertThat(ErlangC.erlangB(10, 10)).isCloseTo(0.21458234310734733, within(1e-15));
        assertThat(ErlangC.erlangB(10, 14)).isCloseTo(0.056819143386520859, within(1e-15));
        assertThat(ErlangC.of(2.5, 3, 60).probabilityOfWaiting()).isCloseTo(0.702247191011236, within(1e-15));
    }

    @Test
    void staffingSearchMatchesPyworkforce() {
        double a = ErlangC.offeredLoad(100, 30, 3); // minutes
        Staffing s = ErlangC.staff(a, 3, 0.33, 0.8, 0.85, 0.3);
        assertThat(s.agents()).isEqualTo(14);
        assertThat(s.scheduled()).isEqualTo(20);
        assertThat(s.model().serviceLevel(0.33)).isCloseTo(0.887852692691157, within(1e-12));
        assertThat(s.model().occupancy()).isCloseTo(0.714285714285714, within(1e-12));
        assertThat(s.model().probabilityOfWaiting()).isCloseTo(0.17413193359505, within(1e-12));
        assertThat(s.model()).isEqualTo(ErlangC.of(a, 14, 3));

        Staffing capped = ErlangC.staff(a, 3, 0.33, 0.8, 0.7, 0.3);
        assertThat(capped.agents()).isEqualTo(15);
        assertThat(capped.model().serviceLevel(0.33)).isCloseTo(0.941, within(5e-4));
        assertThat(capped.model().probabilityOfWaiting()).isCloseTo(0.102042367007988, within(1e-12));
        assertThat(capped.scheduled()).isEqualTo(22); // ⌈15/0.7⌉ = ⌈21.43⌉
    }

    @Test
    void scheduledStaffUsesTheDecimalShrinkage() {
        assertThat(ErlangC.scheduled(14, 0.3)).isEqualTo(20);   // 14/0.7 = 20 exactly, not 20.000000000000004
        assertThat(ErlangC.scheduled(14, 0.0)).isEqualTo(14);
        assertThat(ErlangC.scheduled(15, 0.35)).isEqualTo(24);  // 15/0.65 = 23.08
    }

    @Test
    void theSearchReturnsTheFewestAgentsThatMeetTheTarget() {
        Staffing s = ErlangC.staff(10, 180, 20, 0.8, 1.0, 0.0);
        assertThat(s.agents()).isEqualTo(14); // SL(13) = 0.7956 < 0.8 <= SL(14) = 0.8884
        assertThat(s.scheduled()).isEqualTo(14);
        assertThat(ErlangC.staff(10, 180, 20, 0.6, 1.0, 0.0).agents()).isEqualTo(12);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> ErlangC.of(10, 10, 180)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agents must exceed the offered load 10.0 Erlangs, was 10 (with N <= A the queue grows "
                        + "without bound)");
        assertThatThrownBy(() -> ErlangC.of(0, 10, 180)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offeredLoad must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> ErlangC.of(1, 10, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aht must be finite and > 0, was NaN");
        assertThatThrownBy(() -> ErlangC.of(1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("agents must be >= 1, was 0");
        assertThatThrownBy(() -> ErlangC.of(1, 3, 1).serviceLevel(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answerWithin must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> ErlangC.ofCalls(-5, 1800, 180, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calls must be finite and > 0, was -5.0");
        assertThatThrownBy(() -> ErlangC.erlangB(1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("servers must be >= 0, was -1");
        assertThatThrownBy(() -> ErlangC.staff(10, 180, 20, 1.0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targetServiceLevel must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> ErlangC.staff(10, 180, 20, 0.8, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxOccupancy must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> ErlangC.staff(10, 180, 20, 0.8, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shrinkage must be in [0, 1), was 1.0");
    }
}
