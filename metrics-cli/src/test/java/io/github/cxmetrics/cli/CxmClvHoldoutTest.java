package io.github.cxmetrics.cli;

import static io.github.cxmetrics.cli.CxmEndToEndTest.cxm;
import static io.github.cxmetrics.cli.CxmEndToEndTest.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.cli.CxmEndToEndTest.Run;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cxm clv --holdout-from} and {@code --model} on the CDNOW sample shipped as the demo file
 * ({@code demo/cdnow_transactions.csv}: CDNOW_sample.txt as customer, date, cds, amount; 2357 customers).
 *
 * <p>Expected values: the bin sizes and actual holdout purchase days are those of mission-next §6.5
 * (equal to BTYD's published actuals; n × mean: 1411 × 0.2367115521 = 334, …; total 1882, as
 * {@code shared/data/README.md}); the fit, the predictions and the errors come from
 * {@code src/test/resources/clv/holdout_cli.py}, which reads the same file with Python's csv module,
 * fits BG/NBD with scipy and evaluates eq. (10) with {@code scipy.special.hyp2f1}. Its output:
 * <pre>
 * n 2357 MLE 0.24259453355269858 4.4136024595477465 0.7929220769892558 2.4259068254222265 LL -9582.429207
 * AIC 19172.858413 BIC 19195.918993 MAE 0.78545424 RMSE 1.60798201 predicted 1653.408663 actual 1882
 *   error_pct -12.146192
 * bin 0 1411 334 0.23671155 0.22508733    bin 4 62 157 2.53225806 2.16386572
 * bin 1 439 306 0.69703872 0.52313116     bin 5 38 112 2.94736842 2.65384579
 * bin 2 214 298 1.39252336 1.04413409     bin 6 29 112 3.86206897 3.50404217
 * bin 3 100 156 1.56000000 1.52027946     bin 7 64 407 6.35937500 6.15719030
 * </pre>
 * Two optimisers agree on the MLE to about 1e-5, so predictions are checked to 5e-5 and the
 * log-likelihood to 1e-5.
 */
class CxmClvHoldoutTest {

    @TempDir
    Path tmp;

    Path transactions;

    static final String[] LABELS = {"0", "1", "2", "3", "4", "5", "6", "7+"};
    static final long[] N = {1411, 439, 214, 100, 62, 38, 29, 64};
    static final long[] ACTUAL = {334, 306, 298, 156, 157, 112, 112, 407};
    static final double[] PREDICTED = {0.22508733, 0.52313116, 1.04413409, 1.52027946, 2.16386572, 2.65384579,
        3.50404217, 6.15719030};

    @BeforeEach
    void copyDemo() throws IOException {
        transactions = tmp.resolve("cdnow.csv");
        try (InputStream in = Cxm.class.getResourceAsStream("demo/cdnow_transactions.csv")) {
            Files.copy(in, transactions, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Run clv(String... more) {
        List<String> a = new ArrayList<>(List.of("clv", transactions.toString(), "--customer", "customer", "--date",
                "date", "--amount", "amount"));
        a.addAll(List.of(more));
        return cxm(a.toArray(new String[0]));
    }

    @Test
    void holdoutTableHasTheExactActualsAndThePredictionsOfAnIndependentFit() {
        Run run = clv("--holdout-from", "1997-10-01", "--end", "1998-06-30", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Map<String, Map<String, String>> params = run.csvTable(0);
        assertThat(params.get("BG/NBD").get("parameter")).isEqualTo("log-likelihood"); // last row of the model
        assertThat(num(params, "BG/NBD", "estimate")).isCloseTo(-9582.429207, within(1e-5));
        Map<String, Map<String, String>> table = run.csvTable(1);
        assertThat(table.keySet()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7+", "total");
        for (int b = 0; b < 8; b++) {
            assertThat(table.get(LABELS[b]).get("customers")).isEqualTo(Long.toString(N[b]));
            assertThat(table.get(LABELS[b]).get("actual_total")).isEqualTo(Long.toString(ACTUAL[b]));
            assertThat(num(table, LABELS[b], "actual")).isEqualTo((double) ACTUAL[b] / N[b]);
            assertThat(num(table, LABELS[b], "predicted")).as("bin " + LABELS[b]).isCloseTo(PREDICTED[b],
                    within(5e-5));
        }
        assertThat(table.get("total").get("customers")).isEqualTo("2357");
        assertThat(table.get("total").get("actual_total")).isEqualTo("1882");
        assertThat(num(table, "total", "predicted_total")).isCloseTo(1653.408663, within(0.01));
        Map<String, Map<String, String>> c = run.csvTable(2);
        assertThat(c.get("BG/NBD").get("k")).isEqualTo("4");
        assertThat(num(c, "BG/NBD", "log_likelihood")).isCloseTo(-9582.429207, within(1e-5));
        assertThat(num(c, "BG/NBD", "aic")).isCloseTo(19172.858413, within(2e-5));
        assertThat(num(c, "BG/NBD", "bic")).isCloseTo(19195.918993, within(2e-5));
        assertThat(num(c, "BG/NBD", "mae")).isCloseTo(0.78545424, within(5e-6));
        assertThat(num(c, "BG/NBD", "rmse")).isCloseTo(1.60798201, within(5e-6));
        assertThat(c.get("BG/NBD").get("actual")).isEqualTo("1882");
        assertThat(num(c, "BG/NBD", "error_pct")).isCloseTo(-12.146192, within(5e-4));
    }

    @Test
    void holdoutRunsToTheLastPurchaseWithoutEndAndPrintsText() {
        Run run = clv("--holdout-from", "1997-10-01");
        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        // the last purchase of the file is on 1998-06-30: 273 days = 39 weeks
        assertThat(out).startsWith("2357 customers, time in weeks: calibration to 1997-09-30, holdout"
                + " 1997-10-01..1998-06-30 (39 weeks)\n\n");
        assertThat(out).containsPattern("\\n0 +1411 +0\\.2367 +0\\.2251 +334 +317\\.6\\d\\n")
                .containsPattern("\\n7\\+ +64 +6\\.3594 +6\\.1572 +407 +394\\.06\\n")
                .containsPattern("\\ntotal +2357 +0\\.7985 +0\\.7015 +1882 +1653\\.41\\n")
                .containsPattern("BG/NBD +4 +-9582\\.4292 +19172\\.8584 +19195\\.9190 +0\\.7855 +1\\.6080 +1653\\.41"
                        + " +1882 +-12\\.15\\n");
        assertThat(out.lines().mapToInt(String::length).max().getAsInt()).isLessThanOrEqualTo(100);
    }

    @Test
    void censorMovesTheOpenBin() {
        Run run = clv("--holdout-from", "1997-10-01", "--censor", "2", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        Map<String, Map<String, String>> table = run.csvTable(1);
        assertThat(table.keySet()).containsExactly("0", "1", "2+", "total");
        // 214 + 100 + 62 + 38 + 29 + 64 customers, 298 + 156 + 157 + 112 + 112 + 407 purchase days
        assertThat(table.get("2+").get("customers")).isEqualTo("507");
        assertThat(table.get("2+").get("actual_total")).isEqualTo("1242");
    }

    @Test
    void customersFirstSeenInTheHoldoutAreExcludedAndCounted() throws IOException {
        // the CDNOW file with two customers first seen in the holdout (three purchase days, two rows on one day)
        Files.writeString(transactions, "99001,1997-10-05,1,10\n99001,1997-10-05,1,12\n99001,1998-01-05,1,10\n"
                + "99002,1998-03-01,1,10\n", java.nio.file.StandardOpenOption.APPEND);
        Run run = clv("--holdout-from", "1997-10-01", "--format", "csv");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo(transactions + ": excluded 2 customers first seen in the holdout (3 purchase"
                + " days from 1997-10-01)\n");
        Map<String, Map<String, String>> table = run.csvTable(1);
        assertThat(table.get("total").get("customers")).isEqualTo("2357");
        assertThat(table.get("total").get("actual_total")).isEqualTo("1882");
        Run text = clv("--holdout-from", "1997-10-01");
        assertThat(text.out()).contains("(39 weeks)\n2 customers first seen in the holdout excluded\n\n");
    }

    @Test
    void badHoldoutDatesAndOptionsAreNamed() {
        Run before = clv("--holdout-from", "1997-01-01");
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err().strip()).isEqualTo("cxm: " + transactions + ": --holdout-from 1997-01-01 is on or"
                + " before the first purchase (1997-01-01): no customer to calibrate on");
        Run after = clv("--holdout-from", "1998-07-01");
        assertThat(after.code()).isEqualTo(1);
        assertThat(after.err().strip()).isEqualTo("cxm: " + transactions + ": --holdout-from 1998-07-01 is after the"
                + " last purchase (1998-06-30): the holdout has no data");
        Run afterEnd = clv("--holdout-from", "1997-10-01", "--end", "1997-09-15");
        assertThat(afterEnd.code()).isEqualTo(2);
        assertThat(afterEnd.err())
                .startsWith("cxm: --end 1997-09-15 must not be before --holdout-from 1997-10-01\n");
        Run notDate = clv("--holdout-from", "1997-13-01");
        assertThat(notDate.code()).isEqualTo(2);
        assertThat(notDate.err()).startsWith("cxm: --holdout-from must be a date yyyy-mm-dd, was '1997-13-01'\n");
        Run censor = clv("--holdout-from", "1997-10-01", "--censor", "0");
        assertThat(censor.code()).isEqualTo(2);
        assertThat(censor.err()).startsWith("cxm: --censor must be >= 1, was 0\n");
        Run output = clv("--holdout-from", "1997-10-01", "--output", tmp.resolve("x.csv").toString());
        assertThat(output.code()).isEqualTo(2);
        assertThat(output.err()).startsWith("cxm: --output and --top score customers; --holdout-from"
                + " validates the model: use one or the other\n");
        Run noEnd = clv();
        assertThat(noEnd.code()).isEqualTo(2);
        assertThat(noEnd.err()).startsWith("cxm: Missing required option: '--end=DATE' (or --holdout-from DATE)\n");
    }

    @Test
    void modelSelectsThePurchaseModel() {
        Run bgnbd = clv("--end", "1997-09-30", "--model", "bgnbd", "--horizon", "39", "--top", "1", "--format", "csv");
        assertThat(bgnbd.code()).as(bgnbd.err()).isZero();
        // Fader, Hardie & Lee (2005), p. 279: r = 0.243 on the 2357 CDNOW customers
        assertThat(bgnbd.out()).contains("BG/NBD,r,0.2425");
        // Pareto/NBD: Fader, Hardie & Lee (2005) r 0.55, alpha 10.58, s 0.61, beta 11.67 on CDNOW
        Run pnbd = clv("--end", "1997-09-30", "--model", "pnbd", "--horizon", "39", "--top", "1", "--format", "csv");
        assertThat(pnbd.code()).as(pnbd.err()).isZero();
        assertThat(pnbd.out()).contains("Pareto/NBD,r,0.553").contains("Pareto/NBD,alpha,10.57")
                .contains("Pareto/NBD,s,0.606").contains("Pareto/NBD,beta,11.6");
        // MBG/NBD: BTYDplus mbgcnbd.EstimateParameters on CDNOW gives 0.525, 6.183, 0.891, 1.614
        Run mbg = clv("--end", "1997-09-30", "--model", "mbgnbd", "--horizon", "39", "--top", "1", "--format", "csv");
        assertThat(mbg.code()).as(mbg.err()).isZero();
        assertThat(mbg.out()).contains("MBG/NBD,r,0.524").contains("MBG/NBD,alpha,6.18").contains("MBG/NBD,a,0.891")
                .contains("MBG/NBD,b,1.61");
        // the holdout table of Pareto/NBD: mission-next §6.5's column (computed on 2-decimal summaries; the CLI
        // fits exact days/7, hence 5e-4; BTYD prints 3 decimals)
        Run holdout = clv("--holdout-from", "1997-10-01", "--end", "1998-06-30", "--model", "pnbd", "--format", "csv");
        assertThat(holdout.code()).as(holdout.err()).isZero();
        double[] expected = {0.1384479764, 0.5994761683, 1.1958463609, 1.7138287972, 2.3983530343, 2.9072577992,
            3.8186090128, 6.4032303476};
        java.util.List<String> rows = holdout.out().lines().filter(l -> l.matches("^[0-7]\\+?,.*")).toList();
        assertThat(rows).hasSize(8);
        for (int b = 0; b < 8; b++) {
            assertThat(Double.parseDouble(rows.get(b).split(",")[3])).as("bin %d", b)
                    .isCloseTo(expected[b], org.assertj.core.api.Assertions.within(5e-4));
        }
        Run bogus = clv("--end", "1997-09-30", "--model", "gg");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).startsWith("cxm: --model must be bgnbd, pnbd or mbgnbd, was 'gg'\n");
    }

    @Test
    void helpShowsTheHoldoutExample() {
        Run run = cxm("clv", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--model=NAME").contains("--holdout-from=DATE").contains("--censor=N")
                .contains("Example, does the model predict?")
                .contains("--holdout-from 1997-10-01 \\\n");
        assertThat(run.out().lines().mapToInt(String::length).max().getAsInt()).isLessThanOrEqualTo(100);
    }
}
