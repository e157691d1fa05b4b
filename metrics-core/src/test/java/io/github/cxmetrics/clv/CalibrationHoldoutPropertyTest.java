package io.github.cxmetrics.clv;

import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link CalibrationHoldout} on random transaction logs (QuickTheories, fixed seed):
 * every example draws from its own seed 1–40 customers with 1–12 transactions each on days 0–99 of
 * 2024 (so same-day purchases, customers only in the holdout and customers without holdout purchases
 * all occur), a calibration end on day 20–70 and a holdout end after it, and a censor 1–8. Then: the
 * bins' n sum to the customers; the bins' actual totals sum to the holdout purchase days, counted here
 * directly as distinct (customer, day) pairs after the calibration end of customers with a purchase
 * by it; the new customers are those whose first day is after the calibration end; a "model" that
 * predicts each customer's actual count has zero MAE, RMSE and aggregate error; and the table does not
 * depend on the order of the transactions. The tracking series counts every repeat purchase day of
 * the calibration customers up to the holdout end once, and its expected cumulative purchases never
 * decrease.
 */
class CalibrationHoldoutPropertyTest {

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x4010_D07L).withExamples(200);
    }

    static boolean check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
        return true;
    }

    @Test
    void binsCoverTheCustomersAndThePurchaseDaysAndAPerfectModelHasNoError() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            LocalDate start = LocalDate.of(2024, 1, 1);
            List<Transaction> log = new ArrayList<>();
            int customers = 1 + random.nextInt(40);
            for (int c = 0; c < customers; c++) {
                int first = random.nextInt(100);
                int count = 1 + random.nextInt(12);
                for (int k = 0; k < count; k++) {
                    int day = k == 0 ? first : first + random.nextInt(100 - first);
                    log.add(new Transaction("c" + c, start.plusDays(day), 1 + random.nextInt(50)));
                }
            }
            log.add(new Transaction("early", start, 5)); // a calibration customer, and data on day 0 and 99
            log.add(new Transaction("late", start.plusDays(99), 5));
            LocalDate calEnd = start.plusDays(20 + random.nextInt(51));
            LocalDate holdEnd = calEnd.plusDays(1 + random.nextInt(40));
            int censor = 1 + random.nextInt(8);
            CalibrationHoldout split = CalibrationHoldout.split(log, calEnd, holdEnd, ChronoUnit.DAYS);

            // independent counts
            Map<String, LocalDate> firstDay = new HashMap<>();
            for (Transaction t : log) {
                firstDay.merge(t.customerId(), t.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
            Set<String> pairs = new HashSet<>();
            Set<String> newPairs = new HashSet<>();
            for (Transaction t : log) {
                if (t.date().isAfter(calEnd) && !t.date().isAfter(holdEnd)) {
                    (firstDay.get(t.customerId()).isAfter(calEnd) ? newPairs : pairs).add(t.customerId() + "@" + t.date());
                }
            }
            long calibrationCustomers = firstDay.values().stream().filter(d -> !d.isAfter(calEnd)).count();
            long newCustomers = newPairs.stream().map(p -> p.substring(0, p.indexOf('@'))).distinct().count();
            String what = "seed " + seed + " calEnd " + calEnd + " holdEnd " + holdEnd;
            check(split.customers() == calibrationCustomers, "customers: " + what);
            check(split.totalHoldoutPurchases() == pairs.size(), "holdout days: " + what);
            check(split.newCustomers() == newCustomers, "new customers: " + what);
            check(split.newCustomerPurchaseDays() == newPairs.size(), "new customer days: " + what);
            check(split.holdoutLength() == ChronoUnit.DAYS.between(calEnd, holdEnd), "t*: " + what);

            Map<RfmSummary, Long> actual = new IdentityHashMap<>();
            List<RfmSummary> cal = split.calibration();
            List<String> ids = split.customerIds();
            for (int k = 0; k < cal.size(); k++) {
                actual.put(cal.get(k), split.holdoutPurchases().get(ids.get(k)));
            }
            PurchaseModel perfect = new CalibrationHoldoutTest.Naive(split.holdoutLength()) {
                @Override
                public double conditionalExpectedPurchases(double t, RfmSummary customer) {
                    return actual.get(customer);
                }
            };
            HoldoutTable table = split.table(perfect, censor);
            check(table.bins().stream().mapToLong(HoldoutTable.Bin::customers).sum() == calibrationCustomers,
                    "bins n: " + what);
            check(table.bins().stream().mapToLong(HoldoutTable.Bin::actualTotal).sum() == pairs.size(),
                    "bins actual: " + what);
            for (HoldoutTable.Bin b : table.bins()) {
                check(b.predictedTotal() == b.actualTotal(), "perfect bin " + b + ": " + what);
                check(b.frequency() <= censor && b.censored() == (b.frequency() == censor), "bin labels: " + what);
            }
            ModelComparison.Entry e = split.compare(perfect).entries().get(0);
            check(e.meanAbsoluteError() == 0.0 && e.rootMeanSquaredError() == 0.0 && e.aggregateError() == 0.0,
                    "perfect errors " + e + ": " + what);

            // tracking: every repeat purchase day of the calibration customers up to the holdout end, once
            Map<String, Set<LocalDate>> daysOf = new HashMap<>();
            for (Transaction t : log) {
                if (!firstDay.get(t.customerId()).isAfter(calEnd) && !t.date().isAfter(holdEnd)) {
                    daysOf.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(t.date());
                }
            }
            long repeatDays = daysOf.values().stream().mapToLong(d -> d.size() - 1L).sum();
            PurchaseTracking tracking = split.tracking(BetaGeometricNbd.of(0.5, 3.0, 0.8, 2.5));
            long[] cumulative = tracking.actualCumulative();
            check(cumulative[cumulative.length - 1] == repeatDays, "tracking total: " + what);
            double[] expected = tracking.expectedCumulative();
            for (int k = 1; k < expected.length; k++) {
                check(expected[k] >= expected[k - 1], "expected cumulative non-decreasing: " + what);
            }

            List<Transaction> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, new Random(seed));
            HoldoutTable again = CalibrationHoldout.split(shuffled, calEnd, holdEnd, ChronoUnit.DAYS)
                    .table(BetaGeometricNbd.of(0.5, 3.0, 0.8, 2.5), censor);
            check(again.equals(split.table(BetaGeometricNbd.of(0.5, 3.0, 0.8, 2.5), censor)), "order: " + what);
        });
    }
}
