package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cxmetrics.retention.KaplanMeier;
import io.github.cxmetrics.retention.LogRankTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Comparing survival curves" example honest. The data are R's
 * {@code survival::aml} (Miller 1981, p. 49). Expected output from R 4.2.2, survival 3.5-3:
 * {@code survdiff(Surv(time, status) ~ x, data = aml)} gives chisq 3.3964 on 1 df, p = 0.0653, observed
 * 7 and 11, expected 10.69 and 7.31 (metrics-core test resources survival/survival.out, line L1);
 * {@code rho = 1} gives chisq 2.7793, p = 0.0955 (L2); {@code print(survfit(Surv(time, status) ~ x,
 * data = aml), rmean = 40)} gives for Maintained median 31, 0.95LCL 18, 0.95UCL NA, rmean 28.898,
 * se(rmean) 3.468 (M1, conf.type "log").
 */
class SurvivalReadmeTest {

    static class SurvivalCurves {
        public static void main(String[] args) {
            Map<String, KaplanMeier> arms = new LinkedHashMap<>();   // R's survival::aml, weeks to relapse
            arms.put("maintained", KaplanMeier.fit(new double[] {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161},
                    new boolean[] {true, true, false, true, true, false, true, true, false, true, false}));
            arms.put("not maintained", KaplanMeier.fit(new double[] {5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45},
                    new boolean[] {true, true, true, true, true, false, true, true, true, true, true, true}));

            LogRankTest logRank = LogRankTest.of(arms);
            System.out.printf("log-rank: chi2 %.4f on %d df, p = %.4f%n",
                    logRank.statistic(), logRank.degreesOfFreedom(), logRank.pValue());
            for (String arm : logRank.groups()) {
                System.out.printf("  %s: observed %.0f, expected %.2f%n",
                        arm, logRank.observed(arm), logRank.expected(arm));
            }
            LogRankTest petoPeto = LogRankTest.of(arms, 1.0);   // weights S(t-): early differences count more
            System.out.printf("Peto-Peto: chi2 %.4f, p = %.4f%n", petoPeto.statistic(), petoPeto.pValue());

            KaplanMeier m = arms.get("maintained");
            KaplanMeier.MedianEstimate median = m.medianConfidenceInterval(0.95, KaplanMeier.Transform.LOG);
            System.out.printf("median %.0f weeks, 95%% CI %.0f to %s%n", median.median().getAsDouble(),
                    median.lower().getAsDouble(),
                    median.upper().isPresent() ? String.valueOf(median.upper().getAsDouble()) : "not reached");
            System.out.printf("restricted mean to 40 weeks: %.2f (SE %.2f)%n",
                    m.restrictedMean(40), m.restrictedMeanStandardError(40));
            // log-rank: chi2 3.3964 on 1 df, p = 0.0653
            //   maintained: observed 7, expected 10.69
            //   not maintained: observed 11, expected 7.31
            // Peto-Peto: chi2 2.7793, p = 0.0955
            // median 31 weeks, 95% CI 18 to not reached
            // restricted mean to 40 weeks: 28.90 (SE 3.47)
        }
    }

    @Test
    void printsWhatTheReadmeSays() {
        PrintStream original = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            SurvivalCurves.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly("log-rank: chi2 3.3964 on 1 df, p = 0.0653",
                        "  maintained: observed 7, expected 10.69",
                        "  not maintained: observed 11, expected 7.31",
                        "Peto-Peto: chi2 2.7793, p = 0.0955",
                        "median 31 weeks, 95% CI 18 to not reached",
                        "restricted mean to 40 weeks: 28.90 (SE 3.47)");
    }

    /** Active once the README has the example (the lead merges README.md). */
    @Test
    void readmeShowsThisCode() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        assumeTrue(readme.contains("public class SurvivalCurves"), "README has no survival example yet");
        String block = readme.substring(readme.indexOf("public class SurvivalCurves"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/SurvivalReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
