package io.github.cxmetrics.survey;

/**
 * A rating scale: the consecutive integer points {@code min..max}.
 *
 * <p>Common scales are provided as constants: {@link #ZERO_TO_TEN} (the NPS question),
 * {@link #ONE_TO_FIVE} (CSAT), {@link #ONE_TO_SEVEN} (CES 2.0) and {@link #ONE_TO_TEN}. A scale has
 * at least two and at most {@value #MAX_POINTS} points (a 0–100 slider fits); its points may be
 * negative (e.g. {@code -3..3}).
 *
 * <p>Scales are values: two scales are equal when their bounds are. {@link #toString()} gives
 * {@code "min..max"}, the form used in error messages.
 *
 * <p>Serializable (engines ship it inside Java-serialised functions); its serial form is its two
 * components, and deserialisation runs the validating constructor.
 *
 * @param min the lowest point
 * @param max the highest point
 * @serial exclude
 * @since 0.1.0
 */
public record Scale(int min, int max) implements java.io.Serializable {

    /** The largest number of points a scale may have. */
    public static final int MAX_POINTS = 1024;

    /** The 11-point scale {@code 0..10} of the likelihood-to-recommend (NPS) question. */
    public static final Scale ZERO_TO_TEN = new Scale(0, 10);
    /** The 5-point scale {@code 1..5}. */
    public static final Scale ONE_TO_FIVE = new Scale(1, 5);
    /** The 7-point scale {@code 1..7}. */
    public static final Scale ONE_TO_SEVEN = new Scale(1, 7);
    /** The 10-point scale {@code 1..10}. */
    public static final Scale ONE_TO_TEN = new Scale(1, 10);

    /**
     * Validates the bounds.
     *
     * @param min the lowest point
     * @param max the highest point
     * @throws IllegalArgumentException if {@code min >= max} or the scale has more than
     *     {@value #MAX_POINTS} points
     */
    public Scale {
        if (min >= max) {
            throw new IllegalArgumentException("scale needs min < max, was " + min + ".." + max);
        }
        if ((long) max - min + 1 > MAX_POINTS) {
            throw new IllegalArgumentException(
                    "scale may have at most " + MAX_POINTS + " points, was " + min + ".." + max);
        }
    }

    /**
     * The scale {@code min..max}.
     *
     * @param min the lowest point
     * @param max the highest point, {@code > min}
     * @return the scale
     * @throws IllegalArgumentException if {@code min >= max} or the scale has more than
     *     {@value #MAX_POINTS} points
     */
    public static Scale of(int min, int max) {
        return new Scale(min, max);
    }

    /**
     * The number of points.
     *
     * @return {@code max − min + 1}, at least 2
     */
    public int points() {
        return max - min + 1;
    }

    /**
     * Whether a rating is a point of this scale.
     *
     * @param rating the rating
     * @return {@code min <= rating && rating <= max}
     */
    public boolean contains(int rating) {
        return rating >= min && rating <= max;
    }

    /**
     * The zero-based position of a point, {@code rating − min}.
     *
     * @param rating a point of the scale
     * @return its index in {@code 0..points()−1}
     * @throws IllegalArgumentException if the rating is not on the scale
     */
    public int indexOf(int rating) {
        if (!contains(rating)) {
            throw new IllegalArgumentException("rating must be in " + this + ", was " + rating);
        }
        return rating - min;
    }

    /**
     * The bounds as {@code "min..max"}.
     *
     * @return e.g. {@code "0..10"}
     */
    @Override
    public String toString() {
        return min + ".." + max;
    }
}
