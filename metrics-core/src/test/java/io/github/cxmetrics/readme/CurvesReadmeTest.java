package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

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
        PrintStream original = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Curves.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        String readme = Files.readString(dir.resolve("README.md"));
        assertThat(readme).contains("public class Curves {");
        String block = readme.substring(readme.indexOf("public class Curves {"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(dir.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/CurvesReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    private static final String[] OUTPUT")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // main's "}"
        String readmeMain = block.substring(block.indexOf("public static void main"));
        assertThat(normalise(readmeMain)).startsWith(normalise(tested));
        for (String line : OUTPUT) {
            assertThat(block).contains("// " + line);
        }
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
