package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Clv}. Expected values by hand from the geometric series: m = 100, r = 0.8, d = 0.1 gives
 * 100·0.8/0.3 = 266.67 (end of period) and 100·1.1/0.3 = 366.67 (start of period), Gupta &amp;
 * Lehmann (2003); finite horizons are partial sums of the same series, with q = r/(1 + d) = 8/11.
 */
class ClvTest {

    @Test
    void constantRetentionInfiniteHorizon() {
        assertThat(Clv.constantRetention(100, 0.8, 0.1, PaymentTiming.END_OF_PERIOD)).isCloseTo(800.0 / 3, within(1e-12));
        assertThat(Clv.constantRetention(100, 0.8, 0.1, PaymentTiming.START_OF_PERIOD)).isCloseTo(1100.0 / 3, within(1e-12));
    }

    @Test
    void finiteHorizonsArePartialSums() {
        double q = 0.8 / 1.1;
        for (int h : new int[] {1, 3, 5, 10}) {
            // END: 100·(q + q² + … + q^H) = 100·q(1 − q^H)/(1 − q); START: 100·(1 − q^H)/(1 − q)
            double end = 100 * q * (1 - Math.pow(q, h)) / (1 - q);
            double start = 100 * (1 - Math.pow(q, h)) / (1 - q);
            assertThat(Clv.finiteHorizon(100, 0.8, 0.1, h, PaymentTiming.END_OF_PERIOD)).isCloseTo(end, within(1e-10));
            assertThat(Clv.finiteHorizon(100, 0.8, 0.1, h, PaymentTiming.START_OF_PERIOD)).isCloseTo(start, within(1e-10));
        }
        assertThat(Clv.finiteHorizon(100, 0.8, 0.1, 2000, PaymentTiming.END_OF_PERIOD)).isCloseTo(800.0 / 3, within(1e-9));
    }

    @Test
    void discountedSumOverASurvivalCurve() {
        // constant retention written as a curve reproduces the closed form: END uses S_k = r^(k+1)
        int h = 50;
        double[] margins = new double[h];
        double[] survival = new double[h];
        for (int k = 0; k < h; k++) {
            margins[k] = 100;
            survival[k] = Math.pow(0.8, k + 1);
        }
        assertThat(Clv.discountedSum(margins, survival, 0.1, PaymentTiming.END_OF_PERIOD))
                .isCloseTo(Clv.finiteHorizon(100, 0.8, 0.1, h, PaymentTiming.END_OF_PERIOD), within(1e-10));
        assertThat(Clv.historic(50, 2, 3)).isEqualTo(300.0);
        assertThat(Clv.historic(50, 2, 3, 0.25)).isEqualTo(75.0);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Clv.constantRetention(100, 1.0, 0.1, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("retention must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> Clv.constantRetention(100, 0.5, -1.0, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("discount must be finite and > -1, was -1.0");
        assertThatThrownBy(() -> Clv.constantRetention(100, 0.95, -0.1, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 + discount - retention");
        assertThatThrownBy(() -> Clv.discountedSum(new double[] {1}, new double[] {1.5}, 0.1, PaymentTiming.START_OF_PERIOD))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("survival 1.5 at index 0 must be in [0, 1]");
        assertThatThrownBy(() -> Clv.finiteHorizon(100, 0.8, 0.1, -1, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
