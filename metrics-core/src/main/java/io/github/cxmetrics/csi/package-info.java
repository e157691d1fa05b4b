/**
 * Customer satisfaction indices over several attributes: the weighted index {@link
 * io.github.cxmetrics.csi.Csi} with its delta-method uncertainty.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.csi;
