package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The predictions of {@link BetaGeometricNbd} against the published formulas (Fader, Hardie &amp; Lee
 * 2005, eqs. 8–10) evaluated by mpmath 1.3.0 at 50 digits. The expected values are in
 * {@code bgnbd_expected.csv} (574 rows), {@code bgnbd_conditional.csv} (41) and
 * {@code bgnbd_pmf.csv} (47), written by {@code bgnbd_mpmath.py} beside them: that script is the
 * exact computation, including how it treats the removable singularities (a = 1, a + b = 1) and
 * t = 1e300. The regression cases are the reliability report's #1, #8 and #11 and the review's
 * "NaN/∞ rejected at the door" row; on commit 2c0fc1a each of them returned a wrong value, threw an
 * internal message or did not return.
 */
class BetaGeometricNbdPredictionTest {

    static final BetaGeometricNbd CDNOW = BetaGeometricNbd.of(0.2426, 4.4135, 0.7931, 2.4259);

    static void assertRelative(double actual, double expected, double tolerance, String what) {
        double error = expected == 0.0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
        assertThat(error).as("%s: expected %s, was %s (relative error %.3g)", what, expected, actual, error)
                .isLessThanOrEqualTo(tolerance);
    }

    static List<String[]> rows(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(BetaGeometricNbdPredictionTest.class.getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }

    static BetaGeometricNbd model(String[] f) {
        return BetaGeometricNbd.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]));
    }

    @Test
    void highPurchaseRatesStayWithinTheirBound() {
        // reliability #1: were −1 137 693.94 and 1.27e7 (bound r·t/α = 520); values from bgnbd_mpmath.py (eq. 9)
        double e1 = BetaGeometricNbd.of(100, 10, 0.2, 1.0).expectedPurchases(52);
        assertRelative(e1, 170.47145541797942471, 1e-10, "of(100, 10, 0.2, 1.0).expectedPurchases(52)");
        double e2 = BetaGeometricNbd.of(100, 10, 0.5, 0.6).expectedPurchases(52);
        assertRelative(e2, 28.887787265937810471, 1e-10, "of(100, 10, 0.5, 0.6).expectedPurchases(52)");
        // was −6.7e-5 (eq. 10)
        assertRelative(BetaGeometricNbd.of(100, 10, 0.2, 0.2).conditionalExpectedPurchases(1000, 3, 20, 30),
                1.2203219065328318818e-9, 1e-10, "of(100, 10, 0.2, 0.2).conditionalExpectedPurchases(1000, 3, 20, 30)");
    }

    @Test
    void aEqualToOneIsTheLimit() {
        // reliability #8a and the review: were +Infinity and −Infinity; mpmath: mean of eq. 9/10 at a = 1 ± 1e-20
        BetaGeometricNbd m = BetaGeometricNbd.of(0.2426, 4.4135, 1.0, 2.4258);
        assertRelative(m.expectedPurchases(52), 1.2881656550752979983, 1e-10, "a = 1, E[X(52)]");
        assertRelative(m.conditionalExpectedPurchases(52, 2, 20, 25), 1.8969001561354298965, 1e-10, "a = 1, E[Y(52)]");
    }

    @Test
    void aPlusBBelowOneAndLongHorizons() {
        // reliability #8b: IAE "c must be > 0, was -0.1"
        assertRelative(BetaGeometricNbd.of(0.5, 1, 0.3, 0.6).expectedPurchases(10), 2.584134185556716578, 1e-10,
                "a + b < 1");
        // reliability #8c: ArithmeticException "2F1 series did not converge in 1000000 terms"
        assertRelative(BetaGeometricNbd.of(0.1, 0.1, 0.5, 2.4).expectedPurchases(3844), 87.916924617163237708, 1e-10,
                "t = 3844");
        assertRelative(CDNOW.expectedPurchases(1e6), 53.455265432960526599, 1e-10, "CDNOW, t = 1e6");
        // reliability #8d: IAE "z must be in [0, 1), was 1.0"; mpmath in the Pfaff form (see the script)
        assertRelative(CDNOW.expectedPurchases(1e300), 4.2992870779457353403e+62, 1e-10, "CDNOW, t = 1e300");
    }

    @Test
    void hardiesSpreadsheetValue() {
        // FHL 2005 / Hardie's spreadsheet: CET(39 | 2, 30.43, 38.86) = 1.226 at the published estimates
        assertRelative(BetaGeometricNbd.of(0.2426, 4.4135, 0.7929, 2.4258).conditionalExpectedPurchases(39, 2, 30.43,
                38.86), 1.2259111998992229327, 1e-10, "CET");
    }

    @Test
    void expectedPurchasesMatchMpmathOnTheGrid() throws IOException {
        List<String[]> rows = rows("bgnbd_expected.csv");
        assertThat(rows).hasSize(574);
        for (String[] f : rows) {
            BetaGeometricNbd m = model(f);
            double t = Double.parseDouble(f[4]);
            double e = m.expectedPurchases(t);
            assertRelative(e, Double.parseDouble(f[5]), 1e-10, String.join(",", f));
            assertThat(e).as(String.join(",", f)).isBetween(0.0, m.r() * t / m.alpha());
        }
    }

    @Test
    void conditionalExpectationsMatchMpmath() throws IOException {
        List<String[]> rows = rows("bgnbd_conditional.csv");
        assertThat(rows).hasSize(41);
        for (String[] f : rows) {
            BetaGeometricNbd m = model(f);
            double t = Double.parseDouble(f[4]);
            long x = Long.parseLong(f[5]);
            double tx = Double.parseDouble(f[6]);
            double age = Double.parseDouble(f[7]);
            double e = m.conditionalExpectedPurchases(t, x, tx, age);
            assertRelative(e, Double.parseDouble(f[8]), 1e-10, String.join(",", f));
            assertThat(e).isBetween(0.0, (m.r() + x) * t / (m.alpha() + age));
        }
    }

    @Test
    void purchaseCountProbabilitiesMatchMpmath() throws IOException {
        List<String[]> rows = rows("bgnbd_pmf.csv");
        assertThat(rows).hasSize(47);
        for (String[] f : rows) {
            double p = model(f).probabilityOfPurchases(Integer.parseInt(f[4]), Double.parseDouble(f[5]));
            if (f[6].startsWith("<=")) { // an upper bound far below the double range
                assertThat(p).as(String.join(",", f)).isEqualTo(0.0);
            } else {
                double expected = Double.parseDouble(f[6]);
                // values below the smallest normal double are 0 or subnormal
                assertRelative(p, expected, expected < Double.MIN_NORMAL ? Double.POSITIVE_INFINITY : 1e-10,
                        String.join(",", f));
                assertThat(p).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void probabilityOfPurchasesCostsNothingInN() {
        // reliability #11: probabilityOfPurchases(Integer.MAX_VALUE, 1) ran past a 20 s limit; 20 calls now take
        // microseconds (10 s is a guard against the loop coming back, loose enough for a loaded machine)
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int n : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1 << 30, 123_456_789}) {
                for (double t : new double[] {1e-3, 1, 52, 1e6, 1e300}) {
                    assertThat(CDNOW.probabilityOfPurchases(n, t)).isBetween(0.0, 1.0);
                }
            }
            // mpmath, bgnbd_pmf.csv: n = 10^6, t = 10^6 at the CDNOW parameters
            assertRelative(CDNOW.probabilityOfPurchases(1_000_000, 1e6), 1.8295390208781891718e-13, 1e-10, "n = 1e6");
        });
    }

    @Test
    void probabilitiesOfPurchasesSumToOneAndGiveTheMean() {
        double total = 0.0;
        double mean = 0.0;
        for (int n = 0; n < 5000; n++) {
            double p = CDNOW.probabilityOfPurchases(n, 52);
            total += p;
            mean += n * p;
        }
        assertThat(total).isBetween(1 - 1e-12, 1 + 1e-12);
        assertRelative(mean, CDNOW.expectedPurchases(52), 1e-11, "Σ n P(X = n)");
    }

    @Test
    void probabilityAliveStaysInTheUnitInterval() {
        assertThat(CDNOW.probabilityAlive(0, 0, 10)).isEqualTo(1.0);
        // 1/(1 + a/(b + x − 1)·((α + T)/(α + tₓ))^(r+x)) with mpmath at 50 digits:
        // 1/(1 + mpf('0.7931')/mpf('3.4259')*((mpf('4.4135')+38)/(mpf('4.4135')+20))**mpf('2.2426'))
        assertRelative(CDNOW.probabilityAlive(2, 20, 38), 0.55589388894786451584, 1e-12, "P(alive | 2, 20, 38)");
        assertThat(CDNOW.probabilityAlive(Long.MAX_VALUE, 1, 1e300)).isEqualTo(0.0);
        assertThat(CDNOW.probabilityAlive(Long.MAX_VALUE, 1e300, 1e300)).isBetween(0.0, 1.0);
    }

    @Test
    void argumentsAreNamed() {
        assertThatThrownBy(() -> CDNOW.expectedPurchases(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and >= 0, was -1.0");
        assertThatThrownBy(() -> CDNOW.expectedPurchases(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("t must be finite and >= 0, was Infinity");
        assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(-1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be >= 0, was -1");
        assertThatThrownBy(() -> CDNOW.probabilityOfPurchases(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("t must be finite and > 0, was 0.0");
        assertThat(CDNOW.expectedPurchases(0)).isEqualTo(0.0);
        assertThat(CDNOW.conditionalExpectedPurchases(0, 2, 20, 38)).isEqualTo(0.0);
    }
}
