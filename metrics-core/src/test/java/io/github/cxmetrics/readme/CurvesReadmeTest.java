package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.LogRankTest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's survival-comparison example honest: {@code main} below must be the README's,
 * line for line, and print what the README shows. Expected values: R 4.2.2, survival 3.5-3, on its
 * {@code aml} data: {@code survdiff(Surv(time, status) ~ x, data = aml)} Chisq 3.3963886989776 on 1 df,
 * p 0.065339322040505; {@code summary(survfit(Surv(time, status) ~ x, data = aml), rmean = 100)$table}
 * for Maintained: median 31, 0.95LCL 18, 0.95UCL NA, rmean 41.41591, se(rmean) 10.828865.
 */
class CurvesReadmeTest {

    static class Curves {
        public static void main(String[] args) {
            // R's aml data: weeks to relapse, false = censored
            Map<String, KaplanMeier> arms = new LinkedHashMap<>();
            arms.put("maintained", KaplanMeier.fit(new double[] {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161},
                    new boolean[] {true, true, false, true, true, false, true, true, false, true, false}));
            arms.put("not maintained", KaplanMeier.fit(new double[] {5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45},
                    new boolean[] {true, true, true, true, true, false, true, true, true, true, true, true}));
            LogRankTest test = LogRankTest.of(arms);
            System.out.printf("log-rank chi2 %.3f, df %d, p %.4f%n", test.statistic(), test.degreesOfFreedom(),
                    test.pValue());
            KaplanMeier m = arms.get("maintained");
            KaplanMeier.MedianInterval ci = m.medianConfidenceInterval(0.95, KaplanMeier.Transform.LOG);
            System.out.printf("median %.0f weeks, 95%% CI from %.0f%s; mean to 100 weeks %.1f (SE %.1f)%n",
                    m.medianSurvival().getAsDouble(), ci.lower().getAsDouble(),
                    ci.upper().isPresent() ? " to " + ci.upper().getAsDouble() : ", no upper limit",
                    m.restrictedMean(100), m.restrictedMeanStandardError(100));
        }
    }

    private static final String[] OUTPUT = {
        "log-rank chi2 3.396, df 1, p 0.0653",
        "median 31 weeks, 95% CI from 18, no upper limit; mean to 100 weeks 41.4 (SE 10.8)",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> Curves.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        ReadmeExample.assertReadmeShows("Curves", "CurvesReadmeTest.java", "    private static final String[] OUTPUT", OUTPUT);
    }
}
