package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.Beta;
import io.github.cxmetrics.internal.math.Gamma;
import io.github.cxmetrics.internal.math.Polygamma;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The BG/NBD log-likelihood over grouped customers, with its analytic gradient and Hessian in the
 * log-parameters {@code y = (ln r, ln α, ln a, ln b)} the fit works in.
 *
 * <p><b>Layout.</b> The distinct (x, tₓ, T) rows, sorted by x, then tₓ, then T, are held in primitive
 * arrays ({@code tx}, {@code t}, {@code weight}); rows with the same x are contiguous, a segment
 * {@code [start[k], start[k+1])} per distinct x. Everything that depends on x only — the log-gamma
 * and log-beta terms and their digamma/trigamma derivatives — is computed once per segment per
 * evaluation; the per-row work is one tight loop of two logarithms, one exponential and one
 * {@code log1p} (one logarithm for x = 0), summed in the fixed sorted order, so results do not
 * depend on the order of the input.
 *
 * <p><b>Formulas.</b> Per row, {@code ℓ = ln A_x + ln B_x + ln(e^(u₁) + e^(u₂))} with
 * {@code ln A_x = ln Γ(r + x) − ln Γ(r) + r ln α}, {@code ln B_x = ln B(a, b + x) − ln B(a, b)},
 * {@code u₁ = −(r + x) ln(α + T)} and, for x > 0, {@code u₂ = ln a − ln(b + x − 1) − (r + x) ln(α + tₓ)}
 * (eq. 6 of Fader, Hardie &amp; Lee 2005; for x = 0 the second term is absent). With
 * {@code ω = e^(u₂)/(e^(u₁) + e^(u₂))} the derivatives in the natural parameters are
 * <pre>{@code
 * ∂ℓ/∂r = ψ(r + x) − ψ(r) + ln α − (1 − ω) ln(α + T) − ω ln(α + tₓ)
 * ∂ℓ/∂α = r/α − (r + x)·[(1 − ω)/(α + T) + ω/(α + tₓ)]
 * ∂ℓ/∂a = ψ(a + b) − ψ(a + b + x) + ω/a
 * ∂ℓ/∂b = ψ(b + x) − ψ(b) + ψ(a + b) − ψ(a + b + x) − ω/(b + x − 1)
 * }</pre>
 * and the Hessian is that of the x-terms (trigamma differences, {@code ∂²/∂r∂α = 1/α},
 * {@code ∂²/∂α² = −r/α²}) plus {@code (1 − ω)∇²u₁ + ω∇²u₂ + ω(1 − ω)(∇u₂ − ∇u₁)(∇u₂ − ∇u₁)ᵀ}. In
 * log-parameters, {@code ∂ℓ/∂yᵢ = θᵢ ∂ℓ/∂θᵢ} and
 * {@code ∂²ℓ/∂yᵢ∂yⱼ = θᵢθⱼ ∂²ℓ/∂θᵢ∂θⱼ + δᵢⱼ θᵢ ∂ℓ/∂θᵢ}. Checked against mpmath's numerical
 * derivatives at 40 digits (BgNbdLikelihoodTest).
 */
final class BgNbdLikelihood {

    private final long[] xs; // distinct x, ascending
    private final int[] start; // segment k is [start[k], start[k + 1])
    private final long[] rowX; // x per row, for legacyValue
    private final double[] tx;
    private final double[] t;
    private final double[] weight;
    private final double[] segmentWeight;
    private final int[] chunkStart; // first row of each chunk; chunks never straddle segments
    private final int[] chunkSegment; // the segment of each chunk
    private final ForkJoinPool pool; // null: sequential
    private int evaluations;

    /** Rows per chunk of the per-row sums. */
    static final int CHUNK = 4096;

    /** From grouped rows (sorted by x, then tₓ, then T; see {@link RfmSummary#group}). */
    BgNbdLikelihood(RfmSummary.Grouped grouped) {
        this(grouped, null);
    }

    /** From grouped rows, the per-row sums run on {@code pool} (sequentially when null). */
    BgNbdLikelihood(RfmSummary.Grouped grouped, ForkJoinPool pool) {
        this(grouped.x, grouped.tx, grouped.t, grouped.weight, pool);
    }

    private BgNbdLikelihood(long[] x, double[] tx, double[] t, double[] weight, ForkJoinPool pool) {
        this.pool = pool;
        int n = x.length;
        this.rowX = x;
        this.tx = tx;
        this.t = t;
        this.weight = weight;
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                distinct++;
            }
        }
        xs = new long[distinct];
        start = new int[distinct + 1];
        segmentWeight = new double[distinct];
        int k = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || x[i] != x[i - 1]) {
                k++;
                xs[k] = x[i];
                start[k] = i;
            }
            segmentWeight[k] += weight[i];
        }
        start[distinct] = n;
        int chunks = 0;
        for (k = 0; k < distinct; k++) {
            chunks += (start[k + 1] - start[k] + CHUNK - 1) / CHUNK;
        }
        chunkStart = new int[chunks];
        chunkSegment = new int[chunks];
        int c = 0;
        for (k = 0; k < distinct; k++) {
            for (int i = start[k]; i < start[k + 1]; i += CHUNK) {
                chunkStart[c] = i;
                chunkSegment[c] = k;
                c++;
            }
        }
    }

    /**
     * Every {@code stride}-th row (in the sorted order, with its weight): a systematic sample,
     * stratified by x, on which a fit gives a starting point and a curvature for the fit on all rows.
     */
    BgNbdLikelihood sample(int stride) {
        int n = (t.length + stride - 1) / stride;
        long[] x = new long[n];
        double[] sx = new double[n];
        double[] st = new double[n];
        double[] sw = new double[n];
        int k = 0;
        int j = 0;
        for (int i = 0; i < t.length; i += stride) {
            while (start[k + 1] <= i) {
                k++;
            }
            x[j] = xs[k];
            sx[j] = tx[i];
            st[j] = t[i];
            sw[j] = weight[i];
            j++;
        }
        return new BgNbdLikelihood(x, sx, st, sw, pool);
    }

    /** The total weight (number of customers). */
    double totalWeight() {
        double s = 0.0;
        for (double w : segmentWeight) {
            s += w;
        }
        return s;
    }

    /** The number of distinct (x, tₓ, T) rows. */
    int rows() {
        return t.length;
    }

    /** The number of distinct x. */
    int distinctFrequencies() {
        return xs.length;
    }

    /** Evaluations of {@link #valueAndGradient} so far. */
    int evaluations() {
        return evaluations;
    }

    /** The log-likelihood at log-parameters {@code y}. */
    double value(double[] y) {
        return valueAndGradient(y, new double[4]);
    }

    /**
     * The log-likelihood at log-parameters {@code y}, its gradient in {@code y} written into
     * {@code gradient}. The rows are summed in chunks of at most {@value #CHUNK} rows within a
     * segment, and the chunks' partial sums combined in order, so the result is the same bit for bit
     * whether the chunks run one after another or in parallel on {@link #pool}.
     */
    double valueAndGradient(double[] y, double[] gradient) {
        evaluations++;
        double r = Math.exp(y[0]);
        double alpha = Math.exp(y[1]);
        double a = Math.exp(y[2]);
        double b = Math.exp(y[3]);
        double lnA = Math.log(a);
        double[] lnC = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            lnC[k] = xs[k] == 0 ? 0.0 : lnA - Math.log(b + (xs[k] - 1)); // ln(a/(b + x − 1))
        }
        double[] partial = new double[4 * chunkStart.length];
        if (pool == null || chunkStart.length < 2) {
            for (int c = 0; c < chunkStart.length; c++) {
                chunk(c, r, alpha, lnC, partial);
            }
        } else {
            pool.invoke(new Chunks(0, chunkStart.length, r, alpha, lnC, partial));
        }
        double lnAlpha = Math.log(alpha);
        double lnBab = Beta.logBeta(a, b);
        double lnGr = Gamma.logGamma(r);
        double psiR = Polygamma.digamma(r);
        double psiB = Polygamma.digamma(b);
        double psiAb = Polygamma.digamma(a + b);
        double sum = 0.0;
        double gr = 0.0;
        double gAlpha = 0.0;
        double ga = 0.0;
        double gb = 0.0;
        int c = 0;
        for (int k = 0; k < xs.length; k++) {
            long x = xs[k];
            double rx = r + x;
            double wk = segmentWeight[k];
            double psiAbx = Polygamma.digamma(a + b + x);
            sum += wk * (Gamma.logGamma(rx) - lnGr + r * lnAlpha + Beta.logBeta(a, b + x) - lnBab);
            gr += wk * (Polygamma.digamma(rx) - psiR + lnAlpha);
            gAlpha += wk * r / alpha;
            ga += wk * (psiAb - psiAbx);
            gb += wk * (Polygamma.digamma(b + x) - psiB + psiAb - psiAbx);
            double sD = 0.0;
            double sL = 0.0;
            double sInv = 0.0;
            double sOmega = 0.0;
            for (; c < chunkStart.length && chunkSegment[c] == k; c++) {
                sD += partial[4 * c];
                sL += partial[4 * c + 1];
                sInv += partial[4 * c + 2];
                sOmega += partial[4 * c + 3];
            }
            sum += sD;
            gr -= sL;
            gAlpha -= rx * sInv;
            if (x > 0) {
                ga += sOmega / a;
                gb -= sOmega / (b + (x - 1));
            }
        }
        gradient[0] = r * gr;
        gradient[1] = alpha * gAlpha;
        gradient[2] = a * ga;
        gradient[3] = b * gb;
        return sum;
    }

    /**
     * The row sums of chunk {@code c} into {@code out[4c .. 4c + 3]}: {@code Σ w·ln(e^u₁ + e^u₂)},
     * {@code Σ w·[(1 − ω) ln(α + T) + ω ln(α + tₓ)]}, {@code Σ w·[(1 − ω)/(α + T) + ω/(α + tₓ)]},
     * {@code Σ w·ω} (for x = 0: ω = 0 and the first is {@code −r·Σ w ln(α + T)}).
     */
    private void chunk(int c, double r, double alpha, double[] lnCs, double[] out) {
        int k = chunkSegment[c];
        int from = chunkStart[c];
        int to = c + 1 < chunkStart.length && chunkSegment[c + 1] == k ? chunkStart[c + 1] : start[k + 1];
        long x = xs[k];
        if (x == 0) {
            double sLog = 0.0;
            double sInv = 0.0;
            for (int i = from; i < to; i++) {
                double w = weight[i];
                double at = alpha + t[i];
                sLog += w * Math.log(at);
                sInv += w / at;
            }
            out[4 * c] = -r * sLog;
            out[4 * c + 1] = sLog;
            out[4 * c + 2] = sInv;
            return;
        }
        double rx = r + x;
        double lnC = lnCs[k];
        double sD = 0.0;
        double sL = 0.0;
        double sInv = 0.0;
        double sOmega = 0.0;
        for (int i = from; i < to; i++) {
            double w = weight[i];
            double at = alpha + t[i];
            double atx = alpha + tx[i];
            double l1 = Math.log(at);
            double l2 = Math.log(atx);
            double u1 = -rx * l1;
            double u2 = lnC - rx * l2;
            double delta = u2 - u1;
            double e = Math.exp(-Math.abs(delta));
            double omega = delta > 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
            sD += w * (Math.max(u1, u2) + Math.log1p(e));
            sL += w * (l1 + omega * (l2 - l1));
            sInv += w * (1.0 / at + omega * (1.0 / atx - 1.0 / at));
            sOmega += w * omega;
        }
        out[4 * c] = sD;
        out[4 * c + 1] = sL;
        out[4 * c + 2] = sInv;
        out[4 * c + 3] = sOmega;
    }

    /** Chunks {@code [lo, hi)} on the pool, split in halves down to single chunks. */
    private final class Chunks extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final int lo;
        private final int hi;
        private final double r;
        private final double alpha;
        private final double[] lnC;
        private final double[] out;

        Chunks(int lo, int hi, double r, double alpha, double[] lnC, double[] out) {
            this.lo = lo;
            this.hi = hi;
            this.r = r;
            this.alpha = alpha;
            this.lnC = lnC;
            this.out = out;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                chunk(lo, r, alpha, lnC, out);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Chunks(lo, mid, r, alpha, lnC, out), new Chunks(mid, hi, r, alpha, lnC, out));
        }
    }

    /** The Hessian of the log-likelihood in the log-parameters {@code y}. */
    double[][] hessian(double[] y) {
        double r = Math.exp(y[0]);
        double alpha = Math.exp(y[1]);
        double a = Math.exp(y[2]);
        double b = Math.exp(y[3]);
        double[] theta = {r, alpha, a, b};
        double[] g = new double[4]; // natural-parameter gradient
        double[][] h = new double[4][4]; // natural-parameter Hessian
        double lnAlpha = Math.log(alpha);
        double psiR = Polygamma.digamma(r);
        double psiB = Polygamma.digamma(b);
        double psiAb = Polygamma.digamma(a + b);
        double triR = Polygamma.trigamma(r);
        double triB = Polygamma.trigamma(b);
        double triAb = Polygamma.trigamma(a + b);
        for (int k = 0; k < xs.length; k++) {
            long x = xs[k];
            double rx = r + x;
            double wk = segmentWeight[k];
            double psiAbx = Polygamma.digamma(a + b + x);
            double triAbx = Polygamma.trigamma(a + b + x);
            g[0] += wk * (Polygamma.digamma(rx) - psiR + lnAlpha);
            g[1] += wk * r / alpha;
            g[2] += wk * (psiAb - psiAbx);
            g[3] += wk * (Polygamma.digamma(b + x) - psiB + psiAb - psiAbx);
            h[0][0] += wk * (Polygamma.trigamma(rx) - triR);
            h[0][1] += wk / alpha;
            h[1][1] -= wk * r / (alpha * alpha);
            h[2][2] += wk * (triAb - triAbx);
            h[2][3] += wk * (triAb - triAbx);
            h[3][3] += wk * (Polygamma.trigamma(b + x) - triB + triAb - triAbx);
            double c3 = 1.0 / a; // ∂(u₂ − u₁)/∂a
            double c4 = -1.0 / (b + (x - 1)); // ∂(u₂ − u₁)/∂b
            double lnC = Math.log(a) - Math.log(b + (x - 1));
            for (int i = start[k]; i < start[k + 1]; i++) {
                double w = weight[i];
                double at = alpha + t[i];
                double l1 = Math.log(at);
                if (x == 0) {
                    g[0] -= w * l1;
                    g[1] -= w * r / at;
                    h[0][1] -= w / at;
                    h[1][1] += w * r / (at * at);
                    continue;
                }
                double atx = alpha + tx[i];
                double l2 = Math.log(atx);
                double delta = lnC - rx * (l2 - l1);
                double e = Math.exp(-Math.abs(delta));
                double omega = delta > 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
                double om = 1.0 - omega;
                // ∇u₁ = (−l1, −rx/at, 0, 0), ∇u₂ = (−l2, −rx/atx, 1/a, −1/(b + x − 1))
                g[0] -= w * (om * l1 + omega * l2);
                g[1] -= w * rx * (om / at + omega / atx);
                g[2] += w * omega * c3;
                g[3] += w * omega * c4;
                // (1 − ω)∇²u₁ + ω∇²u₂
                h[0][1] -= w * (om / at + omega / atx);
                h[1][1] += w * rx * (om / (at * at) + omega / (atx * atx));
                h[2][2] -= w * omega / (a * a);
                h[3][3] += w * omega * c4 * c4;
                // ω(1 − ω)·d dᵀ, d = ∇u₂ − ∇u₁
                double[] d = {l1 - l2, rx * (1.0 / at - 1.0 / atx), c3, c4};
                double v = w * omega * om;
                for (int p = 0; p < 4; p++) {
                    for (int q = p; q < 4; q++) {
                        h[p][q] += v * d[p] * d[q];
                    }
                }
            }
        }
        double[][] out = new double[4][4];
        for (int p = 0; p < 4; p++) {
            for (int q = p; q < 4; q++) {
                out[p][q] = theta[p] * theta[q] * h[p][q] + (p == q ? theta[p] * g[p] : 0.0);
                out[q][p] = out[p][q];
            }
        }
        return out;
    }

    /**
     * The log-likelihood at {@code y} by the per-row formula of the first release (FHL 2005 eq. 6 with
     * the two terms combined in log space), row by row in the grouped order: the objective of the
     * Nelder–Mead fallback, which on data that barely identify the parameters must follow the same
     * path as before (its stopping rule reads differences of 1e-12 in this value).
     */
    double legacyValue(double[] y) {
        double r = Math.exp(y[0]);
        double alpha = Math.exp(y[1]);
        double a = Math.exp(y[2]);
        double b = Math.exp(y[3]);
        double lnBab = Beta.logBeta(a, b);
        double lnGr = Gamma.logGamma(r);
        double lnAlpha = Math.log(alpha);
        double sum = 0.0;
        for (int i = 0; i < rowX.length; i++) {
            long x = rowX[i];
            double lnA = Gamma.logGamma(r + x) - lnGr + r * lnAlpha;
            double term1 = Beta.logBeta(a, b + x) - lnBab - (r + x) * Math.log(alpha + t[i]);
            double ll;
            if (x == 0) {
                ll = lnA + term1;
            } else {
                double term2 = Beta.logBeta(a + 1, b + x - 1) - lnBab - (r + x) * Math.log(alpha + tx[i]);
                double m = Math.max(term1, term2);
                ll = lnA + m + Math.log(Math.exp(term1 - m) + Math.exp(term2 - m));
            }
            sum += weight[i] * ll;
        }
        return sum;
    }
}
