package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code cxm}'s entry point on the CSV files in {@code src/test/resources/e2e} and checks the
 * printed numbers, exit codes and messages. Every expected number is recomputed here from the
 * ratings listed in the test (the files' contents, repeated), from a published table, or was computed
 * with SciPy where a distribution function is needed (the command is given beside the number).
 */
class CxmEndToEndTest {

    /** The two-sided 95 % normal critical value, Φ⁻¹(0.975). */
    private static final double Z95 = 1.959963984540054;

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        /** The rows of the first CSV table in the output, by their first cell. */
        Map<String, Map<String, String>> csv() {
            return csvTable(0);
        }

        /** The rows of the k-th CSV table (tables are separated by a new header line). */
        Map<String, Map<String, String>> csvTable(int k) {
            List<List<String[]>> tables = new ArrayList<>();
            for (String line : out.split("\r?\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (isHeader(cells)) {
                    tables.add(new ArrayList<>());
                }
                tables.get(tables.size() - 1).add(cells);
            }
            List<String[]> t = tables.get(k);
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (int r = 1; r < t.size(); r++) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < t.get(0).length; c++) {
                    row.put(t.get(0)[c], t.get(r)[c]);
                }
                rows.put(t.get(r)[0], row);
            }
            return rows;
        }

        private static boolean isHeader(String[] cells) {
            for (String c : cells) {
                if (!c.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
                    return false;
                }
            }
            return true;
        }
    }

    static Run cxm(String... args) {
        return Cli.run(Run::new, args);
    }

    static String file(String name) {
        return Cli.resource("/e2e/" + name);
    }

    static double num(Map<String, Map<String, String>> table, String row, String column) {
        return Double.parseDouble(table.get(row).get(column));
    }

    // survey-bom-crlf.csv: UTF-8 with a byte-order mark, CRLF line ends, quoted comments holding
    // commas, doubled quotes and line breaks. Its ratings and weights:
    private static final int[] NORTH = {10, 10, 9, 8, 6, 3};
    private static final double[] NORTH_W = {1, 2, 1, 1, 2, 1};
    private static final int[] SOUTH = {9, 7, 7, 5, 4, 2, 1, 0};
    private static final double[] SOUTH_W = {1, 2, 1, 1, 2, 1, 1, 2};

    /** NPS by definition: 100 (promoter share − detractor share); shares by weight. */
    private static double[] nps(int[] r, double[] w) {
        double total = 0;
        double pro = 0;
        double det = 0;
        double squares = 0;
        for (int i = 0; i < r.length; i++) {
            total += w[i];
            squares += w[i] * w[i];
            pro += r[i] >= 9 ? w[i] : 0;
            det += r[i] <= 6 ? w[i] : 0;
        }
        double p = pro / total;
        double d = det / total;
        double nEff = total * total / squares; // Kish
        double se = 100 * Math.sqrt((p + d - (p - d) * (p - d)) / nEff); // Rocks (2016)
        return new double[] {100 * (p - d), se, nEff, p, d};
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }

    @Test
    void npsBySegmentFromAFileWithBomCrlfAndQuotedMultiLineFields() {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--format",
                "csv");
        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        Map<String, Map<String, String>> t = run.csv();
        // The byte-order mark is not part of the first header name, or --by region would fail.
        assertThat(t.keySet()).containsExactly("North", "South", "(total)");
        double[] north = nps(NORTH, ones(6));
        assertThat(num(t, "North", "n")).isEqualTo(6);
        assertThat(num(t, "North", "nps")).isCloseTo(100.0 / 6, within(1e-9)); // 3 promoters, 2 detractors
        assertThat(num(t, "North", "se")).isCloseTo(north[1], within(1e-9));
        assertThat(num(t, "South", "nps")).isCloseTo(-50.0, within(1e-9)); // 1 promoter, 5 detractors of 8
        assertThat(num(t, "South", "se")).isCloseTo(25.0, within(1e-9)); // 100 sqrt((6/8 - (4/8)^2) / 8)
        assertThat(num(t, "(total)", "n")).isEqualTo(14);
        assertThat(num(t, "(total)", "nps")).isCloseTo(100.0 * (4 - 7) / 14, within(1e-9));
        // Rocks' adjusted Wald interval: add 3/4 promoter, 3/2 passive, 3/4 detractor, then Wald on n + 3.
        double p = (3 + 0.75) / 9;
        double d = (2 + 0.75) / 9;
        double half = Z95 * 100 * Math.sqrt((p + d - (p - d) * (p - d)) / 9);
        assertThat(num(t, "North", "ci95_lower")).isCloseTo(100 * (p - d) - half, within(1e-9));
        assertThat(num(t, "North", "ci95_upper")).isCloseTo(100 * (p - d) + half, within(1e-9));
    }

    @Test
    void weightedNpsUsesWeightedSharesAndKishEffectiveSize() {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--weight",
                "weight", "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        double[] north = nps(NORTH, NORTH_W);
        double[] south = nps(SOUTH, SOUTH_W);
        assertThat(num(t, "North", "nps")).isCloseTo(12.5, within(1e-9)); // (4 − 3) / 8 by weight
        assertThat(num(t, "North", "n_eff")).isCloseTo(64.0 / 12, within(1e-9)); // 8² / 12
        assertThat(num(t, "North", "se")).isCloseTo(north[1], within(1e-9));
        assertThat(num(t, "South", "nps")).isCloseTo(100.0 * (1 - 7) / 11, within(1e-9));
        assertThat(num(t, "South", "n_eff")).isCloseTo(121.0 / 17, within(1e-9));
        assertThat(num(t, "South", "se")).isCloseTo(south[1], within(1e-9));
        assertThat(num(t, "North", "n")).isEqualTo(6);
    }

    @Test
    void compareAddsTheSignedDifferenceWithItsPValue() {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--compare",
                "North,South", "--format", "csv");
        assertThat(run.code()).isZero();
        Map<String, Map<String, String>> c = run.csvTable(1);
        String key = "South − North";
        double[] north = nps(NORTH, ones(6));
        double[] south = nps(SOUTH, ones(8));
        assertThat(num(c, key, "difference")).isCloseTo(-50.0 - 100.0 / 6, within(1e-9));
        assertThat(num(c, key, "se")).isCloseTo(Math.hypot(north[1], south[1]), within(1e-9));
        // 2 * scipy.stats.norm.sf(66.6667 / 44.357553951864750) = 0.13285495573105371
        assertThat(num(c, key, "p_value")).isCloseTo(0.13285495573105371, within(1e-12));
    }

    @Test
    void textOutputIsAnAlignedTableWithinOneHundredColumns() {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--compare",
                "North,South");
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        assertThat(lines.get(0)).startsWith("segment").contains("nps").contains("ci95_upper");
        // Right-aligned numbers: each row ends where the header ends.
        int width = lines.get(0).length();
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(l.length()).isEqualTo(width));
        assertThat(lines.get(1)).startsWith("North").contains("16.67").contains("36.64");
        assertThat(lines.get(2)).startsWith("South").contains("-50.00").contains("25.00");
    }

    @Test
    void jsonIsOneObjectPerSegmentAtFullPrecision() throws IOException {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--weight",
                "weight", "--format", "json");
        assertThat(run.code()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
        Map<String, Object> south = new LinkedHashMap<>();
        try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(lines.get(1))) {
            assertThat(parser.nextToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.START_OBJECT);
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                com.fasterxml.jackson.core.JsonToken value = parser.nextToken();
                south.put(name, value.isNumeric() ? parser.getDoubleValue() : parser.getText());
            }
        }
        assertThat(south).containsEntry("table", "nps").containsEntry("segment", "South");
        assertThat((Double) south.get("nps")).isCloseTo(100.0 * (1 - 7) / 11, within(1e-12));
        assertThat((Double) south.get("n_eff")).isCloseTo(121.0 / 17, within(1e-12));
        assertThat(south).containsKeys("n", "se", "ci95_lower", "ci95_upper");
    }

    @Test
    void csatFromASemicolonLatin1File() {
        for (String[] delimiter : new String[][] {{}, {"--delimiter", ";"}, {"--delimiter", "semicolon"}}) {
            List<String> args = new ArrayList<>(List.of("csat", file("csat-semicolon-latin1.csv"), "--column",
                    "satisfaction", "--by", "city", "--encoding", "ISO-8859-1", "--format", "csv"));
            args.addAll(List.of(delimiter));
            Run run = cxm(args.toArray(String[]::new));
            assertThat(run.code()).as(run.err()).isZero();
            Map<String, Map<String, String>> t = run.csv();
            assertThat(t.keySet()).containsExactly("Genève", "Zürich", "(total)");
            // Top two boxes (4, 5) of 1..5: Zürich 5, 4, 2 → 2 of 3; Genève 5, 5, 3, 1 → 2 of 4.
            assertThat(num(t, "Zürich", "csat")).isCloseTo(200.0 / 3, within(1e-9));
            assertThat(num(t, "Genève", "csat")).isCloseTo(50.0, within(1e-9));
            assertThat(num(t, "Genève", "se")).isCloseTo(25.0, within(1e-9)); // 100 sqrt(.5 · .5 / 4)
            // Wilson (1927): (p + z²/2n ± z sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n), in percent.
            double n = 4;
            double pHat = 0.5;
            double z2 = Z95 * Z95;
            double centre = (pHat + z2 / (2 * n)) / (1 + z2 / n);
            double half = Z95 * Math.sqrt(pHat * (1 - pHat) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            assertThat(num(t, "Genève", "ci95_lower")).isCloseTo(100 * (centre - half), within(1e-9));
            assertThat(num(t, "Genève", "ci95_upper")).isCloseTo(100 * (centre + half), within(1e-9));
        }
    }

    @Test
    void anExcelUnicodeTextExportIsReadByItsByteOrderMark() {
        // UTF-16LE with a byte-order mark and TAB delimiters, as Excel's "Unicode text" writes.
        Run run = cxm("nps", file("nps-utf16le-tab.txt"), "--column", "score", "--by", "segment", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        assertThat(t.keySet()).containsExactly("A", "B", "Äpfel", "(total)");
        assertThat(num(t, "A", "nps")).isEqualTo(100.0); // 10, 9
        assertThat(num(t, "B", "nps")).isEqualTo(-50.0); // 3, 8
        assertThat(num(t, "(total)", "n")).isEqualTo(5);
    }

    @Test
    void bytesThatAreNotTextInTheEncodingAreBadDataNotReplaced() {
        // The Latin-1 file read as UTF-8 (the default): its 'ü' (0xFC) is not UTF-8.
        Run run = cxm("csat", file("csat-semicolon-latin1.csv"), "--column", "satisfaction", "--by", "city");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("csat-semicolon-latin1.csv is not valid UTF-8 text; give its encoding with"
                + " --encoding");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void cesFromATabSeparatedFileWithWelchComparison() {
        Run run = cxm("ces", file("ces-tab.tsv"), "--column", "ease", "--by", "channel", "--compare", "phone,chat",
                "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        // phone 2, 4, 5, 3: mean 3.5, s² = 5/3; chat 6, 7, 5, 6, 7: mean 6.2, s² = 0.7.
        assertThat(num(t, "phone", "ces")).isCloseTo(3.5, within(1e-12));
        assertThat(num(t, "phone", "se")).isCloseTo(Math.sqrt(5.0 / 3 / 4), within(1e-12));
        assertThat(num(t, "chat", "ces")).isCloseTo(6.2, within(1e-12));
        // t interval: scipy.stats.t.ppf(0.975, 3) = 3.1824463052837078
        assertThat(num(t, "phone", "ci95_upper")).isCloseTo(3.5 + 3.1824463052837078 * Math.sqrt(5.0 / 12),
                within(1e-9));
        Map<String, Map<String, String>> c = run.csvTable(1);
        // scipy.stats.ttest_ind([6,7,5,6,7], [2,4,5,3], equal_var=False):
        // statistic 3.6188131180310394, pvalue 0.015578434944108523, df 4.93668869483125
        assertThat(num(c, "chat − phone", "difference")).isCloseTo(2.7, within(1e-12));
        assertThat(num(c, "chat − phone", "statistic")).isCloseTo(3.6188131180310394, within(1e-9));
        assertThat(num(c, "chat − phone", "df")).isCloseTo(4.93668869483125, within(1e-9));
        assertThat(num(c, "chat − phone", "p_value")).isCloseTo(0.015578434944108523, within(1e-9));
    }

    @Test
    void stopsAtTheFirstBadRowNamingFileLineColumnAndValue() {
        Run run = cxm("nps", file("bad-rows.csv"), "--column", "recommend");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        // Line 6: the header is line 1 and the second record's quoted comment spans lines 3 to 5.
        assertThat(run.err()).startsWith("cxm: ").contains("bad-rows.csv, line 6, column 'recommend': '11' is "
                + "outside 0..10");
    }

    @Test
    void skipInvalidReportsEverySkippedRowPerReason() {
        Run run = cxm("nps", file("bad-rows.csv"), "--column", "recommend", "--skip-invalid", "--format", "csv");
        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("skipped 4 of 7 rows (--skip-invalid)")
                .containsPattern("2 +column 'recommend': outside 0\\.\\.10")
                .containsPattern("1 +column 'recommend': not a whole number")
                .containsPattern("1 +wrong number of fields")
                .contains("1 row left column 'recommend' empty; it is not scored");
        // What is left: 10 and 7, one promoter and one passive.
        Map<String, Map<String, String>> t = run.csv();
        assertThat(num(t, "all", "n")).isEqualTo(2);
        assertThat(num(t, "all", "nps")).isCloseTo(50.0, within(1e-12));
    }

    @Test
    void anEmptyFileIsBadData() {
        Run run = cxm("nps", file("empty.csv"), "--column", "recommend");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("empty.csv is empty");
        Run headerOnly = cxm("nps", file("header-only.csv"), "--column", "recommend");
        assertThat(headerOnly.code()).isEqualTo(1);
        assertThat(headerOnly.err()).contains("no rating in column 'recommend'");
    }

    @Test
    void aMissingColumnIsBadUsageAndListsTheColumns() {
        Run run = cxm("nps", file("survey-bom-crlf.csv"), "--column", "recomend");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("column 'recomend' (--column) is not in")
                .contains("its columns are: 'region', 'recommend', 'weight', 'comment'")
                .contains("cxm nps --help");
        // Header names match ignoring case.
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "RECOMMEND").code()).isZero();
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(cxm("nps", file("survey-bom-crlf.csv")).code()).isEqualTo(2); // --column missing
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--bogus").code()).isEqualTo(2);
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--level", "95").code())
                .isEqualTo(2);
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--compare", "North,South")
                .code()).isEqualTo(2); // --compare needs --by
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--by", "region", "--compare",
                "North,West").err()).contains("segment 'West' is not in column 'region'");
        assertThat(cxm("nps", tmp.resolve("nowhere.csv").toString(), "--column", "x").code()).isEqualTo(2);
        assertThat(cxm("nps", file("survey-bom-crlf.csv"), "--column", "recommend", "--encoding", "KLINGON").err())
                .contains("unknown --encoding 'KLINGON'");
        assertThat(cxm().code()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nps", "csat", "ces", "servqual", "clv", "retention", "drivers", "kano", "trend", "service",
        "erlang", "report", "demo"})
    void everyCommandHasHelpWithAnExample(String command) {
        Run run = cxm(command, "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: cxm " + command).contains("Example:").contains("  cxm " + command);
        assertThat(run.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void retentionReproducesTheKaplanMeierTableOfTheAmlMaintainedGroup() {
        // Embury et al.'s AML trial, maintained group (Miller 1981, Survival Analysis, p. 49; R's
        // survival::aml). R: summary(survfit(Surv(time, status) ~ 1, data = aml[aml$x == "Maintained", ]))
        // prints these survival probabilities and Greenwood standard errors, and median 31.
        Run run = cxm("retention", file("aml-maintained.csv"), "--duration", "weeks", "--churned", "relapsed",
                "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        String[] times = {"9.0", "13.0", "18.0", "23.0", "31.0", "34.0", "48.0"};
        double[] survival = {0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184};
        double[] se = {0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535};
        for (int i = 0; i < times.length; i++) {
            assertThat(num(t, times[i], "survival")).as("S(%s)", times[i]).isCloseTo(survival[i], within(5e-4));
            assertThat(num(t, times[i], "se")).as("se(%s)", times[i]).isCloseTo(se[i], within(5e-5));
        }
        assertThat(num(t, "13.0", "at_risk")).isEqualTo(10);
        assertThat(num(t, "13.0", "censored")).isEqualTo(1);
        Map<String, Map<String, String>> m = run.csvTable(1);
        assertThat(num(m, "11", "median_lifetime")).isEqualTo(31);
    }

    @Test
    void clvReproducesTheCdnowParametersAndWritesEveryCustomer() throws IOException {
        Path transactions = tmp.resolve("cdnow.csv");
        try (InputStream in = Cxm.class.getResourceAsStream("demo/cdnow_transactions.csv")) {
            Files.copy(in, transactions, StandardCopyOption.REPLACE_EXISTING);
        }
        Path perCustomer = tmp.resolve("clv.csv");
        Run run = cxm("clv", transactions.toString(), "--customer", "customer", "--date", "date", "--amount",
                "amount", "--end", "1997-09-30", "--period", "week", "--horizon", "39", "--output",
                perCustomer.toString(), "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        for (String line : run.out().lines().toList()) {
            String[] cells = line.split(",", -1);
            if (cells.length >= 3) {
                params.put(cells[0] + " " + cells[1], Map.of("estimate", cells[2]));
            }
        }
        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2),
        // p. 279: r = 0.243, α = 4.414, a = 0.793, b = 2.426 on the 2357 CDNOW customers, 39 weeks.
        assertThat(num(params, "BG/NBD r", "estimate")).isCloseTo(0.243, within(5e-4));
        assertThat(num(params, "BG/NBD alpha", "estimate")).isCloseTo(4.414, within(5e-4));
        assertThat(num(params, "BG/NBD a", "estimate")).isCloseTo(0.793, within(5e-4));
        assertThat(num(params, "BG/NBD b", "estimate")).isCloseTo(2.426, within(5e-4));
        // Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4); Hardie's note on the Gamma-Gamma
        // model: p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers.
        assertThat(num(params, "Gamma-Gamma p", "estimate")).isCloseTo(6.25, within(5e-3));
        assertThat(num(params, "Gamma-Gamma q", "estimate")).isCloseTo(3.74, within(5e-3));
        assertThat(num(params, "Gamma-Gamma gamma", "estimate")).isCloseTo(15.44, within(5e-3));

        List<String> rows = Files.readAllLines(perCustomer);
        assertThat(rows.get(0)).isEqualTo("customer,x,t_x,T,mean_spend,p_alive,expected_purchases,clv");
        assertThat(rows).hasSize(2357 + 1);
        // The customer with x = 26, t_x = 30.86, T = 31.00: E[Y(39) | x, t_x, T] by the paper's equation
        // (10), evaluated with SciPy's hyp2f1 at the paper's rounded parameters, is 20.7497:
        //   (a+b+x-1)/(a-1) * (1 - ((α+T)/(α+T+t))**(r+x) * hyp2f1(r+x, b+x, a+b+x-1, t/(α+T+t)))
        //   / (1 + a/(b+x-1) * ((α+T)/(α+t_x))**(r+x))
        List<String[]> matches = rows.stream().skip(1).map(r -> r.split(",", -1))
                .filter(c -> c[1].equals("26") && Math.abs(Double.parseDouble(c[2]) - 30.857) < 0.01)
                .toList();
        assertThat(matches).hasSize(1);
        assertThat(Double.parseDouble(matches.get(0)[6])).isCloseTo(20.7497, within(0.005));
    }

    @Test
    void servqualGapsAreMeansOfPerceptionMinusExpectation() throws IOException {
        // Parasuraman, Zeithaml & Berry (1988, 1991): items 1–4 tangibles, 5–9 reliability,
        // 10–13 responsiveness, 14–17 assurance, 18–22 empathy; gap = P − E.
        int[][] dims = {{1, 4}, {5, 9}, {10, 13}, {14, 17}, {18, 22}};
        int respondents = 5;
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 22; i++) {
            csv.append(i > 1 ? "," : "").append("E").append(i);
        }
        for (int i = 1; i <= 22; i++) {
            csv.append(",P").append(i);
        }
        csv.append('\n');
        int[][] e = new int[respondents][23];
        int[][] p = new int[respondents][23];
        for (int r = 0; r < respondents; r++) {
            for (int i = 1; i <= 22; i++) {
                e[r][i] = 5 + (r + i) % 3; // 5..7
                p[r][i] = 1 + (3 * r + 2 * i) % 7; // 1..7
                csv.append(i > 1 ? "," : "").append(e[r][i]);
            }
            for (int i = 1; i <= 22; i++) {
                csv.append(',').append(p[r][i]);
            }
            csv.append('\n');
        }
        Path f = tmp.resolve("servqual.csv");
        Files.writeString(f, csv);
        Run run = cxm("servqual", f.toString(), "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> t = run.csv();
        String[] names = {"TANGIBLES", "RELIABILITY", "RESPONSIVENESS", "ASSURANCE", "EMPATHY"};
        double sumGaps = 0;
        for (int k = 0; k < 5; k++) {
            double gap = 0;
            int cells = 0;
            for (int r = 0; r < respondents; r++) {
                for (int i = dims[k][0]; i <= dims[k][1]; i++) {
                    gap += p[r][i] - e[r][i];
                    cells++;
                }
            }
            gap /= cells;
            sumGaps += gap;
            assertThat(num(t, names[k], "gap")).as(names[k]).isCloseTo(gap, within(1e-12));
        }
        Map<String, Map<String, String>> scores = run.csvTable(1);
        assertThat(scores.get("respondents").get("value")).isEqualTo(String.valueOf(respondents));
        assertThat(num(scores, "unweighted (mean of dimension gaps)", "value")).isCloseTo(sumGaps / 5,
                within(1e-12));
    }

    @Test
    void demoRunsEveryCommandOnTheBundledSamples() {
        Run run = cxm("demo", "--extract", tmp.resolve("samples").toString());
        assertThat(run.code()).as(run.err()).isZero();
        for (String command : new String[] {"nps", "csat", "ces", "servqual", "retention", "clv", "drivers", "kano",
            "trend", "service", "erlang"}) {
            assertThat(run.out()).contains("$ cxm " + command + " ");
        }
        assertThat(run.out()).contains("BG/NBD").contains("median lifetime").contains("SERVQUAL, 80 respondents")
                .contains("Key drivers, ").contains("Kano, 3 features").contains("weighted least squares")
                .contains("Customer service, 20 contacts").contains("Staffing for target service level 0.8");
        // tables and notes stay within 100 columns (the echoed command lines may be longer)
        assertThat(run.out().lines().filter(l -> !l.startsWith("$ cxm ")))
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        assertThat(tmp.resolve("samples").resolve("survey.csv")).exists();
        assertThat(tmp.resolve("samples").resolve("cdnow_transactions.csv")).exists();
        assertThat(tmp.resolve("samples").resolve("contacts.csv")).exists();
    }
}
