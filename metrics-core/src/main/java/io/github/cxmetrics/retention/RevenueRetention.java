package io.github.cxmetrics.retention;

import java.util.Locale;

/**
 * Gross and net revenue retention of the customers present at the start of a period.
 *
 * <pre>{@code
 * GRR = (start − contraction − churned) / start                  capped at 1, never above 100 %
 * NRR = (start + expansion − contraction − churned) / start
 * }</pre>
 * {@code start} is the recurring revenue (e.g. MRR) of the customers at the start; expansion,
 * contraction and churned revenue are changes <b>of those customers only</b>: revenue from customers
 * acquired during the period belongs to neither figure. Unit: fractions (1.05 = 105 %); money in the
 * caller's currency. These are the definitions in common use in subscription (SaaS) reporting; worked
 * example: MRR 200 000, churned 6 000, contraction 4 000, expansion 20 000 → NRR 105 %, GRR 95 %.
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
        if (contraction + churned > startingRevenue) {
            throw new IllegalArgumentException("contraction + churned (" + (contraction + churned)
                    + ") exceed startingRevenue " + startingRevenue);
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
     * Gross revenue retention.
     *
     * @return {@code min(1, (start − contraction − churned)/start)}
     */
    public double gross() {
        return Math.min(1.0, (startingRevenue - contraction - churned) / startingRevenue);
    }

    /**
     * Net revenue retention.
     *
     * @return {@code (start + expansion − contraction − churned)/start}
     */
    public double net() {
        return (startingRevenue + expansion - contraction - churned) / startingRevenue;
    }

    private static void check(String name, double v) {
        if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + v);
        }
    }

    /**
     * A readable summary, e.g. {@code RevenueRetention[gross=95.0%, net=105.0%]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RevenueRetention[gross=%.1f%%, net=%.1f%%]", 100 * gross(), 100 * net());
    }
}
