package io.github.cxmetrics.internal;

/**
 * Argument checks shared by the metric packages, with the message format of the project:
 * the argument's name, the offending value and what is allowed.
 */
public final class Checks {

    private Checks() {
    }

    /**
     * Checks a confidence level.
     *
     * @param level the confidence level
     * @return {@code level}
     * @throws IllegalArgumentException unless {@code 0 < level < 1}
     */
    public static double level(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("level must be in (0, 1), was " + level);
        }
        return level;
    }

    /**
     * Checks a significance level.
     *
     * @param alpha the significance level
     * @return {@code alpha}
     * @throws IllegalArgumentException unless {@code 0 < alpha < 1}
     */
    public static double alpha(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        return alpha;
    }

    /**
     * Checks a survey weight.
     *
     * @param weight the weight of one response
     * @return {@code weight}
     * @throws IllegalArgumentException unless the weight is finite and non-negative
     */
    public static double weight(double weight) {
        if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight);
        }
        return weight;
    }

    /**
     * Checks that a value is finite.
     *
     * @param name the argument's name, for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if the value is NaN or infinite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, was " + value);
        }
        return value;
    }
}
