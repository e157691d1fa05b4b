package io.github.cxmetrics.metric;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A metric an engine can aggregate: its name, the kind of its input rows, its accumulator and its
 * flat result. The accumulator is the engine's buffer (merged with {@link Mergeable#merge}, shipped as
 * its byte form through {@link #family()}); {@link #result(Mergeable)} turns it into one row of
 * {@link #fields()} with empty → NULL semantics (see the package description).
 *
 * <p>Rows are added by the subclass of the input kind: {@link RatingMetric}, {@link ValueMetric},
 * {@link LifetimeMetric}. Instances are immutable and serializable; {@link #equals(Object)} compares
 * name, definition and level.
 *
 * @param <A> the accumulator type
 * @since 0.2.0
 */
public abstract class Metric<A extends Mergeable<A>> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name, lower snake case. */
    private final String name;
    /** The confidence level of the interval fields. */
    private final double level;

    Metric(String name, double level) {
        this.name = checkName(name);
        this.level = checkLevel(level);
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a metric name must be lower snake case ([a-z][a-z0-9_]*), was '"
                    + name + "'");
        }
        return name;
    }

    static double checkLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        return level;
    }

    /**
     * The metric's name, e.g. {@code "nps"}: what engines register it under.
     *
     * @return the name, lower snake case
     */
    public final String name() {
        return name;
    }

    /**
     * The confidence level of the {@code lower} and {@code upper} fields.
     *
     * @return the level, in {@code (0, 1)}; 0.95 unless set by {@link #withLevel(double)}
     */
    public final double level() {
        return level;
    }

    /**
     * What one input row is.
     *
     * @return the input kind
     */
    public abstract Input input();

    /**
     * The state family of the accumulator: its byte form and reader.
     *
     * @return the family
     */
    public abstract StateFamily<A> family();

    /**
     * An empty accumulator for this metric.
     *
     * @return a new accumulator
     */
    public abstract A newAccumulator();

    /**
     * The flat result layout, in order.
     *
     * @return the fields, an immutable list
     */
    public abstract List<Field> fields();

    /**
     * The result of an accumulator as one row of {@link #fields()}.
     *
     * @param accumulator an accumulator of this metric (from {@link #newAccumulator()}, merges of such,
     *     or its byte form)
     * @return {@code null} when the accumulator holds no data (or total weight 0); otherwise a new
     *     array with one element per field: a {@code Long} for a {@link Field.Type#LONG} field, a
     *     {@code Double} for a {@link Field.Type#DOUBLE} field, or {@code null} where the field is
     *     undefined for this data (each subclass says when)
     * @throws NullPointerException if {@code accumulator} is null
     * @throws IllegalArgumentException if the accumulator does not fit this metric (another scale)
     */
    public abstract Object[] result(A accumulator);

    /**
     * This metric with intervals at another level.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the metric
     * @throws IllegalArgumentException if {@code level} is out of range
     */
    public abstract Metric<A> withLevel(double level);

    /**
     * This metric under another name (to register two variants side by side, e.g. {@code csat7}).
     *
     * @param name the name, lower snake case
     * @return the metric
     * @throws IllegalArgumentException if the name is not lower snake case
     */
    public abstract Metric<A> named(String name);

    /** What, besides name and level, defines the metric: for equals, hashCode and toString. */
    abstract String definition();

    /**
     * Equal when of the same class, name, definition and level.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        Metric<?> m = (Metric<?>) o;
        return name.equals(m.name) && Double.compare(level, m.level) == 0 && definition().equals(m.definition());
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public final int hashCode() {
        return Objects.hash(getClass(), name, level, definition());
    }

    /**
     * A readable summary, e.g. {@code Metric[nps: NPS 0..10, promoters 9.., detractors ..6, level 0.95]}.
     *
     * @return the summary
     */
    @Override
    public final String toString() {
        return "Metric[" + name + ": " + definition() + ", level " + level + "]";
    }
}
