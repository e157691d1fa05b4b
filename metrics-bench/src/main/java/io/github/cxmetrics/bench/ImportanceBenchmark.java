package io.github.cxmetrics.bench;

import io.github.cxmetrics.csi.Importance;
import io.github.cxmetrics.csi.RelativeImportance;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Derived importance on a survey of the size of the airline passenger-satisfaction data (129 880
 * respondents, 14 service attributes rated 0–5): 130 000 synthetic respondents whose ratings share a
 * common factor (so the attributes correlate, r ≈ 0.3–0.6, as in that survey) and whose overall
 * satisfaction is a noisy weighted sum of them. Beside the two methods runs one plain pass that
 * accumulates the 15 × 15 cross-product matrix of the same rows: the least any exact method must
 * read. {@link #relativeImportance()} is the key-driver analysis of issue 20 on the same data: LMG
 * (all 2^14 subset R²), the dominance tables and Johnson's relative weights, which R's
 * {@code relaimpo::calc.relimp(type = "lmg")} takes 8.3 s for on this machine.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar ImportanceBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ImportanceBenchmark {

    private static final int N = 130_000;
    private static final int K = 14;

    private double[][] ratings;
    private double[] overall;

    /** Fixed-seed data. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(130_000L);
        ratings = new double[N][K];
        overall = new double[N];
        for (int i = 0; i < N; i++) {
            double factor = random.nextGaussian();
            double y = 0;
            for (int j = 0; j < K; j++) {
                double latent = 2.5 + (0.5 + 0.05 * j) * factor + random.nextGaussian();
                double r = Math.max(0, Math.min(5, Math.rint(latent)));
                ratings[i][j] = r;
                y += (j % 3 + 1) * r;
            }
            overall[i] = Math.max(1, Math.min(5, Math.rint(y / 20 + random.nextGaussian() * 0.7)));
        }
    }

    /**
     * Baseline: one pass accumulating the upper triangle of the 15 × 15 cross-product matrix of
     * (ratings, overall), row by row.
     *
     * @return a checksum of the matrix
     */
    @Benchmark
    public double baselineCrossProducts() {
        double[] s = new double[(K + 1) * (K + 2) / 2];
        double[] row = new double[K + 1];
        for (int i = 0; i < N; i++) {
            System.arraycopy(ratings[i], 0, row, 0, K);
            row[K] = overall[i];
            int p = 0;
            for (int a = 0; a <= K; a++) {
                double x = row[a];
                for (int b = a; b <= K; b++) {
                    s[p++] += x * row[b];
                }
            }
        }
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return sum;
    }

    /**
     * Pearson correlations with overall satisfaction.
     *
     * @return the importances
     */
    @Benchmark
    public Importance correlation() {
        return Importance.correlation(ratings, overall);
    }

    /**
     * Standardised regression coefficients with standard errors and the collinearity check.
     *
     * @return the importances
     */
    @Benchmark
    public Importance standardizedRegression() {
        return Importance.standardizedRegression(ratings, overall);
    }

    /**
     * Relative importance: one weighted pass for the moments, then LMG over all 2^14 subsets,
     * conditional and complete dominance, and Johnson's relative weights (all computed by
     * {@code of}).
     *
     * @return the result
     */
    @Benchmark
    public RelativeImportance relativeImportance() {
        return RelativeImportance.of(ratings, overall);
    }
}
