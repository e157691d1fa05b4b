package io.github.cxmetrics.retention;

import io.github.cxmetrics.internal.math.Beta;
import io.github.cxmetrics.internal.math.BetaExpectation;
import io.github.cxmetrics.internal.math.NumericalHessian;
import io.github.cxmetrics.internal.math.QuasiNewton;
import io.github.cxmetrics.stats.Estimate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader &amp; Hardie 2007, "How to
 * project customer retention", <i>Journal of Interactive Marketing</i> 21(1):76–90): each customer
 * churns at the end of each period with a constant probability θ, and θ varies across customers as
 * Beta(α, β). Periods are renewal opportunities (months, years).
 *
 * <pre>{@code
 * P(T = 1) = α/(α + β),   P(T = t) = (β + t − 2)/(α + β + t − 1) · P(T = t − 1)      (eq. 5–6)
 * S(t)     = B(α, β + t)/B(α, β)                                                    (eq. 3)
 * r_t      = S(t)/S(t − 1) = (β + t − 1)/(α + β + t − 1)                            (eq. 8)
 * }</pre>
 * {@code T} is the period in which a customer churns; {@code S(t)} the share still active after
 * {@code t} periods; {@code r_t} the retention rate in period {@code t}, which rises with {@code t}
 * as the cohort sorts itself (heterogeneity, not individual change).
 *
 * <p><b>Fitting.</b> From the survivors {@code n_0, n_1, …, n_T} of one cohort (n_0 its size) by
 * maximum likelihood,
 * {@code LL = Σ_{t=1..T} (n_(t−1) − n_t) ln P(T = t) + n_T ln S(T)} (eq. 7), maximised over
 * {@code (ln α, ln β)} by BFGS on the analytic gradient (Nocedal &amp; Wright, <i>Numerical
 * Optimization</i>, 2nd ed., Algorithm 6.1), with Nelder–Mead with restarts as the fallback when
 * BFGS fails. On Fader and Hardie's data this reproduces their
 * estimates (regular: α = 0.704, β = 1.182; high end: α = 0.668, β = 3.806). Standard errors come
 * from the observed information (see {@link #standardErrors()}). Data that cannot separate α from
 * β (a single period) get an {@link IllegalStateException}, not the optimiser's starting point.
 *
 * <p><b>Discounted expected residual lifetime</b> (Fader &amp; Hardie 2010, "Customer-base valuation in
 * a contractual setting: the perils of ignoring heterogeneity", <i>Marketing Science</i> 29(1):85–93,
 * eq. 6), for a customer who has made {@code n − 1} renewals ({@code n = renewals + 1}):
 * {@code DERL(d) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))}, in periods
 * (multiply by the margin per period for a value).
 *
 * @since 0.1.0
 */
public final class ShiftedBetaGeometric {

    private final double alpha;
    private final double beta;
    private final double logLikelihood; // NaN when built with of
    private final double[] standardErrors; // null when not fitted or the Hessian is singular

    /** Box of the log-parameters for BFGS; estimates beyond [1e-8, 1e8] are rejected anyway. */
    private static final double[] LOWER = {-30.0, -30.0};
    private static final double[] UPPER = {30.0, 30.0};
    /** Relative gradient tolerance of the BFGS search: {@code max|∂ℓ/∂yᵢ| <= 1e-11·(1 + |ℓ|)}. */
    private static final double GRADIENT_TOLERANCE = 1e-11;
    private static final int MAX_EVALUATIONS = 2_000;

    private ShiftedBetaGeometric(double alpha, double beta, double logLikelihood, double[] standardErrors) {
        this.alpha = alpha;
        this.beta = beta;
        this.logLikelihood = logLikelihood;
        this.standardErrors = standardErrors;
    }

    /**
     * A model with given parameters.
     *
     * @param alpha {@code α > 0}, finite
     * @param beta {@code β > 0}, finite
     * @return the model (it was not fitted: it has no {@link #logLikelihood()})
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static ShiftedBetaGeometric of(double alpha, double beta) {
        checkParameter("alpha", alpha);
        checkParameter("beta", beta);
        return new ShiftedBetaGeometric(alpha, beta, Double.NaN, null);
    }

    /**
     * Fits the model to one cohort's survivors by maximum likelihood.
     *
     * @param survivors {@code n_0, n_1, …, n_T}: customers active at the start and after each period,
     *     non-increasing, {@code n_0 > 0}, at least two values
     * @return the fitted model
     * @throws NullPointerException if {@code survivors} is null
     * @throws IllegalArgumentException if there are fewer than two values, a count is negative, the
     *     counts increase, or {@code n_0} is 0
     * @throws IllegalStateException if the data cannot identify α and β (one period only, e.g.
     *     {@code {100, 50}}, identifies just the first-period churn rate α/(α + β); nobody survived
     *     the first period; nobody churned), or the fit does not converge to finite parameters (e.g.
     *     retention rates that do not rise over time show no heterogeneity)
     */
    public static ShiftedBetaGeometric fit(long[] survivors) {
        return fitJointly(survivors);
    }

    /**
     * Fits one model to several cohorts jointly, maximising the sum of their log-likelihoods (eq. 7
     * summed over cohorts): cohorts acquired at different times and observed for different numbers
     * of periods share α and β.
     *
     * @param cohorts each cohort's survivors {@code n_0, …, n_T}, as for {@link #fit(long[])}
     * @return the fitted model; its {@link #logLikelihood()} is the sum over cohorts
     * @throws NullPointerException if {@code cohorts} or a cohort is null
     * @throws IllegalArgumentException if there is no cohort or a cohort is invalid (the message names it)
     * @throws IllegalStateException if the data cannot identify α and β or the fit does not converge,
     *     as for {@link #fit(long[])}
     */
    public static ShiftedBetaGeometric fitJointly(long[]... cohorts) {
        Objects.requireNonNull(cohorts, "cohorts");
        if (cohorts.length == 0) {
            throw new IllegalArgumentException("at least one cohort is needed");
        }
        long[][] data = new long[cohorts.length][];
        for (int c = 0; c < cohorts.length; c++) {
            data[c] = checkSurvivors(Objects.requireNonNull(cohorts[c], "cohorts[" + c + "]"),
                    cohorts.length == 1 ? "" : " (cohort " + c + ")").clone();
        }
        // a fixed order of summation: the fit does not depend on the order of the cohorts
        Arrays.sort(data, Arrays::compare);
        checkIdentified(data);
        return fit(data, null);
    }

    /**
     * The fit on checked, sorted cohorts: BFGS on the analytic gradient ({@code QuasiNewton}) from
     * {@code (ln α, ln β) = 0}, falling back to Nelder–Mead from the same start when it fails;
     * standard errors from the analytic Hessian. {@code trace}, when not null, receives
     * {evaluations of the likelihood with its gradient, BFGS iterations, 1 if Nelder–Mead was used}.
     */
    static ShiftedBetaGeometric fit(long[][] data, int[] trace) {
        double[] start = {0.0, 0.0};
        QuasiNewton.Result result = QuasiNewton.minimize((y, g) -> {
            double[][] h = new double[2][2];
            double v = derivatives(y, data, g, h);
            g[0] = -g[0];
            g[1] = -g[1];
            return -v;
        }, start, LOWER, UPPER, GRADIENT_TOLERANCE, MAX_EVALUATIONS);
        boolean fellBack = !result.converged();
        double[] best = result.orNelderMead(fellBack, "sBG", p -> -logLikelihood(Math.exp(p[0]), Math.exp(p[1]), data),
                start, 0.5, 20_000);
        result.record(trace, fellBack);
        double a = Math.exp(best[0]);
        double b = Math.exp(best[1]);
        double ll = logLikelihood(a, b, data);
        if (!(a > 1e-8 && a < 1e8 && b > 1e-8 && b < 1e8) || !Double.isFinite(ll)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "sBG fit did not converge to finite "
                    + "parameters: the estimate runs off to alpha=%.4g, beta=%.4g; retention rates that do not rise "
                    + "over time show no heterogeneity for the model to estimate", a, b));
        }
        double[][] hessian = new double[2][2];
        derivatives(best, data, new double[2], hessian);
        double[] se = NumericalHessian.logScaleStandardErrors(hessian, best);
        return new ShiftedBetaGeometric(a, b, ll, se);
    }

    /**
     * The log-likelihood (eq. 7, summed over cohorts) at {@code y = (ln α, ln β)}, with its gradient
     * and Hessian in {@code y}. From {@code ln P(T = t) = ln α + Σ_{k=2}^{t} ln(β + k − 2)
     * − Σ_{k=1}^{t} ln(α + β + k − 1)} and {@code ln S(T) = Σ_{k=0}^{T−1} [ln(β + k) − ln(α + β + k)]},
     * the derivatives are finite sums of reciprocals (no digamma needed):
     * <pre>{@code
     * ∂ ln P(t)/∂α = 1/α − A₁(t),            ∂ ln P(t)/∂β = B₁(t) − A₁(t)
     * ∂² ln P(t)/∂α² = −1/α² + A₂(t),        ∂²/∂α∂β = A₂(t),    ∂²/∂β² = −B₂(t) + A₂(t)
     * A_m(t) = Σ_{k=1}^{t} (α + β + k − 1)^(−m),   B_m(t) = Σ_{k=2}^{t} (β + k − 2)^(−m)
     * ∂ ln S(T)/∂α = −A₁(T),   ∂ ln S(T)/∂β = B₁(T + 1) − A₁(T),   second derivatives A₂(T), A₂(T), A₂(T) − B₂(T + 1)
     * }</pre>
     * then {@code ∂/∂yᵢ = θᵢ∂/∂θᵢ}, {@code ∂²/∂yᵢ∂yⱼ = θᵢθⱼ∂²/∂θᵢ∂θⱼ + δᵢⱼθᵢ∂/∂θᵢ}. The value is
     * {@link #logLikelihood(double, double, long[])}'s. Checked against mpmath's numerical
     * derivatives at 40 digits (ShiftedBetaGeometricDerivativesTest).
     */
    static double derivatives(double[] y, long[][] cohorts, double[] gradient, double[][] hessian) {
        double a = Math.exp(y[0]);
        double b = Math.exp(y[1]);
        double ga = 0.0;
        double gb = 0.0;
        double haa = 0.0;
        double hab = 0.0;
        double hbb = 0.0;
        double value = 0.0;
        for (long[] n : cohorts) {
            value += logLikelihood(a, b, n);
            double a1 = 0.0;
            double a2 = 0.0;
            double b1 = 0.0;
            double b2 = 0.0;
            for (int t = 1; t < n.length; t++) {
                double u = 1.0 / (a + b + (t - 1));
                a1 += u;
                a2 += u * u;
                if (t >= 2) {
                    double v = 1.0 / (b + (t - 2));
                    b1 += v;
                    b2 += v * v;
                }
                long churned = n[t - 1] - n[t];
                if (churned > 0) {
                    ga += churned * (1.0 / a - a1);
                    gb += churned * (b1 - a1);
                    haa += churned * (a2 - 1.0 / (a * a));
                    hab += churned * a2;
                    hbb += churned * (a2 - b2);
                }
            }
            long last = n[n.length - 1];
            if (last > 0) {
                int big = n.length - 1;
                double v = 1.0 / (b + (big - 1)); // B_m(T + 1) adds the k = T + 1 term
                double sb1 = b1 + v;
                double sb2 = b2 + v * v;
                ga -= last * a1;
                gb += last * (sb1 - a1);
                haa += last * a2;
                hab += last * a2;
                hbb += last * (a2 - sb2);
            }
        }
        gradient[0] = a * ga;
        gradient[1] = b * gb;
        hessian[0][0] = a * a * haa + a * ga;
        hessian[0][1] = a * b * hab;
        hessian[1][0] = hessian[0][1];
        hessian[1][1] = b * b * hbb + b * gb;
        return value;
    }

    /** The data patterns on which the likelihood has no interior maximum. */
    private static void checkIdentified(long[][] cohorts) {
        boolean churn = false;
        boolean laterPeriod = false;
        for (long[] n : cohorts) {
            churn |= n[n.length - 1] < n[0];
            laterPeriod |= n.length > 2 && n[1] > 0;
        }
        if (!laterPeriod) {
            throw new IllegalStateException("cannot fit sBG: no customer is observed beyond the first period (one "
                    + "period of survivors, or nobody survived it), which identifies only the first-period churn rate "
                    + "alpha/(alpha + beta), not alpha and beta; at least two periods are needed");
        }
        if (!churn) {
            throw new IllegalStateException("cannot fit sBG: no customer churned, so the data carry no information "
                    + "about churn probabilities and the likelihood has no maximum");
        }
    }

    private static double logLikelihood(double a, double b, long[][] cohorts) {
        double sum = 0.0;
        for (long[] n : cohorts) {
            sum += logLikelihood(a, b, n);
        }
        return sum;
    }

    private static long[] checkSurvivors(long[] survivors, String which) {
        if (survivors.length < 2) {
            throw new IllegalArgumentException("survivors needs at least 2 values (start and one period), had "
                    + survivors.length + which);
        }
        for (int t = 0; t < survivors.length; t++) {
            if (survivors[t] < 0) {
                throw new IllegalArgumentException("survivors[" + t + "] must be >= 0, was " + survivors[t] + which);
            }
            if (t > 0 && survivors[t] > survivors[t - 1]) {
                throw new IllegalArgumentException("survivors must not increase: survivors[" + t + "] = "
                        + survivors[t] + " > survivors[" + (t - 1) + "] = " + survivors[t - 1] + which);
            }
        }
        if (survivors[0] == 0) {
            throw new IllegalArgumentException("survivors[0] (the cohort size) must be > 0" + which);
        }
        return survivors;
    }

    /** Eq. 7 of Fader and Hardie (2007). */
    static double logLikelihood(double a, double b, long[] n) {
        double ll = 0.0;
        double p = a / (a + b); // P(T = 1)
        for (int t = 1; t < n.length; t++) {
            if (t > 1) {
                p *= (b + t - 2) / (a + b + t - 1);
            }
            long churned = n[t - 1] - n[t];
            if (churned > 0) {
                ll += churned * Math.log(p);
            }
        }
        long last = n[n.length - 1];
        if (last > 0) {
            int big = n.length - 1;
            // S(T) from the beta function, accurate where the running difference would cancel
            double logS = Beta.logBeta(a, b + big) - Beta.logBeta(a, b);
            ll += last * logS;
        }
        return ll;
    }

    /**
     * The parameter α of the Beta distribution of churn probabilities.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The parameter β of the Beta distribution of churn probabilities.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    /**
     * The maximised log-likelihood (eq. 7) of a fitted model.
     *
     * @return the log-likelihood, finite
     * @throws IllegalStateException if the model was built with {@link #of(double, double)}: it has
     *     none
     */
    public double logLikelihood() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("an sBG model built with of(alpha, beta) was not fitted: it has no "
                    + "log-likelihood");
        }
        return logLikelihood;
    }

    /**
     * Standard errors of (α, β) from the observed information: {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ} with
     * {@code H} the Hessian of the log-likelihood (eq. 7) in {@code ln θ} (delta method), computed
     * analytically (finite sums of reciprocals; checked against mpmath's numerical derivatives to
     * 1e-13 relative).
     *
     * @return a new array {α, β}, each finite and {@code > 0}
     * @throws IllegalStateException if the model was not fitted, or the Hessian at the estimate is
     *     singular or not negative definite (then the standard errors are undefined)
     */
    public double[] standardErrors() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("standard errors exist only for a fitted sBG model");
        }
        if (standardErrors == null) {
            throw new IllegalStateException("sBG standard errors are undefined: the Hessian of the log-likelihood "
                    + "is singular or not negative definite at the estimate " + this);
        }
        return standardErrors.clone();
    }

    /**
     * α with its standard error ({@code standardErrors()[0]}) as a normal-theory {@link Estimate};
     * its {@code confidenceInterval(level)} is the Wald interval {@code α ± z·se}, which can reach below 0 when the parameter is poorly determined.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate alphaEstimate() {
        return Estimate.normal(alpha, standardErrors()[0]);
    }

    /**
     * β with its standard error ({@code standardErrors()[1]}) as a normal-theory {@link Estimate};
     * its {@code confidenceInterval(level)} is the Wald interval {@code β ± z·se}, which can reach below 0 when the parameter is poorly determined.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate betaEstimate() {
        return Estimate.normal(beta, standardErrors()[1]);
    }

    /**
     * The share of a cohort still active after {@code t} periods, {@code S(t) = B(α, β + t)/B(α, β)}.
     *
     * @param t periods, {@code >= 0}
     * @return {@code S(t)}, in (0, 1]
     * @throws IllegalArgumentException if {@code t} is negative
     */
    public double survival(int t) {
        checkPeriod(t, 0);
        return t == 0 ? 1.0 : Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /**
     * The retention rate in period {@code t}, {@code r_t = (β + t − 1)/(α + β + t − 1)}.
     *
     * @param t the period, {@code >= 1}
     * @return {@code r_t}
     * @throws IllegalArgumentException if {@code t < 1}
     */
    public double retentionRate(int t) {
        checkPeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /**
     * The probability of churning in period {@code t}, {@code P(T = t) = S(t − 1) − S(t)}.
     *
     * @param t the period, {@code >= 1}
     * @return {@code P(T = t)}
     * @throws IllegalArgumentException if {@code t < 1}
     */
    public double churnProbability(int t) {
        checkPeriod(t, 1);
        // P(T = t) = B(α + 1, β + t − 1)/B(α, β)
        return Math.exp(Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta));
    }

    /**
     * The expected lifetime {@code E[T] = (α + β − 1)/(α − 1)} periods, finite only for {@code α > 1}.
     *
     * @return the expected lifetime in periods
     * @throws IllegalStateException if {@code α <= 1}: the mean of {@code 1/θ} under Beta(α, β) is
     *     infinite, because customers with churn probabilities near 0 stay almost forever
     */
    public double expectedLifetime() {
        if (!(alpha > 1.0)) {
            throw new IllegalStateException("expected lifetime is infinite for alpha <= 1 (alpha = " + alpha
                    + "): customers with churn probability near 0 stay almost forever");
        }
        return (alpha + beta - 1) / (alpha - 1);
    }

    /**
     * The discounted expected residual lifetime of a customer who has renewed {@code renewals}
     * times (Fader &amp; Hardie 2010, eq. 6), in periods (multiply by the margin per period for a
     * value), with {@code n = renewals + 1}:
     *
     * <pre>{@code
     * DERL(d) = (β + n − 1)/(α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1/(1 + d))
     *         = (1 + d) · (β + n − 1)/(α + β + n − 1) · E_θ[1/(d + θ)],   θ ~ Beta(α, β + n)
     * }</pre>
     * The second line (the sum {@code Σ_k (1 − θ)^(k+1)/(1 + d)^k} over the posterior
     * {@code Beta(α, β + n − 1)} of a customer who has renewed {@code n − 1} times) is what is
     * computed: a mean of a positive bounded function, by the trapezoid rule in the logit of θ with
     * positive weights ({@code BetaExpectation}), so discount rates near 0 (where the ₂F₁ argument
     * is within {@code d} of 1), {@code α} at or near an integer (the logarithmic cases of the ₂F₁
     * connection formula) and any number of renewals need no special case. Against mpmath's
     * {@code hyp2f1} at 50 digits the relative error is below {@code 1e-12}, for {@code d} from
     * {@code 1e-17} to {@code 1e6}. The result lies in {@code (0, (1 + d)/d]}.
     *
     * @param discountRate the discount rate per period, {@code d > 0} (e.g. 0.10)
     * @param renewals renewals made so far, {@code >= 0}
     * @return {@code DERL}, in periods
     * @throws IllegalArgumentException if {@code discountRate} is not finite and above 0 (at
     *     {@code d = 0} the sum is the undiscounted expected lifetime, finite only for {@code α > 1};
     *     see {@link #expectedLifetime()}), or {@code renewals} is negative
     */
    public double discountedExpectedResidualLifetime(double discountRate, int renewals) {
        if (!(discountRate > 0.0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discountRate must be finite and > 0, was " + discountRate);
        }
        if (renewals < 0) {
            throw new IllegalArgumentException("renewals must be >= 0, was " + renewals);
        }
        double d = discountRate;
        double betaN = beta + renewals; // β + n − 1
        double lnD = Math.log(d);
        BetaExpectation.LogFunction lnG = (lnTheta, lnOneMinusTheta) -> -(lnD
                + BetaExpectation.softplus(lnTheta - lnD));
        // 1/(d + θ) = (1/d)(1 − θ/d + …): constant to 1e-17 once θ < 1e-17·d
        double lnMean = BetaExpectation.logMean(lnG, -lnD, -Math.log1p(d), lnD - 39.0, 39.0, alpha, betaN + 1.0);
        if (Double.isNaN(lnMean)) {
            throw new IllegalStateException("sBG DERL at discountRate = " + d + ", renewals = " + renewals
                    + " did not converge for " + this);
        }
        // (1 + d)·E[1/(d + θ)] <= (1 + d)/d: the bound is applied in log space against rounding
        double lnDerl = Math.log1p(d) + Math.min(lnMean, -lnD) + Math.log(betaN / (alpha + betaN));
        return Math.exp(lnDerl);
    }

    private static void checkParameter(String name, double v) {
        if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }

    private static void checkPeriod(int t, int min) {
        if (t < min) {
            throw new IllegalArgumentException("t must be >= " + min + ", was " + t);
        }
    }

    /**
     * Equal when the other is a {@code ShiftedBetaGeometric} with bit-identical α, β, log-likelihood
     * and standard errors: a model from {@link #of(double, double)} never equals a fitted one, and
     * two fits of the same cohorts, in any order, are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ShiftedBetaGeometric)) {
            return false;
        }
        ShiftedBetaGeometric m = (ShiftedBetaGeometric) o;
        return Double.compare(alpha, m.alpha) == 0 && Double.compare(beta, m.beta) == 0
                && Double.compare(logLikelihood, m.logLikelihood) == 0 && Arrays.equals(standardErrors, m.standardErrors);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(alpha, beta, logLikelihood) + Arrays.hashCode(standardErrors);
    }

    /**
     * A readable summary, e.g. {@code ShiftedBetaGeometric[alpha=0.704143, beta=1.18196,
     * logLikelihood=-1680.28]} for a fitted model (without the log-likelihood for one built with
     * {@link #of(double, double)}).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ShiftedBetaGeometric[alpha=%.6g, beta=%.6g%s]", alpha, beta,
                Double.isNaN(logLikelihood) ? "" : String.format(Locale.ROOT, ", logLikelihood=%.6g", logLikelihood));
    }
}
