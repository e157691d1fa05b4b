package io.github.cxmetrics.internal.math;

import java.util.function.ToDoubleFunction;

import java.util.Arrays;
import java.util.Objects;

/**
 * Minimisation of a smooth function with an analytic gradient by the BFGS quasi-Newton method with
 * simple box bounds {@code lower ≤ x ≤ upper} (Nocedal &amp; Wright, <i>Numerical Optimization</i>,
 * 2nd ed., Springer 2006: Algorithm 6.1 for BFGS, Algorithms 3.5 and 3.6 for the line search).
 *
 * <p><b>Algorithm.</b> The inverse-Hessian approximation {@code H} starts as the identity and is
 * rescaled after the first step by {@code sᵀy/yᵀy} (N&amp;W eq. 6.20); each accepted step
 * {@code s = x₊ − x}, {@code y = ∇f(x₊) − ∇f(x)} updates it by
 * {@code H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ}, {@code ρ = 1/yᵀs} (eq. 6.17), skipped when
 * {@code yᵀs ≤ 1e-12·|s||y|} (the curvature condition fails only on a bound). Bounds are handled
 * by an active set, the projected-gradient idea of N&amp;W §16.7 in its simplest form: a coordinate
 * at a bound whose gradient points out of the box is held fixed for the iteration (its component
 * of the gradient and of the direction is zero), the direction is {@code d = −H g} over the free
 * coordinates (still a descent direction, since a principal submatrix of a positive definite
 * {@code H} is positive definite), and the step length is capped where the first free coordinate
 * reaches its bound. The line search brackets and zooms (cubic interpolation, safeguarded to the
 * inner 80 % of the bracket) to a step satisfying the strong Wolfe conditions
 * {@code f(x + αd) ≤ f(x) + c₁α∇fᵀd} and {@code |∇f(x + αd)ᵀd| ≤ c₂|∇fᵀd|}, {@code c₁ = 1e-4},
 * {@code c₂ = 0.9}. Near the minimum the decrease {@code c₁α∇fᵀd} falls below the rounding error of
 * {@code f}; there the sufficient-decrease test is replaced by the approximate Wolfe conditions of
 * Hager &amp; Zhang (2005, <i>SIAM J. Optim.</i> 16(1):170–192): {@code f(x + αd) ≤ f(x) + ε|f(x)|}
 * and {@code (2c₁ − 1)∇fᵀd ≥ ∇f(x + αd)ᵀd}, {@code ε = 1e-11}. A non-finite value or gradient is
 * treated as a step too long (outside the domain), and the step is shortened.
 *
 * <p><b>Convergence</b> when the projected gradient satisfies
 * {@code max |gᵢ| ≤ tolerance·(1 + |f|)}. The search <em>fails</em> (the result says so and the
 * caller falls back to a derivative-free method) when the evaluation budget runs out, the function
 * or its gradient is not finite at the start, or a line search finds no acceptable step.
 */
public final class QuasiNewton {

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final double APPROXIMATE_EPSILON = 1e-11;
    private static final int MAX_LINE_SEARCH = 40;

    private QuasiNewton() {
    }

    /** A function with its gradient. */
    @FunctionalInterface
    public interface Objective {
        /**
         * The value at {@code x}, with the gradient written into {@code gradient}.
         *
         * @param x the point (not to be modified)
         * @param gradient receives {@code ∇f(x)}
         * @return {@code f(x)}; NaN or ±∞ outside the domain
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** The outcome of a search. */
    public static final class Result {
        private final double[] point;
        private final double value;
        private final double[] gradient;
        private final int evaluations;
        private final int iterations;
        private final String failure;

        Result(double[] point, double value, double[] gradient, int evaluations, int iterations, String failure) {
            this.point = point;
            this.value = value;
            this.gradient = gradient;
            this.evaluations = evaluations;
            this.iterations = iterations;
            this.failure = failure;
        }

        /**
         * The best point found.
         *
         * @return a copy of the point
         */
        public double[] point() {
            return point.clone();
        }

        /**
         * {@code f} at {@link #point()}.
         *
         * @return the value
         */
        public double value() {
            return value;
        }

        /**
         * {@code ∇f} at {@link #point()}.
         *
         * @return a copy of the gradient
         */
        public double[] gradient() {
            return gradient.clone();
        }

        /**
         * The number of function-and-gradient evaluations used.
         *
         * @return the count
         */
        public int evaluations() {
            return evaluations;
        }

        /**
         * The number of BFGS iterations (accepted steps).
         *
         * @return the count
         */
        public int iterations() {
            return iterations;
        }

        /**
         * Whether the convergence test was met.
         *
         * @return whether converged
         */
        public boolean converged() {
            return failure == null;
        }

        /**
         * Why the search failed, or null if it converged.
         *
         * @return the reason
         */
        public String failure() {
            return failure;
        }

        /**
         * The point to use when this search is to be replaced by Nelder–Mead if {@code fallBack}: then
         * Nelder–Mead's minimum of {@code f} from {@code start}, else {@link #point()}. A failing
         * Nelder–Mead becomes {@code IllegalStateException("<model> fit did not converge: <its
         * reason>")} with this search's failure attached as suppressed.
         *
         * @param fallBack whether to run Nelder–Mead instead of taking this point
         * @param model the model's name for the message, e.g. {@code "BG/NBD"}
         * @param f the objective Nelder–Mead minimises
         * @param start its start
         * @param step its initial simplex step
         * @param maxEvaluations its budget
         * @return the point
         * @throws IllegalStateException if Nelder–Mead runs and does not converge
         */
        public double[] orNelderMead(boolean fallBack, String model, ToDoubleFunction<double[]> f, double[] start,
                double step, int maxEvaluations) {
            if (!fallBack) {
                return point();
            }
            try {
                return NelderMead.minimize(f, start, step, 1e-12, maxEvaluations);
            } catch (IllegalStateException e) {
                IllegalStateException failure = new IllegalStateException(model + " fit did not converge: "
                        + e.getMessage(), e);
                failure.addSuppressed(new IllegalStateException("BFGS, tried first, failed: " + failure()));
                throw failure;
            }
        }

        /**
         * Writes {evaluations, iterations, 1 if Nelder–Mead was used} into the first three slots of a
         * fit's trace array, when there is one.
         *
         * @param trace the trace, or null
         * @param fellBack whether Nelder–Mead replaced this search
         */
        public void record(int[] trace, boolean fellBack) {
            if (trace != null) {
                trace[0] = evaluations;
                trace[1] = iterations;
                trace[2] = fellBack ? 1 : 0;
            }
        }
    }

    /**
     * Minimises {@code f} over the box from {@code start} (moved into the box first).
     *
     * @param f the objective with its gradient
     * @param start the starting point
     * @param lower the lower bounds ({@code -∞} allowed)
     * @param upper the upper bounds ({@code +∞} allowed), {@code >= lower}
     * @param tolerance the relative gradient tolerance, e.g. {@code 1e-11}
     * @param maxEvaluations the evaluation budget
     * @return the result; {@link Result#converged()} says whether the test was met
     * @throws IllegalArgumentException if the dimensions differ or a bound pair is out of order
     */
    public static Result minimize(Objective f, double[] start, double[] lower, double[] upper, double tolerance,
            int maxEvaluations) {
        return minimize(f, start, null, lower, upper, tolerance, maxEvaluations);
    }

    /**
     * Minimises {@code f} over the box from {@code start}, with a given initial inverse-Hessian
     * approximation (e.g. the inverse of the exact Hessian of a related problem, which makes the
     * first steps Newton-like); it is not rescaled after the first step.
     *
     * @param f the objective with its gradient
     * @param start the starting point
     * @param inverseHessian the initial {@code H}, symmetric positive definite; null for the identity
     * @param lower the lower bounds ({@code -∞} allowed)
     * @param upper the upper bounds ({@code +∞} allowed), {@code >= lower}
     * @param tolerance the relative gradient tolerance, e.g. {@code 1e-11}
     * @param maxEvaluations the evaluation budget
     * @return the result; {@link Result#converged()} says whether the test was met
     * @throws IllegalArgumentException if the dimensions differ or a bound pair is out of order
     */
    public static Result minimize(Objective f, double[] start, double[][] inverseHessian, double[] lower,
            double[] upper, double tolerance, int maxEvaluations) {
        Objects.requireNonNull(f, "f");
        int n = start.length;
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("start, lower and upper must have the same length");
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("lower[" + i + "] = " + lower[i] + " > upper[" + i + "] = "
                        + upper[i]);
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.min(Math.max(start[i], lower[i]), upper[i]);
        }
        double[] g = new double[n];
        int[] evaluations = {0};
        double fx = evaluate(f, x, g, evaluations);
        if (!Double.isFinite(fx) || !allFinite(g)) {
            return new Result(x, fx, g, evaluations[0], 0, "the objective or its gradient is not finite at the start "
                    + Arrays.toString(x));
        }
        double[][] h = identity(n);
        boolean scaled = false;
        if (inverseHessian != null) {
            if (inverseHessian.length != n) {
                throw new IllegalArgumentException("inverseHessian must be " + n + " × " + n);
            }
            for (int i = 0; i < n; i++) {
                h[i] = inverseHessian[i].clone();
                if (h[i].length != n) {
                    throw new IllegalArgumentException("inverseHessian must be " + n + " × " + n);
                }
            }
            scaled = true;
        }
        boolean[] fixed = new boolean[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        double[] hy = new double[n];
        for (int iteration = 0;; iteration++) {
            double pgNorm = 0.0;
            for (int i = 0; i < n; i++) {
                fixed[i] = x[i] <= lower[i] && g[i] > 0.0 || x[i] >= upper[i] && g[i] < 0.0;
                if (!fixed[i]) {
                    pgNorm = Math.max(pgNorm, Math.abs(g[i]));
                }
            }
            if (pgNorm <= tolerance * (1.0 + Math.abs(fx))) {
                return new Result(x, fx, g, evaluations[0], iteration, null);
            }
            if (evaluations[0] >= maxEvaluations) {
                return new Result(x, fx, g, evaluations[0], iteration, "the budget of " + maxEvaluations
                        + " evaluations ran out");
            }
            double slope = direction(h, g, fixed, x, lower, upper, d);
            if (!(slope < 0.0)) { // rounding made H indefinite: restart from steepest descent
                h = identity(n);
                scaled = false;
                slope = direction(h, g, fixed, x, lower, upper, d);
                if (!(slope < 0.0)) {
                    return new Result(x, fx, g, evaluations[0], iteration, "no descent direction at "
                            + Arrays.toString(x));
                }
            }
            double maxStep = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (d[i] < 0.0) {
                    maxStep = Math.min(maxStep, (lower[i] - x[i]) / d[i]);
                } else if (d[i] > 0.0) {
                    maxStep = Math.min(maxStep, (upper[i] - x[i]) / d[i]);
                }
            }
            double first = iteration == 0 && !scaled ? Math.min(1.0, 1.0 / pgNorm) : 1.0;
            double fNew = lineSearch(f, x, fx, slope, d, Math.min(first, maxStep), maxStep, lower, upper, xNew, gNew,
                    evaluations, maxEvaluations);
            if (Double.isNaN(fNew)) {
                return new Result(x, fx, g, evaluations[0], iteration, evaluations[0] >= maxEvaluations
                        ? "the budget of " + maxEvaluations + " evaluations ran out in a line search"
                        : "the line search found no acceptable step at " + Arrays.toString(x));
            }
            double sy = 0.0;
            double yy = 0.0;
            double ss = 0.0;
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
                ss += s[i] * s[i];
            }
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                if (!scaled) {
                    double scale = sy / yy;
                    for (int i = 0; i < n; i++) {
                        Arrays.fill(h[i], 0.0);
                        h[i][i] = scale;
                    }
                    scaled = true;
                }
                update(h, s, y, sy, hy);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
    }

    /** {@code d = −H g} over the free coordinates; returns {@code gᵀd}. */
    private static double direction(double[][] h, double[] g, boolean[] fixed, double[] x, double[] lower,
            double[] upper, double[] d) {
        int n = g.length;
        boolean changed = true;
        double slope = 0.0;
        for (int round = 0; changed && round <= n; round++) {
            changed = false;
            slope = 0.0;
            for (int i = 0; i < n; i++) {
                double v = 0.0;
                if (!fixed[i]) {
                    for (int j = 0; j < n; j++) {
                        if (!fixed[j]) {
                            v -= h[i][j] * g[j];
                        }
                    }
                }
                d[i] = v;
            }
            for (int i = 0; i < n; i++) {
                // a free coordinate on its bound that the direction would push out: hold it too
                if (!fixed[i] && (x[i] <= lower[i] && d[i] < 0.0 || x[i] >= upper[i] && d[i] > 0.0)) {
                    fixed[i] = true;
                    changed = true;
                }
            }
            if (!changed) {
                for (int i = 0; i < n; i++) {
                    slope += g[i] * d[i];
                }
            }
        }
        return changed ? Double.NaN : slope;
    }

    /** The BFGS update of the inverse Hessian (N&amp;W eq. 6.17), with {@code hy = H y} as scratch. */
    private static void update(double[][] h, double[] s, double[] y, double sy, double[] hy) {
        int n = s.length;
        double rho = 1.0 / sy;
        double yhy = 0.0;
        for (int i = 0; i < n; i++) {
            double v = 0.0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
            yhy += y[i] * v;
        }
        // H₊ = H − ρ(s·hyᵀ + hy·sᵀ) + (ρ²·yᵀHy + ρ)·s·sᵀ
        double c = rho * rho * yhy + rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + c * s[i] * s[j];
            }
        }
    }

    /**
     * A step along {@code d} satisfying the strong (or, near the minimum, approximate) Wolfe
     * conditions, written into {@code xNew}/{@code gNew}; returns the new value, or NaN when none is
     * found. Algorithm 3.5 of N&amp;W: grow the step until the bracket is found, then zoom.
     */
    private static double lineSearch(Objective f, double[] x, double f0, double slope0, double[] d, double start,
            double maxStep, double[] lower, double[] upper, double[] xNew, double[] gNew, int[] evaluations,
            int maxEvaluations) {
        int n = x.length;
        double[] gTry = new double[n];
        double[] xTry = new double[n];
        double prevStep = 0.0;
        double prevValue = f0;
        double prevSlope = slope0;
        double step = start;
        for (int k = 0; k < MAX_LINE_SEARCH; k++) {
            if (evaluations[0] >= maxEvaluations) {
                return Double.NaN;
            }
            double value = at(f, x, d, step, maxStep, lower, upper, xTry, gTry, evaluations);
            double slope = dot(gTry, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                return zoom(f, x, f0, slope0, d, prevStep, prevValue, prevSlope, step, Double.POSITIVE_INFINITY,
                        Double.NaN, maxStep, lower, upper, xNew, gNew, evaluations, maxEvaluations);
            }
            if (!decreases(f0, slope0, step, value, slope) || k > 0 && value >= prevValue) {
                return zoom(f, x, f0, slope0, d, prevStep, prevValue, prevSlope, step, value, slope, maxStep, lower,
                        upper, xNew, gNew, evaluations, maxEvaluations);
            }
            if (Math.abs(slope) <= -C2 * slope0) {
                System.arraycopy(xTry, 0, xNew, 0, n);
                System.arraycopy(gTry, 0, gNew, 0, n);
                return value;
            }
            if (slope >= 0.0) {
                return zoom(f, x, f0, slope0, d, step, value, slope, prevStep, prevValue, prevSlope, maxStep, lower,
                        upper, xNew, gNew, evaluations, maxEvaluations);
            }
            if (step >= maxStep) { // on the bound, still descending: take the bound
                System.arraycopy(xTry, 0, xNew, 0, n);
                System.arraycopy(gTry, 0, gNew, 0, n);
                return value;
            }
            prevStep = step;
            prevValue = value;
            prevSlope = slope;
            step = Math.min(step * 4.0, maxStep);
        }
        return Double.NaN;
    }

    /** Algorithm 3.6 of N&amp;W: {@code lo} satisfies sufficient decrease and has the lower value. */
    private static double zoom(Objective f, double[] x, double f0, double slope0, double[] d, double lo,
            double fLo, double sLo, double hi, double fHi, double sHi, double maxStep, double[] lower,
            double[] upper, double[] xNew, double[] gNew, int[] evaluations, int maxEvaluations) {
        int n = x.length;
        double[] gTry = new double[n];
        double[] xTry = new double[n];
        for (int k = 0; k < MAX_LINE_SEARCH; k++) {
            if (evaluations[0] >= maxEvaluations) {
                return Double.NaN;
            }
            double left = Math.min(lo, hi);
            double width = Math.abs(hi - lo);
            double step = cubic(lo, fLo, sLo, hi, fHi, sHi);
            if (!(step >= left + 0.1 * width && step <= left + 0.9 * width)) {
                step = 0.5 * (lo + hi);
            }
            if (step == lo || step == hi) {
                return Double.NaN;
            }
            double value = at(f, x, d, step, maxStep, lower, upper, xTry, gTry, evaluations);
            double slope = dot(gTry, d);
            if (!Double.isFinite(value) || !Double.isFinite(slope)) {
                hi = step;
                fHi = Double.POSITIVE_INFINITY;
                sHi = Double.NaN;
                continue;
            }
            if (!decreases(f0, slope0, step, value, slope) || value >= fLo) {
                hi = step;
                fHi = value;
                sHi = slope;
            } else {
                if (Math.abs(slope) <= -C2 * slope0) {
                    System.arraycopy(xTry, 0, xNew, 0, n);
                    System.arraycopy(gTry, 0, gNew, 0, n);
                    return value;
                }
                if (slope * (hi - lo) >= 0.0) {
                    hi = lo;
                    fHi = fLo;
                    sHi = sLo;
                }
                lo = step;
                fLo = value;
                sLo = slope;
            }
        }
        return Double.NaN;
    }

    /**
     * Sufficient decrease (Armijo), or its approximate form where the decrease is lost in the
     * rounding of {@code f}.
     */
    private static boolean decreases(double f0, double slope0, double step, double value, double slope) {
        if (value <= f0 + C1 * step * slope0) {
            return true;
        }
        return value <= f0 + APPROXIMATE_EPSILON * Math.abs(f0) && slope <= (2.0 * C1 - 1.0) * slope0;
    }

    /** The minimiser of the cubic through the two points with their slopes (N&amp;W eq. 3.59); NaN if none. */
    private static double cubic(double a, double fa, double sa, double b, double fb, double sb) {
        if (!Double.isFinite(fb) || !Double.isFinite(sb)) {
            return Double.NaN;
        }
        double d1 = sa + sb - 3.0 * (fa - fb) / (a - b);
        double disc = d1 * d1 - sa * sb;
        if (!(disc >= 0.0)) {
            return Double.NaN;
        }
        double d2 = Math.copySign(Math.sqrt(disc), b - a);
        return b - (b - a) * (sb + d2 - d1) / (sb - sa + 2.0 * d2);
    }

    private static double at(Objective f, double[] x, double[] d, double step, double maxStep, double[] lower,
            double[] upper, double[] xTry, double[] gTry, int[] evaluations) {
        for (int i = 0; i < x.length; i++) {
            double v = step >= maxStep && d[i] != 0.0 ? x[i] + maxStep * d[i] : x[i] + step * d[i];
            xTry[i] = Math.min(Math.max(v, lower[i]), upper[i]);
        }
        return evaluate(f, xTry, gTry, evaluations);
    }

    private static double evaluate(Objective f, double[] x, double[] g, int[] evaluations) {
        evaluations[0]++;
        double v = f.valueAndGradient(x, g);
        return Double.isNaN(v) || v == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : v;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1.0;
        }
        return h;
    }
}
