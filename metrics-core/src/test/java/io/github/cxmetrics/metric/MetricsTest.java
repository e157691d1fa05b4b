package io.github.cxmetrics.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The registry's contract: names, the documented flat layouts, empty → NULL, undefined fields → null,
 * and Java serialisation. Counts, scores and medians are worked by hand or taken from R (AML data); the
 * standard errors and intervals are checked to be the metric classes' own, which their tests hold to
 * published values.
 */
class MetricsTest {

    static List<String> names(Metric<?> m) {
        return m.fields().stream().map(Field::name).collect(Collectors.toList());
    }

    @Test
    void theRegistryNamesEveryMetricAndItsLayout() {
        assertThat(Metrics.all().stream().map(Metric::name)).containsExactly("nps", "csat", "ces", "mean",
                "kaplan_meier");
        for (Metric<?> m : Metrics.all()) {
            assertThat(Metrics.byName(m.name())).isEqualTo(m);
            assertThat(m.level()).isEqualTo(0.95);
        }
        assertThat(names(Metrics.nps())).containsExactly("count", "promoters", "passives", "detractors", "score",
                "standard_error", "lower", "upper");
        assertThat(names(Metrics.csat())).containsExactly("count", "satisfied", "score", "standard_error", "lower",
                "upper");
        assertThat(names(Metrics.ces())).containsExactly("count", "mean", "standard_error", "lower", "upper");
        assertThat(names(Metrics.mean())).containsExactly("count", "mean", "standard_deviation", "standard_error",
                "lower", "upper");
        assertThat(names(Metrics.kaplanMeier())).containsExactly("count", "events", "median");
        assertThat(Metrics.byName("kaplan_meier").input()).isEqualTo(Input.LIFETIME);
        assertThat(Metrics.nps().input()).isEqualTo(Input.RATING);
        assertThat(Metrics.mean().input()).isEqualTo(Input.VALUE);
        assertThatThrownBy(() -> Metrics.byName("NPS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no metric named 'NPS'; the metrics are nps, csat, ces, mean, kaplan_meier");
        assertThatThrownBy(() -> Metrics.nps().named("Net Promoter")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.nps().withLevel(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.csat(Scale.ONE_TO_FIVE, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void npsRowFollowsTheLayout() {
        RatingMetric nps = Metrics.nps();
        RatingAccumulator acc = nps.newAccumulator();
        assertThat(nps.result(acc)).as("empty -> NULL").isNull();
        for (int r : new int[] {10, 9, 9, 7, 3, 10, 8, 6, 0, 9}) {
            nps.add(acc, r);
        }
        Object[] row = nps.result(acc);
        // 5 promoters (10, 9, 9, 10, 9), 2 passives (7, 8), 3 detractors (3, 6, 0): 100·(5 − 3)/10 = 20
        assertThat(row).hasSize(8).startsWith(10L, 5L, 2L, 3L, 20.0);
        Nps expected = Nps.of(acc.snapshot());
        Interval ci = expected.confidenceInterval(0.95);
        assertThat(row).endsWith(expected.standardError(), ci.lower(), ci.upper());
        Object[] narrower = nps.withLevel(0.9).result(acc);
        assertThat((Double) narrower[6]).isGreaterThan((Double) row[6]);
        assertThat((Double) narrower[7]).isLessThan((Double) row[7]);
        RatingAccumulator zeroWeight = nps.newAccumulator();
        nps.add(zeroWeight, 10, 0.0);
        assertThat(nps.result(zeroWeight)).as("total weight 0 -> NULL").isNull();
        assertThatThrownBy(() -> nps.result(new RatingAccumulator(Scale.ONE_TO_FIVE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> nps.add(acc, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void csatAndCesRows() {
        RatingMetric csat = Metrics.csat();
        RatingAccumulator acc = csat.newAccumulator();
        for (int r : new int[] {5, 4, 3, 5, 1}) {
            csat.add(acc, r);
        }
        Object[] row = csat.result(acc);
        assertThat(row).hasSize(6).startsWith(5L, 3L, 60.0); // 3 of 5 rate 4 or 5
        RatingMetric ces = Metrics.ces();
        RatingAccumulator one = ces.newAccumulator();
        ces.add(one, 6);
        assertThat(ces.result(one)).as("one rating: no spread, no interval").containsExactly(1L, 6.0, null, null,
                null);
        ces.add(one, 4);
        ces.add(one, 5);
        Object[] three = ces.result(one);
        assertThat(three).hasSize(5).startsWith(3L, 5.0);
        assertThat((Double) three[2]).isCloseTo(1 / Math.sqrt(3), org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void meanRow() {
        ValueMetric mean = Metrics.mean();
        MeanAccumulator acc = mean.newAccumulator();
        assertThat(mean.result(acc)).isNull();
        mean.add(acc, 2.0);
        assertThat(mean.result(acc)).containsExactly(1L, 2.0, null, null, null, null);
        mean.add(acc, 4.0);
        mean.add(acc, 9.0, 1.0);
        Object[] row = mean.result(acc);
        MeanSummary s = acc.snapshot();
        Interval ci = s.confidenceInterval(0.95);
        // mean 5, sample sd sqrt(((−3)² + (−1)² + 4²)/2) = sqrt(13)
        assertThat(row).containsExactly(3L, 5.0, s.standardDeviation(), s.standardError(), ci.lower(), ci.upper());
        assertThat(s.standardDeviation()).isCloseTo(Math.sqrt(13), org.assertj.core.api.Assertions.within(1e-14));
    }

    @Test
    void kaplanMeierRow() {
        LifetimeMetric km = Metrics.kaplanMeier();
        KaplanMeierAccumulator acc = km.newAccumulator();
        assertThat(km.result(acc)).isNull();
        double[] t = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        for (int i = 0; i < t.length; i++) {
            km.add(acc, t[i], event[i]);
        }
        // R: survfit on the AML "maintained" group: n 11, 7 events, median 31
        assertThat(km.result(acc)).containsExactly(11L, 7L, 31.0);
        KaplanMeierAccumulator censored = km.newAccumulator();
        km.add(censored, 5, false);
        km.add(censored, 7, true);
        km.add(censored, 9, false);
        km.add(censored, 11, false);
        // one event among 3 at risk at t = 7: S = 2/3 to the end, never 1/2 (with 2 at risk it would be
        // exactly 1/2, and R's rule gives the midpoint of the flat stretch)
        assertThat(km.result(censored)).as("S(t) = 2/3 at the end: no median").containsExactly(4L, 1L, null);
    }

    @Test
    void metricsSurviveJavaSerialisation() throws IOException, ClassNotFoundException {
        for (Metric<?> m : List.of(Metrics.nps().withLevel(0.9), Metrics.csat(Scale.ONE_TO_SEVEN, 6).named("csat7"),
                Metrics.ces(), Metrics.mean(), Metrics.kaplanMeier())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(m);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                Object back = in.readObject();
                assertThat(back).isEqualTo(m).hasToString(m.toString());
            }
        }
        assertThat(Metrics.csat(Scale.ONE_TO_SEVEN, 6).named("csat7"))
                .hasToString("Metric[csat7: CSAT 1..7, satisfied 6.., level 0.95]");
    }
}
