package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Reproducers of the reliability report (rows 15, 17, 22, 32, 33) and of the code review (§2.3 and
 * Appendix P5, the {@code estimate()} trap) for the survey metrics, each asserting the value or the
 * exact exception that the contract asks for.
 */
class SurveyEdgeCasesTest {

    // ---- row 15: NPS outside −100…100 ----

    @Test
    void oneWeightedDetractorScoresExactlyMinus100() {
        // Before: 100·(0 − w)/w with w = 0.3943924586404135 rounded to −100.00000000000001.
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.add(3, 0.3943924586404135);
        Nps nps = Nps.of(acc.snapshot());
        assertThat(nps.score()).isEqualTo(-100.0);
        assertThat(nps.detractorShare()).isEqualTo(1.0);
        assertThat(nps.confidenceInterval(0.95, IntervalMethod.WALD)).isEqualTo(new Interval(-100, -100, 0.95));
    }

    @Test
    void singleWeightSamplesScoreExactlyTheirUnweightedScoreBounds() {
        // Every response of a sample has the same weight w: all detractors must give exactly −100, all
        // promoters exactly +100, and any mix a score in [−100, 100].
        RatingPropertyTest.qt().withExamples(3000)
                .forAll(org.quicktheories.generators.SourceDSL.longs().all(),
                        org.quicktheories.generators.SourceDSL.integers().between(1, 40))
                .checkAssert((seed, n) -> {
                    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
                    double w = random.nextBoolean() ? random.nextDouble(1e-3, 10)
                            : Math.pow(10, -150 + 300 * random.nextDouble());
                    RatingAccumulator detractors = new RatingAccumulator(Scale.ZERO_TO_TEN);
                    RatingAccumulator promoters = new RatingAccumulator(Scale.ZERO_TO_TEN);
                    RatingAccumulator mixed = new RatingAccumulator(Scale.ZERO_TO_TEN);
                    for (int i = 0; i < n; i++) {
                        detractors.add(random.nextInt(7), w);
                        promoters.add(9 + random.nextInt(2), w);
                        mixed.add(random.nextInt(11), w);
                    }
                    assertThat(Nps.of(detractors.snapshot()).score()).isEqualTo(-100.0);
                    assertThat(Nps.of(promoters.snapshot()).score()).isEqualTo(100.0);
                    Nps nps = Nps.of(mixed.snapshot());
                    assertThat(nps.score()).isBetween(-100.0, 100.0);
                    assertThat(nps.promoterShare()).isBetween(0.0, 1.0);
                    assertThat(nps.detractorShare()).isBetween(0.0, 1.0);
                    assertThat(nps.passiveShare()).isBetween(0.0, 1.0);
                });
    }

    // ---- row 33: the adjusted-Wald interval of n = 1 excludes the score (documented) ----

    @Test
    void adjustedWaldIntervalOfOneDetractorExcludesItsScoreAsDocumented() {
        // By hand (Rocks 2016): n' = 1 + 3 = 4, p' = 0.75/4 = 0.1875, d' = (1 + 0.75)/4 = 0.4375,
        // NPS' = 100·(p' − d') = −25, SE' = 100·sqrt((0.625 − 0.0625)/4) = 37.5; z = 1.959963984540054
        // (scipy.stats.norm.ppf(0.975)); −25 ∓ z·37.5 = −98.49864942025202, 48.49864942025202.
        Nps nps = Nps.ofCounts(0, 0, 1);
        assertThat(nps.score()).isEqualTo(-100.0);
        Interval ci = nps.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-98.49864942025202, within(1e-12));
        assertThat(ci.upper()).isCloseTo(48.49864942025202, within(1e-12));
        assertThat(ci.contains(nps.score())).isFalse();
        // the Wald interval of that sample is the point −100 (SE = 100·sqrt((1 − 1)/1) = 0)
        assertThat(nps.confidenceInterval(0.95, IntervalMethod.WALD)).isEqualTo(new Interval(-100, -100, 0.95));
    }

    // ---- row 22 and its siblings: loops on points overflow at Integer.MAX_VALUE ----

    @Test
    void csatOnAScaleEndingAtIntegerMaxValue() {
        // Before: IAE "rating must be in 2147483641..2147483647, was -2147483648" (point++ wrapped).
        int max = Integer.MAX_VALUE;
        Scale scale = Scale.of(max - 6, max);
        RatingDistribution d = RatingDistribution.of(scale, max, max - 1, max - 6, max - 3);
        Csat top2 = Csat.of(d);
        assertThat(top2.satisfiedFrom()).isEqualTo(max - 1);
        assertThat(top2.satisfied()).isEqualTo(2);
        assertThat(top2.score()).isEqualTo(50.0);
        assertThat(Csat.of(d, max).score()).isEqualTo(25.0);
        assertThat(Csat.of(d, max - 5).score()).isEqualTo(75.0);
        // the rest of the package on the same scale: (6 + 5 + 0 + 3)/4 = 3.5 above the minimum
        assertThat(d.mean()).isEqualTo(max - 6 + 3.5);
        assertThat(d.median()).isEqualTo(max - 6 + 4.0); // points 0, 3, 5, 6 above min: (3 + 5)/2
        assertThat(d.topBox(2)).isEqualTo(0.5);
        assertThat(d.bottomBox(7)).isEqualTo(1.0);
        assertThat(d.share(max)).isEqualTo(0.25);
        Nps nps = Nps.of(d, max - 1, max - 4);
        assertThat(nps.promoters()).isEqualTo(2);
        assertThat(nps.passives()).isEqualTo(1);
        assertThat(nps.detractors()).isEqualTo(1);
        RatingAccumulator acc = new RatingAccumulator(scale);
        acc.addAll(new int[] {max, max - 6});
        acc.add(max, 2.0);
        assertThat(acc.snapshot().counts()).containsExactly(1, 0, 0, 0, 0, 0, 2);
        assertThatThrownBy(() -> acc.addAll(new byte[] {0})).hasMessage("rating 0 at index 0 is outside scale "
                + scale);
        assertThat(RatingAccumulator.fromByteArray(acc.toByteArray()).snapshot()).isEqualTo(acc.snapshot());
    }

    @Test
    void scaleStartingAtIntegerMinValue() {
        int min = Integer.MIN_VALUE;
        Scale scale = Scale.of(min, min + 4);
        RatingDistribution d = RatingDistribution.of(scale, min, min + 4, min + 4);
        assertThat(Csat.of(d).score()).isCloseTo(200.0 / 3.0, within(1e-12));
        assertThat(d.median()).isEqualTo(min + 4.0);
        assertThat(d.mean()).isEqualTo(min + 8.0 / 3.0);
        assertThatThrownBy(() -> new RatingAccumulator(scale).add(Integer.MAX_VALUE))
                .hasMessage("rating 2147483647 is outside scale " + scale);
    }

    // ---- row 17: Ces with n_eff barely above 1 ----

    @Test
    void cesIntervalWithTooFewEffectiveRespondentsNamesCesAndTheEffectiveSize() {
        // Weights {1, 1e-6}: n_eff = (1 + 1e-6)²/(1 + 1e-12) = 1.0000019999999998 (Python float
        // arithmetic, the same IEEE operations), so 2.0e-6 degrees of freedom and an infinite t
        // critical value. Before: IAE "lower must be finite, was -Infinity".
        for (int second : new int[] {5, 2}) { // with and without spread (SE > 0, SE = 0)
            RatingAccumulator acc = new RatingAccumulator(Scale.ONE_TO_SEVEN);
            acc.add(2, 1.0);
            acc.add(second, 1e-6);
            Ces ces = Ces.of(acc.snapshot());
            assertThat(ces.effectiveSize()).isCloseTo(1.000002, within(1e-12));
            assertThatThrownBy(() -> ces.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("CES confidence interval is undefined: too few effective respondents for "
                            + "a Student t interval at level 0.95 (effective size 1.00000")
                    .hasMessageContaining("degrees of freedom, infinite t critical value)");
        }
    }

    @Test
    void cesOfOneRespondentNamesCes() {
        Ces ces = Ces.of(RatingDistribution.of(Scale.ONE_TO_SEVEN, 4));
        assertThatThrownBy(ces::variance).isInstanceOf(IllegalStateException.class)
                .hasMessage("CES variance is undefined: it needs an effective sample size above 1, was 1.0");
        assertThatThrownBy(() -> ces.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class)
                .hasMessage("CES variance is undefined: it needs an effective sample size above 1, was 1.0");
        assertThatThrownBy(() -> Ces.compare(ces, ces)).isInstanceOf(IllegalStateException.class)
                .hasMessage("CES variance is undefined: it needs an effective sample size above 1, was 1.0");
    }

    // ---- §2.3 / Appendix P5: the estimate() trap ----

    @Test
    void cesAsEstimateGivesTheSameIntervalAsTheMetric() {
        // P5 showed Csat.estimate().confidenceInterval(0.95) = [71.4, 108.6] % beside the metric's
        // Wilson [59.6, 98.2] %. Ces keeps asEstimate(), whose interval is the metric's own.
        RatingDistribution[] samples = {
            RatingDistribution.of(Scale.ONE_TO_SEVEN, 2, 1, 2, 3, 2),
            RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, 80, 210, 140, 110, 160, 180, 120),
            RatingDistribution.of(Scale.ONE_TO_SEVEN, 7, 7, 7, 6),
        };
        for (RatingDistribution d : samples) {
            Ces ces = Ces.of(d);
            Estimate e = ces.asEstimate();
            assertThat(e.value()).isEqualTo(ces.mean());
            assertThat(e.standardError()).isEqualTo(ces.standardError());
            assertThat(e.degreesOfFreedom()).isEqualTo(d.count() - 1.0);
            for (double level : new double[] {0.5, 0.9, 0.95, 0.999}) {
                assertThat(e.confidenceInterval(level)).isEqualTo(ces.confidenceInterval(level));
            }
        }
        // 2, 1, 2, 3, 2: scipy.stats.t.interval(0.95, 4, loc=2, scale=sqrt(0.5/5))
        assertThat(Ces.of(samples[0]).asEstimate().confidenceInterval(0.95).lower())
                .isCloseTo(1.1220109669149172, within(1e-10));
    }

    @Test
    void npsAndCsatNoLongerOfferAnEstimateWhoseIntervalDiffersFromTheirs() {
        for (Class<?> type : new Class<?>[] {Nps.class, Csat.class}) {
            assertThat(Arrays.stream(type.getMethods()).map(Method::getName))
                    .as(type.getSimpleName()).doesNotContain("estimate", "asEstimate");
        }
        // what compare needs is computed directly: NPS 5/0/0 vs 3/1/1 (scores 100 and 40)
        var d = Nps.compare(Nps.ofCounts(5, 0, 0), Nps.ofCounts(3, 1, 1));
        assertThat(d.estimate()).isCloseTo(-60.0, within(1e-12));
        // SE of 3/1/1: 100·sqrt((0.8 − 0.16)/5) = 100·sqrt(0.128) = 35.77708763999664; of 5/0/0: 0
        assertThat(d.standardError()).isCloseTo(35.77708763999664, within(1e-12));
    }

    // ---- row 32 and the null rule: every reference argument is checked by name ----

    @Test
    void everyNullArgumentIsNamed() {
        RatingDistribution d10 = RatingDistribution.of(Scale.ZERO_TO_TEN, 9, 3);
        RatingDistribution d7 = RatingDistribution.of(Scale.ONE_TO_SEVEN, 5, 3);
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        Nps nps = Nps.of(d10);
        Csat csat = Csat.of(d10);
        Ces ces = Ces.of(d7);
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("scale", () -> new RatingAccumulator(null));
        calls.put("distribution", () -> RatingAccumulator.of(null));
        calls.put("ratings", () -> acc.addAll((int[]) null));
        calls.put("ratings ", () -> acc.addAll((int[]) null, 0, 0));
        calls.put("ratings  ", () -> acc.addAll((byte[]) null));
        calls.put("ratings   ", () -> acc.addAll((byte[]) null, 0, 0));
        calls.put("ratings    ", () -> acc.addAll(null, new double[0]));
        calls.put("weights", () -> acc.addAll(new int[0], null));
        calls.put("other", () -> acc.merge(null));
        calls.put("bytes", () -> RatingAccumulator.fromByteArray(null));
        calls.put("source", () -> RatingAccumulator.fromByteBuffer(null));
        calls.put("target", () -> acc.writeTo(null));
        calls.put("scale ", () -> RatingDistribution.of(null, 1));
        calls.put("ratings     ", () -> RatingDistribution.of(Scale.ZERO_TO_TEN, (int[]) null));
        calls.put("scale  ", () -> RatingDistribution.ofCounts(null, 1));
        calls.put("counts", () -> RatingDistribution.ofCounts(Scale.ZERO_TO_TEN, (long[]) null));
        calls.put("scale   ", () -> RatingDistribution.empty(null));
        calls.put("scale    ", () -> RatingDistribution.collector(null, (Integer x) -> x));
        calls.put("rating", () -> RatingDistribution.collector(Scale.ZERO_TO_TEN, null));
        calls.put("weight", () -> RatingDistribution.collector(Scale.ZERO_TO_TEN, (Integer x) -> x, null));
        calls.put("other ", () -> d10.plus(null));
        calls.put("ratings      ", () -> Nps.of((int[]) null));
        calls.put("distribution ", () -> Nps.of((RatingDistribution) null));
        calls.put("distribution  ", () -> Nps.of(null, 9, 6));
        calls.put("rating ", () -> Nps.collector(null));
        calls.put("weight ", () -> Nps.collector((Integer x) -> x, null));
        calls.put("a", () -> Nps.compare(null, nps));
        calls.put("b", () -> Nps.compare(nps, null));
        calls.put("method", () -> nps.confidenceInterval(0.95, null));
        calls.put("distribution   ", () -> Csat.of(null));
        calls.put("distribution    ", () -> Csat.of(null, 9));
        calls.put("a ", () -> Csat.compare(null, csat));
        calls.put("b ", () -> Csat.compare(csat, null));
        calls.put("method ", () -> csat.confidenceInterval(0.95, null));
        calls.put("distribution     ", () -> Ces.of((RatingDistribution) null));
        calls.put("distribution      ", () -> Ces.ofEffort((RatingDistribution) null));
        calls.put("ratings       ", () -> Ces.of((int[]) null));
        calls.put("ratings        ", () -> Ces.ofEffort((int[]) null));
        calls.put("rating  ", () -> Ces.collector(null));
        calls.put("weight  ", () -> Ces.collector((Integer x) -> x, null));
        calls.put("scale     ", () -> Csat.of((Scale) null, 1, 2));
        calls.put("ratings         ", () -> Csat.of(Scale.ONE_TO_FIVE, (int[]) null));
        calls.put("scale      ", () -> Csat.collector(null, (Integer x) -> x));
        calls.put("rating   ", () -> Csat.collector(Scale.ONE_TO_FIVE, null));
        calls.put("weight   ", () -> Csat.collector(Scale.ONE_TO_FIVE, (Integer x) -> x, null));
        calls.put("distribution       ", () -> Ces.of(null, Ces.Version.CES_2));
        calls.put("version", () -> Ces.of(d7, null));
        calls.put("a  ", () -> Ces.compare(null, ces));
        calls.put("b  ", () -> Ces.compare(ces, null));
        calls.put("other", () -> Nps.ofCounts(1, 1, 1).plus(null));
        calls.put("other ", () -> csat.plus(null));
        calls.put("other  ", () -> ces.plus(null));
        calls.put("segments", () -> Nps.segments(null));
        calls.put("segments ", () -> Csat.segments(null));
        calls.put("segments  ", () -> Ces.segments(null));
        calls.forEach((name, call) -> assertThatThrownBy(call).as(name.strip())
                .isInstanceOf(NullPointerException.class).hasMessage(name.strip()));
        assertThat(acc.count()).isZero();
    }

    @Test
    void everyPublicMethodOfThePackageWithAReferenceParameterIsCoveredAbove() {
        // A new public method with an object parameter must be added to everyNullArgumentIsNamed.
        long withReferences = 0;
        for (Class<?> type : new Class<?>[] {RatingAccumulator.class, RatingDistribution.class, Nps.class, Csat.class,
            Ces.class}) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isBridge() && !m.getName().equals("equals")
                        && Arrays.stream(m.getParameterTypes()).anyMatch(p -> !p.isPrimitive())) {
                    withReferences++;
                }
            }
            withReferences += Arrays.stream(type.getConstructors())
                    .filter(c -> Arrays.stream(c.getParameterTypes()).anyMatch(p -> !p.isPrimitive())).count();
        }
        // RatingAccumulator 11 (constructor, of, 4 × addAll of arrays, weighted addAll, merge,
        // fromByteArray, fromByteBuffer, writeTo), RatingDistribution 6, Nps 9, Csat 9, Ces 10 (plus and
        // segments in each since 0.2.0)
        assertThat(withReferences).isEqualTo(45);
    }
}
