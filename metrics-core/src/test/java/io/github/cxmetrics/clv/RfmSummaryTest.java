package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmSummary}: deriving the CDNOW 39-week calibration summary from the raw transactions of
 * {@code CDNOW_sample.txt} must reproduce {@code cdnow_customers_summary.csv} and the monetary
 * values of {@code cdnow_customers_summary_with_transactions.csv} at their 2 decimals
 * (Fader, Hardie &amp; Lee 2005; Σx = 2457, 1411 customers without a repeat purchase).
 */
class RfmSummaryTest {

    @Test
    void derivesTheCdnowCalibrationSummaryExactly() {
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> transactions = new ArrayList<>();
        for (String line : Cdnow.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            transactions.add(new Transaction(f[1], LocalDate.parse(f[2], ymd), Double.parseDouble(f[4])));
        }
        Map<String, RfmSummary> derived = RfmSummary.fromTransactions(transactions, LocalDate.of(1997, 9, 30),
                ChronoUnit.WEEKS);
        List<String[]> expected = Cdnow.csv("cdnow_customers_summary_with_transactions.csv");
        assertThat(derived).hasSize(2357);
        long sumX = 0;
        long none = 0;
        for (String[] row : expected) {
            RfmSummary s = derived.get(String.format(Locale.ROOT, "%04d", Integer.parseInt(row[0])));
            assertThat(s).as("customer %s", row[0]).isNotNull();
            assertThat(s.frequency()).as("x of %s", row[0]).isEqualTo(Long.parseLong(row[1]));
            assertThat(String.format(Locale.ROOT, "%.2f", s.recency())).as("t_x of %s", row[0]).isEqualTo(row[2]);
            assertThat(String.format(Locale.ROOT, "%.2f", s.age())).as("T of %s", row[0]).isEqualTo(row[3]);
            if (s.frequency() > 0) {
                // 2 decimals; a mean ending in ...5 may round either way with binary sums (customer 0401:
                // 18.135 prints 18.13 here, 18.14 in the file), hence half a cent plus rounding slack
                assertThat(s.monetaryValue()).as("zbar of %s", row[0])
                        .isCloseTo(Double.parseDouble(row[4]), org.assertj.core.api.Assertions.within(0.005 + 1e-9));
            } else {
                assertThat(s.hasMonetaryValue()).isFalse();
            }
            sumX += s.frequency();
            none += s.frequency() == 0 ? 1 : 0;
        }
        assertThat(sumX).isEqualTo(2457);
        assertThat(none).isEqualTo(1411);
    }

    @Test
    void sameDayPurchasesCollapse() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        Map<String, RfmSummary> s = RfmSummary.fromTransactions(List.of(new Transaction("a", d, 10),
                new Transaction("a", d, 5), new Transaction("a", d.plusDays(14), 20), new Transaction("a", d.plusDays(14), 4),
                new Transaction("a", d.plusDays(100), 1)), d.plusDays(28), ChronoUnit.WEEKS);
        RfmSummary a = s.get("a");
        assertThat(a.frequency()).isEqualTo(1);
        assertThat(a.recency()).isEqualTo(2.0);
        assertThat(a.age()).isEqualTo(4.0);
        assertThat(a.monetaryValue()).isEqualTo(24.0);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> RfmSummary.of(2, 40, 38)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be in [0, age = 38.0], was 40.0");
        assertThatThrownBy(() -> RfmSummary.of(-1, 0, 38)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency must be >= 0, was -1");
        assertThatThrownBy(() -> RfmSummary.of(1.5, 1.0, 38.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency must be a non-negative integer, was 1.5");
        assertThatThrownBy(() -> RfmSummary.of(0, 3, 38)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be 0 when frequency is 0, was 3.0");
        assertThatThrownBy(() -> RfmSummary.of(2, 3, 38, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("monetaryValue must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> RfmSummary.of(0, 0, 38).monetaryValue()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> RfmSummary.fromTransactions(List.of(), LocalDate.now(), ChronoUnit.HOURS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOURS");
    }

    @Test
    void amountsThatGiveNoPositiveFiniteMonetaryValueAreRejectedNamingTheCustomer() {
        // reliability report #26: two same-day amounts of 1e308 gave monetary value Infinity
        LocalDate d = LocalDate.of(2024, 1, 1);
        assertThatThrownBy(() -> RfmSummary.fromTransactions(List.of(new Transaction("c", d, 1),
                new Transaction("c", d.plusDays(7), 1e308), new Transaction("c", d.plusDays(7), 1e308)),
                d.plusDays(28), ChronoUnit.WEEKS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer c: the amounts on 2024-01-08 sum to Infinity, beyond the range of a double");
        // a refund: purchase 10, then a return of 5 on a later day; this silently dropped the monetary value
        assertThatThrownBy(() -> RfmSummary.fromTransactions(List.of(new Transaction("ok", d, 3),
                new Transaction("r", d, 10), new Transaction("r", d.plusDays(31), -5)), d.plusDays(60), ChronoUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer r: the mean amount of its 1 repeat purchase day(s) must be finite and > 0, was -5.0 "
                        + "(returns count against the purchases of their day)");
        assertThatThrownBy(() -> RfmSummary.fromTransactions(List.of(new Transaction("z", d, 10),
                new Transaction("z", d.plusDays(3), 4), new Transaction("z", d.plusDays(3), -4)), d.plusDays(60),
                ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer z: the mean amount of its 1 repeat purchase day(s) must be finite and > 0, was 0.0");
    }

    @Test
    void repeatDaysWhoseSumOverflowsStillHaveTheirFiniteMean() {
        LocalDate d = LocalDate.of(2024, 1, 1);
        RfmSummary s = RfmSummary.fromTransactions(List.of(new Transaction("c", d, 1),
                new Transaction("c", d.plusDays(7), 1e308), new Transaction("c", d.plusDays(14), 1.5e308)),
                d.plusDays(28), ChronoUnit.WEEKS).get("c");
        // (1e308 + 1.5e308)/2, computed as 1e308/2 + 1.5e308/2
        assertThat(s.monetaryValue()).isEqualTo(1.25e308);
        assertThat(s).isEqualTo(RfmSummary.of(2, 2.0, 4.0, 1.25e308));
    }
}
