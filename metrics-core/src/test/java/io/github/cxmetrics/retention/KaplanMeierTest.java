package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.cxmetrics.stats.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * {@link KaplanMeier}. Expected values: the worked example of issue #5, checked by hand below; the
 * maintained group of the {@code aml} data of R's survival package (times 9, 13, 13+, 18, 23, 28+,
 * 31, 34, 45+, 48, 161+), whose {@code summary(survfit(Surv(time, status) ~ 1, data = aml,
 * subset = x == "Maintained"))} prints survival 0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184, std.err
 * 0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535 and the (default, log) 95 % limits
 * 0.7541–1, 0.6192–1, 0.4884–1, 0.3769–0.999, 0.2549–0.946, 0.1549–0.875, 0.0359–0.944; and, to full
 * precision, an independent Python computation of the same formulas (product-limit,
 * Greenwood, {@code S**exp(±z·σ/|ln S|)} with {@code z = scipy.stats.norm.ppf(0.975)}).
 */
class KaplanMeierTest {

    private static final double[] AML = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
    private static final boolean[] AML_EVENT = {true, true, false, true, true, false, true, true, false, true, false};

    @Test
    void workedExample() {
        // 10 E, 20 C, 20 E, 30 E, 40 C: at 10, 1 of 5 → 0.8; at 20 the event precedes the censoring,
        // 1 of 4 → 0.6; at 30, 1 of 2 → 0.3. Area to 40: 10·1 + 10·0.8 + 10·0.6 + 10·0.3 = 27.
        KaplanMeier km = KaplanMeier.fit(new double[] {10, 20, 20, 30, 40}, new boolean[] {true, false, true, true, false});
        assertThat(km.survival(9.99)).isEqualTo(1.0);
        assertThat(km.survival(10)).isCloseTo(0.8, within(1e-15));
        assertThat(km.survival(25)).isCloseTo(0.6, within(1e-15));
        assertThat(km.survival(30)).isCloseTo(0.3, within(1e-15));
        assertThat(km.survival(1000)).isCloseTo(0.3, within(1e-15));
        assertThat(km.medianSurvival()).hasValue(30.0);
        assertThat(km.restrictedMean(40)).isCloseTo(27.0, within(1e-12));
        assertThat(km.steps()).hasSize(3);
        assertThat(km.steps().get(1)).isEqualTo(new KaplanMeier.Step(20, 4, 1, 1, km.survival(20), km.standardError(20)));
        assertThat(km.count()).isEqualTo(5);
        assertThat(km.events()).isEqualTo(3);
    }

    @Test
    void amlMaintainedGroupAsPrintedByR() {
        KaplanMeier km = KaplanMeier.fit(AML, AML_EVENT);
        double[] t = {9, 13, 18, 23, 31, 34, 48};
        double[] s = {0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184};
        double[] se = {0.0867, 0.1163, 0.1397, 0.1526, 0.1642, 0.1627, 0.1535};
        double[] lower = {0.7541, 0.6192, 0.4884, 0.3769, 0.2549, 0.1549, 0.0359};
        double[] upper = {1, 1, 1, 0.999, 0.946, 0.875, 0.944};
        for (int i = 0; i < t.length; i++) {
            assertThat(km.survival(t[i])).isCloseTo(s[i], within(5e-4));
            assertThat(km.standardError(t[i])).isCloseTo(se[i], within(5e-5));
            Interval ci = km.confidenceInterval(t[i], 0.95, KaplanMeier.Transform.LOG);
            assertThat(ci.lower()).isCloseTo(lower[i], within(5e-5));
            assertThat(ci.upper()).isCloseTo(upper[i], within(5e-4));
        }
        assertThat(km.medianSurvival()).hasValue(31.0);
    }

    @Test
    void intervalsMatchAnIndependentComputation() {
        KaplanMeier km = KaplanMeier.fit(AML, AML_EVENT);
        Interval ll = km.confidenceInterval(31, 0.95);
        assertThat(ll.lower()).isCloseTo(0.16733090977685078, within(1e-12));
        assertThat(ll.upper()).isCloseTo(0.7533997903708114, within(1e-12));
        Interval plain = km.confidenceInterval(34, 0.95, KaplanMeier.Transform.PLAIN);
        assertThat(plain.lower()).isCloseTo(0.049356660555454346, within(1e-12));
        assertThat(plain.upper()).isCloseTo(0.687006975808182, within(1e-12));
        assertThat(km.confidenceInterval(48, 0.95, KaplanMeier.Transform.PLAIN).lower()).isEqualTo(0.0);
        assertThat(km.standardError(31)).isCloseTo(0.16419326722113584, within(1e-12));
        assertThat(km.confidenceInterval(5, 0.95)).isEqualTo(new Interval(1, 1, 0.95));
    }

    @Test
    void medianOnAFlatHalfIsTheMidpointAndMayBeMissing() {
        // 1 E, 2 E, 3 E, 4 E: S = 0.75, 0.5, 0.25, 0 — exactly 1/2 on [2, 3) → median 2.5 (R: survfit)
        KaplanMeier km = KaplanMeier.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
        assertThat(km.medianSurvival()).hasValue(2.5);
        assertThat(km.survival(4)).isEqualTo(0.0);
        assertThat(km.confidenceInterval(4, 0.95)).isEqualTo(new Interval(0, 0, 0.95));
        KaplanMeier never = KaplanMeier.fit(new double[] {1, 2, 3}, new boolean[] {true, false, false});
        assertThat(never.medianSurvival()).isEmpty();
        assertThat(never.toString()).contains("not reached");
    }

    @Test
    void withoutCensoringItIsOneMinusTheEmpiricalCdf() {
        QuickTheory.qt().withFixedSeed(1L).withExamples(200)
                .forAll(lists().of(doubles().between(0, 100)).ofSizeBetween(1, 60)).checkAssert(list -> {
                    double[] d = list.stream().mapToDouble(Double::doubleValue).toArray();
                    boolean[] all = new boolean[d.length];
                    java.util.Arrays.fill(all, true);
                    KaplanMeier km = KaplanMeier.fit(d, all);
                    double previous = 1.0;
                    for (double t : d) {
                        long atOrBelow = list.stream().filter(x -> x <= t).count();
                        double s = km.survival(t);
                        assertThat(s).isCloseTo(1.0 - (double) atOrBelow / d.length, within(1e-12));
                    }
                    for (KaplanMeier.Step step : km.steps()) {
                        assertThat(step.survival()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                        previous = step.survival();
                    }
                });
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, -1}, new boolean[] {true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration -1.0 at index 1 must be finite and >= 0");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {Double.NaN}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration NaN at index 0 must be finite and >= 0");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("durations has 2 values but observed has 1");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[0], new boolean[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaplanMeier.fit(null, new boolean[0])).isInstanceOf(NullPointerException.class);
        KaplanMeier km = KaplanMeier.fit(AML, AML_EVENT);
        assertThatThrownBy(() -> km.confidenceInterval(10, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("level must be in (0, 1), was 1.0");
        assertThatThrownBy(() -> km.restrictedMean(-1)).isInstanceOf(IllegalArgumentException.class);
        List<KaplanMeier.Step> steps = km.steps();
        assertThatThrownBy(() -> steps.clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
