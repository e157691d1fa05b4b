package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.Kano.Category;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link KanoAccumulator}, checked with QuickTheories from a fixed seed (responses are
 * drawn from a {@link SplittableRandom} seeded by the generated value, so a failing case is
 * reproducible from the seed printed). The reference for the counts is a plain tally kept by the test
 * itself: answer pairs counted by their codes, categories taken from the evaluation table of Berger et
 * al. (1993), "Kano's methods for understanding customer-defined quality", Center for Quality of
 * Management Journal 2(4), written out here independently of {@link Kano#classify}.
 */
class KanoAccumulatorPropertyTest {

    /** Rows: functional code 1..5; columns: dysfunctional code 1..5 (Berger et al. 1993, Table 1). */
    static final String TABLE = "QAAAO" + "RIIIM" + "RIIIM" + "RIIIM" + "RRRRQ";

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x4B_41_4EL).withExamples(300).withShrinkCycles(0);
    }

    /** One response: a feature and either an answer pair (codes 1..5) or a category with a count. */
    record Response(int feature, int functional, int dysfunctional, Category category, long count) {

        void addTo(KanoAccumulator acc) {
            if (category == null) {
                acc.add(feature, functional, dysfunctional);
            } else {
                acc.add(feature, category, count);
            }
        }
    }

    /** A random instrument: 1..6 features, named (some non-ASCII) or not. */
    static KanoAccumulator empty(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int k = 1 + r.nextInt(6);
        if (r.nextBoolean()) {
            return new KanoAccumulator(k);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(r.nextBoolean() ? "feature " + (i + 1) : "f\u00e9\uD83D\uDE00" + i);
        }
        return new KanoAccumulator(names);
    }

    /** Up to {@code n} responses for {@code k} features; one in eight is a classified count of 0..3. */
    static List<Response> responses(long seed, int k, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Response> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int feature = r.nextInt(k);
            if (r.nextInt(8) == 0) {
                out.add(new Response(feature, 0, 0, Category.values()[r.nextInt(6)], r.nextInt(4)));
            } else {
                out.add(new Response(feature, 1 + r.nextInt(5), 1 + r.nextInt(5), null, 1));
            }
        }
        return out;
    }

    static KanoAccumulator onePass(KanoAccumulator empty, List<Response> rs) {
        KanoAccumulator acc = empty.copy();
        for (Response x : rs) {
            x.addTo(acc);
        }
        return acc;
    }

    /** The state's counts against the test's own tally of the responses. */
    static void assertTally(KanoAccumulator acc, List<Response> rs) {
        int k = acc.features();
        long[][] pairs = new long[k][25];
        long[][] byLetter = new long[k][128];
        long[] total = new long[k];
        long[] answered = new long[k];
        for (Response x : rs) {
            if (x.category() == null) {
                int slot = 5 * (x.functional() - 1) + x.dysfunctional() - 1;
                pairs[x.feature()][slot]++;
                byLetter[x.feature()][TABLE.charAt(slot)]++;
                answered[x.feature()]++;
            } else {
                byLetter[x.feature()][x.category().letter()] += x.count();
            }
            total[x.feature()] += x.count();
        }
        KanoResult result = acc.snapshot();
        for (int i = 0; i < k; i++) {
            KanoResult.Feature f = result.feature(i);
            assertThat(acc.count(i)).isEqualTo(total[i]);
            assertThat(f.count()).isEqualTo(total[i]);
            assertThat(f.answered()).isEqualTo(answered[i]);
            for (int a = 1; a <= 5; a++) {
                for (int b = 1; b <= 5; b++) {
                    assertThat(f.answers(Answer.ofCode(a), Answer.ofCode(b))).isEqualTo(pairs[i][5 * (a - 1) + b - 1]);
                }
            }
            for (Category c : Category.values()) {
                assertThat(f.count(c)).as("%s of feature %d", c, i).isEqualTo(byLetter[i][c.letter()]);
            }
        }
    }

    @Test
    void splitAnywhereInAnyOrderAndMergedInAnyTreeEqualsOnePass() {
        qt().forAll(longs().all(), integers().between(0, 300), longs().all()).checkAssert((seed, n, splitSeed) -> {
            KanoAccumulator empty = empty(seed);
            List<Response> all = responses(seed, empty.features(), n);
            KanoAccumulator whole = onePass(empty, all);
            assertTally(whole, all);
            SplittableRandom random = new SplittableRandom(splitSeed);
            List<Response> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            int parts = 1 + random.nextInt(6);
            List<KanoAccumulator> pool = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                pool.add(empty.copy());
            }
            for (Response x : shuffled) {
                x.addTo(pool.get(random.nextInt(parts)));
            }
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(3) == 0) { // some parts cross the binary form
                    pool.set(p, KanoAccumulator.fromByteArray(pool.get(p).toByteArray()));
                }
            }
            while (pool.size() > 1) {
                KanoAccumulator into = pool.remove(random.nextInt(pool.size()));
                KanoAccumulator from = pool.remove(random.nextInt(pool.size()));
                pool.add(into.merge(from));
            }
            KanoAccumulator merged = pool.get(0);
            assertThat(merged.toByteArray()).isEqualTo(whole.toByteArray());
            assertThat(merged.snapshot()).isEqualTo(whole.snapshot());
            assertTally(merged, all);
        });
    }

    @Test
    void mergeIsAssociativeAndCommutative() {
        qt().forAll(longs().all(), integers().between(0, 100), integers().between(0, 100), integers().between(0, 100))
                .checkAssert((seed, na, nb, nc) -> {
                    KanoAccumulator empty = empty(seed);
                    int k = empty.features();
                    KanoAccumulator a = onePass(empty, responses(seed + 1, k, na));
                    KanoAccumulator b = onePass(empty, responses(seed + 2, k, nb));
                    KanoAccumulator c = onePass(empty, responses(seed + 3, k, nc));
                    byte[] left = a.copy().merge(b).merge(c).toByteArray();
                    byte[] right = a.copy().merge(b.copy().merge(c)).toByteArray();
                    assertThat(left).isEqualTo(right);
                    assertThat(a.copy().merge(b).toByteArray()).isEqualTo(b.copy().merge(a).toByteArray());
                    assertThat(a.copy().merge(b).snapshot()).isEqualTo(b.copy().merge(a).snapshot());
                    // the operands are unchanged, and merging with itself doubles every count
                    assertThat(a.copy().merge(a).toByteArray()).isEqualTo(a.copy().merge(a.copy()).toByteArray());
                });
    }

    @Test
    void theBinaryFormRoundTrips() {
        qt().forAll(longs().all(), integers().between(0, 300)).checkAssert((seed, n) -> {
            KanoAccumulator empty = empty(seed);
            List<Response> rs = responses(seed, empty.features(), n);
            KanoAccumulator x = onePass(empty, rs);
            byte[] bytes = x.toByteArray();
            assertThat(bytes).hasSize(x.serializedSize());
            KanoAccumulator y = KanoAccumulator.fromByteArray(bytes);
            assertThat(y.toByteArray()).isEqualTo(bytes);
            assertThat(y.isNamed()).isEqualTo(x.isNamed());
            assertThat(y.names()).isEqualTo(x.names());
            assertThat(y.snapshot()).isEqualTo(x.snapshot());
            assertTally(y, rs);
        });
    }

    @Test
    void aRejectedBatchLeavesTheAccumulatorUnchanged() {
        qt().forAll(longs().all(), integers().between(0, 100), integers().between(1, 50)).checkAssert((seed, n, m) -> {
            KanoAccumulator empty = empty(seed);
            int k = empty.features();
            List<Response> rs = responses(seed, k, n);
            KanoAccumulator acc = onePass(empty, rs);
            byte[] before = acc.toByteArray();
            SplittableRandom r = new SplittableRandom(seed ^ m);
            Answer[] functional = new Answer[m];
            Answer[] dysfunctional = new Answer[m];
            for (int i = 0; i < m; i++) {
                functional[i] = Answer.ofCode(1 + r.nextInt(5));
                dysfunctional[i] = Answer.ofCode(1 + r.nextInt(5));
            }
            int feature = r.nextInt(k);
            int bad = r.nextInt(m);
            switch (r.nextInt(4)) {
                case 0 -> {
                    functional[bad] = null;
                    assertThatThrownBy(() -> acc.addAll(feature, functional, dysfunctional))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("functional answer at index " + bad + " is null");
                }
                case 1 -> {
                    dysfunctional[bad] = null;
                    assertThatThrownBy(() -> acc.addAll(feature, functional, dysfunctional))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("dysfunctional answer at index " + bad + " is null");
                }
                case 2 -> {
                    Answer[] shorter = java.util.Arrays.copyOf(dysfunctional, m - 1);
                    assertThatThrownBy(() -> acc.addAll(feature, functional, shorter))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("functional has " + m + " answers but dysfunctional has " + (m - 1));
                }
                default -> {
                    int outside = r.nextBoolean() ? -1 - r.nextInt(3) : k + r.nextInt(3);
                    assertThatThrownBy(() -> acc.addAll(outside, functional, dysfunctional))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("feature " + outside + " must be in 0.." + (k - 1));
                }
            }
            assertThat(acc.toByteArray()).isEqualTo(before);
            assertTally(acc, rs);
        });
    }
}
