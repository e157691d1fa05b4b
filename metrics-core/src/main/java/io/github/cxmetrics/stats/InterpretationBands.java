package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A replaceable set of interpretation bands: ordered thresholds that put a verbal label on a value
 * ("positive", "excellent"). A band is a label on a value, never a change to it: nothing here alters a
 * score, and a label says nothing about the uncertainty of the value it describes (an NPS of 51 ± 9 is
 * labelled "excellent" as surely as an NPS of 51 ± 1 — read the interval too).
 *
 * <p>A set is built from the label of its lowest band and thresholds in strictly increasing order,
 * each opening the next band; whether the threshold itself belongs to the band above it is explicit:
 * <pre>{@code
 * InterpretationBands.builder("my NPS bands", "team agreement 2026", "weak")
 *         .above(0, "positive")          // 0 < value <= 30
 *         .atLeast(30, "strong")         // value >= 30
 *         .build()
 *         .label(30.0)                   // "strong"
 * }</pre>
 * The bands cover the whole real line; the lowest is unbounded below, the highest unbounded above.
 * Three named sets are provided, each with its source: {@link #NPS}, {@link #CSAT} and
 * {@link #CES_2}. They are conventions of practitioners, not statistical norms; replace them with
 * your organisation's or your industry's. Instances are immutable values.
 *
 * @since 0.2.0
 */
public final class InterpretationBands {

    /**
     * NPS in points (−100…100): {@code <= 0} "not positive", {@code > 0} "positive", {@code > 50}
     * "excellent". Source: the cxmetrics project brief, seed 004 ("above 0 is positive, above 50
     * excellent"), quoted in issue 21; the cut-offs are a reporting convention, not part of Reichheld's
     * (2003) definition of the score.
     */
    public static final InterpretationBands NPS = builder("NPS: above 0 positive, above 50 excellent",
            "cxmetrics seed 004: \"above 0 is positive, above 50 excellent\"", "not positive")
            .above(0, "positive").above(50, "excellent").build();

    /**
     * CSAT in percent satisfied (0…100): {@code < 50} "red alert", {@code 50–59} "concerning",
     * {@code 60–69} "average", {@code 70–74} "acceptable", {@code 75–79} "good", {@code 80–89}
     * "excellent", {@code >= 90} "exceptional" (each threshold belongs to the band above it). Source:
     * Armatis (2026), "What is a good CSAT score? Discover your industry benchmarks",
     * armatis.com/en/2026/01/16/what-is-a-good-csat-score-discover-your-industry-benchmarks — a
     * contact-centre vendor's reference thresholds for top-two-box CSAT, which it relates to the
     * American Customer Satisfaction Index; a practitioner convention, not a published norm.
     */
    public static final InterpretationBands CSAT = builder("CSAT: Armatis 2026 reference thresholds",
            "Armatis (2026), \"What is a good CSAT score? Discover your industry benchmarks\"", "red alert")
            .atLeast(50, "concerning").atLeast(60, "average").atLeast(70, "acceptable").atLeast(75, "good")
            .atLeast(80, "excellent").atLeast(90, "exceptional").build();

    /**
     * The mean CES 2.0 rating (1–7, higher is easier): {@code < 4} "high effort", {@code 4–5}
     * "neutral", {@code > 5} "low effort". The scale's midpoint 4 is the instrument's "neither agree
     * nor disagree" (Dixon, Toman &amp; DeLisi 2013, <i>The Effortless Experience</i>); the thresholds
     * are those of latesttechupdates.com, "What is a good customer effort score?" (customer effort score
     * benchmark best practices: "above 5 … low effort, 4–5 neutral, below 4 … high effort"), which
     * agrees with Zonka Feedback's guide ("the ideal CES score is over 5"). A vendor convention; the
     * CES authors themselves advise looking at the distribution rather than benchmarking the mean.
     */
    public static final InterpretationBands CES_2 = builder("CES 2.0 mean: 4 neutral, above 5 low effort",
            "latesttechupdates.com, \"What is a good customer effort score?\"; Zonka Feedback CES benchmark guide",
            "high effort").atLeast(4, "neutral").above(5, "low effort").build();

    /**
     * One band: a label on an interval of values.
     *
     * @param label the label, not blank
     * @param lower the lower bound ({@code −∞} for the lowest band)
     * @param lowerInclusive whether {@code lower} itself is in the band
     * @param upper the upper bound ({@code +∞} for the highest band), {@code > lower}
     * @param upperInclusive whether {@code upper} itself is in the band
     * @since 0.2.0
     */
    public record Band(String label, double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {

        /**
         * Validates the components.
         *
         * @param label the label
         * @param lower the lower bound
         * @param lowerInclusive whether the lower bound is in the band
         * @param upper the upper bound
         * @param upperInclusive whether the upper bound is in the band
         * @throws NullPointerException if {@code label} is null
         * @throws IllegalArgumentException if {@code label} is blank, a bound is NaN, {@code lower >=
         *     upper}, or an infinite bound is inclusive
         */
        public Band {
            Objects.requireNonNull(label, "label");
            if (label.isBlank()) {
                throw new IllegalArgumentException("label must not be blank");
            }
            if (Double.isNaN(lower) || Double.isNaN(upper) || !(lower < upper)) {
                throw new IllegalArgumentException("lower must be < upper, was " + lower + " and " + upper);
            }
            if ((lowerInclusive && Double.isInfinite(lower)) || (upperInclusive && Double.isInfinite(upper))) {
                throw new IllegalArgumentException("an infinite bound cannot be inclusive");
            }
        }

        /**
         * Whether the band holds a value.
         *
         * @param value the value
         * @return whether {@code value} is within the bounds
         */
        public boolean contains(double value) {
            boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
            boolean belowUpper = upperInclusive ? value <= upper : value < upper;
            return aboveLower && belowUpper;
        }

        /**
         * The band in interval notation with its label, e.g. {@code (0, 50] positive}.
         *
         * @return the description
         */
        @Override
        public String toString() {
            return (lowerInclusive ? "[" : "(") + bound(lower) + ", " + bound(upper) + (upperInclusive ? "]" : ")")
                    + " " + label;
        }

        private static String bound(double b) {
            if (Double.isInfinite(b)) {
                return b > 0 ? "∞" : "−∞";
            }
            return b == Math.rint(b) && Math.abs(b) < 1e15 ? Long.toString((long) b) : Double.toString(b);
        }
    }

    /**
     * Builds a set of bands from the bottom up.
     *
     * @since 0.2.0
     */
    public static final class Builder {

        private final String name;
        private final String source;
        private final List<String> labels = new ArrayList<>();
        private final List<Double> thresholds = new ArrayList<>();
        private final List<Boolean> inclusive = new ArrayList<>();

        private Builder(String name, String source, String lowestLabel) {
            this.name = requireText(name, "name");
            this.source = requireText(source, "source");
            labels.add(requireText(lowestLabel, "lowestLabel"));
        }

        /**
         * Opens a band for the values strictly above a threshold ({@code value > threshold}).
         *
         * @param threshold the threshold, finite, above the previous one
         * @param label the band's label, not blank
         * @return this builder
         * @throws NullPointerException if {@code label} is null
         * @throws IllegalArgumentException if the threshold is not finite or not above the previous one,
         *     or the label is blank
         */
        public Builder above(double threshold, String label) {
            return add(threshold, false, label);
        }

        /**
         * Opens a band for the values at or above a threshold ({@code value >= threshold}).
         *
         * @param threshold the threshold, finite, above the previous one
         * @param label the band's label, not blank
         * @return this builder
         * @throws NullPointerException if {@code label} is null
         * @throws IllegalArgumentException if the threshold is not finite or not above the previous one,
         *     or the label is blank
         */
        public Builder atLeast(double threshold, String label) {
            return add(threshold, true, label);
        }

        private Builder add(double threshold, boolean atLeast, String label) {
            Checks.finite("threshold", threshold);
            requireText(label, "label");
            if (!thresholds.isEmpty() && !(threshold > thresholds.get(thresholds.size() - 1))) {
                throw new IllegalArgumentException("thresholds must increase strictly, was " + threshold
                        + " after " + thresholds.get(thresholds.size() - 1));
            }
            thresholds.add(threshold);
            inclusive.add(atLeast);
            labels.add(label);
            return this;
        }

        /**
         * The set of bands.
         *
         * @return the immutable set (a single band if no threshold was given)
         */
        public InterpretationBands build() {
            List<Band> bands = new ArrayList<>(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                double lower = i == 0 ? Double.NEGATIVE_INFINITY : thresholds.get(i - 1);
                boolean lowerIn = i > 0 && inclusive.get(i - 1);
                double upper = i == thresholds.size() ? Double.POSITIVE_INFINITY : thresholds.get(i);
                boolean upperIn = i < thresholds.size() && !inclusive.get(i);
                bands.add(new Band(labels.get(i), lower, lowerIn, upper, upperIn));
            }
            return new InterpretationBands(name, source, bands);
        }
    }

    private final String name;
    private final String source;
    private final List<Band> bands;

    private InterpretationBands(String name, String source, List<Band> bands) {
        this.name = name;
        this.source = source;
        this.bands = Collections.unmodifiableList(bands);
    }

    /**
     * Starts a user-defined set.
     *
     * @param name the set's name, e.g. {@code "NPS, our 2026 targets"}, not blank
     * @param source where the thresholds come from (a benchmark, a publication, a decision), not blank
     * @param lowestLabel the label of the lowest band, not blank
     * @return a builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank
     */
    public static Builder builder(String name, String source, String lowestLabel) {
        return new Builder(name, source, lowestLabel);
    }

    /**
     * The label of the band that holds a value.
     *
     * @param value the value, in the unit the bands were defined in (NPS points, CSAT percent…)
     * @return the label
     * @throws IllegalArgumentException if {@code value} is NaN
     */
    public String label(double value) {
        return band(value).label();
    }

    /**
     * The band that holds a value.
     *
     * @param value the value, not NaN (±∞ fall in the outer bands)
     * @return the band
     * @throws IllegalArgumentException if {@code value} is NaN
     */
    public Band band(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value must not be NaN");
        }
        for (Band b : bands) {
            if (b.contains(value)) {
                return b;
            }
        }
        return bands.get(value > 0 ? bands.size() - 1 : 0); // ±∞
    }

    /**
     * The set's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Where the thresholds come from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The bands, from the lowest up.
     *
     * @return an unmodifiable list
     */
    public List<Band> bands() {
        return bands;
    }

    private static String requireText(String s, String name) {
        Objects.requireNonNull(s, name);
        if (s.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return s;
    }

    /**
     * Equal when name, source and bands are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal set
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof InterpretationBands && name.equals(((InterpretationBands) o).name)
                && source.equals(((InterpretationBands) o).source) && bands.equals(((InterpretationBands) o).bands);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(name, source, bands);
    }

    /**
     * A readable summary, e.g. {@code InterpretationBands[NPS…: (−∞, 0] not positive; (0, 50] positive; (50, ∞) excellent]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("InterpretationBands[").append(name).append(": ");
        for (int i = 0; i < bands.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(bands.get(i));
        }
        return sb.append(']').toString();
    }
}
