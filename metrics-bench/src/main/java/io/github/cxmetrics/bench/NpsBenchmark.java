package io.github.cxmetrics.bench;

import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.util.Arrays;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * NPS and rating accumulation beside their baselines, in one run: the plain {@code int[]} sum (the
 * memory-scan reference for int input), the naive one-histogram counting loop, and the two-pass
 * stream a typical user writes. Compare the ratios, not the absolute times.
 *
 * <pre>{@code
 * mvn -B -ntp -pl metrics-bench -am package -DskipTests
 * java -jar metrics-bench/target/benchmarks.jar NpsBenchmark -f 3 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NpsBenchmark {

    /** Number of ratings. */
    @Param({"1000", "100000", "10000000"})
    public int n;

    private int[] ratings;
    private RatingAccumulator accumulator;
    private long[] histogram;

    /** Fixed-seed 0–10 ratings. */
    @Setup(Level.Trial)
    public void setUp() {
        ratings = new SplittableRandom(20261122L).ints(n, 0, 11).toArray();
        accumulator = new RatingAccumulator(Scale.ZERO_TO_TEN);
        histogram = new long[11];
    }

    /**
     * Baseline: the straightforward histogram, one range check and {@code counts[r]++} per rating,
     * the loop {@link RatingAccumulator#addAll(int[])} must beat.
     *
     * @return the histogram
     */
    @Benchmark
    public long[] baselineNaiveHistogram() {
        long[] counts = histogram;
        for (int r : ratings) {
            if (r < 0 || r > 10) {
                throw new IllegalArgumentException("rating " + r);
            }
            counts[r]++;
        }
        return counts;
    }

    /**
     * Baseline: the scalar sum of the ratings.
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
     * Baseline: what users write today, two stream passes.
     *
     * @return promoters minus detractors
     */
    @Benchmark
    public long baselineTwoPassStream() {
        long promoters = Arrays.stream(ratings).filter(x -> x >= 9).count();
        long detractors = Arrays.stream(ratings).filter(x -> x <= 6).count();
        return promoters - detractors;
    }

    /**
     * {@link Nps#of(int...)}: validate and classify in one pass.
     *
     * @return the NPS
     */
    @Benchmark
    public Nps npsOf() {
        return Nps.of(ratings);
    }

    /**
     * {@link RatingAccumulator#addAll(int[])} into a reused accumulator.
     *
     * @return the accumulator
     */
    @Benchmark
    public RatingAccumulator accumulatorAddAll() {
        accumulator.addAll(ratings);
        return accumulator;
    }
}
