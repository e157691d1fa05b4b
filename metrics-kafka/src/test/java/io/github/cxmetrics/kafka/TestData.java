package io.github.cxmetrics.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Deterministic test records: a pure function of the record index (SplitMix64), so the topology and
 * the single-JVM reference pass see the same records in the same order.
 */
final class TestData {

    static final int SEGMENTS = 10;
    static final long DAY_MS = 86_400_000L;

    private TestData() {
    }

    /** SplitMix64 of x (Steele, Lea and Flood 2014). */
    static long mix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform int in 0..n-1 from the index and a stream number. */
    static int uniform(long index, int stream, int n) {
        return (int) Long.remainderUnsigned(mix(index * 31 + stream), n);
    }

    /** A uniform double in [0, 1). */
    static double unit(long index, int stream) {
        return (mix(index * 31 + stream) >>> 11) * 0x1.0p-53;
    }

    static String segment(long i) {
        return "seg-" + uniform(i, 1, SEGMENTS);
    }

    /** A 0..10 rating skewed by segment: segment s draws from 0..10 with its upper part more likely as s grows. */
    static int rating(long i) {
        int s = uniform(i, 1, SEGMENTS);
        int r = uniform(i, 2, 11);
        int lift = uniform(i, 3, 11);
        return lift < s ? Math.max(r, uniform(i, 4, 11)) : r;
    }

    /** A 1..5 rating. */
    static int rating5(long i) {
        return 1 + uniform(i, 5, 5);
    }

    /** A survey weight in [0.5, 2). */
    static double weight(long i) {
        return 0.5 + 1.5 * unit(i, 6);
    }

    /** A positive value with decimals (e.g. a handling time in minutes). */
    static double value(long i) {
        return Math.round(1000.0 * (1.0 + 60.0 * unit(i, 7))) / 1000.0;
    }

    /** A tenure in whole days, 0..729 (ties, as real tenures have). */
    static double duration(long i) {
        return uniform(i, 8, 730);
    }

    /** Whether the lifetime ended in churn (about 70 %). */
    static boolean observed(long i) {
        return uniform(i, 9, 10) < 7;
    }

    /** An event time within a week, in shuffled order. */
    static long timestamp(long i) {
        return Long.remainderUnsigned(mix(i * 31 + 10), 7 * DAY_MS);
    }

    /**
     * A new, empty state directory under target/kafka-state (not under the OS temp directory, which
     * Kafka Streams warns about because the OS may clear it).
     */
    static Path stateDir(String name) {
        try {
            Path base = Files.createDirectories(Path.of("target", "kafka-state"));
            return Files.createTempDirectory(base, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TopologyTestDriver settings: no broker is contacted; state under the given directory. */
    static Properties config(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }
}
