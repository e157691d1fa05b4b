package io.github.cxmetrics.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the survey export of the CSV-scoring comparison (issue 18; the layout of the newcomer
 * report's 1 GB benchmark): {@code respondent_id,submitted_at,channel,nps,csat,comment}, ISO
 * timestamps with {@code Z}, five channels of which two ({@code "chat, in-app"}, {@code "store,
 * retail"}) are always quoted because they hold a comma, 10 % of the other values quoted, NPS
 * distributions that differ by channel, and comments that are empty or quoted free text with commas
 * and doubled quotes (no line breaks, so that line-based tools can read the file too). The same seed
 * gives the same bytes. 12 200 000 rows are about 1 GB.
 *
 * <p>Run: {@code java metrics-bench/src/main/java/io/github/cxmetrics/bench/SurveyCsvGenerator.java
 * FILE [ROWS [SEED]]} (defaults 12 200 000 and 18).
 */
public final class SurveyCsvGenerator {

    private static final String[] CHANNELS = {"chat, in-app", "email", "phone", "store, retail", "web"};

    /** Per channel, the cumulative probabilities of the ratings 0..10 (differing shapes). */
    private static final double[][] NPS_CDF = {
        cdf(1, 1, 1, 1, 1, 2, 3, 6, 10, 14, 12), // chat: many promoters
        cdf(2, 1, 2, 2, 3, 4, 6, 10, 10, 8, 6), // email: about even
        cdf(4, 2, 3, 3, 4, 6, 8, 10, 8, 6, 5), // phone: detractors ahead
        cdf(1, 1, 2, 2, 2, 4, 5, 9, 10, 10, 7), // store
        cdf(1, 1, 1, 1, 2, 3, 4, 8, 10, 13, 10), // web
    };

    private static final String[] WORDS = {"the", "agent", "was", "helpful", "slow", "delivery", "app", "crashed",
        "refund", "took", "weeks", "great", "service", "price", "too", "high", "easy", "checkout", "login", "failed",
        "friendly", "staff", "store", "queue", "long", "waited", "again", "never", "always", "order", "late"};

    private SurveyCsvGenerator() {
    }

    private static double[] cdf(double... weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] c = new double[weights.length];
        double acc = 0;
        for (int i = 0; i < weights.length; i++) {
            acc += weights[i] / sum;
            c[i] = acc;
        }
        c[c.length - 1] = 1.0;
        return c;
    }

    /**
     * Writes the file.
     *
     * @param args {@code FILE [ROWS [SEED]]}
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SurveyCsvGenerator FILE [ROWS [SEED]]");
            System.exit(2);
        }
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 12_200_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 18L;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])), 1 << 20)) {
            write(out, rows, seed);
        }
    }

    /**
     * Writes {@code rows} data rows after the header.
     *
     * @param out where to write
     * @param rows the number of data rows
     * @param seed the random seed
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(256);
        out.write("respondent_id,submitted_at,channel,nps,csat,comment\n".getBytes(StandardCharsets.US_ASCII));
        long start = 1_735_689_600L; // 2025-01-01T00:00:00Z
        for (long r = 0; r < rows; r++) {
            sb.setLength(0);
            maybeQuoted(sb, random, Long.toString(1_000_000 + r));
            sb.append(',');
            long t = start + random.nextLong(365L * 86_400);
            maybeQuoted(sb, random, java.time.Instant.ofEpochSecond(t).toString());
            sb.append(',');
            int ch = random.nextInt(CHANNELS.length);
            String channel = CHANNELS[ch];
            if (channel.indexOf(',') >= 0) {
                sb.append('"').append(channel).append('"');
            } else {
                maybeQuoted(sb, random, channel);
            }
            sb.append(',');
            double u = random.nextDouble();
            int nps = 0;
            while (u > NPS_CDF[ch][nps]) {
                nps++;
            }
            maybeQuoted(sb, random, Integer.toString(nps));
            sb.append(',');
            maybeQuoted(sb, random, Integer.toString(1 + Math.min(4, nps / 2)));
            sb.append(',');
            if (random.nextInt(10) < 4) {
                // empty comment
            } else {
                sb.append('"');
                int words = 4 + random.nextInt(12);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        sb.append(random.nextInt(4) == 0 ? ", " : " ");
                    }
                    String word = WORDS[random.nextInt(WORDS.length)];
                    if (random.nextInt(12) == 0) {
                        sb.append("\"\"").append(word).append("\"\""); // a doubled quote
                    } else {
                        sb.append(word);
                    }
                }
                sb.append('"');
            }
            sb.append('\n');
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Appends the value, quoted one time in ten. */
    private static void maybeQuoted(StringBuilder sb, SplittableRandom random, String value) {
        if (random.nextInt(10) == 0) {
            sb.append('"').append(value).append('"');
        } else {
            sb.append(value);
        }
    }
}
