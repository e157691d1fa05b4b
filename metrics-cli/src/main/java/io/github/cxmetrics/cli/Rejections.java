package io.github.cxmetrics.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What happens to a bad row: by default the command stops at the first one with a message naming the
 * file, line, column and value; with {@code --skip-invalid} the row is skipped and counted under its
 * reason, and the counts are reported at the end. Nothing is dropped silently: answers left empty
 * are counted and reported too.
 */
final class Rejections {

    private final String file;
    private final boolean skip;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final Map<String, Long> empty = new LinkedHashMap<>();
    private final Map<String, Long> emptySegment = new LinkedHashMap<>();
    /** Answers equal to a {@code --na} code, by column and code. */
    private final Map<String, Map<Integer, Long>> na = new LinkedHashMap<>();
    private long skippedRows;
    /** Whether a --na answer leaves out one item of a respondent (servqual) rather than the whole row. */
    private boolean naPerItem;

    Rejections(String file, boolean skip) {
        this.file = file;
        this.skip = skip;
    }

    /**
     * A bad value: throws {@link DataException}, or records the reason when skipping.
     *
     * @param line the line number in the file
     * @param column the column's header name
     * @param value the value as read
     * @param problem what is wrong, e.g. "is outside 0..10"; the reason key is column + problem kind
     * @param kind a short reason without the value, e.g. "outside 0..10"
     */
    void reject(long line, String column, String value, String problem, String kind) {
        if (!skip) {
            throw new DataException(file + ", line " + line + ", column '" + column + "': " + show(value) + " "
                    + problem);
        }
        skipped.merge("column '" + column + "': " + kind, 1L, Long::sum);
        skippedRows++;
    }

    /** A row-level problem (wrong number of fields). */
    void rejectRow(long line, String problem, String kind) {
        if (!skip) {
            throw new DataException(file + ", line " + line + ": " + problem);
        }
        skipped.merge(kind, 1L, Long::sum);
        skippedRows++;
    }

    /** An empty answer: not an error, but counted and reported. */
    void emptyAnswer(String column) {
        empty.merge(column, 1L, Long::sum);
    }

    /** {@code count} empty answers at once (the fast path's total); none when 0. */
    void emptyAnswers(String column, long count) {
        if (count > 0) {
            empty.merge(column, count, Long::sum);
        }
    }

    /** {@code count} answers equal to the {@code --na} code {@code code} at once; none when 0. */
    void naAnswers(String column, int code, long count) {
        if (count > 0) {
            na.computeIfAbsent(column, k -> new java.util.TreeMap<>()).merge(code, count, Long::sum);
        }
    }

    /** {@code count} rows with an empty segment at once; none when 0. */
    void emptySegments(String column, long count) {
        if (count > 0) {
            emptySegment.merge(column, count, Long::sum);
        }
    }

    /** Reports --na answers as items left out of a respondent (servqual), not as rows not scored. */
    Rejections naPerItem() {
        naPerItem = true;
        return this;
    }

    /** An answer equal to a {@code --na} code: a missing answer, not an error, counted under its own reason. */
    void naAnswer(String column, int code) {
        na.computeIfAbsent(column, k -> new java.util.TreeMap<>()).merge(code, 1L, Long::sum);
    }

    /**
     * A row whose segment column ({@code --by}) is empty: scored as segment "(blank)" and in the total,
     * and counted under the reason "empty segment".
     */
    void emptySegment(String column) {
        emptySegment.merge(column, 1L, Long::sum);
    }

    /** The rows counted by {@link #emptySegment} for this column. */
    long emptySegments(String column) {
        return emptySegment.getOrDefault(column, 0L);
    }

    long skippedRows() {
        return skippedRows;
    }

    private static String show(String value) {
        return value.isEmpty() ? "an empty value" : "'" + value + "'";
    }

    /** Writes the counts of skipped rows and empty answers, if any, to standard error. */
    void report(PrintWriter err, long rowsRead) {
        if (skippedRows > 0) {
            err.printf(Locale.ROOT, "%s: skipped %d of %d rows (--skip-invalid):%n", file, skippedRows, rowsRead);
            for (Map.Entry<String, Long> e : skipped.entrySet()) {
                err.printf(Locale.ROOT, "  %8d  %s%n", e.getValue(), e.getKey());
            }
        }
        for (Map.Entry<String, Long> e : empty.entrySet()) {
            err.printf(Locale.ROOT, "%s: %d %s left column '%s' empty; %s not scored%n", file, e.getValue(),
                    e.getValue() == 1 ? "row" : "rows", e.getKey(), e.getValue() == 1 ? "it is" : "they are");
        }
        for (Map.Entry<String, Map<Integer, Long>> c : na.entrySet()) {
            for (Map.Entry<Integer, Long> e : c.getValue().entrySet()) {
                boolean one = e.getValue() == 1;
                err.printf(Locale.ROOT, "%s: %d %s answered %d in column '%s', a --na code; %s%n", file,
                        e.getValue(), one ? "row" : "rows", e.getKey(), c.getKey(),
                        naPerItem ? "the item is left out for " + (one ? "that respondent" : "those respondents")
                                : (one ? "it is" : "they are") + " not scored");
            }
        }
        for (Map.Entry<String, Long> e : emptySegment.entrySet()) {
            err.printf(Locale.ROOT, "%s: %d %s with an empty segment (column '%s' left empty); scored as segment"
                    + " '%s' and in the total%n", file, e.getValue(), e.getValue() == 1 ? "row" : "rows", e.getKey(),
                    RatingCommand.BLANK_SEGMENT);
        }
        err.flush();
    }
}
