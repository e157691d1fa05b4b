package io.github.cxmetrics.stats;

/**
 * A two-sided confidence interval {@code [lower, upper]} at a confidence level.
 *
 * <p>The bounds are in the unit of the estimate they belong to (NPS points, percent, a fraction…).
 * The interval is closed; a degenerate interval ({@code lower == upper}) is allowed, e.g. for the
 * clipped interval of a sample at a bound of its range.
 *
 * @param lower the lower bound, finite
 * @param upper the upper bound, finite and {@code >= lower}
 * @param level the nominal confidence level, in {@code (0, 1)}, e.g. {@code 0.95}
 * @since 0.1.0
 */
public record Interval(double lower, double upper, double level) {

    /**
     * Validates the components.
     *
     * @param lower the lower bound
     * @param upper the upper bound
     * @param level the confidence level
     * @throws IllegalArgumentException if a bound is NaN or infinite, if {@code lower > upper},
     *     or if {@code level} is not in {@code (0, 1)}
     */
    public Interval {
        if (!Double.isFinite(lower)) {
            throw new IllegalArgumentException("lower must be finite, was " + lower);
        }
        if (!Double.isFinite(upper)) {
            throw new IllegalArgumentException("upper must be finite, was " + upper);
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower must be <= upper, was " + lower + " > " + upper);
        }
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
    }

    /**
     * The width of the interval.
     *
     * @return {@code upper - lower}, {@code >= 0}
     */
    public double width() {
        return upper - lower;
    }

    /**
     * The midpoint of the interval; not in general the point estimate (adjusted and score
     * intervals are not centred on it).
     *
     * @return {@code (lower + upper) / 2}
     */
    public double midpoint() {
        return lower + (upper - lower) / 2.0;
    }

    /**
     * Whether a value lies in the closed interval.
     *
     * @param value the value to test
     * @return {@code lower <= value && value <= upper}; {@code false} for NaN
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
