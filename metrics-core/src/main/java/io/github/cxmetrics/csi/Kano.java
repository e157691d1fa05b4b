package io.github.cxmetrics.csi;

import java.util.Locale;
import java.util.Objects;

/**
 * The Kano model of customer-defined quality: the answers to the paired Kano question, the six
 * categories of a feature and the evaluation table that maps one respondent's pair of answers to a
 * category. {@link KanoAccumulator} tallies many respondents and {@link KanoResult} derives the
 * usual per-feature figures (mode, Timko's Better and Worse, Fong's test, category and total
 * strength, DuMouchel's continuous scores).
 *
 * <p>Each feature is asked twice: the <i>functional</i> question ("if the product has this feature,
 * how do you feel?") and the <i>dysfunctional</i> question ("if it does not have it?"). Both are
 * answered on the five-point list of {@link Answer}. {@link #classify(Answer, Answer)} applies the
 * evaluation table of Berger et al. (1993), the same in the Displayr guide, in
 * kano-model.proofofthepudding.be and in the code of the R package {@code stp25kano} (whose roxygen
 * comment shows "O" for Like/Like, a typo: its code, like every source, says "Q"):
 * <pre>{@code
 * functional \ dysfunctional   Like  Must-be  Neutral  Live-with  Dislike
 * Like                          Q      A        A        A          O
 * Must-be                       R      I        I        I          M
 * Neutral                       R      I        I        I          M
 * Live-with                     R      I        I        I          M
 * Dislike                       R      R        R        R          Q
 * }</pre>
 *
 * <p>References: Kano, Seraku, Takahashi &amp; Tsuji (1984), "Attractive quality and must-be
 * quality", <i>Journal of the Japanese Society for Quality Control</i> 14(2):39–48; Berger et al.
 * (1993), "Kano's methods for understanding customer-defined quality", <i>Center for Quality of
 * Management Journal</i> 2(4):3–36; Sauerwein, Bailom, Matzler &amp; Hinterhuber (1996), "The Kano
 * model: how to delight your customers", Preprints of the IX International Working Seminar on
 * Production Economics, Innsbruck, Vol. I, pp. 313–327.
 *
 * @since 0.2.0
 */
public final class Kano {

    private Kano() {
    }

    /**
     * An answer to the functional or the dysfunctional Kano question, with its conventional code
     * 1..5 (the order of the questionnaire of Berger et al. 1993).
     *
     * <p>{@link #parse(String)} accepts exactly these spellings, after trimming, ignoring case,
     * collapsing runs of white space to one space and reading a typographic apostrophe (’) as
     * {@code '}:
     * <pre>{@code
     * code  constant    accepted labels
     * 1     LIKE        1, l, like, i like it, i like it that way
     * 2     MUST_BE     2, m, must-be, must be, must_be, i expect it, i expect it to be that way,
     *                   it must be that way
     * 3     NEUTRAL     3, n, neutral, i am neutral, i'm neutral
     * 4     LIVE_WITH   4, w, live-with, live with, live_with, i can tolerate it,
     *                   i can live with it, i can live with it that way
     * 5     DISLIKE     5, d, dislike, i dislike it, i dislike it that way
     * }</pre>
     * The one-letter forms are those of the research scripts of this project (L, M, N, W, D). Anything
     * else — another number, "4.0", an empty string, a label of another language — is rejected rather
     * than guessed.
     *
     * @since 0.2.0
     */
    public enum Answer {
        /** "I like it" (code 1). DuMouchel scores: functional 1, dysfunctional −0.5. */
        LIKE(1, 4, -2),
        /** "I expect it" / "It must be that way" (code 2). DuMouchel scores: functional 0.5, dysfunctional −0.25. */
        MUST_BE(2, 2, -1),
        /** "I am neutral" (code 3). DuMouchel scores: functional 0, dysfunctional 0. */
        NEUTRAL(3, 0, 0),
        /** "I can tolerate it" / "I can live with it" (code 4). DuMouchel scores: functional −0.25, dysfunctional 0.5. */
        LIVE_WITH(4, -1, 2),
        /** "I dislike it" (code 5). DuMouchel scores: functional −0.5, dysfunctional 1. */
        DISLIKE(5, -2, 4);

        private static final Answer[] BY_CODE = values();

        private final int code;
        private final int functionalQuarters;
        private final int dysfunctionalQuarters;

        Answer(int code, int functionalQuarters, int dysfunctionalQuarters) {
            this.code = code;
            this.functionalQuarters = functionalQuarters;
            this.dysfunctionalQuarters = dysfunctionalQuarters;
        }

        /**
         * The conventional code: 1 = like, 2 = must-be, 3 = neutral, 4 = live-with, 5 = dislike.
         *
         * @return the code, 1..5
         */
        public int code() {
            return code;
        }

        /**
         * DuMouchel's continuous score of this answer to the <i>functional</i> question (as cited by
         * Berger et al. 1993, §IVb, and coded in {@code stp25kano}): like 1, must-be 0.5, neutral 0,
         * live-with −0.25, dislike −0.5.
         *
         * @return the score, a multiple of 0.25 in [−0.5, 1]
         */
        public double functionalScore() {
            return functionalQuarters / 4.0;
        }

        /**
         * DuMouchel's continuous score of this answer to the <i>dysfunctional</i> question: like −0.5,
         * must-be −0.25, neutral 0, live-with 0.5, dislike 1.
         *
         * @return the score, a multiple of 0.25 in [−0.5, 1]
         */
        public double dysfunctionalScore() {
            return dysfunctionalQuarters / 4.0;
        }

        int functionalQuarters() {
            return functionalQuarters;
        }

        int dysfunctionalQuarters() {
            return dysfunctionalQuarters;
        }

        /**
         * The answer with a code.
         *
         * @param code 1..5
         * @return the answer
         * @throws IllegalArgumentException if {@code code} is not in 1..5
         */
        public static Answer ofCode(int code) {
            if (code < 1 || code > 5) {
                throw new IllegalArgumentException("Kano answer code must be in 1..5 (1 like, 2 must-be, 3 neutral, "
                        + "4 live-with, 5 dislike), was " + code);
            }
            return BY_CODE[code - 1];
        }

        /**
         * The answer a code or label stands for, by the table on this enum.
         *
         * @param text a code 1..5 or a label
         * @return the answer
         * @throws NullPointerException if {@code text} is null
         * @throws IllegalArgumentException if {@code text} is none of the accepted spellings (the
         *     message quotes it and lists what is allowed)
         */
        public static Answer parse(String text) {
            Objects.requireNonNull(text, "text");
            String s = text.strip().replace('\u2019', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            switch (s) {
                case "1", "l", "like", "i like it", "i like it that way":
                    return LIKE;
                case "2", "m", "must-be", "must be", "must_be", "i expect it", "i expect it to be that way",
                        "it must be that way":
                    return MUST_BE;
                case "3", "n", "neutral", "i am neutral", "i'm neutral":
                    return NEUTRAL;
                case "4", "w", "live-with", "live with", "live_with", "i can tolerate it", "i can live with it",
                        "i can live with it that way":
                    return LIVE_WITH;
                case "5", "d", "dislike", "i dislike it", "i dislike it that way":
                    return DISLIKE;
                default:
                    throw new IllegalArgumentException("Kano answer \"" + text + "\" is not one of 1..5 or like, "
                            + "must-be (i expect it), neutral, live-with (i can tolerate it), dislike");
            }
        }
    }

    /**
     * The six Kano categories, with their conventional letters. In the Dutch texts this project
     * started from: <i>basis-eisen</i> (basic requirements) = {@link #MUST_BE}, <i>verwachte eisen</i>
     * (expected requirements) = {@link #ONE_DIMENSIONAL}, <i>verrassende eisen</i> (surprising
     * requirements) = {@link #ATTRACTIVE}.
     *
     * @since 0.2.0
     */
    public enum Category {
        /** A, attractive ("delighter", Dutch <i>verrassende eis</i>): liked when present, not missed when absent. */
        ATTRACTIVE('A'),
        /** O, one-dimensional ("performance", Dutch <i>verwachte eis</i>): liked when present, disliked when absent. */
        ONE_DIMENSIONAL('O'),
        /** M, must-be ("basic", Dutch <i>basis-eis</i>): taken for granted when present, disliked when absent. */
        MUST_BE('M'),
        /** I, indifferent: neither presence nor absence matters. */
        INDIFFERENT('I'),
        /** R, reverse: the respondent prefers the feature absent. */
        REVERSE('R'),
        /** Q, questionable: a contradictory pair (like both, or dislike both). */
        QUESTIONABLE('Q');

        private final char letter;

        Category(char letter) {
            this.letter = letter;
        }

        /**
         * The conventional letter: A, O, M, I, R or Q.
         *
         * @return the letter
         */
        public char letter() {
            return letter;
        }

        /**
         * The category with a letter (case-insensitive).
         *
         * @param letter A, O, M, I, R or Q
         * @return the category
         * @throws IllegalArgumentException for any other character
         */
        public static Category ofLetter(char letter) {
            switch (Character.toUpperCase(letter)) {
                case 'A':
                    return ATTRACTIVE;
                case 'O':
                    return ONE_DIMENSIONAL;
                case 'M':
                    return MUST_BE;
                case 'I':
                    return INDIFFERENT;
                case 'R':
                    return REVERSE;
                case 'Q':
                    return QUESTIONABLE;
                default:
                    throw new IllegalArgumentException("Kano category letter must be one of A, O, M, I, R, Q, was '"
                            + letter + "'");
            }
        }
    }

    /** Rows: functional answer code − 1; columns: dysfunctional answer code − 1 (the table on the class). */
    private static final Category[][] TABLE;

    static {
        Category q = Category.QUESTIONABLE;
        Category a = Category.ATTRACTIVE;
        Category o = Category.ONE_DIMENSIONAL;
        Category r = Category.REVERSE;
        Category i = Category.INDIFFERENT;
        Category m = Category.MUST_BE;
        TABLE = new Category[][] {
            {q, a, a, a, o},
            {r, i, i, i, m},
            {r, i, i, i, m},
            {r, i, i, i, m},
            {r, r, r, r, q},
        };
    }

    /**
     * One respondent's category for a feature, by the evaluation table of Berger et al. (1993) shown
     * on the class: e.g. (like, dislike) → one-dimensional, (like, neutral) → attractive,
     * (neutral, dislike) → must-be, (neutral, neutral) → indifferent, (dislike, like) → reverse,
     * (like, like) → questionable.
     *
     * @param functional the answer to the functional question (feature present)
     * @param dysfunctional the answer to the dysfunctional question (feature absent)
     * @return the category
     * @throws NullPointerException if an answer is null
     */
    public static Category classify(Answer functional, Answer dysfunctional) {
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(dysfunctional, "dysfunctional");
        return TABLE[functional.ordinal()][dysfunctional.ordinal()];
    }

    /**
     * The outcome of Fong's (1996) test of whether the two most frequent categories of a feature
     * differ: with {@code a ≥ b} the two largest counts among M, O, A, I, R and {@code n} all
     * responses (Q included), the difference is significant when
     * <pre>{@code |a − b| ≥ z · √((a + b)(2n − a − b) / (2n))}</pre>
     * and not significant when it is smaller; the published {@code z} is 1.65 (two-sided
     * α ≈ 0.10). The right-hand side is not rounded (the R package {@code stp25kano} rounds it to
     * one decimal before comparing, which can flip the verdict). Reference: Fong, D. (1996), "Using
     * the self-stated importance questionnaire to interpret Kano questionnaire results", <i>Center
     * for Quality of Management Journal</i> 5(3):21–24, as implemented in {@code stp25kano}.
     *
     * @param first the most frequent category
     * @param second the second most frequent category
     * @param a the count of {@code first}
     * @param b the count of {@code second}, {@code <= a}
     * @param n all responses of the feature, Q included
     * @param z the critical value used
     * @param difference {@code a − b}
     * @param criticalValue {@code z · √((a + b)(2n − a − b) / (2n))}
     * @param significant {@code difference >= criticalValue}
     * @since 0.2.0
     */
    public record FongTest(Category first, Category second, long a, long b, long n, double z, double difference,
            double criticalValue, boolean significant) {

        /**
         * Validates the components.
         *
         * @param first the most frequent category
         * @param second the second most frequent category
         * @param a the count of {@code first}
         * @param b the count of {@code second}
         * @param n all responses
         * @param z the critical value used
         * @param difference {@code a − b}
         * @param criticalValue the right-hand side
         * @param significant the verdict
         * @throws NullPointerException if a category is null
         * @throws IllegalArgumentException unless {@code 0 <= b <= a}, {@code a + b <= n},
         *     {@code a + b > 0}, {@code z} is finite and {@code > 0}, and the last three components
         *     are what the formula gives
         */
        public FongTest {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
            if (b < 0 || b > a || a > n - b || a == 0) {
                throw new IllegalArgumentException("Fong test counts must satisfy 0 <= b <= a, a > 0 and a + b <= n, were a="
                        + a + ", b=" + b + ", n=" + n);
            }
            if (!(z > 0 && z < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("z must be finite and > 0, was " + z);
            }
            double expected = critical(a, b, n, z);
            if (difference != (double) (a - b) || criticalValue != expected || significant != (difference >= expected)) {
                throw new IllegalArgumentException("Fong test components are inconsistent: difference " + difference
                        + ", criticalValue " + criticalValue + ", significant " + significant + " for a=" + a
                        + ", b=" + b + ", n=" + n + ", z=" + z);
            }
        }

        static double critical(long a, long b, long n, double z) {
            double s = (double) a + (double) b;
            double twoN = 2.0 * n;
            return z * Math.sqrt(s * (twoN - s) / twoN);
        }
    }
}
