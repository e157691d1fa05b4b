package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.csi.KeyDissatisfiers.Attribute;
import io.github.cxmetrics.csi.KeyDissatisfiers.Direction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Key-dissatisfier Shapley analysis on the §2.4 fixture ({@code prca.csv}): the unweighted table
 * (overall ≤ 5, attribute ≤ 2) is mission-next.md §2.4's; the weighted, key-enhancer and
 * per-attribute variants come from {@code prca_check.py}, which enumerates every coalition with the
 * Shapley weights |S|!(p − |S| − 1)!/p! (an independent algorithm from the closed form in the code).
 */
class KeyDissatisfiersTest {

    private static final double TOL = 1e-12;

    private static void assertAttribute(Attribute a, double shapley, double reach, double noise) {
        assertThat(a.shapley()).isCloseTo(shapley, within(TOL));
        assertThat(a.reach()).isCloseTo(reach, within(TOL));
        assertThat(a.noise()).isCloseTo(noise, within(TOL));
    }

    @Test
    void reproducesTheSection24Table() {
        KeyDissatisfiers k = KeyDissatisfiers.of(Direction.DISSATISFIERS, PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                null, PrcaFixture.NAMES, 5, 2);
        assertThat(k.direction()).isEqualTo(Direction.DISSATISFIERS);
        assertThat(k.respondentsUsed()).isEqualTo(30);
        assertThat(k.targetCount()).isEqualTo(7);
        assertThat(k.otherCount()).isEqualTo(23);
        assertThat(k.targetWeight()).isEqualTo(7.0);
        assertThat(k.otherWeight()).isEqualTo(23.0);
        assertAttribute(k.attribute(0), 0.304347826086957, 0.857142857142857, 0.217391304347826);
        assertAttribute(k.attribute(1), 0.0186335403726708, 0.428571428571429, 0.217391304347826);
        assertAttribute(k.attribute(2), 0.111801242236025, 0.428571428571429, 0.173913043478261);
        assertThat(k.attributes()).extracting(Attribute::name).containsExactly("website", "staff", "price");
        assertThat(k.totalValue()).isCloseTo(10.0 / 23.0, within(TOL));
        assertThat(k.attributes().stream().mapToDouble(Attribute::shapley).sum()).isCloseTo(10.0 / 23.0, within(TOL));
        // prca_check.py: reach(all) = 1, noise(all) = 13/23
        assertThat(k.reach(0, 1, 2)).isCloseTo(1.0, within(TOL));
        assertThat(k.noise(0, 1, 2)).isCloseTo(13.0 / 23.0, within(TOL));
        assertThat(k.reach(1)).isCloseTo(k.attribute(1).reach(), within(TOL));
        assertThat(k.value()).isZero();
        assertThat(k.toString()).isEqualTo("KeyDissatisfiers[DISSATISFIERS, n=30, target=7, v(all)=0.435, "
                + "website=0.304, staff=0.019, price=0.112]");
    }

    @Test
    void theShortFormsUseIndexNames() {
        KeyDissatisfiers k = KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 5, 2, 2, 2);
        assertThat(k.attribute(0).name()).isEqualTo("attribute 0");
        assertThat(k.attribute(0).shapley()).isCloseTo(0.304347826086957, within(TOL));
    }

    @Test
    void weightedSharesMatchTheEnumeration() {
        // prca_check.py "kd weighted", w = 1 + (id mod 3)
        KeyDissatisfiers k = KeyDissatisfiers.of(Direction.DISSATISFIERS, PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                PrcaFixture.weights(), PrcaFixture.NAMES, 5, 2);
        assertAttribute(k.attribute(0), 0.25284090909090906, 0.875, 0.22727272727272727);
        assertAttribute(k.attribute(1), 0.025568181818181782, 0.4375, 0.20454545454545456);
        assertAttribute(k.attribute(2), 0.15340909090909091, 0.5, 0.15909090909090909);
        assertThat(k.totalValue()).isCloseTo(0.43181818181818177, within(TOL));
        assertThat(k.noise(0, 1, 2)).isCloseTo(0.56818181818181823, within(TOL));
        assertThat(k.targetCount()).isEqualTo(7);
        assertThat(k.targetWeight()).isEqualTo(16.0);
        assertThat(k.otherWeight()).isEqualTo(44.0);
    }

    @Test
    void keyEnhancersAreTheMirrorAnalysis() {
        // prca_check.py "kea y>=9 x>=5": price is a negative enhancer (flags more of the others)
        KeyDissatisfiers k = KeyDissatisfiers.enhancers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 9, 5);
        assertThat(k.direction()).isEqualTo(Direction.ENHANCERS);
        assertThat(k.targetCount()).isEqualTo(5);
        assertAttribute(k.attribute(0), 0.04, 0.2, 0.08);
        assertAttribute(k.attribute(1), 0.38, 0.6, 0.12);
        assertAttribute(k.attribute(2), -0.06, 0.4, 0.28);
        assertThat(k.totalValue()).isCloseTo(0.36, within(TOL));
        assertThat(k.reach(0, 1, 2)).isCloseTo(0.8, within(TOL));
        assertThat(k.noise(0, 1, 2)).isCloseTo(0.44, within(TOL));
    }

    @Test
    void perAttributeCutOffs() {
        // prca_check.py "kd per-attr y<=6, x<=(2,1,2)"
        KeyDissatisfiers k = KeyDissatisfiers.of(Direction.DISSATISFIERS, PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                null, PrcaFixture.NAMES, 6, 2, 1, 2);
        assertThat(k.targetCount()).isEqualTo(14);
        assertAttribute(k.attribute(0), 0.47321428571428564, 0.7142857142857143, 0.0625);
        assertAttribute(k.attribute(1), 0.10714285714285715, 0.21428571428571427, 0.0);
        assertAttribute(k.attribute(2), 0.2946428571428571, 0.42857142857142855, 0.0625);
        assertThat(k.totalValue()).isCloseTo(0.875, within(TOL));
    }

    @Test
    void manyAttributesAreExactWithoutALimit() {
        // 70 attributes (two bit-set words): respondent i is dissatisfied overall when i is even and flagged on
        // attributes i mod 70 and (i + 1) mod 70; by the closed form each flag carries half a respondent
        int p = 70;
        int n = 140;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(x[i], 5.0);
            x[i][i % p] = 1.0;
            x[i][(i + 1) % p] = 1.0;
            y[i] = i % 2 == 0 ? 1.0 : 10.0;
        }
        KeyDissatisfiers k = KeyDissatisfiers.dissatisfiers(x, y, 5, 2);
        // attribute j is flagged for respondents j − 1, j (mod 70) and j + 69, j + 70 (mod 140): two even, two odd
        for (int j = 0; j < p; j++) {
            assertThat(k.attribute(j).shapley()).isCloseTo(0.5 * 2 / 70.0 - 0.5 * 2 / 70.0, within(TOL));
            assertThat(k.attribute(j).reach()).isCloseTo(2 / 70.0, within(TOL));
        }
        assertThat(k.reach(69)).isCloseTo(2 / 70.0, within(TOL));
        assertThat(k.totalValue()).isCloseTo(0.0, within(TOL));
    }

    @Test
    void missingValuesAreDroppedListwise() {
        double[][] x = Arrays.copyOf(PrcaFixture.ratings(), 32);
        double[] y = Arrays.copyOf(PrcaFixture.OVERALL, 32);
        x[30] = new double[] {1, Double.NaN, 1};
        y[30] = 1;
        x[31] = new double[] {1, 1, 1};
        y[31] = Double.NaN;
        KeyDissatisfiers k = KeyDissatisfiers.of(Direction.DISSATISFIERS, x, y, null, PrcaFixture.NAMES, 5, 2);
        assertThat(k.respondentsUsed()).isEqualTo(30);
        assertAttribute(k.attribute(0), 0.304347826086957, 0.857142857142857, 0.217391304347826);
    }

    @Test
    void badInputIsRejected() {
        double[][] before = PrcaFixture.ratings();
        assertThatThrownBy(() -> KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 0, 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no respondent used is dissatisfied overall (overall ≤ 0) among the 30: reach is undefined");
        assertThatThrownBy(() -> KeyDissatisfiers.enhancers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 1, 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("every respondent used is delighted overall (overall ≥ 1) among the 30: noise is undefined");
        assertThatThrownBy(() -> KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 5, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the attribute cut-offs must be 1 (common) or one per attribute (3), were 2");
        assertThatThrownBy(() -> KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 5,
                Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attributeCut must be finite, was NaN (index 0)");
        assertThatThrownBy(() -> KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                Double.POSITIVE_INFINITY, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overallCut must be finite, was Infinity");
        double[] w = PrcaFixture.weights();
        w[3] = Double.NaN;
        assertThatThrownBy(() -> KeyDissatisfiers.of(Direction.DISSATISFIERS, PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                w, PrcaFixture.NAMES, 5, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights[3] must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> KeyDissatisfiers.of(null, PrcaFixture.RATINGS, PrcaFixture.OVERALL, null,
                PrcaFixture.NAMES, 5, 2)).isInstanceOf(NullPointerException.class).hasMessage("direction");
        assertThatThrownBy(() -> KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 5,
                (double[]) null)).isInstanceOf(NullPointerException.class).hasMessage("attributeCut");
        assertThatThrownBy(() -> KeyDissatisfiers.of(Direction.ENHANCERS, PrcaFixture.RATINGS, PrcaFixture.OVERALL,
                null, List.of("a", "b"), 9, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("names has 2 entries but ratings has 3 attribute columns");
        KeyDissatisfiers k = KeyDissatisfiers.dissatisfiers(PrcaFixture.RATINGS, PrcaFixture.OVERALL, 5, 2);
        assertThatThrownBy(() -> k.reach(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new Attribute("x", 1.5, 0.0, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shapley must be in [-1, 1], was 1.5");
        assertThat(PrcaFixture.RATINGS).isDeepEqualTo(before);
    }
}
