package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static io.github.cxmetrics.cli.CxmEndToEndTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm clv} on a raw invoice-line export in the UCI Online Retail layout (InvoiceNo, StockCode,
 * Description, Quantity, InvoiceDate as {@code 12/1/2010 8:26}, UnitPrice, CustomerID, Country):
 * {@code clv/online-retail.csv}, 39 lines by hand, 8 customers, 3 lines without a CustomerID, 3
 * cancellation invoices ({@code C…}) and one return line (Quantity −2 in invoice 537200), one line after
 * the end of observation, a quoted description with a comma, same-day invoices of one customer.
 */
class CxmClvTest {

    @TempDir
    Path tmp;

    private static final String[] UCI = {"--customer", "CustomerID", "--date", "InvoiceDate", "--date-format",
        "M/d/yyyy H:mm", "--amount", "Quantity*UnitPrice", "--invoice", "InvoiceNo", "--end", "2011-12-09"};

    /**
     * x, t_x (weeks), T (weeks) and the mean repeat-day amount per customer, computed independently with
     * Python's csv and datetime modules: drop blank CustomerID, InvoiceNo starting with C and
     * Quantity*UnitPrice &lt; 0, dates after 2011-12-09; sum per customer and calendar day; x = days − 1,
     * t_x = (last − first)/7, T = (2011-12-09 − first)/7, mean = the mean of the day sums after the first.
     * E.g. 17850: 12/1/2010 6·2.55 + 6·3.39 + 8·2.75 + 6·1.85 = 68.74 (two invoices, 8:26 and 8:28),
     * 12/8/2010 12·2.95 = 35.40 (its cancellation C537001 excluded), 3/1/2011 24·0.55 = 13.20: x = 2,
     * t_x = 90/7, T = 373/7, mean (35.40 + 13.20)/2 = 24.30. 13047's 12/15/2010 day is 16·1.69 = 27.04
     * (the return line −2·4.25 excluded). 13748's last purchase is on the end day itself (inclusive);
     * 15100's line of 12/10/2011 is after it.
     */
    private static final Object[][] EXPECTED = {
        {"17850", 2, 90 / 7.0, 373 / 7.0, 24.30},
        {"13047", 2, 40 / 7.0, 373 / 7.0, 26.27},
        {"12583", 0, 0.0, 373 / 7.0, null},
        {"13748", 2, 373 / 7.0, 373 / 7.0, 13.78},
        {"15100", 3, 362 / 7.0, 371 / 7.0, 38.91},
        {"14688", 4, 32 / 7.0, 372 / 7.0, 19.875},
        {"16029", 0, 0.0, 221 / 7.0, null},
        {"12748", 1, 1.0, 86 / 7.0, 17.85},
    };

    /**
     * Three repeat buyers with varied amounts, so that the Gamma–Gamma fit converges on the small files
     * (columns: invoice X, customer, day, amount).
     */
    private static final String BACKGROUND = "X,d,2020-01-04,2\nX,d,2020-01-11,4\nX,d,2020-01-20,7\n"
            + "X,e,2020-01-05,3\nX,e,2020-01-06,12\nX,e,2020-01-25,9\nX,e,2020-01-30,14\n"
            + "X,f,2020-01-09,50\nX,f,2020-01-19,40\n";

    private static String[] args(String... more) {
        List<String> a = new ArrayList<>(List.of("clv"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, String[]> perCustomer(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("customer,x,t_x,T,mean_spend,p_alive,expected_purchases,clv");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split(",", -1);
            rows.put(c[0], c);
        }
        return rows;
    }

    private static void assertRfm(Map<String, String[]> rows) {
        assertThat(rows.keySet()).containsExactlyInAnyOrder("17850", "13047", "12583", "13748", "15100", "14688",
                "16029", "12748");
        for (Object[] e : EXPECTED) {
            String[] c = rows.get((String) e[0]);
            assertThat(Integer.parseInt(c[1])).as("x of " + e[0]).isEqualTo(e[1]);
            assertThat(Double.parseDouble(c[2])).as("t_x of " + e[0]).isCloseTo((Double) e[2], within(1e-12));
            assertThat(Double.parseDouble(c[3])).as("T of " + e[0]).isCloseTo((Double) e[3], within(1e-12));
            if (e[4] == null) {
                assertThat(c[4]).as("mean_spend of " + e[0]).isEmpty();
            } else {
                assertThat(Double.parseDouble(c[4])).as("mean_spend of " + e[0]).isCloseTo((Double) e[4],
                        within(1e-9));
            }
        }
    }

    @Test
    void scoresTheOnlineRetailLayoutWithoutPreprocessing() throws IOException {
        Path out = tmp.resolve("clv.csv");
        // --horizon 0: the eight customers determine x, t_x and T, not a well-identified fit (a and b
        // run off to the no-dropout limit), so only the RFM columns are checked.
        Run run = cxm(concat(args(file("clv/online-retail.csv")), concat(UCI, "--horizon", "0", "--output",
                out.toString())));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("8 customers, time in weeks up to 2011-12-09");
        assertThat(run.err())
                .contains("3 rows left column 'CustomerID' empty; they are not scored")
                .contains("excluded 4 cancellation rows (--invoice InvoiceNo starting with 'C', or a negative amount)")
                .contains("ignored 1 row dated after --end 2011-12-09")
                .contains("wrote 8 customers to ")
                .doesNotContain("Exception");
        Map<String, String[]> rows = perCustomer(out);
        assertThat(new ArrayList<>(rows.keySet())).as("order of first appearance")
                .containsExactly("17850", "13047", "12583", "13748", "15100", "14688", "16029", "12748");
        assertRfm(rows);
    }

    @Test
    void rowOrderDoesNotChangeTheSummaries() throws IOException {
        // Shuffled lines exercise the sort that gathers a customer's purchase days.
        List<String> lines = Files.readAllLines(Path.of(file("clv/online-retail.csv")));
        List<String> body = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(body, new Random(16));
        body.add(0, lines.get(0));
        Path shuffled = tmp.resolve("shuffled.csv");
        Files.write(shuffled, body);
        Path out = tmp.resolve("clv.csv");
        Run run = cxm(concat(args(shuffled.toString()), concat(UCI, "--horizon", "0", "--output", out.toString())));
        assertThat(run.code()).as(run.err()).isZero();
        assertRfm(perCustomer(out));
    }

    @Test
    void withoutInvoiceColumnACancellationIsAnError() {
        Run run = cxm("clv", file("clv/online-retail.csv"), "--customer", "CustomerID", "--date", "InvoiceDate",
                "--date-format", "M/d/yyyy H:mm", "--amount", "Quantity*UnitPrice", "--end", "2011-12-09");
        assertThat(run.code()).isEqualTo(1);
        // C536379: Quantity -1, UnitPrice 27.5 (line 14 of the file)
        assertThat(run.err().strip()).isEqualTo("cxm: " + file("clv/online-retail.csv")
                + ", line 14, column 'Quantity*UnitPrice': '-1*27.5' is not a finite amount >= 0");
    }

    @Test
    void cancelPrefixIsConfigurable() throws IOException {
        Path f = tmp.resolve("storno.csv");
        Files.writeString(f, "Beleg,Kunde,Datum,Betrag\n"
                + "R1,a,2020-01-01,10\nR2,a,2020-01-08,20\nS3,a,2020-01-09,20\nR4,b,2020-01-02,5\n"
                + "R6,c,2020-01-03,1\nR9,c,2020-01-06,-1\n" + BACKGROUND);
        Path out = tmp.resolve("clv.csv");
        Run run = cxm("clv", f.toString(), "--customer", "Kunde", "--date", "Datum", "--amount", "Betrag",
                "--invoice", "Beleg", "--cancel-prefix", "S", "--end", "2020-02-01",
                "--horizon", "0", "--output", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        // S3 by its prefix, R9 by its negative amount
        assertThat(run.err()).contains("excluded 2 cancellation rows (--invoice Beleg starting with 'S'");
        Map<String, String[]> rows = perCustomer(out);
        // a: days 2020-01-01 and 01-08: x = 1, t_x = 1 week, T = 31/7 (31 days to 2020-02-01), mean 20
        assertThat(rows.get("a")[1]).isEqualTo("1");
        assertThat(Double.parseDouble(rows.get("a")[2])).isEqualTo(1.0);
        assertThat(Double.parseDouble(rows.get("a")[3])).isEqualTo(31 / 7.0);
        assertThat(Double.parseDouble(rows.get("a")[4])).isEqualTo(20.0);
        assertThat(rows.get("c")[1]).isEqualTo("0");
    }

    @Test
    void aColumnWhoseNameHasAStarIsAPlainColumn() throws IOException {
        Path f = tmp.resolve("star.csv");
        Files.writeString(f, "id,day,Qty*Price\na,2020-01-01,10\na,2020-01-08,20\nb,2020-01-02,5\nc,2020-01-03,1\n"
                + BACKGROUND.replace("X,", ""));
        Path out = tmp.resolve("clv.csv");
        Run run = cxm("clv", f.toString(), "--customer", "id", "--date", "day", "--amount", "Qty*Price",
                "--end", "2020-02-01", "--horizon", "0", "--output", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Double.parseDouble(perCustomer(out).get("d")[4])).isEqualTo(5.5); // (4 + 7) / 2
    }

    @Test
    void badAmountExpressionsAreUsageErrors() {
        for (String expr : new String[] {"Quantity*", "*UnitPrice", "Quantity*UnitPrice*Quantity", "Quantity*Nope"}) {
            Run run = cxm(concat(args(file("clv/online-retail.csv")), "--customer", "CustomerID", "--date",
                    "InvoiceDate", "--date-format", "M/d/yyyy H:mm", "--amount", expr, "--end", "2011-12-09"));
            assertThat(run.code()).as(expr + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("cxm: ").doesNotContain("Exception");
        }
    }

    @Test
    void numbersAreStrictDecimals() throws IOException {
        for (String bad : new String[] {"1d", "0x1p3", "NaN", "Infinity", "1f", "١٢"}) {
            Path f = tmp.resolve("n.csv");
            Files.writeString(f, "id,day,amount\na,2020-01-01,10\na,2020-01-08," + bad + "\n");
            Run run = cxm("clv", f.toString(), "--customer", "id", "--date", "day", "--amount", "amount",
                    "--end", "2020-02-01");
            assertThat(run.code()).as(bad).isEqualTo(1);
            assertThat(run.err()).as(bad).contains("line 3, column 'amount': '" + bad + "' is not a number");
        }
    }

    @Test
    void skipInvalidCountsBadDatesAndAmounts() throws IOException {
        Path f = tmp.resolve("skip.csv");
        Files.writeString(f, "id,day,amount\na,2020-01-01,10\na,2020-01-08,x\nb,01/02/2020,5\nb,2020-01-02,5\n"
                + "c,2020-01-03,1\nd,2020-01-04,2\nd,2020-01-11,4\na,2020-01-15,30\n");
        Path out = tmp.resolve("clv.csv");
        Run run = cxm("clv", f.toString(), "--customer", "id", "--date", "day", "--amount", "amount",
                "--end", "2020-02-01", "--horizon", "0", "--skip-invalid", "--output", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("skipped 2 of 8 rows").contains("column 'amount': not a number")
                .contains("column 'day': not a date yyyy-MM-dd");
        // a: 2020-01-01 and 01-15 (the bad 01-08 row skipped): x = 1, t_x = 2 weeks, mean 30
        String[] a = perCustomer(out).get("a");
        assertThat(a[1]).isEqualTo("1");
        assertThat(Double.parseDouble(a[2])).isEqualTo(2.0);
        assertThat(Double.parseDouble(a[4])).isEqualTo(30.0);
    }
}
