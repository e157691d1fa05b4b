/**
 * Customer lifetime value: closed forms ({@link io.github.cxmetrics.clv.Clv}), purchase histories
 * ({@link io.github.cxmetrics.clv.Transaction}, {@link io.github.cxmetrics.clv.RfmSummary}), the
 * BG/NBD purchase model ({@link io.github.cxmetrics.clv.BetaGeometricNbd}) and the Gamma–Gamma spend
 * model ({@link io.github.cxmetrics.clv.GammaGamma}), the common surface of purchase models
 * ({@link io.github.cxmetrics.clv.PurchaseModel}) and their calibration/holdout validation
 * ({@link io.github.cxmetrics.clv.CalibrationHoldout}, {@link io.github.cxmetrics.clv.HoldoutTable},
 * {@link io.github.cxmetrics.clv.ModelComparison}, {@link io.github.cxmetrics.clv.PurchaseTracking}).
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.clv;
