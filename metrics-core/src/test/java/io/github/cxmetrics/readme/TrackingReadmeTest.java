package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.stats.ControlChart;
import io.github.cxmetrics.stats.Difference;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.InterpretationBands;
import io.github.cxmetrics.stats.Trend;
import io.github.cxmetrics.survey.Nps;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's tracking example honest: {@code main} below must be the README's, line for line,
 * and print what the README shows. Expected output: the research notes' weekly NPS vector
 * (mission-next §3.2, script A.3 {@code t3b.py}, numpy/scipy): wave 7→8 difference −0.004 (−0.4
 * points), p = 0.957667553490582; WLS slope −0.0301679434564027 per wave (−3.02 points), p =
 * 0.000155445972860727; EWMA (λ = 0.2, L = 3, μ₀ the pooled NPS of waves 1–4, σ = √(v₀/250)) signals in
 * waves 7 and 8; NPS 14 is "positive" in seed 004's bands.
 */
class TrackingReadmeTest {

    static class Tracking {
        public static void main(String[] args) {
            int[][] weeks = {{130, 70, 50}, {130, 65, 55}, {130, 72, 48}, {120, 70, 60},    // promoters,
                {117, 68, 65}, {114, 66, 70}, {108, 70, 72}, {110, 65, 75}};              // passives, detractors
            List<Nps> waves = new ArrayList<>();
            for (int[] w : weeks) {
                waves.add(Nps.ofCounts(w[0], w[1], w[2]));
            }
            Difference lastWeek = Nps.compare(waves.get(6), waves.get(7));
            Trend.LinearTrend trend = Trend.weightedLeastSquares(waves.stream()
                .map(n -> Estimate.normal(n.score(), n.standardError())).toList());   // Wald, for the fit

            Nps baseline = waves.get(0).plus(waves.get(1)).plus(waves.get(2)).plus(waves.get(3));
            double sigma = baseline.standardError() * Math.sqrt(baseline.count() / 250.0);  // SE of one wave
            double[] scores = waves.stream().mapToDouble(Nps::score).toArray();
            ControlChart ewma = ControlChart.ewma(scores, baseline.score(), sigma, 0.2, 3.0);

            System.out.printf("week 7 to 8: %+.1f points, p = %.2f%n", lastWeek.estimate(), lastWeek.pValue());
            System.out.printf("trend: %+.2f points a week, p = %.6f%n", trend.slope(), trend.pValue());
            System.out.println("EWMA out of control in weeks " + Arrays.toString(
                    Arrays.stream(ewma.signals()).map(i -> i + 1).toArray()));
            System.out.printf("week 8: NPS %.1f, %s%n", waves.get(7).score(),
                    InterpretationBands.NPS.label(waves.get(7).score()));
        }
    }

    private static final String[] OUTPUT = {
        "week 7 to 8: -0.4 points, p = 0.96",
        "trend: -3.02 points a week, p = 0.000155",
        "EWMA out of control in weeks [7, 8]",
        "week 8: NPS 14.0, positive",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> Tracking.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        ReadmeExample.assertReadmeShows("Tracking", "TrackingReadmeTest.java", "    private static final String[] OUTPUT", OUTPUT);
    }
}
