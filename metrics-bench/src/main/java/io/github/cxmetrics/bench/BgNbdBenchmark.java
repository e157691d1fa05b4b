package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.GammaGamma;
import io.github.cxmetrics.clv.RfmSummary;
import java.io.IOException;
import java.util.List;
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
 * The BG/NBD fit on the 2357 CDNOW customers and the Gamma–Gamma fit on its 946 repeat buyers,
 * beside their baselines: one evaluation of the log-likelihood at the published estimates through
 * the public per-customer method (BG/NBD), and one tight sweep over primitive arrays with the
 * per-customer logarithms of an evaluation ({@link Sweeps}); the ratio fit ÷ sweep is the number of
 * sweeps' worth of time a fit costs.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar BgNbdBenchmark -f 2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BgNbdBenchmark {

    private List<RfmSummary> customers;
    private List<RfmSummary> withSpend;
    private BetaGeometricNbd published;
    private Sweeps.BgNbd bgNbdSweep;
    private Sweeps.GammaGamma gammaGammaSweep;

    /**
     * Loads the CDNOW calibration summaries.
     *
     * @throws IOException if a resource cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        customers = Sweeps.cdnow("cdnow_customers_summary.csv", false);
        withSpend = Sweeps.cdnow("cdnow_customers_summary_with_transactions.csv", true);
        published = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258);
        bgNbdSweep = new Sweeps.BgNbd(customers);
        gammaGammaSweep = new Sweeps.GammaGamma(withSpend);
        if (gammaGammaSweep.x.length != 946 || customers.size() != 2357) {
            throw new IllegalStateException("unexpected CDNOW sizes");
        }
    }

    /**
     * Baseline: the log-likelihood of every customer at the published estimates, one by one, through
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
     * Baseline: one tight BG/NBD sweep over the 2357 customers ({@link Sweeps.BgNbd#sweep}).
     *
     * @return the sum
     */
    @Benchmark
    public double baselineTightSweep() {
        return bgNbdSweep.sweep(0.2426, 4.4135, 0.7929, 2.4258);
    }

    /**
     * The full maximum-likelihood fit, with standard errors.
     *
     * @return the fitted model
     */
    @Benchmark
    public BetaGeometricNbd fit() {
        return BetaGeometricNbd.fit(customers);
    }

    /**
     * Baseline: one tight Gamma–Gamma sweep over the 946 repeat buyers ({@link Sweeps.GammaGamma#sweep}).
     *
     * @return the sum
     */
    @Benchmark
    public double baselineGammaGammaSweep() {
        return gammaGammaSweep.sweep(6.25, 3.74, 15.44);
    }

    /**
     * The Gamma–Gamma fit on the 946 repeat buyers (the 1411 others are skipped), with standard errors.
     *
     * @return the fitted model
     */
    @Benchmark
    public GammaGamma fitGammaGamma() {
        return GammaGamma.fit(withSpend);
    }
}
