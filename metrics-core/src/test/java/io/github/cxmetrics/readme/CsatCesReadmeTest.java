package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.Ces;
import io.github.cxmetrics.survey.Csat;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's CSAT/CES example honest: the body of {@code main} below must be the README's,
 * line for line (compared after trimming indentation), and it must print the output the README
 * shows in its comments.
 *
 * <p>Expected output, computed independently of this library with SciPy 1.17.1: CSAT 74/107 =
 * 69.1589 %, Wilson 95 % interval 59.87 to 77.12 (see CsatTest); CES mean 4080/1000 = 4.08, t interval
 * {@code stats.t.interval(0.95, 999, loc=4.08, scale=s/sqrt(1000))} = 3.9613 to 4.1987; easy share
 * 460/1000; Welch {@code stats.ttest_ind(after, before, equal_var=False)}: difference 0.22,
 * p = 0.007126.
 */
class CsatCesReadmeTest {

    static class CsatCes {
        public static void main(String[] args) {
            // 107 answers on 1..5: 10 x "1", 10 x "2", 13 x "3", 40 x "4", 34 x "5"
            Csat csat = Csat.of(RatingDistribution.ofCounts(Scale.ONE_TO_FIVE, 10, 10, 13, 40, 34));
            Interval csatCi = csat.confidenceInterval(0.95);   // Wilson
            System.out.printf("CSAT %.2f%% (95%% CI %.1f to %.1f)%n", csat.score(), csatCi.lower(), csatCi.upper());

            RatingDistribution before = RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, 80, 210, 140, 110, 160, 180, 120);
            RatingDistribution after = RatingDistribution.ofCounts(Scale.ONE_TO_SEVEN, 50, 150, 150, 150, 200, 200, 100);
            Ces ces = Ces.of(before);                          // CES 2.0: higher is easier
            Interval cesCi = ces.confidenceInterval(0.95);     // Student t
            Difference change = Ces.compare(Ces.of(before), Ces.of(after));   // Welch
            System.out.printf("CES %.2f (95%% CI %.2f to %.2f), easy %.0f%%; change %+.2f, p = %.4f%n",
                    ces.mean(), cesCi.lower(), cesCi.upper(), 100 * ces.easyShare(),
                    change.estimate(), change.pValue());
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
            CsatCes.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList())).containsExactly(
                "CSAT 69.16% (95% CI 59.9 to 77.1)",
                "CES 4.08 (95% CI 3.96 to 4.20), easy 46%; change +0.22, p = 0.0071");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class CsatCes"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/CsatCesReadmeTest.java"));
        // main's signature and body as tested here: up to the closing braces of main and the class
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        String readmeMain = block.substring(block.indexOf("public static void main"));
        assertThat(normalise(readmeMain)).startsWith(normalise(tested));
        assertThat(block).contains("// CSAT 69.16% (95% CI 59.9 to 77.1)")
                .contains("// CES 4.08 (95% CI 3.96 to 4.20), easy 46%; change +0.22, p = 0.0071");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir;
    }
}
