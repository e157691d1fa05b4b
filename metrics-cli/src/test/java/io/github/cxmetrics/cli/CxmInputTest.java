package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@code cxm} reads its input (issue 16): unterminated quotes, blank lines, duplicate header
 * names, paths that are not regular files, standard input, delimiters that cannot work, UTF-16
 * without a byte-order mark. Runs the entry point in-process on the files in
 * {@code src/test/resources/e2e/input}.
 *
 * <p>Expected scores are counted by hand from the ratings in each file: NPS = 100 (promoters − detractors) / n
 * (promoters 9–10, detractors 0–6) and its standard error 100 √((p + d − (p − d)²) / n) (Rocks 2016).
 */
class CxmInputTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        /** The error output is one {@code cxm: } line (a usage error adds the "Try 'cxm … --help'" line). */
        void assertOneLineError(int expectedCode, String... fragments) {
            assertThat(code).as(err).isEqualTo(expectedCode);
            assertThat(out).as("nothing is printed on a failure").isEmpty();
            String[] lines = err.split("\r?\n");
            String last = lines[lines.length - 1];
            int messages = expectedCode == Cxm.BAD_USAGE && last.startsWith("Try 'cxm") ? lines.length - 1 : lines.length;
            String message = lines[messages - 1];
            assertThat(message).startsWith("cxm: ");
            for (String f : fragments) {
                assertThat(message).contains(f);
            }
            assertNoStackTrace();
        }

        void assertNoStackTrace() {
            assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    static Run cxm(String... args) {
        return Cli.run(Run::new, args);
    }

    static Run cxmWithStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return cxm(args);
        } finally {
            System.setIn(saved);
        }
    }

    static String file(String name) {
        return Cli.resource("/e2e/input/" + name);
    }

    /** The "all" or "(total)" row of a --format csv NPS table: n, nps, se. */
    static String[] totalRow(String out) {
        for (String line : out.split("\r?\n")) {
            if (line.startsWith("all,") || line.startsWith("(total),")) {
                String[] c = line.split(",");
                return new String[] {c[1], c[3], c[4]};
            }
        }
        throw new AssertionError("no total row in:\n" + out);
    }

    // --- 1. unterminated quoted fields ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "--skip-invalid"})
    void aQuoteOpenedMidFileAndNeverClosedStopsTheRun(String skip) {
        // 9,"North swallows every later line into the region field: FastCSV alone returned one row, exit 0
        Run r = skip.isEmpty() ? cxm("nps", file("unterminated-mid.csv"), "--column", "recommend", "--by", "region")
                : cxm("nps", file("unterminated-mid.csv"), "--column", "recommend", "--by", "region", skip);
        r.assertOneLineError(Cxm.BAD_DATA, "unterminated-mid.csv:2: unterminated quoted field starting at line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--skip-invalid"})
    void aQuoteOpenedInTheLastRowStopsTheRun(String skip) {
        Run r = skip.isEmpty() ? cxm("nps", file("unterminated-last.csv"), "--column", "recommend")
                : cxm("nps", file("unterminated-last.csv"), "--column", "recommend", skip);
        r.assertOneLineError(Cxm.BAD_DATA, "unterminated-last.csv:5: unterminated quoted field starting at line 5");
    }

    @Test
    void theLineOfAnUnterminatedQuoteCountsEarlierQuotedLineBreaksAndCrlf() {
        // line 1 header, lines 2-3 a closed quoted field over two lines, line 4 "7,ok", line 5 opens the quote
        cxm("nps", file("unterminated-crlf.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "unterminated quoted field starting at line 5");
    }

    @Test
    void anUnterminatedQuoteIsReportedBeforeTheSwallowingRowsWrongFieldCount() {
        // "1,"x<rest of file>" is a row of 2 fields under a 3-field header: the cause is the quote (line 3)
        cxm("nps", file("unterminated-fields.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "unterminated-fields.csv:3: unterminated quoted field starting at line 3");
        cxm("nps", file("unterminated-fields.csv"), "--column", "recommend", "--skip-invalid")
                .assertOneLineError(Cxm.BAD_DATA, "unterminated quoted field starting at line 3");
    }

    @Test
    void anUnterminatedQuoteInTheHeaderStopsTheRun() {
        cxm("nps", file("unterminated-header.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "unterminated-header.csv:1: unterminated quoted field starting at line 1");
    }

    @Test
    void helpSaysThatSkipInvalidDoesNotSkipAnUnterminatedQuote() {
        Run r = cxm("nps", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("A quoted field that is never closed still stops the run");
    }

    // --- 2. blank lines ------------------------------------------------------------------------------

    @Test
    void blankLinesAreCountedAndABlankFirstLineIsSkippedWithANote() {
        // a blank line before the header, blank lines (LF and CRLF) between rows and at the end;
        // ratings 9, 10, 3, 0: 2 promoters, 2 detractors of 4 -> NPS 0, se 100 sqrt(1/4) = 50
        Run r = cxm("nps", file("blank-lines.csv"), "--column", "recommend", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("4", "0.0", "50.0");
        assertThat(r.err()).contains("blank-lines.csv: skipped 1 blank line before the header; the header is line 2")
                .contains("blank-lines.csv: 3 blank lines ignored (not rows, not errors)");
        r.assertNoStackTrace();
    }

    @Test
    void lineNumbersCountTheSkippedBlankLines() {
        // lines: 1 CRLF, 2 LF, 3 header, 4 "9,North", 5 blank, 6 "x,South"
        cxm("nps", file("blank-then-bad.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "blank-then-bad.csv, line 6, column 'recommend'");
        Run skipped = cxm("nps", file("blank-then-bad.csv"), "--column", "recommend", "--skip-invalid");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.err()).contains("skipped 1 of 2 rows").contains("1 blank line ignored");
    }

    @Test
    void aFileOfBlankLinesIsEmpty() {
        cxm("nps", file("only-blank.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "is empty: it has no header line (only 3 blank lines)");
    }

    // --- 3. duplicate header names -------------------------------------------------------------------

    @Test
    void aDuplicateColumnNameThatIsUsedIsAnErrorNamingBothPositions() {
        cxm("nps", file("duplicate.csv"), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_USAGE, "column 'recommend' (--column) is ambiguous",
                        "columns 1 and 3 (counting from 1)");
        // the case-insensitive match finds both too
        cxm("nps", file("duplicate.csv"), "--column", "RECOMMEND")
                .assertOneLineError(Cxm.BAD_USAGE, "columns 1 and 3");
    }

    @Test
    void aDuplicateColumnNameThatIsNotUsedIsFine() {
        // id twice, unused; ratings 9, 3, 10: 2 promoters, 1 detractor of 3 -> NPS 100/3
        Run r = cxm("nps", file("duplicate-unused.csv"), "--column", "recommend", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        String[] total = totalRow(r.out());
        assertThat(total[0]).isEqualTo("3");
        assertThat(Double.parseDouble(total[1])).isCloseTo(100.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
    }

    // --- 4. paths ------------------------------------------------------------------------------------

    @Test
    void dashReadsStandardInput() throws Exception {
        // plain.csv: 9, 10, 3, 0, 7 -> 2 promoters, 2 detractors of 5: NPS 0, se 100 sqrt(0.8 / 5) = 40
        byte[] bytes = Files.readAllBytes(Path.of(file("plain.csv")));
        Run r = cxmWithStdin(bytes, "nps", "-", "--column", "recommend", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("5", "0.0", "40.0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void standardInputErrorsNameIt() {
        cxmWithStdin("recommend\n9\nx\n".getBytes(StandardCharsets.UTF_8), "nps", "-", "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "standard input, line 3, column 'recommend': 'x'");
        cxmWithStdin(new byte[0], "nps", "-", "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "standard input is empty");
    }

    @Test
    void aDirectoryIsAUsageError() {
        cxm("nps", tmp.toString(), "--column", "recommend").assertOneLineError(Cxm.BAD_USAGE, "is a directory");
    }

    @Test
    void theNullDeviceIsNotARegularFile() {
        assumeTrue(Files.exists(Path.of("/dev/null")));
        cxm("nps", "/dev/null", "--column", "recommend")
                .assertOneLineError(Cxm.BAD_USAGE, "/dev/null is not a regular file");
    }

    @Test
    void aMissingFileIsAUsageError() {
        cxm("nps", tmp.resolve("nope.csv").toString(), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_USAGE, "no such file");
    }

    @Test
    void anUnreadableFileIsAUsageError() throws Exception {
        Path f = Files.copy(Path.of(file("plain.csv")), tmp.resolve("secret.csv"));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(f), "running as root: every file is readable");
        cxm("nps", f.toString(), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_USAGE, "secret.csv cannot be read: permission denied");
    }

    @Test
    void aNamedPipeIsReadOnceAsAStream() throws Exception {
        Path fifo = tmp.resolve("survey.fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here");
            return;
        }
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        byte[] bytes = Files.readAllBytes(Path.of(file("plain.csv")));
        Thread writer = new Thread(() -> {
            try {
                Files.write(fifo, bytes); // blocks until cxm opens the pipe
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        Run r = cxm("nps", fifo.toString(), "--column", "recommend", "--format", "csv");
        writer.join(10_000);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("5", "0.0", "40.0");
    }

    // --- 5. delimiters that cannot work --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\n", "\r"})
    void aQuoteOrLineBreakDelimiterIsAUsageError(String delimiter) {
        cxm("nps", file("plain.csv"), "--column", "recommend", "--delimiter", delimiter)
                .assertOneLineError(Cxm.BAD_USAGE, "--delimiter cannot be");
    }

    @Test
    void aLongDelimiterWithALineBreakIsShownOnOneLine() {
        Run r = cxm("nps", file("plain.csv"), "--column", "recommend", "--delimiter", ";\n");
        r.assertOneLineError(Cxm.BAD_USAGE, "--delimiter must be one character", "';\\n'");
    }

    // --- 6. UTF-16 without a byte-order mark ---------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"LE", "BE"})
    void utf16WithoutAByteOrderMarkIsRecognisedAndTheEncodingSuggested(String order) {
        String name = "utf16" + order.toLowerCase(java.util.Locale.ROOT) + "-nobom.csv";
        cxm("nps", file(name), "--column", "recommend")
                .assertOneLineError(Cxm.BAD_DATA, "looks like UTF-16" + order, "--encoding UTF-16" + order);
        // with the suggested option it scores: 9, 10, 3, 0 -> NPS 0, se 50
        Run r = cxm("nps", file(name), "--column", "recommend", "--encoding", "UTF-16" + order, "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(totalRow(r.out())).containsExactly("4", "0.0", "50.0");
    }

    // --- every case above: no stack trace ------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"unterminated-mid.csv", "unterminated-last.csv", "unterminated-crlf.csv",
        "unterminated-fields.csv", "unterminated-header.csv",
        "blank-lines.csv", "blank-then-bad.csv", "only-blank.csv", "duplicate.csv", "duplicate-unused.csv",
        "utf16le-nobom.csv", "utf16be-nobom.csv", "plain.csv"})
    void noCommandPrintsAStackTraceOnTheseInputs(String name) {
        String f = file(name);
        for (String[] args : new String[][] {
            {"nps", f, "--column", "recommend", "--by", "region"},
            {"csat", f, "--column", "recommend", "--skip-invalid"},
            {"ces", f, "--column", "recommend", "--scale", "1..7"},
            {"retention", f, "--duration", "recommend", "--churned", "region"},
            {"clv", f, "--customer", "region", "--date", "recommend", "--amount", "recommend"},
            {"servqual", f}}) {
            Run r = cxm(args);
            r.assertNoStackTrace();
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isIn(0, 1, 2);
        }
    }
}
