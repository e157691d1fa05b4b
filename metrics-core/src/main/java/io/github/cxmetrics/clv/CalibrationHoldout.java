package io.github.cxmetrics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A transaction log split into a calibration period and a holdout period, the data of the
 * "does the model predict?" check of buy-till-you-die models (Fader, Hardie &amp; Lee 2005, "Counting
 * your customers the easy way", <i>Marketing Science</i> 24(2), §4 and Figure 4; the same procedure as
 * BTYD's {@code bgnbd.PlotFreqVsConditionalExpectedFrequency} and lifetimes'
 * {@code calibration_and_holdout_data}): fit a model to the calibration summaries, predict each
 * customer's repeat purchases in the holdout with {@code E[Y(t*) | x, tₓ, T]} (t* = the holdout
 * length), and compare with what she did.
 *
 * <ul>
 *   <li>calibration: one {@link RfmSummary} per customer with a purchase on or before the calibration
 *       end, exactly as {@link RfmSummary#fromTransactions} makes it (purchases on one calendar day
 *       count as one);</li>
 *   <li>holdout: per such customer the number of <b>purchase days</b> after the calibration end, up to
 *       and including the holdout end (the same day collapsing); all of them are repeat purchases;</li>
 *   <li><b>customers first seen in the holdout are excluded</b>: the models say nothing about customers
 *       they never saw. They are counted ({@link #newCustomers()}, {@link #newCustomerPurchaseDays()})
 *       so that the exclusion is visible (as pymc-marketing's {@code rfm_train_test_split} does);</li>
 *   <li>transactions after the holdout end are ignored.</li>
 * </ul>
 * The holdout length is {@code t* = (holdoutEnd − calibrationEnd)} in days over the days of the unit
 * (CDNOW: 1997-09-30 to 1998-06-30 is 273 days, 39 weeks). {@link #of} takes summaries and counts made
 * elsewhere (in a database or Spark job) instead of a transaction log.
 *
 * <p>{@link #table(PurchaseModel, int)} gives the actual-versus-predicted table by calibration
 * frequency, {@link #compare(List)} the log-likelihood, AIC, BIC and holdout errors of several models,
 * {@link #tracking(PurchaseModel)} the cohort's actual and expected repeat purchases per period over
 * calibration and holdout.
 * Instances are immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class CalibrationHoldout {

    private final String[] ids;
    private final RfmSummary[] calibration;
    private final long[] holdout;
    private final double holdoutLength;
    private final long newCustomers;
    private final long newCustomerPurchaseDays;
    private final Dates dates; // null when made by of(): no purchase dates

    /** The purchase dates a split keeps for tracking: epoch days, and the days of the unit. */
    private record Dates(long[] firstDays, long[] repeatDays, long calibrationEnd, long holdoutEnd,
            double daysPerUnit) {
    }

    private CalibrationHoldout(String[] ids, RfmSummary[] calibration, long[] holdout, double holdoutLength,
            long newCustomers, long newCustomerPurchaseDays, Dates dates) {
        this.ids = ids;
        this.calibration = calibration;
        this.holdout = holdout;
        this.holdoutLength = holdoutLength;
        this.newCustomers = newCustomers;
        this.newCustomerPurchaseDays = newCustomerPurchaseDays;
        this.dates = dates;
    }

    /**
     * Splits a transaction log at {@code calibrationEnd}: the calibration period runs to
     * {@code calibrationEnd} inclusive, the holdout from the day after to {@code holdoutEnd} inclusive.
     *
     * @param transactions the purchases, in any order
     * @param calibrationEnd the last day of the calibration period
     * @param holdoutEnd the last day of the holdout period, after {@code calibrationEnd}
     * @param unit the time unit of the summaries and of the holdout length: DAYS, WEEKS, MONTHS or YEARS
     * @return the split, customers in the order of their first appearance in {@code transactions}
     * @throws NullPointerException if an argument or a transaction is null
     * @throws IllegalArgumentException if {@code transactions} is empty; if {@code holdoutEnd} is not
     *     after {@code calibrationEnd}; if {@code calibrationEnd} is before the first transaction (no
     *     customer to calibrate on) or on or after the last one (the holdout has no data); or as
     *     {@link RfmSummary#fromTransactions} throws (unit, amounts)
     */
    public static CalibrationHoldout split(Collection<Transaction> transactions, LocalDate calibrationEnd,
            LocalDate holdoutEnd, ChronoUnit unit) {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        Objects.requireNonNull(holdoutEnd, "holdoutEnd");
        double daysPerUnit = RfmSummary.daysPer(Objects.requireNonNull(unit, "unit"));
        if (!holdoutEnd.isAfter(calibrationEnd)) {
            throw new IllegalArgumentException("holdoutEnd must be after calibrationEnd " + calibrationEnd + ", was "
                    + holdoutEnd);
        }
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("transactions is empty");
        }
        LocalDate first = null;
        LocalDate last = null;
        Map<String, Set<Long>> purchaseDays = new HashMap<>();
        for (Transaction t : transactions) {
            Objects.requireNonNull(t, "transaction");
            LocalDate d = t.date();
            first = first == null || d.isBefore(first) ? d : first;
            last = last == null || d.isAfter(last) ? d : last;
            if (!d.isAfter(holdoutEnd)) {
                purchaseDays.computeIfAbsent(t.customerId(), k -> new HashSet<>()).add(d.toEpochDay());
            }
        }
        if (calibrationEnd.isBefore(first)) {
            throw new IllegalArgumentException("calibrationEnd " + calibrationEnd + " is before the first transaction ("
                    + first + "): no customer to calibrate on");
        }
        if (!calibrationEnd.isBefore(last)) {
            throw new IllegalArgumentException("calibrationEnd " + calibrationEnd
                    + " is on or after the last transaction (" + last + "): the holdout period has no data");
        }
        Map<String, RfmSummary> cal = RfmSummary.fromTransactions(transactions, calibrationEnd, unit);
        int n = cal.size();
        String[] ids = new String[n];
        RfmSummary[] summaries = new RfmSummary[n];
        long[] counts = new long[n];
        long[] firstDays = new long[n];
        long calEnd = calibrationEnd.toEpochDay();
        int repeats = 0;
        for (Set<Long> days : purchaseDays.values()) {
            repeats += days.size() - 1;
        }
        long[] repeatDays = new long[repeats];
        repeats = 0;
        int k = 0;
        for (Map.Entry<String, RfmSummary> e : cal.entrySet()) {
            ids[k] = e.getKey();
            summaries[k] = e.getValue();
            long firstDay = Long.MAX_VALUE;
            long inHoldout = 0;
            for (long d : purchaseDays.get(e.getKey())) {
                firstDay = Math.min(firstDay, d);
                inHoldout += d > calEnd ? 1 : 0;
            }
            for (long d : purchaseDays.get(e.getKey())) {
                if (d != firstDay) {
                    repeatDays[repeats++] = d;
                }
            }
            firstDays[k] = firstDay;
            counts[k++] = inHoldout;
        }
        repeatDays = Arrays.copyOf(repeatDays, repeats);
        Arrays.sort(repeatDays);
        long newCustomers = 0;
        long newDays = 0;
        for (Map.Entry<String, Set<Long>> e : purchaseDays.entrySet()) {
            if (!cal.containsKey(e.getKey())) {
                newCustomers++;
                newDays += e.getValue().size();
            }
        }
        double length = (holdoutEnd.toEpochDay() - calEnd) / daysPerUnit;
        return new CalibrationHoldout(ids, summaries, counts, length, newCustomers, newDays,
                new Dates(firstDays, repeatDays, calEnd, holdoutEnd.toEpochDay(), daysPerUnit));
    }

    /**
     * A split from summaries and counts made elsewhere: each customer's calibration summary and her
     * number of holdout purchase days (repeat purchases, same-day purchases counted once). A customer
     * of {@code calibration} missing from {@code holdoutPurchases} made none; a customer of
     * {@code holdoutPurchases} missing from {@code calibration} is new in the holdout: excluded and
     * counted, as in {@link #split}.
     *
     * @param calibration the calibration summaries by customer id; the iteration order is kept
     * @param holdoutPurchases holdout purchase days by customer id, each {@code >= 0}
     * @param holdoutLength the holdout length t*, in the unit of the summaries, finite and {@code > 0}
     * @return the split
     * @throws NullPointerException if an argument, key or value is null
     * @throws IllegalArgumentException if {@code calibration} is empty, a count is negative or
     *     {@code holdoutLength} is not finite and positive
     */
    public static CalibrationHoldout of(Map<String, RfmSummary> calibration, Map<String, Long> holdoutPurchases,
            double holdoutLength) {
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(holdoutPurchases, "holdoutPurchases");
        if (!(holdoutLength > 0.0 && holdoutLength < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("holdoutLength must be finite and > 0, was " + holdoutLength);
        }
        if (calibration.isEmpty()) {
            throw new IllegalArgumentException("calibration is empty");
        }
        int n = calibration.size();
        String[] ids = new String[n];
        RfmSummary[] summaries = new RfmSummary[n];
        long[] counts = new long[n];
        int k = 0;
        for (Map.Entry<String, RfmSummary> e : calibration.entrySet()) {
            ids[k] = Objects.requireNonNull(e.getKey(), "calibration customer id");
            summaries[k] = Objects.requireNonNull(e.getValue(), "calibration summary of " + e.getKey());
            counts[k++] = 0;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(ids[i], i);
        }
        long newCustomers = 0;
        long newDays = 0;
        for (Map.Entry<String, Long> e : holdoutPurchases.entrySet()) {
            String id = Objects.requireNonNull(e.getKey(), "holdoutPurchases customer id");
            long c = Objects.requireNonNull(e.getValue(), "holdoutPurchases of " + id);
            if (c < 0) {
                throw new IllegalArgumentException("holdoutPurchases must be >= 0, was " + c + " (customer " + id + ")");
            }
            Integer i = index.get(id);
            if (i == null) {
                newCustomers++;
                newDays += c;
            } else {
                counts[i] = c;
            }
        }
        return new CalibrationHoldout(ids, summaries, counts, holdoutLength, newCustomers, newDays, null);
    }

    /**
     * The number of customers in the split (those with a calibration purchase).
     *
     * @return the customer count, {@code >= 1}
     */
    public int customers() {
        return ids.length;
    }

    /**
     * The customer ids, in the order of the split.
     *
     * @return an unmodifiable list
     */
    public List<String> customerIds() {
        return Collections.unmodifiableList(Arrays.asList(ids.clone()));
    }

    /**
     * The calibration summaries, the data a model is fitted to.
     *
     * @return an unmodifiable list, in the order of {@link #customerIds()}
     */
    public List<RfmSummary> calibration() {
        return Collections.unmodifiableList(Arrays.asList(calibration.clone()));
    }

    /**
     * Each customer's holdout purchase days (repeat purchases in the holdout).
     *
     * @return an unmodifiable map by customer id, in the order of {@link #customerIds()}
     */
    public Map<String, Long> holdoutPurchases() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int k = 0; k < ids.length; k++) {
            out.put(ids[k], holdout[k]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The holdout purchase days of all customers of the split, {@code Σ holdout purchases}.
     *
     * @return the total, {@code >= 0}
     */
    public long totalHoldoutPurchases() {
        long s = 0;
        for (long c : holdout) {
            s += c;
        }
        return s;
    }

    /**
     * The holdout length t*, in the unit of the summaries.
     *
     * @return t*, {@code > 0}
     */
    public double holdoutLength() {
        return holdoutLength;
    }

    /**
     * The number of customers whose first purchase falls in the holdout: excluded from the split.
     *
     * @return the count, {@code >= 0}
     */
    public long newCustomers() {
        return newCustomers;
    }

    /**
     * The holdout purchase days of the excluded new customers (all their purchase days, the first
     * included), not part of {@link #totalHoldoutPurchases()}.
     *
     * @return the count, {@code >= 0}
     */
    public long newCustomerPurchaseDays() {
        return newCustomerPurchaseDays;
    }

    /**
     * Each customer's predicted holdout purchases, {@code E[Y(t*) | x, tₓ, T]}.
     *
     * @param model the purchase model
     * @return a new array in the order of {@link #customerIds()}
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalStateException if the model returns a value that is not finite and {@code >= 0}
     */
    public double[] predictions(PurchaseModel model) {
        Objects.requireNonNull(model, "model");
        double[] p = new double[ids.length];
        for (int k = 0; k < ids.length; k++) {
            p[k] = model.conditionalExpectedPurchases(holdoutLength, calibration[k]);
            if (!(p[k] >= 0.0 && p[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalStateException(model.name() + " predicts " + p[k] + " holdout purchases for customer "
                        + ids[k] + " (" + calibration[k] + ")");
            }
        }
        return p;
    }

    /**
     * The actual versus predicted holdout repeat purchases by calibration frequency (Fader, Hardie &amp;
     * Lee 2005, Figure 4): customers binned by x = 0, 1, …, {@code censorAt − 1} and
     * {@code censorAt}+; per bin the number of customers, the mean actual holdout purchase days and
     * the mean {@code E[Y(t*) | x, tₓ, T]}, t* = {@link #holdoutLength()}.
     *
     * @param model the purchase model, usually fitted to {@link #calibration()}
     * @param censorAt the first frequency of the last, open bin, {@code >= 1} (7 in FHL 2005)
     * @return the table
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalArgumentException if {@code censorAt < 1}
     * @throws IllegalStateException as {@link #predictions(PurchaseModel)}
     */
    public HoldoutTable table(PurchaseModel model, int censorAt) {
        Objects.requireNonNull(model, "model");
        if (censorAt < 1) {
            throw new IllegalArgumentException("censorAt must be >= 1, was " + censorAt);
        }
        double[] predicted = predictions(model);
        int bins = censorAt + 1;
        long[] n = new long[bins];
        long[] actual = new long[bins];
        double[][] values = new double[bins][];
        int[] fill = new int[bins];
        int[] bin = new int[ids.length];
        for (int k = 0; k < ids.length; k++) {
            bin[k] = (int) Math.min(calibration[k].frequency(), censorAt);
            n[bin[k]]++;
        }
        for (int b = 0; b < bins; b++) {
            values[b] = new double[(int) n[b]];
        }
        for (int k = 0; k < ids.length; k++) {
            actual[bin[k]] += holdout[k];
            values[bin[k]][fill[bin[k]]++] = predicted[k];
        }
        List<HoldoutTable.Bin> rows = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (n[b] > 0) {
                rows.add(new HoldoutTable.Bin(b, b == censorAt, n[b], actual[b], ExactSum.sum(values[b], (int) n[b])));
            }
        }
        return new HoldoutTable(model.name(), censorAt, holdoutLength, rows, totalHoldoutPurchases(),
                ExactSum.sum(predicted, predicted.length));
    }

    /**
     * Tracks the repeat purchases of the calibration customers over calendar time, calibration and
     * holdout together (Fader, Hardie &amp; Lee 2005, Figure 2; BTYD's {@code bgnbd.PlotTrackingInc} and
     * {@code PlotTrackingCum}). Time runs from the cohort start s (the earliest first purchase) in
     * periods of one unit; period k covers {@code (k − 1, k]} units after s, the last one ending at the
     * holdout end. For a customer whose first purchase is b units after s, a repeat purchase day d falls
     * in the period that holds {@code (d − s)}, and the model's expected cumulative repeat purchases of
     * the cohort by time {@code t} are
     *
     * <pre>{@code
     * E[cumulative](t) = Σᵢ E[X(t − bᵢ)]     over the customers with bᵢ < t     (E[X(t)]: expectedPurchases)
     * }</pre>
     * The expected incremental purchases of period k are {@code E[cumulative](t_k) − E[cumulative](t_{k−1})}.
     * Unlike the holdout table these are unconditional: they test the model's fit of the cohort's
     * purchasing through time, not the per-customer predictions.
     *
     * @param model the purchase model, usually fitted to {@link #calibration()}
     * @return the tracking series
     * @throws NullPointerException if {@code model} is null
     * @throws IllegalStateException if this split was made by {@link #of} (no purchase dates), or the
     *     model returns a value that is not finite and {@code >= 0}
     */
    public PurchaseTracking tracking(PurchaseModel model) {
        Objects.requireNonNull(model, "model");
        if (dates == null) {
            throw new IllegalStateException("tracking needs purchase dates: this split was made from summaries (of)");
        }
        long start = Long.MAX_VALUE;
        for (long d : dates.firstDays()) {
            start = Math.min(start, d);
        }
        double perUnit = dates.daysPerUnit();
        double total = (dates.holdoutEnd() - start) / perUnit;
        int periods = (int) Math.ceil(total);
        double[] ends = new double[periods];
        for (int k = 0; k < periods; k++) {
            ends[k] = Math.min(k + 1.0, total);
        }
        long[] actual = new long[periods];
        for (long d : dates.repeatDays()) {
            double tau = (d - start) / perUnit;
            int k = (int) Math.ceil(tau) - 1;
            actual[Math.min(Math.max(k, 0), periods - 1)]++;
        }
        // customers born on the same day share E[X(t − b)]: one evaluation per distinct first day
        long[] firsts = dates.firstDays().clone();
        Arrays.sort(firsts);
        long[] birthDays = new long[firsts.length];
        long[] born = new long[firsts.length];
        int distinct = 0;
        for (long f : firsts) {
            if (distinct > 0 && birthDays[distinct - 1] == f) {
                born[distinct - 1]++;
            } else {
                birthDays[distinct] = f;
                born[distinct++] = 1;
            }
        }
        double[] cumulative = new double[periods];
        double[] terms = new double[distinct];
        for (int k = 0; k < periods; k++) {
            int m = 0;
            for (int j = 0; j < distinct; j++) {
                double age = ends[k] - (birthDays[j] - start) / perUnit;
                if (age > 0) {
                    double e = model.expectedPurchases(age);
                    if (!(e >= 0.0 && e < Double.POSITIVE_INFINITY)) {
                        throw new IllegalStateException(model.name() + " expects " + e + " purchases in " + age
                                + " periods");
                    }
                    terms[m++] = e * born[j];
                }
            }
            cumulative[k] = ExactSum.sum(terms, m);
        }
        double calibrationEnd = (dates.calibrationEnd() - start) / perUnit;
        return new PurchaseTracking(model.name(), LocalDate.ofEpochDay(start), calibrationEnd, ends, actual, cumulative);
    }

    /**
     * Compares purchase models on this split: per model the log-likelihood of the calibration data,
     * AIC, BIC and the errors of its holdout predictions; see {@link ModelComparison}.
     *
     * @param models the models, usually each fitted to {@link #calibration()}; at least one
     * @return the comparison, models in the given order
     * @throws NullPointerException if {@code models} or a model is null
     * @throws IllegalArgumentException if {@code models} is empty
     * @throws IllegalStateException as {@link #predictions(PurchaseModel)}, or if a log-likelihood is
     *     not finite
     */
    public ModelComparison compare(List<? extends PurchaseModel> models) {
        Objects.requireNonNull(models, "models");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("models is empty: compare at least one model");
        }
        List<ModelComparison.Entry> entries = new ArrayList<>();
        double[] ll = new double[ids.length];
        for (PurchaseModel m : models) {
            Objects.requireNonNull(m, "model");
            for (int k = 0; k < ids.length; k++) {
                ll[k] = m.logLikelihood(calibration[k]);
            }
            double logLikelihood = ExactSum.sum(ll, ll.length);
            if (!Double.isFinite(logLikelihood)) {
                throw new IllegalStateException(m.name() + ": the log-likelihood of the calibration data is "
                        + logLikelihood);
            }
            entries.add(ModelComparison.Entry.of(m.name(), m.parameterCount(), ids.length, logLikelihood, holdout,
                    predictions(m)));
        }
        return new ModelComparison(entries);
    }

    /**
     * Compares purchase models on this split; see {@link #compare(List)}.
     *
     * @param models the models, at least one
     * @return the comparison
     * @throws NullPointerException if {@code models} or a model is null
     * @throws IllegalArgumentException if no model is given
     * @throws IllegalStateException as {@link #compare(List)}
     */
    public ModelComparison compare(PurchaseModel... models) {
        Objects.requireNonNull(models, "models");
        return compare(Arrays.asList(models));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "CalibrationHoldout[customers=%d, holdoutLength=%.4f,"
                + " holdoutPurchases=%d, newCustomersExcluded=%d]", ids.length, holdoutLength, totalHoldoutPurchases(),
                newCustomers);
    }
}
