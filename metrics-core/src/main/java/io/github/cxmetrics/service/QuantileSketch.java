package io.github.cxmetrics.service;

import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collector;

/**
 * A mergeable quantile sketch with a relative-error guarantee: DDSketch with the logarithmic mapping
 * (Masson, Rim &amp; Lee 2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error
 * guarantees", PVLDB 12(12):2195–2205). Made for response, handling and resolution times, whose
 * percentiles are read as "p90 within 1 %" and whose distributions are heavy-tailed.
 *
 * <p><b>Buckets.</b> For the relative accuracy α (the one parameter), with
 * <pre>{@code
 * γ = (1 + α) / (1 − α)          multiplier = 1 / ln γ  (as 1 / log1p(γ − 1))
 * key(x) = ⌊ln x · multiplier⌋   bucket k holds [γ^k, γ^(k+1))
 * value(k) = e^(k / multiplier) · (1 + α')      α' = (γ − 1) / (γ + 1)   (= α up to rounding)
 * }</pre>
 * a value {@code x > 0} is counted in bucket {@code key(x)}, which is represented by
 * {@code value(k)} = γ^k·2γ/(γ + 1), the point of the bucket within α of both ends. This is the
 * convention of the reference implementation, DataDog's {@code sketches-java}
 * ({@code LogarithmicMapping}: floor and lower bound times 1 + α'). The paper (and
 * {@code sketches-py}) index by ⌈log_γ x⌉ and represent bucket i by 2γ^i/(γ + 1); the two give the
 * same estimate except for a value exactly equal to a power γ^k: for {@code x = 1} this sketch (like
 * {@code sketches-java}) gives 1 + α, the paper's convention 1 − α. Both are within α.
 *
 * <p><b>Zero and negative values.</b> Values with {@code |x| <=} {@link #zeroThreshold()}
 * ({@code Double.MIN_NORMAL·(1 + α')/(1 − α')}, about 2.2e-308, as the reference) are counted in the
 * zero bucket, represented by 0. Negative values are counted in a mirrored set of buckets, by the key
 * of {@code |x|}, and represented by {@code −value(key)}: differences are a natural input — a change
 * in NPS between waves, the gap between a promised and an actual resolution time, a customer's wait
 * minus the target — and their quantiles get the same guarantee. Values beyond ±{@link #maxTrackable()}
 * ({@code Double.MAX_VALUE/(1 + α')}), NaN and infinities are rejected.
 *
 * <p><b>Quantiles.</b> {@link #quantile(double)} follows the reference's rank rule: with {@code n}
 * values it takes the rank {@code r = q·(n − 1)} and answers the representative of the first bucket,
 * in increasing order of value (negative buckets, the zero bucket, positive buckets), whose cumulative
 * count exceeds {@code r}. That bucket holds the order statistic {@code x_(⌊q(n−1)⌋+1)} (1-based), and
 * the answer {@code x̂} satisfies {@code |x̂ − x_(⌊q(n−1)⌋+1)| <= α·|x_(⌊q(n−1)⌋+1)|} (up to a few units
 * in the last place of floating-point rounding) for every {@code q}, whatever the data, unless that
 * order statistic is in the zero bucket (then 0 is returned) or in a collapsed bucket (below). The
 * answer is a bucket's representative, not a data value: it may lie slightly outside
 * [{@link #min()}, {@link #max()}], which are exact. Example (§4.3 of the project's research report,
 * values of {@code sketches-java} with {@code LogarithmicMapping(0.01)}): for 1, 2, …, 1000 the
 * median is 497.7794014558156 and the 0.999 quantile 1002.42800852213.
 *
 * <p><b>Optional bound on the buckets.</b> {@link #QuantileSketch(double, int)} keeps at most
 * {@code m} buckets for positive values and {@code m} for negative values. When the keys of the
 * positive values span more than {@code m}, the buckets of the smallest positive values are
 * collapsed into the lowest kept bucket, {@code maxKey − m + 1}, the rule of the reference's
 * {@code CollapsingLowestDenseStore}; negative values, mirrored, collapse their most negative
 * buckets (the reference collapses the ones nearest zero instead). The bound keeps memory fixed and
 * keeps the guarantee for the high quantiles, the ones service levels are read from; the
 * <em>low</em> quantiles lose it: a quantile whose order statistic lies in a collapsed bucket is
 * answered by that bucket's representative, which can be far above it. At α = 0.01, 2048 buckets
 * cover a factor of γ^2048 ≈ 6·10¹⁷ — 1 ms to 20 million years — before anything collapses.
 *
 * <p><b>Sum and mean.</b> {@link #sum()} and {@link #mean()} are exact: the sketch keeps the exact
 * sum of the added values as a fixed-point integer in units of 2⁻¹⁰⁷⁴ (a "superaccumulator"), so they
 * are correctly rounded and do not depend on the order of adds or merges.
 *
 * <p><b>Merging.</b> Bucket counts add, min and max take the extremes and the exact sums add, so
 * {@code merge} is exact: associative and commutative, and splitting the input anywhere, sketching
 * the parts and merging gives, bit for bit, the state of one pass — with or without the bucket bound
 * (the collapsed state depends only on the data's largest key). Only sketches with the same α (the
 * same {@code double}) and the same bound merge. The key of a value is computed deterministically:
 * {@code ⌊StrictMath.log(x)·multiplier⌋} (the fast {@link Math#log} is used when it provably gives the
 * same key), so every JVM puts a value in the same bucket and sketches built on different machines
 * merge into the state of one pass. (The reference uses {@link Math#log}, whose last bit may vary; it
 * also maps an exact negative integer product to the key below, by a cast.) The representative values
 * use {@link Math#exp}, as the reference: the state does not depend on it, a reported quantile may
 * differ in its last bit between JVMs.
 *
 * <p><b>State and memory.</b> Two dense arrays of {@code long} counts over the occupied key range,
 * exact {@code long} counts, exact min and max, and the exact sum (68 {@code long}s). The relative
 * accuracy is limited to {@code [0.001, 1)} so that any state — also one read from bytes — spans at
 * most 709 089 keys (5.7 MB of counts) over the whole double range; the usual ranges are small: at
 * α = 0.01, 1 ms … 1 day takes 914 buckets and 1 s … 30 days 739.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of
 * the cxmetrics state format ({@link Mergeable}) with family id 7 ({@link #FAMILY},
 * "quantile-sketch"), format version 1, no flags, and this payload, little-endian:
 * <pre>{@code
 * offset  size      field
 * 0       8         α, the relative accuracy (float64, in [0.001, 1))
 * 8       4         m, the bucket bound (int32; 0 = unbounded, else >= 1)
 * 12      8         count of the zero bucket (int64, >= 0)
 * 20      8         min (float64; +0.0 when empty)
 * 28      8         max (float64; +0.0 when empty)
 * 36      4         p, positive buckets (int32)
 * 40      12·p      p × (key int32, count int64): keys strictly increasing, counts >= 1
 *         4         q, negative buckets (int32)
 *         12·q      q × (key of |x| int32, count int64): keys strictly increasing, counts >= 1
 *         2         z, zero bytes left out below the sum (uint16, 0..272)
 *         2         L, bytes of the sum (uint16, 0..273)
 *         L         M: the exact sum is M·2^(8z − 1074); minimal two's complement, least significant
 *                   byte first, that byte non-zero (L = z = 0 for a zero sum)
 * }</pre>
 * Every state has exactly one form; {@code docs/binary-format.md} lists what the reader checks.
 * Size: {@code 64 + 12·(p + q) + L} bytes; 64 for an empty sketch.
 *
 * <p>A sketch does not override {@code equals}: two sketches hold the same state exactly when their
 * {@link #toByteArray()} are equal.
 *
 * <p>Not thread-safe: confine a sketch to one thread, or give each thread its own and merge
 * ({@link #collector(double)} does that for parallel streams).
 *
 * @since 0.2.0
 */
public final class QuantileSketch implements Mergeable<QuantileSketch> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 7, "quantile-sketch". */
    public static final StateFamily<QuantileSketch> FAMILY = StateFamily.define(7, "quantile-sketch",
            QuantileSketch.class, FORMAT_VERSION, QuantileSketch::fromByteBuffer);

    /** The finest relative accuracy accepted, 0.001 (0.1 %). */
    public static final double MIN_RELATIVE_ACCURACY = 1e-3;

    private static final String NAME = "quantile-sketch";
    /** A key is recomputed with StrictMath when ln x · multiplier is this close to an integer. */
    private static final double NEAR_INTEGER = 1e-8;
    private static final int LIMBS = 68; // 68 × 32 bits: 2098 bits of doubles, 63 of count, a sign
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final int CARRY_EVERY = 1 << 29;
    private static final int MAX_SUM_BYTES = 4 * LIMBS + 1;
    private static final int MAX_SUM_SHIFT = 4 * LIMBS;
    private static final int SUM_SCALE = -1074;

    private final double relativeAccuracy;
    private final int maxBuckets;
    private final double multiplier;
    private final double representativeFactor;
    private final double zeroThreshold;
    private final double maxTrackable;
    private final int minKey;
    private final int maxKey;

    private final Buckets positive;
    /** Keys negated: -key(|x|), so that its lowest keys are the most negative values. */
    private final Buckets negative;
    private long zeroCount;
    private long count;
    private double min;
    private double max;
    /** The exact sum Σ x·2^1074 = Σ sum[i]·2^(32 i), limbs in carry-save form. */
    private final long[] sum = new long[LIMBS];
    private int pending;

    /**
     * An empty sketch with a relative accuracy and no bound on the number of buckets.
     *
     * @param relativeAccuracy α, in {@code [0.001, 1)}: every quantile is within α·|x| of the order
     *     statistic it estimates (0.01 is a common choice)
     * @throws IllegalArgumentException if {@code relativeAccuracy} is NaN or outside {@code [0.001, 1)}
     */
    public QuantileSketch(double relativeAccuracy) {
        this(checkAccuracy(relativeAccuracy), 0, true);
    }

    /**
     * An empty sketch with a relative accuracy and at most {@code maxBuckets} buckets for positive
     * values and as many for negative values; when more are needed, the lowest values' buckets
     * collapse and the low quantiles lose the guarantee (see the class description).
     *
     * @param relativeAccuracy α, in {@code [0.001, 1)}
     * @param maxBuckets the bound, {@code >= 1}
     * @throws IllegalArgumentException if {@code relativeAccuracy} is outside {@code [0.001, 1)} or
     *     {@code maxBuckets < 1}
     */
    public QuantileSketch(double relativeAccuracy, int maxBuckets) {
        this(checkAccuracy(relativeAccuracy), checkBound(maxBuckets), true);
    }

    private QuantileSketch(double relativeAccuracy, int maxBuckets, boolean checked) {
        this.relativeAccuracy = relativeAccuracy;
        this.maxBuckets = maxBuckets;
        double gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
        this.multiplier = 1.0 / Math.log1p(gamma - 1);
        double effective = (gamma - 1) / (gamma + 1);
        this.representativeFactor = 1 + effective;
        this.zeroThreshold = Double.MIN_NORMAL * (1 + effective) / (1 - effective);
        this.maxTrackable = Double.MAX_VALUE / (1 + effective);
        this.minKey = key(Math.nextUp(zeroThreshold));
        this.maxKey = key(maxTrackable);
        this.positive = new Buckets(maxBuckets, maxKey - minKey + 1);
        this.negative = new Buckets(maxBuckets, maxKey - minKey + 1);
    }

    private static double checkAccuracy(double a) {
        if (!(a >= MIN_RELATIVE_ACCURACY && a < 1)) {
            throw new IllegalArgumentException("relative accuracy must be in [0.001, 1), was " + a);
        }
        return a;
    }

    private static int checkBound(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("maxBuckets must be >= 1, was " + m);
        }
        return m;
    }

    /**
     * A collector of doubles into a sketch, for {@code stream.collect(…)} and {@code groupingBy}; on
     * parallel streams the partial sketches are merged, which gives the sketch of a sequential pass.
     *
     * @param relativeAccuracy α, in {@code [0.001, 1)}
     * @return the collector
     * @throws IllegalArgumentException if {@code relativeAccuracy} is out of range
     */
    public static Collector<Double, QuantileSketch, QuantileSketch> collector(double relativeAccuracy) {
        return collector(relativeAccuracy, Double::doubleValue);
    }

    /**
     * A collector of a value of each element into a sketch (e.g. a contact's wait time in seconds).
     *
     * @param <T> the element type
     * @param relativeAccuracy α, in {@code [0.001, 1)}
     * @param value the value of an element
     * @return the collector
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code relativeAccuracy} is out of range
     */
    public static <T> Collector<T, QuantileSketch, QuantileSketch> collector(double relativeAccuracy,
            ToDoubleFunction<? super T> value) {
        checkAccuracy(relativeAccuracy);
        Objects.requireNonNull(value, "value");
        return Collector.of(() -> new QuantileSketch(relativeAccuracy),
                (s, t) -> s.add(value.applyAsDouble(t)), QuantileSketch::merge,
                Collector.Characteristics.UNORDERED, Collector.Characteristics.IDENTITY_FINISH);
    }

    // ------------------------------------------------------------------ mapping

    /** ⌊StrictMath.log(x)·multiplier⌋, computed with Math.log unless the product is near an integer. */
    private int key(double x) {
        double p = Math.log(x) * multiplier;
        double f = Math.floor(p);
        double frac = p - f;
        if (frac < NEAR_INTEGER || frac > 1 - NEAR_INTEGER) {
            // Math.log is within 1 ulp of ln x, StrictMath.log too: their products differ by < 1e-9
            f = Math.floor(StrictMath.log(x) * multiplier);
        }
        return (int) f;
    }

    private double value(int key) {
        return Math.exp(key / multiplier) * representativeFactor;
    }

    // ------------------------------------------------------------------ adding

    /**
     * Adds one value.
     *
     * @param value the value, finite, with {@code |value| <=} {@link #maxTrackable()}
     * @throws IllegalArgumentException if the value is NaN, infinite or too large; nothing changes then
     * @throws ArithmeticException if the count would exceed {@code Long.MAX_VALUE}; nothing changes then
     */
    public void add(double value) {
        checkValue(value, -1);
        if (count == Long.MAX_VALUE) {
            throw new ArithmeticException("count overflow: the sketch holds Long.MAX_VALUE values");
        }
        insert(value, 1);
        addToSum(value);
    }

    /**
     * Adds {@code count} copies of one value (nothing, after validation, when it is 0).
     *
     * @param value the value, finite, with {@code |value| <=} {@link #maxTrackable()}
     * @param count how many, {@code >= 0}
     * @throws IllegalArgumentException if the value is NaN, infinite or too large, or {@code count}
     *     is negative; nothing changes then
     * @throws ArithmeticException if the count would exceed {@code Long.MAX_VALUE}; nothing changes then
     */
    public void add(double value, long count) {
        checkValue(value, -1);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        if (this.count > Long.MAX_VALUE - count) {
            throw new ArithmeticException("count overflow: " + this.count + " + " + count
                    + " values exceeds Long.MAX_VALUE");
        }
        if (count == 0) {
            return;
        }
        insert(value, count);
        addToSum(value, count);
    }

    /**
     * Adds every value of an array, after validating all of them.
     *
     * @param values the values
     * @throws NullPointerException if {@code values} is null
     * @throws IllegalArgumentException if a value is NaN, infinite or too large (the message names its
     *     index); nothing is added then
     * @throws ArithmeticException if the count would exceed {@code Long.MAX_VALUE}; nothing is added then
     */
    public void addAll(double... values) {
        Objects.requireNonNull(values, "values");
        for (int i = 0; i < values.length; i++) {
            checkValue(values[i], i);
        }
        if (count > Long.MAX_VALUE - values.length) {
            throw new ArithmeticException("count overflow: " + count + " + " + values.length
                    + " values exceeds Long.MAX_VALUE");
        }
        for (double v : values) {
            insert(v, 1);
            addToSum(v);
        }
    }

    private void checkValue(double value, int index) {
        if (!(Math.abs(value) <= maxTrackable)) {
            String at = index < 0 ? "" : " at index " + index;
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("value must be finite, was " + value + at);
            }
            throw new IllegalArgumentException("value " + value + at + " is outside the trackable range +-"
                    + maxTrackable + " of relative accuracy " + relativeAccuracy);
        }
    }

    private void insert(double value, long n) {
        if (value > zeroThreshold) {
            positive.add(key(value), n);
        } else if (value < -zeroThreshold) {
            negative.add(-key(-value), n);
        } else {
            zeroCount += n;
        }
        double v = value == 0 ? 0.0 : value; // -0.0 is kept as 0.0
        if (count == 0) {
            min = v;
            max = v;
        } else {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        count += n;
    }

    /** Adds x·2^1074 to the fixed-point sum: the 53-bit significand at its bit position, three limbs. */
    private void addToSum(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) & 0x7FF;
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (e == 0) {
            if (m == 0) {
                return;
            }
            e = 1;
        } else {
            m |= 1L << 52;
        }
        int shift = e - 1; // |x| = m · 2^(shift − 1074)
        int i = shift >>> 5;
        int o = shift & 31;
        long p0 = (m << o) & MASK32;
        long rest = m >>> (32 - o); // the bits above the low 32 of m·2^o (o = 0: m >>> 32)
        long p1 = rest & MASK32;
        long p2 = rest >>> 32;
        if (bits < 0) {
            sum[i] -= p0;
            sum[i + 1] -= p1;
            sum[i + 2] -= p2;
        } else {
            sum[i] += p0;
            sum[i + 1] += p1;
            sum[i + 2] += p2;
        }
        if (++pending >= CARRY_EVERY) {
            carry(sum);
            pending = 0;
        }
    }

    /** Adds x·n·2^1074: the 116-bit product of significand and count at its bit position, five limbs. */
    private void addToSum(double x, long n) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) & 0x7FF;
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (e == 0) {
            if (m == 0) {
                return;
            }
            e = 1;
        } else {
            m |= 1L << 52;
        }
        int shift = e - 1;
        int i = shift >>> 5;
        int o = shift & 31;
        long lo = m * n;
        long hi = Math.multiplyHigh(m, n); // m < 2^53, n < 2^63: the product < 2^116, hi < 2^52
        long shiftedLo = lo << o;
        long shiftedHi = o == 0 ? hi : (hi << o) | (lo >>> (64 - o));
        long top = o == 0 ? 0 : hi >>> (64 - o);
        long[] parts = {shiftedLo & MASK32, shiftedLo >>> 32, shiftedHi & MASK32, shiftedHi >>> 32, top};
        int sign = bits < 0 ? -1 : 1;
        for (int j = 0; j < 5; j++) {
            sum[i + j] += sign * parts[j];
        }
        if (++pending >= CARRY_EVERY) {
            carry(sum);
            pending = 0;
        }
    }

    /** Propagates carries: limbs 0..66 in [0, 2^32), the top limb signed; the canonical form. */
    private static void carry(long[] limbs) {
        long c = 0;
        for (int i = 0; i < LIMBS - 1; i++) {
            long v = limbs[i] + c;
            limbs[i] = v & MASK32;
            c = v >> 32;
        }
        limbs[LIMBS - 1] += c;
    }

    // ------------------------------------------------------------------ merging

    /**
     * Merges another sketch with the same relative accuracy and bucket bound into this one;
     * {@code other} is unchanged. The result is the sketch of both inputs, bit for bit.
     *
     * @param other the sketch to merge (may be {@code this}, which doubles every count)
     * @return this sketch
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the relative accuracies or bounds differ; nothing changes then
     * @throws ArithmeticException if the count would exceed {@code Long.MAX_VALUE}; nothing changes then
     */
    @Override
    public QuantileSketch merge(QuantileSketch other) {
        Objects.requireNonNull(other, "other");
        if (Double.doubleToLongBits(other.relativeAccuracy) != Double.doubleToLongBits(relativeAccuracy)) {
            throw new IllegalArgumentException("cannot merge: relative accuracy " + relativeAccuracy + " vs "
                    + other.relativeAccuracy);
        }
        if (other.maxBuckets != maxBuckets) {
            throw new IllegalArgumentException("cannot merge: maxBuckets " + bound(maxBuckets) + " vs "
                    + bound(other.maxBuckets));
        }
        if (count > Long.MAX_VALUE - other.count) {
            throw new ArithmeticException("count overflow: " + count + " + " + other.count
                    + " values exceeds Long.MAX_VALUE");
        }
        if (other.count == 0) {
            return this;
        }
        QuantileSketch o = other == this ? copy() : other;
        positive.addFrom(o.positive);
        negative.addFrom(o.negative);
        zeroCount += o.zeroCount;
        if (count == 0) {
            min = o.min;
            max = o.max;
        } else {
            min = Math.min(min, o.min);
            max = Math.max(max, o.max);
        }
        count += o.count;
        for (int i = 0; i < LIMBS; i++) {
            sum[i] += o.sum[i]; // each side below (2^29 + 1)·2^32 in magnitude
        }
        carry(sum);
        pending = 0;
        return this;
    }

    private static String bound(int m) {
        return m == 0 ? "unbounded" : Integer.toString(m);
    }

    /**
     * A deep copy: an independent sketch with this state (identical bytes, equal results).
     *
     * @return the copy
     */
    @Override
    public QuantileSketch copy() {
        QuantileSketch c = new QuantileSketch(relativeAccuracy, maxBuckets, true);
        c.positive.copyFrom(positive);
        c.negative.copyFrom(negative);
        c.zeroCount = zeroCount;
        c.count = count;
        c.min = min;
        c.max = max;
        System.arraycopy(sum, 0, c.sum, 0, LIMBS);
        c.pending = pending;
        return c;
    }

    // ------------------------------------------------------------------ results

    /**
     * The estimate of the {@code q}-quantile: the representative of the bucket holding the order
     * statistic {@code x_(⌊q(n−1)⌋+1)}, within α of it (see the class description for the rule and the
     * exceptions: the zero bucket, collapsed buckets).
     *
     * @param q the quantile, in {@code [0, 1]} (0.5 the median, 0.9 the 90th percentile)
     * @return the estimate
     * @throws IllegalArgumentException if {@code q} is NaN or outside {@code [0, 1]}
     * @throws IllegalStateException if the sketch is empty
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile q must be in [0, 1], was " + q);
        }
        if (count == 0) {
            throw new IllegalStateException("the quantile of an empty sketch is undefined");
        }
        double rank = q * (count - 1);
        long[] seen = {0};
        int k = negative.keyAtRank(rank, seen);
        if (k != Integer.MIN_VALUE) {
            return -value(-k);
        }
        seen[0] += zeroCount;
        if (seen[0] > rank) {
            return 0.0;
        }
        k = positive.keyAtRank(rank, seen);
        if (k != Integer.MIN_VALUE) {
            return value(k);
        }
        // above 2^53 values, q·(n − 1) and the counts round as doubles and the rank can reach n: the top
        return positive.total > 0 ? value(positive.hi) : zeroCount > 0 ? 0.0 : -value(-negative.hi);
    }

    /**
     * The estimates of several quantiles, as {@link #quantile(double)} gives each.
     *
     * @param qs the quantiles, each in {@code [0, 1]}
     * @return the estimates, in the order of {@code qs}
     * @throws NullPointerException if {@code qs} is null
     * @throws IllegalArgumentException if a quantile is NaN or outside {@code [0, 1]}
     * @throws IllegalStateException if the sketch is empty
     */
    public double[] quantiles(double... qs) {
        Objects.requireNonNull(qs, "qs");
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            out[i] = quantile(qs[i]);
        }
        return out;
    }

    /**
     * The number of values added.
     *
     * @return the count, {@code >= 0}
     */
    public long count() {
        return count;
    }

    /**
     * Whether no value has been added.
     *
     * @return whether empty
     */
    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The smallest value added, exactly ({@code -0.0} is reported as {@code 0.0}).
     *
     * @return the minimum
     * @throws IllegalStateException if the sketch is empty
     */
    public double min() {
        requireValues("minimum");
        return min;
    }

    /**
     * The largest value added, exactly.
     *
     * @return the maximum
     * @throws IllegalStateException if the sketch is empty
     */
    public double max() {
        requireValues("maximum");
        return max;
    }

    /**
     * The exact sum of the values added, correctly rounded to a double (0 when empty).
     *
     * @return the sum
     * @throws ArithmeticException if the sum's magnitude exceeds the double range
     */
    public double sum() {
        double s = scaled(exactSum(), SUM_SCALE, false);
        if (Double.isInfinite(s)) {
            throw new ArithmeticException("the sum of the values exceeds the double range");
        }
        return s;
    }

    /**
     * The mean of the values added: their exact sum divided by the count, correctly rounded.
     *
     * @return the mean
     * @throws IllegalStateException if the sketch is empty
     */
    public double mean() {
        requireValues("mean");
        BigInteger s = exactSum();
        int extra = 128;
        BigInteger[] qr = s.abs().shiftLeft(extra).divideAndRemainder(BigInteger.valueOf(count));
        BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
        return scaled(s.signum() < 0 ? q.negate() : q, SUM_SCALE - extra - 1, false);
    }

    private void requireValues(String what) {
        if (count == 0) {
            throw new IllegalStateException("the " + what + " of an empty sketch is undefined");
        }
    }

    /**
     * The relative accuracy α the sketch was made with.
     *
     * @return α, in {@code [0.001, 1)}
     */
    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    /**
     * The bound on the buckets per sign, if the sketch has one.
     *
     * @return the bound, or empty when unbounded
     */
    public OptionalInt maxBuckets() {
        return maxBuckets == 0 ? OptionalInt.empty() : OptionalInt.of(maxBuckets);
    }

    /**
     * The number of non-empty buckets, the zero bucket included: the size of the state.
     *
     * @return the count
     */
    public int bucketCount() {
        return positive.occupied() + negative.occupied() + (zeroCount > 0 ? 1 : 0);
    }

    /**
     * The largest magnitude counted in the zero bucket: {@code Double.MIN_NORMAL·(1 + α')/(1 − α')}.
     *
     * @return the threshold, about 2.2e-308
     */
    public double zeroThreshold() {
        return zeroThreshold;
    }

    /**
     * The largest magnitude the sketch accepts: {@code Double.MAX_VALUE/(1 + α')}, so that every
     * representative is finite.
     *
     * @return the limit
     */
    public double maxTrackable() {
        return maxTrackable;
    }

    // ------------------------------------------------------------------ exact sum

    private BigInteger exactSum() {
        long[] limbs = sum.clone();
        carry(limbs);
        return toBigInteger(limbs);
    }

    private static BigInteger toBigInteger(long[] normalized) {
        byte[] be = new byte[4 * LIMBS];
        for (int i = 0; i < LIMBS; i++) {
            int w = (int) normalized[i];
            int at = 4 * (LIMBS - 1 - i);
            be[at] = (byte) (w >>> 24);
            be[at + 1] = (byte) (w >>> 16);
            be[at + 2] = (byte) (w >>> 8);
            be[at + 3] = (byte) w;
        }
        return new BigInteger(be);
    }

    private static long[] toLimbs(BigInteger s) {
        long[] limbs = new long[LIMBS];
        for (int i = 0; i < LIMBS - 1; i++) {
            limbs[i] = s.shiftRight(32 * i).intValue() & MASK32;
        }
        limbs[LIMBS - 1] = s.shiftRight(32 * (LIMBS - 1)).longValue();
        return limbs;
    }

    /** a·2^exp2 correctly rounded to a double (ties to even); {@code sticky}: a is inexact below its bit 0. */
    private static double scaled(BigInteger a, int exp2, boolean sticky) {
        int sign = a.signum();
        if (sign == 0) {
            return 0.0;
        }
        BigInteger m = a.abs();
        int len = m.bitLength();
        int lsb = Math.max(len - 53, -1074 - exp2); // the result's last bit, as a bit position of m
        double r;
        if (lsb <= 0) {
            r = Math.scalb((double) m.longValueExact(), exp2);
        } else {
            BigInteger q = m.shiftRight(lsb);
            boolean half = m.testBit(lsb - 1);
            boolean below = sticky || m.getLowestSetBit() < lsb - 1;
            if (half && (below || q.testBit(0))) {
                q = q.add(BigInteger.ONE);
            }
            r = Math.scalb((double) q.longValueExact(), lsb + exp2);
        }
        return sign < 0 ? -r : r;
    }

    /** x·2^1074 as an integer (exact for every finite double). */
    private static BigInteger fixed(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) & 0x7FF;
        long m = bits & 0xF_FFFF_FFFF_FFFFL;
        if (e == 0) {
            e = 1;
        } else {
            m |= 1L << 52;
        }
        BigInteger v = BigInteger.valueOf(m).shiftLeft(e - 1);
        return bits < 0 ? v.negate() : v;
    }

    // ------------------------------------------------------------------ binary form

    @Override
    public StateFamily<QuantileSketch> family() {
        return FAMILY;
    }

    /**
     * The sum's encoding: the exact sum S = M·2^(8z), z = ⌊(lowest set bit of S)/8⌋; element 0 is z,
     * element 1 M's minimal two's complement, least significant byte first (both empty/0 when S = 0).
     */
    private Object[] sumForm() {
        BigInteger s = exactSum();
        if (s.signum() == 0) {
            return new Object[] {0, new byte[0]};
        }
        int z = s.getLowestSetBit() / 8;
        byte[] be = s.shiftRight(8 * z).toByteArray();
        byte[] le = new byte[be.length];
        for (int i = 0; i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return new Object[] {z, le};
    }

    private int payloadSize(int sumBytes) {
        long size = 48 + 12L * (positive.occupied() + negative.occupied()) + sumBytes;
        return StateFrame.size(size) - StateFrame.OVERHEAD;
    }

    /**
     * The exact size of the binary form: {@code 64 + 12·(p + q) + L} bytes for {@code p} positive and
     * {@code q} negative non-empty buckets and an {@code L}-byte sum (64 bytes when empty; the sum of
     * typical values takes a few bytes).
     *
     * @return the size in bytes
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(payloadSize(((byte[]) sumForm()[1]).length));
    }

    /**
     * Writes the binary form documented on the class at the buffer's position.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     */
    @Override
    public void writeTo(ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        Object[] form = sumForm();
        byte[] m = (byte[]) form[1];
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, 0, payloadSize(m.length));
        w.f64(relativeAccuracy).i32(maxBuckets).i64(zeroCount).f64(count == 0 ? 0.0 : min)
                .f64(count == 0 ? 0.0 : max);
        w.i32(positive.occupied());
        positive.forEach((k, c) -> w.i32(k).i64(c));
        w.i32(negative.occupied());
        negative.forEachDescending((k, c) -> w.i32(-k).i64(c));
        w.buffer().putShort((short) (int) form[0]).putShort((short) m.length).put(m);
        w.finish();
    }

    /**
     * The binary form of {@link #writeTo(ByteBuffer)} as a new array of {@link #serializedSize()} bytes.
     *
     * @return the bytes
     */
    @Override
    public byte[] toByteArray() {
        return Mergeable.super.toByteArray();
    }

    /**
     * Reads the binary form of {@link #toByteArray()}; the array must hold exactly one state. See
     * {@link #fromByteBuffer(ByteBuffer)} for what is checked.
     *
     * @param bytes the binary form
     * @return a new sketch with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static QuantileSketch fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the position
     * does not move. Checks the frame (length, magic, family, version, CRC-32C), the flags (none), α and
     * the bound, each bucket list (its length against the bytes left before allocating, keys in the
     * range α can produce and strictly increasing, counts {@code >= 1}, the total count
     * {@code <= Long.MAX_VALUE}, the span of keys within the bound), the sum's encoding, and that the
     * buckets, min, max and sum are consistent with one another (as {@code docs/binary-format.md}
     * lists).
     *
     * @param source the binary form, in any byte order
     * @return a new sketch with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static QuantileSketch fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, FAMILY.id(), NAME, FORMAT_VERSION);
        in.requireFlags(0);
        double a = in.f64("the relative accuracy");
        if (!(a >= MIN_RELATIVE_ACCURACY && a < 1)) {
            throw in.corrupt("relative accuracy " + a + " is outside [0.001, 1)");
        }
        int m = in.i32("the bucket bound");
        if (m < 0) {
            throw in.corrupt("bucket bound " + m + " is negative");
        }
        QuantileSketch s = new QuantileSketch(a, m, true);
        long zero = in.i64("the zero count");
        if (zero < 0) {
            throw in.corrupt("zero count " + zero + " is negative");
        }
        double min = in.f64("the minimum");
        double max = in.f64("the maximum");
        for (double v : new double[] {min, max}) {
            if (!(Math.abs(v) <= s.maxTrackable) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                throw in.corrupt("minimum or maximum " + v + " is not a finite value within +-" + s.maxTrackable
                        + " other than -0.0");
            }
        }
        long total = zero;
        total = s.readBuckets(in, "positive", s.positive, 1, total);
        total = s.readBuckets(in, "negative", s.negative, -1, total);
        int z = in.u8("the sum's shift") | in.u8("the sum's shift") << 8;
        int length = in.u8("the sum's length") | in.u8("the sum's length") << 8;
        if (z > MAX_SUM_SHIFT || length > MAX_SUM_BYTES || length != in.remaining()) {
            throw in.corrupt("the sum has shift " + z + " and length " + length + ", expected 0.." + MAX_SUM_SHIFT
                    + " and 0.." + MAX_SUM_BYTES + " bytes, the " + in.remaining() + " bytes left");
        }
        BigInteger sum = BigInteger.ZERO;
        if (length == 0) {
            if (z != 0) {
                throw in.corrupt("a zero sum has shift " + z + ", its form has shift 0");
            }
        } else {
            byte[] be = new byte[length];
            for (int i = length - 1; i >= 0; i--) {
                be[i] = (byte) in.u8("the sum");
            }
            if (be[length - 1] == 0) {
                throw in.corrupt("the sum's lowest byte is 0: its form leaves zero bytes to the shift");
            }
            BigInteger mantissa = new BigInteger(be);
            if (mantissa.toByteArray().length != length) {
                throw in.corrupt("the sum is not in its minimal two's complement form");
            }
            sum = mantissa.shiftLeft(8 * z);
        }
        s.zeroCount = zero;
        s.count = total;
        s.min = min;
        s.max = max;
        s.checkConsistency(in, sum);
        System.arraycopy(toLimbs(sum), 0, s.sum, 0, LIMBS);
        in.finish();
        return s;
    }

    private long readBuckets(StateFrame.Reader in, String which, Buckets into, int sign, long total) {
        int n = in.i32("the number of " + which + " buckets");
        if (n < 0) {
            throw in.corrupt("the number of " + which + " buckets is negative: " + n);
        }
        in.require(12L * n, n + " " + which + " buckets");
        int[] keys = new int[n];
        long[] counts = new long[n];
        for (int j = 0; j < n; j++) {
            int k = in.i32("a " + which + " bucket key");
            long c = in.i64("a " + which + " bucket count");
            if (k < minKey || k > maxKey) {
                throw in.corrupt(which + " bucket key " + k + " is outside " + minKey + ".." + maxKey
                        + ", the keys of relative accuracy " + relativeAccuracy);
            }
            if (j > 0 && k <= keys[j - 1]) {
                throw in.corrupt(which + " bucket keys are not strictly increasing: " + k + " after " + keys[j - 1]);
            }
            if (c < 1) {
                throw in.corrupt(which + " bucket " + k + " has count " + c + ", a stored bucket has >= 1");
            }
            if (total > Long.MAX_VALUE - c) {
                throw in.corrupt("the counts sum to more than Long.MAX_VALUE");
            }
            total += c;
            keys[j] = k;
            counts[j] = c;
        }
        if (n > 0 && maxBuckets > 0 && (long) keys[n - 1] - keys[0] + 1 > maxBuckets) {
            throw in.corrupt(which + " bucket keys span " + keys[0] + ".." + keys[n - 1] + ", more than the bound "
                    + maxBuckets);
        }
        if (sign > 0) {
            for (int j = 0; j < n; j++) {
                into.add(keys[j], counts[j]);
            }
        } else {
            for (int j = n - 1; j >= 0; j--) {
                into.add(-keys[j], counts[j]);
            }
        }
        return total;
    }

    /** The reader's cross-field checks, on a state whose fields each passed their own. */
    private void checkConsistency(StateFrame.Reader in, BigInteger exact) {
        if (count == 0) {
            if (Double.doubleToRawLongBits(min) != 0 || Double.doubleToRawLongBits(max) != 0 || exact.signum() != 0) {
                throw in.corrupt("an empty sketch has minimum, maximum and sum 0, was " + min + ", " + max + " and "
                        + (exact.signum() == 0 ? "0" : "a non-zero sum"));
            }
            return;
        }
        if (!(min <= max)) {
            throw in.corrupt("minimum " + min + " is above the maximum " + max);
        }
        // the class of the minimum and of the maximum fixes which bucket lists and the zero bucket hold values
        if (min > zeroThreshold && (zeroCount != 0 || negative.total != 0)) {
            throw in.corrupt("the minimum " + min + " is positive but the zero or negative buckets hold values");
        }
        if (Math.abs(min) <= zeroThreshold && (zeroCount == 0 || negative.total != 0)) {
            throw in.corrupt("the minimum " + min + " belongs to the zero bucket, which must hold it, with no"
                    + " negative bucket");
        }
        if (min < -zeroThreshold && negative.total == 0) {
            throw in.corrupt("the minimum " + min + " is negative but no negative bucket holds a value");
        }
        if (max < -zeroThreshold && (zeroCount != 0 || positive.total != 0)) {
            throw in.corrupt("the maximum " + max + " is negative but the zero or positive buckets hold values");
        }
        if (Math.abs(max) <= zeroThreshold && (zeroCount == 0 || positive.total != 0)) {
            throw in.corrupt("the maximum " + max + " belongs to the zero bucket, which must hold it, with no"
                    + " positive bucket");
        }
        if (max > zeroThreshold && positive.total == 0) {
            throw in.corrupt("the maximum " + max + " is positive but no positive bucket holds a value");
        }
        if (max > zeroThreshold && positive.hi != key(max)) {
            throw in.corrupt("the highest positive bucket is " + positive.hi + ", the maximum " + max + " has key "
                    + key(max));
        }
        if (min > zeroThreshold && positive.lo != collapsedLow(key(min), positive.hi)) {
            throw in.corrupt("the lowest positive bucket is " + positive.lo + ", the minimum " + min + " puts it at "
                    + collapsedLow(key(min), positive.hi));
        }
        if (max < -zeroThreshold && -negative.hi != key(-max)) {
            throw in.corrupt("the negative bucket nearest zero is " + -negative.hi + ", the maximum " + max
                    + " has key " + key(-max));
        }
        if (min < -zeroThreshold && negative.lo != collapsedLow(-key(-min), negative.hi)) {
            throw in.corrupt("the most negative bucket is " + -negative.lo + ", the minimum " + min + " puts it at "
                    + -collapsedLow(-key(-min), negative.hi));
        }
        if (count == 1 && min != max) {
            throw in.corrupt("one value, but minimum " + min + " and maximum " + max + " differ");
        }
        BigInteger lo = fixed(min);
        BigInteger hi = fixed(max);
        BigInteger others = BigInteger.valueOf(count - 1);
        BigInteger least = count == 1 ? lo : lo.multiply(others).add(hi);
        BigInteger most = count == 1 ? lo : hi.multiply(others).add(lo);
        if (exact.compareTo(least) < 0 || exact.compareTo(most) > 0) {
            throw in.corrupt("the sum is outside what " + count + " values from " + min + " to " + max + " can add to");
        }
    }

    private int collapsedLow(int keyOfLowest, int hi) {
        return maxBuckets == 0 ? keyOfLowest : Math.max(keyOfLowest, hi - maxBuckets + 1);
    }

    /**
     * A readable summary, e.g.
     * {@code QuantileSketch[relativeAccuracy=0.01, count=1000, buckets=200, min=1.0, max=1000.0]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "QuantileSketch[relativeAccuracy=" + relativeAccuracy
                + (maxBuckets == 0 ? "" : ", maxBuckets=" + maxBuckets) + ", count=" + count + ", buckets="
                + bucketCount() + (count == 0 ? "" : ", min=" + min + ", max=" + max) + "]";
    }

    // ------------------------------------------------------------------ bucket store

    /** A consumer of (key, count) pairs. */
    private interface BucketConsumer {
        void accept(int key, long count);
    }

    /**
     * Dense counts over the occupied key range [lo, hi]; with a bound m, keys below hi − m + 1 are
     * counted in hi − m + 1 (the lowest keys collapse).
     */
    private static final class Buckets {
        private final int bound;
        private final int keys;
        private long[] counts = new long[0];
        private int offset; // the key of counts[0]
        private int lo;
        private int hi;
        long total;

        Buckets(int bound, int keys) {
            this.bound = bound;
            this.keys = keys;
        }

        void add(int key, long n) {
            if (total == 0) {
                cover(key, key);
                lo = key;
                hi = key;
            } else if (key > hi) {
                if (bound > 0 && (long) key - lo + 1 > bound) {
                    int bottom = key - bound + 1;
                    long folded = 0;
                    for (int k = lo; k < bottom && k <= hi; k++) {
                        folded += counts[k - offset];
                        counts[k - offset] = 0;
                    }
                    if (bottom > hi) {
                        cover(bottom, key);
                        lo = bottom;
                    } else {
                        lo = bottom;
                        cover(lo, key);
                    }
                    counts[bottom - offset] += folded;
                } else {
                    cover(lo, key);
                }
                hi = key;
            } else if (key < lo) {
                if (bound > 0 && (long) hi - key + 1 > bound) {
                    key = hi - bound + 1;
                }
                cover(key, hi);
                lo = key;
            }
            counts[key - offset] += n;
            total += n;
        }

        /** Makes the array cover [from, to], keeping the counts of the current range. */
        private void cover(int from, int to) {
            if (counts.length > 0 && from >= offset && (long) to - offset < counts.length) {
                return;
            }
            long span = (long) to - from + 1;
            long length = Math.max(span + (span >> 1), 32);
            length = Math.min(length, Math.max(span, bound > 0 ? 2L * bound : keys));
            int newOffset = (int) Math.max(Integer.MIN_VALUE, from - (length - span) / 2);
            long[] grown = new long[(int) length];
            if (total > 0) {
                int a = Math.max(lo, Math.max(offset, newOffset));
                int b = Math.min(hi, Math.min(offset + counts.length - 1, (int) (newOffset + length - 1)));
                if (a <= b) {
                    System.arraycopy(counts, a - offset, grown, a - newOffset, b - a + 1);
                }
            }
            counts = grown;
            offset = newOffset;
        }

        int occupied() {
            if (total == 0) {
                return 0;
            }
            int n = 0;
            for (int k = lo; k <= hi; k++) {
                if (counts[k - offset] != 0) {
                    n++;
                }
            }
            return n;
        }

        void forEach(BucketConsumer c) {
            if (total == 0) {
                return;
            }
            for (int k = lo; k <= hi; k++) {
                long v = counts[k - offset];
                if (v != 0) {
                    c.accept(k, v);
                }
            }
        }

        /** Adds every bucket of another store (ascending, so a bounded window moves as in one pass). */
        void addFrom(Buckets other) {
            if (other.total == 0) {
                return;
            }
            for (int k = other.lo; k <= other.hi; k++) {
                long v = other.counts[k - other.offset];
                if (v != 0) {
                    add(k, v);
                }
            }
        }

        void forEachDescending(BucketConsumer c) {
            if (total == 0) {
                return;
            }
            for (int k = hi; k >= lo; k--) {
                long v = counts[k - offset];
                if (v != 0) {
                    c.accept(k, v);
                }
            }
        }

        /** The first key whose cumulative count, added to seen[0], exceeds rank; MIN_VALUE if none. */
        int keyAtRank(double rank, long[] seen) {
            if (total == 0) {
                return Integer.MIN_VALUE;
            }
            long n = seen[0];
            for (int k = lo; k <= hi; k++) {
                n += counts[k - offset];
                if (n > rank) {
                    seen[0] = n;
                    return k;
                }
            }
            seen[0] = n;
            return Integer.MIN_VALUE;
        }

        void copyFrom(Buckets other) {
            counts = other.counts.clone();
            offset = other.offset;
            lo = other.lo;
            hi = other.hi;
            total = other.total;
        }
    }
}
