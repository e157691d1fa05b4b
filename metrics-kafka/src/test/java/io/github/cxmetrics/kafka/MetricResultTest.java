package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.metric.LifetimeMetric;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MetricResultTest {

    final RatingMetric nps = Metrics.nps();

    /** Ratings 10, 10, 9, 8, 0: 3 promoters, 1 passive, 1 detractor, NPS = 100 (3 - 1) / 5 = 40. */
    RatingAccumulator five() {
        RatingAccumulator acc = nps.newAccumulator();
        for (int r : new int[] {10, 10, 9, 8, 0}) {
            nps.add(acc, r);
        }
        return acc;
    }

    @Test
    void fieldsByNameInTheRegistrysOrder() {
        MetricResult r = MetricResult.of(nps, five());
        assertThat(r.metric()).isEqualTo("nps");
        assertThat(r.toMap().keySet()).containsExactly("count", "promoters", "passives", "detractors", "score",
                "standard_error", "lower", "upper");
        assertThat(r.getLong("count")).isEqualTo(5);
        assertThat(r.getLong("promoters")).isEqualTo(3);
        assertThat(r.getLong("passives")).isEqualTo(1);
        assertThat(r.getLong("detractors")).isEqualTo(1);
        assertThat(r.getDouble("score")).isCloseTo(40.0, within(1e-12));
        assertThat(r.getDouble("lower")).isLessThan(40.0);
        assertThat(r.getDouble("upper")).isGreaterThan(40.0);
        assertThat(r.get("score")).isEqualTo(nps.result(five())[4]);
        assertThat(Arrays.equals(r.values(), nps.result(five()))).isTrue();
    }

    @Test
    void emptyStateHasNoResult() {
        assertThat(MetricResult.of(nps, nps.newAccumulator())).isNull();
        assertThat(CxStreams.aggregate(nps).json().apply(nps.newAccumulator())).isNull();
        assertThat(CxStreams.aggregate(nps).values().apply(nps.newAccumulator())).isNull();
    }

    @Test
    void unknownOrMistypedFieldsAreRejectedByName() {
        MetricResult r = MetricResult.of(nps, five());
        assertThatThrownBy(() -> r.get("nps"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metric nps has no field nps (fields: count, promoters, passives, detractors, score, "
                        + "standard_error, lower, upper)");
        assertThatThrownBy(() -> r.getLong("score"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field score of nps is DOUBLE, not LONG");
        assertThatThrownBy(() -> r.getDouble("count"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("field count of nps is LONG, not DOUBLE");
    }

    @Test
    void jsonHasOneMemberPerFieldAndReadsBackToTheSameValues() {
        MetricResult r = MetricResult.of(nps, five());
        String json = r.toJson();
        assertThat(json).startsWith("{\"count\":5,\"promoters\":3,\"passives\":1,\"detractors\":1,\"score\":")
                .endsWith("}");
        Matcher m = Pattern.compile("\"([a-z_]+)\":([^,}]+)").matcher(json);
        List<String> names = new ArrayList<>();
        Object[] values = r.values();
        int i = 0;
        while (m.find()) {
            names.add(m.group(1));
            Object v = values[i++];
            if (v instanceof Long) {
                assertThat(Long.parseLong(m.group(2))).isEqualTo(v);
            } else {
                assertThat(Double.parseDouble(m.group(2))).isEqualTo(v); // Double.toString is exact
            }
        }
        assertThat(names).containsExactlyElementsOf(r.toMap().keySet());
    }

    @Test
    void undefinedFieldIsJsonNull() {
        // all lifetimes censored: the survival curve stays at 1, so there is no median
        LifetimeMetric km = Metrics.kaplanMeier();
        KaplanMeierAccumulator acc = km.newAccumulator();
        km.add(acc, 3.0, false);
        km.add(acc, 5.0, false);
        MetricResult r = MetricResult.of(km, acc);
        assertThat(r.get("median")).isNull();
        assertThat(r.getDouble("median")).isNull();
        assertThat(r.toJson()).isEqualTo("{\"count\":2,\"events\":0,\"median\":null}");
        assertThat(r).hasToString("kaplan_meier {\"count\":2,\"events\":0,\"median\":null}");
    }

    @Test
    void equalWhenMetricFieldsAndValuesAreEqual() {
        MetricResult a = MetricResult.of(nps, five());
        MetricResult b = MetricResult.of(nps, five());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        RatingAccumulator six = five();
        nps.add(six, 10);
        assertThat(a).isNotEqualTo(MetricResult.of(nps, six));
        assertThat(a).isNotEqualTo(MetricResult.of(nps.named("nps_web"), five()));
        Object[] values = a.values();
        values[0] = 99L;
        assertThat(a.getLong("count")).as("values() is a copy").isEqualTo(5);
    }
}
