package io.github.cxmetrics.service;

/**
 * The sample-quantile definitions of Hyndman &amp; Fan (1996), by their R {@code quantile(x, p,
 * type = k)} number; {@code numpy.quantile}'s {@code method} names in brackets. With the sorted
 * values {@code x_1 <= … <= x_n} (1-based):
 * <pre>{@code
 * TYPE_1  j = ⌊np⌋, g = np − j:   Q = x_j if g = 0, else x_{j+1}              [inverted_cdf]
 * TYPE_2  as type 1, but Q = (x_j + x_{j+1})/2 if g = 0                       [averaged_inverted_cdf]
 * TYPE_6  h = (n + 1)p                                                        [weibull]
 * TYPE_7  h = (n − 1)p + 1            (R's and numpy's default)               [linear]
 * TYPE_8  h = (n + 1/3)p + 1/3        (median-unbiased, Hyndman & Fan's pick) [median_unbiased]
 *         types 6–8: Q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋), h clamped to [1, n]
 * }</pre>
 * Type 1 is the "nearest-rank" percentile of many SLA reports. At small n the types differ
 * noticeably: the 0.95-quantile of twenty response times is 120 (type 1), 126 (type 7) or 234
 * (type 6). Reference: R. J. Hyndman &amp; Y. Fan (1996), "Sample quantiles in statistical
 * packages", <i>The American Statistician</i> 50(4):361–365; R's {@code quantile.default}, whose
 * floating-point fuzz {@code 4·.Machine$double.eps} on {@code np} and {@code h} is reproduced.
 *
 * @since 0.2.0
 */
public enum QuantileType {
    /** R type 1: the inverse of the empirical CDF (nearest rank). */
    TYPE_1,
    /** R type 2: the inverse empirical CDF with averaging at discontinuities. */
    TYPE_2,
    /** R type 6: linear interpolation of {@code p_k = k/(n + 1)} (Weibull plotting positions). */
    TYPE_6,
    /** R type 7: linear interpolation of {@code p_k = (k − 1)/(n − 1)}; R's and numpy's default. */
    TYPE_7,
    /** R type 8: {@code p_k = (k − 1/3)/(n + 1/3)}, approximately median-unbiased. */
    TYPE_8
}
