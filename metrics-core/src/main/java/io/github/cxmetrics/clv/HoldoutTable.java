package io.github.cxmetrics.clv;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Actual versus predicted holdout repeat purchases by calibration frequency, the validation table of
 * Fader, Hardie &amp; Lee (2005, "Counting your customers the easy way", <i>Marketing Science</i> 24(2),
 * Figure 4) and of BTYD's {@code PlotFreqVsConditionalExpectedFrequency}; made by
 * {@link CalibrationHoldout#table(PurchaseModel, int)}.
 *
 * <pre>{@code
 * bin b = min(x, censorAt)                  (x: calibration repeat purchases)
 * mean actual(b)    = Σ_{i in b} holdout purchase days of i / n_b
 * mean predicted(b) = Σ_{i in b} E[Y(t*) | xᵢ, tₓᵢ, Tᵢ] / n_b,   t* = the holdout length
 * }</pre>
 * Bins without a customer are left out. Predicted sums are exact sums rounded once, so they do not
 * depend on the order of the customers.
 *
 * @param model the purchase model's name
 * @param censorAt the first frequency of the open last bin
 * @param holdoutLength t*, in the unit of the summaries
 * @param bins the non-empty bins by ascending frequency
 * @param actualTotal the holdout purchase days of all customers
 * @param predictedTotal the predicted holdout purchases of all customers
 * @since 0.2.0
 */
public record HoldoutTable(String model, int censorAt, double holdoutLength, List<Bin> bins, long actualTotal,
        double predictedTotal) {

    /**
     * One bin of customers with the same calibration frequency (or at least {@code censorAt}).
     *
     * @param frequency the calibration frequency x of the bin; the least of the censored bin
     * @param censored whether this is the open bin x &gt;= {@code frequency}
     * @param customers the number of customers, {@code >= 1}
     * @param actualTotal their holdout purchase days
     * @param predictedTotal their predicted holdout purchases
     * @since 0.2.0
     */
    public record Bin(int frequency, boolean censored, long customers, long actualTotal, double predictedTotal) {

        /**
         * Validates the bin.
         *
         * @param frequency the calibration frequency, {@code >= 0}
         * @param censored whether the bin is open
         * @param customers the number of customers, {@code >= 1}
         * @param actualTotal the holdout purchase days, {@code >= 0}
         * @param predictedTotal the predicted purchases, finite and {@code >= 0}
         * @throws IllegalArgumentException if a value is out of range
         */
        public Bin {
            if (frequency < 0) {
                throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
            }
            if (customers < 1) {
                throw new IllegalArgumentException("customers must be >= 1, was " + customers);
            }
            if (actualTotal < 0) {
                throw new IllegalArgumentException("actualTotal must be >= 0, was " + actualTotal);
            }
            if (!(predictedTotal >= 0.0 && predictedTotal < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("predictedTotal must be finite and >= 0, was " + predictedTotal);
            }
        }

        /**
         * The bin's label: the frequency, with {@code +} for the censored bin ({@code "7+"}).
         *
         * @return the label
         */
        public String label() {
            return censored ? frequency + "+" : Integer.toString(frequency);
        }

        /**
         * The mean actual holdout purchase days, {@code actualTotal / customers}.
         *
         * @return the mean, {@code >= 0}
         */
        public double meanActual() {
            return (double) actualTotal / customers;
        }

        /**
         * The mean predicted holdout purchases, {@code predictedTotal / customers}.
         *
         * @return the mean, {@code >= 0}
         */
        public double meanPredicted() {
            return predictedTotal / customers;
        }
    }

    /**
     * Validates the table and copies the bins.
     *
     * @param model the model's name, not null
     * @param censorAt {@code >= 1}
     * @param holdoutLength finite and {@code > 0}
     * @param bins at least one, no null, ascending by frequency; only a bin at {@code censorAt} is censored
     * @param actualTotal {@code >= 0}, the sum of the bins' actual totals
     * @param predictedTotal finite and {@code >= 0}
     * @throws NullPointerException if {@code model}, {@code bins} or a bin is null
     * @throws IllegalArgumentException if a value is out of range or the bins do not add up
     */
    public HoldoutTable {
        Objects.requireNonNull(model, "model");
        if (censorAt < 1) {
            throw new IllegalArgumentException("censorAt must be >= 1, was " + censorAt);
        }
        if (!(holdoutLength > 0.0 && holdoutLength < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("holdoutLength must be finite and > 0, was " + holdoutLength);
        }
        bins = List.copyOf(Objects.requireNonNull(bins, "bins"));
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("bins is empty");
        }
        if (actualTotal < 0) {
            throw new IllegalArgumentException("actualTotal must be >= 0, was " + actualTotal);
        }
        if (!(predictedTotal >= 0.0 && predictedTotal < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("predictedTotal must be finite and >= 0, was " + predictedTotal);
        }
        long actual = 0;
        int previous = -1;
        for (Bin b : bins) {
            Objects.requireNonNull(b, "bin");
            if (b.frequency() <= previous || b.frequency() > censorAt || b.censored() != (b.frequency() == censorAt)) {
                throw new IllegalArgumentException("bins must ascend by frequency, below censorAt = " + censorAt
                        + " and censored only at it, was " + bins);
            }
            previous = b.frequency();
            actual += b.actualTotal();
        }
        if (actual != actualTotal) {
            throw new IllegalArgumentException("actualTotal must be the sum over the bins, " + actual + ", was "
                    + actualTotal);
        }
    }

    /**
     * The number of customers in all bins.
     *
     * @return {@code Σ n_b}
     */
    public long customers() {
        long n = 0;
        for (Bin b : bins) {
            n += b.customers();
        }
        return n;
    }

    /**
     * The table as text: one line per bin (frequency, customers, mean actual, mean predicted) and a
     * line of totals, at most 60 columns.
     *
     * @return the text, lines separated by {@code \n}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s, holdout %s periods: actual vs predicted repeat purchases\n", model,
                new java.math.BigDecimal(holdoutLength).round(new java.math.MathContext(6)).stripTrailingZeros()
                        .toPlainString()));
        s.append(String.format(Locale.ROOT, "%-6s %9s %12s %12s\n", "x", "customers", "actual", "predicted"));
        for (Bin b : bins) {
            s.append(String.format(Locale.ROOT, "%-6s %9d %12.4f %12.4f\n", b.label(), b.customers(), b.meanActual(),
                    b.meanPredicted()));
        }
        s.append(String.format(Locale.ROOT, "%-6s %9d %12d %12.2f", "total", customers(), actualTotal, predictedTotal));
        return s.toString();
    }
}
