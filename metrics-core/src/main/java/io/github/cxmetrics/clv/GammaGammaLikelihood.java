package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.Gamma;
import io.github.cxmetrics.internal.math.Polygamma;
import java.util.Arrays;

/**
 * The Gamma–Gamma log-likelihood over grouped (x, m̄) pairs, with its analytic gradient and Hessian
 * in the log-parameters {@code y = (ln p, ln q, ln γ)}.
 *
 * <p>Per customer {@code ℓ = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ + (px − 1) ln m̄ + px ln x
 * − (px + q) ln(γ + x m̄)}. The pairs are sorted by x, then m̄, identical pairs merged with weights,
 * and rows of one x are a contiguous segment: the gamma terms, their digamma/trigamma derivatives
 * and the data sums {@code Σ w}, {@code Σ w ln m̄} are per segment, so the per-row work of an
 * evaluation is one logarithm and one division, summed in a fixed order. Derivatives in the natural
 * parameters, with {@code S₁ = Σ w ln(γ + x m̄)}, {@code S₂ = Σ w/(γ + x m̄)},
 * {@code S₃ = Σ w/(γ + x m̄)²}, {@code W = Σ w}, {@code M = Σ w ln m̄} over a segment:
 * <pre>{@code
 * ∂/∂p = x·[W(ψ(px + q) − ψ(px) + ln x) + M − S₁]     ∂²/∂p² = x²W(ψ₁(px + q) − ψ₁(px))
 * ∂/∂q = W(ψ(px + q) − ψ(q) + ln γ) − S₁              ∂²/∂p∂q = xWψ₁(px + q),  ∂²/∂p∂γ = −xS₂
 * ∂/∂γ = Wq/γ − (px + q)S₂                            ∂²/∂q² = W(ψ₁(px + q) − ψ₁(q)),  ∂²/∂q∂γ = W/γ − S₂
 *                                                     ∂²/∂γ² = −Wq/γ² + (px + q)S₃
 * }</pre>
 * transformed to log-parameters as in {@link BgNbdLikelihood}. Checked against mpmath's numerical
 * derivatives at 40 digits (GammaGammaLikelihoodTest).
 */
final class GammaGammaLikelihood {

    private final double[] xs; // distinct x, ascending
    private final int[] start;
    private final double[] xm; // x·m̄ per row
    private final double[] weight;
    private final double[] segmentWeight;
    private final double[] segmentLogM; // Σ w ln m̄
    private int evaluations;
    private final double[][] pairs; // (x, m̄) sorted, for legacyValue

    /** From (x, m̄) pairs in any order. */
    GammaGammaLikelihood(double[][] pairs) {
        double[][] sorted = pairs.clone();
        Arrays.sort(sorted, (u, v) -> u[0] != v[0] ? Double.compare(u[0], v[0]) : Double.compare(u[1], v[1]));
        this.pairs = sorted;
        int rows = 0;
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i][0] != sorted[i - 1][0]) {
                distinct++;
                rows++;
            } else if (sorted[i][1] != sorted[i - 1][1]) {
                rows++;
            }
        }
        xs = new double[distinct];
        start = new int[distinct + 1];
        xm = new double[rows];
        weight = new double[rows];
        segmentWeight = new double[distinct];
        segmentLogM = new double[distinct];
        int k = -1;
        int j = -1;
        for (int i = 0; i < sorted.length; i++) {
            double x = sorted[i][0];
            double m = sorted[i][1];
            boolean newX = i == 0 || x != sorted[i - 1][0];
            if (newX) {
                k++;
                xs[k] = x;
                start[k] = j + 1;
            }
            if (newX || m != sorted[i - 1][1]) {
                j++;
                xm[j] = x * m;
            }
            weight[j] += 1.0;
            segmentWeight[k] += 1.0;
            segmentLogM[k] += Math.log(m);
        }
        start[distinct] = rows;
    }

    int rows() {
        return xm.length;
    }

    int evaluations() {
        return evaluations;
    }

    double value(double[] y) {
        return valueAndGradient(y, new double[3]);
    }

    /** The log-likelihood at {@code y}, its gradient in {@code y} written into {@code gradient}. */
    double valueAndGradient(double[] y, double[] gradient) {
        evaluations++;
        double p = Math.exp(y[0]);
        double q = Math.exp(y[1]);
        double g = Math.exp(y[2]);
        double lnGq = Gamma.logGamma(q);
        double psiQ = Polygamma.digamma(q);
        double lnG = Math.log(g);
        double sum = 0.0;
        double gp = 0.0;
        double gq = 0.0;
        double gg = 0.0;
        for (int k = 0; k < xs.length; k++) {
            double x = xs[k];
            double px = p * x;
            double w = segmentWeight[k];
            double lm = segmentLogM[k];
            double s1 = 0.0;
            double s2 = 0.0;
            for (int i = start[k]; i < start[k + 1]; i++) {
                double v = g + xm[i];
                s1 += weight[i] * Math.log(v);
                s2 += weight[i] / v;
            }
            double lnX = Math.log(x);
            double psiPxq = Polygamma.digamma(px + q);
            sum += w * (Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGq + q * lnG + px * lnX) + (px - 1.0) * lm
                    - (px + q) * s1;
            gp += x * (w * (psiPxq - Polygamma.digamma(px) + lnX) + lm - s1);
            gq += w * (psiPxq - psiQ + lnG) - s1;
            gg += w * q / g - (px + q) * s2;
        }
        gradient[0] = p * gp;
        gradient[1] = q * gq;
        gradient[2] = g * gg;
        return sum;
    }

    /** The Hessian of the log-likelihood in {@code y}. */
    double[][] hessian(double[] y) {
        double p = Math.exp(y[0]);
        double q = Math.exp(y[1]);
        double g = Math.exp(y[2]);
        double[] theta = {p, q, g};
        double[] grad = new double[3];
        valueAndGradient(y, grad);
        evaluations--;
        double triQ = Polygamma.trigamma(q);
        double[][] h = new double[3][3];
        for (int k = 0; k < xs.length; k++) {
            double x = xs[k];
            double px = p * x;
            double w = segmentWeight[k];
            double s2 = 0.0;
            double s3 = 0.0;
            for (int i = start[k]; i < start[k + 1]; i++) {
                double v = g + xm[i];
                s2 += weight[i] / v;
                s3 += weight[i] / (v * v);
            }
            double triPxq = Polygamma.trigamma(px + q);
            h[0][0] += x * x * w * (triPxq - Polygamma.trigamma(px));
            h[0][1] += x * w * triPxq;
            h[0][2] -= x * s2;
            h[1][1] += w * (triPxq - triQ);
            h[1][2] += w / g - s2;
            h[2][2] += -w * q / (g * g) + (px + q) * s3;
        }
        double[][] out = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                // grad is already in y: θᵢ ∂ℓ/∂θᵢ
                out[i][j] = theta[i] * theta[j] * h[i][j] + (i == j ? grad[i] : 0.0);
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    /**
     * The log-likelihood at {@code y} by the per-customer formula of the first release (Fader, Hardie
     * &amp; Lee 2005, "RFM and CLV", eq. 3 summed over customers in sorted order): the objective of the
     * Nelder–Mead fallback, which on data that barely identify the parameters must follow the same
     * path as before.
     */
    double legacyValue(double[] y) {
        double p = Math.exp(y[0]);
        double q = Math.exp(y[1]);
        double g = Math.exp(y[2]);
        double lnGq = Gamma.logGamma(q);
        double sum = 0.0;
        for (double[] d : pairs) {
            double x = d[0];
            double m = d[1];
            double px = p * x;
            sum += Gamma.logGamma(px + q) - Gamma.logGamma(px) - lnGq + q * Math.log(g) + (px - 1) * Math.log(m)
                    + px * Math.log(x) - (px + q) * Math.log(g + m * x);
        }
        return sum;
    }
}
