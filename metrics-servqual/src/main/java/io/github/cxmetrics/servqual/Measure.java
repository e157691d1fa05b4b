package io.github.cxmetrics.servqual;

/**
 * What a SERVQUAL answer measures. The two-column format asks for expectations and perceptions;
 * the three-column format of Parasuraman, Zeithaml &amp; Berry (1994, "Alternating scales for
 * measuring service quality", <i>Journal of Retailing</i> 70(3):201–230) replaces expectations by
 * the adequate (minimum acceptable) and desired service levels, which bound the zone of tolerance.
 * {@link #GAP} is not an answer but the difference {@code P − E} of two, item by item: it is the
 * measure whose reliability Parasuraman, Zeithaml &amp; Berry (1988, <i>Journal of Retailing</i>
 * 64(1):12–40, Table 3) report, and {@link ServqualReport#cronbachAlpha(Dimension, Measure)}
 * accepts it like the answer measures.
 *
 * @since 0.1.0
 */
public enum Measure {
    /** What an excellent company in the industry would offer. */
    EXPECTATION,
    /** What this company offers. */
    PERCEPTION,
    /** The difference score perception − expectation, per item. */
    GAP,
    /** The minimum service level the customer would accept. */
    ADEQUATE_SERVICE,
    /** The service level the customer wants. */
    DESIRED_SERVICE
}
