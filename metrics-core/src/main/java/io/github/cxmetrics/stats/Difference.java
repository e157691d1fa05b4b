package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.Objects;

/**
 * The signed difference between two independent estimates, {@code second − first}, with its
 * standard error and a two-sided test of "no difference".
 *
 * <pre>{@code
 * statistic = estimate / standardError
 * pValue    = P(|T| >= |statistic|)        T ~ N(0, 1) if degreesOfFreedom is infinite, else t(df)
 * interval  = estimate ± c · standardError  c the two-sided critical value at the level
 * }</pre>
 *
 * <p>The sign is kept: a positive estimate means the second sample scored higher. Usually the
 * statistic is {@code estimate / standardError} (the three-argument constructor); a test may use a
 * different null standard error (the pooled two-proportion z test does), and then gives its statistic
 * explicitly while the interval keeps the unpooled standard error. When the standard error is 0 (both
 * samples without variation) the statistic is 0 with p-value 1 if the estimate is 0, and ±∞ with
 * p-value 0 otherwise; the interval is then the single point {@code estimate}.
 *
 * @param estimate the difference {@code second − first}, finite, in the unit of the compared metric
 * @param standardError its standard error, finite and {@code >= 0}, used for the interval
 * @param statistic the test statistic, not NaN (±∞ only in the degenerate case above)
 * @param degreesOfFreedom the degrees of freedom of the reference distribution, {@code > 0};
 *     {@link Double#POSITIVE_INFINITY} for a z test
 * @since 0.1.0
 */
public record Difference(double estimate, double standardError, double statistic, double degreesOfFreedom) {

    /**
     * Validates the components.
     *
     * @param estimate the difference {@code second − first}
     * @param standardError its standard error
     * @param statistic the test statistic
     * @param degreesOfFreedom the degrees of freedom, {@code > 0} or infinite
     * @throws IllegalArgumentException if {@code estimate} or {@code standardError} is NaN or
     *     infinite, {@code standardError < 0}, {@code statistic} is NaN, or {@code degreesOfFreedom}
     *     is NaN or {@code <= 0}
     */
    public Difference {
        if (!Double.isFinite(estimate)) {
            throw new IllegalArgumentException("estimate must be finite, was " + estimate);
        }
        if (!(standardError >= 0.0 && standardError < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("standardError must be finite and >= 0, was " + standardError);
        }
        if (Double.isNaN(statistic)) {
            throw new IllegalArgumentException("statistic must not be NaN");
        }
        Inference.degreesOfFreedom(degreesOfFreedom);
    }

    /**
     * A difference whose statistic is {@code estimate / standardError} (0 when both are 0, ±∞ when
     * only the standard error is).
     *
     * @param estimate the difference {@code second − first}
     * @param standardError its standard error
     * @param degreesOfFreedom the degrees of freedom, {@code > 0} or infinite
     * @throws IllegalArgumentException as the canonical constructor
     */
    public Difference(double estimate, double standardError, double degreesOfFreedom) {
        this(estimate, standardError, ratio(estimate, standardError), degreesOfFreedom);
    }

    private static double ratio(double estimate, double standardError) {
        if (standardError == 0.0) {
            return estimate == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, estimate);
        }
        return estimate / standardError;
    }

    /**
     * The difference {@code second − first} of two independent normal-theory estimates:
     * {@code SE = sqrt(SE₁² + SE₂²)}, z test.
     *
     * @param first the first estimate (subtracted)
     * @param second the second estimate
     * @return the difference, with infinite degrees of freedom
     * @throws NullPointerException if an argument is null
     */
    public static Difference between(Estimate first, Estimate second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new Difference(second.value() - first.value(),
                Math.hypot(first.standardError(), second.standardError()), Double.POSITIVE_INFINITY);
    }

    /**
     * The two-sided p-value of the hypothesis "no difference".
     *
     * @return {@code P(|T| >= |statistic|)} in {@code [0, 1]}
     */
    public double pValue() {
        return Inference.twoSidedPValue(statistic, degreesOfFreedom);
    }

    /**
     * The two-sided confidence interval {@code estimate ± c · standardError}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public Interval confidenceInterval(double level) {
        double half = Inference.twoSidedCritical(level, degreesOfFreedom) * standardError;
        return new Interval(estimate - half, estimate + half, level);
    }

    /**
     * Whether the difference is significant at level {@code alpha}.
     *
     * @param alpha the significance level, in {@code (0, 1)}, e.g. {@code 0.05}
     * @return {@code pValue() < alpha}
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public boolean isSignificant(double alpha) {
        return pValue() < Checks.alpha(alpha);
    }
}
