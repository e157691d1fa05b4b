package io.github.cxmetrics.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A CSV file read once, row by row: the character set is named by a byte-order mark (UTF-8,
 * UTF-16LE or UTF-16BE), else given (UTF-8 by default), and bytes that are not text in it are an
 * error, not replaced; the delimiter is given or detected from the header line (the most frequent of
 * {@code , ; TAB |} outside quotes); columns are found by header name. Quoting, embedded newlines and
 * escaped quotes are FastCSV's. Nothing is held but the current row.
 */
final class CsvSource {

    /** Files above this size get a progress line on standard error when it is a terminal. */
    static final long PROGRESS_THRESHOLD = 50L * 1024 * 1024;

    /** One row: its line number in the file (the header is line 1) and its fields. */
    record Row(long line, CsvRecord record) {
        String field(int column) {
            return column < record.getFieldCount() ? record.getField(column) : "";
        }
    }

    /** Receives the rows. */
    interface RowHandler {
        void accept(Row row);
    }

    private final String name;
    private final Supplier<InputStream> opener;
    private final long size;
    private final Charset charset;
    private final Character delimiter;
    private List<String> header;
    /** The character set a byte-order mark named, once read. */
    private Charset bomCharset;

    private CsvSource(String name, Supplier<InputStream> opener, long size, Charset charset, Character delimiter) {
        this.name = name;
        this.opener = opener;
        this.size = size;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    /** A file on disk. */
    static CsvSource of(Path file, Charset charset, Character delimiter) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return new CsvSource(file.toString(), () -> {
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw new UsageException("no such file: " + file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, size, charset, delimiter);
    }

    String name() {
        return name;
    }

    /** The header, available once {@link #read} has started (or after {@link #header()}). */
    List<String> header() {
        if (header == null) {
            read(row -> { }, true);
        }
        return header;
    }

    /** The index of a column by header name (exact match first, then ignoring case and surrounding space). */
    int column(String wanted, String option) {
        List<String> h = header();
        int i = h.indexOf(wanted);
        if (i >= 0) {
            return i;
        }
        for (int k = 0; k < h.size(); k++) {
            if (h.get(k).trim().equalsIgnoreCase(wanted.trim())) {
                return k;
            }
        }
        throw new UsageException("column '" + wanted + "' (" + option + ") is not in " + name + "; its columns are: "
                + String.join(", ", quoted(h)));
    }

    /** The index of a column, or -1 when the header has no such column. */
    int optionalColumn(String wanted) {
        List<String> h = header();
        for (int k = 0; k < h.size(); k++) {
            if (h.get(k).trim().equalsIgnoreCase(wanted)) {
                return k;
            }
        }
        return -1;
    }

    private static List<String> quoted(List<String> h) {
        List<String> out = new ArrayList<>();
        for (String s : h) {
            out.add("'" + s + "'");
        }
        return out;
    }

    /**
     * Reads every data row in order. A row whose number of fields differs from the header's is
     * rejected through {@code rejections} and not passed on; at the end the rejections are reported.
     *
     * @param rejections where bad rows go (they stop the read unless skipping)
     * @param handler receives every row with the header's number of fields
     * @param err standard error: the progress line and the report of rejections
     */
    void read(Rejections rejections, RowHandler handler, PrintWriter err) {
        int fields = header().size();
        long[] rows = {0};
        read(row -> {
            rows[0]++;
            int count = row.record().getFieldCount();
            if (count != fields) {
                rejections.rejectRow(row.line(), "has " + count + " fields, the header has " + fields,
                        "wrong number of fields");
                return;
            }
            handler.accept(row);
        }, false, err);
        rejections.report(err, rows[0]);
    }

    private void read(RowHandler handler, boolean headerOnly) {
        read(handler, headerOnly, null);
    }

    private void read(RowHandler handler, boolean headerOnly, PrintWriter progressOut) {
        CountingStream counted = new CountingStream(opener.get());
        Progress progress = progressOut != null && size > PROGRESS_THRESHOLD && System.console() != null
                ? new Progress(progressOut, name, size, counted) : null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(bomAware(counted),
                decoder(bomCharset != null ? bomCharset : charset)), 1 << 16)) {
            reader.mark(1 << 16);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            reader.mark(1 << 16);
            String firstLine = readLogicalHeader(reader);
            reader.reset();
            if (firstLine == null || firstLine.isBlank()) {
                throw new DataException(name + " is empty: it has no header line");
            }
            char sep = delimiter != null ? delimiter : detect(firstLine);
            CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(sep).allowMissingFields(true)
                    .allowExtraFields(true).skipEmptyLines(true).ofCsvRecord(reader);
            boolean first2 = true;
            for (CsvRecord record : csv) {
                if (first2) {
                    first2 = false;
                    List<String> h = new ArrayList<>(record.getFields());
                    header = h;
                    if (headerOnly) {
                        return;
                    }
                    continue;
                }
                handler.accept(new Row(record.getStartingLineNumber(), record));
                if (progress != null) {
                    progress.tick();
                }
            }
            if (first2) {
                throw new DataException(name + " is empty: it has no header line");
            }
        } catch (CharacterCodingException e) {
            throw notText();
        } catch (IOException e) {
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notText();
            }
            throw new DataException("cannot read " + name + ": " + e.getCause().getMessage());
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new DataException(name + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
        } finally {
            if (progress != null) {
                progress.done();
            }
        }
    }

    /**
     * Reads a byte-order mark, if any, and positions the stream after it: UTF-8 (EF BB BF), UTF-16LE
     * (FF FE) or UTF-16BE (FE FF, as Excel's "Unicode text" export writes). A mark decides the
     * character set over {@code --encoding}, which then applies to files without one.
     */
    private InputStream bomAware(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(3);
        int b0 = b.read();
        int b1 = b.read();
        int b2 = b.read();
        b.reset();
        int skip = 0;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bomCharset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            bomCharset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            bomCharset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        for (int k = 0; k < skip; k++) {
            b.read();
        }
        return b;
    }

    private DataException notText() {
        Charset used = bomCharset != null ? bomCharset : charset;
        return new DataException(name + " is not valid " + used.name() + " text"
                + (bomCharset != null ? " (its byte-order mark says " + used.name() + ")"
                : "; give its encoding with --encoding, for example --encoding windows-1252"));
    }

    /** A decoder that reports bytes that are not text in the character set instead of replacing them. */
    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The header line, up to 64 KiB, for delimiter detection. */
    private static String readLogicalHeader(BufferedReader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        int c;
        while (sb.length() < (1 << 16) - 2 && (c = reader.read()) != -1) {
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                break;
            }
            sb.append((char) c);
        }
        return sb.length() == 0 && !reader.ready() ? null : sb.toString();
    }

    /** The most frequent of {@code , ; TAB |} outside quotes in the header line; a comma on a tie or none. */
    static char detect(String headerLine) {
        char[] candidates = {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    /** Parses a {@code --delimiter} value: one character, or {@code tab}, {@code \t}, {@code comma}, {@code semicolon}. */
    static Character parseDelimiter(String value) {
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "tab":
            case "\\t":
                return '\t';
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "pipe":
                return '|';
            default:
                if (value.length() != 1) {
                    throw new UsageException("--delimiter must be one character (or tab, comma, semicolon, pipe), was '"
                            + value + "'");
                }
                return value.charAt(0);
        }
    }

    /** Counts the bytes read, for the progress line. */
    static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    /** A progress line, rewritten at most once a second. */
    static final class Progress {
        private final PrintWriter out;
        private final String name;
        private final long size;
        private final CountingStream counted;
        private long next = System.nanoTime() + 1_000_000_000L;
        private int rows;

        Progress(PrintWriter out, String name, long size, CountingStream counted) {
            this.out = out;
            this.name = name;
            this.size = size;
            this.counted = counted;
        }

        void tick() {
            if ((++rows & 0xFFF) == 0 && System.nanoTime() > next) {
                next = System.nanoTime() + 1_000_000_000L;
                out.printf(Locale.ROOT, "\r%s: %d of %d MB (%.0f %%)", name, counted.count() >> 20, size >> 20,
                        100.0 * counted.count() / size);
                out.flush();
            }
        }

        void done() {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
