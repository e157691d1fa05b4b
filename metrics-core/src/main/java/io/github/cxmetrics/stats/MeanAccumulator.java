package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.Checks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

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
 * merge (W_a, m_a, M2_a) and (W_b, m_b, M2_b):
 *                        W = W_a + W_b;  δ = m_b − m_a;
 *                        m = m_a + δ·W_b/W;  M2 = M2_a + M2_b + δ²·W_a·W_b/W
 * }</pre>
 * State: the count, Σw, Σw², the mean and {@code M2 = Σ w·(x − m)²} — five numbers whatever the
 * number of values. Both updates are numerically stable far from zero (values offset by 1e9 keep
 * their variance), unlike the textbook {@code Σx² − (Σx)²/n}, which this class never uses.
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
 * <p>Not thread-safe.
 *
 * @since 0.1.0
 */
public final class MeanAccumulator {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    private static final int MAGIC = 0x4D4D5843; // "CXMM" read as a little-endian int
    private static final int BYTES = 4 + 1 + 1 + 8 + 8 * 4;

    private static final double MIN_WEIGHT = 1e-150;
    private static final double MAX_WEIGHT = 1e150;

    private long count;
    private double weight;
    private double squaredWeight;
    private double mean;
    private double m2;

    /** An empty accumulator. */
    public MeanAccumulator() {
    }

    /**
     * Adds a value with weight 1.
     *
     * @param value a finite value
     * @throws IllegalArgumentException if the value is NaN or infinite
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
     * @throws IllegalArgumentException if the value is NaN or infinite or the weight negative, NaN,
     *     infinite or outside {@code [1e-150, 1e150]}
     * @throws ArithmeticException if the count would overflow
     */
    public void add(double value, double weight) {
        Checks.finite("value", value);
        Checks.weight(weight);
        if (weight != 0.0 && (weight < MIN_WEIGHT || weight > MAX_WEIGHT)) {
            throw new IllegalArgumentException("weight must be 0 or in [1e-150, 1e150] (its square must be a "
                    + "normal double for the effective size), was " + weight);
        }
        if (count == Long.MAX_VALUE) {
            throw new ArithmeticException("count overflow: " + count + " + 1 exceeds Long.MAX_VALUE");
        }
        count++;
        if (weight == 0.0) {
            return;
        }
        double previous = this.weight;
        double w = previous + weight;
        double delta = value - mean;
        mean += delta * (weight / w);
        // w·δ·(x − m') written as w·δ²·W/W': no cancellation when the new weight is tiny
        m2 += weight * delta * delta * (previous / w);
        this.weight = w;
        squaredWeight += weight * weight;
    }

    /**
     * Adds every value of an array with weight 1.
     *
     * @param values finite values
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if a value is NaN or infinite (the message names it and its
     *     index); nothing is added then
     */
    public void addAll(double[] values) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value must be finite, was " + values[i]
                        + " (index " + i + ")");
            }
        }
        if (count > Long.MAX_VALUE - values.length) {
            throw new ArithmeticException("count overflow: " + count + " + " + values.length
                    + " exceeds Long.MAX_VALUE");
        }
        for (double v : values) {
            add(v, 1.0);
        }
    }

    /**
     * Merges another accumulator into this one (Chan et al. 1979); {@code other} is unchanged.
     *
     * @param other the accumulator to merge (may be {@code this})
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws ArithmeticException if the count would overflow; nothing changes then
     */
    public MeanAccumulator merge(MeanAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (count > Long.MAX_VALUE - other.count) {
            throw new ArithmeticException("count overflow: " + count + " + " + other.count
                    + " exceeds Long.MAX_VALUE");
        }
        long otherCount = other.count;
        double wa = weight;
        double wb = other.weight;
        double mb = other.mean;
        double m2b = other.m2;
        double sqb = other.squaredWeight;
        count += otherCount;
        if (wb == 0.0) {
            return this;
        }
        if (wa == 0.0) {
            weight = wb;
            mean = mb;
            m2 = m2b;
            squaredWeight = sqb;
            return this;
        }
        double w = wa + wb;
        double delta = mb - mean;
        mean += delta * (wb / w);
        m2 += m2b + delta * delta * (wa * wb / w);
        weight = w;
        squaredWeight += sqb;
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
     * The binary form, little-endian:
     * <pre>{@code
     * offset  size  field
     * 0       4     magic "CXMM" (0x43 0x58 0x4D 0x4D)
     * 4       1     format version, 1
     * 5       1     flags, 0
     * 6       8     count (int64, >= 0)
     * 14      8     Σw (float64, finite, >= 0)
     * 22      8     Σw² (float64, finite, >= 0)
     * 30      8     mean (float64, finite)
     * 38      8     M2 = Σw(x − mean)² (float64, finite, >= 0)
     * }</pre>
     *
     * @return a new array of 46 bytes
     */
    public byte[] toByteArray() {
        return ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(MAGIC).put((byte) FORMAT_VERSION).put((byte) 0)
                .putLong(count).putDouble(weight).putDouble(squaredWeight).putDouble(mean).putDouble(m2)
                .array();
    }

    /**
     * Reads the binary form of {@link #toByteArray()}, validating length, magic, version, flags and
     * every invariant.
     *
     * @param bytes the binary form
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     */
    public static MeanAccumulator fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("mean state must have " + BYTES + " bytes, had " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a cxmetrics mean state: bad magic number");
        }
        int version = Byte.toUnsignedInt(buf.get());
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported mean state format version " + version
                    + ", this library reads version " + FORMAT_VERSION);
        }
        int flags = Byte.toUnsignedInt(buf.get());
        if (flags != 0) {
            throw new IllegalArgumentException("corrupt mean state: unknown flags 0x" + Integer.toHexString(flags));
        }
        MeanAccumulator acc = new MeanAccumulator();
        acc.count = buf.getLong();
        acc.weight = buf.getDouble();
        acc.squaredWeight = buf.getDouble();
        acc.mean = buf.getDouble();
        acc.m2 = buf.getDouble();
        if (acc.count < 0) {
            throw new IllegalArgumentException("corrupt mean state: negative count " + acc.count);
        }
        if (!nonNegativeFinite(acc.weight) || !nonNegativeFinite(acc.squaredWeight)
                || !nonNegativeFinite(acc.m2) || !Double.isFinite(acc.mean)) {
            throw new IllegalArgumentException("corrupt mean state: a moment is negative, NaN or infinite");
        }
        if ((acc.weight == 0.0) != (acc.squaredWeight == 0.0)
                || acc.weight == 0.0 && (acc.mean != 0.0 || acc.m2 != 0.0)
                || acc.count == 0 && acc.weight != 0.0) {
            throw new IllegalArgumentException("corrupt mean state: moments inconsistent with the weights");
        }
        // Cauchy–Schwarz: (Σw)²/n <= Σw² <= (Σw)², up to rounding
        double square = acc.weight * acc.weight;
        if (acc.squaredWeight > square * (1.0 + 1e-9) || acc.squaredWeight < square / acc.count * (1.0 - 1e-9)) {
            throw new IllegalArgumentException("corrupt mean state: sum of squared weights " + acc.squaredWeight
                    + " impossible for " + acc.count + " values of total weight " + acc.weight);
        }
        return acc;
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
