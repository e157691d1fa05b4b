package io.github.cxmetrics.flink;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for a cxmetrics accumulator whose serializer is the byte-form
 * {@link MergeableSerializer}: pass it where Flink asks for an accumulator or state type (for
 * example {@code WindowedStream.aggregate(function, accumulatorType, resultType)}), so the state is
 * not a Kryo {@code GenericType} and jobs run with {@code pipeline.generic-types: false}.
 *
 * <p>An accumulator is an atomic, non-key type (arity 1). Pass this information explicitly rather
 * than registering a {@code TypeInfoFactory} through {@code pipeline.serialization-config}: such a
 * registration is global to the JVM, and a second environment in the same JVM fails with "A
 * TypeInfoFactory for type … is already registered".
 *
 * @param <S> the accumulator type
 * @since 0.2.0
 */
public final class MergeableTypeInfo<S extends Mergeable<S>> extends TypeInformation<S> {

    private static final long serialVersionUID = 1L;

    /** The serializer, serializable and stateless. */
    private final MergeableSerializer<S> serializer;
    /** The accumulator class. */
    private final Class<S> type;

    private MergeableTypeInfo(MergeableSerializer<S> serializer, Class<S> type) {
        this.serializer = serializer;
        this.type = type;
    }

    /**
     * The type information for the accumulators of a template's family and parameters.
     *
     * @param <S> the accumulator type
     * @param template an accumulator (usually empty) with the parameters of the states
     * @return the type information
     * @throws NullPointerException if {@code template} is null
     */
    public static <S extends Mergeable<S>> MergeableTypeInfo<S> of(S template) {
        Objects.requireNonNull(template, "template");
        return new MergeableTypeInfo<>(new MergeableSerializer<>(template), template.family().type());
    }

    /**
     * The type information for a metric's accumulators, with an empty accumulator as template.
     *
     * @param <S> the accumulator type
     * @param metric the metric
     * @return the type information
     * @throws NullPointerException if {@code metric} is null
     */
    public static <S extends Mergeable<S>> MergeableTypeInfo<S> of(Metric<S> metric) {
        Objects.requireNonNull(metric, "metric");
        return of(metric.newAccumulator());
    }

    /**
     * Not a basic type.
     *
     * @return false
     */
    @Override
    public boolean isBasicType() {
        return false;
    }

    /**
     * Not a tuple.
     *
     * @return false
     */
    @Override
    public boolean isTupleType() {
        return false;
    }

    /**
     * An atomic type.
     *
     * @return 1
     */
    @Override
    public int getArity() {
        return 1;
    }

    /**
     * An atomic type.
     *
     * @return 1
     */
    @Override
    public int getTotalFields() {
        return 1;
    }

    /**
     * The accumulator class.
     *
     * @return the class
     */
    @Override
    public Class<S> getTypeClass() {
        return type;
    }

    /**
     * Accumulators are not keys.
     *
     * @return false
     */
    @Override
    public boolean isKeyType() {
        return false;
    }

    /**
     * The byte-form serializer; the configuration is not consulted (no Kryo).
     *
     * @param config unused
     * @return the serializer
     */
    @Override
    public TypeSerializer<S> createSerializer(SerializerConfig config) {
        return serializer;
    }

    /**
     * A readable form, e.g. {@code MergeableTypeInfo[RatingAccumulator]}.
     *
     * @return the form
     */
    @Override
    public String toString() {
        return "MergeableTypeInfo[" + type.getSimpleName() + "]";
    }

    /**
     * Equal when the serializers are (same family and template).
     *
     * @param o the other object
     * @return whether equal
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof MergeableTypeInfo && ((MergeableTypeInfo<?>) o).serializer.equals(serializer);
    }

    /**
     * The serializer's hash.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return serializer.hashCode();
    }

    /**
     * Whether the other object is a {@code MergeableTypeInfo}.
     *
     * @param o the other object
     * @return whether it can be equal to this
     */
    @Override
    public boolean canEqual(Object o) {
        return o instanceof MergeableTypeInfo;
    }
}
