package io.github.cxmetrics.stats;

/**
 * A point estimate with its standard error and the reference distribution of its studentised
 * statistic.
 *
 * <p>With {@code degreesOfFreedom} infinite the interval is the normal-theory (Wald) interval
 * <pre>{@code value ± z(1 − (1 − level)/2) · standardError}</pre>
 * and with finite degrees of freedom the Student t interval
 * <pre>{@code value ± t(1 − (1 − level)/2; df) · standardError}</pre>
 * (Student 1908, "The probable error of a mean", <i>Biometrika</i> 6(1):1–25). The unit of
 * {@code value}, {@code standardError} and the interval is that of the quantity estimated.
 *
 * @param value the point estimate, finite
 * @param standardError its standard error, finite and {@code >= 0}
 * @param degreesOfFreedom the degrees of freedom of the t reference distribution, {@code > 0};
 *     {@link Double#POSITIVE_INFINITY} for normal theory
 * @since 0.1.0
 */
public record Estimate(double value, double standardError, double degreesOfFreedom) {

    /**
     * Validates the components.
     *
     * @param value the point estimate
     * @param standardError its standard error
     * @param degreesOfFreedom the degrees of freedom, {@code > 0} or infinite
     * @throws IllegalArgumentException if {@code value} or {@code standardError} is NaN or infinite,
     *     {@code standardError < 0}, or {@code degreesOfFreedom} is NaN or {@code <= 0}
     */
    public Estimate {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value);
        }
        if (!(standardError >= 0.0 && standardError < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("standardError must be finite and >= 0, was " + standardError);
        }
        Inference.degreesOfFreedom(degreesOfFreedom);
    }

    /**
     * A normal-theory estimate (infinite degrees of freedom).
     *
     * @param value the point estimate
     * @param standardError its standard error
     * @return the estimate
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Estimate normal(double value, double standardError) {
        return new Estimate(value, standardError, Double.POSITIVE_INFINITY);
    }

    /**
     * The two-sided confidence interval {@code value ± critical · standardError}, with the normal or
     * Student t critical value as described on the class; the point {@code [value, value]} when the
     * standard error is 0.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, unclipped
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the interval is unbounded: with very few degrees of freedom
     *     (e.g. 2e-6, from a weighted sample whose effective size is barely above 1) the t critical
     *     value, or the bound {@code value ± critical · standardError}, is not a finite double; the
     *     message names the level, the standard error and the degrees of freedom
     */
    public Interval confidenceInterval(double level) {
        return Inference.interval(value, standardError, level, degreesOfFreedom);
    }
}
