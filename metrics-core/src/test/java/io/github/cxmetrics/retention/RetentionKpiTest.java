package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Interval;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@link ChurnRate}, {@link RevenueRetention} and {@link CohortTable}. Expected values by hand or
 * with mpmath 1.3 at 50 digits (the expressions are beside the numbers): annual churn from monthly
 * rates {@code 1 − (1 − c)^12}: 1 % → 0.113615, 5 % → 0.459640, 10 % → 0.717570 (the issue's
 * 11.36 %, 45.96 %, 71.76 %); Wilson intervals from R 4 {@code prop.test(x, n, correct = FALSE)}
 * (the Wilson score interval) and the same formula in mpmath; the NRR/GRR worked example of issue
 * #5; cohort counts tallied by hand in the comments.
 */
class RetentionKpiTest {

    @Test
    void compoundedChurn() {
        // mpmath: 1 - (1 - mpf('0.01'))**12 = 0.113615128283870719341199 (0.99^12 is a finite decimal,
        // as are 0.95^12 and 0.9^12: 1 − 0.540360087662636962890625 and 1 − 0.282429536481)
        assertThat(ChurnRate.ofRate(0.01).rateOver(12)).isCloseTo(0.113615128283870719341199, within(1e-16));
        assertThat(ChurnRate.ofRate(0.05).rateOver(12)).isCloseTo(0.459639912337363037109375, within(1e-16));
        assertThat(ChurnRate.ofRate(0.10).rateOver(12)).isCloseTo(0.717570463519, within(1e-16));
        assertThat(ChurnRate.ofRate(0.05).rateOver(0)).isEqualTo(0.0);
        assertThat(ChurnRate.ofRate(1.0).rateOver(3)).isEqualTo(1.0);
    }

    @Test
    void lifetimes() {
        ChurnRate c = ChurnRate.of(1000, 50);
        assertThat(c.rate()).isEqualTo(0.05);
        assertThat(c.retention()).isCloseTo(0.95, within(1e-15));
        assertThat(c.expectedLifetime()).isCloseTo(20.0, within(1e-12));
        // ln 0.5 / ln 0.95 = 13.51 → 14 periods
        assertThat(c.medianLifetime()).isEqualTo(14);
        // ln 0.5 / ln 0.5 = 1 exactly → 1 period
        assertThat(ChurnRate.ofRate(0.5).medianLifetime()).isEqualTo(1);
        assertThatThrownBy(() -> ChurnRate.ofRate(0).expectedLifetime()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infinite");
    }

    @Test
    void theTwoDenominatorsDiffer() {
        // 40 lost of 1000 at start, 1100 at end: 40/1000 = 4 % vs 40/1050 = 3.81 %
        assertThat(ChurnRate.of(1000, 40).rate()).isEqualTo(0.04);
        assertThat(ChurnRate.ofAverageCustomers(1000, 1100, 40).rate()).isCloseTo(40.0 / 1050, within(1e-15));
        // R: prop.test(40, 1000, correct = FALSE)$conf.int = 0.029510973685452767 0.054009644121257958;
        // mpmath, Wilson: (p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²))/(1 + z²/n), z = sqrt(2)·erfinv(0.95)
        // gives 0.0295109736854527583, 0.0540096441212579559
        Interval ci = ChurnRate.of(1000, 40).confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(0.029510973685452767, within(1e-15));
        assertThat(ci.upper()).isCloseTo(0.054009644121257958, within(1e-15));
        // sqrt(0.04·0.96/1000) = 0.0061967733539318670 (mpmath)
        assertThat(ChurnRate.of(1000, 40).standardError()).isCloseTo(0.0061967733539318670, within(1e-17));
        assertThatThrownBy(() -> ChurnRate.ofAverageCustomers(1000, 1100, 40).standardError())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void annualFortyPercentIsMonthlyFourPointOneSevenPercent() {
        // mpmath: 1 - mpf('0.6')**(mpf(1)/12) = 0.041675471372852038198
        assertThat(ChurnRate.ofRate(0.40).overPeriods(1.0 / 12).rate()).isCloseTo(0.041675471372852038, within(1e-17));
        // and back: 1 − (1 − c)^12 of the monthly rate is 40 % again
        assertThat(ChurnRate.ofRate(0.40).overPeriods(1.0 / 12).overPeriods(12).rate()).isCloseTo(0.40, within(1e-15));
        // a rate given directly converts without uncertainty
        assertThatThrownBy(() -> ChurnRate.ofRate(0.40).overPeriods(1.0 / 12).standardError())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("uncertainty needs the counts");
        // whole periods agree with rateOver
        assertThat(ChurnRate.ofRate(0.05).overPeriods(12).rate()).isCloseTo(0.459639912337363037109375, within(1e-16));
        assertThat(ChurnRate.ofRate(1.0).overPeriods(0.5).rate()).isEqualTo(1.0);
        assertThat(ChurnRate.ofRate(0.0).overPeriods(7).rate()).isEqualTo(0.0);
    }

    @Test
    void convertedRateCarriesDeltaMethodErrorAndMappedWilsonInterval() {
        // 400 of 1000 lost in a year, to a month (k = 1/12). mpmath at 50 digits:
        //   c_k  = 1 - 0.6**(1/12)                                   = 0.0416754713728520382
        //   SE   = sqrt(0.4·0.6/1000)                                = 0.0154919333848296675
        //   SE_k = (1/12)·0.6**(1/12 - 1)·SE                         = 0.00206198607757500944
        //   Wilson(400, 1000) = [0.370074781211377273, 0.430690570485733752]   (R prop.test agrees:
        //   0.37007478121137727 0.43069057048573378), mapped by 1 - (1 - x)**(1/12):
        //   [0.0377806572102399625, 0.0458594248518102662]
        ChurnRate annual = ChurnRate.of(1000, 400);
        ChurnRate monthly = annual.overPeriods(1.0 / 12);
        assertThat(monthly.rate()).isCloseTo(0.0416754713728520382, within(1e-17));
        assertThat(monthly.standardError()).isCloseTo(0.00206198607757500944, within(1e-17));
        Interval ci = monthly.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(0.0377806572102399625, within(1e-15));
        assertThat(ci.upper()).isCloseTo(0.0458594248518102662, within(1e-15));
        assertThat(ci.level()).isEqualTo(0.95);

        // 50 of 1000 lost in a month, to a year (k = 12):
        //   c_k = 1 - 0.95**12 = 0.459639912337363037109375
        //   SE_k = 12·0.95**11·sqrt(0.05·0.95/1000) = 0.0470422092127928455
        //   Wilson(50, 1000) mapped by 1 - (1 - x)**12 = [0.372815764213589847, 0.555379118617543649]
        ChurnRate year = ChurnRate.of(1000, 50).overPeriods(12);
        assertThat(year.rate()).isCloseTo(0.459639912337363037, within(1e-16));
        assertThat(year.standardError()).isCloseTo(0.0470422092127928455, within(1e-16));
        assertThat(year.confidenceInterval(0.95).lower()).isCloseTo(0.372815764213589847, within(1e-15));
        assertThat(year.confidenceInterval(0.95).upper()).isCloseTo(0.555379118617543649, within(1e-15));

        // conversions compose on the original counts: 1/12 then 12 is the annual rate with its own SE
        ChurnRate back = monthly.overPeriods(12);
        assertThat(back).isEqualTo(annual);
        assertThat(back.standardError()).isEqualTo(annual.standardError());
        assertThat(back.customers()).hasValue(1000);
        // the counts belong to the period they were observed in
        assertThat(annual.customers()).hasValue(1000);
        assertThat(annual.lost()).hasValue(400);
        assertThat(monthly.customers()).isEqualTo(OptionalLong.empty());
        assertThat(monthly.lost()).isEmpty();
        assertThat(ChurnRate.ofRate(0.1).customers()).isEmpty();
        assertThat(ChurnRate.ofAverageCustomers(1000, 1100, 40).lost()).isEmpty();
        // at the bounds the delta-method SE is 0, and the interval maps 0 to 0 and 1 to 1
        assertThat(ChurnRate.of(10, 10).overPeriods(0.5).standardError()).isEqualTo(0.0);
        assertThat(ChurnRate.of(10, 10).overPeriods(0.5).confidenceInterval(0.95).upper()).isEqualTo(1.0);
        assertThat(ChurnRate.of(10, 0).overPeriods(3).standardError()).isEqualTo(0.0);
        assertThat(ChurnRate.of(10, 0).overPeriods(3).confidenceInterval(0.95).lower()).isEqualTo(0.0);
    }

    @Test
    void periodConversionRejectsBadLengths() {
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> ChurnRate.ofRate(0.1).overPeriods(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("periods must be finite and > 0, was " + bad);
        }
        // the combined length of two conversions must stay finite
        assertThatThrownBy(() -> ChurnRate.of(10, 1).overPeriods(1e300).overPeriods(1e300))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periods 1.0E300 times the 1.0E300 periods");
    }

    @Test
    void lifetimesOfTinyRatesThrowInsteadOfInfinityOrSaturating() {
        // reliability report row 18: 1/Double.MIN_VALUE was Infinity, the median Long.MAX_VALUE
        assertThatThrownBy(() -> ChurnRate.ofRate(Double.MIN_VALUE).expectedLifetime())
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("the expected lifetime 1/rate overflows a double for rate 4.9E-324");
        assertThatThrownBy(() -> ChurnRate.ofRate(1e-20).medianLifetime()).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("exceeds Long.MAX_VALUE for rate 1.0E-20");
        assertThatThrownBy(() -> ChurnRate.ofRate(Double.MIN_VALUE).medianLifetime())
                .isInstanceOf(ArithmeticException.class);
        // still representable: 1/1e-300, and mpmath ceil(log(0.5)/log(1 - mpf('1e-19'))) = 6931471805599453094
        assertThat(ChurnRate.ofRate(1e-300).expectedLifetime()).isCloseTo(1e300, within(1e285));
        assertThat(ChurnRate.ofRate(1e-19).medianLifetime()).isCloseTo(6931471805599453094L, within(10_000L));
    }

    @Test
    void churnBadInput() {
        assertThatThrownBy(() -> ChurnRate.of(100, 101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customersLost must be in 0..100, was 101");
        assertThatThrownBy(() -> ChurnRate.of(-5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customersAtStart must be > 0, was -5");
        assertThatThrownBy(() -> ChurnRate.ofAverageCustomers(10, 10, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customersLost must be >= 0, was -1");
        assertThatThrownBy(() -> ChurnRate.ofRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rate must be in [0, 1], was NaN");
        assertThatThrownBy(() -> ChurnRate.ofRate(0.1).rateOver(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revenueRetentionWorkedExample() {
        RevenueRetention r = RevenueRetention.of(200_000, 20_000, 4_000, 6_000);
        assertThat(r.net()).isCloseTo(1.05, within(1e-15));
        assertThat(r.gross()).isCloseTo(0.95, within(1e-15));
        assertThat(r.toString()).isEqualTo("RevenueRetention[gross=95.0%, net=105.0%]");
        assertThatThrownBy(() -> RevenueRetention.of(100, 0, 60, 50)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceed startingRevenue");
        assertThatThrownBy(() -> RevenueRetention.of(100, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expansion must be finite and >= 0, was -1.0");
    }

    @Test
    void revenueRetentionNeverOverflowsWhereTheValueIsRepresentable() {
        // reliability row 18: (1e308 + 1e308)/1e308 overflowed to Infinity; the value is 2
        assertThat(RevenueRetention.of(1e308, 1e308, 0, 0).net()).isEqualTo(2.0);
        assertThat(RevenueRetention.of(1e308, 1e308, 5e307, 5e307).net()).isEqualTo(1.0);
        assertThat(RevenueRetention.of(1e308, 1e308, 5e307, 5e307).gross()).isEqualTo(0.0);
        // 1/1e-320 = 1e320 is not a double: an exception naming the amounts, not Infinity
        RevenueRetention tiny = RevenueRetention.of(1e-320, 1, 0, 0);
        assertThatThrownBy(tiny::net).isInstanceOf(ArithmeticException.class)
                .hasMessage("net revenue retention overflows a double: expansion 1.0 over startingRevenue 1.0E-320");
        assertThat(tiny.gross()).isEqualTo(1.0);
        assertThat(tiny.toString()).isEqualTo("RevenueRetention[gross=100.0%, net=overflow]");
        // a subnormal start whose ratio is representable: (1e-320 + 1e-320)/1e-320 = 2
        assertThat(RevenueRetention.of(1e-320, 1e-320, 0, 0).net()).isEqualTo(2.0);
    }

    @Test
    void contractionPlusChurnAboveTheStartIsRejectedExactlyNotAfterRounding() {
        // 0.5 + (0.5 + 2^-53) = 1 + 2^-53 > 1, but the double sum rounds to 1.0: the old check accepted
        // it and gross() was 1 − 0.5 − (0.5 + 2^-53) = −2^-53 < 0
        double churned = 0.5 + 0x1p-53;
        assertThatThrownBy(() -> RevenueRetention.of(1.0, 0, 0.5, churned)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contraction 0.5 + churned 0.5000000000000001 exceed startingRevenue 1.0");
        // exactly equal is allowed, and gross is 0 (the whole starting revenue is gone)
        assertThat(RevenueRetention.of(1.0, 0, 0.5, 0.5).gross()).isEqualTo(0.0);
        assertThat(RevenueRetention.of(1.0, 0.25, 0.5, 0.5).net()).isEqualTo(0.25);
    }

    @Test
    void cohortTriangleAndAverageCurve() {
        // lastPeriod 2. Cohort 0 (4 customers) active 1, 2, 3, 3 periods; cohort 1 (2) active 1, 2;
        // cohort 2 (1) active 1.
        CohortTable t = CohortTable.of(new int[] {0, 0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 3, 1, 2, 1}, 2);
        assertThat(t.cohorts()).isEqualTo(3);
        assertThat(t.columns(0)).isEqualTo(3);
        assertThat(t.columns(2)).isEqualTo(1);
        // cohort 0: 4, 3, 2; cohort 1: 2, 1; cohort 2: 1
        assertThat(new long[] {t.active(0, 0), t.active(0, 1), t.active(0, 2)}).containsExactly(4, 3, 2);
        assertThat(new long[] {t.active(1, 0), t.active(1, 1)}).containsExactly(2, 1);
        assertThat(t.size(2)).isEqualTo(1);
        assertThat(t.retention(0, 2)).isEqualTo(0.5);
        // average: column 0 = 7/7; column 1 = (3 + 1)/(4 + 2); column 2 = 2/4 (cohort 0 only)
        assertThat(t.averageCurve()).containsExactly(new double[] {1.0, 4.0 / 6.0, 0.5}, within(1e-15));
        assertThatThrownBy(() -> t.active(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(t.render()).contains("cohort").contains("50.0%").hasLineCount(4);
        assertThatThrownBy(() -> CohortTable.of(new int[] {1}, new int[] {3}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("activePeriods 3 at index 0 must be in 1..2 for cohort 1");
        assertThatThrownBy(() -> CohortTable.of(new int[] {1, 2}, new int[] {1}, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cohorts has 2 records but activePeriods has 1");
        assertThat(t).isEqualTo(CohortTable.of(new int[] {2, 1, 1, 0, 0, 0, 0}, new int[] {1, 2, 1, 3, 3, 2, 1}, 2))
                .hasSameHashCodeAs(CohortTable.of(new int[] {2, 1, 1, 0, 0, 0, 0}, new int[] {1, 2, 1, 3, 3, 2, 1}, 2))
                .isNotEqualTo(CohortTable.of(new int[] {0, 0, 0, 0, 1, 1, 2}, new int[] {1, 2, 3, 2, 1, 2, 1}, 2));
        assertThat(t.render()).isEqualTo("cohort     size     +0     +1     +2\n"
                + "0             4 100.0%  75.0%  50.0%\n"
                + "1             2 100.0%  50.0%\n"
                + "2             1 100.0%\n");
    }

    @Test
    void cohortTableAtItsLimitIsSmallAndFast() {
        // reliability row 4: lastPeriod 100 000 needed two (n+1)(n+2)/2-long triangles, about 80 GB, and
        // died with OutOfMemoryError; 20 000 took 26 s. The table now keeps the records, not the triangle.
        int n = CohortTable.MAX_LAST_PERIOD;
        assertThat(n).isEqualTo(100_000);
        CohortTable empty = CohortTable.of(new int[0], new int[0], n);
        assertThat(empty.cohorts()).isEqualTo(100_001);
        assertThat(empty.size(n)).isZero();
        assertThat(empty.active(0, n)).isZero();
        assertThatThrownBy(empty::averageCurve).isInstanceOf(IllegalStateException.class)
                .hasMessage("the table has no customers");
        // one customer in cohort 0 active throughout (n + 1 periods), one in the last cohort (1 period):
        // column 0 = 2/2; column j >= 1 has only cohort 0 observed, so 1/1
        CohortTable two = CohortTable.of(new int[] {0, n}, new int[] {n + 1, 1}, n);
        assertThat(two.active(0, n)).isEqualTo(1);
        assertThat(two.columns(n)).isEqualTo(1);
        double[] curve = two.averageCurve();
        assertThat(curve).hasSize(n + 1);
        assertThat(curve[0]).isEqualTo(1.0);
        assertThat(curve[n]).isEqualTo(1.0);
        // the rendering of a large table is cut at 120 cohorts and columns: header + 120 rows + note
        assertThat(two.render()).hasLineCount(122).endsWith("(99881 more cohorts and columns not shown)\n");
    }

    @Test
    void cohortTableAboveItsLimitIsRejectedBeforeAllocating() {
        assertThatThrownBy(() -> CohortTable.of(new int[0], new int[0], 100_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lastPeriod must be in 0..100000, was 100001");
        assertThatThrownBy(() -> CohortTable.of(new int[0], new int[0], -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lastPeriod must be in 0..100000, was -1");
        assertThatThrownBy(() -> CohortTable.of(new int[0], new int[0], Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
