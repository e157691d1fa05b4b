package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link Csi}. Published examples: the ACSI-style equal-weight index (S + E + P − 3)/27 · 100
 * (Fornell et al. 1996) for item means 8, 7 and 7.5 on 1–10, which is 19.5/27 · 100 = 72.22; and
 * the weighted worked example of C. Sunil (2010, "Customer Satisfaction Index",
 * cyrilsunil76.blogspot.com): importances 7, 5, 9, 3, 6 and mean scores 8, 4, 8, 3, 4 on 1–10. That
 * page reports CSI 6.01 (60.10 %), but it slipped: it rounded the weight 7/6 to 1.17 and then wrote
 * 1.17 × 8 = 9.24 (it is 9.36; exactly 9.33). Recomputed exactly, the weighted mean is
 * (56 + 20 + 72 + 9 + 24)/30 = 181/30 = 6.0333; the page rescales by ×10 (60.33 %), whereas this
 * index maps the bottom of the scale to 0: 100 · (181/30 − 1)/9 = 55.9259…
 */
class CsiTest {

    private static final Scale TEN = Scale.ONE_TO_TEN;

    @Test
    void acsiStyleEqualWeights() {
        Csi csi = Csi.builder(TEN).attribute("satisfaction", 1, 8.0).attribute("expectation", 1, 7.0)
                .attribute("ideal", 1, 7.5).build();
        assertThat(csi.index()).isCloseTo((8 + 7 + 7.5 - 3) / 27.0 * 100, within(1e-12));
        assertThat(String.format(java.util.Locale.ROOT, "%.2f", csi.index())).isEqualTo("72.22");
        assertThat(csi.hasStandardError()).isFalse();
    }

    @Test
    void weightedWorkedExampleRecomputedExactly() {
        Csi csi = Csi.builder(TEN).attribute("P1", 7, 8.0).attribute("P2", 5, 4.0).attribute("P3", 9, 8.0)
                .attribute("P4", 3, 3.0).attribute("P5", 6, 4.0).build();
        assertThat(csi.index()).isCloseTo(100.0 * (181.0 / 30.0 - 1.0) / 9.0, within(1e-12));
        Csi.Attribute p1 = csi.attributes().get(0);
        assertThat(p1.name()).isEqualTo("P1");
        assertThat(p1.weight()).isCloseTo(7.0 / 30.0, within(1e-15));
        assertThat(p1.score()).isCloseTo(100.0 * 7.0 / 9.0, within(1e-12));
        assertThat(p1.contribution()).isCloseTo(7.0 / 30.0 * 100.0 * 7.0 / 9.0, within(1e-12));
        assertThat(csi.attributes().stream().mapToDouble(Csi.Attribute::weight).sum()).isCloseTo(1.0, within(1e-15));
        assertThat(csi.attributes().stream().mapToDouble(Csi.Attribute::contribution).sum())
                .isCloseTo(csi.index(), within(1e-12));
    }

    @Test
    void deltaMethodStandardErrorForIndependentAttributes() {
        // price on 1..5: counts 2, 3, 5, 6, 4 (n 20); service: 1, 1, 2, 8, 8 (n 20)
        RatingDistribution price = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 2, 3, 5, 6, 4);
        RatingDistribution service = RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 1, 1, 2, 8, 8);
        Csi csi = Csi.builder(Scale.ONE_TO_FIVE).attribute("price", 1, price).attribute("service", 3, service).build();
        // by hand (checked with numpy): price mean 67/20 = 3.35, Σ(x − m)² = 2·5.5225 + 3·1.8225 + 5·0.1225
        // + 6·0.4225 + 4·2.7225 = 30.55, s² = 30.55/19; service mean 81/20 = 4.05, Σ(x − m)² = 9.3025 + 4.2025
        // + 2·1.1025 + 8·0.0025 + 8·0.9025 = 22.95, s² = 22.95/19; weights 1/4 and 3/4; factor 100/(5 − 1) = 25
        double index = 0.25 * 25 * (3.35 - 1) + 0.75 * 25 * (4.05 - 1);
        double se = Math.sqrt(Math.pow(0.25 * 25, 2) * (30.55 / 19) / 20 + Math.pow(0.75 * 25, 2) * (22.95 / 19) / 20);
        assertThat(csi.index()).isCloseTo(index, within(1e-12));
        assertThat(csi.standardError()).isCloseTo(se, within(1e-12));
        Interval ci = csi.confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(index - 1.959963984540054 * se, within(1e-9));
        assertThat(ci.upper()).isCloseTo(index + 1.959963984540054 * se, within(1e-9));
    }

    @Test
    void anAttributeGivenAsAMeanLeavesTheIndexWithoutStandardError() {
        Csi csi = Csi.builder(Scale.ONE_TO_FIVE)
                .attribute("price", 1, RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 2, 3, 5, 6, 4))
                .attribute("returns", 1, 3.5).build();
        assertThat(csi.hasStandardError()).isFalse();
        assertThatThrownBy(csi::standardError).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("\"returns\"");
        assertThatThrownBy(() -> csi.confidenceInterval(0.95)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", -1, 5.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("importance of \"price\" must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", Double.NaN, 5.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was NaN");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", 1, 11.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("mean of \"price\" must be in 1..10, was 11.0");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", 0, 5.0).attribute("service", 0, 6.0).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("every importance is 0");
        assertThatThrownBy(() -> Csi.builder(TEN).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a CSI needs at least one attribute");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", 1, 5.0).attribute("price", 1, 6.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute \"price\" was already added");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", 1, RatingDistribution.empty(Scale.ONE_TO_FIVE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..5").hasMessageContaining("1..10");
        assertThatThrownBy(() -> Csi.builder(TEN).attribute("price", 1, RatingDistribution.empty(TEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("attribute \"price\" has no responses");
        assertThatThrownBy(() -> Csi.builder(null)).isInstanceOf(NullPointerException.class);
    }

    private static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(4L).withExamples(300);
    }

    @Test
    void indexIsBoundedAndInvariantToScalingTheImportances() {
        qt().forAll(doubles().between(1, 10), doubles().between(1, 10), doubles().between(0, 50),
                doubles().between(1e-3, 1e3)).checkAssert((m1, m2, w1, k) -> {
                    double w2 = 0.7;
                    Csi a = Csi.builder(TEN).attribute("a", w1, m1).attribute("b", w2, m2).build();
                    Csi b = Csi.builder(TEN).attribute("a", w1 * k, m1).attribute("b", w2 * k, m2).build();
                    assertThat(a.index()).isBetween(0.0, 100.0).isCloseTo(b.index(), within(1e-9));
                });
    }

    @Test
    void raisingOneMeanNeverLowersTheIndex() {
        qt().forAll(doubles().between(1, 10), doubles().between(1, 10), doubles().between(0, 9),
                integers().between(0, 100)).checkAssert((m1, m2, up, w) -> {
                    double raised = Math.min(10.0, m1 + up);
                    double before = Csi.builder(TEN).attribute("a", w, m1).attribute("b", 1, m2).build().index();
                    double after = Csi.builder(TEN).attribute("a", w, raised).attribute("b", 1, m2).build().index();
                    assertThat(after).isGreaterThanOrEqualTo(before - 1e-12);
                });
    }
}
