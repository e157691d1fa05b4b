package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link LogRankTest} against R 4.2.2 with survival 3.5-3: {@code src/test/resources/survival/survdiff.R}
 * writes the data sets (R's {@code aml}, {@code lung} without missing {@code ph.ecog}, {@code ovarian})
 * and prints {@code survdiff}'s {@code obs}, {@code exp}, {@code var} and {@code chisq}, quoted here
 * with the label of the script's output block. For strata R prints obs and exp per group and stratum;
 * the sums over strata are written out below.
 */
class LogRankTestTest {

    private static final double REL = 1e-12;

    /** Rows of a resource CSV (header skipped), each split on commas. */
    static List<String[]> rows(String name) throws IOException {
        try (InputStream in = LogRankTestTest.class.getResourceAsStream("/survival/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("\"")) {
                    out.add(line.trim().split(","));
                }
            }
            return out;
        }
    }

    /** Curves per key of the rows: time column, event column (1 = event), key function. */
    static Map<String, KaplanMeier> groups(List<String[]> rows, int time, int event, Function<String[], String> key) {
        Map<String, List<double[]>> byKey = new TreeMap<>();
        for (String[] r : rows) {
            byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>())
                    .add(new double[] {Double.parseDouble(r[time]), Double.parseDouble(r[event])});
        }
        Map<String, KaplanMeier> out = new LinkedHashMap<>();
        byKey.forEach((k, list) -> {
            double[] d = new double[list.size()];
            boolean[] o = new boolean[list.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = list.get(i)[0];
                o[i] = list.get(i)[1] == 1.0;
            }
            out.put(k, KaplanMeier.fit(d, o));
        });
        return out;
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL + 1e-13));
    }

    @Test
    void amlMatchesSurvdiffForLogRankAndPetoPeto() throws IOException {
        // aml.csv: x is "Maintained" / "Nonmaintained" (quoted in the file)
        Map<String, KaplanMeier> g = groups(rows("aml.csv"), 0, 1, r -> r[2].replace("\"", ""));
        assertThat(g.keySet()).containsExactly("Maintained", "Nonmaintained");
        LogRankTest t = LogRankTest.of(g);
        // == aml rho0
        close(t.observed("Maintained"), 7);
        close(t.observed("Nonmaintained"), 11);
        close(t.expected("Maintained"), 10.6893359923007250);
        close(t.expected("Nonmaintained"), 7.3106640076992759);
        close(t.variance()[0][0], 4.0075507459387349);
        close(t.variance()[0][1], -4.0075507459387341);
        close(t.statistic(), 3.3963886989776011);
        assertThat(t.degreesOfFreedom()).isEqualTo(1);
        close(t.pValue(), 0.065339322040505132);
        // == aml rho1
        LogRankTest p = LogRankTest.of(g, 1.0);
        close(p.observed("Maintained"), 3.8454106280193239);
        close(p.observed("Nonmaintained"), 7.1815044858523116);
        close(p.expected("Maintained"), 6.1428571428571423);
        close(p.expected("Nonmaintained"), 4.8840579710144922);
        close(p.variance()[1][1], 1.8991470284115883);
        close(p.statistic(), 2.7792795447517733);
        close(p.pValue(), 0.095491115406493104);
        assertThat(p.rho()).isEqualTo(1.0);
    }

    @Test
    void lungBySexAndByFourEcogGroupsMatchSurvdiff() throws IOException {
        List<String[]> lung = rows("lung.csv");
        LogRankTest sex = LogRankTest.of(groups(lung, 0, 1, r -> r[2]));
        // == lung sex rho0
        close(sex.observed("1"), 111);
        close(sex.expected("1"), 90.957902851907861);
        close(sex.expected("2"), 73.042097148092154);
        close(sex.statistic(), 10.008173805698842);
        close(sex.pValue(), 0.0015584698175100436);
        Map<String, KaplanMeier> ecog = groups(lung, 0, 1, r -> r[3]);
        assertThat(ecog.keySet()).containsExactly("0", "1", "2", "3");
        LogRankTest t = LogRankTest.of(ecog);
        // == lung ecog rho0
        double[] exp = {54.1526970189229289, 83.5275645750818825, 26.1473530653302113, 0.1723853406649615};
        double[] obs = {37, 82, 44, 1};
        for (int i = 0; i < 4; i++) {
            close(t.expected(String.valueOf(i)), exp[i]);
            close(t.observed(String.valueOf(i)), obs[i]);
        }
        double[] var = {35.827693706450183697, -27.346623617670804407, -8.433143870443835510, -0.047926218335515428,
            -27.346623617670804407, 40.724110213953530035, -13.288981742073001868, -0.088504854209692632,
            -8.433143870443835510, -13.288981742073000092, 21.756760171649986546, -0.034634559133157196,
            -0.047926218335515428, -0.088504854209692632, -0.034634559133157189, 0.171065631678365276};
        double[][] v = t.variance();
        for (int i = 0; i < 16; i++) {
            assertThat(v[i % 4][i / 4]).isCloseTo(var[i], within(1e-11));
        }
        close(t.statistic(), 21.962131682476006);
        assertThat(t.degreesOfFreedom()).isEqualTo(3);
        assertThat(t.pValue()).isCloseTo(6.6425353558001711e-05, within(6.6425353558001711e-05 * 1e-11));
        // == lung ecog rho0.5
        LogRankTest half = LogRankTest.of(ecog, 0.5);
        close(half.observed("1"), 60.78297251766662868);
        close(half.expected("2"), 20.47268733416007436);
        close(half.statistic(), 23.322896802239885);
        assertThat(half.pValue()).isCloseTo(3.4584166987167833e-05, within(3.4584166987167833e-05 * 1e-11));
    }

    @Test
    void stratifiedTestsMatchSurvdiffWithStrata() throws IOException {
        List<String[]> lung = rows("lung.csv");
        Map<String, Map<String, KaplanMeier>> strata = new LinkedHashMap<>();
        for (String ecog : new String[] {"0", "1", "2", "3"}) {
            List<String[]> in = lung.stream().filter(r -> r[3].equals(ecog)).toList();
            strata.put(ecog, groups(in, 0, 1, r -> r[2]));
        }
        // == lung sex strata ecog rho0: obs 28 9 | 54 28 | 28 16 | 1 0 (sex 1, sex 2 per stratum)
        LogRankTest t = LogRankTest.stratified(strata, 0.0);
        assertThat(t.strata()).isEqualTo(4);
        close(t.observed("1"), 28 + 54 + 28 + 1);
        close(t.observed("2"), 9 + 28 + 16);
        close(t.expected("1"), 23.356672173533624 + 41.979184357894162 + 24.305166132227068 + 1.0);
        close(t.expected("2"), 13.643327826466386 + 40.020815642105845 + 19.694833867772939);
        close(t.variance()[0][0], 38.396078600222367);
        close(t.statistic(), 10.795059633496416);
        close(t.pValue(), 0.0010177133447241489);
        // == lung sex strata ecog rho1
        LogRankTest p = LogRankTest.stratified(strata, 1.0);
        close(p.observed("1"), 17.7554625047473742 + 35.5107686216031553 + 16.4458585517047098 + 1.0);
        close(p.expected("2"), 9.4867658058819195 + 22.0593273956390945 + 11.3360518455903101);
        close(p.statistic(), 13.857772753375185);
        close(p.pValue(), 0.00019717946562927035);
        // == ovarian rx strata resid rho0
        List<String[]> ov = rows("ovarian.csv");
        Map<String, Map<String, KaplanMeier>> os = new LinkedHashMap<>();
        for (String resid : new String[] {"1", "2"}) {
            os.put(resid, groups(ov.stream().filter(r -> r[3].equals(resid)).toList(), 0, 1, r -> r[2]));
        }
        LogRankTest o = LogRankTest.stratified(os, 0.0);
        close(o.observed("1"), 1 + 6);
        close(o.expected("1"), 1.5259740259740260 + 3.5692224442224441);
        close(o.statistic(), 1.2796434512033588);
        close(o.pValue(), 0.25796534002794669);
        // one stratum is the unstratified test
        Map<String, KaplanMeier> sex = groups(lung, 0, 1, r -> r[2]);
        assertThat(LogRankTest.stratified(Map.of("all", sex), 0.0).statistic())
                .isEqualTo(LogRankTest.of(sex).statistic());
    }

    @Test
    void badInputAndUndefinedTests() {
        KaplanMeier a = KaplanMeier.fit(new double[] {1, 2, 3}, new boolean[] {true, false, true});
        assertThatThrownBy(() -> LogRankTest.of(Map.of("a", a))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a test between curves needs at least 2 groups, was 1 ([a])");
        Map<String, KaplanMeier> two = new LinkedHashMap<>();
        two.put("a", a);
        two.put("b", KaplanMeier.fit(new double[] {1, 5}, new boolean[] {false, true}));
        assertThatThrownBy(() -> LogRankTest.of(two, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rho must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> LogRankTest.of(two, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogRankTest.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LogRankTest.stratified(Map.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("strata must not be empty");
        assertThatThrownBy(() -> LogRankTest.of(two).observed("c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no group 'c'; the groups are: a, b");
        // no event anywhere: nothing is expected
        Map<String, KaplanMeier> none = new LinkedHashMap<>();
        none.put("x", KaplanMeier.fit(new double[] {1, 2}, new boolean[] {false, false}));
        none.put("y", KaplanMeier.fit(new double[] {3}, new boolean[] {false}));
        assertThatThrownBy(() -> LogRankTest.of(none)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the test is undefined: no group has subjects at risk at an event time");
        // the second group's subjects leave before the first event: only one group is at risk
        Map<String, KaplanMeier> apart = new LinkedHashMap<>();
        apart.put("early", KaplanMeier.fit(new double[] {1, 2}, new boolean[] {false, false}));
        apart.put("late", KaplanMeier.fit(new double[] {5, 6}, new boolean[] {true, true}));
        assertThatThrownBy(() -> LogRankTest.of(apart)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the test is undefined: only group 'late' has subjects at risk at an event time");
        // at risk together only when n = 1 per time: the variance is 0
        Map<String, KaplanMeier> single = new LinkedHashMap<>();
        single.put("p", KaplanMeier.fit(new double[] {1}, new boolean[] {true}));
        single.put("q", KaplanMeier.fit(new double[] {1}, new boolean[] {true}));
        assertThatThrownBy(() -> LogRankTest.of(single)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the test is undefined: the variance matrix of the groups p, q is singular");
    }
}
