package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.retention.KaplanMeier.MedianInterval;
import io.github.cxmetrics.retention.KaplanMeier.Transform;
import java.io.IOException;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The standard error of the restricted mean and the median's confidence interval against R 4.2.2 with
 * survival 3.5-3: {@code src/test/resources/survival/survdiff.R}, blocks "Kaplan–Meier" (R's
 * {@code summary(survfit(…), rmean = τ)$table}: {@code rmean}, {@code se(rmean)}, {@code median},
 * {@code LCL}, {@code UCL}), quoted by their labels.
 */
class KaplanMeierInferenceTest {

    private static KaplanMeier all(String file, int time, int event) throws IOException {
        return LogRankTestTest.groups(LogRankTestTest.rows(file), time, event, r -> "all").get("all");
    }

    private static KaplanMeier lungFemale() throws IOException {
        return LogRankTestTest.groups(LogRankTestTest.rows("lung.csv"), 0, 1, r -> r[2]).get("2");
    }

    private static void interval(MedianInterval m, double lower, double upper) {
        assertThat(m.lower()).isEqualTo(Double.isNaN(lower) ? OptionalDouble.empty() : OptionalDouble.of(lower));
        assertThat(m.upper()).isEqualTo(Double.isNaN(upper) ? OptionalDouble.empty() : OptionalDouble.of(upper));
    }

    @Test
    void restrictedMeanAndItsStandardErrorMatchPrintSurvfit() throws IOException {
        KaplanMeier aml = all("aml.csv", 0, 1);
        // == aml log tau=40: rmean 25.2394755003450655, se(rmean) 2.6984025410623973
        assertThat(aml.restrictedMean(40)).isCloseTo(25.2394755003450655, within(1e-12));
        assertThat(aml.restrictedMeanStandardError(40)).isCloseTo(2.6984025410623973, within(1e-12));
        // == aml log tau=161 (past the last event): 36.3643892339544479, 9.8541010566645593
        assertThat(aml.restrictedMean(161)).isCloseTo(36.3643892339544479, within(1e-12));
        assertThat(aml.restrictedMeanStandardError(161)).isCloseTo(9.8541010566645593, within(1e-12));
        // == lung log tau=500: 311.388773447906431, 11.246019763949029
        KaplanMeier lung = all("lung.csv", 0, 1);
        assertThat(lung.restrictedMean(500)).isCloseTo(311.388773447906431, within(1e-10));
        assertThat(lung.restrictedMeanStandardError(500)).isCloseTo(11.246019763949029, within(1e-11));
        // == lung female log 0.9 tau=1000: 458.816593034640960, 33.988477790969057
        assertThat(lungFemale().restrictedMeanStandardError(1000)).isCloseTo(33.988477790969057, within(1e-11));
        // == ovarian rx2 log tau=1000: 760.54700854700855, 81.94761337857517
        KaplanMeier ov = LogRankTestTest.groups(LogRankTestTest.rows("ovarian.csv"), 0, 1, r -> r[2]).get("2");
        assertThat(ov.restrictedMean(1000)).isCloseTo(760.54700854700855, within(1e-10));
        assertThat(ov.restrictedMeanStandardError(1000)).isCloseTo(81.94761337857517, within(1e-11));
        // == six log tau=3.5: 2.75, 0.38640077064565431
        KaplanMeier six = KaplanMeier.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {true, true, true, false, true, true});
        assertThat(six.restrictedMeanStandardError(3.5)).isCloseTo(0.38640077064565431, within(1e-14));
        assertThat(six.restrictedMeanEstimate(6).standardError()).isCloseTo(0.77280154129130862, within(1e-14));
        assertThat(six.restrictedMeanEstimate(6).value()).isEqualTo(3.75);
        // before the first event there is no uncertainty
        assertThat(six.restrictedMeanStandardError(0.5)).isZero();
        assertThat(six.restrictedMeanStandardError(0)).isZero();
    }

    @Test
    void medianConfidenceLimitsMatchPrintSurvfitOnEveryScale() throws IOException {
        KaplanMeier aml = all("aml.csv", 0, 1);
        // == aml log / log-log / plain tau=40: median 27, [18, 45] / [13, 34] / [18, 34]
        assertThat(aml.medianSurvival()).hasValue(27.0);
        interval(aml.medianConfidenceInterval(0.95, Transform.LOG), 18, 45);
        interval(aml.medianConfidenceInterval(0.95, Transform.LOG_LOG), 13, 34);
        interval(aml.medianConfidenceInterval(0.95), 13, 34);
        interval(aml.medianConfidenceInterval(0.95, Transform.PLAIN), 18, 34);
        KaplanMeier lung = all("lung.csv", 0, 1);
        // == lung log tau=500: 310 [285, 363]; == lung log-log: [284, 361]
        interval(lung.medianConfidenceInterval(0.95, Transform.LOG), 285, 363);
        interval(lung.medianConfidenceInterval(0.95, Transform.LOG_LOG), 284, 361);
        // == lung female log 0.9: 426 [350, 524]
        interval(lungFemale().medianConfidenceInterval(0.9, Transform.LOG), 350, 524);
        // == ovarian rx2 log: median NA, LCL 475, UCL NA (the band never falls to 1/2)
        KaplanMeier ov = LogRankTestTest.groups(LogRankTestTest.rows("ovarian.csv"), 0, 1, r -> r[2]).get("2");
        assertThat(ov.medianSurvival()).isEmpty();
        interval(ov.medianConfidenceInterval(0.95, Transform.LOG), 475, Double.NaN);
        // == six log-log / log: median 4 (S = 1/2 exactly over [3, 5)), LCL 1 / 2, UCL NA (S = 0 has no band)
        KaplanMeier six = KaplanMeier.fit(new double[] {1, 2, 3, 4, 5, 6},
                new boolean[] {true, true, true, false, true, true});
        assertThat(six.medianSurvival()).hasValue(4.0);
        interval(six.medianConfidenceInterval(0.95, Transform.LOG_LOG), 1, Double.NaN);
        interval(six.medianConfidenceInterval(0.95, Transform.LOG), 2, Double.NaN);
    }

    @Test
    void badInput() {
        KaplanMeier km = KaplanMeier.fit(new double[] {1, 2}, new boolean[] {true, false});
        assertThatThrownBy(() -> km.restrictedMeanStandardError(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tau must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> km.restrictedMeanStandardError(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> km.medianConfidenceInterval(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> km.medianConfidenceInterval(0.95, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("transform");
        assertThatThrownBy(() -> new MedianInterval(OptionalDouble.of(2), OptionalDouble.of(1), 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lower must be <= upper, was 2.0 and 1.0");
    }
}
