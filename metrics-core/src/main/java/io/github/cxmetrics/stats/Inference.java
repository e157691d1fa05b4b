package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.internal.math.StudentT;
import java.math.BigDecimal;

/** Critical values and p-values of the normal and Student t reference distributions. */
final class Inference {

    private Inference() {
    }

    /** Checks degrees of freedom: {@code > 0}, possibly infinite, not NaN. */
    static double degreesOfFreedom(double df) {
        if (!(df > 0.0)) {
            throw new IllegalArgumentException("degreesOfFreedom must be > 0 (or infinite), was " + df);
        }
        return df;
    }

    /** The {@code c} with {@code P(|T| <= c) = level}; T standard normal when df is infinite. */
    static double twoSidedCritical(double level, double df) {
        Checks.level(level);
        if (df == Double.POSITIVE_INFINITY) {
            return Normal.twoSidedCritical(level);
        }
        return -StudentT.quantile((1.0 - level) / 2.0, df);
    }

    /**
     * The interval {@code centre ± c · standardError}; the point {@code centre} when the standard error
     * is 0 (even where {@code c} is infinite).
     *
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if a bound is not a finite double: the critical value of a t
     *     distribution on very few degrees of freedom overflows, or {@code centre ± half-width} does
     */
    static Interval interval(double centre, double standardError, double level, double df) {
        double critical = twoSidedCritical(level, df);
        if (standardError == 0.0) {
            return new Interval(centre, centre, level);
        }
        double half = critical * standardError;
        double lower = centre - half;
        double upper = centre + half;
        if (!(Double.isFinite(lower) && Double.isFinite(upper))) {
            String distribution = df == Double.POSITIVE_INFINITY ? "the normal critical value"
                    : "the t critical value on " + df + " degrees of freedom";
            throw new IllegalStateException("the " + percent(level) + "% interval is unbounded: " + distribution
                    + " (" + critical + ") times the standard error " + standardError + " around " + centre
                    + " is beyond the range of a double" + (df < 1e-3 ? " (too few degrees of freedom)" : ""));
        }
        return new Interval(lower, upper, level);
    }

    /** A level as a percentage without binary noise: 0.95 gives "95", 0.9973 gives "99.73". */
    static String percent(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** Two-sided p-value {@code P(|T| >= |statistic|)}. */
    static double twoSidedPValue(double statistic, double df) {
        double a = Math.abs(statistic);
        double tail = df == Double.POSITIVE_INFINITY ? Normal.survival(a) : StudentT.survival(a, df);
        return Math.min(1.0, 2.0 * tail);
    }
}
