/**
 * Customer-service metrics: contact-centre KPIs (first contact resolution, handling time, speed of
 * answer, abandonment, service level, occupancy), Erlang C staffing, response- and resolution-time
 * percentiles (exact order statistics and the mergeable {@code QuantileSketch}), ratings and reviews,
 * and the repeat-purchase rate. Where a KPI has competing definitions in use, the definition is an
 * explicit choice and part of the value.
 *
 * @since 0.2.0
 */
package io.github.cxmetrics.service;
