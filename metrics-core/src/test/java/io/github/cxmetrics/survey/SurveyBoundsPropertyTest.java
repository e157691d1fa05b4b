package io.github.cxmetrics.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.stats.IntervalMethod;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 for the survey package: on weighted samples with weights anywhere in the accepted range
 * (0 or [1e-150, 1e150]), every bounded accessor stays in its documented range and every interval is
 * finite and inside it; the only exception allowed is {@link IllegalStateException} for a quantity
 * that the sample does not define, with a message naming the metric — never a NaN, an infinity, or an
 * internal component's name such as "lower must be finite".
 */
class SurveyBoundsPropertyTest {

    private static void inRange(double value, double lo, double hi, String what) {
        assertThat(value).as(what).isBetween(lo, hi);
    }

    private static void interval(Interval ci, double lo, double hi, String what) {
        inRange(ci.lower(), lo, hi, what + " lower");
        inRange(ci.upper(), lo, hi, what + " upper");
    }

    /** The value, or null when the sample does not define it (ISE naming {@code metric}). */
    private static <T> T definedOrNamed(Supplier<T> call, String metric) {
        try {
            return call.get();
        } catch (IllegalStateException undefined) {
            assertThat(undefined).hasMessageContaining(metric);
            return null;
        }
    }

    @Test
    void npsAndCsatStayInRangeOnWeightedSamples() {
        RatingPropertyTest.qt().withExamples(1500)
                .forAll(longs().all(), integers().between(1, 120), integers().between(0, 4))
                .checkAssert((seed, n, kind) -> {
                    RatingDistribution d = RatingAccumulatorWeightsTest.build(Scale.ZERO_TO_TEN, seed, n, kind)
                            .snapshot();
                    inRange(d.effectiveSize(), 0, d.count(), "effectiveSize");
                    if (d.totalWeight() == 0.0) {
                        return;
                    }
                    inRange(d.mean(), 0, 10, "mean");
                    inRange(d.median(), 0, 10, "median");
                    for (int k = 1; k <= 11; k++) {
                        inRange(d.topBox(k), 0, 1, "topBox");
                        inRange(d.bottomBox(k), 0, 1, "bottomBox");
                        inRange(d.share(k - 1), 0, 1, "share");
                    }
                    if (d.effectiveSize() > 1.0) {
                        assertThat(d.variance()).isFinite().isGreaterThanOrEqualTo(0.0);
                    }
                    Nps nps = Nps.of(d);
                    inRange(nps.score(), -100, 100, "NPS");
                    inRange(nps.promoterShare(), 0, 1, "promoterShare");
                    inRange(nps.passiveShare(), 0, 1, "passiveShare");
                    inRange(nps.detractorShare(), 0, 1, "detractorShare");
                    assertThat(nps.standardError()).isFinite().isBetween(0.0, 100.0);
                    for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.ADJUSTED_WALD, IntervalMethod.WALD}) {
                        interval(nps.confidenceInterval(0.95, m), -100, 100, "NPS " + m);
                    }
                    for (int from : new int[] {1, 5, 9, 10}) {
                        Csat csat = Csat.of(d, from);
                        inRange(csat.score(), 0, 100, "CSAT");
                        inRange(csat.satisfiedShare(), 0, 1, "CSAT share");
                        assertThat(csat.standardError()).isFinite().isBetween(0.0, 50.0);
                        for (IntervalMethod m : new IntervalMethod[] {IntervalMethod.WILSON, IntervalMethod.WALD,
                            IntervalMethod.AGRESTI_COULL, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS}) {
                            interval(csat.confidenceInterval(0.95, m), 0, 100, "CSAT " + m);
                        }
                    }
                });
    }

    @Test
    void cesStaysInRangeOrSaysWhyOnWeightedSamples() {
        RatingPropertyTest.qt().withExamples(1500)
                .forAll(longs().all(), integers().between(1, 60), integers().between(0, 4))
                .checkAssert((seed, n, kind) -> {
                    RatingDistribution d = RatingAccumulatorWeightsTest.build(Scale.ONE_TO_SEVEN, seed, n, kind)
                            .snapshot();
                    if (d.totalWeight() == 0.0) {
                        return;
                    }
                    Ces ces = Ces.of(d);
                    inRange(ces.mean(), 1, 7, "CES mean");
                    inRange(ces.easyShare(), 0, 1, "easyShare");
                    inRange(ces.difficultShare(), 0, 1, "difficultShare");
                    inRange(ces.netEase(), -100, 100, "netEase");
                    interval(ces.easyShareInterval(0.95), 0, 1, "easyShareInterval");
                    interval(ces.difficultShareInterval(0.95), 0, 1, "difficultShareInterval");
                    Interval ci = definedOrNamed(() -> ces.confidenceInterval(0.95), "CES");
                    if (ci != null) {
                        assertThat(ci.lower()).isFinite().isLessThanOrEqualTo(ces.mean());
                        assertThat(ci.upper()).isFinite().isGreaterThanOrEqualTo(ces.mean());
                        assertThat(ces.asEstimate().confidenceInterval(0.95)).isEqualTo(ci);
                    }
                    Double se = definedOrNamed(ces::standardError, "CES");
                    if (se != null) {
                        assertThat(se).isFinite().isGreaterThanOrEqualTo(0.0);
                    }
                });
    }
}
