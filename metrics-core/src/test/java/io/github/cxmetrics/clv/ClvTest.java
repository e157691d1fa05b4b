package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link Clv}. Expected values by hand from the geometric series: m = 100, r = 0.8, d = 0.1 gives
 * 100·0.8/0.3 = 266.67 (end of period) and 100·1.1/0.3 = 366.67 (start of period), Gupta &amp;
 * Lehmann (2003); finite horizons are partial sums of the same series, with q = r/(1 + d) = 8/11.
 * The overflow cases (reliability report row 18) have expected values from mpmath 1.3 at 50 digits,
 * each expression beside its number.
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

    @Test
    void finiteHorizonOfZeroMarginIsZeroNotNaN() {
        // was 0·∞ = NaN: Σ 2^t overflowed before the margin 0 was applied
        assertThat(Clv.finiteHorizon(0, 1, -0.5, 2000, PaymentTiming.END_OF_PERIOD)).isEqualTo(0.0);
        assertThat(Clv.finiteHorizon(100, 0, 0.1, 10, PaymentTiming.END_OF_PERIOD)).isEqualTo(0.0);
        assertThat(Clv.finiteHorizon(100, 0, 0.1, 10, PaymentTiming.START_OF_PERIOD)).isEqualTo(100.0);
        assertThat(Clv.finiteHorizon(100, 0.8, 0.1, 0, PaymentTiming.START_OF_PERIOD)).isEqualTo(0.0);
        // q = 1: H payments of m, undiscounted
        assertThat(Clv.finiteHorizon(100, 1, 0, 7, PaymentTiming.END_OF_PERIOD)).isEqualTo(700.0);
    }

    @Test
    void finiteHorizonOverflowThrowsAndRepresentableHugeSumsAreComputed() {
        // 100·Σ_{t=1..2000} 2^t = 100·(2^2001 − 2); mpmath log10 = 604.36: not a double (was +Infinity)
        assertThatThrownBy(() -> Clv.finiteHorizon(100, 1, -0.5, 2000, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("CLV overflows a double: margin 100.0, retention 1.0, discount -0.5, periods 2000, "
                        + "END_OF_PERIOD give about 1e604");
        // mpmath: mpf(1e-300)*(2**2000 - 1) = 1.1481306952742545242e302, though 2^2000 itself overflows
        assertThat(Clv.finiteHorizon(1e-300, 1, -0.5, 2000, PaymentTiming.START_OF_PERIOD))
                .isCloseTo(1.1481306952742545242e302, within(1.1481306952742545242e302 * 1e-12));
        assertThat(Clv.finiteHorizon(-1e-300, 1, -0.5, 2000, PaymentTiming.START_OF_PERIOD))
                .isCloseTo(-1.1481306952742545242e302, within(1.1481306952742545242e302 * 1e-12));
        // the whole int range of periods is constant time now: 100·q/(1 − q) = 800/3 for q = 8/11
        assertThat(Clv.finiteHorizon(100, 0.8, 0.1, Integer.MAX_VALUE, PaymentTiming.END_OF_PERIOD))
                .isCloseTo(800.0 / 3, within(1e-10));
    }

    @Test
    void negativeDiscountRatesAreAcceptedAndValued() {
        // q = 0.9/0.99; mpmath fsum(100*q**t for t in range(1, 13)) = 681.369182289643183996,
        // range(0, 12): 749.506100518607502396
        assertThat(Clv.finiteHorizon(100, 0.9, -0.01, 12, PaymentTiming.END_OF_PERIOD))
                .isCloseTo(681.369182289643183996, within(1e-11));
        assertThat(Clv.finiteHorizon(100, 0.9, -0.01, 12, PaymentTiming.START_OF_PERIOD))
                .isCloseTo(749.506100518607502396, within(1e-11));
        // 100·0.5/(1 − 0.2 − 0.5) = 166.67: finite while 1 + d > r
        assertThat(Clv.constantRetention(100, 0.5, -0.2, PaymentTiming.END_OF_PERIOD))
                .isCloseTo(500.0 / 3, within(1e-12));
    }

    @Test
    void constantRetentionAvoidsIntermediateOverflowAndThrowsOnTrueOverflow() {
        // m(1 + d)/(1 + d − r) with m = d = 1e308, r = 0.5: mpmath 1.00000000000000001098e308 (was
        // Infinity: m·(1 + d) overflowed)
        assertThat(Clv.constantRetention(1e308, 0.5, 1e308, PaymentTiming.START_OF_PERIOD))
                .isCloseTo(1e308, within(1e293));
        // mpmath log10(mpf(1e300)*r/(1 - r)) = 315.95 for r = 0.9999999999999999 (the double)
        assertThatThrownBy(() -> Clv.constantRetention(1e300, 0.9999999999999999, 0, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("CLV overflows a double: margin 1.0E300, retention 0.9999999999999999, discount 0.0, "
                        + "END_OF_PERIOD give about 1e315");
        assertThatThrownBy(() -> Clv.constantRetention(-1e300, 0.9999999999999999, 0, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void historicAvoidsIntermediateOverflowAndThrowsOnTrueOverflow() {
        assertThatThrownBy(() -> Clv.historic(1e200, 1e200, 1)).isInstanceOf(ArithmeticException.class)
                .hasMessage("historic CLV overflows a double: averageOrderValue 1.0E200, purchasesPerPeriod 1.0E200, "
                        + "lifespan 1.0 give about 1e400");
        // mpmath mpf(1e200)*mpf(1e200)*mpf(1e-300) = 9.99999999999999964525e99 (was Infinity)
        assertThat(Clv.historic(1e200, 1e200, 1e-300)).isCloseTo(9.99999999999999964525e99, within(1e85));
        assertThat(Clv.historic(1e200, 1e200, 1e-100, 0.5)).isCloseTo(5e299, within(1e285));
        assertThatThrownBy(() -> Clv.historic(1e200, 1e200, 1, 0.5)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("marginRate 0.5 give about 1e399");
    }

    @Test
    void discountedSumAtNegativeDiscountComputesWhatIsRepresentable() {
        // S_k = 0.5^(k+1) (exact doubles down to 2^-1074, then 0), discount −0.5: each term is
        // 0.5^(k+1)·2^(k+1) = 1 for k = 0..1073 and 0 after, so the sum is exactly 1074. It was NaN:
        // the factor 2^(k+1) overflowed to ∞ and met a survival of 0.
        int h = 2000;
        double[] ones = new double[h];
        double[] halving = new double[h];
        double[] zeros = new double[h];
        for (int k = 0; k < h; k++) {
            ones[k] = 1.0;
            halving[k] = Math.pow(0.5, k + 1);
        }
        assertThat(Clv.discountedSum(ones, halving, -0.5, PaymentTiming.END_OF_PERIOD)).isEqualTo(1074.0);
        assertThat(Clv.discountedSum(zeros, ones, -0.5, PaymentTiming.END_OF_PERIOD)).isEqualTo(0.0);
        assertThatThrownBy(() -> Clv.discountedSum(ones, ones, -0.5, PaymentTiming.END_OF_PERIOD))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("discounted sum overflows a double at index 1022 (margin 1.0, survival 1.0, discount -0.5, "
                        + "END_OF_PERIOD): the value exceeds 1.7976931348623157E308");
        // a large positive discount no longer underflows the factor before the margin is applied:
        // 1e300/(1e300)^2 = 1e-300 (the factor 1e-600 alone is below Double.MIN_VALUE; it gave 0)
        assertThat(Clv.discountedSum(new double[] {0, 1e300}, new double[] {1, 1}, 1e300, PaymentTiming.END_OF_PERIOD))
                .isCloseTo(1e-300, within(1e-313));
    }
}
