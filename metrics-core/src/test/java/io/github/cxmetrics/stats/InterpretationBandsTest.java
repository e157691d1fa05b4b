package io.github.cxmetrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link InterpretationBands}: the named sets label values as their sources state them (seed 004 for NPS,
 * Armatis 2026 for CSAT, the CES 2.0 thresholds quoted in the Javadoc), boundaries are exactly where the
 * builder put them, and bad sets are refused.
 */
class InterpretationBandsTest {

    @Test
    void npsSetIsAboveZeroPositiveAboveFiftyExcellent() {
        InterpretationBands b = InterpretationBands.NPS;
        assertThat(b.label(-100)).isEqualTo("not positive");
        assertThat(b.label(0)).isEqualTo("not positive"); // "above 0" is exclusive
        assertThat(b.label(Math.ulp(0.0))).isEqualTo("positive");
        assertThat(b.label(50)).isEqualTo("positive");
        assertThat(b.label(50.000001)).isEqualTo("excellent");
        assertThat(b.label(100)).isEqualTo("excellent");
        assertThat(b.bands()).hasSize(3);
        assertThat(b.toString()).isEqualTo("InterpretationBands[NPS: above 0 positive, above 50 excellent: "
                + "(−∞, 0] not positive; (0, 50] positive; (50, ∞) excellent]");
        assertThat(b.source()).contains("seed 004");
    }

    @Test
    void csatAndCesSetsFollowTheirSources() {
        InterpretationBands c = InterpretationBands.CSAT;
        assertThat(c.label(49.99)).isEqualTo("red alert");
        assertThat(c.label(50)).isEqualTo("concerning");
        assertThat(c.label(69.9)).isEqualTo("average");
        assertThat(c.label(74)).isEqualTo("acceptable");
        assertThat(c.label(75)).isEqualTo("good");
        assertThat(c.label(85)).isEqualTo("excellent");
        assertThat(c.label(90)).isEqualTo("exceptional");
        InterpretationBands e = InterpretationBands.CES_2;
        assertThat(e.label(3.99)).isEqualTo("high effort");
        assertThat(e.label(4)).isEqualTo("neutral");
        assertThat(e.label(5)).isEqualTo("neutral");
        assertThat(e.label(5.01)).isEqualTo("low effort");
    }

    @Test
    void userDefinedSetsChooseTheirBoundaries() {
        InterpretationBands b = InterpretationBands.builder("mine", "team decision", "weak")
                .above(0, "positive").atLeast(30, "strong").build();
        assertThat(b.label(30)).isEqualTo("strong");
        assertThat(b.label(29.999)).isEqualTo("positive");
        assertThat(b.label(Double.NEGATIVE_INFINITY)).isEqualTo("weak");
        assertThat(b.label(Double.POSITIVE_INFINITY)).isEqualTo("strong");
        assertThat(b.band(30).toString()).isEqualTo("[30, ∞) strong");
        assertThat(b.band(10).toString()).isEqualTo("(0, 30) positive");
        assertThat(b).isEqualTo(InterpretationBands.builder("mine", "team decision", "weak")
                .above(0, "positive").atLeast(30, "strong").build());
        assertThat(InterpretationBands.builder("one", "x", "all").build().label(1e300)).isEqualTo("all");
    }

    @Test
    void aLabelNeverChangesTheValue() {
        double score = 51.2;
        String label = InterpretationBands.NPS.label(score);
        assertThat(label).isEqualTo("excellent");
        assertThat(score).isEqualTo(51.2);
    }

    @Test
    void badSetsAreRefused() {
        assertThatThrownBy(() -> InterpretationBands.builder("x", "y", "low").above(10, "a").atLeast(10, "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("thresholds must increase strictly, was 10.0 after 10.0");
        assertThatThrownBy(() -> InterpretationBands.builder("x", "y", "low").above(Double.NaN, "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be finite, was NaN");
        assertThatThrownBy(() -> InterpretationBands.builder("x", "y", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lowestLabel must not be blank");
        assertThatThrownBy(() -> InterpretationBands.builder(null, "y", "z"))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> InterpretationBands.NPS.label(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("value must not be NaN");
        assertThatThrownBy(() -> new InterpretationBands.Band("a", 2, true, 1, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lower must be < upper, was 2.0 and 1.0");
    }
}
