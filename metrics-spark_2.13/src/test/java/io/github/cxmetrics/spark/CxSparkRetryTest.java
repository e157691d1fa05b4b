package io.github.cxmetrics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fault tolerance: on a {@code local[2,2]} master (two threads, a task may fail once), a UDF in front
 * of the aggregate throws on the first attempt of partition 0, after the task has already added part
 * of its rows to its buffers. Spark retries the task; the result and the state must still equal one
 * single-JVM pass ({@link Answers}), and the test checks that the failure really happened.
 */
class CxSparkRetryTest {

    /** Set by the first attempt that throws; local mode runs tasks in this JVM. */
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    static final AtomicInteger FAILED_TASKS = new AtomicInteger();

    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder()
                .master("local[2,2]")
                .appName("CxSparkRetryTest")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
        CxSpark.register(spark);
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    FAILED_TASKS.incrementAndGet();
                }
            }
        });
        UDF1<Integer, Integer> flaky = rating -> {
            TaskContext task = TaskContext.get();
            // fail half-way through partition 0's first attempt: its buffers hold part of its rows then
            if (task.partitionId() == 0 && task.attemptNumber() == 0 && rating != null && rating == 7
                    && FAILED_ONCE.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure of the first attempt of partition 0");
            }
            return rating;
        };
        spark.udf().register("flaky", flaky, DataTypes.IntegerType);
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

    @Test
    void aTaskThatFailsOnceAndIsRetriedGivesTheExactResult() throws Exception {
        Map<String, Row> rows = new TreeMap<>();
        for (Row r : spark.sql("SELECT channel, nps(x) AS r, nps_state(x) AS s FROM"
                + " (SELECT channel, flaky(recommend) AS x FROM answers) GROUP BY channel").collectAsList()) {
            rows.put(r.getString(0), r);
        }
        assertThat(FAILED_ONCE).as("the injected failure happened").isTrue();
        spark.sparkContext().listenerBus().waitUntilEmpty(); // Spark-internal (private[spark]); test only
        assertThat(FAILED_TASKS.get()).as("failed task attempts").isEqualTo(1);
        Map<String, Mergeable<?>> reference = Answers.byChannel("nps");
        assertThat(rows.keySet()).containsExactlyElementsOf(reference.keySet());
        for (var e : reference.entrySet()) {
            Row row = rows.get(e.getKey());
            assertThat((byte[]) row.getAs("s")).as("state of " + e.getKey()).isEqualTo(e.getValue().toByteArray());
            assertThat(Answers.values(row.getAs("r"))).as("nps of " + e.getKey())
                    .isEqualTo(Answers.result(Metrics.nps(), e.getValue()));
        }
    }
}
