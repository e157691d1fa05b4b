package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Opt-in throughput run (profile {@code throughput}; excluded from the default build): the NPS
 * {@link MetricAggregate} on keyed daily tumbling windows against the same job with a plain
 * {@code long[3]} (promoters, passives, detractors) {@link AggregateFunction} whose accumulator type
 * is {@code Types.PRIMITIVE_ARRAY(Types.LONG)} — Flink's own serializer, no cxmetrics code.
 *
 * <p>One MiniCluster (as the other tests), window parallelism 2, one source subtask, generic types
 * disabled, heap state, no checkpoints unless {@code -Dcheckpoints=ms}. Rows are a pure function of
 * their index (SplitMix64): segment seg-0..seg-9, a day 0..6 in shuffled order with a time of day, a
 * rating 0..10 skewed by segment. A warm-up of one job each, then best of 3 (alternating) at
 * {@code -Drows} rows (default 10^6), and best of 3 at 100 rows for the fixed cost of a job
 * ({@code -Drepeats} changes the 3). Both
 * jobs' per-window counts are checked against each other and against a plain loop over the rows.
 */
class FlinkThroughputTest {

    private static final long ROWS = Long.getLong("rows", 1_000_000L);
    private static final long SMALL = 100;
    private static final int REPEATS = Integer.getInteger("repeats", 3);
    private static final long CHECKPOINTS = Long.getLong("checkpoints", 0L);

    private static final String[] SEGMENT_NAMES = new String[Jobs.SEGMENTS];

    static {
        for (int s = 0; s < Jobs.SEGMENTS; s++) {
            SEGMENT_NAMES[s] = "seg-" + s;
        }
    }

    /** segment, event time (ms), rating. */
    private static final TypeInformation<Tuple3<String, Long, Integer>> ROW_TYPE =
            Types.TUPLE(Types.STRING, Types.LONG, Types.INT);

    /** {@code long[]}: the same as {@code Types.PRIMITIVE_ARRAY(Types.LONG)}, typed. */
    private static final TypeInformation<long[]> COUNTS_TYPE = PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO;

    private static MiniCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = Jobs.startCluster();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.closeAsync().get();
        }
    }

    /** Row i: the same segment, day, time and rating formulas as {@link Jobs#row(long)}. */
    static Tuple3<String, Long, Integer> row(long i) {
        long a = Jobs.mix(0x9e3779b97f4a7c15L * (i + 1));
        long b = Jobs.mix(a);
        int seg = Math.floorMod(a, Jobs.SEGMENTS);
        int day = Math.floorMod(a >>> 20, Jobs.DAYS);
        long time = day * Jobs.DAY + Math.floorMod(a >>> 40, Jobs.DAY);
        int rating = Math.min(10, Math.floorMod(b, 11) + seg / 3);
        return Tuple3.of(SEGMENT_NAMES[seg], time, rating);
    }

    /** The engine's own aggregation of the same shape: promoters (9–10), passives (7–8), detractors (0–6). */
    static final class Counts implements AggregateFunction<Tuple3<String, Long, Integer>, long[], long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] createAccumulator() {
            return new long[3];
        }

        @Override
        public long[] add(Tuple3<String, Long, Integer> value, long[] acc) {
            int r = value.f2;
            if (r >= 9) {
                acc[0]++;
            } else if (r >= 7) {
                acc[1]++;
            } else {
                acc[2]++;
            }
            return acc;
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc.clone();
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            for (int i = 0; i < 3; i++) {
                a[i] += b[i];
            }
            return a;
        }
    }

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        if (CHECKPOINTS > 0) {
            env.enableCheckpointing(CHECKPOINTS);
        }
        return env;
    }

    private static WindowedStream<Tuple3<String, Long, Integer>, String, TimeWindow> daily(
            StreamExecutionEnvironment env, long n) {
        DataGeneratorSource<Tuple3<String, Long, Integer>> source =
                new DataGeneratorSource<>(FlinkThroughputTest::row, n, RateLimiterStrategy.noOp(), ROW_TYPE);
        WatermarkStrategy<Tuple3<String, Long, Integer>> watermarks = WatermarkStrategy
                .<Tuple3<String, Long, Integer>>forBoundedOutOfOrderness(Duration.ofDays(Jobs.DAYS))
                .withTimestampAssigner((r, ts) -> r.f1);
        DataStream<Tuple3<String, Long, Integer>> rows = env.fromSource(source, watermarks, "rows").setParallelism(1);
        return rows.keyBy(r -> r.f0, Types.STRING).window(TumblingEventTimeWindows.of(Duration.ofDays(1)));
    }

    private static long runMillis(StreamExecutionEnvironment env) throws Exception {
        long t0 = System.nanoTime();
        JobGraph job = env.getStreamGraph().getJobGraph();
        cluster.submitJob(job).get();
        JobResult result = cluster.requestJobResult(job.getJobID()).get();
        result.toJobExecutionResult(FlinkThroughputTest.class.getClassLoader()); // throws the job's failure
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static int jobs;

    /** Runs the NPS MetricAggregate job over n rows; per window: promoters, passives, detractors. */
    private static Timed nps(long n) throws Exception {
        StreamExecutionEnvironment env = environment();
        MetricAggregate<Tuple3<String, Long, Integer>, RatingAccumulator> nps =
                MetricAggregate.ofRatings(Jobs.NPS, r -> r.f2);
        Jobs.QueueSink<Tuple3<String, Long, Row>> sink = new Jobs.QueueSink<>("tp-nps-" + jobs++);
        daily(env, n).aggregate(nps, new Jobs.Tag<>(), nps.accumulatorType(), nps.resultType(),
                Jobs.tagged(nps.resultType())).sinkTo(sink);
        long ms = runMillis(env);
        Map<String, List<Long>> counts = new HashMap<>();
        for (Tuple3<String, Long, Row> t : sink.contents()) {
            List<Long> c = List.of((Long) t.f2.getField(1), (Long) t.f2.getField(2), (Long) t.f2.getField(3));
            assertThat((Long) t.f2.getField(0)).isEqualTo(c.get(0) + c.get(1) + c.get(2));
            assertThat(counts.put(Jobs.key(t.f0, t.f1), c)).isNull();
        }
        return new Timed(ms, counts);
    }

    /** Runs the same job with the long[3] AggregateFunction. */
    private static Timed baseline(long n) throws Exception {
        StreamExecutionEnvironment env = environment();
        Jobs.QueueSink<Tuple3<String, Long, long[]>> sink = new Jobs.QueueSink<>("tp-long3-" + jobs++);
        daily(env, n).aggregate(new Counts(), new Jobs.Tag<>(), COUNTS_TYPE, COUNTS_TYPE, Jobs.tagged(COUNTS_TYPE))
                .sinkTo(sink);
        long ms = runMillis(env);
        Map<String, List<Long>> counts = new HashMap<>();
        for (Tuple3<String, Long, long[]> t : sink.contents()) {
            assertThat(counts.put(Jobs.key(t.f0, t.f1), List.of(t.f2[0], t.f2[1], t.f2[2]))).isNull();
        }
        return new Timed(ms, counts);
    }

    /** The plain loop: per window, promoters, passives, detractors by the NPS definition (9–10, 7–8, 0–6). */
    private static Map<String, List<Long>> loop(long n) {
        Map<String, long[]> acc = new HashMap<>();
        for (long i = 0; i < n; i++) {
            Tuple3<String, Long, Integer> r = row(i);
            long[] c = acc.computeIfAbsent(Jobs.key(r.f0, Jobs.windowStart(r.f1)), k -> new long[3]);
            c[r.f2 >= 9 ? 0 : r.f2 >= 7 ? 1 : 2]++;
        }
        Map<String, List<Long>> out = new HashMap<>();
        acc.forEach((k, c) -> out.put(k, List.of(c[0], c[1], c[2])));
        return out;
    }

    private record Timed(long millis, Map<String, List<Long>> counts) {
    }

    @Test
    void npsMetricAggregateAgainstLongCountsOfTheSameShape() throws Exception {
        String load0 = loadavg();
        long l0 = System.nanoTime();
        Map<String, List<Long>> expected = loop(ROWS);
        double loopMs = (System.nanoTime() - l0) / 1e6;
        Map<String, List<Long>> expectedSmall = loop(SMALL);
        if (ROWS >= 10_000) {
            assertThat(expected).hasSize(Jobs.SEGMENTS * Jobs.DAYS);
        }
        assertThat(expected.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum()).isEqualTo(ROWS);

        // warm-up: one job of each kind at full size, checked too
        Timed warmNps = nps(ROWS);
        Timed warmBase = baseline(ROWS);
        assertThat(warmNps.counts()).isEqualTo(expected);
        assertThat(warmBase.counts()).isEqualTo(expected);

        List<Long> npsMs = new ArrayList<>();
        List<Long> baseMs = new ArrayList<>();
        List<Long> npsSmallMs = new ArrayList<>();
        List<Long> baseSmallMs = new ArrayList<>();
        for (int k = 0; k < REPEATS; k++) {
            Timed a = nps(ROWS);
            Timed b = baseline(ROWS);
            assertThat(a.counts()).isEqualTo(expected);
            assertThat(b.counts()).isEqualTo(a.counts());
            npsMs.add(a.millis());
            baseMs.add(b.millis());
        }
        for (int k = 0; k < REPEATS; k++) {
            Timed a = nps(SMALL);
            Timed b = baseline(SMALL);
            assertThat(a.counts()).isEqualTo(expectedSmall);
            assertThat(b.counts()).isEqualTo(expectedSmall);
            npsSmallMs.add(a.millis());
            baseSmallMs.add(b.millis());
        }
        String load1 = loadavg();

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%nFlink throughput: %d rows, %d windows, parallelism 2, checkpoints %s,"
                        + " %d runs each%n", ROWS, expected.size(), CHECKPOINTS > 0 ? CHECKPOINTS + " ms" : "off", REPEATS));
        s.append(String.format(Locale.ROOT, "loadavg before: %s | after: %s%n", load0, load1));
        s.append(String.format(Locale.ROOT, "warm-up: NPS %d ms, long[3] %d ms; plain loop in this JVM %.1f ms%n",
                warmNps.millis(), warmBase.millis(), loopMs));
        s.append(String.format(Locale.ROOT, "| job | runs (ms) | min (ms) | median (ms) |%n|---|---|---|---|%n"));
        line(s, "NPS MetricAggregate, " + ROWS + " rows", npsMs);
        line(s, "long[3] AggregateFunction, " + ROWS + " rows", baseMs);
        line(s, "NPS MetricAggregate, " + SMALL + " rows", npsSmallMs);
        line(s, "long[3] AggregateFunction, " + SMALL + " rows", baseSmallMs);
        long npsMin = min(npsMs);
        long baseMin = min(baseMs);
        long npsMarg = npsMin - min(npsSmallMs);
        long baseMarg = baseMin - min(baseSmallMs);
        s.append(String.format(Locale.ROOT, "ratio NPS / long[3], min: %.2f; median: %.2f; marginal over the %d-row job"
                        + " (min - min): %d ms vs %d ms%n",
                (double) npsMin / baseMin, median(npsMs) / median(baseMs), SMALL, npsMarg, baseMarg));
        System.out.print(s);
    }

    private static void line(StringBuilder s, String name, List<Long> ms) {
        s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f |%n", name, ms, min(ms), median(ms)));
    }

    private static long min(List<Long> ms) {
        return ms.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static double median(List<Long> ms) {
        long[] a = ms.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
    }

    private static String loadavg() {
        try {
            return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg")),
                    java.nio.charset.StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }
}
