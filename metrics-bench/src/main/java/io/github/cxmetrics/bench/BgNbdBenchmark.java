package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.RfmSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * The BG/NBD fit on the 2357 CDNOW customers, beside its baseline: one evaluation of the
 * log-likelihood at the published estimates, so the ratio is the number of evaluations a fit costs.
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
    private BetaGeometricNbd published;

    /**
     * Loads the CDNOW calibration summary.
     *
     * @throws IOException if the resource cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        customers = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(BgNbdBenchmark.class.getResourceAsStream("cdnow_customers_summary.csv"), "cdnow_customers_summary.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.strip().split(",");
                if (f.length == 4) {
                    customers.add(RfmSummary.of(Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
                }
            }
        }
        published = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258);
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
    public BetaGeometricNbd fit() {
        return BetaGeometricNbd.fit(customers);
    }
}
