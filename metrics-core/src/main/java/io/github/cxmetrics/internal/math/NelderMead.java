package io.github.cxmetrics.internal.math;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder–Mead simplex method (Nelder &amp; Mead 1965, "A simplex
 * method for function minimization", <i>The Computer Journal</i> 7(4):308–313) with the standard
 * coefficients (reflection 1, expansion 2, contraction 1/2, shrink 1/2), restarted from the best
 * vertex with a fresh simplex until a restart no longer improves the minimum (the remedy for the
 * method's known stagnation, Lagarias et al. 1998, <i>SIAM J. Optim.</i> 9(1):112–147).
 *
 * <p>Convergence: the spread of function values over the simplex below {@code tolerance·(|f| + tiny)}
 * and its diameter below {@code tolerance·(|x| + tiny)}. Every run has a bounded number of
 * evaluations; when the budget runs out an {@link IllegalStateException} says so (callers, the model
 * fits, add the model's name). Non-finite function values are treated as {@code +∞} (outside the
 * feasible region).
 */
public final class NelderMead {

    private static final int MAX_RESTARTS = 20;

    private NelderMead() {
    }

    /**
     * Minimises {@code f} from {@code start}.
     *
     * @param f the objective
     * @param start the starting point
     * @param step the initial simplex edge along each axis
     * @param tolerance the relative convergence tolerance, e.g. {@code 1e-10}
     * @param maxEvaluations the evaluation budget over all restarts
     * @return the minimiser
     * @throws IllegalStateException if the budget is exhausted before convergence, or {@code f} is not
     *     finite at the start
     */
    public static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
            int maxEvaluations) {
        Objects.requireNonNull(f, "f");
        int[] budget = {maxEvaluations, maxEvaluations};
        double[] best = start.clone();
        double bestValue = eval(f, best, budget);
        if (!Double.isFinite(bestValue)) {
            throw new IllegalStateException("objective is not finite at the starting point " + Arrays.toString(start));
        }
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            double[] x = run(f, best, step, tolerance, budget);
            double value = eval(f, x, budget);
            boolean improved = value < bestValue - tolerance * (Math.abs(bestValue) + 1e-300);
            if (value <= bestValue) {
                best = x;
                bestValue = value;
            }
            if (!improved && restart > 0) {
                return best;
            }
        }
        return best;
    }

    private static double[] run(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
            int[] budget) {
        int n = start.length;
        double[][] p = new double[n + 1][];
        double[] y = new double[n + 1];
        p[0] = start.clone();
        y[0] = eval(f, p[0], budget);
        for (int i = 1; i <= n; i++) {
            p[i] = start.clone();
            p[i][i - 1] += step;
            y[i] = eval(f, p[i], budget);
        }
        while (true) {
            // order: p[0] best ... p[n] worst
            Integer[] idx = new Integer[n + 1];
            for (int i = 0; i <= n; i++) {
                idx[i] = i;
            }
            final double[] yy = y;
            Arrays.sort(idx, (a, b) -> Double.compare(yy[a], yy[b]));
            double[][] ps = new double[n + 1][];
            double[] ys = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                ps[i] = p[idx[i]];
                ys[i] = y[idx[i]];
            }
            p = ps;
            y = ys;
            if (converged(p, y, tolerance)) {
                return p[0];
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < n; k++) {
                    centroid[k] += p[i][k] / n;
                }
            }
            double[] reflected = along(centroid, p[n], -1.0);
            double yr = eval(f, reflected, budget);
            if (yr < y[0]) {
                double[] expanded = along(centroid, p[n], -2.0);
                double ye = eval(f, expanded, budget);
                if (ye < yr) {
                    p[n] = expanded;
                    y[n] = ye;
                } else {
                    p[n] = reflected;
                    y[n] = yr;
                }
            } else if (yr < y[n - 1]) {
                p[n] = reflected;
                y[n] = yr;
            } else {
                boolean outside = yr < y[n];
                double[] contracted = outside ? along(centroid, p[n], -0.5) : along(centroid, p[n], 0.5);
                double yc = eval(f, contracted, budget);
                if (yc < (outside ? yr : y[n])) {
                    p[n] = contracted;
                    y[n] = yc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int k = 0; k < n; k++) {
                            p[i][k] = p[0][k] + 0.5 * (p[i][k] - p[0][k]);
                        }
                        y[i] = eval(f, p[i], budget);
                    }
                }
            }
        }
    }

    /** {@code centroid + t·(worst − centroid)}. */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] out = new double[centroid.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = centroid[k] + t * (worst[k] - centroid[k]);
        }
        return out;
    }

    private static boolean converged(double[][] p, double[] y, double tolerance) {
        double fSpread = Math.abs(y[y.length - 1] - y[0]);
        if (fSpread > tolerance * (Math.abs(y[0]) + 1e-300)) {
            return false;
        }
        for (int i = 1; i < p.length; i++) {
            for (int k = 0; k < p[0].length; k++) {
                if (Math.abs(p[i][k] - p[0][k]) > tolerance * (Math.abs(p[0][k]) + 1e-8)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double eval(ToDoubleFunction<double[]> f, double[] x, int[] budget) {
        if (budget[0]-- <= 0) {
            throw new IllegalStateException("Nelder-Mead did not converge within its budget of " + budget[1]
                    + " evaluations");
        }
        double v = f.applyAsDouble(x);
        return Double.isNaN(v) || v == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : v;
    }
}
