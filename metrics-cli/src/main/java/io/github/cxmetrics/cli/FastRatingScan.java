package io.github.cxmetrics.cli;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast path of {@code nps}, {@code csat} and {@code ces} on a regular UTF-8 file: the data rows
 * are read as bytes, in parallel chunks, and only the rating column and the {@code --by} column are
 * looked at; no {@code String} is made per field or row (a segment's name is decoded once, when it is
 * first seen), and ratings are parsed from the bytes without allocation.
 *
 * <p>Written by hand, not with FastCSV, because measurement showed FastCSV's record building (a
 * {@code String} per field, through a {@code Reader} that decodes every byte) is the bottleneck of
 * these commands: about 95-130 MB/s on one core against DuckDB's 230-500 MB/s on two (issue 18; on the
 * 1 GB file of {@code metrics-bench/csv-vs-duckdb.sh} the FastCSV path takes 7.5-8.4 s, this one
 * 1.6-2.3 s with two threads). FastCSV still reads the header (in {@link CsvSource}) and every file
 * this path declines: standard input and pipes, encodings other than UTF-8, {@code --weight} and
 * {@code --decimal-comma}. Only what the profile (JFR) showed is hand-tuned: the segment lookup
 * (two-word compare); scanning fields eight bytes at a time (SWAR) was tried and gained nothing
 * measurable, so the field loops stay plain.
 *
 * <p>It handles only the clean, common case and gives up (returns null, having changed nothing)
 * on anything else, so that the caller reads the file again with the existing path, which reports
 * the problem exactly as before: a row with the wrong number of fields, a rating that is not a whole
 * number or is outside the scale (with or without {@code --skip-invalid}), a quote inside an unquoted
 * field or anything but a delimiter or line end after a closing quote (where the quote-parity split
 * below would not be safe), an unterminated quote, bytes that are not UTF-8, a record longer than
 * {@link #MAX_RECORD} bytes. What it does handle is the same as the existing path: LF, CR and CRLF
 * line ends, blank lines (counted), quoted fields with embedded delimiters, doubled quotes and line
 * breaks, empty answers, {@code --na} codes and empty segments (counted), spaces around ratings.
 *
 * <p>Chunks: the file is cut at nominal offsets; a first pass counts the quote bytes of every chunk
 * (eight bytes at a time) and checks for non-ASCII bytes; from the prefix parity of the quote count,
 * which tells whether a nominal offset is inside a quoted field (valid when every quote opens, closes
 * or doubles inside a quoted field, which the second pass checks), the first line end outside quotes
 * after it is a record boundary. The second pass parses the chunks between those boundaries in
 * parallel; each chunk must end exactly at a record boundary, else the scan gives up.
 */
final class FastRatingScan {

    /** Off with {@code -Dcxm.fastpath=off}: then every file is read by the existing path. */
    static volatile boolean enabled = !"off".equals(System.getProperty("cxm.fastpath"));
    /**
     * With {@code -Dcxm.fastpath=report}, a line on standard error says which path read the file (for
     * the benchmark and the small-heap test; not a user option).
     */
    static final boolean REPORT = "report".equals(System.getProperty("cxm.fastpath"));
    /** The nominal chunk size in bytes (small values in tests put chunk boundaries everywhere). */
    static volatile int chunkBytes = 8 << 20;
    /** The read block size in bytes. */
    static volatile int blockBytes = 1 << 20;
    /** Worker threads: the available processors, or {@code -Dcxm.threads=N}. */
    static volatile int threads = Integer.getInteger("cxm.threads", Runtime.getRuntime().availableProcessors());
    /** Files smaller than this are scanned on the calling thread. */
    static volatile long parallelFrom = 4L << 20;
    /** Records longer than this make the scan give up (FastCSV's own field limit is 16 MiB). */
    static final int MAX_RECORD = 32 << 20;

    /** Whether the last {@link #scan} read the file (true) or gave up or declined (false); for tests. */
    static volatile boolean lastScanned;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Thrown inside the scan to give up; never escapes this class. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    /** What the scan found. */
    static final class Result {
        /** Counts per scale point, index {@code rating - min}. */
        final long[] total;
        /** Counts per scale point per segment, by the segment's name as the existing path keys it (trimmed). */
        final java.util.Map<String, long[]> segments = new java.util.TreeMap<>();
        long emptyAnswers;
        /** Per {@code --na} code (same order as the codes), the rows that gave it. */
        final long[] na;
        /** Scored rows whose segment is empty after trimming (scored as "(blank)"). */
        long emptySegments;
        long blankLines;
        long rows;

        Result(int points, int codes) {
            total = new long[points];
            na = new long[codes];
        }
    }

    private final long size;
    private final byte sep;
    private final int fields;
    private final int col;
    private final int seg;
    private final int min;
    private final int points;
    private final int[] codes;
    private final long dataStart;
    private final long headerBlank;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean failed = new AtomicBoolean();

    private FastRatingScan(long size, byte sep, int fields, int col, int seg, int min, int points,
            int[] codes, long dataStart, long headerBlank) {
        this.size = size;
        this.sep = sep;
        this.fields = fields;
        this.col = col;
        this.seg = seg;
        this.min = min;
        this.points = points;
        this.codes = codes;
        this.dataStart = dataStart;
        this.headerBlank = headerBlank;
    }

    /**
     * Scans the data rows, or gives up.
     *
     * @param file a regular file
     * @param size its size in bytes
     * @param sep the delimiter (must be ASCII)
     * @param fields the header's number of fields
     * @param col the rating column
     * @param seg the segment column, or -1
     * @param min the scale's lowest point
     * @param max the scale's highest point
     * @param codes the {@code --na} codes
     * @param leadingBlank blank lines before the header, as the existing path counted them
     * @param headerRecords the records before the data (the header and the skipped header rows)
     * @param progress receives the bytes read so far once a second while scanning, or null
     * @return the result, or null when this path cannot read the file (nothing was printed then)
     */
    static Result scan(Path file, long size, char sep, int fields, int col, int seg, int min, int max, int[] codes,
            long leadingBlank, int headerRecords, java.util.function.LongConsumer progress) {
        lastScanned = false;
        if (!enabled || sep >= 0x80 || size <= 0) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] start = new long[2];
            if (!findDataStart(ch, size, (byte) sep, leadingBlank, headerRecords, start)) {
                return null;
            }
            FastRatingScan s = new FastRatingScan(size, (byte) sep, fields, col, seg, min, max - min + 1,
                    codes.clone(), start[0], start[1]);
            Result r = s.run(ch, progress);
            lastScanned = true;
            return r;
        } catch (IOException e) {
            return null; // the existing path reads it again and reports the failure as before
        } catch (GiveUp e) {
            return null;
        }
    }

    /**
     * Finds where the data rows start: after a UTF-8 byte-order mark, the blank lines before the header
     * and the header records. {@code out[0]} is the offset, {@code out[1]} the blank lines among the
     * header records (the existing path counts those among the ignored blank lines).
     */
    private static boolean findDataStart(FileChannel ch, long size, byte sep, long leadingBlank, int headerRecords,
            long[] out) throws IOException, GiveUp {
        int n = (int) Math.min(size, 1 << 20);
        while (true) {
            byte[] head = new byte[n];
            ByteBuffer bb = ByteBuffer.wrap(head);
            while (bb.hasRemaining() && ch.read(bb, bb.position()) > 0) {
                // positional read until full
            }
            int p = 0;
            if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                p = 3;
                if (n >= 6 && (head[3] & 0xFF) == 0xEF && (head[4] & 0xFF) == 0xBB && (head[5] & 0xFF) == 0xBF) {
                    return false; // a second mark: the existing path's rule for it is not repeated here
                }
            } else if (n >= 2 && ((head[0] & 0xFF) == 0xFF || (head[0] & 0xFF) == 0xFE)) {
                return false; // UTF-16
            }
            long blank = 0;
            while (p < n && (head[p] == '\n' || head[p] == '\r')) {
                if (head[p] == '\r' && p + 1 < n && head[p + 1] == '\n') {
                    p++;
                }
                p++;
                blank++;
            }
            if (blank != leadingBlank) {
                return false;
            }
            Chunk c = new Chunk(null, head, true);
            long headerBlank = 0;
            int records = 0;
            boolean complete = true;
            while (records < headerRecords) {
                long before = c.blank;
                int q = c.skipRecord(p, n, n == size, sep);
                if (q < 0) {
                    complete = false;
                    break;
                }
                if (c.blank == before) {
                    records++;
                } else {
                    headerBlank++;
                }
                p = q;
            }
            if (complete) {
                out[0] = p;
                out[1] = headerBlank;
                return true;
            }
            if (n == size || n >= MAX_RECORD) {
                return false;
            }
            n = (int) Math.min(size, 4L * n);
        }
    }

    private Result run(FileChannel ch, java.util.function.LongConsumer progress) throws IOException, GiveUp {
        long dataLength = size - dataStart;
        int nChunks = (int) Math.max(1, Math.min(1 << 20, (dataLength + chunkBytes - 1) / chunkBytes));
        long[] nominal = new long[nChunks + 1];
        for (int i = 0; i <= nChunks; i++) {
            nominal[i] = dataStart + Math.min(dataLength, (long) i * chunkBytes);
        }
        int workers = size < parallelFrom ? 1 : Math.max(1, Math.min(threads, nChunks));
        // on a large file even one worker runs in the pool, so that this thread can show the progress line
        ExecutorService pool = size < parallelFrom ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "cxm-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            // pass 1: quote counts and the UTF-8 check, per nominal chunk
            long[] quotes = new long[nChunks];
            long[] validStart = new long[nChunks];
            long[] validEnd = new long[nChunks];
            forEachChunk(pool, workers, nChunks, i -> {
                long[] r = countChunk(ch, nominal[i], nominal[i + 1]);
                quotes[i] = r[0];
                validStart[i] = r[1];
                validEnd[i] = r[2];
            }, null);
            for (int i = 0; i + 1 < nChunks; i++) {
                if (validEnd[i] != validStart[i + 1]) {
                    throw GIVE_UP; // continuation bytes no sequence claims: not UTF-8
                }
            }
            // the record boundaries: the first line end outside quotes at or after each nominal offset
            long[] bound = new long[nChunks + 1];
            bound[0] = dataStart;
            bound[nChunks] = size;
            long parity = 0;
            for (int i = 1; i < nChunks; i++) {
                parity += quotes[i - 1];
                bound[i] = Math.max(bound[i - 1], boundaryAfter(ch, nominal[i], (parity & 1) == 1));
            }
            // pass 2: the records, per chunk between boundaries
            Chunk[] states = new Chunk[workers];
            AtomicInteger slot = new AtomicInteger();
            ThreadLocal<Chunk> local = ThreadLocal.withInitial(() -> {
                Chunk c = new Chunk(this, new byte[blockBytes], false);
                states[slot.getAndIncrement()] = c;
                return c;
            });
            forEachChunk(pool, workers, nChunks, i -> local.get().parse(ch, bound[i], bound[i + 1]),
                    progress);
            Result result = new Result(points, codes.length);
            result.blankLines = headerBlank;
            for (Chunk c : states) {
                if (c != null) {
                    c.mergeInto(result);
                }
            }
            return result;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private interface ChunkTask {
        void run(int chunk) throws IOException, GiveUp;
    }

    /** Runs the task on every chunk, on {@code workers} threads that take the next chunk in turn. */
    private void forEachChunk(ExecutorService pool, int workers, int nChunks, ChunkTask task,
            java.util.function.LongConsumer progress) throws IOException, GiveUp {
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.Callable<Void> work = () -> {
            int i;
            while (!failed.get() && (i = next.getAndIncrement()) < nChunks) {
                task.run(i);
            }
            return null;
        };
        if (pool == null) {
            for (int i = 0; i < nChunks; i++) {
                task.run(i);
            }
            return;
        }
        List<Future<Void>> futures = new ArrayList<>();
        for (int k = 0; k < workers; k++) {
            futures.add(pool.submit(work));
        }
        for (Future<Void> f : futures) {
            while (true) {
                try {
                    f.get(1, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException e) {
                    if (progress != null) {
                        progress.accept(done.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed.set(true);
                    throw GIVE_UP;
                } catch (ExecutionException e) {
                    failed.set(true);
                    throw rethrow(e.getCause());
                }
            }
        }
    }

    private static IOException rethrow(Throwable t) throws GiveUp {
        if (t instanceof GiveUp g) {
            throw g;
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    private static void readFully(FileChannel ch, byte[] buf, int off, int len, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
        long p = pos;
        while (bb.hasRemaining()) {
            int r = ch.read(bb, p);
            if (r < 0) {
                throw new IOException("the file shrank while it was read");
            }
            p += r;
        }
    }

    private static final ThreadLocal<byte[]> COUNT_BUFFER = new ThreadLocal<>();

    /**
     * Pass 1 on {@code [from, to)}: the number of quote bytes, and the UTF-8 check. Returns {quotes,
     * validStart, validEnd}: the check covers the sequences that start in {@code [validStart, validEnd)},
     * where validStart skips continuation bytes at {@code from} and validEnd is past the last sequence
     * (at or after {@code to}).
     */
    private long[] countChunk(FileChannel ch, long from, long to) throws IOException, GiveUp {
        byte[] buf = COUNT_BUFFER.get();
        if (buf == null || buf.length < blockBytes + 8) {
            buf = new byte[blockBytes + 8];
            COUNT_BUFFER.set(buf);
        }
        long quotes = 0;
        long high = 0;
        for (long p = from; p < to; p += blockBytes) {
            int len = (int) Math.min(blockBytes, to - p);
            readFully(ch, buf, 0, len, p);
            int i = 0;
            for (; i + 8 <= len; i += 8) {
                long w = (long) LONGS.get(buf, i);
                high |= w;
                long x = w ^ 0x2222222222222222L; // zero bytes where the quotes are
                long y = (x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
                y = ~(y | x | 0x7F7F7F7F7F7F7F7FL); // 0x80 exactly in the zero bytes
                quotes += Long.bitCount(y);
            }
            for (; i < len; i++) {
                high |= buf[i];
                if (buf[i] == '"') {
                    quotes++;
                }
            }
            if (failed.get()) {
                throw GIVE_UP;
            }
        }
        long validStart = from;
        long validEnd = to;
        if ((high & 0x8080808080808080L) != 0 || (high < 0)) {
            long[] v = validateUtf8(ch, from, to, buf);
            validStart = v[0];
            validEnd = v[1];
        }
        return new long[] {quotes, validStart, validEnd};
    }

    /**
     * The strict UTF-8 check of the sequences starting in {@code [from, to)}, as Java's decoder with
     * {@code REPORT} applies it (no overlong forms, no surrogates, nothing above U+10FFFF); gives up on
     * a malformed sequence.
     */
    private long[] validateUtf8(FileChannel ch, long from, long to, byte[] buf) throws IOException, GiveUp {
        long p = from;
        int skipped = 0;
        byte[] one = new byte[1];
        while (p < size && skipped < 4) {
            readFully(ch, one, 0, 1, p);
            if ((one[0] & 0xC0) != 0x80) {
                break;
            }
            p++;
            skipped++;
        }
        if (skipped > 3) {
            throw GIVE_UP;
        }
        long start = p;
        while (p < to) {
            int len = (int) Math.min(blockBytes, size - p);
            readFully(ch, buf, 0, len, p);
            int i = 0;
            int limit = (int) Math.min(len, to - p);
            while (i < limit) {
                int b = buf[i];
                if (b >= 0) {
                    i++;
                    continue;
                }
                int n = sequenceLength(buf, i, len);
                if (n < 0) {
                    if (p + len < size && len - i < 4) {
                        break; // the sequence runs past this block: read on from it
                    }
                    throw GIVE_UP;
                }
                i += n;
            }
            p += i;
            if (i == 0) {
                throw GIVE_UP;
            }
        }
        return new long[] {start, p};
    }

    /** The length of the valid UTF-8 sequence with the lead byte at {@code i}, or -1. */
    private static int sequenceLength(byte[] b, int i, int len) {
        int b0 = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            n = 2;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            n = 3;
            if (b0 == 0xE0) {
                lo = 0xA0;
            } else if (b0 == 0xED) {
                hi = 0x9F;
            }
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            n = 4;
            if (b0 == 0xF0) {
                lo = 0x90;
            } else if (b0 == 0xF4) {
                hi = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + n > len) {
            return -1;
        }
        int b1 = b[i + 1] & 0xFF;
        if (b1 < lo || b1 > hi) {
            return -1;
        }
        for (int k = 2; k < n; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return n;
    }

    /**
     * The offset just after the first line end outside quotes at or after {@code from - 1}, given
     * whether {@code from} is inside a quoted field (by the parity of the quotes before it); the file's
     * size if there is none. A CR directly followed by LF is not a line end of its own.
     */
    private long boundaryAfter(FileChannel ch, long from, boolean inQuotes) throws IOException {
        byte[] buf = new byte[4096];
        long p = from - 1; // the byte before: a line end there makes {@code from} itself a boundary
        boolean quoted = inQuotes;
        if (p >= dataStart) {
            byte[] one = new byte[1];
            readFully(ch, one, 0, 1, p);
            if (one[0] == '"') {
                quoted = !quoted; // parity before p
            }
        } else {
            return dataStart;
        }
        while (p < size) {
            int len = (int) Math.min(buf.length, size - p);
            readFully(ch, buf, 0, len, p);
            for (int i = 0; i < len; i++) {
                byte b = buf[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    long at = p + i;
                    if (b == '\r') {
                        if (i + 1 < len) {
                            return buf[i + 1] == '\n' ? at + 2 : at + 1;
                        }
                        if (at + 1 >= size) {
                            return size;
                        }
                        byte[] one = new byte[1];
                        readFully(ch, one, 0, 1, at + 1);
                        return one[0] == '\n' ? at + 2 : at + 1;
                    }
                    return at + 1;
                }
            }
            p += len;
        }
        return size;
    }

    /** The state of one worker: its read buffer, its counts, its segment table. */
    private static final class Chunk {
        private final FastRatingScan scan;
        private byte[] buf;
        private final boolean headerOnly;
        long blank;
        long rows;
        long empty;
        final long[] total;
        final long[] na;
        private final SegmentTable segments;
        private byte[] unescaped = new byte[64];
        // the fields of the record being parsed
        private int ratingFrom;
        private int ratingTo;
        private boolean ratingEscaped;
        private int segFrom;
        private int segTo;
        private boolean segEscaped;
        /** Whether a record ended at the limit without a line end. */
        private boolean endedAtLimit;

        Chunk(FastRatingScan scan, byte[] buf, boolean headerOnly) {
            this.scan = scan;
            this.buf = buf;
            this.headerOnly = headerOnly;
            this.total = scan == null ? null : new long[scan.points];
            this.na = scan == null ? null : new long[scan.codes.length];
            this.segments = scan == null || scan.seg < 0 ? null : new SegmentTable(scan.points);
        }

        /** Skips one record (or blank line) of the header region in {@code buf}; -1 if incomplete. */
        int skipRecord(int p, int limit, boolean eof, byte sep) throws GiveUp {
            return record(p, limit, eof, sep);
        }

        /** Parses the records of {@code [from, to)}, which must start and end at record boundaries. */
        void parse(FileChannel ch, long from, long to) throws IOException, GiveUp {
            boolean eof = to == scan.size;
            long pos = from; // file offset of buf[0]
            int have = 0;
            int p = 0;
            while (true) {
                // fill the buffer after the unparsed tail
                long remaining = to - (pos + have);
                if (remaining > 0 && have < buf.length) {
                    int len = (int) Math.min(buf.length - have, remaining);
                    readFully(ch, buf, have, len, pos + have);
                    have += len;
                }
                boolean last = pos + have == to;
                while (p < have) {
                    // at the chunk's end the record must end too; one that ends there without a line end
                    // is complete only at the end of the file
                    int q = record(p, have, last, scan.sep);
                    if (q < 0) {
                        break;
                    }
                    p = q;
                }
                if (p == have && last) {
                    if (!eof && (endedAtLimit || have > 0 && buf[have - 1] == '\r' && nextIsLf(ch, to))) {
                        throw GIVE_UP; // the chunk does not end at a record boundary
                    }
                    break;
                }
                if (last) {
                    throw GIVE_UP; // the chunk does not end at a record boundary, or an unterminated quote
                }
                // move the incomplete record to the front, growing the buffer for a long one
                int tail = have - p;
                if (p == 0) {
                    if (buf.length >= MAX_RECORD) {
                        throw GIVE_UP;
                    }
                    buf = java.util.Arrays.copyOf(buf, Math.min(MAX_RECORD, buf.length * 2));
                } else {
                    System.arraycopy(buf, p, buf, 0, tail);
                }
                scan.done.addAndGet(p);
                pos += p;
                have = tail;
                p = 0;
                if (scan.failed.get()) {
                    throw GIVE_UP;
                }
            }
            scan.done.addAndGet(p);
        }

        private static boolean nextIsLf(FileChannel ch, long at) throws IOException {
            byte[] one = new byte[1];
            readFully(ch, one, 0, 1, at);
            return one[0] == '\n';
        }

        /**
         * One record from {@code p}: counts it (or the blank line) and returns the offset after its
         * line end, or -1 when it runs past {@code limit} and more input follows ({@code !eof}).
         */
        private int record(int p, int limit, boolean eof, byte sepOrZero) throws GiveUp {
            final byte[] b = buf;
            final byte sep = sepOrZero;
            final int col = headerOnly ? -1 : scan.col;
            final int seg = headerOnly ? -1 : scan.seg;
            if (p >= limit) {
                return eof ? limit : -1;
            }
            byte first = b[p];
            if (first == '\n') {
                blank++;
                return p + 1;
            }
            if (first == '\r') {
                if (p + 1 < limit) {
                    blank++;
                    return b[p + 1] == '\n' ? p + 2 : p + 1;
                }
                if (eof) {
                    blank++;
                    return p + 1;
                }
                return -1;
            }
            int field = 0;
            boolean escaped = false;
            while (true) {
                int from;
                int to;
                if (p < limit && b[p] == '"') {
                    // a quoted field: up to the quote not doubled
                    p++;
                    from = p;
                    escaped = false;
                    while (true) {
                        while (p < limit && b[p] != '"') {
                            p++;
                        }
                        if (p >= limit) {
                            return eof ? giveUp() : -1; // unterminated at the end: the existing path says so
                        }
                        if (p + 1 >= limit) {
                            if (!eof) {
                                return -1;
                            }
                            endedAtLimit = true;
                            to = p;
                            p++;
                            break;
                        }
                        if (b[p + 1] == '"') {
                            escaped = true;
                            p += 2;
                            continue;
                        }
                        to = p;
                        p++;
                        break;
                    }
                    if (p < limit) {
                        byte c = b[p];
                        if (c != sep && c != '\n' && c != '\r') {
                            return giveUp(); // text after a closing quote
                        }
                    }
                } else {
                    from = p;
                    while (p < limit) {
                        byte c = b[p];
                        if (c == sep || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == '"') {
                            if (!headerOnly) {
                                return giveUp(); // a quote inside an unquoted field breaks the quote parity
                            }
                        }
                        p++;
                    }
                    to = p;
                    escaped = false;
                }
                if (field == col) {
                    ratingFrom = from;
                    ratingTo = to;
                    ratingEscaped = escaped;
                }
                if (field == seg) {
                    segFrom = from;
                    segTo = to;
                    segEscaped = escaped;
                }
                if (p >= limit) {
                    if (!eof) {
                        return -1;
                    }
                    endedAtLimit = true;
                    endRecord(field + 1);
                    return limit;
                }
                byte c = b[p];
                if (c == sep) {
                    field++;
                    p++;
                    continue;
                }
                if (c == '\n') {
                    endRecord(field + 1);
                    return p + 1;
                }
                if (c == '\r') {
                    if (p + 1 < limit) {
                        endRecord(field + 1);
                        return b[p + 1] == '\n' ? p + 2 : p + 1;
                    }
                    if (!eof) {
                        return -1;
                    }
                    endRecord(field + 1);
                    return p + 1;
                }
                return giveUp(); // unreachable: a field ends at a delimiter or a line end
            }
        }


        private static int giveUp() throws GiveUp {
            throw GIVE_UP;
        }

        /** A complete data record of {@code count} fields: checks and counts it. */
        private void endRecord(int count) throws GiveUp {
            if (headerOnly) {
                return;
            }
            if (count != scan.fields) {
                throw GIVE_UP; // wrong number of fields: the existing path rejects (or skips and counts) it
            }
            rows++;
            if (ratingEscaped) {
                throw GIVE_UP; // a quote in a rating: not a whole number
            }
            // the rating: [+-]?[0-9]+(\.0+)? between spaces, as Values.parseRating
            final byte[] b = buf;
            int i = ratingFrom;
            int end = ratingTo;
            while (i < end && b[i] == ' ') {
                i++;
            }
            while (end > i && b[end - 1] == ' ') {
                end--;
            }
            if (i == end) {
                empty++;
                return;
            }
            boolean negative = false;
            if (b[i] == '+' || b[i] == '-') {
                negative = b[i] == '-';
                i++;
            }
            long value = 0;
            int digits = 0;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (value < 1_000_000_000_000L) {
                    value = value * 10 + (b[i] - '0');
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                throw GIVE_UP;
            }
            if (i < end) {
                if (b[i] != '.' || i + 1 == end) {
                    throw GIVE_UP;
                }
                for (int k = i + 1; k < end; k++) {
                    if (b[k] != '0') {
                        throw GIVE_UP;
                    }
                }
            }
            if (value > Integer.MAX_VALUE) {
                throw GIVE_UP; // the existing path clamps it to the int range: outside every scale
            }
            int rating = (int) (negative ? -value : value);
            int[] codes = scan.codes;
            for (int k = 0; k < codes.length; k++) {
                if (codes[k] == rating) {
                    na[k]++;
                    return;
                }
            }
            int index = rating - scan.min;
            if (index < 0 || index >= scan.points) {
                throw GIVE_UP; // outside the scale: a rejection
            }
            total[index]++;
            if (segments != null) {
                if (segEscaped) {
                    int n = unescape(segFrom, segTo);
                    segments.counts(unescaped, 0, n)[index]++;
                } else {
                    segments.counts(b, segFrom, segTo - segFrom)[index]++;
                }
            }
        }

        /** Copies {@code buf[from, to)} into {@link #unescaped} with doubled quotes made single; its length. */
        private int unescape(int from, int to) {
            if (unescaped.length < to - from) {
                unescaped = new byte[to - from];
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                unescaped[n++] = buf[i];
                if (buf[i] == '"') {
                    i++;
                }
            }
            return n;
        }

        void mergeInto(Result r) {
            r.rows += rows;
            r.blankLines += blank;
            r.emptyAnswers += empty;
            for (int k = 0; k < total.length; k++) {
                r.total[k] += total[k];
            }
            for (int k = 0; k < na.length; k++) {
                r.na[k] += na[k];
            }
            if (segments != null) {
                segments.mergeInto(r);
            }
        }
    }

    /**
     * Segment names as bytes to their counts: open addressing, linear probing. A name of up to 16
     * bytes is compared as two {@code long} words: the lookup was 15 % of the scan's samples (JFR) with
     * a byte-wise hash and {@code Arrays.equals}.
     */
    private static final class SegmentTable {
        private final int points;
        private byte[][] keys = new byte[64][];
        private long[] word0 = new long[64];
        private long[] word1 = new long[64];
        private long[][] counts = new long[64][];
        private int size;

        SegmentTable(int points) {
            this.points = points;
        }

        /** The bytes {@code b[off, off + min(len, 8))} as a little-endian word, zeros above. */
        private static long word(byte[] b, int off, int len) {
            if (len <= 0) {
                return 0;
            }
            if (off + 8 <= b.length) {
                long w = (long) LONGS.get(b, off);
                return len >= 8 ? w : w & ((1L << (8 * len)) - 1);
            }
            long w = 0;
            for (int i = Math.min(len, 8) - 1; i >= 0; i--) {
                w = (w << 8) | (b[off + i] & 0xFF);
            }
            return w;
        }

        long[] counts(byte[] b, int off, int len) {
            long w0 = word(b, off, len);
            long w1 = word(b, off + 8, len - 8);
            long mix = (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ len;
            int h = (int) (mix ^ (mix >>> 29) ^ (mix >>> 47));
            int mask = keys.length - 1;
            int slot = h & mask;
            while (true) {
                byte[] k = keys[slot];
                if (k == null) {
                    break;
                }
                if (k.length == len && word0[slot] == w0 && word1[slot] == w1
                        && (len <= 16 || java.util.Arrays.equals(k, 0, len, b, off, off + len))) {
                    return counts[slot];
                }
                slot = (slot + 1) & mask;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
                return counts(b, off, len);
            }
            keys[slot] = java.util.Arrays.copyOfRange(b, off, off + len);
            word0[slot] = w0;
            word1[slot] = w1;
            counts[slot] = new long[points];
            size++;
            return counts[slot];
        }

        private void grow() {
            byte[][] oldKeys = keys;
            long[][] oldCounts = counts;
            keys = new byte[oldKeys.length * 2][];
            word0 = new long[oldKeys.length * 2];
            word1 = new long[oldKeys.length * 2];
            counts = new long[oldKeys.length * 2][];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    long[] c = counts(oldKeys[i], 0, oldKeys[i].length);
                    System.arraycopy(oldCounts[i], 0, c, 0, points);
                }
            }
        }

        void mergeInto(Result r) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == null) {
                    continue;
                }
                String name = new String(keys[i], StandardCharsets.UTF_8).trim();
                long[] c = counts[i];
                if (name.isEmpty()) {
                    name = RatingCommand.BLANK_SEGMENT;
                    for (long x : c) {
                        r.emptySegments += x;
                    }
                }
                long[] into = r.segments.computeIfAbsent(name, k -> new long[points]);
                for (int k = 0; k < points; k++) {
                    into[k] += c[k];
                }
            }
        }
    }
}
