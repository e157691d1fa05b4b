package io.github.cxmetrics.csi;

import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.Kano.Category;
import io.github.cxmetrics.stats.Estimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The immutable result of a Kano survey: one {@link Feature} per feature, in the order of the
 * {@link KanoAccumulator} it was taken from ({@link KanoAccumulator#snapshot()}), with value
 * {@code equals}.
 *
 * @since 0.2.0
 */
public final class KanoResult {

    private final List<Feature> features;

    KanoResult(List<Feature> features) {
        this.features = Collections.unmodifiableList(new ArrayList<>(features));
    }

    /**
     * The features, in order.
     *
     * @return an unmodifiable list
     */
    public List<Feature> features() {
        return features;
    }

    /**
     * The number of features.
     *
     * @return the count, {@code >= 1}
     */
    public int size() {
        return features.size();
    }

    /**
     * A feature by its position.
     *
     * @param index 0-based, {@code 0..size() − 1}
     * @return the feature
     * @throws IllegalArgumentException if {@code index} is out of range
     */
    public Feature feature(int index) {
        if (index < 0 || index >= features.size()) {
            throw new IllegalArgumentException("feature index must be in 0.." + (features.size() - 1) + ", was "
                    + index);
        }
        return features.get(index);
    }

    /**
     * A feature by its name.
     *
     * @param name the name given to the accumulator (or the default {@code "feature 1"}, …)
     * @return the feature
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if no feature has that name
     */
    public Feature feature(String name) {
        Objects.requireNonNull(name, "name");
        for (Feature f : features) {
            if (f.name.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no feature is named \"" + name + "\"");
    }

    /**
     * Value equality: the same features in the same order.
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof KanoResult r && r.features.equals(features);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return features.hashCode();
    }

    /**
     * A readable form listing the features.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "KanoResult" + features;
    }

    /**
     * The Kano figures of one feature, from its tallies: the six category counts and, for responses
     * added with their answers, the 5 × 5 table of (functional, dysfunctional) answer pairs behind
     * DuMouchel's continuous scores.
     *
     * <p>With {@code A, O, M, I, R, Q} the counts and {@code n} their sum:
     * <ul>
     *   <li><b>category</b>: the mode among M, O, A, I, R (Q is never assigned), ties broken by the
     *       hierarchy M &gt; O &gt; A &gt; I &gt; R; {@link #categoryByHierarchy(double)} is the
     *       {@code stp25kano} rule that prefers the higher of
     *       the top two in that hierarchy when the category strength is at most a threshold;</li>
     *   <li><b>Better</b> (Timko's satisfaction coefficient CS) {@code (A + O)/(A + O + M + I)} and
     *       <b>Worse</b> (dissatisfaction coefficient DS) {@code −(O + M)/(A + O + M + I)}, R and Q
     *       excluded (Berger et al. 1993, §IVa);</li>
     *   <li><b>category strength</b> {@code (largest − second largest)/n} among M, O, A, I, R and
     *       <b>total strength</b> {@code (A + O + M)/n}, as in {@code stp25kano};</li>
     *   <li><b>Fong's test</b> ({@link Kano.FongTest});</li>
     *   <li><b>DuMouchel's scores</b>: the mean functional and dysfunctional score of the answers
     *       ({@link Answer#functionalScore()}, {@link Answer#dysfunctionalScore()}) with their
     *       standard errors (Berger et al. 1993, §IVb).</li>
     * </ul>
     * Shares and strengths are fractions 0..1. A quantity undefined on the data — anything of a
     * feature without responses, Better and Worse when {@code A + O + M + I = 0} — throws
     * {@link IllegalStateException} with a message naming the feature.
     *
     * @since 0.2.0
     */
    public static final class Feature {

        /** The stp25kano threshold of the hierarchy rule: a category strength of 6 % or less. */
        public static final double DEFAULT_HIERARCHY_THRESHOLD = 0.06;

        /** Fong's published critical value. */
        public static final double FONG_Z = 1.65;

        /** The hierarchy M > O > A > I > R, for ties and for {@link #categoryByHierarchy(double)}. */
        private static final Category[] HIERARCHY = {
            Category.MUST_BE, Category.ONE_DIMENSIONAL, Category.ATTRACTIVE, Category.INDIFFERENT, Category.REVERSE};

        private final String name;
        /** Counts by category, in enum order A, O, M, I, R, Q. */
        private final long[] counts;
        /** Answer-pair counts, 5·(functional code − 1) + (dysfunctional code − 1). */
        private final long[] pairs;
        private final long n;
        private final long answered;

        Feature(String name, long[] pairs, long[] classified) {
            this.name = name;
            this.pairs = pairs.clone();
            this.counts = classified.clone();
            long answeredPairs = 0;
            Answer[] answers = Answer.values();
            for (int f = 0; f < 5; f++) {
                for (int d = 0; d < 5; d++) {
                    long c = pairs[5 * f + d];
                    counts[Kano.classify(answers[f], answers[d]).ordinal()] += c;
                    answeredPairs += c;
                }
            }
            long total = 0;
            for (long c : counts) {
                total += c;
            }
            this.n = total;
            this.answered = answeredPairs;
        }

        /**
         * A feature from its six category tallies alone (no answers, so DuMouchel's scores are
         * unavailable), e.g. from a published table.
         *
         * @param name the feature's name, not null
         * @param attractive A
         * @param oneDimensional O
         * @param mustBe M
         * @param indifferent I
         * @param reverse R
         * @param questionable Q
         * @return the feature
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if a count is negative (the message names it)
         * @throws ArithmeticException if the counts sum to more than {@code Long.MAX_VALUE}
         */
        public static Feature ofCounts(String name, long attractive, long oneDimensional, long mustBe,
                long indifferent, long reverse, long questionable) {
            Objects.requireNonNull(name, "name");
            long[] c = {attractive, oneDimensional, mustBe, indifferent, reverse, questionable};
            long total = 0;
            for (int k = 0; k < 6; k++) {
                if (c[k] < 0) {
                    throw new IllegalArgumentException("count of " + Category.values()[k] + " must be >= 0, was " + c[k]);
                }
                total = Math.addExact(total, c[k]);
            }
            return new Feature(name, new long[25], c);
        }

        /**
         * The feature's name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * The number of responses {@code n = A + O + M + I + R + Q}.
         *
         * @return the count, {@code >= 0}
         */
        public long count() {
            return n;
        }

        /**
         * The number of responses in one category.
         *
         * @param category the category
         * @return the count
         * @throws NullPointerException if {@code category} is null
         */
        public long count(Category category) {
            return counts[Objects.requireNonNull(category, "category").ordinal()];
        }

        /**
         * A, the attractive responses.
         *
         * @return the count
         */
        public long attractive() {
            return counts[0];
        }

        /**
         * O, the one-dimensional responses.
         *
         * @return the count
         */
        public long oneDimensional() {
            return counts[1];
        }

        /**
         * M, the must-be responses.
         *
         * @return the count
         */
        public long mustBe() {
            return counts[2];
        }

        /**
         * I, the indifferent responses.
         *
         * @return the count
         */
        public long indifferent() {
            return counts[3];
        }

        /**
         * R, the reverse responses.
         *
         * @return the count
         */
        public long reverse() {
            return counts[4];
        }

        /**
         * Q, the questionable responses.
         *
         * @return the count
         */
        public long questionable() {
            return counts[5];
        }

        /**
         * The share of the responses in a category, {@code count(category)/n}.
         *
         * @param category the category
         * @return the share, 0..1
         * @throws NullPointerException if {@code category} is null
         * @throws IllegalStateException if the feature has no responses
         */
        public double share(Category category) {
            long c = count(category);
            requireResponses("the share of " + category);
            return (double) c / n;
        }

        /**
         * The number of responses added with their answers (the base of DuMouchel's scores); the
         * others were added as categories.
         *
         * @return the count, {@code 0..count()}
         */
        public long answered() {
            return answered;
        }

        /**
         * The number of responses with one pair of answers.
         *
         * @param functional the functional answer
         * @param dysfunctional the dysfunctional answer
         * @return the count
         * @throws NullPointerException if an answer is null
         */
        public long answers(Answer functional, Answer dysfunctional) {
            Objects.requireNonNull(functional, "functional");
            Objects.requireNonNull(dysfunctional, "dysfunctional");
            return pairs[5 * functional.ordinal() + dysfunctional.ordinal()];
        }

        /** The categories M, O, A, I, R by count descending, ties in hierarchy order. */
        private Category[] ranked() {
            Category[] r = HIERARCHY.clone();
            // a stable insertion sort keeps the hierarchy order among equal counts
            for (int i = 1; i < r.length; i++) {
                Category c = r[i];
                int j = i - 1;
                while (j >= 0 && count(r[j]) < count(c)) {
                    r[j + 1] = r[j];
                    j--;
                }
                r[j + 1] = c;
            }
            return r;
        }

        private static int rank(Category c) {
            return c == Category.MUST_BE ? 0 : c == Category.ONE_DIMENSIONAL ? 1 : c == Category.ATTRACTIVE ? 2
                    : c == Category.INDIFFERENT ? 3 : 4;
        }

        private Category[] rankedOrThrow(String what) {
            requireResponses(what);
            Category[] r = ranked();
            if (count(r[0]) == 0) {
                throw new IllegalStateException(what + " of feature \"" + name + "\" is undefined: all " + n
                        + " responses are questionable (Q)");
            }
            return r;
        }

        /**
         * The feature's category: the mode of the responses among M, O, A, I, R; equal counts go to
         * the first in the hierarchy M &gt; O &gt; A &gt; I &gt; R. Q is never the category (see
         * {@link #questionable()}).
         *
         * @return the category
         * @throws IllegalStateException if the feature has no responses, or only Q responses
         */
        public Category category() {
            return rankedOrThrow("the category")[0];
        }

        /**
         * The runner-up: the second of M, O, A, I, R in the order of {@link #category()} (by count,
         * ties by hierarchy); it may have count 0.
         *
         * @return the category
         * @throws IllegalStateException as {@link #category()}
         */
        public Category secondCategory() {
            return rankedOrThrow("the second category")[1];
        }

        /**
         * {@link #categoryByHierarchy(double)} with the {@code stp25kano} threshold of 6 %
         * ({@link #DEFAULT_HIERARCHY_THRESHOLD}).
         *
         * @return the category
         * @throws IllegalStateException as {@link #category()}
         */
        public Category categoryByHierarchy() {
            return categoryByHierarchy(DEFAULT_HIERARCHY_THRESHOLD);
        }

        /**
         * The category by the hierarchy rule of {@code stp25kano} ("M&gt;O&gt;A&gt;I"): when the
         * {@link #categoryStrength()} is at most {@code threshold}, the one of the two most frequent
         * categories ({@link #category()} and {@link #secondCategory()}) that comes first in
         * M &gt; O &gt; A &gt; I &gt; R (the rule names M, O, A, I; R comes last here); otherwise the
         * mode. The comparison is of the double {@code (a − b)/n} with {@code threshold}, so
         * 3/50 ≤ 0.06 holds exactly. The Displayr guide (the.datastory.guide) calls such
         * category-strength rules "highly dubious" on the small samples of most Kano studies; see
         * {@link #fong()} for a test.
         *
         * @param threshold the category strength at or below which the hierarchy decides, in [0, 1]
         * @return the category
         * @throws IllegalArgumentException if {@code threshold} is NaN or outside [0, 1]
         * @throws IllegalStateException as {@link #category()}
         */
        public Category categoryByHierarchy(double threshold) {
            if (!(threshold >= 0.0 && threshold <= 1.0)) {
                throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
            }
            Category[] r = rankedOrThrow("the category");
            if ((double) (count(r[0]) - count(r[1])) / n <= threshold) {
                return rank(r[0]) <= rank(r[1]) ? r[0] : r[1];
            }
            return r[0];
        }

        /**
         * Timko's Better (satisfaction coefficient CS): {@code (A + O)/(A + O + M + I)}, the share of
         * the non-R, non-Q responses whose satisfaction rises with the feature (Berger et al. 1993).
         *
         * @return Better, in [0, 1]
         * @throws IllegalStateException if {@code A + O + M + I = 0}
         */
        public double better() {
            return (double) (counts[0] + counts[1]) / aomi("Better");
        }

        /**
         * Timko's Worse (dissatisfaction coefficient DS): {@code −(O + M)/(A + O + M + I)}, minus the
         * share whose satisfaction falls without the feature.
         *
         * @return Worse, in [−1, 0]
         * @throws IllegalStateException if {@code A + O + M + I = 0}
         */
        public double worse() {
            return -(double) (counts[1] + counts[2]) / aomi("Worse");
        }

        private double aomi(String what) {
            long d = counts[0] + counts[1] + counts[2] + counts[3];
            if (d == 0) {
                throw new IllegalStateException(what + " of feature \"" + name
                        + "\" is undefined: no A, O, M or I responses (A + O + M + I = 0)");
            }
            return d;
        }

        /**
         * Category strength: {@code (a − b)/n}, with {@code a} and {@code b} the two largest counts
         * among M, O, A, I, R and {@code n} all responses, Q included ({@code stp25kano}).
         *
         * @return the strength, in [0, 1]
         * @throws IllegalStateException if the feature has no responses
         */
        public double categoryStrength() {
            requireResponses("the category strength");
            Category[] r = ranked();
            return (double) (count(r[0]) - count(r[1])) / n;
        }

        /**
         * Total strength: {@code (A + O + M)/n}, the share of responses for which the feature matters
         * ({@code stp25kano}).
         *
         * @return the strength, in [0, 1]
         * @throws IllegalStateException if the feature has no responses
         */
        public double totalStrength() {
            requireResponses("the total strength");
            return (double) (counts[0] + counts[1] + counts[2]) / n;
        }

        /**
         * Fong's test at the published critical value 1.65 ({@link #FONG_Z}).
         *
         * @return the test
         * @throws IllegalStateException if the feature has no responses, or only Q responses
         */
        public Kano.FongTest fong() {
            return fong(FONG_Z);
        }

        /**
         * Fong's test ({@link Kano.FongTest}) of the two most frequent categories at a critical value
         * {@code z}: for a two-sided level α use {@code z = Φ⁻¹(1 − α/2)}, e.g. 1.959963984540054 for
         * α = 0.05 (1.65 is about α = 0.10).
         *
         * @param z the critical value, finite and {@code > 0}
         * @return the test
         * @throws IllegalArgumentException if {@code z} is not finite and positive
         * @throws IllegalStateException if the feature has no responses, or only Q responses
         */
        public Kano.FongTest fong(double z) {
            if (!(z > 0 && z < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("z must be finite and > 0, was " + z);
            }
            Category[] r = rankedOrThrow("Fong's test");
            long a = count(r[0]);
            long b = count(r[1]);
            double critical = Kano.FongTest.critical(a, b, n, z);
            return new Kano.FongTest(r[0], r[1], a, b, n, z, a - b, critical, a - b >= critical);
        }

        /**
         * DuMouchel's mean functional score of the answered responses: the mean of
         * {@link Answer#functionalScore()} (like 1, must-be 0.5, neutral 0, live-with −0.25,
         * dislike −0.5).
         *
         * @return the mean, in [−0.5, 1]
         * @throws IllegalStateException if no response was added with its answers
         */
        public double functionalMean() {
            return moments(true, "the mean functional score")[0];
        }

        /**
         * DuMouchel's mean dysfunctional score of the answered responses: the mean of
         * {@link Answer#dysfunctionalScore()} (like −0.5, must-be −0.25, neutral 0, live-with 0.5,
         * dislike 1).
         *
         * @return the mean, in [−0.5, 1]
         * @throws IllegalStateException if no response was added with its answers
         */
        public double dysfunctionalMean() {
            return moments(false, "the mean dysfunctional score")[0];
        }

        /**
         * The mean functional score with its standard error {@code s/√m} ({@code s} the sample
         * standard deviation with divisor {@code m − 1}, {@code m = answered()}) and {@code m − 1}
         * degrees of freedom (a Student t interval).
         *
         * @return the estimate
         * @throws IllegalStateException if fewer than 2 responses were added with their answers
         */
        public Estimate functionalScore() {
            double[] m = moments(true, "the functional score's standard error");
            return estimate(m, "the functional score's standard error");
        }

        /**
         * The mean dysfunctional score with its standard error, as {@link #functionalScore()}.
         *
         * @return the estimate
         * @throws IllegalStateException if fewer than 2 responses were added with their answers
         */
        public Estimate dysfunctionalScore() {
            double[] m = moments(false, "the dysfunctional score's standard error");
            return estimate(m, "the dysfunctional score's standard error");
        }

        private Estimate estimate(double[] m, String what) {
            if (answered < 2) {
                throw new IllegalStateException(what + " of feature \"" + name + "\" is undefined: it needs at least "
                        + "2 responses with answers, has " + answered);
            }
            return new Estimate(m[0], Math.sqrt(m[1] / answered), answered - 1.0);
        }

        /** {mean, sample variance (NaN for one response)} of the scores, in score units. */
        private double[] moments(boolean functional, String what) {
            if (answered == 0) {
                throw new IllegalStateException(what + " of feature \"" + name + "\" is undefined: "
                        + (n == 0 ? "it has no responses" : "its " + n + " responses were added as categories, "
                        + "without answers"));
            }
            double[] byScore = new double[5]; // counts by answer of the asked question
            for (int f = 0; f < 5; f++) {
                for (int d = 0; d < 5; d++) {
                    byScore[functional ? f : d] += pairs[5 * f + d];
                }
            }
            Answer[] answers = Answer.values();
            double sum = 0;
            for (int k = 0; k < 5; k++) {
                sum += byScore[k] * (functional ? answers[k].functionalQuarters() : answers[k].dysfunctionalQuarters());
            }
            double mean = sum / answered; // quarter units
            double ss = 0;
            for (int k = 0; k < 5; k++) {
                double dev = (functional ? answers[k].functionalQuarters() : answers[k].dysfunctionalQuarters()) - mean;
                ss += byScore[k] * dev * dev;
            }
            return new double[] {mean / 4.0, answered > 1 ? ss / (answered - 1) / 16.0 : Double.NaN};
        }

        private void requireResponses(String what) {
            if (n == 0) {
                throw new IllegalStateException(what + " of feature \"" + name + "\" is undefined: it has no responses");
            }
        }

        /**
         * Value equality: the same name, category counts and answer-pair counts.
         *
         * @param o the other object
         * @return whether equal
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Feature f && f.name.equals(name) && Arrays.equals(f.counts, counts)
                    && Arrays.equals(f.pairs, pairs);
        }

        /**
         * A hash code consistent with {@link #equals(Object)}.
         *
         * @return the hash
         */
        @Override
        public int hashCode() {
            return (name.hashCode() * 31 + Arrays.hashCode(counts)) * 31 + Arrays.hashCode(pairs);
        }

        /**
         * A readable form, e.g. {@code Feature[name=price, n=25, A=1, O=10, M=9, I=2, R=3, Q=0, answered=0]}.
         *
         * @return the form
         */
        @Override
        public String toString() {
            return "Feature[name=" + name + ", n=" + n + ", A=" + counts[0] + ", O=" + counts[1] + ", M=" + counts[2]
                    + ", I=" + counts[3] + ", R=" + counts[4] + ", Q=" + counts[5] + ", answered=" + answered + "]";
        }
    }
}
