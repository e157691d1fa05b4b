package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.Beta;
import io.github.cxmetrics.internal.math.Normal;
import java.util.Locale;
import java.util.Objects;

/**
 * A proportion {@code p = x / n} estimated from a sample, with the standard interval estimators for
 * a binomial proportion.
 *
 * <p>{@code x} and {@code n} may be non-integer: a weighted sample is represented by its weighted
 * share and Kish's effective size, {@code x = share · n_eff}, {@code n = n_eff} (Kish 1965); for
 * unweighted data they are the usual counts. Intervals, with {@code z} the two-sided normal critical
 * value and {@code α = 1 − level}:
 * <pre>{@code
 * WALD             p ± z·sqrt(p(1 − p)/n)
 * WILSON           [p + z²/2n ± z·sqrt(p(1 − p)/n + z²/4n²)] / (1 + z²/n)          (Wilson 1927)
 * AGRESTI_COULL    p̃ ± z·sqrt(p̃(1 − p̃)/ñ),  ñ = n + z²,  p̃ = (x + z²/2)/ñ       (Agresti & Coull 1998)
 * CLOPPER_PEARSON  [B⁻¹(α/2; x, n − x + 1),  B⁻¹(1 − α/2; x + 1, n − x)]           (Clopper & Pearson 1934)
 * JEFFREYS         [B⁻¹(α/2; x + ½, n − x + ½),  B⁻¹(1 − α/2; x + ½, n − x + ½)]    (Brown, Cai & DasGupta 2001)
 * }</pre>
 * where {@code B⁻¹(q; a, b)} is the beta quantile; Clopper–Pearson and Jeffreys take the lower bound
 * 0 when {@code x = 0} and the upper bound 1 when {@code x = n}. All bounds are clipped to [0, 1].
 * Unit: fractions 0…1 (metrics such as CSAT scale them to percent).
 *
 * <p>References: Wilson (1927), "Probable inference, the law of succession, and statistical
 * inference", <i>JASA</i> 22:209–212; Clopper &amp; Pearson (1934), <i>Biometrika</i> 26:404–413;
 * Agresti &amp; Coull (1998), <i>The American Statistician</i> 52:119–126; Brown, Cai &amp; DasGupta
 * (2001), "Interval estimation for a binomial proportion", <i>Statistical Science</i> 16:101–133.
 *
 * @since 0.1.0
 */
public final class Proportion {

    private final double successes;
    private final double trials;

    private Proportion(double successes, double trials) {
        this.successes = successes;
        this.trials = trials;
    }

    /**
     * The proportion of {@code successes} in {@code trials}.
     *
     * @param successes the number of successes, in {@code 0..trials}
     * @param trials the number of trials, {@code > 0}
     * @return the proportion
     * @throws IllegalArgumentException if {@code trials <= 0} or {@code successes} is outside
     *     {@code 0..trials}
     */
    public static Proportion of(long successes, long trials) {
        if (trials <= 0) {
            throw new IllegalArgumentException("trials must be > 0, was " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be in 0.." + trials + ", was " + successes);
        }
        return new Proportion(successes, trials);
    }

    /**
     * A proportion from a (weighted) share and an effective sample size.
     *
     * @param share the share, in {@code [0, 1]}
     * @param effectiveSize the (Kish effective) sample size, finite and {@code > 0}
     * @return the proportion with {@code x = share·n}, {@code n = effectiveSize}
     * @throws IllegalArgumentException if an argument is out of range, NaN or infinite
     */
    public static Proportion ofShare(double share, double effectiveSize) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
        if (!(effectiveSize > 0.0 && effectiveSize < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("effectiveSize must be finite and > 0, was " + effectiveSize);
        }
        return new Proportion(Math.min(effectiveSize, share * effectiveSize), effectiveSize);
    }

    /**
     * The number of successes {@code x} (non-integer for weighted data).
     *
     * @return {@code x}
     */
    public double successes() {
        return successes;
    }

    /**
     * The number of trials {@code n} (the effective size for weighted data).
     *
     * @return {@code n}
     */
    public double trials() {
        return trials;
    }

    /**
     * The estimate {@code p = x / n}.
     *
     * @return a fraction in {@code [0, 1]}
     */
    public double value() {
        return successes / trials;
    }

    /**
     * The standard error {@code sqrt(p(1 − p)/n)}.
     *
     * @return the standard error, a fraction
     */
    public double standardError() {
        double p = value();
        return Math.sqrt(p * (1.0 - p) / trials);
    }

    /**
     * The Wilson interval (the default: good coverage at every {@code p}, never outside [0, 1]).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, fractions
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     */
    public Interval confidenceInterval(double level) {
        return confidenceInterval(level, IntervalMethod.WILSON);
    }

    /**
     * The interval by a chosen method (see the class formulas).
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @param method {@code WILSON}, {@code AGRESTI_COULL}, {@code CLOPPER_PEARSON}, {@code JEFFREYS}
     *     or {@code WALD}
     * @return the interval, fractions, clipped to [0, 1]
     * @throws NullPointerException if {@code method} is null
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)} or the method is
     *     not one of the above
     */
    public Interval confidenceInterval(double level, IntervalMethod method) {
        Objects.requireNonNull(method, "method");
        Checks.level(level);
        double x = successes;
        double n = trials;
        double p = x / n;
        double lower;
        double upper;
        switch (method) {
            case WALD: {
                double half = Normal.twoSidedCritical(level) * Math.sqrt(p * (1.0 - p) / n);
                lower = p - half;
                upper = p + half;
                break;
            }
            case WILSON: {
                double z = Normal.twoSidedCritical(level);
                double z2 = z * z;
                double denominator = 1.0 + z2 / n;
                double centre = (p + z2 / (2.0 * n)) / denominator;
                double half = z * Math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denominator;
                lower = centre - half;
                upper = centre + half;
                break;
            }
            case AGRESTI_COULL: {
                double z = Normal.twoSidedCritical(level);
                double nTilde = n + z * z;
                double pTilde = (x + z * z / 2.0) / nTilde;
                double half = z * Math.sqrt(pTilde * (1.0 - pTilde) / nTilde);
                lower = pTilde - half;
                upper = pTilde + half;
                break;
            }
            case CLOPPER_PEARSON: {
                double alpha = 1.0 - level;
                lower = x <= 0.0 ? 0.0 : Beta.inverseRegularizedIncomplete(alpha / 2.0, x, n - x + 1.0);
                upper = x >= n ? 1.0 : Beta.inverseComplementRegularizedIncomplete(alpha / 2.0, x + 1.0, n - x);
                break;
            }
            case JEFFREYS: {
                double alpha = 1.0 - level;
                lower = x <= 0.0 ? 0.0 : Beta.inverseRegularizedIncomplete(alpha / 2.0, x + 0.5, n - x + 0.5);
                upper = x >= n ? 1.0 : Beta.inverseComplementRegularizedIncomplete(alpha / 2.0, x + 0.5, n - x + 0.5);
                break;
            }
            default:
                throw new IllegalArgumentException("a proportion supports interval methods WILSON, "
                        + "AGRESTI_COULL, CLOPPER_PEARSON, JEFFREYS and WALD, was " + method);
        }
        lower = Math.max(0.0, Math.min(1.0, lower));
        upper = Math.max(lower, Math.min(1.0, upper));
        return new Interval(lower, upper, level);
    }

    /**
     * Compares two independent proportions: the signed difference {@code b − a}. The p-value is the
     * pooled two-proportion z test, {@code z = (p_b − p_a) / sqrt(p̂(1 − p̂)(1/n_a + 1/n_b))} with
     * {@code p̂ = (x_a + x_b)/(n_a + n_b)}; the standard error and interval are unpooled,
     * {@code sqrt(p_a(1 − p_a)/n_a + p_b(1 − p_b)/n_b)} (Agresti 2013, <i>Categorical Data Analysis</i>,
     * 3rd ed., §3.1).
     *
     * @param a the first proportion
     * @param b the second proportion
     * @return the difference, in fractions
     * @throws NullPointerException if an argument is null
     */
    public static Difference compare(Proportion a, Proportion b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        double pa = a.value();
        double pb = b.value();
        double diff = pb - pa;
        double unpooled = Math.sqrt(pa * (1.0 - pa) / a.trials + pb * (1.0 - pb) / b.trials);
        double pooled = (a.successes + b.successes) / (a.trials + b.trials);
        double nullSe = Math.sqrt(pooled * (1.0 - pooled) * (1.0 / a.trials + 1.0 / b.trials));
        double z = nullSe == 0.0 ? 0.0 : diff / nullSe; // p̂ ∈ {0, 1} forces p_a = p_b
        return new Difference(diff, unpooled, z, Double.POSITIVE_INFINITY);
    }

    /**
     * Equal when successes and trials are equal (bit for bit).
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal proportion
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Proportion
                && Double.compare(successes, ((Proportion) o).successes) == 0
                && Double.compare(trials, ((Proportion) o).trials) == 0;
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Double.hashCode(successes) + Double.hashCode(trials);
    }

    /**
     * A readable summary.
     *
     * @return e.g. {@code Proportion[74.0/107.0 = 0.6916]}
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Proportion[%s/%s = %.4f]", successes, trials, value());
    }
}
