package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Importance}. Expected values computed with NumPy 1.x on the data below:
 * {@code np.corrcoef(X[:, j], y)[0, 1]} (R: {@code cor(X, y)}) and
 * {@code np.linalg.lstsq(Z, zy)} with {@code Z}, {@code zy} the z-scored columns (sample standard
 * deviation) — R: {@code coef(lm(scale(y) ~ scale(X) - 1))}.
 */
class ImportanceTest {

    private static final double[][] X = {
        {7, 9, 1}, {9, 5, 6}, {7, 3, 10}, {1, 3, 4}, {6, 5, 2}, {1, 1, 1},
        {2, 10, 2}, {7, 8, 3}, {3, 5, 3}, {10, 2, 9}, {8, 9, 2}, {4, 7, 5},
    };
    private static final double[] Y = {6, 6, 4, 2, 4, 1, 4, 7, 1, 5, 6, 4};

    @Test
    void correlationMatchesNumpy() {
        Importance imp = Importance.correlation(X, Y);
        assertThat(imp.method()).isEqualTo(Importance.Method.CORRELATION);
        assertThat(imp.respondentsUsed()).isEqualTo(12);
        double[] expected = {0.7927465943414429, 0.5604427641481484, 0.1222930928582437};
        for (int j = 0; j < 3; j++) {
            assertThat(imp.value(j)).isCloseTo(expected[j], within(1e-13));
        }
    }

    @Test
    void standardizedRegressionMatchesNumpy() {
        Importance imp = Importance.standardizedRegression(X, Y);
        double[] expected = {0.7415973065295709, 0.4799440807674012, -0.0012285074737862223};
        for (int j = 0; j < 3; j++) {
            assertThat(imp.value(j)).isCloseTo(expected[j], within(1e-12));
        }
    }

    @Test
    void missingRatingsAreDroppedListwise() {
        double[][] x = Arrays.copyOf(X, 14);
        double[] y = Arrays.copyOf(Y, 14);
        x[12] = new double[] {5, Double.NaN, 5};
        y[12] = 5;
        x[13] = new double[] {5, 5, 5};
        y[13] = Double.NaN;
        Importance imp = Importance.correlation(x, y);
        assertThat(imp.respondentsUsed()).isEqualTo(12);
        assertThat(imp).isEqualTo(Importance.correlation(X, Y));
        assertThat(Importance.standardizedRegression(x, y)).isEqualTo(Importance.standardizedRegression(X, Y));
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Importance.correlation(new double[][] {{1, 2}, {3}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings row 1 has 1 values, expected 2");
        assertThatThrownBy(() -> Importance.correlation(X, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings has 12 rows but overall has 3 values");
        assertThatThrownBy(() -> Importance.standardizedRegression(new double[][] {{1, 2}, {2, 1}}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 complete respondents, had 2");
        double[][] inf = {{1}, {2}, {Double.POSITIVE_INFINITY}};
        assertThatThrownBy(() -> Importance.correlation(inf, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings[2][0] must be finite or NaN (missing), was Infinity");
        double[][] constant = {{1, 4}, {2, 4}, {3, 4}, {4, 4}};
        assertThatThrownBy(() -> Importance.correlation(constant, new double[] {1, 2, 3, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute 1 has no variance among the 4 complete respondents");
        double[][] collinear = new double[12][];
        for (int i = 0; i < 12; i++) {
            collinear[i] = new double[] {X[i][0], X[i][1], X[i][0] + 2 * X[i][1]};
        }
        assertThatThrownBy(() -> Importance.standardizedRegression(collinear, Y))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear");
    }
}
