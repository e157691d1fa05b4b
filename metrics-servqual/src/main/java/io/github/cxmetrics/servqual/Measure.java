package io.github.cxmetrics.servqual;

/**
 * What a SERVQUAL answer measures. The two-column format asks for expectations and perceptions;
 * the three-column format of Parasuraman, Zeithaml &amp; Berry (1994, "Alternating scales for
 * measuring service quality", <i>Journal of Retailing</i> 70(3):201–230) replaces expectations by
 * the adequate (minimum acceptable) and desired service levels, which bound the zone of tolerance.
 *
 * @since 0.1.0
 */
public enum Measure {
    /** What an excellent company in the industry would offer. */
    EXPECTATION,
    /** What this company offers. */
    PERCEPTION,
    /** The minimum service level the customer would accept. */
    ADEQUATE_SERVICE,
    /** The service level the customer wants. */
    DESIRED_SERVICE
}
