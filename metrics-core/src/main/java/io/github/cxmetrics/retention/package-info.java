/**
 * Churn and retention: the descriptive KPIs ({@link io.github.cxmetrics.retention.ChurnRate},
 * {@link io.github.cxmetrics.retention.RevenueRetention}), cohort retention tables
 * ({@link io.github.cxmetrics.retention.CohortTable}), survival curves from censored lifetimes
 * ({@link io.github.cxmetrics.retention.KaplanMeier}, fitted in one pass, or built from parts by the
 * mergeable {@link io.github.cxmetrics.retention.KaplanMeierAccumulator}, whose state has a binary
 * form), and the shifted-beta-geometric model that projects retention
 * ({@link io.github.cxmetrics.retention.ShiftedBetaGeometric}).
 * Rates are fractions 0…1 per period; lifetimes are in periods.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.retention;
