package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.SessionWindows;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.SessionStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * NPS per segment and day (tumbling one-day windows, the README's example topology) and per session
 * (session windows, which merge states with {@link MetricAggregate#merger()}), one driver for the
 * class, in-memory window and session stores. 10<sup>4</sup> records with event times shuffled over a
 * week (a grace period of a week, so none is late). Expected values: one single-JVM pass over the
 * same records, one accumulator per (segment, day) and per (segment, session), the sessions found
 * independently by sorting each segment's event times and splitting at gaps wider than the
 * inactivity gap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WindowedAggregateTest {

    static final int N = 10_000;
    static final int SESSION_N = 2_000;
    /** Session records: 200 per segment spread over 1e6 ms, so gaps of 4 s both split and join sessions. */
    static final long SESSION_SPAN_MS = 1_000_000L;
    static final long GAP_MS = 4_000L;

    final RatingMetric nps = Metrics.nps();
    final MetricAggregate<Integer, RatingAccumulator> agg = CxStreams.aggregate(nps);
    TopologyTestDriver driver;
    Map<String, String> dailyJson;
    int mergerCalls;

    static long sessionTime(long i) {
        return Long.remainderUnsigned(TestData.mix(i * 31 + 11), SESSION_SPAN_MS);
    }

    @BeforeAll
    void run() {
        Path stateDir = TestData.stateDir("windowed");
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), Duration.ofDays(7)))
                .aggregate(agg.initializer(), agg.aggregator(),
                        agg.<String>windowed(Stores.inMemoryWindowStore("nps-daily", Duration.ofDays(30),
                                Duration.ofDays(1), false)).withKeySerde(Serdes.String()))
                .toStream((w, state) -> w.key() + "@" + w.window().startTime())
                .mapValues(agg.json())
                .to("nps-daily", Produced.with(Serdes.String(), Serdes.String()));

        builder.stream("session-ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .windowedBy(SessionWindows.ofInactivityGapAndGrace(Duration.ofMillis(GAP_MS), Duration.ofDays(1)))
                .aggregate(agg.initializer(), agg.aggregator(), (key, a, b) -> {
                    mergerCalls++; // counts that Kafka really merged sessions
                    return agg.merger().apply(key, a, b);
                },
                        agg.<String>sessions(Stores.inMemorySessionStore("nps-sessions", Duration.ofDays(30)))
                                .withKeySerde(Serdes.String()));

        driver = new TopologyTestDriver(builder.build(), TestData.config("windowed-test", stateDir));
        TestInputTopic<String, Integer> ratings = driver.createInputTopic("ratings",
                Serdes.String().serializer(), Serdes.Integer().serializer());
        for (long i = 0; i < N; i++) {
            ratings.pipeInput(TestData.segment(i), TestData.rating(i), TestData.timestamp(i));
        }
        TestInputTopic<String, Integer> sessionRatings = driver.createInputTopic("session-ratings",
                Serdes.String().serializer(), Serdes.Integer().serializer());
        for (long i = 0; i < SESSION_N; i++) {
            sessionRatings.pipeInput(TestData.segment(i), TestData.rating(i), sessionTime(i));
        }
        dailyJson = driver.createOutputTopic("nps-daily", Serdes.String().deserializer(), Serdes.String().deserializer())
                .readKeyValuesToMap();
    }

    @AfterAll
    void close() {
        driver.close();
    }

    /** The single-JVM pass: an accumulator per "segment@day start". */
    Map<String, RatingAccumulator> dailyReference() {
        Map<String, RatingAccumulator> states = new TreeMap<>();
        for (long i = 0; i < N; i++) {
            long day = TestData.timestamp(i) / TestData.DAY_MS * TestData.DAY_MS;
            String key = TestData.segment(i) + "@" + Instant.ofEpochMilli(day);
            nps.add(states.computeIfAbsent(key, k -> nps.newAccumulator()), TestData.rating(i));
        }
        return states;
    }

    @Test
    void npsPerSegmentAndDayIsExact() {
        Map<String, RatingAccumulator> want = dailyReference();
        assertThat(want).hasSize(TestData.SEGMENTS * 7);
        WindowStore<String, ValueAndTimestamp<RatingAccumulator>> store = driver.getTimestampedWindowStore("nps-daily");
        Map<String, RatingAccumulator> got = new TreeMap<>();
        try (KeyValueIterator<Windowed<String>, ValueAndTimestamp<RatingAccumulator>> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, ValueAndTimestamp<RatingAccumulator>> kv = it.next();
                got.put(kv.key.key() + "@" + kv.key.window().startTime(), kv.value.value());
            }
        }
        assertThat(got.keySet()).isEqualTo(want.keySet());
        for (String key : want.keySet()) {
            assertThat(got.get(key).toByteArray()).as(key).isEqualTo(want.get(key).toByteArray());
            assertThat(Arrays.equals(nps.result(got.get(key)), nps.result(want.get(key)))).as(key).isTrue();
        }
    }

    @Test
    void dailyResultTopicCarriesTheFinalResultOfEveryWindowAsJson() {
        Map<String, RatingAccumulator> want = dailyReference();
        assertThat(dailyJson.keySet()).isEqualTo(want.keySet());
        for (Map.Entry<String, RatingAccumulator> e : want.entrySet()) {
            assertThat(dailyJson.get(e.getKey())).as(e.getKey()).isEqualTo(MetricResult.of(nps, e.getValue()).toJson());
        }
    }

    @Test
    void dailyStatesRollUpToTheWeekExactly() {
        WindowStore<String, ValueAndTimestamp<RatingAccumulator>> store = driver.getTimestampedWindowStore("nps-daily");
        for (int s = 0; s < TestData.SEGMENTS; s++) {
            String segment = "seg-" + s;
            RatingAccumulator week = nps.newAccumulator();
            int days = 0;
            try (var it = store.fetch(segment, Instant.EPOCH, Instant.ofEpochMilli(7 * TestData.DAY_MS))) {
                while (it.hasNext()) {
                    week.merge(it.next().value.value());
                    days++;
                }
            }
            RatingAccumulator onePass = nps.newAccumulator();
            for (long i = 0; i < N; i++) {
                if (TestData.segment(i).equals(segment)) {
                    nps.add(onePass, TestData.rating(i));
                }
            }
            assertThat(days).isEqualTo(7);
            assertThat(week.toByteArray()).as(segment).isEqualTo(onePass.toByteArray());
            assertThat(Arrays.equals(nps.result(week), nps.result(onePass))).as(segment).isTrue();
        }
    }

    @Test
    void sessionsMergedByTheMergerAreExact() {
        // independent sessionisation: sort each segment's event times, a new session where the gap exceeds GAP_MS
        Map<String, List<long[]>> bySegment = new TreeMap<>();
        for (long i = 0; i < SESSION_N; i++) {
            bySegment.computeIfAbsent(TestData.segment(i), k -> new ArrayList<>()).add(new long[] {sessionTime(i), i});
        }
        Map<String, RatingAccumulator> want = new TreeMap<>();
        for (Map.Entry<String, List<long[]>> e : bySegment.entrySet()) {
            List<long[]> recs = e.getValue();
            recs.sort((a, b) -> Long.compare(a[0], b[0]));
            int start = 0;
            for (int j = 1; j <= recs.size(); j++) {
                if (j == recs.size() || recs.get(j)[0] - recs.get(j - 1)[0] > GAP_MS) {
                    RatingAccumulator acc = nps.newAccumulator();
                    for (int k = start; k < j; k++) {
                        nps.add(acc, TestData.rating(recs.get(k)[1]));
                    }
                    want.put(e.getKey() + "@" + recs.get(start)[0] + ".." + recs.get(j - 1)[0], acc);
                    start = j;
                }
            }
        }
        assertThat(mergerCalls).as("merges of two sessions by a record between them").isPositive();
        assertThat(want.size()).as("sessions").isBetween(50, SESSION_N / 2);

        SessionStore<String, RatingAccumulator> store = driver.getSessionStore("nps-sessions");
        Map<String, RatingAccumulator> got = new TreeMap<>();
        for (int s = 0; s < TestData.SEGMENTS; s++) {
            try (KeyValueIterator<Windowed<String>, RatingAccumulator> it = store.fetch("seg-" + s)) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, RatingAccumulator> kv = it.next();
                    got.put(kv.key.key() + "@" + kv.key.window().start() + ".." + kv.key.window().end(), kv.value);
                }
            }
        }
        assertThat(got.keySet()).isEqualTo(want.keySet());
        for (String key : want.keySet()) {
            assertThat(got.get(key).toByteArray()).as(key).isEqualTo(want.get(key).toByteArray());
        }
    }
}
