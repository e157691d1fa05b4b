package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path ({@link FastRatingScan}) against the existing FastCSV path, which is the oracle here
 * (its behaviour is what the other CLI tests pin down): on many generated CSV files with nasty
 * quoting, quoted line breaks, CR, CRLF and mixed line ends, byte-order marks, blank lines, empty and
 * spaced ratings, {@code --na} codes, non-ASCII and invalid UTF-8 bytes, bad ratings and ragged rows,
 * the exit code, standard output and standard error must be identical with the fast path on (tiny
 * chunks, so that chunk boundaries fall at every kind of place, on two threads) and off. The test
 * also counts how often the fast path really read the file rather than giving up, so that it cannot
 * pass by always falling back.
 */
class FastPathDifferentialTest {

    record Run(int code, String out, String err) {
    }

    @TempDir
    Path tmp;

    private int savedChunk;
    private int savedBlock;
    private long savedParallel;
    private int savedThreads;

    @BeforeEach
    void save() {
        savedChunk = FastRatingScan.chunkBytes;
        savedBlock = FastRatingScan.blockBytes;
        savedParallel = FastRatingScan.parallelFrom;
        savedThreads = FastRatingScan.threads;
    }

    @AfterEach
    void restore() {
        FastRatingScan.enabled = true;
        FastRatingScan.chunkBytes = savedChunk;
        FastRatingScan.blockBytes = savedBlock;
        FastRatingScan.parallelFrom = savedParallel;
        FastRatingScan.threads = savedThreads;
    }

    private Run run(boolean fast, int chunk, int block, String... args) {
        FastRatingScan.enabled = fast;
        FastRatingScan.chunkBytes = chunk;
        FastRatingScan.blockBytes = block;
        FastRatingScan.parallelFrom = 0;
        FastRatingScan.threads = 2;
        return Cli.run(Run::new, args);
    }

    /** Runs both paths; returns whether the fast one read the file. */
    private boolean same(int chunk, int block, String... args) {
        Run slow = run(false, chunk, block, args);
        FastRatingScan.lastScanned = false;
        Run fast = run(true, chunk, block, args);
        boolean scanned = FastRatingScan.lastScanned;
        assertThat(fast).as("chunk %d, block %d, args %s", chunk, block, String.join(" ", args)).isEqualTo(slow);
        return scanned;
    }

    private Path write(String name, byte[] bytes) {
        Path f = tmp.resolve(name);
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    @Test
    void generatedFilesGiveTheSameOutputOnBothPaths() {
        int[] cases = {0};
        int[] scanned = {0};
        qt().withExamples(400).withFixedSeed(18L).forAll(longs().all(), integers().between(1, 97),
                integers().between(16, 300)).checkAssert((seed, chunk, block) -> {
                    Generated g = generate(seed);
                    Path f = write("g.csv", g.bytes);
                    List<String> args = new ArrayList<>(List.of(g.command, f.toString(), "--column", "score"));
                    args.addAll(g.options);
                    cases[0]++;
                    if (same(chunk, block, args.toArray(new String[0]))) {
                        scanned[0]++;
                    }
                });
        // most generated files are clean enough for the fast path; the rest test the fallback
        assertThat(scanned[0]).as("files the fast path read, of %d", cases[0]).isGreaterThan(cases[0] / 3);
        assertThat(scanned[0]).as("files the fast path gave up on").isLessThan(cases[0]);
    }

    /**
     * A quoted field with line breaks (LF, CRLF, CR) and doubled quotes, and a segment with a delimiter,
     * read with every chunk size from 1 to past the file's length: the chunk boundaries fall inside and
     * between quotes, between CR and LF, and on delimiters. The expected counts are written out by hand
     * from the rows below.
     */
    @Test
    void chunkBoundariesAtEveryOffsetOfQuotedLineBreaks() {
        String csv = "id,channel,score,comment\r\n"
                + "1,\"chat, in-app\",10,\"line one\nline \"\"two\"\"\r\nline three\"\r\n"
                + "2,web,3,\"a,b\rc\"\r\n"
                + "\r\n"
                + "3,\"chat, in-app\",\"9\",\"\"\"\"\r"
                + "4,web, 7 ,\"x\n\ny\"\n"
                + "5,\"we\"\"b\",0,\n"
                + "6,\"chat, in-app\",,\"empty\"\n";
        Path f = write("q.csv", csv.getBytes(StandardCharsets.UTF_8));
        // chat, in-app: 10, 9 (and row 6 empty) → 2 promoters of 2: NPS 100; web: 3, 7 → 1 detractor of 2: -50;
        // we"b: 0 → -100; total 5 ratings: 2 promoters, 2 detractors → 0.
        for (int chunk = 1; chunk <= csv.length() + 1; chunk++) {
            for (int block : new int[] {16, 23, 4096}) {
                assertThat(same(chunk, block, "nps", f.toString(), "--column", "score", "--by", "channel",
                        "--format", "csv")).as("fast path used at chunk %d", chunk).isTrue();
            }
        }
        Run r = run(true, 5, 16, "nps", f.toString(), "--column", "score", "--by", "channel", "--format", "csv");
        assertThat(r.out()).contains("\"chat, in-app\",2,2.0,100.0,", "web,2,2.0,-50.0,", "\"we\"\"b\",1,1.0,-100.0,",
                "(total),5,5.0,0.0,");
        assertThat(r.err()).contains("1 row left column 'score' empty", "1 blank line ignored");
    }

    /**
     * Two-, three- and four-byte UTF-8 characters, read with every chunk size, so that chunk boundaries
     * fall inside each of them: the fast path reads the file. Then, behind 300 kB of valid rows (the
     * FastCSV path decodes some 100 kB ahead while it reads the header, and would find a bad byte
     * there before the fast path starts), one sequence cut short (E2 98 83 to E2 98) with a chunk
     * boundary placed at each of the nine offsets around it: the fast path gives up every time, and
     * the FastCSV path reports the file as not UTF-8.
     */
    @Test
    void utf8SequencesCutByChunkBoundaries() {
        String[] rows = {"1,caf\u00e9,9,\"\u00fc, \u00fc\"\n", "2,\u2603,10,\ud83d\ude00\n", "3,caf\u00e9,3,x\n",
            "4,\u2603,7,\u00e9\u2603\ud83d\ude00\n"};
        String header = "id,channel,score,comment\n";
        byte[] good = (header + String.join("", rows)).getBytes(StandardCharsets.UTF_8);
        Path f = write("u.csv", good);
        for (int chunk = 1; chunk <= good.length + 1; chunk++) {
            assertThat(same(chunk, 16, "nps", f.toString(), "--column", "score", "--by", "channel"))
                    .as("fast path used at chunk %d", chunk).isTrue();
        }
        StringBuilder padding = new StringBuilder(header);
        for (int k = 0; padding.length() < 300_000; k++) {
            padding.append(rows[k % rows.length]);
        }
        byte[] prefix = padding.toString().getBytes(StandardCharsets.UTF_8);
        byte[] cut = "5,\u00e9,8,x\n6,xx".getBytes(StandardCharsets.UTF_8);
        byte[] tail = ",9,\u00fc\n7,web,10,\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[prefix.length + cut.length + 2 + tail.length];
        System.arraycopy(prefix, 0, bad, 0, prefix.length);
        System.arraycopy(cut, 0, bad, prefix.length, cut.length);
        int at = prefix.length + cut.length; // E2 98 here, without its 83
        bad[at] = (byte) 0xE2;
        bad[at + 1] = (byte) 0x98;
        System.arraycopy(tail, 0, bad, at + 2, tail.length);
        Path b = write("bad.csv", bad);
        int dataStart = header.length();
        for (int d = -4; d <= 4; d++) {
            int chunk = at + d - dataStart; // the second chunk starts at at + d
            assertThat(same(chunk, 4096, "nps", b.toString(), "--column", "score", "--by", "channel"))
                    .as("gave up with a chunk boundary at the cut %+d", d).isFalse();
        }
        assertThat(run(true, 1000, 4096, "nps", b.toString(), "--column", "score").err()).contains("is not valid UTF-8");
        // the same file with the sequence whole is read by the fast path, with boundaries at the same places
        byte[] whole = new byte[bad.length + 1];
        System.arraycopy(bad, 0, whole, 0, at + 2);
        whole[at + 2] = (byte) 0x83;
        System.arraycopy(bad, at + 2, whole, at + 3, bad.length - at - 2);
        Path w = write("whole.csv", whole);
        for (int d = -4; d <= 4; d++) {
            assertThat(same(at + d - dataStart, 4096, "nps", w.toString(), "--column", "score", "--by", "channel"))
                    .as("read with a chunk boundary at the snowman %+d", d).isTrue();
        }
    }

    /**
     * Header rows: a Qualtrics export (question texts, then {@code {"ImportId":...}} cells, recognised
     * and skipped with a note), {@code --header-rows 2}, blank lines before the header and between
     * the header rows, a byte-order mark; the fast path starts after them, at every chunk size.
     */
    @Test
    void headerRowsAndQualtricsExports() {
        String qualtrics = "\uFEFF\r\nResponseId,Q1,Q2\r\n\"Response ID\",\"How likely, 0-10?\",\"Channel\"\r\n"
                + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\r\n"
                + "R_1,9,web\r\n\r\nR_2,3,\"chat, app\"\r\nR_3,10,web\r\n";
        Path q = write("qualtrics.csv", qualtrics.getBytes(StandardCharsets.UTF_8));
        String labels = "id,score,channel\n\nlabel,Response,Open-Ended Response\n1,9,web\n2,6,web\n3,,web\n";
        Path l = write("labels.csv", labels.getBytes(StandardCharsets.UTF_8));
        for (int chunk = 1; chunk <= qualtrics.length() + 1; chunk += 3) {
            assertThat(same(chunk, 16, "nps", q.toString(), "--column", "Q1", "--by", "Q2", "--format", "csv"))
                    .as("chunk %d", chunk).isTrue();
            assertThat(same(chunk, 16, "nps", l.toString(), "--column", "score", "--header-rows", "2"))
                    .as("chunk %d", chunk).isTrue();
        }
        Run r = run(true, 5, 16, "nps", q.toString(), "--column", "Q1", "--by", "Q2", "--format", "csv");
        // web: 9, 10 → NPS 100; chat, app: 3 → -100; total 2 promoters, 1 detractor of 3 → 33.33
        assertThat(r.out()).contains("\"chat, app\",1,", "web,2,2.0,100.0,", "(total),3,3.0,33.33");
        assertThat(r.err()).contains("Qualtrics ImportIds", "1 blank line ignored");
    }

    /** The rows the fast path hands back: a stray quote, text after a closing quote, an unterminated quote. */
    @Test
    void inputsTheFastPathDoesNotReadFallBackWithTheSameMessages() {
        String[] bodies = {
            "1,web,9,5'10\" tall\n", // a quote inside an unquoted field
            "1,web,9,\"ok\"x\n", // text after a closing quote
            "1,web,9,\"never closed\n2,web,9,\n", // an unterminated quote
            "1,web,9.5,\n", // not a whole number
            "1,web,11,\n", // outside the scale
            "1,web,9\n", // too few fields
            "1,web,9,\"\u00ff\"\n", // not UTF-8: written as ISO-8859-1 below, one byte 0xFF
        };
        for (String body : bodies) {
            Path f = write("b.csv", ("id,channel,score,comment\n2,email,10,\n" + body + "3,web,0,\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            for (boolean skip : new boolean[] {false, true}) {
                assertThat(same(3, 16, skip ? new String[] {"nps", f.toString(), "--column", "score", "--skip-invalid"}
                        : new String[] {"nps", f.toString(), "--column", "score"})).as(body).isFalse();
            }
        }
    }

    record Generated(byte[] bytes, String command, List<String> options) {
    }

    private static final String[] CHANNELS = {"web", "chat, in-app", "store \"north\"", "e\nmail", " phone ", "",
        "caf\u00e9", "\u2603 snow", "web "};

    /** A random CSV and command line from a seed. */
    static Generated generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String command = new String[] {"nps", "csat", "ces"}[r.nextInt(3)];
        int min = command.equals("nps") ? 0 : 1;
        int max = command.equals("nps") ? 10 : command.equals("csat") ? 5 : 7;
        char sep = new char[] {',', ';', '\t'}[r.nextInt(3)];
        String[] ends = {"\n", "\r\n", "\r"};
        boolean mixed = r.nextInt(4) == 0;
        String end = ends[r.nextInt(3)];
        boolean nasty = r.nextInt(3) == 0; // this file gets rare defects too
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        if (r.nextInt(8) == 0) {
            sb.append(end);
        }
        String[] names = {"id", "channel", "score", "comment"};
        int[] order = {0, 1, 2, 3};
        for (int i = 3; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < 4; k++) {
            if (k > 0) {
                sb.append(sep);
            }
            String name = names[order[k]];
            sb.append(r.nextInt(6) == 0 ? "\"" + name + "\"" : name);
        }
        sb.append(end);
        int rows = r.nextInt(60);
        int na = r.nextInt(4) == 0 ? 99 : -1;
        for (int row = 0; row < rows; row++) {
            String rowEnd = mixed ? ends[r.nextInt(3)] : end;
            if (r.nextInt(15) == 0) {
                sb.append(rowEnd); // a blank line
            }
            String[] cells = new String[4];
            cells[0] = Integer.toString(row);
            cells[1] = quote(CHANNELS[r.nextInt(CHANNELS.length)], sep, r);
            cells[2] = rating(r, min, max, na, nasty, sep);
            cells[3] = comment(r, sep, rowEnd);
            int fields = 4;
            if (nasty && r.nextInt(40) == 0) {
                fields = 3; // a ragged row
            }
            for (int k = 0; k < fields; k++) {
                if (k > 0) {
                    sb.append(sep);
                }
                sb.append(cells[order[k]]);
            }
            if (nasty && r.nextInt(60) == 0) {
                sb.append("5'10\"");
            }
            if (row < rows - 1 || r.nextInt(3) > 0) {
                sb.append(rowEnd);
            }
        }
        if (nasty && r.nextInt(20) == 0) {
            sb.append("9,\"unterminated");
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (nasty && r.nextInt(15) == 0 && text.length > 0) {
            text[r.nextInt(text.length)] = (byte) 0xC3; // probably not valid UTF-8 there
        }
        out.writeBytes(text);
        List<String> options = new ArrayList<>();
        if (r.nextBoolean()) {
            options.add("--by");
            options.add("channel");
        }
        if (na >= 0) {
            options.add("--na");
            options.add("99");
        }
        if (r.nextInt(3) == 0) {
            options.add("--skip-invalid");
        }
        options.add("--format");
        options.add(new String[] {"text", "csv", "json"}[r.nextInt(3)]);
        if (command.equals("ces") && r.nextBoolean()) {
            options.add("--scale");
            options.add("1..5");
        }
        return new Generated(out.toByteArray(), command, options);
    }

    private static String quote(String value, char sep, SplittableRandom r) {
        boolean must = value.indexOf(sep) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        if (must || r.nextInt(5) == 0) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String rating(SplittableRandom r, int min, int max, int na, boolean nasty, char sep) {
        int k = r.nextInt(40);
        String v;
        if (k == 0) {
            v = "";
        } else if (k == 1) {
            v = "  ";
        } else if (k == 2 && na >= 0) {
            v = Integer.toString(na);
        } else if (k == 3) {
            v = " " + (min + r.nextInt(max - min + 1)) + " ";
        } else if (k == 4) {
            v = "+" + (min + r.nextInt(max - min + 1));
        } else if (k == 5) {
            v = (min + r.nextInt(max - min + 1)) + ".00";
        } else if (k == 6) {
            v = "0" + (min + r.nextInt(max - min + 1));
        } else if (nasty && k == 7) {
            v = new String[] {"9.5", "nine", "11", "-1", "99999999999", "9.", ".0", "+", "9 9", "9\"", "0x9"}
                    [r.nextInt(11)];
        } else {
            v = Integer.toString(min + r.nextInt(max - min + 1));
        }
        return quote(v, sep, r);
    }

    private static String comment(SplittableRandom r, char sep, String rowEnd) {
        int k = r.nextInt(6);
        if (k == 0) {
            return "";
        }
        StringBuilder c = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                c.append(new String[] {" ", ", ", "; ", "\t", rowEnd, "\"", "\"\"", " \u00fc "}[r.nextInt(8)]);
            }
            c.append(new String[] {"ok", "slow", "refund", "app", "x"}[r.nextInt(5)]);
        }
        return quote(c.toString(), sep, r);
    }
}
