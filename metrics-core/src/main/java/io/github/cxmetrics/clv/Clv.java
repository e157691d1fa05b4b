package io.github.cxmetrics.clv;

import java.util.Locale;
import java.util.Objects;

/**
 * Closed-form customer lifetime value: the formulas finance teams use.
 *
 * <p><b>Conventions</b>, the questions users of CLV tools keep asking, answered once for every method
 * here: the <i>period</i> is whatever unit the margin, retention and discount rates are per (month,
 * year) — they must agree; <i>margin</i> means contribution margin per period in currency units (pass
 * revenue instead and you get a revenue value, not a CLV); values are <i>totals for a new or current
 * customer</i> counted from now, including the current period's payment under
 * {@link PaymentTiming#START_OF_PERIOD} and excluding it under {@link PaymentTiming#END_OF_PERIOD}
 * (which is then the <i>residual</i> value of a customer who has just paid). Retention {@code r} is
 * the per-period probability of staying; discount {@code d} the per-period discount rate.
 *
 * <pre>{@code
 * constantRetention   END:   m·r/(1 + d − r)          START: m·(1 + d)/(1 + d − r)
 * finiteHorizon H     END:   Σ_{t=1..H} m·r^t/(1 + d)^t      START: Σ_{t=0..H−1} m·r^t/(1 + d)^t
 *                     = m·q^e·(q^H − 1)/(q − 1),  q = r/(1 + d),  e = 1 (END) or 0 (START);  m·H if q = 1
 * discountedSum       Σ_k m_k · S_k / (1 + d)^(k + e)     e = 1 (END) or 0 (START), k = 0..H−1
 * historic            averageOrderValue · purchasesPerPeriod · lifespan (· marginRate)
 * }</pre>
 *
 * <p><b>Negative discount rates</b> are accepted ({@code d > −1}): negative real interest rates have
 * occurred, and a mildly negative rate over a finite horizon is a legitimate scenario. With
 * {@code r > 1 + d} each later payment is worth more than the one before, so
 * {@link #constantRetention} rejects it (the infinite sum diverges) and the finite sums grow
 * geometrically with the horizon, which is where the next rule applies.
 *
 * <p><b>Overflow.</b> Every method computes its value without overflow of intermediate results
 * (products are formed on exponent and mantissa; the finite horizon uses the closed form above, on
 * logarithms where {@code q^H} itself would overflow, with a relative accuracy of about
 * {@code 1e-13} there), so a value is returned wherever it is representable — e.g. a zero margin
 * always gives 0, never {@code 0·∞ = NaN}. Where the value itself exceeds {@code Double.MAX_VALUE}
 * in magnitude, the method throws {@link ArithmeticException} naming the arguments and the order
 * of magnitude of the value, never returns {@code Infinity} or NaN. Invalid arguments throw
 * {@link IllegalArgumentException}.
 *
 * <p>References: S. Gupta &amp; D. R. Lehmann (2003), "Customers as assets", <i>Journal of
 * Interactive Marketing</i> 17(1):9–24 (the constant-retention margin multiple
 * {@code r/(1 + d − r)}); P. D. Berger &amp; N. I. Nasr (1998), "Customer lifetime value: marketing
 * models and applications", <i>Journal of Interactive Marketing</i> 12(1):17–30 (cases 1 and 2:
 * finite and infinite horizons, payments at the start or the end of the period); P. W. Farris,
 * N. T. Bendle, P. E. Pfeifer &amp; D. J. Reibstein (2010), <i>Marketing Metrics</i>, 2nd ed.,
 * Pearson, ch. 5 (customer lifetime value); for the descriptive (historic) value and its limits
 * against forward-looking models, S. Gupta et al. (2006), "Modeling customer lifetime value",
 * <i>Journal of Service Research</i> 9(2):139–155.
 *
 * @since 0.1.0
 */
public final class Clv {

    private Clv() {
    }

    /**
     * The historic (descriptive) CLV: average order value × purchases per period × lifespan in periods.
     * Revenue, undiscounted: a summary of past behaviour, not a forecast (Gupta et al. 2006).
     *
     * <pre>{@code
     * historic = averageOrderValue · purchasesPerPeriod · lifespan
     * }</pre>
     *
     * @param averageOrderValue mean revenue per order, finite and {@code >= 0}
     * @param purchasesPerPeriod mean orders per period, finite and {@code >= 0}
     * @param lifespan customer lifespan in periods, finite and {@code >= 0}
     * @return the historic revenue value, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is negative, NaN or infinite
     * @throws ArithmeticException if the product exceeds {@code Double.MAX_VALUE}
     */
    public static double historic(double averageOrderValue, double purchasesPerPeriod, double lifespan) {
        check("averageOrderValue", averageOrderValue);
        check("purchasesPerPeriod", purchasesPerPeriod);
        check("lifespan", lifespan);
        double value = scaled(0, 1.0, averageOrderValue, purchasesPerPeriod, lifespan);
        if (value == Double.POSITIVE_INFINITY) {
            throw overflow("historic CLV", log10(averageOrderValue) + log10(purchasesPerPeriod) + log10(lifespan),
                    "averageOrderValue " + averageOrderValue + ", purchasesPerPeriod " + purchasesPerPeriod
                    + ", lifespan " + lifespan);
        }
        return value;
    }

    /**
     * The historic CLV on margin: {@link #historic(double, double, double)} × margin rate.
     *
     * <pre>{@code
     * historic = averageOrderValue · purchasesPerPeriod · lifespan · marginRate
     * }</pre>
     *
     * @param averageOrderValue mean revenue per order, finite and {@code >= 0}
     * @param purchasesPerPeriod mean orders per period, finite and {@code >= 0}
     * @param lifespan customer lifespan in periods, finite and {@code >= 0}
     * @param marginRate margin as a fraction of revenue, in [0, 1]
     * @return the historic margin value, finite and {@code >= 0}
     * @throws IllegalArgumentException if an argument is out of range
     * @throws ArithmeticException if the product exceeds {@code Double.MAX_VALUE}
     */
    public static double historic(double averageOrderValue, double purchasesPerPeriod, double lifespan,
            double marginRate) {
        check("averageOrderValue", averageOrderValue);
        check("purchasesPerPeriod", purchasesPerPeriod);
        check("lifespan", lifespan);
        if (!(marginRate >= 0.0 && marginRate <= 1.0)) {
            throw new IllegalArgumentException("marginRate must be in [0, 1], was " + marginRate);
        }
        double value = scaled(0, 1.0, averageOrderValue, purchasesPerPeriod, lifespan, marginRate);
        if (value == Double.POSITIVE_INFINITY) {
            throw overflow("historic CLV", log10(averageOrderValue) + log10(purchasesPerPeriod) + log10(lifespan)
                    + log10(marginRate), "averageOrderValue " + averageOrderValue + ", purchasesPerPeriod "
                    + purchasesPerPeriod + ", lifespan " + lifespan + ", marginRate " + marginRate);
        }
        return value;
    }

    /**
     * CLV with a constant retention rate over an infinite horizon (Gupta &amp; Lehmann 2003;
     * Berger &amp; Nasr 1998):
     * <pre>{@code
     * END:    m·r/(1 + d − r)
     * START:  m·(1 + d)/(1 + d − r)
     * }</pre>
     *
     * @param margin margin per period, finite
     * @param retention per-period retention, in {@code [0, 1)}
     * @param discount per-period discount rate, finite and {@code > −1} (negative rates allowed while
     *     {@code 1 + d > r})
     * @param timing when the margin is received
     * @return the value in currency units, finite
     * @throws NullPointerException if {@code timing} is null
     * @throws IllegalArgumentException if an argument is out of range, or {@code 1 + d − r <= 0} (the
     *     sum diverges)
     * @throws ArithmeticException if the value exceeds {@code Double.MAX_VALUE} in magnitude
     */
    public static double constantRetention(double margin, double retention, double discount, PaymentTiming timing) {
        Objects.requireNonNull(timing, "timing");
        checkRates(margin, retention, discount);
        double denominator = 1.0 + discount - retention;
        if (!(denominator > 0.0)) {
            throw new IllegalArgumentException("1 + discount - retention must be > 0 for a finite value, was "
                    + denominator);
        }
        double numerator = timing == PaymentTiming.END_OF_PERIOD ? retention : 1.0 + discount;
        double value = scaled(0, denominator, margin, numerator);
        if (Double.isInfinite(value)) {
            throw overflow("CLV", log10(margin) + log10(numerator) - log10(denominator), "margin " + margin
                    + ", retention " + retention + ", discount " + discount + ", " + timing);
        }
        return value;
    }

    /**
     * CLV with a constant retention rate over {@code periods} payments (Berger &amp; Nasr 1998):
     * <pre>{@code
     * END:    Σ_{t=1..H} m·r^t/(1 + d)^t   = m·q·(q^H − 1)/(q − 1)
     * START:  Σ_{t=0..H−1} m·r^t/(1 + d)^t = m·(q^H − 1)/(q − 1)        q = r/(1 + d);  m·q^e·H if q = 1
     * }</pre>
     * computed in closed form, {@code (q^H − 1)/(q − 1) = expm1(H ln q)/expm1(ln q)}, in constant
     * time for any {@code H}.
     *
     * @param margin margin per period, finite
     * @param retention per-period retention, in {@code [0, 1]}
     * @param discount per-period discount rate, finite and {@code > −1} (negative rates allowed)
     * @param periods the number of payments {@code H >= 0}
     * @param timing when the margin is received
     * @return the value in currency units, finite; 0 when {@code H = 0} or {@code m = 0}
     * @throws NullPointerException if {@code timing} is null
     * @throws IllegalArgumentException if an argument is out of range
     * @throws ArithmeticException if the value exceeds {@code Double.MAX_VALUE} in magnitude (e.g.
     *     {@code finiteHorizon(100, 1, -0.5, 2000, END)}, about {@code 2e604})
     */
    public static double finiteHorizon(double margin, double retention, double discount, int periods,
            PaymentTiming timing) {
        Objects.requireNonNull(timing, "timing");
        if (!(retention >= 0.0 && retention <= 1.0)) {
            throw new IllegalArgumentException("retention must be in [0, 1], was " + retention);
        }
        if (!Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be finite, was " + margin);
        }
        checkDiscount(discount);
        if (periods < 0) {
            throw new IllegalArgumentException("periods must be >= 0, was " + periods);
        }
        double q = retention / (1.0 + discount); // <= 1/(1 + d) < 2^53: finite
        double first = timing == PaymentTiming.END_OF_PERIOD ? q : 1.0;
        if (periods == 0 || margin == 0.0 || first == 0.0) {
            return 0.0;
        }
        double value;
        double log10Value;
        if (q == 1.0) {
            value = scaled(0, 1.0, margin, periods);
            log10Value = log10(margin) + Math.log10(periods);
        } else {
            double lnQ = Math.log(q); // −∞ for q = 0: then the sum is 1
            double sumNumerator = Math.expm1(periods * lnQ);
            double sumDenominator = Math.expm1(lnQ);
            // ln((q^H − 1)/(q − 1)); for q > 1 and large H·ln q, ln expm1(x) = x + ln(1 − e^−x)
            double lnSum = sumNumerator < Double.POSITIVE_INFINITY
                    ? Math.log(sumNumerator / sumDenominator)
                    : periods * lnQ + Math.log1p(-Math.exp(-periods * lnQ)) - Math.log(sumDenominator);
            log10Value = log10(margin) + log10(first) + lnSum / Math.log(10);
            if (sumNumerator < Double.POSITIVE_INFINITY) {
                value = scaled(0, sumDenominator, margin, first, sumNumerator);
            } else {
                double lnValue = Math.log(Math.abs(margin)) + Math.log(first) + lnSum;
                value = Math.copySign(Math.exp(lnValue), margin);
            }
        }
        if (Double.isInfinite(value)) {
            throw overflow("CLV", log10Value, "margin " + margin + ", retention " + retention + ", discount "
                    + discount + ", periods " + periods + ", " + timing);
        }
        return value;
    }

    /**
     * A discounted sum over any survival curve and per-period margins:
     * <pre>{@code
     * Σ_{k=0..H−1} m_k · S_k / (1 + d)^(k + e)          e = 1 (END) or 0 (START)
     * }</pre>
     * {@code S_k} is the probability that the customer is still active to pay
     * the margin of period {@code k + 1}: with an sBG model, {@code S_k = survival(k + 1)} (end) or
     * {@code survival(k)} (start); with a Kaplan–Meier curve, its value at the payment time.
     *
     * @param margins margins per period, finite, {@code H} of them
     * @param survival survival probabilities in [0, 1], same length
     * @param discount per-period discount rate, finite and {@code > −1} (negative rates allowed)
     * @param timing when each margin is received
     * @return the value in currency units, finite
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ or a value is out of range (the message
     *     names it and its index)
     * @throws ArithmeticException if a term or a partial sum exceeds {@code Double.MAX_VALUE} in
     *     magnitude (the message names the period)
     */
    public static double discountedSum(double[] margins, double[] survival, double discount, PaymentTiming timing) {
        Objects.requireNonNull(margins, "margins");
        Objects.requireNonNull(survival, "survival");
        Objects.requireNonNull(timing, "timing");
        if (margins.length != survival.length) {
            throw new IllegalArgumentException("margins has " + margins.length + " values but survival has "
                    + survival.length);
        }
        checkDiscount(discount);
        for (int k = 0; k < margins.length; k++) {
            if (!Double.isFinite(margins[k])) {
                throw new IllegalArgumentException("margin " + margins[k] + " at index " + k + " must be finite");
            }
            if (!(survival[k] >= 0.0 && survival[k] <= 1.0)) {
                throw new IllegalArgumentException("survival " + survival[k] + " at index " + k + " must be in [0, 1]");
            }
        }
        double factor = 1.0 / (1.0 + discount);
        int factorExponent = Math.getExponent(factor);
        double factorMantissa = Math.scalb(factor, -factorExponent);
        // the discount factor of period k is discountNow · 2^shift, discountNow kept in [1, 2)
        double discountNow = 1.0;
        long shift = 0;
        if (timing == PaymentTiming.END_OF_PERIOD) {
            discountNow = factorMantissa;
            shift = factorExponent;
        }
        double sum = 0.0;
        for (int k = 0; k < margins.length; k++) {
            double term = scaled(shift, 1.0, margins[k], survival[k], discountNow);
            sum += term;
            if (Double.isInfinite(term) || Double.isInfinite(sum)) {
                throw new ArithmeticException("discounted sum overflows a double at index " + k + " (margin "
                        + margins[k] + ", survival " + survival[k] + ", discount " + discount + ", " + timing
                        + "): the value exceeds " + Double.MAX_VALUE);
            }
            discountNow *= factorMantissa;
            int e = Math.getExponent(discountNow);
            discountNow = Math.scalb(discountNow, -e);
            shift += factorExponent + e;
        }
        return sum;
    }

    /**
     * {@code factors[0]·factors[1]·…/denominator·2^shift}, formed on mantissas and exponents: rounded
     * exactly as the plain left-to-right expression wherever that neither overflows nor underflows,
     * ±∞ only where the true value exceeds the double range. {@code denominator} is finite and
     * non-zero; factors are finite.
     */
    private static double scaled(long shift, double denominator, double... factors) {
        double m = 1.0;
        long e = shift;
        for (double f : factors) {
            if (f == 0.0) {
                return 0.0;
            }
            int ef = Math.getExponent(f); // −1023 for subnormals: scalb then gives a normal value below 1
            m *= Math.scalb(f, -ef);
            e += ef;
        }
        int ed = Math.getExponent(denominator);
        m /= Math.scalb(denominator, -ed);
        e -= ed;
        return Math.scalb(m, (int) Math.max(-4000, Math.min(4000, e)));
    }

    private static ArithmeticException overflow(String what, double log10Value, String arguments) {
        return new ArithmeticException(String.format(Locale.ROOT, "%s overflows a double: %s give about 1e%d",
                what, arguments, (long) Math.floor(log10Value)));
    }

    private static double log10(double v) {
        return Math.log10(Math.abs(v));
    }

    private static void checkRates(double margin, double retention, double discount) {
        if (!Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be finite, was " + margin);
        }
        if (!(retention >= 0.0 && retention < 1.0)) {
            throw new IllegalArgumentException("retention must be in [0, 1), was " + retention);
        }
        checkDiscount(discount);
    }

    private static void checkDiscount(double discount) {
        if (!(discount > -1.0 && discount < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("discount must be finite and > -1, was " + discount);
        }
    }

    private static void check(String name, double v) {
        if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }
}
