package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.csi.Csi;
import io.github.cxmetrics.csi.Importance;
import io.github.cxmetrics.csi.ImportancePerformance;
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
 * Keeps the README's driver-analysis example honest: the body of {@code main} below must be the
 * README's line for line (after trimming indentation), and it must print what the README shows.
 *
 * <p>Expected output computed with NumPy: correlations of the three columns with overall
 * satisfaction 0.7927, 0.5604, 0.1223 (mean 0.4918); column means 65/12, 67/12, 4 (mean 5.0);
 * index {@code Σ (r_j/Σr)·100·(m_j − 1)/9} = 48.47; price and quality sit above both means,
 * service below both.
 */
class DriversReadmeTest {

    static class Drivers {
        public static void main(String[] args) {
            String[] names = {"price", "quality", "service"};
            double[][] ratings = {     // one row per respondent, 1..10
                {7, 9, 1}, {9, 5, 6}, {7, 3, 10}, {1, 3, 4}, {6, 5, 2}, {1, 1, 1},
                {2, 10, 2}, {7, 8, 3}, {3, 5, 3}, {10, 2, 9}, {8, 9, 2}, {4, 7, 5}};
            double[] overall = {6, 6, 4, 2, 4, 1, 4, 7, 1, 5, 6, 4};

            double[] importance = Importance.correlation(ratings, overall).values();
            double[] performance = new double[names.length];
            Csi.Builder builder = Csi.builder(Scale.ONE_TO_TEN);
            for (int j = 0; j < names.length; j++) {
                for (double[] row : ratings) {
                    performance[j] += row[j] / ratings.length;
                }
                builder.attribute(names[j], importance[j], performance[j]);
            }
            System.out.printf("CSI %.1f%n", builder.build().index());
            System.out.println(ImportancePerformance.classify(importance, performance));
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
            Drivers.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly("CSI 48.5", "[KEEP_UP_THE_GOOD_WORK, KEEP_UP_THE_GOOD_WORK, LOW_PRIORITY]");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class Drivers"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/DriversReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// CSI 48.5").contains("// [KEEP_UP_THE_GOOD_WORK, KEEP_UP_THE_GOOD_WORK, LOW_PRIORITY]");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
