package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link ChurnRate}, {@link RevenueRetention} and {@link CohortTable}. Expected values by hand:
 * annual churn from monthly rates {@code 1 − (1 − c)^12}: 1 % → 0.113615, 5 % → 0.459640,
 * 10 % → 0.717570 (the 11.36 %, 45.96 %, 71.76 %); the NRR/GRR worked example of issue #5;
 * cohort counts tallied by hand in the comments.
 */
class RetentionKpiTest {

    @Test
    void compoundedChurn() {
        assertThat(ChurnRate.ofRate(0.01).rateOver(12)).isCloseTo(1 - Math.pow(0.99, 12), within(1e-15)).isCloseTo(0.1136, within(5e-5));
        assertThat(ChurnRate.ofRate(0.05).rateOver(12)).isCloseTo(0.4596, within(5e-5));
        assertThat(ChurnRate.ofRate(0.10).rateOver(12)).isCloseTo(0.7176, within(5e-5));
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
        assertThat(ChurnRate.of(1000, 40).confidenceInterval(0.95).contains(0.04)).isTrue();
        assertThatThrownBy(() -> ChurnRate.ofAverageCustomers(1000, 1100, 40).standardError())
                .isInstanceOf(IllegalStateException.class);
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
    }
}
