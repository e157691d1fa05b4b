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
 * Scores a generated file of more than 200 MB in a separate JVM whose heap is capped at 64 MB, once
 * by the parallel byte-level fast path and once by the FastCSV path: the command streams rows
 * through accumulators, so it must finish, and with the right counts. A command
 * that held the rows (about 16 million of them) would fail with an {@link OutOfMemoryError}.
 */
class LargeFileTest {

    private static final String[] REGIONS = {"North", "South", "East", "West"};
    private static final long TARGET_BYTES = 200L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void scoresTwoHundredMegabytesWithSixtyFourMegabytesOfHeap() throws IOException, InterruptedException {
        Path file = tmp.resolve("large.csv");
        long[][] counts = new long[REGIONS.length][3]; // promoters, passives, detractors
        long rows = 0;
        long bytes;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "respondent,region,recommend,comment\n";
            w.write(header);
            bytes = header.length();
            // Ratings cycle through 0..10 with a stride coprime to 11; regions through the four names.
            while (bytes < TARGET_BYTES) {
                int region = (int) (rows % REGIONS.length);
                int rating = (int) ((rows * 7 + rows / 13) % 11);
                String line = rows + "," + REGIONS[region] + "," + rating + ",\"ok, thanks\"\n";
                w.write(line);
                bytes += line.length();
                counts[region][rating >= 9 ? 0 : rating >= 7 ? 1 : 2]++;
                rows++;
            }
        }
        assertThat(Files.size(file)).isGreaterThanOrEqualTo(TARGET_BYTES);

        // both paths: the parallel byte-level one (the default on such a file) and FastCSV's
        for (String path : new String[] {"report", "off"}) {
            check(file, path, counts, rows);
        }
    }

    private void check(Path file, String fastPath, long[][] counts, long rows) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = tmp.resolve("out.csv");
        Path err = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-Dcxm.fastpath=" + fastPath, "-cp",
                classpath, "io.github.cxmetrics.cli.Cxm",
                "nps", file.toString(), "--column", "recommend", "--by", "region", "--format", "csv")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        if (fastPath.equals("report")) {
            assertThat(Files.readString(err)).isEqualTo(file + ": read by the fast path\n");
        }

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("segment,n,n_eff,nps,");
        long total = 0;
        for (int r = 0; r < REGIONS.length; r++) {
            String prefix = REGIONS[r] + ",";
            String[] cells = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().split(",");
            long n = counts[r][0] + counts[r][1] + counts[r][2];
            total += n;
            assertThat(Long.parseLong(cells[1])).as(REGIONS[r]).isEqualTo(n);
            assertThat(Double.parseDouble(cells[3])).as(REGIONS[r])
                    .isCloseTo(100.0 * (counts[r][0] - counts[r][2]) / n, within(1e-9));
        }
        assertThat(total).isEqualTo(rows);
        String[] all = lines.stream().filter(l -> l.startsWith("(total),")).findFirst().orElseThrow().split(",");
        assertThat(Long.parseLong(all[1])).isEqualTo(rows);
    }
}
