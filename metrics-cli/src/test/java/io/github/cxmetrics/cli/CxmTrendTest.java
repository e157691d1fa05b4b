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
 * {@code cxm trend} on the two samples of {@code src/test/resources/trend/}, written by
 * {@code make_samples.py} beside them from the vectors of {@code shared/reports/mission-next.md} §3.2:
 * the NPS weekly tracking table (8 ISO weeks of 250) and the CSAT top-two-box months. The expected
 * values are the report's (script {@code t3b.py}, numpy/scipy, and R's {@code prop.trend.test} and
 * {@code prop.test}, appendix A.3). The report gives NPS as a fraction (0.32) and shares as fractions;
 * the command prints NPS in points and CSAT in percent, so those numbers are multiplied by 100 here
 * (z statistics and p-values are unchanged).
 */
class CxmTrendTest {

    private static final String NPS = Cli.resource("/trend/nps-weekly.csv");
    private static final String CSAT = Cli.resource("/trend/csat-monthly.csv");

    @TempDir
    Path tmp;

    private static double num(Map<String, Map<String, String>> t, String row, String col) {
        return Double.parseDouble(t.get(row).get(col));
    }

    @Test
    void npsWeeklyTrackingReproducesTheReport() {
        Run r = cxm("trend", NPS, "--date", "answered", "--period", "week", "--column", "recommend", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> periods = r.csvTable(0);
        String[] weeks = {"2026-W02", "2026-W03", "2026-W04", "2026-W05", "2026-W06", "2026-W07", "2026-W08",
            "2026-W09"};
        double[] nps = {32, 30, 32.8, 24, 20.8, 17.6, 14.4, 14};
        assertThat(periods.keySet()).containsExactly(weeks);
        for (int i = 0; i < 8; i++) {
            assertThat(num(periods, weeks[i], "n")).isEqualTo(250);
            assertThat(num(periods, weeks[i], "nps")).isCloseTo(nps[i], within(1e-12));
            assertThat(periods.get(weeks[i]).get("band")).isEqualTo("positive");
        }
        // §3.2: wave 7→8 diff −0.004 (−0.4 points), p = 0.957667553490582; no week-to-week change is significant
        assertThat(num(periods, "2026-W09", "change")).isCloseTo(-0.4, within(1e-12));
        assertThat(num(periods, "2026-W09", "change_p")).isCloseTo(0.957667553490582, within(1e-12));
        for (int i = 1; i < 8; i++) {
            assertThat(num(periods, weeks[i], "change_p")).as(weeks[i]).isGreaterThan(0.05);
        }
        // §3.2 WLS: slope −0.0301679434564027 per wave, SE 0.00797628699453851, z −3.78220385964787,
        // p 0.000155445972860727 — in points ×100
        Map<String, Map<String, String>> trend = r.csvTable(1);
        Map<String, String> wls = trend.get("weighted least squares");
        assertThat(Double.parseDouble(wls.get("slope"))).isCloseTo(-3.01679434564027, within(1e-11));
        assertThat(Double.parseDouble(wls.get("se"))).isCloseTo(0.797628699453851, within(1e-12));
        assertThat(Double.parseDouble(wls.get("z"))).isCloseTo(-3.78220385964787, within(1e-11));
        assertThat(Double.parseDouble(wls.get("p_value"))).isCloseTo(0.000155445972860727, within(1e-14));
        // §3.2 EWMA, λ = 0.2, L = 3, μ₀ = pooled NPS of waves 1–4 (the default baseline: half of 8)
        double[] z = {0.3016, 0.30128, 0.306624, 0.2932992, 0.27623936, 0.256191488, 0.2337531904, 0.21500255232};
        double[] lcl = {0.266765929152693, 0.258281497632269, 0.253715621843626, 0.251030847613582,
            0.249391982381951, 0.248372086425869, 0.247730431437988, 0.247324121676376};
        double[] ucl = {0.327234070847307, 0.335718502367731, 0.340284378156374, 0.342969152386418,
            0.344608017618049, 0.345627913574131, 0.346269568562012, 0.346675878323625};
        Map<String, Map<String, String>> chart = r.csvTable(2);
        for (int i = 0; i < 8; i++) {
            assertThat(num(chart, weeks[i], "ewma")).as(weeks[i]).isCloseTo(100 * z[i], within(1e-10));
            assertThat(num(chart, weeks[i], "lower")).as(weeks[i]).isCloseTo(100 * lcl[i], within(1e-10));
            assertThat(num(chart, weeks[i], "upper")).as(weeks[i]).isCloseTo(100 * ucl[i], within(1e-10));
            assertThat(num(chart, weeks[i], "centre")).isCloseTo(29.7, within(1e-12));
            assertThat(chart.get(weeks[i]).get("status")).isEqualTo(i >= 6 ? "LOW" : "in");
        }
        assertThat(r.err()).contains("baseline the first 4 of 8 periods: target 29.7");
    }

    @Test
    void csatMonthsReproducePropTrendTestAndTheCharts() {
        Run r = cxm("trend", CSAT, "--date", "date", "--column", "satisfaction", "--metric", "csat", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> periods = r.csvTable(0);
        assertThat(periods.keySet()).containsExactly("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06");
        assertThat(num(periods, "2026-01", "csat")).isCloseTo(80, within(1e-12));
        // §3.2 month 5 vs 6 without continuity correction (R prop.test): p = 0.385025553067855
        assertThat(num(periods, "2026-06", "change_p")).isCloseTo(0.385025553067855, within(1e-12));
        // the five month-to-month changes adjusted as one family; R 4.2.2:
        // p <- sapply(2:6, function(i) prop.test(x[(i-1):i], n[(i-1):i], correct=FALSE)$p.value)
        // p.adjust(p, "holm") = 1 1 0.895793182049316 0.895793182049316 1
        assertThat(periods.get("2026-01").get("p_adj")).isEmpty();
        assertThat(num(periods, "2026-02", "p_adj")).isEqualTo(1.0);
        assertThat(num(periods, "2026-04", "p_adj")).isCloseTo(0.895793182049316, within(1e-12));
        assertThat(num(periods, "2026-05", "p_adj")).isCloseTo(0.895793182049316, within(1e-12));
        assertThat(num(periods, "2026-06", "p_adj")).isEqualTo(1.0);
        // p.adjust(p, "BH") = 0.807823682904933 0.770792797450719 0.488614189616309 0.488614189616309 0.641709255113092
        Map<String, Map<String, String>> bh = cxm("trend", CSAT, "--date", "date", "--column", "satisfaction",
                "--metric", "csat", "--adjust", "bh", "--format", "csv").csvTable(0);
        double[] expectedBh = {0.807823682904933, 0.770792797450719, 0.488614189616309, 0.488614189616309,
            0.641709255113092};
        for (int i = 0; i < 5; i++) {
            assertThat(num(bh, "2026-0" + (i + 2), "p_adj")).isCloseTo(expectedBh[i], within(1e-12));
        }
        Map<String, String> ca = r.csvTable(1).get("Cochran–Armitage");
        assertThat(Double.parseDouble(ca.get("chi_square"))).isCloseTo(15.1978105918528, within(1e-12));
        assertThat(Double.parseDouble(ca.get("z"))).isCloseTo(3.89843694214141, within(1e-12));
        assertThat(Double.parseDouble(ca.get("p_value"))).isCloseTo(9.68156044705314e-05, within(1e-16));
        Map<String, Map<String, String>> chart = r.csvTable(2);
        double[][] limits = {
            {0.762994190746239, 0.918280709652168, 0.761698835442775, 0.919576064955632},
            {0.764865387635093, 0.916409512763313, 0.763601250299949, 0.917673650098458},
            {0.760977146815131, 0.920297753583276, 0.759648140315518, 0.921626760082889},
            {0.766607507003712, 0.914667393394694, 0.765372434182079, 0.915902466216328},
            {0.765751641076989, 0.915523259321417, 0.764502289482477, 0.916772610915929},
            {0.766607507003712, 0.914667393394694, 0.765372434182079, 0.915902466216328}};
        for (int i = 0; i < 6; i++) {
            String m = "2026-0" + (i + 1);
            assertThat(num(chart, m, "centre")).isCloseTo(84.0637450199203, within(1e-11));
            assertThat(num(chart, m, "p_lower")).as(m).isCloseTo(100 * limits[i][0], within(1e-10));
            assertThat(num(chart, m, "p_upper")).as(m).isCloseTo(100 * limits[i][1], within(1e-10));
            assertThat(num(chart, m, "laney_lower")).as(m).isCloseTo(100 * limits[i][2], within(1e-10));
            assertThat(num(chart, m, "laney_upper")).as(m).isCloseTo(100 * limits[i][3], within(1e-10));
            assertThat(chart.get(m).get("p_chart")).isEqualTo("in");
            assertThat(chart.get(m).get("laney")).isEqualTo("in");
        }
    }

    @Test
    void cesQuarterlyMatchesNumpy() {
        // ces-quarterly.csv and these numbers: make_ces.py beside it (numpy: means, s/√n, WLS with
        // weights 1/SE², Welch t test, EWMA with σ_t = s₀/√n_t and Var(z_t) = (1 − λ)²Var(z_{t−1}) + λ²σ_t²,
        // s₀ the sample sd of the first two quarters pooled)
        Run r = cxm("trend", Cli.resource("/trend/ces-quarterly.csv"), "--date", "date", "--column", "ease",
                "--metric", "ces", "--period", "quarter", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> periods = r.csvTable(0);
        String[] q = {"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"};
        double[] mean = {4.225, 4.27272727272727, 4.70212765957447, 4.7};
        double[] se = {0.327162431232953, 0.174954627027159, 0.221246351024899, 0.211665443299103};
        for (int i = 0; i < 4; i++) {
            assertThat(num(periods, q[i], "ces")).isCloseTo(mean[i], within(1e-13));
            assertThat(num(periods, q[i], "se")).isCloseTo(se[i], within(1e-13));
        }
        assertThat(num(periods, "2025-Q4", "change_p")).isCloseTo(0.994469247194782, within(1e-12));
        Map<String, String> wls = r.csvTable(1).get("weighted least squares");
        assertThat(Double.parseDouble(wls.get("slope"))).isCloseTo(0.200784185418419, within(1e-13));
        assertThat(Double.parseDouble(wls.get("se"))).isCloseTo(0.110152989031005, within(1e-13));
        assertThat(Double.parseDouble(wls.get("p_value"))).isCloseTo(0.0683373781882681, within(1e-13));
        Map<String, Map<String, String>> chart = r.csvTable(2);
        double[][] ewma = {{4.24710526315789, 4.09548171217332, 4.40978144572141},
            {4.25222966507177, 4.06887555180278, 4.43638760609195}, {4.34220926397231, 4.0461652171184, 4.45909794077633},
            {4.41376741117785, 4.04347564851696, 4.46178750937777}};
        for (int i = 0; i < 4; i++) {
            assertThat(num(chart, q[i], "ewma")).isCloseTo(ewma[i][0], within(1e-13));
            assertThat(num(chart, q[i], "lower")).isCloseTo(ewma[i][1], within(1e-13));
            assertThat(num(chart, q[i], "upper")).isCloseTo(ewma[i][2], within(1e-13));
            assertThat(chart.get(q[i]).get("status")).isEqualTo("in");
        }
    }

    @Test
    void textOutputFitsOneHundredColumnsAndPeriodsGroupDates() {
        Run r = cxm("trend", NPS, "--date", "answered", "--period", "month", "--column", "recommend");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2026-01").contains("2026-02").contains("weighted least squares");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        Run q = cxm("trend", NPS, "--date", "answered", "--period", "year", "--column", "recommend");
        assertThat(q.code()).isZero();
        assertThat(q.out()).contains("2026").doesNotContain("weighted least squares");
        assertThat(q.err()).contains("one period only; no change, trend or control chart");
    }

    @Test
    void badDatesAreRejectedWithTheirLine() throws IOException {
        Path f = tmp.resolve("dates.csv");
        Files.writeString(f, "d,r\n2026-01-05,9\n2026-01-06T10:00,7\n05/01/2026,3\n,8\n2026-02-01,10\n");
        Run r = cxm("trend", f.toString(), "--date", "d", "--column", "r");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("cxm: " + f + ", line 4, column 'd': '05/01/2026' is not a date (yyyy-MM-dd"
                + " or an ISO date-time)\n");
        Run skip = cxm("trend", f.toString(), "--date", "d", "--column", "r", "--skip-invalid", "--format", "csv");
        assertThat(skip.code()).as(skip.err()).isZero();
        assertThat(skip.err()).contains("skipped 2 of 5 rows").contains("column 'd': not a date");
        assertThat(num(skip.csvTable(0), "2026-01", "n")).isEqualTo(2);
        Run pattern = cxm("trend", f.toString(), "--date", "d", "--column", "r", "--date-format", "dd/MM/yyyy");
        assertThat(pattern.code()).isEqualTo(1);
        assertThat(pattern.err()).contains("line 2, column 'd': '2026-01-05' is not a date dd/MM/yyyy");
    }

    @Test
    void badOptionsAreUsageErrors() {
        String[] base = {"trend", NPS, "--date", "answered", "--column", "recommend"};
        Run w = cxm(concat(base, "--weight", "w"));
        assertThat(w.code()).isEqualTo(2);
        assertThat(w.err()).startsWith("cxm: cxm trend does not take --weight: its trend tests and control charts"
                + " are for unweighted responses");
        assertThat(cxm(concat(base, "--lambda", "0")).err()).startsWith("cxm: --lambda must be in (0, 1], was 0.0");
        assertThat(cxm(concat(base, "--limits", "-1")).err()).startsWith("cxm: --limits must be > 0, was -1.0");
        Run b = cxm(concat(base, "--period", "week", "--baseline", "9"));
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).startsWith("cxm: --baseline 9 is more than the 8 periods in the data");
        assertThat(b.out()).isEmpty();
        assertThat(cxm(concat(base, "--period", "fortnight")).code()).isEqualTo(2);
        assertThat(cxm(concat(base, "--metric", "ces", "--scale", "0..10")).err())
                .startsWith("cxm: CES needs --scale 1..7 (CES 2.0) or 1..5 (CES 1.0), was 0..10");
        assertThat(cxm(concat(base, "--satisfied-from", "4")).err()).startsWith("cxm: --satisfied-from is for --metric csat");
        assertThat(cxm(concat(base, "--date-format", "yyyy-MM-ddd{")).code()).isEqualTo(2);
    }

    @Test
    void aBaselineWithoutVariationIsADataErrorWithNoPartialOutput() throws IOException {
        Path f = tmp.resolve("flat.csv");
        Files.writeString(f, "d,r\n2026-01-05,10\n2026-01-06,10\n2026-02-01,3\n2026-02-02,9\n");
        Run r = cxm("trend", f.toString(), "--date", "d", "--column", "r");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("the EWMA baseline (first 1 period) has no variation");
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
