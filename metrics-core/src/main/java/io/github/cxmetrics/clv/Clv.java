package io.github.cxmetrics.clv;

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
 *                     (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing 17(1):9–24)
 * finiteHorizon H     END:   Σ_{t=1..H} m·r^t/(1 + d)^t      START: Σ_{t=0..H−1} m·r^t/(1 + d)^t
 * discountedSum       Σ_k m_k · S_k / (1 + d)^(k + e)     e = 1 (END) or 0 (START), k = 0..H−1
 * historic            averageOrderValue · purchasesPerPeriod · lifespan (· marginRate)
 * }</pre>
 *
 * @since 0.1.0
 */
public final class Clv {

    private Clv() {
    }

    /**
     * The historic (descriptive) CLV: average order value × purchases per period × lifespan in periods.
     * Revenue, undiscounted.
     *
     * @param averageOrderValue mean revenue per order, finite and {@code >= 0}
     * @param purchasesPerPeriod mean orders per period, finite and {@code >= 0}
     * @param lifespan customer lifespan in periods, finite and {@code >= 0}
     * @return the historic revenue value
     * @throws IllegalArgumentException if an argument is negative, NaN or infinite
     */
    public static double historic(double averageOrderValue, double purchasesPerPeriod, double lifespan) {
        check("averageOrderValue", averageOrderValue);
        check("purchasesPerPeriod", purchasesPerPeriod);
        check("lifespan", lifespan);
        return averageOrderValue * purchasesPerPeriod * lifespan;
    }

    /**
     * The historic CLV on margin: {@link #historic(double, double, double)} × margin rate.
     *
     * @param averageOrderValue mean revenue per order, finite and {@code >= 0}
     * @param purchasesPerPeriod mean orders per period, finite and {@code >= 0}
     * @param lifespan customer lifespan in periods, finite and {@code >= 0}
     * @param marginRate margin as a fraction of revenue, in [0, 1]
     * @return the historic margin value
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double historic(double averageOrderValue, double purchasesPerPeriod, double lifespan,
            double marginRate) {
        if (!(marginRate >= 0.0 && marginRate <= 1.0)) {
            throw new IllegalArgumentException("marginRate must be in [0, 1], was " + marginRate);
        }
        return historic(averageOrderValue, purchasesPerPeriod, lifespan) * marginRate;
    }

    /**
     * CLV with a constant retention rate over an infinite horizon (Gupta &amp; Lehmann 2003):
     * {@code m·r/(1 + d − r)} (end of period) or {@code m·(1 + d)/(1 + d − r)} (start of period).
     *
     * @param margin margin per period, finite
     * @param retention per-period retention, in {@code [0, 1)}
     * @param discount per-period discount rate, {@code > −1}
     * @param timing when the margin is received
     * @return the value in currency units
     * @throws NullPointerException if {@code timing} is null
     * @throws IllegalArgumentException if an argument is out of range, or {@code 1 + d − r <= 0} (the
     *     sum diverges)
     */
    public static double constantRetention(double margin, double retention, double discount, PaymentTiming timing) {
        Objects.requireNonNull(timing, "timing");
        checkRates(margin, retention, discount);
        double denominator = 1.0 + discount - retention;
        if (!(denominator > 0.0)) {
            throw new IllegalArgumentException("1 + discount - retention must be > 0 for a finite value, was "
                    + denominator);
        }
        return timing == PaymentTiming.END_OF_PERIOD ? margin * retention / denominator
                : margin * (1.0 + discount) / denominator;
    }

    /**
     * CLV with a constant retention rate over {@code periods} payments:
     * {@code Σ_{t=1..H} m·r^t/(1 + d)^t} (end) or {@code Σ_{t=0..H−1} m·r^t/(1 + d)^t} (start).
     *
     * @param margin margin per period, finite
     * @param retention per-period retention, in {@code [0, 1]}
     * @param discount per-period discount rate, {@code > −1}
     * @param periods the number of payments {@code H >= 0}
     * @param timing when the margin is received
     * @return the value in currency units
     * @throws NullPointerException if {@code timing} is null
     * @throws IllegalArgumentException if an argument is out of range
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
        double q = retention / (1.0 + discount);
        double sum = 0.0;
        double term = timing == PaymentTiming.END_OF_PERIOD ? q : 1.0;
        for (int t = 0; t < periods; t++) {
            sum += term;
            term *= q;
        }
        return margin * sum;
    }

    /**
     * A discounted sum over any survival curve and per-period margins:
     * {@code Σ_{k=0..H−1} m_k · S_k / (1 + d)^(k + e)}, {@code e = 1} for end-of-period payments and 0
     * for start-of-period ones. {@code S_k} is the probability that the customer is still active to pay
     * the margin of period {@code k + 1}: with an sBG model, {@code S_k = survival(k + 1)} (end) or
     * {@code survival(k)} (start); with a Kaplan–Meier curve, its value at the payment time.
     *
     * @param margins margins per period, finite, {@code H} of them
     * @param survival survival probabilities in [0, 1], same length
     * @param discount per-period discount rate, {@code > −1}
     * @param timing when each margin is received
     * @return the value in currency units
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ or a value is out of range (the message
     *     names it and its index)
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
        double factor = 1.0 / (1.0 + discount);
        double discountNow = timing == PaymentTiming.END_OF_PERIOD ? factor : 1.0;
        double sum = 0.0;
        for (int k = 0; k < margins.length; k++) {
            if (!Double.isFinite(margins[k])) {
                throw new IllegalArgumentException("margin " + margins[k] + " at index " + k + " must be finite");
            }
            if (!(survival[k] >= 0.0 && survival[k] <= 1.0)) {
                throw new IllegalArgumentException("survival " + survival[k] + " at index " + k + " must be in [0, 1]");
            }
            sum += margins[k] * survival[k] * discountNow;
            discountNow *= factor;
        }
        return sum;
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
