package io.github.cxmetrics.flink;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple6;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

/**
 * The test jobs' data, their single-JVM reference and the pieces of the Flink pipeline.
 *
 * <p>Rows are a pure function of their index (SplitMix64 of the index): segment seg-0..seg-9, a day
 * 0..6 in shuffled order with a time of day, a 0..10 rating skewed by segment, a value, a lifetime
 * of 1..60 days and whether its end was observed. The watermark allows 7 days of disorder, so no row
 * is late and every window fires at the end of input.
 */
final class Jobs {

    static final long DAY = 86_400_000L;
    static final int SEGMENTS = 10;
    static final int DAYS = 7;

    static final RatingMetric NPS = Metrics.nps();
    static final ValueMetric MEAN = Metrics.mean();
    static final LifetimeMetric KM = Metrics.kaplanMeier();

    /** segment, event time (ms), rating, value, duration, observed. */
    static final TypeInformation<Tuple6<String, Long, Integer, Double, Double, Boolean>> ROW_TYPE =
            Types.TUPLE(Types.STRING, Types.LONG, Types.INT, Types.DOUBLE, Types.DOUBLE, Types.BOOLEAN);

    private Jobs() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static Tuple6<String, Long, Integer, Double, Double, Boolean> row(long i) {
        long a = mix(0x9e3779b97f4a7c15L * (i + 1));
        long b = mix(a);
        int seg = Math.floorMod(a, SEGMENTS);
        int day = Math.floorMod(a >>> 20, DAYS);
        long time = day * DAY + Math.floorMod(a >>> 40, DAY);
        int rating = Math.min(10, Math.floorMod(b, 11) + seg / 3);
        double value = ((b >>> 11) * 0x1.0p-53) * 100.0 + seg;
        double duration = 1 + Math.floorMod(b >>> 7, 60);
        boolean observed = ((b >>> 33) & 3) != 0;
        return Tuple6.of("seg-" + seg, time, rating, value, duration, observed);
    }

    /** Where a row's tumbling day window starts. */
    static long windowStart(long time) {
        return time - Math.floorMod(time, DAY);
    }

    static String key(String segment, long start) {
        return segment + "@" + start;
    }

    /** One single-JVM pass over rows 0..n-1 in index order: accumulators per segment and day window. */
    static final class Reference {
        final Map<String, RatingAccumulator> nps = new HashMap<>();
        final Map<String, MeanAccumulator> mean = new HashMap<>();
        final Map<String, KaplanMeierAccumulator> km = new HashMap<>();

        Reference(long n) {
            for (long i = 0; i < n; i++) {
                Tuple6<String, Long, Integer, Double, Double, Boolean> r = row(i);
                String k = key(r.f0, windowStart(r.f1));
                NPS.add(nps.computeIfAbsent(k, x -> NPS.newAccumulator()), r.f2);
                MEAN.add(mean.computeIfAbsent(k, x -> MEAN.newAccumulator()), r.f3);
                KM.add(km.computeIfAbsent(k, x -> KM.newAccumulator()), r.f4, r.f5);
            }
        }
    }

    static DataStream<Tuple6<String, Long, Integer, Double, Double, Boolean>> rows(
            org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env, long n, RateLimiterStrategy<?> limit) {
        DataGeneratorSource<Tuple6<String, Long, Integer, Double, Double, Boolean>> source =
                new DataGeneratorSource<>(Jobs::row, n, limit, ROW_TYPE);
        WatermarkStrategy<Tuple6<String, Long, Integer, Double, Double, Boolean>> watermarks =
                WatermarkStrategy.<Tuple6<String, Long, Integer, Double, Double, Boolean>>forBoundedOutOfOrderness(
                        Duration.ofDays(DAYS)).withTimestampAssigner((r, ts) -> r.f1);
        // one source subtask: every key sees its rows in index order, as the reference does
        return env.fromSource(source, watermarks, "rows").setParallelism(1).uid("rows");
    }

    static WindowedStream<Tuple6<String, Long, Integer, Double, Double, Boolean>, String, TimeWindow> daily(
            DataStream<Tuple6<String, Long, Integer, Double, Double, Boolean>> rows) {
        return rows.keyBy(r -> r.f0, Types.STRING).window(TumblingEventTimeWindows.of(Duration.ofDays(1)));
    }

    /** Tags a window's single aggregate with its key and start. */
    static final class Tag<V> extends ProcessWindowFunction<V, Tuple3<String, Long, V>, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String key, Context context, Iterable<V> elements, Collector<Tuple3<String, Long, V>> out) {
            for (V v : elements) {
                out.collect(Tuple3.of(key, context.window().getStart(), v));
            }
        }
    }

    static <V> TypeInformation<Tuple3<String, Long, V>> tagged(TypeInformation<V> value) {
        return Types.TUPLE(Types.STRING, Types.LONG, value);
    }

    /** A sink into a static queue of this JVM (the MiniCluster runs in it). */
    static final class QueueSink<T> implements Sink<T> {
        private static final long serialVersionUID = 1L;
        private static final Map<String, Queue<Object>> QUEUES = new ConcurrentHashMap<>();
        private final String name;

        QueueSink(String name) {
            this.name = name;
            QUEUES.put(name, new ConcurrentLinkedQueue<>());
        }

        @SuppressWarnings("unchecked")
        List<T> contents() {
            return List.copyOf((Queue<T>) QUEUES.get(name));
        }

        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            Queue<Object> q = QUEUES.get(name);
            return new SinkWriter<T>() {
                @Override
                public void write(T element, Context ctx) {
                    q.add(element);
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Row fields as an array, for Arrays.equals with Metric.result. */
    static Object[] fields(Row row) {
        Object[] f = new Object[row.getArity()];
        for (int i = 0; i < f.length; i++) {
            f[i] = row.getField(i);
        }
        return f;
    }

    /** Collected (segment, start, value) triples by key. */
    static <V> Map<String, V> byKey(List<Tuple3<String, Long, V>> collected) {
        Map<String, V> m = new HashMap<>();
        for (Tuple3<String, Long, V> t : collected) {
            if (m.put(key(t.f0, t.f1), t.f2) != null) {
                throw new AssertionError("two results for " + key(t.f0, t.f1));
            }
        }
        return m;
    }

    static <A extends Mergeable<A>> Object[] expected(Metric<A> metric, A accumulator) {
        return metric.result(accumulator);
    }

    /** A MiniCluster with one task manager of two slots, no fixed ports, generic types disabled by the jobs. */
    static MiniCluster startCluster() throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(2).build());
        cluster.start();
        return cluster;
    }
}
