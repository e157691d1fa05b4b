package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.stats.Comparisons;
import io.github.cxmetrics.stats.Homogeneity;
import io.github.cxmetrics.stats.PValueAdjustment;
import io.github.cxmetrics.stats.Segments;
import io.github.cxmetrics.survey.Nps;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's segment-comparison example honest: the body of {@code main} below must be the
 * README's, line for line, and print what the README shows. Expected output: the research notes'
 * channel vector (mission-next §3.2, computed with scipy/statsmodels; R {@code p.adjust} and
 * {@code chisq.test} agree): differences from the overall 0.05, 0.025, 0.25, −0.35 (×100 points), raw
 * p 0.183871363056728, 0.620055018642384, 1.33611044615501e−07, 7.8222658886044e−12, Holm
 * 0.367742726113456, 0.620055018642384, 4.00833133846503e−07, 3.12890635544176e−11; BH over the six
 * pairs leaves only Phone−Email (0.7308) above 0.05; X² = 61.0029878759115, df 6, p 2.8147460787062e−11.
 */
class SegmentsReadmeTest {

    static class Channels {
        public static void main(String[] args) {
            Map<String, Nps> byChannel = new LinkedHashMap<>();     // promoters, passives, detractors
            byChannel.put("Phone", Nps.ofCounts(150, 90, 60));
            byChannel.put("Email", Nps.ofCounts(100, 55, 45));
            byChannel.put("Chat", Nps.ofCounts(130, 40, 30));
            byChannel.put("Web", Nps.ofCounts(60, 60, 80));
            Segments<Nps> channels = Nps.segments(byChannel);

            Comparisons vsOverall = channels.versusOverall();      // Holm by default
            for (Comparisons.Comparison c : vsOverall) {
                System.out.printf("%-5s %+6.1f points, p = %.3g, Holm p = %.3g%n", c.subject(), c.estimate(),
                        c.pValue(), c.adjustedPValue());
            }
            Comparisons pairs = channels.allPairs(PValueAdjustment.BENJAMINI_HOCHBERG);
            System.out.println(pairs.significant(0.05).size() + " of " + pairs.size() + " pairs differ (FDR 5%)");
            Homogeneity chi2 = channels.homogeneity();
            System.out.println(chi2);
        }
    }

    private static final String[] OUTPUT = {
        "Phone   +5.0 points, p = 0.184, Holm p = 0.368",
        "Email   +2.5 points, p = 0.620, Holm p = 0.620",
        "Chat   +25.0 points, p = 1.34e-07, Holm p = 4.01e-07",
        "Web    -35.0 points, p = 7.82e-12, Holm p = 3.13e-11",
        "5 of 6 pairs differ (FDR 5%)",
        "Pearson χ² = 61.0030, df = 6, p = 2.81e-11",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> Channels.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        ReadmeExample.assertReadmeShows("Channels", "SegmentsReadmeTest.java", "    private static final String[] OUTPUT", OUTPUT);
    }
}
