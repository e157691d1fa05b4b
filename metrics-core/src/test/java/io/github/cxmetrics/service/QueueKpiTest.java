package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.service.ServiceLevel.Formula;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link QueueCounts}, {@link ServiceLevel}, {@link Aht}, {@link Asa}, {@link Occupancy}. Expected
 * values:
 * <ul>
 *   <li>Service level and abandonment: mission-next.md §4.1, ICMI's example data (AN = 1000, AB = 60,
 *       ANw = 860, ABw = 20, ABa = 40, AB5 = 10), the report's {@code t4kpi.py} (appendix A.4):
 *       0.830188679245283, 0.86, 0.811320754716981, 0.826923076923077, 0.820754716981132, and the
 *       Genesys form 0.819047619047619; abandonment 60/1060 = 0.0566037735849057 and without short
 *       abandons 50/1050 = 0.0476190476190476.</li>
 *   <li>AHT from totals: (5000 + 1000 + 2000) s / 100 = 80 s (§4.1, Sysomos glossary).</li>
 *   <li>AHT and ASA t intervals: python3, numpy/scipy 1.17.1,
 *       {@code h = talk + hold + acw; stats.t.interval(0.95, n-1, loc=h.mean(), scale=h.std(ddof=1)/sqrt(n))}
 *       on the arrays in the tests: AHT 335, (187.299383194381, 482.700616805619); ASA
 *       14.714285714285714, (−0.6291838509595333, 30.05775527953096).</li>
 * </ul>
 */
class QueueKpiTest {

    /** ICMI's example: AN 1000, AB 60, ANw 860, ABw 20 (so ABa 40), short abandons 10. */
    static final QueueCounts ICMI = new QueueCounts(1000, 60, 860, 20, 10);

    @Test
    void theSixServiceLevelFormulasGiveTheReportsValues() {
        assertThat(ICMI.serviceLevel(Formula.ANSWERED_AND_ABANDONED_WITHIN).value())
                .isCloseTo(0.830188679245283, within(1e-15));
        assertThat(ICMI.serviceLevel(Formula.ANSWERED_ONLY).value()).isCloseTo(0.86, within(1e-15));
        assertThat(ICMI.serviceLevel(Formula.ALL_QUEUED).value()).isCloseTo(0.811320754716981, within(1e-15));
        assertThat(ICMI.serviceLevel(Formula.ABANDONED_AFTER_COUNTED).value()).isCloseTo(0.826923076923077, within(1e-15));
        assertThat(ICMI.serviceLevel(Formula.SHORT_ABANDONS_MET).value()).isCloseTo(0.820754716981132, within(1e-15));
        assertThat(ICMI.serviceLevel(Formula.SHORT_ABANDONS_EXCLUDED).value()).isCloseTo(0.819047619047619, within(1e-15));
        ServiceLevel sl = ICMI.serviceLevel(Formula.ABANDONED_AFTER_COUNTED);
        assertThat(sl.met()).isEqualTo(860);
        assertThat(sl.denominator()).isEqualTo(1040);
        assertThat(sl.formula()).isEqualTo(Formula.ABANDONED_AFTER_COUNTED);
        assertThat(sl).hasToString("ServiceLevel[ABANDONED_AFTER_COUNTED: 860/1040 = 0.8269]");
        Interval ci = sl.confidenceInterval(0.95);
        assertThat(ci).isEqualTo(sl.proportion().confidenceInterval(0.95));
        assertThat(ci.contains(sl.value())).isTrue();
    }

    @Test
    void abandonmentRateHasTheQueuedDenominator() {
        assertThat(ICMI.queued()).isEqualTo(1060);
        assertThat(ICMI.abandonedAfter()).isEqualTo(40);
        assertThat(ICMI.abandonmentRate().value()).isCloseTo(0.0566037735849057, within(1e-15));
        assertThat(ICMI.abandonmentRateExcludingShort().value()).isCloseTo(0.0476190476190476, within(1e-15));
    }

    @Test
    void countsFromWaitsUseInclusiveThresholdAndStrictShortAbandon() {
        double[] waits = {0, 20, 21, 3, 5, 25, 19.9, 4.99};
        boolean[] answered = {true, true, true, false, false, false, true, false};
        QueueCounts c = QueueCounts.fromWaits(waits, answered, 20, 5);
        // answered 0, 20, 21, 19.9 -> 4, within (<= 20) 3; abandoned 3, 5, 25, 4.99 -> 4, within 3,
        // short (< 5) 3 and 4.99 -> 2
        assertThat(c).isEqualTo(new QueueCounts(4, 4, 3, 3, 2));
        assertThat(QueueCounts.fromWaits(waits, answered, 20, 0).shortAbandoned()).isZero();
    }

    @Test
    void ahtIsTalkPlusHoldPlusWrapOverHandledWithATInterval() {
        assertThat(Aht.fromTotals(5000, 1000, 2000, 100)).isEqualTo(80.0);
        double[] talk = {300, 200, 250, 400, 180};
        double[] hold = {30, 0, 60, 10, 0};
        double[] acw = {60, 45, 30, 90, 20};
        Aht aht = Aht.of(talk, hold, acw);
        assertThat(aht.value()).isCloseTo(335.0, within(1e-12));
        assertThat(aht.count()).isEqualTo(5);
        Interval ci = aht.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(187.299383194381, within(1e-9));
        assertThat(ci.upper()).isCloseTo(482.700616805619, within(1e-9));
        assertThat(Aht.ofHandleTimes(390, 245, 340, 500, 200)).isEqualTo(aht);
    }

    @Test
    void asaIsTheMeanWaitOfAnsweredContacts() {
        Asa asa = Asa.of(5, 12, 0, 30, 8, 45, 3);
        assertThat(asa.value()).isCloseTo(14.714285714285714, within(1e-12));
        assertThat(asa.confidenceInterval(0.95).lower()).isCloseTo(-0.6291838509595333, within(1e-9));
        assertThat(asa.confidenceInterval(0.95).upper()).isCloseTo(30.05775527953096, within(1e-9));
        assertThat(asa.count()).isEqualTo(7);
    }

    @Test
    void occupancyIsHandleOverStaffedTime() {
        assertThat(Occupancy.of(25_200, 28_800)).isEqualTo(0.875);
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> new QueueCounts(10, 5, 11, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answeredWithin must be in 0..10 (answered), was 11");
        assertThatThrownBy(() -> new QueueCounts(10, 5, 1, 0, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shortAbandoned must be in 0..5 (abandoned), was 6");
        assertThatThrownBy(() -> new QueueCounts(-1, 5, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answered must be >= 0, was -1");
        assertThatThrownBy(() -> new QueueCounts(Long.MAX_VALUE, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answered + abandoned must not exceed 9223372036854775807, was 9223372036854775807 + 1");
        assertThatThrownBy(() -> new QueueCounts(0, 0, 0, 0, 0).abandonmentRate())
                .isInstanceOf(IllegalStateException.class).hasMessage("abandonment rate of no queued contact is undefined");
        assertThatThrownBy(() -> new QueueCounts(0, 4, 0, 4, 4).serviceLevel(Formula.ANSWERED_ONLY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("service level ANSWERED_ONLY is undefined: its denominator is 0");
        assertThatThrownBy(() -> QueueCounts.fromWaits(new double[] {1, -2}, new boolean[2], 20, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("wait must be finite and >= 0, was -2.0 (index 1)");
        assertThatThrownBy(() -> QueueCounts.fromWaits(new double[1], new boolean[2], 20, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("waits and answered must have the same length, were 1 and 2");
        assertThatThrownBy(() -> QueueCounts.fromWaits(new double[1], new boolean[1], Double.NaN, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> Aht.of(new double[] {1}, new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hold must be finite and >= 0, was NaN (index 0)");
        assertThatThrownBy(() -> Aht.of(new double[1], new double[2], new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("talk, hold and afterCallWork must have the same length, were 1, 2 and 1");
        assertThatThrownBy(() -> Aht.ofHandleTimes()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handleTimes must not be empty");
        assertThatThrownBy(() -> Aht.fromTotals(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handled must be > 0, was 0");
        assertThatThrownBy(() -> Aht.ofHandleTimes(3).confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Asa.of(1, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wait must be finite and >= 0, was Infinity (index 1)");
        assertThatThrownBy(() -> Occupancy.of(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handleTime 2.0 exceeds staffedTime 1.0");
        assertThatThrownBy(() -> Occupancy.of(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("staffedTime must be finite and > 0, was 0.0");
        assertThat(Arrays.asList(Formula.values())).hasSize(6);
    }
}
