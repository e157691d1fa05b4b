/**
 * Rating scales, rating distributions and their mergeable accumulators, and the survey metrics built
 * on them: the Net Promoter Score ({@link io.github.cxmetrics.survey.Nps}), Customer Satisfaction
 * ({@link io.github.cxmetrics.survey.Csat}) and the Customer Effort Score
 * ({@link io.github.cxmetrics.survey.Ces}).
 *
 * <p>Data flow: ratings → {@link io.github.cxmetrics.survey.RatingAccumulator} (mutable, mergeable,
 * serialisable) → {@link io.github.cxmetrics.survey.RatingDistribution} (immutable) → a metric with
 * its standard error and confidence interval. Units: NPS in points −100…100; CSAT in percent 0…100;
 * shares as fractions 0…1; means in scale points.
 *
 * @since 0.1.0
 */
package io.github.cxmetrics.survey;
