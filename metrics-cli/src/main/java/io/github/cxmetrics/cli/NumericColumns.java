package io.github.cxmetrics.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/**
 * Reads named numeric columns of a CSV file into a respondents × columns matrix, for the commands
 * that model respondent-level data ({@code drivers}). An empty cell or a {@code --na} code is a
 * missing value ({@code Double.NaN}, counted and reported); anything else that is not a finite
 * number is a bad row (stop, or skip with {@code --skip-invalid}). Weights, when a column is named,
 * follow the rules of the rating commands: 0 or in [1e-150, 1e150].
 */
final class NumericColumns {

    /** The values, {@code values[row][column]}, NaN where missing. */
    final double[][] values;
    /** The weights, or null when no weight column was named. */
    final double[] weights;
    /** The columns' header names, in the order asked for. */
    final List<String> names;

    private NumericColumns(double[][] values, double[] weights, List<String> names) {
        this.values = values;
        this.weights = weights;
        this.names = names;
    }

    /**
     * Reads the columns.
     *
     * @param source the file
     * @param wanted the columns' names as given on the command line
     * @param option the option that named them, for messages
     * @param weight the weight column, or null
     * @param values the --na and --decimal-comma options
     * @param rejections where bad rows go
     * @param err standard error, for notes and progress
     */
    static NumericColumns read(CsvSource source, List<String> wanted, List<String> option, String weight,
            RatingCommand.ValueOptions values, Rejections rejections, PrintWriter err) {
        return read(source, wanted, option, weight, values, rejections, null, err);
    }

    /**
     * Reads the columns; with {@code emptyCounts} non-null, empty cells are counted there (per column,
     * in the order asked for) instead of being reported as rows not scored.
     */
    static NumericColumns read(CsvSource source, List<String> wanted, List<String> option, String weight,
            RatingCommand.ValueOptions values, Rejections rejections, long[] emptyCounts, PrintWriter err) {
        int k = wanted.size();
        int[] cols = new int[k];
        String[] names = new String[k];
        for (int j = 0; j < k; j++) {
            cols[j] = source.column(wanted.get(j), option.get(j));
            names[j] = source.header().get(cols[j]);
            for (int i = 0; i < j; i++) {
                if (cols[i] == cols[j]) {
                    throw new UsageException("column '" + names[j] + "' is named twice (" + option.get(i) + ", "
                            + option.get(j) + ")");
                }
            }
        }
        int w = weight == null ? -1 : source.column(weight, "--weight");
        String wName = w >= 0 ? source.header().get(w) : null;
        double[][] rows = new double[1024][];
        double[] ws = w >= 0 ? new double[1024] : null;
        int[] n = {0};
        double[][][] rowsRef = {rows};
        double[][] wsRef = {ws};
        source.read(rejections, row -> {
            double[] v = new double[k];
            for (int j = 0; j < k; j++) {
                String raw = Values.stripSpaces(row.field(cols[j]));
                if (raw.isEmpty()) {
                    if (emptyCounts == null) {
                        rejections.emptyAnswer(names[j]);
                    } else {
                        emptyCounts[j]++;
                    }
                    v[j] = Double.NaN;
                    continue;
                }
                double d;
                try {
                    d = Values.parseDecimal(raw, values.decimalComma);
                } catch (NumberFormatException e) {
                    String hint = Values.decimalCommaHint(raw, values.decimalComma);
                    rejections.reject(row.line(), names[j], raw, "is not a number" + hint, "not a number" + hint);
                    return;
                }
                if (!Double.isFinite(d)) {
                    rejections.reject(row.line(), names[j], raw, "is not a finite number", "not a finite number");
                    return;
                }
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE && values.isNa((int) d)) {
                    rejections.naAnswer(names[j], (int) d);
                    v[j] = Double.NaN;
                    continue;
                }
                v[j] = d;
            }
            double wt = 1.0;
            if (w >= 0) {
                String rw = Values.stripSpaces(row.field(w));
                try {
                    wt = Values.parseDecimal(rw, values.decimalComma);
                } catch (NumberFormatException e) {
                    String hint = Values.decimalCommaHint(rw, values.decimalComma);
                    rejections.reject(row.line(), wName, rw, "is not a number" + hint, "not a number" + hint);
                    return;
                }
                if (!(wt == 0.0 || wt >= RatingCommand.MIN_WEIGHT && wt <= RatingCommand.MAX_WEIGHT)) {
                    rejections.reject(row.line(), wName, rw, "is not a weight of 0 or in [1e-150, 1e150]",
                            "weight not 0 or in [1e-150, 1e150]");
                    return;
                }
            }
            if (n[0] == rowsRef[0].length) {
                rowsRef[0] = Arrays.copyOf(rowsRef[0], n[0] * 2);
                if (wsRef[0] != null) {
                    wsRef[0] = Arrays.copyOf(wsRef[0], n[0] * 2);
                }
            }
            rowsRef[0][n[0]] = v;
            if (wsRef[0] != null) {
                wsRef[0][n[0]] = wt;
            }
            n[0]++;
        }, err);
        return new NumericColumns(Arrays.copyOf(rowsRef[0], n[0]),
                wsRef[0] == null ? null : Arrays.copyOf(wsRef[0], n[0]), List.of(names));
    }

    /** The number of rows read. */
    int rows() {
        return values.length;
    }

    /** Column {@code j} of the rows, as a new array. */
    double[] column(int j) {
        double[] c = new double[values.length];
        for (int r = 0; r < c.length; r++) {
            c[r] = values[r][j];
        }
        return c;
    }

    /** Columns {@code from..to-1} of every row, as new rows. */
    double[][] columns(int from, int to) {
        double[][] m = new double[values.length][];
        for (int r = 0; r < m.length; r++) {
            m[r] = Arrays.copyOfRange(values[r], from, to);
        }
        return m;
    }
}
