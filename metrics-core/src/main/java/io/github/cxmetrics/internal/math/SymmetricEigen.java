package io.github.cxmetrics.internal.math;

import java.util.Objects;

/**
 * Eigen decomposition of a real symmetric matrix, {@code A = V Λ Vᵀ}, by the cyclic Jacobi method
 * with the threshold strategy of Rutishauser (1966), "The Jacobi method for real symmetric
 * matrices", <i>Numerische Mathematik</i> 9:1–10, as in Press et al. (2007), <i>Numerical
 * Recipes</i>, 3rd ed., §11.1. Each rotation annihilates one off-diagonal element; sweeps repeat until
 * every off-diagonal element is negligible next to its two diagonal elements (at most 100 sweeps;
 * quadratic convergence usually needs 6–10). The eigenvalues are accurate to a few units of
 * {@code ε·‖A‖} and the eigenvectors are orthonormal to working precision. Cost O(p³) per sweep;
 * meant for the small matrices of driver analysis (p up to a few hundred).
 */
public final class SymmetricEigen {

    private final double[] values;
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes a symmetric matrix; only the upper triangle is read.
     *
     * @param a a square matrix, not modified
     * @return the eigenvalues in descending order and the matching unit eigenvectors
     * @throws IllegalArgumentException if the matrix is not square or has a non-finite entry, or the
     *     iteration does not converge
     */
    public static SymmetricEigen of(double[][] a) {
        Objects.requireNonNull(a, "a");
        int n = a.length;
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix row " + i + " has " + a[i].length + " values, expected " + n);
            }
            for (int j = i; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException("matrix entry [" + i + "][" + j + "] must be finite, was " + a[i][j]);
                }
                m[i][j] = a[i][j];
                m[j][i] = a[i][j];
            }
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1.0;
        }
        double[] d = new double[n];
        double[] b = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = m[i][i];
            b[i] = d[i];
        }
        boolean converged = n <= 1;
        for (int sweep = 0; sweep < 100 && !converged; sweep++) {
            double off = 0.0;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    off += Math.abs(m[i][j]);
                }
            }
            if (off == 0.0) {
                converged = true;
                break;
            }
            double threshold = sweep < 3 ? 0.2 * off / (n * n) : 0.0;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double g = 100.0 * Math.abs(m[p][q]);
                    if (sweep > 3 && Math.abs(d[p]) + g == Math.abs(d[p]) && Math.abs(d[q]) + g == Math.abs(d[q])) {
                        m[p][q] = 0.0;
                    } else if (Math.abs(m[p][q]) > threshold) {
                        double h = d[q] - d[p];
                        double t;
                        if (Math.abs(h) + g == Math.abs(h)) {
                            t = m[p][q] / h;
                        } else {
                            double theta = 0.5 * h / m[p][q];
                            t = 1.0 / (Math.abs(theta) + Math.sqrt(1.0 + theta * theta));
                            if (theta < 0.0) {
                                t = -t;
                            }
                        }
                        double c = 1.0 / Math.sqrt(1 + t * t);
                        double s = t * c;
                        double tau = s / (1.0 + c);
                        h = t * m[p][q];
                        z[p] -= h;
                        z[q] += h;
                        d[p] -= h;
                        d[q] += h;
                        m[p][q] = 0.0;
                        for (int j = 0; j < p; j++) {
                            rotate(m, j, p, j, q, s, tau);
                        }
                        for (int j = p + 1; j < q; j++) {
                            rotate(m, p, j, j, q, s, tau);
                        }
                        for (int j = q + 1; j < n; j++) {
                            rotate(m, p, j, q, j, s, tau);
                        }
                        for (int j = 0; j < n; j++) {
                            rotate(v, j, p, j, q, s, tau);
                        }
                    }
                }
            }
            for (int p = 0; p < n; p++) {
                b[p] += z[p];
                d[p] = b[p];
                z[p] = 0.0;
            }
        }
        if (!converged) {
            throw new IllegalArgumentException("the Jacobi eigenvalue iteration did not converge in 100 sweeps");
        }
        // sort descending, moving the eigenvector columns with their values
        for (int i = 0; i < n - 1; i++) {
            int k = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] > d[k]) {
                    k = j;
                }
            }
            if (k != i) {
                double t = d[i];
                d[i] = d[k];
                d[k] = t;
                for (int r = 0; r < n; r++) {
                    t = v[r][i];
                    v[r][i] = v[r][k];
                    v[r][k] = t;
                }
            }
        }
        return new SymmetricEigen(d, v);
    }

    private static void rotate(double[][] a, int i, int j, int k, int l, double s, double tau) {
        double g = a[i][j];
        double h = a[k][l];
        a[i][j] = g - s * (h + g * tau);
        a[k][l] = h + s * (g - h * tau);
    }

    /**
     * The eigenvalues, largest first.
     *
     * @return a new array
     */
    public double[] values() {
        return values.clone();
    }

    /**
     * The eigenvectors as columns: column k belongs to {@code values()[k]}.
     *
     * @return a new matrix
     */
    public double[][] vectors() {
        double[][] out = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = vectors[i].clone();
        }
        return out;
    }
}
