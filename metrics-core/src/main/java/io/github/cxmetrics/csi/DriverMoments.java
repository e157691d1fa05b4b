package io.github.cxmetrics.csi;

import java.util.Arrays;
import java.util.Objects;

/**
 * The weighted means and co-moments of (overall, attribute 1 … attribute p) from one pass over the
 * rows, by the weighted Welford update (West 1979, "Updating mean and variance estimates: an
 * improved method", <i>Communications of the ACM</i> 22(9):532–535): for a row x with weight w,
 * {@code W += w; d = x − m; m += d·w/W; C += w·d·(x − m)ᵀ}. Index 0 is overall satisfaction.
 * Listwise: one shared set of moments over the complete rows. Pairwise: one set per pair of
 * variables over the rows complete on that pair. Rows with weight 0 are skipped.
 */
final class DriverMoments {

    final int q;
    final boolean pairwise;
    // listwise
    private double total;
    private double totalSquares;
    private int count;
    private double[] mean;
    private double[] co; // upper triangle, row-major, a <= b
    // pairwise, per pair a < b (flat index a*q + b)
    private double[] pw;
    private double[] pw2;
    private int[] pn;
    private double[] ma;
    private double[] mb;
    private double[] caa;
    private double[] cbb;
    private double[] cab;

    private DriverMoments(int q, boolean pairwise) {
        this.q = q;
        this.pairwise = pairwise;
        if (pairwise) {
            int s = q * q;
            pw = new double[s];
            pw2 = new double[s];
            pn = new int[s];
            ma = new double[s];
            mb = new double[s];
            caa = new double[s];
            cbb = new double[s];
            cab = new double[s];
        } else {
            mean = new double[q];
            co = new double[q * (q + 1) / 2];
        }
    }

    /**
     * Validates and accumulates.
     *
     * @param rows the row indices to use, with repetition, or null for all rows in order
     */
    static DriverMoments of(double[][] ratings, double[] overall, double[] weights, int[] rows, boolean pairwise) {
        int p = ratings[0].length;
        int q = p + 1;
        DriverMoments m = new DriverMoments(q, pairwise);
        double[] x = new double[q];
        double[] d = new double[q];
        boolean[] present = new boolean[q];
        int n = rows == null ? ratings.length : rows.length;
        for (int t = 0; t < n; t++) {
            int i = rows == null ? t : rows[t];
            if (i < 0 || i >= ratings.length) {
                throw new IllegalArgumentException("resample index " + i + " at position " + t
                        + " is not a row: must be in [0, " + ratings.length + ")");
            }
            double w = weights == null ? 1.0 : weights[i];
            if (!fill(ratings, overall, i, x, present, p) && !pairwise) {
                continue;
            }
            if (w == 0.0) {
                continue;
            }
            if (pairwise) {
                m.addPairwise(x, present, w);
            } else {
                m.addListwise(x, d, w);
            }
        }
        return m;
    }

    /** Reads and checks row i; returns whether it is complete. */
    static boolean fill(double[][] ratings, double[] overall, int i, double[] x, boolean[] present, int p) {
        double[] row = Objects.requireNonNull(ratings[i], "ratings[" + i + "]");
        if (row.length != p) {
            throw new IllegalArgumentException("ratings row " + i + " has " + row.length + " values, expected " + p);
        }
        double y = overall[i];
        if (Double.isInfinite(y)) {
            throw new IllegalArgumentException("overall[" + i + "] must be finite or NaN (missing), was " + y);
        }
        x[0] = y;
        boolean complete = !Double.isNaN(y);
        present[0] = complete;
        for (int j = 0; j < p; j++) {
            double v = row[j];
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("ratings[" + i + "][" + j + "] must be finite or NaN (missing), was " + v);
            }
            boolean has = !Double.isNaN(v);
            present[j + 1] = has;
            complete &= has;
            x[j + 1] = v;
        }
        return complete;
    }

    private void addListwise(double[] x, double[] d, double w) {
        total += w;
        totalSquares += w * w;
        count++;
        double f = w / total;
        for (int a = 0; a < q; a++) {
            d[a] = x[a] - mean[a];
            mean[a] += d[a] * f;
        }
        int k = 0;
        for (int a = 0; a < q; a++) {
            double wd = w * d[a];
            for (int b = a; b < q; b++) {
                co[k++] += wd * (x[b] - mean[b]);
            }
        }
    }

    private void addPairwise(double[] x, boolean[] present, double w) {
        for (int a = 0; a < q; a++) {
            if (!present[a]) {
                continue;
            }
            double xa = x[a];
            for (int b = a + 1; b < q; b++) {
                if (!present[b]) {
                    continue;
                }
                int k = a * q + b;
                double tw = pw[k] + w;
                pw[k] = tw;
                pw2[k] += w * w;
                pn[k]++;
                double f = w / tw;
                double da = xa - ma[k];
                double db = x[b] - mb[k];
                ma[k] += da * f;
                mb[k] += db * f;
                double ea = xa - ma[k];
                double eb = x[b] - mb[k];
                caa[k] += w * da * ea;
                cbb[k] += w * db * eb;
                cab[k] += w * da * eb;
            }
        }
    }

    /**
     * The moments with one accumulated row taken out again (the Welford update run backwards:
     * {@code W′ = W − w; d = x − m; m′ = m − d·w/W′; C′ = C − w·(W/W′)·d·dᵀ}); this object is not
     * changed.
     */
    DriverMoments without(double[][] ratings, double[] overall, double[] weights, int i) {
        int p = q - 1;
        double[] x = new double[q];
        boolean[] present = new boolean[q];
        boolean complete = fill(ratings, overall, i, x, present, p);
        double w = weights == null ? 1.0 : weights[i];
        DriverMoments c = new DriverMoments(q, pairwise);
        if (pairwise) {
            c.pw = pw.clone();
            c.pw2 = pw2.clone();
            c.pn = pn.clone();
            c.ma = ma.clone();
            c.mb = mb.clone();
            c.caa = caa.clone();
            c.cbb = cbb.clone();
            c.cab = cab.clone();
            if (w == 0.0) {
                return c;
            }
            for (int a = 0; a < q; a++) {
                for (int b = a + 1; b < q; b++) {
                    if (!present[a] || !present[b]) {
                        continue;
                    }
                    int k = a * q + b;
                    double tw = pw[k];
                    double rest = tw - w;
                    c.pw[k] = rest;
                    c.pw2[k] -= w * w;
                    c.pn[k]--;
                    if (c.pn[k] == 0) {
                        c.ma[k] = 0;
                        c.mb[k] = 0;
                        c.caa[k] = 0;
                        c.cbb[k] = 0;
                        c.cab[k] = 0;
                        continue;
                    }
                    double da = x[a] - ma[k];
                    double db = x[b] - mb[k];
                    double g = w * tw / rest;
                    c.ma[k] = ma[k] - da * w / rest;
                    c.mb[k] = mb[k] - db * w / rest;
                    c.caa[k] = caa[k] - g * da * da;
                    c.cbb[k] = cbb[k] - g * db * db;
                    c.cab[k] = cab[k] - g * da * db;
                }
            }
            return c;
        }
        c.mean = mean.clone();
        c.co = co.clone();
        c.total = total;
        c.totalSquares = totalSquares;
        c.count = count;
        if (!complete || w == 0.0) {
            return c;
        }
        double rest = total - w;
        c.total = rest;
        c.totalSquares = totalSquares - w * w;
        c.count = count - 1;
        if (c.count == 0) {
            Arrays.fill(c.mean, 0.0);
            Arrays.fill(c.co, 0.0);
            return c;
        }
        double[] d = new double[q];
        for (int a = 0; a < q; a++) {
            d[a] = x[a] - mean[a];
            c.mean[a] = mean[a] - d[a] * w / rest;
        }
        double g = w * total / rest;
        int k = 0;
        for (int a = 0; a < q; a++) {
            for (int b = a; b < q; b++) {
                c.co[k++] -= g * d[a] * d[b];
            }
        }
        return c;
    }

    /** Whether row i would be accumulated (complete or, pairwise, y and one attribute; weight above 0). */
    static boolean used(double[][] ratings, double[] overall, double[] weights, int i, boolean pairwise) {
        if (weights != null && weights[i] == 0.0) {
            return false;
        }
        int p = ratings[0].length;
        double[] x = new double[p + 1];
        boolean[] present = new boolean[p + 1];
        boolean complete = fill(ratings, overall, i, x, present, p);
        if (complete || !pairwise) {
            return complete;
        }
        int have = 0;
        for (boolean b : present) {
            have += b ? 1 : 0;
        }
        return have >= 2;
    }

    /**
     * The respondents behind the correlations: listwise the complete rows, pairwise the smallest
     * number behind any one correlation.
     */
    int respondents() {
        if (!pairwise) {
            return count;
        }
        int min = Integer.MAX_VALUE;
        for (int a = 0; a < q; a++) {
            for (int b = a + 1; b < q; b++) {
                min = Math.min(min, pn[a * q + b]);
            }
        }
        return min;
    }

    /** Kish's effective size {@code (Σw)²/Σw²}; pairwise the smallest over the pairs. */
    double effectiveSize() {
        if (!pairwise) {
            return count == 0 ? 0.0 : total / totalSquares * total;
        }
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < q; a++) {
            for (int b = a + 1; b < q; b++) {
                int k = a * q + b;
                min = Math.min(min, pn[k] == 0 ? 0.0 : pw[k] / pw2[k] * pw[k]);
            }
        }
        return min;
    }

    /**
     * The correlation matrix, index 0 overall satisfaction.
     *
     * @param names the attribute names, for messages
     * @throws IllegalArgumentException if fewer than p + 2 respondents are behind a correlation or a
     *     variable has no variance among them
     */
    double[][] correlation(String[] names) {
        int p = q - 1;
        int n = respondents();
        if (n < p + 2) {
            throw new IllegalArgumentException("relative importance of " + p + " attributes needs at least " + (p + 2)
                    + " complete respondents (p + 2), had " + n + (pairwise ? " for the sparsest pair" : ""));
        }
        double[][] r = new double[q][q];
        if (!pairwise) {
            double[] sd = new double[q];
            int k = 0;
            for (int a = 0; a < q; a++) {
                for (int b = a; b < q; b++) {
                    if (a == b) {
                        sd[a] = Math.sqrt(co[k]);
                        if (!(co[k] > 0.0)) {
                            throw noVariance(a, names, count);
                        }
                    }
                    k++;
                }
            }
            k = 0;
            for (int a = 0; a < q; a++) {
                for (int b = a; b < q; b++) {
                    double v = a == b ? 1.0 : clamp(co[k] / sd[a] / sd[b]);
                    r[a][b] = v;
                    r[b][a] = v;
                    k++;
                }
            }
            return r;
        }
        for (int a = 0; a < q; a++) {
            r[a][a] = 1.0;
            for (int b = a + 1; b < q; b++) {
                int k = a * q + b;
                if (!(caa[k] > 0.0)) {
                    throw noVariance(a, names, pn[k]);
                }
                if (!(cbb[k] > 0.0)) {
                    throw noVariance(b, names, pn[k]);
                }
                double v = clamp(cab[k] / Math.sqrt(caa[k]) / Math.sqrt(cbb[k]));
                r[a][b] = v;
                r[b][a] = v;
            }
        }
        return r;
    }

    private static double clamp(double v) {
        return Math.max(-1.0, Math.min(1.0, v));
    }

    private static IllegalArgumentException noVariance(int a, String[] names, int n) {
        String what = a == 0 ? "overall" : "attribute " + (a - 1) + " (" + names[a - 1] + ")";
        return new IllegalArgumentException(what + " has no variance among the " + n + " complete respondents");
    }
}
