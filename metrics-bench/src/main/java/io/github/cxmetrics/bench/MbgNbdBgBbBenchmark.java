package io.github.cxmetrics.bench;

import io.github.cxmetrics.clv.BetaGeometricBetaBinomial;
import io.github.cxmetrics.clv.BetaGeometricBetaBinomial.History;
import io.github.cxmetrics.clv.ModifiedBetaGeometricNbd;
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
 * The MBG/NBD fit on the 2357 CDNOW customers and the BG/BB fit on the donations data (22 patterns
 * of 11,104 donors, n = 6), each beside one evaluation of its log-likelihood at the published
 * estimates through the public method ({@code logLikelihood(Collection)}, which groups the rows as
 * the fit does) and, for MBG/NBD, one tight sweep over primitive arrays with the per-customer
 * logarithms and exponential of one evaluation (as {@link Sweeps} does for BG/NBD); the ratio
 * fit ÷ sweep is the number of sweeps' worth of time a fit costs.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar MbgNbdBgBbBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MbgNbdBgBbBenchmark {

    private List<RfmSummary> customers;
    private List<History> donors;
    private ModifiedBetaGeometricNbd mbgPublished;
    private BetaGeometricBetaBinomial bgbbPublished;
    private double[] x;
    private double[] tx;
    private double[] t;

    /**
     * Loads the CDNOW summaries and the donations patterns.
     *
     * @throws IOException if a resource cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        customers = Sweeps.cdnow("cdnow_customers_summary.csv", false);
        donors = new ArrayList<>();
        // relative to this class: JMH runs a generated subclass in another package
        InputStream resource = MbgNbdBgBbBenchmark.class.getResourceAsStream("donations.csv");
        try (InputStream in = Objects.requireNonNull(resource, "donations.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.strip().split(",");
                if (f.length == 4) {
                    donors.add(new History(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                            Long.parseLong(f[3])));
                }
            }
        }
        if (customers.size() != 2357 || donors.size() != 22) {
            throw new IllegalStateException("unexpected data sizes " + customers.size() + ", " + donors.size());
        }
        mbgPublished = ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614);
        bgbbPublished = BetaGeometricBetaBinomial.of(1.204, 0.750, 0.657, 2.783);
        int n = customers.size();
        x = new double[n];
        tx = new double[n];
        t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = customers.get(i).frequency();
            tx[i] = customers.get(i).recency();
            t[i] = customers.get(i).age();
        }
    }

    /**
     * The MBG/NBD maximum-likelihood fit on CDNOW, with standard errors.
     *
     * @return the fitted model
     */
    @Benchmark
    public ModifiedBetaGeometricNbd mbgNbdFit() {
        return ModifiedBetaGeometricNbd.fit(customers);
    }

    /**
     * Baseline: the MBG/NBD log-likelihood of CDNOW at the BTYDplus estimates, through
     * {@link ModifiedBetaGeometricNbd#logLikelihood(java.util.Collection)}.
     *
     * @return the log-likelihood
     */
    @Benchmark
    public double mbgNbdLogLikelihoodOnce() {
        return mbgPublished.logLikelihood(customers);
    }

    /**
     * Baseline: one tight MBG/NBD sweep over the 2357 customers,
     * {@code Σ ln[(α + T)^−(r+x) + a/(b + x)·(α + tₓ)^−(r+x)]} in log-sum-exp form: three logarithms,
     * one exponential and one {@code log1p} per customer.
     *
     * @return the sum
     */
    @Benchmark
    public double mbgNbdTightSweep() {
        double r = 0.525;
        double alpha = 6.183;
        double lnA = Math.log(0.891);
        double b = 1.614;
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            double rx = r + x[i];
            double u1 = -rx * Math.log(alpha + t[i]);
            double u2 = lnA - Math.log(b + x[i]) - rx * Math.log(alpha + tx[i]);
            s += Math.max(u1, u2) + Math.log1p(Math.exp(-Math.abs(u2 - u1)));
        }
        return s;
    }

    /**
     * The BG/BB maximum-likelihood fit on the donations data, with standard errors.
     *
     * @return the fitted model
     */
    @Benchmark
    public BetaGeometricBetaBinomial bgbbFit() {
        return BetaGeometricBetaBinomial.fit(donors);
    }

    /**
     * Baseline: the BG/BB log-likelihood of the donations data at the paper's estimates, through
     * {@link BetaGeometricBetaBinomial#logLikelihood(java.util.Collection)}.
     *
     * @return the log-likelihood
     */
    @Benchmark
    public double bgbbLogLikelihoodOnce() {
        return bgbbPublished.logLikelihood(donors);
    }
}
