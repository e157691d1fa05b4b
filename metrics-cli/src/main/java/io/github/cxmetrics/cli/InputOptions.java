package io.github.cxmetrics.cli;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by every command that reads a CSV file. */
final class InputOptions {

    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter: one character, or tab, comma, semicolon, pipe. Default: detected from"
                    + " the header line.")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Character set of the file (default: ${DEFAULT-VALUE}); a byte-order mark is skipped.")
    String encoding;

    @Option(names = "--skip-invalid",
            description = "Skip bad rows instead of stopping at the first; report how many were skipped, per reason.")
    boolean skipInvalid;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (aligned table), json (one object per line) or csv. Default: ${DEFAULT-VALUE}.")
    Table.Format format;

    CsvSource open(Path file) {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UsageException("unknown --encoding '" + encoding + "'");
        }
        return CsvSource.of(file, charset, CsvSource.parseDelimiter(delimiter));
    }
}
