package io.github.cxmetrics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Loads the CDNOW test data (see DATA-NOTICE.md beside the files). */
final class Cdnow {

    private Cdnow() {
    }

    /** Rows of a CSV resource without its header, split on commas (CRLF or LF). */
    static List<String[]> csv(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(name)) {
            rows.add(line.split(","));
        }
        return rows.subList(1, rows.size());
    }

    static List<String> lines(String name) {
        try (InputStream in = Objects.requireNonNull(Cdnow.class.getResourceAsStream(name), name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            List<String> out = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 2357 calibration summaries of cdnow_customers_summary.csv. */
    static List<RfmSummary> summaries() {
        List<RfmSummary> out = new ArrayList<>();
        for (String[] row : csv("cdnow_customers_summary.csv")) {
            out.add(RfmSummary.of(Long.parseLong(row[1]), Double.parseDouble(row[2]), Double.parseDouble(row[3])));
        }
        return out;
    }
}
