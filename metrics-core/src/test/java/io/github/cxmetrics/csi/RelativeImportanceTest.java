package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.csi.RelativeImportance.DominanceKind;
import io.github.cxmetrics.csi.RelativeImportance.Missing;
import org.junit.jupiter.api.Test;

/**
 * Reference values: shared/reports/mission-next.md §1.3, computed there in numpy (script A.1
 * {@code kda.py}) and matched by R relaimpo 2.2-7, dominanceanalysis 2.1.0 and domir 1.2.0 (A.1
 * {@code kda_relaimpo.R}, {@code kda_rw_da.R}, {@code kda_boot.R}). Tolerances are absolute, 1e-12 on
 * quantities of order 0.01–0.7 (about 1e-11 relative at worst), except the RW rescaled percent
 * (scale 100: 1e-10 absolute).
 */
class RelativeImportanceTest {

    private static final double TOL = 1e-12;

    static RelativeImportance swiss() {
        DriverData d = DriverData.swiss();
        return RelativeImportance.of(d.ratings, d.overall, RelativeImportance.options().names(d.names));
    }

    static void close(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("index %d", j).isCloseTo(expected[j], within(TOL));
        }
    }

    @Test
    void swissMeasuresMatchSection13a() {
        RelativeImportance r = swiss();
        assertThat(r.respondentsUsed()).isEqualTo(47);
        assertThat(r.effectiveSize()).isCloseTo(47.0, within(1e-12));
        assertThat(r.attributeCount()).isEqualTo(5);
        assertThat(r.rSquared()).isCloseTo(0.706735001592726, within(TOL));
        close(r.lmg(), 0.0570912207680913, 0.171173028900234, 0.260134678624385, 0.105570150373494,
                0.112765922926522);
        close(r.lmgShares(), 0.0807816517356976, 0.242202563216017, 0.368079517836438, 0.149377277389087,
                0.159558989822760);
        close(r.relativeWeights(), 0.0484168958119007, 0.154708249806160, 0.271964104645999, 0.114680029947562,
                0.116965721381105);
        double[] pct = r.relativeWeightShares();
        double[] expectedPct = {6.85078504712325, 21.8905600341717, 38.4817653056790, 16.2267369932314,
            16.5501526197947};
        for (int j = 0; j < 5; j++) {
            assertThat(100 * pct[j]).isCloseTo(expectedPct[j], within(1e-10));
        }
        close(r.first(), 0.124664909905748, 0.417164470500591, 0.440615646723924, 0.215003501618544,
                0.173518927324862);
        close(r.last(), 0.0428696071254940, 0.00738741851512431, 0.161962693077336, 0.0623726258274238,
                0.0569452587324973);
        close(r.betaSquared(), 0.0979197290413951, 0.0271518626232267, 0.449437205966834, 0.120825779565862,
                0.0630692785915065);
        close(r.pratt(), -0.110485990962387, 0.106427404338935, 0.445004567582030, 0.161176814996607,
                0.104612205637541);
        close(r.car(), 0.000567474185338707, 0.151133990848127, 0.323268070976666, 0.115073184178981,
                0.116692281403614);
    }

    @Test
    void swissConditionalDominanceMatchesSection13a() {
        double[][] c = swiss().conditionalDominance();
        close(c[0], 0.124664909905748, 0.0502723262427735, 0.0324454736411994, 0.0352037869252416,
                0.0428696071254938);
        close(c[1], 0.417164470500591, 0.237708668959625, 0.132100403913249, 0.0615041826125826,
                0.00738741851512437);
        close(c[2], 0.440615646723923, 0.290917065533411, 0.221010477968777, 0.186167509818475,
                0.161962693077336);
        close(c[3], 0.215003501618544, 0.106997134446290, 0.0744825276446412, 0.0689949623305691,
                0.0623726258274236);
        close(c[4], 0.173518927324862, 0.137953479035722, 0.112330043445002, 0.0830819060945269,
                0.0569452587324973);
    }

    @Test
    void swissDominanceDesignationsMatchDominanceMatrix() {
        RelativeImportance r = swiss();
        // order: Agriculture, Examination, Education, Catholic, Infant.Mortality (§1.3(a) bullets)
        double h = 0.5;
        assertThat(r.dominance(DominanceKind.COMPLETE)).isDeepEqualTo(new double[][] {
            {h, h, 0, h, 0},
            {h, h, 0, h, h},
            {1, 1, h, 1, h},
            {h, h, 0, h, h},
            {1, h, h, h, h}});
        assertThat(r.dominance(DominanceKind.CONDITIONAL)).isDeepEqualTo(new double[][] {
            {h, h, 0, 0, 0},
            {h, h, 0, h, h},
            {1, 1, h, 1, 1},
            {1, h, 0, h, h},
            {1, h, 0, h, h}});
        // general: Education > Examination > Infant.Mortality > Catholic > Agriculture
        assertThat(r.dominance(DominanceKind.GENERAL)).isDeepEqualTo(new double[][] {
            {h, 0, 0, 0, 0},
            {1, h, 0, 1, 1},
            {1, 1, h, 1, 1},
            {1, 0, 0, h, 0},
            {1, 0, 0, 1, h}});
    }

    @Test
    void mtcarsMatchSection13b() {
        DriverData d = DriverData.mtcars("cyl", "disp", "hp", "wt");
        RelativeImportance r = RelativeImportance.of(d.ratings, d.overall);
        assertThat(r.rSquared()).isCloseTo(0.848634793421233, within(TOL));
        close(r.lmg(), 0.215709386095256, 0.200698374738939, 0.170076945800816, 0.262150086786223);
        close(r.relativeWeights(), 0.209690357573585, 0.188304269370066, 0.179958980425758, 0.270681186051825);
        close(r.first(), 0.726180005093805, 0.718343340489730, 0.602437341423934, 0.752832793658264);
        close(r.last(), 0.0217986509265891, 0.00548481015183476, 0.0160277611840274, 0.0807470493283697);
        assertThat(r.pratt()[1]).isCloseTo(-0.202164553060319, within(TOL));
        assertThat(r.names()).containsExactly("x1", "x2", "x3", "x4");
    }

    @Test
    void mtcarsThreeAndTwoPredictors() {
        DriverData d3 = DriverData.mtcars("cyl", "hp", "wt");
        RelativeImportance r3 = RelativeImportance.of(d3.ratings, d3.overall);
        assertThat(r3.rSquared()).isCloseTo(0.843149983269399, within(TOL));
        close(r3.lmg(), 0.283459126496650, 0.219866823938405, 0.339824032834343);
        close(r3.relativeWeights(), 0.270869937408083, 0.223407614595287, 0.348872431266030);
        DriverData d2 = DriverData.mtcars("cyl", "hp");
        RelativeImportance r2 = RelativeImportance.of(d2.ratings, d2.overall);
        assertThat(r2.rSquared()).isCloseTo(0.740708427771866, within(TOL));
        close(r2.relativeWeights(), 0.432225545720868, 0.308482882050997);
    }

    @Test
    void fromCorrelationsMatchesRawData() {
        DriverData d = DriverData.swiss();
        double[][] z = new double[47][6];
        for (int i = 0; i < 47; i++) {
            z[i][0] = d.overall[i];
            System.arraycopy(d.ratings[i], 0, z[i], 1, 5);
        }
        RelativeImportance r = RelativeImportance.fromCorrelations(pearson(z), d.names);
        close(r.lmg(), swiss().lmg());
        close(r.relativeWeights(), swiss().relativeWeights());
        assertThatThrownBy(r::respondentsUsed).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("correlation matrix");
    }

    /** Textbook two-pass Pearson matrix, independent of the code under test. */
    static double[][] pearson(double[][] z) {
        int n = z.length;
        int q = z[0].length;
        double[] m = new double[q];
        for (double[] row : z) {
            for (int a = 0; a < q; a++) {
                m[a] += row[a] / n;
            }
        }
        double[][] c = new double[q][q];
        for (double[] row : z) {
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    c[a][b] += (row[a] - m[a]) * (row[b] - m[b]);
                }
            }
        }
        double[][] r = new double[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                r[a][b] = a == b ? 1.0 : c[a][b] / Math.sqrt(c[a][a] * c[b][b]);
            }
        }
        return r;
    }

    @Test
    void weightsAndEffectiveSize() {
        DriverData d = DriverData.swiss();
        double[] w = new double[47];
        java.util.Arrays.fill(w, 1.0);
        w[0] = 2.0;
        w[1] = 0.0;
        RelativeImportance r = RelativeImportance.of(d.ratings, d.overall, RelativeImportance.options().weights(w));
        assertThat(r.respondentsUsed()).isEqualTo(46);
        // (Σw)²/Σw² = 47² / (45 + 4)
        assertThat(r.effectiveSize()).isCloseTo(47.0 * 47.0 / 49.0, within(1e-12));
    }

    @Test
    void pairwiseEqualsListwiseWithoutMissing() {
        DriverData d = DriverData.swiss();
        RelativeImportance a = RelativeImportance.of(d.ratings, d.overall);
        RelativeImportance b = RelativeImportance.of(d.ratings, d.overall,
                RelativeImportance.options().missing(Missing.PAIRWISE));
        for (int j = 0; j < 5; j++) {
            assertThat(b.lmg()[j]).isCloseTo(a.lmg()[j], within(1e-13));
        }
    }

    @Test
    void pairwiseUsesEachPairsRows() {
        // pairwise correlations checked against a textbook Pearson of the pair's complete rows
        DriverData d = DriverData.swiss();
        double[][] x = new double[47][];
        for (int i = 0; i < 47; i++) {
            x[i] = d.ratings[i].clone();
        }
        x[3][0] = Double.NaN;
        x[10][2] = Double.NaN;
        x[20][4] = Double.NaN;
        RelativeImportance r = RelativeImportance.of(x, d.overall,
                RelativeImportance.options().missing(Missing.PAIRWISE));
        // the sparsest pair: attributes 0 and 2, without rows 3 and 10
        assertThat(r.respondentsUsed()).isEqualTo(45);
        // first() = r_jy² uses only the rows with attribute j and y
        double[][] pair = new double[46][2];
        for (int i = 0, k = 0; i < 47; i++) {
            if (i != 3) {
                pair[k][0] = d.overall[i];
                pair[k++][1] = x[i][0];
            }
        }
        double rr = pearson(pair)[0][1];
        assertThat(r.first()[0]).isCloseTo(rr * rr, within(1e-14));
        RelativeImportance listwise = RelativeImportance.of(x, d.overall);
        assertThat(listwise.respondentsUsed()).isEqualTo(44);
    }
}
