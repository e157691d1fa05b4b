package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.retention.ChurnRate;
import io.github.cxmetrics.retention.ShiftedBetaGeometric;
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
 * Keeps the README's retention example honest (same checks as {@code CsatCesReadmeTest}). Expected
 * output: 1 − 0.95^12 = 0.459640; 400 of 1000 a year to a month, mpmath {@code 1 - 0.6**(1/12)} =
 * 0.041675, and R's {@code prop.test(400, 1000, correct = FALSE)$conf.int} = [0.370075, 0.430691]
 * mapped by {@code 1 - (1 - x)**(1/12)} = [0.037781, 0.045859]; Fader &amp; Hardie's (2007) published estimates α = 0.704,
 * β = 1.182 for the regular segment; {@code mpmath: 1000*beta(0.704, 1.182 + 12)/beta(0.704, 1.182)}
 * = 170.06.
 */
class RetentionReadmeTest {

    static class Retention {
        public static void main(String[] args) {
            System.out.printf("annual churn at 5%% a month: %.2f%%%n", 100 * ChurnRate.ofRate(0.05).rateOver(12));
            ChurnRate monthly = ChurnRate.of(1000, 400).overPeriods(1.0 / 12);   // 400 of 1000 lost in a year
            System.out.printf("monthly churn: %.2f%% (95%% CI %.2f to %.2f%%)%n", 100 * monthly.rate(),
                    100 * monthly.confidenceInterval(0.95).lower(), 100 * monthly.confidenceInterval(0.95).upper());

            long[] survivors = {1000, 631, 468, 382, 326, 289, 262, 241};   // years 0..7
            ShiftedBetaGeometric sbg = ShiftedBetaGeometric.fit(survivors);
            System.out.printf("alpha %.3f, beta %.3f, year 12: %.0f of 1000%n",
                    sbg.alpha(), sbg.beta(), 1000 * sbg.survival(12));
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
            Retention.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly("annual churn at 5% a month: 45.96%", "monthly churn: 4.17% (95% CI 3.78 to 4.59%)",
                        "alpha 0.704, beta 1.182, year 12: 170 of 1000");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class Retention"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/RetentionReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// annual churn at 5% a month: 45.96%")
                .contains("// monthly churn: 4.17% (95% CI 3.78 to 4.59%)")
                .contains("// alpha 0.704, beta 1.182, year 12: 170 of 1000");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
