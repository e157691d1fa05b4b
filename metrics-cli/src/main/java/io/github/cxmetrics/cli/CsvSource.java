package io.github.cxmetrics.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A CSV file read once, row by row: the character set is named by a byte-order mark (UTF-8,
 * UTF-16LE or UTF-16BE), else given (UTF-8 by default), and bytes that are not text in it are an
 * error, not replaced; the delimiter is given or detected from the header line (the most frequent of
 * {@code , ; TAB |} outside quotes); columns are found by header name, and a name two columns share
 * is an error. The first row names the columns; {@code --header-rows N} skips the N - 1 rows after it,
 * and without it a Qualtrics export (a row 3, or 2, of {@code {"ImportId":...}} cells) has its extra
 * header rows skipped with a note. Quoting, embedded newlines and escaped quotes are FastCSV's; a
 * quoted field that is never closed is an error (FastCSV would return the rest of the file as its value). Blank lines are
 * skipped and counted. The input is opened once, so standard input and pipes work. Nothing is held
 * but the current row. {@code nps}, {@code csat} and {@code ces} read the data rows of a regular UTF-8
 * file with {@link FastRatingScan} instead when they can ({@link #fastInput}), and with {@link #read}
 * when it declines or gives up.
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
    /** The file, or null for a stream. */
    private Path path;
    /** The delimiter in use, once the header is read. */
    private char separator;
    /** The records before the data rows: the header and the header rows skipped after it. */
    private int headerRecords = 1;
    private final Supplier<InputStream> opener;
    /** The size in bytes, or -1 for a stream (standard input, a pipe). */
    private final long size;
    /** Whether the input can be opened a second time (a regular file). */
    private final boolean reopenable;
    private final Charset charset;
    private final Character delimiter;
    private List<String> header;
    /** The character set a byte-order mark named, once read. */
    private Charset bomCharset;

    // The open input: the header has been read from it, the data rows are next.
    private CsvReader<CsvRecord> csv;
    private Iterator<CsvRecord> records;
    private CountingStream counted;
    private QuoteTracker tracker;
    /** Blank lines skipped before the header: added to FastCSV's line numbers. */
    private long lineOffset;
    /** Notes about the input for standard error, one line each, printed when the rows are read. */
    private final List<String> notes = new ArrayList<>();
    /** Rows read ahead of the header to recognise a Qualtrics export that turned out to be data. */
    private final ArrayDeque<CsvRecord> pending = new ArrayDeque<>();
    /** The number of header rows ({@code --header-rows}), or null to recognise a Qualtrics export. */
    private Integer headerRows;
    private boolean opened;

    private CsvSource(String name, Supplier<InputStream> opener, long size, boolean reopenable, Charset charset,
            Character delimiter) {
        this.name = name;
        this.opener = opener;
        this.size = size;
        this.reopenable = reopenable;
        this.charset = charset;
        this.delimiter = delimiter;
    }

    /**
     * A file on disk; {@code -} is standard input. A directory, a device such as the null device, a
     * missing or unreadable file are usage errors with a one-line message; a named pipe (FIFO, also
     * what {@code <(command)} gives) is read once, as a stream.
     */
    static CsvSource of(Path file, Charset charset, Character delimiter) {
        if (file.toString().equals("-")) {
            return stream("standard input", System.in, charset, delimiter);
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + " is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new UsageException("no such file: " + file);
        }
        boolean regular = Files.isRegularFile(file);
        if (!regular && !isFifo(file)) {
            throw new UsageException(file + " is not a regular file (a device?); give a CSV file, or - for"
                    + " standard input");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException(file + " cannot be read: permission denied");
        }
        long size = -1;
        if (regular) {
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new UsageException(file + " cannot be read: " + e.getMessage());
            }
        }
        CsvSource source = new CsvSource(file.toString(), () -> {
            try {
                // a FileInputStream, not Files.newInputStream: on a pipe the channel's available() fails
                return regular ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw new UsageException(Files.exists(file) ? file + " cannot be read: " + e.getMessage()
                        : "no such file: " + file);
            } catch (AccessDeniedException e) {
                throw new UsageException(file + " cannot be read: permission denied");
            } catch (IOException e) {
                throw new UsageException(file + " cannot be read: " + e.getMessage());
            }
        }, size, regular, charset, delimiter);
        source.path = regular ? file : null;
        return source;
    }

    /** A stream read once (standard input); it is not closed at the end. */
    static CsvSource stream(String name, InputStream in, Charset charset, Character delimiter) {
        InputStream unclosed = new FilterInputStream(in) {
            @Override
            public void close() {
                // standard input stays open
            }
        };
        return new CsvSource(name, () -> unclosed, -1, false, charset, delimiter);
    }

    /** Whether the file is a named pipe: its {@code unix:mode} type bits, where the platform has that view. */
    private static boolean isFifo(Path file) {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return false; // no pipes to tell apart from devices (Windows)
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            return mode instanceof Integer m && (m & 0170000) == 0010000;
        } catch (IOException e) {
            return false; // unreadable attributes: treated as not a pipe, so it is refused as not a regular file
        }
    }

    String name() {
        return name;
    }

    /**
     * Sets the number of header rows: the first names the columns, the others are skipped (not data,
     * not errors; line numbers still count them). Null, the default, reads one header row, or three
     * when row 3 (or two when row 2) holds Qualtrics' {@code {"ImportId":...}} cells, with a note.
     */
    CsvSource headerRows(Integer rows) {
        if (rows != null && rows < 1) {
            throw new UsageException("--header-rows must be 1 or more, was " + rows);
        }
        this.headerRows = rows;
        return this;
    }

    /** The header, available once {@link #read} has started (or after {@link #header()}). */
    List<String> header() {
        if (header == null) {
            guarded(this::open);
        }
        return header;
    }

    /**
     * The index of a column by header name (exact match first, then ignoring case and surrounding
     * space). A name that two columns share is a usage error naming both positions: the command
     * would otherwise use one of them silently.
     */
    int column(String wanted, String option) {
        List<String> h = header();
        List<Integer> exact = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            if (h.get(k).equals(wanted)) {
                exact.add(k);
            }
            if (h.get(k).trim().equalsIgnoreCase(wanted.trim())) {
                loose.add(k);
            }
        }
        List<Integer> found = !exact.isEmpty() ? exact : loose;
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw ambiguous(wanted, option, found);
        }
        throw new UsageException("column '" + wanted + "' (" + option + ") is not in " + name + "; its columns are: "
                + String.join(", ", quoted(h)) + utf16Hint(h));
    }

    /** The index of a column, or -1 when the header has no such column; a name two columns share is an error. */
    int optionalColumn(String wanted) {
        List<String> h = header();
        List<Integer> found = new ArrayList<>();
        for (int k = 0; k < h.size(); k++) {
            if (h.get(k).trim().equalsIgnoreCase(wanted)) {
                found.add(k);
            }
        }
        if (found.size() > 1) {
            throw ambiguous(wanted, "optional column", found);
        }
        return found.isEmpty() ? -1 : found.get(0);
    }

    private UsageException ambiguous(String wanted, String option, List<Integer> found) {
        List<String> positions = new ArrayList<>();
        for (int k : found) {
            positions.add(String.valueOf(k + 1));
        }
        String list = positions.size() == 2 ? positions.get(0) + " and " + positions.get(1)
                : String.join(", ", positions);
        return new UsageException("column '" + wanted + "' (" + option + ") is ambiguous in " + name + ": columns "
                + list + " (counting from 1) are " + (found.size() == 2 ? "both" : "all") + " named '"
                + header.get(found.get(0))
                + "'; rename one in the header");
    }

    /** A hint when header names hold NUL characters: UTF-16 text read as a single-byte encoding. */
    private String utf16Hint(List<String> h) {
        for (String s : h) {
            if (s.indexOf('\0') >= 0) {
                return "; the names hold NUL characters: is it UTF-16? try --encoding UTF-16LE (or UTF-16BE)";
            }
        }
        return "";
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
     * rejected through {@code rejections} and not passed on; at the end the rejections are reported,
     * and the blank lines, which are not rows, are counted. A quoted field that is never closed stops
     * the read (also when skipping): it would swallow every later row.
     *
     * @param rejections where bad rows go (they stop the read unless skipping)
     * @param handler receives every row with the header's number of fields
     * @param err standard error: the progress line and the report of rejections
     */
    void read(Rejections rejections, RowHandler handler, PrintWriter err) {
        if (opened && records == null) {
            if (!reopenable) {
                throw new IllegalStateException(name + " can be read only once");
            }
            opened = false;
        }
        if (!opened) {
            guarded(this::open);
        }
        if (!notes.isEmpty()) {
            notes.forEach(err::println);
            err.flush();
            notes.clear();
        }
        int fields = header.size();
        long[] rows = {0};
        Progress progress = size > PROGRESS_THRESHOLD && System.console() != null
                ? new Progress(err, name, size, counted::count) : null;
        try {
            guarded(() -> {
                while (hasNextRecord()) {
                    CsvRecord record = nextRecord();
                    if (!hasNextRecord()) {
                        // a quote never closed makes the rest of the file one field of the last record:
                        // say so before that record's wrong field count or value is reported
                        tracker.checkEnd();
                    }
                    Row row = new Row(record.getStartingLineNumber() + lineOffset, record);
                    rows[0]++;
                    int count = record.getFieldCount();
                    if (count != fields) {
                        rejections.rejectRow(row.line(), "has " + count + " fields, the header has " + fields,
                                "wrong number of fields");
                    } else {
                        handler.accept(row);
                    }
                    if (progress != null) {
                        progress.tick();
                    }
                }
                tracker.checkEnd();
            });
        } finally {
            if (progress != null) {
                progress.done();
            }
            close();
        }
        rejections.report(err, rows[0]);
        long blank = tracker.blankLines();
        if (blank > 0) {
            err.printf(Locale.ROOT, "%s: %d blank %s ignored (not rows, not errors)%n", name, blank,
                    blank == 1 ? "line" : "lines");
            err.flush();
        }
    }

    /**
     * What {@link FastRatingScan} needs to read the same rows as {@link #read}, or null when it cannot:
     * the input is not a regular file, or not UTF-8 (by its byte-order mark or {@code --encoding}), or
     * has been read already.
     */
    FastInput fastInput() {
        if (path == null || !reopenable || header == null || records == null || !opened) {
            return null;
        }
        Charset used = bomCharset != null ? bomCharset : charset;
        if (!used.equals(StandardCharsets.UTF_8)) {
            return null;
        }
        return new FastInput(path, size, separator, header.size(), lineOffset, headerRecords);
    }

    /** The input of the fast path: see {@link FastRatingScan#scan}. */
    record FastInput(Path path, long size, char separator, int fields, long leadingBlank, int headerRecords) {
    }

    /** Prints the notes about the input (as {@link #read} does first), once. */
    void printNotes(PrintWriter err) {
        if (!notes.isEmpty()) {
            notes.forEach(err::println);
            err.flush();
            notes.clear();
        }
    }

    /** A progress line for a scan of this file on a terminal, or null (as {@link #read} shows it). */
    Progress progress(PrintWriter err) {
        return size > PROGRESS_THRESHOLD && System.console() != null ? new Progress(err, name, size, () -> 0) : null;
    }

    /**
     * Ends a read done by the fast path: closes the input and reports, as {@link #read} does at its
     * end, the rejections and the blank lines.
     */
    void finishFast(Rejections rejections, long rows, long blank, PrintWriter err) {
        close();
        rejections.report(err, rows);
        if (blank > 0) {
            err.printf(Locale.ROOT, "%s: %d blank %s ignored (not rows, not errors)%n", name, blank,
                    blank == 1 ? "line" : "lines");
            err.flush();
        }
    }

    private boolean hasNextRecord() {
        return !pending.isEmpty() || records.hasNext();
    }

    private CsvRecord nextRecord() {
        return pending.isEmpty() ? records.next() : pending.removeFirst();
    }

    private void close() {
        records = null;
        pending.clear();
        if (csv != null) {
            try {
                csv.close();
            } catch (IOException e) {
                // nothing was lost: every row has been read
            }
            csv = null;
        }
    }

    /** Something that reads the input. */
    private interface Reading {
        void run() throws IOException;
    }

    /** Runs a reading step, turning the reading failures into one-line messages. */
    private void guarded(Reading reading) {
        try {
            reading.run();
        } catch (CharacterCodingException e) {
            close();
            throw notText();
        } catch (IOException e) {
            close();
            throw new DataException("cannot read " + name + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            close();
            if (e.getCause() instanceof CharacterCodingException) {
                throw notText();
            }
            throw new DataException("cannot read " + name + ": " + e.getCause().getMessage());
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            close();
            if (tracker != null && tracker.unterminatedAt() > 0) {
                throw tracker.unterminated();
            }
            throw new DataException(name + ": " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
        }
    }

    /**
     * Opens the input once and reads the header: the byte-order mark, blank lines before the header
     * (skipped, with a note), the delimiter from the header line; the data rows are read from the same
     * stream by {@link #read}, so standard input and pipes work.
     */
    private void open() throws IOException {
        opened = true;
        notes.clear();
        pending.clear();
        counted = new CountingStream(opener.get());
        lastOpened = this;
        BufferedReader reader = new BufferedReader(new InputStreamReader(bomAware(counted),
                decoder(bomCharset != null ? bomCharset : charset)), 1 << 16);
        boolean ok = false;
        try {
            reader.mark(1);
            int first = reader.read();
            if (first != '\uFEFF') {
                reader.reset();
            }
            long blank = 0;
            while (true) {
                reader.mark(1);
                int c = reader.read();
                if (c == '\n') {
                    blank++;
                } else if (c == '\r') {
                    blank++;
                    reader.mark(1);
                    if (reader.read() != '\n') {
                        reader.reset();
                    }
                } else {
                    if (c != -1) {
                        reader.reset();
                    }
                    break;
                }
            }
            lineOffset = blank;
            reader.mark(1 << 16);
            String firstLine = readLogicalHeader(reader);
            reader.reset();
            if (firstLine == null) {
                throw new DataException(name + " is empty: it has no header line"
                        + (blank > 0 ? " (only " + blank + " blank " + (blank == 1 ? "line" : "lines") + ")" : ""));
            }
            if (firstLine.isBlank()) {
                throw new DataException(name + ": the header line (line " + (blank + 1) + ") holds only spaces");
            }
            if (blank > 0) {
 notes.add(name + ": skipped " + blank + " blank " + (blank == 1 ? "line" : "lines")
                        + " before the header; the header is line " + (blank + 1));
            }
            char sep = delimiter != null ? delimiter : detect(firstLine);
            separator = sep;
            tracker = new QuoteTracker(reader, sep, blank + 1, name);
            csv = CsvReader.builder().fieldSeparator(sep).allowMissingFields(true)
                    .allowExtraFields(true).skipEmptyLines(true).ofCsvRecord(tracker);
            records = csv.iterator();
            if (!records.hasNext()) {
                tracker.checkEnd();
                throw new DataException(name + " is empty: it has no header line");
            }
            header = new ArrayList<>(records.next().getFields());
            skipHeaderRows();
            if (!hasNextRecord()) {
                tracker.checkEnd();
            }
            ok = true;
        } finally {
            if (!ok) {
                close();
                reader.close();
            }
        }
    }

    /**
     * Skips the header rows after the first: {@code --header-rows N} skips N - 1 rows; without it, a
     * Qualtrics export (row 3, or row 2, of {@code {"ImportId":...}} cells) has its rows up to that one
     * skipped, with a note. Rows read ahead that are data are kept for {@link #read}.
     */
    private void skipHeaderRows() {
        headerRecords = 1;
        if (headerRows != null) {
            headerRecords = headerRows;
            for (int k = 1; k < headerRows; k++) {
                if (!records.hasNext()) {
                    tracker.checkEnd();
                    throw new DataException(name + " has only " + k + " header " + (k == 1 ? "row" : "rows")
                            + " and no data, but --header-rows is " + headerRows);
                }
                records.next();
            }
            return;
        }
        List<CsvRecord> ahead = new ArrayList<>(2);
        while (ahead.size() < 2 && records.hasNext()) {
            ahead.add(records.next());
        }
        int skip = ahead.size() == 2 && isImportIdRow(ahead.get(1)) ? 2
                : !ahead.isEmpty() && isImportIdRow(ahead.get(0)) ? 1 : 0;
        pending.addAll(ahead.subList(skip, ahead.size()));
        headerRecords = 1 + skip;
        if (skip > 0) {
            int rows = skip + 1;
            notes.add(name + ": row " + rows + " holds Qualtrics ImportIds, so the first " + rows
                    + " rows are header rows: the column names are from row 1 and row" + (skip == 1 ? " 2 is"
                    : "s 2-3 are") + " skipped (give --header-rows 1 to read " + (skip == 1 ? "it" : "them")
                    + " as data)");
        } else if (!ahead.isEmpty() && isSurveyMonkeyLabelRow(ahead.get(0))) {
            notes.add(name + ": row 2 looks like SurveyMonkey's answer labels (Response, Open-Ended Response), not"
                    + " data; give --header-rows 2 to skip it");
        }
    }

    /**
     * Whether a row (the second) holds SurveyMonkey's sub-answer labels: a cell "Response" or
     * "Open-Ended Response" and no number. It stays data; the note suggests {@code --header-rows 2}.
     */
    static boolean isSurveyMonkeyLabelRow(CsvRecord record) {
        boolean label = false;
        for (String cell : record.getFields()) {
            String c = cell.strip();
            if (c.equals("Response") || c.equals("Open-Ended Response")) {
                label = true;
            } else if (!c.isEmpty() && Character.isDigit(c.charAt(0))) {
                return false;
            }
        }
        return label;
    }

    /** Whether every cell of a row is empty or a Qualtrics {@code {"ImportId":...}} object, and one is. */
    static boolean isImportIdRow(CsvRecord record) {
        boolean any = false;
        for (String cell : record.getFields()) {
            String c = cell.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (!(c.startsWith("{") && c.endsWith("}") && c.substring(1).stripLeading().startsWith("\"ImportId\""))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * Reads a byte-order mark, if any, and positions the stream after it: UTF-8 (EF BB BF), UTF-16LE
     * (FF FE) or UTF-16BE (FE FF, as Excel's "Unicode text" export writes). A mark decides the
     * character set over {@code --encoding}, which then applies to files without one.
     */
    private InputStream bomAware(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(64);
        byte[] head = b.readNBytes(64);
        b.reset();
        int b0 = head.length > 0 ? head[0] & 0xFF : -1;
        int b1 = head.length > 1 ? head[1] & 0xFF : -1;
        int b2 = head.length > 2 ? head[2] & 0xFF : -1;
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
        if (skip == 0) {
            checkNotUtf16(head);
        }
        for (int k = 0; k < skip; k++) {
            b.read();
        }
        return b;
    }

    /**
     * UTF-16 without a byte-order mark read as a single-byte or UTF-8 text shows as NUL characters
     * between the letters of the header: every other byte of the first ones is 0. Says which
     * {@code --encoding} to give instead of reporting the header's NUL-riddled names.
     */
    private void checkNotUtf16(byte[] head) {
        String cs = charset.name().toUpperCase(Locale.ROOT);
        if (cs.startsWith("UTF-16") || cs.startsWith("UTF-32") || head.length < 4) {
            return;
        }
        int n = head.length & ~1;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                if ((i & 1) == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        int pairs = n / 2;
        String guess = null;
        if (oddZeros >= pairs * 3 / 4 && evenZeros == 0) {
            guess = "UTF-16LE";
        } else if (evenZeros >= pairs * 3 / 4 && oddZeros == 0) {
            guess = "UTF-16BE";
        }
        if (guess != null) {
            throw new DataException(name + " looks like " + guess + " text without a byte-order mark (every other"
                    + " byte of its header is 0); give --encoding " + guess);
        }
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
        int c = 0;
        while (sb.length() < (1 << 16) - 2 && (c = reader.read()) != -1) {
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                break;
            }
            sb.append((char) c);
        }
        return sb.length() == 0 && c == -1 ? null : sb.toString();
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
                            + printable(value) + "'");
                }
                char c = value.charAt(0);
                if (c == '"' || c == '\n' || c == '\r') {
                    throw new UsageException("--delimiter cannot be " + (c == '"' ? "'\"', the quote character"
                            : c == '\n' ? "a newline" : "a carriage return") + ": it would end fields or rows");
                }
                return c;
        }
    }

    /** A value with its line breaks shown as \\n and \\r, for a one-line message. */
    private static String printable(String value) {
        return value.replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * Follows the quoting of the text FastCSV reads, as FastCSV parses it (a quote opens a quoted
     * field only at the start of a field; a doubled quote inside is a quote), to know where a quoted
     * field that is never closed starts, and counts the blank lines FastCSV skips. Lines end at LF,
     * CR or CRLF, as FastCSV counts them.
     */
    static final class QuoteTracker extends FilterReader {
        private static final int RECORD_START = 0;
        private static final int FIELD_START = 1;
        private static final int UNQUOTED = 2;
        private static final int QUOTED = 3;
        private static final int AFTER_QUOTE = 4;

        private final char sep;
        private final String name;
        private int state = RECORD_START;
        private boolean afterCr;
        private long line;
        private long quoteLine;
        private long blank;
        private boolean ended;

        QuoteTracker(Reader in, char sep, long firstLine, String name) {
            super(in);
            this.sep = sep;
            this.line = firstLine;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c < 0) {
                ended = true;
            } else {
                see((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n < 0) {
                ended = true;
            }
            for (int i = 0; i < n; i++) {
                see(buf[off + i]);
            }
            return n;
        }

        private void see(char c) {
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    return;
                }
            }
            if (c == '\n' || c == '\r') {
                line++;
                afterCr = c == '\r';
                if (state != QUOTED) {
                    if (state == RECORD_START) {
                        blank++;
                    }
                    state = RECORD_START;
                }
            } else if (c == '"') {
                switch (state) {
                    case RECORD_START, FIELD_START -> {
                        state = QUOTED;
                        quoteLine = line;
                    }
                    case QUOTED -> state = AFTER_QUOTE;
                    case AFTER_QUOTE -> state = QUOTED;
                    default -> { }
                }
            } else if (c == sep) {
                if (state != QUOTED) {
                    state = FIELD_START;
                }
            } else if (state != QUOTED) {
                state = UNQUOTED;
            }
        }

        /** The line where the quoted field being read started, or 0 when not inside quotes. */
        long unterminatedAt() {
            return state == QUOTED ? quoteLine : 0;
        }

        /** Throws when the text ended inside a quoted field. */
        void checkEnd() {
            if (ended && state == QUOTED) {
                throw unterminated();
            }
        }

        DataException unterminated() {
            return new DataException(name + ":" + quoteLine + ": unterminated quoted field starting at line "
                    + quoteLine + "; it runs " + (ended ? "to the end of the file" : "on without a closing quote")
                    + ", so the rows after it cannot be read (also not with --skip-invalid)");
        }

        long blankLines() {
            return blank;
        }
    }

    /** The source opened last (the CLI reads one file per run), for the out-of-memory estimate. */
    private static volatile CsvSource lastOpened;

    /**
     * What the input would need, for the out-of-memory message: the memory a command holds grows at
     * most linearly with the rows read (or stays constant), so a heap of {@code maxHeap} bytes that ran
     * out after {@code r} of {@code n} bytes of the file suggests about {@code maxHeap · n / r} for the
     * whole file. Empty when no file was being read or its size is unknown (a pipe).
     *
     * @param maxHeap the JVM's maximum heap in bytes
     * @return a clause such as {@code "; at least about 310 MB for this input (memory ran out after 0.2 of
     *     3.7 MB of survey.csv)"} (a lower estimate: what is built after reading, such as the output
     *     table, comes on top), or an empty string
     */
    static String memoryEstimate(long maxHeap) {
        CsvSource source = lastOpened;
        if (source == null || source.size <= 0 || source.counted == null || maxHeap == Long.MAX_VALUE) {
            return "";
        }
        long read = source.counted.count();
        if (read <= 0) {
            return "";
        }
        long mb = maxHeap >> 20;
        if (read >= source.size) {
            return "; more than " + mb + " MB for this input (memory ran out after all of " + source.name
                    + " was read)";
        }
        return "; at least about " + neededMegabytes(maxHeap) + " MB for this input (memory ran out after "
                + String.format(Locale.ROOT, "%.1f of %.1f MB of ", read / 1048576.0, source.size / 1048576.0)
                + source.name + ")";
    }

    /**
     * The heap {@link #memoryEstimate} extrapolates, in MB, or 0 when it has no estimate.
     *
     * @param maxHeap the JVM's maximum heap in bytes
     * @return {@code ceil(maxHeap · size / read)} in MB
     */
    static long neededMegabytes(long maxHeap) {
        CsvSource source = lastOpened;
        if (source == null || source.size <= 0 || source.counted == null || maxHeap == Long.MAX_VALUE) {
            return 0;
        }
        long read = source.counted.count();
        if (read <= 0 || read >= source.size) {
            return 0;
        }
        return (long) Math.ceil((double) maxHeap * source.size / read / (1 << 20));
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
        private final java.util.function.LongSupplier counted;
        private long next = System.nanoTime() + 1_000_000_000L;
        private int rows;

        Progress(PrintWriter out, String name, long size, java.util.function.LongSupplier counted) {
            this.out = out;
            this.name = name;
            this.size = size;
            this.counted = counted;
        }

        void tick() {
            if ((++rows & 0xFFF) == 0 && System.nanoTime() > next) {
                show(counted.getAsLong());
            }
        }

        /** Writes the line for {@code read} bytes read, and sets the time of the next one. */
        void show(long read) {
            next = System.nanoTime() + 1_000_000_000L;
            out.printf(Locale.ROOT, "\r%s: %d of %d MB (%.0f %%)", name, read >> 20, size >> 20, 100.0 * read / size);
            out.flush();
        }

        void done() {
            out.print("\r\033[K");
            out.flush();
        }
    }
}
