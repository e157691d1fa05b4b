package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ModifiedBetaGeometricNbd} against independent computations. Fixed-parameter vectors at
 * (r, α, a, b) = (0.525, 6.183, 0.891, 1.614) (the BTYDplus estimates quoted in lifetimes' tests) are
 * from {@code shared/reports/mission-next.md} §6.2, computed by its script {@code clv_mp.py}
 * (appendix A.6: mpmath at 40 digits, printed to 16). The MLE, its standard errors (numerical
 * Hessian at 30 digits, mpmath {@code diff}) and P(X(t) = n) come from
 * {@code src/test/resources/io/github/cxmetrics/clv/mbgnbd_bgbb_mpmath.py} (its output beside it, in
 * {@code mbgnbd_bgbb_mpmath.out}); that script checks Σₙ P(X(t) = n) = 1 and Σₙ n·P = E[X(t)] of the
 * ₂F₁ closed form to 20 digits.
 */
class ModifiedBetaGeometricNbdTest {

    private static final ModifiedBetaGeometricNbd BTYDPLUS = ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614);
    private static final ModifiedBetaGeometricNbd FIT = ModifiedBetaGeometricNbd.fit(Cdnow.summaries());

    /** §6.2 rows: x, tₓ, T, ln L, P(alive), CET(39). */
    private static final double[][] SECTION_6_2 = {
        {0, 0, 38.86, -0.5398374635310146, 0.3897350809187629, 0.1540127466751467},
        {2, 30.43, 38.86, -9.485551314533932, 0.7062022651184873, 1.262960623267366},
        {1, 1.71, 38.86, -4.460360612584318, 0.170836484310408, 0.1888365413643429},
        {26, 30.86, 31, -38.32212694782979, 0.9655661441440616, 19.45072265215735},
    };

    @Test
    void reproducesTheSection62VectorsToTwelveDigits() {
        for (double[] v : SECTION_6_2) {
            RfmSummary c = RfmSummary.of((long) v[0], v[1], v[2]);
            assertThat(BTYDPLUS.logLikelihood(c)).as("ln L %s", c).isCloseTo(v[3], within(1e-12));
            assertThat(BTYDPLUS.probabilityAlive(c)).as("P(alive) %s", c).isCloseTo(v[4], within(1e-12));
            assertThat(BTYDPLUS.conditionalExpectedPurchases(39, c)).as("CET(39) %s", c)
                    .isCloseTo(v[5], within(1e-12 * Math.max(1, v[5])));
        }
        assertThat(BTYDPLUS.expectedPurchases(39)).isCloseTo(1.182953665597173, within(1e-12));
        assertThat(BTYDPLUS.expectedPurchases(52)).isCloseTo(1.419723757712746, within(1e-12));
        // LL(CDNOW) = -9582.1327952872488: to 1e-12 relative (the sum of 2357 doubles)
        assertThat(BTYDPLUS.logLikelihood(Cdnow.summaries())).isCloseTo(-9582.1327952872488, within(1e-8));
    }

    @Test
    void fitsCdnowAsBtydPlusAndMpmath() {
        // mission-clv-churn §2.4: BTYDplus (0.525, 6.183, 0.891, 1.614); mpmath MLE (Newton-polished) below
        double[] mle = {0.52483798366559511, 6.1829920196720969, 0.89135615533153578, 1.6139993347305012};
        double[] se = {0.0832640646136, 0.695597932855, 0.154785311403, 0.537472360548};
        double[] fitted = {FIT.r(), FIT.alpha(), FIT.a(), FIT.b()};
        double[] fse = FIT.standardErrors();
        for (int i = 0; i < 4; i++) {
            assertThat(fitted[i]).as("parameter %d", i).isCloseTo(mle[i], within(1e-6 * mle[i]));
            assertThat(fse[i]).as("standard error %d", i).isCloseTo(se[i], within(1e-8 * se[i]));
        }
        assertThat(FIT.logLikelihood()).isCloseTo(-9582.1326848999039, within(1e-8));
        assertThat(FIT.logLikelihood(Cdnow.summaries())).isEqualTo(FIT.logLikelihood());
        assertThat(FIT.r()).isCloseTo(0.525, within(5e-4));
        assertThat(FIT.alpha()).isCloseTo(6.183, within(5e-3));
        assertThat(FIT.a()).isCloseTo(0.891, within(5e-4));
        assertThat(FIT.b()).isCloseTo(1.614, within(5e-3));
        assertThat(FIT.aEstimate().value()).isEqualTo(FIT.a());
        assertThat(FIT.bEstimate().standardError()).isEqualTo(fse[3]);
        assertThat(FIT.rEstimate().value()).isEqualTo(FIT.r());
        assertThat(FIT.alphaEstimate().standardError()).isEqualTo(fse[1]);
        assertThat(FIT.name()).isEqualTo("MBG/NBD");
        assertThat(FIT.parameterCount()).isEqualTo(4);
    }

    @Test
    void theFitDoesNotDependOnTheOrderOfTheCustomers() {
        List<RfmSummary> shuffled = new ArrayList<>(Cdnow.summaries());
        Collections.shuffle(shuffled, new Random(7));
        ModifiedBetaGeometricNbd again = ModifiedBetaGeometricNbd.fit(shuffled);
        assertThat(again).isEqualTo(FIT).hasSameHashCodeAs(FIT);
    }

    @Test
    void purchaseCountProbabilitiesMatchMpmath() {
        int[] n = {0, 1, 2, 5, 10};
        double[][] expected = {
            {0.95123395449165931, 0.044859520780194292, 0.0035371115355363047, 3.6851911406224675e-6,
                8.4204296253059132e-11},
            {0.58247318949328897, 0.18278307728754051, 0.086894825673490519, 0.01938732355357035,
                0.0036261877952900276},
            {0.55427865515422727, 0.18279913112698914, 0.089991929264489652, 0.022068673042271543,
                0.0048339402040470725},
        };
        double[] t = {1, 39, 52};
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < n.length; j++) {
                assertThat(BTYDPLUS.probabilityOfPurchases(n[j], t[i])).as("P(X(%s) = %d)", t[i], n[j])
                        .isCloseTo(expected[i][j], within(1e-12 * expected[i][j]));
            }
        }
        double total = 0;
        double mean = 0;
        for (int k = 0; k < 2000; k++) {
            double p = BTYDPLUS.probabilityOfPurchases(k, 39);
            total += p;
            mean += k * p;
        }
        assertThat(total).isCloseTo(1.0, within(1e-12));
        assertThat(mean).isCloseTo(BTYDPLUS.expectedPurchases(39), within(1e-11));
    }

    @Test
    void isAPurchaseModelForTheSpendModel() {
        // GammaGamma.residualClv takes any PurchaseModel: with d = 0 its sum telescopes to
        // E[Y(H·L) | ·]·E[M | x, m̄]·margin (its Javadoc), so it must equal this model's own CET times the spend
        PurchaseModel model = BTYDPLUS;
        GammaGamma spend = GammaGamma.of(6.25, 3.74, 15.44);
        RfmSummary ann = RfmSummary.of(2, 30.43, 38.86, 45.0);
        double clv = spend.residualClv(model, ann, 12, 52.0 / 12, 0.0, 1.0);
        double expected = BTYDPLUS.conditionalExpectedPurchases(52.0, ann)
                * spend.conditionalExpectedAverageSpend(2, 45.0);
        assertThat(clv).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void noRepeatPurchaseDoesNotMeanAlive() {
        // the defining difference from BG/NBD, whose P(alive | x = 0) is 1
        RfmSummary none = RfmSummary.of(0, 0, 38.86);
        assertThat(BetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614).probabilityAlive(none)).isEqualTo(1.0);
        assertThat(BTYDPLUS.probabilityAlive(none)).isLessThan(0.4);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.of(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("r must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.of(1, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be finite and > 0, was NaN");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.of(1, 1, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a must be finite and > 0, was -1.0");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.of(1, 1, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("b must be finite and > 0, was Infinity");
        assertThatThrownBy(() -> BTYDPLUS.expectedPurchases(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> BTYDPLUS.conditionalExpectedPurchases(Double.NaN, RfmSummary.of(1, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> BTYDPLUS.conditionalExpectedPurchases(1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("customer");
        assertThatThrownBy(() -> BTYDPLUS.probabilityAlive(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("customer");
        assertThatThrownBy(() -> BTYDPLUS.probabilityOfPurchases(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> BTYDPLUS.probabilityOfPurchases(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and > 0, was 0.0");
        assertThatThrownBy(BTYDPLUS::logLikelihood).isInstanceOf(IllegalStateException.class)
                .hasMessage("an MBG/NBD model built with of(r, alpha, a, b) was not fitted: it has no log-likelihood");
        assertThatThrownBy(BTYDPLUS::standardErrors).isInstanceOf(IllegalStateException.class)
                .hasMessage("standard errors exist only for a fitted MBG/NBD model");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.fit(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot fit MBG/NBD to an empty set of customers");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.fit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("customers");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.fit(List.of(RfmSummary.of(0, 0, 5), RfmSummary.of(0, 0, 9))))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot fit MBG/NBD: no customer has a repeat "
                        + "purchase, so the data cannot separate dropout from a low purchase rate and the likelihood "
                        + "has no maximum");
        assertThatThrownBy(() -> ModifiedBetaGeometricNbd.fit(List.of(RfmSummary.of(0, 0, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessage("cannot fit MBG/NBD: every customer's age is 0, "
                        + "so the data carry no information about purchasing or dropout");
    }

    @Test
    void equalityAndText() {
        assertThat(BTYDPLUS).isEqualTo(ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614))
                .hasSameHashCodeAs(ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614))
                .isNotEqualTo(ModifiedBetaGeometricNbd.of(0.525, 6.183, 0.891, 1.615))
                .isNotEqualTo(BetaGeometricNbd.of(0.525, 6.183, 0.891, 1.614));
        assertThat(ModifiedBetaGeometricNbd.of(FIT.r(), FIT.alpha(), FIT.a(), FIT.b())).isNotEqualTo(FIT);
        assertThat(BTYDPLUS).hasToString("ModifiedBetaGeometricNbd[r=0.525000, alpha=6.18300, a=0.891000, b=1.61400]");
        assertThat(FIT).hasToString("ModifiedBetaGeometricNbd[r=0.524838, alpha=6.18299, a=0.891356, b=1.61400, "
                + "logLikelihood=-9582.13]");
    }
}
