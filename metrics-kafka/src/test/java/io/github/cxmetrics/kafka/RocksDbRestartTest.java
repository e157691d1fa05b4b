package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * NPS per segment in Kafka Streams' default persistent store (RocksDB, through
 * {@link MetricAggregate#materialized(String)}), stopped half way and restarted twice:
 * <ol>
 *   <li>driver A processes the first half of the records and is closed;</li>
 *   <li>driver B opens driver A's state directory as A left it at its last commit (what a restarted
 *       instance does with its local RocksDB and offset checkpoint; the directory is copied because
 *       TopologyTestDriver deletes its own on close), must find the first half's states, and
 *       processes the second half;</li>
 *   <li>driver C starts on an empty state directory and restores the store from the changelog topic
 *       driver A wrote, as Kafka Streams does on a new instance: the latest record per key (what log
 *       compaction keeps), read with the state serde and put into the store; then it processes the
 *       second half.</li>
 * </ol>
 * Every stage must equal one single-JVM pass over the same records (state bytes and
 * {@link Arrays#equals(Object[], Object[])} of the results). TopologyTestDriver commits after every
 * record and with RocksDB that costs a flush and a checkpoint each (about 6 ms a record), hence only
 * {@value #HALF} records a half.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RocksDbRestartTest {

    static final int HALF = 500;
    static final String STORE = "nps-rocks";
    static final String CHANGELOG = "rocks-test-" + STORE + "-changelog";

    final RatingMetric nps = Metrics.nps();
    final MetricAggregate<Integer, RatingAccumulator> agg = CxStreams.aggregate(nps);

    Map<String, RatingAccumulator> afterA;
    Map<String, RatingAccumulator> openedB;
    Map<String, RatingAccumulator> afterB;
    Map<String, RatingAccumulator> restoredC;
    Map<String, RatingAccumulator> afterC;
    List<TestRecord<String, byte[]>> changelogA;
    List<TestRecord<String, byte[]>> changelogB;

    Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .aggregate(agg.initializer(), agg.aggregator(), agg.<String>materialized(STORE).withKeySerde(Serdes.String()));
        return builder.build();
    }

    static void pipe(TopologyTestDriver driver, long from, long to) {
        TestInputTopic<String, Integer> in = driver.createInputTopic("ratings",
                Serdes.String().serializer(), Serdes.Integer().serializer());
        for (long i = from; i < to; i++) {
            in.pipeInput(TestData.segment(i), TestData.rating(i), 1_000L * i);
        }
    }

    static Map<String, RatingAccumulator> stored(TopologyTestDriver driver) {
        KeyValueStore<String, ValueAndTimestamp<RatingAccumulator>> store = driver.getTimestampedKeyValueStore(STORE);
        Map<String, RatingAccumulator> states = new TreeMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<RatingAccumulator>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, ValueAndTimestamp<RatingAccumulator>> kv = it.next();
                states.put(kv.key, kv.value.value());
            }
        }
        return states;
    }

    static List<TestRecord<String, byte[]>> changelog(TopologyTestDriver driver) {
        return driver.createOutputTopic(CHANGELOG, Serdes.String().deserializer(), Serdes.ByteArray().deserializer())
                .readRecordsToList();
    }

    /** What log compaction keeps of a changelog: the latest record per key. */
    static Map<String, TestRecord<String, byte[]>> compacted(List<TestRecord<String, byte[]>> log) {
        Map<String, TestRecord<String, byte[]>> latest = new TreeMap<>();
        for (TestRecord<String, byte[]> r : log) {
            latest.put(r.key(), r);
        }
        return latest;
    }

    @BeforeAll
    void run() throws IOException {
        Path dirA = TestData.stateDir("rocks-a");
        Path dirB = TestData.stateDir("rocks-b");
        Path dirC = TestData.stateDir("rocks-c");
        try (TopologyTestDriver a = new TopologyTestDriver(topology(), TestData.config("rocks-test", dirA))) {
            pipe(a, 0, HALF);
            afterA = stored(a);
            changelogA = changelog(a);
            // TopologyTestDriver.close() deletes its state directory (a real instance keeps it), so the
            // directory as it is after the last commit (the driver commits, i.e. flushes RocksDB and
            // writes the offset checkpoint, after every record) is copied for the restart
            copy(dirA, dirB);
        }
        try (TopologyTestDriver b = new TopologyTestDriver(topology(), TestData.config("rocks-test", dirB))) {
            openedB = stored(b);
            pipe(b, HALF, 2 * HALF);
            afterB = stored(b);
            changelogB = changelog(b);
        }
        try (TopologyTestDriver c = new TopologyTestDriver(topology(), TestData.config("rocks-test", dirC))) {
            KeyValueStore<String, ValueAndTimestamp<RatingAccumulator>> store = c.getTimestampedKeyValueStore(STORE);
            assertThat(store.approximateNumEntries()).as("a fresh state directory").isZero();
            for (TestRecord<String, byte[]> r : compacted(changelogA).values()) {
                store.put(r.key(), ValueAndTimestamp.make(agg.serde().deserializer().deserialize(CHANGELOG, r.value()),
                        r.timestamp()));
            }
            restoredC = stored(c);
            pipe(c, HALF, 2 * HALF);
            afterC = stored(c);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** One single-JVM pass over records from..to-1. */
    Map<String, RatingAccumulator> reference(long to) {
        Map<String, RatingAccumulator> states = new TreeMap<>();
        for (long i = 0; i < to; i++) {
            nps.add(states.computeIfAbsent(TestData.segment(i), k -> nps.newAccumulator()), TestData.rating(i));
        }
        return states;
    }

    void assertExact(Map<String, RatingAccumulator> want, Map<String, RatingAccumulator> got) {
        assertThat(got.keySet()).isEqualTo(want.keySet()).hasSize(TestData.SEGMENTS);
        for (String key : want.keySet()) {
            assertThat(got.get(key).toByteArray()).as(key).isEqualTo(want.get(key).toByteArray());
            assertThat(Arrays.equals(nps.result(got.get(key)), nps.result(want.get(key)))).as(key).isTrue();
        }
    }

    @Test
    void firstHalfIsExactInRocksDb() {
        assertExact(reference(HALF), afterA);
    }

    @Test
    void restartOnTheSameStateDirectoryFindsTheStatesAndContinuesExactly() {
        assertExact(reference(HALF), openedB);
        assertExact(reference(2 * HALF), afterB);
    }

    @Test
    void changelogRecordsAreTheStatesByteFormOnePerUpdate() {
        assertThat(changelogA).hasSize(HALF); // the driver commits, so flushes the cache, after every record
        assertThat(changelogB).hasSize(HALF);
        for (TestRecord<String, byte[]> r : changelogA) {
            assertThat(StateFamily.read(r.value())).isInstanceOf(RatingAccumulator.class);
        }
        Map<String, RatingAccumulator> want = reference(HALF);
        Map<String, TestRecord<String, byte[]>> latest = compacted(changelogA);
        assertThat(latest.keySet()).isEqualTo(want.keySet());
        for (String key : want.keySet()) {
            assertThat(latest.get(key).value()).as(key).isEqualTo(want.get(key).toByteArray());
        }
    }

    @Test
    void restoreFromTheChangelogOnAnEmptyStateDirectoryContinuesExactly() {
        assertExact(reference(HALF), restoredC);
        assertExact(reference(2 * HALF), afterC);
        assertExact(afterB, afterC);
    }
}
