/**
 * The statistical value types every metric returns: {@link io.github.cxmetrics.stats.Estimate},
 * {@link io.github.cxmetrics.stats.Interval}, {@link io.github.cxmetrics.stats.Difference} and the
 * {@link io.github.cxmetrics.stats.IntervalMethod} a caller may choose.
 *
 * <p>All types are immutable and validate their components: NaN and infinities are rejected with
 * {@link java.lang.IllegalArgumentException}.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.stats;
