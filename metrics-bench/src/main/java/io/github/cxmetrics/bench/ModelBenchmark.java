package io.github.cxmetrics.bench;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.ShiftedBetaGeometric;
import io.github.cxmetrics.servqual.Instrument;
import io.github.cxmetrics.servqual.Respondent;
import io.github.cxmetrics.servqual.ServqualAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Scale;
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
 * The statistics and model paths beside their baselines: the weighted mean/variance accumulator
 * against a plain two-pass computation over the same 100 000 doubles, Kaplan–Meier on 100 000
 * lifetimes, the sBG fit on Fader and Hardie's "regular" cohort, and SERVQUAL accumulation of
 * 100 000 respondents of the 22-item instrument.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar ModelBenchmark -f 2
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ModelBenchmark {

    private static final int N = 100_000;

    private double[] values;
    private double[] durations;
    private boolean[] observed;
    private Respondent[] respondents;

    /** Fixed-seed data. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7L);
        values = random.doubles(N, 0, 10).toArray();
        durations = new double[N];
        observed = new boolean[N];
        for (int i = 0; i < N; i++) {
            durations[i] = Math.floor(-Math.log(1 - random.nextDouble()) * 30);
            observed[i] = random.nextInt(4) != 0;
        }
        respondents = new Respondent[N];
        for (int i = 0; i < N; i++) {
            int[] e = new int[22];
            int[] p = new int[22];
            for (int j = 0; j < 22; j++) {
                e[j] = 1 + random.nextInt(7);
                p[j] = 1 + random.nextInt(7);
            }
            respondents[i] = Respondent.of(e, p);
        }
    }

    /**
     * Baseline: mean and sample variance in two plain passes.
     *
     * @return the variance
     */
    @Benchmark
    public double baselineTwoPassVariance() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        double m = s / values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return ss / (values.length - 1);
    }

    /**
     * {@link MeanAccumulator#addAll(double[])} and its snapshot.
     *
     * @return the summary
     */
    @Benchmark
    public MeanSummary meanAccumulator() {
        MeanAccumulator acc = new MeanAccumulator();
        acc.addAll(values);
        return acc.snapshot();
    }

    /**
     * Kaplan–Meier on 100 000 right-censored lifetimes.
     *
     * @return the curve
     */
    @Benchmark
    public KaplanMeier kaplanMeier() {
        return KaplanMeier.fit(durations, observed);
    }

    /**
     * The sBG fit on Fader and Hardie's regular cohort (8 values).
     *
     * @return the model
     */
    @Benchmark
    public ShiftedBetaGeometric sbgFit() {
        return ShiftedBetaGeometric.fit(new long[] {1000, 631, 468, 382, 326, 289, 262, 241});
    }

    /**
     * SERVQUAL accumulation of 100 000 respondents.
     *
     * @return the accumulator
     */
    @Benchmark
    public ServqualAccumulator servqual() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        for (Respondent r : respondents) {
            acc.add(r);
        }
        return acc;
    }
}
