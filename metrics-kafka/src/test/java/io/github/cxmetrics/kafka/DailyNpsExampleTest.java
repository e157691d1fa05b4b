package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import example.DailyNps;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/**
 * The README's example application (example.DailyNps, RocksDB window store) on 300 answers over
 * three days in time order: the last JSON and the last state per channel and day equal one
 * single-JVM pass.
 */
class DailyNpsExampleTest {

    static final int N = 300;

    @Test
    void readmeShowsTheExampleClassVerbatim() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/example/DailyNps.java"));
        String shown = source.substring(source.indexOf("import io.github.cxmetrics.kafka.CxStreams;"))
                .replaceFirst("/\\*\\*[^\n]*\\*/\n", "");
        assertThat(readme).contains("```java\n" + shown + "```\n");
    }

    @Test
    void readmeTopologyGivesTheSinglePassResultPerChannelAndDay() {
        RatingMetric nps = Metrics.nps();
        Map<String, RatingAccumulator> want = new TreeMap<>();
        Map<String, String> json;
        Map<String, RatingAccumulator> states;
        try (TopologyTestDriver driver = new TopologyTestDriver(DailyNps.topology(),
                TestData.config("daily-nps", TestData.stateDir("daily-nps")))) {
            TestInputTopic<String, Integer> in = driver.createInputTopic("ratings",
                    Serdes.String().serializer(), Serdes.Integer().serializer());
            for (long i = 0; i < N; i++) {
                long t = i * 3 * TestData.DAY_MS / N; // three days, in order
                String channel = "channel-" + TestData.uniform(i, 1, 3);
                in.pipeInput(channel, TestData.rating(i), t);
                String key = channel + "@" + Instant.ofEpochMilli(t / TestData.DAY_MS * TestData.DAY_MS);
                nps.add(want.computeIfAbsent(key, k -> nps.newAccumulator()), TestData.rating(i));
            }
            json = driver.createOutputTopic("nps-daily", Serdes.String().deserializer(), Serdes.String().deserializer())
                    .readKeyValuesToMap();
            states = driver.createOutputTopic("nps-daily-states", Serdes.String().deserializer(),
                    CxSerdes.state(RatingAccumulator.FAMILY).deserializer()).readKeyValuesToMap();
        }
        assertThat(want).hasSize(9);
        assertThat(json.keySet()).isEqualTo(want.keySet());
        assertThat(states.keySet()).isEqualTo(want.keySet());
        for (String key : want.keySet()) {
            assertThat(json.get(key)).as(key).isEqualTo(MetricResult.of(nps, want.get(key)).toJson());
            assertThat(states.get(key).toByteArray()).as(key).isEqualTo(want.get(key).toByteArray());
        }
    }
}
