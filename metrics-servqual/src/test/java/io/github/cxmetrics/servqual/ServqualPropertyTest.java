package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.survey.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/** Invariants of SERVQUAL scoring (DESIGN.md §5), with QuickTheories from a fixed seed. */
class ServqualPropertyTest {

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(1991L).withExamples(100);
    }

    /** n respondents on 1..7 from a seed, about 1 in 8 answers missing, half with importance. */
    private static List<Respondent> respondents(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Respondent> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            int[] e = new int[22];
            int[] p = new int[22];
            for (int i = 0; i < 22; i++) {
                e[i] = random.nextInt(8) == 0 ? Respondent.MISSING : 1 + random.nextInt(7);
                p[i] = random.nextInt(8) == 0 ? Respondent.MISSING : 1 + random.nextInt(7);
            }
            Respondent resp = Respondent.of(e, p);
            out.add(random.nextBoolean() ? resp.withImportance(20, 20, 20, 20, 20) : resp);
        }
        return out;
    }

    private static ServqualReport report(List<Respondent> rs) {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        rs.forEach(acc::add);
        return acc.snapshot();
    }

    @Test
    void permutingRespondentsChangesNothingAndScoresStayInBounds() {
        qt().forAll(longs().all(), integers().between(5, 40), longs().all()).checkAssert((seed, n, shuffle) -> {
            List<Respondent> rs = respondents(seed, n);
            ServqualReport a = report(rs);
            List<Respondent> shuffled = new ArrayList<>(rs);
            Collections.shuffle(shuffled, new Random(shuffle));
            ServqualReport b = report(shuffled);
            assertThat(b.unweightedScore()).isCloseTo(a.unweightedScore(), within(1e-12));
            assertThat(b.servperfScore()).isCloseTo(a.servperfScore(), within(1e-12));
            assertThat(Double.compare(alpha(b, Dimension.EMPATHY, Measure.PERCEPTION),
                    alpha(a, Dimension.EMPATHY, Measure.PERCEPTION))).isZero();
            assertThat(a.unweightedScore()).isBetween(-6.0, 6.0);
            assertThat(a.weightedScore()).isBetween(-6.0, 6.0);
            assertThat(a.servperfScore()).isBetween(1.0, 7.0);
        });
    }

    @Test
    void mergeOfAnySplitEqualsOnePass() {
        qt().forAll(longs().all(), integers().between(2, 40), integers().between(0, 40)).checkAssert((seed, n, cut) -> {
            List<Respondent> rs = respondents(seed, n);
            int k = Math.min(cut, n);
            ServqualAccumulator left = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
            ServqualAccumulator right = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
            rs.subList(0, k).forEach(left::add);
            rs.subList(k, n).forEach(right::add);
            ServqualReport merged = left.merge(right).snapshot();
            ServqualReport one = report(rs);
            assertThat(merged.respondents()).isEqualTo(one.respondents());
            assertThat(merged.unweightedScore()).isCloseTo(one.unweightedScore(), within(1e-12));
            assertThat(Double.compare(alpha(merged, Dimension.RELIABILITY, Measure.EXPECTATION),
                    alpha(one, Dimension.RELIABILITY, Measure.EXPECTATION))).isZero();
        });
    }

    /** Alpha, or NaN where it is undefined (too few complete respondents): exact integer sums, so equal. */
    private static double alpha(ServqualReport r, Dimension d, Measure m) {
        try {
            return r.cronbachAlpha(d, m);
        } catch (IllegalStateException undefined) {
            return Double.NaN;
        }
    }

    @Test
    void aRespondentWithEqualAnswersAddsZeroGap() {
        qt().forAll(integers().between(1, 7)).checkAssert(v -> {
            int[] same = new int[22];
            java.util.Arrays.fill(same, v);
            ServqualReport r = report(List.of(Respondent.of(same, same)));
            for (Dimension d : Dimension.values()) {
                assertThat(r.dimensionGapMean(d)).isEqualTo(0.0);
            }
        });
    }
}
