package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A Shewhart-type control chart of a KPI over waves, each point flagged in or out of control.
 *
 * <h2>p-chart with variable subgroup sizes</h2>
 * For {@code x_i} successes (satisfied respondents) out of {@code n_i}:
 * <pre>{@code
 * p_i = x_i/n_i     centre p̄ = Σ x / Σ n     σ_i = √(p̄(1 − p̄)/n_i)
 * limits p̄ ± L·σ_i  (L = 3), clipped to [0, 1]
 * }</pre>
 * (Shewhart 1931; Montgomery, <i>Introduction to Statistical Quality Control</i>, ch. 7).
 *
 * <h2>Laney p′ chart</h2>
 * With the large subgroups of CX surveys the binomial σ_i is much smaller than the wave-to-wave
 * variation, and a p-chart flags almost every point ("overdispersion"). Laney's p′ chart scales the
 * limits by the observed spread of the standardised points:
 * <pre>{@code
 * z_i = (p_i − p̄)/σ_i     MR̄ = mean |z_i − z_{i−1}|  (i = 2..k)
 * σ_z = MR̄ / 1.128                                     (LaneySigma.MOVING_RANGE, Laney's definition)
 * limits p̄ ± L·σ_i·σ_z, clipped to [0, 1]
 * }</pre>
 * 1.128 is the bias constant {@code d₂} of a range of two observations. Laney (2002), "Improved control
 * charts for attributes", <i>Quality Engineering</i> 14(4):531–537, and Minitab's "Laney P′ chart"
 * use the moving range; some software takes the sample standard deviation of the {@code z_i} instead
 * ({@link LaneySigma#STANDARD_DEVIATION}, by explicit choice), which can differ a lot: on the vector
 * of {@code mission-next.md} §3.2 the two give 1.0167 and 1.9163.
 *
 * <h2>EWMA</h2>
 * For values {@code x_t} with in-control mean {@code μ₀} and standard deviation {@code σ}:
 * <pre>{@code
 * z₀ = μ₀     z_t = λ x_t + (1 − λ) z_{t−1}
 * limits μ₀ ± L σ √(λ/(2 − λ) · [1 − (1 − λ)^{2t}])      (time-varying, widening to the asymptote)
 * }</pre>
 * Point {@code t} signals when {@code z_t} is outside its limits (Roberts 1959, "Control chart tests
 * based on geometric moving averages", <i>Technometrics</i> 1:239–250; the limits as in Montgomery,
 * ch. 9). With a standard deviation per point ({@code σ_t}, e.g. {@code √(v₀/n_t)} for waves of
 * different sizes) the limits use the exact variance of the weighted sum of independent values,
 * {@code Var(z_t) = λ² Σ_{j ≤ t} (1 − λ)^{2(t − j)} σ_j²}, which is the formula above when all
 * {@code σ_j} are equal. {@code λ = 1} is the Shewhart chart of the raw values.
 *
 * <p>A point is in control when {@code lower <= plotted <= upper}: a point on a limit is not a
 * signal. Units are those of the values (fractions for the p-charts). Instances are immutable.
 *
 * @since 0.2.0
 */
public final class ControlChart {

    /** Laney's {@code d₂} for moving ranges of two. */
    private static final double D2 = 1.128;

    /**
     * The kind of chart.
     *
     * @since 0.2.0
     */
    public enum Kind {
        /** The p-chart with variable n. */
        P,
        /** Laney's p′ chart. */
        LANEY_P_PRIME,
        /** The exponentially weighted moving average chart. */
        EWMA
    }

    /**
     * How Laney's {@code σ_z} is estimated from the standardised points.
     *
     * @since 0.2.0
     */
    public enum LaneySigma {
        /** {@code MR̄/1.128}, the average moving range (Laney 2002; Minitab). The default. */
        MOVING_RANGE,
        /** The sample standard deviation of {@code z_i} (divisor {@code k − 1}). */
        STANDARD_DEVIATION
    }

    /**
     * One point of a chart.
     *
     * @param value the observed value of the wave (a proportion for p-charts, the KPI for EWMA)
     * @param plotted the plotted statistic: {@code value} for p-charts, {@code z_t} for EWMA
     * @param centre the centre line
     * @param lower the lower control limit
     * @param upper the upper control limit
     * @since 0.2.0
     */
    public record Point(double value, double plotted, double centre, double lower, double upper) {

        /**
         * Validates the components.
         *
         * @param value the value
         * @param plotted the plotted statistic
         * @param centre the centre line
         * @param lower the lower limit
         * @param upper the upper limit
         * @throws IllegalArgumentException if a number is not finite or {@code lower > upper}
         */
        public Point {
            Checks.finite("value", value);
            Checks.finite("plotted", plotted);
            Checks.finite("centre", centre);
            Checks.finite("lower", lower);
            Checks.finite("upper", upper);
            if (lower > upper) {
                throw new IllegalArgumentException("lower must be <= upper, was " + lower + " > " + upper);
            }
        }

        /**
         * Whether the point is within its limits.
         *
         * @return {@code lower <= plotted <= upper}
         */
        public boolean inControl() {
            return plotted >= lower && plotted <= upper;
        }

        /**
         * Whether the point signals (is out of control).
         *
         * @return {@code !inControl()}
         */
        public boolean signal() {
            return !inControl();
        }
    }

    private final Kind kind;
    private final double centre;
    private final double width;
    private final double sigmaZ;
    private final double lambda;
    private final List<Point> points;

    private ControlChart(Kind kind, double centre, double width, double sigmaZ, double lambda, List<Point> points) {
        this.kind = kind;
        this.centre = centre;
        this.width = width;
        this.sigmaZ = sigmaZ;
        this.lambda = lambda;
        this.points = Collections.unmodifiableList(new ArrayList<>(points));
    }

    /**
     * The p-chart with 3-sigma limits.
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @return the chart
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, there is no point, or a count is out of
     *     range (the message names its index)
     */
    public static ControlChart pChart(long[] successes, long[] trials) {
        return pChart(successes, trials, 3.0);
    }

    /**
     * The p-chart with limits {@code p̄ ± width·σ_i}, clipped to [0, 1]. When {@code p̄} is 0 or 1
     * every {@code p_i} equals it, the limits collapse to the centre and every point is in control.
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @param width the multiple {@code L} of σ, finite and {@code > 0}
     * @return the chart
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, there is no point, a count is out of
     *     range (the message names its index) or {@code width} is not finite and positive
     */
    public static ControlChart pChart(long[] successes, long[] trials, double width) {
        double pBar = pooled(successes, trials, 1);
        checkWidth(width);
        List<Point> points = new ArrayList<>(trials.length);
        for (int i = 0; i < trials.length; i++) {
            double p = (double) successes[i] / trials[i];
            double half = width * Math.sqrt(pBar * (1.0 - pBar) / trials[i]);
            points.add(new Point(p, p, pBar, Math.max(0.0, pBar - half), Math.min(1.0, pBar + half)));
        }
        return new ControlChart(Kind.P, pBar, width, 1.0, Double.NaN, points);
    }

    /**
     * Laney's p′ chart with 3-sigma limits and {@code σ_z = MR̄/1.128}.
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @return the chart
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 points, or a count
     *     is out of range
     * @throws IllegalStateException if {@code p̄} is 0 or 1 (the standardised points are undefined)
     */
    public static ControlChart laneyPChart(long[] successes, long[] trials) {
        return laneyPChart(successes, trials, LaneySigma.MOVING_RANGE, 3.0);
    }

    /**
     * Laney's p′ chart (see the class comment).
     *
     * @param successes {@code x_i}, each in {@code 0..trials[i]}
     * @param trials {@code n_i}, each {@code >= 1}
     * @param sigma how {@code σ_z} is estimated
     * @param width the multiple {@code L}, finite and {@code > 0}
     * @return the chart
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 points, a count
     *     is out of range or {@code width} is not finite and positive
     * @throws IllegalStateException if {@code p̄} is 0 or 1 (the standardised points are undefined)
     */
    public static ControlChart laneyPChart(long[] successes, long[] trials, LaneySigma sigma, double width) {
        Objects.requireNonNull(sigma, "sigma");
        double pBar = pooled(successes, trials, 2);
        checkWidth(width);
        if (pBar == 0.0 || pBar == 1.0) {
            throw new IllegalStateException("the Laney p′ chart is undefined when p̄ = " + (int) pBar
                    + ": the standardised points (p − p̄)/σ divide by 0");
        }
        int k = trials.length;
        double[] z = new double[k];
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            s[i] = Math.sqrt(pBar * (1.0 - pBar) / trials[i]);
            z[i] = ((double) successes[i] / trials[i] - pBar) / s[i];
        }
        double sz;
        if (sigma == LaneySigma.MOVING_RANGE) {
            double mr = 0.0;
            for (int i = 1; i < k; i++) {
                mr += Math.abs(z[i] - z[i - 1]);
            }
            sz = mr / (k - 1) / D2;
        } else {
            double mean = 0.0;
            for (double v : z) {
                mean += v / k;
            }
            double ss = 0.0;
            for (double v : z) {
                ss += (v - mean) * (v - mean);
            }
            sz = Math.sqrt(ss / (k - 1));
        }
        List<Point> points = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double p = (double) successes[i] / trials[i];
            double half = width * s[i] * sz;
            points.add(new Point(p, p, pBar, Math.max(0.0, pBar - half), Math.min(1.0, pBar + half)));
        }
        return new ControlChart(Kind.LANEY_P_PRIME, pBar, width, sz, Double.NaN, points);
    }

    /**
     * The EWMA chart with one standard deviation for every value.
     *
     * @param values {@code x_t}, finite, at least one; not changed
     * @param target {@code μ₀}, the in-control mean (from a baseline), finite
     * @param sigma {@code σ}, the standard deviation of one value, finite and {@code > 0}
     * @param lambda the smoothing weight, in {@code (0, 1]}
     * @param width the multiple {@code L}, finite and {@code > 0} (3 is usual with λ = 0.2)
     * @return the chart
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if an argument is out of range (the message names it)
     */
    public static ControlChart ewma(double[] values, double target, double sigma, double lambda, double width) {
        Objects.requireNonNull(values, "values");
        checkSigma("sigma", sigma);
        double[] sigmas = new double[values.length];
        Arrays.fill(sigmas, sigma);
        return ewma(values, target, sigmas, lambda, width, true);
    }

    /**
     * The EWMA chart with a standard deviation per value (e.g. {@code √(v₀/n_t)} for waves of
     * different sizes); the limits use the exact variance of {@code z_t} (see the class comment).
     *
     * @param values {@code x_t}, finite, at least one; not changed
     * @param target {@code μ₀}, finite
     * @param sigmas {@code σ_t}, each finite and {@code > 0}, one per value; not changed
     * @param lambda the smoothing weight, in {@code (0, 1]}
     * @param width the multiple {@code L}, finite and {@code > 0}
     * @return the chart
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ or an argument is out of range (the
     *     message names it and its index)
     */
    public static ControlChart ewma(double[] values, double target, double[] sigmas, double lambda, double width) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(sigmas, "sigmas");
        if (sigmas.length != values.length) {
            throw new IllegalArgumentException("values and sigmas must have the same length, were " + values.length
                    + " and " + sigmas.length);
        }
        for (int i = 0; i < sigmas.length; i++) {
            checkSigma("sigma at index " + i, sigmas[i]);
        }
        return ewma(values, target, sigmas.clone(), lambda, width, false);
    }

    private static ControlChart ewma(double[] values, double target, double[] sigmas, double lambda, double width,
            boolean constant) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a control chart needs at least 1 point, was 0");
        }
        Checks.finite("target", target);
        if (!(lambda > 0.0 && lambda <= 1.0)) {
            throw new IllegalArgumentException("lambda must be in (0, 1], was " + lambda);
        }
        checkWidth(width);
        List<Point> points = new ArrayList<>(values.length);
        double z = target;
        double keep = 1.0 - lambda;
        double variance = 0.0; // Var(z_t) by recurrence, for per-point sigmas
        for (int t = 0; t < values.length; t++) {
            double x = Checks.finite("value at index " + t, values[t]);
            z = lambda * x + keep * z;
            double sd;
            if (constant) {
                sd = sigmas[t] * Math.sqrt(lambda / (2.0 - lambda) * (1.0 - Math.pow(keep, 2.0 * (t + 1))));
            } else {
                variance = keep * keep * variance + lambda * lambda * sigmas[t] * sigmas[t];
                sd = Math.sqrt(variance);
            }
            double half = width * sd;
            if (!Double.isFinite(half) || !Double.isFinite(z)) {
                throw new IllegalArgumentException("the EWMA limits at index " + t + " are beyond the range of a double");
            }
            points.add(new Point(x, z, target, target - half, target + half));
        }
        return new ControlChart(Kind.EWMA, target, width, Double.NaN, lambda, points);
    }

    private static double pooled(long[] successes, long[] trials, int minPoints) {
        Objects.requireNonNull(successes, "successes");
        Objects.requireNonNull(trials, "trials");
        if (successes.length != trials.length) {
            throw new IllegalArgumentException("successes and trials must have the same length, were "
                    + successes.length + " and " + trials.length);
        }
        if (trials.length < minPoints) {
            throw new IllegalArgumentException("this chart needs at least " + minPoints + " point"
                    + (minPoints == 1 ? "" : "s") + ", was " + trials.length);
        }
        long total = 0;
        long hits = 0;
        for (int i = 0; i < trials.length; i++) {
            if (trials[i] < 1) {
                throw new IllegalArgumentException("trials must be >= 1, was " + trials[i] + " (index " + i + ")");
            }
            if (successes[i] < 0 || successes[i] > trials[i]) {
                throw new IllegalArgumentException("successes must be in 0.." + trials[i] + ", was " + successes[i]
                        + " (index " + i + ")");
            }
            try {
                total = Math.addExact(total, trials[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("the total of trials overflows a long at index " + i, e);
            }
            hits += successes[i];
        }
        return (double) hits / total;
    }

    private static void checkWidth(double width) {
        if (!(width > 0.0 && width < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("width must be finite and > 0, was " + width);
        }
    }

    private static void checkSigma(String name, double sigma) {
        if (!(sigma > 0.0 && sigma < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + sigma);
        }
    }

    /**
     * The kind of chart.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The centre line: {@code p̄} for the p-charts, {@code μ₀} for EWMA.
     *
     * @return the centre
     */
    public double centre() {
        return centre;
    }

    /**
     * The width of the limits in standard deviations, {@code L}.
     *
     * @return {@code L}
     */
    public double width() {
        return width;
    }

    /**
     * Laney's {@code σ_z}: present for the p′ chart only.
     *
     * @return {@code σ_z}, or empty for other kinds
     */
    public OptionalDouble sigmaZ() {
        return kind == Kind.LANEY_P_PRIME ? OptionalDouble.of(sigmaZ) : OptionalDouble.empty();
    }

    /**
     * The EWMA smoothing weight: present for EWMA charts only.
     *
     * @return {@code λ}, or empty for other kinds
     */
    public OptionalDouble lambda() {
        return kind == Kind.EWMA ? OptionalDouble.of(lambda) : OptionalDouble.empty();
    }

    /**
     * The points, in wave order.
     *
     * @return an unmodifiable list
     */
    public List<Point> points() {
        return points;
    }

    /**
     * The indices (0-based) of the points out of control.
     *
     * @return the indices, ascending (a new array)
     */
    public int[] signals() {
        return java.util.stream.IntStream.range(0, points.size()).filter(i -> points.get(i).signal()).toArray();
    }

    /**
     * Whether every point is in control.
     *
     * @return {@code signals().length == 0}
     */
    public boolean isInControl() {
        return points.stream().allMatch(Point::inControl);
    }

    /**
     * Equal when kind, parameters and points are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal chart
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ControlChart)) {
            return false;
        }
        ControlChart c = (ControlChart) o;
        return kind == c.kind && Double.compare(centre, c.centre) == 0 && Double.compare(width, c.width) == 0
                && Double.compare(sigmaZ, c.sigmaZ) == 0 && Double.compare(lambda, c.lambda) == 0
                && points.equals(c.points);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, centre, width, sigmaZ, lambda, points);
    }

    /**
     * A readable summary, e.g. {@code ControlChart[EWMA, centre=0.297, L=3, lambda=0.2, points=8, signals=[6, 7]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ControlChart[").append(kind)
                .append(String.format(Locale.ROOT, ", centre=%.6g, L=%s", centre, width));
        if (kind == Kind.LANEY_P_PRIME) {
            sb.append(String.format(Locale.ROOT, ", sigmaZ=%.6g", sigmaZ));
        }
        if (kind == Kind.EWMA) {
            sb.append(", lambda=").append(lambda);
        }
        return sb.append(", points=").append(points.size()).append(", signals=")
                .append(Arrays.toString(signals())).append(']').toString();
    }
}
