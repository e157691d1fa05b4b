/**
 * cxmetrics SERVQUAL: the service-quality instrument of Parasuraman, Zeithaml and Berry (1988),
 * scored on the rating core of {@code io.github.cxmetrics.core}. The module registers its state
 * family (id 16, {@code io.github.cxmetrics.servqual.ServqualAccumulator}) with the core's
 * {@code io.github.cxmetrics.stats.StateFamily} through {@link java.util.ServiceLoader}.
 *
 * @since 0.1.0
 */
module io.github.cxmetrics.servqual {
    requires transitive io.github.cxmetrics.core;

    exports io.github.cxmetrics.servqual;

    provides io.github.cxmetrics.stats.StateFamily.Provider
            with io.github.cxmetrics.servqual.internal.ServqualStateFamilies;
}
