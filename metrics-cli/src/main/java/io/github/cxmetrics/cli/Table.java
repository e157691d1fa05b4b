package io.github.cxmetrics.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of named values printed as an aligned text table (at most 100 columns wide: long labels are
 * shortened with an ellipsis), as CSV (full precision, RFC 4180 quoting, text cells that a spreadsheet
 * would run as formulas prefixed with {@code '}) or as JSON lines (one object
 * per row, full precision; NaN becomes null). Values stay doubles until they are written.
 */
final class Table {

    static final int TEXT_WIDTH = 100;

    /** How a column is shown as text. */
    record Column(String name, String textFormat) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();
    private final String kind;

    /**
     * A table.
     *
     * @param kind the value of the {@code "table"} field of each JSON object
     */
    Table(String kind) {
        this.kind = kind;
    }

    /** A text column; {@code textFormat} null for strings. */
    Table column(String name, String textFormat) {
        columns.add(new Column(name, textFormat));
        return this;
    }

    Table row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    int size() {
        return rows.size();
    }

    void print(Format format, PrintWriter out) {
        switch (format) {
            case TEXT:
                printText(out);
                break;
            case CSV:
                printCsv(out);
                break;
            case JSON:
                printJson(out);
                break;
            default:
                throw new AssertionError(format);
        }
        out.flush();
    }

    private String text(int c, Object v) {
        if (v == null) {
            return "—";
        }
        String f = columns.get(c).textFormat();
        if (v instanceof Double) {
            double d = (Double) v;
            if (Double.isNaN(d)) {
                return "—";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "∞" : "−∞";
            }
            if (f != null && f.endsWith("g") && Math.abs(d) >= 1e-4 && Math.abs(d) < 1e7) {
                return trimZeros(String.format(Locale.ROOT, "%.6f", d));
            }
        }
        return f == null ? String.valueOf(v) : String.format(Locale.ROOT, f, v);
    }

    /** A number with up to six decimals, trailing zeros removed. */
    static String formatG(double d) {
        return trimZeros(String.format(Locale.ROOT, "%.6f", d));
    }

    private static String trimZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    private void printText(PrintWriter out) {
        int n = columns.size();
        String[][] cells = new String[rows.size()][n];
        int[] width = new int[n];
        for (int c = 0; c < n; c++) {
            width[c] = columns.get(c).name().length();
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                cells[r][c] = text(c, rows.get(r)[c]);
                width[c] = Math.max(width[c], cells[r][c].length());
            }
        }
        // Only the first (label) column gives way when the table is too wide: a line is the widths plus
        // two spaces between columns; the label keeps at least 8 characters (or its own width, if less).
        int total = 2 * (n - 1);
        for (int w : width) {
            total += w;
        }
        if (total > TEXT_WIDTH) {
            width[0] = Math.max(Math.min(8, width[0]), width[0] - (total - TEXT_WIDTH));
        }
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < n; c++) {
            pad(line, columns.get(c).name(), width[c], c == 0);
        }
        out.println(line.toString().stripTrailing());
        for (String[] row : cells) {
            line.setLength(0);
            for (int c = 0; c < n; c++) {
                pad(line, row[c], width[c], c == 0 || columns.get(c).textFormat() == null);
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static void pad(StringBuilder line, String s, int width, boolean left) {
        if (line.length() > 0) {
            line.append("  ");
        }
        if (s.length() > width) {
            s = s.substring(0, width - 1) + "…";
        }
        String spaces = " ".repeat(width - s.length());
        line.append(left ? s + spaces : spaces + s);
    }

    private void printCsv(PrintWriter out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            line.append(c == 0 ? "" : ",").append(csv(columns.get(c).name()));
        }
        out.println(line);
        for (Object[] row : rows) {
            line.setLength(0);
            for (int c = 0; c < row.length; c++) {
                line.append(c == 0 ? "" : ",").append(csv(row[c]));
            }
            out.println(line);
        }
    }

    private static String csv(Object v) {
        if (v == null || (v instanceof Double && Double.isNaN((Double) v))) {
            return "";
        }
        String s = v instanceof Number || v instanceof Boolean ? String.valueOf(v) : neutralise(String.valueOf(v));
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * Text that a spreadsheet would run as a formula (it starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return) gets a leading single quote, the OWASP rule against CSV
     * injection; other text, and numbers (written as numbers, never through here), stay as they are.
     */
    static String neutralise(String s) {
        if (!s.isEmpty()) {
            char c = s.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + s;
            }
        }
        return s;
    }

    private void printJson(PrintWriter out) {
        JsonFactory factory = new JsonFactory();
        for (Object[] row : rows) {
            StringWriter buffer = new StringWriter();
            try (JsonGenerator g = factory.createGenerator(buffer)) {
                g.writeStartObject();
                g.writeStringField("table", kind);
                for (int c = 0; c < row.length; c++) {
                    String name = columns.get(c).name();
                    Object v = row[c];
                    if (v == null || (v instanceof Double && !Double.isFinite((Double) v))) {
                        g.writeNullField(name);
                    } else if (v instanceof Double) {
                        g.writeNumberField(name, (Double) v);
                    } else if (v instanceof Long) {
                        g.writeNumberField(name, (Long) v);
                    } else if (v instanceof Integer) {
                        g.writeNumberField(name, (Integer) v);
                    } else if (v instanceof Boolean) {
                        g.writeBooleanField(name, (Boolean) v);
                    } else {
                        g.writeStringField(name, String.valueOf(v));
                    }
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println(buffer);
        }
    }

    /** The output formats. */
    enum Format {
        TEXT, JSON, CSV
    }
}
