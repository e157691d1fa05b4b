package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

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
    }

    // Reliability report, finding 20 (Repro R13). Expected values: mpmath 1.3 at 60 digits on the exact
    // doubles the test builds (the script, in short):
    //   from mpmath import mp, mpf, sqrt, matrix, lu_solve; mp.dps = 60
    //   def z(c): c = [mpf(v) for v in c]; m = sum(c)/len(c); d = [v - m for v in c]
    //             sd = sqrt(sum(v*v for v in d)/(len(c) - 1)); return [v/sd for v in d]
    //   corr(c, y) = sum(z(c)·z(y))/(n − 1); beta = lu_solve(ZᵀZ, Zᵀz(y)); VIF_j = inverse(ZᵀZ/(n − 1))[j, j]
    //   with big = [1e200*y for y in Y], tiny = [1e-200*x[0] for x in X]

    @Test
    void columnsOfHugeAndTinyMagnitudeAreScaledBeforeSquaring() {
        double[][] x = new double[12][];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {1e200 * Y[i], 1e-200 * X[i][0], X[i][2]};
        }
        Importance imp = Importance.correlation(x, Y);
        // r of 1e200·y with y is 1 (mpmath: 1.0 to 60 digits, the rounding of 1e200·y_i is 1e-32)
        assertThat(imp.value(0)).isCloseTo(1.0, within(1e-15));
        // mpmath: 0.79274659434144302072 and 0.1222930928582437195 (the unscaled columns' values)
        assertThat(imp.value(1)).isCloseTo(0.79274659434144302072, within(1e-14));
        assertThat(imp.value(2)).isCloseTo(0.1222930928582437195, within(1e-14));
    }

    @Test
    void standardizedRegressionIsInvariantToTheMagnitudeOfAColumn() {
        double[][] x = new double[12][];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {1e-200 * X[i][0], 1e-200 * X[i][1], 1e200 * X[i][2]};
        }
        // mpmath: 0.74159730652957029969, 0.47994408076740128542, -0.0012285074737862255473
        double[] expected = {0.74159730652957029969, 0.47994408076740128542, -0.0012285074737862255473};
        Importance imp = Importance.standardizedRegression(x, Y);
        for (int j = 0; j < 3; j++) {
            assertThat(imp.value(j)).isCloseTo(expected[j], within(1e-13));
        }
    }

    @Test
    void varianceIsJudgedRelativeToTheColumnNotAgainstAbsoluteZero() {
        // 1 + 2⁻³⁰·x: every value is exact in binary and the spread is 1e-8 of the magnitude; mpmath on
        // these doubles: r = 0.79274659434144303834 (x's own r, to 1.8e-17)
        double[][] shifted = new double[12][];
        for (int i = 0; i < 12; i++) {
            shifted[i] = new double[] {1 + 0x1p-30 * X[i][0]};
        }
        assertThat(Importance.correlation(shifted, Y).value(0)).isCloseTo(0.79274659434144303834, within(1e-12));
        // a column that differs only in its last bit still has variance: {1, 1 + 2⁻⁵², 1, 1 + 2⁻⁵², …}
        // against y = {0, 1, 0, 1, …} has r = 1 exactly
        double[][] lastBit = new double[6][];
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            lastBit[i] = new double[] {i % 2 == 0 ? 1.0 : 1.0 + 0x1p-52};
            y[i] = i % 2;
        }
        assertThat(Importance.correlation(lastBit, y).value(0)).isCloseTo(1.0, within(1e-15));
        // only an exactly constant column has no variance, whatever its magnitude
        double[][] constant = {{1e-300}, {1e-300}, {1e-300}};
        assertThatThrownBy(() -> Importance.correlation(constant, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 0 has no variance among the 3 complete respondents");
        assertThatThrownBy(() -> Importance.correlation(new double[][] {{1}, {2}, {3}}, new double[] {0.1, 0.1, 0.1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overall has no variance among the 3 complete respondents");
    }

    @Test
    void nearlyCollinearAttributesAreRejectedByARelativeTest() {
        // attribute 2 = attribute 0 · (1 ± 1e-9): the old absolute pivot test let it through and returned
        // β = (9.08e7, 0.54, −9.08e7) (mpmath); the variance inflation factors are 2.697e17, 1.128, 2.697e17
        double[][] near = new double[12][];
        for (int i = 0; i < 12; i++) {
            near[i] = new double[] {X[i][0], X[i][1], X[i][0] * (1 + 1e-9 * (i % 2 == 0 ? 1 : -1))};
        }
        assertThatThrownBy(() -> Importance.standardizedRegression(near, Y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("attributes 0 and 2 are collinear: R² of each on the other attributes is "
                        + "at least 1 − 1e-10 (variance inflation factors ≥ 1e16 and ≥ 1e16); drop or combine them");

        // with 1 ± 1e-6 the factors are 2.697e11 (mpmath), still above the limit, and are printed
        double[][] near6 = new double[12][];
        for (int i = 0; i < 12; i++) {
            near6[i] = new double[] {X[i][0], X[i][1], X[i][0] * (1 + 1e-6 * (i % 2 == 0 ? 1 : -1))};
        }
        assertThatThrownBy(() -> Importance.standardizedRegression(near6, Y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(variance inflation factors 2.7e+11 and 2.7e+11)");
    }

    @Test
    void stronglyButNotNearlyCollinearAttributesAreAccepted() {
        // attribute 2 = attribute 0 + 2⁻¹⁴ · X[:, 2] (exact in binary): VIFs 5.755e8, 1.551, 5.755e8
        // (mpmath), under the 1e10 limit; mpmath β = 21.765213017856830728, 0.47994408076740124558,
        // −21.024191819989819365
        double[][] strong = new double[12][];
        for (int i = 0; i < 12; i++) {
            strong[i] = new double[] {X[i][0], X[i][1], X[i][0] + 0x1p-14 * X[i][2]};
        }
        double[] expected = {21.765213017856830728, 0.47994408076740124558, -21.024191819989819365};
        Importance imp = Importance.standardizedRegression(strong, Y);
        for (int j = 0; j < 3; j++) {
            assertThat(imp.value(j)).isCloseTo(expected[j], within(1e-9 * Math.abs(expected[j])));
        }
    }

    @Test
    void aDuplicatedColumnIsNamedWithItsTwin() {
        double[][] twin = new double[12][];
        for (int i = 0; i < 12; i++) {
            twin[i] = new double[] {X[i][0], X[i][1], X[i][2], X[i][1]};
        }
        assertThatThrownBy(() -> Importance.standardizedRegression(twin, Y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attributes 1 and 3 are collinear: R² of each on the other attributes is "
                        + "at least 1 − 1e-10 (variance inflation factors ≥ 1e16 and ≥ 1e16); drop or combine them");
        // a combination of three: all three are named
        double[][] sum = new double[12][];
        for (int i = 0; i < 12; i++) {
            sum[i] = new double[] {X[i][0], X[i][1], X[i][0] + 2 * X[i][1]};
        }
        assertThatThrownBy(() -> Importance.standardizedRegression(sum, Y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("attributes 0, 1, 2 are collinear");
    }

    @Test
    void correlationsAndCoefficientsDoNotDependOnTheMagnitudeOfAColumn() {
        // scaling one column by 10^e (e in −300..300) changes each value by its rounding only, so r and
        // β must agree with the unscaled ones (numpy values in the tests above) to rounding
        double[] r = {0.7927465943414429, 0.5604427641481484, 0.1222930928582437};
        double[] beta = {0.7415973065295709, 0.4799440807674012, -0.0012285074737862223};
        QuickTheory.qt().withFixedSeed(20L).withExamples(200)
                .forAll(integers().between(0, 2), integers().between(-300, 300), integers().between(-300, 300))
                .checkAssert((column, e, eOverall) -> {
                    double f = Math.pow(10, e);
                    double g = Math.pow(10, eOverall);
                    double[][] x = new double[12][];
                    double[] y = new double[12];
                    for (int i = 0; i < 12; i++) {
                        x[i] = X[i].clone();
                        x[i][column] *= f;
                        y[i] = Y[i] * g;
                    }
                    Importance c = Importance.correlation(x, y);
                    Importance b = Importance.standardizedRegression(x, y);
                    for (int j = 0; j < 3; j++) {
                        assertThat(c.value(j)).isCloseTo(r[j], within(1e-13));
                        assertThat(b.value(j)).isCloseTo(beta[j], within(1e-12));
                    }
                });
    }

    // Standard errors and intervals: R 4.x on the data X, Y above (script, in short):
    //   ct <- cor.test(X[, j], y, conf.level = 0.95); ct$conf.int; sqrt((1 - ct$estimate^2)/10)
    //   m <- lm(scale(y) ~ scale(X)); summary(m)$coefficients[, 2]; confint(m, level = 0.90)

    @Test
    void correlationStandardErrorsAndFisherIntervalsMatchR() {
        Importance imp = Importance.correlation(X, Y);
        double[] se = {0.19275705879682947, 0.26189767240546125, 0.31385416986861348};
        double[][] ci = {{0.40151988125465515, 0.93930387853592090}, {-0.01984025177375694, 0.85828609309305848},
            {-0.48569676485370644, 0.65053726959909053}};
        for (int j = 0; j < 3; j++) {
            assertThat(imp.standardError(j)).isCloseTo(se[j], within(1e-13));
            Interval interval = imp.confidenceInterval(j, 0.95);
            assertThat(interval.lower()).isCloseTo(ci[j][0], within(1e-12));
            assertThat(interval.upper()).isCloseTo(ci[j][1], within(1e-12));
            assertThat(interval.level()).isEqualTo(0.95);
        }
    }

    @Test
    void regressionStandardErrorsAndIntervalsMatchR() {
        Importance imp = Importance.standardizedRegression(X, Y);
        double[] se = {0.16683231346504757, 0.16666045683611988, 0.18759378907281596};
        double[][] ci = {{0.43136460542890154, 1.05183000763023893}, {0.17003095532379153, 0.78985720621101074},
            {-0.35006816979712641, 0.34761115484955357}};
        for (int j = 0; j < 3; j++) {
            assertThat(imp.standardError(j)).isCloseTo(se[j], within(1e-13));
            Interval interval = imp.confidenceInterval(j, 0.90);
            assertThat(interval.lower()).isCloseTo(ci[j][0], within(1e-12));
            assertThat(interval.upper()).isCloseTo(ci[j][1], within(1e-12));
        }
    }

    @Test
    void uncertaintyEdgeCases() {
        // r = 1 exactly: SE 0 and the degenerate interval [1, 1]
        double[][] same = {{1}, {2}, {3}, {5}};
        Importance perfect = Importance.correlation(same, new double[] {2, 4, 6, 10});
        assertThat(perfect.standardError(0)).isEqualTo(0.0);
        assertThat(perfect.confidenceInterval(0, 0.95)).isEqualTo(new Interval(1, 1, 0.95));
        // 3 respondents: a correlation has an SE (n − 2 = 1) but no Fisher interval (n − 3 = 0)
        Importance three = Importance.correlation(new double[][] {{1}, {2}, {3}}, new double[] {1, 3, 2});
        assertThat(three.standardError(0)).isCloseTo(Math.sqrt(1 - 0.25), within(1e-15)); // r = 1/(√2·√2) = 1/2
        assertThatThrownBy(() -> three.confidenceInterval(0, 0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the Fisher z interval of a correlation needs at least 4 complete respondents, had 3");
        // k + 1 respondents: the regression is exact, no residual degrees of freedom
        Importance exact = Importance.standardizedRegression(new double[][] {{1, 0}, {0, 1}, {1, 1}},
                new double[] {1, 2, 4});
        assertThatThrownBy(() -> exact.standardError(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the standardised regression on 2 attributes has no standard errors: it needs at least 4 "
                        + "complete respondents (residual degrees of freedom n − k − 1 > 0), had 3");
        assertThatThrownBy(() -> exact.confidenceInterval(1, 0.95)).isInstanceOf(IllegalStateException.class);
        Importance imp = Importance.correlation(X, Y);
        assertThatThrownBy(() -> imp.confidenceInterval(0, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> imp.standardError(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
