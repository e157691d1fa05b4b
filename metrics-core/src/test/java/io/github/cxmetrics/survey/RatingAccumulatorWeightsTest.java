package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.MeanAccumulator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Survey weights in {@link RatingAccumulator}: the weight bounds shared with {@link MeanAccumulator},
 * the binary round trip of every state that {@code add}, {@code addAll} and {@code merge} can build
 * (reliability report, row 3 a–c), {@code effectiveSize() <= count()} (Cauchy–Schwarz, with the
 * rounding of Σw and Σw² clamped away), and finite uncertainty for tiny weights (row 16).
 */
class RatingAccumulatorWeightsTest {

    private static RatingAccumulator roundTrip(RatingAccumulator acc) {
        return RatingAccumulator.fromByteArray(acc.toByteArray());
    }

    @Test
    void tenToTheEightResponsesOfWeightPointThreeRoundTrip() {
        // Row 3a: 10⁸ × add(7, 0.3) summed one by one. Σw and Σw² carry the rounding of 10⁸ sequential
        // additions; before the fix the reader refused the state: "effective size 1.0000000045E8
        // exceeds the count 100000000" (its Cauchy–Schwarz tolerance was a relative 1e-9). The same
        // with 0.7.
        for (double weight : new double[] {0.3, 0.7}) {
            RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
            for (int i = 0; i < 100_000_000; i++) {
                acc.add(7, weight);
            }
            RatingDistribution d = acc.snapshot();
            double raw = d.totalWeight() * (d.totalWeight() / d.sumOfSquaredWeights());
            assertThat(raw).as("the rounded sums put (Σw)²/Σw² above n").isGreaterThan(1e8);
            assertThat(d.effectiveSize()).isEqualTo(1e8); // clamped to the count
            RatingAccumulator back = roundTrip(acc);
            assertThat(back.snapshot()).isEqualTo(d);
            assertThat(back.toByteArray()).isEqualTo(acc.toByteArray());
        }
    }

    @Test
    void weightsBelow1eMinus150OrAbove1e150AreRejectedAsByMeanAccumulator() {
        // Rows 3b, 3c and 16: weights 1e-200 made Σw² underflow to 0 (the state could not be read
        // back, the NPS standard error was Infinity) and 1e-160 made effectiveSize() 3.0000334 > 3.
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.add(5, 2.0);
        byte[] before = acc.toByteArray();
        for (double w : new double[] {1e-200, 1e-160, Double.MIN_VALUE, Double.MIN_NORMAL, 9.99e-151, 1.0001e150,
            1e200, Double.MAX_VALUE}) {
            String message = "weight must be 0 or in [1e-150, 1e150] (its square must be a normal double for the "
                    + "effective size), was " + w;
            assertThatThrownBy(() -> acc.add(3, w)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
            assertThatThrownBy(() -> new MeanAccumulator().add(3, w)).hasMessage(message); // the same rule
            assertThatThrownBy(() -> acc.addAll(new int[] {1, 2, 3}, new double[] {1, 1, w}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(message + " (index 2)");
        }
        assertThat(acc.toByteArray()).isEqualTo(before);
        acc.add(3, 0.0); // zero stays allowed: counted, no weight
        acc.add(3, 1e-150);
        acc.add(3, 1e150);
        assertThat(acc.count()).isEqualTo(4);
    }

    @Test
    void theExtremeWeightsRoundTripAndGiveTheUnweightedUncertainty() {
        // Three equal weights give n_eff = 3 exactly in theory, whatever the weight: (3w)²/(3w²).
        for (double w : new double[] {1e-150, 1e150, 0.1, 3.7e-77}) {
            RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
            acc.add(2, w);
            acc.add(9, w);
            acc.add(10, w);
            RatingDistribution d = acc.snapshot();
            assertThat(roundTrip(acc).snapshot()).isEqualTo(d);
            assertThat(d.effectiveSize()).isCloseTo(3.0, within(1e-12)).isLessThanOrEqualTo(3.0);
            // Row 16: with 1e-200 the NPS standard error was Infinity. One detractor, two promoters:
            // p = 2/3, d = 1/3, SE = 100·sqrt((1 − 1/9)/3) = 54.4331… (sqrt(8/27) = 0.5443310539518174).
            Nps nps = Nps.of(d);
            assertThat(nps.standardError()).isCloseTo(54.43310539518174, within(1e-9));
            assertThat(nps.confidenceInterval(0.95).width()).isCloseTo(
                    Nps.ofCounts(2, 0, 1).confidenceInterval(0.95).width(), within(1e-9));
            Interval csat = Csat.of(d).confidenceInterval(0.95);
            Interval unweighted = Csat.of(RatingDistribution.of(Scale.ZERO_TO_TEN, 2, 9, 10)).confidenceInterval(0.95);
            assertThat(csat.lower()).isCloseTo(unweighted.lower(), within(1e-9));
            assertThat(csat.upper()).isCloseTo(unweighted.upper(), within(1e-9));
        }
        // one huge and one tiny weight: n_eff = (1e150 + 1e-150)²/(1e300 + 1e-300) = 1 + 2e-300; the
        // computed ratio is 1 + 2^-52 (the rounding of 1e150²)
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.add(0, 1e150);
        acc.add(10, 1e-150);
        assertThat(acc.snapshot().effectiveSize()).isCloseTo(1.0, within(1e-15));
        assertThat(roundTrip(acc).snapshot()).isEqualTo(acc.snapshot());
    }

    @Test
    void anOverflowingSumOfSquaresIsRejectedAndChangesNothing() {
        // 2^k responses of weight 1e150 have Σw² = 2^k·1e300, above Double.MAX_VALUE = 1.797…e308 from
        // 2^28 = 268435456 (2^27·1e300 = 1.34e308 is still finite).
        RatingAccumulator acc = new RatingAccumulator(Scale.ZERO_TO_TEN);
        acc.add(4, 1e150);
        for (int k = 1; k <= 27; k++) {
            acc.merge(acc);
        }
        assertThat(acc.count()).isEqualTo(1L << 27);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights too large: the sum of squared weights would exceed 1.7976931348623157E308");
        assertThat(acc.toByteArray()).isEqualTo(before);
        assertThat(roundTrip(acc).snapshot()).isEqualTo(acc.snapshot());
        acc.add(4, 1e150); // one more is still finite
        assertThat(acc.count()).isEqualTo((1L << 27) + 1);
    }

    /** Weights of one kind per sample, all in the accepted range (0 or [1e-150, 1e150]). */
    static double weight(SplittableRandom random, int kind, double common) {
        switch (kind) {
            case 0: // log-uniform over the whole range, some zeros
                return random.nextInt(10) == 0 ? 0.0 : Math.pow(10, -150 + 300 * random.nextDouble());
            case 1: // all equal: the Cauchy–Schwarz bound n_eff <= n is tight
                return common;
            case 2: // near the lower bound
                return 1e-150 * (1 + 9 * random.nextDouble());
            case 3: // near the upper bound
                return 1e150 * random.nextDouble(0.1, 1.0);
            default: // ordinary inexact weights
                return random.nextDouble(0.0, 10.0);
        }
    }

    /** A weighted state built by single adds, batch adds and merges, then self-merged a few times. */
    static RatingAccumulator build(Scale scale, long seed, int n, int kind) {
        SplittableRandom random = new SplittableRandom(seed);
        double common = Math.pow(10, -150 + 300 * random.nextDouble());
        RatingAccumulator acc = new RatingAccumulator(scale);
        RatingAccumulator other = new RatingAccumulator(scale);
        int[] batch = new int[n / 2];
        double[] weights = new double[batch.length];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = scale.min() + random.nextInt(scale.points());
            weights[i] = weight(random, kind, common);
        }
        other.addAll(batch, weights);
        for (int i = batch.length; i < n; i++) {
            acc.add(scale.min() + random.nextInt(scale.points()), weight(random, kind, common));
        }
        acc.merge(other);
        for (int k = random.nextInt(25); k > 0; k--) {
            try {
                acc.merge(acc);
            } catch (IllegalArgumentException tooLarge) {
                assertThat(tooLarge).hasMessageStartingWith("weights too large");
                break;
            }
        }
        return acc;
    }

    @Test
    void everyBuiltStateRoundTripsAndItsEffectiveSizeIsBetweenOneAndTheCount() {
        RatingPropertyTest.qt().withExamples(2000)
                .forAll(longs().all(), integers().between(1, 300), integers().between(0, 4))
                .checkAssert((seed, n, kind) -> {
                    RatingAccumulator acc = build(Scale.ZERO_TO_TEN, seed, n, kind);
                    RatingDistribution d = acc.snapshot();
                    RatingAccumulator back = roundTrip(acc);
                    assertThat(back.snapshot()).isEqualTo(d);
                    assertThat(back.toByteArray()).isEqualTo(acc.toByteArray());
                    assertThat(d.effectiveSize()).isLessThanOrEqualTo((double) d.count());
                    if (d.totalWeight() > 0) {
                        assertThat(d.effectiveSize()).isGreaterThanOrEqualTo(1.0);
                        assertThat(d.sumOfSquaredWeights()).isGreaterThanOrEqualTo(1e-300 * 0.999);
                    } else {
                        assertThat(d.effectiveSize()).isZero();
                    }
                });
    }
}
