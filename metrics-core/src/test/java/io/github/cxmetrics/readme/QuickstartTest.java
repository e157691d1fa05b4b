package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's quickstart honest: the class below is the README's code verbatim (checked
 * against README.md), and its output must be the one the README prints in its comment.
 *
 * <p>The expected output is computed independently of this library: promoters 10, 9, 9, 10, 9, 10
 * (6), passives 8, 7, 8 (3), detractors 6, 3, 5 (3), n = 12, so NPS = 100·(6 − 3)/12 = 25.0; the
 * adjusted Wald interval (n' = 15, p' = 6.75/15, d' = 3.75/15, z = 1.959964) computed with SciPy is
 * −21.1126 to 61.1126.
 */
class QuickstartTest {

    /** The README quickstart, verbatim. */
    static class Quickstart {
        public static void main(String[] args) {
            int[] likelihoodToRecommend = {10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5};
            io.github.cxmetrics.survey.Nps nps = io.github.cxmetrics.survey.Nps.of(likelihoodToRecommend);
            io.github.cxmetrics.stats.Interval ci = nps.confidenceInterval(0.95);     // adjusted Wald (Rocks 2016)
            System.out.printf("NPS %.1f (95%% CI %.1f to %.1f, n=%d)%n",
                    nps.score(), ci.lower(), ci.upper(), nps.count());
        }
    }

    @Test
    void quickstartOutputIsWhatTheReadmeSays() throws IOException {
        PrintStream original = System.out;
        Locale locale = Locale.getDefault();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Locale.setDefault(Locale.ROOT);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Quickstart.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        String printed = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(printed).isEqualTo("NPS 25.0 (95% CI -21.1 to 61.1, n=12)");
        assertThat(printed).isEqualTo(readmeExpectedOutput());
    }

    @Test
    void readmeQuickstartIsTheCodeTestedHere() throws IOException {
        String readme = Files.readString(readmePath());
        String code = readme.substring(readme.indexOf("public class Quickstart"));
        code = code.substring(0, code.indexOf("```"));
        assertThat(code).contains("int[] likelihoodToRecommend = {10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5};")
                .contains("Nps nps = Nps.of(likelihoodToRecommend);")
                .contains("Interval ci = nps.confidenceInterval(0.95);")
                .contains("System.out.printf(\"NPS %.1f (95%% CI %.1f to %.1f, n=%d)%n\",")
                .contains("nps.score(), ci.lower(), ci.upper(), nps.count());");
    }

    private static String readmeExpectedOutput() throws IOException {
        String readme = Files.readString(readmePath());
        Matcher m = Pattern.compile("// (NPS .*\\))\\n").matcher(readme);
        assertThat(m.find()).as("README quickstart prints its output in a comment").isTrue();
        return m.group(1);
    }

    private static Path readmePath() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("README.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("README.md");
    }
}
