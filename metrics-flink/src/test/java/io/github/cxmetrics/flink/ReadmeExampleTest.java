package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/** The example of metrics-flink/README.md, as written there (a local environment of its own). */
class ReadmeExampleTest {

    // README: class
    /** Puts the channel and the window's start beside the metric's row. */
    static final class WithWindow extends ProcessWindowFunction<Row, Tuple3<String, Long, Row>, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String channel, Context context, Iterable<Row> result, Collector<Tuple3<String, Long, Row>> out) {
            out.collect(Tuple3.of(channel, context.window().getStart(), result.iterator().next()));
        }
    }
    // README: end class

    @Test
    void npsPerChannelAndDay() throws Exception {
        // README: begin
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new Configuration().set(PipelineOptions.GENERIC_TYPES, false)); // no Kryo anywhere
        long day = Duration.ofDays(1).toMillis();
        // (channel, event time in ms, rating 0..10)
        DataStream<Tuple3<String, Long, Integer>> answers = env.fromData(
                        Types.TUPLE(Types.STRING, Types.LONG, Types.INT),
                        Tuple3.of("web", 1_000L, 10), Tuple3.of("web", 2_000L, 9), Tuple3.of("web", 3_000L, 3),
                        Tuple3.of("app", 4_000L, 7), Tuple3.of("app", 5_000L, 10),
                        Tuple3.of("web", day + 1_000L, 6))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Long, Integer>>forMonotonousTimestamps()
                        .withTimestampAssigner((answer, previous) -> answer.f1));

        MetricAggregate<Tuple3<String, Long, Integer>, RatingAccumulator> nps =
                MetricAggregate.ofRatings(Metrics.nps(), answer -> answer.f2);
        DataStream<Tuple3<String, Long, Row>> npsPerDay = answers
                .keyBy(answer -> answer.f0, Types.STRING)
                .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
                .aggregate(nps, new WithWindow(),
                        nps.accumulatorType(), nps.resultType(),
                        Types.TUPLE(Types.STRING, Types.LONG, nps.resultType()));

        List<Tuple3<String, Long, Row>> rows = npsPerDay.executeAndCollect(100);
        // row fields: count, promoters, passives, detractors, score, standard_error, lower, upper
        // README: end

        Map<String, Row> byKey = new TreeMap<>();
        rows.forEach(t -> byKey.put(t.f0 + "@" + t.f1, t.f2));
        assertThat(byKey).containsOnlyKeys("app@0", "web@0", "web@" + day);
        // web, day 0: ratings 10, 9, 3 -> 2 promoters, 0 passives, 1 detractor; NPS = 100 (2 - 1) / 3
        Row web = byKey.get("web@0");
        assertThat(Jobs.fields(web)).startsWith(3L, 2L, 0L, 1L);
        assertThat((Double) web.getField(4)).isCloseTo(100.0 / 3, within(1e-12));
        // app, day 0: 7 and 10 -> 1 passive, 1 promoter; NPS 50
        assertThat(Jobs.fields(byKey.get("app@0"))).startsWith(2L, 1L, 1L, 0L, 50.0);
        // web, day 1: one 6 -> one detractor; NPS -100
        assertThat(Jobs.fields(byKey.get("web@" + day))).startsWith(1L, 0L, 0L, 1L, -100.0);
    }
}
