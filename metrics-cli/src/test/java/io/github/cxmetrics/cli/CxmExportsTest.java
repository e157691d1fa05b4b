package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The exports analysts have (issue 16): Qualtrics (three header rows: ids, question texts, ImportIds),
 * SurveyMonkey (two: question texts, sub-answer labels), Typeform (one, question texts as names) and an
 * Excel CSV saved on a German locale ({@code ;}, windows-1252). The files in
 * {@code src/test/resources/e2e/exports} reproduce each tool's column layout with invented answers.
 *
 * <p>Expected scores are counted by hand from the NPS column of each file: NPS = 100 (promoters −
 * detractors) / n, promoters 9–10, detractors 0–6.
 */
class CxmExportsTest {

    static final String SM_NPS = "How likely is it that you would recommend Acme to a friend or colleague?";

    record Run(int code, String out, String err) {
        void assertNoStackTrace() {
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
        }

        /** Exactly one line on standard error, a {@code cxm: } message, and nothing on standard output. */
        void assertOneLineError(int expectedCode, String... fragments) {
            assertThat(code).as(err).isEqualTo(expectedCode);
            assertThat(out).isEmpty();
            String[] lines = err.split("\r?\n");
            assertThat(lines).as(err).hasSize(1);
            assertThat(lines[0]).startsWith("cxm: ");
            for (String f : fragments) {
                assertThat(lines[0]).contains(f);
            }
            assertNoStackTrace();
        }
    }

    static Run cxm(String... args) {
        return Cli.run(Run::new, args);
    }

    static String file(String name) {
        return Cli.resource("/e2e/exports/" + name);
    }

    /** The "all" or "(total)" row of a --format csv NPS table: n, nps. */
    static String[] totalRow(String out) {
        for (String line : out.split("\r?\n")) {
            if (line.startsWith("all,") || line.startsWith("(total),")) {
                String[] c = line.split(",");
                return new String[] {c[1], c[3]};
            }
        }
        throw new AssertionError("no total row in:\n" + out);
    }

    static String segmentRow(String out, String segment) {
        for (String line : out.split("\r?\n")) {
            if (line.startsWith(segment + ",")) {
                return line;
            }
        }
        throw new AssertionError("no row " + segment + " in:\n" + out);
    }

    // --- Qualtrics ------------------------------------------------------------------------------------

    @Test
    void aQualtricsExportIsRecognisedByItsImportIdRowAndScored() {
        // Q1: 10, 9, 7, 3, 8, 10, 6, 9 -> 4 promoters, 2 detractors of 8: NPS 25
        Run r = cxm("nps", file("qualtrics.csv"), "--column", "Q1", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("8", "25.0");
        String[] notes = r.err().split("\r?\n");
        assertThat(notes).as(r.err()).hasSize(1);
        assertThat(notes[0]).contains("qualtrics.csv: row 3 holds Qualtrics ImportIds")
                .contains("rows 2-3 are skipped").contains("--header-rows 1");
        r.assertNoStackTrace();
    }

    @Test
    void anExplicitHeaderRows3ScoresTheSameWithoutANote() {
        Run r = cxm("nps", file("qualtrics.csv"), "--column", "Q1", "--header-rows", "3", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("8", "25.0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void headerRows1ReadsTheQualtricsHeaderRowsAsData() {
        // the question text in Q1 of row 2 is not a rating: the detection is overridden
        cxm("nps", file("qualtrics.csv"), "--column", "Q1", "--header-rows", "1")
                .assertOneLineError(Cxm.BAD_DATA, "line 2", "'Q1'");
    }

    @Test
    void lineNumbersStayPhysicalAfterSkippedHeaderRows() {
        // the Q2 question text spans lines 2-3, the ImportIds are line 4, "nine" is on line 6
        Run detected = cxm("nps", file("qualtrics-bad.csv"), "--column", "Q1");
        assertThat(detected.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(detected.err()).contains("line 6").contains("'Q1'");
        detected.assertNoStackTrace();
        cxm("nps", file("qualtrics-bad.csv"), "--column", "Q1", "--header-rows", "3")
                .assertOneLineError(Cxm.BAD_DATA, "line 6", "'Q1'");
        // skipped header rows are neither rows nor errors: 1 of 2 data rows skipped
        Run skipped = cxm("nps", file("qualtrics-bad.csv"), "--column", "Q1", "--header-rows", "3",
                "--skip-invalid", "--format", "csv");
        assertThat(skipped.code()).as(skipped.err()).isZero();
        assertThat(totalRow(skipped.out())).containsExactly("1", "100.0");
        assertThat(skipped.err()).contains("skipped 1 of 2 rows");
    }

    @Test
    void anImportIdRowInRow2MeansTwoHeaderRows() {
        // Q1: 10, 2, 9 -> 2 promoters, 1 detractor of 3: NPS 100/3
        Run r = cxm("nps", file("qualtrics-two-rows.csv"), "--column", "Q1", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] total = totalRow(r.out());
        assertThat(total[0]).isEqualTo("3");
        assertThat(Double.parseDouble(total[1])).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(r.err()).contains("row 2 holds Qualtrics ImportIds").contains("row 2 is skipped");
    }

    // --- SurveyMonkey ---------------------------------------------------------------------------------

    @Test
    void aSurveyMonkeyExportScoresWithHeaderRows2() {
        // 10, 9, 9, 8, 5, 2, 10 -> 4 promoters, 2 detractors of 7: NPS 200/7
        Run r = cxm("nps", file("surveymonkey.csv"), "--column", SM_NPS, "--header-rows", "2", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] total = totalRow(r.out());
        assertThat(total[0]).isEqualTo("7");
        assertThat(Double.parseDouble(total[1])).isCloseTo(200.0 / 7, within(1e-9));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutHeaderRowsTheSurveyMonkeyLabelRowIsABadRowOnLine2WithAHint() {
        Run r = cxm("nps", file("surveymonkey.csv"), "--column", SM_NPS);
        assertThat(r.code()).isEqualTo(Cxm.BAD_DATA);
        assertThat(r.out()).isEmpty();
        String[] lines = r.err().split("\r?\n");
        assertThat(lines).as(r.err()).hasSize(2);
        assertThat(lines[0]).contains("surveymonkey.csv: row 2 looks like SurveyMonkey's answer labels")
                .contains("give --header-rows 2");
        assertThat(lines[1]).startsWith("cxm: ").contains("surveymonkey.csv, line 2").contains("'Response'");
        r.assertNoStackTrace();
    }

    @Test
    void headerRowsAsManyAsTheFileHasLeavesNoDataRowsButIsNotAHeaderError() {
        // 9 lines, all header rows: whatever the command says about no data, it is one cxm: line
        Run r = cxm("nps", file("surveymonkey.csv"), "--column", SM_NPS, "--header-rows", "9");
        assertThat(r.err()).doesNotContain("header rows and no data");
        r.assertNoStackTrace();
    }

    @Test
    void aQualtricsExportOnStandardInputIsRecognisedToo() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(Path.of(file("qualtrics.csv")));
        java.io.InputStream saved = System.in;
        System.setIn(new java.io.ByteArrayInputStream(bytes));
        Run r;
        try {
            r = cxm("nps", "-", "--column", "Q1", "--format", "csv");
        } finally {
            System.setIn(saved);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("8", "25.0");
        assertThat(r.err()).contains("standard input: row 3 holds Qualtrics ImportIds");
    }

    @Test
    void headerRowsBeyondTheFileIsAnError() {
        cxm("nps", file("surveymonkey.csv"), "--column", SM_NPS, "--header-rows", "40")
                .assertOneLineError(Cxm.BAD_DATA, "has only 9 header rows and no data, but --header-rows is 40");
    }

    @Test
    void headerRowsBelow1IsAUsageError() {
        Run r = cxm("nps", file("surveymonkey.csv"), "--column", SM_NPS, "--header-rows", "0");
        assertThat(r.code()).isEqualTo(Cxm.BAD_USAGE);
        assertThat(r.err()).contains("cxm: --header-rows must be 1 or more, was 0");
        r.assertNoStackTrace();
    }

    // --- Typeform -------------------------------------------------------------------------------------

    @Test
    void aTypeformExportScoresByItsQuestionText() {
        // 9, 10, 4, 7, 10, 0, 8, 9, 6, 10 -> 5 promoters, 3 detractors of 10: NPS 20
        Run r = cxm("nps", file("typeform.csv"), "--column", SM_NPS, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("10", "20.0");
        assertThat(r.err()).isEmpty();
    }

    // --- Excel on a German locale ---------------------------------------------------------------------

    @Test
    void aGermanExcelCsvScoresWithEncodingWindows1252() {
        // 10, 9, 3, 7, 10, 6 -> 3 promoters, 2 detractors of 6: NPS 100/6; München 10, 10 -> 100; Köln 9, 6 -> 0
        Run r = cxm("nps", file("excel-de-1252.csv"), "--column", "Empfehlung", "--by", "Region",
                "--encoding", "windows-1252", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] total = totalRow(r.out());
        assertThat(total[0]).isEqualTo("6");
        assertThat(Double.parseDouble(total[1])).isCloseTo(100.0 / 6, within(1e-9));
        assertThat(segmentRow(r.out(), "München")).startsWith("München,2,").contains(",100.0,");
        assertThat(segmentRow(r.out(), "Köln")).startsWith("Köln,2,");
    }

    @Test
    void aGermanExcelCsvWithoutEncodingGetsTheHintInOneLine() {
        cxm("nps", file("excel-de-1252.csv"), "--column", "Empfehlung")
                .assertOneLineError(Cxm.BAD_DATA, "excel-de-1252.csv is not valid UTF-8 text",
                        "--encoding windows-1252");
    }

    @Test
    void helpDescribesHeaderRows() {
        Run r = cxm("nps", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--header-rows=N")
                .contains("Default: 1, or 3 for a Qualtrics export");
    }
}
