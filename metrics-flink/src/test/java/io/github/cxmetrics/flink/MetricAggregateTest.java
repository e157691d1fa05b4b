package io.github.cxmetrics.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.metric.Field;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

/** The aggregate functions outside a job: layout, empty rows, weights, bad input. */
class MetricAggregateTest {

    @Test
    void resultTypeIsTheMetricsFieldsInOrder() {
        MetricAggregate<int[], RatingAccumulator> nps = MetricAggregate.ofRatings(Metrics.nps(), r -> r[0]);
        RowTypeInfo type = nps.resultType();
        assertThat(type.getFieldNames()).containsExactly("count", "promoters", "passives", "detractors", "score",
                "standard_error", "lower", "upper");
        assertThat(type.getTypeAt(0)).isEqualTo(Types.LONG);
        assertThat(type.getTypeAt(4)).isEqualTo(Types.DOUBLE);
        for (var metric : Metrics.all()) {
            RowTypeInfo t = MetricAggregate.rowType(metric);
            assertThat(t.getFieldNames()).containsExactlyElementsOf(metric.fields().stream().map(Field::name).toList());
        }
    }

    @Test
    void npsRowOfTenRatingsIsTheHandCount() {
        MetricAggregate<int[], RatingAccumulator> nps = MetricAggregate.ofRatings(Metrics.nps(), r -> r[0]);
        RatingAccumulator acc = nps.createAccumulator();
        for (int r : new int[] {10, 9, 9, 8, 7, 6, 5, 0, 10, 3}) {
            acc = nps.add(new int[] {r}, acc);
        }
        Row row = nps.getResult(acc);
        // 4 promoters (9-10), 2 passives (7-8), 4 detractors (0-6): NPS = 100 * (4 - 4) / 10 = 0
        assertThat(row.getField(0)).isEqualTo(10L);
        assertThat(row.getField(1)).isEqualTo(4L);
        assertThat(row.getField(2)).isEqualTo(2L);
        assertThat(row.getField(3)).isEqualTo(4L);
        assertThat((Double) row.getField(4)).isEqualTo(0.0);
        assertThat(Arrays.equals(Jobs.fields(row), Metrics.nps().result(acc))).isTrue();
    }

    @Test
    void anEmptyAccumulatorGivesARowOfNulls() {
        MetricAggregate<double[], MeanAccumulator> mean = MetricAggregate.ofValues(Metrics.mean(), r -> r[0]);
        Row row = mean.getResult(mean.createAccumulator());
        assertThat(row.getArity()).isEqualTo(6);
        assertThat(Jobs.fields(row)).containsOnlyNulls();
    }

    @Test
    void weightsReachTheAccumulator() {
        MetricAggregate<double[], MeanAccumulator> mean =
                MetricAggregate.ofValues(Metrics.mean(), r -> r[0], r -> r[1]);
        MeanAccumulator acc = mean.createAccumulator();
        mean.add(new double[] {1.0, 3.0}, acc);
        mean.add(new double[] {5.0, 1.0}, acc);
        // weighted mean (3*1 + 1*5) / 4 = 2
        assertThat((Double) mean.getResult(acc).getField(1)).isEqualTo(2.0);
        MetricAggregate<int[], RatingAccumulator> csat =
                MetricAggregate.ofRatings(Metrics.csat(), r -> r[0], r -> r[1]);
        RatingAccumulator ratings = csat.createAccumulator();
        csat.add(new int[] {5, 2}, ratings);
        csat.add(new int[] {1, 2}, ratings);
        // satisfied weight 2 of 4: CSAT 50 %
        assertThat((Double) csat.getResult(ratings).getField(2)).isEqualTo(50.0);
    }

    @Test
    void aRatingOffTheScaleIsRefusedAndChangesNothing() {
        MetricAggregate<int[], RatingAccumulator> nps = MetricAggregate.ofRatings(Metrics.nps(), r -> r[0]);
        RatingAccumulator acc = nps.createAccumulator();
        nps.add(new int[] {7}, acc);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> nps.add(new int[] {11}, acc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void mergeAndRollUpAgreeWithOnePass() {
        MetricAggregate<int[], RatingAccumulator> nps = MetricAggregate.ofRatings(Metrics.nps(), r -> r[0]);
        StateAggregate<int[], RatingAccumulator> states = nps.states();
        RatingAccumulator a = states.createAccumulator();
        RatingAccumulator b = states.createAccumulator();
        RatingAccumulator all = nps.createAccumulator();
        for (int i = 0; i < 100; i++) {
            int r = (i * 7) % 11;
            states.add(new int[] {r}, i % 3 == 0 ? a : b);
            nps.add(new int[] {r}, all);
        }
        RatingAccumulator emitted = states.getResult(a);
        assertThat(emitted).isNotSameAs(a);
        MergeAggregate<RatingAccumulator> rollUp = MergeAggregate.of(Metrics.nps());
        RatingAccumulator rolled = rollUp.add(b, rollUp.add(emitted, rollUp.createAccumulator()));
        assertThat(rolled.toByteArray()).isEqualTo(all.toByteArray());
        assertThat(Jobs.fields(rollUp.getResult(rolled))).isEqualTo(Jobs.fields(nps.getResult(all)));
        assertThat(nps.merge(states.getResult(a), b).toByteArray()).isEqualTo(all.toByteArray());
    }
}
