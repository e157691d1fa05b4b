package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.clv.BetaGeometricBetaBinomial.History;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BetaGeometricBetaBinomial} on the donations data of Fader, Hardie &amp; Shang (2010) (11,104
 * donors in 22 patterns, n = 6; {@code donations.csv}, see DATA-NOTICE.md). Fixed-parameter vectors
 * are from {@code shared/reports/mission-next.md} §6.3, computed by its script {@code bgbb_mp.py}
 * (appendix A.6: mpmath at 40 digits, printed to 16; the DERT column cross-checked there against the
 * discounted sum of CET increments). The MLE and its standard errors come from
 * {@code src/test/resources/io/github/cxmetrics/clv/mbgnbd_bgbb_mpmath.py} (Newton-polished
 * mpmath MLE, numerical Hessian at 30 digits), P(X(n) = x) and the γ = 1 limit from
 * {@code bgbb_pmf_mpmath.py} beside it (which checks Σ P = 1 and Σ x·P = E[X(n)] to 20 digits).
 */
class BetaGeometricBetaBinomialTest {

    static List<History> donations() {
        List<History> out = new ArrayList<>();
        for (String[] row : Cdnow.csv("donations.csv")) {
            out.add(new History(Integer.parseInt(row[0]), Integer.parseInt(row[1]), Integer.parseInt(row[2]),
                    Long.parseLong(row[3])));
        }
        return out;
    }

    private static final BetaGeometricBetaBinomial PAPER = BetaGeometricBetaBinomial.of(1.204, 0.750, 0.657, 2.783);
    private static final BetaGeometricBetaBinomial BTYD = BetaGeometricBetaBinomial.of(1.203528, 0.7497260, 0.6567808,
            2.783796);
    private static final BetaGeometricBetaBinomial FIT = BetaGeometricBetaBinomial.fit(donations());

    /** §6.3 rows at the paper's parameters: x, tₓ, L, P(alive at 6), P(alive at 7), CET(10), DERT(0.1). */
    private static final double[][] SECTION_6_3 = {
        {0, 0, 0.3112177432638493, 0.1160966132929847, 0.1080165841686742, 0.1301037914128486, 0.1146469961817641},
        {4, 5, 0.006123168186564819, 0.7488168141805049, 0.6967010676851032, 3.627077125140032, 3.196167404509834},
        {6, 6, 0.1127876482077468, 1.0, 0.9304025423728814, 6.705290825014492, 5.908678319555381},
        {3, 3, 0.02938281883931743, 0.1020770957257204, 0.09497278938125027, 0.399424708882789, 0.3519716264753295},
    };

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.max(1.0, Math.abs(expected))));
    }

    @Test
    void reproducesTheSection63VectorsToTwelveDigits() {
        for (double[] v : SECTION_6_3) {
            History h = History.of((int) v[0], (int) v[1], 6);
            close(Math.exp(PAPER.logLikelihood(h)), v[2], "L " + h);
            close(PAPER.probabilityAlive(h), v[3], "P(alive at 6) " + h);
            close(PAPER.probabilityAlive(h, 1), v[4], "P(alive at 7) " + h);
            close(PAPER.conditionalExpectedPurchases(10, h), v[5], "CET(10) " + h);
            close(PAPER.discountedExpectedResidualTransactions(0.1, h), v[6], "DERT(0.1) " + h);
        }
        close(PAPER.expectedPurchases(10), 3.178854326492289, "E[X(10)]");
        close(BTYD.expectedPurchases(10), 3.179805910725448, "E[X(10)] BTYD");
        close(BTYD.conditionalExpectedPurchases(10, History.of(0, 0, 6)), 0.1302168678393178, "CET A BTYD");
        close(BTYD.conditionalExpectedPurchases(10, History.of(4, 5, 6)), 3.627858113902979, "CET B BTYD");
        // totals over 11,104 donors: 1e-12 relative
        assertThat(PAPER.logLikelihood(donations())).isCloseTo(-33225.581754518579, within(4e-8));
        assertThat(BTYD.logLikelihood(donations())).isCloseTo(-33225.581275474901, within(4e-8));
    }

    @Test
    void fitsTheDonationsDataAsThePaper() {
        assertThat(FIT.alpha()).isCloseTo(1.204, within(5e-4));
        assertThat(FIT.beta()).isCloseTo(0.750, within(5e-4));
        assertThat(FIT.gamma()).isCloseTo(0.657, within(5e-4));
        assertThat(FIT.delta()).isCloseTo(2.783, within(1e-3));
        assertThat(FIT.logLikelihood()).isCloseTo(-33225.58, within(0.005));
        double[] mle = {1.2035223516019139, 0.74971635817293889, 0.65671820844183243, 2.7834422325773807};
        double[] se = {0.0693913623889, 0.0294477166604, 0.0510098589564, 0.320819003043};
        double[] fitted = {FIT.alpha(), FIT.beta(), FIT.gamma(), FIT.delta()};
        double[] fse = FIT.standardErrors();
        for (int i = 0; i < 4; i++) {
            assertThat(fitted[i]).as("parameter %d", i).isCloseTo(mle[i], within(1e-6 * mle[i]));
            assertThat(fse[i]).as("standard error %d", i).isCloseTo(se[i], within(1e-8 * se[i]));
        }
        assertThat(FIT.logLikelihood()).isCloseTo(-33225.581274347007, within(1e-8));
        assertThat(FIT.logLikelihood(donations())).isEqualTo(FIT.logLikelihood());
        assertThat(FIT.alphaEstimate().value()).isEqualTo(FIT.alpha());
        assertThat(FIT.betaEstimate().standardError()).isEqualTo(fse[1]);
        assertThat(FIT.gammaEstimate().value()).isEqualTo(FIT.gamma());
        assertThat(FIT.deltaEstimate().standardError()).isEqualTo(fse[3]);
        assertThat(FIT.name()).isEqualTo("BG/BB");
        assertThat(FIT.parameterCount()).isEqualTo(4);
    }

    @Test
    void countsAreTheSameAsRepeatedHistories() {
        List<History> expanded = new ArrayList<>();
        for (History h : donations()) {
            for (long k = 0; k < h.count(); k++) {
                expanded.add(History.of(h.frequency(), h.recency(), h.opportunities()));
            }
        }
        Collections.shuffle(expanded, new Random(3));
        assertThat(expanded).hasSize(11_104);
        BetaGeometricBetaBinomial again = BetaGeometricBetaBinomial.fit(expanded);
        assertThat(again).isEqualTo(FIT).hasSameHashCodeAs(FIT);
    }

    @Test
    void purchaseCountProbabilitiesMatchMpmath() {
        double[] six = {0.31121774326384935, 0.17010997840651466, 0.12148051376687113, 0.10026311502480369,
            0.091659853424921835, 0.092481147905292494, 0.11278764820774684};
        double[] ten = {0.29790064919684033, 0.15298191371696331, 0.10100361128568957, 0.075973937892065395,
            0.062161845004212886, 0.054059070569309631, 0.049349970503562399, 0.047033940290472728,
            0.04690415003820423, 0.049879076722762009, 0.062751834779917513};
        for (int x = 0; x <= 6; x++) {
            close(PAPER.probabilityOfPurchases(x, 6), six[x], "P(X(6) = " + x + ")");
        }
        for (int x = 0; x <= 10; x++) {
            close(PAPER.probabilityOfPurchases(x, 10), ten[x], "P(X(10) = " + x + ")");
        }
        // P(X(n) = 0) and P(X(n) = n) are the likelihoods of the patterns (0, 0) and (n, n)
        close(PAPER.probabilityOfPurchases(0, 6), SECTION_6_3[0][2], "P(X(6) = 0) = L(0, 0, 6)");
        assertThat(PAPER.probabilityOfPurchases(0, 0)).isEqualTo(1.0);
    }

    @Test
    void gammaOneIsTheLimitOfTheRemovableSingularity() {
        // bgbb_pmf_mpmath.py: alpha/(alpha+beta)*delta*sum_{k<10} 1/(1+delta+k) = 2.3907102417525867
        close(BetaGeometricBetaBinomial.of(1.204, 0.750, 1.0, 2.783).expectedPurchases(10), 2.3907102417525867,
                "E[X(10)] at gamma = 1");
        double below = BetaGeometricBetaBinomial.of(1.204, 0.750, 1.0 - 1e-9, 2.783).expectedPurchases(10);
        double above = BetaGeometricBetaBinomial.of(1.204, 0.750, 1.0 + 1e-9, 2.783).expectedPurchases(10);
        assertThat(below).isCloseTo(2.3907102417525867, within(1e-8));
        assertThat(above).isCloseTo(2.3907102417525867, within(1e-8)).isLessThan(below);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> History.of(1, 0, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be in 1..6 (frequency..opportunities), was 0");
        assertThatThrownBy(() -> History.of(3, 2, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be in 3..6 (frequency..opportunities), was 2");
        assertThatThrownBy(() -> History.of(2, 7, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be in 2..6 (frequency..opportunities), was 7");
        assertThatThrownBy(() -> History.of(0, 1, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recency must be 0 when frequency is 0, was 1");
        assertThatThrownBy(() -> History.of(7, 7, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frequency must be in 0..6 (opportunities), was 7");
        assertThatThrownBy(() -> History.of(0, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("opportunities must be >= 0, was -1");
        assertThatThrownBy(() -> new History(0, 0, 6, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 1, was 0");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.of(0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.of(1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("beta must be finite and > 0, was NaN");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.of(1, 1, -2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("gamma must be finite and > 0, was -2.0");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.of(1, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("delta must be finite and > 0, was Infinity");
        History h = History.of(2, 3, 6);
        assertThatThrownBy(() -> PAPER.expectedPurchases(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> PAPER.conditionalExpectedPurchases(-1, h)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nStar must be >= 0, was -1");
        assertThatThrownBy(() -> PAPER.conditionalExpectedPurchases(1, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("history");
        assertThatThrownBy(() -> PAPER.probabilityAlive(h, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("m must be >= 0, was -1");
        assertThatThrownBy(() -> PAPER.probabilityAlive(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("history");
        assertThatThrownBy(() -> PAPER.discountedExpectedResidualTransactions(0, h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discountRate must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> PAPER.discountedExpectedResidualTransactions(Double.NaN, h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("discountRate must be finite and > 0, was NaN");
        assertThatThrownBy(() -> PAPER.probabilityOfPurchases(7, 6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x must be in 0..6, was 7");
        assertThatThrownBy(() -> PAPER.probabilityOfPurchases(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(PAPER::logLikelihood).isInstanceOf(IllegalStateException.class).hasMessage(
                "a BG/BB model built with of(alpha, beta, gamma, delta) was not fitted: it has no log-likelihood");
        assertThatThrownBy(PAPER::standardErrors).isInstanceOf(IllegalStateException.class)
                .hasMessage("standard errors exist only for a fitted BG/BB model");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot fit BG/BB to an empty set of histories");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("histories");
        List<History> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessage("history");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(List.of(History.of(0, 0, 0))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot fit BG/BB: no customer had an opportunity to transact");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(List.of(new History(0, 0, 6, 40))))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot fit BG/BB: no customer transacted, so "
                        + "the likelihood has no maximum (the transaction probability runs to 0)");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(List.of(History.of(6, 6, 6), History.of(3, 3, 3))))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot fit BG/BB: every customer transacted at "
                        + "every opportunity, so the likelihood has no maximum (nobody is seen to miss one or to drop "
                        + "out)");
        assertThatThrownBy(() -> BetaGeometricBetaBinomial.fit(List.of(new History(1, 1, 6, Long.MAX_VALUE),
                History.of(0, 0, 6)))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void equalityAndText() {
        assertThat(PAPER).isEqualTo(BetaGeometricBetaBinomial.of(1.204, 0.750, 0.657, 2.783))
                .hasSameHashCodeAs(BetaGeometricBetaBinomial.of(1.204, 0.750, 0.657, 2.783))
                .isNotEqualTo(BTYD).isNotEqualTo(null);
        assertThat(BetaGeometricBetaBinomial.of(FIT.alpha(), FIT.beta(), FIT.gamma(), FIT.delta())).isNotEqualTo(FIT);
        assertThat(PAPER).hasToString("BetaGeometricBetaBinomial[alpha=1.20400, beta=0.750000, gamma=0.657000, "
                + "delta=2.78300]");
        assertThat(FIT).hasToString("BetaGeometricBetaBinomial[alpha=1.20352, beta=0.749716, gamma=0.656718, "
                + "delta=2.78344, logLikelihood=-33225.6]");
        assertThat(new History(2, 3, 6, 5)).isEqualTo(new History(2, 3, 6, 5)).hasToString(
                "History[frequency=2, recency=3, opportunities=6, count=5]");
    }
}
