package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.Gamma;
import io.github.cxmetrics.internal.math.NelderMead;
import java.util.ArrayList;
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
 * log-likelihood over the logs of (p, q, γ) by Nelder–Mead; a fit with {@code q <= 1} is rejected,
 * since the population mean spend would then be infinite and the conditional expectation could
 * only be misused.
 *
 * @since 0.1.0
 */
public final class GammaGamma {

    private final double p;
    private final double q;
    private final double gamma;
    private final double logLikelihood;

    private GammaGamma(double p, double q, double gamma, double logLikelihood) {
        this.p = p;
        this.q = q;
        this.gamma = gamma;
        this.logLikelihood = logLikelihood;
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
        return new GammaGamma(p, q, gamma, Double.NaN);
    }

    /**
     * Fits the model on customers with repeat purchases and a monetary value.
     *
     * @param customers summaries; those with {@code frequency() == 0} are skipped
     * @return the fitted model
     * @throws NullPointerException if {@code customers} or an element is null
     * @throws IllegalArgumentException if no customer has a repeat purchase, or one with repeat
     *     purchases has no monetary value
     * @throws ArithmeticException if the optimiser does not converge or the estimate has {@code q <= 1}
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
            throw new IllegalArgumentException("cannot fit Gamma-Gamma: no customer has a repeat purchase");
        }
        double[] best = NelderMead.minimize(v -> -logLikelihood(v, data), new double[] {0.0, 0.0, 0.0}, 1.0, 1e-12,
                100_000);
        double pp = Math.exp(best[0]);
        double qq = Math.exp(best[1]);
        double gg = Math.exp(best[2]);
        if (!(qq > 1.0) || !(pp < 1e10 && gg < 1e10)) {
            throw new ArithmeticException("Gamma-Gamma fit gave p=" + pp + ", q=" + qq + ", gamma=" + gg
                    + "; q must be > 1 for a finite mean spend");
        }
        return new GammaGamma(pp, qq, gg, logLikelihood(best, data));
    }

    private static double logLikelihood(double[] v, List<double[]> data) {
        double p = Math.exp(v[0]);
        double q = Math.exp(v[1]);
        double g = Math.exp(v[2]);
        double lnGq = Gamma.logGamma(q);
        double sum = 0.0;
        for (double[] d : data) {
            double x = d[0];
            double m = d[1];
            double px = p * x;
            sum += Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGq + q * Math.log(g) + (px - 1) * Math.log(m)
                    + px * Math.log(x) - (px + q) * Math.log(g + m * x);
        }
        return sum;
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
     * The maximised log-likelihood; NaN for a model built with {@link #of}.
     *
     * @return the log-likelihood
     */
    public double logLikelihood() {
        return logLikelihood;
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
     * The predicted residual CLV of one customer from a BG/NBD purchase model and this spend model:
     * {@code Σ_{i=1..H} [E[Y(iL) | ·] − E[Y((i − 1)L) | ·]] · E[M | x, m̄] · margin / (1 + d)^i}, the
     * expected spend of each of {@code H} future periods of length {@code L} (in the summaries' time
     * unit), discounted at {@code d} per period and multiplied by the margin rate. Residual: future
     * purchases only.
     *
     * @param purchases the fitted purchase model
     * @param customer the customer's summary (its monetary value is used when x &gt; 0)
     * @param periods H, {@code >= 0}
     * @param periodLength L in the summaries' time unit (e.g. 4.348 weeks for a month), {@code > 0}
     * @param discountRate d per period, {@code > −1}
     * @param marginRate margin as a fraction of spend, in [0, 1]
     * @return the residual CLV, currency units
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is out of range
     */
    public double residualClv(BetaGeometricNbd purchases, RfmSummary customer, int periods, double periodLength,
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
        double spend = customer.frequency() == 0 ? meanSpend()
                : conditionalExpectedAverageSpend(customer.frequency(), customer.monetaryValue());
        double value = 0.0;
        double previous = 0.0;
        double discount = 1.0;
        for (int i = 1; i <= periods; i++) {
            double cumulative = purchases.conditionalExpectedPurchases(i * periodLength, customer);
            discount /= 1.0 + discountRate;
            value += (cumulative - previous) * spend * discount;
            previous = cumulative;
        }
        return value * marginRate;
    }

    /**
     * A readable summary, e.g. {@code GammaGamma[p=6.25, q=3.74, gamma=15.44]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GammaGamma[p=%.4f, q=%.4f, gamma=%.4f]", p, q, gamma);
    }
}
