package io.github.cxmetrics.csi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** R's swiss and mtcars from src/test/resources/drivers (see the README there). */
final class DriverData {

    final double[][] ratings;
    final double[] overall;
    final String[] names;

    private DriverData(double[][] ratings, double[] overall, String[] names) {
        this.ratings = ratings;
        this.overall = overall;
        this.names = names;
    }

    static DriverData swiss() {
        return load("swiss.csv", "Fertility", "Agriculture", "Examination", "Education", "Catholic",
                "Infant.Mortality");
    }

    static DriverData mtcars(String... predictors) {
        String[] cols = new String[predictors.length + 1];
        cols[0] = "mpg";
        System.arraycopy(predictors, 0, cols, 1, predictors.length);
        return load("mtcars.csv", cols);
    }

    static DriverData load(String file, String... columns) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(DriverData.class.getResourceAsStream("/drivers/" + file), file),
                StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(in.readLine().replace("\"", "").split(","));
            int[] idx = new int[columns.length];
            for (int c = 0; c < columns.length; c++) {
                idx[c] = header.indexOf(columns[c]);
            }
            List<double[]> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] r = new double[columns.length];
                for (int c = 0; c < columns.length; c++) {
                    r[c] = Double.parseDouble(f[idx[c]]);
                }
                rows.add(r);
            }
            double[][] x = new double[rows.size()][columns.length - 1];
            double[] y = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                y[i] = rows.get(i)[0];
                System.arraycopy(rows.get(i), 1, x[i], 0, columns.length - 1);
            }
            return new DriverData(x, y, Arrays.copyOfRange(columns, 1, columns.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
