package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code groupByKey().aggregate(...)} into in-memory stores, one driver for the class: NPS of plain
 * ratings, CSAT of weighted ratings read from a text record, the mean of weighted values and
 * Kaplan&ndash;Meier of lifetimes, 10<sup>4</sup> records each. Expected values are one single-JVM
 * pass over the same records ({@code metric.add} per record into one accumulator per key, a
 * {@code TreeMap}), and "exact" means the stored states have the same bytes and the results are
 * equal ({@link Arrays#equals(Object[], Object[])}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryAggregateTest {

    static final int N = 10_000;

    final RatingMetric nps = Metrics.nps();
    final RatingMetric csat = Metrics.csat();
    final ValueMetric mean = Metrics.mean();
    final LifetimeMetric km = Metrics.kaplanMeier();

    TopologyTestDriver driver;
    Map<String, String> npsJson;

    @BeforeAll
    void run() {
        Path stateDir = TestData.stateDir("in-memory");
        StreamsBuilder builder = new StreamsBuilder();
        MetricAggregate<Integer, RatingAccumulator> npsAgg = CxStreams.aggregate(nps);
        builder.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .aggregate(npsAgg.initializer(), npsAgg.aggregator(),
                        npsAgg.<String>materialized(Stores.inMemoryKeyValueStore("nps")).withKeySerde(Serdes.String()))
                .toStream()
                .mapValues(npsAgg.json())
                .to("nps-results", Produced.with(Serdes.String(), Serdes.String()));

        // "rating;weight" text records: the extractor form
        MetricAggregate<String, RatingAccumulator> csatAgg = CxStreams.ratings(csat,
                (String s) -> Integer.parseInt(s.substring(0, s.indexOf(';'))),
                (String s) -> Double.parseDouble(s.substring(s.indexOf(';') + 1)));
        builder.stream("csat-answers", Consumed.with(Serdes.String(), Serdes.String()))
                .groupByKey()
                .aggregate(csatAgg.initializer(), csatAgg.aggregator(),
                        csatAgg.<String>materialized(Stores.inMemoryKeyValueStore("csat")).withKeySerde(Serdes.String()));

        MetricAggregate<double[], MeanAccumulator> meanAgg = CxStreams.values(mean, (double[] v) -> v[0], (double[] v) -> v[1]);
        builder.stream("handling-times", Consumed.with(Serdes.String(), PairSerde.INSTANCE))
                .groupByKey()
                .aggregate(meanAgg.initializer(), meanAgg.aggregator(),
                        meanAgg.<String>materialized(Stores.inMemoryKeyValueStore("mean")).withKeySerde(Serdes.String()));

        MetricAggregate<double[], KaplanMeierAccumulator> kmAgg = CxStreams.lifetimes(km, (double[] v) -> v[0], (double[] v) -> v[1] != 0);
        builder.stream("tenures", Consumed.with(Serdes.String(), PairSerde.INSTANCE))
                .groupByKey()
                .aggregate(kmAgg.initializer(), kmAgg.aggregator(),
                        kmAgg.<String>materialized(Stores.inMemoryKeyValueStore("km")).withKeySerde(Serdes.String()));

        driver = new TopologyTestDriver(builder.build(), TestData.config("in-memory-test", stateDir));
        TestInputTopic<String, Integer> ratings = driver.createInputTopic("ratings",
                Serdes.String().serializer(), Serdes.Integer().serializer());
        TestInputTopic<String, String> answers = driver.createInputTopic("csat-answers",
                Serdes.String().serializer(), Serdes.String().serializer());
        TestInputTopic<String, double[]> times = driver.createInputTopic("handling-times",
                Serdes.String().serializer(), PairSerde.INSTANCE.serializer());
        TestInputTopic<String, double[]> tenures = driver.createInputTopic("tenures",
                Serdes.String().serializer(), PairSerde.INSTANCE.serializer());
        for (long i = 0; i < N; i++) {
            ratings.pipeInput(TestData.segment(i), TestData.rating(i));
            answers.pipeInput(TestData.segment(i), TestData.rating5(i) + ";" + TestData.weight(i));
            times.pipeInput(TestData.segment(i), new double[] {TestData.value(i), TestData.weight(i)});
            tenures.pipeInput(TestData.segment(i), new double[] {TestData.duration(i), TestData.observed(i) ? 1 : 0});
        }
        npsJson = driver.createOutputTopic("nps-results", Serdes.String().deserializer(), Serdes.String().deserializer())
                .readKeyValuesToMap();
    }

    @AfterAll
    void close() {
        driver.close();
    }

    /** One single-JVM pass over the records: an accumulator per segment. */
    static <A extends Mergeable<A>> Map<String, A> reference(Metric<A> metric, java.util.function.BiConsumer<A, Long> add) {
        Map<String, A> states = new TreeMap<>();
        for (long i = 0; i < N; i++) {
            add.accept(states.computeIfAbsent(TestData.segment(i), k -> metric.newAccumulator()), i);
        }
        return states;
    }

    static <A extends Mergeable<A>> Map<String, A> stored(KeyValueStore<String, ValueAndTimestamp<A>> store) {
        Map<String, A> states = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<A>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<A>> kv = it.next();
                states.put(kv.key, kv.value.value());
            }
        }
        return states;
    }

    static <A extends Mergeable<A>> void assertExact(Metric<A> metric, Map<String, A> expected, Map<String, A> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet()).hasSize(TestData.SEGMENTS);
        for (String key : expected.keySet()) {
            assertThat(actual.get(key).toByteArray()).as(key).isEqualTo(expected.get(key).toByteArray());
            Object[] want = metric.result(expected.get(key));
            Object[] got = metric.result(actual.get(key));
            assertThat(want).as(key).isNotNull();
            assertThat(Arrays.equals(got, want)).as(key + ": " + Arrays.toString(got) + " vs " + Arrays.toString(want)).isTrue();
        }
        long total = 0;
        for (A state : actual.values()) {
            total += (Long) metric.result(state)[0]; // the count field comes first in every metric
        }
        assertThat(total).isEqualTo(N);
    }

    @Test
    void npsPerSegmentIsExact() {
        Map<String, RatingAccumulator> want = reference(nps, (acc, i) -> nps.add(acc, TestData.rating(i)));
        assertExact(nps, want, stored(driver.<String, RatingAccumulator>getTimestampedKeyValueStore("nps")));
    }

    @Test
    void npsResultTopicCarriesTheLatestResultPerSegmentAsJson() {
        Map<String, RatingAccumulator> want = reference(nps, (acc, i) -> nps.add(acc, TestData.rating(i)));
        assertThat(npsJson.keySet()).isEqualTo(want.keySet());
        for (Map.Entry<String, RatingAccumulator> e : want.entrySet()) {
            assertThat(npsJson.get(e.getKey())).isEqualTo(MetricResult.of(nps, e.getValue()).toJson());
        }
    }

    @Test
    void weightedCsatFromTextRecordsIsExact() {
        LongFunction<String> text = i -> TestData.rating5(i) + ";" + TestData.weight(i);
        Map<String, RatingAccumulator> want = reference(csat, (acc, i) -> {
            String s = text.apply(i);
            csat.add(acc, Integer.parseInt(s.split(";")[0]), Double.parseDouble(s.split(";")[1]));
        });
        assertExact(csat, want, stored(driver.<String, RatingAccumulator>getTimestampedKeyValueStore("csat")));
    }

    @Test
    void weightedMeanIsExact() {
        Map<String, MeanAccumulator> want = reference(mean, (acc, i) -> mean.add(acc, TestData.value(i), TestData.weight(i)));
        assertExact(mean, want, stored(driver.<String, MeanAccumulator>getTimestampedKeyValueStore("mean")));
    }

    @Test
    void kaplanMeierIsExact() {
        Map<String, KaplanMeierAccumulator> want = reference(km, (acc, i) -> km.add(acc, TestData.duration(i), TestData.observed(i)));
        assertExact(km, want, stored(driver.<String, KaplanMeierAccumulator>getTimestampedKeyValueStore("km")));
    }

    /** Two doubles as 16 bytes, for the value and lifetime topics of the test. */
    static final class PairSerde extends Serdes.WrapperSerde<double[]> {
        static final PairSerde INSTANCE = new PairSerde();

        PairSerde() {
            super((topic, v) -> v == null ? null
                            : java.nio.ByteBuffer.allocate(16).putDouble(v[0]).putDouble(v[1]).array(),
                    (topic, b) -> b == null ? null
                            : new double[] {java.nio.ByteBuffer.wrap(b).getDouble(0), java.nio.ByteBuffer.wrap(b).getDouble(8)});
        }
    }

}
