package io.github.cxmetrics.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm clv} on two million invoice lines (UCI Online Retail layout, in date order as shops export
 * them) in a separate JVM whose heap is capped at 64 MB. The purchases follow a BG/NBD process (gamma
 * purchase rates, beta dropout after each purchase), so the models fit; the file has about a million
 * customer purchase days, which the command must hold: before the primitive storage it died at about
 * one million rows in 64 MB.
 */
class ClvLargeFileTest {

    static final int ROWS = 2_000_000;
    static final LocalDate START = LocalDate.of(2019, 1, 1);
    static final LocalDate END = LocalDate.of(2020, 12, 28); // 104 weeks after START

    @TempDir
    Path tmp;

    /** What the generator wrote, for the assertions. */
    record Written(long rows, int customers, long purchaseDays, long cancelled, long blank) {
    }

    /**
     * Writes {@code rows} invoice lines or a few more. Each customer is born in the first year with a
     * purchase; it then buys at rate λ ~ Gamma(2, scale 0.5) per week and drops out after each purchase
     * with probability p ~ Beta(1, 40) (drawn as a ratio of gammas). Each purchase day is one invoice of 1..3
     * lines; every 40th invoice is followed by its cancellation (InvoiceNo C…, negative quantity) and
     * every 97th by a line without a CustomerID.
     */
    static Written generate(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long[] events = new long[(int) (rows / 2 + 1024)];
        int n = 0;
        int customers = 0;
        long lines = 0;
        long days = END.toEpochDay() - START.toEpochDay();
        while (lines < rows) {
            int c = customers++;
            double lambda = gamma(random, 2.0) * 0.5;
            double p = beta(random, 1.0, 40.0);
            double t = random.nextDouble() * 52.0;
            int lastDay = -1;
            while (t * 7.0 < days) {
                int day = (int) (t * 7.0);
                if (day != lastDay) {
                    if (n == events.length) {
                        events = Arrays.copyOf(events, n + n / 2);
                    }
                    events[n++] = ((long) day << 32) | c;
                    lines += linesOf(c, day);
                    lastDay = day;
                }
                if (random.nextDouble() < p) {
                    break;
                }
                t += -Math.log(1.0 - random.nextDouble()) / lambda;
            }
        }
        Arrays.sort(events, 0, n);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("M/d/yyyy H:mm", Locale.ROOT);
        long written = 0;
        long cancelled = 0;
        long blank = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            for (int i = 0; i < n; i++) {
                int day = (int) (events[i] >>> 32);
                int c = (int) events[i];
                String when = format.format(START.plusDays(day).atTime(8 + i % 10, i % 60));
                String id = String.valueOf(12346 + c);
                int invoice = 536365 + i;
                for (int k = 0; k < linesOf(c, day); k++) {
                    w.write(invoice + ",2208" + k + ",LUNCH BAG RED RETROSPOT," + (1 + (c + k) % 12) + "," + when
                            + "," + (0.85 + c % 7) + "," + id + ",United Kingdom\n");
                    written++;
                }
                if (i % 40 == 0) {
                    w.write("C" + invoice + ",22080,LUNCH BAG RED RETROSPOT,-1," + when + "," + (0.85 + c % 7) + ","
                            + id + ",United Kingdom\n");
                    written++;
                    cancelled++;
                }
                if (i % 97 == 0) {
                    w.write(invoice + ",22139,,56," + when + ",0,,United Kingdom\n");
                    written++;
                    blank++;
                }
            }
        }
        return new Written(written, customers, n, cancelled, blank);
    }

    private static double estimate(String text, String parameter) {
        for (String line : text.split("\n")) {
            String[] cells = line.trim().split(" +");
            if (cells.length >= 3 && cells[0].equals("BG/NBD") && cells[1].equals(parameter)) {
                return Double.parseDouble(cells[2]);
            }
        }
        throw new AssertionError("no BG/NBD " + parameter + " in " + text);
    }

    private static int linesOf(int customer, int day) {
        return 1 + (int) ((customer * 31L + day) % 3);
    }

    /** Gamma(shape >= 1, scale 1) by Marsaglia and Tsang. */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x;
            double v;
            do {
                // a standard normal by Box–Muller
                x = Math.sqrt(-2.0 * Math.log(1.0 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                v = 1.0 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(SplittableRandom random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }

    @Test
    void twoMillionInvoiceLinesInSixtyFourMegabytes() throws IOException, InterruptedException {
        Path file = tmp.resolve("online-retail-large.csv");
        Written w = generate(file, ROWS, 16);
        assertThat(w.rows()).isGreaterThanOrEqualTo(ROWS);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Path perCustomer = tmp.resolve("clv.csv");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath,
                "io.github.cxmetrics.cli.Cxm", "clv", file.toString(), "--customer", "CustomerID", "--date",
                "InvoiceDate", "--date-format", "M/d/yyyy H:mm", "--amount", "Quantity*UnitPrice", "--invoice",
                "InvoiceNo", "--end", END.toString(), "--horizon", "4", "--output", perCustomer.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        String errText = Files.readString(err);
        assertThat(errText).contains(w.blank() + " rows left column 'CustomerID' empty")
                .contains("excluded " + w.cancelled() + " cancellation rows")
                .contains("wrote " + w.customers() + " customers");
        String outText = Files.readString(out);
        assertThat(outText).contains(w.customers() + " customers, time in weeks");
        // The generating process has r = 2, alpha = 2 (rate scale 0.5 per week), a = 1, b = 40. The fit
        // (r 1.74, alpha 1.98, a 1.01, b 38.9 with standard errors 0.016, 0.021, 0.031, 1.6) lands near
        // them; r is low because purchases on the same day collapse into one. Loose bounds, for a model
        // that was fitted at all rather than run off to a limit:
        assertThat(estimate(outText, "r")).isBetween(1.5, 2.5);
        assertThat(estimate(outText, "alpha")).isBetween(1.5, 2.5);
        assertThat(estimate(outText, "a")).isBetween(0.8, 1.25);
        assertThat(estimate(outText, "b")).isBetween(30.0, 50.0);
        // Σ x = purchase days − customers: every purchase day of the file was kept, each exactly once.
        List<String> rows = Files.readAllLines(perCustomer);
        assertThat(rows).hasSize(w.customers() + 1);
        long sumX = 0;
        for (String r : rows.subList(1, rows.size())) {
            sumX += Long.parseLong(r.split(",", -1)[1]);
        }
        assertThat(sumX).isEqualTo(w.purchaseDays() - w.customers());
        System.out.printf(Locale.ROOT, "clv: %d rows, %d customers, %d purchase days in %.1f s at -Xmx64m%n",
                w.rows(), w.customers(), w.purchaseDays(), seconds);
    }
}
