package io.github.cxmetrics.metric;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.util.List;
import java.util.Objects;

/**
 * A metric of ratings — NPS, CSAT or CES — over a {@link RatingAccumulator} of its scale. Results:
 * <ul>
 *   <li>NPS ({@link Nps}): {@code count, promoters, passives, detractors} (respondents, LONG),
 *       {@code score} (points, −100..100), {@code standard_error} (points, Rocks 2016),
 *       {@code lower, upper} (adjusted-Wald interval at {@link #level()}, points);</li>
 *   <li>CSAT ({@link Csat}): {@code count, satisfied} (LONG), {@code score} (percent satisfied),
 *       {@code standard_error} (percentage points), {@code lower, upper} (Wilson interval, percent);</li>
 *   <li>CES ({@link Ces}, version 2.0, 1–7): {@code count} (LONG), {@code mean} (scale points),
 *       {@code standard_error}, {@code lower, upper} (Student t interval, scale points); the last three
 *       are null when the effective sample size is not above 1 (or too close to 1 for a finite t
 *       interval).</li>
 * </ul>
 * With survey weights the counts are respondents and the estimates weighted (Kish's effective size).
 * The result is null when the accumulator has no ratings or total weight 0.
 *
 * @since 0.2.0
 */
public final class RatingMetric extends Metric<RatingAccumulator> {

    private static final long serialVersionUID = 1L;

    enum Kind { NPS, CSAT, CES }

    private static final List<Field> NPS_FIELDS = List.of(
            new Field("count", Field.Type.LONG, "respondents"),
            new Field("promoters", Field.Type.LONG, "respondents rating 9–10"),
            new Field("passives", Field.Type.LONG, "respondents rating 7–8"),
            new Field("detractors", Field.Type.LONG, "respondents rating 0–6"),
            new Field("score", Field.Type.DOUBLE, "NPS in points, −100..100"),
            new Field("standard_error", Field.Type.DOUBLE, "standard error of the score, points"),
            new Field("lower", Field.Type.DOUBLE, "lower bound of the adjusted-Wald interval, points"),
            new Field("upper", Field.Type.DOUBLE, "upper bound of the adjusted-Wald interval, points"));
    private static final List<Field> CSAT_FIELDS = List.of(
            new Field("count", Field.Type.LONG, "respondents"),
            new Field("satisfied", Field.Type.LONG, "respondents rating at or above the satisfied point"),
            new Field("score", Field.Type.DOUBLE, "CSAT, percent satisfied"),
            new Field("standard_error", Field.Type.DOUBLE, "standard error of the score, percentage points"),
            new Field("lower", Field.Type.DOUBLE, "lower bound of the Wilson interval, percent"),
            new Field("upper", Field.Type.DOUBLE, "upper bound of the Wilson interval, percent"));
    private static final List<Field> CES_FIELDS = List.of(
            new Field("count", Field.Type.LONG, "respondents"),
            new Field("mean", Field.Type.DOUBLE, "mean rating, scale points"),
            new Field("standard_error", Field.Type.DOUBLE, "standard error of the mean, scale points"),
            new Field("lower", Field.Type.DOUBLE, "lower bound of the t interval, scale points"),
            new Field("upper", Field.Type.DOUBLE, "upper bound of the t interval, scale points"));

    /** NPS, CSAT or CES. */
    private final Kind kind;
    /** The rating scale. */
    private final Scale scale;
    /** NPS: promoters from; CSAT: satisfied from; CES: unused. */
    private final int high;
    /** NPS: detractors up to; otherwise unused. */
    private final int low;

    RatingMetric(String name, double level, Kind kind, Scale scale, int high, int low) {
        super(name, level);
        this.kind = kind;
        this.scale = Objects.requireNonNull(scale, "scale");
        this.high = high;
        this.low = low;
    }

    /**
     * The rating scale.
     *
     * @return the scale
     */
    public Scale scale() {
        return scale;
    }

    @Override
    public Input input() {
        return Input.RATING;
    }

    @Override
    public StateFamily<RatingAccumulator> family() {
        return RatingAccumulator.FAMILY;
    }

    @Override
    public RatingAccumulator newAccumulator() {
        return new RatingAccumulator(scale);
    }

    /**
     * Adds one rating of weight 1.
     *
     * @param accumulator an accumulator of this metric
     * @param rating the rating, on {@link #scale()}
     * @throws IllegalArgumentException if the rating is off the scale (the accumulator is unchanged)
     */
    public void add(RatingAccumulator accumulator, int rating) {
        accumulator.add(rating);
    }

    /**
     * Adds one rating with a survey weight.
     *
     * @param accumulator an accumulator of this metric
     * @param rating the rating, on {@link #scale()}
     * @param weight the weight, 0 or in {@code [1e-150, 1e150]}
     * @throws IllegalArgumentException if the rating is off the scale or the weight out of range (the
     *     accumulator is unchanged)
     */
    public void add(RatingAccumulator accumulator, int rating, double weight) {
        accumulator.add(rating, weight);
    }

    @Override
    public List<Field> fields() {
        switch (kind) {
            case NPS:
                return NPS_FIELDS;
            case CSAT:
                return CSAT_FIELDS;
            default:
                return CES_FIELDS;
        }
    }

    @Override
    public Object[] result(RatingAccumulator accumulator) {
        Objects.requireNonNull(accumulator, "accumulator");
        if (!accumulator.scale().equals(scale)) {
            throw new IllegalArgumentException("the accumulator's scale " + accumulator.scale() + " is not this "
                    + name() + " metric's " + scale);
        }
        RatingDistribution d = accumulator.snapshot();
        if (d.totalWeight() == 0.0) {
            return null;
        }
        double level = level();
        switch (kind) {
            case NPS: {
                Nps n = Nps.of(d, high, low);
                Interval ci = n.confidenceInterval(level);
                return new Object[] {n.count(), n.promoters(), n.passives(),
                    n.detractors(), n.score(), n.standardError(), ci.lower(),
                    ci.upper()};
            }
            case CSAT: {
                Csat c = Csat.of(d, high);
                Interval ci = c.confidenceInterval(level);
                return new Object[] {c.count(), c.satisfied(), c.score(),
                    c.standardError(), ci.lower(), ci.upper()};
            }
            default: {
                Ces c = Ces.of(d, Ces.Version.CES_2);
                Object[] row = {c.count(), c.mean(), null, null, null};
                if (c.effectiveSize() > 1.0) {
                    row[2] = c.standardError();
                    Interval ci = tInterval(c, level);
                    if (ci != null) {
                        row[3] = ci.lower();
                        row[4] = ci.upper();
                    }
                }
                return row;
            }
        }
    }

    /** The t interval, or null where Ces says it is unbounded (effective size barely above 1). */
    private static Interval tInterval(Ces c, double level) {
        try {
            return c.confidenceInterval(level);
        } catch (IllegalStateException unbounded) {
            return null; // documented: "too close to 1 for a finite t interval" — the field is undefined
        }
    }

    @Override
    public RatingMetric withLevel(double level) {
        return new RatingMetric(name(), checkLevel(level), kind, scale, high, low);
    }

    @Override
    public RatingMetric named(String name) {
        return new RatingMetric(checkName(name), level(), kind, scale, high, low);
    }

    @Override
    String definition() {
        switch (kind) {
            case NPS:
                return "NPS " + scale.min() + ".." + scale.max() + ", promoters " + high + ".., detractors .." + low;
            case CSAT:
                return "CSAT " + scale.min() + ".." + scale.max() + ", satisfied " + high + "..";
            default:
                return "CES 2.0 " + scale.min() + ".." + scale.max();
        }
    }
}
