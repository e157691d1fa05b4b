package io.github.cxmetrics.internal.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Expected eigenvalues from numpy.linalg.eigh (LAPACK dsyevd), printed with %.17g. */
class SymmetricEigenTest {

    @Test
    void indefinite4x4MatchesNumpy() {
        double[][] a = {{4, 1, -2, 2}, {1, 2, 0, 1}, {-2, 0, 3, -2}, {2, 1, -2, -1}};
        SymmetricEigen e = SymmetricEigen.of(a);
        double[] expected = {6.844621107234965, 2.2685314064312423, 1.0843644637732166, -2.1975169774394243};
        double[] v = e.values();
        for (int i = 0; i < 4; i++) {
            assertThat(v[i]).isCloseTo(expected[i], within(1e-14));
        }
        checkDecomposition(a, e, 1e-13);
    }

    @Test
    void correlationMatrixMatchesNumpy() {
        double[][] a = {{1, 0.5, 0.3}, {0.5, 1, 0.2}, {0.3, 0.2, 1}};
        double[] v = SymmetricEigen.of(a).values();
        double[] expected = {1.6839086322262151, 0.82893084144848483, 0.48716052632529966};
        for (int i = 0; i < 3; i++) {
            assertThat(v[i]).isCloseTo(expected[i], within(1e-15));
        }
    }

    @Test
    void random20x20ReconstructsAndIsOrthonormal() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                a[i][j] = r.nextDouble(-1, 1);
                a[j][i] = a[i][j];
            }
        }
        checkDecomposition(a, SymmetricEigen.of(a), 1e-13);
    }

    @Test
    void rejectsNonSquareAndNonFinite() {
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("matrix row 1 has 1 values, expected 2");
        assertThatThrownBy(() -> SymmetricEigen.of(new double[][] {{1, Double.NaN}, {0, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("matrix entry [0][1] must be finite, was NaN");
    }

    /** A·v_k = λ_k·v_k, VᵀV = I, values descending. */
    private static void checkDecomposition(double[][] a, SymmetricEigen e, double tol) {
        int n = a.length;
        double[] l = e.values();
        double[][] v = e.vectors();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertThat(l[k]).isLessThanOrEqualTo(l[k - 1]);
            }
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * v[j][k];
                }
                assertThat(s).isCloseTo(l[k] * v[i][k], within(tol));
            }
            for (int m = 0; m < n; m++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += v[i][k] * v[i][m];
                }
                assertThat(s).isCloseTo(k == m ? 1.0 : 0.0, within(tol));
            }
        }
    }
}
