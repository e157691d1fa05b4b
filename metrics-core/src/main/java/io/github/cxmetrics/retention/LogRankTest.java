package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.math.ChiSquare;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The log-rank test, and the Fleming–Harrington G<sup>ρ</sup> family it belongs to, of the hypothesis
 * that two or more groups share one survival curve — optionally within strata — as R's
 * {@code survival::survdiff} computes it.
 *
 * <p>At each distinct event time {@code t} of a stratum, with {@code n} subjects at risk ({@code n_g}
 * of them in group {@code g}), {@code d} events ({@code d_g} in group {@code g}) and the weight
 * {@code w = Ŝ(t−)^ρ}, {@code Ŝ} the Kaplan–Meier curve of the stratum's pooled data just before
 * {@code t}:
 * <pre>{@code
 * O_g   = Σ_t w · d_g                                           (weighted) observed events
 * E_g   = Σ_t w · d · n_g / n                                   expected under the hypothesis
 * V_gh  = Σ_t w² · d (n − d)/(n − 1) · (n_g/n) · (δ_gh − n_h/n)   (terms with n = 1 are 0)
 * X²    = (O − E)ᵀ V⁻ (O − E)   on the groups with E_g > 0, one of them left out (V is singular)
 * df    = (number of groups with E_g > 0) − 1,   p = P(χ²(df) ≥ X²)
 * }</pre>
 * With strata, {@code O}, {@code E} and {@code V} are sums over the strata, each stratum with its
 * own risk sets and its own {@code Ŝ}. {@code ρ = 0} is the log-rank (Mantel–Cox) test (Mantel 1966,
 * "Evaluation of survival data and two new rank order statistics arising in its consideration",
 * <i>Cancer Chemotherapy Reports</i> 50:163–170; Peto &amp; Peto 1972, "Asymptotically efficient
 * rank invariant test procedures", <i>JRSS A</i> 135:185–207); {@code ρ = 1} is the Peto–Peto
 * modification of the Gehan–Wilcoxon test, which weighs early differences more (R's
 * {@code rho = 1}); the family is Harrington &amp; Fleming (1982), "A class of rank test procedures
 * for censored survival data", <i>Biometrika</i> 69:553–566. Ties are handled as in R: events at one
 * time are one risk set, and subjects censored at an event time are at risk for it. The formulas and
 * the choice of the dropped group are those of Therneau's {@code survdiff} (documentation of R package
 * {@code survival}); this class reproduces its {@code obs}, {@code exp}, {@code var} and
 * {@code chisq} to rounding.
 *
 * <p>The groups are {@link KaplanMeier} curves (which keep their data). The test is undefined — and
 * {@link IllegalStateException} is thrown — when fewer than two groups have subjects at risk at an
 * event time, or when the variance matrix of the groups tested is singular (e.g. two groups whose
 * subjects are never at risk together).
 *
 * <p>Instances are immutable.
 *
 * @since 0.2.0
 */
public final class LogRankTest {

    private final List<String> groups;
    private final double[] observed;
    private final double[] expected;
    private final double[][] variance;
    private final double statistic;
    private final int degreesOfFreedom;
    private final double rho;
    private final int strata;

    private LogRankTest(List<String> groups, double[] observed, double[] expected, double[][] variance,
            double statistic, int degreesOfFreedom, double rho, int strata) {
        this.groups = groups;
        this.observed = observed;
        this.expected = expected;
        this.variance = variance;
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
        this.rho = rho;
        this.strata = strata;
    }

    /**
     * The log-rank test ({@code ρ = 0}) between groups.
     *
     * @param groups group name → its curve, at least 2, in report order
     * @return the test
     * @throws NullPointerException if {@code groups}, a name or a curve is null
     * @throws IllegalArgumentException if there are fewer than 2 groups
     * @throws IllegalStateException if the test is undefined (see the class comment)
     */
    public static LogRankTest of(Map<String, KaplanMeier> groups) {
        return of(groups, 0.0);
    }

    /**
     * The Fleming–Harrington {@code G^ρ} test between groups.
     *
     * @param groups group name → its curve, at least 2, in report order
     * @param rho the exponent of the weight {@code Ŝ(t−)^ρ}, finite and {@code >= 0}: 0 is the
     *     log-rank test, 1 the Peto–Peto test
     * @return the test
     * @throws NullPointerException if {@code groups}, a name or a curve is null
     * @throws IllegalArgumentException if there are fewer than 2 groups or {@code rho} is negative or
     *     not finite
     * @throws IllegalStateException if the test is undefined (see the class comment)
     */
    public static LogRankTest of(Map<String, KaplanMeier> groups, double rho) {
        Objects.requireNonNull(groups, "groups");
        return stratified(Map.of("", groups), rho);
    }

    /**
     * The stratified {@code G^ρ} test: the groups compared within each stratum, the statistics summed
     * over the strata (R's {@code survdiff(Surv(t, e) ~ group + strata(s), rho = ρ)}).
     *
     * @param strata stratum name → (group name → the group's curve in that stratum); a group may be
     *     absent from a stratum; the groups are reported in the order they first appear
     * @param rho the exponent of the weight, finite and {@code >= 0}
     * @return the test
     * @throws NullPointerException if an argument, a name or a curve is null
     * @throws IllegalArgumentException if there are no strata, fewer than 2 groups in all, or
     *     {@code rho} is negative or not finite
     * @throws IllegalStateException if the test is undefined (see the class comment)
     */
    public static LogRankTest stratified(Map<String, ? extends Map<String, KaplanMeier>> strata, double rho) {
        Objects.requireNonNull(strata, "strata");
        if (!(rho >= 0.0 && rho < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rho must be finite and >= 0, was " + rho);
        }
        if (strata.isEmpty()) {
            throw new IllegalArgumentException("strata must not be empty");
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Map<String, KaplanMeier>> s : strata.entrySet()) {
            Objects.requireNonNull(s.getKey(), "stratum name");
            Map<String, KaplanMeier> groups = Objects.requireNonNull(s.getValue(), () -> "stratum '" + s.getKey() + "'");
            for (Map.Entry<String, KaplanMeier> g : groups.entrySet()) {
                Objects.requireNonNull(g.getKey(), "group name");
                Objects.requireNonNull(g.getValue(), () -> "group '" + g.getKey() + "'");
                index.putIfAbsent(g.getKey(), index.size());
            }
        }
        int k = index.size();
        if (k < 2) {
            throw new IllegalArgumentException("a test between curves needs at least 2 groups, was " + k
                    + (k == 0 ? "" : " (" + index.keySet() + ")"));
        }
        double[] o = new double[k];
        double[] e = new double[k];
        double[][] v = new double[k][k];
        for (Map<String, KaplanMeier> groups : strata.values()) {
            accumulate(groups, index, rho, o, e, v);
        }
        // the groups with expected events; survdiff leaves out the first of them
        List<Integer> used = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            if (e[g] > 0.0) {
                used.add(g);
            }
        }
        if (used.size() < 2) {
            throw new IllegalStateException("the test is undefined: " + (used.isEmpty() ? "no group has"
                    : "only group '" + name(index, used.get(0)) + "' has") + " subjects at risk at an event time");
        }
        int m = used.size() - 1;
        double[][] a = new double[m][m];
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            int gi = used.get(i + 1);
            b[i] = o[gi] - e[gi];
            for (int j = 0; j < m; j++) {
                a[i][j] = v[gi][used.get(j + 1)];
            }
        }
        double[] x = solve(a, b);
        if (x == null) {
            throw new IllegalStateException("the test is undefined: the variance matrix of the groups "
                    + groupNames(index, used) + " is singular");
        }
        double chi2 = 0.0;
        for (int i = 0; i < m; i++) {
            chi2 += x[i] * b[i];
        }
        List<String> names = Collections.unmodifiableList(new ArrayList<>(index.keySet()));
        return new LogRankTest(names, o, e, v, Math.max(0.0, chi2), m, rho, strata.size());
    }

    private static void accumulate(Map<String, KaplanMeier> groups, Map<String, Integer> index, double rho,
            double[] o, double[] e, double[][] v) {
        int k = groups.size();
        int[] slot = new int[k];
        double[][] times = new double[k][];
        long[][] events = new long[k][];
        long[][] censored = new long[k][];
        long[] atRisk = new long[k];
        int[] pos = new int[k];
        int i = 0;
        for (Map.Entry<String, KaplanMeier> g : groups.entrySet()) {
            KaplanMeier km = g.getValue();
            slot[i] = index.get(g.getKey());
            times[i] = km.distinctTimes();
            events[i] = km.eventsAt();
            censored[i] = km.censoredAt();
            atRisk[i] = km.count();
            i++;
        }
        double survival = 1.0; // the pooled Kaplan–Meier curve of the stratum, just before t
        long[] risk = new long[k];
        long[] deaths = new long[k];
        while (true) {
            double t = Double.POSITIVE_INFINITY;
            for (int g = 0; g < k; g++) {
                if (pos[g] < times[g].length) {
                    t = Math.min(t, times[g][pos[g]]);
                }
            }
            if (t == Double.POSITIVE_INFINITY) {
                break;
            }
            long n = 0;
            long d = 0;
            for (int g = 0; g < k; g++) {
                risk[g] = atRisk[g];
                deaths[g] = pos[g] < times[g].length && times[g][pos[g]] == t ? events[g][pos[g]] : 0;
                n += risk[g];
                d += deaths[g];
            }
            if (d > 0) {
                double w = rho == 0.0 ? 1.0 : Math.pow(survival, rho);
                double dn = (double) d / n;
                double spread = n > 1 ? w * w * d * (double) (n - d) / (n - 1) : 0.0;
                for (int g = 0; g < k; g++) {
                    int sg = slot[g];
                    double share = (double) risk[g] / n;
                    o[sg] += w * deaths[g];
                    e[sg] += w * dn * risk[g];
                    if (n > 1) {
                        for (int h = 0; h < k; h++) {
                            double other = (double) risk[h] / n;
                            v[sg][slot[h]] += spread * share * ((g == h ? 1.0 : 0.0) - other);
                        }
                    }
                }
                survival *= (double) (n - d) / n;
            }
            for (int g = 0; g < k; g++) {
                if (pos[g] < times[g].length && times[g][pos[g]] == t) {
                    atRisk[g] -= events[g][pos[g]] + censored[g][pos[g]];
                    pos[g]++;
                }
            }
        }
    }

    /** Solves {@code a·x = b} for a symmetric positive definite {@code a} (Cholesky); null if it is not. */
    private static double[] solve(double[][] a, double[] b) {
        int m = b.length;
        double[][] l = new double[m][m];
        double scale = 0.0;
        for (int i = 0; i < m; i++) {
            scale = Math.max(scale, Math.abs(a[i][i]));
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int q = 0; q < j; q++) {
                    sum -= l[i][q] * l[j][q];
                }
                if (i == j) {
                    if (!(sum > 1e-12 * scale)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = b[i];
            for (int q = 0; q < i; q++) {
                sum -= l[i][q] * y[q];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[m];
        for (int i = m - 1; i >= 0; i--) {
            double sum = y[i];
            for (int q = i + 1; q < m; q++) {
                sum -= l[q][i] * x[q];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    private static String name(Map<String, Integer> index, int slot) {
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            if (e.getValue() == slot) {
                return e.getKey();
            }
        }
        throw new AssertionError(slot);
    }

    private static String groupNames(Map<String, Integer> index, List<Integer> slots) {
        List<String> names = new ArrayList<>();
        for (int s : slots) {
            names.add(name(index, s));
        }
        return String.join(", ", names);
    }

    /**
     * The groups, in report order.
     *
     * @return an unmodifiable list
     */
    public List<String> groups() {
        return groups;
    }

    /**
     * The (weighted, for {@code ρ > 0}) observed events of a group, summed over the strata.
     *
     * @param group the group
     * @return {@code O_g}
     * @throws IllegalArgumentException if there is no such group
     */
    public double observed(String group) {
        return observed[slot(group)];
    }

    /**
     * The (weighted) expected events of a group under the hypothesis, summed over the strata.
     *
     * @param group the group
     * @return {@code E_g}
     * @throws IllegalArgumentException if there is no such group
     */
    public double expected(String group) {
        return expected[slot(group)];
    }

    /**
     * The variance matrix of {@code O − E}, rows and columns in the order of {@link #groups()}.
     *
     * @return a new matrix
     */
    public double[][] variance() {
        double[][] copy = new double[variance.length][];
        for (int i = 0; i < variance.length; i++) {
            copy[i] = variance[i].clone();
        }
        return copy;
    }

    /**
     * The χ² statistic {@code (O − E)ᵀ V⁻ (O − E)}.
     *
     * @return the statistic, {@code >= 0}
     */
    public double statistic() {
        return statistic;
    }

    /**
     * The degrees of freedom: the groups with expected events, minus one.
     *
     * @return {@code df >= 1}
     */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /**
     * The p-value {@code P(χ²(df) ≥ statistic)}.
     *
     * @return the p-value in {@code [0, 1]}
     */
    public double pValue() {
        return ChiSquare.survival(statistic, degreesOfFreedom);
    }

    /**
     * The weight exponent ρ (0: log-rank; 1: Peto–Peto).
     *
     * @return ρ
     */
    public double rho() {
        return rho;
    }

    /**
     * The number of strata (1 when unstratified).
     *
     * @return the strata
     */
    public int strata() {
        return strata;
    }

    private int slot(String group) {
        int i = groups.indexOf(group);
        if (i < 0) {
            throw new IllegalArgumentException("no group '" + group + "'; the groups are: " + String.join(", ", groups));
        }
        return i;
    }

    /**
     * A summary like R's {@code print(survdiff(…))}: per group N is not kept, so observed, expected
     * and the statistic, e.g. {@code log-rank χ² = 3.396, df = 1, p = 0.0653 (a: O 7, E 10.69; …)}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(rho == 0.0 ? "log-rank" : "G^" + rho)
                .append(String.format(java.util.Locale.ROOT, " χ² = %.4g, df = %d, p = %.4g (", statistic,
                        degreesOfFreedom, pValue()));
        for (int g = 0; g < groups.size(); g++) {
            sb.append(g == 0 ? "" : "; ").append(groups.get(g))
                    .append(String.format(java.util.Locale.ROOT, ": O %.4g, E %.4g", observed[g], expected[g]));
        }
        return sb.append(')').toString();
    }
}
