package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.internal.math.StudentT;

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

    /** Two-sided p-value {@code P(|T| >= |statistic|)}. */
    static double twoSidedPValue(double statistic, double df) {
        double a = Math.abs(statistic);
        double tail = df == Double.POSITIVE_INFINITY ? Normal.survival(a) : StudentT.survival(a, df);
        return Math.min(1.0, 2.0 * tail);
    }
}
