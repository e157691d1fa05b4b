/**
 * Customer satisfaction indices over several attributes and the analysis of what drives them: the
 * weighted index {@link io.github.cxmetrics.csi.Csi} with its delta-method uncertainty, derived
 * importance ({@link io.github.cxmetrics.csi.Importance}) and importance–performance analysis
 * ({@link io.github.cxmetrics.csi.ImportancePerformance}); relative importance — LMG (the Shapley
 * value of R²), dominance analysis and Johnson's relative weights
 * ({@link io.github.cxmetrics.csi.RelativeImportance}), with jackknife and bootstrap uncertainty
 * ({@link io.github.cxmetrics.csi.RelativeImportanceBootstrap}); asymmetric effects — penalty–reward
 * contrast analysis with the impact-asymmetry index ({@link io.github.cxmetrics.csi.PenaltyReward})
 * and key-dissatisfier Shapley analysis ({@link io.github.cxmetrics.csi.KeyDissatisfiers}); and the
 * Kano model ({@link io.github.cxmetrics.csi.Kano}, the mergeable
 * {@link io.github.cxmetrics.csi.KanoAccumulator} and {@link io.github.cxmetrics.csi.KanoResult}).
 *
 * <p>The key-driver, dissatisfier and Kano classes stay in this package rather than a new
 * {@code drivers} package: they analyse the same attribute ratings as the index, and
 * {@code Importance} and {@code ImportancePerformance} keep their round-1 names and place.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.csi;
