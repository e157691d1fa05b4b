package io.github.cxmetrics.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A family of comparisons tested together, each with its raw and its multiplicity-adjusted p-value:
 * the one result type of "segment vs rest", "segment vs overall", "all pairs" and any other set of
 * differences a caller puts together.
 *
 * <p>Each {@link Comparison} is a {@link Difference} of a {@code subject} against a {@code reference}
 * (the estimate is {@code subject − reference}, in the unit of the compared metric), its raw two-sided
 * p-value and the p-value adjusted within this family by {@link #adjustment()} (see
 * {@link PValueAdjustment} for the formulas). A comparison is significant at level α when its
 * <i>adjusted</i> p-value is below α. The confidence intervals of the differences are per comparison
 * (not simultaneous).
 *
 * <p>Instances are immutable; {@link #adjustedBy(PValueAdjustment)} gives the same family under
 * another adjustment. {@link #toString()} prints the family as a text table.
 *
 * <pre>{@code
 * Comparisons waves = Comparisons.builder("wave to wave")
 *         .add("W2", "W1", Nps.compare(w1, w2))
 *         .add("W3", "W2", Nps.compare(w2, w3))
 *         .build(PValueAdjustment.HOLM);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class Comparisons implements Iterable<Comparisons.Comparison> {

    /**
     * One comparison of a family.
     *
     * @param subject what is compared (e.g. a segment)
     * @param reference what it is compared with (e.g. "rest", "overall" or another segment)
     * @param difference {@code subject − reference} with its standard error and test
     * @param adjustedPValue the p-value adjusted within the family, in {@code [pValue(), 1]} for every
     *     adjustment but {@link PValueAdjustment#NONE}, where it equals the raw p-value
     */
    public record Comparison(String subject, String reference, Difference difference, double adjustedPValue) {

        /**
         * Validates the components.
         *
         * @param subject what is compared
         * @param reference what it is compared with
         * @param difference the difference
         * @param adjustedPValue the adjusted p-value
         * @throws NullPointerException if a reference argument is null
         * @throws IllegalArgumentException if {@code adjustedPValue} is not in {@code [0, 1]}
         */
        public Comparison {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(difference, "difference");
            if (!(adjustedPValue >= 0.0 && adjustedPValue <= 1.0)) {
                throw new IllegalArgumentException("adjustedPValue must be in [0, 1], was " + adjustedPValue);
            }
        }

        /**
         * The raw two-sided p-value of the difference.
         *
         * @return {@code difference().pValue()}
         */
        public double pValue() {
            return difference.pValue();
        }

        /**
         * The estimated difference {@code subject − reference}.
         *
         * @return {@code difference().estimate()}
         */
        public double estimate() {
            return difference.estimate();
        }

        /**
         * Whether the comparison is significant at level α after adjustment.
         *
         * @param alpha the family's significance level, in {@code (0, 1)}
         * @return {@code adjustedPValue() < alpha}
         * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
         */
        public boolean isSignificant(double alpha) {
            if (!(alpha > 0.0 && alpha < 1.0)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
            }
            return adjustedPValue < alpha;
        }

        /**
         * The label {@code "subject vs reference"}.
         *
         * @return the label
         */
        public String label() {
            return subject + " vs " + reference;
        }
    }

    private final String title;
    private final PValueAdjustment adjustment;
    private final List<Comparison> comparisons;

    private Comparisons(String title, PValueAdjustment adjustment, List<Comparison> comparisons) {
        this.title = title;
        this.adjustment = adjustment;
        this.comparisons = comparisons;
    }

    /**
     * A builder of a family of comparisons.
     *
     * @param title what the family is, e.g. {@code "NPS: segment vs rest"}
     * @return the builder
     * @throws NullPointerException if {@code title} is null
     */
    public static Builder builder(String title) {
        return new Builder(Objects.requireNonNull(title, "title"));
    }

    /** Collects the comparisons of a family; then {@link #build(PValueAdjustment)} adjusts them. */
    public static final class Builder {
        private final String title;
        private final List<String> subjects = new ArrayList<>();
        private final List<String> references = new ArrayList<>();
        private final List<Difference> differences = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        /**
         * Adds a comparison.
         *
         * @param subject what is compared
         * @param reference what it is compared with
         * @param difference {@code subject − reference}
         * @return this builder
         * @throws NullPointerException if an argument is null
         */
        public Builder add(String subject, String reference, Difference difference) {
            subjects.add(Objects.requireNonNull(subject, "subject"));
            references.add(Objects.requireNonNull(reference, "reference"));
            differences.add(Objects.requireNonNull(difference, "difference"));
            return this;
        }

        /**
         * The family, its p-values adjusted together.
         *
         * @param adjustment the multiplicity adjustment
         * @return the family (possibly empty)
         * @throws NullPointerException if {@code adjustment} is null
         */
        public Comparisons build(PValueAdjustment adjustment) {
            Objects.requireNonNull(adjustment, "adjustment");
            double[] raw = new double[differences.size()];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = differences.get(i).pValue();
            }
            double[] adjusted = adjustment.adjust(raw);
            List<Comparison> list = new ArrayList<>(raw.length);
            for (int i = 0; i < raw.length; i++) {
                list.add(new Comparison(subjects.get(i), references.get(i), differences.get(i), adjusted[i]));
            }
            return new Comparisons(title, adjustment, Collections.unmodifiableList(list));
        }
    }

    /**
     * What the family is.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The multiplicity adjustment applied to the family.
     *
     * @return the adjustment
     */
    public PValueAdjustment adjustment() {
        return adjustment;
    }

    /**
     * The comparisons, in the order they were made.
     *
     * @return an unmodifiable list
     */
    public List<Comparison> comparisons() {
        return comparisons;
    }

    /**
     * The number of comparisons, {@code m} of the adjustment.
     *
     * @return the size of the family
     */
    public int size() {
        return comparisons.size();
    }

    /**
     * The comparison at a position.
     *
     * @param index the position, in {@code 0..size()−1}
     * @return the comparison
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public Comparison get(int index) {
        return comparisons.get(index);
    }

    /**
     * The comparison of a subject with a reference.
     *
     * @param subject the subject
     * @param reference the reference
     * @return the comparison
     * @throws IllegalArgumentException if the family has no such comparison (the message lists those
     *     it has)
     */
    public Comparison get(String subject, String reference) {
        for (Comparison c : comparisons) {
            if (c.subject().equals(subject) && c.reference().equals(reference)) {
                return c;
            }
        }
        List<String> labels = new ArrayList<>();
        for (Comparison c : comparisons) {
            labels.add(c.label());
        }
        throw new IllegalArgumentException("no comparison '" + subject + " vs " + reference + "' in " + title
                + "; it has: " + String.join(", ", labels));
    }

    /**
     * The first comparison whose subject is the given one (in a "vs rest" or "vs overall" family,
     * the one comparison of that segment).
     *
     * @param subject the subject
     * @return the comparison
     * @throws IllegalArgumentException if no comparison has this subject (the message lists those it
     *     has)
     */
    public Comparison get(String subject) {
        for (Comparison c : comparisons) {
            if (c.subject().equals(subject)) {
                return c;
            }
        }
        List<String> subjects = new ArrayList<>();
        for (Comparison c : comparisons) {
            subjects.add(c.subject());
        }
        throw new IllegalArgumentException("no comparison of '" + subject + "' in " + title + "; its subjects are: "
                + String.join(", ", subjects));
    }

    /**
     * The raw p-values, in the family's order.
     *
     * @return a new array
     */
    public double[] pValues() {
        double[] p = new double[comparisons.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = comparisons.get(i).pValue();
        }
        return p;
    }

    /**
     * The adjusted p-values, in the family's order.
     *
     * @return a new array
     */
    public double[] adjustedPValues() {
        double[] p = new double[comparisons.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = comparisons.get(i).adjustedPValue();
        }
        return p;
    }

    /**
     * The comparisons significant at level α after adjustment.
     *
     * @param alpha the family's significance level, in {@code (0, 1)}
     * @return an unmodifiable list, in the family's order
     * @throws IllegalArgumentException if {@code alpha} is not in {@code (0, 1)}
     */
    public List<Comparison> significant(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), was " + alpha);
        }
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c.isSignificant(alpha)) {
                out.add(c);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The same comparisons with their raw p-values adjusted by another method.
     *
     * @param other the adjustment
     * @return the re-adjusted family
     * @throws NullPointerException if {@code other} is null
     */
    public Comparisons adjustedBy(PValueAdjustment other) {
        Builder b = new Builder(title);
        for (Comparison c : comparisons) {
            b.add(c.subject(), c.reference(), c.difference());
        }
        return b.build(other);
    }

    @Override
    public Iterator<Comparison> iterator() {
        return comparisons.iterator();
    }

    /**
     * Equal when title, adjustment and comparisons are equal.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal family
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Comparisons other && title.equals(other.title) && adjustment == other.adjustment
                && comparisons.equals(other.comparisons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, adjustment, comparisons);
    }

    /**
     * The family as a text table: title and adjustment, then one row per comparison with the
     * difference, its standard error, the statistic, the raw and adjusted p-values and a marker
     * ({@code *} adjusted p &lt; 0.05, {@code **} &lt; 0.01, {@code ***} &lt; 0.001).
     *
     * @return the table, lines separated by {@code \n}
     */
    @Override
    public String toString() {
        String[] header = {"comparison", "difference", "SE", "statistic", "p", "p adjusted", ""};
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        for (Comparison c : comparisons) {
            Difference d = c.difference();
            rows.add(new String[] {c.label(), number(d.estimate()), number(d.standardError()), number(d.statistic()),
                    p(c.pValue()), p(c.adjustedPValue()), marker(c.adjustedPValue())});
        }
        int[] width = new int[header.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(" (").append(comparisons.size()).append(" comparison")
                .append(comparisons.size() == 1 ? "" : "s").append(", p adjusted by ")
                .append(adjustment.name().toLowerCase(Locale.ROOT).replace('_', '-')).append(')');
        for (String[] r : rows) {
            sb.append('\n');
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(i == 0 ? pad(r[i], width[i], false) : pad(r[i], width[i], true));
            }
            sb.append(line.toString().stripTrailing());
        }
        return sb.toString();
    }

    /**
     * The significance marker of an adjusted p-value: {@code ***} below 0.001, {@code **} below 0.01,
     * {@code *} below 0.05, empty otherwise.
     *
     * @param p the p-value
     * @return the marker
     */
    public static String marker(double p) {
        return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : "";
    }

    private static String number(double x) {
        return Double.isInfinite(x) ? (x > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, "%.4f", x);
    }

    private static String p(double p) {
        return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
