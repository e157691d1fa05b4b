package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.Clv;
import io.github.cxmetrics.clv.GammaGamma;
import io.github.cxmetrics.clv.PaymentTiming;
import io.github.cxmetrics.clv.RfmSummary;
import io.github.cxmetrics.clv.Transaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's CLV example honest (same checks as {@code CsatCesReadmeTest}). Expected output,
 * computed independently: 100·0.8/(1.1 − 0.8) = 266.67; ann's purchase days 2025-01-06, 03-03, 05-26
 * and end 06-30 give x = 2, tₓ = 140/7 = 20, T = 175/7 = 25 weeks, mean repeat spend (55 + 35)/2 = 45;
 * her 12-month residual CLV with mpmath (eq. 10 of Fader, Hardie &amp; Lee 2005 with
 * {@code hyp2f1}, E[M] = (γ + 45·2)p/(2p + q − 1), monthly steps of 52/12 weeks discounted at 1 %) is
 * 87.972.
 */
class ClvReadmeTest {

    static class LifetimeValue {
        public static void main(String[] args) {
            System.out.printf("m=100, r=0.8, d=0.1: %.2f%n",
                    Clv.constantRetention(100, 0.8, 0.10, PaymentTiming.END_OF_PERIOD));

            List<Transaction> transactions = List.of(
                    new Transaction("ann", LocalDate.of(2025, 1, 6), 40.0),
                    new Transaction("ann", LocalDate.of(2025, 3, 3), 55.0),
                    new Transaction("ann", LocalDate.of(2025, 5, 26), 35.0),
                    new Transaction("bob", LocalDate.of(2025, 2, 10), 20.0));
            Map<String, RfmSummary> rfm = RfmSummary.fromTransactions(transactions, LocalDate.of(2025, 6, 30), ChronoUnit.WEEKS);

            // parameters as fitted to the CDNOW sample (weeks, dollars)
            BetaGeometricNbd purchases = BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258);
            GammaGamma spend = GammaGamma.of(6.2488, 3.7446, 15.4477);
            double clv = spend.residualClv(purchases, rfm.get("ann"), 12, 52.0 / 12, 0.01, 1.0);
            System.out.printf("ann: %s, next 12 months %.2f%n", rfm.get("ann"), clv);
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
            LifetimeValue.main(new String[0]);
        } finally {
            System.setOut(original);
            Locale.setDefault(locale);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).strip().lines().collect(Collectors.toList())).containsExactly(
                "m=100, r=0.8, d=0.1: 266.67",
                "ann: RfmSummary[x=2, recency=20.00, age=25.00, monetary=45.00], next 12 months 87.97");
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("README.md"))) {
            root = root.getParent();
        }
        assertThat(root).isNotNull();
        String readme = Files.readString(root.resolve("README.md"));
        String block = readme.substring(readme.indexOf("public class LifetimeValue"));
        block = block.substring(0, block.indexOf("```"));
        String source = Files.readString(root.resolve(
                "metrics-core/src/test/java/io/github/cxmetrics/readme/ClvReadmeTest.java"));
        String tested = source.substring(source.indexOf("public static void main"));
        tested = tested.substring(0, tested.indexOf("    @Test")).strip();
        tested = tested.substring(0, tested.length() - 1).strip(); // drop the class's "}"
        tested = tested.substring(0, tested.length() - 1);         // drop main's "}"
        assertThat(normalise(block.substring(block.indexOf("public static void main")))).startsWith(normalise(tested));
        assertThat(block).contains("// m=100, r=0.8, d=0.1: 266.67")
                .contains("// ann: RfmSummary[x=2, recency=20.00, age=25.00, monetary=45.00], next 12 months 87.97");
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
