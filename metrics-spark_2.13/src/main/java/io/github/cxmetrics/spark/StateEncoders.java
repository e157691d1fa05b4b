package io.github.cxmetrics.spark;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.io.Serializable;
import java.util.Objects;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import org.apache.spark.sql.catalyst.encoders.Codec;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction0;

/**
 * Spark encoders of cxmetrics accumulators as their byte form (the checksummed state frame of
 * {@link Mergeable#toByteArray()}), a {@code BINARY} column.
 *
 * <p>The encoder is Spark 4's own mechanism for opaque objects, {@link AgnosticEncoders.TransformingEncoder}
 * over {@code BinaryEncoder}, the same construction as {@code Encoders.kryo}, with the library's
 * versioned codec in place of Kryo: {@code encode = toByteArray()}, {@code decode =
 * StateFamily.fromByteArray(bytes)}. It needs no {@code --add-opens} flags (Kryo 4 cannot serialise
 * the record {@code Scale}, and needs them on Java 17). As the buffer of an {@code Aggregator} in
 * {@code ObjectHashAggregate} plans, Spark keeps the accumulator as a Java object and calls the codec
 * only where the buffer crosses a shuffle or spills: once per group and partition, not per row.
 *
 * <p>The codec validates what it decodes (length, magic, family, version, checksum, invariants) and
 * throws {@link IllegalArgumentException} for anything else, so a corrupt shuffle block or a state
 * of another family fails the task instead of merging garbage.
 *
 * @since 0.2.0
 */
public final class StateEncoders {

    private StateEncoders() {
    }

    /**
     * The encoder of one state family's accumulators as their byte form.
     *
     * @param family the state family, e.g. {@code RatingAccumulator.FAMILY} or {@code metric.family()}
     * @param <A> the accumulator type
     * @return a non-nullable encoder whose SQL type is {@code BINARY}
     * @throws NullPointerException if {@code family} is null
     */
    public static <A extends Mergeable<A>> Encoder<A> of(StateFamily<A> family) {
        Objects.requireNonNull(family, "family");
        ClassTag<A> tag = ClassTag$.MODULE$.apply(family.type());
        AgnosticEncoder<byte[]> binary = AgnosticEncoders.BinaryEncoder$.MODULE$;
        return new AgnosticEncoders.TransformingEncoder<A, byte[]>(tag, binary, new CodecProvider<>(family.type()),
                false);
    }

    /** Makes the codec where Spark needs it (driver or executor); serialisable with the plan. */
    private static final class CodecProvider<A extends Mergeable<A>> extends AbstractFunction0<Codec<? super A, byte[]>>
            implements Serializable {

        private static final long serialVersionUID = 1L;

        private final Class<A> type;

        CodecProvider(Class<A> type) {
            this.type = type;
        }

        @Override
        public Codec<? super A, byte[]> apply() {
            return new StateCodec<>(type);
        }
    }

    /** The byte form of one family, looked up by class on first use (StateFamily is not serialisable). */
    static final class StateCodec<A extends Mergeable<A>> implements Codec<A, byte[]> {

        private static final long serialVersionUID = 1L;

        private final Class<A> type;
        private transient StateFamily<A> family;

        StateCodec(Class<A> type) {
            this.type = type;
        }

        private StateFamily<A> family() {
            StateFamily<A> f = family;
            if (f == null) {
                f = StateFamily.of(type);
                family = f;
            }
            return f;
        }

        @Override
        public byte[] encode(A state) {
            return state.toByteArray();
        }

        @Override
        public A decode(byte[] bytes) {
            return family().fromByteArray(bytes);
        }
    }
}
