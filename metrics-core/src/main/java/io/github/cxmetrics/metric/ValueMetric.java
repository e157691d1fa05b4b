package io.github.cxmetrics.metric;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.stats.StateFamily;
import java.util.List;
import java.util.Objects;

/**
 * The (weighted) mean of values over a {@link MeanAccumulator} ({@link MeanSummary}). Result:
 * {@code count} (values, LONG), {@code mean}, {@code standard_deviation} (sample, Kish-corrected for
 * weights), {@code standard_error}, {@code lower, upper} (Student t interval at {@link #level()}), all
 * in the values' unit; the last four are null when the effective sample size is not above 1 (the
 * interval also when it is too close to 1 for a finite t interval). The result is null when there are
 * no values or total weight 0.
 *
 * @since 0.2.0
 */
public final class ValueMetric extends Metric<MeanAccumulator> {

    private static final long serialVersionUID = 1L;

    private static final List<Field> FIELDS = List.of(
            new Field("count", Field.Type.LONG, "values"),
            new Field("mean", Field.Type.DOUBLE, "mean, in the values' unit"),
            new Field("standard_deviation", Field.Type.DOUBLE, "sample standard deviation, in the values' unit"),
            new Field("standard_error", Field.Type.DOUBLE, "standard error of the mean, in the values' unit"),
            new Field("lower", Field.Type.DOUBLE, "lower bound of the t interval, in the values' unit"),
            new Field("upper", Field.Type.DOUBLE, "upper bound of the t interval, in the values' unit"));

    ValueMetric(String name, double level) {
        super(name, level);
    }

    @Override
    public Input input() {
        return Input.VALUE;
    }

    @Override
    public StateFamily<MeanAccumulator> family() {
        return MeanAccumulator.FAMILY;
    }

    @Override
    public MeanAccumulator newAccumulator() {
        return new MeanAccumulator();
    }

    /**
     * Adds one value of weight 1.
     *
     * @param accumulator an accumulator of this metric
     * @param value a finite value
     * @throws IllegalArgumentException if the value is NaN or infinite (the accumulator is unchanged)
     */
    public void add(MeanAccumulator accumulator, double value) {
        accumulator.add(value);
    }

    /**
     * Adds one value with a weight.
     *
     * @param accumulator an accumulator of this metric
     * @param value a finite value
     * @param weight the weight, 0 or in {@code [1e-150, 1e150]}
     * @throws IllegalArgumentException if a value is out of range (the accumulator is unchanged)
     */
    public void add(MeanAccumulator accumulator, double value, double weight) {
        accumulator.add(value, weight);
    }

    @Override
    public List<Field> fields() {
        return FIELDS;
    }

    @Override
    public Object[] result(MeanAccumulator accumulator) {
        MeanSummary s = Objects.requireNonNull(accumulator, "accumulator").snapshot();
        if (s.totalWeight() == 0.0) {
            return null;
        }
        Object[] row = {s.count(), s.mean(), null, null, null, null};
        if (s.effectiveSize() > 1.0) {
            row[2] = s.standardDeviation();
            row[3] = s.standardError();
            Interval ci = tInterval(s, level());
            if (ci != null) {
                row[4] = ci.lower();
                row[5] = ci.upper();
            }
        }
        return row;
    }

    /** The t interval, or null where MeanSummary says it is unbounded (effective size barely above 1). */
    private static Interval tInterval(MeanSummary s, double level) {
        try {
            return s.confidenceInterval(level);
        } catch (IllegalStateException unbounded) {
            return null; // documented: the interval is unbounded — the fields are undefined
        }
    }

    @Override
    public ValueMetric withLevel(double level) {
        return new ValueMetric(name(), checkLevel(level));
    }

    @Override
    public ValueMetric named(String name) {
        return new ValueMetric(checkName(name), level());
    }

    @Override
    String definition() {
        return "mean";
    }
}
