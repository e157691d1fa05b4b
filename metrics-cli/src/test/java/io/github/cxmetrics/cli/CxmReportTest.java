package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm report} without a browser: the page is one self-contained file (no external reference, the
 * ECharts library and its notice inline, a Content-Security-Policy that forbids any request), its data
 * are the CLI's {@code --format json} rows of each section, unchanged, and bad sections are usage errors
 * that name the section. {@link ReportBrowserTest} renders the page in Chromium.
 */
class CxmReportTest {

    @TempDir
    Path tmp;

    private Path samples() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("samples"));
        for (String f : DemoCommand.FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("demo/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir;
    }

    @Test
    void demoReportIsOneSelfContainedFileWithTheEchartsNotice() throws IOException {
        Path page = tmp.resolve("out").resolve("demo.html");
        Run run = cxm("demo", "--report", page.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        // the size the README states: ECharts' echarts.min.js (1,016,420 bytes) and about 70 kB of the page
        assertThat(Files.size(page)).isBetween(1_016_420L, 1_200_000L);
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
        assertThat(html).contains(ReportCommand.html(ReportCommand.webjar("NOTICE")))
                .contains("Apache ECharts\nCopyright 2017-2022 The Apache Software Foundation")
                .contains("Apache License").contains("--- licenses/LICENSE-d3 ---");
        assertThat(html).contains(ReportCommand.webjar("dist/echarts.min.js").replace("</", "<\\/"));
        // no external reference: outside the licence text, no http(s) URL in a src, href or url(...);
        // ("<img " does occur, in a string of echarts.min.js, whose images are data: URLs the CSP allows)
        String code = html.substring(0, html.indexOf("<footer>")) + html.substring(html.indexOf("</footer>"));
        Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//|url\\(\\s*[\"']?\\s*(https?:)?//")
                .matcher(code);
        assertThat(external.find()).as("external reference at %s", external.hitEnd() ? "-"
                : code.substring(Math.max(0, external.start() - 80), Math.min(code.length(), external.end() + 80)))
                .isFalse();
        assertThat(code).doesNotContain("<script src").doesNotContain("<link ")
                .doesNotContain("<iframe");
        assertThat(html.split("</script>", -1)).hasSize(5); // status, echarts, data, report: none ends early
        assertThat(html).doesNotContain(tmp.toString()).contains("cxm nps survey.csv --column recommend");
    }

    @Test
    void theEmbeddedDataAreTheCliJsonRowsOfEachSection() throws IOException {
        Path dir = samples();
        Path page = tmp.resolve("r.html");
        List<String> args = new ArrayList<>(List.of("report", "--out", page.toString(), "--title", "A & <B>"));
        List<String[]> sections = ReportPages.demoSections(dir);
        for (String[] s : sections) {
            args.add("--section");
            args.add("cxm " + String.join(" ", s)); // pasted with the leading cxm
        }
        Run run = cxm(args.toArray(new String[0]));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("wrote " + page + " (1.").endsWith(" MB, 9 sections)\n");
        assertThat(run.err()).contains("4 rows left column 'recommend' empty"); // the commands' notes, echoed
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).contains("<title>A &amp; &lt;B&gt;</title>");
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(data.find()).isTrue();
        String embedded = data.group(1).replace("<\\/", "</");
        for (String[] s : sections) {
            String[] json = java.util.Arrays.copyOf(s, s.length + 2);
            json[s.length] = "--format";
            json[s.length + 1] = "json";
            Run cli = cxm(json);
            assertThat(cli.code()).isZero();
            for (String line : cli.out().split("\n")) {
                assertThat(embedded).as(s[0]).contains(line);
            }
        }
        for (String name : DemoCommand.reportCommands().stream().map(c -> c[0]).toList()) {
            assertThat(embedded).contains("\"name\":\"" + name + "\"");
        }
    }

    @Test
    void sectionsThatCannotBeChartedAreUsageErrorsNamingTheSection() throws IOException {
        Path dir = samples();
        String out = tmp.resolve("x.html").toString();
        Run kano = cxm("report", "--out", out, "--section", "kano " + dir.resolve("kano.csv"));
        assertThat(kano.code()).isEqualTo(2);
        assertThat(kano.err()).contains("report has no chart for 'kano'; it charts: ces, clv, csat, drivers, nps,"
                + " retention, servqual, trend");
        Run format = cxm("report", "--out", out, "--section", "nps " + dir.resolve("survey.csv")
                + " --column recommend --format csv");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("leave out --format; report runs every section with --format json");
        Run missing = cxm("report", "--out", out, "--section", "nps " + dir.resolve("survey.csv") + " --column nope");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cxm: --section 'nps ").contains("' failed: ").contains("nope");
        Run empty = cxm("report", "--out", out, "--section", "  ");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("--section 1 is empty");
        Run none = cxm("report", "--out", out);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--section");
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    @Test
    void sectionsAreSplitAtWhiteSpaceWithQuotesKeepingValuesTogether() {
        assertThat(ReportCommand.split("nps 'my survey.csv'  --column \"how likely\" --by=a")).containsExactly("nps",
                "my survey.csv", "--column", "how likely", "--by=a");
        assertThat(ReportCommand.split("cxm csat f.csv --column x")).containsExactly("csat", "f.csv", "--column", "x");
        assertThat(ReportCommand.split("nps f.csv --title ''")).containsExactly("nps", "f.csv", "--title", "");
        assertThatThrownBy(() -> ReportCommand.split("nps 'f.csv")).isInstanceOf(UsageException.class)
                .hasMessage("--section 'nps 'f.csv': a ' quote is not closed");
    }

    @Test
    void oneSectionReportHasOnlyItsData() throws IOException {
        Path dir = samples();
        Path page = tmp.resolve("one.html");
        Run run = cxm("report", "--out", page.toString(), "--section", "servqual " + dir.resolve("servqual.csv")
                + " --scale 1..7");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).endsWith(" MB, 1 section)\n");
        Map<String, List<Map<String, Object>>> cli = ReportPages.cliJson("servqual", dir.resolve("servqual.csv")
                .toString(), "--scale", "1..7");
        String html = Files.readString(page);
        assertThat(html).contains("\"name\":\"servqual\"").doesNotContain("\"name\":\"nps\"");
        assertThat(cli).containsKeys("servqual_dimension", "servqual_score", "servqual_item");
    }
}
