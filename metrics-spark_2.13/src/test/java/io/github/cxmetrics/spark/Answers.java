package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.metric.ValueMetric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * 10^4 deterministic survey answers (SplitMix64 of the row index) and the reference: one
 * single-JVM pass per group with the registry's accumulators, in row order, no Spark involved.
 *
 * <p>Channels web, app, email, phone have skewed ratings and about 3% NULLs per column; every row of
 * channel kiosk has NULL in every metric input, so each metric's kiosk group is empty.
 */
final class Answers {

    static final int ROWS = 10_000;
    static final int DAYS = 28;
    static final String[] CHANNELS = {"web", "app", "email", "phone", "kiosk"};
    static final String EMPTY_CHANNEL = "kiosk";

    static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("channel", DataTypes.StringType, false),
            DataTypes.createStructField("day", DataTypes.IntegerType, false),
            DataTypes.createStructField("recommend", DataTypes.IntegerType, true),
            DataTypes.createStructField("satisfaction", DataTypes.IntegerType, true),
            DataTypes.createStructField("effort", DataTypes.IntegerType, true),
            DataTypes.createStructField("spend", DataTypes.DoubleType, true),
            DataTypes.createStructField("tenure", DataTypes.DoubleType, true),
            DataTypes.createStructField("churned", DataTypes.BooleanType, true)));

    /** One answer; boxed fields are null where the column is NULL. */
    record Answer(String channel, int day, Integer recommend, Integer satisfaction, Integer effort, Double spend,
            Double tenure, Boolean churned) {
        Row row() {
            return RowFactory.create(channel, day, recommend, satisfaction, effort, spend, tenure, churned);
        }
    }

    static final List<Answer> ANSWERS = generate();

    private Answers() {
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The k-th uniform integer in 0..n-1 of row i. */
    private static int uniform(int i, int k, int n) {
        return (int) Long.remainderUnsigned(mix(0x9e3779b97f4a7c15L * (i * 16L + k + 1)), n);
    }

    private static List<Answer> generate() {
        List<Answer> out = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            int c = uniform(i, 0, CHANNELS.length);
            String channel = CHANNELS[c];
            int day = uniform(i, 1, DAYS);
            if (channel.equals(EMPTY_CHANNEL)) {
                out.add(new Answer(channel, day, null, null, null, null, null, null));
                continue;
            }
            // skew by channel: the larger of (c + 1) draws is more often high
            int recommend = 0;
            for (int k = 0; k <= c; k++) {
                recommend = Math.max(recommend, uniform(i, 2 + k, 11));
            }
            Integer r = uniform(i, 8, 100) < 3 ? null : recommend;
            Integer s = uniform(i, 9, 100) < 3 ? null : 1 + uniform(i, 10, 5);
            Integer e = uniform(i, 11, 100) < 3 ? null : 1 + uniform(i, 12, 7);
            Double spend = uniform(i, 13, 100) < 3 ? null : (uniform(i, 14, 100_000) / 100.0 + 10.0 * c);
            boolean lost = uniform(i, 15, 100) < 3;
            Double tenure = lost ? null : (double) (1 + uniform(i, 6, 365));
            Boolean churned = lost ? null : uniform(i, 7, 3) == 0;
            out.add(new Answer(channel, day, r, s, e, spend, tenure, churned));
        }
        return out;
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>(ROWS);
        for (Answer a : ANSWERS) {
            rows.add(a.row());
        }
        return rows;
    }

    /** The one-pass accumulators of a rating metric per group key, in row order. */
    static <K extends Comparable<K>> Map<K, Mergeable<?>> rating(RatingMetric m, Function<Answer, K> key,
            Function<Answer, Integer> column) {
        Map<K, Mergeable<?>> groups = new TreeMap<>();
        for (Answer a : ANSWERS) {
            var acc = (io.github.cxmetrics.survey.RatingAccumulator) groups.computeIfAbsent(key.apply(a),
                    k -> m.newAccumulator());
            Integer v = column.apply(a);
            if (v != null) {
                m.add(acc, v);
            }
        }
        return groups;
    }

    static <K extends Comparable<K>> Map<K, Mergeable<?>> value(ValueMetric m, Function<Answer, K> key,
            Function<Answer, Double> column) {
        Map<K, Mergeable<?>> groups = new TreeMap<>();
        for (Answer a : ANSWERS) {
            var acc = (io.github.cxmetrics.stats.MeanAccumulator) groups.computeIfAbsent(key.apply(a),
                    k -> m.newAccumulator());
            Double v = column.apply(a);
            if (v != null) {
                m.add(acc, v);
            }
        }
        return groups;
    }

    static <K extends Comparable<K>> Map<K, Mergeable<?>> lifetime(LifetimeMetric m, Function<Answer, K> key) {
        Map<K, Mergeable<?>> groups = new TreeMap<>();
        for (Answer a : ANSWERS) {
            var acc = (io.github.cxmetrics.retention.KaplanMeierAccumulator) groups.computeIfAbsent(key.apply(a),
                    k -> m.newAccumulator());
            if (a.tenure() != null && a.churned() != null) {
                m.add(acc, a.tenure(), a.churned());
            }
        }
        return groups;
    }

    /** The reference accumulators per channel of the metric named {@code name}, on its test column. */
    static Map<String, Mergeable<?>> byChannel(String name) {
        return byKey(name, Answer::channel);
    }

    static <K extends Comparable<K>> Map<K, Mergeable<?>> byKey(String name, Function<Answer, K> key) {
        switch (name) {
            case "nps":
                return rating(Metrics.nps(), key, Answer::recommend);
            case "csat":
                return rating(Metrics.csat(), key, Answer::satisfaction);
            case "ces":
                return rating(Metrics.ces(), key, Answer::effort);
            case "mean":
                return value(Metrics.mean(), key, Answer::spend);
            case "kaplan_meier":
                return lifetime(Metrics.kaplanMeier(), key);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** The SQL arguments of the metric named {@code name} on its test column(s). */
    static String arguments(String name) {
        switch (name) {
            case "nps":
                return "recommend";
            case "csat":
                return "satisfaction";
            case "ces":
                return "effort";
            case "mean":
                return "spend";
            case "kaplan_meier":
                return "tenure, churned";
            default:
                throw new IllegalArgumentException(name);
        }
    }

    /** {@code metric.result(state)} with the state's static type recovered. */
    @SuppressWarnings("unchecked")
    static <A extends Mergeable<A>> Object[] result(Metric<A> metric, Mergeable<?> state) {
        return metric.result((A) state);
    }

    /** The values of a struct row as an array (null for a NULL struct). */
    static Object[] values(Row struct) {
        if (struct == null) {
            return null;
        }
        Object[] v = new Object[struct.length()];
        for (int i = 0; i < v.length; i++) {
            v[i] = struct.get(i);
        }
        return v;
    }
}
