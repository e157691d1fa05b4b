package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.ParetoNbd;
import io.github.cxmetrics.clv.RfmSummary;
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

    private static final String[] OUTPUT = {
                "P(alive) 0.8691",
                "next 39 weeks 1.4551",
                "DERT at 15%/year 6.5004",
                "new customer, first year 1.4735",
                "600 purchases: P(alive) 2.642e-07",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> ParetoNbdExample.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws java.io.IOException {
        ReadmeExample.assertReadmeShows("ParetoNbdExample", "ParetoNbdReadmeTest.java", "    private static final String[] OUTPUT",
                OUTPUT);
    }
}
