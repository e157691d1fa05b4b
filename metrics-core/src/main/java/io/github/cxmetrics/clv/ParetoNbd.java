package io.github.cxmetrics.clv;

import io.github.cxmetrics.internal.math.Gamma;
import io.github.cxmetrics.internal.math.Hypergeometric;
import io.github.cxmetrics.internal.math.KummerU;
import io.github.cxmetrics.internal.math.NelderMead;
import io.github.cxmetrics.internal.math.NumericalHessian;
import io.github.cxmetrics.internal.math.QuasiNewton;
import io.github.cxmetrics.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto/NBD model of repeat purchasing in a non-contractual setting (Schmittlein, Morrison &amp;
 * Colombo 1987, "Counting your customers: who are they and what will they do next?",
 * <i>Management Science</i> 33(1):1–24): while active, a customer buys as a Poisson process with
 * rate λ ~ Gamma(r, α); her unobserved lifetime is exponential with rate μ ~ Gamma(s, β). The
 * formulas are those of Fader &amp; Hardie (2005), "A note on deriving the Pareto/NBD model and
 * related expressions" (brucehardie.com note 009), with {@code x} repeat purchases, the last at
 * {@code tₓ}, observed over {@code (0, T]}:
 *
 * <pre>{@code
 * L(x, tₓ, T) = Γ(r + x) α^r β^s / Γ(r) · [ (α + T)^−(r+x) (β + T)^−s + s/(r + s + x) · A₀ ]
 * A₀ = ₂F₁(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + tₓ)) / (α + tₓ)^(r+s+x)
 *    − ₂F₁(r + s + x, s + 1; r + s + x + 1; (α − β)/(α + T)) / (α + T)^(r+s+x)          (α >= β)
 *   (α < β: exchange α and β and put r + x in place of s + 1)
 * E[X(t)] = r β / (α (s − 1)) · [1 − (β/(β + t))^(s−1)]
 * P(alive | x, tₓ, T) = 1 / (1 + s/(r + s + x) · (α + T)^(r+x) (β + T)^s · A₀)
 * E[Y(t) | x, tₓ, T] = P(alive) · (r + x)(β + T) / ((α + T)(s − 1))
 *                      · [1 − ((β + T)/(β + T + t))^(s−1)]
 * }</pre>
 * The factors {@code [1 − (β/(β + t))^(s−1)]/(s − 1)} are evaluated as
 * {@code −expm1(−(s − 1)·log1p(t/β))/(s − 1)}, continuous through {@code s = 1}, where they equal
 * {@code ln(1 + t/β)}. Times are in the unit of the summaries (CDNOW: weeks).
 *
 * <p><b>Log space.</b> Following CLVTools ({@code src/pnbd.cpp}), {@code A₀} is written as
 * {@code a₁·Ã} with {@code m = max(α, β)}, {@code a₁ = (m + tₓ)^−(r+s+x)} and
 * {@code Ã = ₂F₁(z₁) − ₂F₁(z₂)·((m + tₓ)/(m + T))^(r+s+x)}, and every power is taken as a logarithm
 * relative to {@code a₁}, so customers with hundreds of purchases (where {@code (β + tₓ)^(r+s+x)}
 * overflows and the plain formula gives NaN, CLVTools issue #100) are computed to full precision;
 * {@code ₂F₁} itself comes as a logarithm ({@link Hypergeometric#logF21AdjacentC}) with
 * {@code 1 − z = (min(α, β) + t)/(m + t)} passed in exactly, so z close to 1 (α ≫ β) keeps its
 * digits. When {@code α = β} both arguments are 0 and {@code Ã = 1 − ((α + tₓ)/(α + T))^(r+s+x)}
 * (the CLVTools special case), continuous with {@code α ≈ β}; when {@code tₓ = T}, {@code A₀ = 0}
 * and the term is dropped. The likelihood is a density in {@code tₓ}, so {@code ln L} can be
 * positive (e.g. 600 purchases in 156 weeks). Where ₂F₁ does not settle within its budget
 * (parameters of order 1e8 and beyond, far from any fitted estimate), the per-customer methods throw
 * {@code IllegalStateException} instead of returning an inaccurate number.
 *
 * <p><b>Fit.</b> The log-likelihood is maximised over the logs of (r, α, s, β) by BFGS
 * ({@code internal.math.QuasiNewton}, from {@code (1, 1, 1, 1)}) on the mean log-likelihood with a
 * central-difference gradient (step 1e-6, relative gradient tolerance 1e-9), falling back to
 * Nelder–Mead with restarts ({@code internal.math.NelderMead}, relative tolerance 1e-8) when BFGS
 * fails or leaves {@code |ln θ| <= 25}; the estimate is then polished by Newton steps on a
 * fourth-order central-difference gradient and a Richardson-extrapolated Hessian until a step is
 * below {@code 1e-5} in every log-parameter (the error left is of order its square). On CDNOW (1016
 * distinct rows) that is about 450 likelihood evaluations in all, the standard errors included.
 * Identical (x, tₓ, T) rows are grouped with weights and summed in sorted order, so the result
 * depends only on the multiset of summaries. Standard errors come from the observed information
 * (the same numerical Hessian in log space) by the delta method. On CDNOW the fit gives
 * r 0.5532755, α 10.577612, s 0.6062136, β 11.667911, LL −9594.9739298 (published: 0.553, 10.578,
 * 0.606, 11.669, LL −9595.0; an independent scipy Nelder–Mead agrees to 4e-8 relative).
 *
 * <p><b>Equality.</b> Two models are equal when their parameters, log-likelihoods and standard
 * errors are equal bit for bit; a model built with {@link #of} never equals a fitted one. Models
 * are immutable and safe to share between threads.
 *
 * @since 0.2.0
 */
public final class ParetoNbd implements PurchaseModel {

    private final double r;
    private final double alpha;
    private final double s;
    private final double beta;
    private final double logLikelihood;
    private final double[] standardErrors; // null when not fitted or the Hessian is singular

    private static final int CHUNK = 4096;
    /** Box of the log-parameters for BFGS. */
    private static final double[] LOWER = {-30.0, -30.0, -30.0, -30.0};
    private static final double[] UPPER = {30.0, 30.0, 30.0, 30.0};
    /**
     * Relative gradient tolerance of BFGS on the mean log-likelihood: the central differences
     * (step 1e-6) are accurate to about 1e-10 there.
     */
    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final int MAX_EVALUATIONS = 500;
    private static final double[] ORIGIN = {0.0, 0.0, 0.0, 0.0};

    private ParetoNbd(double r, double alpha, double s, double beta, double logLikelihood, double[] se) {
        this.r = r;
        this.alpha = alpha;
        this.s = s;
        this.beta = beta;
        this.logLikelihood = logLikelihood;
        this.standardErrors = se;
    }

    /**
     * A model with given parameters.
     *
     * @param r shape of the purchase-rate Gamma, {@code > 0}
     * @param alpha scale of the purchase-rate Gamma (time unit), {@code > 0}
     * @param s shape of the dropout-rate Gamma, {@code > 0}
     * @param beta scale of the dropout-rate Gamma (time unit), {@code > 0}
     * @return the model
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    public static ParetoNbd of(double r, double alpha, double s, double beta) {
        check("r", r);
        check("alpha", alpha);
        check("s", s);
        check("beta", beta);
        return new ParetoNbd(r, alpha, s, beta, Double.NaN, null);
    }

    /**
     * Fits the model by maximum likelihood (see the class comment). Any order of {@code customers}
     * gives a bit-identical model.
     *
     * @param customers the summaries (frequency, recency, age), all in the same time unit
     * @return the fitted model
     * @throws NullPointerException if {@code customers} or an element is null
     * @throws IllegalArgumentException if {@code customers} is empty
     * @throws IllegalStateException if the data cannot identify the parameters (every age is 0, or
     *     no customer has a repeat purchase) or the fit does not converge to finite parameters
     */
    public static ParetoNbd fit(Collection<RfmSummary> customers) {
        return fit(customers, null, true);
    }

    /**
     * {@link #fit(Collection)} with each likelihood evaluation split into chunks of 4096 distinct
     * rows that run on {@code pool}. The chunks' partial sums are combined in a fixed order, the
     * same as in the sequential fit, so the model is bit-identical to {@code fit(customers)}.
     *
     * @param customers the summaries (frequency, recency, age), all in the same time unit
     * @param pool the pool the sums run on
     * @return the fitted model
     * @throws NullPointerException if {@code customers}, an element or {@code pool} is null
     * @throws IllegalArgumentException if {@code customers} is empty
     * @throws IllegalStateException as {@link #fit(Collection)}
     */
    public static ParetoNbd fit(Collection<RfmSummary> customers, ForkJoinPool pool) {
        Objects.requireNonNull(pool, "pool");
        return fit(customers, pool, true);
    }

    /** The fit, with BFGS first or (for tests of the fallback) Nelder–Mead alone. */
    static ParetoNbd fit(Collection<RfmSummary> customers, ForkJoinPool pool, boolean bfgsFirst) {
        Objects.requireNonNull(customers, "customers");
        if (customers.isEmpty()) {
            throw new IllegalArgumentException("cannot fit Pareto/NBD to an empty set of customers");
        }
        RfmSummary.Grouped data = RfmSummary.group(customers);
        boolean anyAge = false;
        boolean anyRepeat = false;
        double total = 0.0;
        for (int i = 0; i < data.size(); i++) {
            anyAge |= data.t[i] > 0.0;
            anyRepeat |= data.x[i] > 0;
            total += data.weight[i];
        }
        if (!anyAge) {
            throw new IllegalStateException("cannot fit Pareto/NBD: every customer's age is 0, so the data carry "
                    + "no information about purchasing or dropout");
        }
        if (!anyRepeat) {
            throw new IllegalStateException("cannot fit Pareto/NBD: no customer has a repeat purchase, so the "
                    + "likelihood has no maximum");
        }
        double weight = total;
        // where ₂F₁ does not settle (parameters beyond about 1e8, far from any estimate) the point is
        // treated as outside the domain
        ToDoubleFunction<double[]> ll = y -> {
            try {
                return sum(data, pool, Math.exp(y[0]), Math.exp(y[1]), Math.exp(y[2]), Math.exp(y[3]));
            } catch (IllegalStateException e) {
                return Double.NaN;
            }
        };
        ToDoubleFunction<double[]> objective = y -> {
            double v = -ll.applyAsDouble(y) / weight;
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        };
        // BFGS on a central-difference gradient of the mean log-likelihood; Nelder–Mead and Newton
        // steps when it fails (budget, a non-finite start, no acceptable step) or leaves |ln θ| <= 25
        QuasiNewton.Result bfgs = !bfgsFirst ? null : QuasiNewton.minimize((y, g) -> {
            double v = objective.applyAsDouble(y);
            double[] p = y.clone();
            for (int i = 0; i < y.length; i++) {
                double h = 1e-6;
                p[i] = y[i] + h;
                double up = objective.applyAsDouble(p);
                p[i] = y[i] - h;
                double down = objective.applyAsDouble(p);
                p[i] = y[i];
                g[i] = (up - down) / (2 * h);
            }
            return v;
        }, ORIGIN, LOWER, UPPER, GRADIENT_TOLERANCE, MAX_EVALUATIONS);
        double[] best;
        if (bfgs != null && bfgs.converged() && within(bfgs.point())) {
            best = bfgs.point();
        } else {
            try {
                best = NelderMead.minimize(objective, ORIGIN, 1.0, 1e-8, 100_000);
            } catch (IllegalStateException e) {
                IllegalStateException failure = new IllegalStateException("Pareto/NBD fit did not converge: "
                        + e.getMessage(), e);
                if (bfgs != null) {
                    failure.addSuppressed(new IllegalStateException("BFGS, tried first, failed: " + bfgs.failure()));
                }
                throw failure;
            }
        }
        best = polish(ll, best);
        double value = ll.applyAsDouble(best);
        if (!Double.isFinite(value) || !within(best)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Pareto/NBD fit did not converge to finite "
                    + "parameters: the estimate runs off to r=%.4g, alpha=%.4g, s=%.4g, beta=%.4g (log-likelihood "
                    + "%s); the data carry too little information to identify them", Math.exp(best[0]),
                    Math.exp(best[1]), Math.exp(best[2]), Math.exp(best[3]), value));
        }
        double[] se = NumericalHessian.logScaleStandardErrors(ll, best);
        return new ParetoNbd(Math.exp(best[0]), Math.exp(best[1]), Math.exp(best[2]), Math.exp(best[3]), value, se);
    }

    /**
     * Newton steps {@code y ← y + (−H)⁻¹ ∇ℓ} from the Nelder–Mead estimate, the gradient by the
     * fourth-order central difference with step 1e-3 and the Hessian Richardson-extrapolated; a step
     * is taken only while it does not lower ℓ, at most 20 times, until a step has every component
     * below 1e-5 (the error left after it is of order its square).
     */
    private static double[] polish(ToDoubleFunction<double[]> ll, double[] start) {
        double[] y = start.clone();
        double value = ll.applyAsDouble(y);
        double[] steps = new double[y.length];
        Arrays.fill(steps, 0.1);
        for (int iteration = 0; iteration < 20 && within(y); iteration++) {
            double[] g = gradient(ll, y);
            double[][] cov = NumericalHessian.inverseOfNegative(NumericalHessian.of(ll, y, steps));
            if (cov == null) {
                return y;
            }
            double[] next = y.clone();
            double largest = 0.0;
            for (int i = 0; i < y.length; i++) {
                double d = 0.0;
                for (int j = 0; j < y.length; j++) {
                    d += cov[i][j] * g[j];
                }
                next[i] += d;
                largest = Math.max(largest, Math.abs(d));
            }
            double nextValue = ll.applyAsDouble(next);
            if (!(nextValue >= value - 1e-12 * Math.abs(value))) {
                return y;
            }
            y = next;
            value = nextValue;
            if (largest <= 1e-5) { // Newton converges quadratically: what is left is of order 1e-10
                return y;
            }
        }
        return y;
    }

    /** {@code ∂ℓ/∂yᵢ ≈ (−f(+2h) + 8 f(+h) − 8 f(−h) + f(−2h))/(12 h)}, {@code h = 1e-3}. */
    private static double[] gradient(ToDoubleFunction<double[]> f, double[] y) {
        double h = 1e-3;
        double[] g = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double[] p = y.clone();
            p[i] = y[i] + 2 * h;
            double f2 = f.applyAsDouble(p);
            p[i] = y[i] + h;
            double f1 = f.applyAsDouble(p);
            p[i] = y[i] - h;
            double m1 = f.applyAsDouble(p);
            p[i] = y[i] - 2 * h;
            double m2 = f.applyAsDouble(p);
            g[i] = (-f2 + 8 * f1 - 8 * m1 + m2) / (12 * h);
        }
        return g;
    }

    /** Whether every log-parameter is within ±25 (parameters between 1.4e-11 and 7.2e10). */
    private static boolean within(double[] y) {
        for (double v : y) {
            if (!(Math.abs(v) <= 25)) {
                return false;
            }
        }
        return true;
    }

    /** {@code Σ wᵢ ln Lᵢ} over the grouped rows, in chunks of {@link #CHUNK} combined in order. */
    private static double sum(RfmSummary.Grouped data, ForkJoinPool pool, double r, double alpha, double s,
            double beta) {
        int n = data.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        double[] partial = new double[chunks];
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                partial[c] = chunk(data, c * CHUNK, Math.min(n, (c + 1) * CHUNK), r, alpha, s, beta);
            }
        } else {
            List<ForkJoinTask<?>> tasks = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = c * CHUNK;
                int to = Math.min(n, from + CHUNK);
                int index = c;
                tasks.add(pool.submit(() -> {
                    partial[index] = chunk(data, from, to, r, alpha, s, beta);
                }));
            }
            for (ForkJoinTask<?> task : tasks) {
                task.join();
            }
        }
        double total = 0.0;
        for (double p : partial) {
            total += p;
        }
        return total;
    }

    /** {@code Σ wᵢ ln Lᵢ} over rows {@code [from, to)} with Neumaier's compensated summation. */
    private static double chunk(RfmSummary.Grouped data, int from, int to, double r, double alpha, double s,
            double beta) {
        double lnGr = Gamma.logGamma(r);
        double head = r * Math.log(alpha) + s * Math.log(beta) - lnGr;
        long lastX = -1;
        double lnGrx = 0.0;
        double sum = 0.0;
        double carry = 0.0;
        for (int i = from; i < to; i++) {
            long x = data.x[i];
            if (x != lastX) {
                lnGrx = Gamma.logGamma(r + x);
                lastX = x;
            }
            double term = data.weight[i] * (head + lnGrx + logBracket(r, alpha, s, beta, x, data.tx[i], data.t[i]));
            double next = sum + term;
            carry += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
        }
        return sum + carry;
    }

    /**
     * The parts of the likelihood relative to {@code a₁ = (m + tₓ)^−(r+s+x)}, {@code m = max(α, β)}:
     * {@code u = ln((α + T)^−(r+x) (β + T)^−s / a₁)} and {@code ln(s/(r + s + x)·Ã)} (−∞ when
     * {@code tₓ = T}).
     */
    private static double[] parts(double r, double alpha, double s, double beta, long x, double tx, double t) {
        double m = Math.max(alpha, beta);
        double mt = m + tx;
        double u = -(r + x) * Math.log1p((alpha + t - mt) / mt) - s * Math.log1p((beta + t - mt) / mt);
        double lnC = Math.log(s) - Math.log(r + s + x);
        double lnTilde;
        if (tx == t) {
            lnTilde = Double.NEGATIVE_INFINITY;
        } else {
            double a = r + s + x;
            double b = alpha >= beta ? s + 1.0 : r + x;
            double lnF1 = logF21(a, b, alpha, beta, tx);
            double lnF2 = logF21(a, b, alpha, beta, t);
            double d = lnF2 - lnF1 - a * Math.log1p((t - tx) / mt); // ln(F₂/F₁ · ((m + tₓ)/(m + T))^a)
            lnTilde = d < 0.0 ? lnF1 + Math.log(-Math.expm1(d)) : Double.NEGATIVE_INFINITY;
        }
        return new double[] {u, lnC + lnTilde};
    }

    /** {@code ln ₂F₁(a, b; a + 1; |α − β|/(m + t))} with {@code 1 − z = (min(α, β) + t)/(m + t)}. */
    private static double logF21(double a, double b, double alpha, double beta, double t) {
        if (alpha == beta) {
            return 0.0;
        }
        double m = Math.max(alpha, beta);
        double lo = Math.min(alpha, beta);
        return Hypergeometric.logF21AdjacentC(a, b, (m - lo) / (m + t), (lo + t) / (m + t));
    }

    /** {@code ln L − ln(Γ(r + x) α^r β^s/Γ(r))}: the log of the bracket of L. */
    private static double logBracket(double r, double alpha, double s, double beta, long x, double tx, double t) {
        double[] p = parts(r, alpha, s, beta, x, tx, t);
        double lnA1 = -(r + s + x) * Math.log(Math.max(alpha, beta) + tx);
        return lnA1 + logAdd(p[0], p[1]);
    }

    /** {@code ln(e^x + e^y)}, with {@code y} possibly −∞. */
    private static double logAdd(double x, double y) {
        return x >= y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
    }

    /** {@code [1 − (c/(c + t))^(s−1)]/(s − 1)}, continuous through s = 1 (where it is ln(1 + t/c)). */
    private static double growth(double s, double c, double t) {
        double l = Math.log1p(t / c);
        return s == 1.0 ? l : -Math.expm1(-(s - 1.0) * l) / (s - 1.0);
    }

    /**
     * The shape r of the purchase-rate distribution.
     *
     * @return r
     */
    public double r() {
        return r;
    }

    /**
     * The scale α of the purchase-rate distribution, in the time unit.
     *
     * @return α
     */
    public double alpha() {
        return alpha;
    }

    /**
     * The shape s of the dropout-rate distribution.
     *
     * @return s
     */
    public double s() {
        return s;
    }

    /**
     * The scale β of the dropout-rate distribution, in the time unit.
     *
     * @return β
     */
    public double beta() {
        return beta;
    }

    /**
     * {@code "Pareto/NBD"}.
     *
     * @return the name
     */
    @Override
    public String name() {
        return "Pareto/NBD";
    }

    /**
     * The parameter names: {@code r, alpha, s, beta}.
     *
     * @return the names, in the order of {@link #parameters()} and {@link #standardErrors()}
     * @since 0.2.0
     */
    @Override
    public java.util.List<String> parameterNames() {
        return java.util.List.of("r", "alpha", "s", "beta");
    }

    /**
     * The parameter values {@code {r, alpha, s, beta}}.
     *
     * @return a new array
     * @since 0.2.0
     */
    @Override
    public double[] parameters() {
        return new double[] {r, alpha, s, beta};
    }

    /**
     * Four: r, α, s, β.
     *
     * @return 4
     */
    @Override
    public int parameterCount() {
        return 4;
    }

    /**
     * The maximised log-likelihood (L summed over the customers in logs) of a fitted model.
     *
     * @return the log-likelihood, finite
     * @throws IllegalStateException if the model was built with {@link #of}: it has none
     */
    @Override
    public double logLikelihood() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("a Pareto/NBD model built with of(r, alpha, s, beta) was not fitted: "
                    + "it has no log-likelihood");
        }
        return logLikelihood;
    }

    /**
     * The log-likelihood of one customer (L of the class comment, in log space as the class comment describes).
     * Since {@code L} is a density in {@code tₓ}, the value can be positive for customers who buy
     * often (e.g. {@code +181.64} for 600 purchases in 156 weeks at r 0.55, α 10.58, s 0.61,
     * β 11.67); it is finite for every valid summary.
     *
     * @param customer the summary
     * @return {@code ln L}
     * @throws NullPointerException if {@code customer} is null
     */
    @Override
    public double logLikelihood(RfmSummary customer) {
        Objects.requireNonNull(customer, "customer");
        long x = customer.frequency();
        return Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta)
                + logBracket(r, alpha, s, beta, x, customer.recency(), customer.age());
    }

    /**
     * Standard errors of (r, α, s, β) from the observed information:
     * {@code se(θᵢ) = θᵢ·√((−H)⁻¹)ᵢᵢ}, {@code H} the Hessian of the log-likelihood in {@code ln θ}
     * (Richardson-extrapolated central differences), by the delta method. On CDNOW: r 0.04763,
     * α 0.8427, s 0.1873, β 6.211 (CLVTools prints 0.0476, 0.8427, 0.1873, 6.2105).
     *
     * @return a new array {r, α, s, β}, each finite and {@code > 0}
     * @throws IllegalStateException if the model was not fitted, or the Hessian at the estimate is
     *     singular or not negative definite
     */
    @Override
    public double[] standardErrors() {
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalStateException("standard errors exist only for a fitted Pareto/NBD model");
        }
        if (standardErrors == null) {
            throw new IllegalStateException("Pareto/NBD standard errors are undefined: the Hessian of the "
                    + "log-likelihood is singular or not negative definite at the estimate " + this);
        }
        return standardErrors.clone();
    }

    /**
     * r with its standard error ({@code standardErrors()[0]}) as a normal-theory {@link Estimate}.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate rEstimate() {
        return Estimate.normal(r, standardErrors()[0]);
    }

    /**
     * α with its standard error ({@code standardErrors()[1]}) as a normal-theory {@link Estimate}.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate alphaEstimate() {
        return Estimate.normal(alpha, standardErrors()[1]);
    }

    /**
     * s with its standard error ({@code standardErrors()[2]}) as a normal-theory {@link Estimate}.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate sEstimate() {
        return Estimate.normal(s, standardErrors()[2]);
    }

    /**
     * β with its standard error ({@code standardErrors()[3]}) as a normal-theory {@link Estimate}.
     *
     * @return the estimate
     * @throws IllegalStateException as {@link #standardErrors()}
     */
    public Estimate betaEstimate() {
        return Estimate.normal(beta, standardErrors()[3]);
    }

    /**
     * The expected number of repeat purchases of a new customer in {@code (0, t]} (Fader &amp; Hardie 2005, note 009):
     *
     * <pre>{@code
     * E[X(t)] = r β / (α (s − 1)) · [1 − (β/(β + t))^(s−1)]     (s = 1: r β/α · ln(1 + t/β))
     * }</pre>
     *
     * @param t the time, {@code >= 0}
     * @return {@code E[X(t)]}, {@code >= 0}
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    @Override
    public double expectedPurchases(double t) {
        checkTime("t", t);
        return r * beta / alpha * growth(s, beta, t);
    }

    /**
     * The expected number of repeat purchases in {@code (T, T + t]} of a customer with history
     * (x, tₓ, T) (Fader &amp; Hardie 2005, note 009):
     *
     * <pre>{@code
     * E[Y(t) | x, tₓ, T] = P(alive) · (r + x)(β + T) / ((α + T)(s − 1)) · [1 − ((β + T)/(β + T + t))^(s−1)]
     * }</pre>
     *
     * @param t the length of the period, {@code >= 0}
     * @param customer the customer's summary
     * @return the conditional expectation, {@code >= 0}
     * @throws NullPointerException if {@code customer} is null
     * @throws IllegalArgumentException if {@code t} is negative or not finite
     */
    @Override
    public double conditionalExpectedPurchases(double t, RfmSummary customer) {
        Objects.requireNonNull(customer, "customer");
        checkTime("t", t);
        double age = customer.age();
        return probabilityAlive(customer) * (r + customer.frequency()) * (beta + age) / (alpha + age)
                * growth(s, beta + age, t);
    }

    /**
     * {@link #probabilityAlive(long, double, double)} of the customer's summary.
     *
     * @param customer the customer's summary
     * @return {@code P(alive | x, tₓ, T)}, in [0, 1]
     * @throws NullPointerException if {@code customer} is null
     */
    @Override
    public double probabilityAlive(RfmSummary customer) {
        Objects.requireNonNull(customer, "customer");
        return probabilityAlive(customer.frequency(), customer.recency(), customer.age());
    }

    /**
     * The probability that a customer with history (x, tₓ, T) is still active at T (Fader &amp; Hardie 2005, note 009):
     *
     * <pre>{@code
     * P(alive | x, tₓ, T) = 1 / (1 + s/(r + s + x) · (α + T)^(r+x) (β + T)^s · A₀)
     * }</pre>
     * computed as {@code 1/(1 + e^(ln(s/(r+s+x)·Ã) − u))} with the log-space parts of the class
     * comment, which never overflow; exactly 1 when {@code tₓ = T} (the last purchase is at the end).
     *
     * @param x repeat purchases
     * @param tx recency
     * @param age T
     * @return {@code P(alive)}, in [0, 1]
     * @throws IllegalArgumentException if the history is invalid (as {@link RfmSummary#of(long, double,
     *     double)})
     */
    public double probabilityAlive(long x, double tx, double age) {
        RfmSummary.of(x, tx, age);
        double[] p = parts(r, alpha, s, beta, x, tx, age);
        return 1.0 / (1.0 + Math.exp(p[1] - p[0]));
    }

    /**
     * The probability of exactly {@code n} repeat purchases in {@code (0, t]} for a new customer:
     * conditioning on the lifetime τ ~ Exp(μ) (alive throughout, or dead at τ &lt; t) and mixing
     * over λ ~ Gamma(r, α), μ ~ Gamma(s, β), the model's assumptions (SMC 1987; Fader &amp; Hardie,
     * "Deriving an expression for P(X(t) = x) under the Pareto/NBD model", note 012, write the
     * integral in closed form with ₂F₁):
     *
     * <pre>{@code
     * P(X(t) = n) = NB(n; r, t) · (β/(β + t))^s + ∫_0^t s β^s/(β + τ)^(s+1) · NB(n; r, τ) dτ,
     * NB(n; r, τ) = Γ(r + n)/(Γ(r) n!) · (α/(α + τ))^r (τ/(α + τ))^n
     * }</pre>
     * The integral of this smooth positive function is computed by 16-point Gauss–Legendre on 4, 8,
     * 16, … equal panels until two successive values agree to {@code 1e-14} relative (or both
     * underflow).
     *
     * @param n the number of purchases, {@code >= 0}
     * @param t the time, {@code > 0}
     * @return {@code P(X(t) = n)}, in [0, 1]
     * @throws IllegalArgumentException if {@code n} is negative or {@code t} not positive and finite
     */
    @Override
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (!(t > 0.0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("t must be finite and > 0, was " + t);
        }
        double lnNbHead = Gamma.logGamma(r + n) - Gamma.logGamma(r) - Gamma.logGamma(n + 1.0);
        double alive = Math.exp(lnNb(lnNbHead, n, t) - s * Math.log1p(t / beta));
        double lnSb = Math.log(s) + s * Math.log(beta);
        DoubleUnaryOperator g = tau -> Math.exp(lnSb - (s + 1.0) * Math.log(beta + tau) + lnNb(lnNbHead, n, tau));
        double previous = GaussLegendre.integrate(g, t, 4);
        for (int panels = 8; panels <= 1 << 16; panels *= 2) {
            double next = GaussLegendre.integrate(g, t, panels);
            if (Math.abs(next - previous) <= 1e-14 * next + Double.MIN_NORMAL) { // or both underflow
                return Math.min(1.0, alive + next);
            }
            previous = next;
        }
        throw new IllegalStateException("P(X(t) = " + n + ") at t = " + t + " did not converge for " + this);
    }

    /** {@code ln NB(n; r, τ)} for τ > 0. */
    private double lnNb(double head, int n, double tau) {
        double lnU = Math.log(tau) - Math.log(alpha); // ln(τ/α)
        double lnW = -Math.log1p(tau / alpha); // ln(α/(α + τ))
        return head + r * lnW + (n == 0 ? 0.0 : n * (lnU + lnW));
    }

    /**
     * The discounted expected residual transactions of a customer with history (x, tₓ, T), for a
     * continuous discount rate δ per time unit (Fader, Hardie &amp; Lee 2005, "RFM and CLV: using
     * iso-value curves for customer base analysis", <i>Journal of Marketing Research</i>
     * 42(4):415–430):
     *
     * <pre>{@code
     * DERT(δ | x, tₓ, T) = ∫_T^∞ e^(−δ(t − T)) · (rate of purchasing at t | alive at T) dt
     *                    = α^r β^s δ^(s−1) Γ(r + x + 1) U(s, s; δ(β + T)) / (Γ(r) (α + T)^(r+x+1) L(x, tₓ, T))
     * }</pre>
     * in purchases; U is Kummer's confluent hypergeometric function of the second kind,
     * {@code U(s, s; y) = e^y Γ(1 − s, y)} ({@code internal.math.KummerU}). The same formula is
     * CLVTools' {@code pnbd_DERT_ind}. An annual rate of 15 % on weekly data is
     * {@code δ = ln(1.15)/52}. Multiplied by a spend per purchase (e.g. Gamma–Gamma's conditional
     * mean) it is the residual customer value.
     *
     * @param continuousDiscountRate δ, finite and {@code > 0}, per time unit
     * @param customer the customer's summary
     * @return DERT, {@code >= 0}
     * @throws NullPointerException if {@code customer} is null
     * @throws IllegalArgumentException if {@code continuousDiscountRate} is not finite and positive
     */
    public double discountedExpectedResidualTransactions(double continuousDiscountRate, RfmSummary customer) {
        Objects.requireNonNull(customer, "customer");
        double d = continuousDiscountRate;
        if (!(d > 0.0 && d < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("continuousDiscountRate must be finite and > 0, was " + d);
        }
        long x = customer.frequency();
        double tx = customer.recency();
        double age = customer.age();
        double[] p = parts(r, alpha, s, beta, x, tx, age);
        double mt = Math.max(alpha, beta) + tx;
        // −(r + x + 1)·ln(α + T) − ln a₁, with a₁ = (m + tₓ)^−(r+s+x), without cancellation
        double powers = -(r + x) * Math.log1p((alpha + age - mt) / mt) + s * Math.log(mt) - Math.log(alpha + age);
        double ln = Math.log(r + x) + (s - 1.0) * Math.log(d) + powers - logAdd(p[0], p[1])
                + KummerU.logOfEqualParameters(s, d * (beta + age));
        return Math.exp(ln);
    }

    private static void check(String name, double v) {
        if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + v);
        }
    }

    private static void checkTime(String name, double t) {
        if (!(t >= 0.0 && t < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + t);
        }
    }

    /** 16-point Gauss–Legendre on equal panels of {@code [0, t]}. */
    private static final class GaussLegendre {
        private static final int N = 16;
        private static final double[] NODES = new double[N];
        private static final double[] WEIGHTS = new double[N];

        static {
            // the roots of P₁₆ by Newton's method from Chebyshev guesses (Abramowitz & Stegun 25.4.29)
            for (int i = 0; i < N; i++) {
                double x = Math.cos(Math.PI * (i + 0.75) / (N + 0.5));
                double dp = 0.0;
                for (int iteration = 0; iteration < 100; iteration++) {
                    double p0 = 1.0;
                    double p1 = x;
                    for (int k = 2; k <= N; k++) {
                        double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                        p0 = p1;
                        p1 = p2;
                    }
                    dp = N * (x * p1 - p0) / (x * x - 1.0);
                    double dx = p1 / dp;
                    x -= dx;
                    if (Math.abs(dx) <= 1e-16) {
                        break;
                    }
                }
                NODES[i] = x;
                WEIGHTS[i] = 2.0 / ((1.0 - x * x) * dp * dp);
            }
        }

        private GaussLegendre() {
        }

        static double integrate(DoubleUnaryOperator f, double t, int panels) {
            double h = t / panels;
            double sum = 0.0;
            for (int p = 0; p < panels; p++) {
                double mid = (p + 0.5) * h;
                double part = 0.0;
                for (int i = 0; i < N; i++) {
                    part += WEIGHTS[i] * f.applyAsDouble(mid + 0.5 * h * NODES[i]);
                }
                sum += 0.5 * h * part;
            }
            return sum;
        }
    }

    /**
     * Equal when the other is a {@code ParetoNbd} with bit-identical parameters, log-likelihood and
     * standard errors.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParetoNbd)) {
            return false;
        }
        ParetoNbd m = (ParetoNbd) o;
        return Double.compare(r, m.r) == 0 && Double.compare(alpha, m.alpha) == 0 && Double.compare(s, m.s) == 0
                && Double.compare(beta, m.beta) == 0 && Double.compare(logLikelihood, m.logLikelihood) == 0
                && Arrays.equals(standardErrors, m.standardErrors);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Objects.hash(r, alpha, s, beta, logLikelihood) + Arrays.hashCode(standardErrors);
    }

    /**
     * A readable summary, e.g. {@code ParetoNbd[r=0.553276, alpha=10.5776, s=0.606214, beta=11.6679,
     * logLikelihood=-9594.97]} (without the log-likelihood for a model built with {@link #of}).
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ParetoNbd[r=%.6g, alpha=%.6g, s=%.6g, beta=%.6g%s]", r, alpha, s, beta,
                Double.isNaN(logLikelihood) ? "" : String.format(Locale.ROOT, ", logLikelihood=%.6g", logLikelihood));
    }
}
