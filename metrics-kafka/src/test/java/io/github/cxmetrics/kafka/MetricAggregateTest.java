package io.github.cxmetrics.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.metric.RatingMetric;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import org.junit.jupiter.api.Test;

/** The functions MetricAggregate hands to Kafka Streams, called directly (no driver). */
class MetricAggregateTest {

    final RatingMetric nps = Metrics.nps();
    final MetricAggregate<Integer, RatingAccumulator> agg = CxStreams.aggregate(nps);

    @Test
    void initializerGivesANewEmptyAccumulatorOfTheMetric() {
        RatingAccumulator a = agg.initializer().apply();
        assertThat(a.count()).isZero();
        assertThat(a.scale()).isEqualTo(nps.scale());
        assertThat(agg.initializer().apply()).isNotSameAs(a);
    }

    @Test
    void aggregatorReturnsANewStateAndLeavesTheOldOneAsItWas() {
        RatingAccumulator old = agg.initializer().apply();
        nps.add(old, 3);
        byte[] before = old.toByteArray();
        RatingAccumulator next = agg.aggregator().apply("seg-0", 10, old);
        assertThat(next).isNotSameAs(old);
        assertThat(old.toByteArray()).isEqualTo(before);
        RatingAccumulator want = nps.newAccumulator();
        nps.add(want, 3);
        nps.add(want, 10);
        assertThat(next.toByteArray()).isEqualTo(want.toByteArray());
    }

    @Test
    void ratingOffTheScaleIsTheLibrarysIllegalArgumentException() {
        RatingAccumulator old = agg.initializer().apply();
        nps.add(old, 7);
        byte[] before = old.toByteArray();
        String message = null;
        try {
            nps.add(nps.newAccumulator(), 11);
        } catch (IllegalArgumentException e) {
            message = e.getMessage();
        }
        assertThat(message).isNotNull();
        assertThatThrownBy(() -> agg.aggregator().apply("seg-0", 11, old))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThat(old.toByteArray()).isEqualTo(before);
    }

    @Test
    void mergerMergesIntoANewState() {
        RatingAccumulator a = nps.newAccumulator();
        RatingAccumulator b = nps.newAccumulator();
        nps.add(a, 0);
        nps.add(a, 9);
        nps.add(b, 9);
        byte[] aBefore = a.toByteArray();
        byte[] bBefore = b.toByteArray();
        RatingAccumulator m = agg.merger().apply("seg-0", a, b);
        assertThat(m).isNotSameAs(a).isNotSameAs(b);
        assertThat(a.toByteArray()).isEqualTo(aBefore);
        assertThat(b.toByteArray()).isEqualTo(bBefore);
        assertThat(m.snapshot()).isEqualTo(RatingDistribution.of(nps.scale(), 0, 9, 9));
    }

    @Test
    void extractorsReadTheRecordValue() {
        MetricAggregate<double[], MeanAccumulator> mean = CxStreams.values(Metrics.mean(), (double[] v) -> v[0]);
        MeanAccumulator s = mean.aggregator().apply(null, new double[] {2.0}, mean.initializer().apply());
        s = mean.aggregator().apply(null, new double[] {4.0}, s);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.snapshot().mean()).isEqualTo(3.0);
        assertThat(mean.serde().family()).isSameAs(MeanAccumulator.FAMILY);
        assertThat(mean.metric()).isEqualTo(Metrics.mean());
        assertThat(agg).hasToString("MetricAggregate[nps, StateFamily[1 rating v1]]");
    }

    @Test
    void genericFormTakesTheCallersAddFunction() {
        MetricAggregate<String, RatingAccumulator> csat = CxStreams.aggregate(Metrics.csat(),
                (RatingAccumulator acc, String s) -> acc.add(Integer.parseInt(s)));
        RatingAccumulator s = csat.aggregator().apply("k", "5", csat.initializer().apply());
        assertThat(s.snapshot()).isEqualTo(RatingDistribution.of(Metrics.csat().scale(), 5));
    }
}
