package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static io.github.cxmetrics.cli.CxmEndToEndTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cxm retention --by}: one Kaplan–Meier curve per segment and one for the total, checked
 * against R's survival package on the AML trial (survival::aml; Miller 1981, p. 49), whose arm column
 * {@code x} is Maintained / Nonmaintained. The file {@code e2e/retention/aml-by-arm.csv} is aml with
 * the columns renamed (time → weeks, status → relapsed, x → arm) and one extra row (7 weeks, relapsed)
 * whose arm is empty: it must be skipped and counted, so every number is still R's on the 23 rows.
 */
class CxmRetentionTest {

    /** The rows of the k-th CSV table of the output (tables start at a header line), in order. */
    private static List<Map<String, String>> csvTable(String out, int k) {
        List<List<String[]>> tables = new ArrayList<>();
        for (String line : out.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells[0].equals("segment") || cells[0].equals("time") || cells[0].equals("customers")
                    || cells[0].equals("test")) {
                tables.add(new ArrayList<>());
            }
            tables.get(tables.size() - 1).add(cells);
        }
        List<String[]> t = tables.get(k);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < t.size(); r++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < t.get(0).length; c++) {
                row.put(t.get(0)[c], t.get(r)[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> segment(List<Map<String, String>> rows, String segment) {
        return rows.stream().filter(r -> r.get("segment").equals(segment)).toList();
    }

    private static double num(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    /**
     * Compares a curve with R. The numbers are R 4's output of
     * <pre>
     * library(survival)
     * s &lt;- summary(survfit(Surv(time, status) ~ x, data = aml, conf.type = "log-log"))
     * data.frame(s$strata, s$time, s$n.risk, s$n.event, s$surv, s$std.err, s$lower, s$upper)
     * </pre>
     * and, for the total, the same with {@code ~ 1}. (R's n.censor counts the censored since the
     * previous event time; the CLI counts those censored exactly at the event time, so it is not compared
     * here: the at-risk numbers pin the censoring down.)
     */
    private static void assertCurve(List<Map<String, String>> rows, double[][] r) {
        assertThat(rows).hasSize(r.length);
        for (int i = 0; i < r.length; i++) {
            Map<String, String> row = rows.get(i);
            String at = "t = " + r[i][0];
            assertThat(num(row, "time")).as(at).isEqualTo(r[i][0]);
            assertThat(num(row, "at_risk")).as(at).isEqualTo(r[i][1]);
            assertThat(num(row, "churned")).as(at).isEqualTo(r[i][2]);
            assertThat(num(row, "survival")).as(at).isCloseTo(r[i][3], within(5e-8));
            if (r[i][3] > 0) { // R gives NaN for the standard error and interval once S = 0
                assertThat(num(row, "se")).as(at).isCloseTo(r[i][4], within(5e-8));
                assertThat(num(row, "ci95_lower")).as(at).isCloseTo(r[i][5], within(5e-8));
                assertThat(num(row, "ci95_upper")).as(at).isCloseTo(r[i][6], within(5e-8));
            }
        }
    }

    // time, n.risk, n.event, surv, std.err, lower, upper (log-log), from R as above.
    private static final double[][] MAINTAINED = {
        {9, 11, 1, 0.90909091, 0.08667842, 0.508080206, 0.9866738},
        {13, 10, 1, 0.81818182, 0.11629130, 0.447428615, 0.9511622},
        {18, 8, 1, 0.71590909, 0.13966497, 0.350190386, 0.8990240},
        {23, 7, 1, 0.61363636, 0.15263233, 0.265752040, 0.8352992},
        {31, 5, 1, 0.49090909, 0.16419327, 0.167330910, 0.7533998},
        {34, 4, 1, 0.36818182, 0.16266889, 0.092829575, 0.6570408},
        {48, 2, 1, 0.18409091, 0.15349275, 0.011738480, 0.5250148},
    };
    private static final double[][] NONMAINTAINED = {
        {5, 12, 2, 0.83333333, 0.10758287, 0.481714942, 0.9555094},
        {8, 10, 2, 0.66666667, 0.13608276, 0.337018933, 0.8597118},
        {12, 8, 1, 0.58333333, 0.14231876, 0.270138924, 0.8009402},
        {23, 6, 1, 0.48611111, 0.14813006, 0.191876620, 0.7296716},
        {27, 5, 1, 0.38888889, 0.14698618, 0.126272012, 0.6498174},
        {30, 4, 1, 0.29166667, 0.13871517, 0.072401609, 0.5608861},
        {33, 3, 1, 0.19444444, 0.12187451, 0.031198643, 0.4614295},
        {43, 2, 1, 0.09722222, 0.09186636, 0.005746306, 0.3489039},
        {45, 1, 1, 0.0, Double.NaN, Double.NaN, Double.NaN},
    };
    // R: summary(survfit(Surv(time, status) ~ 1, data = aml, conf.type = "log-log"))
    private static final double[][] TOTAL = {
        {5, 23, 2, 0.91304348, 0.05875338, 0.694947538, 0.9775157},
        {8, 21, 2, 0.82608696, 0.07903420, 0.600610411, 0.9309036},
        {9, 19, 1, 0.78260870, 0.08600615, 0.554211507, 0.9032075},
        {12, 18, 1, 0.73913043, 0.09156054, 0.509209439, 0.8733758},
        {13, 17, 1, 0.69565217, 0.09594388, 0.465641750, 0.8417213},
        {18, 14, 1, 0.64596273, 0.10114268, 0.413952951, 0.8053078},
        {23, 13, 2, 0.54658385, 0.10725064, 0.319250414, 0.7264492},
        {27, 11, 1, 0.49689441, 0.10840178, 0.275565628, 0.6842138},
        {30, 9, 1, 0.44168392, 0.10951807, 0.227381168, 0.6370927},
        {31, 8, 1, 0.38647343, 0.10885880, 0.182836619, 0.5874769},
        {33, 7, 1, 0.33126294, 0.10639097, 0.141825693, 0.5352738},
        {34, 6, 1, 0.27605245, 0.10198338, 0.104441343, 0.4802847},
        {43, 5, 1, 0.22084196, 0.09536744, 0.070996649, 0.4221674},
        {45, 4, 1, 0.16563147, 0.08603521, 0.042114281, 0.3603614},
        {48, 2, 1, 0.08281573, 0.07266180, 0.006955967, 0.2867604},
    };

    @Test
    void byArmGivesRsCurvePerSegmentAndTheTotal() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> km = csvTable(run.out(), 0);
        assertCurve(segment(km, "Maintained"), MAINTAINED);
        assertCurve(segment(km, "Nonmaintained"), NONMAINTAINED);
        assertCurve(segment(km, "(total)"), TOTAL);
        assertThat(km).hasSize(MAINTAINED.length + NONMAINTAINED.length + TOTAL.length);
        // Segments in name order, then the total.
        assertThat(km.get(0).get("segment")).isEqualTo("Maintained");
        assertThat(km.get(km.size() - 1).get("segment")).isEqualTo("(total)");

        // R: print(survfit(Surv(time, status) ~ x, data = aml)) gives n 11 / 12, events 7 / 11, median
        // 31 / 23; with ~ 1: n 23, events 18, median 27.
        List<Map<String, String>> m = csvTable(run.out(), 1);
        assertThat(m).hasSize(3);
        assertThat(m.get(0)).containsEntry("segment", "Maintained").containsEntry("customers", "11")
                .containsEntry("churned", "7").containsEntry("median_lifetime", "31.0");
        assertThat(m.get(1)).containsEntry("segment", "Nonmaintained").containsEntry("customers", "12")
                .containsEntry("churned", "11").containsEntry("median_lifetime", "23.0");
        assertThat(m.get(2)).containsEntry("segment", "(total)").containsEntry("customers", "23")
                .containsEntry("churned", "18").containsEntry("median_lifetime", "27.0");

        // The row with an empty arm (line 14) is not used, and it is said so.
        assertThat(run.err()).contains("1 row left column 'arm' empty; it is not scored");
    }

    @Test
    void textOutputNamesTheSegmentsAndTheirMedians() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Kaplan–Meier by arm, 2 segments, 23 customers, 18 churned");
        // the curves side by side at every churn time: R summary(survfit(Surv(time, status) ~ x, data = aml))
        // S = 0.9091 (Maintained) at 9 while Nonmaintained is at 0.6667; Nonmaintained ends at 45 (S = 0),
        // so at 48 it shows "—"
        assertThat(run.out()).containsPattern("(?m)^time +Maintained +Nonmaintained$");
        assertThat(run.out()).containsPattern("(?m)^9 +0\\.9091 +0\\.6667$");
        assertThat(run.out()).containsPattern("(?m)^48 +0\\.1841 +—$");
        // medians with R's print.survfit(conf.type = "log-log") limits: 31 [13, NA], 23 [5, 33], 27 [13, 34]
        assertThat(run.out()).containsPattern("(?m)^Maintained +11 +7 +31 +13 +—$");
        assertThat(run.out()).containsPattern("(?m)^Nonmaintained +12 +11 +23 +5 +33$");
        assertThat(run.out()).containsPattern("(?m)^\\(total\\) +23 +18 +27 +13 +34$");
        // R survdiff(Surv(time, status) ~ x, data = aml): O 7 / 11, E 10.689 / 7.311, Chisq 3.396, p 0.0653
        assertThat(run.out()).contains("Log-rank test between the 2 segments (R survdiff):");
        assertThat(run.out()).containsPattern("(?m)^Maintained +11 +7 +10\\.689 +-3\\.689$");
        assertThat(run.out()).contains("χ² = 3.396, df = 1, p = 0.0653");
        assertThat(run.out()).doesNotContain("not reached");
        assertThat(run.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void jsonRowsCarryTheSegment() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm", "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.contains("\"table\":\"kaplan_meier\"")).count())
                .isEqualTo(MAINTAINED.length + NONMAINTAINED.length + TOTAL.length);
        assertThat(run.out()).contains("{\"table\":\"median_lifetime\",\"segment\":\"(total)\",\"customers\":23,"
                + "\"churned\":18,\"median_lifetime\":27.0,\"ci95_lower\":13.0,\"ci95_upper\":34.0}");
        // R: survdiff(..., rho = 1): Chisq 2.77927954475177, observed 3.84541062801932 / 7.18150448585231
        Run peto = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm", "--format", "json", "--rho", "1");
        assertThat(peto.out()).contains("\"table\":\"log_rank_test\",\"test\":\"fleming-harrington\",\"rho\":1.0,"
                + "\"chi_square\":2.7792795447517");
        assertThat(peto.out()).contains("\"table\":\"log_rank\",\"segment\":\"Maintained\",\"customers\":11,"
                + "\"observed\":3.84541062801932");
    }

    @Test
    void eachSegmentHasItsMedianByRsQuantileRule() {
        // not-reached.csv. trial: censored at 3 and 5, a churn at 8 with 2 at risk (S = 1/2), censored
        // at 12: S stays at 1/2 to the end, so the median is the midpoint (8 + 12) / 2 = 10. basic: churns
        // at 2 and 4 (S = 1/2, then 0): median (2 + 4) / 2 = 3. Total: S(2) = 5/6, S(4) = 5/6 * 3/4 = 5/8,
        // S(8) = 5/8 * 1/2 = 5/16: median 8. R: d <- read.csv("not-reached.csv");
        // f <- survfit(Surv(tenure, churned %in% c("1", "yes")) ~ plan, data = d); quantile(f, 0.5)
        // gives 3 and 10, and 8 with ~ 1 (print.survfit shows 8 for trial: it does not take the midpoint
        // of a flat stretch that runs to the last follow-up; the library follows quantile.survfit).
        Run run = cxm("retention", file("retention/not-reached.csv"), "--duration", "tenure", "--churned",
                "churned", "--by", "plan", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> m = csvTable(run.out(), 1);
        assertThat(m.get(0)).containsEntry("segment", "basic").containsEntry("customers", "2")
                .containsEntry("median_lifetime", "3.0");
        assertThat(m.get(1)).containsEntry("segment", "trial").containsEntry("customers", "4")
                .containsEntry("churned", "1").containsEntry("median_lifetime", "10.0");
        assertThat(m.get(2)).containsEntry("segment", "(total)").containsEntry("median_lifetime", "8.0");
    }

    @Test
    void aMedianNotReachedIsADashWithANote() {
        // never-churned.csv: the plan "loyal" has three customers and no churn, so S = 1 throughout and
        // has no median (R: quantile(survfit(Surv(tenure, churned) ~ plan, data = e), 0.5) gives NA for it,
        // and 3 for trial: S = 1/2 from the churn at 2 to the last follow-up at 4); with no event "loyal"
        // has no row in the survival table either.
        Run run = cxm("retention", file("retention/never-churned.csv"), "--duration", "tenure", "--churned",
                "churned", "--by", "plan");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^loyal +3 +0 +— +— +—$");
        // R print.survfit(conf.type = "log-log"): trial 0.95LCL 2, UCL NA
        assertThat(run.out()).containsPattern("(?m)^trial +2 +1 +3 +2 +—$");
        // R survdiff: observed 0 / 1, expected 0.6 / 0.4, Chisq 1.5
        assertThat(run.out()).containsPattern("(?m)^loyal +3 +0 +0\\.600 +-0\\.600$");
        assertThat(run.out()).contains("χ² = 1.500, df = 1, p = 0.221");
        assertThat(run.out()).contains("(—: median not reached, survival stays above 1/2)");
    }

    @Test
    void rmeanAddsTheRestrictedMeanWithItsStandardErrorAndBadOptionsAreUsageErrors() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm", "--rmean", "100", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        // R: summary(survfit(Surv(weeks, relapsed) ~ arm, data = d), rmean = 100)$table:
        // Maintained rmean 41.4159090909091, se 10.82886471686053; Nonmaintained 22.7083333333333, 4.18094198103315
        List<Map<String, String>> m = csvTable(run.out(), 1);
        assertThat(Double.parseDouble(m.get(0).get("rmean"))).isCloseTo(41.4159090909091, within(1e-12));
        assertThat(Double.parseDouble(m.get(0).get("rmean_se"))).isCloseTo(10.82886471686053, within(1e-12));
        assertThat(Double.parseDouble(m.get(1).get("rmean_se"))).isCloseTo(4.18094198103315, within(1e-12));
        // the log-rank tables follow: per segment, then the test (R survdiff: Chisq 3.3963886989776)
        List<Map<String, String>> test = csvTable(run.out(), 3);
        assertThat(Double.parseDouble(test.get(0).get("chi_square"))).isCloseTo(3.3963886989776, within(1e-12));
        assertThat(Double.parseDouble(test.get(0).get("p_value"))).isCloseTo(0.065339322040505132, within(1e-12));
        Run bad = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "arm", "--rho", "-1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--rho must be a finite number >= 0, was -1.0");
        assertThat(bad.out()).isEmpty();
    }

    @Test
    void manySegmentsWithLongNamesAreSplitIntoBlocksWithinOneHundredColumns(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path tmp) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("tenure,churned,plan\n");
        for (int i = 0; i < 240; i++) {
            // twelve plans whose names differ only at the end
            csv.append(1 + (i * 7) % 20).append(',').append(i % 3 == 0 ? 0 : 1).append(",subscription-plan-")
                    .append(String.format(java.util.Locale.ROOT, "%02d", i % 12)).append('\n');
        }
        java.nio.file.Path f = tmp.resolve("plans.csv");
        java.nio.file.Files.writeString(f, csv);
        Run run = cxm("retention", f.toString(), "--duration", "tenure", "--churned", "churned", "--by", "plan");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
        List<String> headers = lines.stream().filter(l -> l.startsWith("time ")).toList();
        assertThat(headers.size()).isGreaterThan(1);
        String all = String.join(" ", headers);
        for (int p = 0; p < 12; p++) {
            // head and tail around an ellipsis: "subscr…plan-07"
            assertThat(all).contains(String.format(java.util.Locale.ROOT, "subscr…plan-%02d", p));
        }
    }

    @Test
    void strataGiveTheStratifiedLogRankTestOfSurvdiff() {
        // lung.csv: R's survival::lung without missing ph.ecog (status 1 = dead), written by
        // metrics-core's src/test/resources/survival/survdiff.R; there, "lung sex strata ecog rho0":
        // survdiff(Surv(time, status) ~ sex + strata(ph.ecog)) gives chisq 10.795059633496416,
        // p 0.0010177133447241489, observed 111 / 53
        Run run = cxm("retention", file("retention/lung.csv"), "--duration", "time", "--churned", "status", "--by",
                "sex", "--strata", "ph.ecog", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> test = csvTable(run.out(), 3);
        assertThat(Double.parseDouble(test.get(0).get("chi_square"))).isCloseTo(10.795059633496416, within(1e-11));
        assertThat(Double.parseDouble(test.get(0).get("p_value"))).isCloseTo(0.0010177133447241489, within(1e-14));
        assertThat(test.get(0).get("strata")).isEqualTo("4");
        List<Map<String, String>> lr = csvTable(run.out(), 2);
        assertThat(lr.get(0)).containsEntry("segment", "1").containsEntry("observed", "111.0");
        // the curves and medians stay per segment (R: survfit(Surv(time, status) ~ sex): medians 270 and 426)
        List<Map<String, String>> m = csvTable(run.out(), 1);
        assertThat(m.get(0)).containsEntry("segment", "1").containsEntry("median_lifetime", "270.0");
        assertThat(m.get(1)).containsEntry("segment", "2").containsEntry("median_lifetime", "426.0");
        Run text = cxm("retention", file("retention/lung.csv"), "--duration", "time", "--churned", "status", "--by",
                "sex", "--strata", "ph.ecog");
        assertThat(text.out()).contains("Log-rank test between the 2 segments, stratified by ph.ecog (4 strata)")
                .contains("χ² = 10.795, df = 1, p = 0.00102");
        Run bad = cxm("retention", file("retention/lung.csv"), "--duration", "time", "--churned", "status",
                "--strata", "ph.ecog");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--strata needs --by");
    }

    @Test
    void anUnknownByColumnIsAUsageError() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--by", "contract");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("cxm: ").contains("contract");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void withoutByTheOutputIsOneCurveWithoutASegmentColumn() {
        Run run = cxm("retention", file("retention/aml-by-arm.csv"), "--duration", "weeks", "--churned",
                "relapsed", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        // Without --by the row with an empty arm is an ordinary customer (a relapse at 7): 24 customers,
        // 19 relapses, median 27 (R: survfit(Surv(weeks, relapsed) ~ 1, data = read.csv("aml-by-arm.csv"))).
        assertThat(run.out()).startsWith("time,at_risk,churned,censored,survival,se,ci95_lower,ci95_upper\n"
                .replace("\n", System.lineSeparator()));
        // R print.survfit(conf.type = "log-log"): median 27, 0.95LCL 12, 0.95UCL 34
        assertThat(run.out()).contains(System.lineSeparator() + "customers,churned,median_lifetime,ci95_lower,ci95_upper"
                + System.lineSeparator() + "24,19,27.0,12.0,34.0");
        assertThat(run.out()).doesNotContain("log_rank").doesNotContain("chi_square");
    }

    @Test
    void helpDescribesTheLogRankTestAndItsOptions() {
        Run run = cxm("retention", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--by=SEGMENT_COL").contains("log-rank test between the segments")
                .contains("--rho").contains("--rmean")
                .contains("10 million customers, 40 % churned");
        assertThat(run.err()).isEmpty();
    }
}
