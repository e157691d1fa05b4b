/**
 * The statistical value types every metric returns — {@link io.github.cxmetrics.stats.Estimate},
 * {@link io.github.cxmetrics.stats.Interval}, {@link io.github.cxmetrics.stats.Difference} and the
 * {@link io.github.cxmetrics.stats.IntervalMethod} a caller may choose — and two general-purpose
 * estimators: the weighted mean and variance ({@link io.github.cxmetrics.stats.MeanAccumulator},
 * mergeable with a byte form, and its immutable {@link io.github.cxmetrics.stats.MeanSummary}) and the
 * binomial proportion ({@link io.github.cxmetrics.stats.Proportion}).
 *
 * <p>All value types are immutable and validate their components: NaN and infinities are rejected with
 * {@link java.lang.IllegalArgumentException}. No method returns NaN or an infinity from finite input: a
 * result that is not a finite double (an interval on almost no degrees of freedom, a variance beyond
 * the double range) is an {@link java.lang.IllegalStateException} or a refused input instead.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.stats;
