package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CalibrationHoldout}, {@link HoldoutTable} and {@link ModelComparison} on the CDNOW sample
 * (2357 customers, calibration to 1997-09-30, holdout 1997-10-01..1998-06-30 = 39 weeks).
 *
 * <p>Expected values:
 * <ul>
 *   <li>the bin sizes, mean actuals and the BG/NBD column at the MLE (0.2425929039, 4.413531413,
 *       0.7928861848, 2.425753775): mission-next §6.5 (its actual column equals BTYD's published one;
 *       its BG/NBD column is computed from the summaries of {@code cdnow_customers_summary.csv}, whose
 *       tₓ and T are rounded to 2 dp, and agrees with BTYD's published column to 4–5 digits);</li>
 *   <li>everything else: {@code holdout_cdnow.py} beside the data in the test resources, which reads
 *       {@code CDNOW_sample.txt} with plain Python and evaluates FHL 2005 eqs. (6) and (10) with mpmath
 *       and the errors with numpy. Its output is quoted in the tests.</li>
 * </ul>
 */
class CalibrationHoldoutTest {

    static final LocalDate CAL_END = LocalDate.of(1997, 9, 30);
    static final LocalDate HOLD_END = LocalDate.of(1998, 6, 30);
    static final BetaGeometricNbd MLE = BetaGeometricNbd.of(0.2425929039, 4.413531413, 0.7928861848, 2.425753775);

    /** CDNOW_sample.txt: master id, sample id, yyyyMMdd, CDs, dollars; the sample id is the customer. */
    static List<Transaction> cdnow() {
        DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> out = new ArrayList<>();
        for (String line : Cdnow.lines("CDNOW_sample.txt")) {
            String[] c = line.trim().split("\\s+");
            out.add(new Transaction(Integer.toString(Integer.parseInt(c[1])), LocalDate.parse(c[2], f),
                    Double.parseDouble(c[4])));
        }
        return out;
    }

    /** The summaries of cdnow_customers_summary.csv (2 dp), by ID. */
    static Map<String, RfmSummary> roundedSummaries() {
        Map<String, RfmSummary> out = new LinkedHashMap<>();
        for (String[] row : Cdnow.csv("cdnow_customers_summary.csv")) {
            out.put(Integer.toString(Integer.parseInt(row[0])), RfmSummary.of(Long.parseLong(row[1]),
                    Double.parseDouble(row[2]), Double.parseDouble(row[3])));
        }
        return out;
    }

    // §6.5: bin sizes, the actual totals (n × mean actual: 1411 × 0.2367115521 = 334, …), BG/NBD means
    static final long[] N = {1411, 439, 214, 100, 62, 38, 29, 64};
    static final long[] ACTUAL = {334, 306, 298, 156, 157, 112, 112, 407};
    static final double[] MEAN_ACTUAL = {0.2367115521, 0.6970387244, 1.3925233645, 1.56, 2.5322580645,
        2.9473684211, 3.8620689655, 6.359375};
    static final double[] BGNBD_ROUNDED = {0.2250861316, 0.5231247202, 1.0441368364, 1.5202595378, 2.1639046515,
        2.6539132701, 3.5040900546, 6.1574117163};
    // holdout_cdnow.py, "bin" lines: BG/NBD at the MLE on the exact summaries (tₓ, T = days/7)
    static final double[] BGNBD_EXACT = {0.2250859920, 0.5231267795, 1.0441369340, 1.5202912091, 2.1638878892,
        2.6538767633, 3.5040885792, 6.1572774342};

    @Test
    void cdnowSplitHasTheSampleCustomersAndHoldoutPurchaseDays() {
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        // shared/data/README.md: 2357 customers, all first seen in Q1 1997; 1882 holdout purchase days
        assertThat(split.customers()).isEqualTo(2357);
        assertThat(split.newCustomers()).isZero();
        assertThat(split.newCustomerPurchaseDays()).isZero();
        assertThat(split.holdoutLength()).isEqualTo(39.0);
        assertThat(split.totalHoldoutPurchases()).isEqualTo(1882);
        // the calibration summaries are RfmSummary.fromTransactions' (README: Σx = 2457)
        assertThat(split.calibration().stream().mapToLong(RfmSummary::frequency).sum()).isEqualTo(2457);
        assertThat(split.customerIds().get(0)).isEqualTo("1");
        assertThat(split.toString()).isEqualTo(
                "CalibrationHoldout[customers=2357, holdoutLength=39.0000, holdoutPurchases=1882, newCustomersExcluded=0]");
    }

    @Test
    void cdnowTableReproducesSection65() {
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        // the report's BG/NBD column uses the 2-dp summaries: same customers, same holdout counts
        CalibrationHoldout rounded = CalibrationHoldout.of(roundedSummaries(), split.holdoutPurchases(), 39.0);
        HoldoutTable t = rounded.table(MLE, 7);
        assertThat(t.model()).isEqualTo("BG/NBD");
        assertThat(t.censorAt()).isEqualTo(7);
        assertThat(t.bins()).hasSize(8);
        for (int b = 0; b < 8; b++) {
            HoldoutTable.Bin bin = t.bins().get(b);
            assertThat(bin.frequency()).isEqualTo(b);
            assertThat(bin.censored()).isEqualTo(b == 7);
            assertThat(bin.customers()).as("n of bin %d", b).isEqualTo(N[b]);
            assertThat(bin.actualTotal()).as("actual of bin %d", b).isEqualTo(ACTUAL[b]);
            assertThat(bin.meanActual()).isCloseTo(MEAN_ACTUAL[b], within(1e-10));
            assertThat(bin.meanPredicted()).as("BG/NBD of bin %d", b).isCloseTo(BGNBD_ROUNDED[b], within(1e-6));
        }
        assertThat(t.bins().get(7).label()).isEqualTo("7+");
        assertThat(t.customers()).isEqualTo(2357);
        assertThat(t.actualTotal()).isEqualTo(1882);
        // §6.5: Σ CET(39) = 1653.423275 (BG/NBD)
        assertThat(t.predictedTotal()).isCloseTo(1653.423275, within(1e-6));
        // the exact summaries of the split give the actual column bit for bit
        HoldoutTable exact = split.table(MLE, 7);
        for (int b = 0; b < 8; b++) {
            assertThat(exact.bins().get(b).customers()).isEqualTo(N[b]);
            assertThat(exact.bins().get(b).actualTotal()).isEqualTo(ACTUAL[b]);
            assertThat(exact.bins().get(b).meanPredicted()).isCloseTo(BGNBD_EXACT[b], within(1e-9));
        }
        // holdout_cdnow.py: predicted 1653.41610641
        assertThat(exact.predictedTotal()).isCloseTo(1653.41610641, within(1e-7));
    }

    @Test
    void tablePrintsOneLinePerBinAndTotals() {
        // 3+: (156 + 157 + 112 + 112 + 407)/293 = 3.2218; predicted: the n-weighted mean of BGNBD_EXACT[3..7]
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        assertThat(split.table(MLE, 3).toString()).isEqualTo(String.join("\n",
                "BG/NBD, holdout 39 periods: actual vs predicted repeat purchases",
                "x      customers       actual    predicted",
                "0           1411       0.2367       0.2251",
                "1            439       0.6970       0.5231",
                "2            214       1.3925       1.0441",
                "3+           293       3.2218       3.0127",
                "total       2357         1882      1653.42"));
    }

    @Test
    void comparisonMatchesNumpy() {
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        CalibrationHoldout rounded = CalibrationHoldout.of(roundedSummaries(), split.holdoutPurchases(), 39.0);
        // holdout_cdnow.py:
        //   BG/NBD LL -9582.4292067136 AIC 19172.8584134272 BIC 19195.9189930389
        //   BG/NBD MAE 0.785454394495 RMSE 1.607982276367 predicted 1653.41610641 aggregate -228.58389359
        //   rounded BG/NBD LL -9582.4255605674 AIC 19172.8511211347 BIC 19195.9117007465
        //   rounded BG/NBD MAE 0.785456533193 RMSE 1.608006710358 predicted 1653.42327455
        //   naive MAE 1.023669163267 RMSE 2.211918088605 predicted 2930.10112572
        ModelComparison c = split.compare(MLE, new Naive(39.0));
        ModelComparison.Entry e = c.entry("BG/NBD");
        assertThat(e.parameters()).isEqualTo(4);
        assertThat(e.customers()).isEqualTo(2357);
        assertThat(e.logLikelihood()).isCloseTo(-9582.4292067136, within(1e-7));
        assertThat(e.aic()).isCloseTo(19172.8584134272, within(2e-7));
        assertThat(e.bic()).isCloseTo(19195.9189930389, within(2e-7));
        assertThat(e.meanAbsoluteError()).isCloseTo(0.785454394495, within(1e-10));
        assertThat(e.rootMeanSquaredError()).isCloseTo(1.607982276367, within(1e-10));
        assertThat(e.predictedTotal()).isCloseTo(1653.41610641, within(1e-7));
        assertThat(e.actualTotal()).isEqualTo(1882);
        assertThat(e.aggregateError()).isCloseTo(-228.58389359, within(1e-7));
        assertThat(e.relativeAggregateError()).isCloseTo(-228.58389359 / 1882, within(1e-10));
        ModelComparison.Entry naive = c.entries().get(1);
        assertThat(naive.model()).isEqualTo("naive");
        assertThat(naive.meanAbsoluteError()).isCloseTo(1.023669163267, within(1e-10));
        assertThat(naive.rootMeanSquaredError()).isCloseTo(2.211918088605, within(1e-10));
        assertThat(naive.predictedTotal()).isCloseTo(2930.10112572, within(1e-7));
        // the naive model's log-likelihood is −1 per customer: AIC = 2·1 + 2·2357, BIC = ln 2357 + 2·2357
        assertThat(naive.logLikelihood()).isEqualTo(-2357.0);
        assertThat(naive.aic()).isEqualTo(2.0 + 2 * 2357);
        assertThat(naive.bic()).isCloseTo(Math.log(2357) + 2 * 2357, within(1e-9));

        ModelComparison.Entry r = rounded.compare(List.of(MLE)).entries().get(0);
        assertThat(r.logLikelihood()).isCloseTo(-9582.4255605674, within(1e-7));
        assertThat(r.aic()).isCloseTo(19172.8511211347, within(2e-7));
        assertThat(r.bic()).isCloseTo(19195.9117007465, within(2e-7));
        assertThat(r.meanAbsoluteError()).isCloseTo(0.785456533193, within(1e-10));
        assertThat(r.rootMeanSquaredError()).isCloseTo(1.608006710358, within(1e-10));
        assertThat(r.predictedTotal()).isCloseTo(1653.42327455, within(1e-7));
    }

    @Test
    void fittedModelsLogLikelihoodIsTheComparisonsOnItsData() {
        List<RfmSummary> rounded = new ArrayList<>(roundedSummaries().values());
        BetaGeometricNbd fit = BetaGeometricNbd.fit(rounded);
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        CalibrationHoldout r = CalibrationHoldout.of(roundedSummaries(), split.holdoutPurchases(), 39.0);
        // §6.5: LL −9582.4255605674 at the MLE
        assertThat(r.compare(fit).entries().get(0).logLikelihood()).isCloseTo(fit.logLikelihood(), within(1e-8))
                .isCloseTo(-9582.4255605674, within(1e-6));
    }

    @Test
    void comparisonPrintsATable() {
        // the numbers of comparisonMatchesNumpy, error = 100·(predicted − 1882)/1882, in the same formats
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        String text = split.compare(MLE, new Naive(39.0)).toString();
        assertThat(text).isEqualTo(String.join("\n",
                "model         k           LL         AIC         BIC     MAE    RMSE  predicted  actual    error",
                "BG/NBD        4   -9582.4292  19172.8584  19195.9190  0.7855  1.6080    1653.42    1882  -12.15%",
                "naive         1   -2357.0000   4716.0000   4721.7651  1.0237  2.2119    2930.10    1882  +55.69%"));
        assertThat(text.lines().mapToInt(String::length).max().getAsInt()).isLessThanOrEqualTo(100);
    }

    // holdout_cdnow.py, "actual incremental" and "expected cumulative" (weeks from 1997-01-01, BG/NBD MLE)
    static final long[] TRACK_ACTUAL = {3, 19, 30, 32, 47, 70, 66, 98, 73, 78, 105, 126, 92, 88, 92, 72, 72, 66, 66,
        72, 54, 68, 40, 50, 103, 71, 53, 43, 42, 95, 48, 41, 66, 62, 44, 50, 48, 59, 58, 52, 55, 55, 52, 51, 91, 52, 58,
        44, 72, 69, 47, 28, 54, 44, 47, 31, 44, 42, 48, 41, 69, 75, 51, 67, 47, 42, 36, 43, 29, 42, 40, 35, 30, 46, 49,
        46, 29, 24};
    static final double[] TRACK_EXPECTED = {4.40551911, 17.24162658, 38.57871729, 68.94440112, 108.59703710,
        158.01514121, 215.75561647, 281.80964111, 356.47541319, 439.43827706, 529.60493965, 625.89841930,
        722.53554104, 815.42561046, 904.97314672, 991.50885061, 1075.30842387, 1156.60533536, 1235.59984118,
        1312.46556617, 1387.35443292, 1460.40043430, 1531.72257412, 1601.42719590, 1669.60985240, 1736.35682479,
        1801.74637017, 1865.84975603, 1928.73212531, 1990.45322551, 2051.06802749, 2110.62725422, 2169.17783505,
        2226.76329838, 2283.42411263, 2339.19798374, 2394.12011604, 2448.22344163, 2501.53882324, 2554.09523391,
        2605.91991689, 2657.03852843, 2707.47526542, 2757.25298014, 2806.39328346, 2854.91663798, 2902.84244229,
        2950.18910738, 2996.97412609, 3043.21413627, 3088.92497855, 3134.12174901, 3178.81884750, 3223.03002201,
        3266.76840931, 3310.04657252, 3352.87653566, 3395.26981556, 3437.23745136, 3478.79003191, 3519.93772103,
        3560.69028110, 3601.05709492, 3641.04718605, 3680.66923778, 3719.93161086, 3758.84235999, 3797.40924926,
        3835.63976667, 3873.54113758, 3911.12033747, 3948.38410385, 3985.33894743, 4021.99116266, 4058.34683763,
        4094.41186340, 4130.19194276, 4160.63797928};

    @Test
    void weeklyTrackingMatchesPython() {
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        PurchaseTracking t = split.tracking(MLE);
        assertThat(t.model()).isEqualTo("BG/NBD");
        assertThat(t.start()).isEqualTo(LocalDate.of(1997, 1, 1));
        assertThat(t.periods()).isEqualTo(78);
        assertThat(t.calibrationEnd()).isEqualTo(272 / 7.0);
        assertThat(t.periodEnds()[0]).isEqualTo(1.0);
        assertThat(t.periodEnds()[77]).isEqualTo(545 / 7.0);
        assertThat(t.actualIncremental()).containsExactly(TRACK_ACTUAL);
        // all repeat purchase days: 2457 in calibration + 1882 in the holdout (shared/data/README.md)
        assertThat(t.actualCumulative()[77]).isEqualTo(2457 + 1882);
        double[] cumulative = t.expectedCumulative();
        double[] incremental = t.expectedIncremental();
        for (int k = 0; k < 78; k++) {
            assertThat(cumulative[k]).as("week %d", k + 1).isCloseTo(TRACK_EXPECTED[k], within(1e-6));
            assertThat(incremental[k]).isCloseTo(TRACK_EXPECTED[k] - (k == 0 ? 0 : TRACK_EXPECTED[k - 1]),
                    within(2e-6));
        }
        assertThat(t.toString()).isEqualTo("PurchaseTracking[BG/NBD, from 1997-01-01, 78 periods, calibration to"
                + " 38.8571, cumulative actual 4339, expected 4160.64]");
        assertThatThrownBy(() -> CalibrationHoldout.of(roundedSummaries(), split.holdoutPurchases(), 39.0)
                .tracking(MLE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("tracking needs purchase dates: this split was made from summaries (of)");
    }

    @Test
    void customersFirstSeenInTheHoldoutAreExcludedAndCounted() {
        List<Transaction> t = List.of(
                new Transaction("a", LocalDate.of(2024, 1, 1), 10),
                new Transaction("a", LocalDate.of(2024, 1, 8), 10),
                new Transaction("a", LocalDate.of(2024, 2, 5), 10),
                new Transaction("a", LocalDate.of(2024, 2, 5), 5), // same day: one purchase day
                new Transaction("a", LocalDate.of(2024, 2, 12), 10),
                new Transaction("a", LocalDate.of(2024, 4, 1), 10), // after the holdout end: ignored
                new Transaction("b", LocalDate.of(2024, 1, 15), 10),
                new Transaction("c", LocalDate.of(2024, 2, 1), 10), // new in the holdout
                new Transaction("c", LocalDate.of(2024, 2, 20), 10),
                new Transaction("d", LocalDate.of(2024, 3, 3), 10)); // new in the holdout
        CalibrationHoldout s = CalibrationHoldout.split(t, LocalDate.of(2024, 1, 28), LocalDate.of(2024, 3, 10),
                ChronoUnit.WEEKS);
        assertThat(s.customerIds()).containsExactly("a", "b");
        assertThat(s.holdoutPurchases()).containsExactly(Map.entry("a", 2L), Map.entry("b", 0L));
        assertThat(s.newCustomers()).isEqualTo(2);
        assertThat(s.newCustomerPurchaseDays()).isEqualTo(3);
        assertThat(s.holdoutLength()).isEqualTo(6.0); // 42 days
        // a: days 1/1 and 1/8 by 1/28: x = 1, tₓ = 1, T = 27/7
        assertThat(s.calibration().get(0).frequency()).isEqualTo(1);
        assertThat(s.calibration().get(0).recency()).isEqualTo(1.0);
        assertThat(s.calibration().get(0).age()).isEqualTo(27 / 7.0);
        assertThat(s.calibration().get(1).age()).isEqualTo(13 / 7.0);
    }

    @Test
    void ofCountsHoldoutOnlyIdsAsNewCustomers() {
        Map<String, RfmSummary> cal = new LinkedHashMap<>();
        cal.put("x", RfmSummary.of(2, 3.0, 5.0));
        cal.put("y", RfmSummary.of(0, 0.0, 4.0));
        CalibrationHoldout s = CalibrationHoldout.of(cal, Map.of("x", 3L, "z", 4L), 2.5);
        assertThat(s.holdoutPurchases()).containsExactly(Map.entry("x", 3L), Map.entry("y", 0L));
        assertThat(s.newCustomers()).isEqualTo(1);
        assertThat(s.newCustomerPurchaseDays()).isEqualTo(4);
        assertThat(s.totalHoldoutPurchases()).isEqualTo(3);
        // y's bin 0, x's bin 1+ with censorAt 1
        HoldoutTable t = s.table(MLE, 1);
        assertThat(t.bins()).extracting(HoldoutTable.Bin::label).containsExactly("0", "1+");
        assertThat(t.bins().get(0).meanPredicted()).isEqualTo(MLE.conditionalExpectedPurchases(2.5, cal.get("y")));
    }

    @Test
    void emptyBinsAreLeftOut() {
        Map<String, RfmSummary> cal = new LinkedHashMap<>();
        cal.put("x", RfmSummary.of(3, 3.0, 5.0));
        cal.put("y", RfmSummary.of(0, 0.0, 4.0));
        HoldoutTable t = CalibrationHoldout.of(cal, Map.of(), 1.0).table(MLE, 7);
        assertThat(t.bins()).extracting(HoldoutTable.Bin::label).containsExactly("0", "3");
        assertThat(t.actualTotal()).isZero();
        ModelComparison.Entry e = CalibrationHoldout.of(cal, Map.of(), 1.0).compare(MLE).entries().get(0);
        assertThatThrownBy(e::relativeAggregateError).isInstanceOf(IllegalStateException.class)
                .hasMessage("the relative aggregate error is undefined: no holdout purchase");
    }

    @Test
    void badSplitsAreRejectedWithTheirValues() {
        List<Transaction> t = List.of(new Transaction("a", LocalDate.of(2024, 1, 1), 1),
                new Transaction("a", LocalDate.of(2024, 2, 1), 1));
        assertThatThrownBy(() -> CalibrationHoldout.split(t, LocalDate.of(2023, 12, 31), LocalDate.of(2024, 3, 1),
                ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibrationEnd 2023-12-31 is before the first transaction (2024-01-01): no customer to"
                        + " calibrate on");
        assertThatThrownBy(() -> CalibrationHoldout.split(t, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1),
                ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("calibrationEnd 2024-02-01 is on or after the last transaction (2024-02-01): the holdout"
                        + " period has no data");
        assertThatThrownBy(() -> CalibrationHoldout.split(t, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 10),
                ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdoutEnd must be after calibrationEnd 2024-01-10, was 2024-01-10");
        assertThatThrownBy(() -> CalibrationHoldout.split(List.of(), LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 2, 10), ChronoUnit.DAYS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("transactions is empty");
        assertThatThrownBy(() -> CalibrationHoldout.split(t, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 10),
                ChronoUnit.HOURS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit must be DAYS, WEEKS, MONTHS or YEARS, was HOURS");
        assertThatThrownBy(() -> CalibrationHoldout.split(t, null, LocalDate.of(2024, 2, 10), ChronoUnit.DAYS))
                .isInstanceOf(NullPointerException.class).hasMessage("calibrationEnd");
        List<Transaction> withNull = new ArrayList<>(t);
        withNull.add(null);
        assertThatThrownBy(() -> CalibrationHoldout.split(withNull, LocalDate.of(2024, 1, 10),
                LocalDate.of(2024, 2, 10), ChronoUnit.DAYS)).isInstanceOf(NullPointerException.class)
                .hasMessage("transaction");
    }

    @Test
    void badSummariesCountsAndArgumentsAreRejected() {
        Map<String, RfmSummary> cal = Map.of("x", RfmSummary.of(1, 1.0, 2.0));
        assertThatThrownBy(() -> CalibrationHoldout.of(cal, Map.of("x", -1L), 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holdoutPurchases must be >= 0, was -1 (customer x)");
        assertThatThrownBy(() -> CalibrationHoldout.of(Map.of(), Map.of(), 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("calibration is empty");
        assertThatThrownBy(() -> CalibrationHoldout.of(cal, Map.of(), 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("holdoutLength must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> CalibrationHoldout.of(cal, Map.of(), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("holdoutLength must be finite and > 0, was NaN");
        CalibrationHoldout s = CalibrationHoldout.of(cal, Map.of(), 1.0);
        assertThatThrownBy(() -> s.table(MLE, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("censorAt must be >= 1, was 0");
        assertThatThrownBy(() -> s.table(null, 7)).isInstanceOf(NullPointerException.class).hasMessage("model");
        assertThatThrownBy(() -> s.compare(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("models is empty: compare at least one model");
        assertThatThrownBy(() -> s.compare(MLE).entry("Pareto/NBD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no model named 'Pareto/NBD' in the comparison");
        PurchaseModel broken = new Naive(1.0) {
            @Override
            public double conditionalExpectedPurchases(double t, RfmSummary customer) {
                return Double.NaN;
            }
        };
        assertThatThrownBy(() -> s.table(broken, 7)).isInstanceOf(IllegalStateException.class)
                .hasMessage("naive predicts NaN holdout purchases for customer x (RfmSummary[x=1, recency=1.00,"
                        + " age=2.00])");
    }

    @Test
    void inconsistentTablesAndBinsAreRejected() {
        HoldoutTable.Bin zero = new HoldoutTable.Bin(0, false, 2, 1, 0.5);
        HoldoutTable.Bin open = new HoldoutTable.Bin(1, true, 1, 3, 2.0);
        assertThat(new HoldoutTable("m", 1, 1.0, List.of(zero, open), 4, 2.5).customers()).isEqualTo(3);
        assertThatThrownBy(() -> new HoldoutTable("m", 1, 1.0, List.of(zero, open), 5, 2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("actualTotal must be the sum over the bins, 4, was 5");
        assertThatThrownBy(() -> new HoldoutTable("m", 2, 1.0, List.of(zero, open), 4, 2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bins must ascend by frequency, below censorAt = 2 and censored only at it");
        assertThatThrownBy(() -> new HoldoutTable("m", 1, 1.0, List.of(open, zero), 4, 2.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bins must ascend by frequency");
        assertThatThrownBy(() -> new HoldoutTable("m", 1, 1.0, List.of(), 0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("bins is empty");
        assertThatThrownBy(() -> new HoldoutTable.Bin(0, false, 0, 0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("customers must be >= 1, was 0");
        assertThatThrownBy(() -> new HoldoutTable.Bin(0, false, 1, 0, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("predictedTotal must be finite and >= 0, was NaN");
        assertThatThrownBy(() -> new HoldoutTable.Bin(-1, false, 1, 0, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("frequency must be >= 0, was -1");
    }

    /**
     * A stand-in model: the customer's calibration rate x/T carried over t, log-likelihood −1 per
     * customer, one parameter.
     */
    static class Naive implements PurchaseModel {
        final double tstar;

        Naive(double tstar) {
            this.tstar = tstar;
        }

        @Override
        public String name() {
            return "naive";
        }

        @Override
        public int parameterCount() {
            return 1;
        }

        @Override
        public List<String> parameterNames() {
            return List.of("unused");
        }

        @Override
        public double[] parameters() {
            return new double[] {1.0};
        }

        @Override
        public double logLikelihood() {
            throw new IllegalStateException("not fitted");
        }

        @Override
        public double logLikelihood(RfmSummary customer) {
            return -1.0;
        }

        @Override
        public double[] standardErrors() {
            throw new IllegalStateException("not fitted");
        }

        @Override
        public double expectedPurchases(double t) {
            return 0.0;
        }

        @Override
        public double conditionalExpectedPurchases(double t, RfmSummary c) {
            return c.age() > 0 ? c.frequency() / c.age() * t : 0.0;
        }

        @Override
        public double probabilityAlive(RfmSummary customer) {
            return 1.0;
        }

        @Override
        public double probabilityOfPurchases(int n, double t) {
            return n == 0 ? 1.0 : 0.0;
        }
    }

    @Test
    void cdnowParetoNbdColumnReproducesSection65() {
        CalibrationHoldout split = CalibrationHoldout.split(cdnow(), CAL_END, HOLD_END, ChronoUnit.WEEKS);
        CalibrationHoldout rounded = CalibrationHoldout.of(roundedSummaries(), split.holdoutPurchases(), 39.0);
        // mission-next §6.1: the Pareto/NBD MLE on the CDNOW summaries, LL −9594.9739298269
        ParetoNbd pnbd = ParetoNbd.of(0.5532755258, 10.57761251, 0.6062135685, 11.66791077);
        double[] expected = {0.1384479764, 0.5994761683, 1.1958463609, 1.7138287972, 2.3983530343,
            2.9072577992, 3.8186090128, 6.4032303476};
        double[] btyd = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403}; // BTYD pub, ±0.001 only
        HoldoutTable t = rounded.table(pnbd, 7);
        for (int b = 0; b < 8; b++) {
            assertThat(t.bins().get(b).customers()).isEqualTo(N[b]);
            assertThat(t.bins().get(b).meanPredicted()).as("bin %d", b).isCloseTo(expected[b], within(1e-6));
            assertThat(t.bins().get(b).meanPredicted()).isCloseTo(btyd[b], within(1e-3));
        }
        assertThat(t.predictedTotal()).isCloseTo(1665.534222, within(1e-6));
        ModelComparison c = rounded.compare(MLE, pnbd);
        assertThat(c.entry("Pareto/NBD").logLikelihood()).isCloseTo(-9594.9739298269, within(1e-6));
        assertThat(c.entry("Pareto/NBD").aic()).isCloseTo(8 + 2 * 9594.9739298269, within(2e-6));
    }
}
