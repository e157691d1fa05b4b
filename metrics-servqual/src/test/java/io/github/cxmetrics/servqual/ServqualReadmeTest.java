package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Keeps the README's SERVQUAL example honest: the body of {@code main} must be the README's, and it
 * must print the README's output. Expected values computed by hand (a short Python script over the
 * same arrays): dimension gaps −0.375, −1.2, −0.625, −0.25, −0.5 (mean −0.59); mean importance
 * weights 0.125, 0.325, 0.2, 0.175, 0.175 give −0.693125; mean dimension perceptions average 5.26;
 * reliability has the most negative weighted gap.
 */
class ServqualReadmeTest {

    static class ServiceQuality {
        public static void main(String[] args) {
            ServqualAccumulator survey = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
            int[] expected = {6, 6, 5, 5, 7, 7, 7, 6, 7, 6, 6, 6, 5, 6, 6, 6, 6, 5, 5, 5, 6, 5};
            int[] perceivedA = {5, 6, 5, 4, 5, 6, 5, 5, 6, 5, 5, 6, 5, 6, 6, 5, 6, 4, 5, 4, 5, 5};
            int[] perceivedB = {6, 5, 5, 5, 6, 6, 6, 5, 6, 6, 5, 5, 4, 6, 5, 6, 6, 5, 4, 5, 6, 4};
            survey.add(Respondent.of(expected, perceivedA).withImportance(10, 35, 20, 20, 15));
            survey.add(Respondent.of(expected, perceivedB).withImportance(15, 30, 20, 15, 20));

            ServqualReport report = survey.snapshot();
            System.out.printf("reliability gap %.2f, unweighted %.3f, weighted %.3f, SERVPERF %.3f%n",
                    report.dimensionGapMean(Dimension.RELIABILITY), report.unweightedScore(),
                    report.weightedScore(), report.servperfScore());
            System.out.println("fix first: " + report.dimensionPriorities().get(0));
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
            ServiceQuality.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList())).containsExactly(
                "reliability gap -1.20, unweighted -0.590, weighted -0.693, SERVPERF 5.260", "fix first: RELIABILITY");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class ServiceQuality"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-servqual/src/test/java/io/github/cxmetrics/servqual/ServqualReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// reliability gap -1.20, unweighted -0.590, weighted -0.693, SERVPERF 5.260")
                .contains("// fix first: RELIABILITY");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
