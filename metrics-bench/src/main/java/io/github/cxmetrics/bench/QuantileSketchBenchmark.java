package io.github.cxmetrics.bench;

import io.github.cxmetrics.service.QuantileSketch;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link QuantileSketch} (DDSketch, α = 0.01) beside a plain {@code double[]} sum over the same
 * 10⁷ response times (lognormal, median e³ ≈ 20 s, σ = 1.2; fixed seed). {@code add}, {@code addAll}
 * and the sum are reported per value ({@code @OperationsPerInvocation}); they add into a sketch that
 * already holds the data's buckets, so {@code -prof gc} shows what adding itself allocates (nothing).
 * {@code sketchOf10M} is the whole job, a new sketch and 10⁷ adds. {@code merge} merges a sketch of
 * half the data into another, {@code quantile} reads p99 of the 10⁷-value sketch, {@code roundTrip}
 * writes and reads its bytes.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar QuantileSketchBenchmark -f 1 -wi 2 -w 1s -i 3 -r 1s -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class QuantileSketchBenchmark {

    private static final int N = 10_000_000;
    private static final double ALPHA = 0.01;

    private double[] values;
    private QuantileSketch target;
    private QuantileSketch full;
    private QuantileSketch half;
    private QuantileSketch mergeTarget;

    /** Fixed-seed lognormal response times in seconds, and sketches that hold their buckets. */
    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(20261203L);
        values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = Math.exp(3 + 1.2 * random.nextGaussian());
        }
        target = new QuantileSketch(ALPHA);
        target.addAll(values);
        full = target.copy();
        half = new QuantileSketch(ALPHA);
        for (int i = 0; i < N; i += 2) {
            half.add(values[i]);
        }
        mergeTarget = half.copy();
    }

    /**
     * Baseline: a plain sum of the 10⁷ doubles, per value.
     *
     * @return the sum
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public double baselineDoubleSum() {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /**
     * {@code add(double)} of each of the 10⁷ values, per value.
     *
     * @return the sketch's count
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long add() {
        QuantileSketch s = target;
        for (double v : values) {
            s.add(v);
        }
        return s.count();
    }

    /**
     * {@code addAll(double[])} of the 10⁷ values (validated first, then added), per value.
     *
     * @return the sketch's count
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long addAll() {
        target.addAll(values);
        return target.count();
    }

    /**
     * A new sketch of the 10⁷ values: allocation of its buckets included.
     *
     * @return the sketch
     */
    @Benchmark
    public QuantileSketch sketchOf10M() {
        QuantileSketch s = new QuantileSketch(ALPHA);
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    /**
     * Merging a sketch of 5·10⁶ values into another (counts add; the target keeps growing).
     *
     * @return the target
     */
    @Benchmark
    public QuantileSketch merge() {
        return mergeTarget.merge(half);
    }

    /**
     * The 0.99 quantile of the 10⁷-value sketch.
     *
     * @return p99
     */
    @Benchmark
    public double quantile() {
        return full.quantile(0.99);
    }

    /**
     * The byte form of the 10⁷-value sketch, written and read back.
     *
     * @return the sketch read back
     */
    @Benchmark
    public QuantileSketch roundTrip() {
        return QuantileSketch.fromByteArray(full.toByteArray());
    }
}
