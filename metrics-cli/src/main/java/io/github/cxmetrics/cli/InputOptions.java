package io.github.cxmetrics.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a CSV file. */
final class InputOptions {

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: one character other than the quote and a line break, or tab, comma,"
                    + " semicolon, pipe. Default: detected from the header line.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character set of the file (default: ${DEFAULT-VALUE}); a byte-order mark (UTF-8,"
                    + " UTF-16LE/BE) decides over it and is skipped. UTF-16 without a mark is recognised and named"
                    + " in the message.")
    String encoding;

    @Option(names = "--header-rows", paramLabel = "N",
            description = "Number of header rows. The first names the columns; the other N-1 (question texts,"
                    + " sub-answer labels) are skipped, counted neither as data nor as errors, and line numbers"
                    + " still count them. Default: 1, or 3 for a Qualtrics export, recognised by a row 3 (or 2) of"
                    + " {\"ImportId\":...} cells (a note says so). A SurveyMonkey export needs --header-rows 2.")
    Integer headerRows;

    @Option(names = "--skip-invalid",
            description = "Skip bad rows instead of stopping at the first; report how many were skipped, per reason."
                    + " A quoted field that is never closed still stops the run (exit 1): it would swallow every"
                    + " later row, and no parser can tell where they start again.")
    boolean skipInvalid;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (aligned table), json (one object per line) or csv. Default: ${DEFAULT-VALUE}.")
    Table.Format format;

    /** Opens the file the command names; {@code -} is standard input. */
    CsvSource open(Path file) {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("unknown --encoding '" + encoding + "'");
        }
        return CsvSource.of(file, charset, CsvSource.parseDelimiter(delimiter)).headerRows(headerRows);
    }
}
