package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.retention.KaplanMeier.Step;
import io.github.cxmetrics.retention.KaplanMeier.Transform;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link KaplanMeier}. Where every expected value comes from (none from this class's own output):
 * <ul>
 *   <li>{@code workedExample}: the example of the issue, computed by hand in the test's comments.</li>
 *   <li>{@code amlMaintainedAsPrintedByR}: the maintained group of the {@code aml} data of R's
 *       {@code survival} package (times 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+), whose
 *       {@code summary(survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Maintained"))}
 *       prints survival 0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184, std.err 0.0867, 0.1163,
 *       0.1397, 0.1526, 0.1642, 0.1627, 0.1535, the default (log) 95 % limits 0.7541–1, 0.6192–1,
 *       0.4884–1, 0.3769–0.999, 0.2549–0.946, 0.1549–0.875, 0.0359–0.944, and median 31 (R's
 *       published output for this classic example; R itself was not run here).</li>
 *   <li>{@code amlMaintainedToFullPrecision} and {@code amlPooledWithTiesToFullPrecision}: the
 *       independent Python computation in the comment below (exact rational arithmetic for the
 *       product-limit estimate and Greenwood's sum, R's formulas for the limits, {@code z} from
 *       {@code scipy.stats.norm.ppf}; python3 with scipy 1.17.1). Its 4-digit rounding agrees with
 *       every number R prints above. The equivalent R calls are
 *       {@code summary(survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Maintained",
 *       conf.type = "log-log"))} (and {@code "log"}, {@code "plain"}) and the same without
 *       {@code subset} for the pooled 23 subjects.</li>
 *   <li>{@code medianFollowsRsConvention}: R's {@code quantile.survfit} (survival 3.x), whose
 *       {@code findq} returns {@code (x[indx1] + x[indx2]) / 2} — the midpoint between the event
 *       time where the curve reaches the level within {@code sqrt(.Machine$double.eps)} and the next
 *       jump — and {@code (x[indx1] + xmax) / 2} for a flat at the end of the curve ({@code xmax}
 *       the last follow-up time); R's own {@code tests/quantile.R} checks this with the data used in
 *       the test (survival 6/7, 18/35, 9/35, median 9). Expected values are worked by hand.</li>
 *   <li>The property tests: definitions (the empirical distribution function, the sample median
 *       and mean, counts of the data), computed directly from the generated data.</li>
 * </ul>
 */
class KaplanMeierTest {

    /*
     * The Python oracle (python3, scipy 1.17.1). Prints, per event time, n, d, c, S (exact and as a
     * double), Greenwood's SE and the log-log, log and plain limits; and restricted means as exact
     * fractions.
     *
     *   from fractions import Fraction as F
     *   import math
     *   from scipy.stats import norm
     *
     *   def km(times, status):
     *       out, s, g = [], F(1), F(0)
     *       for t in sorted(set(times)):
     *           n = sum(1 for x in times if x >= t)
     *           d = sum(1 for x, e in zip(times, status) if x == t and e)
     *           c = sum(1 for x, e in zip(times, status) if x == t and not e)
     *           if d == 0:
     *               continue
     *           s *= F(n - d, n)
     *           g += F(d, n * (n - d)) if n != d else 0
     *           out.append((t, n, d, c, s, g))
     *       return out
     *
     *   def limits(s, g, level):
     *       z = norm.ppf(1 - (1 - level) / 2)
     *       s, sig = float(s), math.sqrt(float(g))
     *       ln = math.log(s)
     *       loglog = (math.exp(-math.exp(math.log(-ln) + z * sig / abs(ln))),
     *                 math.exp(-math.exp(math.log(-ln) - z * sig / abs(ln))))
     *       log = (s * math.exp(-z * sig), min(1.0, s * math.exp(z * sig)))
     *       plain = (max(0.0, s - z * s * sig), min(1.0, s + z * s * sig))
     *       return loglog, log, plain
     *
     *   def rmean(times, status, tau):
     *       area, prev, level = F(0), F(0), F(1)
     *       for (t, n, d, c, s, g) in km(times, status):
     *           if t >= tau:
     *               break
     *           area += level * (F(t) - prev)
     *           prev, level = F(t), s
     *       return area + level * (F(tau) - prev)
     *
     *   maint = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0]
     *   non = [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1]
     *   for (t, n, d, c, s, g) in km(*maint):                       # and km(maint[0] + non[0], maint[1] + non[1])
     *       print(t, n, d, c, s, float(s), float(s) * math.sqrt(float(g)), limits(s, g, 0.95))
     */

    /** aml, maintained group then nonmaintained group, in the row order of R's data set. */
    private static final double[] AML_MAINTAINED = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
    private static final boolean[] AML_MAINTAINED_EVENT =
            {true, true, false, true, true, false, true, true, false, true, false};
    private static final double[] AML_POOLED =
            {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
    private static final boolean[] AML_POOLED_EVENT = {true, true, false, true, true, false, true, true, false,
        true, false, true, true, true, true, true, false, true, true, true, true, true, true};

    private static final double FULL = 1e-10;

    @Test
    void workedExample() {
        // 10 E, 20 C, 20 E, 30 E, 40 C.
        // t = 10: 5 at risk, 1 event → S = 4/5 = 0.8.
        // t = 20: the event precedes the tied censoring, so 4 at risk, 1 event → S = 0.8 · 3/4 = 0.6.
        // t = 30: 2 at risk (30, 40), 1 event → S = 0.6 · 1/2 = 0.3; the censoring at 40 makes no step.
        // Greenwood sums: 1/(5·4) = 1/20; + 1/(4·3) = 2/15; + 1/(2·1) = 19/30.
        // Median: S(20) = 0.6 > 1/2, S(30) = 0.3 < 1/2 → 30.
        // Restricted mean to 40: 10·1 + 10·0.8 + 10·0.6 + 10·0.3 = 10 + 8 + 6 + 3 = 27.
        KaplanMeier km = KaplanMeier.fit(new double[] {10, 20, 20, 30, 40},
                new boolean[] {true, false, true, true, false});
        assertThat(km.count()).isEqualTo(5);
        assertThat(km.events()).isEqualTo(3);
        assertThat(km.survival(0)).isEqualTo(1.0);
        assertThat(km.survival(9.999)).isEqualTo(1.0);
        assertThat(km.survival(10)).isCloseTo(0.8, within(1e-15));
        assertThat(km.survival(19.999)).isCloseTo(0.8, within(1e-15));
        assertThat(km.survival(20)).isCloseTo(0.6, within(1e-15));
        assertThat(km.survival(30)).isCloseTo(0.3, within(1e-15));
        assertThat(km.survival(1e9)).isCloseTo(0.3, within(1e-15));
        assertThat(km.standardError(5)).isEqualTo(0.0);
        assertThat(km.standardError(10)).isCloseTo(0.8 * Math.sqrt(1.0 / 20), within(1e-15));
        assertThat(km.standardError(25)).isCloseTo(0.6 * Math.sqrt(2.0 / 15), within(1e-15));
        assertThat(km.standardError(35)).isCloseTo(0.3 * Math.sqrt(19.0 / 30), within(1e-15));
        assertThat(km.medianSurvival()).hasValue(30.0);
        assertThat(km.restrictedMean(40)).isCloseTo(27.0, within(1e-12));
        assertThat(km.restrictedMean(15)).isCloseTo(10 + 5 * 0.8, within(1e-12));
        assertThat(km.restrictedMean(0)).isEqualTo(0.0);

        List<Step> steps = km.steps();
        assertThat(steps).extracting(Step::time).containsExactly(10.0, 20.0, 30.0);
        assertThat(steps).extracting(Step::atRisk).containsExactly(5L, 4L, 2L);
        assertThat(steps).extracting(Step::events).containsExactly(1L, 1L, 1L);
        assertThat(steps).extracting(Step::censored).containsExactly(0L, 1L, 0L);
        assertThat(steps.get(2).survival()).isCloseTo(0.3, within(1e-15));
        assertThat(steps.get(2).standardError()).isCloseTo(0.3 * Math.sqrt(19.0 / 30), within(1e-15));
    }

    @Test
    void amlMaintainedAsPrintedByR() {
        KaplanMeier km = KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        double[] t = {9, 13, 18, 23, 31, 34, 48};
        double[] s = {0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184};
        double[] se = {0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535};
        double[] lower = {0.7541, 0.6192, 0.4884, 0.3769, 0.2549, 0.1549, 0.0359};
        double[] upper = {1, 1, 1, 0.999, 0.946, 0.875, 0.944};
        for (int i = 0; i < t.length; i++) {
            assertThat(km.survival(t[i])).as("S(%s)", t[i]).isCloseTo(s[i], within(5e-4));
            assertThat(km.standardError(t[i])).as("SE(%s)", t[i]).isCloseTo(se[i], within(5e-5));
            Interval ci = km.confidenceInterval(t[i], 0.95, Transform.LOG);
            assertThat(ci.lower()).as("lower(%s)", t[i]).isCloseTo(lower[i], within(5e-5));
            assertThat(ci.upper()).as("upper(%s)", t[i]).isCloseTo(upper[i], within(5e-4));
        }
        assertThat(km.medianSurvival()).hasValue(31.0);
        assertThat(km.count()).isEqualTo(11);
        assertThat(km.events()).isEqualTo(7);
    }

    @Test
    void amlMaintainedToFullPrecision() {
        KaplanMeier km = KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        double[] t = {9, 13, 18, 23, 31, 34, 48};
        long[] n = {11, 10, 8, 7, 5, 4, 2};
        long[] censored = {0, 1, 0, 0, 0, 0, 0};
        double[] s = {10.0 / 11, 9.0 / 11, 63.0 / 88, 27.0 / 44, 27.0 / 55, 81.0 / 220, 81.0 / 440};
        double[] se = {0.08667841720414475, 0.11629129983033298, 0.13966497055722782, 0.15263233102731202,
            0.1641932672211358, 0.1626688858270948, 0.15349274578629368};
        double[][] logLog = {{0.5080802057699296, 0.9866738226678231}, {0.44742861468218104, 0.9511622285824918},
            {0.3501903859079382, 0.8990239741910536}, {0.265752040001286, 0.8352992432502216},
            {0.16733090977685078, 0.7533997903708114}, {0.09282957493698518, 0.6570408323981638},
            {0.01173848012318958, 0.5250148427266416}};
        double[][] log = {{0.7541338450815254, 1.0}, {0.6192489873993635, 1.0}, {0.4884262874221285, 1.0},
            {0.37686705950167976, 0.999157600228473}, {0.25485995119931726, 0.9455849552004295},
            {0.15487711789719108, 0.8752606781439078}, {0.035917898489185224, 0.9435257694745524}};
        double[][] plain = {{0.7392043331338484, 1.0}, {0.5902550587990167, 1.0},
            {0.4421707787150774, 0.9896474031031045}, {0.3144824919464366, 0.9127902353262907},
            {0.16909620065170372, 0.8127219811664781}, {0.049356660555454346, 0.687006975808182},
            {0.0, 0.4849311627202068}};
        List<Step> steps = km.steps();
        assertThat(steps).hasSize(t.length);
        for (int i = 0; i < t.length; i++) {
            Step step = steps.get(i);
            assertThat(step.time()).isEqualTo(t[i]);
            assertThat(step.atRisk()).isEqualTo(n[i]);
            assertThat(step.events()).isEqualTo(1);
            assertThat(step.censored()).isEqualTo(censored[i]);
            assertThat(step.survival()).isCloseTo(s[i], within(1e-15));
            assertThat(step.standardError()).isCloseTo(se[i], within(FULL));
            // the curve is constant on [t_i, t_{i+1}): check the step time and a point inside
            for (double at : new double[] {t[i], t[i] + 0.5}) {
                assertThat(km.survival(at)).isCloseTo(s[i], within(1e-15));
                assertThat(km.standardError(at)).isCloseTo(se[i], within(FULL));
                assertInterval(km.confidenceInterval(at, 0.95), logLog[i]);
                assertInterval(km.confidenceInterval(at, 0.95, Transform.LOG_LOG), logLog[i]);
                assertInterval(km.confidenceInterval(at, 0.95, Transform.LOG), log[i]);
                assertInterval(km.confidenceInterval(at, 0.95, Transform.PLAIN), plain[i]);
            }
        }
        // level 0.90 (same oracle, level = 0.9) at t = 31
        assertInterval(km.confidenceInterval(31, 0.90), new double[] {0.21403030291315758, 0.7200967915687269});
        assertInterval(km.confidenceInterval(31, 0.90, Transform.PLAIN),
                new double[] {0.22083519979939342, 0.7609829820187883});
        // restricted means, exact fractions from the oracle
        assertThat(km.restrictedMean(161)).isCloseTo(5791.0 / 110, within(1e-11));
        assertThat(km.restrictedMean(100)).isCloseTo(18223.0 / 440, within(1e-11));
        // past the last follow-up the curve stays flat at S(48) = 81/440
        assertThat(km.restrictedMean(200)).isCloseTo(5791.0 / 110 + 39 * 81.0 / 440, within(1e-11));
    }

    @Test
    void amlPooledWithTiesToFullPrecision() {
        // 23 subjects: tied events at 5, 8 and 23; an event tied with a censoring at 13 and at 45.
        KaplanMeier km = KaplanMeier.fit(AML_POOLED, AML_POOLED_EVENT);
        double[] t = {5, 8, 9, 12, 13, 18, 23, 27, 30, 31, 33, 34, 43, 45, 48};
        long[] n = {23, 21, 19, 18, 17, 14, 13, 11, 9, 8, 7, 6, 5, 4, 2};
        long[] d = {2, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1};
        long[] c = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0};
        double[] s = {21.0 / 23, 19.0 / 23, 18.0 / 23, 17.0 / 23, 16.0 / 23, 104.0 / 161, 88.0 / 161, 80.0 / 161,
            640.0 / 1449, 80.0 / 207, 160.0 / 483, 400.0 / 1449, 320.0 / 1449, 80.0 / 483, 40.0 / 483};
        double[] se = {0.05875338475584141, 0.0790341964475118, 0.08600614870379832, 0.09156053715170007,
            0.09594387554215139, 0.10114267517528461, 0.10725064174012229, 0.10840178078868302,
            0.10951806997765716, 0.10885880149486436, 0.10639097288755056, 0.10198337609049186,
            0.09536743848643442, 0.08603520840857512, 0.0726618005035283};
        double[][] logLog = {{0.6949475375320586, 0.9775156699007135}, {0.6006104112371988, 0.9309035583871155},
            {0.5542115066687284, 0.903207489881887}, {0.5092094387542186, 0.8733757816976765},
            {0.4656417497620039, 0.8417212913917631}, {0.413952950717117, 0.8053077644820785},
            {0.31925041397118675, 0.7264491738206336}, {0.27556562801213713, 0.684213788447816},
            {0.22738116846254247, 0.637092687459888}, {0.1828366186486279, 0.5874769144179404},
            {0.14182569348173832, 0.5352737899890686}, {0.104441343233593, 0.4802846604165616},
            {0.07099664898286148, 0.42216744338092466}, {0.04211428126157684, 0.36036136027318344},
            {0.006955966798536445, 0.28676036798091814}};
        double[][] plain = {{0.7978889601695958, 1.0}, {0.6711827779375525, 0.9809911351059257},
            {0.614039741743733, 0.9511776495606149}, {0.559675079560135, 0.9185857900050823},
            {0.5076056333132334, 0.8836987145128535}, {0.4477267322756634, 0.8441987335628459},
            {0.3363764558022291, 0.756791246061125}, {0.2844308237320635, 0.7093579961437129},
            {0.22703244713224413, 0.6563353927573349}, {0.17311409962156168, 0.59983276028182},
            {0.12274046481881568, 0.5397854150983685}, {0.07616870580632615, 0.4759361941246607},
            {0.03392521524114425, 0.4077587047036453}, {0.0, 0.3342573798625009},
            {0.0, 0.22523024702839786}};
        double[][] log = {{0.8048547977829578, 1.0}, {0.6848394680718987, 0.996466605022982}};
        List<Step> steps = km.steps();
        assertThat(steps).hasSize(t.length);
        for (int i = 0; i < t.length; i++) {
            Step step = steps.get(i);
            assertThat(step.time()).isEqualTo(t[i]);
            assertThat(step.atRisk()).as("n at %s", t[i]).isEqualTo(n[i]);
            assertThat(step.events()).as("d at %s", t[i]).isEqualTo(d[i]);
            assertThat(step.censored()).as("censored at %s", t[i]).isEqualTo(c[i]);
            assertThat(km.survival(t[i])).isCloseTo(s[i], within(1e-15));
            assertThat(km.standardError(t[i])).isCloseTo(se[i], within(FULL));
            assertInterval(km.confidenceInterval(t[i], 0.95), logLog[i]);
            assertInterval(km.confidenceInterval(t[i], 0.95, Transform.PLAIN), plain[i]);
        }
        assertInterval(km.confidenceInterval(5, 0.95, Transform.LOG), log[0]);
        assertInterval(km.confidenceInterval(8, 0.95, Transform.LOG), log[1]);
        // S(23) = 88/161 > 1/2, S(27) = 80/161 < 1/2
        assertThat(km.medianSurvival()).hasValue(27.0);
        assertThat(km.count()).isEqualTo(23);
        assertThat(km.events()).isEqualTo(18);
        assertThat(km.restrictedMean(48)).isCloseTo(4348.0 / 161, within(1e-11));
        assertThat(km.restrictedMean(161)).isCloseTo(17564.0 / 483, within(1e-11));
        // between steps and before the first one
        assertThat(km.survival(40)).isCloseTo(400.0 / 1449, within(1e-15));
        assertInterval(km.confidenceInterval(40, 0.95), logLog[11]);
        assertThat(km.survival(4.999)).isEqualTo(1.0);
        assertThat(km.confidenceInterval(4.999, 0.95)).isEqualTo(new Interval(1, 1, 0.95));
        assertThat(km.confidenceInterval(-3, 0.95, Transform.PLAIN)).isEqualTo(new Interval(1, 1, 0.95));
    }

    @Test
    void medianFollowsRsConvention() {
        // R's tests/quantile.R data without its NA row: 9 E, 1 E, 1 C, 6 E, 6 E, 8 C, 10 C.
        // S = 6/7 at 1, 18/35 at 6, 9/35 at 9; 18/35 > 1/2 > 9/35 → median 9 (as R's test expects).
        KaplanMeier r = KaplanMeier.fit(new double[] {9, 1, 1, 6, 6, 8, 10},
                new boolean[] {true, true, false, true, true, false, false});
        assertThat(r.survival(1)).isCloseTo(6.0 / 7, within(1e-15));
        assertThat(r.survival(6)).isCloseTo(18.0 / 35, within(1e-15));
        assertThat(r.survival(9)).isCloseTo(9.0 / 35, within(1e-15));
        assertThat(r.medianSurvival()).hasValue(9.0);

        // 1 E, 2 E, 3 E, 4 E: S = 3/4, 1/2, 1/4, 0; flat at 1/2 on [2, 3) → (2 + 3)/2 = 2.5,
        // the sample median of 1, 2, 3, 4.
        assertThat(median(new double[] {1, 2, 3, 4}, true, true, true, true)).hasValue(2.5);
        // 1 E, 2 E, 2.5 C, 3 E: S = 3/4, 1/2, then 0 at 3 — the censoring at 2.5 is no jump, so the
        // midpoint is with the next event time: (2 + 3)/2 = 2.5.
        assertThat(median(new double[] {1, 2, 2.5, 3}, true, true, false, true)).hasValue(2.5);
        // 1 E, 2 E, 3 E, 6 E, 7 C, 8 C: S = 5/6, 4/6, 3/6 at 3, then 2/6 at 6 → (3 + 6)/2 = 4.5.
        assertThat(median(new double[] {1, 2, 3, 6, 7, 8}, true, true, true, true, false, false)).hasValue(4.5);
        // 1 E, 2 E, 3 C, 4 C: S = 3/4, 1/2 from 2 to the end of follow-up at 4 → R's end-of-curve
        // rule (x[indx1] + xmax)/2 = (2 + 4)/2 = 3.
        assertThat(median(new double[] {1, 2, 3, 4}, true, true, false, false)).hasValue(3.0);
        // 1 E, 1 C: S(1) = 1/2 and follow-up ends at 1 → (1 + 1)/2 = 1.
        assertThat(median(new double[] {1, 1}, true, false)).hasValue(1.0);
        // 1 E, 2 C, 3 C: S = 2/3 and never lower → not reached.
        KaplanMeier never = KaplanMeier.fit(new double[] {1, 2, 3}, new boolean[] {true, false, false});
        assertThat(never.medianSurvival()).isEmpty();
        assertThat(never.toString()).isEqualTo("KaplanMeier[n=3, events=1, steps=1, median=not reached]");
        // no events at all: S = 1 everywhere, no steps
        KaplanMeier none = KaplanMeier.fit(new double[] {4, 5}, new boolean[] {false, false});
        assertThat(none.steps()).isEmpty();
        assertThat(none.medianSurvival()).isEmpty();
        assertThat(none.survival(100)).isEqualTo(1.0);
        assertThat(none.restrictedMean(7)).isEqualTo(7.0);
        assertThat(none.confidenceInterval(100, 0.95)).isEqualTo(new Interval(1, 1, 0.95));
    }

    @Test
    void medianMidpointOfHugeDurationsDoesNotOverflow() {
        // reliability row 21: (t1 + t2)/2 overflowed. 1 E, 1 C at 1.7e308: S = 1/2 flat to the last
        // follow-up time, midpoint of 1.7e308 and 1.7e308 = 1.7e308 (was Infinity)
        assertThat(median(new double[] {1.7e308, 1.7e308}, true, false)).hasValue(1.7e308);
        // 2 E at 1e308 and 1.7e308: S = 1/2 from 1e308 to 1.7e308; mpmath (mpf(1e308) + mpf(1.7e308))/2
        // = 1.34999999999999997490e308
        assertThat(median(new double[] {1e308, 1.7e308}, true, true).getAsDouble())
                .isCloseTo(1.34999999999999997490e308, within(1e293));
        assertThat(KaplanMeier.fit(new double[] {1.7e308, 1.7e308}, new boolean[] {true, false}).toString())
                .isEqualTo("KaplanMeier[n=2, events=1, steps=1, median=1.7E308]");
        // ordinary midpoints are the correctly rounded (a + b)/2 as before: (0.1 + 0.2)/2
        assertThat(median(new double[] {0.1, 0.2}, true, true)).hasValue((0.1 + 0.2) / 2);
    }

    @Test
    void restrictedMeanOfHugeDurationsIsFiniteAndAtMostTau() {
        // 1 E, 1 C at 1.7e308, τ = Double.MAX_VALUE: area = 1.7e308 + 0.5·(MAX − 1.7e308); mpmath
        // 1.74884656743115782349e308. Every piece is a width times a level <= 1, so the area is <= τ.
        KaplanMeier km = KaplanMeier.fit(new double[] {1.7e308, 1.7e308}, new boolean[] {true, false});
        assertThat(km.restrictedMean(Double.MAX_VALUE)).isCloseTo(1.74884656743115782349e308, within(1e293));
        KaplanMeier none = KaplanMeier.fit(new double[] {1.7e308}, new boolean[] {false});
        assertThat(none.restrictedMean(Double.MAX_VALUE)).isEqualTo(Double.MAX_VALUE);
        KaplanMeier early = KaplanMeier.fit(new double[] {1e-300, 1.7e308, 1.7e308}, new boolean[] {true, true, false});
        assertThat(early.restrictedMean(Double.MAX_VALUE)).isFinite().isLessThanOrEqualTo(Double.MAX_VALUE)
                // 1e-300 + (2/3)·(1.7e308 − 1e-300) + (1/3)·(MAX − 1.7e308), mpmath 1.16589771162077188e308
                .isCloseTo(1.16589771162077188e308, within(1e293));
    }

    @Test
    void curveReachingZeroHasPointIntervalsAndZeroError() {
        // 1 E, 2 E: S = 1/2 at 1, 0 at 2; Greenwood's sum is infinite at 2, the standard error is 0.
        KaplanMeier km = KaplanMeier.fit(new double[] {2, 1}, new boolean[] {true, true});
        assertThat(km.survival(2)).isEqualTo(0.0);
        assertThat(km.standardError(2)).isEqualTo(0.0);
        for (Transform transform : Transform.values()) {
            assertThat(km.confidenceInterval(3, 0.95, transform)).isEqualTo(new Interval(0, 0, 0.95));
        }
        assertThat(km.medianSurvival()).hasValue(1.5);
        assertThat(km.restrictedMean(5)).isCloseTo(1 + 0.5, within(1e-15));
        // durations of 0 and −0.0 are allowed and are the same time
        KaplanMeier zero = KaplanMeier.fit(new double[] {0.0, -0.0, 3}, new boolean[] {true, true, false});
        assertThat(zero.steps()).hasSize(1);
        assertThat(zero.steps().get(0).time()).isEqualTo(0.0);
        assertThat(zero.steps().get(0).events()).isEqualTo(2);
        assertThat(zero.survival(-0.0)).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(zero.survival(-1e-300)).isEqualTo(1.0);
    }

    @Test
    void valueSemantics() {
        KaplanMeier a = KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        double[] shuffled = {161, 48, 45, 34, 31, 28, 23, 18, 13, 13, 9};
        boolean[] shuffledEvent = {false, true, false, true, true, false, true, true, true, false, true};
        KaplanMeier b = KaplanMeier.fit(shuffled, shuffledEvent);
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(KaplanMeier.fit(AML_POOLED, AML_POOLED_EVENT)).isNotEqualTo(a);
        // a later end of follow-up changes only the end-of-curve median rule, but it is a different fit
        assertThat(KaplanMeier.fit(new double[] {1, 2, 3, 5}, new boolean[] {true, true, false, false}))
                .isNotEqualTo(KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}));
        assertThat(a.toString()).isEqualTo("KaplanMeier[n=11, events=7, steps=7, median=31.0]");
        // the fit keeps no reference to the caller's arrays
        double[] durations = {10, 20, 30};
        boolean[] observed = {true, true, true};
        KaplanMeier km = KaplanMeier.fit(durations, observed);
        durations[0] = 25;
        observed[1] = false;
        assertThat(km.survival(10)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(km.events()).isEqualTo(3);
    }

    @Test
    void withoutCensoringItIsOneMinusTheEmpiricalCdf() {
        // Integer durations 0..30 force ties. Expected values from the definitions: the empirical
        // CDF #{x ≤ t}/n, the sample median and, since ∫_0^max S = Σ x/n for x ≥ 0, the sample mean.
        QuickTheory.qt().withFixedSeed(1L).withExamples(200)
                .forAll(lists().of(integers().between(0, 30)).ofSizeBetween(1, 60))
                .checkAssert(list -> {
                    double[] x = list.stream().mapToDouble(Integer::doubleValue).toArray();
                    int n = x.length;
                    boolean[] all = new boolean[n];
                    Arrays.fill(all, true);
                    KaplanMeier km = KaplanMeier.fit(x, all);
                    double previous = 1.0;
                    for (double t = -1.0; t <= 31.0; t += 0.5) {
                        final double at = t;
                        long atOrBelow = Arrays.stream(x).filter(v -> v <= at).count();
                        double s = km.survival(t);
                        assertThat(s).as("S(%s) of %s", t, list).isCloseTo(1.0 - (double) atOrBelow / n, within(1e-12));
                        assertThat(s).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                        previous = s;
                    }
                    double[] sorted = x.clone();
                    Arrays.sort(sorted);
                    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
                    assertThat(km.medianSurvival()).as("median of %s", list).hasValue(median);
                    double mean = Arrays.stream(x).sum() / n;
                    assertThat(km.restrictedMean(sorted[n - 1])).isCloseTo(mean, within(1e-9));
                    assertThat(km.events()).isEqualTo(n);
                    assertThat(km.steps()).hasSize((int) Arrays.stream(x).distinct().count());
                });
    }

    @Test
    void withCensoringTheStepsCountTheDataAndTheCurveIsMonotone() {
        // Each generated v gives duration v / 2 and observed = v odd: many ties between events and
        // censorings. The counts at each step are checked against direct counts of the data.
        QuickTheory.qt().withFixedSeed(1L).withExamples(200)
                .forAll(lists().of(integers().between(0, 61)).ofSizeBetween(1, 60))
                .checkAssert(list -> {
                    int n = list.size();
                    double[] x = new double[n];
                    boolean[] event = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = list.get(i) / 2;
                        event[i] = list.get(i) % 2 == 1;
                    }
                    KaplanMeier km = KaplanMeier.fit(x, event);
                    long eventCount = 0;
                    for (boolean e : event) {
                        eventCount += e ? 1 : 0;
                    }
                    assertThat(km.count()).isEqualTo(n);
                    assertThat(km.events()).isEqualTo(eventCount);
                    double previousSurvival = 1.0;
                    double previousTime = Double.NEGATIVE_INFINITY;
                    long stepEvents = 0;
                    for (Step step : km.steps()) {
                        long atRisk = 0;
                        long d = 0;
                        long c = 0;
                        for (int i = 0; i < n; i++) {
                            atRisk += x[i] >= step.time() ? 1 : 0;
                            d += x[i] == step.time() && event[i] ? 1 : 0;
                            c += x[i] == step.time() && !event[i] ? 1 : 0;
                        }
                        assertThat(step.time()).isGreaterThan(previousTime);
                        assertThat(step.atRisk()).isEqualTo(atRisk);
                        assertThat(step.events()).isEqualTo(d).isPositive();
                        assertThat(step.censored()).isEqualTo(c);
                        assertThat(step.survival()).isCloseTo(previousSurvival * (atRisk - d) / atRisk, within(1e-15));
                        assertThat(step.survival()).isBetween(0.0, 1.0).isLessThan(previousSurvival);
                        previousSurvival = step.survival();
                        previousTime = step.time();
                        stepEvents += step.events();
                    }
                    assertThat(stepEvents).isEqualTo(eventCount);
                    double previous = 1.0;
                    double previousArea = 0.0;
                    for (double t = -1.0; t <= 32.0; t += 0.5) {
                        double s = km.survival(t);
                        assertThat(s).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                        assertThat(km.standardError(t)).isGreaterThanOrEqualTo(0.0).isFinite();
                        for (Transform transform : Transform.values()) {
                            Interval ci = km.confidenceInterval(t, 0.95, transform);
                            assertThat(ci.lower()).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(s);
                            assertThat(ci.upper()).isLessThanOrEqualTo(1.0).isGreaterThanOrEqualTo(s);
                        }
                        if (t >= 0) {
                            double area = km.restrictedMean(t);
                            assertThat(area).isBetween(previousArea, t);
                            previousArea = area;
                        }
                        previous = s;
                    }
                });
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> KaplanMeier.fit(null, new boolean[] {true}))
                .isInstanceOf(NullPointerException.class).hasMessage("durations");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1}, null))
                .isInstanceOf(NullPointerException.class).hasMessage("observed");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durations and observed must have the same length, were 2 and 1");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new boolean[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("durations must not be empty");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2, 3, -1}, new boolean[] {true, true, true, true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration -1.0 at index 3 must be finite and >= 0");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration NaN at index 0 must be finite and >= 0");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, Double.POSITIVE_INFINITY}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration Infinity at index 1 must be finite and >= 0");

        KaplanMeier km = KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        assertThatThrownBy(() -> km.confidenceInterval(10, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> km.confidenceInterval(10, 0.0, Transform.PLAIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("level must be in (0, 1), was 0.0");
        assertThatThrownBy(() -> km.confidenceInterval(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was NaN");
        assertThatThrownBy(() -> km.confidenceInterval(10, 0.95, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("transform");
        assertThatThrownBy(() -> km.survival(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must not be NaN");
        assertThatThrownBy(() -> km.standardError(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must not be NaN");
        assertThatThrownBy(() -> km.confidenceInterval(Double.NaN, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must not be NaN");
        assertThatThrownBy(() -> km.restrictedMean(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tau must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> km.restrictedMean(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tau must be finite and >= 0, was Infinity");

        List<Step> steps = km.steps();
        assertThatThrownBy(steps::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Step(1, 2, 3, 0, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events must be in 1..2, was 3");
        assertThatThrownBy(() -> new Step(1, 5, 2, 4, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("censored must be in 0..3, was 4");
        assertThatThrownBy(() -> new Step(-1, 5, 2, 0, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("time must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> new Step(1, 0, 1, 0, 0.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("atRisk must be >= 1, was 0");
        assertThatThrownBy(() -> new Step(1, 5, 2, 0, 1.5, 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("survival must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> new Step(1, 5, 2, 0, 0.5, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardError must be finite and >= 0, was NaN");
    }

    private static java.util.OptionalDouble median(double[] durations, boolean... observed) {
        return KaplanMeier.fit(durations, observed).medianSurvival();
    }

    private static void assertInterval(Interval actual, double[] expected) {
        assertThat(actual.lower()).as("lower").isCloseTo(expected[0], within(FULL));
        assertThat(actual.upper()).as("upper").isCloseTo(expected[1], within(FULL));
        assertThat(actual.level()).isIn(0.95, 0.90);
    }
}
