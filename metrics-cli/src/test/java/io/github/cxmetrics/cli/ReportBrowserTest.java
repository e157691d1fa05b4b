package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm demo --report} opened in a real browser: Debian's {@code chromium}, headless, with a fresh
 * profile. One start dumps the DOM after a virtual-time budget; the page's own status element (written
 * by its script: errors caught by {@code window.onerror} and {@code console.error}, requests its
 * Content-Security-Policy blocked, and per chart the number of SVG shapes drawn) must show no error,
 * no request and every chart drawn, and every table cell must equal the CLI's {@code --format json}
 * output for the same command. A second start writes a screenshot to
 * {@code target/report-browser/demo-report.png} for a person to look at.
 *
 * <p>Without chromium the test fails (CI installs it in {@code .ci/run}); locally it can be skipped with
 * {@code -Dcxm.report.skipBrowser=true}, which CI never sets. {@code -Dcxm.chromium=PATH} names another
 * binary.
 */
class ReportBrowserTest {

    /** The flags of issue 24 for this machine (plus the output flag of each run). */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--virtual-time-budget=5000", "--hide-scrollbars");

    /** The charts the demo's sections must draw: section number and chart name. */
    private static final List<String> CHARTS = List.of(
            "chart-0-score", "chart-0-distribution", "chart-1-periods", "chart-1-control", "chart-2-survival",
            "chart-3-importance", "chart-3-quadrant", "chart-4-gaps", "chart-4-levels", "chart-4-zone",
            "chart-5-score", "chart-5-distribution", "chart-6-score", "chart-6-distribution", "chart-7-alive",
            "chart-8-holdout");

    @TempDir
    Path tmp;

    @Test
    void theDemoReportRendersInChromiumWithTheCliNumbers() throws Exception {
        String chromium = chromium();
        Path target = Path.of("target", "report-browser");
        Files.createDirectories(target);
        Path page = target.resolve("demo-report.html").toAbsolutePath();
        Run run = cxm("demo", "--report", page.toString());
        assertThat(run.code()).as(run.err()).isZero();

        String dom = chromium(chromium, "--dump-dom", page);
        Matcher status = Pattern.compile("<pre id=\"report-status\"[^>]*>(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(status.find()).as("the page wrote its status; DOM starts %s", dom.substring(0,
                Math.min(300, dom.length()))).isTrue();
        String json = ReportPages.unescape(status.group(1));
        assertThat(json).as("status").contains("\"errors\":[]").contains("\"blocked\":[]").contains("\"ready\":true");
        for (String chart : CHARTS) {
            Matcher shapes = Pattern.compile("\"" + chart + "\":(\\d+)").matcher(json);
            assertThat(shapes.find()).as(chart + " in " + json).isTrue();
            // axes, ticks, labels and marks: an empty chart has none, a drawn one dozens
            assertThat(Integer.parseInt(shapes.group(1))).as(chart + " SVG shapes").isGreaterThan(20);
        }
        assertThat(Pattern.compile("\"chart-").matcher(json).results().count()).as("charts").isEqualTo(CHARTS.size());

        // every table of the page is the CLI's JSON for the same command, cell for cell
        Path samples = samples();
        Map<Integer, Map<String, List<Map<String, Object>>>> shown = ReportPages.tables(dom);
        List<String[]> sections = ReportPages.demoSections(samples);
        assertThat(shown.keySet()).hasSize(sections.size());
        int cells = 0;
        for (int s = 0; s < sections.size(); s++) {
            Map<String, List<Map<String, Object>>> expected = ReportPages.cliJson(sections.get(s));
            assertThat(shown.get(s)).as("section %d tables", s).containsOnlyKeys(expected.keySet());
            for (Map.Entry<String, List<Map<String, Object>>> e : expected.entrySet()) {
                assertThat(shown.get(s).get(e.getKey())).as("section %d table %s", s, e.getKey())
                        .isEqualTo(e.getValue());
                cells += e.getValue().stream().mapToInt(Map::size).sum();
            }
        }
        assertThat(cells).as("cells compared").isGreaterThan(1000);

        Path png = target.resolve("demo-report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium(chromium, "--screenshot=" + png, page, "--window-size=1200,2400");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).as("screenshot size").isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).as("PNG signature").isEqualTo("PNG");
    }

    /** The bundled sample files, copied to a temporary directory. */
    private Path samples() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("samples"));
        for (String f : DemoCommand.FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    /** Runs chromium once with a fresh profile; returns its standard output. */
    private String chromium(String binary, String output, Path page, String... extra) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(binary);
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(tmp, "profile"));
        command.addAll(List.of(extra));
        command.add(output);
        command.add(page.toUri().toString());
        Path stdout = Files.createTempFile(tmp, "chromium", ".out");
        Path stderr = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 90 s: " + String.join(" ", command));
        }
        String err = Files.readString(stderr);
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", err).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    /** The chromium binary, or the test fails (skips only with -Dcxm.report.skipBrowser=true). */
    private static String chromium() {
        String named = System.getProperty("cxm.chromium");
        if (named != null && !named.isBlank()) {
            return named;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : new String[] {"chromium", "chromium-browser"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        if (Boolean.getBoolean("cxm.report.skipBrowser")) {
            Assumptions.abort("no chromium on PATH and -Dcxm.report.skipBrowser=true");
        }
        return fail("no chromium on PATH: CI installs Debian's chromium (.ci/run); install it with"
                + " 'apt-get install -y chromium', or skip this test locally with -Dcxm.report.skipBrowser=true");
    }
}
