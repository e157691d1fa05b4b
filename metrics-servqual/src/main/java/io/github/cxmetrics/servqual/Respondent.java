package io.github.cxmetrics.servqual;

import java.util.Arrays;
import java.util.Objects;

/**
 * One respondent's SERVQUAL answers: expectations and perceptions per item (1-based items in array
 * order), optionally importance points over the five dimensions and the adequate and desired service
 * levels of the three-column format. Unanswered items are {@link #MISSING}. Answers are checked
 * against the scale and the instrument when the respondent is added to a
 * {@link ServqualAccumulator}.
 *
 * <p>Importance follows Zeithaml, Parasuraman &amp; Berry (1990, <i>Delivering Quality Service</i>):
 * 100 points allocated over the five dimensions in {@link Dimension} order; the sum must be 100
 * within ±0.5, to allow for respondents' or data entry's rounding. For an instrument that does
 * not use every dimension, the points of the dimensions it does not use must be 0:
 * {@link ServqualAccumulator#add(Respondent)} rejects the respondent otherwise (it does not
 * renormalise). Each respondent's points are divided by their own total, so her weights are
 * shares summing to 1.
 *
 * @since 0.1.0
 */
public final class Respondent {

    /**
     * The marker of an unanswered item, {@code Integer.MIN_VALUE}. A {@link ServqualAccumulator}
     * rejects a scale that contains it, where it could not be told from a rating.
     */
    public static final int MISSING = Integer.MIN_VALUE;

    private final int[] expectations;
    private final int[] perceptions;
    private final double[] importance; // null if none
    private final int[] adequate;      // null if none
    private final int[] desired;       // null if none

    private Respondent(int[] expectations, int[] perceptions, double[] importance, int[] adequate, int[] desired) {
        this.expectations = expectations;
        this.perceptions = perceptions;
        this.importance = importance;
        this.adequate = adequate;
        this.desired = desired;
    }

    /**
     * A respondent's expectations and perceptions.
     *
     * @param expectations one answer per item, {@link #MISSING} where unanswered
     * @param perceptions one answer per item, same length
     * @return the respondent
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Respondent of(int[] expectations, int[] perceptions) {
        Objects.requireNonNull(expectations, "expectations");
        Objects.requireNonNull(perceptions, "perceptions");
        if (expectations.length != perceptions.length) {
            throw new IllegalArgumentException("expectations has " + expectations.length + " answers but perceptions has "
                    + perceptions.length);
        }
        return new Respondent(expectations.clone(), perceptions.clone(), null, null, null);
    }

    /**
     * This respondent with importance points over the five dimensions.
     *
     * @param points points for TANGIBLES, RELIABILITY, RESPONSIVENESS, ASSURANCE, EMPATHY; each
     *     finite and {@code >= 0}, summing to 100 ± 0.5
     * @return a new respondent
     * @throws NullPointerException if {@code points} is null
     * @throws IllegalArgumentException if there are not 5 points, one is negative or not finite, or
     *     the sum is not 100 ± 0.5
     */
    public Respondent withImportance(double... points) {
        Objects.requireNonNull(points, "points");
        if (points.length != Dimension.values().length) {
            throw new IllegalArgumentException("importance needs " + Dimension.values().length + " points, had "
                    + points.length);
        }
        double sum = 0.0;
        for (int i = 0; i < points.length; i++) {
            if (!(points[i] >= 0.0 && points[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("importance points for " + Dimension.values()[i]
                        + " must be finite and >= 0, was " + points[i]);
            }
            sum += points[i];
        }
        if (Math.abs(sum - 100.0) > 0.5) {
            throw new IllegalArgumentException("importance points must sum to 100 (within 0.5), summed to " + sum);
        }
        return new Respondent(expectations, perceptions, points.clone(), adequate, desired);
    }

    /**
     * This respondent with the adequate and desired service levels of the three-column format.
     *
     * @param adequateService one answer per item, {@link #MISSING} where unanswered
     * @param desiredService one answer per item, same length
     * @return a new respondent
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if a length differs from the perceptions'
     */
    public Respondent withToleranceZone(int[] adequateService, int[] desiredService) {
        Objects.requireNonNull(adequateService, "adequateService");
        Objects.requireNonNull(desiredService, "desiredService");
        if (adequateService.length != perceptions.length || desiredService.length != perceptions.length) {
            throw new IllegalArgumentException("tolerance-zone answers need " + perceptions.length + " items, had "
                    + adequateService.length + " and " + desiredService.length);
        }
        return new Respondent(expectations, perceptions, importance, adequateService.clone(), desiredService.clone());
    }

    /**
     * The number of items answered (or left missing) by this respondent.
     *
     * @return the item count
     */
    public int items() {
        return perceptions.length;
    }

    /**
     * Whether importance points were given.
     *
     * @return whether {@link #withImportance(double...)} was used
     */
    public boolean hasImportance() {
        return importance != null;
    }

    /**
     * Whether adequate and desired service levels were given.
     *
     * @return whether {@link #withToleranceZone(int[], int[])} was used
     */
    public boolean hasToleranceZone() {
        return adequate != null;
    }

    /** The answers of an answer measure (null if not given); GAP is not an answer. */
    int[] answers(Measure m) {
        switch (m) {
            case EXPECTATION:
                return expectations;
            case PERCEPTION:
                return perceptions;
            case ADEQUATE_SERVICE:
                return adequate;
            case DESIRED_SERVICE:
                return desired;
            default:
                throw new AssertionError(m + " is not an answer");
        }
    }

    double[] importance() {
        return importance;
    }

    /**
     * Equal when every answer and point is equal.
     *
     * @param o the object to compare with
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Respondent)) {
            return false;
        }
        Respondent r = (Respondent) o;
        return Arrays.equals(expectations, r.expectations) && Arrays.equals(perceptions, r.perceptions)
                && Arrays.equals(importance, r.importance) && Arrays.equals(adequate, r.adequate)
                && Arrays.equals(desired, r.desired);
    }

    /**
     * A hash code consistent with {@link #equals(Object)}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(expectations), Arrays.hashCode(perceptions), Arrays.hashCode(importance),
                Arrays.hashCode(adequate), Arrays.hashCode(desired));
    }

    /**
     * A short description.
     *
     * @return e.g. {@code Respondent[items=22, importance=yes, toleranceZone=no]}
     */
    @Override
    public String toString() {
        return "Respondent[items=" + items() + ", importance=" + (hasImportance() ? "yes" : "no") + ", toleranceZone="
                + (hasToleranceZone() ? "yes" : "no") + "]";
    }
}
