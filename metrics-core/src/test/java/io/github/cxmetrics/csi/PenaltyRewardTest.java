package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.csi.PenaltyReward.Attribute;
import io.github.cxmetrics.csi.PenaltyReward.Classification;
import io.github.cxmetrics.csi.PenaltyReward.Coefficient;
import io.github.cxmetrics.csi.PenaltyReward.Options;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Penalty–reward contrast analysis on the 30-respondent fixture of mission-next.md §2.4
 * ({@code prca.csv}). The unweighted default fit (low ≤ 2, high = 5 on 1–5) is checked against the
 * §2.4 tables (statsmodels, equal to R {@code lm} to 14 digits). The weighted, standardised and
 * per-attribute variants are checked against {@code prca_check.py} beside the fixture: numpy
 * {@code lstsq} on rows scaled by sqrt(w), SE from σ̂²(XᵀWX)⁻¹ with df = n − 7, two-sided p from
 * {@code scipy.stats.t.sf}, standardised b·sd(D)/sd(y) with the weighted sd (divisor Σw).
 */
class PenaltyRewardTest {

    private static final double TOL = 1e-12;

    private static PenaltyReward defaultFit() {
        return PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL.clone(), PrcaFixture.NAMES,
                Options.defaults());
    }

    /** Asserts estimate, SE, t and p; p also to 1e-9 relative, for the tiny ones. */
    private static void assertCoefficient(Coefficient c, double b, double se, double t, double p) {
        assertThat(c.estimate()).isCloseTo(b, within(TOL));
        assertThat(c.standardError()).isCloseTo(se, within(TOL));
        assertThat(c.statistic()).isCloseTo(t, within(TOL * Math.max(1.0, Math.abs(t))));
        assertThat(c.pValue()).isCloseTo(p, within(TOL));
        assertThat(c.pValue()).isCloseTo(p, within(1e-9 * p));
        assertThat(c.degreesOfFreedom()).isEqualTo(23.0);
    }

    private static void assertIa(Attribute a, double rios, double sgp, double dgp, double ia) {
        assertThat(a.rios()).isCloseTo(rios, within(TOL));
        assertThat(a.sgp()).isCloseTo(sgp, within(TOL));
        assertThat(a.dgp()).isCloseTo(dgp, within(TOL));
        assertThat(a.impactAsymmetry()).isCloseTo(ia, within(TOL));
    }

    @Test
    void defaultFitReproducesTheSection24RegressionTable() {
        PenaltyReward r = defaultFit();
        assertThat(r.respondentsUsed()).isEqualTo(30);
        assertThat(r.residualDegreesOfFreedom()).isEqualTo(23);
        assertThat(r.rSquared()).isCloseTo(0.853870028525499, within(TOL));
        assertThat(r.adjustedRSquared()).isCloseTo(0.815749166401717, within(TOL));
        assertThat(r.sigma()).isCloseTo(0.745464591203238, within(TOL));
        assertCoefficient(r.intercept(), 7.48381345594445, 0.310511716807242, 24.1015493163828, 7.99839214435161e-18);
        Attribute w = r.attribute("website");
        Attribute s = r.attribute("staff");
        Attribute p = r.attribute("price");
        assertCoefficient(w.penalty(), -2.28110811961802, 0.298951217900840, -7.63036904694815, 9.56333503673866e-08);
        assertCoefficient(w.reward(), 0.545528038631165, 0.498260974832508, 1.09486406960638, 0.284909660687796);
        assertCoefficient(s.penalty(), -0.255317920326833, 0.353075746032540, -0.723125060828457, 0.476893125288326);
        assertCoefficient(s.reward(), 1.91108047437221, 0.378017799342499, 5.05553039485503, 4.06482004530123e-05);
        assertCoefficient(p.penalty(), -1.39079406096390, 0.382857349584131, -3.63266909326571, 0.00139382071186056);
        assertCoefficient(p.reward(), 0.583646718299999, 0.331598214215521, 1.76010211538914, 0.0916853304043617);
    }

    @Test
    void impactAsymmetryTableIsTheSection24One() {
        PenaltyReward r = defaultFit();
        assertIa(r.attribute(0), 2.82663615824918, 0.192995492907394, 0.807004507092606, -0.614009014185211);
        assertIa(r.attribute(1), 2.16639839469904, 0.882146367467973, 0.117853632532026, 0.764292734935947);
        assertIa(r.attribute(2), 1.97444077926390, 0.295601025074852, 0.704398974925148, -0.408797949850295);
        // §2.4's readings: website basic (dissatisfier), staff delighter; price −0.41 is below −0.2
        assertThat(r.attributes()).extracting(Attribute::classification).containsExactly(Classification.DISSATISFIER,
                Classification.SATISFIER, Classification.DISSATISFIER);
        assertThat(r.attributes()).allMatch(Attribute::signsAsExpected);
        // counts of ratings ≤ 2 and = 5 in prca.csv (counted in python)
        assertThat(r.attributes()).extracting(Attribute::lowCount).containsExactly(11, 8, 7);
        assertThat(r.attributes()).extracting(Attribute::highCount).containsExactly(3, 6, 9);
    }

    @Test
    void classificationCutOffsAreParameters() {
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().classification(-0.5, 0.8));
        assertThat(r.attributes()).extracting(Attribute::classification).containsExactly(Classification.DISSATISFIER,
                Classification.PERFORMANCE, Classification.PERFORMANCE);
        assertThat(r.options().dissatisfierAtMost()).isEqualTo(-0.5);
        assertThat(r.options().satisfierAtLeast()).isEqualTo(0.8);
    }

    @Test
    void theShortFormUsesTheDefaultsAndIndexNames() {
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL);
        assertThat(r.attribute("attribute 0").penalty().estimate()).isCloseTo(-2.28110811961802, within(TOL));
        assertThat(r.toString()).startsWith("PenaltyReward[n=30, R²=0.854, attribute 0: p=-2.281 q=0.546 IA=-0.614 "
                + "DISSATISFIER");
    }

    @Test
    void intervalIsStudentTOnTheResidualDegreesOfFreedom() {
        // t_{23}(0.975) = 2.06865761041905 (scipy.stats.t.ppf(0.975, 23))
        Interval ci = defaultFit().attribute("website").penalty().confidenceInterval(0.95);
        assertThat(ci.lower()).isCloseTo(-2.28110811961802 - 2.06865761041905 * 0.298951217900840, within(1e-11));
        assertThat(ci.upper()).isCloseTo(-2.28110811961802 + 2.06865761041905 * 0.298951217900840, within(1e-11));
        assertThat(defaultFit().attribute("website").penalty().isSignificant(0.05)).isTrue();
        assertThat(defaultFit().attribute("website").reward().isSignificant(0.05)).isFalse();
    }

    @Test
    void weightedFitMatchesNumpyWeightedLeastSquares() {
        // prca_check.py "weighted w=1+(id mod 3)"
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL, PrcaFixture.weights(),
                PrcaFixture.NAMES, Options.defaults());
        assertThat(r.respondentsUsed()).isEqualTo(30);
        assertThat(r.rSquared()).isCloseTo(0.86055130925001722, within(TOL));
        assertThat(r.adjustedRSquared()).isCloseTo(0.82417338992393474, within(TOL));
        assertThat(r.sigma()).isCloseTo(1.0578876443916738, within(TOL));
        assertCoefficient(r.intercept(), 7.8072864671485176, 0.33055215832546164, 23.618924488949983,
                1.2517568741436378e-17);
        assertCoefficient(r.attribute(0).penalty(), -2.2593046097232037, 0.29436873765196442, -7.6750833928377471,
                8.6708647038925388e-08);
        assertCoefficient(r.attribute(0).reward(), 0.49537834829770311, 0.52145617199701211, 0.94999038251011736,
                0.35199363203756201);
        assertCoefficient(r.attribute(1).penalty(), -0.53336151632156159, 0.36763375620002187, -1.4507958187369789,
                0.16033945223558893);
        assertCoefficient(r.attribute(1).reward(), 1.6415630730668931, 0.38189684610868446, 4.2984462683929019,
                0.0002676099092020584);
        assertCoefficient(r.attribute(2).penalty(), -1.5891063663348239, 0.38630612176106283, -4.1135935384366347,
                0.00042414139720312239);
        assertCoefficient(r.attribute(2).reward(), 0.45014682799315586, 0.37328663259110861, 1.2059012798517179,
                0.24011487180333649);
        assertIa(r.attribute(0), 2.7546829580209069, 0.17983134750781124, 0.82016865249218873, -0.64033730498437746);
        assertIa(r.attribute(1), 2.1749245893884548, 0.75476781175593211, 0.24523218824406789, 0.5095356235118641);
        assertIa(r.attribute(2), 2.0392531943279799, 0.2207410189402686, 0.77925898105973135, -0.5585179621194627);
    }

    @Test
    void standardisedCoefficientsAreBTimesSdOfTheDummyOverSdOfY() {
        // prca_check.py "standardised unweighted": t, p, R² and the intercept are those of the raw fit
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().standardized(true));
        assertThat(r.options().standardized()).isTrue();
        assertThat(r.rSquared()).isCloseTo(0.85387002852549942, within(TOL));
        assertCoefficient(r.intercept(), 7.4838134559444454, 0.31051171680724265, 24.101549316382791,
                7.9983921443518388e-18);
        assertCoefficient(r.attribute(0).penalty(), -0.64377943307031271, 0.084370681039051501, -7.6303690469481378,
                9.563335036739029e-08);
        assertCoefficient(r.attribute(0).reward(), 0.095846811759834297, 0.087542202197111549, 1.0948640696063818,
                0.28490966068779788);
        assertCoefficient(r.attribute(1).penalty(), -0.066123482270388168, 0.091441281532453525, -0.72312506082846406,
                0.47689312528832173);
        assertCoefficient(r.attribute(1).reward(), 0.44769094043185398, 0.088554692676255334, 5.055530394855019,
                4.0648200453013008e-05);
        assertCoefficient(r.attribute(2).penalty(), -0.344503667876907, 0.094834860823286155, -3.6326690932657129,
                0.001393820711860559);
        assertCoefficient(r.attribute(2).reward(), 0.15663868721809829, 0.088994090654488531, 1.7601021153891414,
                0.091685330404361401);
        assertIa(r.attribute(0), 0.73962624483014705, 0.12958817028166061, 0.8704118297183393, -0.74082365943667872);
        assertIa(r.attribute(1), 0.51381442270224209, 0.87130862944128173, 0.12869137055871832, 0.74261725888256347);
        assertIa(r.attribute(2), 0.50114235509500527, 0.31256325797567663, 0.68743674202432337, -0.37487348404864673);
    }

    @Test
    void standardisedWeightedUsesTheWeightedStandardDeviations() {
        // prca_check.py "standardised weighted"
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL, PrcaFixture.weights(),
                PrcaFixture.NAMES, Options.defaults().standardized(true));
        assertThat(r.attribute(0).penalty().estimate()).isCloseTo(-0.63104421856507309, within(TOL));
        assertThat(r.attribute(0).penalty().standardError()).isCloseTo(0.082219851728771109, within(TOL));
        assertThat(r.attribute(0).reward().estimate()).isCloseTo(0.084730088189920963, within(TOL));
        assertThat(r.attribute(1).penalty().estimate()).isCloseTo(-0.13447332360873582, within(TOL));
        assertThat(r.attribute(1).reward().estimate()).isCloseTo(0.39584816889108915, within(TOL));
        assertThat(r.attribute(2).penalty().estimate()).isCloseTo(-0.39231325926832894, within(TOL));
        assertThat(r.attribute(2).reward().estimate()).isCloseTo(0.11349289031883325, within(TOL));
        assertThat(r.attribute(2).reward().standardError()).isCloseTo(0.094114578212230404, within(TOL));
        assertIa(r.attribute(0), 0.71577430675499409, 0.11837542559197174, 0.88162457440802822, -0.76324914881605643);
        assertIa(r.attribute(1), 0.53032149249982496, 0.74643056049858247, 0.25356943950141753, 0.49286112099716495);
        assertIa(r.attribute(2), 0.50580614958716219, 0.22438021050449047, 0.77561978949550947, -0.55123957899101905);
    }

    @Test
    void perAttributeStrictCutOffs() {
        // prca_check.py "per-attribute": low website ≤ 2, staff ≤ 1, price < 2; high website ≥ 5,
        // staff > 4, price ≥ 4 — written here as "below" 3, 2, 2 and "above" 4, 4, 3
        PenaltyReward r = PenaltyReward.fit(PrcaFixture.ratings(), PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().lowBelow(3, 2, 2).highAbove(4, 4, 3));
        assertThat(r.rSquared()).isCloseTo(0.87037661406025824, within(TOL));
        assertThat(r.sigma()).isCloseTo(0.70210012571588698, within(TOL));
        assertCoefficient(r.intercept(), 6.3096470588235247, 0.28938311324155852, 21.803784568302142,
                7.3021709685204589e-17);
        assertCoefficient(r.attribute(0).penalty(), -2.073176470588233, 0.31435790308043143, -6.5949557821607918,
                9.9464802781784358e-07);
        assertCoefficient(r.attribute(1).penalty(), 0.28070588235294058, 0.48619073172105393, 0.57735753489022124,
                0.56930715296716672);
        assertCoefficient(r.attribute(1).reward(), 2.1571764705882344, 0.3385190068490902, 6.3723939481776011,
                1.6748108353209347e-06);
        assertCoefficient(r.attribute(2).penalty(), -0.30964705882352916, 0.57464326281138012, -0.53885093389699612,
                0.59516747359307742);
        assertCoefficient(r.attribute(2).reward(), 1.4484705882352988, 0.29138025987486177, 4.9710662927453262,
                5.011283500740515e-05);
        // staff's penalty has the "wrong" sign: RIOS still uses |p|, as Mikulić & Prebežac's formula does
        assertThat(r.attribute(1).signsAsExpected()).isFalse();
        assertIa(r.attribute(1), 2.4378823529411751, 0.88485667406620994, 0.11514332593378999, 0.76971334813241987);
        assertIa(r.attribute(2), 1.758117647058828, 0.82387580299785923, 0.17612419700214074, 0.64775160599571857);
        assertThat(r.options().lowRule(1)).isEqualTo("rating < 2");
        assertThat(r.options().highRule(2)).isEqualTo("rating > 3");
    }

    @Test
    void missingValuesAreDroppedListwiseAndZeroWeightsLikeMissingRows() {
        double[][] x = Arrays.copyOf(PrcaFixture.ratings(), 33);
        double[] y = Arrays.copyOf(PrcaFixture.OVERALL, 33);
        x[30] = new double[] {Double.NaN, 5, 5};
        y[30] = 1;
        x[31] = new double[] {1, 1, 1};
        y[31] = Double.NaN;
        x[32] = new double[] {5, 1, 5};
        y[32] = 1;
        PenaltyReward missing = PenaltyReward.fit(x, y, PrcaFixture.NAMES, Options.defaults());
        assertThat(missing.respondentsUsed()).isEqualTo(31); // row 32 is complete
        double[] w = new double[33];
        Arrays.fill(w, 1.0);
        w[32] = 0.0;
        PenaltyReward r = PenaltyReward.fit(x, y, w, PrcaFixture.NAMES, Options.defaults());
        assertThat(r.respondentsUsed()).isEqualTo(30);
        assertThat(r.rSquared()).isCloseTo(0.853870028525499, within(TOL));
        assertThat(r.attribute(0).penalty().estimate()).isCloseTo(-2.28110811961802, within(TOL));
        assertThat(r.attribute(2).reward().standardError()).isCloseTo(0.331598214215521, within(TOL));
    }

    // ---- bad input: type, message, and the inputs unchanged

    private static void assertRejected(Runnable call, Class<? extends Throwable> type, String message) {
        double[][] before = PrcaFixture.ratings();
        assertThatThrownBy(call::run).isInstanceOf(type).hasMessage(message);
        assertThat(PrcaFixture.RATINGS).isDeepEqualTo(before);
    }

    @Test
    void anAttributeWithoutLowRatingsIsRejectedByName() {
        double[][] x = PrcaFixture.ratings();
        double[] y = PrcaFixture.OVERALL.clone();
        double[][] copy = PrcaFixture.ratings();
        assertThatThrownBy(() -> PenaltyReward.fit(x, y, PrcaFixture.NAMES, Options.defaults().lowAtMost(2, 2, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute \"price\" (index 2) has no low rating (rating ≤ 0) among the 30 respondents used:"
                        + " its penalty dummy is all zero; raise the low cut-off");
        assertThat(x).isDeepEqualTo(copy);
        assertThat(y).isEqualTo(PrcaFixture.OVERALL);
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().highAbove(5)), IllegalArgumentException.class,
                "attribute \"website\" (index 0) has no high rating (rating > 5) among the 30 respondents used: its"
                        + " reward dummy is all zero; lower the high cut-off");
    }

    @Test
    void aDummyCollinearWithTheInterceptIsRejectedByNameAndCutOff() {
        // website: low ≤ 4 and high ≥ 5 cover every respondent, so L + H = 1
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().lowAtMost(4, 2, 2)), IllegalArgumentException.class,
                "the reward dummy of attribute \"website\" (index 0, rating ≥ 5) is collinear with the intercept and"
                        + " the earlier dummies among the 30 respondents used (e.g. every respondent, or every"
                        + " respondent not low, falls in it); change the cut-offs or drop the attribute");
    }

    @Test
    void badOptionsAreRejected() {
        assertThatThrownBy(() -> Options.defaults().lowAtMost(3).highAtLeast(3).check(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the low and high cut-offs of attribute 0 overlap: rating ≤ 3 and rating ≥ 3 can both hold");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, PrcaFixture.NAMES,
                Options.defaults().lowAtMost(1, 2)), IllegalArgumentException.class,
                "the low cut-offs must be 1 (common) or one per attribute (3), were 2");
        assertThatThrownBy(() -> Options.defaults().highAtLeast(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("highAtLeast cut-off must be finite, was NaN (index 0)");
        assertThatThrownBy(() -> Options.defaults().lowBelow()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lowBelow needs one common cut-off or one per attribute, was empty");
        assertThatThrownBy(() -> Options.defaults().classification(0.3, 0.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dissatisfierAtMost must be < satisfierAtLeast, was 0.3 >= 0.2");
        assertThatThrownBy(() -> Options.defaults().classification(-1.5, 0.2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dissatisfierAtMost must be in [-1, 1], was -1.5");
        assertThatThrownBy(() -> Options.defaults().lowAtMost((double[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("lowAtMost");
        assertThat(Options.defaults().toString()).isEqualTo("Options[low ≤ [2.0], high ≥ [5.0], unstandardized, "
                + "IA ≤ -0.2 | ≥ 0.2]");
    }

    @Test
    void badDataIsRejected() {
        double[][] x = PrcaFixture.ratings();
        x[4][1] = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> PenaltyReward.fit(x, PrcaFixture.OVERALL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratings[4][1] must be finite or NaN (missing), was Infinity");
        double[] w = PrcaFixture.weights();
        w[7] = -1;
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, w, PrcaFixture.NAMES,
                Options.defaults()), IllegalArgumentException.class, "weights[7] must be finite and >= 0, was -1.0");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, Arrays.copyOf(PrcaFixture.OVERALL, 29)),
                IllegalArgumentException.class, "ratings has 30 rows but overall has 29 values");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, List.of("a", "b"),
                Options.defaults()), IllegalArgumentException.class,
                "names has 2 entries but ratings has 3 attribute columns");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, List.of("a", "b", "a"),
                Options.defaults()), IllegalArgumentException.class, "names must be distinct, \"a\" repeats at index 2");
        assertRejected(() -> PenaltyReward.fit(Arrays.copyOf(PrcaFixture.RATINGS, 7), Arrays.copyOf(PrcaFixture.OVERALL,
                7)), IllegalArgumentException.class, "penalty-reward analysis of 3 attributes fits 7 coefficients and"
                        + " needs at least 8 respondents (residual df >= 1), had 7");
        double[] flat = new double[30];
        Arrays.fill(flat, 7.0);
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, flat), IllegalArgumentException.class,
                "overall has no variance among the 30 respondents used");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, null, Options.defaults()),
                NullPointerException.class, "names");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, PrcaFixture.NAMES, null),
                NullPointerException.class, "options");
        assertRejected(() -> PenaltyReward.fit(PrcaFixture.RATINGS, PrcaFixture.OVERALL, null, PrcaFixture.NAMES,
                Options.defaults()), NullPointerException.class, "weights");
        assertRejected(() -> defaultFit().attribute("service"), IllegalArgumentException.class,
                "no attribute named \"service\"");
    }
}
