package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Invariants of {@link RatingAccumulator} and {@link RatingDistribution} (DESIGN.md §5), checked
 * with QuickTheories from a fixed seed so that every run is reproducible.
 */
class RatingPropertyTest {

    static final long SEED = 0x5EED_C0FFEEL;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(400);
    }

    /** Ratings on 0..10, 0 to 300 of them. */
    static Gen<int[]> ratings() {
        return intArrays(range(0, 300), range(0, 10));
    }

    /** Integer weights 0..4 (exact in binary, so weighted merges are exact too), one per rating. */
    static double[] weightsFor(int[] ratings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[ratings.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextInt(5) * 0.5; // 0, 0.5, …, 2: dyadic, sums are exact
        }
        return w;
    }

    static RatingAccumulator accumulate(int[] ratings) {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(ratings);
        return acc;
    }

    static RatingAccumulator accumulateWeighted(int[] ratings, double[] weights, int from, int to) {
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.addAll(Arrays.copyOfRange(ratings, from, to), Arrays.copyOfRange(weights, from, to));
        return acc;
    }

    static int[] shuffled(int[] ratings, long seed) {
        int[] copy = ratings.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = copy.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return copy;
    }

    @Test
    void distributionIsInvariantUnderPermutation() {
        qt().forAll(ratings(), integers().all()).checkAssert((r, seed) ->
                assertThat(accumulate(shuffled(r, seed)).snapshot()).isEqualTo(accumulate(r).snapshot()));
    }

    @Test
    void splittingAnywhereThenMergingEqualsOnePass() {
        qt().forAll(ratings(), integers().between(0, 1000)).checkAssert((r, cutSeed) -> {
            int cut = r.length == 0 ? 0 : cutSeed % (r.length + 1);
            RatingAccumulator left = new RatingAccumulator(Scale.ZERO_TO_TEN);
            left.addAll(r, 0, cut);
            RatingAccumulator right = new RatingAccumulator(Scale.ZERO_TO_TEN);
            right.addAll(r, cut, r.length);
            assertThat(left.merge(right).snapshot()).isEqualTo(accumulate(r).snapshot());
            // weighted, with exact (dyadic) weights
            double[] w = weightsFor(r, cutSeed);
            RatingAccumulator wl = accumulateWeighted(r, w, 0, cut);
            RatingAccumulator wr = accumulateWeighted(r, w, cut, r.length);
            assertThat(wl.merge(wr).snapshot()).isEqualTo(accumulateWeighted(r, w, 0, r.length).snapshot());
        });
    }

    @Test
    void mergeIsCommutativeAndAssociative() {
        qt().forAll(ratings(), ratings(), ratings()).checkAssert((a, b, c) -> {
            RatingDistribution ab = accumulate(a).merge(accumulate(b)).snapshot();
            RatingDistribution ba = accumulate(b).merge(accumulate(a)).snapshot();
            assertThat(ab).isEqualTo(ba);
            RatingDistribution abThenC = accumulate(a).merge(accumulate(b)).merge(accumulate(c)).snapshot();
            RatingDistribution aThenBc = accumulate(a).merge(accumulate(b).merge(accumulate(c))).snapshot();
            assertThat(abThenC).isEqualTo(aThenBc);
            assertThat(RatingDistribution.of(Scale.ZERO_TO_TEN, a).plus(RatingDistribution.of(Scale.ZERO_TO_TEN, b)))
                    .isEqualTo(ab);
        });
    }

    @Test
    void binaryFormRoundTrips() {
        qt().forAll(ratings(), integers().all()).checkAssert((r, seed) -> {
            RatingAccumulator plain = accumulate(r);
            assertThat(RatingAccumulator.fromByteArray(plain.toByteArray()).snapshot()).isEqualTo(plain.snapshot());
            double[] w = weightsFor(r, seed);
            RatingAccumulator weighted = accumulateWeighted(r, w, 0, r.length);
            RatingAccumulator copy = RatingAccumulator.fromByteArray(weighted.toByteArray());
            assertThat(copy.snapshot()).isEqualTo(weighted.snapshot());
            assertThat(copy.toByteArray()).isEqualTo(weighted.toByteArray());
        });
    }

    @Test
    void byteIntAndOneByOnePathsAgree() {
        qt().forAll(ratings()).checkAssert(r -> {
            RatingAccumulator bytes = new RatingAccumulator(Scale.ZERO_TO_TEN);
            byte[] b = new byte[r.length];
            for (int i = 0; i < r.length; i++) {
                b[i] = (byte) r[i];
            }
            bytes.addAll(b);
            RatingAccumulator single = new RatingAccumulator(Scale.ZERO_TO_TEN);
            for (int x : r) {
                single.add(x, 1.0);
            }
            assertThat(bytes.snapshot()).isEqualTo(accumulate(r).snapshot()).isEqualTo(single.snapshot());
        });
    }

    @Test
    void sharesSumToOneAndMomentsStayOnTheScale() {
        qt().forAll(intArrays(range(2, 300), range(0, 10))).checkAssert(r -> {
            RatingDistribution d = RatingDistribution.of(Scale.ZERO_TO_TEN, r);
            double sum = 0.0;
            for (int p = 0; p <= 10; p++) {
                sum += d.share(p);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-12));
            assertThat(d.mean()).isBetween(0.0, 10.0);
            assertThat(d.median()).isBetween(0.0, 10.0);
            assertThat(d.variance()).isGreaterThanOrEqualTo(0.0);
            assertThat(d.topBox(2) + d.bottomBox(9)).isCloseTo(1.0, within(1e-12));
            assertThat(d.effectiveSize()).isEqualTo(r.length);
        });
    }

    @Test
    void meanAndVarianceMatchATwoPassComputationOnTheRawRatings() {
        qt().forAll(intArrays(range(2, 300), range(0, 10))).checkAssert(r -> {
            double mean = Arrays.stream(r).average().orElseThrow();
            double ss = Arrays.stream(r).mapToDouble(x -> (x - mean) * (x - mean)).sum();
            RatingDistribution d = RatingDistribution.of(Scale.ZERO_TO_TEN, r);
            assertThat(d.mean()).isCloseTo(mean, within(1e-12));
            assertThat(d.variance()).isCloseTo(ss / (r.length - 1), within(1e-10));
        });
    }
}
