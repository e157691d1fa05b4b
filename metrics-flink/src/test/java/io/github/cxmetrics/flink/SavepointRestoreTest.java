package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple6;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-with-savepoint in the middle of the input, then a new job restored from the savepoint: the
 * windows' accumulators cross the savepoint in their byte form (MergeableSerializer and its snapshot;
 * generic types are disabled, so nothing else could carry them), and the final results equal one
 * single-JVM pass over all 10^4 rows.
 *
 * <p>The first job's source may emit 4 000 rows before its first checkpoint
 * ({@code RateLimiterStrategy.perCheckpoint}) and the job has no periodic checkpoints, so it pauses
 * there; once its windows have added those rows the test stops it with a savepoint (no drain: no
 * window fires). The second job has the same operators (same uids) and an unlimited source, which
 * resumes at row 4 000 from its split state.
 */
class SavepointRestoreTest {

    private static final long N = 10_000;
    private static final int FIRST = 4_000;

    /** Rows the NPS windows have added in the running job (the MiniCluster runs in this JVM). */
    private static final AtomicLong ADDED = new AtomicLong();

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

    private static final class Sinks {
        final Jobs.QueueSink<Tuple3<String, Long, Row>> nps;
        final Jobs.QueueSink<Tuple3<String, Long, Row>> mean;
        final Jobs.QueueSink<Tuple3<String, Long, Row>> km;

        Sinks(String run) {
            nps = new Jobs.QueueSink<>(run + "-nps");
            mean = new Jobs.QueueSink<>(run + "-mean");
            km = new Jobs.QueueSink<>(run + "-km");
        }
    }

    private static int counted(Tuple6<String, Long, Integer, Double, Double, Boolean> r) {
        ADDED.incrementAndGet();
        return r.f2;
    }

    private static StreamGraph job(RateLimiterStrategy<?> limit, Sinks sinks) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        WindowedStream<Tuple6<String, Long, Integer, Double, Double, Boolean>, String, TimeWindow> daily =
                Jobs.daily(Jobs.rows(env, N, limit));
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, RatingAccumulator> nps =
                MetricAggregate.ofRatings(Jobs.NPS, SavepointRestoreTest::counted);
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, MeanAccumulator> mean =
                MetricAggregate.ofValues(Jobs.MEAN, r -> r.f3);
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, KaplanMeierAccumulator> km =
                MetricAggregate.ofLifetimes(Jobs.KM, r -> r.f4, r -> r.f5);
        daily.aggregate(nps, new Jobs.Tag<>(), nps.accumulatorType(), nps.resultType(), Jobs.tagged(nps.resultType()))
                .uid("nps-daily").sinkTo(sinks.nps).uid("nps-sink");
        daily.aggregate(mean, new Jobs.Tag<>(), mean.accumulatorType(), mean.resultType(),
                Jobs.tagged(mean.resultType())).uid("mean-daily").sinkTo(sinks.mean).uid("mean-sink");
        daily.aggregate(km, new Jobs.Tag<>(), km.accumulatorType(), km.resultType(), Jobs.tagged(km.resultType()))
                .uid("km-daily").sinkTo(sinks.km).uid("km-sink");
        return env.getStreamGraph();
    }

    @Test
    void stopWithSavepointMidwayThenRestoreGivesTheSinglePassResult(@TempDir Path savepoints) throws Exception {
        // 1. run until the windows hold the first 4 000 rows, then stop with a savepoint
        ADDED.set(0);
        Sinks first = new Sinks("sp-1");
        JobGraph job1 = job(RateLimiterStrategy.perCheckpoint(FIRST), first).getJobGraph();
        cluster.submitJob(job1).get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (ADDED.get() < FIRST) {
            assertThat(System.nanoTime()).as("the first job adds its first rows within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(200);
        assertThat(ADDED.get()).as("the first job pauses after its first rows").isEqualTo(FIRST);
        String savepoint = cluster.stopWithSavepoint(job1.getJobID(), savepoints.toUri().toString(), false,
                SavepointFormatType.CANONICAL).get();
        assertThat(cluster.requestJobResult(job1.getJobID()).get().getJobStatus())
                .contains(JobStatus.FINISHED);
        // the savepoint names the serializer snapshot that restores the window states
        byte[] metadata = Files.readAllBytes(Path.of(URI.create(savepoint)).resolve("_metadata"));
        assertThat(new String(metadata, StandardCharsets.ISO_8859_1))
                .contains(MergeableSerializerSnapshot.class.getName()).doesNotContain("Kryo");
        assertThat(first.nps.contents()).as("no window fired before the savepoint").isEmpty();
        assertThat(first.mean.contents()).isEmpty();
        assertThat(first.km.contents()).isEmpty();

        // 2. the same operators, restored from the savepoint, read the rest of the input
        ADDED.set(0);
        Sinks second = new Sinks("sp-2");
        StreamGraph graph = job(RateLimiterStrategy.noOp(), second);
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        JobGraph job2 = graph.getJobGraph();
        cluster.submitJob(job2).get();
        cluster.requestJobResult(job2.getJobID()).get().toJobExecutionResult(getClass().getClassLoader());
        assertThat(ADDED.get()).as("the restored job adds only the rows after the savepoint").isEqualTo(N - FIRST);

        Jobs.Reference ref = new Jobs.Reference(N);
        check(Jobs.byKey(second.nps.contents()), ref.nps, Jobs.NPS);
        check(Jobs.byKey(second.mean.contents()), ref.mean, Jobs.MEAN);
        check(Jobs.byKey(second.km.contents()), ref.km, Jobs.KM);
        long total = 0;
        for (Row r : Jobs.byKey(second.nps.contents()).values()) {
            total += (Long) r.getField(0);
        }
        assertThat(total).as("the counts include the rows restored from the savepoint").isEqualTo(N);
    }

    private static <A extends Mergeable<A>> void check(Map<String, Row> got, Map<String, A> ref, Metric<A> metric) {
        assertThat(got.keySet()).as(metric.name()).isEqualTo(ref.keySet());
        ref.forEach((k, acc) -> {
            Object[] expected = metric.result(acc);
            assertThat(Arrays.equals(Jobs.fields(got.get(k)), expected)).as(metric.name() + " " + k + ": "
                    + got.get(k) + " vs " + Arrays.toString(expected)).isTrue();
        });
    }
}
