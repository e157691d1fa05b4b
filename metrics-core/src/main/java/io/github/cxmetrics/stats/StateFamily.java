package io.github.cxmetrics.stats;

import io.github.cxmetrics.internal.format.CoreStateFamilies;
import io.github.cxmetrics.internal.format.StateFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * A kind of {@link Mergeable} state: its id in the binary format, its name, its class and its reader.
 * {@link #byId(int)} and {@link #read(ByteBuffer)} find the family of any state from its bytes, so
 * code that stores or ships states (an engine adapter, a cache) needs no per-class code.
 *
 * <p>The families of cxmetrics and their ids:
 * <table>
 *   <caption>State families</caption>
 *   <tr><th>id</th><th>name</th><th>class</th><th>module</th></tr>
 *   <tr><td>1</td><td>rating</td><td>{@code io.github.cxmetrics.survey.RatingAccumulator}</td><td>core</td></tr>
 *   <tr><td>2</td><td>mean</td><td>{@link MeanAccumulator}</td><td>core</td></tr>
 *   <tr><td>3</td><td>kaplan-meier</td><td>{@code io.github.cxmetrics.retention.KaplanMeierAccumulator}</td><td>core</td></tr>
 *   <tr><td>4</td><td>cohort</td><td>{@code io.github.cxmetrics.retention.CohortAccumulator}</td><td>core</td></tr>
 *   <tr><td>5</td><td>rfm</td><td>{@code io.github.cxmetrics.clv.RfmAccumulator}</td><td>core</td></tr>
 *   <tr><td>6</td><td>kano</td><td>{@code io.github.cxmetrics.csi.KanoAccumulator}</td><td>core</td></tr>
 *   <tr><td>7</td><td>quantile-sketch</td><td>{@code io.github.cxmetrics.service.QuantileSketch}</td><td>core</td></tr>
 *   <tr><td>16</td><td>servqual</td><td>{@code io.github.cxmetrics.servqual.ServqualAccumulator}</td><td>servqual</td></tr>
 * </table>
 * Ids are fixed for ever; a family's format version changes when its payload layout does, and
 * every release keeps reading the versions before it.
 *
 * <p>Families outside {@code metrics-core} are found with {@link ServiceLoader} through
 * {@link Provider} (on the module path: {@code provides io.github.cxmetrics.stats.StateFamily.Provider};
 * on the class path: a {@code META-INF/services} entry), so {@link #byId(int)} knows the SERVQUAL
 * family exactly when {@code metrics-servqual} is present.
 *
 * @param <S> the state type
 * @since 0.2.0
 */
public final class StateFamily<S extends Mergeable<S>> {

    /**
     * Supplies the state families of a module to {@link StateFamily#byId(int)}; for cxmetrics modules.
     *
     * @since 0.2.0
     */
    public interface Provider {
        /**
         * The families this module defines.
         *
         * @return the families
         */
        List<StateFamily<?>> families();
    }

    private final int id;
    private final String name;
    private final Class<S> type;
    private final int version;
    private final Function<ByteBuffer, S> reader;

    private StateFamily(int id, String name, Class<S> type, int version, Function<ByteBuffer, S> reader) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.version = version;
        this.reader = reader;
    }

    /**
     * Defines a family; for the state classes of cxmetrics modules, each of which holds its family in
     * a constant.
     *
     * @param <S> the state type
     * @param id the family id in the binary format, 1..255, unique
     * @param name a short lower-case name, e.g. "rating"
     * @param type the state class
     * @param version the format version the class writes, 1..255
     * @param reader reads one state at a buffer's position, as {@link #fromByteBuffer(ByteBuffer)}
     * @return the family
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the id or version is out of range
     */
    public static <S extends Mergeable<S>> StateFamily<S> define(int id, String name, Class<S> type, int version,
            Function<ByteBuffer, S> reader) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reader, "reader");
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("family id must be in 1..255, was " + id);
        }
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("format version must be in 1..255, was " + version);
        }
        return new StateFamily<>(id, name, type, version, reader);
    }

    /**
     * The family id in the binary format (byte 4 of every state).
     *
     * @return the id, 1..255
     */
    public int id() {
        return id;
    }

    /**
     * The family's name, e.g. "rating".
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The state class.
     *
     * @return the class
     */
    public Class<S> type() {
        return type;
    }

    /**
     * The format version this library writes for the family (it reads this and every earlier one).
     *
     * @return the version, 1..255
     */
    public int version() {
        return version;
    }

    /**
     * Reads one state at the buffer's position; on success the position moves past it, on failure
     * it does not move. The buffer's byte order does not matter.
     *
     * @param source the input
     * @return a new accumulator
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the bytes are not a valid state of this family (truncated,
     *     another family, an unknown version, a CRC mismatch, inconsistent contents)
     */
    public S fromByteBuffer(ByteBuffer source) {
        Objects.requireNonNull(source, "source");
        return reader.apply(source);
    }

    /**
     * Reads a state from an array holding exactly one state.
     *
     * @param bytes the input
     * @return a new accumulator
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException as {@link #fromByteBuffer(ByteBuffer)}, or if bytes follow the
     *     state
     */
    public S fromByteArray(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        S state = reader.apply(buf);
        if (buf.hasRemaining()) {
            throw new IllegalArgumentException("corrupt " + name + " state: " + buf.remaining()
                    + " trailing byte(s) after the state");
        }
        return state;
    }

    /**
     * The family with an id.
     *
     * @param id the id
     * @return the family
     * @throws IllegalArgumentException if no family present has that id
     */
    public static StateFamily<?> byId(int id) {
        for (StateFamily<?> f : all()) {
            if (f.id == id) {
                return f;
            }
        }
        throw new IllegalArgumentException("no state family with id " + id + " is present (known: " + names()
                + "); a state of another cxmetrics module needs that module on the class or module path");
    }

    /**
     * The family of a state class.
     *
     * @param <S> the state type
     * @param type the class
     * @return its family
     * @throws IllegalArgumentException if the class is not a state class of a present module
     */
    @SuppressWarnings("unchecked")
    public static <S extends Mergeable<S>> StateFamily<S> of(Class<S> type) {
        Objects.requireNonNull(type, "type");
        for (StateFamily<?> f : all()) {
            if (f.type == type) {
                return (StateFamily<S>) f;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not a state class of a present cxmetrics module");
    }

    /**
     * Every family present, by id.
     *
     * @return an unmodifiable list
     */
    public static List<StateFamily<?>> all() {
        return Registry.FAMILIES;
    }

    /**
     * Reads one state of any present family at the buffer's position (as
     * {@link #fromByteBuffer(ByteBuffer)} of the family its header names).
     *
     * @param source the input
     * @return a new accumulator
     * @throws NullPointerException if {@code source} is null
     * @throws IllegalArgumentException if the bytes are not a valid state of a present family
     */
    public static Mergeable<?> read(ByteBuffer source) {
        return byId(StateFrame.peekFamily(source)).fromByteBuffer(source);
    }

    /**
     * Reads an array holding exactly one state of any present family.
     *
     * @param bytes the input
     * @return a new accumulator
     * @throws NullPointerException if {@code bytes} is null
     * @throws IllegalArgumentException if the bytes are not exactly one valid state of a present family
     */
    public static Mergeable<?> read(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return byId(StateFrame.peekFamily(ByteBuffer.wrap(bytes))).fromByteArray(bytes);
    }

    private static String names() {
        StringBuilder sb = new StringBuilder();
        for (StateFamily<?> f : all()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.id).append(' ').append(f.name);
        }
        return sb.toString();
    }

    /**
     * A readable form, e.g. {@code StateFamily[1 rating v1]}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "StateFamily[" + id + " " + name + " v" + version + "]";
    }

    /** The families found once, on first use. */
    private static final class Registry {
        static final List<StateFamily<?>> FAMILIES = load();

        private static List<StateFamily<?>> load() {
            List<StateFamily<?>> found = new ArrayList<>();
            List<Provider> providers = new ArrayList<>();
            providers.add(new CoreStateFamilies()); // also where a repackaged jar lost the service entries
            for (Provider p : ServiceLoader.load(Provider.class, StateFamily.class.getClassLoader())) {
                providers.add(p);
            }
            for (Provider p : providers) {
                for (StateFamily<?> f : p.families()) {
                    boolean known = false;
                    for (StateFamily<?> g : found) {
                        if (g.id == f.id && g.type != f.type) {
                            throw new IllegalStateException("two state families have id " + f.id + ": "
                                    + g.type.getName() + " and " + f.type.getName());
                        }
                        known |= g.type == f.type;
                    }
                    if (!known) {
                        found.add(f);
                    }
                }
            }
            found.sort((a, b) -> Integer.compare(a.id, b.id));
            return Collections.unmodifiableList(found);
        }
    }
}
