package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.Generate.intArrays;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * {@link Csi} at the edges of the double range (reliability report, finding 19) and the validation
 * of {@link Csi.Attribute}. The oracle of the property test is an exact {@link BigDecimal}
 * computation written out below, independent of the code under test: the weights
 * {@code importance_i / Σ importance} are formed in 34-digit decimal arithmetic, where no sum can
 * overflow, and so are the index and the delta-method variance.
 */
class CsiRobustnessTest {

    private static final Scale TEN = Scale.ONE_TO_TEN;
    private static final MathContext MC = MathContext.DECIMAL128;

    @Test
    void importancesNearTheTopOfTheDoubleRangeDoNotOverflowTheirSum() {
        // reliability report R6: Σ importance = 2e308 overflowed to ∞, every weight became 0 and the
        // index 0.0; both attributes sit at the top of the scale, so the index is 100
        Csi csi = Csi.builder(TEN).attribute("a", 1e308, 10.0).attribute("b", 1e308, 10.0).build();
        assertThat(csi.index()).isEqualTo(100.0);
        assertThat(csi.attributes().get(0).weight()).isEqualTo(0.5);
        // 1e308 and 1.7e308 with means 10 and 1: weight of "a" is 1/2.7, its score 100, so the index
        // is 100/2.7 = 37.037037037037037…
        Csi mixed = Csi.builder(TEN).attribute("a", 1e308, 10.0).attribute("b", 1.7e308, 1.0).build();
        assertThat(mixed.index()).isCloseTo(100.0 / 2.7, within(1e-12));
    }

    @Test
    void standardErrorAndIntervalStayFiniteWithHugeImportances() {
        // the same two distributions with importances 1 and 1 or 1e308 and 1e308 give the same index,
        // SE and interval: only the ratios of the importances matter
        RatingDistribution price = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 2, 3, 5, 6, 4);
        RatingDistribution service = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 1, 2, 8, 8);
        Csi small = Csi.builder(Scale.ONE_TO_FIVE).attribute("price", 1, price).attribute("service", 1, service).build();
        Csi huge = Csi.builder(Scale.ONE_TO_FIVE).attribute("price", 1e308, price).attribute("service", 1e308, service)
                .build();
        // by hand: weights 1/2; factor 25; index 0.5·25·(2.35 + 3.05) = 67.5;
        // SE² = (12.5)²·(30.55/19/20 + 22.95/19/20) = 156.25 · 53.5/380
        assertThat(huge.index()).isCloseTo(67.5, within(1e-12));
        assertThat(huge.standardError()).isCloseTo(Math.sqrt(156.25 * 53.5 / 380), within(1e-12));
        assertThat(huge.confidenceInterval(0.95)).isEqualTo(small.confidenceInterval(0.95));
        assertThat(huge).isEqualTo(small);
    }

    @Test
    void theIntervalIsTheClippedNormalInterval() {
        // all ten ratings at 10 but one at 9: index near the top, the interval is clipped at 100.
        // mean 9.9, s² = 0.1, n = 10: SE = (100/9)·sqrt(0.01) = 1.1111…; index 100·8.9/9 = 98.888…
        RatingDistribution d = RatingDistribution.ofCounts(TEN, 0, 0, 0, 0, 0, 0, 0, 0, 1, 9);
        Csi csi = Csi.builder(TEN).attribute("only", 3, d).build();
        double se = 100.0 / 9 * 0.1;
        assertThat(csi.standardError()).isCloseTo(se, within(1e-12));
        Interval ci = csi.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(100.0 * 8.9 / 9 - 1.959963984540054 * se, within(1e-9));
        assertThat(ci.upper()).isEqualTo(100.0);
        assertThat(ci.level()).isEqualTo(0.95);
        assertThatThrownBy(() -> csi.confidenceInterval(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
    }

    @Test
    void theUnclippedEstimateIsGone() {
        // COMMON decision on review §2.3: Csi.estimate() returned an Estimate whose interval was not
        // the index's (unclipped, could leave 0..100); it is removed
        assertThat(Arrays.stream(Csi.class.getMethods()).map(java.lang.reflect.Method::getName))
                .doesNotContain("estimate", "asEstimate");
    }

    /**
     * One attribute of a random index: importance 10^e, with e uniform in [−300, 308.25] or, for half
     * the attributes, in [306, 308.25] so that sums overflow often; a mean or a distribution.
     */
    private static final class Spec {
        final double importance;
        final double mean;
        final int[] counts; // null: given as a mean

        Spec(double exponent, double mean, int[] counts, int mode) {
            double e = (mode & 2) == 0 ? exponent : 306 + (exponent + 300) / 608.25 * 2.25;
            this.importance = Math.pow(10, e);
            this.mean = mean;
            this.counts = (mode & 1) == 1 && Arrays.stream(counts).sum() >= 2 ? counts : null;
        }

        double mean() {
            if (counts == null) {
                return mean;
            }
            long n = 0;
            long s = 0;
            for (int i = 0; i < counts.length; i++) {
                n += counts[i];
                s += (long) counts[i] * (i + 1);
            }
            return (double) s / n;
        }

        @Override
        public String toString() {
            return importance + " " + (counts == null ? "mean " + mean : Arrays.toString(counts));
        }
    }

    private static Gen<List<Spec>> specs() {
        Gen<Spec> one = doubles().between(-300, 308.25).zip(doubles().between(1, 10),
                intArrays(range(10, 10), range(0, 6)), integers().between(0, 3), Spec::new);
        return lists().of(one).ofSizeBetween(1, 6);
    }

    private static Csi build(List<Spec> specs, double importanceFactor) {
        Csi.Builder b = Csi.builder(TEN);
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            double imp = s.importance * importanceFactor;
            if (s.counts == null) {
                b.attribute("a" + i, imp, s.mean);
            } else {
                long[] c = Arrays.stream(s.counts).asLongStream().toArray();
                b.attribute("a" + i, imp, RatingDistribution.ofCounts(TEN, c));
            }
        }
        return b.build();
    }

    @Test
    void indexAndUncertaintyAreFiniteAndExactOverTheWholeRangeOfImportances() {
        QuickTheory.qt().withFixedSeed(19L).withExamples(400).forAll(specs()).checkAssert(specs -> {
            BigDecimal total = BigDecimal.ZERO;
            for (Spec s : specs) {
                total = total.add(new BigDecimal(s.importance));
            }
            BigDecimal index = BigDecimal.ZERO;
            BigDecimal variance = BigDecimal.ZERO;
            boolean allDistributions = true;
            for (Spec s : specs) {
                BigDecimal w = new BigDecimal(s.importance).divide(total, MC);
                BigDecimal score = new BigDecimal(100).multiply(new BigDecimal(s.mean()).subtract(BigDecimal.ONE))
                        .divide(new BigDecimal(9), MC);
                index = index.add(w.multiply(score, MC), MC);
                if (s.counts == null) {
                    allDistributions = false;
                    continue;
                }
                // s² = Σ c (x − x̄)² / (n − 1) with x̄ = Σ c x / n, exactly; var of the mean s²/n
                long n = Arrays.stream(s.counts).sum();
                long sum = 0;
                for (int i = 0; i < 10; i++) {
                    sum += (long) s.counts[i] * (i + 1);
                }
                BigDecimal ss = BigDecimal.ZERO;
                for (int i = 0; i < 10; i++) {
                    BigDecimal dev = BigDecimal.valueOf((i + 1) * n - sum); // n·(x − x̄)
                    ss = ss.add(dev.multiply(dev).multiply(BigDecimal.valueOf(s.counts[i])));
                }
                BigDecimal s2OverN = ss.divide(BigDecimal.valueOf(n * n * (n - 1) * n), MC);
                BigDecimal c = w.multiply(new BigDecimal(100)).divide(new BigDecimal(9), MC);
                variance = variance.add(c.multiply(c, MC).multiply(s2OverN, MC), MC);
            }
            Csi csi = build(specs, 1.0);
            assertThat(csi.index()).isBetween(0.0, 100.0).isCloseTo(index.doubleValue(), within(1e-10));
            double max = specs.stream().mapToDouble(s -> s.importance).max().getAsDouble();
            assertThat(csi.index()).isCloseTo(build(specs, 1.0 / max).index(), within(1e-12));
            for (Csi.Attribute a : csi.attributes()) {
                assertThat(a.weight()).isBetween(0.0, 1.0);
                assertThat(a.contribution()).isBetween(0.0, 100.0);
            }
            assertThat(csi.hasStandardError()).isEqualTo(allDistributions);
            if (allDistributions) {
                double se = Math.sqrt(variance.doubleValue());
                assertThat(csi.standardError()).isCloseTo(se, within(1e-10 + 1e-12 * se));
                Interval ci = csi.confidenceInterval(0.9);
                assertThat(ci.lower()).isCloseTo(Math.max(0.0, csi.index() - 1.6448536269514722 * se),
                        within(1e-9));
                assertThat(ci.upper()).isCloseTo(Math.min(100.0, csi.index() + 1.6448536269514722 * se),
                        within(1e-9));
            }
        });
    }

    @Test
    void attributeRecordValidatesItsComponents() {
        assertThatThrownBy(() -> new Csi.Attribute(null, 0.5, 5, 50, 25)).isInstanceOf(NullPointerException.class)
                .hasMessage("name");
        assertThatThrownBy(() -> new Csi.Attribute(" ", 0.5, 5, 50, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute name must not be blank");
        assertThatThrownBy(() -> new Csi.Attribute("price", Double.NaN, 5, 50, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight of \"price\" must be in [0, 1], was NaN");
        assertThatThrownBy(() -> new Csi.Attribute("price", -0.1, 5, 50, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight of \"price\" must be in [0, 1], was -0.1");
        assertThatThrownBy(() -> new Csi.Attribute("price", 1.5, 5, 50, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight of \"price\" must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> new Csi.Attribute("price", 0.5, Double.POSITIVE_INFINITY, 50, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mean of \"price\" must be finite, was Infinity");
        assertThatThrownBy(() -> new Csi.Attribute("price", 0.5, 5, 100.5, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score of \"price\" must be in [0, 100], was 100.5");
        assertThatThrownBy(() -> new Csi.Attribute("price", 0.5, 5, Double.NaN, 25))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score of \"price\" must be in [0, 100], was NaN");
        assertThatThrownBy(() -> new Csi.Attribute("price", 0.5, 5, 50, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contribution of \"price\" must be in [0, 100], was -1.0");
        Csi.Attribute ok = new Csi.Attribute("price", 0.5, 5, 50, 25);
        assertThat(ok.contribution()).isEqualTo(25.0);
    }

    @Test
    void valueEqualityAndReadableSummary() {
        Csi a = Csi.builder(TEN).attribute("satisfaction", 1, 8.0).attribute("expectation", 1, 7.0)
                .attribute("ideal", 1, 7.5).build();
        Csi b = Csi.builder(TEN).attribute("satisfaction", 2, 8.0).attribute("expectation", 2, 7.0)
                .attribute("ideal", 2, 7.5).build();
        Csi other = Csi.builder(TEN).attribute("satisfaction", 1, 8.0).attribute("expectation", 1, 7.0)
                .attribute("ideal", 1, 7.6).build();
        Csi withDistribution = Csi.builder(TEN).attribute("satisfaction", 1, 8.0).attribute("expectation", 1, 7.0)
                .attribute("ideal", 1, RatingDistribution.ofCounts(TEN, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0)).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other).isNotEqualTo(withDistribution)
                .isNotEqualTo(null).isNotEqualTo("Csi");
        assertThat(a.attributes()).isEqualTo(b.attributes());
        // (8 + 7 + 7.5 − 3)/27 · 100 = 72.22
        assertThat(a.toString())
                .isEqualTo("Csi[index=72.2, scale=1..10, attributes=[satisfaction, expectation, ideal]]");
    }
}
