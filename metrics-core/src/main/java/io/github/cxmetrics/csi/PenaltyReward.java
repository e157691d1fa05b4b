package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.Checks;
import io.github.cxmetrics.internal.math.StudentT;
import io.github.cxmetrics.stats.Estimate;
import io.github.cxmetrics.stats.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Penalty–reward contrast analysis (PRCA) with the impact-asymmetry index: which attributes hurt
 * overall satisfaction when they perform badly more than they help when they perform well
 * ("dissatisfiers", basic factors: <i>een slechte website verlaagt de tevredenheid, een goede
 * verhoogt die niet</i>), and which do the opposite ("satisfiers", excitement factors).
 *
 * <h2>Model</h2>
 * For each attribute j two dummies are made, {@code L_j = 1{x_j low}} and {@code H_j = 1{x_j high}},
 * the middle being the reference, and overall satisfaction is regressed on all of them:
 * <pre>{@code
 * y = b0 + Σ_j (p_j · L_j + q_j · H_j) + e
 * penalty p_j   (expected < 0: a low rating lowers y relative to the middle)
 * reward  q_j   (expected > 0: a high rating raises y relative to the middle)
 * }</pre>
 * fitted by least squares with Householder QR on the design (intercept first, then {@code L_j, H_j}
 * attribute by attribute), never by forming normal equations. With survey weights {@code w_i} it is
 * weighted least squares, {@code min Σ w_i e_i²}, solved as OLS on rows scaled by {@code sqrt(w_i)}.
 * Defaults (Brandt 1987 on a 1–5 scale): low = rating {@code ≤ 2}, high = rating {@code ≥ 5} (top
 * box); {@link Options} changes them.
 *
 * <h2>Uncertainty</h2>
 * With n the respondents used, m = 2k the dummies and {@code df = n − m − 1}:
 * <pre>{@code
 * σ̂²         = Σ w_i e_i² / df                       (w_i = 1 unweighted)
 * Cov(b)      = σ̂² (XᵀWX)⁻¹,  SE = sqrt(diag)
 * t           = b / SE,       p = 2 P(T_df ≥ |t|)     (Student t)
 * R²          = 1 − Σ w e² / Σ w (y − ȳ_w)²,  adj R² = 1 − (1 − R²)(n − 1)/df
 * }</pre>
 * These are the values of R's {@code summary(lm(y ~ ., weights = w))} and statsmodels' {@code WLS}:
 * the weights are treated as precision weights, and the standard errors are model-based, not the
 * design-based (linearisation or replicate) standard errors of complex-sample software. A weight of
 * 2 gives the same point estimates as the row entered twice, but not the same standard errors (n
 * and df count rows). Rows with weight 0 are left out like missing rows.
 *
 * <h2>Standardised coefficients</h2>
 * With {@link Options#standardized(boolean)} the penalties and rewards (and their standard errors)
 * are multiplied by {@code sd(D)/sd(y)}, D the dummy, with the (weighted) standard deviation
 * {@code sd(v) = sqrt(Σ w (v − v̄_w)² / Σ w)} for both (the divisor cancels in the ratio, so this
 * equals R's {@code b · sd(D)/sd(y)} with {@code n − 1}); t, p, R² and σ̂ are unchanged, and the
 * intercept stays in the unit of y. RIOS, SGP, DGP and IA are then computed from the standardised
 * values.
 *
 * <h2>Impact asymmetry</h2>
 * Mikulić &amp; Prebežac (2008):
 * <pre>{@code
 * RIOS = q + |p|          range of impact on overall satisfaction
 * SGP  = q / RIOS         satisfaction-generating potential
 * DGP  = |p| / RIOS       dissatisfaction-generating potential
 * IA   = SGP − DGP        in [−1, 1] when q ≥ 0: +1 perfect satisfier, −1 perfect dissatisfier
 * }</pre>
 * The formula is applied as published, with {@code |p|}: a penalty of the "wrong" sign
 * ({@code p > 0}, low ratings raising y) still counts as dissatisfaction potential, and a negative
 * reward makes SGP negative and IA may leave [−1, 1]. {@link Attribute#signsAsExpected()} says
 * whether {@code p ≤ 0 ≤ q}; read the index with care when it does not. When {@code RIOS = 0}, SGP,
 * DGP and IA are NaN (undefined) and the class is {@link Classification#PERFORMANCE}. The class
 * cut-offs on IA are study-specific ({@link Options#classification(double, double)}).
 *
 * <p>Input: {@code ratings[r][j]} is respondent r's rating of attribute j, {@code overall[r]} the
 * overall satisfaction. Missing values are {@code Double.NaN}, handled listwise
 * ({@link #respondentsUsed()}); infinities are rejected. A dummy that is all zero (no respondent
 * rated the attribute low, or high), or that is collinear with the intercept and the other dummies
 * (e.g. every respondent low), is rejected with a message naming the attribute and the cut-off.
 * Instances are immutable and thread-safe.
 *
 * <p>References: Brandt (1987), "A procedure for identifying value-enhancing service components
 * using customer satisfaction survey data", in Surprenant (ed.), <i>Add Value to Your Service</i>,
 * AMA, pp. 61–65; Mikulić &amp; Prebežac (2008), "Prioritizing improvement of service attributes
 * using impact range-performance analysis and impact-asymmetry analysis", <i>Managing Service
 * Quality</i> 18(6):559–576; Albayrak &amp; Caber (2013), "Penalty–reward-contrast analysis: a review
 * of its application in customer satisfaction research", <i>Total Quality Management &amp; Business
 * Excellence</i> 24(11–12):1288–1300 (the three choices made parameters here); Mittal, Ross &amp;
 * Baldasare (1998), "The asymmetric impact of negative and positive attribute-level performance on
 * overall satisfaction and repurchase intentions", <i>Journal of Marketing</i> 62(1):33–47.
 *
 * @since 0.2.0
 */
public final class PenaltyReward {

    /**
     * The class of an attribute by its impact-asymmetry index and the cut-offs of
     * {@link Options#classification(double, double)}.
     *
     * @since 0.2.0
     */
    public enum Classification {
        /**
         * {@code IA ≤ dissatisfierAtMost}: a basic factor (must-be); poor performance lowers
         * satisfaction, good performance does not raise it much.
         */
        DISSATISFIER,
        /** Between the cut-offs: penalty and reward of similar size (a hybrid, one-dimensional factor). */
        PERFORMANCE,
        /** {@code IA ≥ satisfierAtLeast}: an excitement factor (delighter). */
        SATISFIER
    }

    /**
     * The three choices that vary between PRCA studies (Albayrak &amp; Caber 2013): the low and high
     * cut-offs, standardised or unstandardised coefficients, and the IA class cut-offs. Immutable; each
     * {@code with}-style method returns a new instance.
     *
     * <p>Cut-offs are given either once (common to all attributes) or one per attribute, in the
     * attributes' order; the count is checked against the data in
     * {@link PenaltyReward#fit(double[][], double[], double[], List, Options)}. For each attribute
     * the low and high sets must be disjoint.
     *
     * @since 0.2.0
     */
    public static final class Options {

        private static final Options DEFAULTS = new Options(new double[] {2.0}, false, new double[] {5.0}, false,
                false, -0.2, 0.2);

        private final double[] low;
        private final boolean lowStrict;
        private final double[] high;
        private final boolean highStrict;
        private final boolean standardized;
        private final double dissatisfierAtMost;
        private final double satisfierAtLeast;

        private Options(double[] low, boolean lowStrict, double[] high, boolean highStrict, boolean standardized,
                double dissatisfierAtMost, double satisfierAtLeast) {
            this.low = low;
            this.lowStrict = lowStrict;
            this.high = high;
            this.highStrict = highStrict;
            this.standardized = standardized;
            this.dissatisfierAtMost = dissatisfierAtMost;
            this.satisfierAtLeast = satisfierAtLeast;
        }

        /**
         * The defaults: low = rating {@code ≤ 2}, high = rating {@code ≥ 5} (top box of 1–5),
         * unstandardised coefficients, {@code IA ≤ −0.2} dissatisfier and {@code IA ≥ 0.2}
         * satisfier. The ±0.2 band is a convention, not a derived value: it leaves attributes whose
         * SGP and DGP differ by less than 0.2 (e.g. 0.4 vs 0.6) in the performance class.
         *
         * @return the default options
         */
        public static Options defaults() {
            return DEFAULTS;
        }

        /**
         * Low = rating {@code ≤ cut}.
         *
         * @param cut one common cut-off, or one per attribute; finite
         * @return new options
         * @throws NullPointerException if {@code cut} is null
         * @throws IllegalArgumentException if {@code cut} is empty or a value is not finite
         */
        public Options lowAtMost(double... cut) {
            return new Options(cuts("lowAtMost", cut), false, high, highStrict, standardized, dissatisfierAtMost,
                    satisfierAtLeast);
        }

        /**
         * Low = rating {@code < cut} ("below scale point a").
         *
         * @param cut one common cut-off, or one per attribute; finite
         * @return new options
         * @throws NullPointerException if {@code cut} is null
         * @throws IllegalArgumentException if {@code cut} is empty or a value is not finite
         */
        public Options lowBelow(double... cut) {
            return new Options(cuts("lowBelow", cut), true, high, highStrict, standardized, dissatisfierAtMost,
                    satisfierAtLeast);
        }

        /**
         * High = rating {@code ≥ cut}.
         *
         * @param cut one common cut-off, or one per attribute; finite
         * @return new options
         * @throws NullPointerException if {@code cut} is null
         * @throws IllegalArgumentException if {@code cut} is empty or a value is not finite
         */
        public Options highAtLeast(double... cut) {
            return new Options(low, lowStrict, cuts("highAtLeast", cut), false, standardized, dissatisfierAtMost,
                    satisfierAtLeast);
        }

        /**
         * High = rating {@code > cut} ("above scale point b").
         *
         * @param cut one common cut-off, or one per attribute; finite
         * @return new options
         * @throws NullPointerException if {@code cut} is null
         * @throws IllegalArgumentException if {@code cut} is empty or a value is not finite
         */
        public Options highAbove(double... cut) {
            return new Options(low, lowStrict, cuts("highAbove", cut), true, standardized, dissatisfierAtMost,
                    satisfierAtLeast);
        }

        /**
         * Standardised ({@code b · sd(D)/sd(y)}, see the class description) or unstandardised
         * (the default) penalties and rewards.
         *
         * @param standardized whether to standardise
         * @return new options
         */
        public Options standardized(boolean standardized) {
            return new Options(low, lowStrict, high, highStrict, standardized, dissatisfierAtMost, satisfierAtLeast);
        }

        /**
         * The IA class cut-offs: {@code IA ≤ dissatisfierAtMost} is a dissatisfier,
         * {@code IA ≥ satisfierAtLeast} a satisfier, anything between a performance attribute.
         *
         * @param dissatisfierAtMost the upper end of the dissatisfier class, in [−1, 1]
         * @param satisfierAtLeast the lower end of the satisfier class, in [−1, 1], greater than
         *     {@code dissatisfierAtMost}
         * @return new options
         * @throws IllegalArgumentException if a cut-off is outside [−1, 1] or
         *     {@code dissatisfierAtMost >= satisfierAtLeast}
         */
        public Options classification(double dissatisfierAtMost, double satisfierAtLeast) {
            if (!(dissatisfierAtMost >= -1.0 && dissatisfierAtMost <= 1.0)) {
                throw new IllegalArgumentException("dissatisfierAtMost must be in [-1, 1], was " + dissatisfierAtMost);
            }
            if (!(satisfierAtLeast >= -1.0 && satisfierAtLeast <= 1.0)) {
                throw new IllegalArgumentException("satisfierAtLeast must be in [-1, 1], was " + satisfierAtLeast);
            }
            if (!(dissatisfierAtMost < satisfierAtLeast)) {
                throw new IllegalArgumentException("dissatisfierAtMost must be < satisfierAtLeast, was "
                        + dissatisfierAtMost + " >= " + satisfierAtLeast);
            }
            return new Options(low, lowStrict, high, highStrict, standardized, dissatisfierAtMost, satisfierAtLeast);
        }

        /**
         * Whether the coefficients are standardised.
         *
         * @return true for {@code b · sd(D)/sd(y)}
         */
        public boolean standardized() {
            return standardized;
        }

        /**
         * The upper end of the dissatisfier class on IA.
         *
         * @return the cut-off, default −0.2
         */
        public double dissatisfierAtMost() {
            return dissatisfierAtMost;
        }

        /**
         * The lower end of the satisfier class on IA.
         *
         * @return the cut-off, default 0.2
         */
        public double satisfierAtLeast() {
            return satisfierAtLeast;
        }

        /**
         * The rule for "low" on one attribute, e.g. {@code "rating ≤ 2"} or {@code "rating < 3"}.
         *
         * @param attribute the attribute's index (ignored for a common cut-off)
         * @return the rule as text
         */
        public String lowRule(int attribute) {
            return "rating " + (lowStrict ? "< " : "≤ ") + number(low[low.length == 1 ? 0 : attribute]);
        }

        /**
         * The rule for "high" on one attribute, e.g. {@code "rating ≥ 5"} or {@code "rating > 4"}.
         *
         * @param attribute the attribute's index (ignored for a common cut-off)
         * @return the rule as text
         */
        public String highRule(int attribute) {
            return "rating " + (highStrict ? "> " : "≥ ") + number(high[high.length == 1 ? 0 : attribute]);
        }

        boolean isLow(double x, int attribute) {
            double c = low[low.length == 1 ? 0 : attribute];
            return lowStrict ? x < c : x <= c;
        }

        boolean isHigh(double x, int attribute) {
            double c = high[high.length == 1 ? 0 : attribute];
            return highStrict ? x > c : x >= c;
        }

        /** Checks the cut-off counts against k attributes and that low and high are disjoint. */
        void check(int k) {
            if (low.length != 1 && low.length != k) {
                throw new IllegalArgumentException("the low cut-offs must be 1 (common) or one per attribute (" + k
                        + "), were " + low.length);
            }
            if (high.length != 1 && high.length != k) {
                throw new IllegalArgumentException("the high cut-offs must be 1 (common) or one per attribute (" + k
                        + "), were " + high.length);
            }
            for (int j = 0; j < k; j++) {
                double a = low[low.length == 1 ? 0 : j];
                double b = high[high.length == 1 ? 0 : j];
                boolean disjoint = lowStrict || highStrict ? a <= b : a < b;
                if (!disjoint) {
                    throw new IllegalArgumentException("the low and high cut-offs of attribute " + j + " overlap: "
                            + lowRule(j) + " and " + highRule(j) + " can both hold");
                }
            }
        }

        private static double[] cuts(String name, double[] cut) {
            Objects.requireNonNull(cut, name);
            if (cut.length == 0) {
                throw new IllegalArgumentException(name + " needs one common cut-off or one per attribute, was empty");
            }
            for (int j = 0; j < cut.length; j++) {
                if (!Double.isFinite(cut[j])) {
                    throw new IllegalArgumentException(name + " cut-off must be finite, was " + cut[j] + " (index " + j
                            + ")");
                }
            }
            return cut.clone();
        }

        /**
         * A readable summary, e.g.
         * {@code Options[low ≤ [2.0], high ≥ [5.0], unstandardized, IA ≤ -0.2 | ≥ 0.2]}.
         *
         * @return the summary
         */
        @Override
        public String toString() {
            return "Options[low " + (lowStrict ? "< " : "≤ ") + Arrays.toString(low) + ", high "
                    + (highStrict ? "> " : "≥ ") + Arrays.toString(high) + ", "
                    + (standardized ? "standardized" : "unstandardized") + ", IA ≤ " + dissatisfierAtMost + " | ≥ "
                    + satisfierAtLeast + "]";
        }
    }

    /**
     * One regression coefficient with its standard error and t test.
     *
     * <pre>{@code
     * statistic = estimate / standardError
     * pValue    = 2 P(T_df ≥ |statistic|)     (two-sided, Student t on df = n − 2k − 1)
     * }</pre>
     *
     * @param estimate the coefficient, in the unit of overall satisfaction (unitless when
     *     standardised), finite
     * @param standardError its standard error, finite and {@code >= 0}
     * @param statistic the t statistic
     * @param pValue the two-sided p-value, in [0, 1]
     * @param degreesOfFreedom the residual degrees of freedom, {@code > 0}
     * @since 0.2.0
     */
    public record Coefficient(double estimate, double standardError, double statistic, double pValue,
            double degreesOfFreedom) {

        /**
         * Validates the components.
         *
         * @param estimate the coefficient
         * @param standardError its standard error
         * @param statistic the t statistic
         * @param pValue the two-sided p-value
         * @param degreesOfFreedom the residual degrees of freedom
         * @throws IllegalArgumentException if {@code estimate} is not finite, {@code standardError} is
         *     not finite and {@code >= 0}, {@code statistic} is NaN, {@code pValue} is not in [0, 1] or
         *     {@code degreesOfFreedom} is not {@code > 0}
         */
        public Coefficient {
            Checks.finite("estimate", estimate);
            if (!(standardError >= 0.0 && standardError < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("standardError must be finite and >= 0, was " + standardError);
            }
            if (Double.isNaN(statistic)) {
                throw new IllegalArgumentException("statistic must not be NaN");
            }
            if (!(pValue >= 0.0 && pValue <= 1.0)) {
                throw new IllegalArgumentException("pValue must be in [0, 1], was " + pValue);
            }
            if (!(degreesOfFreedom > 0.0)) {
                throw new IllegalArgumentException("degreesOfFreedom must be > 0, was " + degreesOfFreedom);
            }
        }

        static Coefficient of(double estimate, double se, double df) {
            double t = se == 0.0 ? (estimate == 0.0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, estimate))
                    : estimate / se;
            double p = Math.min(1.0, 2.0 * StudentT.survival(Math.abs(t), df));
            return new Coefficient(estimate, se, t, p, df);
        }

        /**
         * The estimate as an {@link Estimate} (value, standard error, t degrees of freedom).
         *
         * @return the estimate
         */
        public Estimate asEstimate() {
            return new Estimate(estimate, standardError, degreesOfFreedom);
        }

        /**
         * The Student t interval {@code estimate ± t_{df}((1 + level)/2) · standardError}.
         *
         * @param level the confidence level, in {@code (0, 1)}
         * @return the interval
         * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
         */
        public Interval confidenceInterval(double level) {
            return asEstimate().confidenceInterval(level);
        }

        /**
         * Whether the two-sided p-value is below {@code alpha}.
         *
         * @param alpha the significance level, in {@code (0, 1)}
         * @return {@code pValue < alpha}
         * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
         */
        public boolean isSignificant(double alpha) {
            return pValue < Checks.alpha(alpha);
        }
    }

    /**
     * The PRCA result of one attribute.
     *
     * @param name the attribute's name
     * @param penalty the coefficient p of the low dummy (expected {@code < 0})
     * @param reward the coefficient q of the high dummy (expected {@code > 0})
     * @param rios {@code q + |p|}, the range of impact on overall satisfaction, in the unit of
     *     overall satisfaction (unitless when standardised)
     * @param sgp {@code q / RIOS}, the satisfaction-generating potential; NaN when {@code RIOS = 0}
     * @param dgp {@code |p| / RIOS}, the dissatisfaction-generating potential; NaN when {@code RIOS = 0}
     * @param impactAsymmetry {@code IA = SGP − DGP}, in [−1, 1] when {@code q ≥ 0}; NaN when
     *     {@code RIOS = 0}
     * @param classification the class by IA and the options' cut-offs
     * @param lowCount the respondents used whose rating is low
     * @param highCount the respondents used whose rating is high
     * @since 0.2.0
     */
    public record Attribute(String name, Coefficient penalty, Coefficient reward, double rios, double sgp,
            double dgp, double impactAsymmetry, Classification classification, int lowCount, int highCount) {

        /**
         * Validates the components that cannot be checked against each other.
         *
         * @param name the attribute's name
         * @param penalty the low dummy's coefficient
         * @param reward the high dummy's coefficient
         * @param rios the range of impact
         * @param sgp the satisfaction-generating potential
         * @param dgp the dissatisfaction-generating potential
         * @param impactAsymmetry the impact-asymmetry index
         * @param classification the class
         * @param lowCount the number of low ratings
         * @param highCount the number of high ratings
         * @throws NullPointerException if {@code name}, {@code penalty}, {@code reward} or
         *     {@code classification} is null
         * @throws IllegalArgumentException if {@code rios} is not finite or a count is negative
         */
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(penalty, "penalty");
            Objects.requireNonNull(reward, "reward");
            Objects.requireNonNull(classification, "classification");
            Checks.finite("rios", rios);
            if (lowCount < 0 || highCount < 0) {
                throw new IllegalArgumentException("counts must be >= 0, were " + lowCount + " and " + highCount);
            }
        }

        /**
         * Whether the coefficients have the expected signs, {@code penalty ≤ 0 ≤ reward}; when not,
         * IA follows the published formula with {@code |p|} but its reading as asymmetry is doubtful.
         *
         * @return whether {@code p ≤ 0} and {@code q ≥ 0}
         */
        public boolean signsAsExpected() {
            return penalty.estimate() <= 0.0 && reward.estimate() >= 0.0;
        }
    }

    private final List<Attribute> attributes;
    private final Coefficient intercept;
    private final int respondentsUsed;
    private final double rSquared;
    private final double adjustedRSquared;
    private final double sigma;
    private final Options options;

    private PenaltyReward(List<Attribute> attributes, Coefficient intercept, int respondentsUsed, double rSquared,
            double adjustedRSquared, double sigma, Options options) {
        this.attributes = attributes;
        this.intercept = intercept;
        this.respondentsUsed = respondentsUsed;
        this.rSquared = rSquared;
        this.adjustedRSquared = adjustedRSquared;
        this.sigma = sigma;
        this.options = options;
    }

    /**
     * PRCA with the default options and names {@code "attribute 0"}, {@code "attribute 1"}, …
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @return the analysis
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException as {@link #fit(double[][], double[], double[], List, Options)}
     */
    public static PenaltyReward fit(double[][] ratings, double[] overall) {
        return fit(ratings, overall, null, defaultNames(ratings), Options.defaults(), false);
    }

    /**
     * Unweighted PRCA.
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param names the attributes' names, one per column
     * @param options the cut-offs, coefficient type and class cut-offs
     * @return the analysis
     * @throws NullPointerException if an argument, a row or a name is null
     * @throws IllegalArgumentException as {@link #fit(double[][], double[], double[], List, Options)}
     */
    public static PenaltyReward fit(double[][] ratings, double[] overall, List<String> names, Options options) {
        return fit(ratings, overall, null, names, options, false);
    }

    /**
     * Weighted PRCA (weighted least squares; see the class description for the standard errors).
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param weights one finite survey weight {@code >= 0} per respondent; rows of weight 0 are left out
     * @param names the attributes' names, one per column
     * @param options the cut-offs, coefficient type and class cut-offs
     * @return the analysis
     * @throws NullPointerException if an argument, a row or a name is null
     * @throws IllegalArgumentException if the matrix is empty or ragged, the lengths differ, a value
     *     is infinite, a weight is negative or not finite, the cut-off counts do not match, low and
     *     high overlap, fewer than {@code 2k + 2} respondents are used, overall has no variance, or a
     *     dummy is all zero or collinear (the message names the attribute and the cut-off)
     */
    public static PenaltyReward fit(double[][] ratings, double[] overall, double[] weights, List<String> names,
            Options options) {
        return fit(ratings, overall, Objects.requireNonNull(weights, "weights"), names, options, true);
    }

    private static PenaltyReward fit(double[][] ratings, double[] overall, double[] weights, List<String> names,
            Options options, boolean weighted) {
        Objects.requireNonNull(options, "options");
        Rows rows = Rows.of(ratings, overall, weights, names);
        int k = rows.k;
        options.check(k);
        int n = rows.n;
        int m = 2 * k + 1;
        if (n < m + 1) {
            throw new IllegalArgumentException("penalty-reward analysis of " + k + " attributes fits " + m
                    + " coefficients and needs at least " + (m + 1) + " respondents (residual df >= 1), had " + n);
        }
        double[] y = rows.y;
        double[] w = rows.w;
        double wSum = 0.0;
        double yMean = 0.0;
        for (int i = 0; i < n; i++) {
            wSum += w[i];
        }
        for (int i = 0; i < n; i++) {
            yMean += w[i] / wSum * y[i];
        }
        double syy = 0.0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - yMean;
            syy += w[i] * d * d;
        }
        boolean constant = true;
        for (int i = 1; i < n; i++) {
            constant &= y[i] == y[0];
        }
        if (constant || !(syy > 0.0)) {
            throw new IllegalArgumentException("overall has no variance among the " + n + " respondents used");
        }
        // design, column-major, already scaled by sqrt(w)
        double[][] a = new double[m][n];
        double[] sw = new double[n];
        for (int i = 0; i < n; i++) {
            sw[i] = Math.sqrt(w[i]);
            a[0][i] = sw[i];
        }
        int[] lowCount = new int[k];
        int[] highCount = new int[k];
        double[] dummySd = new double[m];
        for (int j = 0; j < k; j++) {
            double[] lo = a[1 + 2 * j];
            double[] hi = a[2 + 2 * j];
            double wl = 0.0;
            double wh = 0.0;
            for (int i = 0; i < n; i++) {
                double x = rows.x[i][j];
                if (options.isLow(x, j)) {
                    lo[i] = sw[i];
                    lowCount[j]++;
                    wl += w[i];
                } else if (options.isHigh(x, j)) {
                    hi[i] = sw[i];
                    highCount[j]++;
                    wh += w[i];
                }
            }
            String name = rows.names.get(j);
            if (lowCount[j] == 0) {
                throw new IllegalArgumentException("attribute \"" + name + "\" (index " + j + ") has no low rating ("
                        + options.lowRule(j) + ") among the " + n + " respondents used: its penalty dummy is all zero;"
                        + " raise the low cut-off");
            }
            if (highCount[j] == 0) {
                throw new IllegalArgumentException("attribute \"" + name + "\" (index " + j + ") has no high rating ("
                        + options.highRule(j) + ") among the " + n + " respondents used: its reward dummy is all zero;"
                        + " lower the high cut-off");
            }
            // weighted sd of a 0/1 dummy with weighted share s: sqrt(s(1 − s))
            double sl = wl / wSum;
            double sh = wh / wSum;
            dummySd[1 + 2 * j] = Math.sqrt(sl * (1.0 - sl));
            dummySd[2 + 2 * j] = Math.sqrt(sh * (1.0 - sh));
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = sw[i] * y[i];
        }
        double[] columnNorm = new double[m];
        for (int c = 0; c < m; c++) {
            columnNorm[c] = Math.sqrt(Importance.dot(a[c], a[c], 0, n));
        }
        double[] diag = new double[m];
        for (int c = 0; c < m; c++) {
            double[] v = a[c];
            double norm = Math.sqrt(Importance.dot(v, v, c, n));
            // a column with nothing left after projecting out the earlier ones is collinear with them
            if (!(norm > 1e-10 * columnNorm[c])) {
                throw collinear(c, rows.names, options, n);
            }
            double alpha = v[c] > 0 ? -norm : norm;
            diag[c] = alpha;
            v[c] -= alpha;
            double vv = Importance.dot(v, v, c, n);
            for (int d = c + 1; d < m; d++) {
                axpy(-2.0 * Importance.dot(v, a[d], c, n) / vv, v, a[d], c, n);
            }
            axpy(-2.0 * Importance.dot(v, b, c, n) / vv, v, b, c, n);
        }
        double[] coef = new double[m];
        for (int j = m - 1; j >= 0; j--) {
            double s = b[j];
            for (int c = j + 1; c < m; c++) {
                s -= a[c][j] * coef[c];
            }
            coef[j] = s / diag[j];
        }
        // R⁻¹ (R_jc for c > j is in a[c][j]); diag((XᵀWX)⁻¹) = row norms² of R⁻¹
        double[][] inv = new double[m][m];
        for (int c = 0; c < m; c++) {
            inv[c][c] = 1.0 / diag[c];
            for (int j = c - 1; j >= 0; j--) {
                double s = 0.0;
                for (int q = j + 1; q <= c; q++) {
                    s += a[q][j] * inv[q][c];
                }
                inv[j][c] = -s / diag[j];
            }
        }
        double rss = Importance.dot(b, b, m, n);
        int df = n - m;
        double sigma = Math.sqrt(rss / df);
        double[] se = new double[m];
        for (int j = 0; j < m; j++) {
            double rowNorm = 0.0;
            for (int c = j; c < m; c++) {
                rowNorm = Math.hypot(rowNorm, inv[j][c]);
            }
            se[j] = sigma * rowNorm;
        }
        double r2 = 1.0 - rss / syy;
        double adj = 1.0 - (1.0 - r2) * (n - 1) / df;
        if (options.standardized) {
            double sdy = Math.sqrt(syy / wSum);
            for (int c = 1; c < m; c++) {
                double f = dummySd[c] / sdy;
                coef[c] *= f;
                se[c] *= f;
            }
        }
        List<Attribute> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            Coefficient pen = Coefficient.of(coef[1 + 2 * j], se[1 + 2 * j], df);
            Coefficient rew = Coefficient.of(coef[2 + 2 * j], se[2 + 2 * j], df);
            double p = pen.estimate();
            double q = rew.estimate();
            double rios = q + Math.abs(p);
            double sgp = rios == 0.0 ? Double.NaN : q / rios;
            double dgp = rios == 0.0 ? Double.NaN : Math.abs(p) / rios;
            double ia = rios == 0.0 ? Double.NaN : (q - Math.abs(p)) / rios;
            Classification cls = ia <= options.dissatisfierAtMost ? Classification.DISSATISFIER
                    : ia >= options.satisfierAtLeast ? Classification.SATISFIER : Classification.PERFORMANCE;
            out.add(new Attribute(rows.names.get(j), pen, rew, rios, sgp, dgp, ia, cls, lowCount[j], highCount[j]));
        }
        return new PenaltyReward(Collections.unmodifiableList(out), Coefficient.of(coef[0], se[0], df), n, r2, adj,
                sigma, options);
    }

    private static IllegalArgumentException collinear(int column, List<String> names, Options options, int n) {
        if (column == 0) {
            return new IllegalArgumentException("the intercept column is zero"); // unreachable: weights > 0
        }
        int j = (column - 1) / 2;
        boolean low = column % 2 == 1;
        String rule = low ? options.lowRule(j) : options.highRule(j);
        return new IllegalArgumentException("the " + (low ? "penalty" : "reward") + " dummy of attribute \""
                + names.get(j) + "\" (index " + j + ", " + rule + ") is collinear with the intercept and the"
                + " earlier dummies among the " + n + " respondents used (e.g. every respondent, or every"
                + " respondent not " + (low ? "high" : "low") + ", falls in it); change the cut-offs or drop the"
                + " attribute");
    }

    /** {@code y[i] += f·x[i]} over {@code [from, to)}. */
    private static void axpy(double f, double[] x, double[] y, int from, int to) {
        for (int i = from; i < to; i++) {
            y[i] += f * x[i];
        }
    }

    static List<String> defaultNames(double[][] ratings) {
        Objects.requireNonNull(ratings, "ratings");
        int k = ratings.length == 0 ? 0 : Objects.requireNonNull(ratings[0], "ratings[0]").length;
        List<String> names = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            names.add("attribute " + j);
        }
        return names;
    }

    /**
     * The attributes' results, in the columns' order.
     *
     * @return an unmodifiable list
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * One attribute's result.
     *
     * @param attribute the column index
     * @return its result
     * @throws IndexOutOfBoundsException if the index is not a column
     */
    public Attribute attribute(int attribute) {
        return attributes.get(Objects.checkIndex(attribute, attributes.size()));
    }

    /**
     * One attribute's result by name.
     *
     * @param name the attribute's name
     * @return its result
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if no attribute has that name
     */
    public Attribute attribute(String name) {
        Objects.requireNonNull(name, "name");
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no attribute named \"" + name + "\"");
    }

    /**
     * The intercept b₀: the mean overall satisfaction of a respondent in the middle class of every
     * attribute, in the unit of overall satisfaction (never standardised).
     *
     * @return the intercept with its t test
     */
    public Coefficient intercept() {
        return intercept;
    }

    /**
     * The respondents used: complete rows with a positive weight.
     *
     * @return n
     */
    public int respondentsUsed() {
        return respondentsUsed;
    }

    /**
     * The residual degrees of freedom {@code n − 2k − 1}.
     *
     * @return df, {@code >= 1}
     */
    public int residualDegreesOfFreedom() {
        return respondentsUsed - 2 * attributes.size() - 1;
    }

    /**
     * The (weighted) coefficient of determination {@code 1 − Σ w e² / Σ w (y − ȳ_w)²}.
     *
     * @return R², in [0, 1]
     */
    public double rSquared() {
        return rSquared;
    }

    /**
     * The adjusted R², {@code 1 − (1 − R²)(n − 1)/(n − 2k − 1)}.
     *
     * @return adjusted R², at most R² (may be negative)
     */
    public double adjustedRSquared() {
        return adjustedRSquared;
    }

    /**
     * The residual standard error {@code σ̂ = sqrt(Σ w e² / (n − 2k − 1))}, in the unit of overall
     * satisfaction.
     *
     * @return σ̂, {@code >= 0}
     */
    public double sigma() {
        return sigma;
    }

    /**
     * The options used.
     *
     * @return the options
     */
    public Options options() {
        return options;
    }

    /**
     * A readable summary, e.g.
     * {@code PenaltyReward[n=30, R²=0.854, website: p=-2.281 q=0.546 IA=-0.614 DISSATISFIER, …]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PenaltyReward[n=").append(respondentsUsed)
                .append(String.format(Locale.ROOT, ", R²=%.3f", rSquared));
        for (Attribute a : attributes) {
            sb.append(String.format(Locale.ROOT, ", %s: p=%.3f q=%.3f IA=%.3f %s", a.name(), a.penalty().estimate(),
                    a.reward().estimate(), a.impactAsymmetry(), a.classification()));
        }
        return sb.append(']').toString();
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Complete rows with positive weight, copied: {@code x[i][j]}, {@code y[i]}, {@code w[i]}. */
    static final class Rows {
        final int n;
        final int k;
        final double[][] x;
        final double[] y;
        final double[] w;
        final List<String> names;

        private Rows(int n, int k, double[][] x, double[] y, double[] w, List<String> names) {
            this.n = n;
            this.k = k;
            this.x = x;
            this.y = y;
            this.w = w;
            this.names = names;
        }

        /** Validates everything before anything is kept; {@code weights} null means all 1. */
        static Rows of(double[][] ratings, double[] overall, double[] weights, List<String> names) {
            Objects.requireNonNull(ratings, "ratings");
            Objects.requireNonNull(overall, "overall");
            Objects.requireNonNull(names, "names");
            if (ratings.length != overall.length) {
                throw new IllegalArgumentException("ratings has " + ratings.length + " rows but overall has "
                        + overall.length + " values");
            }
            if (weights != null && weights.length != ratings.length) {
                throw new IllegalArgumentException("ratings has " + ratings.length + " rows but weights has "
                        + weights.length + " values");
            }
            if (ratings.length == 0) {
                throw new IllegalArgumentException("ratings must have at least one row");
            }
            int k = Objects.requireNonNull(ratings[0], "ratings[0]").length;
            if (k == 0) {
                throw new IllegalArgumentException("ratings must have at least one attribute column");
            }
            if (names.size() != k) {
                throw new IllegalArgumentException("names has " + names.size() + " entries but ratings has " + k
                        + " attribute columns");
            }
            List<String> copy = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                String name = Objects.requireNonNull(names.get(j), "names[" + j + "]");
                if (copy.contains(name)) {
                    throw new IllegalArgumentException("names must be distinct, \"" + name + "\" repeats at index " + j);
                }
                copy.add(name);
            }
            boolean[] keep = new boolean[ratings.length];
            int n = 0;
            for (int i = 0; i < ratings.length; i++) {
                double[] row = Objects.requireNonNull(ratings[i], "ratings[" + i + "]");
                if (row.length != k) {
                    throw new IllegalArgumentException("ratings row " + i + " has " + row.length + " values, expected "
                            + k);
                }
                if (Double.isInfinite(overall[i])) {
                    throw new IllegalArgumentException("overall[" + i + "] must be finite or NaN (missing), was "
                            + overall[i]);
                }
                boolean complete = !Double.isNaN(overall[i]);
                for (int j = 0; j < k; j++) {
                    if (Double.isInfinite(row[j])) {
                        throw new IllegalArgumentException("ratings[" + i + "][" + j
                                + "] must be finite or NaN (missing), was " + row[j]);
                    }
                    complete &= !Double.isNaN(row[j]);
                }
                if (weights != null) {
                    if (!(weights[i] >= 0.0 && weights[i] < Double.POSITIVE_INFINITY)) {
                        throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, was "
                                + weights[i]);
                    }
                    complete &= weights[i] > 0.0;
                }
                keep[i] = complete;
                n += complete ? 1 : 0;
            }
            double[][] x = new double[n][];
            double[] y = new double[n];
            double[] w = new double[n];
            for (int i = 0, r = 0; i < ratings.length; i++) {
                if (keep[i]) {
                    x[r] = ratings[i].clone();
                    y[r] = overall[i];
                    w[r++] = weights == null ? 1.0 : weights[i];
                }
            }
            return new Rows(n, k, x, y, w, Collections.unmodifiableList(copy));
        }
    }
}
