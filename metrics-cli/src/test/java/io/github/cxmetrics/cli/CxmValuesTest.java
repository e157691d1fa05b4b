package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code cxm} reads values (issue 16): {@code --na} / {@code --missing-values} codes that mean "no
 * answer", and {@code --decimal-comma} for an Excel CSV saved on a German or Dutch locale. Runs the
 * entry point in-process on the files in {@code src/test/resources/e2e/values}.
 *
 * <p>Expected numbers are counted by hand from the files: CSAT = 100 · (ratings 4–5) / n; NPS =
 * 100 (promoters − detractors) / n, weighted: with weight sums instead of counts, and Kish's
 * n_eff = (Σw)² / Σw²; the NPS standard error 100 √((p + d − (p − d)²) / n) (Rocks 2016).
 */
class CxmValuesTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        void assertNoStackTrace() {
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
        }

        /** The last message line (before a usage error's "Try 'cxm …" line). */
        String message() {
            String[] lines = err.split("\r?\n");
            String last = lines[lines.length - 1];
            return last.startsWith("Try 'cxm") && lines.length > 1 ? lines[lines.length - 2] : last;
        }
    }

    static Run cxm(String... args) {
        Run run = Cli.run(Run::new, args);
        run.assertNoStackTrace();
        return run;
    }

    static String file(String name) {
        return Cli.resource("/e2e/values/" + name);
    }

    // ---- --na -------------------------------------------------------------------------------------

    /**
     * The airline-satisfaction layout: "Seat" on 1..5 with 0 = not applicable. Rows 1, 4 and 8 answer 0,
     * row 12 is empty; the 9 others are 5 4 3 5 1 4 2 5 4, of which 6 are 4 or 5: CSAT 66.67, and
     * se = 100 √(p(1 − p)/n) = 100 √((2/3)(1/3)/9) = 15.71.
     */
    @Test
    void naZeroOnTheAirlineSurveyScoresTheRestAndCountsTheZeros() {
        Run run = cxm("csat", file("airline.csv"), "--column", "Seat", "--scale", "1..5", "--na", "0");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("all +9 +9\\.0 +66\\.67 +15\\.71");
        assertThat(run.err()).contains("airline.csv: 3 rows answered 0 in column 'Seat', a --na code; they are not"
                + " scored").contains("airline.csv: 1 row left column 'Seat' empty; it is not scored");
    }

    /** Per class: Eco scores 4 3 1 2 (one satisfied: 25.00), Business 5 5 4 5 4 (all: 100.00). */
    @Test
    void naWithSegments() {
        Run run = cxm("csat", file("airline.csv"), "--column", "Seat", "--scale", "1..5", "--na", "0", "--by",
                "Class");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^Business +5 +5\\.0 +100\\.00 ")
                .containsPattern("(?m)^Eco +4 +4\\.0 +25\\.00 ").containsPattern("(?m)^\\(total\\) +9 +9\\.0 +66\\.67 ");
    }

    /** Without --na the first 0 (line 2) is outside the scale, and the message names the option. */
    @Test
    void withoutNaAZeroIsOutsideTheScaleWithAHint() {
        Run run = cxm("csat", file("airline.csv"), "--column", "Seat", "--scale", "1..5");
        assertThat(run.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.message()).startsWith("cxm: ").contains("line 2, column 'Seat': '0' is outside 1..5")
                .contains("--na 0");
    }

    /**
     * 99 = "no answer" outside the NPS scale: rows 2, 6, 9. The 7 others are 10 9 0 7 6 10 8: 3 promoters,
     * 2 detractors: NPS 100/7 = 14.29, se 100 √((5/7 − 1/49)/7) = 31.48. With 0 as a code too the 6 left
     * are 10 9 7 6 10 8: 3 promoters, 1 detractor: 33.33.
     */
    @Test
    void missingValuesAliasWithCodesOutsideTheScale() {
        Run run = cxm("nps", file("nps-99.csv"), "--column", "recommend", "--missing-values", "99");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("all +7 +7\\.0 +14\\.29 +31\\.48");
        assertThat(run.err()).contains("3 rows answered 99 in column 'recommend', a --na code");
        Run two = cxm("nps", file("nps-99.csv"), "--column", "recommend", "--na", "99,0");
        assertThat(two.code()).as(two.err()).isZero();
        assertThat(two.out()).containsPattern("all +6 +6\\.0 +33\\.33 ");
        assertThat(two.err()).contains("1 row answered 0 in column 'recommend', a --na code; it is not scored")
                .contains("3 rows answered 99 in column 'recommend'");
        Run plain = cxm("nps", file("nps-99.csv"), "--column", "recommend");
        assertThat(plain.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(plain.message()).contains("'99' is outside 0..10").contains("--na 99");
    }

    @Test
    void naCodesMustBeWholeNumbers() {
        for (String bad : new String[] {"x", "0,", "1.5", "", "99999999999", "0;99"}) {
            Run run = cxm("nps", file("nps-99.csv"), "--column", "recommend", "--na", bad);
            assertThat(run.code()).as(bad).isEqualTo(Cxm.BAD_USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.message()).as(bad).startsWith("cxm: ").contains("--na takes whole numbers");
        }
    }

    // ---- --decimal-comma ----------------------------------------------------------------------------

    /**
     * Excel on a German locale: ';', weights 0,5 1,25 2 0,25 1 1,5 (Σw = 6.5, Σw² = 9.125), ratings 9,0
     * and 3,0. Promoter weight 0.5 + 1.25 + 0.25 = 2, detractor weight 2 + 1 = 3: NPS 100 (2 − 3)/6.5 =
     * −15.38, n_eff 42.25/9.125 = 4.6. Nord: Σw 2.75, promoters 1.75, detractors 1: 27.27, n_eff
     * 7.5625/2.8125 = 2.7. Süd: Σw 3.75, promoters 0.25, detractors 2: −46.67, n_eff 14.0625/6.3125 = 2.2.
     */
    @Test
    void decimalCommaWeightsAndRatings() {
        Run run = cxm("nps", file("excel-de.csv"), "--column", "recommend", "--weight", "weight", "--by", "region",
                "--decimal-comma");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^Nord +3 +2\\.7 +27\\.27 ")
                .containsPattern("(?m)^Süd +3 +2\\.2 +-46\\.67 ").containsPattern("(?m)^\\(total\\) +6 +4\\.6 +-15\\.38 ");
    }

    /** Without the option the first weight, 0,5 on line 2, is not a number, and the message names it. */
    @Test
    void withoutTheOptionADecimalCommaIsABadValueWithAHint() {
        Run run = cxm("nps", file("excel-de.csv"), "--column", "recommend", "--weight", "weight");
        assertThat(run.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(run.out()).isEmpty();
        assertThat(run.message()).startsWith("cxm: ").contains("line 2, column 'recommend': '9,0' is not a whole number")
                .contains("--decimal-comma");
        Run weights = cxm("nps", file("excel-de.csv"), "--column", "id", "--weight", "weight");
        assertThat(weights.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(weights.message()).contains("line 2, column 'weight': '0,5' is not a number")
                .contains("--decimal-comma");
        // with --skip-invalid the summary keeps the hint: 4 of the 6 weights have a decimal comma (not 2, 1)
        Run skip = cxm("nps", file("excel-de.csv"), "--column", "id", "--weight", "weight", "--skip-invalid");
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(skip.err()).containsPattern("4 +column 'weight': not a number \\(a decimal comma\\? use"
                + " --decimal-comma\\)");
    }

    /** A thousands dot is rejected with the option (documented in --help), with its own hint. */
    @Test
    void decimalCommaRejectsAThousandsDot() {
        Run run = cxm("nps", file("excel-de-thousands.csv"), "--column", "recommend", "--weight", "weight",
                "--decimal-comma");
        assertThat(run.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(run.message()).contains("line 3, column 'weight': '1.234,5' is not a number")
                .contains("no thousands separator");
        // skipped: rows 1 and 3 remain, weights 0.5 (promoter) and 2 (detractor): 100 (0.5 − 2)/2.5 = −60.00
        Run skip = cxm("nps", file("excel-de-thousands.csv"), "--column", "recommend", "--weight", "weight",
                "--decimal-comma", "--skip-invalid");
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(skip.out()).containsPattern("all +2 +1\\.5 +-60\\.00 ");
        assertThat(skip.err()).containsPattern("1 +column 'weight': not a number");
    }

    /**
     * ces on 1..7 with 0 = no answer and ratings 5,0 and 3,0: the ratings left are 5 7 3, mean 5.00,
     * sd √((0 + 4 + 4)/2) = 2, se 2/√3 = 1.15; one 0 and one empty answer counted apart.
     */
    @Test
    void cesWithNaAndDecimalCommaRatings() {
        Run run = cxm("ces", file("ces-de.csv"), "--column", "effort", "--na", "0", "--decimal-comma");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("all +3 +3\\.0 +5\\.00 +1\\.15 ");
        assertThat(run.err()).contains("1 row answered 0 in column 'effort', a --na code; it is not scored")
                .contains("1 row left column 'effort' empty");
        Run dot = cxm("ces", file("ces-de.csv"), "--column", "effort", "--na", "0");
        assertThat(dot.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(dot.message()).contains("line 2, column 'effort': '5,0' is not a whole number")
                .contains("use --decimal-comma");
    }

    @Test
    void helpDescribesTheOptions() {
        for (String command : new String[] {"nps", "csat", "ces", "servqual"}) {
            Run run = cxm(command, "--help");
            String help = run.out().replaceAll("\\s+", " "); // the help wraps lines at different words
            assertThat(help).as(command).contains("--na, --missing-values=CODES").contains("--decimal-comma")
                    .contains("1.234,5 is rejected");
        }
    }

    // ---- servqual -----------------------------------------------------------------------------------

    /**
     * servqual with --na 0 and --decimal-comma reads the same as the file with those cells left empty and
     * the importance points written with a dot: the two runs print the same report. Respondent 2
     * answers 0 to E3 and P5 (two items left out for one respondent each).
     */
    @Test
    void servqualNaAndDecimalCommaMatchTheEmptyAndDotFile() throws IOException {
        StringBuilder de = new StringBuilder();
        StringBuilder plain = new StringBuilder();
        StringBuilder head = new StringBuilder();
        for (int i = 1; i <= 22; i++) {
            head.append("E").append(i).append(';').append("P").append(i).append(';');
        }
        head.append("IMP_TANGIBLES;IMP_RELIABILITY;IMP_RESPONSIVENESS;IMP_ASSURANCE;IMP_EMPATHY");
        de.append(head).append('\n');
        plain.append(head.toString().replace(';', ',')).append('\n');
        String[][] imp = {{"12,5", "30", "17,5", "20", "20"}, {"10", "25,25", "24,75", "20", "20"},
            {"20", "20", "20", "20", "20"}, {"5,5", "44,5", "20", "15", "15"}};
        for (int r = 0; r < 4; r++) {
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= 22; i++) {
                int e = 1 + (i * 3 + r * 5) % 7;
                int p = 1 + (i * 5 + r * 2) % 7;
                boolean naE = r == 1 && i == 3;
                boolean naP = r == 1 && i == 5;
                a.append(naE ? "0" : e).append(';').append(naP ? "0" : p).append(';');
                b.append(naE ? "" : e).append(',').append(naP ? "" : p).append(',');
            }
            a.append(String.join(";", imp[r]));
            // the same points with a decimal dot ("12,5" becomes "12.5"), the fields joined by commas
            for (int k = 0; k < 5; k++) {
                b.append(k == 0 ? "" : ",").append(imp[r][k].replace(',', '.'));
            }
            de.append(a).append('\n');
            plain.append(b).append('\n');
        }
        Path fde = tmp.resolve("servqual-de.csv");
        Path fplain = tmp.resolve("servqual.csv");
        Files.writeString(fde, de, StandardCharsets.UTF_8);
        Files.writeString(fplain, plain, StandardCharsets.UTF_8);
        Run expected = cxm("servqual", fplain.toString(), "--format", "csv");
        assertThat(expected.code()).as(expected.err()).isZero();
        assertThat(expected.out()).contains("respondents,4").contains("importance-weighted");
        Run run = cxm("servqual", fde.toString(), "--na", "0", "--decimal-comma", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(expected.out());
        assertThat(run.err()).contains("1 row answered 0 in column 'E3', a --na code; the item is left out for that"
                + " respondent").contains("1 row answered 0 in column 'P5'");
        Run without = cxm("servqual", fde.toString(), "--decimal-comma");
        assertThat(without.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(without.message()).contains("line 3, column 'E3': '0' is outside 1..7").contains("--na 0");
        Run noComma = cxm("servqual", fde.toString(), "--na", "0");
        assertThat(noComma.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(noComma.message()).contains("line 2, column 'IMP_TANGIBLES': '12,5' is not a number")
                .contains("--decimal-comma");
    }
}
