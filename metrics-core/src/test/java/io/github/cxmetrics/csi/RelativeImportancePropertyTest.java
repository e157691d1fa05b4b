package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link RelativeImportance} and {@link KeyDissatisfiers}, with QuickTheories from a
 * fixed seed; each data set is drawn from a {@link SplittableRandom} seeded by the generated value
 * (20–60 respondents, 2–6 attributes rated 1..10 that share a common factor, overall a noisy sum).
 * The properties are those of the definitions: LMG is a Shapley value of R² (efficiency:
 * Σ LMG = R², and R² increments are ≥ 0), Johnson's weights sum to R² (Johnson 2000, eq. 6), every
 * measure depends on the data only through the correlation matrix (so it is invariant under row
 * order and positive affine rescaling, and {@code fromCorrelations} gives the same), an integer
 * weight counts a row that many times, and the Shapley values of reach − noise sum to v(all).
 */
class RelativeImportancePropertyTest {

    private static final double TOL = 1e-10;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x4C_4D_47L).withExamples(150).withShrinkCycles(0);
    }

    /** A data set: ratings, overall, and the seed it came from. */
    record Data(double[][] x, double[] y, long seed) {
        int p() {
            return x[0].length;
        }
    }

    static Data data(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 20 + r.nextInt(41);
        int p = 2 + r.nextInt(5);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double f = r.nextGaussian();
            double s = 0;
            for (int j = 0; j < p; j++) {
                x[i][j] = Math.max(1, Math.min(10, Math.rint(5.5 + 1.5 * f + 1.8 * r.nextGaussian())));
                s += (j + 1) * x[i][j];
            }
            y[i] = Math.max(1, Math.min(10, Math.rint(s / (p * (p + 1) / 2.0) + r.nextGaussian())));
        }
        return new Data(x, y, seed);
    }

    /** The analysis, or null for a degenerate draw (a constant or collinear column), which is skipped. */
    static RelativeImportance analyse(double[][] x, double[] y, RelativeImportance.Options o) {
        try {
            return RelativeImportance.of(x, y, o);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void same(double[] a, double[] b, String what) {
        for (int j = 0; j < a.length; j++) {
            assertThat(a[j]).as("%s[%d]", what, j).isCloseTo(b[j], within(TOL * Math.max(1, Math.abs(b[j]))));
        }
    }

    static void sameResult(RelativeImportance a, RelativeImportance b) {
        assertThat(a.rSquared()).isCloseTo(b.rSquared(), within(TOL));
        same(a.lmg(), b.lmg(), "lmg");
        same(a.relativeWeights(), b.relativeWeights(), "relativeWeights");
        same(a.first(), b.first(), "first");
        same(a.last(), b.last(), "last");
        same(a.pratt(), b.pratt(), "pratt");
        for (int j = 0; j < a.attributeCount(); j++) {
            same(a.conditionalDominance()[j], b.conditionalDominance()[j], "conditional dominance row " + j);
        }
    }

    @Test
    void lmgAndRelativeWeightsDecomposeRSquared() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Data d = data(seed);
            RelativeImportance r = analyse(d.x(), d.y(), RelativeImportance.options());
            if (r == null) {
                return;
            }
            assertThat(Arrays.stream(r.lmg()).sum()).as("seed %d", seed).isCloseTo(r.rSquared(), within(TOL));
            assertThat(Arrays.stream(r.relativeWeights()).sum()).as("seed %d", seed)
                    .isCloseTo(r.rSquared(), within(TOL));
            assertThat(Arrays.stream(r.lmgShares()).sum()).isCloseTo(1.0, within(TOL));
            for (double v : r.lmg()) {
                assertThat(v).as("seed %d", seed).isGreaterThanOrEqualTo(-1e-15);
            }
            // general dominance is the LMG order: row beats column exactly when its LMG is larger
            double[][] g = r.dominance(RelativeImportance.DominanceKind.GENERAL);
            double[] l = r.lmg();
            for (int a = 0; a < l.length; a++) {
                for (int b = 0; b < l.length; b++) {
                    if (a != b && l[a] > l[b]) {
                        assertThat(g[a][b]).as("seed %d general %d vs %d", seed, a, b).isEqualTo(1.0);
                    }
                }
            }
        });
    }

    @Test
    void rowOrderAndAffineRescalingDoNotMatter() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Data d = data(seed);
            RelativeImportance r = analyse(d.x(), d.y(), RelativeImportance.options());
            if (r == null) {
                return;
            }
            SplittableRandom rnd = new SplittableRandom(seed ^ 0x5EEDL);
            int n = d.y().length;
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rnd.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            double a = 0.25 + 4 * rnd.nextDouble();
            double b = -50 + 100 * rnd.nextDouble();
            int col = rnd.nextInt(d.p());
            double[][] x = new double[n][];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = d.x()[perm[i]].clone();
                x[i][col] = a * x[i][col] + b;
                y[i] = 3 * d.y()[perm[i]] - 7;
            }
            sameResult(RelativeImportance.of(x, y), r);
        });
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Data d = data(seed);
            SplittableRandom rnd = new SplittableRandom(seed ^ 0xBEEFL);
            int n = d.y().length;
            double[] w = new double[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = rnd.nextInt(4); // 0..3; 0 leaves the row out
                total += (int) w[i];
            }
            double[][] x = new double[total][];
            double[] y = new double[total];
            int t = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < w[i]; k++) {
                    x[t] = d.x()[i].clone();
                    y[t++] = d.y()[i];
                }
            }
            RelativeImportance weighted = analyse(d.x(), d.y(), RelativeImportance.options().weights(w));
            RelativeImportance repeated = total == 0 ? null : analyse(x, y, RelativeImportance.options());
            if (weighted == null || repeated == null) {
                assertThat(weighted == null).as("seed %d: both or neither fail", seed).isEqualTo(repeated == null);
                return;
            }
            sameResult(weighted, repeated);
        });
    }

    @Test
    void correlationInputGivesTheSameAnalysis() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Data d = data(seed);
            RelativeImportance r = analyse(d.x(), d.y(), RelativeImportance.options());
            if (r == null) {
                return;
            }
            int n = d.y().length;
            int q = d.p() + 1;
            double[][] z = new double[n][q];
            for (int i = 0; i < n; i++) {
                z[i][0] = d.y()[i];
                System.arraycopy(d.x()[i], 0, z[i], 1, d.p());
            }
            double[] mean = new double[q];
            for (double[] row : z) {
                for (int j = 0; j < q; j++) {
                    mean[j] += row[j] / n;
                }
            }
            double[][] c = new double[q][q];
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < q; b++) {
                    double sab = 0;
                    double saa = 0;
                    double sbb = 0;
                    for (double[] row : z) {
                        sab += (row[a] - mean[a]) * (row[b] - mean[b]);
                        saa += (row[a] - mean[a]) * (row[a] - mean[a]);
                        sbb += (row[b] - mean[b]) * (row[b] - mean[b]);
                    }
                    c[a][b] = a == b ? 1.0 : sab / Math.sqrt(saa * sbb);
                }
            }
            for (int a = 0; a < q; a++) {
                for (int b = 0; b < a; b++) {
                    c[a][b] = c[b][a]; // exactly symmetric
                }
            }
            sameResult(RelativeImportance.fromCorrelations(c), r);
        });
    }

    @Test
    void keyDissatisfierShapleyValuesSumToTheGrandCoalition() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Data d = data(seed);
            KeyDissatisfiers k;
            try {
                k = KeyDissatisfiers.dissatisfiers(d.x(), d.y(), 4, 4);
            } catch (IllegalStateException e) {
                return; // nobody (or everybody) dissatisfied overall in this draw
            }
            double sum = k.attributes().stream().mapToDouble(KeyDissatisfiers.Attribute::shapley).sum();
            assertThat(sum).as("seed %d", seed).isCloseTo(k.totalValue(), within(1e-12));
            int[] all = new int[d.p()];
            for (int j = 0; j < all.length; j++) {
                all[j] = j;
            }
            assertThat(k.value(all)).isCloseTo(k.totalValue(), within(1e-15));
            // relabelling the attributes (reversing the columns) reverses the Shapley values
            double[][] rev = new double[d.y().length][];
            for (int i = 0; i < rev.length; i++) {
                rev[i] = new double[d.p()];
                for (int j = 0; j < d.p(); j++) {
                    rev[i][j] = d.x()[i][d.p() - 1 - j];
                }
            }
            KeyDissatisfiers kr = KeyDissatisfiers.dissatisfiers(rev, d.y(), 4, 4);
            for (int j = 0; j < d.p(); j++) {
                assertThat(kr.attribute(j).shapley()).isCloseTo(k.attribute(d.p() - 1 - j).shapley(), within(1e-12));
            }
        });
    }
}
