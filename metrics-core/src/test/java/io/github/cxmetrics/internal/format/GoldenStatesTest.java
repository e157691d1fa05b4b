package io.github.cxmetrics.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.RfmAccumulator;
import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.clv.Transaction;
import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.Kano.Category;
import io.github.cxmetrics.csi.KanoAccumulator;
import io.github.cxmetrics.csi.KanoResult;
import io.github.cxmetrics.retention.CohortAccumulator;
import io.github.cxmetrics.retention.CohortTable;
import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.service.QuantileSketch;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.MeanSummary;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The promise that every release reads every published format version: one golden file per family and
 * version under {@code src/test/resources/golden}, written by {@code make_golden.py} from the documented
 * layout (not by this library). Each test reads a file, checks its content against the data the script
 * encodes, and checks that the library writes that state to the very same bytes. A golden file is never
 * regenerated for a published version: a new version gets new files.
 */
class GoldenStatesTest {

    static byte[] golden(String name) {
        try (InputStream in = GoldenStatesTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void ratingVersion1() {
        byte[] bytes = golden("rating-v1.bin");
        RatingDistribution d = RatingAccumulator.fromByteArray(bytes).snapshot();
        // ratings 10, 10, 0, 9, 7 on 0..10
        assertThat(d).isEqualTo(RatingDistribution.of(Scale.ZERO_TO_TEN, 10, 10, 0, 9, 7));
        assertThat(d.count()).isEqualTo(5);
        assertThat(d.count(10)).isEqualTo(2);
        RatingAccumulator same = new RatingAccumulator(Scale.ZERO_TO_TEN);
        same.addAll(new int[] {7, 9, 0, 10, 10});
        assertThat(same.toByteArray()).isEqualTo(bytes);
        assertThat(StateFamily.read(bytes)).isInstanceOf(RatingAccumulator.class);
    }

    @Test
    void weightedRatingVersion1() {
        byte[] bytes = golden("rating-v1-weighted.bin");
        RatingDistribution d = RatingAccumulator.fromByteArray(bytes).snapshot();
        assertThat(d.count()).isEqualTo(3);
        assertThat(d.weight(5)).isEqualTo(3.5);
        assertThat(d.weight(1)).isEqualTo(0.5);
        assertThat(d.totalWeight()).isEqualTo(4.0);
        assertThat(d.effectiveSize()).isEqualTo(16.0 / 7.5); // (Σw)²/Σw² = 4²/7.5
        RatingAccumulator same = new RatingAccumulator(Scale.ONE_TO_FIVE);
        same.add(5, 2.5);
        same.add(1, 0.5);
        same.add(5, 1.0);
        assertThat(same.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void meanVersion1() {
        byte[] bytes = golden("mean-v1.bin");
        MeanSummary s = MeanAccumulator.fromByteArray(bytes).snapshot();
        // values 1, 2, 3, 4: mean 2.5, sample variance 5/3
        assertThat(s.count()).isEqualTo(4);
        assertThat(s.mean()).isEqualTo(2.5);
        assertThat(s.variance()).isCloseTo(5.0 / 3.0, org.assertj.core.api.Assertions.within(1e-15));
        MeanAccumulator same = new MeanAccumulator();
        same.addAll(new double[] {1, 2, 3, 4});
        assertThat(same.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void cohortVersion1() {
        byte[] bytes = golden("cohort-v1.bin");
        CohortTable t = CohortAccumulator.fromByteArray(bytes).snapshot();
        // cohort 0: 5 customers with 1, 2, 3, 4, 4 active periods -> active in columns 0..3: 5, 4, 3, 2
        assertThat(t.cohorts()).isEqualTo(4);
        assertThat(t.size(0)).isEqualTo(5);
        assertThat(new long[] {t.active(0, 0), t.active(0, 1), t.active(0, 2), t.active(0, 3)})
                .containsExactly(5, 4, 3, 2);
        // cohort 1: 1, 3, 3 -> 3, 2, 2; cohort 2: 1, 2 -> 2, 1; cohort 3: empty
        assertThat(new long[] {t.active(1, 0), t.active(1, 1), t.active(1, 2)}).containsExactly(3, 2, 2);
        assertThat(new long[] {t.active(2, 0), t.active(2, 1)}).containsExactly(2, 1);
        assertThat(t.size(3)).isZero();
        CohortAccumulator same = new CohortAccumulator(3);
        same.addAll(new int[] {2, 1, 0, 0, 0, 0, 0, 1, 1, 2}, new int[] {2, 3, 4, 1, 4, 3, 2, 1, 3, 1});
        assertThat(same.toByteArray()).isEqualTo(bytes);
        assertThat(t).isEqualTo(CohortTable.of(new int[] {0, 0, 0, 0, 0, 1, 1, 1, 2, 2},
                new int[] {1, 2, 3, 4, 4, 1, 3, 3, 1, 2}, 3));
    }

    @Test
    void kaplanMeierVersion1() {
        byte[] bytes = golden("kaplan-meier-v1.bin");
        KaplanMeierAccumulator acc = KaplanMeierAccumulator.fromByteArray(bytes);
        assertThat(acc.count()).isEqualTo(11);
        assertThat(acc.distinctDurations()).isEqualTo(10);
        KaplanMeier km = acc.snapshot();
        // R: summary(survfit(Surv(time, status) ~ 1, data = aml[aml$x == "Maintained", ])): S(13) = 0.8182,
        // S(48) = 0.1841, median 31 (Therneau, survival package documentation of the aml data)
        assertThat(km.survival(13)).isCloseTo(0.8182, org.assertj.core.api.Assertions.within(5e-5));
        assertThat(km.survival(48)).isCloseTo(0.1841, org.assertj.core.api.Assertions.within(5e-5));
        assertThat(km.medianSurvival()).hasValue(31.0);
        double[] t = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
        boolean[] event = {true, true, false, true, true, false, true, true, false, true, false};
        assertThat(km).isEqualTo(KaplanMeier.fit(t, event));
        KaplanMeierAccumulator same = new KaplanMeierAccumulator();
        for (int i = t.length - 1; i >= 0; i--) {
            same.add(t[i], event[i]);
        }
        assertThat(same.toByteArray()).isEqualTo(bytes);
    }

    @Test
    void rfmVersion1() {
        byte[] bytes = golden("rfm-v1.bin");
        RfmAccumulator acc = RfmAccumulator.fromByteArray(bytes);
        assertThat(acc.customers()).isEqualTo(3);
        Map<String, RfmSummary> s = acc.snapshot(LocalDate.of(2024, 2, 10), ChronoUnit.DAYS);
        // "a": first day Jan 1, repeat days Jan 8 (0.1 + 0.2, the double 0.30000000000000004) and Feb 1 (0);
        // recency 31 days, age 40, monetary (0.30000000000000004 + 0) / 2 = 0.15000000000000002 (Python)
        assertThat(s).containsExactly(Map.entry("a", RfmSummary.of(2, 31.0, 40.0, 0.15000000000000002)),
                Map.entry("b", RfmSummary.of(0, 0.0, 41.0)), Map.entry("\u00e9", RfmSummary.of(0, 0.0, 38.0)));
        List<Transaction> ts = List.of(new Transaction("\u00e9", LocalDate.of(2024, 1, 3), 7.0),
                new Transaction("a", LocalDate.of(2024, 2, 1), -5.25),
                new Transaction("a", LocalDate.of(2024, 1, 8), 0.2),
                new Transaction("b", LocalDate.of(2023, 12, 31), 3.5),
                new Transaction("a", LocalDate.of(2024, 2, 1), 5.25),
                new Transaction("a", LocalDate.of(2024, 1, 8), 0.1),
                new Transaction("a", LocalDate.of(2024, 1, 1), 10.0));
        assertThat(RfmAccumulator.of(ts).toByteArray()).isEqualTo(bytes);
    }

    @Test
    void kanoVersion1() {
        byte[] bytes = golden("kano-v1.bin");
        KanoAccumulator acc = KanoAccumulator.fromByteArray(bytes);
        assertThat(acc.isNamed()).isTrue();
        assertThat(acc.names()).containsExactly("speed", "price", "caf\u00e9");
        assertThat(new long[] {acc.count(0), acc.count(1), acc.count(2)}).containsExactly(6, 7, 6);
        KanoResult r = acc.snapshot();
        // "speed": 3 x (like, dislike), 2 x (like, neutral), 1 x (neutral, neutral) -> O 3, A 2, I 1
        KanoResult.Feature speed = r.feature("speed");
        assertThat(speed.answers(Answer.LIKE, Answer.DISLIKE)).isEqualTo(3);
        assertThat(speed.answers(Answer.LIKE, Answer.NEUTRAL)).isEqualTo(2);
        assertThat(speed.answers(Answer.NEUTRAL, Answer.NEUTRAL)).isEqualTo(1);
        assertThat(speed.answered()).isEqualTo(6);
        assertThat(new long[] {speed.attractive(), speed.oneDimensional(), speed.mustBe(), speed.indifferent(),
            speed.reverse(), speed.questionable()}).containsExactly(2, 3, 0, 1, 0, 0);
        // "price": 4 x (must-be, dislike) -> M, 1 x (like, like) -> Q, 2 added as R
        KanoResult.Feature price = r.feature("price");
        assertThat(price.answers(Answer.MUST_BE, Answer.DISLIKE)).isEqualTo(4);
        assertThat(price.answers(Answer.LIKE, Answer.LIKE)).isEqualTo(1);
        assertThat(price.answered()).isEqualTo(5);
        assertThat(new long[] {price.attractive(), price.oneDimensional(), price.mustBe(), price.indifferent(),
            price.reverse(), price.questionable()}).containsExactly(0, 0, 4, 0, 2, 1);
        // "café": no answer pairs, 5 added as A and 1 as I
        KanoResult.Feature cafe = r.feature("caf\u00e9");
        assertThat(cafe.answered()).isZero();
        assertThat(new long[] {cafe.attractive(), cafe.oneDimensional(), cafe.mustBe(), cafe.indifferent(),
            cafe.reverse(), cafe.questionable()}).containsExactly(5, 0, 0, 1, 0, 0);
        KanoAccumulator same = new KanoAccumulator("speed", "price", "caf\u00e9");
        same.add(2, Category.INDIFFERENT);
        same.add(1, Category.REVERSE, 2);
        same.addAll(0, new Answer[] {Answer.NEUTRAL, Answer.LIKE, Answer.LIKE, Answer.LIKE, Answer.LIKE, Answer.LIKE},
                new Answer[] {Answer.NEUTRAL, Answer.DISLIKE, Answer.NEUTRAL, Answer.DISLIKE, Answer.DISLIKE,
                    Answer.NEUTRAL});
        same.add(1, 1, 1);
        same.add(2, Category.ATTRACTIVE, 5);
        for (int i = 0; i < 4; i++) {
            same.add(1, Answer.MUST_BE, Answer.DISLIKE);
        }
        assertThat(same.toByteArray()).isEqualTo(bytes);
        assertThat(StateFamily.read(bytes)).isInstanceOf(KanoAccumulator.class);
    }

    @Test
    void quantileSketchVersion1() {
        byte[] bytes = golden("quantile-sketch-v1.bin");
        QuantileSketch s = QuantileSketch.fromByteArray(bytes);
        // values 0.0, 1e-310, 1.0, 2.5, 10.0, 10.0, -3.0, -0.5 at α = 0.01: zero bucket 2, positive keys 0, 45,
        // 115 (twice), negative keys 54 (-3) and -35 (-0.5); exact sum 20 + 1e-310
        assertThat(s.relativeAccuracy()).isEqualTo(0.01);
        assertThat(s.maxBuckets()).isEmpty();
        assertThat(s.count()).isEqualTo(8);
        assertThat(s.bucketCount()).isEqualTo(6);
        assertThat(s.min()).isEqualTo(-3.0);
        assertThat(s.max()).isEqualTo(10.0);
        assertThat(s.sum()).isEqualTo(20.0); // 20 + 1e-310 rounds to 20
        assertThat(s.mean()).isEqualTo(2.5);
        // ranks q·7 (cumulative 1, 2, 4, 5, 6, 8): q = 0 -> -3's bucket, rank 2.5 -> zero, rank 4.5 -> 1's bucket
        // (1.01, x = γ^0), q = 1 -> 10's
        assertThat(s.quantile(0)).isLessThan(-2.9).isGreaterThan(-3.1);
        assertThat(s.quantile(2.5 / 7)).isEqualTo(0.0);
        assertThat(s.quantile(4.5 / 7)).isEqualTo(1.01);
        assertThat(s.quantile(1)).isGreaterThan(9.9).isLessThan(10.1);
        QuantileSketch same = new QuantileSketch(0.01);
        same.addAll(10.0, -0.5, 1e-310, 2.5);
        same.add(-3.0);
        same.add(10.0);
        same.add(1.0, 1);
        same.add(0.0);
        assertThat(same.toByteArray()).isEqualTo(bytes);
        assertThat(StateFamily.read(bytes)).isInstanceOf(QuantileSketch.class);
    }
}
