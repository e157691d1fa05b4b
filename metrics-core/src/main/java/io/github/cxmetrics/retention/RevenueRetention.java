package io.github.cxmetrics.retention;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Gross and net revenue retention of the customers present at the start of a period.
 *
 * <pre>{@code
 * GRR = (start − contraction − churned) / start                  in [0, 1], never above 100 %
 * NRR = (start + expansion − contraction − churned) / start  =  GRR + expansion / start,  >= GRR
 * }</pre>
 * {@code start} is the recurring revenue (e.g. MRR) of the customers at the start; expansion,
 * contraction and churned revenue are changes <b>of those customers only</b>: revenue from customers
 * acquired during the period belongs to neither figure. Unit: fractions (1.05 = 105 %); money in the
 * caller's currency. Worked example: MRR 200 000, churned 6 000, contraction 4 000, expansion
 * 20 000 → NRR 105 %, GRR 95 %.
 *
 * <p>The constructor checks {@code contraction + churned <= start} exactly (not after rounding the
 * sum), so {@code GRR} is never negative. {@code NRR} is computed as {@code GRR + expansion/start},
 * which cannot overflow in an intermediate sum; where the ratio itself exceeds
 * {@code Double.MAX_VALUE} (an expansion more than about {@code 1.8e308} times the starting revenue,
 * e.g. a subnormal start), {@link #net()} throws {@link ArithmeticException} naming the amounts,
 * never returns {@code Infinity}.
 *
 * <p>Reference: the definitions in common use in subscription (SaaS) reporting, as in D. Skok
 * (2013), "SaaS Metrics 2.0 – A guide to measuring and improving what matters",
 * <i>For Entrepreneurs</i> (forentrepreneurs.com), on expansion revenue and "negative churn"
 * (net revenue retention above 100 %).
 *
 * @param startingRevenue revenue of the starting customers at the start, finite and {@code > 0}
 * @param expansion added revenue from those customers, finite and {@code >= 0}
 * @param contraction lost revenue from those customers who stayed, finite and {@code >= 0}
 * @param churned revenue of those customers who left, finite and {@code >= 0}
 * @since 0.1.0
 */
public record RevenueRetention(double startingRevenue, double expansion, double contraction, double churned) {

    /**
     * Validates the amounts.
     *
     * @param startingRevenue revenue of the starting customers at the start, finite and {@code > 0}
     * @param expansion added revenue from those customers, finite and {@code >= 0}
     * @param contraction lost revenue from those customers who stayed, finite and {@code >= 0}
     * @param churned revenue of those customers who left, finite and {@code >= 0}
     * @throws IllegalArgumentException if an amount is negative, NaN or infinite, the starting revenue
     *     is 0, or contraction plus churn exceed it
     */
    public RevenueRetention {
        if (!(startingRevenue > 0.0 && startingRevenue < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("startingRevenue must be finite and > 0, was " + startingRevenue);
        }
        check("expansion", expansion);
        check("contraction", contraction);
        check("churned", churned);
        // exact: a rounded sum could accept contraction + churned slightly above the start (GRR < 0)
        if (new BigDecimal(contraction).add(new BigDecimal(churned)).compareTo(new BigDecimal(startingRevenue)) > 0) {
            throw new IllegalArgumentException("contraction " + contraction + " + churned " + churned
                    + " exceed startingRevenue " + startingRevenue);
        }
    }

    /**
     * The amounts of one period.
     *
     * @param startingRevenue revenue of the starting customers at the start
     * @param expansion added revenue from those customers
     * @param contraction lost revenue from those customers who stayed
     * @param churned revenue of those customers who left
     * @return the retention figures
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static RevenueRetention of(double startingRevenue, double expansion, double contraction, double churned) {
        return new RevenueRetention(startingRevenue, expansion, contraction, churned);
    }

    /**
     * Gross revenue retention, {@code (start − contraction − churned)/start}. No cap is needed: with
     * {@code contraction, churned >= 0} and their sum at most {@code start} (checked exactly), the
     * rounded numerator lies in {@code [0, start]}, so the ratio lies in [0, 1].
     *
     * @return {@code (start − contraction − churned)/start}, in [0, 1]
     */
    public double gross() {
        return (startingRevenue - contraction - churned) / startingRevenue;
    }

    /**
     * Net revenue retention, {@code (start + expansion − contraction − churned)/start}, computed as
     * {@code gross() + expansion/start}.
     *
     * @return the net revenue retention, finite and {@code >= gross()}
     * @throws ArithmeticException if {@code expansion/start} exceeds {@code Double.MAX_VALUE}
     */
    public double net() {
        double growth = expansion / startingRevenue;
        if (growth == Double.POSITIVE_INFINITY) {
            throw new ArithmeticException("net revenue retention overflows a double: expansion " + expansion
                    + " over startingRevenue " + startingRevenue);
        }
        return gross() + growth;
    }

    private static void check(String name, double v) {
        if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }

    /**
     * A readable summary, e.g. {@code RevenueRetention[gross=95.0%, net=105.0%]}; {@code net=overflow}
     * where {@link #net()} would throw.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        double growth = expansion / startingRevenue;
        String net;
        if (growth == Double.POSITIVE_INFINITY) {
            net = "overflow";
        } else {
            double percent = 100 * (gross() + growth);
            net = Double.isFinite(percent) ? String.format(Locale.ROOT, "%.1f%%", percent)
                    : String.format(Locale.ROOT, "%.1f%%", new BigDecimal(gross() + growth).movePointRight(2));
        }
        return String.format(Locale.ROOT, "RevenueRetention[gross=%.1f%%, net=%s]", 100 * gross(), net);
    }
}
