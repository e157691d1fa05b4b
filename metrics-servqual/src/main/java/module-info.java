/**
 * cxmetrics SERVQUAL: the service-quality instrument of Parasuraman, Zeithaml and Berry (1988),
 * scored on the rating core of {@code io.github.cxmetrics.core}.
 *
 * @since 0.1.0
 */
module io.github.cxmetrics.servqual {
    requires transitive io.github.cxmetrics.core;

    exports io.github.cxmetrics.servqual;
}
