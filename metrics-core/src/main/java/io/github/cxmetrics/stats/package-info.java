/**
 * The statistical value types every metric returns — {@link io.github.cxmetrics.stats.Estimate},
 * {@link io.github.cxmetrics.stats.Interval}, {@link io.github.cxmetrics.stats.Difference} and the
 * {@link io.github.cxmetrics.stats.IntervalMethod} a caller may choose — and two general-purpose
 * estimators: the weighted mean and variance ({@link io.github.cxmetrics.stats.MeanAccumulator},
 * mergeable with a byte form, and its immutable {@link io.github.cxmetrics.stats.MeanSummary}) and the
 * binomial proportion ({@link io.github.cxmetrics.stats.Proportion}).
 *
 * <h2>Mergeable state</h2>
 * Every accumulator of cxmetrics implements {@link io.github.cxmetrics.stats.Mergeable}: data flows
 * one way, from input values into a mutable accumulator, which can be merged with others of its kind
 * (associative, commutative; splitting the input anywhere and merging gives the result of one pass),
 * written as bytes and read back anywhere, and turned by {@code snapshot()} into an immutable result.
 * The byte form of every accumulator is one frame of the cxmetrics state format — magic {@code
 * "CXMS"}, family id, format version, flags, payload length, payload, CRC-32C — documented field by
 * field in {@code docs/binary-format.md} of the source distribution; every release reads every
 * published version. {@link io.github.cxmetrics.stats.StateFamily} names each kind of state (its id in
 * the format, its class and its reader) and finds the family of any state from its bytes, so an engine
 * adapter (a Spark {@code Aggregator}, a Flink {@code AggregateFunction}, a Kafka Streams
 * {@code Serde}) is written once against {@code Mergeable} and {@code StateFamily}, for every family:
 * <pre>{@code
 * <S extends Mergeable<S>> byte[] combine(StateFamily<S> family, byte[] a, byte[] b) {
 *     return family.fromByteArray(a).merge(family.fromByteArray(b)).toByteArray();
 * }
 * }</pre>
 *
 * <p>All value types are immutable and validate their components: NaN and infinities are rejected with
 * {@link java.lang.IllegalArgumentException}. No method returns NaN or an infinity from finite input: a
 * result that is not a finite double (an interval on almost no degrees of freedom, a variance beyond
 * the double range) is an {@link java.lang.IllegalStateException} or a refused input instead.
 *
 * <h2>Tracking over waves</h2>
 * {@link io.github.cxmetrics.stats.Trend} tests for a linear trend (Cochran–Armitage for proportions,
 * weighted least squares for estimates with known variances), {@link io.github.cxmetrics.stats.ControlChart}
 * draws p, Laney p′ and EWMA charts with every point flagged in or out of control, and
 * {@link io.github.cxmetrics.stats.InterpretationBands} puts replaceable verbal labels on values.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.stats;
