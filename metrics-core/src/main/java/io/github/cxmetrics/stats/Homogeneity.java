package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.math.ChiSquare;
import java.util.Objects;

/**
 * A test that several groups share one categorical distribution (homogeneity of a groups × categories
 * table of counts), by Pearson's χ² or the likelihood-ratio G statistic.
 *
 * <pre>{@code
 * E_gc = R_g · C_c / N                        expected count, R_g and C_c the row and column totals
 * X²   = Σ_gc (O_gc − E_gc)² / E_gc           Pearson (1900)
 * G    = 2 Σ_gc O_gc · ln(O_gc / E_gc)        likelihood ratio (Wilks 1938), 0·ln 0 = 0
 * df   = (groups − 1)(categories − 1)
 * p    = P(χ²(df) ≥ statistic)
 * }</pre>
 * No continuity correction is applied: for tables larger than 2 × 2 R's {@code chisq.test} applies
 * none either, and for 2 × 2 tables this is {@code chisq.test(tab, correct = FALSE)} and
 * {@code prop.test(x, n, correct = FALSE)}. G is the statistic of scipy's
 * {@code chi2_contingency(tab, correction=False, lambda_="log-likelihood")}. References: Pearson
 * (1900), <i>Philosophical Magazine</i> 50:157–175; Agresti (2013), <i>Categorical Data Analysis</i>,
 * 3rd ed., §3.2.
 *
 * <p><b>Empty rows and columns.</b> A group with no responses, or a category nobody chose, has no
 * expected count and carries no information; such rows and columns are left out, and the degrees of
 * freedom are those of the table that remains ({@link #groups()} and {@link #categories()} report
 * what was used). If fewer than two groups or two categories remain, the test is undefined and
 * {@link IllegalStateException} is thrown. The approximation is poor when expected counts are small
 * (the usual rule: all {@code E ≥ 1} and 80 % of them {@code ≥ 5}); {@link #minimumExpected()} lets a
 * caller check.
 *
 * <p>The counts must be numbers of respondents. A table of <i>weighted</i> counts does not give a
 * valid test (it needs a design-based correction such as Rao &amp; Scott's), so the survey metrics
 * refuse to build one from weighted samples.
 *
 * @param method which statistic
 * @param statistic the statistic, {@code >= 0}
 * @param degreesOfFreedom {@code (groups − 1)(categories − 1)}, {@code >= 1}
 * @param groups the number of groups (rows) used
 * @param categories the number of categories (columns) used
 * @param minimumExpected the smallest expected count of the table used
 * @since 0.2.0
 */
public record Homogeneity(Method method, double statistic, int degreesOfFreedom, int groups, int categories,
        double minimumExpected) {

    /** The statistic of a homogeneity test. */
    public enum Method {
        /** Pearson's {@code X² = Σ (O − E)²/E}. */
        PEARSON,
        /** The likelihood-ratio {@code G = 2 Σ O ln(O/E)}. */
        LIKELIHOOD_RATIO
    }

    /**
     * Validates the components.
     *
     * @param method which statistic
     * @param statistic the statistic
     * @param degreesOfFreedom the degrees of freedom
     * @param groups the number of groups used
     * @param categories the number of categories used
     * @param minimumExpected the smallest expected count
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if the statistic is NaN, infinite or negative, the degrees of
     *     freedom are not {@code (groups − 1)(categories − 1)}, fewer than 2 groups or categories, or
     *     {@code minimumExpected} is not positive
     */
    public Homogeneity {
        Objects.requireNonNull(method, "method");
        if (!(statistic >= 0.0 && statistic < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("statistic must be finite and >= 0, was " + statistic);
        }
        if (groups < 2 || categories < 2) {
            throw new IllegalArgumentException("a homogeneity test needs at least 2 groups and 2 categories, was "
                    + groups + " x " + categories);
        }
        if ((long) degreesOfFreedom != (long) (groups - 1) * (categories - 1)) {
            throw new IllegalArgumentException("degreesOfFreedom must be (groups − 1)(categories − 1) = "
                    + (long) (groups - 1) * (categories - 1) + ", was " + degreesOfFreedom);
        }
        if (!(minimumExpected > 0.0)) {
            throw new IllegalArgumentException("minimumExpected must be > 0, was " + minimumExpected);
        }
    }

    /**
     * Pearson's χ² test of homogeneity.
     *
     * @param counts {@code counts[g][c]}: respondents of group {@code g} in category {@code c}; rows of
     *     equal length; not changed
     * @return the test
     * @throws NullPointerException if {@code counts} or a row is null
     * @throws IllegalArgumentException if the table is ragged or a count is negative
     * @throws IllegalStateException if fewer than 2 non-empty groups or 2 chosen categories remain
     */
    public static Homogeneity pearson(long[][] counts) {
        return of(Method.PEARSON, counts);
    }

    /**
     * The likelihood-ratio (G) test of homogeneity.
     *
     * @param counts as for {@link #pearson(long[][])}
     * @return the test
     * @throws NullPointerException if {@code counts} or a row is null
     * @throws IllegalArgumentException if the table is ragged or a count is negative
     * @throws IllegalStateException if fewer than 2 non-empty groups or 2 chosen categories remain
     */
    public static Homogeneity likelihoodRatio(long[][] counts) {
        return of(Method.LIKELIHOOD_RATIO, counts);
    }

    /**
     * The test by the given method.
     *
     * @param method the statistic
     * @param counts as for {@link #pearson(long[][])}
     * @return the test
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the table is ragged or a count is negative
     * @throws IllegalStateException if fewer than 2 non-empty groups or 2 chosen categories remain
     */
    public static Homogeneity of(Method method, long[][] counts) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(counts, "counts");
        if (counts.length == 0) {
            throw new IllegalStateException("a homogeneity test needs at least 2 groups, the table has none");
        }
        int width = -1;
        for (int g = 0; g < counts.length; g++) {
            long[] row = Objects.requireNonNull(counts[g], "counts[" + g + "]");
            if (width < 0) {
                width = row.length;
            } else if (row.length != width) {
                throw new IllegalArgumentException("counts must be a rectangular table: row 0 has " + width
                        + " categories, row " + g + " has " + row.length);
            }
            for (int c = 0; c < row.length; c++) {
                if (row[c] < 0) {
                    throw new IllegalArgumentException("counts[" + g + "][" + c + "] must be >= 0, was " + row[c]);
                }
            }
        }
        double[] rowTotals = new double[counts.length];
        double[] columnTotals = new double[width];
        double total = 0.0;
        for (int g = 0; g < counts.length; g++) {
            for (int c = 0; c < width; c++) {
                rowTotals[g] += counts[g][c];
                columnTotals[c] += counts[g][c];
            }
            total += rowTotals[g];
        }
        int groups = 0;
        for (double r : rowTotals) {
            groups += r > 0.0 ? 1 : 0;
        }
        int categories = 0;
        for (double c : columnTotals) {
            categories += c > 0.0 ? 1 : 0;
        }
        if (groups < 2 || categories < 2) {
            throw new IllegalStateException("the homogeneity test is undefined: " + groups
                    + " non-empty group(s) and " + categories + " observed categor" + (categories == 1 ? "y" : "ies")
                    + " (it needs at least 2 of each)");
        }
        double statistic = 0.0;
        double minimumExpected = Double.POSITIVE_INFINITY;
        for (int g = 0; g < counts.length; g++) {
            if (rowTotals[g] == 0.0) {
                continue;
            }
            for (int c = 0; c < width; c++) {
                if (columnTotals[c] == 0.0) {
                    continue;
                }
                double expected = rowTotals[g] * (columnTotals[c] / total);
                minimumExpected = Math.min(minimumExpected, expected);
                double observed = counts[g][c];
                if (method == Method.PEARSON) {
                    double d = observed - expected;
                    statistic += d * d / expected;
                } else if (observed > 0.0) {
                    statistic += 2.0 * observed * Math.log(observed / expected);
                }
            }
        }
        // G is a sum of terms of both signs whose total is >= 0; rounding may leave a tiny negative
        statistic = Math.max(0.0, statistic);
        return new Homogeneity(method, statistic, (groups - 1) * (categories - 1), groups, categories,
                minimumExpected);
    }

    /**
     * The p-value {@code P(χ²(df) ≥ statistic)}.
     *
     * @return the p-value in {@code [0, 1]}
     */
    public double pValue() {
        return ChiSquare.survival(statistic, degreesOfFreedom);
    }

    /**
     * A one-line summary, e.g. {@code Pearson χ² = 61.003, df = 6, p = 2.81e-11}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return (method == Method.PEARSON ? "Pearson χ² = " : "G = ") + String.format(java.util.Locale.ROOT,
                "%.6g, df = %d, p = %.3g", statistic, degreesOfFreedom, pValue());
    }
}
