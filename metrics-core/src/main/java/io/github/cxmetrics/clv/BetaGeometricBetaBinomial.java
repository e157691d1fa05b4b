package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.Beta;
import io.github.cxmetrics.internal.math.BetaExpectation;
import io.github.cxmetrics.internal.math.Gamma;
import io.github.cxmetrics.internal.math.NumericalHessian;
import io.github.cxmetrics.internal.math.Polygamma;
import io.github.cxmetrics.internal.math.QuasiNewton;
import io.github.cxmetrics.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The BG/BB model of repeat transactions in a discrete-time non-contractual setting (Fader, Hardie
 * &amp; Shang 2010, "Customer-base analysis in a discrete-time noncontractual setting", <i>Marketing
 * Science</i> 29(6):1086–1108): at each of a fixed sequence of transaction opportunities (an annual
 * donation campaign, a weekly show, a yearly conference) an active customer transacts with probability
 * p ~ Beta(α, β), and before each opportunity she becomes inactive, for good, with probability
 * θ ~ Beta(γ, δ). A customer's history is {@link History}: x transactions in n opportunities, the
 * last at opportunity tₓ.
 *
 * <pre>{@code
 * L(x, tₓ, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
 *             + Σ_(i=0)^(n−tₓ−1) B(α + x, β + tₓ − x + i)/B(α, β) · B(γ + 1, δ + tₓ + i)/B(γ, δ)
 * P(alive at n + m | x, tₓ, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n + m)/B(γ, δ) / L
 * E[X(n)]  = α/(α + β) · δ/(γ − 1) · [1 − Γ(γ + δ)Γ(1 + δ + n)/(Γ(1 + δ)Γ(γ + δ + n))]
 * E[X(n, n + n*) | x, tₓ, n] = B(α + x + 1, β + n − x)/B(α, β) · δ/(γ − 1) · Γ(γ + δ)/Γ(1 + δ)
 *              · [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + n*)/Γ(γ + δ + n + n*)] / L
 * DERT(d | x, tₓ, n) = B(α + x + 1, β + n − x)/B(α, β) · B(γ, δ + n + 1)/B(γ, δ)
 *              · ₂F₁(1, δ + n + 1; γ + δ + n + 1; 1/(1 + d)) / ((1 + d) · L)
 * }</pre>
 * (FHS 2010 eqs. 5, 11, 7, 13 and 14; the DERT as BTYD's {@code bgbb.DERT}).
 *
 * <p><b>Not a {@link PurchaseModel}.</b> Time here is a count of opportunities, not a continuous
 * period: a history has an integer recency and no age, a forecast horizon is a number of future
 * opportunities, and the likelihood is a probability, not a density. Squeezing it into
 * {@code PurchaseModel}'s {@code double t} and {@link RfmSummary} would mean rejecting most of
 * their values at run time, so the class offers the same method names
 * ({@code logLikelihood}, {@code standardErrors}, {@code expectedPurchases},
 * {@code conditionalExpectedPurchases}, {@code probabilityAlive}, {@code probabilityOfPurchases})
 * with integer opportunities and {@link History} instead.
 *
 * <p><b>Computation.</b> Every beta-function ratio is taken in log space and the likelihood's sum by
 * log-sum-exp, so long histories neither overflow nor underflow; the cost of the likelihood is
 * {@code O(n − tₓ)} per history. The gamma-function ratios of the expectations are products over
 * the opportunities, {@code Π_k (1 + δ + k)/(γ + δ + k)}, summed as {@code −Σ log1p((γ − 1)/(1 + δ + k))}
 * and closed with {@code expm1}, so {@code γ} at or near 1 (where {@code δ/(γ − 1)} is a removable
 * singularity) loses no digits; beyond {@value #PRODUCT_TERMS} opportunities log-gamma differences
 * are used. The DERT's ₂F₁ is computed as the mean {@code (1 + d)·E[1/(d + θ)]},
 * {@code θ ~ Beta(γ, δ + n + 1)} (Euler's integral, DLMF 15.6.1), by the positive-weight quadrature
 * that {@code ShiftedBetaGeometric}'s DERL uses, so small discount rates need no special case.
 *
 * <p><b>Fitting</b> maximises the weighted log-likelihood of the distinct histories over {@code
 * ln α, ln β, ln γ, ln δ} by BFGS on the analytic gradient (digamma differences) from the origin,
 * Nelder–Mead as the fallback; identical histories are merged (their counts added) and summed in
 * sorted order, so the result depends only on the multiset of histories. Standard errors from the
 * observed information (the Hessian in log space from central differences of the analytic gradient
 * with a Richardson step; delta method). On the donations data (11,104 donors, 22 patterns, n = 6)
 * the fit gives (α, β, γ, δ) = (1.2035, 0.7497, 0.6567, 2.7834), log-likelihood −33225.58, as FHS
 * 2010 (1.204, 0.750, 0.657, 2.783).
 *
 * <p><b>Equality.</b> Equal when parameters, log-likelihoods and standard errors are equal bit for
 * bit; a model from {@link #of} never equals a fitted one. Immutable and thread-safe.
 *
 * @since 0.2.0
 */
public final class BetaGeometricBetaBinomial {

    /**
     * A customer's (or, with {@code count > 1}, a group of identical customers') history over
     * {@code opportunities} transaction opportunities: {@code frequency} transactions, the last at
     * opportunity {@code recency} (0 when there is none). Opportunities are numbered 1..n after the
     * first transaction, which is not counted.
     *
     * @param frequency x, the number of opportunities with a transaction, {@code 0 <= x <= recency}
     * @param recency tₓ, the last opportunity with a transaction, {@code 0} if {@code x = 0}, else
     *     {@code x <= tₓ <= n}
     * @param opportunities n, {@code >= 0}
     * @param count the number of customers with this history, {@code >= 1} (the donations data's
     *     {@code weights}: 22 patterns for 11,104 donors)
     * @since 0.2.0
     */
    public record History(int frequency, int recency, int opportunities, long count) {

        /**
         * Validates the history.
         *
         * @param frequency x
         * @param recency tₓ
         * @param opportunities n
         * @param count the number of customers with this history
         * @throws IllegalArgumentException if a component is out of range
         */
        public History {
            if (opportunities < 0) {
                throw new IllegalArgumentException("opportunities must be >= 0, was " + opportunities);
            }
            if (frequency < 0 || frequency > opportunities) {
                throw new IllegalArgumentException("frequency must be in 0.." + opportunities + " (opportunities), was "
                        + frequency);
            }
            if (frequency == 0 ? recency != 0 : recency < frequency || recency > opportunities) {
                throw new IllegalArgumentException("recency must be " + (frequency == 0 ? "0 when frequency is 0"
                        : "in " + frequency + ".." + opportunities + " (frequency..opportunities)") + ", was "
                        + recency);
            }
            if (count < 1) {
                throw new IllegalArgumentException("count must be >= 1, was " + count);
            }
        }

        /**
         * One customer's history.
         *
         * @param frequency x
         * @param recency tₓ
         * @param opportunities n
         * @return the history with count 1
         * @throws IllegalArgumentException as the canonical constructor
         */
        public static History of(int frequency, int recency, int opportunities) {
            return new History(frequency, recency, opportunities, 1);
        }
    }

    /** Opportunities up to which the gamma-function ratios are summed term by term. */
    private static final int PRODUCT_TERMS = 1_000_000;

    private static final double[] LOWER = {-30.0, -30.0, -30.0, -30.0};
    private static final double[] UPPER = {30.0, 30.0, 30.0, 30.0};
    private static final double GRADIENT_TOLERANCE = 1e-11;
    private static final int MAX_EVALUATIONS = 2_000;
    /** Budget of the Nelder–Mead fallback (it converges within a few thousand on identified data). */
    private static final int NELDER_MEAD_EVALUATIONS = 20_000;

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double delta;
    private final double logLikelihood;
    private final double[] standardErrors; // null when not fitted or the Hessian is singular

    private BetaGeometricBetaBinomial(double alpha, double beta, double gamma, double delta, double logLikelihood,
            double[] se) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.delta = delta;
        this.logLikelihood = logLikelihood;
        this.standardErrors = se;
    }

    /**
     * A model with given parameters.
     *
     * @param alpha transaction-probability Beta parameter α, {@code > 0}
     * @param beta transaction-probability Beta parameter β, {@code > 0}
     * @param gamma dropout-probability Beta parameter γ, {@code > 0}
     * @param delta dropout-probability Beta parameter δ, {@code > 0}
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static BetaGeometricBetaBinomial of(double alpha, double beta, double gamma, double delta) {
        check("alpha", alpha);
        check("beta", beta);
        check("gamma", gamma);
        check("delta", delta);
        return new BetaGeometricBetaBinomial(alpha, beta, gamma, delta, Double.NaN, null);
    }

    /**
     * Fits the model by maximum likelihood to histories weighted by their counts. The result depends
     * only on the multiset of customers: a history with count k and k copies with count 1 give the
     * same model.
     *
     * @param histories the histories
     * @return the fitted model
     * @throws NullPointerException if {@code histories} or an element is null
     * @throws IllegalArgumentException if {@code histories} is empty or the counts overflow a long
     * @throws IllegalStateException if the data cannot identify the parameters (no opportunity at all,
     *     no transaction at all, or a transaction at every opportunity of every customer), or the fit
     *     does not converge to finite parameters
     */
    public static BetaGeometricBetaBinomial fit(Collection<History> histories) {
        Grouped data = group(histories);
        boolean anyOpportunity = false;
        boolean anyTransaction = false;
        boolean anyMiss = false;
        for (int i = 0; i < data.size(); i++) {
            anyOpportunity |= data.n[i] > 0;
            anyTransaction |= data.x[i] > 0;
            anyMiss |= data.x[i] < data.n[i];
        }
        if (!anyOpportunity) {
            throw new IllegalStateException("cannot fit BG/BB: no customer had an opportunity to transact");
        }
        if (!anyTransaction) {
            throw new IllegalStateException("cannot fit BG/BB: no customer transacted, so the likelihood has no "
                    + "maximum (the transaction probability runs to 0)");
        }
        if (!anyMiss) {
            throw new IllegalStateException("cannot fit BG/BB: every customer transacted at every opportunity, so "
                    + "the likelihood has no maximum (nobody is seen to miss one or to drop out)");
        }
        QuasiNewton.Objective objective = (y, g) -> {
            double v = data.valueAndGradient(y, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        };
        double[] start = new double[4];
        QuasiNewton.Result result = QuasiNewton.minimize(objective, start, LOWER, UPPER, GRADIENT_TOLERANCE,
                MAX_EVALUATIONS);
        boolean fellBack = !result.converged() || !within(result.point());
        double[] best = result.orNelderMead(fellBack, "BG/BB", y -> -data.valueAndGradient(y, null), start, 1.0,
                NELDER_MEAD_EVALUATIONS);
        double ll = data.valueAndGradient(best, null);
        if (!Double.isFinite(ll) || !within(best)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "BG/BB fit did not converge to finite "
                    + "parameters: the estimate runs off to alpha=%.4g, beta=%.4g, gamma=%.4g, delta=%.4g "
                    + "(log-likelihood %s); the data carry too little information to identify them",
                    Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]), Math.exp(best[3]), ll));
        }
        double[] se = NumericalHessian.logScaleStandardErrors(
                GradientHessian.of(data::valueAndGradient, best), best);
        return new BetaGeometricBetaBinomial(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]),
                Math.exp(best[3]), ll, se);
    }

    private static boolean within(double[] y) {
        for (double v : y) {
            if (!(Math.abs(v) <= 25)) {
                return false;
            }
        }
        return true;
    }

    /** Distinct histories sorted by (n, tₓ, x), with their total counts as weights. */
    static Grouped group(Collection<History> histories) {
        Objects.requireNonNull(histories, "histories");
        if (histories.isEmpty()) {
            throw new IllegalArgumentException("cannot fit BG/BB to an empty set of histories");
        }
        List<History> sorted = new ArrayList<>(histories.size());
        for (History h : histories) {
            sorted.add(Objects.requireNonNull(h, "history"));
        }
        sorted.sort(Comparator.comparingInt(History::opportunities).thenComparingInt(History::recency)
                .thenComparingInt(History::frequency));
        int[] x = new int[sorted.size()];
        int[] tx = new int[sorted.size()];
        int[] n = new int[sorted.size()];
        long[] count = new long[sorted.size()];
        int d = 0;
        long total = 0;
        for (History h : sorted) {
            total = Math.addExact(total, h.count());
            if (d > 0 && x[d - 1] == h.frequency() && tx[d - 1] == h.recency() && n[d - 1] == h.opportunities()) {
                count[d - 1] += h.count();
            } else {
                x[d] = h.frequency();
                tx[d] = h.recency();
                n[d] = h.opportunities();
                count[d] = h.count();
                d++;
            }
        }
        return new Grouped(Arrays.copyOf(x, d), Arrays.copyOf(tx, d), Arrays.copyOf(n, d), Arrays.copyOf(count, d));
    }

    /** Prepared data of a fit; see {@link #group}. */
    static final class Grouped {
        final int[] x;
        final int[] tx;
        final int[] n;
        final long[] count;

        Grouped(int[] x, int[] tx, int[] n, long[] count) {
            this.x = x;
            this.tx = tx;
            this.n = n;
            this.count = count;
        }

        int size() {
            return x.length;
        }

        /**
         * The weighted log-likelihood at log-parameters {@code y} and, when {@code gradient} is not
         * null, its gradient in {@code y}. Each term of L is
         * {@code e^ℓ, ℓ = ln B(α + x, β + k₁) − ln B(α, β) + ln B(γ + e, δ + k₂) − ln B(γ, δ)}
         * ({@code k₁ = n − x, e = 0, k₂ = n} for the first, {@code k₁ = tₓ − x + i, e = 1, k₂ = tₓ + i}
         * for the sum), with {@code ∂ℓ/∂α = ψ(α + x) − ψ(α + β + x + k₁) − ψ(α) + ψ(α + β)} and so
         * on; {@code ∂ ln L = Σ wⱼ ∂ℓⱼ} with {@code wⱼ = e^(ℓⱼ)/L}.
         */
        double valueAndGradient(double[] y, double[] gradient) {
            double[] p = {Math.exp(y[0]), Math.exp(y[1]), Math.exp(y[2]), Math.exp(y[3])};
            Terms terms = new Terms(p[0], p[1], p[2], p[3], gradient != null);
            double sum = 0;
            double[] g = gradient == null ? null : new double[4];
            double[] gi = gradient == null ? null : new double[4];
            for (int i = 0; i < size(); i++) {
                double w = count[i];
                sum += w * terms.logLikelihood(x[i], tx[i], n[i], gi);
                if (g != null) {
                    for (int j = 0; j < 4; j++) {
                        g[j] += w * gi[j];
                    }
                }
            }
            if (gradient != null) {
                for (int j = 0; j < 4; j++) {
                    gradient[j] = g[j] * p[j];
                }
            }
            return sum;
        }
    }

    /** The terms of the likelihood at fixed parameters, with the constants computed once. */
    private static final class Terms {
        private final double alpha;
        private final double beta;
        private final double gamma;
        private final double delta;
        private final double lnBab;
        private final double lnBgd;
        private final boolean gradient;
        private final double psiA;
        private final double psiB;
        private final double psiAb;
        private final double psiG;
        private final double psiD;
        private final double psiGd;

        Terms(double alpha, double beta, double gamma, double delta, boolean gradient) {
            this.alpha = alpha;
            this.beta = beta;
            this.gamma = gamma;
            this.delta = delta;
            this.lnBab = Beta.logBeta(alpha, beta);
            this.lnBgd = Beta.logBeta(gamma, delta);
            this.gradient = gradient;
            psiA = gradient ? Polygamma.digamma(alpha) : 0;
            psiB = gradient ? Polygamma.digamma(beta) : 0;
            psiAb = gradient ? Polygamma.digamma(alpha + beta) : 0;
            psiG = gradient ? Polygamma.digamma(gamma) : 0;
            psiD = gradient ? Polygamma.digamma(delta) : 0;
            psiGd = gradient ? Polygamma.digamma(gamma + delta) : 0;
        }

        /** {@code ln L(x, tₓ, n)}; its gradient in the natural parameters into {@code g} if not null. */
        double logLikelihood(int x, int tx, int n, double[] g) {
            int count = n - tx + 1;
            double[] ell = new double[count];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < count; j++) {
                ell[j] = j == 0 ? term(x, n - x, 0, n) : term(x, tx - x + j - 1, 1, tx + j - 1);
                max = Math.max(max, ell[j]);
            }
            double s = 0;
            for (int j = 0; j < count; j++) {
                s += Math.exp(ell[j] - max);
            }
            double lnL = max + Math.log(s);
            if (g != null && gradient) {
                Arrays.fill(g, 0.0);
                for (int j = 0; j < count; j++) {
                    double w = Math.exp(ell[j] - lnL);
                    if (j == 0) {
                        addGradient(g, w, x, n - x, 0, n);
                    } else {
                        addGradient(g, w, x, tx - x + j - 1, 1, tx + j - 1);
                    }
                }
            }
            return lnL;
        }

        /** {@code ln B(α + x, β + k₁) − ln B(α, β) + ln B(γ + e, δ + k₂) − ln B(γ, δ)}. */
        double term(int x, int k1, int e, int k2) {
            return Beta.logBeta(alpha + x, beta + k1) - lnBab + Beta.logBeta(gamma + e, delta + k2) - lnBgd;
        }

        private void addGradient(double[] g, double w, int x, int k1, int e, int k2) {
            double psiAll = Polygamma.digamma(alpha + beta + x + k1);
            double psiAll2 = Polygamma.digamma(gamma + e + delta + k2);
            g[0] += w * (Polygamma.digamma(alpha + x) - psiAll - psiA + psiAb);
            g[1] += w * (Polygamma.digamma(beta + k1) - psiAll - psiB + psiAb);
            g[2] += w * ((e == 0 ? psiG : Polygamma.digamma(gamma + e)) - psiAll2 - psiG + psiGd);
            g[3] += w * (Polygamma.digamma(delta + k2) - psiAll2 - psiD + psiGd);
        }
    }

    /**
     * The transaction-probability Beta parameter α.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The transaction-probability Beta parameter β.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    /**
     * The dropout-probability Beta parameter γ.
     *
     * @return γ
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The dropout-probability Beta parameter δ.
     *
     * @return δ
     */
    public double delta() {
        return delta;
    }

    /**
     * {@code "BG/BB"}.
     *
     * @return the name
     */
    public String name() {
        return "BG/BB";
    }

    /**
     * Four: α, β, γ, δ.
     *
     * @return 4
     */
    public int parameterCount() {
        return 4;
    }

    /**
     * The maximised log-likelihood, {@code Σ count·ln L} over the histories, of a fitted model.
     *
     * @return the log-likelihood, finite and {@code <= 0}
     * @throws IllegalStateException if the model was built with {@link #of}: it has none
     */
    public double logLikelihood() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("a BG/BB model built with of(alpha, beta, gamma, delta) was not fitted: "
                    + "it has no log-likelihood");
        }
        return logLikelihood;
    }

    /**
     * The log-likelihood {@code ln L(x, tₓ, n)} (class comment) of one customer with this history;
     * the history's count is ignored. L is a probability, so the result is {@code <= 0}.
     *
     * @param history the history
     * @return {@code ln L}
     * @throws NullPointerException if {@code history} is null
     */
    public double logLikelihood(History history) {
        Objects.requireNonNull(history, "history");
        return terms().logLikelihood(history.frequency(), history.recency(), history.opportunities(), null);
    }

    /**
     * The log-likelihood of the given histories under this model's parameters,
     * {@code Σ count·ln L} (identical histories merged and summed in sorted order; for a fitted model
     * and its own data it equals {@link #logLikelihood()}).
     *
     * @param histories the histories
     * @return the total log-likelihood
     * @throws NullPointerException if {@code histories} or an element is null
     * @throws IllegalArgumentException if {@code histories} is empty or the counts overflow a long
     */
    public double logLikelihood(Collection<History> histories) {
        double[] y = {Math.log(alpha), Math.log(beta), Math.log(gamma), Math.log(delta)};
        return group(histories).valueAndGradient(y, null);
    }

    /**
     * Standard errors of (α, β, γ, δ) from the observed information, {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ}
     * with {@code H} the Hessian of the log-likelihood in {@code ln θ} (central differences of the
     * analytic gradient with a Richardson step; delta method). They agree with mpmath's numerical
     * Hessian of the same likelihood to 1e-8 relative on the donations data.
     *
     * @return a new array {α, β, γ, δ}, each finite and {@code > 0}
     * @throws IllegalStateException if the model was not fitted, or the Hessian at the estimate is
     *     singular or not negative definite
     */
    public double[] standardErrors() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("standard errors exist only for a fitted BG/BB model");
        }
        if (standardErrors == null) {
            throw new IllegalStateException("BG/BB standard errors are undefined: the Hessian of the log-likelihood "
                    + "is singular or not negative definite at the estimate " + this);
        }
        return standardErrors.clone();
    }

    /**
     * α with its standard error as a normal-theory {@link Estimate} (Wald interval).
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate alphaEstimate() {
        return Estimate.normal(alpha, standardErrors()[0]);
    }

    /**
     * β with its standard error as a normal-theory {@link Estimate} (Wald interval).
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate betaEstimate() {
        return Estimate.normal(beta, standardErrors()[1]);
    }

    /**
     * γ with its standard error as a normal-theory {@link Estimate} (Wald interval).
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate gammaEstimate() {
        return Estimate.normal(gamma, standardErrors()[2]);
    }

    /**
     * δ with its standard error as a normal-theory {@link Estimate} (Wald interval).
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate deltaEstimate() {
        return Estimate.normal(delta, standardErrors()[3]);
    }

    /**
     * The probability that a customer with this history is still active at the last observed
     * opportunity n (she has not dropped out before it); 1 when {@code tₓ = n}. See
     * {@link #probabilityAlive(History, int)}.
     *
     * @param history the history
     * @return {@code P(alive at n | x, tₓ, n)}, in [0, 1]
     * @throws NullPointerException if {@code history} is null
     */
    public double probabilityAlive(History history) {
        return probabilityAlive(history, 0);
    }

    /**
     * The probability that a customer with this history is active at opportunity {@code n + m}
     * (FHS 2010 eq. 11):
     * <pre>{@code
     * P(alive at n + m | x, tₓ, n) = B(α + x, β + n − x)/B(α, β) · B(γ, δ + n + m)/B(γ, δ) / L(x, tₓ, n)
     * }</pre>
     * {@code m = 1} is what BTYD's {@code bgbb.PAlive} and FHS's Table 6 report ("alive in the next
     * period").
     *
     * @param history the history
     * @param m opportunities ahead, {@code >= 0}
     * @return the probability, in [0, 1]
     * @throws NullPointerException if {@code history} is null
     * @throws IllegalArgumentException if {@code m} is negative
     */
    public double probabilityAlive(History history, int m) {
        Objects.requireNonNull(history, "history");
        if (m < 0) {
            throw new IllegalArgumentException("m must be >= 0, was " + m);
        }
        Terms terms = terms();
        int x = history.frequency();
        int n = history.opportunities();
        double lnL = terms.logLikelihood(x, history.recency(), n, null);
        double lnAlive = Beta.logBeta(alpha + x, beta + n - x) - terms.lnBab
                + Beta.logBeta(gamma, delta + n + (double) m) - terms.lnBgd;
        return Math.min(1.0, Math.exp(lnAlive - lnL));
    }

    /**
     * The expected number of transactions of a new customer in her first {@code n} opportunities
     * (FHS 2010 eq. 7):
     * <pre>{@code
     * E[X(n)] = α/(α + β) · δ/(γ − 1) · [1 − Γ(γ + δ)Γ(1 + δ + n)/(Γ(1 + δ)Γ(γ + δ + n))]
     *         = α/(α + β) · Σ_(k=1)^n E[(1 − θ)^k]
     * }</pre>
     * (see the class comment for how {@code γ} near 1 is handled).
     *
     * @param n the number of opportunities, {@code >= 0}
     * @return {@code E[X(n)]}, in {@code [0, n]}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public double expectedPurchases(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        return alpha / (alpha + beta) * delta * survivalSum(0, n);
    }

    /**
     * The expected number of transactions in the next {@code nStar} opportunities
     * ({@code n + 1 .. n + n*}) of a customer with this history (FHS 2010 eq. 13):
     * <pre>{@code
     * E[X(n, n + n*) | x, tₓ, n] = B(α + x + 1, β + n − x)/B(α, β) · δ/(γ − 1) · Γ(γ + δ)/Γ(1 + δ)
     *     · [Γ(1 + δ + n)/Γ(γ + δ + n) − Γ(1 + δ + n + n*)/Γ(γ + δ + n + n*)] / L(x, tₓ, n)
     * }</pre>
     *
     * @param nStar the number of future opportunities, {@code >= 0}
     * @param history the history
     * @return the conditional expectation, in {@code [0, n*]}
     * @throws NullPointerException if {@code history} is null
     * @throws IllegalArgumentException if {@code nStar} is negative
     */
    public double conditionalExpectedPurchases(int nStar, History history) {
        Objects.requireNonNull(history, "history");
        if (nStar < 0) {
            throw new IllegalArgumentException("nStar must be >= 0, was " + nStar);
        }
        if (nStar == 0) {
            return 0.0;
        }
        Terms terms = terms();
        int x = history.frequency();
        int n = history.opportunities();
        double lnL = terms.logLikelihood(x, history.recency(), n, null);
        // Γ(γ + δ)Γ(1 + δ + n)/(Γ(1 + δ)Γ(γ + δ + n)) = Π_(k<n) (1 + δ + k)/(γ + δ + k)
        double lnFront = Beta.logBeta(alpha + x + 1, beta + n - x) - terms.lnBab + logGammaRatio(0, n) - lnL;
        return Math.exp(lnFront) * delta * survivalSum(n, nStar);
    }

    /**
     * The discounted expected residual transactions of a customer with this history: the expected
     * transactions at opportunities {@code n + 1, n + 2, …}, the one at {@code n + k} discounted by
     * {@code (1 + d)^−k} (FHS 2010 eq. 14, as BTYD's {@code bgbb.DERT}):
     * <pre>{@code
     * DERT(d | x, tₓ, n) = B(α + x + 1, β + n − x)/B(α, β) · B(γ, δ + n + 1)/B(γ, δ)
     *                      · ₂F₁(1, δ + n + 1; γ + δ + n + 1; 1/(1 + d)) / ((1 + d) · L)
     *                    = B(α + x + 1, β + n − x)/B(α, β) · B(γ, δ + n + 1)/B(γ, δ)
     *                      · E[1/(d + θ)] / L,    θ ~ Beta(γ, δ + n + 1)
     * }</pre>
     * computed by the second line (see the class comment). Multiply by the margin per transaction
     * for a residual value.
     *
     * @param discountRate the discount rate per opportunity, {@code d > 0} (e.g. 0.10)
     * @param history the history
     * @return DERT, in transactions, in {@code (0, 1/d]}
     * @throws NullPointerException if {@code history} is null
     * @throws IllegalArgumentException if {@code discountRate} is not finite and above 0 (at
     *     {@code d = 0} the sum is the undiscounted expected number of all future transactions,
     *     finite only for {@code γ > 1})
     * @throws IllegalStateException if the quadrature does not settle (not observed)
     */
    public double discountedExpectedResidualTransactions(double discountRate, History history) {
        Objects.requireNonNull(history, "history");
        if (!(discountRate > 0.0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discountRate must be finite and > 0, was " + discountRate);
        }
        double d = discountRate;
        Terms terms = terms();
        int x = history.frequency();
        int n = history.opportunities();
        double lnL = terms.logLikelihood(x, history.recency(), n, null);
        double lnD = Math.log(d);
        BetaExpectation.LogFunction lnG = (lnTheta, lnOneMinusTheta) -> -(lnD
                + BetaExpectation.softplus(lnTheta - lnD));
        // 1/(d + θ) = (1/d)(1 − θ/d + …): constant to 1e-17 once θ < 1e-17·d
        double lnMean = BetaExpectation.logMean(lnG, -lnD, -Math.log1p(d), lnD - 39.0, 39.0, gamma,
                delta + n + 1.0);
        if (Double.isNaN(lnMean)) {
            throw new IllegalStateException("BG/BB DERT at discountRate = " + d + " did not converge for " + this);
        }
        double lnDert = Beta.logBeta(alpha + x + 1, beta + n - x) - terms.lnBab
                + Beta.logBeta(gamma, delta + n + 1.0) - terms.lnBgd + Math.min(lnMean, -lnD) - lnL;
        return Math.min(Math.exp(lnDert), 1.0 / d);
    }

    /**
     * The probability of exactly {@code x} transactions in the first {@code n} opportunities for a
     * new customer (FHS 2010 eq. 8):
     * <pre>{@code
     * P(X(n) = x) = C(n, x) · B(α + x, β + n − x)/B(α, β) · B(γ, δ + n)/B(γ, δ)
     *             + Σ_(i=x)^(n−1) C(i, x) · B(α + x, β + i − x)/B(α, β) · B(γ + 1, δ + i)/B(γ, δ)
     * }</pre>
     * (alive at all n opportunities, or dropping out after opportunity i, with the transactions
     * binomial among the opportunities alive); the cost is {@code O(n − x)}.
     *
     * @param x the number of transactions, {@code 0..n}
     * @param n the number of opportunities, {@code >= 0}
     * @return {@code P(X(n) = x)}, in [0, 1]
     * @throws IllegalArgumentException if {@code n} is negative or {@code x} outside {@code 0..n}
     */
    public double probabilityOfPurchases(int x, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (x < 0 || x > n) {
            throw new IllegalArgumentException("x must be in 0.." + n + ", was " + x);
        }
        Terms terms = terms();
        double[] ell = new double[n - x + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < ell.length; j++) {
            ell[j] = j == 0 ? logChoose(n, x) + terms.term(x, n - x, 0, n)
                    : logChoose(x + j - 1, x) + terms.term(x, j - 1, 1, x + j - 1);
            max = Math.max(max, ell[j]);
        }
        double s = 0;
        for (double v : ell) {
            s += Math.exp(v - max);
        }
        return Math.min(1.0, Math.exp(max + Math.log(s)));
    }

    private static double logChoose(int n, int k) {
        return -Math.log(n + 1.0) - Beta.logBeta(n - k + 1.0, k + 1.0);
    }

    private Terms terms() {
        return new Terms(alpha, beta, gamma, delta, false);
    }

    /**
     * {@code ln Π_(k=from)^(from+count−1) (1 + δ + k)/(γ + δ + k) = −Σ log1p((γ − 1)/(1 + δ + k))}, by the
     * sum up to {@link #PRODUCT_TERMS} terms, log-gamma differences beyond.
     */
    private double logGammaRatio(int from, int count) {
        double h = gamma - 1.0;
        if (count <= PRODUCT_TERMS) {
            double s = 0;
            for (int k = from; k < from + count; k++) {
                s -= Math.log1p(h / (1.0 + delta + k));
            }
            return s;
        }
        double end = (double) from + count;
        return Gamma.logGamma(1.0 + delta + end) - Gamma.logGamma(1.0 + delta + from)
                - Gamma.logGamma(gamma + delta + end) + Gamma.logGamma(gamma + delta + from);
    }

    /**
     * {@code (1 − Π_(k=from)^(from+count−1) (1 + δ + k)/(γ + δ + k)) / (γ − 1)}, positive for every γ;
     * at {@code γ = 1} its limit {@code Σ_k 1/(1 + δ + k)}. With {@code from = 0},
     * {@code δ·survivalSum(0, n) = Σ_(k=1)^n B(γ, δ + k)/B(γ, δ)}, the expected number of the first n
     * opportunities at which a new customer is alive.
     */
    private double survivalSum(int from, int count) {
        if (count == 0) {
            return 0.0;
        }
        double h = gamma - 1.0;
        if (h == 0.0) {
            if (count <= PRODUCT_TERMS) {
                double s = 0;
                for (int k = from; k < from + count; k++) {
                    s += 1.0 / (1.0 + delta + k);
                }
                return s;
            }
            return Polygamma.digamma(1.0 + delta + from + (double) count) - Polygamma.digamma(1.0 + delta + from);
        }
        return -Math.expm1(logGammaRatio(from, count)) / h;
    }

    private static void check(String name, double v) {
        if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }

    /**
     * Equal when the other is a {@code BetaGeometricBetaBinomial} with bit-identical parameters,
     * log-likelihood and standard errors.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BetaGeometricBetaBinomial)) {
            return false;
        }
        BetaGeometricBetaBinomial m = (BetaGeometricBetaBinomial) o;
        return Double.compare(alpha, m.alpha) == 0 && Double.compare(beta, m.beta) == 0
                && Double.compare(gamma, m.gamma) == 0 && Double.compare(delta, m.delta) == 0
                && Double.compare(logLikelihood, m.logLikelihood) == 0
                && Arrays.equals(standardErrors, m.standardErrors);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(alpha, beta, gamma, delta, logLikelihood) + Arrays.hashCode(standardErrors);
    }

    /**
     * A readable summary, e.g. {@code BetaGeometricBetaBinomial[alpha=1.20352, beta=0.749716,
     * gamma=0.656718, delta=2.78344, logLikelihood=-33225.6]} (without the log-likelihood for a model
     * from {@link #of}).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BetaGeometricBetaBinomial[alpha=%.6g, beta=%.6g, gamma=%.6g, delta=%.6g%s]",
                alpha, beta, gamma, delta, Double.isNaN(logLikelihood) ? ""
                        : String.format(Locale.ROOT, ", logLikelihood=%.6g", logLikelihood));
    }
}
