package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Comparisons} built by hand and {@link Homogeneity} on tables checked with R 4.2.2
 * ({@code src/test/resources/comparisons/segments.R}: {@code chisq.test}, and G from its formula).
 */
class ComparisonsTest {

    private static Comparisons family(PValueAdjustment adjustment) {
        // statistics whose two-sided normal p-values are 0.05 and 0.01 to many digits are not needed:
        // the adjusted values are checked against the raw ones, computed by Difference itself
        return Comparisons.builder("waves")
                .add("W2", "W1", new Difference(-1.0, 0.5, Double.POSITIVE_INFINITY))
                .add("W3", "W2", new Difference(2.0, 0.5, Double.POSITIVE_INFINITY))
                .add("W4", "W3", new Difference(0.1, 0.5, Double.POSITIVE_INFINITY))
                .build(adjustment);
    }

    @Test
    void adjustsTheFamilyTogetherAndKeepsTheRawValues() {
        Comparisons holm = family(PValueAdjustment.HOLM);
        double[] raw = holm.pValues();
        assertThat(raw).containsExactly(new Difference(-1.0, 0.5, Double.POSITIVE_INFINITY).pValue(),
                new Difference(2.0, 0.5, Double.POSITIVE_INFINITY).pValue(),
                new Difference(0.1, 0.5, Double.POSITIVE_INFINITY).pValue());
        assertThat(holm.adjustedPValues()).containsExactly(PValueAdjustment.HOLM.adjust(raw));
        assertThat(holm.get("W3", "W2").isSignificant(0.05)).isTrue();
        assertThat(holm.significant(0.05)).extracting(Comparisons.Comparison::label).containsExactly("W3 vs W2");
        assertThat(holm.get("W2").estimate()).isEqualTo(-1.0);
        assertThat(holm.adjustedBy(PValueAdjustment.NONE).adjustedPValues()).containsExactly(raw);
        assertThat(holm.adjustedBy(PValueAdjustment.HOLM)).isEqualTo(holm).hasSameHashCodeAs(holm);
        assertThat(holm).hasSize(3);
        assertThat(holm.comparisons()).isUnmodifiable();
        assertThat(Comparisons.builder("none").build(PValueAdjustment.BONFERRONI).size()).isZero();
    }

    @Test
    void tableIsAlignedAndMarksAdjustedSignificance() {
        String t = family(PValueAdjustment.BONFERRONI).toString();
        List<String> lines = t.lines().toList();
        assertThat(lines.get(0)).isEqualTo("waves (3 comparisons, p adjusted by bonferroni)");
        assertThat(lines.get(1)).startsWith("comparison").contains("p adjusted");
        assertThat(lines.get(3)).startsWith("W3 vs W2").endsWith("***");
        assertThat(lines.get(2)).doesNotEndWith("*");
        assertThat(Comparisons.marker(0.0009)).isEqualTo("***");
        assertThat(Comparisons.marker(0.009)).isEqualTo("**");
        assertThat(Comparisons.marker(0.049)).isEqualTo("*");
        assertThat(Comparisons.marker(0.05)).isEmpty();
    }

    @Test
    void badInput() {
        Comparisons f = family(PValueAdjustment.HOLM);
        assertThatThrownBy(() -> f.get("W9", "W1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no comparison 'W9 vs W1' in waves; it has: W2 vs W1, W3 vs W2, W4 vs W3");
        assertThatThrownBy(() -> f.get("W9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no comparison of 'W9' in waves; its subjects are: W2, W3, W4");
        assertThatThrownBy(() -> f.significant(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> Comparisons.builder("x").add(null, "a", f.get(0).difference()))
                .isInstanceOf(NullPointerException.class).hasMessage("subject");
        assertThatThrownBy(() -> Comparisons.builder("x").build(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Comparisons.Comparison("a", "b", f.get(0).difference(), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("adjustedPValue must be in [0, 1], was 1.5");
    }

    @Test
    void homogeneityMatchesRAndDropsEmptyColumns() {
        long[][] nps = {{60, 90, 150}, {45, 55, 100}, {30, 40, 130}, {80, 60, 60}};
        Homogeneity x2 = Homogeneity.pearson(nps);
        assertThat(x2.statistic()).isCloseTo(61.0029878759115, within(1e-12));
        assertThat(x2.groups()).isEqualTo(4);
        assertThat(x2.categories()).isEqualTo(3);
        assertThat(x2.minimumExpected()).isCloseTo(200 * 215 / 900.0, within(1e-12));
        Homogeneity g = Homogeneity.likelihoodRatio(nps);
        assertThat(g.statistic()).isCloseTo(60.1337152236697, within(1e-12));
        assertThat(g.toString()).isEqualTo("G = 60.1337, df = 6, p = 4.23e-11");
        assertThat(x2.toString()).isEqualTo("Pearson χ² = 61.0030, df = 6, p = 2.81e-11");
        // R: chisq.test(tab2[-2,]) with the never-chosen middle category removed
        long[][] withZero = {{10, 0, 5}, {4, 0, 9}, {7, 0, 7}};
        Homogeneity z = Homogeneity.pearson(withZero);
        assertThat(z.categories()).isEqualTo(2);
        assertThat(z.degreesOfFreedom()).isEqualTo(2);
        assertThat(z.statistic()).isCloseTo(3.58974358974359, within(1e-12));
        assertThat(z.pValue()).isCloseTo(0.166148752103499, within(1e-13));
    }

    @Test
    void homogeneityBadInput() {
        assertThatThrownBy(() -> Homogeneity.pearson(new long[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("counts must be a rectangular table: row 0 has 2 categories, row 1 has 1");
        assertThatThrownBy(() -> Homogeneity.pearson(new long[][] {{1, 2}, {3, -1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("counts[1][1] must be >= 0, was -1");
        assertThatThrownBy(() -> Homogeneity.pearson(new long[][] {{0, 5}, {0, 7}}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the homogeneity test is undefined: 2 non-empty group(s) and 1 observed category"
                        + " (it needs at least 2 of each)");
        assertThatThrownBy(() -> Homogeneity.pearson(new long[][] {{3, 5}, {0, 0}}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 non-empty group(s)");
        assertThatThrownBy(() -> Homogeneity.pearson(new long[0][]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Homogeneity.pearson(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Homogeneity(Homogeneity.Method.PEARSON, 1.0, 3, 2, 3, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedom must be (groups − 1)(categories − 1) = 2, was 3");
    }
}
