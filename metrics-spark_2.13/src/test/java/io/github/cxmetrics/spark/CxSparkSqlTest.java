package io.github.cxmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL functions on one local[2] session over the 10^4 rows of {@link Answers}, repartitioned into
 * 4 partitions so every group is aggregated in several partial buffers that Spark merges after the
 * shuffle. Expected values: one single-JVM pass per group (Answers' reference), compared with
 * {@code Arrays.equals} on the result arrays and on the state bytes (the mean within rounding, its
 * merge not being bit-exact).
 */
class CxSparkSqlTest {

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("CxSparkSqlTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        assertThat(CxSpark.register(spark)).hasSize(4 * Metrics.all().size()).contains("nps", "nps_state",
                "nps_merge", "nps_result", "kaplan_meier", "kaplan_meier_merge", "cx_mean", "cx_mean_result")
                .doesNotContain("mean");
        spark.createDataFrame(Answers.rows(), Answers.SCHEMA).repartition(4).createOrReplaceTempView("answers");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }

    private static Map<String, Row> byFirstColumn(Dataset<Row> df) {
        Map<String, Row> out = new TreeMap<>();
        for (Row r : df.collectAsList()) {
            assertThat(out.put(r.getString(0), r)).as("one row per group").isNull();
        }
        return out;
    }

    @Test
    void theReadmeQueryGivesScoreAndLowerBoundOfOnePassPerChannel() {
        Map<String, Row> rows = byFirstColumn(spark.sql(
                "SELECT channel, nps(recommend).score, nps(recommend).lower FROM answers GROUP BY channel"));
        Map<String, Mergeable<?>> reference = Answers.byChannel("nps");
        assertThat(rows.keySet()).containsExactlyElementsOf(reference.keySet());
        for (var e : reference.entrySet()) {
            Object[] expected = Answers.result(Metrics.nps(), e.getValue());
            Row row = rows.get(e.getKey());
            if (e.getKey().equals(Answers.EMPTY_CHANNEL)) {
                assertThat(expected).isNull();
                assertThat(row.isNullAt(1) && row.isNullAt(2)).as("empty group: NULL").isTrue();
            } else {
                assertThat(row.get(1)).as(e.getKey() + " score").isEqualTo(expected[4]);
                assertThat(row.get(2)).as(e.getKey() + " lower").isEqualTo(expected[6]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nps", "csat", "ces", "kaplan_meier"})
    void countBasedMetricsEqualOnePassStateAndResult(String name) {
        Metric<?> metric = Metrics.byName(name);
        String args = Answers.arguments(name);
        Map<String, Row> rows = byFirstColumn(spark.sql("SELECT channel, " + name + "(" + args + ") AS r, " + name
                + "_state(" + args + ") AS s FROM answers GROUP BY channel"));
        Map<String, Mergeable<?>> reference = Answers.byChannel(name);
        assertThat(rows.keySet()).containsExactlyElementsOf(reference.keySet());
        int nonEmpty = 0;
        for (var e : reference.entrySet()) {
            Row row = rows.get(e.getKey());
            assertThat((byte[]) row.getAs("s")).as(name + " state of " + e.getKey())
                    .isEqualTo(e.getValue().toByteArray());
            Object[] expected = Answers.result(metric, e.getValue());
            assertThat(Answers.values(row.getAs("r"))).as(name + " result of " + e.getKey()).isEqualTo(expected);
            nonEmpty += expected == null ? 0 : 1;
        }
        assertThat(nonEmpty).as("non-empty groups").isEqualTo(4);
    }

    @Test
    void meanEqualsOnePassWithinRoundingAndCountsExactly() {
        Map<String, Row> rows = byFirstColumn(spark.sql(
                "SELECT channel, cx_mean(spend) AS r, cx_mean_state(spend) AS s FROM answers GROUP BY channel"));
        Map<String, Mergeable<?>> reference = Answers.byChannel("mean");
        for (var e : reference.entrySet()) {
            Object[] expected = Answers.result(Metrics.mean(), e.getValue());
            Object[] actual = Answers.values(rows.get(e.getKey()).getAs("r"));
            MeanAccumulator state = MeanAccumulator.fromByteArray(rows.get(e.getKey()).getAs("s"));
            assertThat(state.count()).isEqualTo(((MeanAccumulator) e.getValue()).count());
            if (expected == null) {
                assertThat(actual).as("empty group: NULL").isNull();
                continue;
            }
            assertThat(actual[0]).as("count").isEqualTo(expected[0]);
            for (int i = 1; i < expected.length; i++) {
                double x = (Double) expected[i];
                assertThat((Double) actual[i]).as(e.getKey() + " " + Metrics.mean().fields().get(i).name())
                        .isCloseTo(x, within(Math.abs(x) * 1e-12));
            }
        }
    }

    @Test
    void dailyStatesStoredInParquetRollUpToWeeksAndChannelsExactly(@TempDir Path dir) {
        String path = dir.resolve("daily").toString();
        spark.sql("SELECT channel, day, nps_state(recommend) AS nps, kaplan_meier_state(tenure, churned) AS km"
                + " FROM answers GROUP BY channel, day").write().parquet(path);
        spark.read().parquet(path).createOrReplaceTempView("daily");
        Map<String, Row> weekly = new TreeMap<>();
        for (Row r : spark.sql("SELECT concat(channel, '/', day DIV 7) AS k, nps_merge(nps) AS nps,"
                + " nps_result(nps_merge(nps)) AS r, kaplan_meier_merge(km) AS km FROM daily"
                + " GROUP BY channel, day DIV 7").collectAsList()) {
            weekly.put(r.getString(0), r);
        }
        Map<String, Mergeable<?>> npsRef = Answers.byKey("nps", a -> a.channel() + "/" + a.day() / 7);
        Map<String, Mergeable<?>> kmRef = Answers.byKey("kaplan_meier", a -> a.channel() + "/" + a.day() / 7);
        assertThat(weekly.keySet()).hasSize(Answers.CHANNELS.length * Answers.DAYS / 7)
                .containsExactlyElementsOf(npsRef.keySet());
        for (String k : npsRef.keySet()) {
            Row r = weekly.get(k);
            assertThat((byte[]) r.getAs("nps")).as("weekly nps state " + k).isEqualTo(npsRef.get(k).toByteArray());
            assertThat((byte[]) r.getAs("km")).as("weekly km state " + k).isEqualTo(kmRef.get(k).toByteArray());
            assertThat(Answers.values(r.getAs("r"))).as("weekly nps " + k)
                    .isEqualTo(Answers.result(Metrics.nps(), npsRef.get(k)));
        }
        // the README's weekly query, verbatim
        int medians = 0;
        for (Row r : spark.sql("SELECT channel, day DIV 7 AS week, nps_result(nps_merge(nps)) AS nps,"
                + " kaplan_meier_result(kaplan_meier_merge(km)).median AS median_tenure"
                + " FROM daily GROUP BY channel, day DIV 7").collectAsList()) {
            String k = r.getString(0) + "/" + r.getLong(1);
            assertThat(Answers.values(r.getAs("nps"))).as("README weekly nps " + k)
                    .isEqualTo(Answers.result(Metrics.nps(), npsRef.get(k)));
            Object[] km = Answers.result(Metrics.kaplanMeier(), kmRef.get(k));
            Object median = r.getAs("median_tenure");
            assertThat(median).as("README weekly median " + k)
                    .isEqualTo(km == null ? null : km[2]);
            medians += median == null ? 0 : 1;
        }
        assertThat(medians).as("weeks whose median is reached (S(t) = (1 - t/365)^(1/3) falls to 1/2 at ~319)")
                .isGreaterThan(0);
        // a second level: the channel totals from weekly states equal one pass per channel
        Map<String, Row> total = byFirstColumn(spark.sql("SELECT channel, nps_result(nps_merge(w)) AS r FROM"
                + " (SELECT channel, nps_merge(nps) AS w FROM daily GROUP BY channel, day DIV 7) GROUP BY channel"));
        for (var e : Answers.byChannel("nps").entrySet()) {
            assertThat(Answers.values(total.get(e.getKey()).getAs("r"))).as("total " + e.getKey())
                    .isEqualTo(Answers.result(Metrics.nps(), e.getValue()));
        }
    }

    @Test
    void emptyInputGivesNullResultAndTheEmptyState() {
        Row row = spark.sql("SELECT nps(recommend) AS r, nps_state(recommend) AS s, nps_result(nps_state(recommend))"
                + " AS rs, nps_merge(CAST(NULL AS BINARY)) AS m, kaplan_meier(tenure, churned) AS km FROM answers"
                + " WHERE day < 0").first();
        assertThat(row.isNullAt(0)).as("nps of no rows").isTrue();
        assertThat((byte[]) row.getAs("s")).isEqualTo(Metrics.nps().newAccumulator().toByteArray());
        assertThat(row.isNullAt(2)).as("result of the empty state").isTrue();
        assertThat((byte[]) row.getAs("m")).isEqualTo(Metrics.nps().newAccumulator().toByteArray());
        assertThat(row.isNullAt(4)).as("kaplan_meier of no rows").isTrue();
        Row kiosk = spark.sql("SELECT nps(recommend), csat(satisfaction), ces(effort), cx_mean(spend),"
                + " kaplan_meier(tenure, churned) FROM answers WHERE channel = 'kiosk'").first();
        for (int i = 0; i < 5; i++) {
            assertThat(kiosk.isNullAt(i)).as("kiosk column " + i).isTrue();
        }
    }

    @Test
    void dataFrameApiGivesTheSameStructAsSql() {
        Map<String, Row> rows = byFirstColumn(spark.table("answers").groupBy("channel")
                .agg(CxSpark.aggregate(Metrics.csat()).apply(functions.col("satisfaction")).as("r")));
        for (var e : Answers.byChannel("csat").entrySet()) {
            assertThat(Answers.values(rows.get(e.getKey()).getAs("r")))
                    .isEqualTo(Answers.result(Metrics.csat(), e.getValue()));
        }
        assertThat(spark.sql("SELECT nps(recommend) FROM answers").schema().fields()[0].dataType())
                .isEqualTo(CxSpark.schema(Metrics.nps()));
        assertThat(CxSpark.schema(Metrics.nps()).fieldNames()).containsExactly("count", "promoters", "passives",
                "detractors", "score", "standard_error", "lower", "upper");
    }

    @Test
    void aMetricNamedLikeASparkBuiltInGetsThePrefixAndTheBuiltInStays() {
        assertThat(CxSpark.sqlName(Metrics.mean())).isEqualTo("cx_mean");
        assertThat(Metrics.all().stream().map(CxSpark::sqlName))
                .containsExactly("nps", "csat", "ces", "cx_mean", "kaplan_meier");
        Row row = spark.sql("SELECT mean(spend), avg(spend) FROM answers").first();
        assertThat(row.getDouble(0)).as("Spark's own mean is untouched").isEqualTo(row.getDouble(1));
    }

    @Test
    void ratingOffTheScaleFailsTheQueryNamingIt() {
        assertThatThrownBy(() -> spark.sql("SELECT csat(recommend) FROM answers").collectAsList())
                .hasStackTraceContaining("IllegalArgumentException").hasStackTraceContaining("is outside scale 1..5");
    }

    @Test
    void mergingStatesOfAnotherMetricFails() {
        assertThatThrownBy(() -> spark.sql("SELECT nps_merge(s) FROM (SELECT cx_mean_state(spend) AS s FROM answers)")
                .collectAsList()).hasStackTraceContaining("IllegalArgumentException")
                .hasStackTraceContaining("not a rating state");
    }

    @Test
    void stateEncoderIsBinaryAndRoundTrips() {
        var encoder = StateEncoders.of(Metrics.nps().family());
        assertThat(encoder.schema().fields()[0].dataType().typeName()).isEqualTo("binary");
        assertThat(encoder.clsTag().runtimeClass()).isEqualTo(Metrics.nps().family().type());
        var codec = new StateEncoders.StateCodec<>(Metrics.nps().family().type());
        var acc = Metrics.nps().newAccumulator();
        acc.add(9);
        acc.add(3);
        byte[] bytes = codec.encode(acc);
        assertThat(codec.decode(bytes).toByteArray()).isEqualTo(bytes);
        bytes[bytes.length - 1] ^= 1;
        byte[] corrupt = bytes;
        assertThatThrownBy(() -> codec.decode(corrupt)).isInstanceOf(IllegalArgumentException.class);
    }
}
