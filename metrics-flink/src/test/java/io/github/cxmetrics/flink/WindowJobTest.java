package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple6;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
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
 * One windowed job on a MiniCluster, with generic types disabled: NPS, mean and Kaplan–Meier per
 * segment and day, as result rows and as states, and the daily states rolled up to the week, all
 * compared with one single-JVM pass over the same 10^4 rows.
 */
class WindowJobTest {

    private static final long N = 10_000;

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

    private static StreamExecutionEnvironment environment() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    private static void run(StreamExecutionEnvironment env) throws Exception {
        JobGraph job = env.getStreamGraph().getJobGraph();
        cluster.submitJob(job).get();
        JobResult result = cluster.requestJobResult(job.getJobID()).get();
        result.toJobExecutionResult(WindowJobTest.class.getClassLoader()); // throws the job's failure
    }

    @Test
    void windowResultsAndStatesEqualOneSinglePassPerSegmentAndDay() throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<Tuple6<String, Long, Integer, Double, Double, Boolean>> rows = Jobs.rows(env, N,
                RateLimiterStrategy.noOp());
        WindowedStream<Tuple6<String, Long, Integer, Double, Double, Boolean>, String, TimeWindow> daily = Jobs.daily(rows);

        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, RatingAccumulator> nps =
                MetricAggregate.ofRatings(Jobs.NPS, r -> r.f2);
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, MeanAccumulator> mean =
                MetricAggregate.ofValues(Jobs.MEAN, r -> r.f3);
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, KaplanMeierAccumulator> km =
                MetricAggregate.ofLifetimes(Jobs.KM, r -> r.f4, r -> r.f5);

        Jobs.QueueSink<Tuple3<String, Long, Row>> npsRows = new Jobs.QueueSink<>("w-nps");
        Jobs.QueueSink<Tuple3<String, Long, Row>> meanRows = new Jobs.QueueSink<>("w-mean");
        Jobs.QueueSink<Tuple3<String, Long, Row>> kmRows = new Jobs.QueueSink<>("w-km");
        Jobs.QueueSink<Tuple3<String, Long, RatingAccumulator>> npsStates = new Jobs.QueueSink<>("w-nps-state");
        Jobs.QueueSink<Tuple3<String, Long, MeanAccumulator>> meanStates = new Jobs.QueueSink<>("w-mean-state");
        Jobs.QueueSink<Tuple3<String, Long, KaplanMeierAccumulator>> kmStates = new Jobs.QueueSink<>("w-km-state");
        Jobs.QueueSink<Tuple3<String, Long, Row>> npsWeek = new Jobs.QueueSink<>("w-nps-week");
        Jobs.QueueSink<Tuple3<String, Long, Row>> meanWeek = new Jobs.QueueSink<>("w-mean-week");

        daily.aggregate(nps, new Jobs.Tag<>(), nps.accumulatorType(), nps.resultType(), Jobs.tagged(nps.resultType()))
                .sinkTo(npsRows);
        daily.aggregate(mean, new Jobs.Tag<>(), mean.accumulatorType(), mean.resultType(), Jobs.tagged(mean.resultType()))
                .sinkTo(meanRows);
        daily.aggregate(km, new Jobs.Tag<>(), km.accumulatorType(), km.resultType(), Jobs.tagged(km.resultType()))
                .sinkTo(kmRows);

        StateAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, RatingAccumulator> npsS = nps.states();
        StateAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, MeanAccumulator> meanS = mean.states();
        StateAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, KaplanMeierAccumulator> kmS = km.states();
        DataStream<Tuple3<String, Long, RatingAccumulator>> npsDaily = daily.aggregate(npsS, new Jobs.Tag<>(),
                npsS.accumulatorType(), npsS.accumulatorType(), Jobs.tagged(npsS.accumulatorType()));
        DataStream<Tuple3<String, Long, MeanAccumulator>> meanDaily = daily.aggregate(meanS, new Jobs.Tag<>(),
                meanS.accumulatorType(), meanS.accumulatorType(), Jobs.tagged(meanS.accumulatorType()));
        npsDaily.sinkTo(npsStates);
        meanDaily.sinkTo(meanStates);
        daily.aggregate(kmS, new Jobs.Tag<>(), kmS.accumulatorType(), kmS.accumulatorType(),
                Jobs.tagged(kmS.accumulatorType())).sinkTo(kmStates);

        // the daily states, shipped through the network in their byte form, rolled up to 7-day windows
        MergeAggregate<RatingAccumulator> npsRollUp = MergeAggregate.of(Jobs.NPS);
        MergeAggregate<MeanAccumulator> meanRollUp = MergeAggregate.of(Jobs.MEAN);
        npsDaily.map(t -> t.f2, npsS.accumulatorType()).keyBy(a -> "all", org.apache.flink.api.common.typeinfo.Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofDays(Jobs.DAYS)))
                .aggregate(npsRollUp, new Jobs.Tag<>(), npsRollUp.accumulatorType(), npsRollUp.resultType(),
                        Jobs.tagged(npsRollUp.resultType()))
                .sinkTo(npsWeek);
        meanDaily.keyBy(t -> t.f0, org.apache.flink.api.common.typeinfo.Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofDays(Jobs.DAYS)))
                .aggregate(new TupleStates<>(meanRollUp), new Jobs.Tag<>(), meanRollUp.accumulatorType(),
                        meanRollUp.resultType(), Jobs.tagged(meanRollUp.resultType()))
                .sinkTo(meanWeek);

        run(env);

        Jobs.Reference ref = new Jobs.Reference(N);
        assertThat(ref.nps).hasSize(Jobs.SEGMENTS * Jobs.DAYS);
        checkRows(Jobs.byKey(npsRows.contents()), ref.nps, Jobs.NPS);
        checkRows(Jobs.byKey(meanRows.contents()), ref.mean, Jobs.MEAN);
        checkRows(Jobs.byKey(kmRows.contents()), ref.km, Jobs.KM);
        checkStates(Jobs.byKey(npsStates.contents()), ref.nps);
        checkStates(Jobs.byKey(meanStates.contents()), ref.mean);
        checkStates(Jobs.byKey(kmStates.contents()), ref.km);

        // the week over all segments: counts merge exactly in any order
        RatingAccumulator week = Jobs.NPS.newAccumulator();
        ref.nps.values().forEach(week::merge);
        assertThat(npsWeek.contents()).hasSize(1);
        assertThat(Jobs.fields(npsWeek.contents().get(0).f2)).isEqualTo(Jobs.NPS.result(week));
        assertThat((Long) npsWeek.contents().get(0).f2.getField(0)).isEqualTo(N);

        // per segment, the mean's days arrive in window order (one upstream subtask per key, timers
        // fire in time order), so merging the reference's days in that order gives the same bits
        Map<String, MeanAccumulator> meanWeekRef = new HashMap<>();
        for (int day = 0; day < Jobs.DAYS; day++) {
            for (int seg = 0; seg < Jobs.SEGMENTS; seg++) {
                MeanAccumulator acc = ref.mean.get(Jobs.key("seg-" + seg, day * Jobs.DAY));
                meanWeekRef.computeIfAbsent("seg-" + seg, s -> Jobs.MEAN.newAccumulator()).merge(acc);
            }
        }
        Map<String, Row> meanWeekGot = new HashMap<>();
        for (Tuple3<String, Long, Row> t : meanWeek.contents()) {
            meanWeekGot.put(t.f0, t.f2);
        }
        assertThat(meanWeekGot.keySet()).isEqualTo(meanWeekRef.keySet());
        meanWeekRef.forEach((seg, acc) -> assertThat(Jobs.fields(meanWeekGot.get(seg))).as(seg)
                .isEqualTo(Jobs.MEAN.result(acc)));
    }

    private static <A extends io.github.cxmetrics.stats.Mergeable<A>> void checkRows(Map<String, Row> got,
            Map<String, A> ref, io.github.cxmetrics.metric.Metric<A> metric) {
        assertThat(got.keySet()).as(metric.name()).isEqualTo(ref.keySet());
        ref.forEach((k, acc) -> {
            Object[] expected = metric.result(acc);
            assertThat(Arrays.equals(Jobs.fields(got.get(k)), expected)).as(metric.name() + " " + k + ": "
                    + got.get(k) + " vs " + Arrays.toString(expected)).isTrue();
        });
    }

    private static <A extends io.github.cxmetrics.stats.Mergeable<A>> void checkStates(Map<String, A> got,
            Map<String, A> ref) {
        assertThat(got.keySet()).isEqualTo(ref.keySet());
        ref.forEach((k, acc) -> assertThat(got.get(k).toByteArray()).as(k).isEqualTo(acc.toByteArray()));
    }

    /** Rolls up (segment, start, state) triples with a MergeAggregate. */
    static final class TupleStates<A extends io.github.cxmetrics.stats.Mergeable<A>>
            implements org.apache.flink.api.common.functions.AggregateFunction<Tuple3<String, Long, A>, A, Row> {
        private static final long serialVersionUID = 1L;
        private final MergeAggregate<A> rollUp;

        TupleStates(MergeAggregate<A> rollUp) {
            this.rollUp = rollUp;
        }

        @Override
        public A createAccumulator() {
            return rollUp.createAccumulator();
        }

        @Override
        public A add(Tuple3<String, Long, A> value, A accumulator) {
            return rollUp.add(value.f2, accumulator);
        }

        @Override
        public Row getResult(A accumulator) {
            return rollUp.getResult(accumulator);
        }

        @Override
        public A merge(A a, A b) {
            return rollUp.merge(a, b);
        }
    }

    @Test
    void theKryoFallbackIsRefusedUnderDisabledGenericTypesAndTheByteFormTypeIsNot() {
        StreamExecutionEnvironment env = environment();
        MetricAggregate<Tuple6<String, Long, Integer, Double, Double, Boolean>, RatingAccumulator> nps =
                MetricAggregate.ofRatings(Jobs.NPS, r -> r.f2);
        WindowedStream<Tuple6<String, Long, Integer, Double, Double, Boolean>, String, TimeWindow> daily =
                Jobs.daily(Jobs.rows(env, 10, RateLimiterStrategy.noOp()));
        // what Flink's type extraction gives the accumulator: RatingAccumulator is no POJO, so Kryo
        TypeInformation<RatingAccumulator> extracted = TypeInformation.of(RatingAccumulator.class);
        assertThat(extracted).isInstanceOf(GenericTypeInfo.class);
        assertThatThrownBy(() -> daily.aggregate(nps, extracted, nps.resultType()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Generic types have been disabled")
                .hasMessageContaining(RatingAccumulator.class.getName());
        daily.aggregate(nps, nps.accumulatorType(), nps.resultType()).sinkTo(new Jobs.QueueSink<>("w-unused"));
        assertThat(env.getStreamGraph().getJobGraph().getNumberOfVertices()).isPositive();
    }
}
