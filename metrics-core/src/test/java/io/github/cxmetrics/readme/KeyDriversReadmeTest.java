package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.KanoAccumulator;
import io.github.cxmetrics.csi.KanoResult;
import io.github.cxmetrics.csi.KeyDissatisfiers;
import io.github.cxmetrics.csi.PenaltyReward;
import io.github.cxmetrics.csi.RelativeImportance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's key-driver example honest: the body of {@code main} below must be the README's
 * line for line (after trimming indentation), and it must print what the README shows.
 *
 * <p>Expected output computed with numpy, independently of this code: R² of overall on the three
 * columns 0.85673; LMG by averaging the subset R² increments of {@code np.linalg.solve} on the
 * correlation matrix over all orderings, 0.53342, 0.27357, 0.04974 (shares 62.26 %, 31.93 %, 5.81 %);
 * Johnson's weights from {@code np.linalg.eigh}, shares 61.98 %, 30.83 %, 7.19 %. PRCA: {@code
 * np.linalg.lstsq} of overall on [1, price ≤ 3, price ≥ 8, quality ≤ 3, quality ≥ 8]: −2.67568,
 * 0.81081, −0.08108, 2.00000, so IA = −0.53488 and 0.92208 (±0.2 class cut-offs). Key dissatisfiers:
 * the Shapley value of reach − noise over the 3 respondents with overall ≤ 3, 0.38889, 0.05556,
 * −0.22222. Kano: the six pairs classify O, A, A, I, M, A by Berger et al.'s table, so the mode is A,
 * Better (3 + 1)/6 and Worse −(1 + 1)/6.
 */
class KeyDriversReadmeTest {

    static class KeyDrivers {
            public static void main(String[] args) {
                String[] names = {"price", "quality", "service"};
                double[][] ratings = {     // one row per respondent, 1..10
                    {7, 9, 1}, {9, 5, 6}, {7, 3, 10}, {1, 3, 4}, {6, 5, 2}, {1, 1, 1},
                    {2, 10, 2}, {7, 8, 3}, {3, 5, 3}, {10, 2, 9}, {8, 9, 2}, {4, 7, 5}};
                double[] overall = {6, 6, 4, 2, 4, 1, 4, 7, 1, 5, 6, 4};

                // how much of overall satisfaction each attribute explains
                RelativeImportance ri = RelativeImportance.of(ratings, overall, RelativeImportance.options().names(names));
                System.out.printf("R² %.3f%n", ri.rSquared());
                for (int j = 0; j < names.length; j++) {
                    System.out.printf("%-8s LMG %.3f (%.1f%% of R²), relative weight %.1f%%%n", names[j], ri.lmg()[j],
                            100 * ri.lmgShares()[j], 100 * ri.relativeWeightShares()[j]);
                }

                // which attributes only hurt: penalty-reward contrasts for price and quality, low <= 3, high >= 8
                double[][] two = Arrays.stream(ratings).map(r -> Arrays.copyOf(r, 2)).toArray(double[][]::new);
                PenaltyReward prca = PenaltyReward.fit(two, overall, List.of("price", "quality"),
                        PenaltyReward.Options.defaults().lowAtMost(3).highAtLeast(8));
                for (PenaltyReward.Attribute a : prca.attributes()) {
                    System.out.printf("%-8s penalty %+.2f reward %+.2f IA %+.2f %s%n", a.name(), a.penalty().estimate(),
                            a.reward().estimate(), a.impactAsymmetry(), a.classification());
                }

                // key dissatisfiers: overall <= 3 against attribute <= 3
                List<KeyDissatisfiers.Attribute> kd = KeyDissatisfiers.dissatisfiers(ratings, overall, 3, 3).attributes();
                for (int j = 0; j < names.length; j++) {
                    System.out.printf("%-8s key-dissatisfier Shapley %+.3f%n", names[j], kd.get(j).shapley());
                }

                // Kano: one functional and one dysfunctional answer per respondent
                KanoAccumulator kano = new KanoAccumulator("self-service app");
                Answer[][] answers = {{Answer.LIKE, Answer.DISLIKE}, {Answer.LIKE, Answer.NEUTRAL},
                    {Answer.LIKE, Answer.LIVE_WITH}, {Answer.NEUTRAL, Answer.NEUTRAL}, {Answer.MUST_BE, Answer.DISLIKE},
                    {Answer.LIKE, Answer.NEUTRAL}};
                for (Answer[] a : answers) {
                    kano.add(0, a[0], a[1]);
                }
                KanoResult.Feature app = kano.snapshot().feature(0);
                System.out.printf("%s: %s, better %.3f, worse %.3f%n", app.name(), app.category(), app.better(), app.worse());
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
            KeyDrivers.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly(
                        "R² 0.857",
                        "price    LMG 0.533 (62.3% of R²), relative weight 62.0%",
                        "quality  LMG 0.274 (31.9% of R²), relative weight 30.8%",
                        "service  LMG 0.050 (5.8% of R²), relative weight 7.2%",
                        "price    penalty -2.68 reward +0.81 IA -0.53 DISSATISFIER",
                        "quality  penalty -0.08 reward +2.00 IA +0.92 SATISFIER",
                        "price    key-dissatisfier Shapley +0.389",
                        "quality  key-dissatisfier Shapley +0.056",
                        "service  key-dissatisfier Shapley -0.222",
                        "self-service app: ATTRACTIVE, better 0.667, worse -0.333");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class KeyDrivers"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/KeyDriversReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// price    penalty -2.68 reward +0.81 IA -0.53 DISSATISFIER")
                .contains("// self-service app: ATTRACTIVE, better 0.667, worse -0.333");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
