/**
 * Implementation helpers shared by the metric packages. Not exported: not part of the API.
 */
package io.github.cxmetrics.internal;
