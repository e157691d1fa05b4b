package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.clv.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link RepeatPurchaseRate}. The expected counts are worked by hand in the comments; the Wilson
 * limits for 2/4 are the Wilson formula with {@code scipy.stats.norm.ppf(0.975)} (python3, scipy
 * 1.17.1): 0.150038989152149, 0.849961010847851.
 */
class RepeatPurchaseRateTest {

    static LocalDate d(int day) {
        return LocalDate.of(2026, 1, 1).plusDays(day);
    }

    static final List<Transaction> TX = List.of(
            new Transaction("a", d(0), 10), new Transaction("a", d(0), 5),   // a: one occasion (same day)
            new Transaction("b", d(1), 10), new Transaction("b", d(20), -4), // b: two (a return is an occasion)
            new Transaction("c", d(2), 10), new Transaction("c", d(3), 10), new Transaction("c", d(50), 1),
            new Transaction("d", d(40), 7),                                  // d: one in the window [0, 30]? no: day 40
            new Transaction("e", d(5), 3), new Transaction("e", d(45), 3));  // e: one in the window

    @Test
    void shareOfWindowCustomersWithTwoOrMoreOccasions() {
        // window days 0..30: customers a, b, c, e (d bought only on day 40); repeaters b, c -> 2/4
        RepeatPurchaseRate r = RepeatPurchaseRate.of(TX, d(0), d(30));
        assertThat(r.customers()).isEqualTo(4);
        assertThat(r.repeaters()).isEqualTo(2);
        assertThat(r.value()).isEqualTo(0.5);
        assertThat(r.confidenceInterval(0.95).lower()).isCloseTo(0.150038989152149, within(1e-12));
        assertThat(r.confidenceInterval(0.95).upper()).isCloseTo(0.849961010847851, within(1e-12));
        assertThat(r).hasToString("RepeatPurchaseRate[2/4 = 0.5000]");
        // the whole period: a, b, c, d, e; repeaters b, c, e -> 3/5
        RepeatPurchaseRate all = RepeatPurchaseRate.of(TX, d(0), d(60));
        assertThat(all).isEqualTo(RepeatPurchaseRate.ofSummaries(List.of(RfmSummary.of(0, 0, 1), RfmSummary.of(1, 1, 2),
                RfmSummary.of(2, 2, 3), RfmSummary.of(0, 0, 4), RfmSummary.of(1, 1, 5))));
        assertThat(RepeatPurchaseRate.compare(r, all).estimate()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void agreesWithTheRfmSummariesOfTheSameTransactions() {
        // positive amounts only, so RfmSummary accepts them as they are
        List<Transaction> tx = List.of(new Transaction("a", d(0), 1), new Transaction("a", d(0), 2),
                new Transaction("b", d(1), 1), new Transaction("b", d(9), 1), new Transaction("c", d(3), 5));
        assertThat(RepeatPurchaseRate.of(tx, d(0), d(9)))
                .isEqualTo(RepeatPurchaseRate.ofSummaries(RfmSummary.fromTransactions(tx, d(9), ChronoUnit.DAYS)));
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThatThrownBy(() -> RepeatPurchaseRate.of(TX, d(100), d(120))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no customer bought between 2026-04-11 and 2026-05-01; the repeat-purchase rate is undefined");
        assertThatThrownBy(() -> RepeatPurchaseRate.of(TX, d(2), d(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("to 2026-01-02 is before from 2026-01-03");
        assertThatThrownBy(() -> RepeatPurchaseRate.ofSummaries(List.<RfmSummary>of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("summaries must not be empty: the repeat-purchase rate is undefined");
        assertThatThrownBy(() -> RepeatPurchaseRate.of(null, d(1), d(2))).isInstanceOf(NullPointerException.class)
                .hasMessage("transactions");
    }
}
