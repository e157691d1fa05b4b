package io.github.cxmetrics.csi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The 30-respondent fixture of mission-next.md §2.4 ({@code prca.csv}; see the README beside it). */
final class PrcaFixture {

    static final List<String> NAMES = List.of("website", "staff", "price");
    static final int[] IDS;
    static final double[] OVERALL;
    static final double[][] RATINGS;

    static {
        List<double[]> rows = new ArrayList<>();
        String resource = "prca.csv";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PrcaFixture.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line = in.readLine(); // header: id,overall,website,staff,price
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    String[] f = line.split(",");
                    double[] r = new double[f.length];
                    for (int i = 0; i < f.length; i++) {
                        r[i] = Double.parseDouble(f[i]);
                    }
                    rows.add(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = rows.size();
        IDS = new int[n];
        OVERALL = new double[n];
        RATINGS = new double[n][3];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            IDS[i] = (int) r[0];
            OVERALL[i] = r[1];
            RATINGS[i] = new double[] {r[2], r[3], r[4]};
        }
    }

    /** The weights of prca_check.py's weighted runs: {@code 1 + (id mod 3)}. */
    static double[] weights() {
        double[] w = new double[IDS.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 + IDS[i] % 3;
        }
        return w;
    }

    static double[][] ratings() {
        double[][] r = new double[RATINGS.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = RATINGS[i].clone();
        }
        return r;
    }

    private PrcaFixture() {
    }
}
