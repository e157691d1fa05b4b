package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm drivers} and {@code cxm kano}. The drivers file is R's {@code swiss} (47 rows, origin in
 * {@code metrics-core/src/test/resources/drivers/README.md}); the expected LMG, shares, relative
 * weights and jackknife standard errors are the relaimpo / numpy values of
 * {@code shared/reports/mission-next.md} §1.3(a). The attribute means were computed with numpy
 * ({@code np.mean} of each column of swiss.csv). The Kano file {@code drivers/kano.csv} holds, in
 * shuffled order, answer pairs whose classification gives §2.4's three tallies (app = feature 1,
 * chat = feature 2, delivery = feature 3); its expected values are §2.4's, and the DuMouchel means
 * were computed in python from the pairs (app: (10·1 + 1·1 + 9·0.5 + 2·0 + 3·(−0.5))/25 = 0.56).
 */
class CxmDriversTest {

    private static final String SWISS = Cli.resource("/drivers/swiss.csv");
    private static final String KANO = Cli.resource("/drivers/kano.csv");
    private static final String ITEMS = "Agriculture,Examination,Education,Catholic,Infant.Mortality";
    private static final String[] NAMES = ITEMS.split(",");

    private static double num(Map<String, Map<String, String>> t, String row, String col) {
        return Double.parseDouble(t.get(row).get(col));
    }

    @Test
    void swissReproducesRelaimpoAndTheJackknife() {
        Run r = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--format", "csv",
                "--bootstrap", "200");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> model = r.csvTable(0);
        assertThat(num(model, "47", "r_squared")).isCloseTo(0.706735001592726, within(1e-13));
        assertThat(model.get("47").get("se_method")).isEqualTo("jackknife"); // 47 <= 5000 respondents
        // the quadrants' crosshairs: LMG shares sum to 1, so their mean is 1/5; the mean of the five item
        // means (np.mean of the column means below) is 27.8428085106383
        assertThat(model.get("47").get("quadrant_importance")).isEqualTo("lmg_share");
        assertThat(num(model, "47", "importance_crosshair")).isCloseTo(0.2, within(1e-15));
        assertThat(num(model, "47", "performance_crosshair")).isCloseTo((50.65957446808509 + 16.48936170212766
                + 10.97872340425532 + 41.14382978723405 + 19.94255319148936) / 5, within(1e-12));
        Map<String, Map<String, String>> t = r.csvTable(1);
        double[] lmg = {0.0570912207680913, 0.171173028900234, 0.260134678624385, 0.105570150373494,
            0.112765922926522};
        double[] share = {0.0807816517356976, 0.242202563216017, 0.368079517836438, 0.149377277389087,
            0.159558989822760};
        double[] rw = {0.0484168958119007, 0.154708249806160, 0.271964104645999, 0.114680029947562,
            0.116965721381105};
        double[] rwPercent = {6.85078504712325, 21.8905600341717, 38.4817653056790, 16.2267369932314,
            16.5501526197947};
        double[] se = {0.0187066362663, 0.0565361085750, 0.0915901393031, 0.0575793103859, 0.0602647224942};
        double[] mean = {50.65957446808509, 16.48936170212766, 10.97872340425532, 41.14382978723405,
            19.94255319148936};
        for (int j = 0; j < NAMES.length; j++) {
            String n = NAMES[j];
            assertThat(num(t, n, "lmg")).as(n).isCloseTo(lmg[j], within(1e-13));
            assertThat(num(t, n, "lmg_share")).as(n).isCloseTo(share[j], within(1e-13));
            assertThat(num(t, n, "relweight")).as(n).isCloseTo(rw[j], within(1e-13));
            assertThat(num(t, n, "relweight_share") * 100).as(n).isCloseTo(rwPercent[j], within(1e-11));
            assertThat(num(t, n, "lmg_se")).as(n).isCloseTo(se[j], within(1e-12));
            assertThat(num(t, n, "mean")).as(n).isCloseTo(mean[j], within(1e-12));
            assertThat(num(t, n, "ci95_lower")).as(n).isLessThan(num(t, n, "ci95_upper"));
        }
        // Importance (LMG shares) crosshair 0.2, performance crosshair the mean of the means, 27.84:
        assertThat(t.get("Agriculture").get("quadrant")).isEqualTo("possible overkill");
        assertThat(t.get("Examination").get("quadrant")).isEqualTo("concentrate here");
        assertThat(t.get("Education").get("quadrant")).isEqualTo("concentrate here");
        assertThat(t.get("Catholic").get("quadrant")).isEqualTo("possible overkill");
        assertThat(t.get("Infant.Mortality").get("quadrant")).isEqualTo("low priority");
    }

    @Test
    void theSeedMakesRunsRepeatAndChangesTheResamples() {
        String[] base = {"drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--format", "csv",
            "--bootstrap", "100", "--pairs"};
        Run a = cxm(base);
        Run b = cxm(base);
        assertThat(a.out()).isEqualTo(b.out());
        String[] seeded = java.util.Arrays.copyOf(base, base.length + 2);
        seeded[base.length] = "--seed";
        seeded[base.length + 1] = "7";
        Run c = cxm(seeded);
        assertThat(c.code()).isZero();
        assertThat(c.out()).isNotEqualTo(a.out());
        // the point estimates do not depend on the resamples
        assertThat(c.csvTable(1).get("Education").get("lmg")).isEqualTo(a.csvTable(1).get("Education").get("lmg"));
        // every pair of the five attributes once (csvTable keys rows by their first cell, so count lines)
        assertThat(a.out().lines().filter(l -> l.matches("[A-Za-z.]+,[A-Za-z.]+,.*,(.* ahead|not distinguishable)"))
                .count()).isEqualTo(10);
    }

    @Test
    void textOutputNamesTheModelAndTheQuadrants() {
        Run r = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--bootstrap", "50", "--pairs");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(100);
        assertThat(r.out()).contains("Key drivers, 47 respondents").contains("R² 0.7067")
                .contains("concentrate here").contains("Differences of LMG");
    }

    @Test
    void bootstrapStandardErrorsOnRequest() {
        Run r = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--format", "csv",
                "--bootstrap", "100", "--se", "bootstrap");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.csvTable(0).get("47").get("se_method")).isEqualTo("bootstrap");
        assertThat(num(r.csvTable(1), "Education", "lmg_se")).isPositive();
        Run none = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--bootstrap", "0", "--se",
                "bootstrap");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--se bootstrap needs --bootstrap of at least 2");
    }

    @Test
    void relativeWeightsAloneNeedNoSubsets() {
        Run r = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--method", "relweight",
                "--format", "csv", "--bootstrap", "0");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> t = r.csvTable(1);
        assertThat(t.get("Education")).doesNotContainKey("lmg");
        assertThat(num(t, "Education", "relweight")).isCloseTo(0.271964104645999, within(1e-13));
    }

    @Test
    void missingValuesAreLeftOutListwiseAndCounted(@TempDir Path dir) throws IOException {
        // swiss plus one row with an empty Education cell: listwise, the numbers stay those of the 47 rows
        Path f = dir.resolve("swiss-missing.csv");
        String csv = Files.readString(Path.of(SWISS)) + "\"Extra\",50,50,10,,50,20\n";
        Files.writeString(f, csv);
        Run r = cxm("drivers", f.toString(), "--overall", "Fertility", "--items", ITEMS, "--format", "csv",
                "--bootstrap", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(num(r.csvTable(1), "Education", "lmg")).isCloseTo(0.260134678624385, within(1e-13));
        assertThat(r.err()).contains("1 row left column 'Education' empty; it is not scored");
        Run p = cxm("drivers", f.toString(), "--overall", "Fertility", "--items", ITEMS, "--format", "csv",
                "--bootstrap", "0", "--missing", "pairwise");
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).contains("1 row left column 'Education' empty; --missing pairwise leaves it out of the"
                + " correlations with that column only");
        // respondents = the fewest behind one correlation (47, those with Education); the extra row enters
        // the correlations of the other columns, so R² is no longer the 47-row value
        // numpy: each correlation from the rows complete on its pair (np.corrcoef on the masked columns),
        // then R² = r_xy' R_xx^-1 r_xy: 0.6823521790751939
        assertThat(num(p.csvTable(0), "47", "r_squared")).isCloseTo(0.6823521790751939, within(1e-12));
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws IOException {
        Run unknown = cxm("drivers", SWISS, "--overall", "Fertility", "--items", "Agriculture,Nope");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Nope");
        Run one = cxm("drivers", SWISS, "--overall", "Fertility", "--items", "Agriculture");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("--items needs at least 2 columns");
        Run twice = cxm("drivers", SWISS, "--overall", "Fertility", "--items", "Agriculture,Fertility");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("named twice");
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "y,a,b\n1,2,3\n2,x,4\n");
        Run bad = cxm("drivers", f.toString(), "--overall", "y", "--items", "a,b");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3, column 'a': 'x' is not a number");
        Run negative = cxm("drivers", SWISS, "--overall", "Fertility", "--items", ITEMS, "--bootstrap", "-1");
        assertThat(negative.code()).isEqualTo(2);
    }

    @Test
    void kanoReproducesTheThreeFeaturesOfTheReport() {
        Run r = cxm("kano", KANO, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> t = r.csvTable(0);
        assertThat(t.get("app")).containsEntry("n", "25").containsEntry("M", "9").containsEntry("O", "10")
                .containsEntry("A", "1").containsEntry("I", "2").containsEntry("R", "3").containsEntry("Q", "0")
                .containsEntry("category", "O one-dimensional").containsEntry("hierarchy", "M must-be");
        assertThat(t.get("chat")).containsEntry("category", "M must-be").containsEntry("Q", "1");
        assertThat(t.get("delivery")).containsEntry("n", "66").containsEntry("category", "A attractive");
        Map<String, Map<String, String>> c = r.csvTable(1);
        assertThat(num(c, "app", "better")).isCloseTo(0.5, within(1e-15));
        assertThat(num(c, "app", "worse")).isCloseTo(-0.863636363636364, within(1e-14));
        assertThat(num(c, "app", "fong_diff")).isEqualTo(1.0);
        assertThat(num(c, "app", "fong_critical")).isCloseTo(5.66313075957107, within(1e-13));
        assertThat(c.get("app").get("fong_sig")).isEqualTo("no");
        assertThat(num(c, "app", "cat_strength")).isCloseTo(0.04, within(1e-15));
        assertThat(num(c, "app", "total_strength")).isCloseTo(0.8, within(1e-15));
        assertThat(num(t, "app", "functional")).isCloseTo(0.56, within(1e-15));
        assertThat(num(t, "app", "dysfunctional")).isCloseTo(0.72, within(1e-15));
        assertThat(num(c, "chat", "better")).isCloseTo(0.45, within(1e-15));
        assertThat(num(c, "chat", "worse")).isCloseTo(-0.7, within(1e-15));
        assertThat(num(c, "chat", "fong_critical")).isCloseTo(5.23858759590789, within(1e-13));
        assertThat(num(c, "chat", "cat_strength")).isCloseTo(0.16, within(1e-15));
        assertThat(num(c, "chat", "total_strength")).isCloseTo(0.72, within(1e-15));
        assertThat(num(c, "delivery", "better")).isCloseTo(0.8, within(1e-15));
        assertThat(num(c, "delivery", "worse")).isCloseTo(-0.261538461538462, within(1e-14));
        assertThat(num(c, "delivery", "fong_diff")).isEqualTo(28.0);
        assertThat(num(c, "delivery", "fong_critical")).isCloseTo(9.26282894152753, within(1e-13));
        assertThat(c.get("delivery").get("fong_sig")).isEqualTo("yes");
        assertThat(num(c, "delivery", "cat_strength")).isCloseTo(0.424242424242424, within(1e-14));
        assertThat(num(c, "delivery", "total_strength")).isCloseTo(0.863636363636364, within(1e-14));
        assertThat(num(t, "delivery", "functional")).isCloseTo(0.8409090909090909, within(1e-15));
        assertThat(r.err()).contains("41 respondents did not answer feature 'app'");
    }

    @Test
    void kanoTextFitsIn100Columns() {
        Run r = cxm("kano", KANO);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(100);
        assertThat(r.out()).contains("O one-dimensional").contains("M must-be").contains("A attractive");
    }

    @Test
    void kanoTakesLabelsAndNamedColumns(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("labels.csv");
        Files.writeString(f, "q1a,q1b\nlike,dislike\nI expect it,dislike\nneutral,neutral\nLike,I can tolerate it\n");
        Run r = cxm("kano", f.toString(), "--feature", "wifi=q1a,q1b", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        // (L,D) → O, (M,D) → M, (N,N) → I, (L,W) → A: the evaluation table of §2.3
        assertThat(r.csvTable(0).get("wifi")).containsEntry("O", "1").containsEntry("M", "1")
                .containsEntry("I", "1").containsEntry("A", "1");
    }

    @Test
    void kanoBadInputIsNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "x_f,x_d\n1,5\n1,7\n");
        Run bad = cxm("kano", f.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("line 3, column 'x_d': '7' is not a Kano answer");
        Path half = dir.resolve("half.csv");
        Files.writeString(half, "x_f,x_d\n1,5\n1,\n");
        Run h = cxm("kano", half.toString());
        assertThat(h.code()).isEqualTo(1);
        assertThat(h.err()).contains("line 3").contains("needs both questions");
        Path none = dir.resolve("none.csv");
        Files.writeString(none, "a,b\n1,5\n");
        Run n = cxm("kano", none.toString());
        assertThat(n.code()).isEqualTo(2);
        assertThat(n.err()).contains("no Kano feature columns found");
        Run badOption = cxm("kano", f.toString(), "--feature", "x=x_f");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("NAME=FUNCTIONAL_COL,DYSFUNCTIONAL_COL");
    }
}
