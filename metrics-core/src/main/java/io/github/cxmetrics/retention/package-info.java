/**
 * Churn and retention: the descriptive KPIs ({@link io.github.cxmetrics.retention.ChurnRate},
 * {@link io.github.cxmetrics.retention.RevenueRetention}), cohort retention tables
 * ({@link io.github.cxmetrics.retention.CohortTable}), and models that project retention: the
 * shifted-beta-geometric model ({@link io.github.cxmetrics.retention.ShiftedBetaGeometric}).
 * Rates are fractions 0…1 per period; lifetimes are in periods.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.retention;
