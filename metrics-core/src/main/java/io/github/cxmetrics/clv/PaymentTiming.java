package io.github.cxmetrics.clv;

/**
 * When in each period the margin is received, which decides whether the first period is
 * discounted.
 *
 * @since 0.1.0
 */
public enum PaymentTiming {
    /** Paid at the start of each period: the first margin is received now, undiscounted. */
    START_OF_PERIOD,
    /** Paid at the end of each period: the first margin is discounted one period and depends on the
     *  customer being retained through it. */
    END_OF_PERIOD
}
