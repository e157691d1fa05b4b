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
     * The difference {@code second − first} of two independent estimates, with the
     * Welch–Satterthwaite degrees of freedom of the sum of their variances (Satterthwaite 1946, "An
     * approximate distribution of estimates of variance components", <i>Biometrics Bulletin</i>
     * 2(6):110–114; Welch 1947, "The generalization of 'Student's' problem when several different
     * population variances are involved", <i>Biometrika</i> 34:28–35):
     * <pre>{@code
     * estimate = v₂ − v₁
     * SE       = sqrt(SE₁² + SE₂²)
     * df       = (SE₁² + SE₂²)² / (SE₁⁴/df₁ + SE₂⁴/df₂)      (a term with df = ∞ contributes 0)
     * }</pre>
     * So two normal-theory estimates (both df infinite) give a z test, two Student t estimates a
     * Welch test ({@code SE_i = s_i/√n_i}, {@code df_i = n_i − 1} gives exactly {@link
     * MeanSummary#welch(MeanSummary, MeanSummary)}), and when one standard error is 0 the other
     * estimate's df. When both standard errors are 0, df is {@code df₁ + df₂} (as {@code n_a + n_b − 2}
     * in Welch's test); the test is then degenerate (see the class comment). The formula is evaluated
     * with the variances divided by the larger one, so it does not overflow.
     *
     * @param first the first estimate (subtracted)
     * @param second the second estimate
     * @return the difference
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the difference of the values or the combined standard error
     *     is not a finite double
     */
    public static Difference between(Estimate first, Estimate second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        double diff = second.value() - first.value();
        if (!Double.isFinite(diff)) {
            throw new IllegalArgumentException("first and second are too far apart: second.value() − first.value() = "
                    + second.value() + " − " + first.value() + " is not a finite double");
        }
        double se1 = first.standardError();
        double se2 = second.standardError();
        double se = Math.hypot(se1, se2);
        if (!Double.isFinite(se)) {
            throw new IllegalArgumentException("the standard errors of first and second, " + se1 + " and " + se2
                    + ", are too large: the standard error of their difference is not a finite double");
        }
        double df1 = first.degreesOfFreedom();
        double df2 = second.degreesOfFreedom();
        double scale = Math.max(se1, se2);
        double df;
        if (scale == 0.0) {
            df = df1 + df2;
        } else {
            double r1 = se1 / scale;
            double r2 = se2 / scale;
            double v1 = r1 * r1;
            double v2 = r2 * r2;
            double denominator = v1 * v1 / df1 + v2 * v2 / df2; // x / ∞ = 0
            df = denominator == 0.0 ? Double.POSITIVE_INFINITY : (v1 + v2) * (v1 + v2) / denominator;
        }
        return new Difference(diff, se, df);
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
     * @return the interval; the point {@code [estimate, estimate]} when the standard error is 0
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the interval is unbounded (very few degrees of freedom, so the t
     *     critical value or a bound is not a finite double); the message names the level, standard error
     *     and degrees of freedom
     */
    public Interval confidenceInterval(double level) {
        return Inference.interval(estimate, standardError, level, degreesOfFreedom);
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
