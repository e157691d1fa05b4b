package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.internal.math.StudentT;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Derived importance: how strongly each attribute rating moves with overall satisfaction, estimated
 * from respondent-level data instead of asking respondents what matters.
 *
 * <p>Input: {@code ratings[r][j]} is respondent r's rating of attribute j, {@code overall[r]} the
 * same respondent's overall satisfaction. <b>Missing ratings are {@code Double.NaN}</b>, handled
 * listwise: a respondent with any NaN in the row or in {@code overall} is left out, and
 * {@link #respondentsUsed()} reports how many were used. Infinite values are rejected.
 *
 * <p>The values may have any finite magnitude: each column is rescaled by a power of two and
 * centred before anything is squared, so a column of {@code 1e200}-scale or {@code 1e-200}-scale
 * values gives the same correlations as the same column at scale 1. A column has "no variance"
 * only when all its complete values are equal; a column whose values differ only in the last bit
 * still has a (correctly computed) correlation.
 * <ul>
 *   <li>{@link #correlation(double[][], double[])}: Pearson's r of each attribute with overall
 *       satisfaction, {@code r_j = Σ(x_j − x̄_j)(y − ȳ) / sqrt(Σ(x_j − x̄_j)² · Σ(y − ȳ)²)}.</li>
 *   <li>{@link #standardizedRegression(double[][], double[])}: the coefficients β of the least-squares
 *       regression of z-scored overall satisfaction on the z-scored attributes,
 *       {@code z_y = Σ β_j z_j + ε} (no intercept: z-scores have mean 0), solved by Householder QR.
 *       Collinear attributes are rejected by a relative test: an attribute whose R² on the other
 *       attributes is at least {@code 1 − 1e-10} (variance inflation factor
 *       {@code VIF_j = 1/(1 − R²_j) = (C⁻¹)_jj ≥ 1e10}, C the attributes' correlation matrix) makes
 *       the call fail with a message that names every such attribute and its factor (written
 *       {@code ≥ 1e16} from where R² is 1 to double precision). Below that limit the
 *       coefficients are computed (a VIF of 1e8 costs about 4 of the 16 digits).</li>
 * </ul>
 * Both are unitless, one value per attribute, in the attributes' order.
 *
 * <h2>Uncertainty</h2>
 * Per attribute, with n the complete respondents and k the attributes:
 * <pre>{@code
 * correlation   SE(r_j) = sqrt((1 − r_j²)/(n − 2))                 (the SE of the t test of r = 0)
 *               CI      = tanh(atanh(r_j) ± z/sqrt(n − 3))         (Fisher 1921; needs n ≥ 4)
 * regression    SE(β_j) = sqrt(RSS/(n − k − 1) · ((ZᵀZ)⁻¹)_jj)    (ordinary least squares)
 *               CI      = β_j ± t_{n−k−1} · SE(β_j)                (needs n ≥ k + 2)
 * }</pre>
 * with z the standard normal and t the Student t quantile at {@code (1 + level)/2}, and RSS the
 * residual sum of squares of the z-scored regression. The degrees of freedom {@code n − k − 1} count
 * the intercept that z-scoring removes: these are the values R prints for
 * {@code summary(lm(scale(y) ~ scale(X)))} and {@code cor.test(x, y)$conf.int}. Both treat the
 * standard deviations used for z-scoring as known, as those R routines do. References: Fisher (1921),
 * "On the probable error of a coefficient of correlation deduced from a small sample",
 * <i>Metron</i> 1:3–32; Cohen, Cohen, West &amp; Aiken (2003), <i>Applied Multiple
 * Regression/Correlation Analysis for the Behavioral Sciences</i>, 3rd ed., §3.6.
 *
 * <p>References for the measures: Martilla &amp;
 * James (1977), "Importance-performance analysis", <i>Journal of Marketing</i> 41(1):77–79, for the
 * use of importance in IPA; Johnson &amp; LeBreton (2004), "History and use of relative importance
 * indices in organizational research", <i>Organizational Research Methods</i> 7(3):238–257, for the
 * caveats of both measures under correlated predictors.
 *
 * @since 0.1.0
 */
public final class Importance {

    /**
     * How the values were derived.
     *
     * @since 0.1.0
     */
    public enum Method {
        /** Pearson correlation with overall satisfaction. */
        CORRELATION,
        /** Standardised least-squares regression coefficients. */
        STANDARDIZED_REGRESSION
    }

    /**
     * The largest variance inflation factor accepted, {@code 1/(1 − R²)} with R² that of an
     * attribute regressed on the others: {@code 1e10}, i.e. R² up to {@code 1 − 1e-10}.
     */
    private static final double MAX_VARIANCE_INFLATION = 1e10;

    private final Method method;
    private final double[] values;
    private final double[] standardErrors; // null when the residual degrees of freedom are 0
    private final int respondentsUsed;

    private Importance(Method method, double[] values, double[] standardErrors, int respondentsUsed) {
        this.method = method;
        this.values = values;
        this.standardErrors = standardErrors;
        this.respondentsUsed = respondentsUsed;
    }

    /**
     * Pearson correlation of each attribute with overall satisfaction.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @return one correlation per attribute, in [−1, 1]
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the matrix is ragged or empty, the lengths differ, a value
     *     is infinite, fewer than 3 respondents are complete, or a column (or {@code overall}) has no
     *     variance among them
     */
    public static Importance correlation(double[][] ratings, double[] overall) {
        Data d = Data.of(ratings, overall);
        double[] r = new double[d.k];
        double[] se = new double[d.k];
        for (int j = 0; j < d.k; j++) {
            double sxy = dot(d.z[j], d.zy, 0, d.n);
            r[j] = Math.max(-1.0, Math.min(1.0, sxy / (d.n - 1)));
            se[j] = Math.sqrt((1.0 - r[j]) * (1.0 + r[j]) / (d.n - 2));
        }
        return new Importance(Method.CORRELATION, r, se, d.n);
    }

    /**
     * Standardised regression coefficients of overall satisfaction on the attributes.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @return one coefficient per attribute
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the matrix is ragged or empty, the lengths differ, a value
     *     is infinite, fewer than {@code max(3, attributes + 1)} respondents are complete, a column
     *     has no variance, or the attributes are collinear
     */
    public static Importance standardizedRegression(double[][] ratings, double[] overall) {
        Data d = Data.of(ratings, overall);
        if (d.n < d.k + 1) {
            throw new IllegalArgumentException("regression on " + d.k + " attributes needs at least " + (d.k + 1)
                    + " complete respondents, had " + d.n);
        }
        int n = d.n;
        int k = d.k;
        // column-major: a[j] is attribute j's z-scores; |z| <= sqrt(n − 1), so no sum of squares below can
        // overflow or underflow and plain dot products replace hypot
        double[][] a = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = d.z[j].clone();
        }
        double[] b = d.zy.clone();
        double[] diag = new double[k];
        double[] columnNorm = new double[k];
        for (int j = 0; j < k; j++) {
            columnNorm[j] = Math.sqrt(dot(a[j], a[j], 0, n));
        }
        // Householder QR: A = QR, applying Qᵀ to b as we go; R_jc (c > j) ends in a[c][j]
        for (int j = 0; j < k; j++) {
            double[] v = a[j];
            double norm = Math.sqrt(dot(v, v, j, n));
            double alpha = v[j] > 0 ? -norm : norm;
            diag[j] = alpha;
            if (norm == 0.0) {
                continue;
            }
            v[j] -= alpha; // v = x − alpha e1, stored in column j from row j
            double vv = dot(v, v, j, n);
            if (vv == 0.0) {
                continue;
            }
            for (int c = j + 1; c < k; c++) {
                axpy(-2.0 * dot(v, a[c], j, n) / vv, v, a[c], j, n);
            }
            axpy(-2.0 * dot(v, b, j, n) / vv, v, b, j, n);
        }
        double[][] inverse = checkCollinearity(a, diag, columnNorm);
        double[] beta = new double[k];
        for (int j = k - 1; j >= 0; j--) {
            double s = b[j];
            for (int c = j + 1; c < k; c++) {
                s -= a[c][j] * beta[c];
            }
            beta[j] = s / diag[j];
        }
        double[] se = null;
        if (n > k + 1) {
            double rss = dot(b, b, k, n);
            double sigma = Math.sqrt(rss / (n - k - 1));
            se = new double[k];
            for (int j = 0; j < k; j++) {
                double rowNorm = 0.0;
                for (int c = j; c < k; c++) {
                    rowNorm = Math.hypot(rowNorm, inverse[j][c]);
                }
                se[j] = sigma * rowNorm;
            }
        }
        return new Importance(Method.STANDARDIZED_REGRESSION, beta, se, n);
    }

    /**
     * Rejects a design in which some attribute has a variance inflation factor of {@code 1e10} or more.
     * With {@code Z = QR} the z-scored design, {@code C = D⁻¹ZᵀZD⁻¹} its correlation matrix
     * ({@code D} the column norms) and {@code VIF_j = (C⁻¹)_jj = ‖z_j‖² · Σ_m (R⁻¹)_jm²}. A pivot
     * {@code |R_jj| ≤ 1e-5·‖z_j‖} already means R² ≥ 1 − 1e-10 on the attributes before j. A pivot
     * below {@code 2⁻³⁰·‖z_j‖} is raised to that before R is inverted, only so that the attributes
     * entangled with j show up with large factors too and can be named.
     *
     * @param a the factored columns: {@code R_jc} ({@code c > j}) in {@code a[c][j]}
     * @return {@code R⁻¹} when no attribute is flagged
     */
    private static double[][] checkCollinearity(double[][] a, double[] diag, double[] columnNorm) {
        int k = diag.length;
        double[] d = new double[k];
        for (int j = 0; j < k; j++) {
            double floor = 0x1p-30 * columnNorm[j];
            d[j] = Math.abs(diag[j]) > floor ? diag[j] : Math.copySign(floor, diag[j] == 0.0 ? 1.0 : diag[j]);
        }
        // inverse of the upper-triangular R (off-diagonal R_jc in a[j][c], c > j), column by column
        double[][] inv = new double[k][k];
        for (int c = 0; c < k; c++) {
            inv[c][c] = 1.0 / d[c];
            for (int j = c - 1; j >= 0; j--) {
                double s = 0.0;
                for (int m = j + 1; m <= c; m++) {
                    s += a[m][j] * inv[m][c];
                }
                inv[j][c] = -s / d[j];
            }
        }
        StringBuilder names = new StringBuilder();
        StringBuilder factors = new StringBuilder();
        int flagged = 0;
        for (int j = 0; j < k; j++) {
            double rowNorm = 0.0;
            for (int c = j; c < k; c++) {
                rowNorm = Math.hypot(rowNorm, inv[j][c]);
            }
            double vif = columnNorm[j] * rowNorm;
            vif *= vif;
            boolean tinyPivot = Math.abs(diag[j]) <= 1e-5 * columnNorm[j];
            if (tinyPivot || !(vif < MAX_VARIANCE_INFLATION)) {
                String sep = flagged == 0 ? "" : ", ";
                names.append(sep).append(j);
                // from 1e16 on, R² is 1 to double precision and the factor's digits are rounding noise
                factors.append(sep).append(vif < 1e16 ? String.format(Locale.ROOT, "%.1e", vif) : "≥ 1e16");
                flagged++;
            }
        }
        if (flagged > 0) {
            String list = names.toString();
            String vifs = factors.toString();
            if (flagged == 2) {
                list = list.replace(", ", " and ");
                vifs = vifs.replace(", ", " and ");
            }
            throw new IllegalArgumentException((flagged == 1 ? "attribute " : "attributes ") + list
                    + (flagged == 1 ? " is" : " are") + " collinear: R² of " + (flagged == 1 ? "it" : "each")
                    + " on the other attributes is at least 1 − 1e-10 (variance inflation "
                    + (flagged == 1 ? "factor " : "factors ") + vifs + "); drop or combine "
                    + (flagged == 1 ? "it" : "them"));
        }
        return inv; // no pivot was raised: R⁻¹ itself
    }

    /**
     * How the values were derived.
     *
     * @return the method
     */
    public Method method() {
        return method;
    }

    /**
     * The importance of each attribute, in the attributes' order.
     *
     * @return a new array
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The importance of one attribute.
     *
     * @param attribute the attribute's column index
     * @return its importance
     * @throws IndexOutOfBoundsException if the index is not a column
     */
    public double value(int attribute) {
        return values[Objects.checkIndex(attribute, values.length)];
    }

    /**
     * The standard error of one attribute's value (see the class description): for a correlation
     * {@code sqrt((1 − r²)/(n − 2))}, for a standardised coefficient the ordinary least-squares
     * {@code sqrt(RSS/(n − k − 1) · ((ZᵀZ)⁻¹)_jj)}.
     *
     * @param attribute the attribute's column index
     * @return the standard error, unitless, {@code >= 0}
     * @throws IndexOutOfBoundsException if the index is not a column
     * @throws IllegalStateException for a regression with no residual degrees of freedom
     *     ({@code n = k + 1})
     */
    public double standardError(int attribute) {
        Objects.checkIndex(attribute, values.length);
        if (standardErrors == null) {
            throw new IllegalStateException("the standardised regression on " + values.length
                    + " attributes has no standard errors: it needs at least " + (values.length + 2)
                    + " complete respondents (residual degrees of freedom n − k − 1 > 0), had " + respondentsUsed);
        }
        return standardErrors[attribute];
    }

    /**
     * The confidence interval of one attribute's value: Fisher's z interval
     * {@code tanh(atanh(r) ± z/sqrt(n − 3))} for a correlation (within [−1, 1]; the point
     * {@code [r, r]} when {@code |r| = 1}), {@code β ± t_{n−k−1}·SE} for a standardised coefficient.
     *
     * @param attribute the attribute's column index
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, unitless
     * @throws IndexOutOfBoundsException if the index is not a column
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException for a correlation from 3 respondents (Fisher's interval needs 4),
     *     or a regression with no residual degrees of freedom
     */
    public Interval confidenceInterval(int attribute, double level) {
        Objects.checkIndex(attribute, values.length);
        Checks.level(level);
        double v = values[attribute];
        if (method == Method.CORRELATION) {
            if (respondentsUsed < 4) {
                throw new IllegalStateException("the Fisher z interval of a correlation needs at least 4 complete "
                        + "respondents, had " + respondentsUsed);
            }
            double z = atanh(v);
            double half = Normal.twoSidedCritical(level) / Math.sqrt(respondentsUsed - 3.0);
            return new Interval(Math.tanh(z - half), Math.tanh(z + half), level);
        }
        double se = standardError(attribute);
        double df = respondentsUsed - values.length - 1.0;
        double half = -StudentT.quantile((1.0 - level) / 2.0, df) * se;
        return new Interval(v - half, v + half, level);
    }

    /**
     * {@code Σ x[i]·y[i]} over {@code [from, to)} with four interleaved partial sums, which C2 keeps in
     * flight at once (a single running sum waits for each addition); within about 1e-15 relative of a
     * sequential sum, not bit-identical to it.
     */
    static double dot(double[] x, double[] y, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < to; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[i] += f·x[i]} over {@code [from, to)}. */
    private static void axpy(double f, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += f * x[i];
        }
    }

    /** {@code atanh(r)}, infinite at ±1, by {@code ½·log1p(2r/(1 − r))} for accuracy near 0. */
    private static double atanh(double r) {
        if (Math.abs(r) == 1.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, r);
        }
        double a = Math.abs(r);
        return Math.copySign(0.5 * Math.log1p(2.0 * a / (1.0 - a)), r);
    }

    /**
     * The number of respondents with complete data, used in the estimate.
     *
     * @return the number of rows kept by listwise deletion
     */
    public int respondentsUsed() {
        return respondentsUsed;
    }

    /**
     * Equal when method, values and standard errors (bit for bit) and respondents used are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Importance && method == ((Importance) o).method
                && respondentsUsed == ((Importance) o).respondentsUsed && Arrays.equals(values, ((Importance) o).values)
                && Arrays.equals(standardErrors, ((Importance) o).standardErrors);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return ((method.hashCode() * 31 + respondentsUsed) * 31 + Arrays.hashCode(values)) * 31
                + Arrays.hashCode(standardErrors);
    }

    /**
     * A readable summary, e.g. {@code Importance[CORRELATION, n=120, values=[0.61, 0.42]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Importance[").append(method).append(", n=").append(respondentsUsed)
                .append(", values=[");
        for (int j = 0; j < values.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", values[j]));
        }
        return sb.append("]]").toString();
    }

    /** Complete cases, z-scored, column-major: {@code z[j][i]} is attribute j of respondent i. */
    private static final class Data {
        final int n;
        final int k;
        final double[][] z;
        final double[] zy;

        private Data(int n, int k, double[][] z, double[] zy) {
            this.n = n;
            this.k = k;
            this.z = z;
            this.zy = zy;
        }

        static Data of(double[][] ratings, double[] overall) {
            Objects.requireNonNull(ratings, "ratings");
            Objects.requireNonNull(overall, "overall");
            if (ratings.length != overall.length) {
                throw new IllegalArgumentException("ratings has " + ratings.length + " rows but overall has "
                        + overall.length + " values");
            }
            if (ratings.length == 0) {
                throw new IllegalArgumentException("ratings must have at least one row");
            }
            int k = Objects.requireNonNull(ratings[0], "ratings[0]").length;
            if (k == 0) {
                throw new IllegalArgumentException("ratings must have at least one attribute column");
            }
            boolean[] keep = new boolean[ratings.length];
            int n = 0;
            for (int i = 0; i < ratings.length; i++) {
                double[] row = Objects.requireNonNull(ratings[i], "ratings[" + i + "]");
                if (row.length != k) {
                    throw new IllegalArgumentException("ratings row " + i + " has " + row.length
                            + " values, expected " + k);
                }
                boolean complete = !Double.isNaN(overall[i]);
                if (Double.isInfinite(overall[i])) {
                    throw new IllegalArgumentException("overall[" + i + "] must be finite or NaN (missing), was "
                            + overall[i]);
                }
                for (int j = 0; j < k; j++) {
                    if (Double.isInfinite(row[j])) {
                        throw new IllegalArgumentException("ratings[" + i + "][" + j
                                + "] must be finite or NaN (missing), was " + row[j]);
                    }
                    complete &= !Double.isNaN(row[j]);
                }
                keep[i] = complete;
                n += complete ? 1 : 0;
            }
            if (n < 3) {
                throw new IllegalArgumentException("derived importance needs at least 3 complete respondents, had " + n);
            }
            double[][] x = new double[k][n]; // column-major: x[j] is attribute j
            double[] y = new double[n];
            for (int i = 0, r = 0; i < ratings.length; i++) {
                if (keep[i]) {
                    double[] row = ratings[i];
                    for (int j = 0; j < k; j++) {
                        x[j][r] = row[j];
                    }
                    y[r++] = overall[i];
                }
            }
            for (int j = 0; j < k; j++) {
                standardise(x[j], "attribute " + j);
            }
            standardise(y, "overall");
            return new Data(n, k, x, y);
        }

        /**
         * In place: {@code (v − mean)/sd} with the sample sd (n − 1), computed so that no square
         * overflows or underflows: the values are first multiplied by a power of two that brings the
         * largest near 1 (exact), centred on their mean with a second, correcting pass (Björck's
         * corrected two-pass mean), and the deviations again brought near 1 by a power of two before
         * they are squared. The z-scores do not depend on either factor.
         */
        private static void standardise(double[] v, String what) {
            boolean constant = true;
            double largest = 0.0;
            for (double e : v) {
                constant &= e == v[0];
                largest = Math.max(largest, Math.abs(e));
            }
            if (constant) {
                throw new IllegalArgumentException(what + " has no variance among the " + v.length
                        + " complete respondents");
            }
            int n = v.length;
            int shift = -Math.getExponent(largest);
            double mean = 0.0;
            scale(v, shift);
            for (int i = 0; i < n; i++) {
                mean += v[i];
            }
            mean /= n;
            double correction = 0.0;
            for (int i = 0; i < n; i++) {
                v[i] -= mean;
                correction += v[i];
            }
            correction /= n;
            double spread = 0.0;
            for (double e : v) {
                spread = Math.max(spread, Math.abs(e - correction));
            }
            if (spread > 0.0) { // else the values were not all equal, so the uncorrected v is not all 0
                for (int i = 0; i < n; i++) {
                    v[i] -= correction;
                }
            } else {
                for (double e : v) {
                    spread = Math.max(spread, Math.abs(e));
                }
            }
            shift = -Math.getExponent(spread);
            scale(v, shift);
            double ss = dot(v, v, 0, n);
            double sd = Math.sqrt(ss / (n - 1));
            for (int i = 0; i < n; i++) {
                v[i] /= sd;
            }
        }

        /**
         * {@code v[i]·2^shift}, rounded as {@link Math#scalb} rounds it (exact unless the result is
         * subnormal): by one multiplication when {@code 2^shift} is a normal double, else element by
         * element with {@code scalb}.
         */
        private static void scale(double[] v, int shift) {
            if (shift >= -1000 && shift <= 1000) {
                double f = Math.scalb(1.0, shift);
                for (int i = 0; i < v.length; i++) {
                    v[i] *= f;
                }
            } else {
                for (int i = 0; i < v.length; i++) {
                    v[i] = Math.scalb(v[i], shift);
                }
            }
        }
    }
}
