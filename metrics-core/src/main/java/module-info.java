/**
 * cxmetrics core: customer-experience metrics with their uncertainty.
 *
 * <p>Rating scales, distributions and mergeable accumulators ({@code io.github.cxmetrics.survey}),
 * NPS, CSAT and CES with their interval estimators, the multi-attribute satisfaction index and driver
 * analysis ({@code io.github.cxmetrics.csi}), churn, retention and survival
 * ({@code io.github.cxmetrics.retention}), customer lifetime value ({@code io.github.cxmetrics.clv}),
 * and the statistical value types every metric returns ({@code io.github.cxmetrics.stats}). The module has no dependencies beyond {@code java.base};
 * {@code io.github.cxmetrics.internal.math} holds the numerical kernels and is not exported.
 *
 * @since 0.1.0
 */
@SuppressWarnings("module") // the qualified export names metrics-servqual, built after this module
module io.github.cxmetrics.core {
    exports io.github.cxmetrics.clv;
    exports io.github.cxmetrics.csi;
    exports io.github.cxmetrics.metric;
    exports io.github.cxmetrics.retention;
    exports io.github.cxmetrics.service;
    exports io.github.cxmetrics.stats;
    exports io.github.cxmetrics.survey;
    exports io.github.cxmetrics.internal.format to io.github.cxmetrics.servqual;

    uses io.github.cxmetrics.stats.StateFamily.Provider;
    provides io.github.cxmetrics.stats.StateFamily.Provider with io.github.cxmetrics.internal.format.CoreStateFamilies;
}
