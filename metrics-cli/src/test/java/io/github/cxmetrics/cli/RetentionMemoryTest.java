package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm retention --by} on 2 000 000 generated lifetimes in a separate JVM whose heap is capped
 * at 64 MB (before issue 16 the command died with an {@link OutOfMemoryError} between 1 and 2 million
 * rows in 64 MB). The expected curves are recomputed here from the counts of churned and censored
 * customers per month, by the product-limit formula S(t) = Π (1 − d_j / n_j).
 */
class RetentionMemoryTest {

    private static final int ROWS = 2_000_000;
    private static final int MONTHS = 121; // tenure 0..120
    private static final String[] CONTRACTS = {"monthly", "annual", "two-year"};

    @TempDir
    Path tmp;

    @Test
    void twoMillionLifetimesBySegmentInSixtyFourMegabytes() throws IOException, InterruptedException {
        Path file = tmp.resolve("lifetimes.csv");
        // [segment, or CONTRACTS.length for the total][month][0 churned, 1 censored]
        long[][][] counts = new long[CONTRACTS.length + 1][MONTHS][2];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("customer,tenure_months,churned,contract\n");
            for (int i = 0; i < ROWS; i++) {
                int segment = i % CONTRACTS.length;
                // Tenure cycles through 0..120 (7919 is prime to 121); 4 in 10 churned, more on monthly plans.
                int tenure = (int) ((i * 7919L) % MONTHS);
                boolean churned = (i * 31L) % 10 < 4 + segment;
                w.write(i + "," + tenure + "," + (churned ? "1" : "0") + "," + CONTRACTS[segment] + "\n");
                counts[segment][tenure][churned ? 0 : 1]++;
                counts[CONTRACTS.length][tenure][churned ? 0 : 1]++;
            }
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = tmp.resolve("out.csv");
        Path err = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath,
                "io.github.cxmetrics.cli.Cxm", "retention", file.toString(), "--duration", "tenure_months",
                "--churned", "churned", "--by", "contract", "--format", "csv")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).doesNotContain("Exception").doesNotContain("\tat ");

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("segment,time,at_risk,churned,censored,survival,se,ci95_lower,ci95_upper");
        for (int s = 0; s <= CONTRACTS.length; s++) {
            String name = s < CONTRACTS.length ? CONTRACTS[s] : "(total)";
            List<String[]> rows = lines.stream().map(l -> l.split(",", -1)).filter(c -> c[0].equals(name))
                    .filter(c -> c.length == 9).toList();
            long atRisk = 0;
            for (long[] month : counts[s]) {
                atRisk += month[0] + month[1];
            }
            double survival = 1.0;
            int r = 0;
            for (int t = 0; t < MONTHS; t++) {
                long d = counts[s][t][0];
                if (d > 0) {
                    survival *= 1.0 - (double) d / atRisk;
                    String[] row = rows.get(r++);
                    assertThat(Double.parseDouble(row[1])).as("%s t", name).isEqualTo(t);
                    assertThat(Long.parseLong(row[2])).as("%s at risk at %d", name, t).isEqualTo(atRisk);
                    assertThat(Long.parseLong(row[3])).as("%s churned at %d", name, t).isEqualTo(d);
                    assertThat(Double.parseDouble(row[5])).as("%s S(%d)", name, t).isCloseTo(survival, within(1e-12));
                }
                atRisk -= counts[s][t][0] + counts[s][t][1];
            }
            assertThat(rows).as(name).hasSize(r);
        }
        String[] total = lines.stream().filter(l -> l.startsWith("(total),") && l.split(",", -1).length == 6)
                .findFirst().orElseThrow().split(",");
        assertThat(Long.parseLong(total[1])).isEqualTo(ROWS);
    }
}
