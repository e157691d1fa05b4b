package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every input {@link RelativeImportance} refuses, with the exception's type and message, and inputs left unchanged. */
class RelativeImportanceBadInputTest {

    private static final double[][] X = {{1, 2}, {2, 1}, {3, 5}, {4, 3}, {5, 6}, {6, 4}};
    private static final double[] Y = {1, 2, 4, 3, 6, 5};

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> RelativeImportance.of(X, new double[5])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratings has 6 rows but overall has 5 values");
        assertThatThrownBy(() -> RelativeImportance.of(new double[0][], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ratings must have at least one row");
        double[][] ragged = copy(X);
        ragged[3] = new double[] {1, 2, 3};
        assertThatThrownBy(() -> RelativeImportance.of(ragged, Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratings row 3 has 3 values, expected 2");
        assertThatThrownBy(() -> RelativeImportance.of(null, Y)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RelativeImportance.of(X, Y, RelativeImportance.options().names("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("names has 1 entries but there are 2");
    }

    @Test
    void infiniteValuesAndBadWeightsAreRefusedAndNothingChanges() {
        double[][] x = copy(X);
        x[2][1] = Double.POSITIVE_INFINITY;
        double[][] before = copy(x);
        assertThatThrownBy(() -> RelativeImportance.of(x, Y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratings[2][1] must be finite or NaN (missing), was Infinity");
        assertThat(x).isDeepEqualTo(before);
        double[] y = Y.clone();
        y[4] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> RelativeImportance.of(X, y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overall[4] must be finite or NaN (missing), was -Infinity");
        assertThatThrownBy(() -> RelativeImportance.options().weights(new double[] {1, 1, -0.5, 1, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("weights[2] must be finite and >= 0, was -0.5");
        assertThatThrownBy(() -> RelativeImportance.of(X, Y, RelativeImportance.options().weights(new double[3])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("weights has 3 values but ratings has 6");
    }

    @Test
    void tooFewRespondentsAndCollinearAttributesAreNamed() {
        double[][] x = copy(X);
        double[] y = Y.clone();
        for (int i = 0; i < 3; i++) {
            x[i][0] = Double.NaN; // listwise: 3 complete rows left for 2 attributes, 4 needed
        }
        assertThatThrownBy(() -> RelativeImportance.of(x, y)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relative importance of 2 attributes needs at least 4 complete respondents (p + 2), had 3");
        double[][] twin = new double[6][];
        for (int i = 0; i < 6; i++) {
            twin[i] = new double[] {X[i][0], X[i][1], 2 * X[i][0] + 1};
        }
        assertThatThrownBy(() -> RelativeImportance.of(twin, Y, RelativeImportance.options().names("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("collinear")
                .hasMessageContaining("(a,").hasMessageContaining("(c,");
    }

    @Test
    void aConstantColumnIsNamed() {
        double[][] x = copy(X);
        for (double[] row : x) {
            row[1] = 3;
        }
        assertThatThrownBy(() -> RelativeImportance.of(x, Y, RelativeImportance.options().names("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b")
                .hasMessageEndingWith("has no variance among the 6 complete respondents");
    }

    @Test
    void moreThanTwentyAttributesGiveRelativeWeightsButRefuseLmg() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 200;
        int p = 21;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextInt(1, 11);
                y[i] += x[i][j] / p;
            }
            y[i] += r.nextGaussian();
        }
        RelativeImportance ri = RelativeImportance.of(x, y);
        assertThat(Arrays.stream(ri.relativeWeights()).sum()).isCloseTo(ri.rSquared(), org.assertj.core.api.Assertions.within(1e-12));
        assertThatThrownBy(ri::lmg).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("p = 21 attributes exceeds the limit of 20");
    }

    @Test
    void correlationInputIsChecked() {
        assertThatThrownBy(() -> RelativeImportance.fromCorrelations(new double[][] {{1, 0.5}, {0.4, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("correlation must be symmetric");
        assertThatThrownBy(() -> RelativeImportance.fromCorrelations(new double[][] {{1, 1.5}, {1.5, 1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("correlation[0][1] must be in [-1, 1], was 1.5");
        assertThatThrownBy(() -> RelativeImportance.fromCorrelations(new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("correlation must be at least 2×2");
    }
}
