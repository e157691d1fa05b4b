package io.github.cxmetrics.csi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.csi.RelativeImportanceBootstrap.Measure;
import io.github.cxmetrics.csi.RelativeImportanceBootstrap.Resampler;
import io.github.cxmetrics.stats.Interval;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Jackknife SE and the deterministic resamples idx_i = (i² + b·i + b) mod 47 of
 * shared/reports/mission-next.md §1.3(a) (numpy {@code kda.py}/{@code kda_fixedboot.py}, matched by R
 * relaimpo). Those values are printed to 12 significant digits, so the tolerance is 1e-12 absolute
 * (the values are 0.03–0.3).
 */
class RelativeImportanceBootstrapTest {

    private static final Resampler QUADRATIC = (b, rows) -> {
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = (int) (((long) i * i + (long) b * i + b) % rows);
        }
        return idx;
    };

    private static RelativeImportanceBootstrap swiss(int resamples, Resampler resampler) {
        DriverData d = DriverData.swiss();
        return RelativeImportanceBootstrap.of(d.ratings, d.overall, RelativeImportance.options().names(d.names),
                resamples, resampler);
    }

    @Test
    void jackknifeStandardErrorsMatchSection13a() {
        double[] se = swiss(0, QUADRATIC).jackknifeStandardErrors(Measure.LMG);
        double[] expected = {0.0187066362663, 0.0565361085750, 0.0915901393031, 0.0575793103859, 0.0602647224942};
        for (int j = 0; j < 5; j++) {
            assertThat(se[j]).isCloseTo(expected[j], within(1e-12));
        }
    }

    @Test
    void deterministicResamplesMatchSection13a() {
        RelativeImportanceBootstrap boot = swiss(3, QUADRATIC);
        double[][] lmg = boot.replicates(Measure.LMG);
        double[][] expected = {
            {0.0482398807284, 0.276607606703, 0.0946999101085, 0.278374888109, 0.0883987758888},
            {0.0645662297167, 0.1492782617, 0.322922041345, 0.107944826251, 0.108734515663},
            {0.0306550441645, 0.188491219755, 0.110059605311, 0.19311988457, 0.142248235429}};
        for (int b = 0; b < 3; b++) {
            for (int j = 0; j < 5; j++) {
                // printed to 12 significant digits: half a unit in the 12th digit
                assertThat(lmg[b][j]).as("b=%d j=%d", b, j).isCloseTo(expected[b][j],
                        within(5e-12 * Math.abs(expected[b][j]) + 1e-15));
            }
        }
        assertThat(boot.failedResamples()).isZero();
    }

    @Test
    void percentileIsType7OfTheReplicates() {
        RelativeImportanceBootstrap boot = swiss(200, Resampler.seeded(RelativeImportanceBootstrap.DEFAULT_SEED));
        double[][] reps = boot.replicates(Measure.LMG);
        double[] a = new double[200];
        double[] diff = new double[200];
        for (int b = 0; b < 200; b++) {
            a[b] = reps[b][2];
            diff[b] = reps[b][2] - reps[b][0];
        }
        Arrays.sort(a);
        Arrays.sort(diff);
        // type 7 at u = 0.025, 0.975 with m = 200: h = 4.975 and 194.025
        Interval i = boot.interval(Measure.LMG, 2, 0.95);
        assertThat(i.lower()).isCloseTo(a[4] + 0.975 * (a[5] - a[4]), within(1e-15));
        assertThat(i.upper()).isCloseTo(a[194] + 0.025 * (a[195] - a[194]), within(1e-15));
        Interval d = boot.differenceInterval(Measure.LMG, 2, 0, 0.95);
        assertThat(d.lower()).isCloseTo(diff[4] + 0.975 * (diff[5] - diff[4]), within(1e-15));
        assertThat(boot.interval(Measure.LMG_SHARE, 0, 0.9).upper()).isLessThan(1.0);
        assertThat(boot.jackknifeStandardErrors(Measure.RELATIVE_WEIGHT)).hasSize(5);
    }

    @Test
    void quantileMatchesNumpy() {
        // numpy.quantile([0.3,0.1,0.7,0.25,0.9,0.05,0.5], [0.025,0.975,0.5,0.1]) = 0.0575, 0.87, 0.3, 0.08
        double[] x = {0.05, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9};
        assertThat(RelativeImportanceBootstrap.quantile(x, 7, 0.025)).isCloseTo(0.0575, within(1e-15));
        assertThat(RelativeImportanceBootstrap.quantile(x, 7, 0.975)).isCloseTo(0.87, within(1e-15));
        assertThat(RelativeImportanceBootstrap.quantile(x, 7, 0.5)).isCloseTo(0.3, within(1e-15));
        assertThat(RelativeImportanceBootstrap.quantile(x, 7, 0.1)).isCloseTo(0.08, within(1e-15));
    }

    @Test
    void seededIsReproducibleAndCountsFailures() {
        assertThat(swiss(20, Resampler.seeded(5))).isEqualTo(swiss(20, Resampler.seeded(5)));
        // a resample of one repeated row has no variance: counted as failed, not thrown
        RelativeImportanceBootstrap boot = swiss(4, (b, rows) -> b == 1 ? new int[rows] : QUADRATIC.resample(b, rows));
        assertThat(boot.failedResamples()).isEqualTo(1);
        assertThat(boot.replicates(Measure.LMG)[1]).containsOnly(Double.NaN);
    }

    @Test
    void rejectsBadResamplerOutput() {
        assertThatThrownBy(() -> swiss(2, (b, rows) -> new int[] {0, rows}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resample 0 has index 47 at position 1; must be in [0, 47)");
        assertThatThrownBy(() -> swiss(-1, QUADRATIC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resamples must be >= 0, was -1");
    }

    @Test
    void bootstrapStandardErrorsAreTheReplicatesStandardDeviation() {
        // §1.3's three deterministic resamples; numpy.std(those LMG vectors, axis=0, ddof=1) of the
        // 12-digit values printed there
        DriverData d = DriverData.swiss();
        RelativeImportanceBootstrap boot = RelativeImportanceBootstrap.of(d.ratings, d.overall,
                RelativeImportance.options().names(d.names), 3, QUADRATIC, false);
        double[] expected = {0.0169594843368, 0.0652110877933, 0.127561539460, 0.0852150340541, 0.0271921435268};
        double[] se = boot.bootstrapStandardErrors(Measure.LMG);
        for (int j = 0; j < 5; j++) {
            assertThat(se[j]).isCloseTo(expected[j], within(1e-11));
        }
        assertThat(boot.hasJackknife()).isFalse();
        assertThat(swiss(3, QUADRATIC).hasJackknife()).isTrue();
        assertThatThrownBy(() -> boot.jackknifeStandardErrors(Measure.LMG)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the jackknife was not computed");
        RelativeImportanceBootstrap one = RelativeImportanceBootstrap.of(d.ratings, d.overall,
                RelativeImportance.options(), 1, QUADRATIC, false);
        assertThatThrownBy(() -> one.bootstrapStandardErrors(Measure.LMG)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a bootstrap standard error needs at least 2 successful resamples, had 1");
    }
}
