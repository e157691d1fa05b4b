package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link ShiftedBetaGeometric#discountedExpectedResidualLifetime} against Fader &amp; Hardie (2010,
 * eq. 6) evaluated by mpmath 1.3.0 at 50 digits: 259 values in {@code sbg_derl.csv}, written by
 * {@code sbg_derl_mpmath.py} beside it (the script is the exact computation), for d from
 * {@code 1e-17} to {@code 1e6}, α at and near integers, and 0 to {@code 2^31 − 1} renewals. The
 * regression cases are reliability report #25: {@code (1e-6, 0)} threw "2F1 series did not
 * converge", {@code (1e-17, 0)} threw "z must be in [0, 1)".
 */
class ShiftedBetaGeometricDerlTest {

    private static void assertRelative(double actual, double expected, double tolerance, String what) {
        assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s: expected %s, was %s", what, expected, actual)
                .isLessThanOrEqualTo(tolerance);
    }

    @Test
    void smallDiscountRatesOfTheReliabilityReport() {
        ShiftedBetaGeometric flat = ShiftedBetaGeometric.of(1, 1);
        // mpmath, mp.dps = 50: hyp2f1(1, 2, 3, 1/(1 + mpf('1e-6'))) / 2 and the same at d = 1e-17
        assertRelative(flat.discountedExpectedResidualLifetime(1e-6, 0), 12.815538189000705544, 1e-10, "d = 1e-6");
        assertRelative(flat.discountedExpectedResidualLifetime(1e-17, 0), 38.143946580898777411, 1e-10, "d = 1e-17");
    }

    @Test
    void matchesMpmathOnTheGrid() throws IOException {
        List<String[]> rows = new ArrayList<>();
        String resource = "sbg_derl.csv";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(getClass().getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.split(","));
            }
        }
        assertThat(rows).hasSize(259);
        for (String[] f : rows) {
            ShiftedBetaGeometric model = ShiftedBetaGeometric.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]));
            double d = Double.parseDouble(f[2]);
            double derl = model.discountedExpectedResidualLifetime(d, Integer.parseInt(f[3]));
            assertRelative(derl, Double.parseDouble(f[4]), 1e-10, String.join(",", f));
            assertThat(derl).isLessThanOrEqualTo((1 + d) / d);
        }
    }

    @Test
    void derlFallsWithTheDiscountRateAndRisesWithRenewals() {
        ShiftedBetaGeometric model = ShiftedBetaGeometric.of(0.668, 3.806);
        double previous = Double.POSITIVE_INFINITY;
        for (double d = 1e-17; d < 1e6; d *= 3.7) {
            double derl = model.discountedExpectedResidualLifetime(d, 3);
            assertThat(derl).as("d = %s", d).isLessThan(previous);
            previous = derl;
        }
        double shorter = 0.0;
        for (long renewals = 0; renewals < Integer.MAX_VALUE; renewals = renewals * 3 + 1) {
            double derl = model.discountedExpectedResidualLifetime(0.1, (int) renewals);
            assertThat(derl).as("renewals = %d", renewals).isGreaterThan(shorter);
            shorter = derl;
        }
    }

    @Test
    void oneCheckOneMessageForTheDiscountRate() {
        ShiftedBetaGeometric model = ShiftedBetaGeometric.of(1, 1);
        for (double d : new double[] {-2.0, -1.0, -0.5, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> model.discountedExpectedResidualLifetime(d, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("discountRate must be finite and > 0, was " + d);
        }
        assertThatThrownBy(() -> model.discountedExpectedResidualLifetime(0.1, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("renewals must be >= 0, was -1");
    }
}
