package io.github.cxmetrics.internal.math;

/**
 * The mean {@code E[g(p)]} of a positive function {@code g} over a Beta(a, b) distribution, for
 * functions that are monotone in {@code p} and tend to finite limits at both ends, computed in log
 * space:
 *
 * <pre>{@code
 * E[g(p)] = ∫ g(σ(x)) σ(x)^a σ(−x)^b dx / ∫ σ(x)^a σ(−x)^b dx,    σ(x) = 1/(1 + e^(−x)),  p = σ(x)
 * }</pre>
 *
 * <p><b>Method.</b> In the logit variable {@code x} the weight {@code σ(x)^a σ(−x)^b} is smooth,
 * log-concave and decays like {@code e^(a·x)} on the left and {@code e^(−b·x)} on the right, so the
 * trapezoid rule on the whole line converges geometrically in the number of nodes (the integrands
 * here are analytic in the strip {@code |Im x| < π}). Both integrals use the same nodes
 * {@code x_k = ln(a/b) + k·h} with positive weights, so the result is a weighted average of values of
 * {@code g}: it always lies between the two limits of {@code g}, without cancellation. Beyond the
 * points where {@code g} and the weight have reached their asymptotic forms (relative deviation below
 * {@code 1e-17}) the remaining nodes form a geometric series, summed in closed form; where the weight
 * has fallen below {@code e^(−46)} of its maximum (and {@code g}'s range cannot make up for it) the
 * sum stops. The step starts at {@code min(0.5, 0.5/√κ)}, {@code κ} the curvature of the log-weight
 * at its mode, and is halved (reusing all nodes) until two successive sums agree to
 * {@value #TOLERANCE} relative; by the geometric convergence the last sum is then accurate to
 * rounding. Sums are compensated (Neumaier).
 *
 * <p><b>Accuracy.</b> Against mpmath at 50 digits (see the tests of the callers) the relative error
 * stays below {@code 1e-13} for the BG/NBD and sBG quantities computed with it. Cost: a few hundred
 * to a few thousand evaluations of {@code ln g}. If the step would have to shrink beyond
 * {@value #MAX_LEVELS} halvings or the node count beyond {@value #MAX_NODES}, the result is NaN and
 * the caller reports it.
 */
public final class BetaExpectation {

    /** Relative agreement of two successive trapezoid sums that ends the halving. */
    static final double TOLERANCE = 1e-14;

    /** Halvings of the step tried before giving up. */
    static final int MAX_LEVELS = 10;

    /** Most nodes evaluated in one call. */
    static final int MAX_NODES = 4_000_000;

    /** Where the weight is below {@code e^(−NEGLIGIBLE)} of its maximum it is dropped. */
    private static final double NEGLIGIBLE = 46.0;

    /** Beyond {@code |x| > ASYMPTOTIC} the weight's correction factor is below {@code 1e-17}. */
    private static final double ASYMPTOTIC = 39.0;

    /** {@code ln g} at {@code p}, given {@code ln p} and {@code ln(1 − p)} (both computed without rounding to 0 or 1). */
    @FunctionalInterface
    public interface LogFunction {

        /**
         * The logarithm of the function.
         *
         * @param lnP {@code ln p}, {@code <= 0}
         * @param lnQ {@code ln(1 − p)}, {@code <= 0}
         * @return {@code ln g(p)}
         */
        double at(double lnP, double lnQ);
    }

    private BetaExpectation() {
    }

    /**
     * {@code ln E[g(p)]} for {@code p ~ Beta(a, b)}.
     *
     * @param lnG {@code ln g}, monotone in {@code p}
     * @param lnGLeft {@code ln g(0+)}, the limit at {@code p → 0}
     * @param lnGRight {@code ln g(1−)}, the limit at {@code p → 1}
     * @param xLeft a logit at and below which {@code ln g} equals {@code lnGLeft} to {@code 1e-17}
     * @param xRight a logit at and above which {@code ln g} equals {@code lnGRight} to {@code 1e-17}
     * @param a the first Beta parameter, finite and {@code > 0}
     * @param b the second Beta parameter, finite and {@code > 0}
     * @return {@code ln E[g(p)]}, or NaN if the sums did not settle within the budget
     */
    public static double logMean(LogFunction lnG, double lnGLeft, double lnGRight, double xLeft, double xRight,
            double a, double b) {
        double mode = Math.log(a) - Math.log(b);
        double lnFMode = logWeight(mode, a, b);
        double spread = NEGLIGIBLE + Math.abs(lnGLeft - lnGRight);
        double extra = Math.max(0.0, Math.log(a + b));
        double asymptoticLeft = Math.min(xLeft, -ASYMPTOTIC - extra);
        double asymptoticRight = Math.max(xRight, ASYMPTOTIC + extra);
        double negligibleLeft = solve(mode, -1.0, lnFMode - spread, a, b);
        double negligibleRight = solve(mode, 1.0, lnFMode - spread, a, b);
        boolean closeLeft = negligibleLeft <= asymptoticLeft;
        boolean closeRight = negligibleRight >= asymptoticRight;
        double left = closeLeft ? asymptoticLeft : negligibleLeft;
        double right = closeRight ? asymptoticRight : negligibleRight;

        double pTilde = Math.min(a / (a + b), 0.5);
        double curvature = (a + b) * pTilde * (1.0 - pTilde);
        double h0 = Math.min(0.5, 0.5 / Math.sqrt(curvature));
        double kLoD = Math.floor((left - mode) / h0);
        double kHiD = Math.ceil((right - mode) / h0);
        if (!(kHiD - kLoD < MAX_NODES / 4.0)) {
            return Double.NaN;
        }
        long kLo = (long) kLoD;
        long kHi = (long) kHiD;
        int count = (int) (kHi - kLo + 1);

        // level 0: all nodes, kept to fix the scale (the largest log-integrand) before summing
        double[] lnNum = new double[count];
        double[] lnDen = new double[count];
        double maxNum = Double.NEGATIVE_INFINITY;
        double maxDen = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double x = mode + (kLo + i) * h0;
            double lnP = -softplus(-x);
            double lnQ = -softplus(x);
            double lnF = a * lnP + b * lnQ;
            lnDen[i] = lnF;
            lnNum[i] = lnF + lnG.at(lnP, lnQ);
            maxNum = Math.max(maxNum, lnNum[i]);
            maxDen = Math.max(maxDen, lnDen[i]);
        }
        if (!(maxNum > Double.NEGATIVE_INFINITY && maxNum < Double.POSITIVE_INFINITY)) {
            return Double.NaN;
        }
        double xLo = mode + kLo * h0;
        double[] num = new double[2]; // Neumaier sum and compensation
        double[] den = new double[2];
        for (int i = 0; i < count; i++) {
            add(num, Math.exp(lnNum[i] - maxNum));
            add(den, Math.exp(lnDen[i] - maxDen));
        }
        double sumNum = num[0] + num[1];
        double sumDen = den[0] + den[1];
        double previousNum = h0 * (sumNum + tails(lnNum[0], lnNum[count - 1], maxNum, closeLeft, closeRight, a, b, h0));
        double previousDen = h0 * (sumDen + tails(lnDen[0], lnDen[count - 1], maxDen, closeLeft, closeRight, a, b, h0));
        long nodes = count;
        double h = h0;
        long intervals = kHi - kLo;
        for (int level = 1; level <= MAX_LEVELS; level++) {
            h /= 2.0;
            nodes += intervals;
            if (nodes > MAX_NODES) {
                return Double.NaN;
            }
            for (long j = 0; j < intervals; j++) {
                double x = xLo + (2 * j + 1) * h;
                double lnP = -softplus(-x);
                double lnQ = -softplus(x);
                double lnF = a * lnP + b * lnQ;
                add(num, Math.exp(lnF + lnG.at(lnP, lnQ) - maxNum));
                add(den, Math.exp(lnF - maxDen));
            }
            intervals *= 2;
            sumNum = num[0] + num[1];
            sumDen = den[0] + den[1];
            double currentNum = h * (sumNum + tails(lnNum[0], lnNum[count - 1], maxNum, closeLeft, closeRight, a, b, h));
            double currentDen = h * (sumDen + tails(lnDen[0], lnDen[count - 1], maxDen, closeLeft, closeRight, a, b, h));
            if (Math.abs(currentNum - previousNum) <= TOLERANCE * currentNum
                    && Math.abs(currentDen - previousDen) <= TOLERANCE * currentDen) {
                return Math.log(currentNum) + maxNum - Math.log(currentDen) - maxDen;
            }
            previousNum = currentNum;
            previousDen = currentDen;
        }
        return Double.NaN;
    }

    /** The nodes beyond the ends, as geometric series {@code Σ_(k≥1) f(end)·e^(−rate·k·h)}. */
    private static double tails(double lnAtLo, double lnAtHi, double scale, boolean left, boolean right, double a,
            double b, double h) {
        double sum = 0.0;
        if (left) {
            sum += Math.exp(lnAtLo - scale) / Math.expm1(a * h);
        }
        if (right) {
            sum += Math.exp(lnAtHi - scale) / Math.expm1(b * h);
        }
        return sum;
    }

    private static void add(double[] acc, double v) {
        double s = acc[0] + v;
        if (Math.abs(acc[0]) >= Math.abs(v)) {
            acc[1] += (acc[0] - s) + v;
        } else {
            acc[1] += (v - s) + acc[0];
        }
        acc[0] = s;
    }

    /** {@code a ln σ(x) + b ln σ(−x)}: the log of the Beta weight in the logit variable. */
    static double logWeight(double x, double a, double b) {
        return -a * softplus(-x) - b * softplus(x);
    }

    /**
     * The point on the side {@code direction} of the mode where the (concave) log-weight falls to
     * {@code target}, or ±∞ if that lies beyond {@code 1e7} from the mode.
     */
    private static double solve(double mode, double direction, double target, double a, double b) {
        double step = 1.0;
        while (logWeight(mode + direction * step, a, b) > target) {
            step *= 2.0;
            if (step > 1e7) {
                return direction * Double.POSITIVE_INFINITY;
            }
        }
        double inside = step / 2.0;
        double outside = step;
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (inside + outside);
            if (logWeight(mode + direction * mid, a, b) > target) {
                inside = mid;
            } else {
                outside = mid;
            }
        }
        return mode + direction * outside;
    }

    /**
     * {@code ln(1 + e^x)} without overflow or loss for any {@code x}.
     *
     * @param x the argument
     * @return {@code ln(1 + e^x)}
     */
    public static double softplus(double x) {
        return x > 0.0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /**
     * {@code ln(1 − e^(−y))} for {@code y > 0}, accurate at both small and large {@code y}.
     *
     * @param y the argument, {@code > 0}
     * @param lnY {@code ln y}, used where {@code y} is tiny (so that {@code y} may have underflowed)
     * @return {@code ln(1 − e^(−y))}
     */
    public static double log1mexp(double y, double lnY) {
        if (lnY < -9.2) { // y < 1e-4: ln((1 − e^(−y))/y) = −y/2 + y²/24 + O(y⁴)
            return lnY - y / 2.0 + y * y / 24.0;
        }
        return y > 0.6931471805599453 ? Math.log1p(-Math.exp(-y)) : Math.log(-Math.expm1(-y));
    }
}
