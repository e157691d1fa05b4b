package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.ParetoNbd;
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
 * The Pareto/NBD fit on the 2357 CDNOW customers beside its baseline: one evaluation of the
 * log-likelihood at the published estimates through the public per-customer method
 * {@link ParetoNbd#logLikelihood(RfmSummary)} (two ₂F₁ per customer, in log space). The fit groups
 * identical rows first, so the ratio fit ÷ sweep is an upper bound on the number of sweeps' worth
 * of time a fit costs.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar ParetoNbdBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParetoNbdBenchmark {

    private List<RfmSummary> customers;
    private ParetoNbd published;

    /**
     * Loads the CDNOW calibration summaries.
     *
     * @throws IOException if a resource cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        customers = Sweeps.cdnow("cdnow_customers_summary.csv", false);
        published = ParetoNbd.of(0.553, 10.578, 0.606, 11.669);
        if (customers.size() != 2357) {
            throw new IllegalStateException("unexpected CDNOW size " + customers.size());
        }
    }

    /**
     * Baseline: the log-likelihood of every customer at the published estimates, one by one.
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
     * The full maximum-likelihood fit, with standard errors.
     *
     * @return the fitted model
     */
    @Benchmark
    public ParetoNbd fit() {
        return ParetoNbd.fit(customers);
    }
}
