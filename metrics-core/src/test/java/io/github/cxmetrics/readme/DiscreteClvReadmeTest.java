package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.clv.BetaGeometricBetaBinomial;
import io.github.cxmetrics.clv.BetaGeometricBetaBinomial.History;
import io.github.cxmetrics.clv.BetaGeometricNbd;
import io.github.cxmetrics.clv.ModifiedBetaGeometricNbd;
import io.github.cxmetrics.clv.RfmSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the proposed README example for BG/BB and MBG/NBD (HANDOFF.md of h/bgbb) honest: runs its
 * {@code main} and compares the printed lines. Expected output, computed independently (not by this
 * code): the BG/BB MLE on the donations data, (1.2035, 0.7497, 0.6567, 2.7834) and LL −33225.58, from
 * {@code clv/mbgnbd_bgbb_mpmath.py} (mpmath, test resources); P(alive at 7) 0.6967, CET(10) 3.6271
 * and DERT(0.1) 3.1962 for (x, tₓ, n) = (4, 5, 6) at (1.204, 0.750, 0.657, 2.783), and the MBG/NBD
 * P(alive) 0.3897 for (0, 0, 38.86) at (0.525, 6.183, 0.891, 1.614) and CET(39) 1.2630 for
 * (2, 30.43, 38.86), from {@code shared/reports/mission-next.md} §6.3 and §6.2 (mpmath scripts
 * {@code bgbb_mp.py} and {@code clv_mp.py}); BG/NBD's P(alive | x = 0) is 1 by its definition.
 */
class DiscreteClvReadmeTest {

    static class DiscreteClv {
        public static void main(String[] args) {
            // donations to a non-profit, 6 yearly campaigns after the first gift (Fader, Hardie & Shang 2010):
            // {gifts x, last gift year t_x, donors}
            int[][] patterns = {{0, 0, 3464}, {1, 1, 1091}, {1, 2, 277}, {1, 3, 129}, {1, 4, 78}, {1, 5, 119},
                {1, 6, 129}, {2, 2, 613}, {2, 3, 255}, {2, 4, 155}, {2, 5, 173}, {2, 6, 234}, {3, 3, 322},
                {3, 4, 181}, {3, 5, 225}, {3, 6, 357}, {4, 4, 240}, {4, 5, 284}, {4, 6, 512}, {5, 5, 335},
                {5, 6, 728}, {6, 6, 1203}};
            List<History> donors = new ArrayList<>();
            for (int[] p : patterns) {
                donors.add(new History(p[0], p[1], 6, p[2]));
            }
            BetaGeometricBetaBinomial fit = BetaGeometricBetaBinomial.fit(donors);
            System.out.printf("BG/BB: alpha %.4f, beta %.4f, gamma %.4f, delta %.4f, LL %.2f%n", fit.alpha(),
                    fit.beta(), fit.gamma(), fit.delta(), fit.logLikelihood());

            BetaGeometricBetaBinomial paper = BetaGeometricBetaBinomial.of(1.204, 0.750, 0.657, 2.783);
            History lapsing = History.of(4, 5, 6); // gave in 4 of 6 years, last in year 5
            System.out.printf("P(alive next year) %.4f, gifts in 10 years %.4f, DERT(10%%) %.4f%n",
                    paper.probabilityAlive(lapsing, 1), paper.conditionalExpectedPurchases(10, lapsing),
                    paper.discountedExpectedResidualTransactions(0.10, lapsing));

            // MBG/NBD on CDNOW-like data (weeks): a customer may leave right after the first purchase
            ModifiedBetaGeometricNbd mbg = ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614);
            RfmSummary quiet = RfmSummary.of(0, 0, 38.86);
            System.out.printf("P(alive | no repeat): MBG/NBD %.4f, BG/NBD %.4f%n", mbg.probabilityAlive(quiet),
                    BetaGeometricNbd.of(0.243, 4.414, 0.793, 2.426).probabilityAlive(quiet));
            System.out.printf("MBG/NBD CET(39 | 2, 30.43, 38.86) %.4f%n",
                    mbg.conditionalExpectedPurchases(39, RfmSummary.of(2, 30.43, 38.86)));
        }
    }

    private static final String[] OUTPUT = {
                "BG/BB: alpha 1.2035, beta 0.7497, gamma 0.6567, delta 2.7834, LL -33225.58",
                "P(alive next year) 0.6967, gifts in 10 years 3.6271, DERT(10%) 3.1962",
                "P(alive | no repeat): MBG/NBD 0.3897, BG/NBD 1.0000",
                "MBG/NBD CET(39 | 2, 30.43, 38.86) 1.2630",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> DiscreteClv.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws java.io.IOException {
        ReadmeExample.assertReadmeShows("DiscreteClv", "DiscreteClvReadmeTest.java", "    private static final String[] OUTPUT",
                OUTPUT);
    }
}
