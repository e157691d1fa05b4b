package io.github.cxmetrics.survey;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mutable, mergeable accumulator of ratings on a {@link Scale}; {@link #snapshot()} gives the
 * immutable {@link RatingDistribution}.
 *
 * <p>State is fixed-size: per point a {@code long} count and a {@code double} weight sum, plus the
 * sum of squared weights — never the list of responses. Merging is associative and commutative, and
 * splitting the input anywhere, accumulating the parts and merging gives the state of one pass:
 * exactly for counts, and exactly for weight sums when the weights are integers (or any values whose
 * sums are exact in binary floating point); otherwise to within floating-point rounding.
 *
 * <p><b>Validation.</b> Every method validates its whole input before it changes anything: a rejected
 * {@code add}, {@code addAll} or {@code merge} leaves the accumulator exactly as it was. Ratings off
 * the scale, negative, NaN or infinite weights and merges across scales get
 * {@link IllegalArgumentException}; a count that would overflow a {@code long} gets
 * {@link ArithmeticException}.
 *
 * <p><b>Weights.</b> A survey weight is 0 or in {@code [1e-150, 1e150]}, the rule of
 * {@link io.github.cxmetrics.stats.MeanAccumulator}: every positive square is then at least
 * {@code 1e-300}, a normal double, so the sum of squared weights behind Kish's effective size
 * {@code (Σw)²/Σw²} never underflows, and the sum of weights (at most {@code Long.MAX_VALUE · 1e150})
 * never overflows. The sum of squares can overflow, after about 1.8e8 weights of 1e150; the
 * {@code add}, {@code addAll} or {@code merge} that would make it infinite is rejected.
 *
 * <p><b>Performance.</b> The batch methods {@link #addAll(int[])}, {@link #addAll(int[], int, int)}
 * and {@link #addAll(byte[])} validate and count in one pass and allocate nothing. For scales of up
 * to 12 points (every common survey scale) {@code int} ratings are counted by one table lookup each
 * into 5-bit fields of two {@code long}s (blocks of 62, widened every 992), whose bounds check is
 * the range check, and {@code byte}
 * ratings eight at a time (SWAR: one {@code long} read, one range test for all eight bytes, four
 * lookups of two ratings each) when the scale also lies inside {@code −128..127}; larger scales, and
 * {@code byte} ratings on scales reaching outside {@code −128..127}, use four interleaved histograms
 * that break the store-to-load dependency of a single {@code counts[r]++} loop. {@code metrics-bench} measures these
 * paths against the plain sum of the same array.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of the
 * cxmetrics state format ({@link Mergeable}) with family id 1 ({@link #FAMILY}), format version 1,
 * flag bit 0 set when the state is weighted, and this payload, little-endian:
 * <pre>{@code
 * offset  size        field
 * 0       4           scale min (int32)
 * 4       4           scale max (int32), max > min, at most Scale.MAX_POINTS (1 024) points
 * 8       8·points    counts, lowest point first (int64, each >= 0, total <= Long.MAX_VALUE)
 * if weighted:
 *   ..    8·points    weight sums (float64, finite, 0 or >= 1e-150, 0 where the count is 0)
 *   ..    8           sum of squared weights (float64, finite, >= 0, 0 iff the total weight is 0,
 *                     and 1 <= (Σw)²/Σw² <= count up to rounding)
 * }</pre>
 * Unweighted states (every weight 1) omit the weight sums: 112 bytes in all for the 0–10 scale.
 *
 * <p>Not thread-safe: confine an accumulator to one thread, or give each thread its own and merge.
 *
 * @since 0.1.0
 */
public final class RatingAccumulator implements Mergeable<RatingAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 1, "rating". */
    public static final StateFamily<RatingAccumulator> FAMILY =
            StateFamily.define(1, "rating", RatingAccumulator.class, FORMAT_VERSION, RatingAccumulator::fromByteBuffer);

    private static final int FLAG_WEIGHTED = 1;

    /** The smallest positive weight: its square, 1e-300, is still a normal double. */
    static final double MIN_WEIGHT = 1e-150;
    /** The largest weight. */
    static final double MAX_WEIGHT = 1e150;

    private final Scale scale;
    private final int min;
    private final int points;
    private final long[] counts;
    private final double[] weights;
    private double sumSquaredWeights;
    private long count;

    // Per-batch scratch histograms; all zero between calls. Not part of the state.
    /**
     * For scales of at most 12 points: {@code 1L << 5·index}, so that one table lookup per rating
     * counts it into a 5-bit field of a single {@code long}; the table's bounds check is the range
     * check. Null for larger scales.
     */
    private final long[] packed;
    /**
     * Whether the SWAR {@code byte[]} kernel may be used: the scale has at most 12 points and lies
     * wholly inside {@code −128..127}. The kernel subtracts {@code min & 0xFF} from every byte, which
     * is only sound then; otherwise a byte that differs from a scale point by a multiple of 256 would
     * be counted as that point.
     */
    private final boolean swarBytes;
    /** Whether no byte is a point of the scale (the scale lies wholly outside {@code −128..127}). */
    private final boolean noByteOnScale;
    private final int[] h0;
    private final int[] h1;
    private final int[] h2;
    private final int[] h3;

    /**
     * An empty accumulator on a scale.
     *
     * @param scale the scale of the ratings
     * @throws NullPointerException if {@code scale} is null
     */
    public RatingAccumulator(Scale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.min = scale.min();
        this.points = scale.points();
        this.counts = new long[points];
        this.weights = new double[points];
        this.packed = points <= PACKED_MAX_POINTS ? packedTable(points) : null;
        this.swarBytes = packed != null && scale.min() >= Byte.MIN_VALUE && scale.max() <= Byte.MAX_VALUE;
        this.noByteOnScale = scale.min() > Byte.MAX_VALUE || scale.max() < Byte.MIN_VALUE;
        this.h0 = new int[Math.max(points, PACKED_MAX_POINTS)]; // flushWide writes twelve slots
        this.h1 = new int[points];
        this.h2 = new int[points];
        this.h3 = new int[points];
    }

    /**
     * An accumulator that starts from the state of a distribution, to continue accumulating.
     *
     * @param distribution the starting state
     * @return a new accumulator whose {@link #snapshot()} equals {@code distribution}
     * @throws NullPointerException if {@code distribution} is null
     */
    public static RatingAccumulator of(RatingDistribution distribution) {
        Objects.requireNonNull(distribution, "distribution");
        RatingAccumulator acc = new RatingAccumulator(distribution.scale());
        System.arraycopy(distribution.countsView(), 0, acc.counts, 0, acc.points);
        System.arraycopy(distribution.weightsView(), 0, acc.weights, 0, acc.points);
        acc.sumSquaredWeights = distribution.sumOfSquaredWeights();
        acc.count = distribution.count();
        return acc;
    }

    /**
     * The scale.
     *
     * @return the scale of the ratings
     */
    public Scale scale() {
        return scale;
    }

    /**
     * The number of responses so far.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * Adds one response with weight 1.
     *
     * @param rating a point of the scale
     * @throws IllegalArgumentException if the rating is not on the scale
     * @throws ArithmeticException if the count would overflow
     */
    public void add(int rating) {
        int i = rating - min;
        if (i < 0 || i >= points) {
            throw new IllegalArgumentException("rating " + rating + " is outside scale " + scale);
        }
        requireRoom(1);
        counts[i]++;
        weights[i] += 1.0;
        sumSquaredWeights += 1.0;
        count++;
    }

    /**
     * Adds one response with a survey weight.
     *
     * @param rating a point of the scale
     * @param weight the response's weight: 0, or in {@code [1e-150, 1e150]} (see "Weights" on the
     *     class); a zero weight counts the response but gives it no weight
     * @throws IllegalArgumentException if the rating is not on the scale, the weight is negative, NaN,
     *     infinite or outside {@code [1e-150, 1e150]}, or the sum of squared weights would become
     *     infinite
     * @throws ArithmeticException if the count would overflow
     */
    public void add(int rating, double weight) {
        checkWeight(weight, "");
        int i = rating - min;
        if (i < 0 || i >= points) {
            throw new IllegalArgumentException("rating " + rating + " is outside scale " + scale);
        }
        requireRoom(1);
        double w = weights[i] + weight;
        double sq = sumSquaredWeights + weight * weight;
        requireFiniteSquares(sq);
        counts[i]++;
        weights[i] = w;
        sumSquaredWeights = sq;
        count++;
    }

    /**
     * Adds every rating of an array, each with weight 1.
     *
     * @param ratings the ratings
     * @throws NullPointerException if {@code ratings} is null
     * @throws IllegalArgumentException if a rating is not on the scale (the message names the first
     *     such rating, its index and the scale); nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(int[] ratings) {
        Objects.requireNonNull(ratings, "ratings");
        addAll(ratings, 0, ratings.length);
    }

    /**
     * Adds the ratings {@code ratings[from..to)}, each with weight 1.
     *
     * @param ratings the ratings
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @throws NullPointerException if {@code ratings} is null
     * @throws IndexOutOfBoundsException if {@code from..to} is not a range of the array
     * @throws IllegalArgumentException if a rating in the range is not on the scale (the message names
     *     the first such rating, its index in the array and the scale); nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(int[] ratings, int from, int to) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.checkFromToIndex(from, to, ratings.length);
        requireRoom(to - from);
        final int lo = min;
        final int top = points - 1;
        if (packed != null) {
            addAllPacked(ratings, from, to);
            return;
        }
        final int[] a = h0;
        final int[] b = h1;
        final int[] c = h2;
        final int[] d = h3;
        int i = from;
        for (int end = to - 3; i < end; i += 4) {
            int r0 = ratings[i] - lo;
            int r1 = ratings[i + 1] - lo;
            int r2 = ratings[i + 2] - lo;
            int r3 = ratings[i + 3] - lo;
            // negative iff some index is below 0 or above top
            if ((r0 | r1 | r2 | r3 | (top - r0) | (top - r1) | (top - r2) | (top - r3)) < 0) {
                break;
            }
            a[r0]++;
            b[r1]++;
            c[r2]++;
            d[r3]++;
        }
        for (; i < to; i++) {
            int r = ratings[i] - lo;
            if ((r | (top - r)) < 0) {
                clearScratch();
                throw outside(ratings[i], i);
            }
            a[r]++;
        }
        commitScratch(to - from);
    }

    /**
     * Adds every rating of a byte array (each byte a signed rating, {@code -128..127}), each with
     * weight 1. Compact input for scales that lie in the byte range. Any scale is accepted: a byte
     * counts if its value {@code (int) b} is a point of the scale and is rejected otherwise, exactly as
     * the same value in {@link #addAll(int[])} would be. Scales of at most 12 points inside
     * {@code -128..127} take the SWAR path (eight bytes per step); other scales are checked byte by
     * byte, and a scale wholly outside {@code -128..127} rejects any non-empty input at its first byte.
     *
     * @param ratings the ratings
     * @throws NullPointerException if {@code ratings} is null
     * @throws IllegalArgumentException if a rating is not on the scale (the message names the first
     *     such rating, its index and the scale); nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(byte[] ratings) {
        Objects.requireNonNull(ratings, "ratings");
        addAll(ratings, 0, ratings.length);
    }

    /**
     * Adds the ratings {@code ratings[from..to)} of a byte array (each byte a signed rating), each with
     * weight 1.
     *
     * @param ratings the ratings
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @throws NullPointerException if {@code ratings} is null
     * @throws IndexOutOfBoundsException if {@code from..to} is not a range of the array
     * @throws IllegalArgumentException if a rating in the range is not on the scale (the message names
     *     the first such rating, its index in the array and the scale); nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(byte[] ratings, int from, int to) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.checkFromToIndex(from, to, ratings.length);
        requireRoom(to - from);
        if (swarBytes) {
            addAllBytesPacked(ratings, from, to);
            return;
        }
        if (noByteOnScale && from < to) {
            throw outside(ratings[from], from); // no byte is a rating of this scale
        }
        // A scale straddling an end of the byte range, or of more than 12 points: the general path,
        // which compares each byte's int value with the scale.
        final int lo = min;
        final int top = points - 1;
        final int[] a = h0;
        final int[] b = h1;
        final int[] c = h2;
        final int[] d = h3;
        int i = from;
        for (int end = to - 3; i < end; i += 4) {
            int r0 = ratings[i] - lo;
            int r1 = ratings[i + 1] - lo;
            int r2 = ratings[i + 2] - lo;
            int r3 = ratings[i + 3] - lo;
            if ((r0 | r1 | r2 | r3 | (top - r0) | (top - r1) | (top - r2) | (top - r3)) < 0) {
                break;
            }
            a[r0]++;
            b[r1]++;
            c[r2]++;
            d[r3]++;
        }
        for (; i < to; i++) {
            int r = ratings[i] - lo;
            if ((r | (top - r)) < 0) {
                clearScratch();
                throw outside(ratings[i], i);
            }
            a[r]++;
        }
        commitScratch(to - from);
    }

    /**
     * Adds weighted ratings: {@code ratings[i]} with weight {@code weights[i]}.
     *
     * @param ratings the ratings
     * @param weights their weights, each 0 or in {@code [1e-150, 1e150]}, as many as ratings
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the lengths differ, a rating is not on the scale, a weight
     *     is negative, NaN, infinite or outside {@code [1e-150, 1e150]} (the message names the first
     *     offender and its index), or the sum of squared weights would become infinite; nothing is
     *     added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(int[] ratings, double[] weights) {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(weights, "weights");
        if (ratings.length != weights.length) {
            throw new IllegalArgumentException("ratings and weights must have the same length, were "
                    + ratings.length + " and " + weights.length);
        }
        requireRoom(ratings.length);
        double batchSquares = 0.0;
        for (int i = 0; i < ratings.length; i++) {
            if (!scale.contains(ratings[i])) {
                throw outside(ratings[i], i);
            }
            double w = weights[i];
            checkWeight(w, " (index " + i + ")");
            batchSquares += w * w;
        }
        requireFiniteSquares(sumSquaredWeights + batchSquares);
        for (int i = 0; i < ratings.length; i++) {
            int p = ratings[i] - min;
            counts[p]++;
            this.weights[p] += weights[i];
        }
        sumSquaredWeights += batchSquares;
        count += ratings.length;
    }

    /**
     * Adds the state of another accumulator on the same scale to this one; {@code other} is unchanged.
     *
     * @param other the accumulator to merge in (may be {@code this})
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the scales differ or the sum of squared weights would become
     *     infinite; nothing changes then
     * @throws ArithmeticException if the count would overflow; nothing changes then
     */
    public RatingAccumulator merge(RatingAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (!scale.equals(other.scale)) {
            throw new IllegalArgumentException("cannot merge: scale " + scale + " vs " + other.scale);
        }
        requireRoom(other.count);
        requireFiniteSquares(sumSquaredWeights + other.sumSquaredWeights);
        long otherCount = other.count;
        double otherSquares = other.sumSquaredWeights;
        for (int i = 0; i < points; i++) {
            counts[i] += other.counts[i];
            weights[i] += other.weights[i];
        }
        sumSquaredWeights += otherSquares;
        count += otherCount;
        return this;
    }

    /**
     * The immutable distribution of everything added so far. Costs O(points), independent of the
     * number of responses; the accumulator stays usable.
     *
     * @return the distribution
     */
    public RatingDistribution snapshot() {
        return new RatingDistribution(scale, counts.clone(), weights.clone(), sumSquaredWeights);
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public RatingAccumulator copy() {
        RatingAccumulator c = new RatingAccumulator(scale);
        System.arraycopy(counts, 0, c.counts, 0, points);
        System.arraycopy(weights, 0, c.weights, 0, points);
        c.sumSquaredWeights = sumSquaredWeights;
        c.count = count;
        return c;
    }

    @Override
    public StateFamily<RatingAccumulator> family() {
        return FAMILY;
    }

    private int payloadSize(boolean weighted) {
        return 8 + 8 * points + (weighted ? 8 * points + 8 : 0);
    }

    @Override
    public int serializedSize() {
        return StateFrame.size(payloadSize(isWeighted()));
    }

    @Override
    public void writeTo(ByteBuffer target) {
        boolean weighted = isWeighted();
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, weighted ? FLAG_WEIGHTED : 0,
                payloadSize(weighted));
        w.i32(scale.min()).i32(scale.max());
        for (long c : counts) {
            w.i64(c);
        }
        if (weighted) {
            for (double x : weights) {
                w.f64(x);
            }
            w.f64(sumSquaredWeights);
        }
        w.finish();
    }

    /**
     * The binary form of the state, in the layout documented on the class.
     *
     * @return a new byte array
     */
    @Override
    public byte[] toByteArray() {
        return Mergeable.super.toByteArray();
    }

    /**
     * Reads the binary form written by {@link #toByteArray()}: the array must hold exactly one state.
     * See {@link #fromByteBuffer(ByteBuffer)} for what is checked.
     *
     * @param bytes the binary form
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static RatingAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the position
     * does not move. Checks, in order, the frame (length, magic, family, version, CRC-32C), the flags,
     * the scale, the exact payload length for that scale, and then every invariant of the state;
     * allocation is bounded by the input's length.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static RatingAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, 1, "rating", FORMAT_VERSION);
        boolean weighted = (in.requireFlags(FLAG_WEIGHTED) & FLAG_WEIGHTED) != 0;
        int lo = in.i32("scale min");
        int hi = in.i32("scale max");
        Scale scale;
        try {
            scale = new Scale(lo, hi);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
        int points = scale.points();
        long expected = 8L * points + (weighted ? 8L * points + 8 : 0);
        if (in.remaining() != expected) {
            throw in.corrupt("a state of scale " + scale + (weighted ? " (weighted)" : "") + " has a payload of "
                    + (expected + 8) + " bytes, this one has " + (in.remaining() + 8));
        }
        RatingAccumulator acc = new RatingAccumulator(scale);
        long total = 0;
        for (int i = 0; i < points; i++) {
            long c = in.i64("counts");
            if (c < 0) {
                throw in.corrupt("count " + c + " at point " + (lo + i) + " is negative");
            }
            if (total > Long.MAX_VALUE - c) {
                throw in.corrupt("total count overflows a long");
            }
            total += c;
            acc.counts[i] = c;
        }
        if (weighted) {
            double sumWeights = 0.0;
            for (int i = 0; i < points; i++) {
                double w = in.f64("weight sums");
                if (!(w >= 0.0 && w < Double.POSITIVE_INFINITY) || Double.doubleToRawLongBits(w) < 0) {
                    throw in.corrupt("weight sum " + w + " at point " + (lo + i) + " is not finite and >= 0");
                }
                if (acc.counts[i] == 0 && w != 0.0) {
                    throw in.corrupt("weight sum " + w + " at point " + (lo + i) + " has no responses");
                }
                if (w != 0.0 && w < MIN_WEIGHT) {
                    // a sum of non-negative weights is at least its largest term, here >= 1e-150
                    throw in.corrupt("weight sum " + w + " at point " + (lo + i) + " is below the smallest weight "
                            + MIN_WEIGHT);
                }
                acc.weights[i] = w;
                sumWeights += w;
            }
            double squares = in.f64("sum of squared weights");
            if (!(squares >= 0.0 && squares < Double.POSITIVE_INFINITY)
                    || Double.doubleToRawLongBits(squares) < 0) {
                throw in.corrupt("sum of squared weights " + squares + " is not finite and >= 0");
            }
            if (!Double.isFinite(sumWeights)) {
                throw in.corrupt("total weight is infinite");
            }
            if ((squares == 0.0) != (sumWeights == 0.0)) {
                throw in.corrupt("sum of squared weights " + squares + " is inconsistent with total weight "
                        + sumWeights);
            }
            if (squares > 0.0) {
                // Cauchy–Schwarz: 1 <= (Σw)²/Σw² <= n. The sums were rounded: by the bound of
                // recursive summation (Higham 2002, Accuracy and Stability of Numerical Algorithms,
                // §4.2), each of Σw and Σw² has a relative error of at most about (n + points)·u,
                // u = 2^-53, whatever the order of adds and merges, so the computed ratio may leave
                // [1, n] by a relative 3(n + points)·u plus the rounding of the ratio itself.
                double nEff = sumWeights * (sumWeights / squares);
                double slack = 4.0 * ((double) total + points + 2.0) * 0x1p-53;
                if (nEff > total * (1.0 + slack)) {
                    throw in.corrupt("effective size " + nEff + " exceeds the count " + total);
                }
                if (nEff < 1.0 / (1.0 + slack)) {
                    throw in.corrupt("sum of squared weights " + squares + " exceeds the squared total weight "
                            + sumWeights * sumWeights);
                }
            }
            acc.sumSquaredWeights = squares;
            acc.count = total;
            if (!acc.isWeighted()) {
                throw in.corrupt("flagged weighted, but every weight sum equals its count (the unweighted form)");
            }
        } else {
            for (int i = 0; i < points; i++) {
                acc.weights[i] = acc.counts[i];
            }
            acc.sumSquaredWeights = total;
        }
        acc.count = total;
        in.finish();
        return acc;
    }

    /**
     * A readable summary of the state, e.g. {@code RatingAccumulator[scale=0..10, n=3, counts=[…]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "RatingAccumulator[scale=" + scale + ", n=" + count + ", counts="
                + Arrays.toString(counts) + "]";
    }

    private boolean isWeighted() {
        if (sumSquaredWeights != (double) count) {
            return true;
        }
        for (int i = 0; i < points; i++) {
            if (weights[i] != (double) counts[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The weight rule of {@link io.github.cxmetrics.stats.MeanAccumulator}, with its messages: finite
     * and {@code >= 0}, and 0 or in {@code [1e-150, 1e150]}.
     */
    private static void checkWeight(double weight, String where) {
        if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight + where);
        }
        if (weight != 0.0 && (weight < MIN_WEIGHT || weight > MAX_WEIGHT)) {
            throw new IllegalArgumentException("weight must be 0 or in [1e-150, 1e150] (its square must be a "
                    + "normal double for the effective size), was " + weight + where);
        }
    }

    private void requireRoom(long more) {
        if (count > Long.MAX_VALUE - more) {
            throw new ArithmeticException("count overflow: " + count + " + " + more
                    + " exceeds Long.MAX_VALUE");
        }
    }

    /**
     * The sum of weights cannot overflow (at most {@code Long.MAX_VALUE · 1e150}); the sum of their
     * squares can, after about 1.8e8 responses of weight 1e150.
     */
    private static void requireFiniteSquares(double sumSquares) {
        if (!Double.isFinite(sumSquares)) {
            throw new IllegalArgumentException("weights too large: the sum of squared weights would exceed "
                    + Double.MAX_VALUE);
        }
    }

    private IllegalArgumentException outside(int rating, int index) {
        return new IllegalArgumentException(
                "rating " + rating + " at index " + index + " is outside scale " + scale);
    }

    private static final int PACKED_MAX_POINTS = 12;
    private static final int PACKED_BLOCK = 31; // a 5-bit field holds up to 31

    private static long[] packedTable(int points) {
        long[] t = new long[points];
        for (int k = 0; k < points; k++) {
            t[k] = 1L << (5 * k);
        }
        return t;
    }

    /** Mask of the even 5-bit fields 0, 2, …, 10 of a packed count, each widened to 10 bits. */
    private static final long EVEN_FIELDS = 0x1FL | 0x1FL << 10 | 0x1FL << 20 | 0x1FL << 30 | 0x1FL << 40
            | 0x1FL << 50;
    /** Ratings per block of the packed {@code int} path: two accumulators of at most 31 each. */
    private static final int PAIR_BLOCK = 2 * PACKED_BLOCK;
    /** Blocks per widening flush: each adds at most 62 to a 10-bit field, 16 · 62 = 992 ≤ 1023. */
    private static final int PAIR_BLOCKS_PER_FLUSH = 1023 / PAIR_BLOCK;

    /**
     * Counts {@code ratings[from..to)} by table lookups into 5-bit fields of a {@code long}
     * ({@code table[r − min] = 1 << 5·(r − min)}; the table's bounds check is the range check). A
     * block of 62 ratings goes into two accumulators, alternately, in a loop of fixed trip count that
     * the JIT unrolls; after each block the twelve 5-bit fields are spread into two longs of six
     * 10-bit fields, which absorb 16 blocks before they are added to the scratch histogram. So the
     * per-rating work is one load, one lookup and one add. All-or-nothing like the general path.
     */
    private void addAllPacked(int[] ratings, int from, int to) {
        // Below split, i + PAIR_BLOCK cannot overflow in countPacked's block loop; what lies above
        // (at most 62 ratings, only in an array of nearly Integer.MAX_VALUE) is counted separately.
        int split = Math.max(from, Math.min(to, Integer.MAX_VALUE - PAIR_BLOCK));
        try {
            countPacked(ratings, from, split);
            if (split < to) {
                countRest(ratings, split, to);
            }
        } catch (ArrayIndexOutOfBoundsException outside) {
            // Out of the hot loop, so that the loop keeps no index alive for the handler.
            clearScratch();
            throw outside(ratings, findOutside(ratings, from, to));
        }
        commitScratch(to - from);
    }

    /** Requires {@code to <= Integer.MAX_VALUE - PAIR_BLOCK}. */
    private void countPacked(int[] ratings, int from, int to) {
        final long[] table = packed;
        final int lo = min;
        long even = 0;
        long odd = 0;
        int blocks = 0;
        int i = from;
        // This form of the condition keeps the loop a counted loop for C2; i <= to - PAIR_BLOCK and
        // a Math.min bound measured slower.
        for (; i + PAIR_BLOCK <= to; i += PAIR_BLOCK) {
            long acc0 = 0;
            long acc1 = 0;
            for (int j = 0; j < PAIR_BLOCK; j += 2) {
                acc0 += table[ratings[i + j] - lo];
                acc1 += table[ratings[i + j + 1] - lo];
            }
            even += (acc0 & EVEN_FIELDS) + (acc1 & EVEN_FIELDS);
            odd += ((acc0 >>> 5) & EVEN_FIELDS) + ((acc1 >>> 5) & EVEN_FIELDS);
            if (++blocks == PAIR_BLOCKS_PER_FLUSH) {
                flushWide(even, odd);
                even = 0;
                odd = 0;
                blocks = 0;
            }
        }
        long acc0 = 0; // fewer than 62 left: at most 31 in each accumulator, 15 · 62 + 61 ≤ 1023 in all
        long acc1 = 0;
        for (; i + 1 < to; i += 2) {
            acc0 += table[ratings[i] - lo];
            acc1 += table[ratings[i + 1] - lo];
        }
        if (i < to) {
            acc0 += table[ratings[i] - lo];
        }
        flushWide(even + (acc0 & EVEN_FIELDS) + (acc1 & EVEN_FIELDS),
                odd + ((acc0 >>> 5) & EVEN_FIELDS) + ((acc1 >>> 5) & EVEN_FIELDS));
    }

    /** At most 62 ratings, at the top of an array of nearly {@code Integer.MAX_VALUE}. */
    private void countRest(int[] ratings, int from, int to) {
        long acc0 = 0;
        long acc1 = 0;
        for (int i = from; to - i > 0; i++) {
            if (((i - from) & 1) == 0) {
                acc0 += packed[ratings[i] - min];
            } else {
                acc1 += packed[ratings[i] - min];
            }
        }
        flushWide((acc0 & EVEN_FIELDS) + (acc1 & EVEN_FIELDS),
                ((acc0 >>> 5) & EVEN_FIELDS) + ((acc1 >>> 5) & EVEN_FIELDS));
    }

    /**
     * Adds the six 10-bit fields of {@code even} (points 0, 2, …, 10) and of {@code odd} (points 1,
     * 3, …, 11) to the scratch histogram, which has at least 12 slots on this path; fields of points
     * beyond the scale are 0. Unrolled: a loop bounded by the field {@code points} here slowed the
     * counting loop it is inlined into.
     */
    private void flushWide(long even, long odd) {
        final int[] a = h0;
        a[0] += (int) even & 1023;
        a[1] += (int) odd & 1023;
        a[2] += (int) (even >>> 10) & 1023;
        a[3] += (int) (odd >>> 10) & 1023;
        a[4] += (int) (even >>> 20) & 1023;
        a[5] += (int) (odd >>> 20) & 1023;
        a[6] += (int) (even >>> 30) & 1023;
        a[7] += (int) (odd >>> 30) & 1023;
        a[8] += (int) (even >>> 40) & 1023;
        a[9] += (int) (odd >>> 40) & 1023;
        a[10] += (int) (even >>> 50) & 1023;
        a[11] += (int) (odd >>> 50) & 1023;
    }

    /** The index of the first rating off the scale in {@code ratings[from..to)}. */
    private int findOutside(int[] ratings, int from, int to) {
        for (int i = from; i < to; i++) {
            int r = ratings[i] - min;
            if (r < 0 || r >= points) {
                return i;
            }
        }
        throw new AssertionError("no rating off the scale in the failed block");
    }

    private IllegalArgumentException outside(int[] ratings, int index) {
        return outside(ratings[index], index);
    }

    /** Byte-wise constants of SWAR arithmetic on eight ratings held in one {@code long}. */
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * For a byte {@code (b << 4) | a} of two scale indices {@code a, b < 12}: the packed counts
     * {@code 1 << 5a} plus {@code 1 << 5b}. Static and 256 long, so an index masked with
     * {@code 0xFF} needs no bounds check.
     */
    private static final long[] PAIR_COUNTS = pairCounts();

    private static final VarHandle LONGS_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static long[] pairCounts() {
        long[] t = new long[256];
        for (int b = 0; b < PACKED_MAX_POINTS; b++) {
            for (int a = 0; a < PACKED_MAX_POINTS; a++) {
                t[(b << 4) | a] = (1L << (5 * a)) + (1L << (5 * b));
            }
        }
        return t;
    }

    /**
     * The eight bytes of {@code x} minus the scale minimum, each on its own (no borrow crosses a
     * byte): {@code ((x | H) − (M & ~H)) ^ ((x ^ ~M) & H)}, H the high bits, M the minimum in every
     * byte. A byte is on the scale iff its result is in {@code 0..points−1}, see {@link #offScale}.
     */
    private static long minusMin(long x, long mLow, long notM) {
        return ((x | HIGH_BITS) - mLow) ^ ((x ^ notM) & HIGH_BITS);
    }

    /** The high bit of every byte of {@code d} (from {@link #minusMin}) that is not below {@code points}. */
    private static long offScale(long d, long rangeBias) {
        return ((d + rangeBias) | d) & HIGH_BITS;
    }

    /**
     * The packed counts of the eight scale indices in the bytes of {@code d}: folded into four bytes
     * of two 4-bit indices each ({@code d | d >>> 4}: bytes 0, 2, 4, 6 then hold
     * {@code (d[2j+1] << 4) | d[2j]}), then four lookups of {@link #PAIR_COUNTS}.
     */
    private static long packedCounts(long d) {
        final long[] pairs = PAIR_COUNTS;
        long t = d | (d >>> 4);
        return pairs[(int) t & 0xFF] + pairs[(int) (t >>> 16) & 0xFF] + pairs[(int) (t >>> 32) & 0xFF]
                + pairs[(int) (t >>> 48) & 0xFF];
    }

    /**
     * SWAR counting of {@code ratings[from..to)} for scales of at most 12 points: eight ratings are
     * read as one little-endian {@code long}; the scale minimum is subtracted from every byte without
     * borrows between bytes ({@code ((x | H) − M) ^ ((x ^ ~M) & H)}, H the high bits); one test
     * ({@code ((d + (128 − points)) | d) & H}) checks that every byte is in {@code 0..points−1}; the
     * eight 4-bit indices are folded into four bytes of two indices each, and four lookups of
     * {@link #PAIR_COUNTS} add them to a packed count. The bulk goes through {@link #countBytesWide}
     * (blocks of 48 in two accumulators); the rest in blocks of three words (24 ratings, at most 24 per
     * 5-bit field). A word with a byte off the scale stops the pass and the error names the first such
     * rating; nothing is added then.
     */
    private void addAllBytesPacked(byte[] ratings, int from, int to) {
        final long m = ONES * (min & 0xFF);
        final long mLow = m & ~HIGH_BITS;
        final long notM = ~m;
        final long rangeBias = ONES * (128 - points);
        final int wordsPerBlock = 3;
        final int blocksPerFlush = 1023 / (8 * wordsPerBlock);
        // The bulk in wide blocks; below, the rest (fewer than 48 ratings, or all of an array that
        // reaches within 48 of Integer.MAX_VALUE, where the block loop's i + 48 could overflow).
        int i = to <= Integer.MAX_VALUE - SWAR_BLOCK ? countBytesWide(ratings, from, to) : from;
        final int wordsEnd = to - 7;
        while (i < wordsEnd) {
            long even = 0;
            long odd = 0;
            for (int b = 0; b < blocksPerFlush && i < wordsEnd; b++) {
                long acc = 0;
                for (int w = 0; w < wordsPerBlock && i < wordsEnd; w++, i += 8) {
                    long d = minusMin((long) LONGS_LE.get(ratings, i), mLow, notM);
                    if (offScale(d, rangeBias) != 0) {
                        clearScratch();
                        throw outsideByte(ratings, i, to);
                    }
                    acc += packedCounts(d);
                }
                even += acc & EVEN_FIELDS;
                odd += (acc >>> 5) & EVEN_FIELDS;
            }
            flushWide(even, odd);
        }
        final long[] table = packed;
        final int lo = min;
        long acc = 0;
        for (; i < to; i++) {
            int r = ratings[i] - lo;
            if (r < 0 || r >= points) {
                clearScratch();
                throw outside(ratings[i], i);
            }
            acc += table[r];
        }
        flushWide(acc & EVEN_FIELDS, (acc >>> 5) & EVEN_FIELDS);
        commitScratch(to - from);
    }

    /** Ratings per block of {@link #countBytesWide}: six words, three for each of two accumulators. */
    private static final int SWAR_BLOCK = 48;
    /** Blocks per widening flush: each adds at most 48 to a 10-bit field, 21 · 48 = 1008 ≤ 1023. */
    private static final int SWAR_BLOCKS_PER_FLUSH = 1023 / SWAR_BLOCK;

    /**
     * The bulk of {@link #addAllBytesPacked}: blocks of 48 ratings, two words at a time into two
     * accumulators (24 ratings each, at most 24 per 5-bit field), the range tests of a block OR-ed
     * and tested once, in a loop of fixed trip count. Requires {@code to <= Integer.MAX_VALUE − 48}.
     *
     * @return the index of the first rating not counted (fewer than 48 are left)
     */
    private int countBytesWide(byte[] ratings, int from, int to) {
        final long m = ONES * (min & 0xFF);
        final long notM = ~m;
        final long mLow = m & ~HIGH_BITS;
        final long rangeBias = ONES * (128 - points);
        long even = 0;
        long odd = 0;
        int blocks = 0;
        int i = from;
        for (; i + SWAR_BLOCK <= to; i += SWAR_BLOCK) {
            long acc0 = 0;
            long acc1 = 0;
            long bad = 0;
            for (int w = 0; w < SWAR_BLOCK; w += 16) {
                long d0 = minusMin((long) LONGS_LE.get(ratings, i + w), mLow, notM);
                long d1 = minusMin((long) LONGS_LE.get(ratings, i + w + 8), mLow, notM);
                bad |= offScale(d0, rangeBias) | offScale(d1, rangeBias);
                acc0 += packedCounts(d0);
                acc1 += packedCounts(d1);
            }
            if (bad != 0) {
                clearScratch();
                throw outsideByte(ratings, i, to);
            }
            even += (acc0 & EVEN_FIELDS) + (acc1 & EVEN_FIELDS);
            odd += ((acc0 >>> 5) & EVEN_FIELDS) + ((acc1 >>> 5) & EVEN_FIELDS);
            if (++blocks == SWAR_BLOCKS_PER_FLUSH) {
                flushWide(even, odd);
                even = 0;
                odd = 0;
                blocks = 0;
            }
        }
        flushWide(even, odd);
        return i;
    }

    private IllegalArgumentException outsideByte(byte[] ratings, int from, int to) {
        for (int i = from; i < to; i++) {
            int r = ratings[i] - min;
            if (r < 0 || r >= points) {
                return outside(ratings[i], i);
            }
        }
        throw new AssertionError("no rating off the scale in the failed word");
    }

    private void clearScratch() {
        Arrays.fill(h0, 0);
        Arrays.fill(h1, 0);
        Arrays.fill(h2, 0);
        Arrays.fill(h3, 0);
    }

    private void commitScratch(int added) {
        for (int p = 0; p < points; p++) {
            int s = h0[p] + h1[p] + h2[p] + h3[p];
            counts[p] += s;
            weights[p] += s;
            h0[p] = 0;
            h1[p] = 0;
            h2[p] = 0;
            h3[p] = 0;
        }
        sumSquaredWeights += added;
        count += added;
    }
}
