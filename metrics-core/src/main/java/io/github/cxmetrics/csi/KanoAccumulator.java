package io.github.cxmetrics.csi;

import io.github.cxmetrics.csi.Kano.Answer;
import io.github.cxmetrics.csi.Kano.Category;
import io.github.cxmetrics.internal.format.StateFrame;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collector;

/**
 * A mutable, mergeable accumulator of Kano questionnaire responses for a fixed list of features;
 * {@link #snapshot()} gives the immutable {@link KanoResult}.
 *
 * <p><b>Input.</b> A response is one respondent's pair of answers to the functional and the
 * dysfunctional question of one feature ({@link #add(int, Answer, Answer)}, or the codes 1..5 with
 * {@link #add(int, int, int)}); {@link #addRespondent(Answer[], Answer[])} takes one survey row, a
 * functional and a dysfunctional answer per feature (both null where the respondent skipped the
 * feature). A response already classified elsewhere can be added as its category
 * ({@link #add(int, Category)}); it counts in every category figure but not in DuMouchel's scores,
 * which need the answers ({@link KanoResult.Feature#answered()} says how many responses have them).
 * Features are numbered from 0 and fixed at construction, optionally with names.
 *
 * <p><b>State.</b> Per feature, 31 exact {@code long} counts: the 5 × 5 table of (functional,
 * dysfunctional) answer pairs — from which the evaluation table gives the categories and the
 * DuMouchel scores their sums and sums of squares exactly — and the six counts of responses added
 * as categories. Responses are unweighted. Memory is {@code 256·features} bytes plus the names.
 *
 * <p><b>Merging.</b> Counts add exactly, so merge is associative and commutative, and splitting the
 * responses anywhere, accumulating the parts and merging gives the state of one pass: equal
 * snapshots and identical bytes. Only accumulators with the same number of features and the same
 * names (or both unnamed) merge.
 *
 * <p><b>Validation.</b> A feature index outside {@code 0..features − 1}, an answer code outside 1..5,
 * a null answer or category and a half-skipped feature in a row get an exception naming the value
 * and its position; the batch methods validate the whole batch first. The responses of one feature
 * number at most {@code Long.MAX_VALUE}: an add or merge beyond it throws
 * {@link ArithmeticException}. A rejected call changes nothing.
 *
 * <p><b>Binary form.</b> {@link #toByteArray()} and {@link #writeTo(ByteBuffer)} write one frame of the
 * cxmetrics state format ({@link Mergeable}) with family id 6 ({@link #FAMILY}, "kano"), format
 * version 1, flag bit 0 set when the features are named, and this payload, little-endian:
 * <pre>{@code
 * offset  size      field
 * 0       4         k, the number of features (int32, 1..MAX_FEATURES)
 * if named, k times:
 *         2 + u     name: UTF-8 length u (uint16, >= 1) and bytes (well-formed UTF-8, names distinct)
 * then k times, 31 int64 (248 bytes):
 *         200       answer-pair counts, functional code 1..5 major, dysfunctional code 1..5 minor
 *         48        counts of responses added as categories, in the order A, O, M, I, R, Q
 * }</pre>
 * Every count is {@code >= 0} and a feature's 31 counts sum to at most {@code Long.MAX_VALUE}; the
 * codes are fixed constants of the format, not Java ordinals. Every state has exactly one form and
 * the reader rejects anything else. An unnamed state is {@code 20 + 248·k} bytes.
 *
 * <p>Not thread-safe: confine an accumulator to one thread, or give each thread its own and merge.
 *
 * @since 0.2.0
 */
public final class KanoAccumulator implements Mergeable<KanoAccumulator> {

    /** Format version written by {@link #toByteArray()}. */
    public static final int FORMAT_VERSION = 1;

    /** The state family: id 6, "kano". */
    public static final StateFamily<KanoAccumulator> FAMILY =
            StateFamily.define(6, "kano", KanoAccumulator.class, FORMAT_VERSION, KanoAccumulator::fromByteBuffer);

    /** The most features an accumulator holds. */
    public static final int MAX_FEATURES = 100_000;

    private static final String NAME = "kano";
    private static final int FLAG_NAMED = 1;
    private static final int PAIRS = 25;
    private static final int SLOTS = PAIRS + 6;
    private static final int FEATURE_BYTES = 8 * SLOTS;
    private static final Category[] CATEGORY_BY_CODE = {
        Category.ATTRACTIVE, Category.ONE_DIMENSIONAL, Category.MUST_BE, Category.INDIFFERENT, Category.REVERSE,
        Category.QUESTIONABLE};

    private final int features;
    /** Null when unnamed. */
    private final String[] names;
    /** {@code SLOTS} counts per feature: pairs, then classified responses by category code. */
    private final long[] cells;
    private final long[] totals;

    /**
     * An empty accumulator for unnamed features (named {@code "feature 1"}, {@code "feature 2"}, … in
     * the result).
     *
     * @param features the number of features, {@code 1..MAX_FEATURES}
     * @throws IllegalArgumentException if {@code features} is out of range
     */
    public KanoAccumulator(int features) {
        this(checkFeatures(features), null);
    }

    /**
     * An empty accumulator for named features, in order.
     *
     * @param names the features' names: 1..{@value #MAX_FEATURES} distinct, non-empty strings
     *     without unpaired surrogates, each at most 65 535 bytes in UTF-8
     * @throws NullPointerException if {@code names} or a name is null
     * @throws IllegalArgumentException if there are no names or too many, or a name is empty,
     *     repeated or not writable as UTF-8 (the message names it and its index)
     */
    public KanoAccumulator(List<String> names) {
        this(checkNames(names), 0);
    }

    /**
     * An empty accumulator for named features, in order; as {@link #KanoAccumulator(List)}.
     *
     * @param names the features' names
     * @throws NullPointerException if {@code names} or a name is null
     * @throws IllegalArgumentException as {@link #KanoAccumulator(List)}
     */
    public KanoAccumulator(String... names) {
        this(checkNames(Arrays.asList(Objects.requireNonNull(names, "names"))), 0);
    }

    private KanoAccumulator(String[] names, int unused) {
        this(names.length, names);
    }

    private KanoAccumulator(int features, String[] names) {
        this.features = features;
        this.names = names;
        this.cells = new long[SLOTS * features];
        this.totals = new long[features];
    }

    private static int checkFeatures(int features) {
        if (features < 1 || features > MAX_FEATURES) {
            throw new IllegalArgumentException("features must be in 1.." + MAX_FEATURES + ", was " + features);
        }
        return features;
    }

    private static String[] checkNames(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.isEmpty() || names.size() > MAX_FEATURES) {
            throw new IllegalArgumentException("names must hold 1.." + MAX_FEATURES + " feature names, had "
                    + names.size());
        }
        String[] a = new String[names.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < a.length; i++) {
            String s = Objects.requireNonNull(names.get(i), "names[" + i + "]");
            if (s.isEmpty()) {
                throw new IllegalArgumentException("feature name at index " + i + " is empty");
            }
            for (int j = 0; j < s.length(); j++) {
                char ch = s.charAt(j);
                if (Character.isHighSurrogate(ch) && j + 1 < s.length() && Character.isLowSurrogate(s.charAt(j + 1))) {
                    j++;
                } else if (Character.isSurrogate(ch)) {
                    throw new IllegalArgumentException("feature name at index " + i + " has an unpaired surrogate at "
                            + j + ": it cannot be written as UTF-8");
                }
            }
            int bytes = StateFrame.Writer.stringSize(s) - 2;
            if (bytes > 0xFFFF) {
                throw new IllegalArgumentException("feature name at index " + i + " is " + bytes
                        + " UTF-8 bytes long, more than 65535");
            }
            if (!seen.add(s)) {
                throw new IllegalArgumentException("feature name \"" + s + "\" at index " + i + " is repeated");
            }
            a[i] = s;
        }
        return a;
    }

    /**
     * A collector of responses into a {@link KanoResult}, for {@code stream.collect(…)} and
     * {@code groupingBy}: each element is one response (a feature and its two answers). It works on
     * parallel streams (partial accumulators are merged, so the result equals a sequential
     * collection).
     *
     * @param <T> the element type
     * @param features the number of features, {@code 1..MAX_FEATURES}
     * @param feature the feature index of an element, {@code 0..features − 1}
     * @param functional the functional answer of an element
     * @param dysfunctional the dysfunctional answer of an element
     * @return the collector
     * @throws NullPointerException if a function is null
     * @throws IllegalArgumentException if {@code features} is out of range
     */
    public static <T> Collector<T, KanoAccumulator, KanoResult> collector(int features,
            ToIntFunction<? super T> feature, Function<? super T, Answer> functional,
            Function<? super T, Answer> dysfunctional) {
        checkFeatures(features);
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(dysfunctional, "dysfunctional");
        return Collector.of(() -> new KanoAccumulator(features),
                (acc, t) -> acc.add(feature.applyAsInt(t), functional.apply(t), dysfunctional.apply(t)),
                KanoAccumulator::merge,
                KanoAccumulator::snapshot,
                Collector.Characteristics.UNORDERED);
    }

    /**
     * The number of features.
     *
     * @return the count, {@code >= 1}
     */
    public int features() {
        return features;
    }

    /**
     * Whether the features were named at construction.
     *
     * @return whether named
     */
    public boolean isNamed() {
        return names != null;
    }

    /**
     * The features' names: those given at construction, or {@code "feature 1"}, {@code "feature 2"}, …
     *
     * @return an unmodifiable list of {@link #features()} names
     */
    public List<String> names() {
        List<String> out = new ArrayList<>(features);
        for (int i = 0; i < features; i++) {
            out.add(name(i));
        }
        return List.copyOf(out);
    }

    private String name(int feature) {
        return names == null ? "feature " + (feature + 1) : names[feature];
    }

    /**
     * The number of responses of a feature.
     *
     * @param feature the feature index
     * @return the count, {@code >= 0}
     * @throws IllegalArgumentException if {@code feature} is out of range
     */
    public long count(int feature) {
        return totals[checkFeature(feature, -1)];
    }

    private int checkFeature(int feature, int index) {
        if (feature < 0 || feature >= features) {
            throw new IllegalArgumentException("feature " + feature + (index < 0 ? "" : " at index " + index)
                    + " must be in 0.." + (features - 1));
        }
        return feature;
    }

    /**
     * Adds one response: a respondent's answers to the functional and the dysfunctional question of
     * a feature.
     *
     * @param feature the feature index, {@code 0..features() − 1}
     * @param functional the answer if the feature is present
     * @param dysfunctional the answer if it is absent
     * @throws NullPointerException if an answer is null
     * @throws IllegalArgumentException if {@code feature} is out of range; nothing changes then
     * @throws ArithmeticException if the feature's count would overflow; nothing changes then
     */
    public void add(int feature, Answer functional, Answer dysfunctional) {
        checkFeature(feature, -1);
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(dysfunctional, "dysfunctional");
        requireRoom(feature, 1);
        cells[SLOTS * feature + 5 * (functional.code() - 1) + dysfunctional.code() - 1]++;
        totals[feature]++;
    }

    /**
     * Adds one response given as answer codes (1 like, 2 must-be, 3 neutral, 4 live-with,
     * 5 dislike; {@link Answer#ofCode(int)}).
     *
     * @param feature the feature index, {@code 0..features() − 1}
     * @param functionalCode the functional answer's code, 1..5
     * @param dysfunctionalCode the dysfunctional answer's code, 1..5
     * @throws IllegalArgumentException if the feature or a code is out of range (the message names
     *     which); nothing changes then
     * @throws ArithmeticException if the feature's count would overflow; nothing changes then
     */
    public void add(int feature, int functionalCode, int dysfunctionalCode) {
        checkFeature(feature, -1);
        if (functionalCode < 1 || functionalCode > 5) {
            throw new IllegalArgumentException("functional answer code must be in 1..5, was " + functionalCode);
        }
        if (dysfunctionalCode < 1 || dysfunctionalCode > 5) {
            throw new IllegalArgumentException("dysfunctional answer code must be in 1..5, was " + dysfunctionalCode);
        }
        add(feature, Answer.ofCode(functionalCode), Answer.ofCode(dysfunctionalCode));
    }

    /**
     * Adds one response already classified (e.g. a published tally); it counts in every category
     * figure but not in DuMouchel's scores.
     *
     * @param feature the feature index, {@code 0..features() − 1}
     * @param category the response's category
     * @throws NullPointerException if {@code category} is null
     * @throws IllegalArgumentException if {@code feature} is out of range; nothing changes then
     * @throws ArithmeticException if the feature's count would overflow; nothing changes then
     */
    public void add(int feature, Category category) {
        add(feature, category, 1);
    }

    /**
     * Adds {@code count} responses of one category (none when it is 0, after validation).
     *
     * @param feature the feature index, {@code 0..features() − 1}
     * @param category their category
     * @param count how many, {@code >= 0}
     * @throws NullPointerException if {@code category} is null
     * @throws IllegalArgumentException if {@code feature} is out of range or {@code count} negative;
     *     nothing changes then
     * @throws ArithmeticException if the feature's count would overflow; nothing changes then
     */
    public void add(int feature, Category category, long count) {
        checkFeature(feature, -1);
        Objects.requireNonNull(category, "category");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        requireRoom(feature, count);
        cells[SLOTS * feature + PAIRS + categoryCode(category)] += count;
        totals[feature] += count;
    }

    /**
     * Adds one response per index of the two arrays to one feature, after validating all of them.
     *
     * @param feature the feature index, {@code 0..features() − 1}
     * @param functional the functional answers
     * @param dysfunctional the dysfunctional answers, as many
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if the feature is out of range, the arrays differ in length or
     *     an answer is null (the message names the array and the index); nothing is added then
     * @throws ArithmeticException if the feature's count would overflow; nothing is added then
     */
    public void addAll(int feature, Answer[] functional, Answer[] dysfunctional) {
        checkFeature(feature, -1);
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(dysfunctional, "dysfunctional");
        if (functional.length != dysfunctional.length) {
            throw new IllegalArgumentException("functional has " + functional.length + " answers but dysfunctional has "
                    + dysfunctional.length);
        }
        for (int i = 0; i < functional.length; i++) {
            if (functional[i] == null) {
                throw new IllegalArgumentException("functional answer at index " + i + " is null");
            }
            if (dysfunctional[i] == null) {
                throw new IllegalArgumentException("dysfunctional answer at index " + i + " is null");
            }
        }
        requireRoom(feature, functional.length);
        int base = SLOTS * feature;
        for (int i = 0; i < functional.length; i++) {
            cells[base + 5 * (functional[i].code() - 1) + dysfunctional[i].code() - 1]++;
        }
        totals[feature] += functional.length;
    }

    /**
     * Adds one respondent: a functional and a dysfunctional answer for every feature, in order, after
     * validating the whole row. A feature the respondent skipped has null in both arrays and is not
     * counted.
     *
     * @param functional the functional answers, one per feature (null: skipped)
     * @param dysfunctional the dysfunctional answers, one per feature (null: skipped)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException if an array's length is not {@link #features()}, or exactly
     *     one of a feature's two answers is null (the message names the feature); nothing is added then
     * @throws ArithmeticException if a feature's count would overflow; nothing is added then
     */
    public void addRespondent(Answer[] functional, Answer[] dysfunctional) {
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(dysfunctional, "dysfunctional");
        if (functional.length != features || dysfunctional.length != features) {
            throw new IllegalArgumentException("a respondent needs " + features + " functional and " + features
                    + " dysfunctional answers, had " + functional.length + " and " + dysfunctional.length);
        }
        for (int i = 0; i < features; i++) {
            if ((functional[i] == null) != (dysfunctional[i] == null)) {
                throw new IllegalArgumentException("feature " + i + " (" + name(i) + ") has a "
                        + (functional[i] == null ? "dysfunctional" : "functional") + " answer but no "
                        + (functional[i] == null ? "functional" : "dysfunctional") + " one");
            }
            if (functional[i] != null) {
                requireRoom(i, 1);
            }
        }
        for (int i = 0; i < features; i++) {
            if (functional[i] != null) {
                cells[SLOTS * i + 5 * (functional[i].code() - 1) + dysfunctional[i].code() - 1]++;
                totals[i]++;
            }
        }
    }

    /**
     * Merges another accumulator with the same features into this one; {@code other} is unchanged.
     *
     * @param other the accumulator to merge (may be {@code this}, which doubles every count)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the feature counts or names differ; nothing changes then
     * @throws ArithmeticException if a feature's count would overflow; nothing changes then
     */
    @Override
    public KanoAccumulator merge(KanoAccumulator other) {
        Objects.requireNonNull(other, "other");
        if (other.features != features) {
            throw new IllegalArgumentException("cannot merge: " + features + " features vs " + other.features);
        }
        if (!Arrays.equals(names, other.names)) {
            throw new IllegalArgumentException("cannot merge: features " + names() + " vs " + other.names());
        }
        for (int i = 0; i < features; i++) {
            requireRoom(i, other.totals[i]);
        }
        long[] add = other == this ? cells.clone() : other.cells;
        for (int j = 0; j < cells.length; j++) {
            cells[j] += add[j];
        }
        long[] addTotals = other == this ? totals.clone() : other.totals;
        for (int i = 0; i < features; i++) {
            totals[i] += addTotals[i];
        }
        return this;
    }

    /**
     * The immutable result of everything added so far.
     *
     * @return the result
     */
    public KanoResult snapshot() {
        List<KanoResult.Feature> out = new ArrayList<>(features);
        for (int i = 0; i < features; i++) {
            int base = SLOTS * i;
            long[] pairs = Arrays.copyOfRange(cells, base, base + PAIRS);
            long[] classified = new long[6];
            for (int c = 0; c < 6; c++) {
                classified[CATEGORY_BY_CODE[c].ordinal()] = cells[base + PAIRS + c];
            }
            out.add(new KanoResult.Feature(name(i), pairs, classified));
        }
        return new KanoResult(out);
    }

    /**
     * A deep copy: an independent accumulator with this state (equal bytes, equal results); changes to
     * either leave the other as it is.
     *
     * @return the copy
     */
    @Override
    public KanoAccumulator copy() {
        KanoAccumulator c = new KanoAccumulator(features, names);
        System.arraycopy(cells, 0, c.cells, 0, cells.length);
        System.arraycopy(totals, 0, c.totals, 0, totals.length);
        return c;
    }

    @Override
    public StateFamily<KanoAccumulator> family() {
        return FAMILY;
    }

    private int payloadSize() {
        long size = 4 + (long) FEATURE_BYTES * features;
        if (names != null) {
            for (String s : names) {
                size += StateFrame.Writer.stringSize(s);
            }
        }
        return StateFrame.size(size) - StateFrame.OVERHEAD;
    }

    /**
     * The exact size of the binary form: {@code 16 + 4 + 248·features} bytes, plus
     * {@code 2 + (UTF-8 length)} per name when named.
     *
     * @return the size in bytes
     */
    @Override
    public int serializedSize() {
        return StateFrame.size(payloadSize());
    }

    /**
     * Writes the binary form documented on the class at the buffer's position.
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     */
    @Override
    public void writeTo(ByteBuffer target) {
        Objects.requireNonNull(target, "target");
        StateFrame.Writer w = StateFrame.begin(target, FAMILY.id(), FORMAT_VERSION, names == null ? 0 : FLAG_NAMED,
                payloadSize());
        w.i32(features);
        if (names != null) {
            for (String s : names) {
                w.string(s);
            }
        }
        for (long c : cells) {
            w.i64(c);
        }
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
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static KanoAccumulator fromByteArray(byte[] bytes) {
        return FAMILY.fromByteArray(bytes);
    }

    /**
     * Reads one state at the buffer's position and moves the position past it; on failure the position
     * does not move. Checks, in order, the frame (length, magic, family, version, CRC-32C), the flags,
     * the feature count (1..{@value #MAX_FEATURES}) and that the payload can hold that many features
     * (before allocating), the names if flagged (valid UTF-8, non-empty, distinct), that exactly
     * {@code 248·k} bytes of counts remain, then every count ({@code >= 0}) and each feature's total
     * ({@code <= Long.MAX_VALUE}).
     *
     * @param source the binary form, in any byte order
     * @return a new accumulator with that state
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the input is truncated, corrupt or of an unknown version
     *     (never any other exception type)
     */
    public static KanoAccumulator fromByteBuffer(ByteBuffer source) {
        StateFrame.Reader in = StateFrame.open(source, FAMILY.id(), NAME, FORMAT_VERSION);
        boolean named = (in.requireFlags(FLAG_NAMED) & FLAG_NAMED) != 0;
        int k = in.i32("feature count");
        if (k < 1 || k > MAX_FEATURES) {
            throw in.corrupt("feature count " + k + " is outside 1.." + MAX_FEATURES);
        }
        in.require((long) (FEATURE_BYTES + (named ? 3 : 0)) * k, k + " features");
        String[] names = null;
        if (named) {
            names = new String[k];
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < k; i++) {
                String s = in.string("the name of feature " + i);
                if (s.isEmpty()) {
                    throw in.corrupt("the name of feature " + i + " is empty");
                }
                if (!seen.add(s)) {
                    throw in.corrupt("the name of feature " + i + ", \"" + s + "\", is repeated");
                }
                names[i] = s;
            }
        }
        if ((long) FEATURE_BYTES * k != in.remaining()) {
            throw in.corrupt(k + " features need " + (long) FEATURE_BYTES * k + " bytes of counts, the payload has "
                    + in.remaining());
        }
        KanoAccumulator acc = new KanoAccumulator(k, names);
        for (int i = 0; i < k; i++) {
            long total = 0;
            for (int j = 0; j < SLOTS; j++) {
                long c = in.i64("a count of feature " + i);
                if (c < 0) {
                    throw in.corrupt("count " + j + " of feature " + i + " is negative: " + c);
                }
                if (total > Long.MAX_VALUE - c) {
                    throw in.corrupt("the counts of feature " + i + " sum to more than Long.MAX_VALUE");
                }
                total += c;
                acc.cells[SLOTS * i + j] = c;
            }
            acc.totals[i] = total;
        }
        in.finish();
        return acc;
    }

    /**
     * A readable summary, e.g. {@code KanoAccumulator[features=3, responses=[25, 25, 66]]}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return "KanoAccumulator[features=" + features + (names == null ? "" : ", names=" + Arrays.toString(names))
                + ", responses=" + Arrays.toString(totals) + "]";
    }

    private void requireRoom(int feature, long more) {
        if (totals[feature] > Long.MAX_VALUE - more) {
            throw new ArithmeticException("count overflow: " + totals[feature] + " + " + more + " responses of feature "
                    + feature + " exceeds Long.MAX_VALUE");
        }
    }

    private static int categoryCode(Category c) {
        for (int k = 0; k < CATEGORY_BY_CODE.length; k++) {
            if (CATEGORY_BY_CODE[k] == c) {
                return k;
            }
        }
        throw new AssertionError(c);
    }
}
