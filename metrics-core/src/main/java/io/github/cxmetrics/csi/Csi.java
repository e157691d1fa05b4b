package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.math.Normal;
import io.github.cxmetrics.stats.Interval;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.RatingDistribution;
import io.github.cxmetrics.survey.Scale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * A customer satisfaction index: the importance-weighted mean of several attribute ratings, rescaled
 * to 0–100.
 *
 * <pre>{@code
 * w_i   = importance_i / Σ importance                    (normalised weights, sum 1)
 * s_i   = 100 · (mean_i − min) / (max − min)             (attribute score, 0…100)
 * CSI   = Σ w_i · s_i                                    (percent, 0…100)
 * }</pre>
 * 0 when every attribute sits at the bottom of the scale, 100 at the top. Importance is any
 * non-negative weight: stated importance, points allocated by respondents, or a derived coefficient
 * such as those of {@code Importance}. With three items on 1–10 and equal weights this is the
 * ACSI-style index {@code (S + E + P − 3)/27 · 100} (satisfaction, expectation, performance
 * items; Fornell et al. 1996, "The American Customer Satisfaction Index: nature, purpose, and
 * findings", <i>Journal of Marketing</i> 60(4):7–18). The ACSI itself weights its items by the
 * outer weights of a PLS path model estimated each year; callers who have those weights pass them
 * as the importances.
 *
 * <p>Only the ratios of the importances matter. They are divided by the largest before they are
 * summed, so any finite non-negative importances — from {@code 1e-300} to {@code 1.7e308} in one
 * index — give finite weights: {@code w_i = (importance_i/max)/Σ (importance_j/max)}. An
 * importance below about {@code 1e-308} of the largest then weighs exactly 0.
 *
 * <h2>Uncertainty</h2>
 * By the delta method, treating the attributes as <b>independent samples</b>:
 * <pre>{@code
 * SE(CSI) = sqrt( Σ (w_i · 100/(max − min))² · s²_i / n_i )
 * }</pre>
 * with {@code s²_i} the (Kish-corrected) variance and {@code n_i} the effective size of attribute i;
 * the interval is {@code CSI ± z·SE}, clipped to [0, 100]. When the same respondents rate every
 * attribute, the ratings are usually positively correlated and this SE is then too small; use it
 * as a lower bound. An attribute given only as a mean carries no standard error, so neither does
 * the index: {@link #standardError()} then throws {@link IllegalStateException}.
 *
 * <p>Instances are immutable and compare by value: two indices are equal when they have the same
 * scale, the same attributes (names, weights, means, scores, contributions) in the same order and
 * the same per-attribute variances, all compared bit for bit. Importances that differ only by a
 * common factor give equal indices when the factor leaves the weights' bits unchanged (e.g. a
 * power of two).
 *
 * @since 0.1.0
 */
public final class Csi {

    /**
     * One attribute of the index.
     *
     * @param name the attribute's name, not blank
     * @param weight its normalised weight, in [0, 1]; the weights of an index sum to 1
     * @param mean its mean rating, in scale points, finite
     * @param score its score {@code 100·(mean − min)/(max − min)}, in [0, 100]
     * @param contribution {@code weight · score}, its share of the index in points, in [0, 100]
     * @since 0.1.0
     */
    public record Attribute(String name, double weight, double mean, double score, double contribution) {

        /**
         * Validates the components.
         *
         * @param name the attribute's name
         * @param weight its normalised weight
         * @param mean its mean rating
         * @param score its score
         * @param contribution its contribution
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code name} is blank, {@code weight} is not in [0, 1],
         *     {@code mean} is NaN or infinite, or {@code score} or {@code contribution} is not in
         *     [0, 100] (NaN is in no range)
         */
        public Attribute {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("attribute name must not be blank");
            }
            if (!(weight >= 0.0 && weight <= 1.0)) {
                throw new IllegalArgumentException("weight of \"" + name + "\" must be in [0, 1], was " + weight);
            }
            if (!Double.isFinite(mean)) {
                throw new IllegalArgumentException("mean of \"" + name + "\" must be finite, was " + mean);
            }
            if (!(score >= 0.0 && score <= 100.0)) {
                throw new IllegalArgumentException("score of \"" + name + "\" must be in [0, 100], was " + score);
            }
            if (!(contribution >= 0.0 && contribution <= 100.0)) {
                throw new IllegalArgumentException("contribution of \"" + name + "\" must be in [0, 100], was "
                        + contribution);
            }
        }
    }

    private final Scale scale;
    private final List<Attribute> attributes;
    private final double[] varianceOfMean; // s²/n per attribute, NaN when unknown
    private final double index;

    private Csi(Scale scale, List<Attribute> attributes, double[] varianceOfMean) {
        this.scale = scale;
        this.attributes = attributes;
        this.varianceOfMean = varianceOfMean;
        double sum = 0.0;
        for (Attribute a : attributes) {
            sum += a.contribution();
        }
        this.index = Math.max(0.0, Math.min(100.0, sum));
    }

    /**
     * A collector of respondents into an index: each respondent rates every attribute, and each
     * attribute's ratings are accumulated into a {@link RatingAccumulator} (partial results of a parallel
     * stream are merged exactly), then the index is built as with
     * {@link Builder#attribute(String, double, RatingDistribution)} in the map's iteration order.
     *
     * @param <T> the type of the stream elements (respondents)
     * @param scale the scale of every rating
     * @param importance each attribute's name and importance (finite, {@code >= 0}), in the order of the
     *     ratings (use a {@link java.util.LinkedHashMap} or another ordered map)
     * @param ratings a respondent's ratings, one per attribute in that order, each on the scale
     * @return the collector
     * @throws NullPointerException if an argument or a key or value of {@code importance} is null
     * @throws IllegalArgumentException if {@code importance} is empty or has a blank name or an invalid
     *     importance; during collection, if a respondent's ratings have the wrong length (the message
     *     gives both lengths) or a rating is off the scale; at the end, if an attribute has no ratings
     * @since 0.2.0
     */
    public static <T> Collector<T, ?, Csi> collector(Scale scale, Map<String, Double> importance,
            Function<? super T, int[]> ratings) {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(ratings, "ratings");
        if (importance.isEmpty()) {
            throw new IllegalArgumentException("importance must name at least one attribute");
        }
        List<String> names = new ArrayList<>(importance.size());
        double[] weights = new double[importance.size()];
        Builder check = new Builder(scale);
        for (Map.Entry<String, Double> e : importance.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "attribute name");
            double w = Objects.requireNonNull(e.getValue(), "importance of \"" + name + "\"");
            check.checkName(name);
            Builder.checkImportance(name, w);
            weights[names.size()] = w;
            names.add(name);
        }
        int k = names.size();
        return Collector.of(() -> {
            RatingAccumulator[] acc = new RatingAccumulator[k];
            for (int i = 0; i < k; i++) {
                acc[i] = new RatingAccumulator(scale);
            }
            return acc;
        }, (acc, t) -> {
            int[] r = Objects.requireNonNull(ratings.apply(t), "ratings of a respondent");
            if (r.length != k) {
                throw new IllegalArgumentException("a respondent has " + r.length + " ratings, the index has " + k
                        + " attributes");
            }
            for (int i = 0; i < k; i++) {
                if (!scale.contains(r[i])) {
                    throw new IllegalArgumentException("rating " + r[i] + " of \"" + names.get(i)
                            + "\" is outside scale " + scale);
                }
            }
            for (int i = 0; i < k; i++) {
                acc[i].add(r[i]);
            }
        }, (a, b) -> {
            for (int i = 0; i < k; i++) {
                a[i].merge(b[i]);
            }
            return a;
        }, acc -> {
            Builder b = new Builder(scale);
            for (int i = 0; i < k; i++) {
                b.attribute(names.get(i), weights[i], acc[i].snapshot());
            }
            return b.build();
        }, Collector.Characteristics.UNORDERED);
    }

    /**
     * Starts an index on a rating scale.
     *
     * @param scale the scale every attribute is rated on
     * @return a new builder
     * @throws NullPointerException if {@code scale} is null
     */
    public static Builder builder(Scale scale) {
        return new Builder(Objects.requireNonNull(scale, "scale"));
    }

    /**
     * The scale.
     *
     * @return the scale the attributes are rated on
     */
    public Scale scale() {
        return scale;
    }

    /**
     * The index, {@code Σ w_i · s_i}.
     *
     * @return the CSI in percent, in [0, 100]
     */
    public double index() {
        return index;
    }

    /**
     * The attributes in the order they were added.
     *
     * @return an unmodifiable list
     */
    public List<Attribute> attributes() {
        return attributes;
    }

    /**
     * Whether every attribute was given as a distribution with an effective size above 1, so that
     * the index has a standard error.
     *
     * @return whether {@link #standardError()} is defined
     */
    public boolean hasStandardError() {
        for (double v : varianceOfMean) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The delta-method standard error {@code sqrt(Σ (w_i·100/(max − min))² · s²_i/n_i)}, assuming
     * independent attributes (see the class description).
     *
     * @return the standard error, in points
     * @throws IllegalStateException if an attribute was given only as a mean or has an effective
     *     size not above 1
     */
    public double standardError() {
        double factor = 100.0 / ((double) scale.max() - scale.min());
        double sum = 0.0;
        for (int i = 0; i < varianceOfMean.length; i++) {
            if (Double.isNaN(varianceOfMean[i])) {
                throw new IllegalStateException("the CSI has no standard error: attribute \""
                        + attributes.get(i).name() + "\" was given without a distribution to estimate its "
                        + "variance (as a mean only, or with an effective size not above 1)");
            }
            double c = attributes.get(i).weight() * factor;
            sum += c * c * varianceOfMean[i];
        }
        return Math.sqrt(sum);
    }

    /**
     * The delta-method interval {@code CSI ± z·SE}, clipped to [0, 100], with {@code z} the
     * standard normal quantile {@code Φ⁻¹((1 + level)/2)}.
     *
     * @param level the confidence level, in {@code (0, 1)}
     * @return the interval, in points
     * @throws IllegalArgumentException if {@code level} is not in {@code (0, 1)}
     * @throws IllegalStateException if the index has no standard error
     */
    public Interval confidenceInterval(double level) {
        double z = Normal.twoSidedCritical(level);
        double half = z * standardError();
        return new Interval(Math.max(0.0, index - half), Math.min(100.0, index + half), level);
    }

    /**
     * Equal when scale, attributes and per-attribute variances are equal (see the class description).
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Csi)) {
            return false;
        }
        Csi other = (Csi) o;
        return scale.equals(other.scale) && attributes.equals(other.attributes)
                && Arrays.equals(varianceOfMean, other.varianceOfMean);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return (scale.hashCode() * 31 + attributes.hashCode()) * 31 + Arrays.hashCode(varianceOfMean);
    }

    /**
     * A readable summary, e.g.
     * {@code Csi[index=72.2, scale=1..10, attributes=[satisfaction, expectation, ideal]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder names = new StringBuilder();
        for (Attribute a : attributes) {
            names.append(names.length() == 0 ? "" : ", ").append(a.name());
        }
        return String.format(Locale.ROOT, "Csi[index=%.1f, scale=%s, attributes=[%s]]", index, scale, names);
    }

    /**
     * Collects the attributes of a {@link Csi}; not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private final Scale scale;
        private final List<String> names = new ArrayList<>();
        private final List<Double> importances = new ArrayList<>();
        private final List<Double> means = new ArrayList<>();
        private final List<Double> variancesOfMean = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        private Builder(Scale scale) {
            this.scale = scale;
        }

        /**
         * Adds an attribute from its rating distribution; its mean, variance and effective size
         * feed the index and its standard error.
         *
         * @param name the attribute's name, unique within the index
         * @param importance its importance, finite and {@code >= 0}
         * @param ratings its ratings, on the builder's scale, not empty
         * @return this builder
         * @throws NullPointerException if {@code name} or {@code ratings} is null
         * @throws IllegalArgumentException if the name is blank or repeated, the importance is
         *     negative, NaN or infinite, the scale differs, or the distribution has no weight
         */
        public Builder attribute(String name, double importance, RatingDistribution ratings) {
            Objects.requireNonNull(ratings, "ratings");
            checkName(name);
            checkImportance(name, importance);
            if (!ratings.scale().equals(scale)) {
                throw new IllegalArgumentException("ratings of \"" + name + "\" are on scale " + ratings.scale()
                        + ", the index is on " + scale);
            }
            if (ratings.isEmpty() || ratings.totalWeight() == 0.0) {
                throw new IllegalArgumentException("attribute \"" + name + "\" has no responses");
            }
            double n = ratings.effectiveSize();
            double variance = n > 1.0 ? ratings.variance() / n : Double.NaN;
            double raw = ratings.mean();
            if (Double.isNaN(raw)) {
                throw new IllegalArgumentException("ratings of \"" + name + "\" have no finite mean");
            }
            // a weighted mean may round a hair outside the scale; the index is defined on the scale
            double mean = Math.max(scale.min(), Math.min(scale.max(), raw));
            return add(name, importance, mean, Double.isFinite(variance) ? variance : Double.NaN);
        }

        /**
         * Adds an attribute given only by its mean rating; the index then has no standard error.
         *
         * @param name the attribute's name, unique within the index
         * @param importance its importance, finite and {@code >= 0}
         * @param mean its mean rating, within the scale
         * @return this builder
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if the name is blank or repeated, the importance is
         *     negative, NaN or infinite, or the mean is outside the scale
         */
        public Builder attribute(String name, double importance, double mean) {
            checkName(name);
            checkImportance(name, importance);
            if (!(mean >= scale.min() && mean <= scale.max())) {
                throw new IllegalArgumentException("mean of \"" + name + "\" must be in " + scale + ", was " + mean);
            }
            return add(name, importance, mean, Double.NaN);
        }

        /**
         * Builds the index.
         *
         * @return the CSI
         * @throws IllegalStateException if no attribute was added or every importance is 0
         */
        public Csi build() {
            if (names.isEmpty()) {
                throw new IllegalStateException("a CSI needs at least one attribute");
            }
            // divide by the largest importance before summing: Σ importance may overflow, Σ (importance/max)
            // is at most the number of attributes
            double largest = 0.0;
            for (double w : importances) {
                largest = Math.max(largest, w);
            }
            if (!(largest > 0.0)) {
                throw new IllegalStateException(
                        "every importance is 0; at least one attribute needs a positive importance");
            }
            double total = 0.0;
            for (double w : importances) {
                total += w / largest;
            }
            double min = scale.min();
            double range = (double) scale.max() - min;
            List<Attribute> list = new ArrayList<>(names.size());
            double[] variances = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                double weight = Math.min(1.0, importances.get(i) / largest / total);
                double mean = means.get(i);
                double score = Math.max(0.0, Math.min(100.0, 100.0 * ((mean - min) / range)));
                list.add(new Attribute(names.get(i), weight, mean, score, Math.min(100.0, weight * score)));
                variances[i] = variancesOfMean.get(i);
            }
            return new Csi(scale, Collections.unmodifiableList(list), variances);
        }

        private Builder add(String name, double importance, double mean, double varianceOfMean) {
            seen.add(name);
            names.add(name);
            importances.add(importance);
            means.add(mean);
            variancesOfMean.add(varianceOfMean);
            return this;
        }

        private void checkName(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("attribute name must not be blank");
            }
            if (seen.contains(name)) {
                throw new IllegalArgumentException("attribute \"" + name + "\" was already added");
            }
        }

        private static void checkImportance(String name, double importance) {
            if (!(importance >= 0.0 && importance < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("importance of \"" + name + "\" must be finite and >= 0, was "
                        + importance);
            }
        }
    }
}
