/**
 * Customer satisfaction indices over several attributes and the analysis of what drives them: the
 * weighted index {@link io.github.cxmetrics.csi.Csi} with its delta-method uncertainty, derived
 * importance ({@link io.github.cxmetrics.csi.Importance}) and importance–performance analysis
 * ({@link io.github.cxmetrics.csi.ImportancePerformance}).
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.csi;
