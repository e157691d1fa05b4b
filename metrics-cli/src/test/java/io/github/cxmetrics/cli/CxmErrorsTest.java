package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, "no stack trace, ever" and strict value parsing: every failure is one {@code cxm:} line with
 * exit 1 (bad data) or 2 (usage). The files are under {@code src/test/resources/e2e/errors}. Expected
 * numbers are worked out by hand in the comments from the files' few rows.
 */
class CxmErrorsTest {

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Run cxm(String... args) {
        return Cli.run(Run::new, args);
    }

    static String file(String name) {
        return Cli.resource("/e2e/errors/" + name);
    }

    static void assertNoStackTrace(Run run, String what) {
        assertThat(run.all()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.code()).as(what).isBetween(0, 2);
        for (String line : run.err().split("\n")) {
            if (run.code() != 0 && !line.isEmpty() && !line.startsWith("cxm: ") && !line.startsWith("Try 'cxm")
                    && !line.startsWith("Did you mean") && !line.startsWith("The commands are")) {
                // a summary of skipped rows (a file name first) is the only other kind of stderr line
                assertThat(line).as(what).matches("(\\S.*: .*|\\s+\\d+\\s+.*)");
            }
        }
    }

    static final String[] CORPUS = {"ces-tiny-weight.csv", "clv-bad.csv", "empty-segment.csv",
        "formula-segments.csv", "one-per-seg.csv", "ratings.csv", "retention-bad.csv", "servqual-bad.csv",
        "weight-huge.csv", "weight-tiny.csv", "zero-weight-seg.csv"};

    /** Every command line tried on every file of the corpus, with and without --skip-invalid. */
    static List<String[]> corpusCommands(String f) {
        List<String[]> c = new ArrayList<>();
        for (String metric : new String[] {"nps", "csat", "ces"}) {
            for (String col : new String[] {"recommend", "ease"}) {
                c.add(new String[] {metric, f, "--column", col});
                c.add(new String[] {metric, f, "--column", col, "--by", "region", "--weight", "w", "--compare",
                    "North,South"});
                c.add(new String[] {metric, f, "--column", col, "--by", "region", "--compare", "North,South",
                    "--format", "csv"});
                c.add(new String[] {metric, f, "--column", col, "--by", "region", "--weight", "w", "--format",
                    "json", "--level", "0.9973"});
            }
            c.add(new String[] {metric, f, "--column", "recommend", "--scale", "0..10", "--by", "region"});
        }
        c.add(new String[] {"servqual", f});
        c.add(new String[] {"servqual", f, "--scale", "1..7", "--format", "csv"});
        c.add(new String[] {"retention", f, "--duration", "tenure", "--churned", "churned"});
        c.add(new String[] {"clv", f, "--customer", "customer", "--date", "date", "--amount", "amount"});
        c.add(new String[] {"clv", f, "--customer", "customer", "--date", "date", "--amount", "amount",
            "--holdout-from", "2020-01-15"});
        c.add(new String[] {"trend", f, "--date", "date", "--column", "recommend"});
        c.add(new String[] {"trend", f, "--date", "date", "--column", "ease", "--metric", "csat", "--period", "day"});
        c.add(new String[] {"service", f, "--customer", "customer", "--time", "date", "--resolved-flag", "churned",
            "--wait", "tenure", "--abandoned", "churned", "--handle", "amount", "--response", "recommend"});
        c.add(new String[] {"service", f, "--time", "date", "--resolved-at", "date", "--format", "json"});
        List<String[]> withSkip = new ArrayList<>();
        for (String[] a : c) {
            withSkip.add(a);
            String[] b = java.util.Arrays.copyOf(a, a.length + 1);
            b[a.length] = "--skip-invalid";
            withSkip.add(b);
        }
        return withSkip;
    }

    @Test
    void noCommandOnTheBadInputCorpusPrintsAStackTrace() {
        int runs = 0;
        for (String name : CORPUS) {
            for (String[] args : corpusCommands(file(name))) {
                Run run = cxm(args);
                assertNoStackTrace(run, String.join(" ", args));
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(300);
        // command-line mistakes, not data
        for (String[] args : new String[][] {{}, {"drivers"}, {"nps"}, {"nps", "--bogus"}, {"--bogus"},
            {"nps", file("ratings.csv"), "--column", "recommend", "--level", "abc"},
            {"nps", file("ratings.csv"), "--column", "recommend", "--scale", "٠..١٠"},
            {"nps", file("ratings.csv"), "--column", "recommend", "--format", "xml"},
            {"help", "nope"}}) {
            Run run = cxm(args);
            assertNoStackTrace(run, String.join(" ", args));
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).startsWith("cxm: ");
        }
    }

    // one-per-seg.csv: North {5}, South {3, 6, 7}. A CES comparison needs the variance of both
    // segments; North's is undefined (n = 1), so the comparison row is all "—", like North's own row.
    @Test
    void cesCompareWithAOneRespondentSegmentPrintsDashes() {
        Run run = cxm("ces", file("one-per-seg.csv"), "--column", "ease", "--by", "region", "--compare",
                "North,South");
        assertThat(run.code()).isZero();
        // the segment comparisons (vs total) say why they are absent, on stderr only
        assertThat(run.err()).isEqualTo("ces --by region: segment North left out of the comparisons (score or"
                + " standard error undefined: too few respondents or zero weight)\n"
                + "ces --by region: no comparison of segments: it needs two segments with a defined score and"
                + " standard error, there is 1\n");
        assertThat(run.out()).containsPattern("North +1 +1\\.0 +5\\.00 +— +— +—")
                // South mean (3 + 6 + 7) / 3 = 5.33
                .containsPattern("South +3 +3\\.0 +5\\.33")
                .containsPattern("South − North +— +— +— +— +— +— +—");
        Run csv = cxm("ces", file("one-per-seg.csv"), "--column", "ease", "--by", "region", "--compare",
                "North,South", "--format", "csv");
        assertThat(csv.out()).contains("South − North,,,,,,,");
    }

    // zero-weight-seg.csv: South has weights {0, 0}: its NPS is undefined, and so is South − North.
    @Test
    void npsCompareWithAZeroWeightSegmentPrintsDashes() {
        Run run = cxm("nps", file("zero-weight-seg.csv"), "--column", "recommend", "--by", "region", "--weight", "w",
                "--compare", "North,South");
        assertThat(run.code()).isZero();
        assertThat(run.err()).startsWith("nps --by region: segment South left out of the comparisons")
                .contains("no comparison of segments");
        assertThat(run.out()).containsPattern("South +2 +0\\.0 +— +—")
                .containsPattern("South − North +— +— +— +— +— +— +—");
        Run json = cxm("nps", file("zero-weight-seg.csv"), "--column", "recommend", "--by", "region", "--weight", "w",
                "--compare", "North,South", "--format", "json");
        assertThat(json.out()).contains("{\"table\":\"comparison\",\"comparison\":\"South − North\","
                + "\"difference\":null,\"se\":null,\"statistic\":null,\"df\":null,\"p_value\":null");
    }

    @ParameterizedTest
    @CsvSource({"weight-huge.csv, 3, 1e200", "weight-tiny.csv, 2, 1e-200"})
    void weightsOutsideTheLibraryBoundsAreBadValuesWithTheirPlace(String name, int line, String value) {
        Run run = cxm("nps", file(name), "--column", "recommend", "--by", "region", "--weight", "w");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo("cxm: " + file(name) + ", line " + line + ", column 'w': '" + value
                + "' is not a weight of 0 or in [1e-150, 1e150]");
    }

    @Test
    void weightsOutsideTheBoundsAreSkippedAndCountedWithSkipInvalid() {
        // weight-huge.csv: North {9 w1, 3 w1e200}, South {10, 5}; skipping line 3 leaves 9, 10, 5:
        // two promoters (9, 10) and one detractor (5): NPS = 100 (2 − 1) / 3 = 33.33.
        Run run = cxm("nps", file("weight-huge.csv"), "--column", "recommend", "--by", "region", "--weight", "w",
                "--skip-invalid");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("\\(total\\) +3 +3\\.0 +33\\.33");
        assertThat(run.err()).contains("skipped 1 of 4 rows (--skip-invalid)")
                .containsPattern("1 +column 'w': weight not 0 or in \\[1e-150, 1e150\\]");
        // weight-tiny.csv: the three 1e-200 rows are skipped, South {5} remains: NPS −100.
        Run tiny = cxm("csat", file("weight-tiny.csv"), "--column", "recommend", "--scale", "0..10", "--weight", "w",
                "--skip-invalid");
        assertThat(tiny.code()).isZero();
        assertThat(tiny.err()).contains("skipped 3 of 4 rows")
                .containsPattern("3 +column 'w': weight not 0 or in \\[1e-150, 1e150\\]");
    }

    // ces-tiny-weight.csv: North {5 w1, 2 w1e-6}: Kish n_eff = (1 + 1e-6)² / (1 + 1e-12) ≈ 1.000002, so
    // a t interval with ≈ 2e-6 degrees of freedom is undefined: "—", not an exception.
    @Test
    void cesIntervalWithANearlySingleEffectiveRespondentIsADash() {
        Run run = cxm("ces", file("ces-tiny-weight.csv"), "--column", "ease", "--by", "region", "--weight", "w");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("North +2 +1\\.0 +5\\.00 +\\S+ +— +—");
    }

    @Test
    void compareWithAnUnknownSegmentIsAUsageErrorBeforeAnyOutput() {
        Run run = cxm("nps", file("one-per-seg.csv"), "--column", "ease", "--by", "region", "--compare",
                "North,West");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("cxm: --compare: segment 'West' is not in column 'region'; its values are:"
                + " North, South").contains("Try 'cxm nps --help'.");
    }

    @Test
    void anUnknownCommandIsAUsageErrorListingTheCommands() {
        Run run = cxm("keydrivers", "survey.csv");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("cxm: unknown command 'keydrivers'; the commands are: nps, csat, ces,"
                + " servqual, clv, retention, drivers, kano, trend, service, erlang, report, demo, help\n");
        Run none = cxm();
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).startsWith("cxm: a command is required").contains("nps, csat, ces");
        Run option = cxm("nps", file("ratings.csv"), "--column", "recommend", "--colour");
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).startsWith("cxm: Unknown option: '--colour'").contains("Try 'cxm nps --help'.");
    }

    @ParameterizedTest
    @CsvSource({"0.95, ci95", "0.975, ci97.5", "0.9973, ci99.73", "0.9, ci90", "0.99, ci99", "0.999, ci99.9",
        "0.5, ci50", "0.12345, ci12.345", "0.001, ci0.1"})
    void levelColumnsAreNamedWithTheShortestExactDecimal(double level, String prefix) {
        assertThat(ConfidenceLevel.percent(level)).isEqualTo(prefix.substring(2));
        Run run = cxm("nps", file("one-per-seg.csv"), "--column", "ease", "--level", String.valueOf(level), "--format",
                "csv");
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("segment,n,n_eff,nps,se," + prefix + "_lower," + prefix + "_upper\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9d", "10f", "0x1p3", "1e1", "9.", ".0", "9.5", "٩", "９", "9\u0000", "\u00009", "9\t",
        "nine", "NaN", "Infinity", "1_0", "--9", "+-9", "9 9", "\u00a09"})
    void ratingsThatAreNotPlainWholeNumbersAreRejected(String text) {
        assertThatThrownBy(() -> Values.parseRating(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest
    @CsvSource(value = {"9|9", "+9|9", "-0|0", "' 9 '|9", "9.0|9", "10.000|10", "007|7", "-3|-3",
        "99999999999|2147483647", "-99999999999|-2147483648"}, delimiter = '|')
    void plainWholeNumbersAreRatings(String text, int expected) {
        assertThat(Values.parseRating(text)).isEqualTo(expected);
    }

    @Test
    void decimalsAreAsciiPlainOrScientific() {
        assertThat(Values.parseDecimal("1e-3")).isEqualTo(0.001);
        assertThat(Values.parseDecimal(" .5 ")).isEqualTo(0.5);
        assertThat(Values.parseDecimal("2.")).isEqualTo(2.0);
        assertThat(Values.parseDecimal("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        for (String bad : new String[] {"1f", "2d", "0x10", "0x1p3", "٢", "1\u0000", "", ".", "e5", "1e"}) {
            assertThatThrownBy(() -> Values.parseDecimal(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
    }

    // ratings.csv: 15 values; accepted are +9, -0, 9.0, " 9 " and 7; the other 10 are not whole numbers.
    // NPS of {9, 0, 9, 9, 7}: 3 promoters, 1 detractor of 5 = 100 · 2 / 5 = 40.
    @Test
    void everyExoticRatingIsRejectedAsNotAWholeNumber() {
        Run run = cxm("nps", file("ratings.csv"), "--column", "recommend", "--skip-invalid");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("all +5 +5\\.0 +40\\.00");
        assertThat(run.err()).contains("skipped 10 of 15 rows (--skip-invalid)")
                .containsPattern("10 +column 'recommend': not a whole number");
        Run strict = cxm("nps", file("ratings.csv"), "--column", "recommend");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err().strip()).isEqualTo("cxm: " + file("ratings.csv")
                + ", line 2, column 'recommend': '9d' is not a whole number");
    }

    // servqual-bad.csv: 2 good rows, 5 with E4 in {9d, ٩, 5\0, 1e1, 0x1p3}, one with IMP_EMPATHY 20f, one
    // with IMP_ASSURANCE 0x14: all 7 are rejected with the same rule as the rating commands.
    @Test
    void servqualUsesTheSameStrictRule() {
        Run run = cxm("servqual", file("servqual-bad.csv"), "--skip-invalid", "--format", "csv");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("skipped 7 of 9 rows (--skip-invalid)")
                .containsPattern("5 +column 'E4': not a whole number")
                .containsPattern("1 +column 'IMP_EMPATHY': not a number")
                .containsPattern("1 +column 'IMP_ASSURANCE': not a number");
        assertThat(run.out()).contains("respondents,2");
    }

    // formula-segments.csv: one respondent per segment; segment names starting with = + - @ get a
    // leading quote in CSV output; numbers (an NPS of -100.0) stay numbers; text and JSON are unchanged.
    @Test
    void formulaCellsAreNeutralisedInCsvOutput() {
        Run run = cxm("nps", file("formula-segments.csv"), "--column", "recommend", "--by", "region", "--format",
                "csv");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("\n'+cmd|calc,1,1.0,-100.0,0.0,")
                .contains("\n'-2+3,1,1.0,100.0,0.0,")
                .contains("\n\"'=HYPERLINK(\"\"http://x\"\")\",1,1.0,100.0,0.0,")
                .contains("\n'@SUM(A1),1,1.0,0.0,0.0,")
                .contains("\nNorth,1,1.0,0.0,0.0,");
        Run cmp = cxm("nps", file("formula-segments.csv"), "--column", "recommend", "--by", "region", "--compare",
                "North,-2+3", "--format", "csv");
        assertThat(cmp.out()).contains("\n'-2+3 − North,");
        Run json = cxm("nps", file("formula-segments.csv"), "--column", "recommend", "--by", "region", "--format",
                "json");
        assertThat(json.out()).contains("\"segment\":\"+cmd|calc\"").contains("\"segment\":\"-2+3\"");
        assertThat(Table.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(Table.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(Table.neutralise("North")).isEqualTo("North");
        assertThat(Table.neutralise("")).isEqualTo("");
    }

    // empty-segment.csv: 9 North, 3 South, 10 (empty), 7 (a space), 8 North: two rows with no segment.
    @Test
    void rowsWithAnEmptySegmentAreCountedInTheSummary() {
        Run run = cxm("nps", file("empty-segment.csv"), "--column", "recommend", "--by", "region");
        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("\\(blank\\) +2 ").containsPattern("\\(total\\) +5 ");
        assertThat(run.err().strip()).isEqualTo(file("empty-segment.csv") + ": 2 rows with an empty segment"
                + " (column 'region' left empty); scored as segment '(blank)' and in the total");
    }

    @Test
    void outOfMemoryIsOneLineNamingTheHeap() {
        StringWriter err = new StringWriter();
        int code = Cxm.outOfMemory(new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        long mb = Runtime.getRuntime().maxMemory() >> 20;
        assertThat(err.toString()).startsWith("cxm: needs more memory than -Xmx allows (max heap " + mb + " MB)")
                .doesNotContain("Exception");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }

    // 400 000 distinct segments hold 400 000 accumulators: far more than a 16 MB heap.
    @Test
    void runningOutOfMemoryIsOneLineWithExit1(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("many-segments.csv");
        try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
            w.write("recommend,region\n");
            for (int i = 0; i < 400_000; i++) {
                w.write(i % 11 + ",s" + i + "\n");
            }
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(javaBin, "-Xmx16m", "-XX:+UseSerialGC", "-cp", classpath,
                "io.github.cxmetrics.cli.Cxm", "nps", file.toString(), "--column", "recommend", "--by", "region")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("finished").isTrue();
        String stderr = java.nio.file.Files.readString(err);
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).startsWith("cxm: needs more memory than -Xmx allows").doesNotContain("Exception")
                .doesNotContain("\tat ");
        // the estimate extrapolates the heap linearly from the part of the file read before memory ran out
        assertThat(stderr).containsPattern("; (at least about \\d+|more than \\d+) MB for this input \\(memory ran out after ");
        assertThat(stderr.strip()).doesNotContain("\n");
        assertThat(java.nio.file.Files.readString(out)).isEmpty();
    }

    @Test
    void libraryExceptionsBecomeOneLine() {
        assertThat(Cxm.describe(new IllegalStateException("NPS is undefined: total weight is 0")))
                .isEqualTo("NPS is undefined: total weight is 0");
        assertThat(Cxm.describe(new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException("x.csv"))))
                .isEqualTo("permission denied: x.csv");
        assertThat(Cxm.describe(new ArithmeticException("2F1 series did not converge\n  in 1000000 terms")))
                .isEqualTo("2F1 series did not converge; in 1000000 terms");
        assertThat(Cxm.describe(new NullPointerException())).startsWith("internal error (NullPointerException)");
    }
}
