package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.NumericalHessian;
import io.github.cxmetrics.internal.math.QuasiNewton;
import io.github.cxmetrics.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Gamma–Gamma model of spend per transaction (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", <i>Journal of Marketing Research</i> 42(4):415–430;
 * Fader &amp; Hardie 2013, "The Gamma-Gamma model of monetary value"): a customer's transaction values
 * are Gamma(p, ν) around her mean, and ν ~ Gamma(q, γ) across customers. With x repeat
 * transactions of mean m̄:
 *
 * <pre>{@code
 * f(m̄ | x) = Γ(px + q)/(Γ(px) Γ(q)) · γ^q · m̄^(px−1) · x^(px) / (γ + m̄x)^(px+q)
 * E[M | x, m̄] = (γ + m̄x)·p/(px + q − 1)
 *             = (q − 1)/(px + q − 1) · γp/(q − 1) + px/(px + q − 1) · m̄
 * E[M]        = γp/(q − 1)                         (population mean; needs q > 1)
 * }</pre>
 * Money in the currency of the data. The model assumes spend is independent of the purchase
 * process; fit it on customers with at least one repeat purchase. Fitting maximises the
 * log-likelihood over the logs of (p, q, γ) by BFGS on the analytic gradient (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., Algorithm 6.1; identical (x, m̄) pairs grouped with
 * weights, the gamma terms once per distinct x, one logarithm per pair and evaluation), with
 * Nelder–Mead as the fallback when BFGS fails; a fit with {@code q <= 1} is rejected,
 * since the population mean spend would then be infinite and the conditional expectation could
 * only be misused. Standard errors come from the observed information by the delta method (see
 * {@link #standardErrors()}).
 *
 * @since 0.1.0
 */
public final class GammaGamma {

    private final double p;
    private final double q;
    private final double gamma;
    private final double logLikelihood; // NaN when built with of
    private final double[] standardErrors; // null when not fitted or the Hessian is singular

    /** Box of the log-parameters for BFGS; estimates beyond 1e10 are rejected anyway. */
    private static final double[] LOWER = {-30.0, -30.0, -30.0};
    private static final double[] UPPER = {30.0, 30.0, 30.0};
    /** Relative gradient tolerance of the BFGS search: {@code max|∂ℓ/∂yᵢ| <= 1e-11·(1 + |ℓ|)}. */
    private static final double GRADIENT_TOLERANCE = 1e-11;
    private static final int MAX_EVALUATIONS = 2_000;

    private GammaGamma(double p, double q, double gamma, double logLikelihood, double[] standardErrors) {
        this.p = p;
        this.q = q;
        this.gamma = gamma;
        this.logLikelihood = logLikelihood;
        this.standardErrors = standardErrors;
    }

    /**
     * A model with given parameters.
     *
     * @param p shape of transaction values, {@code > 0}
     * @param q shape of the heterogeneity, {@code > 1}
     * @param gamma scale of the heterogeneity, {@code > 0}
     * @return the model
     * @throws IllegalArgumentException if a parameter is out of range ({@code q <= 1} gives an
     *     infinite mean spend)
     */
    public static GammaGamma of(double p, double q, double gamma) {
        if (!(p > 0.0 && p < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("p must be finite and > 0, was " + p);
        }
        if (!(q > 1.0 && q < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("q must be finite and > 1 (the mean spend is infinite otherwise), was " + q);
        }
        if (!(gamma > 0.0 && gamma < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("gamma must be finite and > 0, was " + gamma);
        }
        return new GammaGamma(p, q, gamma, Double.NaN, null);
    }

    /**
     * Fits the model on customers with repeat purchases and a monetary value. The result depends
     * only on the multiset of (x, m̄) pairs, not on their order: they are summed in sorted order.
     *
     * @param customers summaries; those with {@code frequency() == 0} are skipped
     * @return the fitted model
     * @throws NullPointerException if {@code customers} or an element is null
     * @throws IllegalArgumentException if a customer with repeat purchases has no monetary value
     * @throws IllegalStateException if no customer has a repeat purchase (nothing to fit), or the fit
     *     does not converge to finite parameters with {@code q > 1} (e.g. every mean spend is the same,
     *     so the spread across customers cannot be estimated)
     */
    public static GammaGamma fit(Collection<RfmSummary> customers) {
        Objects.requireNonNull(customers, "customers");
        List<double[]> data = new ArrayList<>();
        for (RfmSummary s : customers) {
            Objects.requireNonNull(s, "customer");
            if (s.frequency() == 0) {
                continue;
            }
            if (!s.hasMonetaryValue()) {
                throw new IllegalArgumentException("customer " + s + " has repeat purchases but no monetary value");
            }
            data.add(new double[] {s.frequency(), s.monetaryValue()});
        }
        if (data.isEmpty()) {
            throw new IllegalStateException("cannot fit Gamma-Gamma: no customer has a repeat purchase, and the "
                    + "model describes the spend of repeat purchases only");
        }
        return fit(new GammaGammaLikelihood(data.toArray(new double[0][])), null);
    }

    /**
     * The fit on prepared data: BFGS on the analytic gradient ({@link QuasiNewton}) from
     * {@code (ln p, ln q, ln γ) = 0}, falling back to Nelder–Mead from the same start when it fails;
     * standard errors from the analytic Hessian. {@code trace}, when not null, receives
     * {evaluations of the likelihood with its gradient, BFGS iterations, 1 if Nelder–Mead was used}.
     */
    static GammaGamma fit(GammaGammaLikelihood likelihood, int[] trace) {
        double[] start = {0.0, 0.0, 0.0};
        QuasiNewton.Result result = QuasiNewton.minimize((y, g) -> {
            double v = likelihood.valueAndGradient(y, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = -g[i];
            }
            return -v;
        }, start, LOWER, UPPER, GRADIENT_TOLERANCE, MAX_EVALUATIONS);
        // Nelder–Mead from the origin, as the first release fitted, when BFGS fails or ends on an
        // unusable estimate (data that barely identify the parameters: the likelihood is a ridge)
        boolean fellBack = !result.converged() || !usable(result.point());
        double[] best = result.orNelderMead(fellBack, "Gamma-Gamma", v -> -likelihood.legacyValue(v), start, 1.0,
                100_000);
        result.record(trace, fellBack);
        double pp = Math.exp(best[0]);
        double qq = Math.exp(best[1]);
        double gg = Math.exp(best[2]);
        double ll = fellBack ? likelihood.legacyValue(best) : -result.value();
        if (!(qq > 1.0) || !(pp < 1e10 && qq < 1e10 && gg < 1e10) || !Double.isFinite(ll)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Gamma-Gamma fit did not converge to a usable "
                    + "estimate: p=%.4g, q=%.4g, gamma=%.4g; q must be finite and > 1 for a finite mean spend, and "
                    + "a parameter running off to infinity means the data cannot identify it (e.g. every mean "
                    + "spend is the same)", pp, qq, gg));
        }
        // after the fallback, the first release's Richardson-extrapolated Hessian of the same function:
        // at a ridge estimate the analytic one can be indefinite where that one is not
        double[] se = fellBack ? NumericalHessian.logScaleStandardErrors(likelihood::legacyValue, best)
                : NumericalHessian.logScaleStandardErrors(likelihood.hessian(best), best);
        return new GammaGamma(pp, qq, gg, ll, se);
    }

    /** Whether a log-parameter point is a usable estimate: q > 1 and every parameter below 1e10. */
    private static boolean usable(double[] y) {
        double pp = Math.exp(y[0]);
        double qq = Math.exp(y[1]);
        double gg = Math.exp(y[2]);
        return qq > 1.0 && pp < 1e10 && qq < 1e10 && gg < 1e10;
    }

    /**
     * The shape p of transaction values.
     *
     * @return p
     */
    public double p() {
        return p;
    }

    /**
     * The shape q of the heterogeneity in mean spend.
     *
     * @return q
     */
    public double q() {
        return q;
    }

    /**
     * The scale γ of the heterogeneity in mean spend (currency units).
     *
     * @return γ
     */
    public double gamma() {
        return gamma;
    }

    /**
     * The maximised log-likelihood of a fitted model.
     *
     * @return the log-likelihood, finite
     * @throws IllegalStateException if the model was built with {@link #of}: it has none
     */
    public double logLikelihood() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("a Gamma-Gamma model built with of(p, q, gamma) was not fitted: "
                    + "it has no log-likelihood");
        }
        return logLikelihood;
    }

    /**
     * Standard errors of (p, q, γ) from the observed information: {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ}
     * with {@code H} the Hessian of the log-likelihood in {@code ln θ} (delta method), computed
     * analytically (trigamma differences per distinct x; checked against mpmath's numerical
     * derivatives to 1e-12 relative).
     *
     * @return a new array {p, q, γ}, each finite and {@code > 0}
     * @throws IllegalStateException if the model was not fitted, or the Hessian at the estimate is
     *     singular or not negative definite (then the standard errors are undefined)
     */
    public double[] standardErrors() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("standard errors exist only for a fitted Gamma-Gamma model");
        }
        if (standardErrors == null) {
            throw new IllegalStateException("Gamma-Gamma standard errors are undefined: the Hessian of the "
                    + "log-likelihood is singular or not negative definite at the estimate " + this);
        }
        return standardErrors.clone();
    }

    /**
     * p with its standard error ({@code standardErrors()[0]}) as a normal-theory {@link Estimate};
     * its {@code confidenceInterval(level)} is the Wald interval {@code p ± z·se}, which can reach below 0 when the parameter is poorly determined.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate pEstimate() {
        return Estimate.normal(p, standardErrors()[0]);
    }

    /**
     * q with its standard error ({@code standardErrors()[1]}) as a normal-theory {@link Estimate};
     * its {@code confidenceInterval(level)} is the Wald interval {@code q ± z·se}, which can reach below 0 when the parameter is poorly determined.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate qEstimate() {
        return Estimate.normal(q, standardErrors()[1]);
    }

    /**
     * γ with its standard error ({@code standardErrors()[2]}) as a normal-theory {@link Estimate};
     * its {@code confidenceInterval(level)} is the Wald interval {@code γ ± z·se}, which can reach below 0 when the parameter is poorly determined.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate gammaEstimate() {
        return Estimate.normal(gamma, standardErrors()[2]);
    }

    /**
     * The population mean spend per transaction, {@code γp/(q − 1)}.
     *
     * @return the mean spend, currency units
     */
    public double meanSpend() {
        return gamma * p / (q - 1.0);
    }

    /**
     * The expected spend per transaction of a customer with {@code x} repeat purchases of mean
     * {@code m̄}: {@code (γ + m̄x)·p/(px + q − 1)}; the population mean when {@code x = 0}.
     *
     * @param frequency repeat purchases x, {@code >= 0}
     * @param averageSpend m̄, finite and {@code > 0} (ignored when x = 0)
     * @return the expected spend, currency units, {@code > 0}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public double conditionalExpectedAverageSpend(long frequency, double averageSpend) {
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, was " + frequency);
        }
        if (frequency == 0) {
            return meanSpend();
        }
        if (!(averageSpend > 0.0 && averageSpend < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("averageSpend must be finite and > 0, was " + averageSpend);
        }
        return (gamma + averageSpend * frequency) * p / (p * frequency + q - 1.0);
    }

    /**
     * The most periods {@link #residualClv} sums term by term: {@value}. Each term is a conditional
     * expectation of the purchase model, about 0.2 µs on its closed-form path and up to about 50 µs
     * where it falls back to quadrature, so a call stays well under a second for any accepted
     * argument; a longer horizon needs a longer period length (e.g. months instead of days).
     */
    public static final int MAX_SUMMED_PERIODS = 5_000;

    /**
     * The predicted residual CLV of one customer from a BG/NBD purchase model and this spend model:
     * {@code Σ_{i=1..H} [E[Y(iL) | ·] − E[Y((i − 1)L) | ·]] · E[M | x, m̄] · margin / (1 + d)^i}, the
     * expected spend of each of {@code H} future periods of length {@code L} (in the summaries' time
     * unit), discounted at {@code d} per period and multiplied by the margin rate. Residual: future
     * purchases only.
     *
     * <p><b>Cost and long horizons.</b> At {@code d = 0} the sum telescopes to
     * {@code E[Y(HL) | ·] · E[M | x, m̄] · margin}, one evaluation for any {@code H}. For {@code d > 0}
     * the sum stops after {@code N} periods once {@code (1 + d)^−N · (1 + d)/d <= 1e-17}: the
     * expected purchases per period never grow ({@code E[Y(t) | ·]} is concave in {@code t}, a
     * mixture of {@code (1 − e^(−λpt))/p}), so the rest is below 1e-17 of the value and
     * {@code H = Integer.MAX_VALUE} gives the infinite-horizon value (at d = 0.01, N = 4 398; at
     * d = 0.1, N = 436). At most {@link #MAX_SUMMED_PERIODS} periods are summed: a longer horizon is rejected when the
     * discount rate is too small to end it sooner (below about 0.0089 per period, or negative).
     *
     * @param purchases the fitted purchase model
     * @param customer the customer's summary (its monetary value is used when x &gt; 0)
     * @param periods H, {@code >= 0}
     * @param periodLength L in the summaries' time unit (e.g. 4.348 weeks for a month), {@code > 0}
     * @param discountRate d per period, {@code > −1}
     * @param marginRate margin as a fraction of spend, in [0, 1]
     * @return the residual CLV, currency units, finite and {@code >= 0}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is out of range, {@code periods · periodLength}
     *     is not finite, more than {@link #MAX_SUMMED_PERIODS} periods would have to be summed, or the
     *     value overflows a double (a negative discount rate over many periods)
     */
    public double residualClv(BetaGeometricNbd purchases, RfmSummary customer, int periods, double periodLength,
            double discountRate, double marginRate) {
        return residualClv((PurchaseModel) purchases, customer, periods, periodLength, discountRate, marginRate);
    }

    /**
     * The residual CLV of {@link #residualClv(BetaGeometricNbd, RfmSummary, int, double, double, double)}
     * with any purchase model: the same sum with {@code E[Y(t) | ·]} that model's
     * {@link PurchaseModel#conditionalExpectedPurchases(double, RfmSummary)}.
     *
     * @param purchases the fitted purchase model
     * @param customer the customer's summary (its monetary value is used when x &gt; 0)
     * @param periods H, {@code >= 0}
     * @param periodLength L in the summaries' time unit, {@code > 0}
     * @param discountRate d per period, {@code > −1}
     * @param marginRate margin as a fraction of spend, in [0, 1]
     * @return the residual CLV, currency units, finite and {@code >= 0}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException as the BG/NBD form
     * @since 0.2.0
     */
    public double residualClv(PurchaseModel purchases, RfmSummary customer, int periods, double periodLength,
            double discountRate, double marginRate) {
        Objects.requireNonNull(purchases, "purchases");
        Objects.requireNonNull(customer, "customer");
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, was " + periods);
        }
        if (!(periodLength > 0.0 && periodLength < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("periodLength must be finite and > 0, was " + periodLength);
        }
        if (!(discountRate > -1.0 && discountRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discountRate must be finite and > -1, was " + discountRate);
        }
        if (!(marginRate >= 0.0 && marginRate <= 1.0)) {
            throw new IllegalArgumentException("marginRate must be in [0, 1], was " + marginRate);
        }
        int terms = periods;
        if (discountRate > 0.0) {
            // smallest N with (1 + d)^−N · (1 + d)/d <= 1e-17
            double needed = Math.ceil((Math.log(1e17) + Math.log1p(1.0 / discountRate)) / Math.log1p(discountRate));
            terms = (int) Math.min(periods, needed);
        }
        if (discountRate != 0.0 && terms > MAX_SUMMED_PERIODS) {
            throw new IllegalArgumentException("periods must be at most " + MAX_SUMMED_PERIODS + " at discountRate "
                    + discountRate + ", was " + periods + ": the sum is computed period by period, and a discount "
                    + "rate of at least about 0.0089 per period ends it sooner");
        }
        if (!Double.isFinite((double) (discountRate == 0.0 ? periods : terms) * periodLength)) {
            throw new IllegalArgumentException("periods * periodLength must be finite, was " + periods + " * "
                    + periodLength);
        }
        double spend = customer.frequency() == 0 ? meanSpend()
                : conditionalExpectedAverageSpend(customer.frequency(), customer.monetaryValue());
        if (periods == 0) {
            return 0.0;
        }
        double value;
        if (discountRate == 0.0) {
            value = purchases.conditionalExpectedPurchases(periods * periodLength, customer) * spend;
        } else {
            value = 0.0;
            double previous = 0.0;
            double discount = 1.0;
            for (int i = 1; i <= terms; i++) {
                double cumulative = purchases.conditionalExpectedPurchases(i * periodLength, customer);
                discount /= 1.0 + discountRate;
                value += (cumulative - previous) * spend * discount;
                previous = cumulative;
            }
        }
        value *= marginRate;
        if (!(value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the residual CLV overflows a double at discountRate " + discountRate
                    + " over " + periods + " periods");
        }
        return value;
    }

    /**
     * Equal when the other is a {@code GammaGamma} with bit-identical parameters, log-likelihood and
     * standard errors: a model from {@link #of} never equals a fitted one, and two fits of the same
     * customers, in any order, are equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GammaGamma)) {
            return false;
        }
        GammaGamma m = (GammaGamma) o;
        return Double.compare(p, m.p) == 0 && Double.compare(q, m.q) == 0 && Double.compare(gamma, m.gamma) == 0
                && Double.compare(logLikelihood, m.logLikelihood) == 0 && Arrays.equals(standardErrors, m.standardErrors);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(p, q, gamma, logLikelihood) + Arrays.hashCode(standardErrors);
    }

    /**
     * A readable summary, e.g. {@code GammaGamma[p=6.24880, q=3.74459, gamma=15.4477,
     * logLikelihood=-4055.92]} for a fitted model (without the log-likelihood for one built with
     * {@link #of}).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GammaGamma[p=%.6g, q=%.6g, gamma=%.6g%s]", p, q, gamma,
                Double.isNaN(logLikelihood) ? "" : String.format(Locale.ROOT, ", logLikelihood=%.6g", logLikelihood));
    }
}
