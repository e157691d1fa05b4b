package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.RfmSummary;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BG/NBD fit on {@code n} synthetic customers drawn from the CDNOW estimates
 * ({@link SyntheticBgNbd}, seed 20050101; continuous times, so every row is distinct), beside one
 * sweep of the log-likelihood over the same customers through the public per-customer method and
 * one tight sweep over primitive arrays ({@link Sweeps}).
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar BgNbdLargeBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class BgNbdLargeBenchmark {

    /** The number of customers. */
    @Param("1000000")
    public int n;

    private List<RfmSummary> customers;
    private BetaGeometricNbd published;
    private Sweeps.BgNbd sweep;
    private ForkJoinPool pool;

    /** Draws the customers. */
    @Setup(Level.Trial)
    public void setUp() {
        customers = SyntheticBgNbd.customers(n, 20_050_101L);
        published = BetaGeometricNbd.of(SyntheticBgNbd.R, SyntheticBgNbd.ALPHA, SyntheticBgNbd.A, SyntheticBgNbd.B);
        sweep = new Sweeps.BgNbd(customers);
        pool = new ForkJoinPool(2);
    }

    /**
     * Baseline: the log-likelihood of every customer, one by one, through
     * {@link BetaGeometricNbd#logLikelihood(RfmSummary)}.
     *
     * @return the summed log-likelihood
     */
    @Benchmark
    public double baselineLogLikelihoodOnce() {
        double s = 0.0;
        for (RfmSummary c : customers) {
            s += published.logLikelihood(c);
        }
        return s;
    }

    /**
     * Baseline: one tight sweep ({@link Sweeps.BgNbd#sweep}).
     *
     * @return the sum
     */
    @Benchmark
    public double baselineTightSweep() {
        return sweep.sweep(SyntheticBgNbd.R, SyntheticBgNbd.ALPHA, SyntheticBgNbd.A, SyntheticBgNbd.B);
    }

    /**
     * The full fit from the list of summaries (grouping, sample fit, BFGS, analytic Hessian).
     *
     * @return the fitted model
     */
    @Benchmark
    public BetaGeometricNbd fit() {
        return BetaGeometricNbd.fit(customers);
    }

    /**
     * The same fit with the per-customer sums on a two-thread {@link ForkJoinPool} (the model is
     * bit-identical).
     *
     * @return the fitted model
     */
    @Benchmark
    public BetaGeometricNbd fitOnTwoThreads() {
        return BetaGeometricNbd.fit(customers, pool);
    }

    /** Shuts the pool down. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdown();
    }
}
