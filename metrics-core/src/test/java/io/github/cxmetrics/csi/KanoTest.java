package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.Kano.Category;
import io.github.cxmetrics.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kano figures against mission-next.md §2.4 (tallies of features 1 and 2 from
 * kano-model.proofofthepudding.be, feature 3 and the results [computed] by t2.py, Appendix A.2) and
 * the evaluation table of §2.3; DuMouchel's scores and the README example against
 * {@code src/test/resources/io/github/cxmetrics/csi/kano_check.py}, an independent Python computation.
 */
class KanoTest {

    static final Answer L = Answer.LIKE;
    static final Answer M = Answer.MUST_BE;
    static final Answer N = Answer.NEUTRAL;
    static final Answer W = Answer.LIVE_WITH;
    static final Answer D = Answer.DISLIKE;

    /** §2.4's table lists (M, O, A, I, R, Q); the factory takes (A, O, M, I, R, Q). */
    static KanoResult.Feature tally(String name, long m, long o, long a, long i, long r, long q) {
        return KanoResult.Feature.ofCounts(name, a, o, m, i, r, q);
    }

    static final KanoResult.Feature F1 = tally("#1", 9, 10, 1, 2, 3, 0);
    static final KanoResult.Feature F2 = tally("#2", 9, 5, 4, 2, 4, 1);
    static final KanoResult.Feature F3 = tally("#3", 5, 12, 40, 8, 0, 1);

    @Test
    void feature1ModeIsOneDimensionalButTheHierarchyRuleGivesMustBe() {
        assertThat(F1.count()).isEqualTo(25);
        assertThat(F1.category()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(F1.secondCategory()).isEqualTo(Category.MUST_BE);
        assertThat(F1.categoryByHierarchy()).isEqualTo(Category.MUST_BE); // strength 4 % <= 6 %
        assertThat(F1.categoryByHierarchy(0.039)).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(F1.categoryByHierarchy(0.04)).isEqualTo(Category.MUST_BE); // 1/25 <= 0.04 exactly
        assertThat(F1.better()).isCloseTo(0.5, within(1e-12));
        assertThat(F1.worse()).isCloseTo(-0.863636363636364, within(1e-12));
        Kano.FongTest fong = F1.fong();
        assertThat(fong.a()).isEqualTo(10);
        assertThat(fong.b()).isEqualTo(9);
        assertThat(fong.difference()).isEqualTo(1.0);
        assertThat(fong.criticalValue()).isCloseTo(5.66313075957107, within(1e-12));
        assertThat(fong.significant()).isFalse();
        assertThat(F1.categoryStrength()).isCloseTo(0.04, within(1e-12));
        assertThat(F1.totalStrength()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void feature2IsMustBeThenOneDimensional() {
        assertThat(F2.count()).isEqualTo(25);
        assertThat(F2.category()).isEqualTo(Category.MUST_BE);
        assertThat(F2.secondCategory()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(F2.categoryByHierarchy()).isEqualTo(Category.MUST_BE); // 16 % > 6 %: the mode
        assertThat(F2.better()).isCloseTo(0.45, within(1e-12));
        assertThat(F2.worse()).isCloseTo(-0.7, within(1e-12));
        Kano.FongTest fong = F2.fong();
        assertThat(fong.difference()).isEqualTo(4.0);
        assertThat(fong.criticalValue()).isCloseTo(5.23858759590789, within(1e-12));
        assertThat(fong.significant()).isFalse();
        assertThat(F2.categoryStrength()).isCloseTo(0.16, within(1e-12));
        assertThat(F2.totalStrength()).isCloseTo(0.72, within(1e-12));
    }

    @Test
    void feature3IsAttractiveAndSignificantlySo() {
        assertThat(F3.count()).isEqualTo(66);
        assertThat(F3.category()).isEqualTo(Category.ATTRACTIVE);
        assertThat(F3.secondCategory()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(F3.categoryByHierarchy()).isEqualTo(Category.ATTRACTIVE);
        assertThat(F3.better()).isCloseTo(0.8, within(1e-12));
        assertThat(F3.worse()).isCloseTo(-0.261538461538462, within(1e-12));
        Kano.FongTest fong = F3.fong();
        assertThat(fong.first()).isEqualTo(Category.ATTRACTIVE);
        assertThat(fong.second()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(fong.difference()).isEqualTo(28.0);
        assertThat(fong.criticalValue()).isCloseTo(9.26282894152753, within(1e-12));
        assertThat(fong.significant()).isTrue();
        assertThat(F3.categoryStrength()).isCloseTo(0.424242424242424, within(1e-12));
        assertThat(F3.totalStrength()).isCloseTo(0.863636363636364, within(1e-12));
    }

    @Test
    void theAccumulatorGivesTheSameFeaturesFromCategoryTallies() {
        KanoAccumulator acc = new KanoAccumulator("#1", "#2", "#3");
        long[][] mOaIrQ = {{9, 10, 1, 2, 3, 0}, {9, 5, 4, 2, 4, 1}, {5, 12, 40, 8, 0, 1}};
        Category[] order = {Category.MUST_BE, Category.ONE_DIMENSIONAL, Category.ATTRACTIVE, Category.INDIFFERENT,
            Category.REVERSE, Category.QUESTIONABLE};
        for (int f = 0; f < 3; f++) {
            for (int k = 0; k < 6; k++) {
                if (f == 0) {
                    for (long j = 0; j < mOaIrQ[f][k]; j++) {
                        acc.add(f, order[k]);
                    }
                } else {
                    acc.add(f, order[k], mOaIrQ[f][k]);
                }
            }
        }
        KanoResult r = acc.snapshot();
        assertThat(r.features()).containsExactly(F1, F2, F3);
        assertThat(r.feature("#3")).isEqualTo(F3);
        assertThat(r.feature(1)).isEqualTo(F2);
        assertThat(r.feature(0).answered()).isZero();
    }

    @Test
    void fongAtAnotherCriticalValue() {
        // feature 3: 28 vs 1.959963984540054·√((52)(80)/132) = 11.0027... (python: math.sqrt(52*80/132)*z)
        double z = 1.959963984540054;
        assertThat(F3.fong(z).criticalValue()).isCloseTo(z * Math.sqrt(52.0 * 80.0 / 132.0), within(1e-12));
        assertThat(F3.fong(z).z()).isEqualTo(z);
        // feature 1 at a tiny z: 1 >= z·3.4322 is significant
        assertThat(F1.fong(0.2).significant()).isTrue();
    }

    @Test
    void theListedEvaluationTableLookups() {
        // §2.4: (L,D)→O, (L,W)→A, (M,D)→M, (N,N)→I, (L,L)→Q, (D,L)→R, (W,D)→M, (L,N)→A, (N,D)→M
        assertThat(Kano.classify(L, D)).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(Kano.classify(L, W)).isEqualTo(Category.ATTRACTIVE);
        assertThat(Kano.classify(M, D)).isEqualTo(Category.MUST_BE);
        assertThat(Kano.classify(N, N)).isEqualTo(Category.INDIFFERENT);
        assertThat(Kano.classify(L, L)).isEqualTo(Category.QUESTIONABLE);
        assertThat(Kano.classify(D, L)).isEqualTo(Category.REVERSE);
        assertThat(Kano.classify(W, D)).isEqualTo(Category.MUST_BE);
        assertThat(Kano.classify(L, N)).isEqualTo(Category.ATTRACTIVE);
        assertThat(Kano.classify(N, D)).isEqualTo(Category.MUST_BE);
    }

    @Test
    void allTwentyFiveCellsOfTheEvaluationTable() {
        // §2.3's table, row by row (functional Like, Must-be, Neutral, Live-with, Dislike)
        String[] rows = {"QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"};
        Answer[] answers = {L, M, N, W, D};
        for (int f = 0; f < 5; f++) {
            for (int d = 0; d < 5; d++) {
                assertThat(Kano.classify(answers[f], answers[d]).letter()).as("(%s, %s)", answers[f], answers[d])
                        .isEqualTo(rows[f].charAt(d));
            }
        }
    }

    @Test
    void dumouchelScoresMatchAnIndependentComputation() {
        // kano_check.py, "DuMouchel vector": 3 (L,D), 2 (L,N), 2 (M,D), (N,N), (L,L), (D,L), (W,D), (N,W)
        KanoAccumulator acc = new KanoAccumulator(1);
        Answer[][] pairs = {{L, D}, {L, D}, {L, D}, {L, N}, {L, N}, {M, D}, {M, D}, {N, N}, {L, L}, {D, L}, {W, D},
            {N, W}};
        for (Answer[] p : pairs) {
            acc.add(0, p[0], p[1]);
        }
        KanoResult.Feature f = acc.snapshot().feature(0);
        assertThat(f.answered()).isEqualTo(12);
        assertThat(f.functionalMean()).isCloseTo(0.5208333333333334, within(1e-12));
        assertThat(f.dysfunctionalMean()).isCloseTo(0.4583333333333333, within(1e-12));
        Estimate fs = f.functionalScore();
        assertThat(fs.value()).isCloseTo(0.5208333333333334, within(1e-12));
        assertThat(fs.standardError()).isCloseTo(0.16416205192714087, within(1e-12));
        assertThat(fs.degreesOfFreedom()).isEqualTo(11.0);
        assertThat(f.dysfunctionalScore().standardError()).isCloseTo(0.17899480834410092, within(1e-12));
        // the same script's figures: A2 O3 M3 I2 R1 Q1; M and O tie at 3, the hierarchy puts M first
        assertThat(new long[] {f.attractive(), f.oneDimensional(), f.mustBe(), f.indifferent(), f.reverse(),
            f.questionable()}).containsExactly(2, 3, 3, 2, 1, 1);
        assertThat(f.category()).isEqualTo(Category.MUST_BE);
        assertThat(f.secondCategory()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(f.better()).isCloseTo(0.5, within(1e-12));
        assertThat(f.worse()).isCloseTo(-0.6, within(1e-12));
        assertThat(f.fong().criticalValue()).isCloseTo(3.5001785668734096, within(1e-12));
        assertThat(f.categoryStrength()).isZero();
        assertThat(f.totalStrength()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(f.answers(L, D)).isEqualTo(3);
        assertThat(f.answers(D, D)).isZero();
    }

    @Test
    void theScoresOfEachAnswer() {
        // §2.3: functional Like..Dislike → 1, .5, 0, −.25, −.5; dysfunctional → −.5, −.25, 0, .5, 1
        assertThat(List.of(L, M, N, W, D).stream().mapToDouble(Answer::functionalScore).toArray())
                .containsExactly(1, 0.5, 0, -0.25, -0.5);
        assertThat(List.of(L, M, N, W, D).stream().mapToDouble(Answer::dysfunctionalScore).toArray())
                .containsExactly(-0.5, -0.25, 0, 0.5, 1);
        assertThat(List.of(L, M, N, W, D).stream().mapToInt(Answer::code).toArray()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void readmeExample() {
        // kano_check.py, "README": six respondents, codes (wifi f, wifi d, breakfast f, breakfast d)
        int[][] rows = {{1, 5, 1, 3}, {1, 5, 3, 5}, {2, 5, 1, 3}, {1, 3, 3, 5}, {1, 5, 1, 4}, {3, 5, 3, 3}};
        KanoAccumulator acc = new KanoAccumulator("wifi", "breakfast");
        for (int[] r : rows) {
            acc.add(0, r[0], r[1]);
            acc.add(1, r[2], r[3]);
        }
        KanoResult result = acc.snapshot();
        KanoResult.Feature wifi = result.feature("wifi");
        assertThat(wifi.category()).isEqualTo(Category.ONE_DIMENSIONAL);
        assertThat(wifi.better()).isCloseTo(0.6666666666666666, within(1e-12));
        assertThat(wifi.worse()).isCloseTo(-0.8333333333333334, within(1e-12));
        assertThat(wifi.fong().criticalValue()).isCloseTo(2.8179114606388893, within(1e-12));
        assertThat(wifi.functionalScore().standardError()).isCloseTo(0.17078251276599332, within(1e-12));
        assertThat(wifi.dysfunctionalMean()).isCloseTo(0.8333333333333334, within(1e-12));
        KanoResult.Feature breakfast = result.feature("breakfast");
        assertThat(breakfast.category()).isEqualTo(Category.ATTRACTIVE);
        assertThat(breakfast.better()).isCloseTo(0.5, within(1e-12));
        assertThat(breakfast.worse()).isCloseTo(-0.3333333333333333, within(1e-12));
        assertThat(breakfast.functionalMean()).isCloseTo(0.5, within(1e-12));
        assertThat(breakfast.dysfunctionalScore().standardError()).isCloseTo(0.2006932429798716, within(1e-12));
        assertThat(breakfast.totalStrength()).isCloseTo(0.8333333333333334, within(1e-12));
    }

    @Test
    void parseAcceptsTheDocumentedCodesAndLabels() {
        assertThat(Answer.parse("1")).isEqualTo(L);
        assertThat(Answer.parse(" I like it ")).isEqualTo(L);
        assertThat(Answer.parse("LIKE")).isEqualTo(L);
        assertThat(Answer.parse("I expect it")).isEqualTo(M);
        assertThat(Answer.parse("must-be")).isEqualTo(M);
        assertThat(Answer.parse("Must be")).isEqualTo(M);
        assertThat(Answer.parse("3")).isEqualTo(N);
        assertThat(Answer.parse("I\u2019m  neutral")).isEqualTo(N);
        assertThat(Answer.parse("I can tolerate it")).isEqualTo(W);
        assertThat(Answer.parse("live-with")).isEqualTo(W);
        assertThat(Answer.parse("w")).isEqualTo(W);
        assertThat(Answer.parse("5")).isEqualTo(D);
        assertThat(Answer.parse("I dislike it")).isEqualTo(D);
        for (int c = 1; c <= 5; c++) {
            assertThat(Answer.ofCode(c).code()).isEqualTo(c);
            assertThat(Answer.parse(Integer.toString(c))).isEqualTo(Answer.ofCode(c));
        }
        for (Category c : Category.values()) {
            assertThat(Category.ofLetter(c.letter())).isEqualTo(c);
            assertThat(Category.ofLetter(Character.toLowerCase(c.letter()))).isEqualTo(c);
        }
    }

    @Test
    void parseRejectsAnythingElse() {
        for (String bad : new String[] {"", " ", "0", "6", "4.0", "01", "likes", "x", "must", "Ik vind het leuk"}) {
            assertThatThrownBy(() -> Answer.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Kano answer \"" + bad + "\" is not one of 1..5 or like, must-be (i expect it), "
                            + "neutral, live-with (i can tolerate it), dislike");
        }
        assertThatThrownBy(() -> Answer.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> Answer.ofCode(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kano answer code must be in 1..5 (1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike), "
                        + "was 0");
        assertThatThrownBy(() -> Category.ofLetter('X')).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kano category letter must be one of A, O, M, I, R, Q, was 'X'");
        assertThatThrownBy(() -> Kano.classify(null, L)).isInstanceOf(NullPointerException.class)
                .hasMessage("functional");
        assertThatThrownBy(() -> Kano.classify(L, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dysfunctional");
    }

    @Test
    void undefinedQuantitiesThrowWithTheFeatureNamed() {
        KanoResult.Feature empty = new KanoAccumulator("price").snapshot().feature(0);
        assertThat(empty.count()).isZero();
        assertThatThrownBy(empty::category).isInstanceOf(IllegalStateException.class)
                .hasMessage("the category of feature \"price\" is undefined: it has no responses");
        assertThatThrownBy(empty::categoryStrength).isInstanceOf(IllegalStateException.class)
                .hasMessage("the category strength of feature \"price\" is undefined: it has no responses");
        assertThatThrownBy(empty::totalStrength).isInstanceOf(IllegalStateException.class)
                .hasMessage("the total strength of feature \"price\" is undefined: it has no responses");
        assertThatThrownBy(empty::fong).isInstanceOf(IllegalStateException.class)
                .hasMessage("Fong's test of feature \"price\" is undefined: it has no responses");
        assertThatThrownBy(() -> empty.share(Category.ATTRACTIVE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the share of ATTRACTIVE of feature \"price\" is undefined: it has no responses");
        assertThatThrownBy(empty::better).isInstanceOf(IllegalStateException.class)
                .hasMessage("Better of feature \"price\" is undefined: no A, O, M or I responses (A + O + M + I = 0)");
        assertThatThrownBy(empty::functionalMean).isInstanceOf(IllegalStateException.class)
                .hasMessage("the mean functional score of feature \"price\" is undefined: it has no responses");

        KanoResult.Feature reverse = KanoResult.Feature.ofCounts("r", 0, 0, 0, 0, 3, 1);
        assertThat(reverse.category()).isEqualTo(Category.REVERSE);
        assertThatThrownBy(reverse::worse).isInstanceOf(IllegalStateException.class)
                .hasMessage("Worse of feature \"r\" is undefined: no A, O, M or I responses (A + O + M + I = 0)");
        KanoResult.Feature onlyQ = KanoResult.Feature.ofCounts("q", 0, 0, 0, 0, 0, 2);
        assertThatThrownBy(onlyQ::category).isInstanceOf(IllegalStateException.class)
                .hasMessage("the category of feature \"q\" is undefined: all 2 responses are questionable (Q)");
        assertThatThrownBy(onlyQ::fong).isInstanceOf(IllegalStateException.class)
                .hasMessage("Fong's test of feature \"q\" is undefined: all 2 responses are questionable (Q)");
        assertThat(onlyQ.totalStrength()).isZero();
        assertThatThrownBy(F1::functionalScore).isInstanceOf(IllegalStateException.class)
                .hasMessage("the functional score's standard error of feature \"#1\" is undefined: its 25 responses "
                        + "were added as categories, without answers");

        KanoAccumulator one = new KanoAccumulator(1);
        one.add(0, L, D);
        KanoResult.Feature single = one.snapshot().feature(0);
        assertThat(single.name()).isEqualTo("feature 1");
        assertThat(single.functionalMean()).isEqualTo(1.0);
        assertThatThrownBy(single::dysfunctionalScore).isInstanceOf(IllegalStateException.class)
                .hasMessage("the dysfunctional score's standard error of feature \"feature 1\" is undefined: it needs "
                        + "at least 2 responses with answers, has 1");
    }

    @Test
    void badArgumentsOfTheResult() {
        assertThatThrownBy(() -> F1.categoryByHierarchy(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be in [0, 1], was NaN");
        assertThatThrownBy(() -> F1.categoryByHierarchy(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> F1.fong(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> F1.fong(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("z must be finite and > 0, was Infinity");
        assertThatThrownBy(() -> KanoResult.Feature.ofCounts("x", 1, -1, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("count of ONE_DIMENSIONAL must be >= 0, was -1");
        assertThatThrownBy(() -> KanoResult.Feature.ofCounts("x", Long.MAX_VALUE, 1, 0, 0, 0, 0))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> KanoResult.Feature.ofCounts(null, 1, 1, 0, 0, 0, 0))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> new KanoAccumulator("a", "b").snapshot().feature("c"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no feature is named \"c\"");
        assertThatThrownBy(() -> new KanoAccumulator(2).snapshot().feature(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("feature index must be in 0..1, was 2");
        assertThatThrownBy(() -> new Kano.FongTest(Category.MUST_BE, Category.ATTRACTIVE, 3, 1, 10, 1.65, 2, 1.0, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Fong test components are inconsistent");
    }

    @Test
    void valueEqualityAndToString() {
        assertThat(F1).isEqualTo(tally("#1", 9, 10, 1, 2, 3, 0)).hasSameHashCodeAs(tally("#1", 9, 10, 1, 2, 3, 0));
        assertThat(F1).isNotEqualTo(tally("#2", 9, 10, 1, 2, 3, 0));
        assertThat(F1).hasToString("Feature[name=#1, n=25, A=1, O=10, M=9, I=2, R=3, Q=0, answered=0]");
        KanoAccumulator a = new KanoAccumulator(1);
        a.add(0, L, D);
        KanoAccumulator b = new KanoAccumulator(1);
        b.add(0, Category.ONE_DIMENSIONAL);
        // the same tallies, but one has its answers: not the same feature
        assertThat(a.snapshot().feature(0).oneDimensional()).isEqualTo(b.snapshot().feature(0).oneDimensional());
        assertThat(a.snapshot()).isNotEqualTo(b.snapshot());
        assertThat(a.snapshot()).isEqualTo(a.copy().snapshot()).hasSameHashCodeAs(a.copy().snapshot());
    }
}
