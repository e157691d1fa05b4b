/**
 * Churn and retention: the descriptive KPIs ({@link io.github.cxmetrics.retention.ChurnRate},
 * {@link io.github.cxmetrics.retention.RevenueRetention}), cohort retention tables
 * ({@link io.github.cxmetrics.retention.CohortTable}), survival curves from censored lifetimes
 * ({@link io.github.cxmetrics.retention.KaplanMeier}, fitted in one pass, or built from parts by the
 * mergeable {@link io.github.cxmetrics.retention.KaplanMeierAccumulator}, whose state has a binary
 * form), and the shifted-beta-geometric model that projects retention
 * ({@link io.github.cxmetrics.retention.ShiftedBetaGeometric}).
 * Rates are fractions 0…1 per period; lifetimes are in periods.
 * {@link io.github.cxmetrics.retention.CohortAccumulator} builds a cohort table as a mergeable state
 * (one count per cohort and number of active periods) that crosses processes in the binary format.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.retention;
