package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm servqual} with the three-column format (ADQ1..ADQ22, DES1..DES22): the zone of tolerance
 * per dimension. The six respondents' answers are generated below; the expected means were computed
 * from the same formulas with Python's {@code statistics.mean} (dimension value = mean over respondents of
 * their mean item answer in the dimension; MSA = P − adequate, MSS = P − desired):
 * <pre>
 * TANGIBLES      3.0833333333333335 4.583333333333333 4.5   1.4166666666666667 -0.08333333333333333 inside
 * RELIABILITY    3                  4.5               4.5   1.5                0.0                  inside
 * RESPONSIVENESS 2.9583333333333335 4.458333333333333 2.5  -0.4583333333333333 -1.9583333333333333  below
 * ASSURANCE      3.0416666666666665 4.541666666666667 4.25  1.2083333333333333 -0.2916666666666667  inside
 * EMPATHY        3                  4.5               4.333333333333333 1.3333333333333333 -0.16666666666666666 inside
 * </pre>
 */
class CxmServqualZoneTest {

    @TempDir
    Path tmp;

    private static int e(int r, int i) {
        return 1 + (r + i) % 7;
    }

    private static int p(int r, int i) {
        return i < 10 ? 2 + (r + i * i) % 6 : i < 14 ? 1 + (r + i) % 4 : 3 + (r * i) % 5;
    }

    private static int a(int r, int i) {
        return 1 + (r + 2 * i) % 5;
    }

    private static int d(int r, int i) {
        return a(r, i) + 1 + (r + i) % 2;
    }

    private Path file(boolean allZoneColumns) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (String prefix : new String[] {"E", "P", "ADQ", "DES"}) {
            for (int i = 1; i <= 22; i++) {
                if (!allZoneColumns && prefix.equals("DES") && i == 22) {
                    continue;
                }
                csv.append(csv.length() == 0 ? "" : ",").append(prefix).append(i);
            }
        }
        csv.append('\n');
        for (int r = 0; r < 6; r++) {
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < 4; k++) {
                for (int i = 1; i <= 22; i++) {
                    if (!allZoneColumns && k == 3 && i == 22) {
                        continue;
                    }
                    int v = k == 0 ? e(r, i) : k == 1 ? p(r, i) : k == 2 ? a(r, i) : d(r, i);
                    row.append(row.length() == 0 ? "" : ",").append(v);
                }
            }
            csv.append(row).append('\n');
        }
        Path f = tmp.resolve(allZoneColumns ? "zone.csv" : "partial.csv");
        Files.writeString(f, csv);
        return f;
    }

    @Test
    void theZoneOfToleranceIsPrintedPerDimension() throws IOException {
        Run run = cxm("servqual", file(true).toString(), "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> zone = run.csvTable(3);
        assertThat(zone.keySet()).containsExactly("TANGIBLES", "RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY");
        double[][] expected = {
            {3.0833333333333335, 4.583333333333333, 4.5, 1.4166666666666667, -0.08333333333333333},
            {3, 4.5, 4.5, 1.5, 0.0},
            {2.9583333333333335, 4.458333333333333, 2.5, -0.4583333333333333, -1.9583333333333333},
            {3.0416666666666665, 4.541666666666667, 4.25, 1.2083333333333333, -0.2916666666666667},
            {3, 4.5, 4.333333333333333, 1.3333333333333333, -0.16666666666666666},
        };
        String[] columns = {"adequate", "desired", "perception", "msa", "mss"};
        int k = 0;
        for (Map<String, String> row : zone.values()) {
            for (int c = 0; c < columns.length; c++) {
                assertThat(Double.parseDouble(row.get(columns[c]))).as("%s", columns[c])
                        .isCloseTo(expected[k][c], within(1e-12));
            }
            k++;
        }
        assertThat(zone.get("RESPONSIVENESS").get("position")).isEqualTo("below");
        assertThat(zone.get("TANGIBLES").get("position")).isEqualTo("inside");
        Run text = cxm("servqual", file(true).toString());
        assertThat(text.out()).contains("Zone of tolerance per dimension")
                .containsPattern("(?m)^RESPONSIVENESS +2\\.958 +4\\.458 +2\\.500 +-0\\.458 +-1\\.958 +below$");
        assertThat(text.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void aPartialSetOfZoneColumnsIsAUsageError() throws IOException {
        Run run = cxm("servqual", file(false).toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("the zone of tolerance needs all 44 columns ADQ1..ADQ22 and DES1..DES22, found 43");
        assertThat(run.out()).isEmpty();
    }
}
