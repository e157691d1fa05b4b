package io.github.cxmetrics.csi;

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
 * <ul>
 *   <li>{@link #correlation(double[][], double[])}: Pearson's r of each attribute with overall
 *       satisfaction, {@code r_j = Σ(x_j − x̄_j)(y − ȳ) / sqrt(Σ(x_j − x̄_j)² · Σ(y − ȳ)²)}.</li>
 *   <li>{@link #standardizedRegression(double[][], double[])}: the coefficients β of the least-squares
 *       regression of z-scored overall satisfaction on the z-scored attributes,
 *       {@code z_y = Σ β_j z_j + ε} (no intercept: z-scores have mean 0), solved by Householder QR;
 *       collinear attributes (a pivot of R below {@code 1e-10} of the largest) are rejected.</li>
 * </ul>
 * Both are unitless, one value per attribute, in the attributes' order. References: Martilla &amp;
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

    private static final double COLLINEARITY_TOLERANCE = 1e-10;

    private final Method method;
    private final double[] values;
    private final int respondentsUsed;

    private Importance(Method method, double[] values, int respondentsUsed) {
        this.method = method;
        this.values = values;
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
        for (int j = 0; j < d.k; j++) {
            double sxy = 0.0;
            for (int i = 0; i < d.n; i++) {
                sxy += d.z[i][j] * d.zy[i];
            }
            r[j] = Math.max(-1.0, Math.min(1.0, sxy / (d.n - 1)));
        }
        return new Importance(Method.CORRELATION, r, d.n);
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
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = d.z[i].clone();
        }
        double[] b = d.zy.clone();
        double[] diag = new double[k];
        double largest = 0.0;
        // Householder QR: A = QR, applying Qᵀ to b as we go
        for (int j = 0; j < k; j++) {
            double norm = 0.0;
            for (int i = j; i < n; i++) {
                norm = Math.hypot(norm, a[i][j]);
            }
            double alpha = a[j][j] > 0 ? -norm : norm;
            diag[j] = alpha;
            largest = Math.max(largest, Math.abs(alpha));
            if (norm == 0.0) {
                continue;
            }
            a[j][j] -= alpha; // v = x − alpha e1, stored in column j from row j
            double vv = 0.0;
            for (int i = j; i < n; i++) {
                vv += a[i][j] * a[i][j];
            }
            if (vv == 0.0) {
                continue;
            }
            for (int c = j + 1; c < k; c++) {
                double dot = 0.0;
                for (int i = j; i < n; i++) {
                    dot += a[i][j] * a[i][c];
                }
                double f = 2.0 * dot / vv;
                for (int i = j; i < n; i++) {
                    a[i][c] -= f * a[i][j];
                }
            }
            double dot = 0.0;
            for (int i = j; i < n; i++) {
                dot += a[i][j] * b[i];
            }
            double f = 2.0 * dot / vv;
            for (int i = j; i < n; i++) {
                b[i] -= f * a[i][j];
            }
        }
        for (int j = 0; j < k; j++) {
            if (Math.abs(diag[j]) <= COLLINEARITY_TOLERANCE * largest) {
                throw new IllegalArgumentException("attributes are collinear: attribute " + j
                        + " is (nearly) a linear combination of the attributes before it");
            }
        }
        double[] beta = new double[k];
        for (int j = k - 1; j >= 0; j--) {
            double s = b[j];
            for (int c = j + 1; c < k; c++) {
                s -= a[j][c] * beta[c];
            }
            beta[j] = s / diag[j];
        }
        return new Importance(Method.STANDARDIZED_REGRESSION, beta, n);
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
     * The number of respondents with complete data, used in the estimate.
     *
     * @return the number of rows kept by listwise deletion
     */
    public int respondentsUsed() {
        return respondentsUsed;
    }

    /**
     * Equal when method, values (bit for bit) and respondents used are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Importance && method == ((Importance) o).method
                && respondentsUsed == ((Importance) o).respondentsUsed && Arrays.equals(values, ((Importance) o).values);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (method.hashCode() * 31 + respondentsUsed) * 31 + Arrays.hashCode(values);
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

    /** Complete cases, z-scored. */
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
            double[][] x = new double[n][k];
            double[] y = new double[n];
            for (int i = 0, r = 0; i < ratings.length; i++) {
                if (keep[i]) {
                    System.arraycopy(ratings[i], 0, x[r], 0, k);
                    y[r++] = overall[i];
                }
            }
            for (int j = 0; j < k; j++) {
                double[] column = new double[n];
                for (int i = 0; i < n; i++) {
                    column[i] = x[i][j];
                }
                standardise(column, "attribute " + j);
                for (int i = 0; i < n; i++) {
                    x[i][j] = column[i];
                }
            }
            standardise(y, "overall");
            return new Data(n, k, x, y);
        }

        /** In place: (v − mean)/sd with the sample sd (n − 1), two passes. */
        private static void standardise(double[] v, String what) {
            double mean = 0.0;
            for (double e : v) {
                mean += e;
            }
            mean /= v.length;
            double ss = 0.0;
            for (double e : v) {
                ss += (e - mean) * (e - mean);
            }
            double sd = Math.sqrt(ss / (v.length - 1));
            if (!(sd > 0.0)) {
                throw new IllegalArgumentException(what + " has no variance among the " + v.length
                        + " complete respondents");
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] - mean) / sd;
            }
        }
    }
}
