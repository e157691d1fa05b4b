package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code cxm erlang} and {@code cxm service}.
 *
 * <p>Erlang: mission-next.md §4.2's table (100 calls per 30 min, AHT 180 s, T = 20 s; the report's
 * {@code t4.py}) and the peer pyworkforce's staffing test (raw 14, positions 20 for target 0.8,
 * shrinkage 0.3, max occupancy 0.85, T = 0.33 min = 19.8 s: SL 0.887852692691157).
 *
 * <p>Service: the synthetic contact log {@code /service/contacts.csv} (20 contacts, 16 customers;
 * its first-response times are §4.1's twenty-value vector). Expected values computed independently
 * of this code with python3 (numpy, scipy 1.17.1) and R 4.x (survival 3.x):
 * <pre>
 *   rows = csv.DictReader(open('contacts.csv')); ab = abandoned == '1'; w = wait_s
 *   AHT: h = talk+hold+acw of the 17 answered; h.mean() = 355.294117647059,
 *        stats.t.interval(0.95, 16, loc=m, scale=h.std(ddof=1)/sqrt(17)) = (281.172788381616, 429.415446912501)
 *   ASA: waits of the answered: 18.2352941176471, (11.0474270956843, 25.4231611396099)
 *   AN 17, AB 3, ANw (<= 20 s) 11, ABw 2, ABs (< 5 s) 2:
 *        SL 0.65, 0.647058823529412, 0.55, 0.611111111111111, 0.65, 0.611111111111111;
 *        abandonment 0.15 and 1/18 = 0.0555555555555556
 *   FCR by hand: flag 17/20 (rows 4, 11, 17 are 0); repeat within 7 d 17/20 (c01, c03 and c08 come
 *        back within 7 days; c05 after 10); episodes 14/17; R prop.test(17, 20, correct=FALSE)$conf.int
 *        = 0.6395811 0.9476313, prop.test(14, 17, ...) = 0.5897054 0.9380887
 *   response: R quantile(rt, c(.5,.75,.9)) = 31.5 54 97.5 (type 7)
 *   resolution (hours, as of the latest timestamp 2026-11-18T12:00Z; 5 open):
 *        t &lt;- c(2,5,8,363.5,24,30,48,47,48,96,24,193.5,169,2,123,2,48,5,12,3)
 *        e &lt;- c(1,1,1,0,1,1,1,0,1,1,1,0,0,1,0,1,1,1,1,1)
 *        quantile(survfit(Surv(t,e)~1), c(.5,.75,.9), conf.int=FALSE) = 27 96 NA
 * </pre>
 */
class CxmServiceTest {

    private static final String CONTACTS = Cli.resource("/service/contacts.csv");

    private static double num(Map<String, Map<String, String>> t, String row, String col) {
        return Double.parseDouble(t.get(row).get(col));
    }

    @Test
    void erlangEvaluatesAStaffingAndMatchesTheReportsTable() {
        double[][] table = {
            {11, 0.682118204689332, 0.389613811729153, 122.78127684408, 0.909090909090909},
            {14, 0.17413193359505, 0.888350019179467, 7.83593701177724, 0.714285714285714},
            {16, 0.0573403309033713, 0.970560492503216, 1.72020992710114, 0.625},
        };
        for (double[] row : table) {
            Run r = cxm("erlang", "--calls", "100", "--interval", "30m", "--aht", "180", "--agents",
                    String.valueOf((int) row[0]), "--answer-within", "20s", "--format", "csv");
            assertThat(r.code()).as(r.err()).isZero();
            String n = String.valueOf((int) row[0]);
            Map<String, Map<String, String>> t = r.csv();
            assertThat(num(t, n, "p_wait")).isCloseTo(row[1], within(1e-12));
            assertThat(num(t, n, "service_level")).isCloseTo(row[2], within(1e-12));
            assertThat(num(t, n, "asa_s")).isCloseTo(row[3], within(1e-11));
            assertThat(num(t, n, "occupancy")).isCloseTo(row[4], within(1e-12));
            assertThat(num(t, n, "offered_load")).isEqualTo(10.0);
        }
    }

    @Test
    void erlangRunsTheIssuesExample() {
        // the report's t4.py erlang_b / erlang_c at A = 250·240/1800: N = 38 P(wait) 0.3334525592974718,
        // SL(20) 0.7739826614977432, ASA 17.148988763869987; the search (target 0.8, occupancy <= 0.85,
        // so N >= 39.2) gives N = 40, SL 0.8905638271740768, scheduled ⌈40/0.7⌉ = 58
        Run r = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--agents", "38",
                "--answer-within", "20s", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(num(r.csv(), "38", "p_wait")).isCloseTo(0.3334525592974718, within(1e-13));
        assertThat(num(r.csv(), "38", "service_level")).isCloseTo(0.7739826614977432, within(1e-13));
        assertThat(num(r.csv(), "38", "asa_s")).isCloseTo(17.148988763869987, within(1e-12));
        Run s = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--target-sl", "0.8",
                "--answer-within", "20s", "--shrinkage", "0.3", "--max-occupancy", "0.85", "--format", "json");
        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.out()).contains("\"agents\":40").contains("\"scheduled\":58")
                .contains("\"service_level\":0.89056382717407");
    }

    @Test
    void erlangSearchesTheStaffingAsPyworkforce() {
        Run r = cxm("erlang", "--calls", "100", "--interval", "30m", "--aht", "3m", "--target-sl", "0.8",
                "--answer-within", "0.33m", "--shrinkage", "0.3", "--max-occupancy", "0.85", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> t = r.csv();
        assertThat(num(t, "14", "scheduled")).isEqualTo(20);
        assertThat(num(t, "14", "service_level")).isCloseTo(0.887852692691157, within(1e-12));
        Run capped = cxm("erlang", "--calls", "100", "--interval", "0.5h", "--aht", "180s", "--target-sl", "0.8",
                "--answer-within", "19.8", "--max-occupancy", "0.7", "--format", "csv");
        assertThat(capped.csv()).containsOnlyKeys("15");
    }

    @Test
    void erlangTextNamesTheModelAndTheGoal() {
        Run r = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--target-sl", "0.8",
                "--answer-within", "20s", "--shrinkage", "0.3", "--max-occupancy", "0.85");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Erlang C: 250 calls per 30m, AHT 4m, offered load 33.3333 Erlangs;"
                + " SL = answered within 20s\n"
                + "Staffing for target service level 0.8 within 20s, max occupancy 0.85, shrinkage 0.3\n\n"
                + "agents  scheduled  p_wait  service_level  asa_s  occupancy  offered_load  answer_within_s\n");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
    }

    @Test
    void erlangRejectsBadUsage() {
        Run few = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--agents", "33");
        assertThat(few.code()).isEqualTo(2);
        assertThat(few.err()).startsWith("cxm: --agents must exceed the offered load 33.333333 Erlangs, was 33");
        Run both = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--agents", "40",
                "--target-sl", "0.8");
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        Run neither = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s");
        assertThat(neither.code()).isEqualTo(2);
        Run bad = cxm("erlang", "--calls", "250", "--interval", "30 minutes", "--aht", "240s", "--agents", "40");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("cxm: --interval must be a duration such as 20s, 30m, 1.5h or 7d (plain"
                + " numbers are seconds), was '30 minutes'");
        Run occ = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--agents", "40",
                "--max-occupancy", "0.8");
        assertThat(occ.code()).isEqualTo(2);
        assertThat(occ.err()).startsWith("cxm: --max-occupancy needs --target-sl");
        Run sl = cxm("erlang", "--calls", "250", "--interval", "30m", "--aht", "240s", "--target-sl", "80");
        assertThat(sl.err()).startsWith("cxm: --target-sl must be in (0, 1), was 80.0");
        Run zero = cxm("erlang", "--calls", "250", "--interval", "0m", "--aht", "240s", "--agents", "40");
        assertThat(zero.err()).startsWith("cxm: --interval must be > 0, was '0m'");
    }

    private static Run service(String... extra) {
        String[] base = {"service", CONTACTS, "--customer", "customer", "--time", "started", "--resolved-flag", "fcr",
            "--wait", "wait_s", "--abandoned", "abandoned", "--talk", "talk_s", "--hold", "hold_s", "--acw", "acw_s",
            "--response", "first_response_s", "--resolved-at", "resolved", "--short-abandon", "5s"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return cxm(args);
    }

    @Test
    void serviceComputesEveryKpiOfTheContactLog() {
        Run r = service("--format", "csv", "--percentiles", "0.5,0.75,0.9");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> k = r.csvTable(0);
        assertThat(num(k, "fcr_flag", "value")).isEqualTo(0.85);
        assertThat(num(k, "fcr_flag", "ci95_lower")).isCloseTo(0.6395811, within(1e-7));
        assertThat(num(k, "fcr_flag", "ci95_upper")).isCloseTo(0.9476313, within(1e-7));
        assertThat(num(k, "fcr_repeat_contact", "value")).isEqualTo(0.85);
        assertThat(num(k, "fcr_issue_episode", "value")).isCloseTo(14.0 / 17, within(1e-15));
        assertThat(num(k, "fcr_issue_episode", "n")).isEqualTo(17);
        assertThat(num(k, "fcr_issue_episode", "ci95_lower")).isCloseTo(0.5897054, within(1e-7));
        assertThat(num(k, "aht_s", "value")).isCloseTo(355.294117647059, within(1e-11));
        assertThat(num(k, "aht_s", "ci95_lower")).isCloseTo(281.172788381616, within(1e-9));
        assertThat(num(k, "aht_s", "ci95_upper")).isCloseTo(429.415446912501, within(1e-9));
        assertThat(num(k, "asa_s", "value")).isCloseTo(18.2352941176471, within(1e-12));
        assertThat(num(k, "asa_s", "ci95_lower")).isCloseTo(11.0474270956843, within(1e-9));
        assertThat(num(k, "abandonment", "value")).isEqualTo(0.15);
        assertThat(num(k, "abandonment_excl_short", "value")).isCloseTo(1.0 / 18, within(1e-15));
        double[] sl = {0.65, 0.647058823529412, 0.55, 0.611111111111111, 0.65, 0.611111111111111};
        String[] keys = {"sl_icmi1", "sl_icmi2", "sl_icmi3", "sl_icmi4", "sl_icmi5", "sl_excl_short"};
        for (int i = 0; i < keys.length; i++) {
            assertThat(num(k, keys[i], "value")).as(keys[i]).isCloseTo(sl[i], within(1e-14));
        }
        assertThat(k.get("sl_icmi4").get("definition")).isEqualTo("ICMI 4 ANw/(AN+ABa) T=20s");
        Map<String, Map<String, String>> t = r.csvTable(1);
        assertThat(num(t, "response_s", "p50")).isEqualTo(31.5);
        assertThat(num(t, "response_s", "p75")).isEqualTo(54.0);
        assertThat(num(t, "response_s", "p90")).isCloseTo(97.5, within(1e-12));
        assertThat(t.get("response_s").get("method")).isEqualTo("exact R type 7");
        assertThat(num(t, "resolution_h", "p50")).isEqualTo(27.0);
        assertThat(num(t, "resolution_h", "p75")).isEqualTo(96.0);
        assertThat(t.get("resolution_h").get("p90")).isEmpty(); // not reached: R's NA
        assertThat(num(t, "resolution_h", "open")).isEqualTo(5);
    }

    @Test
    void serviceTextNamesDefinitionsAndNotesOpenTickets() {
        Run r = service("--quantile-type", "1", "--percentiles", "0.5,0.9,0.95");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Customer service, 20 contacts (17 answered, 3 abandoned), as of"
                + " 2026-11-18T12:00:00Z\n")
                .contains("ICMI 1 (ANw+ABw)/(AN+AB) T=20s").contains("exact R type 1")
                .contains("resolution: 5 tickets were open at the as-of time, censored there (Kaplan–Meier)")
                .contains("FCR: 8 contacts are within 7d of the as-of time: repeat window not over");
        // type 1 of §4.1's vector: 30, 95, 120
        assertThat(r.out()).containsPattern("response_s +exact R type 1 +20 +— +30 +95 +120");
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(100));
    }

    @Test
    void completeWindowsLeavesOutContactsNearTheEnd() {
        // as of 2026-11-18T12:00Z, windows of 7 d must end by then: contacts started by 11-11T12:00, rows
        // 1-13 without row 8 (11-16): 12 contacts, unresolved rows 1, 4, 11 -> 9/12
        Run r = service("--complete-windows", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Map<String, String>> k = r.csvTable(0);
        assertThat(num(k, "fcr_repeat_contact", "n")).isEqualTo(12);
        assertThat(num(k, "fcr_repeat_contact", "value")).isEqualTo(0.75);
    }

    @Test
    void serviceRejectsBadInput() {
        Run none = cxm("service", CONTACTS);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).startsWith("cxm: name the columns of at least one KPI");
        Run half = cxm("service", CONTACTS, "--wait", "wait_s");
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).startsWith("cxm: --wait and --abandoned go together");
        Run type = cxm("service", CONTACTS, "--response", "first_response_s", "--quantile-type", "5");
        assertThat(type.err()).startsWith("cxm: --quantile-type must be 1, 2, 6, 7 or 8, was 5");
        Run badCol = cxm("service", CONTACTS, "--response", "customer");
        assertThat(badCol.code()).isEqualTo(1);
        assertThat(badCol.err()).contains("line 2, column 'customer': 'c01' is not a number of seconds");
        Run badTime = cxm("service", CONTACTS, "--customer", "customer", "--time", "fcr");
        assertThat(badTime.code()).isEqualTo(1);
        assertThat(badTime.err()).contains("column 'fcr': '1' is not a timestamp");
        Run resolvedOnly = cxm("service", CONTACTS, "--resolved-at", "resolved");
        assertThat(resolvedOnly.err()).startsWith("cxm: --resolved-at needs --time");
        Run p = cxm("service", CONTACTS, "--response", "first_response_s", "--percentiles", "0.5,90");
        assertThat(p.err()).startsWith("cxm: --percentiles must be in (0, 1), was 90.0");
    }
}
