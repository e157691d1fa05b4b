package io.github.cxmetrics.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Adjustment of a family of p-values for multiple testing, as R's {@code p.adjust} computes it.
 * With m p-values sorted ascending, {@code p₍₁₎ ≤ … ≤ p₍ₘ₎}, the adjusted values are (each capped
 * at 1, and returned in the order of the input):
 * <pre>{@code
 * BONFERRONI          p̃ᵢ = min(1, m·pᵢ)
 * HOLM                p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎)
 * HOCHBERG            p̃₍ᵢ₎ = min_{j ≥ i} min(1, (m − j + 1)·p₍ⱼ₎)
 * BENJAMINI_HOCHBERG  p̃₍ᵢ₎ = min_{j ≥ i} min(1, m·p₍ⱼ₎ / j)
 * BENJAMINI_YEKUTIELI p̃₍ᵢ₎ = min_{j ≥ i} min(1, c(m)·m·p₍ⱼ₎ / j),  c(m) = Σ_{k ≤ m} 1/k
 * NONE                p̃ᵢ = pᵢ
 * }</pre>
 * Holm and Bonferroni control the family-wise error rate under any dependence; Hochberg does under
 * independence or positive dependence; Benjamini–Hochberg controls the false discovery rate under
 * independence or positive regression dependence, Benjamini–Yekutieli under any dependence.
 * References: Holm (1979), "A simple sequentially rejective multiple test procedure",
 * <i>Scandinavian Journal of Statistics</i> 6:65–70; Hochberg (1988), "A sharper Bonferroni procedure
 * for multiple tests of significance", <i>Biometrika</i> 75:800–802; Benjamini &amp; Hochberg (1995),
 * "Controlling the false discovery rate", <i>JRSS B</i> 57:289–300; Benjamini &amp; Yekutieli (2001),
 * "The control of the false discovery rate in multiple testing under dependency", <i>Annals of
 * Statistics</i> 29:1165–1188. Ties keep R's order (a stable sort), which does not change the
 * values.
 *
 * @since 0.2.0
 */
public enum PValueAdjustment {
    /** No adjustment: the p-values as they are. */
    NONE,
    /** Bonferroni: {@code min(1, m·p)}. */
    BONFERRONI,
    /** Holm's step-down procedure (the default of R's {@code p.adjust}). */
    HOLM,
    /** Hochberg's step-up procedure. */
    HOCHBERG,
    /** Benjamini–Hochberg false discovery rate ({@code p.adjust(method = "BH")}). */
    BENJAMINI_HOCHBERG,
    /** Benjamini–Yekutieli false discovery rate under any dependence ({@code "BY"}). */
    BENJAMINI_YEKUTIELI;

    /**
     * The adjusted p-values.
     *
     * @param pValues the family's p-values, each in [0, 1]; not changed
     * @return the adjusted values, in the input's order (a new array; empty for an empty family)
     * @throws NullPointerException if {@code pValues} is null
     * @throws IllegalArgumentException if a value is NaN or outside [0, 1] (the message names its index)
     */
    public double[] adjust(double... pValues) {
        Objects.requireNonNull(pValues, "pValues");
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException("p-value " + p + " at index " + i + " is not in [0, 1]");
            }
        }
        int m = pValues.length;
        double[] out = new double[m];
        if (m == 0) {
            return out;
        }
        Integer[] boxed = new Integer[m];
        for (int i = 0; i < m; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(pValues[a], pValues[b])); // stable
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = boxed[i];
        }
        switch (this) {
            case NONE:
                return pValues.clone();
            case BONFERRONI:
                for (int i = 0; i < m; i++) {
                    out[i] = Math.min(1.0, m * pValues[i]);
                }
                return out;
            case HOLM: {
                double running = 0.0;
                for (int r = 0; r < m; r++) {
                    running = Math.max(running, Math.min(1.0, (m - r) * pValues[order[r]]));
                    out[order[r]] = running;
                }
                return out;
            }
            case HOCHBERG:
                return stepUp(pValues, order, 1.0, true);
            case BENJAMINI_HOCHBERG:
                return stepUp(pValues, order, 1.0, false);
            case BENJAMINI_YEKUTIELI: {
                double c = 0.0;
                for (int k = 1; k <= m; k++) {
                    c += 1.0 / k; // in R's order, sum(1/(1:n))
                }
                return stepUp(pValues, order, c, false);
            }
            default:
                throw new AssertionError(this);
        }
    }

    /** Step-up from the largest p: Hochberg's factor (m − j + 1), or the FDR factor c·m/j. */
    private static double[] stepUp(double[] p, int[] order, double c, boolean hochberg) {
        int m = p.length;
        double[] out = new double[m];
        double running = 1.0;
        for (int r = m - 1; r >= 0; r--) {
            int j = r + 1; // rank, 1-based
            double factor = hochberg ? (m - j + 1) : c * m / j;
            running = Math.min(running, Math.min(1.0, factor * p[order[r]]));
            out[order[r]] = running;
        }
        return out;
    }
}
