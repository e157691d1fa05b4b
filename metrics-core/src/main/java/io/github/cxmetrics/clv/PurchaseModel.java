package io.github.cxmetrics.clv;

import java.util.List;

/**
 * The surface every buy-till-you-die purchase model of cxmetrics offers, so that spend models
 * ({@link GammaGamma#residualClv(PurchaseModel, RfmSummary, int, double, double, double)}), holdout
 * validation, model comparison and the command line take any of them: BG/NBD
 * ({@link BetaGeometricNbd}) and the models added beside it.
 *
 * <p>Time is in the unit of the customers' summaries ({@link RfmSummary}: x repeat purchases, recency
 * {@code tₓ} and age {@code T}); purchases are repeat purchases. Implementations are immutable.
 *
 * @since 0.2.0
 */
public interface PurchaseModel {

    /**
     * The model's name, e.g. {@code "BG/NBD"}.
     *
     * @return the name
     */
    String name();

    /**
     * The names of the parameters, in the order of {@link #parameters()} and {@link #standardErrors()},
     * as the model's accessors are named (e.g. {@code r, alpha, a, b}).
     *
     * @return an unmodifiable list of {@link #parameterCount()} names
     */
    List<String> parameterNames();

    /**
     * The parameter values, in the order of {@link #parameterNames()}.
     *
     * @return a new array of {@link #parameterCount()} finite positive values
     */
    double[] parameters();

    /**
     * The number of free parameters, for AIC and BIC.
     *
     * @return the parameter count, {@code >= 1}
     */
    int parameterCount();

    /**
     * The maximised log-likelihood of a fitted model, summed over the customers it was fitted to.
     *
     * @return the log-likelihood, finite
     * @throws IllegalStateException if the model was built from given parameters, not fitted
     */
    double logLikelihood();

    /**
     * The log-likelihood of one customer's history under the model's parameters.
     *
     * @param customer the customer's summary
     * @return the log-likelihood, finite (it can be positive: the models' likelihoods are densities in
     *     the recency)
     * @throws NullPointerException if {@code customer} is null
     */
    double logLikelihood(RfmSummary customer);

    /**
     * Standard errors of the parameters, in the order of the model's parameter accessors.
     *
     * @return a new array of {@link #parameterCount()} finite positive values
     * @throws IllegalStateException if the model was not fitted or its information matrix is
     *     singular at the estimate
     */
    double[] standardErrors();

    /**
     * The expected number of repeat purchases of a new customer in {@code (0, t]}, {@code E[X(t)]}.
     *
     * @param t the length of the period, {@code >= 0}
     * @return the expectation, {@code >= 0}
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    double expectedPurchases(double t);

    /**
     * The expected number of repeat purchases in the next {@code t} time units of a customer with the
     * given history, {@code E[Y(t) | x, tₓ, T]}.
     *
     * @param t the length of the period, {@code >= 0}
     * @param customer the customer's summary
     * @return the conditional expectation, {@code >= 0}
     * @throws NullPointerException if {@code customer} is null
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    double conditionalExpectedPurchases(double t, RfmSummary customer);

    /**
     * The probability that a customer with the given history is still active at {@code T}.
     *
     * @param customer the customer's summary
     * @return {@code P(alive | x, tₓ, T)}, in {@code [0, 1]}
     * @throws NullPointerException if {@code customer} is null
     */
    double probabilityAlive(RfmSummary customer);

    /**
     * The probability of exactly {@code n} repeat purchases in {@code (0, t]} for a new customer.
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the length of the period, {@code > 0}
     * @return {@code P(X(t) = n)}, in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code n} is negative or {@code t} not positive and finite
     */
    double probabilityOfPurchases(int n, double t);
}
