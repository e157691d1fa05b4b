package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.StateFrame;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;

/**
 * A mutable, mergeable accumulator of the weighted mean and variance of real values; {@link
 * #snapshot()} gives the immutable {@link MeanSummary}.
 *
 * <p>Values are added with Welford's update generalised to weights (West 1979, "Updating mean and
 * variance estimates: an improved method", <i>Communications of the ACM</i> 22(9):532–535), and
 * accumulators are merged with the pairwise update of Chan, Golub &amp; LeVeque (1979, "Updating
 * formulae and a pairwise algorithm for computing sample variances", Stanford STAN-CS-79-773):
 * <pre>{@code
 * add x with weight w:   W' = W + w;  δ = x − m;  m' = m + δ·w/W';  M2' = M2 + w·δ²·W/W'  (= M2 + w·δ·(x − m'))
 *                        the first value of non-zero weight sets m' = x and leaves M2 = 0
 * merge (W_a, m_a, M2_a) and (W_b, m_b, M2_b):
 *                        W = W_a + W_b;  δ = m_b − m_a;
 *                        m = m_a + δ·W_b/W;  M2 = M2_a + M2_b + δ²·W_a·W_b/W
 * }</pre>
 * State: the count, Σw, Σw², the mean and {@code M2 = Σ w·(x − m)²} — five numbers whatever the
 * number of values. Both updates are numerically stable far from zero (values offset by 1e9 keep
 * their variance), unlike the textbook {@code Σx² − (Σx)²/n}, which this class never uses.
 *
 * <p><b>Range.</b> Every value that is a finite double is accepted on its own (a single value, or
 * many equal values, of any magnitude up to {@code Double.MAX_VALUE}), and the mean, being a weighted
 * average, is always a finite double. The spread is limited by the double range: {@code M2}, {@code Σw²}
 * and the variance must stay finite, so an {@code add}, {@code addAll} or {@code merge} that would
 * make {@code M2 = Σw(x − m)²}, {@code Σw²} or the variance of {@link MeanSummary} exceed {@code
 * Double.MAX_VALUE} (about 1.8e308) is refused with {@link IllegalArgumentException} ("variance would
 * overflow: …", "sum of squared weights would overflow: …") and changes nothing. By Popoviciu's
 * inequality {@code M2 ≤ Σw·(max − min)²/4}, so a sample is never refused for {@code M2} while
 * {@code Σw·(max − min)² ≤ 7e308}: e.g. values within ±1e150 with a total weight up to 1e8, or values
 * within ±1e100 with a total weight up to 1e108. (Values 1e200 and −1e200 are refused: their variance,
 * 2e400, is not a double.) The variance {@code [M2/Σw]·n_eff/(n_eff − 1)} can also overflow when
 * {@code n_eff} is barely above 1 (one weight dwarfing all others); intermediate products are
 * rescaled, so no sample whose moments are finite is refused because of an intermediate.
 *
 * <p><b>Merging.</b> Merge is commutative and associative up to floating-point rounding, and
 * splitting the input anywhere then merging agrees with one pass to within about 1e-15 relative
 * for the mean and 1e-12 for the variance on well-scaled data; it is not bit-for-bit identical
 * (floating-point addition is not associative). Counts are exact.
 *
 * <p><b>Validation.</b> NaN or infinite values, and negative, NaN or infinite weights, get
 * {@link IllegalArgumentException}; a batch is validated whole before anything changes, so a rejected
 * {@code addAll} or {@code merge} leaves the accumulator as it was.
 *
 * <p><b>Effective size.</b> Kish's {@code n_eff = (Σw)²/Σw²} is at most the count in exact
 * arithmetic (Cauchy–Schwarz); the rounding of the two running sums (relative error at most about
 * {@code n·2⁻⁵³} each) can put the computed ratio a little above it, and {@link
 * MeanSummary#effectiveSize()} then reports the count. {@link #fromByteArray(byte[])} allows the
 * same rounding, so every state that {@code add}, {@code addAll} and {@code merge} build reads back.
 *
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class MeanAccumulator implements Mergeable<MeanAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 2, "mean". */
    public static final StateFamily<MeanAccumulator> FAMILY =
            StateFamily.define(2, "mean", MeanAccumulator.class, FORMAT_VERSION, MeanAccumulator::fromByteBuffer);

    private static final int PAYLOAD_BYTES = 8 * 5;
    /** The size of every mean state: {@value} bytes. */
    public static final int BYTES = PAYLOAD_BYTES + 16;

    private static final double MIN_WEIGHT = 1e-150;
    private static final double MAX_WEIGHT = 1e150;

    /**
     * While {@code M2 <= SAFE_SPREAD·Σw} the variance cannot overflow: {@code n_eff/(n_eff − 1)} is at
     * most {@code (1 + 2⁻⁵²)/2⁻⁵² ≈ 4.5e15} for a double {@code n_eff > 1}, and 1e290·4.5e15 < 1.8e308.
     */
    private static final double SAFE_SPREAD = 1e290;

    /** Unit roundoff {@code 2⁻⁵³}. */
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private long count;
    private double weight;
    private double squaredWeight;
    private double mean;
    private double m2;

    /** An empty accumulator. */
    public MeanAccumulator() {
    }

    /**
     * A collector of values into a {@link MeanSummary}, for {@code stream.collect(…)} and {@code
     * groupingBy}; it works in parallel streams (partial accumulators are merged, so the result agrees
     * with a sequential collection up to rounding, see the class comment).
     *
     * @param <T> the type of the stream elements
     * @param value the value of an element, finite
     * @return the collector
     * @throws NullPointerException if {@code value} is null
     */
    public static <T> Collector<T, MeanAccumulator, MeanSummary> collector(ToDoubleFunction<? super T> value) {
        Objects.requireNonNull(value, "value");
        return Collector.of(MeanAccumulator::new,
                (acc, t) -> acc.add(value.applyAsDouble(t)),
                MeanAccumulator::merge,
                MeanAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * A collector of weighted values into a {@link MeanSummary}; as {@link #collector(ToDoubleFunction)}.
     *
     * @param <T> the type of the stream elements
     * @param value the value of an element, finite
     * @param weight the weight of an element, as in {@link #add(double, double)}
     * @return the collector
     * @throws NullPointerException if an argument is null
     */
    public static <T> Collector<T, MeanAccumulator, MeanSummary> collector(ToDoubleFunction<? super T> value,
            ToDoubleFunction<? super T> weight) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(weight, "weight");
        return Collector.of(MeanAccumulator::new,
                (acc, t) -> acc.add(value.applyAsDouble(t), weight.applyAsDouble(t)),
                MeanAccumulator::merge,
                MeanAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * Adds a value with weight 1.
     *
     * @param value a finite value
     * @throws IllegalArgumentException if the value is NaN or infinite, or if the variance would
     *     overflow (see the class comment); nothing changes then
     * @throws ArithmeticException if the count would overflow
     */
    public void add(double value) {
        add(value, 1.0);
    }

    /**
     * Adds a value with a weight.
     *
     * @param value a finite value
     * @param weight its weight: 0, or in {@code [1e-150, 1e150]} so that the sum of squared weights
     *     behind Kish's effective size stays a normal double; a zero weight counts the value but
     *     does not move the mean
     * @throws IllegalArgumentException if the value is NaN or infinite, the weight negative, NaN,
     *     infinite or outside {@code [1e-150, 1e150]}, or if the variance or the sum of squared weights
     *     would overflow (see the class comment); nothing changes then
     * @throws ArithmeticException if the count would overflow
     */
    public void add(double value, double weight) {
        checkValue(value, -1);
        checkWeight(weight, -1);
        if (count == Long.MAX_VALUE) {
            throw new ArithmeticException("count overflow: " + count + " + 1 exceeds Long.MAX_VALUE");
        }
        apply(value, weight, -1);
    }

    /**
     * Adds every value of an array with weight 1.
     *
     * @param values finite values
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if a value is NaN or infinite, or if the variance would
     *     overflow (the message names the value and its index); nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(double[] values) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            checkValue(values[i], i);
        }
        applyAll(values, null);
    }

    /**
     * Adds every value of an array with the weight at the same index.
     *
     * @param values finite values
     * @param weights their weights, as in {@link #add(double, double)}, as many as values
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the arrays differ in length, a value or weight is invalid
     *     (the message names it and its index), or the variance or the sum of squared weights would
     *     overflow; nothing is added then
     * @throws ArithmeticException if the count would overflow; nothing is added then
     */
    public void addAll(double[] values, double[] weights) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(weights, "weights");
        if (values.length != weights.length) {
            throw new IllegalArgumentException("values and weights must have the same length, were "
                    + values.length + " and " + weights.length);
        }
        for (int i = 0; i < values.length; i++) {
            checkValue(values[i], i);
            checkWeight(weights[i], i);
        }
        applyAll(values, weights);
    }

    /** Adds validated values (weight 1 when {@code weights} is null), all or nothing. */
    private void applyAll(double[] values, double[] weights) {
        checkCount(values.length);
        long c = count;
        double w = weight;
        double q = squaredWeight;
        double m = mean;
        double s = m2;
        try {
            for (int i = 0; i < values.length; i++) {
                apply(values[i], weights == null ? 1.0 : weights[i], i);
            }
        } catch (IllegalArgumentException e) {
            restore(c, w, q, m, s);
            throw e;
        }
    }

    private static void checkValue(double value, int index) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, was " + value + at(index));
        }
    }

    private static void checkWeight(double weight, int index) {
        if (!(weight >= 0.0 && weight < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, was " + weight + at(index));
        }
        if (weight != 0.0 && (weight < MIN_WEIGHT || weight > MAX_WEIGHT)) {
            throw new IllegalArgumentException("weight must be 0 or in [1e-150, 1e150] (its square must be a "
                    + "normal double for the effective size), was " + weight + at(index));
        }
    }

    private static String at(int index) {
        return index < 0 ? "" : " (index " + index + ")";
    }

    private void checkCount(long more) {
        if (count > Long.MAX_VALUE - more) {
            throw new ArithmeticException("count overflow: " + count + " + " + more + " exceeds Long.MAX_VALUE");
        }
    }

    private void restore(long c, double w, double q, double m, double s) {
        count = c;
        weight = w;
        squaredWeight = q;
        mean = m;
        m2 = s;
    }

    /** Adds a validated value and weight; throws IAE on overflow before any change. */
    private void apply(double value, double w, int index) {
        if (w == 0.0) {
            count++;
            return;
        }
        double previous = weight;
        if (previous == 0.0) {
            // the first value of non-zero weight is the mean, M2 stays 0 (w·δ²·(0/W) is ∞·0 for |x| > 1.34e154);
            // "+ 0.0" keeps the mean of a lone −0.0 at 0.0 as the update did
            count++;
            weight = w;
            squaredWeight = w * w;
            mean = value + 0.0;
            return;
        }
        double total = previous + w;
        double squares = squaredWeight + w * w;
        if (squares == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("sum of squared weights would overflow: adding weight " + w
                    + " to a sum of squared weights of " + squaredWeight + " exceeds Double.MAX_VALUE" + at(index));
        }
        double delta = value - mean;
        // w·δ·(x − m') written as w·δ²·W/W': no cancellation when the new weight is tiny
        double term = w * delta * delta * (previous / total);
        if (!(term < Double.POSITIVE_INFINITY)) {
            term = scaledTerm(delta, w, previous, total);
        }
        double newM2 = m2 + term;
        if (!fits(count + 1, total, squares, newM2)) {
            throw new IllegalArgumentException("variance would overflow: value " + value + " with weight " + w
                    + " is too far from the running mean " + mean + " for the variance to be a finite double"
                    + at(index));
        }
        double newMean = mean + delta * (w / total);
        if (!Double.isFinite(newMean)) {
            newMean = mean * (previous / total) + value * (w / total); // a weighted average: cannot overflow
        }
        count++;
        weight = total;
        squaredWeight = squares;
        mean = newMean;
        m2 = newM2;
    }

    /**
     * {@code δ²·a·b/(a + b)} without overflow of {@code δ²} or {@code a·b}: {@code (|δ|·√h)²} with
     * {@code h = min(a, b)·(max(a, b)/(a + b))}, which lies in {@code [min/2, min]}; ∞ if the true
     * value is not a finite double (or δ itself overflowed).
     */
    private static double scaledTerm(double delta, double a, double b, double total) {
        double h = a <= b ? a * (b / total) : b * (a / total);
        double r = Math.abs(delta) * Math.sqrt(h);
        return r * r;
    }

    /** Whether M2 and the variance of a state are finite doubles (the variance may be undefined). */
    private static boolean fits(long count, double weight, double squaredWeight, double m2) {
        return m2 < Double.POSITIVE_INFINITY && (m2 <= SAFE_SPREAD * weight
                || MeanSummary.variance(count, weight, squaredWeight, m2) != Double.POSITIVE_INFINITY);
    }

    /**
     * Merges another accumulator into this one (Chan et al. 1979); {@code other} is unchanged.
     *
     * @param other the accumulator to merge (may be {@code this})
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the merged sum of squared weights or variance would overflow
     *     (see the class comment); nothing changes then
     * @throws ArithmeticException if the count would overflow; nothing changes then
     */
    public MeanAccumulator merge(MeanAccumulator other) {
        Objects.requireNonNull(other, "other");
        checkCount(other.count);
        long otherCount = other.count;
        double wa = weight;
        double wb = other.weight;
        double mb = other.mean;
        double m2b = other.m2;
        double sqb = other.squaredWeight;
        if (wb == 0.0) {
            count += otherCount;
            return this;
        }
        if (wa == 0.0) {
            count += otherCount;
            weight = wb;
            mean = mb;
            m2 = m2b;
            squaredWeight = sqb;
            return this;
        }
        double w = wa + wb;
        double squares = squaredWeight + sqb;
        if (squares == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("cannot merge: the sum of squared weights would overflow, "
                    + squaredWeight + " + " + sqb + " exceeds Double.MAX_VALUE");
        }
        double delta = mb - mean;
        double term = delta * delta * (wa * wb / w);
        if (!(term < Double.POSITIVE_INFINITY)) {
            term = scaledTerm(delta, wa, wb, w);
        }
        double newM2 = m2 + m2b + term;
        long newCount = count + otherCount;
        if (!fits(newCount, w, squares, newM2)) {
            throw new IllegalArgumentException("cannot merge: the variance would overflow, the means " + mean
                    + " and " + mb + " are too far apart for the variance of the merged sample to be a finite double");
        }
        double newMean = mean + delta * (wb / w);
        if (!Double.isFinite(newMean)) {
            newMean = mean * (wa / w) + mb * (wb / w);
        }
        count = newCount;
        weight = w;
        squaredWeight = squares;
        mean = newMean;
        m2 = newM2;
        return this;
    }

    /**
     * The number of values added.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * The immutable summary of everything added so far.
     *
     * @return the summary
     */
    public MeanSummary snapshot() {
        return new MeanSummary(count, weight, squaredWeight, mean, Math.max(0.0, m2));
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public MeanAccumulator copy() {
        MeanAccumulator c = new MeanAccumulator();
        c.count = count;
        c.weight = weight;
        c.squaredWeight = squaredWeight;
        c.mean = mean;
        c.m2 = m2;
        return c;
    }

    @Override
    public StateFamily<MeanAccumulator> family() {
        return FAMILY;
    }

    /**
     * The size of the binary form, always {@value #BYTES} bytes.
     *
     * @return {@value #BYTES}
     */
    @Override
    public int serializedSize() {
        return BYTES;
    }

    /**
     * Writes the binary form: one frame of the cxmetrics state format ({@link Mergeable}) with family
     * id 2 ({@link #FAMILY}), format version 1, flags 0 and this payload, little-endian:
     * <pre>{@code
     * offset  size  field
     * 0       8     count (int64, >= 0)
     * 8       8     Σw (float64, finite, >= 0; 0 or >= 1e-150; 0 when the count is 0)
     * 16      8     Σw² (float64, finite, >= 0, 0 iff Σw is 0; (Σw)²/n <= Σw² <= (Σw)² up to rounding)
     * 24      8     mean (float64, finite; 0 when Σw is 0)
     * 32      8     M2 = Σw(x − mean)² (float64, finite, >= 0; 0 when Σw is 0)
     * }</pre>
     *
     * @param target the buffer, with at least {@value #BYTES} bytes remaining
     */
    @Override
    public void writeTo(ByteBuffer target) {
        StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0, PAYLOAD_BYTES)
                .i64(count).f64(weight).f64(squaredWeight).f64(mean).f64(m2).finish();
    }

    /**
     * The binary form of {@link #writeTo(ByteBuffer)} as a new array of {@value #BYTES} bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] toByteArray() {
        return Mergeable.super.toByteArray();
    }

    /**
     * Reads the binary form of {@link #toByteArray()}; the array must hold exactly one state.
     *
     * @param bytes the binary form
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     */
    public static MeanAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it (on failure it does not
     * move), checking the frame (length, magic, family, version, CRC-32C), the flags and every
     * invariant of the payload.
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     */
    public static MeanAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, 2, "mean", FORMAT_VERSION);
        in.requireFlags(0);
        if (in.remaining() != PAYLOAD_BYTES) {
            throw in.corrupt("the payload has " + in.remaining() + " bytes, a mean state has " + PAYLOAD_BYTES);
        }
        MeanAccumulator acc = new MeanAccumulator();
        acc.count = in.i64("count");
        acc.weight = in.f64("sum of weights");
        acc.squaredWeight = in.f64("sum of squared weights");
        acc.mean = in.f64("mean");
        acc.m2 = in.f64("M2");
        acc.validate(in);
        in.finish();
        return acc;
    }

    private void validate(StateFrame.Reader in) {
        if (count < 0) {
            throw in.corrupt("negative count " + count);
        }
        if (!nonNegativeFinite(weight) || !nonNegativeFinite(squaredWeight) || !nonNegativeFinite(m2)
                || !Double.isFinite(mean)) {
            throw in.corrupt("a moment is negative, NaN or infinite");
        }
        if ((weight == 0.0) != (squaredWeight == 0.0)
                || weight == 0.0 && (Double.doubleToRawLongBits(mean) != 0L || m2 != 0.0)
                || count == 0 && weight != 0.0
                || weight != 0.0 && weight < MIN_WEIGHT) {
            throw in.corrupt("moments inconsistent with the weights");
        }
        if (Double.doubleToRawLongBits(mean) == Long.MIN_VALUE) {
            throw in.corrupt("mean is -0.0, which no add or merge produces");
        }
        if (count == 1 && weight != 0.0 && (m2 != 0.0 || squaredWeight != weight * weight)) {
            throw in.corrupt("a state of one value must have M2 = 0 and a sum of squared weights equal to the "
                    + "squared weight");
        }
        if (weight != 0.0) {
            // Cauchy–Schwarz: (Σw)²/n <= Σw² <= (Σw)², i.e. Σw/n <= Σw²/Σw <= Σw (no square to overflow), up
            // to the rounding of the two running sums, each off by at most about n·2⁻⁵³ relative
            double tolerance = 1e-9 + 4.0 * count * UNIT_ROUNDOFF;
            double ratio = squaredWeight / weight;
            if (ratio > weight * (1.0 + tolerance) || ratio < weight / count * (1.0 - tolerance)) {
                throw in.corrupt("sum of squared weights " + squaredWeight + " impossible for " + count
                        + " values of total weight " + weight);
            }
            if (!fits(count, weight, squaredWeight, m2)) {
                throw in.corrupt("its variance is not a finite double");
            }
        }
    }

    private static boolean nonNegativeFinite(double x) {
        return x >= 0.0 && x < Double.POSITIVE_INFINITY && Double.doubleToRawLongBits(x) >= 0;
    }

    /**
     * A readable summary of the state.
     *
     * @return e.g. {@code MeanAccumulator[n=5, mean=2.0]}
     */
    @Override
    public String toString() {
        return "MeanAccumulator[n=" + count + ", mean=" + mean + "]";
    }
}
