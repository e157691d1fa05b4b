/**
 * SERVQUAL: the service-quality instrument of Parasuraman, Zeithaml and Berry, scored on the rating
 * core of cxmetrics. This release provides the {@link io.github.cxmetrics.servqual.Dimension}s; the
 * instrument, respondents, accumulator and report follow.
 */
package io.github.cxmetrics.servqual;
