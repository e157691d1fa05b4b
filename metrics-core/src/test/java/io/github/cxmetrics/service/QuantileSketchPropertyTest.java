package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Invariants of {@link QuantileSketch}, checked with QuickTheories from a fixed seed; splits, orders
 * and merge trees come from a {@link SplittableRandom} seeded by a generated long, so every failure is
 * reproducible from what QuickTheories prints. Merge results are compared through their bytes, which
 * hold the whole state (buckets, zero count, min, max, exact sum).
 *
 * <p>The accuracy checks compare each estimate with the order statistic the reference's rank rule
 * names, {@code x_(⌊q(n−1)⌋+1)} (1-based), i.e. {@code sorted[(int) Math.floor(q * (n − 1))]}, and
 * require {@code |x̂ − x| <= α·|x|} up to a relative slack of 1e-12 for floating-point rounding of the
 * bucket boundaries and representatives (the guarantee of Masson, Rim &amp; Lee 2019).
 */
class QuantileSketchPropertyTest {

    static final long SEED = 0xDD5_CE7CL;
    static final double[] ACCURACIES = {0.001, 0.01, 0.02, 0.05, 0.3};
    static final int[] BOUNDS = {0, 1, 3, 16, 64};
    static final double GAMMA_001 = 1.01 / 0.99;
    /** Values besides the generated spread: zeros, subnormals, powers of γ, extremes. */
    static final double[] SPECIAL = {0.0, -0.0, 1e-310, -4.9e-324, 1.0, -1.0, GAMMA_001, Math.pow(GAMMA_001, 7),
        1 / GAMMA_001, Double.MIN_NORMAL, 2.3e-308, -2.3e-308, 1e300, -1e300, 1e308, 0.1, 0.2, 0.3, 1e-9, 42};

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
    }

    static Gen<List<Integer>> codes(int max) {
        return codes(0, max);
    }

    static Gen<List<Integer>> codes(int min, int max) {
        return lists().of(integers().between(0, 2 * 997 + SPECIAL.length - 1)).ofSizeBetween(min, max);
    }

    /** A code: a special value, or ±e^(c/30 − 15), from 3e-7 to 8e7 (heavy spread, both signs). */
    static double[] decode(List<Integer> codes) {
        double[] x = new double[codes.size()];
        for (int i = 0; i < x.length; i++) {
            int c = codes.get(i);
            if (c < SPECIAL.length) {
                x[i] = SPECIAL[c];
            } else {
                c -= SPECIAL.length;
                x[i] = (c < 997 ? 1 : -1) * Math.exp((c % 997) / 30.0 - 15);
            }
        }
        return x;
    }

    static QuantileSketch sketch(int parameters) {
        double a = ACCURACIES[Math.floorMod(parameters, ACCURACIES.length)];
        int m = BOUNDS[Math.floorMod(parameters / ACCURACIES.length, BOUNDS.length)];
        return m == 0 ? new QuantileSketch(a) : new QuantileSketch(a, m);
    }

    /** Adds x[from..to) one by one, as a batch, or as runs of equal values with a count, at random. */
    static QuantileSketch accumulate(int parameters, double[] x, int from, int to, SplittableRandom random) {
        QuantileSketch s = sketch(parameters);
        int mode = random.nextInt(3);
        if (mode == 0) {
            s.addAll(Arrays.copyOfRange(x, from, to));
        } else if (mode == 1) {
            for (int i = from; i < to; i++) {
                s.add(x[i]);
            }
        } else {
            int i = from;
            while (i < to) {
                int j = i;
                while (j < to && Double.doubleToLongBits(x[j]) == Double.doubleToLongBits(x[i])) {
                    j++;
                }
                s.add(x[i], j - i);
                i = j;
            }
        }
        return s;
    }

    static QuantileSketch onePass(int parameters, double[] x) {
        QuantileSketch s = sketch(parameters);
        for (double v : x) {
            s.add(v);
        }
        return s;
    }

    @Test
    void splittingAnywhereThenMergingInAnyOrderGivesOnePassBitForBit() {
        qt().forAll(codes(300), integers().between(0, 24), longs().all()).checkAssert((codes, p, seed) -> {
            double[] x = decode(codes);
            SplittableRandom random = new SplittableRandom(seed);
            // shuffle, cut into 1..6 parts, sketch each, merge them in a random tree
            double[] y = x.clone();
            for (int i = y.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = y[i];
                y[i] = y[j];
                y[j] = t;
            }
            int parts = 1 + random.nextInt(6);
            int[] cuts = new int[parts + 1];
            cuts[parts] = y.length;
            for (int k = 1; k < parts; k++) {
                cuts[k] = random.nextInt(y.length + 1);
            }
            Arrays.sort(cuts, 1, parts);
            List<QuantileSketch> pieces = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                pieces.add(accumulate(p, y, cuts[k], cuts[k + 1], random));
            }
            while (pieces.size() > 1) {
                int i = random.nextInt(pieces.size());
                QuantileSketch a = pieces.remove(i);
                int j = random.nextInt(pieces.size());
                pieces.set(j, random.nextBoolean() ? a.merge(pieces.get(j)) : pieces.get(j).merge(a));
            }
            QuantileSketch expected = onePass(p, x);
            assertThat(pieces.get(0).toByteArray()).isEqualTo(expected.toByteArray());
            if (!expected.isEmpty()) {
                assertThat(pieces.get(0).quantiles(0, 0.25, 0.5, 0.9, 1)).containsExactly(
                        expected.quantiles(0, 0.25, 0.5, 0.9, 1));
            }
        });
    }

    @Test
    void mergeIsCommutativeAndAssociative() {
        qt().forAll(codes(120), codes(120), codes(120), integers().between(0, 24)).checkAssert((a, b, c, p) -> {
            QuantileSketch sa = onePass(p, decode(a));
            QuantileSketch sb = onePass(p, decode(b));
            QuantileSketch sc = onePass(p, decode(c));
            assertThat(sa.copy().merge(sb).toByteArray()).isEqualTo(sb.copy().merge(sa).toByteArray());
            byte[] left = sa.copy().merge(sb).merge(sc).toByteArray();
            byte[] right = sa.copy().merge(sb.copy().merge(sc)).toByteArray();
            assertThat(left).isEqualTo(right);
        });
    }

    @Test
    void theByteFormRoundTripsToAnEqualSketch() {
        qt().forAll(codes(300), integers().between(0, 24)).checkAssert((codes, p) -> {
            QuantileSketch s = onePass(p, decode(codes));
            byte[] bytes = s.toByteArray();
            assertThat(bytes).hasSize(s.serializedSize());
            QuantileSketch back = QuantileSketch.fromByteArray(bytes);
            assertThat(back.toByteArray()).isEqualTo(bytes);
            assertThat(back.count()).isEqualTo(s.count());
            assertThat(back.bucketCount()).isEqualTo(s.bucketCount());
            if (!s.isEmpty()) {
                double[] qs = {0, 0.01, 0.1, 0.5, 0.75, 0.99, 1};
                assertThat(back.quantiles(qs)).containsExactly(s.quantiles(qs));
                assertThat(back.mean()).isEqualTo(s.mean());
                assertThat(back.min()).isEqualTo(s.min());
                assertThat(back.max()).isEqualTo(s.max());
            }
        });
    }

    @Test
    void sumAndMeanAreTheCorrectlyRoundedExactValues() {
        // oracle: BigDecimal, the exact decimal expansion of every double; doubleValue() rounds correctly
        qt().forAll(codes(300), integers().between(0, 24)).checkAssert((codes, p) -> {
            double[] x = decode(codes);
            QuantileSketch s = onePass(p, x);
            BigDecimal exact = BigDecimal.ZERO;
            for (double v : x) {
                exact = exact.add(new BigDecimal(v));
            }
            assertThat(s.sum()).isEqualTo(exact.doubleValue());
            if (x.length > 0) {
                // 60 significant digits: no double's rounding midpoint is that close to a rational of this size
                assertThat(s.mean()).isEqualTo(exact.divide(BigDecimal.valueOf(x.length), new MathContext(60))
                        .doubleValue());
            }
        });
    }

    @Test
    void everyQuantileOfSmallSamplesIsWithinAlphaOfItsOrderStatistic() {
        qt().forAll(codes(1, 300), integers().between(0, ACCURACIES.length - 1))
                .checkAssert((codes, p) -> {
                    double[] x = decode(codes);
                    QuantileSketch s = onePass(p, x); // p < 5: unbounded
                    double[] sorted = x.clone();
                    Arrays.sort(sorted);
                    for (int i = 0; i <= 200; i++) {
                        assertWithinAlpha(s, sorted, i / 200.0);
                    }
                });
    }

    static void assertWithinAlpha(QuantileSketch s, double[] sorted, double q) {
        double exact = sorted[(int) Math.floor(q * (sorted.length - 1))];
        double estimate = s.quantile(q);
        if (Math.abs(exact) <= s.zeroThreshold()) {
            assertThat(estimate).as("q = %s, exact %s in the zero bucket", q, exact).isEqualTo(0.0);
        } else {
            double bound = s.relativeAccuracy() * Math.abs(exact) * (1 + 1e-12);
            assertThat(Math.abs(estimate - exact)).as("q = %s: estimate %s, exact %s", q, estimate, exact)
                    .isLessThanOrEqualTo(bound);
        }
    }

    /**
     * 10⁶ values of each of three heavy-tailed streams (Pareto with shape 1.1, lognormal with σ = 2,
     * and the difference of two lognormals, which has both signs), from {@code new Random(20261203)}:
     * the estimate of every q = i/10⁴, i = 0 … 10⁴, and of the 1 000 q nearest 1, is within α of
     * the exact order statistic.
     */
    @Test
    void everyQuantileOfAMillionHeavyTailedValuesIsWithinAlphaOfItsOrderStatistic() {
        Random random = new Random(20261203);
        int n = 1_000_000;
        double[][] streams = new double[3][n];
        for (int i = 0; i < n; i++) {
            streams[0][i] = Math.pow(1 - random.nextDouble(), -1 / 1.1);        // Pareto, x_m = 1
            streams[1][i] = Math.exp(2 * random.nextGaussian());                 // lognormal
            streams[2][i] = Math.exp(random.nextGaussian()) - Math.exp(random.nextGaussian());
        }
        for (double a : new double[] {0.01, 0.001}) {
            for (double[] x : streams) {
                QuantileSketch s = new QuantileSketch(a);
                s.addAll(x);
                double[] sorted = x.clone();
                Arrays.sort(sorted);
                for (int i = 0; i <= 10_000; i++) {
                    assertWithinAlpha(s, sorted, i / 10_000.0);
                }
                for (int i = 1; i <= 1000; i++) {
                    assertWithinAlpha(s, sorted, 1 - i * 1e-6);
                }
                assertThat(s.count()).isEqualTo(n);
                assertThat(s.max()).isEqualTo(sorted[n - 1]);
            }
        }
    }
}
