package io.github.cxmetrics.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.service.QuantileSketch;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's "Percentiles that merge" example honest (same checks as {@code CsatCesReadmeTest};
 * the README check runs once the README holds the example). Expected output: the answer times are
 * 1, 2, …, 1000 s, §4.3's stream A, split between two sites, so the merged sketch is the one-pass
 * sketch and its quantiles are those of DataDog's {@code sketches-java} at α = 0.01 (research report
 * §4.3): p50 497.7794…, p90 907.0313…, p99 982.5779…; mean 500500/1000 = 500.5; 200 buckets, and
 * 64 + 12·200 + 3 = 2467 bytes (docs/binary-format.md: a 3-byte sum, 500500 = 125125·4).
 */
class QuantileSketchReadmeTest {

    static class ResponseTimes {
        public static void main(String[] args) {
            QuantileSketch east = new QuantileSketch(0.01);   // every quantile within 1 %
            QuantileSketch west = new QuantileSketch(0.01);
            for (int seconds = 1; seconds <= 1000; seconds++) { // time to answer, two sites
                (seconds % 2 == 0 ? east : west).add(seconds);
            }
            byte[] shipped = west.toByteArray();              // e.g. from another machine
            QuantileSketch all = east.merge(QuantileSketch.fromByteArray(shipped));
            System.out.printf("n %d, mean %.1f s, p50 %.1f s, p90 %.1f s, p99 %.1f s, max %.0f s%n",
                    all.count(), all.mean(), all.quantile(0.5), all.quantile(0.9), all.quantile(0.99), all.max());
            System.out.printf("%d buckets, %d bytes%n", all.bucketCount(), all.serializedSize());
        }
    }

    private static final String[] OUTPUT = {
        "n 1000, mean 500.5 s, p50 497.8 s, p90 907.0 s, p99 982.6 s, max 1000 s",
        "200 buckets, 2467 bytes",
    };

    @Test
    void printsWhatTheReadmeSays() {
        assertThat(ReadmeExample.output(() -> ResponseTimes.main(new String[0]))).containsExactly(OUTPUT);
    }

    @Test
    void readmeShowsThisCodeAndOutput() throws IOException {
        ReadmeExample.assertReadmeShows("ResponseTimes", "QuantileSketchReadmeTest.java",
                "    private static final String[] OUTPUT", OUTPUT);
    }
}
