package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cxmetrics.clv.ParetoNbd;
import io.github.cxmetrics.clv.RfmSummary;
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
 * Keeps the README's Pareto/NBD example honest (same checks as {@code ClvReadmeTest}). Expected
 * output, computed independently with mpmath at 40 digits by
 * {@code src/test/resources/io/github/cxmetrics/readme/pareto_nbd_readme_mpmath.py} (the formulas of
 * Fader &amp; Hardie 2005, note 009, and FHL 2005, JMR, with {@code hyp2f1} and {@code hyperu}):
 * P(alive) 0.8691210957, 39-week conditional expectation 1.455137064, DERT at ln(1.15)/52
 * 6.500398291, E[X(52)] 1.473526687, and 2.641880296e-7 for 600 purchases in 156 weeks.
 */
class ParetoNbdReadmeTest {

    static class ParetoNbdExample {
        public static void main(String[] args) {
            // parameters as fitted to the CDNOW sample (weeks): ParetoNbd.fit(summaries)
            ParetoNbd model = ParetoNbd.of(0.5533, 10.5776, 0.6062, 11.6679);
            RfmSummary customer = RfmSummary.of(2, 30.43, 38.86); // x, recency, age
            System.out.printf("P(alive) %.4f%n", model.probabilityAlive(customer));
            System.out.printf("next 39 weeks %.4f%n", model.conditionalExpectedPurchases(39, customer));
            System.out.printf("DERT at 15%%/year %.4f%n",
                    model.discountedExpectedResidualTransactions(Math.log(1.15) / 52, customer));
            System.out.printf("new customer, first year %.4f%n", model.expectedPurchases(52));
            // heavy buyers stay finite (the plain formula overflows to NaN)
            System.out.printf("600 purchases: P(alive) %.4g%n", model.probabilityAlive(RfmSummary.of(600, 150, 156)));
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
            ParetoNbdExample.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList())).containsExactly(
                "P(alive) 0.8691",
                "next 39 weeks 1.4551",
                "DERT at 15%/year 6.5004",
                "new customer, first year 1.4735",
                "600 purchases: P(alive) 2.642e-07");
    }

    /** Active once the README carries the example (the lead merges it from HANDOFF.md). */
    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        assumeTrue(readme.contains("public class ParetoNbdExample"), "README has no Pareto/NBD example yet");
        String block = readme.substring(readme.indexOf("public class ParetoNbdExample"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/ParetoNbdReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// P(alive) 0.8691").contains("// DERT at 15%/year 6.5004");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
