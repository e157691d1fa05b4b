package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.RfmAccumulator;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.Nps;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Mergeable state" example honest (same checks as {@code RetentionReadmeTest}).
 * Expected output, worked by hand: the ten ratings have 5 promoters (10, 9, 9, 10, 9) and 3
 * detractors (3, 6, 0), NPS = 100·(5 − 3)/10 = 20.0; a 0..10 rating state is 16 bytes of frame, 8 of
 * scale bounds and 11 counts of 8 bytes = 112 (docs/binary-format.md); the lifetimes are the AML
 * "maintained" group of R's survival package, whose {@code survfit} median is 31; ann buys on
 * 6 Jan, 3 Mar and 26 May 2025: x = 2, recency 140 days = 20 weeks, age to 30 Jun 175 days = 25
 * weeks, monetary (55 + 35)/2 = 45.
 */
class StateReadmeTest {

    static class PartialResults {
        /** Merges two states of one family, whichever it is: the core of an engine adapter. */
        static byte[] mergeStates(byte[] a, byte[] b) {
            return mergeAs(StateFamily.read(a).family(), a, b);
        }

        static <S extends Mergeable<S>> byte[] mergeAs(StateFamily<S> family, byte[] a, byte[] b) {
            return family.fromByteArray(a).merge(family.fromByteArray(b)).toByteArray();
        }

        public static void main(String[] args) {
            RatingAccumulator east = new RatingAccumulator(Scale.ZERO_TO_TEN);   // two partitions
            east.addAll(new int[] {10, 9, 9, 7, 3});
            RatingAccumulator west = new RatingAccumulator(Scale.ZERO_TO_TEN);
            west.addAll(new int[] {10, 8, 6, 0, 9});
            byte[] ratings = mergeStates(east.toByteArray(), west.toByteArray());
            System.out.printf("NPS %.1f, state %d bytes%n",
                    Nps.of(RatingAccumulator.fromByteArray(ratings).snapshot()).score(), ratings.length);

            KaplanMeierAccumulator early = new KaplanMeierAccumulator();   // months; false: still a customer
            early.addAll(new double[] {9, 13, 13, 18, 23}, new boolean[] {true, true, false, true, true});
            KaplanMeierAccumulator late = new KaplanMeierAccumulator();
            late.addAll(new double[] {28, 31, 34, 45, 48, 161}, new boolean[] {false, true, true, false, true, false});
            byte[] lifetimes = mergeStates(early.toByteArray(), late.toByteArray());
            System.out.printf("median lifetime %.0f months%n",
                    KaplanMeierAccumulator.fromByteArray(lifetimes).snapshot().medianSurvival().getAsDouble());

            RfmAccumulator january = new RfmAccumulator();   // partitions may share customers and days
            january.add("ann", LocalDate.of(2025, 1, 6), 40.0);
            january.add("bob", LocalDate.of(2025, 1, 20), 20.0);
            RfmAccumulator spring = new RfmAccumulator();
            spring.add("ann", LocalDate.of(2025, 3, 3), 55.0);
            spring.add("ann", LocalDate.of(2025, 5, 26), 35.0);
            byte[] purchases = mergeStates(january.toByteArray(), spring.toByteArray());
            System.out.println("ann: " + RfmAccumulator.fromByteArray(purchases)
                    .snapshot(LocalDate.of(2025, 6, 30), ChronoUnit.WEEKS).get("ann"));
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
            PartialResults.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList()))
                .containsExactly("NPS 20.0, state 112 bytes", "median lifetime 31 months",
                        "ann: RfmSummary[x=2, recency=20.00, age=25.00, monetary=45.00]");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class PartialResults"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/StateReadmeTest.java"));
        String tested = source.substring(source.indexOf("    /** Merges two states"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("/** Merges two states")))).startsWith(normalise(tested));
        assertThat(block).contains("// NPS 20.0, state 112 bytes").contains("// median lifetime 31 months")
                .contains("// ann: RfmSummary[x=2, recency=20.00, age=25.00, monetary=45.00]");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
