package io.github.cxmetrics.bench;

import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rating core beside its baselines in one run: the {@code int[]} and {@code byte[]} sums (the
 * memory-scan references), the boxed-list stream users write, and the accumulator's hot paths.
 * {@code merge}, {@code snapshot} and the binary round trip work on a filled accumulator and should
 * not depend on N. Compare ratios within one run.
 *
 * <pre>{@code
 * java -jar metrics-bench/target/benchmarks.jar RatingCoreBenchmark -f 2 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RatingCoreBenchmark {

    /** Number of ratings. */
    @Param({"1000", "100000", "10000000"})
    public int n;

    private int[] ratings;
    private byte[] bytes;
    private List<Integer> boxed;
    private RatingAccumulator accumulator;
    private RatingAccumulator filled;
    private RatingAccumulator other;
    private RatingDistribution distribution;
    private byte[] binary;

    /** Fixed-seed 0–10 ratings in three forms, and filled accumulators. */
    @Setup(Level.Trial)
    public void setUp() {
        ratings = new SplittableRandom(20261123L).ints(n, 0, 11).toArray();
        bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) ratings[i];
        }
        boxed = Arrays.stream(ratings).boxed().collect(Collectors.toList());
        accumulator = new RatingAccumulator(Scale.ZERO_TO_TEN);
        filled = new RatingAccumulator(Scale.ZERO_TO_TEN);
        filled.addAll(ratings);
        other = new RatingAccumulator(Scale.ZERO_TO_TEN);
        other.addAll(ratings);
        distribution = filled.snapshot();
        binary = filled.toByteArray();
    }

    /**
     * Baseline: the scalar sum of the {@code int[]}.
     *
     * @return the sum
     */
    @Benchmark
    public long baselineIntSum() {
        long s = 0;
        for (int r : ratings) {
            s += r;
        }
        return s;
    }

    /**
     * Baseline: the scalar sum of the {@code byte[]}.
     *
     * @return the sum
     */
    @Benchmark
    public long baselineByteSum() {
        long s = 0;
        for (byte r : bytes) {
            s += r;
        }
        return s;
    }

    /**
     * Baseline: a boxed {@code List<Integer>} streamed twice, as users write it.
     *
     * @return promoters minus detractors
     */
    @Benchmark
    public long baselineBoxedStream() {
        long p = boxed.stream().filter(x -> x >= 9).count();
        long d = boxed.stream().filter(x -> x <= 6).count();
        return p - d;
    }

    /**
     * {@link RatingAccumulator#addAll(int[])} into a reused accumulator.
     *
     * @return the accumulator
     */
    @Benchmark
    public RatingAccumulator addAllInts() {
        accumulator.addAll(ratings);
        return accumulator;
    }

    /**
     * {@link RatingAccumulator#addAll(byte[])} into a reused accumulator.
     *
     * @return the accumulator
     */
    @Benchmark
    public RatingAccumulator addAllBytes() {
        accumulator.addAll(bytes);
        return accumulator;
    }

    /**
     * CSAT top-two-box score from a distribution (O(scale)).
     *
     * @return the score
     */
    @Benchmark
    public double csatTopBox() {
        return Csat.of(distribution).score();
    }

    /**
     * Merging two filled accumulators (O(scale)); merges into a fresh copy each time.
     *
     * @return the merged accumulator
     */
    @Benchmark
    public RatingAccumulator merge() {
        return RatingAccumulator.of(distribution).merge(other);
    }

    /**
     * The immutable snapshot of a filled accumulator (O(scale)).
     *
     * @return the distribution
     */
    @Benchmark
    public RatingDistribution snapshot() {
        return filled.snapshot();
    }

    /**
     * The binary form and back (O(scale)).
     *
     * @return the restored accumulator
     */
    @Benchmark
    public RatingAccumulator binaryRoundTrip() {
        return RatingAccumulator.fromByteArray(filled.toByteArray());
    }

    /**
     * The decoding half alone.
     *
     * @return the restored accumulator
     */
    @Benchmark
    public RatingAccumulator fromByteArray() {
        return RatingAccumulator.fromByteArray(binary);
    }

    /**
     * The distribution collector on a parallel stream of the boxed list.
     *
     * @return the distribution
     */
    @Benchmark
    public RatingDistribution parallelCollector() {
        return boxed.parallelStream().collect(RatingDistribution.collector(Scale.ZERO_TO_TEN, Integer::intValue));
    }
}
