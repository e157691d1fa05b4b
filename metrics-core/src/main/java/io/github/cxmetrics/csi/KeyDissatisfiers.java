package io.github.cxmetrics.csi;

import io.github.cxmetrics.internal.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Key-dissatisfier (and key-enhancer) analysis with Shapley values (Conklin, Powaga &amp; Lipovetsky
 * 2004): which attributes account for the customers who are dissatisfied overall, counting a customer
 * who is dissatisfied on several attributes once.
 *
 * <h2>Definition</h2>
 * A respondent is in the <i>target</i> group when dissatisfied overall ({@code y ≤ c_y}) and
 * dissatisfied on attribute j when {@code x_j ≤ c_j} (common or per-attribute cut-off). For a
 * coalition S of attributes:
 * <pre>{@code
 * reach(S) = share of the target group dissatisfied on at least one attribute of S
 * noise(S) = the same share among the others (not dissatisfied overall)
 * v(S)     = reach(S) − noise(S),   v(∅) = 0
 * φ_j      = Σ_{S ⊆ N∖{j}} |S|! (p − |S| − 1)! / p! · (v(S ∪ {j}) − v(S))      (Shapley value)
 * Σ_j φ_j  = v(N)
 * }</pre>
 * The mirror analysis of key enhancers ({@link #enhancers}) uses {@code y ≥ c_y} and
 * {@code x_j ≥ c_j}. Shares are weighted shares {@code Σ w·1{…} / Σ w} over the group with survey
 * weights, and are <b>fractions in [0, 1]</b> (the {@code shapleykano}/ShapKa implementation
 * reports {@code (reach − noise)·100}, i.e. percentage points). φ_j lies in [−1, 1]; a negative
 * value means the attribute flags more of the others than of the target group.
 *
 * <h2>Computation</h2>
 * The Shapley value is exact for any number of attributes, by linearity: {@code v} is a weighted sum
 * over respondents of the coverage games {@code c_i(S) = 1{S ∩ M_i ≠ ∅}} (M_i the attributes on
 * which respondent i is dissatisfied), with coefficient {@code +w_i/W_target} or
 * {@code −w_i/W_other}. In {@code c_i} the members of M_i are symmetric and the others are null
 * players, so {@code c_i} gives each member {@code 1/|M_i|} (Shapley 1953, symmetry, null player
 * and efficiency). Hence
 * <pre>{@code
 * φ_j = Σ_{i target, j ∈ M_i} w_i / (W_target |M_i|)  −  Σ_{i other, j ∈ M_i} w_i / (W_other |M_i|)
 * }</pre>
 * in {@code O(n·p)} time, equal to the enumeration of all {@code 2^p} coalitions above (the tests
 * compare both). There is therefore no limit on the number of attributes and no sampling (ShapKa
 * samples coalitions above 15 attributes). {@link #value(int...)}, {@link #reach(int...)} and
 * {@link #noise(int...)} evaluate any coalition.
 *
 * <p>Input: {@code ratings[r][j]} and {@code overall[r]}; missing values are {@code Double.NaN},
 * handled listwise ({@link #respondentsUsed()}); infinities are rejected; rows of weight 0 are left
 * out. Both groups must be non-empty (else reach or noise is undefined). Instances are immutable and
 * thread-safe.
 *
 * <p>References: Conklin, Powaga &amp; Lipovetsky (2004), "Customer satisfaction analysis:
 * identification of key drivers", <i>European Journal of Operational Research</i> 154(3):819–827;
 * Shapley (1953), "A value for n-person games", in Kuhn &amp; Tucker (eds.), <i>Contributions to the
 * Theory of Games II</i>, pp. 307–317; the MIT-licensed {@code uyanik/shapleykano}
 * ({@code cooperativegame.py}) for the reach − noise game.
 *
 * @since 0.2.0
 */
public final class KeyDissatisfiers {

    /**
     * Which tail is analysed.
     *
     * @since 0.2.0
     */
    public enum Direction {
        /** Key dissatisfiers: {@code y ≤ c_y}, {@code x_j ≤ c_j}. */
        DISSATISFIERS,
        /** Key enhancers: {@code y ≥ c_y}, {@code x_j ≥ c_j}. */
        ENHANCERS
    }

    /**
     * The result of one attribute.
     *
     * @param name the attribute's name
     * @param shapley its Shapley value φ_j in the reach − noise game, a fraction in [−1, 1]
     * @param reach {@code reach({j})}: share of the target group flagged on j, in [0, 1]
     * @param noise {@code noise({j})}: share of the others flagged on j, in [0, 1]
     * @since 0.2.0
     */
    public record Attribute(String name, double shapley, double reach, double noise) {

        /**
         * Validates the components.
         *
         * @param name the attribute's name
         * @param shapley the Shapley value
         * @param reach the single-attribute reach
         * @param noise the single-attribute noise
         * @throws NullPointerException if {@code name} is null
         * @throws IllegalArgumentException if {@code shapley} is not in [−1, 1] or a share not in [0, 1]
         */
        public Attribute {
            Objects.requireNonNull(name, "name");
            if (!(shapley >= -1.0 && shapley <= 1.0)) {
                throw new IllegalArgumentException("shapley must be in [-1, 1], was " + shapley);
            }
            if (!(reach >= 0.0 && reach <= 1.0)) {
                throw new IllegalArgumentException("reach must be in [0, 1], was " + reach);
            }
            if (!(noise >= 0.0 && noise <= 1.0)) {
                throw new IllegalArgumentException("noise must be in [0, 1], was " + noise);
            }
        }
    }

    private final Direction direction;
    private final List<Attribute> attributes;
    private final long[][] masks; // per respondent used: the flagged attributes as a bit set
    private final double[] share; // per respondent: +w/W_target or −w/W_other
    private final boolean[] target;
    private final double targetWeight;
    private final double otherWeight;
    private final int targetCount;
    private final int otherCount;

    private KeyDissatisfiers(Direction direction, List<Attribute> attributes, long[][] masks, double[] share,
            boolean[] target, double targetWeight, double otherWeight, int targetCount, int otherCount) {
        this.direction = direction;
        this.attributes = attributes;
        this.masks = masks;
        this.share = share;
        this.target = target;
        this.targetWeight = targetWeight;
        this.otherWeight = otherWeight;
        this.targetCount = targetCount;
        this.otherCount = otherCount;
    }

    /**
     * Key dissatisfiers, unweighted, names {@code "attribute 0"}, {@code "attribute 1"}, …
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param overallAtMost dissatisfied overall means {@code y ≤ overallAtMost}
     * @param attributeAtMost dissatisfied on j means {@code x_j ≤ cut}: one common cut-off or one per
     *     attribute
     * @return the analysis
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException as
     *     {@link #of(Direction, double[][], double[], double[], List, double, double...)}
     * @throws IllegalStateException if either group is empty
     */
    public static KeyDissatisfiers dissatisfiers(double[][] ratings, double[] overall, double overallAtMost,
            double... attributeAtMost) {
        return compute(Direction.DISSATISFIERS, ratings, overall, null, PenaltyReward.defaultNames(ratings),
                overallAtMost, attributeAtMost);
    }

    /**
     * Key enhancers, unweighted, names {@code "attribute 0"}, {@code "attribute 1"}, …
     *
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param overallAtLeast delighted overall means {@code y ≥ overallAtLeast}
     * @param attributeAtLeast delighted on j means {@code x_j ≥ cut}: one common cut-off or one per
     *     attribute
     * @return the analysis
     * @throws NullPointerException if an argument or a row is null
     * @throws IllegalArgumentException as
     *     {@link #of(Direction, double[][], double[], double[], List, double, double...)}
     * @throws IllegalStateException if either group is empty
     */
    public static KeyDissatisfiers enhancers(double[][] ratings, double[] overall, double overallAtLeast,
            double... attributeAtLeast) {
        return compute(Direction.ENHANCERS, ratings, overall, null, PenaltyReward.defaultNames(ratings),
                overallAtLeast, attributeAtLeast);
    }

    /**
     * The general form: either direction, optional survey weights, attribute names.
     *
     * @param direction {@link Direction#DISSATISFIERS} ({@code ≤} cut-offs) or
     *     {@link Direction#ENHANCERS} ({@code ≥} cut-offs)
     * @param ratings respondents × attributes; NaN marks a missing rating
     * @param overall each respondent's overall satisfaction; NaN marks a missing value
     * @param weights one finite survey weight {@code >= 0} per respondent, or null for all 1
     * @param names the attributes' names, one per column, distinct
     * @param overallCut the overall cut-off {@code c_y}, finite
     * @param attributeCut the attribute cut-offs: one common value or one per attribute, finite
     * @return the analysis
     * @throws NullPointerException if {@code direction}, {@code ratings}, {@code overall},
     *     {@code names}, {@code attributeCut}, a row or a name is null
     * @throws IllegalArgumentException if the matrix is empty or ragged, the lengths differ, a value
     *     is infinite, a weight is negative or not finite, a cut-off is not finite, the cut-off count
     *     is neither 1 nor the number of attributes, or the names repeat
     * @throws IllegalStateException if no respondent used is in the target group, or none outside it
     */
    public static KeyDissatisfiers of(Direction direction, double[][] ratings, double[] overall, double[] weights,
            List<String> names, double overallCut, double... attributeCut) {
        return compute(direction, ratings, overall, weights, names, overallCut, attributeCut);
    }

    private static KeyDissatisfiers compute(Direction direction, double[][] ratings, double[] overall,
            double[] weights, List<String> names, double overallCut, double[] attributeCut) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(attributeCut, "attributeCut");
        Checks.finite("overallCut", overallCut);
        PenaltyReward.Rows rows = PenaltyReward.Rows.of(ratings, overall, weights, names);
        int k = rows.k;
        if (attributeCut.length != 1 && attributeCut.length != k) {
            throw new IllegalArgumentException("the attribute cut-offs must be 1 (common) or one per attribute (" + k
                    + "), were " + attributeCut.length);
        }
        for (int j = 0; j < attributeCut.length; j++) {
            if (!Double.isFinite(attributeCut[j])) {
                throw new IllegalArgumentException("attributeCut must be finite, was " + attributeCut[j] + " (index " + j
                        + ")");
            }
        }
        boolean below = direction == Direction.DISSATISFIERS;
        String rule = below ? "≤ " : "≥ ";
        int n = rows.n;
        boolean[] target = new boolean[n];
        double wt = 0.0;
        double wo = 0.0;
        int nt = 0;
        for (int i = 0; i < n; i++) {
            double y = rows.y[i];
            target[i] = below ? y <= overallCut : y >= overallCut;
            if (target[i]) {
                wt += rows.w[i];
                nt++;
            } else {
                wo += rows.w[i];
            }
        }
        String group = below ? "dissatisfied" : "delighted";
        if (nt == 0 || nt == n) {
            throw new IllegalStateException((nt == 0 ? "no" : "every") + " respondent used is " + group
                    + " overall (overall " + rule + PenaltyReward.number(overallCut) + ") among the " + n + ": "
                    + (nt == 0 ? "reach" : "noise") + " is undefined");
        }
        int words = (k + 63) >>> 6;
        long[][] masks = new long[n][words];
        double[] share = new double[n];
        double[] phi = new double[k];
        double[] reach = new double[k];
        double[] noise = new double[k];
        int[] flagged = new int[k];
        for (int i = 0; i < n; i++) {
            int size = 0;
            for (int j = 0; j < k; j++) {
                double c = attributeCut[attributeCut.length == 1 ? 0 : j];
                double x = rows.x[i][j];
                if (below ? x <= c : x >= c) {
                    masks[i][j >>> 6] |= 1L << j;
                    flagged[size++] = j;
                }
            }
            share[i] = target[i] ? rows.w[i] / wt : -rows.w[i] / wo;
            for (int s = 0; s < size; s++) {
                int j = flagged[s];
                phi[j] += share[i] / size;
                if (target[i]) {
                    reach[j] += rows.w[i];
                } else {
                    noise[j] += rows.w[i];
                }
            }
        }
        List<Attribute> out = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            out.add(new Attribute(rows.names.get(j), clamp(phi[j], -1.0), clamp(reach[j] / wt, 0.0),
                    clamp(noise[j] / wo, 0.0)));
        }
        return new KeyDissatisfiers(direction, Collections.unmodifiableList(out), masks, share, target, wt, wo, nt,
                n - nt);
    }

    /** Keeps a sum of shares in [lower, 1] against the last bit of rounding. */
    private static double clamp(double v, double lower) {
        return Math.max(lower, Math.min(1.0, v));
    }

    /**
     * Which tail was analysed.
     *
     * @return the direction
     */
    public Direction direction() {
        return direction;
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
     * {@code reach(S)}: the (weighted) share of the target group flagged on at least one attribute of S.
     *
     * @param coalition the attributes' column indices (repeats allowed; empty gives 0)
     * @return the share, in [0, 1]
     * @throws NullPointerException if {@code coalition} is null
     * @throws IndexOutOfBoundsException if an index is not a column
     */
    public double reach(int... coalition) {
        return covered(coalition, true);
    }

    /**
     * {@code noise(S)}: the (weighted) share of the others flagged on at least one attribute of S.
     *
     * @param coalition the attributes' column indices (repeats allowed; empty gives 0)
     * @return the share, in [0, 1]
     * @throws NullPointerException if {@code coalition} is null
     * @throws IndexOutOfBoundsException if an index is not a column
     */
    public double noise(int... coalition) {
        return covered(coalition, false);
    }

    /**
     * {@code v(S) = reach(S) − noise(S)}.
     *
     * @param coalition the attributes' column indices (repeats allowed; empty gives 0)
     * @return the value, in [−1, 1]
     * @throws NullPointerException if {@code coalition} is null
     * @throws IndexOutOfBoundsException if an index is not a column
     */
    public double value(int... coalition) {
        return reach(coalition) - noise(coalition);
    }

    /**
     * {@code v(N)}, the value of all attributes together, equal to {@code Σ_j φ_j}.
     *
     * @return the value, in [−1, 1]
     */
    public double totalValue() {
        int[] all = new int[attributes.size()];
        for (int j = 0; j < all.length; j++) {
            all[j] = j;
        }
        return value(all);
    }

    private double covered(int[] coalition, boolean inTarget) {
        Objects.requireNonNull(coalition, "coalition");
        long[] s = new long[masks.length == 0 ? 0 : masks[0].length];
        for (int j : coalition) {
            Objects.checkIndex(j, attributes.size());
            s[j >>> 6] |= 1L << j;
        }
        double sum = 0.0;
        for (int i = 0; i < masks.length; i++) {
            if (target[i] != inTarget) {
                continue;
            }
            for (int word = 0; word < s.length; word++) {
                if ((masks[i][word] & s[word]) != 0L) {
                    sum += Math.abs(share[i]);
                    break;
                }
            }
        }
        return clamp(sum, 0.0);
    }

    /**
     * The respondents used: complete rows with a positive weight.
     *
     * @return n
     */
    public int respondentsUsed() {
        return masks.length;
    }

    /**
     * The number of respondents in the target group (dissatisfied overall, or delighted for
     * {@link Direction#ENHANCERS}).
     *
     * @return the count, {@code >= 1}
     */
    public int targetCount() {
        return targetCount;
    }

    /**
     * The number of respondents outside the target group.
     *
     * @return the count, {@code >= 1}
     */
    public int otherCount() {
        return otherCount;
    }

    /**
     * The summed weight of the target group ({@link #targetCount()} when unweighted).
     *
     * @return {@code Σ w} over the target group
     */
    public double targetWeight() {
        return targetWeight;
    }

    /**
     * The summed weight outside the target group ({@link #otherCount()} when unweighted).
     *
     * @return {@code Σ w} over the others
     */
    public double otherWeight() {
        return otherWeight;
    }

    /**
     * A readable summary, e.g.
     * {@code KeyDissatisfiers[DISSATISFIERS, n=30, target=7, v(all)=0.435, website=0.304, …]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KeyDissatisfiers[").append(direction).append(", n=")
                .append(respondentsUsed()).append(", target=").append(targetCount)
                .append(String.format(Locale.ROOT, ", v(all)=%.3f", totalValue()));
        for (Attribute a : attributes) {
            sb.append(String.format(Locale.ROOT, ", %s=%.3f", a.name(), a.shapley()));
        }
        return sb.append(']').toString();
    }
}
