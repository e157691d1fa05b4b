/**
 * SERVQUAL: the service-quality instrument of Parasuraman, Zeithaml and Berry, scored on the rating
 * core of cxmetrics. An {@link io.github.cxmetrics.servqual.Instrument} maps items to
 * {@link io.github.cxmetrics.servqual.Dimension}s; {@link io.github.cxmetrics.servqual.Respondent}s
 * are collected by a mergeable {@link io.github.cxmetrics.servqual.ServqualAccumulator}, whose
 * {@link io.github.cxmetrics.servqual.ServqualReport} gives gap scores, SERVPERF, the zone of
 * tolerance, Cronbach's alpha and priorities.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.servqual;
