package io.github.cxmetrics.clv;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Purchase models compared on one calibration/holdout split, made by
 * {@link CalibrationHoldout#compare(List)}: per model the fit to the calibration data and the error of
 * its holdout predictions, so that BG/NBD, Pareto/NBD and MBG/NBD can be chosen from numbers.
 *
 * <pre>{@code
 * LL   = Σᵢ log L(xᵢ, tₓᵢ, Tᵢ)                      (calibration data, n customers)
 * AIC  = 2k − 2·LL                                  (Akaike 1974; k = parameter count)
 * BIC  = k·ln(n) − 2·LL                             (Schwarz 1978)
 * eᵢ   = E[Y(t*) | xᵢ, tₓᵢ, Tᵢ] − yᵢ                 (yᵢ: holdout purchase days)
 * MAE  = Σ|eᵢ| / n,   RMSE = √(Σeᵢ² / n)
 * aggregate error = Σ E[Y(t*) | …] − Σ yᵢ           (total predicted minus total actual)
 * }</pre>
 * Lower AIC, BIC, MAE and RMSE are better; the aggregate error is signed (negative: the model
 * under-predicts). The log-likelihood is recomputed on the split's calibration summaries, so models
 * built from given parameters compare as fitted ones do. Sums are exact sums rounded once (independent
 * of the order of the customers). Immutable.
 *
 * @since 0.2.0
 */
public final class ModelComparison {

    private final List<Entry> entries;

    ModelComparison(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * One model's row of the comparison.
     *
     * @since 0.2.0
     */
    public static final class Entry {
        private final String model;
        private final int parameters;
        private final int customers;
        private final double logLikelihood;
        private final double mae;
        private final double rmse;
        private final long actualTotal;
        private final double predictedTotal;

        private Entry(String model, int parameters, int customers, double logLikelihood, double mae, double rmse,
                long actualTotal, double predictedTotal) {
            this.model = model;
            this.parameters = parameters;
            this.customers = customers;
            this.logLikelihood = logLikelihood;
            this.mae = mae;
            this.rmse = rmse;
            this.actualTotal = actualTotal;
            this.predictedTotal = predictedTotal;
        }

        static Entry of(String model, int parameters, int customers, double logLikelihood, long[] actual,
                double[] predicted) {
            Objects.requireNonNull(model, "model");
            if (parameters < 1) {
                throw new IllegalStateException(model + ": parameterCount must be >= 1, was " + parameters);
            }
            int n = actual.length;
            double[] abs = new double[n];
            double[] sq = new double[n];
            long total = 0;
            for (int k = 0; k < n; k++) {
                double e = predicted[k] - actual[k];
                abs[k] = Math.abs(e);
                sq[k] = e * e;
                total += actual[k];
            }
            double mae = ExactSum.sum(abs, n) / n;
            double rmse = Math.sqrt(ExactSum.sum(sq, n) / n);
            return new Entry(model, parameters, customers, logLikelihood, mae, rmse, total,
                    ExactSum.sum(predicted, n));
        }

        /**
         * The model's name.
         *
         * @return the name
         */
        public String model() {
            return model;
        }

        /**
         * The number of free parameters k.
         *
         * @return k, {@code >= 1}
         */
        public int parameters() {
            return parameters;
        }

        /**
         * The number of customers n (calibration summaries and holdout counts).
         *
         * @return n
         */
        public int customers() {
            return customers;
        }

        /**
         * The log-likelihood of the calibration data, {@code Σᵢ log L(xᵢ, tₓᵢ, Tᵢ)}.
         *
         * @return LL, finite
         */
        public double logLikelihood() {
            return logLikelihood;
        }

        /**
         * Akaike's information criterion, {@code 2k − 2·LL}.
         *
         * @return AIC
         */
        public double aic() {
            return 2.0 * parameters - 2.0 * logLikelihood;
        }

        /**
         * The Bayesian (Schwarz) information criterion, {@code k·ln(n) − 2·LL}.
         *
         * @return BIC
         */
        public double bic() {
            return parameters * Math.log(customers) - 2.0 * logLikelihood;
        }

        /**
         * The mean absolute error of the per-customer holdout predictions,
         * {@code Σ|E[Y(t*) | …] − yᵢ| / n}, in purchases.
         *
         * @return MAE, {@code >= 0}
         */
        public double meanAbsoluteError() {
            return mae;
        }

        /**
         * The root mean squared error of the per-customer holdout predictions,
         * {@code √(Σ(E[Y(t*) | …] − yᵢ)² / n)}, in purchases.
         *
         * @return RMSE, {@code >= MAE}
         */
        public double rootMeanSquaredError() {
            return rmse;
        }

        /**
         * The holdout purchase days of all customers, {@code Σ yᵢ}.
         *
         * @return the actual total
         */
        public long actualTotal() {
            return actualTotal;
        }

        /**
         * The predicted holdout purchases of all customers, {@code Σ E[Y(t*) | xᵢ, tₓᵢ, Tᵢ]}.
         *
         * @return the predicted total
         */
        public double predictedTotal() {
            return predictedTotal;
        }

        /**
         * The aggregate error, {@code predictedTotal − actualTotal}: negative when the model
         * under-predicts.
         *
         * @return the signed error, in purchases
         */
        public double aggregateError() {
            return predictedTotal - actualTotal;
        }

        /**
         * The aggregate error relative to the actual total, {@code (predicted − actual) / actual}.
         *
         * @return the relative error (−0.12: 12 % under)
         * @throws IllegalStateException if no holdout purchase was made (actual total 0)
         */
        public double relativeAggregateError() {
            if (actualTotal == 0) {
                throw new IllegalStateException("the relative aggregate error is undefined: no holdout purchase");
            }
            return aggregateError() / actualTotal;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Entry)) {
                return false;
            }
            Entry e = (Entry) o;
            return model.equals(e.model) && parameters == e.parameters && customers == e.customers
                    && Double.compare(logLikelihood, e.logLikelihood) == 0 && Double.compare(mae, e.mae) == 0
                    && Double.compare(rmse, e.rmse) == 0 && actualTotal == e.actualTotal
                    && Double.compare(predictedTotal, e.predictedTotal) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, parameters, customers, logLikelihood, mae, rmse, actualTotal, predictedTotal);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s[k=%d, LL=%.4f, AIC=%.4f, BIC=%.4f, MAE=%.4f, RMSE=%.4f,"
                    + " predicted=%.2f, actual=%d]", model, parameters, logLikelihood, aic(), bic(), mae, rmse,
                    predictedTotal, actualTotal);
        }
    }

    /**
     * The rows, in the order the models were given.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The row of the named model.
     *
     * @param model the model's name, e.g. {@code "BG/NBD"}
     * @return the first row with that name
     * @throws IllegalArgumentException if no row has that name
     */
    public Entry entry(String model) {
        Objects.requireNonNull(model, "model");
        for (Entry e : entries) {
            if (e.model.equals(model)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no model named '" + model + "' in the comparison");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelComparison && entries.equals(((ModelComparison) o).entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /**
     * The comparison as a text table, one line per model: k, LL, AIC, BIC, MAE, RMSE, total predicted,
     * total actual and the aggregate error in percent; under 100 columns.
     *
     * @return the text, lines separated by {@code \n}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s %2s %12s %11s %11s %7s %7s %10s %7s %8s",
                "model", "k", "LL", "AIC", "BIC", "MAE", "RMSE", "predicted", "actual", "error"));
        for (Entry e : entries) {
            s.append('\n').append(String.format(Locale.ROOT, "%-12s %2d %12.4f %11.4f %11.4f %7.4f %7.4f %10.2f %7d %8s",
                    e.model, e.parameters, e.logLikelihood, e.aic(), e.bic(), e.mae, e.rmse, e.predictedTotal,
                    e.actualTotal, e.actualTotal == 0 ? "—"
                            : String.format(Locale.ROOT, "%+.2f%%", 100.0 * e.relativeAggregateError())));
        }
        return s.toString();
    }
}
