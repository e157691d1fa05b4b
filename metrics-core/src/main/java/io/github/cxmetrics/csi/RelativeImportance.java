package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.math.SymmetricEigen;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Relative importance (key driver analysis): how much of the variance of overall satisfaction each
 * attribute accounts for when the attributes are correlated with each other. Immutable.
 *
 * <p>Notation: y overall satisfaction, x₁…x_p the attribute ratings, R the (p+1)×(p+1) correlation
 * matrix with index 0 = y, {@code r_Sy} the correlations of the attributes in S with y and
 * {@code R_SS} their inter-correlations. Every measure is computed from R alone:
 * <ul>
 *   <li><b>Subset R²</b>: {@code R²(S) = r_Syᵀ R_SS⁻¹ r_Sy}, {@code R²(∅) = 0}; {@link #rSquared()} is
 *       {@code R²(P)}, P all attributes.</li>
 *   <li><b>LMG</b> (Lindeman, Merenda &amp; Gold 1980, <i>Introduction to Bivariate and Multivariate
 *       Analysis</i>, p. 119ff; Grömping 2006, "Relative importance for linear regression in R: the
 *       package relaimpo", <i>Journal of Statistical Software</i> 17(1):1–27), the R² averaged over
 *       all p! orderings of the attributes, which is the Shapley value of the game v(S) = R²(S)
 *       (Lipovetsky &amp; Conklin 2001, "Analysis of regression in game theory approach",
 *       <i>Applied Stochastic Models in Business and Industry</i> 17:319–330):
 *       {@code LMG_j = Σ_{S ⊆ P∖{j}} |S|!(p−|S|−1)!/p! · [R²(S∪{j}) − R²(S)]}; Σ LMG = R², LMG ≥ 0.
 *       It equals general dominance.</li>
 *   <li><b>Dominance analysis</b> (Budescu 1993, "Dominance analysis: a new approach to the problem of
 *       relative importance of predictors in multiple regression", <i>Psychological Bulletin</i>
 *       114(3):542–551; Azen &amp; Budescu 2003, "The dominance analysis approach for comparing
 *       predictors in multiple regression", <i>Psychological Methods</i> 8(2):129–148): conditional
 *       dominance {@code C_j(k)} = mean of {@code R²(S∪{j}) − R²(S)} over the {@code S ⊆ P∖{j}} with
 *       {@code |S| = k}, and {@code LMG_j = (1/p) Σ_k C_j(k)}.</li>
 *   <li><b>Johnson's relative weights</b> (Johnson 2000, "A heuristic method for estimating the
 *       relative weight of predictor variables in multiple regression", <i>Multivariate Behavioral
 *       Research</i> 35(1):1–19): with {@code R_xx = VΛVᵀ} and {@code L = VΛ^{1/2}Vᵀ},
 *       {@code β* = L⁻¹ r_xy} and {@code ε_j = Σ_k L_jk² β*_k²}; Σ ε = R². O(p³), for any p, and close
 *       to LMG in practice; Thomas, Zumbo, Kwan &amp; Schweitzer (2014), <i>Multivariate Behavioral
 *       Research</i> 49(4):329–338, criticise its derivation, so LMG is the primary measure.</li>
 *   <li>The other measures of relaimpo: {@code first_j = r_jy²}; {@code last_j = R²(P) − R²(P∖{j})},
 *       the squared semipartial correlation; {@code betasq_j = β_j²} and {@code pratt_j = β_j·r_jy}
 *       with {@code β = R_xx⁻¹ r_xy} the standardised coefficients (Pratt 1987; pratt can be
 *       negative); {@code car_j = ω_j²} with {@code ω = R_xx^{-1/2} r_xy} the CAR scores (Zuber &amp;
 *       Strimmer 2010, "High-dimensional regression and variable selection using CAR scores",
 *       <i>Statistical Applications in Genetics and Molecular Biology</i> 10(1)), which is β* above.</li>
 * </ul>
 * All values are unitless shares of variance (R² units) unless named "shares" (fractions summing
 * to 1).
 *
 * <h2>Input and computation</h2>
 * {@code ratings[r][j]} is respondent r's rating of attribute j and {@code overall[r]} the same
 * respondent's overall satisfaction; {@code Double.NaN} marks a missing value and infinities are
 * rejected. {@link Options} add survey weights (weighted correlations; {@link #effectiveSize()} is
 * Kish's {@code (Σw)²/Σw²}), pairwise instead of listwise deletion, and attribute names. The weighted
 * means and co-moments come from one pass over the rows (weighted Welford update), which makes the
 * result invariant, up to rounding, to the order of the rows and to an affine rescaling of any
 * column. All 2^p subset R² are then computed from R by a depth-first walk in which each subset is
 * its parent plus one higher-numbered attribute, extending the parent's Cholesky factor by one row
 * (O(|S|²) per subset), and cached by bitmask. LMG and dominance therefore need p ≤ 20
 * ({@value #MAX_SUBSET_ATTRIBUTES}; 2^20 subsets take well under a second); for more attributes the
 * factories still compute the other measures and the LMG and dominance accessors throw.
 *
 * <p>Collinearity: as in {@link Importance}, an attribute whose R² on the others is at least
 * {@code 1 − 1e-10} (variance inflation factor {@code (R_xx⁻¹)_jj ≥ 1e10}) makes the call fail with
 * a message naming the attributes. Under pairwise deletion the correlation matrix need not be
 * positive definite (each entry comes from different rows); such a matrix is rejected with a message
 * giving its smallest eigenvalue, and so is a matrix whose R² comes out above 1.
 *
 * @since 0.2.0
 */
public final class RelativeImportance {

    /**
     * The largest number of attributes for LMG and dominance (all 2^p subsets): {@value}.
     */
    public static final int MAX_SUBSET_ATTRIBUTES = 20;

    /** The largest variance inflation factor accepted, as in {@link Importance}: {@code 1e10}. */
    private static final double MAX_VARIANCE_INFLATION = 1e10;

    /**
     * How missing values are handled.
     *
     * @since 0.2.0
     */
    public enum Missing {
        /** A respondent with any missing value (overall or an attribute) is left out. */
        LISTWISE,
        /**
         * Each correlation uses the respondents complete on its pair of variables (R's
         * {@code cor(use = "pairwise.complete.obs")}, weighted). The matrix may then not be positive
         * definite; it is then rejected.
         */
        PAIRWISE
    }

    /**
     * Which dominance designation {@link #dominance(DominanceKind)} reports (Azen &amp; Budescu 2003).
     *
     * @since 0.2.0
     */
    public enum DominanceKind {
        /** Row beats column in {@code R²(S∪{row}) − R²(S)} for every subset S of the other attributes. */
        COMPLETE,
        /** Row beats column in conditional dominance {@code C(k)} at every level k. */
        CONDITIONAL,
        /** Row beats column in general dominance (LMG). */
        GENERAL
    }

    /**
     * Immutable input options; every method returns a new object. Start from
     * {@link RelativeImportance#options()}.
     *
     * @since 0.2.0
     */
    public static final class Options {
        private final double[] weights;
        private final Missing missing;
        private final String[] names;

        private Options(double[] weights, Missing missing, String[] names) {
            this.weights = weights;
            this.missing = missing;
            this.names = names;
        }

        /**
         * With survey weights, one per respondent (row), finite and {@code >= 0}; a weight of 0 leaves
         * the row out. Correlations are weighted; a weight of 2 counts a row twice.
         *
         * @param weights the weights, copied
         * @return new options
         * @throws NullPointerException if {@code weights} is null
         * @throws IllegalArgumentException if a weight is negative, NaN or infinite
         */
        public Options weights(double[] weights) {
            double[] w = Objects.requireNonNull(weights, "weights").clone();
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] >= 0.0 && w[i] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, was " + w[i]);
                }
            }
            return new Options(w, missing, names);
        }

        /**
         * With the given missing-value handling (default {@link Missing#LISTWISE}).
         *
         * @param missing the handling
         * @return new options
         */
        public Options missing(Missing missing) {
            return new Options(weights, Objects.requireNonNull(missing, "missing"), names);
        }

        /**
         * With attribute names (default {@code "x1"} … {@code "xp"}), one per column.
         *
         * @param names the names, copied
         * @return new options
         * @throws NullPointerException if the array or a name is null
         */
        public Options names(String... names) {
            String[] n = Objects.requireNonNull(names, "names").clone();
            for (int i = 0; i < n.length; i++) {
                Objects.requireNonNull(n[i], "names[" + i + "]");
            }
            return new Options(weights, missing, n);
        }

        double[] weightsOrNull() {
            return weights;
        }

        Missing missingHandling() {
            return missing;
        }

        String[] namesFor(int p) {
            if (names == null) {
                String[] n = new String[p];
                for (int j = 0; j < p; j++) {
                    n[j] = "x" + (j + 1);
                }
                return n;
            }
            if (names.length != p) {
                throw new IllegalArgumentException("names has " + names.length + " entries but there are " + p
                        + " attributes");
            }
            return names.clone();
        }
    }

    private static final Options DEFAULT_OPTIONS = new Options(null, Missing.LISTWISE, null);

    private final String[] names;
    private final int respondentsUsed; // -1 when from a correlation matrix
    private final double effectiveSize;
    private final double rSquared;
    private final double[] lmg; // null when p > MAX_SUBSET_ATTRIBUTES
    private final double[][] conditional;
    private final double[][] complete;
    private final double[] relativeWeights;
    private final double[] first;
    private final double[] last;
    private final double[] beta;
    private final double[] pratt;
    private final double[] car;

    private RelativeImportance(String[] names, int respondentsUsed, double effectiveSize, double rSquared,
            double[] lmg, double[][] conditional, double[][] complete, double[] relativeWeights, double[] first,
            double[] last, double[] beta, double[] pratt, double[] car) {
        this.names = names;
        this.respondentsUsed = respondentsUsed;
        this.effectiveSize = effectiveSize;
        this.rSquared = rSquared;
        this.lmg = lmg;
        this.conditional = conditional;
        this.complete = complete;
        this.relativeWeights = relativeWeights;
        this.first = first;
        this.last = last;
        this.beta = beta;
        this.pratt = pratt;
        this.car = car;
    }

    /**
     * The default options: no weights, listwise deletion, names {@code "x1"} … {@code "xp"}.
     *
     * @return the default options
     */
    public static Options options() {
        return DEFAULT_OPTIONS;
    }

    /**
     * Relative importance from respondent data, unweighted, listwise.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @return the result
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException if the matrix is ragged or empty, the lengths differ, a value
     *     is infinite, fewer than p + 2 respondents are complete, a column has no variance, or the
     *     attributes are collinear
     */
    public static RelativeImportance of(double[][] ratings, double[] overall) {
        return of(ratings, overall, DEFAULT_OPTIONS);
    }

    /**
     * Relative importance from respondent data with options (weights, missing handling, names).
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param options the options
     * @return the result
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException as {@link #of(double[][], double[])}, or if the weights or
     *     names do not match the rows or columns, or a pairwise matrix is not positive definite
     */
    public static RelativeImportance of(double[][] ratings, double[] overall, Options options) {
        Objects.requireNonNull(options, "options");
        checkShape(ratings, overall, options.weightsOrNull());
        String[] names = options.namesFor(ratings[0].length);
        DriverMoments m = DriverMoments.of(ratings, overall, options.weightsOrNull(), null,
                options.missingHandling() == Missing.PAIRWISE);
        return fromMoments(m, names);
    }

    static RelativeImportance fromMoments(DriverMoments m, String[] names) {
        double[][] r = m.correlation(names);
        return compute(r, names, m.respondents(), m.effectiveSize(), m.pairwise);
    }

    static void checkShape(double[][] ratings, double[] overall, double[] weights) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(overall, "overall");
        if (ratings.length != overall.length) {
            throw new IllegalArgumentException("ratings has " + ratings.length + " rows but overall has "
                    + overall.length + " values");
        }
        if (ratings.length == 0) {
            throw new IllegalArgumentException("ratings must have at least one row");
        }
        if (weights != null && weights.length != ratings.length) {
            throw new IllegalArgumentException("weights has " + weights.length + " values but ratings has "
                    + ratings.length + " rows");
        }
        int p = Objects.requireNonNull(ratings[0], "ratings[0]").length;
        if (p == 0) {
            throw new IllegalArgumentException("ratings must have at least one attribute column");
        }
    }

    /**
     * Relative importance from a correlation matrix alone; no raw data and hence no respondent count
     * or uncertainty.
     *
     * @param correlation the (p+1)×(p+1) correlation matrix, index 0 overall satisfaction and 1…p the
     *     attributes; symmetric to 1e-10 (the two triangles are averaged), unit diagonal to 1e-10,
     *     entries in [−1, 1]
     * @param names the attribute names (p of them), or none for {@code "x1"} … {@code "xp"}
     * @return the result
     * @throws NullPointerException if the matrix, a row or a name is null
     * @throws IllegalArgumentException if the matrix is not square, smaller than 2×2, not a
     *     correlation matrix as above, the names do not match, or the attributes are collinear
     */
    public static RelativeImportance fromCorrelations(double[][] correlation, String... names) {
        Objects.requireNonNull(correlation, "correlation");
        int q = correlation.length;
        if (q < 2) {
            throw new IllegalArgumentException("correlation must be at least 2×2 (overall and one attribute), was "
                    + q + " rows");
        }
        for (int i = 0; i < q; i++) {
            if (Objects.requireNonNull(correlation[i], "correlation[" + i + "]").length != q) {
                throw new IllegalArgumentException("correlation row " + i + " has " + correlation[i].length
                        + " values, expected " + q);
            }
        }
        double[][] r = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double a = correlation[i][j];
                if (!(Math.abs(a) <= 1.0)) {
                    throw new IllegalArgumentException("correlation[" + i + "][" + j + "] must be in [-1, 1], was " + a);
                }
                if (i == j && Math.abs(a - 1.0) > 1e-10) {
                    throw new IllegalArgumentException("correlation[" + i + "][" + i + "] must be 1, was " + a);
                }
                if (Math.abs(a - correlation[j][i]) > 1e-10) {
                    throw new IllegalArgumentException("correlation must be symmetric: [" + i + "][" + j + "] = " + a
                            + " but [" + j + "][" + i + "] = " + correlation[j][i]);
                }
                r[i][j] = i == j ? 1.0 : 0.5 * (a + correlation[j][i]);
            }
        }
        String[] n = (names == null || names.length == 0 ? DEFAULT_OPTIONS : DEFAULT_OPTIONS.names(names))
                .namesFor(q - 1);
        return compute(r, n, -1, Double.NaN, false);
    }

    /** Everything from the correlation matrix r (index 0 = y). */
    static RelativeImportance compute(double[][] r, String[] names, int n, double effective, boolean pairwise) {
        int p = r.length - 1;
        double[][] rxx = new double[p][p];
        double[] rxy = new double[p];
        for (int a = 0; a < p; a++) {
            rxy[a] = r[a + 1][0];
            for (int b = 0; b < p; b++) {
                rxx[a][b] = r[a + 1][b + 1];
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(rxx);
        double[] lambda = eig.values();
        double[][] v = eig.vectors();
        double smallest = lambda[p - 1];
        if (pairwise && !(smallest > 0.0)) {
            throw new IllegalArgumentException("the pairwise correlation matrix of the attributes is not positive "
                    + "definite (smallest eigenvalue " + String.format(Locale.ROOT, "%.3g", smallest)
                    + "): the pairs were observed on too different respondents; use Missing.LISTWISE");
        }
        checkCollinearity(lambda, v, names);
        // L = V Λ^{1/2} Vᵀ, β* = V Λ^{-1/2} Vᵀ r, β = V Λ⁻¹ Vᵀ r, (R⁻¹)_jj = Σ_k V_jk²/λ_k
        double[] vr = new double[p];
        for (int k = 0; k < p; k++) {
            double s = 0.0;
            for (int j = 0; j < p; j++) {
                s += v[j][k] * rxy[j];
            }
            vr[k] = s;
        }
        double[] betaStar = new double[p];
        double[] beta = new double[p];
        double[] invDiag = new double[p];
        for (int j = 0; j < p; j++) {
            double bs = 0.0;
            double b = 0.0;
            double id = 0.0;
            for (int k = 0; k < p; k++) {
                bs += v[j][k] * vr[k] / Math.sqrt(lambda[k]);
                b += v[j][k] * vr[k] / lambda[k];
                id += v[j][k] * v[j][k] / lambda[k];
            }
            betaStar[j] = bs;
            beta[j] = b;
            invDiag[j] = id;
        }
        double[] rw = new double[p];
        for (int j = 0; j < p; j++) {
            double s = 0.0;
            for (int k = 0; k < p; k++) {
                double l = 0.0;
                for (int m = 0; m < p; m++) {
                    l += v[j][m] * Math.sqrt(lambda[m]) * v[k][m];
                }
                s += l * l * betaStar[k] * betaStar[k];
            }
            rw[j] = s;
        }
        double[] first = new double[p];
        double[] last = new double[p];
        double[] pratt = new double[p];
        double[] car = new double[p];
        double r2 = 0.0;
        for (int j = 0; j < p; j++) {
            first[j] = rxy[j] * rxy[j];
            last[j] = beta[j] * beta[j] / invDiag[j];
            pratt[j] = beta[j] * rxy[j];
            car[j] = betaStar[j] * betaStar[j];
            r2 += car[j];
        }
        double[] lmg = null;
        double[][] cond = null;
        double[][] completeDom = null;
        if (p <= MAX_SUBSET_ATTRIBUTES) {
            double[] v2 = subsetRSquared(r, names);
            r2 = v2[(1 << p) - 1];
            for (int j = 0; j < p; j++) {
                last[j] = Math.max(0.0, r2 - v2[((1 << p) - 1) & ~(1 << j)]);
            }
            cond = conditional(v2, p);
            lmg = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0.0;
                for (int k = 0; k < p; k++) {
                    s += cond[j][k];
                }
                lmg[j] = s / p;
            }
            completeDom = completeDominance(v2, p);
        }
        if (!(r2 <= 1.0 + 1e-12)) {
            throw new IllegalArgumentException("the correlation matrix is not positive definite: R² = "
                    + String.format(Locale.ROOT, "%.6g", r2) + " > 1"
                    + (pairwise ? " (pairwise deletion; use Missing.LISTWISE)" : ""));
        }
        return new RelativeImportance(names, n, effective, r2, lmg, cond, completeDom, rw, first, last, beta, pratt,
                car);
    }

    private static void checkCollinearity(double[] lambda, double[][] v, String[] names) {
        int p = lambda.length;
        StringBuilder sb = new StringBuilder();
        int flagged = 0;
        for (int j = 0; j < p; j++) {
            double vif = 0.0;
            for (int k = 0; k < p; k++) {
                vif += lambda[k] > 0.0 ? v[j][k] * v[j][k] / lambda[k] : Double.POSITIVE_INFINITY;
            }
            if (!(vif < MAX_VARIANCE_INFLATION)) {
                sb.append(flagged++ == 0 ? "" : ", ").append(j).append(" (").append(names[j]).append(", VIF ")
                        .append(vif < 1e16 ? String.format(Locale.ROOT, "%.1e", vif) : "≥ 1e16").append(')');
            }
        }
        if (flagged > 0) {
            throw new IllegalArgumentException((flagged == 1 ? "attribute " : "attributes ") + sb
                    + (flagged == 1 ? " is" : " are") + " collinear: R² on the other attributes is at least "
                    + "1 − 1e-10 (variance inflation factor ≥ 1e10); drop or combine them");
        }
    }

    /** R²(S) for every bitmask S, by a depth-first walk extending the parent's Cholesky factor. */
    private static double[] subsetRSquared(double[][] r, String[] names) {
        int p = r.length - 1;
        double[] v = new double[1 << p];
        double[][] l = new double[p][p];
        double[] z = new double[p];
        int[] vars = new int[p];
        walk(r, names, v, l, z, vars, 0, 0, 0);
        return v;
    }

    private static void walk(double[][] r, String[] names, double[] v, double[][] l, double[] z, int[] vars,
            int mask, int depth, int start) {
        int p = r.length - 1;
        for (int j = start; j < p; j++) {
            double[] row = l[depth];
            double ss = 0.0;
            double zs = 0.0;
            double[] rj = r[j + 1];
            for (int k = 0; k < depth; k++) {
                double[] lk = l[k];
                double s = rj[vars[k] + 1];
                for (int m = 0; m < k; m++) {
                    s -= lk[m] * row[m];
                }
                s /= lk[k];
                row[k] = s;
                ss += s * s;
                zs += s * z[k];
            }
            double d = 1.0 - ss; // the variance of attribute j not explained by the set: 1/VIF
            if (!(d > 1.0 / MAX_VARIANCE_INFLATION)) {
                StringBuilder set = new StringBuilder();
                for (int k = 0; k < depth; k++) {
                    set.append(k == 0 ? "" : ", ").append(names[vars[k]]);
                }
                throw new IllegalArgumentException("attribute " + j + " (" + names[j] + ") is collinear with {" + set
                        + "}: R² on them is at least 1 − 1e-10");
            }
            double diag = Math.sqrt(d);
            row[depth] = diag;
            double zj = (rj[0] - zs) / diag;
            z[depth] = zj;
            vars[depth] = j;
            int child = mask | (1 << j);
            v[child] = v[mask] + zj * zj;
            if (depth + 1 < p && j + 1 < p) {
                walk(r, names, v, l, z, vars, child, depth + 1, j + 1);
            }
        }
    }

    /** C_j(k): mean increment of attribute j over the subsets of size k of the others. */
    private static double[][] conditional(double[] v, int p) {
        double[][] sum = new double[p][p];
        int full = 1 << p;
        for (int mask = 0; mask < full; mask++) {
            int k = Integer.bitCount(mask);
            double base = v[mask];
            int free = ~mask & (full - 1);
            while (free != 0) {
                int j = Integer.numberOfTrailingZeros(free);
                free &= free - 1;
                sum[j][k] += v[mask | (1 << j)] - base;
            }
        }
        double[] binom = new double[p];
        binom[0] = 1.0;
        for (int k = 1; k < p; k++) {
            binom[k] = binom[k - 1] * (p - k) / k; // C(p−1, k)
        }
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                sum[j][k] /= binom[k];
            }
        }
        return sum;
    }

    private static double[][] completeDominance(double[] v, int p) {
        double[][] d = new double[p][p];
        int full = (1 << p) - 1;
        for (int i = 0; i < p; i++) {
            d[i][i] = 0.5;
            for (int j = i + 1; j < p; j++) {
                int rest = full & ~(1 << i) & ~(1 << j);
                boolean iWins = true;
                boolean jWins = true;
                for (int s = rest;; s = (s - 1) & rest) {
                    double di = v[s | (1 << i)];
                    double dj = v[s | (1 << j)];
                    iWins &= di > dj;
                    jWins &= dj > di;
                    if ((!iWins && !jWins) || s == 0) {
                        break;
                    }
                }
                designate(d, i, j, iWins, jWins);
            }
        }
        return d;
    }

    private static void designate(double[][] d, int i, int j, boolean iWins, boolean jWins) {
        d[i][j] = iWins ? 1.0 : jWins ? 0.0 : 0.5;
        d[j][i] = 1.0 - d[i][j];
    }

    private void requireSubsets(String what) {
        if (lmg == null) {
            throw new IllegalStateException(what + " needs all 2^p subset R²; p = " + names.length
                    + " attributes exceeds the limit of " + MAX_SUBSET_ATTRIBUTES
                    + "; relativeWeights() works for any p");
        }
    }

    /**
     * The number of attributes p.
     *
     * @return p
     */
    public int attributeCount() {
        return names.length;
    }

    /**
     * The attribute names.
     *
     * @return a new array
     */
    public String[] names() {
        return names.clone();
    }

    /**
     * The respondents behind the correlations: listwise the complete rows with a positive weight,
     * pairwise the smallest number behind any one correlation.
     *
     * @return the count
     * @throws IllegalStateException if computed from a correlation matrix
     */
    public int respondentsUsed() {
        requireData("respondentsUsed");
        return respondentsUsed;
    }

    /**
     * Kish's effective sample size {@code (Σw)²/Σw²} of the rows used (the count when unweighted;
     * pairwise the smallest over the pairs). Kish (1965), <i>Survey Sampling</i>, §11.7.
     *
     * @return the effective size, respondents
     * @throws IllegalStateException if computed from a correlation matrix
     */
    public double effectiveSize() {
        requireData("effectiveSize");
        return effectiveSize;
    }

    private void requireData(String what) {
        if (respondentsUsed < 0) {
            throw new IllegalStateException(what + " is not known for a result computed from a correlation matrix");
        }
    }

    /**
     * {@code R² = R²(P)} of overall satisfaction on all attributes.
     *
     * @return R², in [0, 1]
     */
    public double rSquared() {
        return rSquared;
    }

    /**
     * LMG (Shapley value, general dominance) per attribute, R² units; sums to {@link #rSquared()}.
     *
     * @return a new array
     * @throws IllegalStateException if p &gt; {@value #MAX_SUBSET_ATTRIBUTES}
     */
    public double[] lmg() {
        requireSubsets("LMG");
        return lmg.clone();
    }

    /**
     * LMG as shares, {@code LMG_j / R²}, summing to 1 (relaimpo's {@code rela = TRUE}).
     *
     * @return a new array
     * @throws IllegalStateException if p &gt; {@value #MAX_SUBSET_ATTRIBUTES} or R² = 0
     */
    public double[] lmgShares() {
        requireSubsets("LMG");
        return shares(lmg, "LMG");
    }

    private double[] shares(double[] x, String what) {
        double s = 0.0;
        for (double e : x) {
            s += e;
        }
        if (!(s > 0.0)) {
            throw new IllegalStateException(what + " shares are undefined when R² is 0");
        }
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] / s;
        }
        return out;
    }

    /**
     * Johnson's (2000) raw relative weights ε_j, R² units; sums to R². Equal to relaimpo's type
     * {@code "genizi"} (Genizi 1993) on the reference data.
     *
     * @return a new array
     */
    public double[] relativeWeights() {
        return relativeWeights.clone();
    }

    /**
     * Relative weights as fractions {@code ε_j / Σε}, summing to 1. The "rescaled relative weights"
     * of Johnson (2000) and of R's {@code rwa} are these times 100 (percent).
     *
     * @return a new array
     * @throws IllegalStateException if R² = 0
     */
    public double[] relativeWeightShares() {
        return shares(relativeWeights, "relative weight");
    }

    /**
     * {@code r_jy²}, the R² of each attribute alone (relaimpo {@code "first"}; conditional dominance
     * at level 0).
     *
     * @return a new array
     */
    public double[] first() {
        return first.clone();
    }

    /**
     * {@code R²(P) − R²(P∖{j})}, the squared semipartial correlation (relaimpo {@code "last"};
     * conditional dominance at level p − 1).
     *
     * @return a new array
     */
    public double[] last() {
        return last.clone();
    }

    /**
     * {@code β_j²}, the squared standardised coefficients, {@code β = R_xx⁻¹ r_xy} (relaimpo
     * {@code "betasq"}).
     *
     * @return a new array
     */
    public double[] betaSquared() {
        double[] out = new double[beta.length];
        for (int j = 0; j < beta.length; j++) {
            out[j] = beta[j] * beta[j];
        }
        return out;
    }

    /**
     * Pratt's measure {@code β_j·r_jy}; sums to R² but may be negative (Pratt 1987, "Dividing the
     * indivisible", in <i>Foundations of Statistical Inference</i>, 245–260; relaimpo
     * {@code "pratt"}).
     *
     * @return a new array
     */
    public double[] pratt() {
        return pratt.clone();
    }

    /**
     * The squared CAR scores {@code ω_j²}, {@code ω = R_xx^{-1/2} r_xy} (Zuber &amp; Strimmer 2010;
     * relaimpo {@code "car"}); sums to R².
     *
     * @return a new array
     */
    public double[] car() {
        return car.clone();
    }

    /**
     * Conditional dominance: entry [j][k] is the mean R² increment of attribute j over the subsets of
     * size k of the other attributes, k = 0 … p − 1. Column 0 is {@link #first()}, column p − 1
     * {@link #last()}, and each row's mean is {@link #lmg()}.
     *
     * @return a new p×p matrix, R² units
     * @throws IllegalStateException if p &gt; {@value #MAX_SUBSET_ATTRIBUTES}
     */
    public double[][] conditionalDominance() {
        requireSubsets("conditional dominance");
        return copy(conditional);
    }

    /**
     * Pairwise dominance designations, coded as R's {@code dominanceanalysis::dominanceMatrix} codes
     * them: entry [i][j] is 1 when attribute i dominates attribute j, 0 when j dominates i, 0.5 when
     * neither does (and on the diagonal). Strict inequalities: a tie anywhere leaves the pair at 0.5.
     *
     * @param kind complete, conditional or general dominance
     * @return a new p×p matrix of 0, 0.5 and 1
     * @throws IllegalStateException if p &gt; {@value #MAX_SUBSET_ATTRIBUTES}
     */
    public double[][] dominance(DominanceKind kind) {
        Objects.requireNonNull(kind, "kind");
        requireSubsets("dominance");
        if (kind == DominanceKind.COMPLETE) {
            return copy(complete);
        }
        int p = names.length;
        double[][] d = new double[p][p];
        for (int i = 0; i < p; i++) {
            d[i][i] = 0.5;
            for (int j = i + 1; j < p; j++) {
                boolean iWins;
                boolean jWins;
                if (kind == DominanceKind.GENERAL) {
                    iWins = lmg[i] > lmg[j];
                    jWins = lmg[j] > lmg[i];
                } else {
                    iWins = true;
                    jWins = true;
                    for (int k = 0; k < p; k++) {
                        iWins &= conditional[i][k] > conditional[j][k];
                        jWins &= conditional[j][k] > conditional[i][k];
                    }
                }
                designate(d, i, j, iWins, jWins);
            }
        }
        return d;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * Equal when names, counts and every measure are equal (bit for bit).
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RelativeImportance)) {
            return false;
        }
        RelativeImportance x = (RelativeImportance) o;
        return respondentsUsed == x.respondentsUsed
                && Double.compare(effectiveSize, x.effectiveSize) == 0 && Double.compare(rSquared, x.rSquared) == 0
                && Arrays.equals(names, x.names) && Arrays.equals(lmg, x.lmg)
                && Arrays.deepEquals(conditional, x.conditional) && Arrays.deepEquals(complete, x.complete)
                && Arrays.equals(relativeWeights, x.relativeWeights) && Arrays.equals(first, x.first)
                && Arrays.equals(last, x.last) && Arrays.equals(beta, x.beta) && Arrays.equals(pratt, x.pratt)
                && Arrays.equals(car, x.car);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Arrays.hashCode(names);
        h = h * 31 + respondentsUsed;
        h = h * 31 + Double.hashCode(rSquared);
        h = h * 31 + Arrays.hashCode(lmg);
        return h * 31 + Arrays.hashCode(relativeWeights);
    }

    /**
     * A readable summary, e.g.
     * {@code RelativeImportance[n=47, R²=0.7067, lmg={Agriculture=0.0571, …}, rw={…}]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RelativeImportance[");
        sb.append(respondentsUsed < 0 ? "from correlations" : "n=" + respondentsUsed);
        sb.append(String.format(Locale.ROOT, ", R²=%.4f", rSquared));
        if (lmg != null) {
            append(sb.append(", lmg="), lmg);
        }
        append(sb.append(", rw="), relativeWeights);
        return sb.append(']').toString();
    }

    private void append(StringBuilder sb, double[] x) {
        sb.append('{');
        for (int j = 0; j < x.length; j++) {
            sb.append(j == 0 ? "" : ", ").append(names[j]).append('=').append(String.format(Locale.ROOT, "%.4f", x[j]));
        }
        sb.append('}');
    }
}
