package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.survey.RatingAccumulator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Opt-in throughput comparison ({@code mvn ... -Pthroughput}, which sets
 * {@code cxmetrics.throughput=true}): the NPS aggregation against Kafka's own {@code count()} of the
 * same shape (group by segment, in-memory store, caching on), each in its own TopologyTestDriver,
 * runs alternating, best of {@value #RUNS} after a warm-up. The driver commits after every record,
 * so this measures the driver's per-record cost with each value type, not a real application's
 * throughput.
 */
@EnabledIfSystemProperty(named = "cxmetrics.throughput", matches = "true")
class ThroughputTest {

    static final int N = Integer.getInteger("cxmetrics.throughput.records", 100_000);
    static final int RUNS = 3;

    static Topology npsTopology() {
        MetricAggregate<Integer, RatingAccumulator> nps = CxStreams.aggregate(Metrics.nps());
        StreamsBuilder b = new StreamsBuilder();
        b.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .aggregate(nps.initializer(), nps.aggregator(),
                        nps.<String>materialized(Stores.inMemoryKeyValueStore("s")).withKeySerde(Serdes.String()));
        return b.build();
    }

    static Topology countTopology() {
        StreamsBuilder b = new StreamsBuilder();
        b.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .count(Materialized.<String, Long>as(Stores.inMemoryKeyValueStore("s")).withKeySerde(Serdes.String()));
        return b.build();
    }

    static long pipeNanos(TopologyTestDriver driver, int n) {
        TestInputTopic<String, Integer> in = driver.createInputTopic("ratings",
                Serdes.String().serializer(), Serdes.Integer().serializer());
        String[] keys = new String[n];
        Integer[] values = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = TestData.segment(i);
            values[i] = TestData.rating(i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            in.pipeInput(keys[i], values[i]);
        }
        return System.nanoTime() - t0;
    }

    @Test
    void npsAggregationAgainstKafkasCount() {
        RatingMetric nps = Metrics.nps();
        try (TopologyTestDriver a = new TopologyTestDriver(npsTopology(), TestData.config("tp-nps", TestData.stateDir("tp-nps")));
                TopologyTestDriver c = new TopologyTestDriver(countTopology(), TestData.config("tp-count", TestData.stateDir("tp-count")))) {
            pipeNanos(a, N / 5);
            pipeNanos(c, N / 5);
            long bestNps = Long.MAX_VALUE;
            long bestCount = Long.MAX_VALUE;
            for (int r = 0; r < RUNS; r++) {
                bestNps = Math.min(bestNps, pipeNanos(a, N));
                bestCount = Math.min(bestCount, pipeNanos(c, N));
            }
            long bestLoop = Long.MAX_VALUE;
            for (int r = 0; r < RUNS; r++) {
                long t0 = System.nanoTime();
                RatingAccumulator[] accs = new RatingAccumulator[TestData.SEGMENTS];
                for (int s = 0; s < accs.length; s++) {
                    accs[s] = nps.newAccumulator();
                }
                for (int i = 0; i < N; i++) {
                    nps.add(accs[TestData.uniform(i, 1, TestData.SEGMENTS)], TestData.rating(i));
                }
                bestLoop = Math.min(bestLoop, System.nanoTime() - t0);
                assertThat(accs[0].count()).isPositive();
            }
            System.out.printf("throughput, %d records, best of %d: nps aggregate %.3f s (%.1f us/record), "
                    + "Kafka count() %.3f s (%.1f us/record), ratio %.2f; plain loop incl. generating the records %.1f ms%n",
                    N, RUNS, bestNps / 1e9, bestNps / 1e3 / N, bestCount / 1e9, bestCount / 1e3 / N,
                    (double) bestNps / bestCount, bestLoop / 1e6);
        }
    }
}
