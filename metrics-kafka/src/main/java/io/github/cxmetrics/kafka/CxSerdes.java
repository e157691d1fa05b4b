package io.github.cxmetrics.kafka;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;

/**
 * Factories of the Kafka serdes of cxmetrics states.
 *
 * <pre>{@code
 * Serde<RatingAccumulator> npsState = CxSerdes.state(RatingAccumulator.FAMILY);
 * Serde<MeanAccumulator> meanState = CxSerdes.state(MeanAccumulator.class);
 * }</pre>
 *
 * @since 0.2.0
 */
public final class CxSerdes {

    private CxSerdes() {
    }

    /**
     * The serde of a family's states on their byte form; see {@link StateSerde}.
     *
     * @param <S> the state type
     * @param family the family, e.g. {@code RatingAccumulator.FAMILY} or {@code metric.family()}
     * @return a new serde (stateless and thread-safe, so one may be shared)
     * @throws NullPointerException if {@code family} is null
     */
    public static <S extends Mergeable<S>> StateSerde<S> state(StateFamily<S> family) {
        return new StateSerde<>(family);
    }

    /**
     * The serde of the states of a state class, found through {@link StateFamily#of(Class)}.
     *
     * @param <S> the state type
     * @param type the state class, e.g. {@code RatingAccumulator.class}
     * @return a new serde
     * @throws NullPointerException if {@code type} is null
     * @throws IllegalArgumentException if the class is not the state class of a cxmetrics module present
     */
    public static <S extends Mergeable<S>> StateSerde<S> state(Class<S> type) {
        return new StateSerde<>(StateFamily.of(type));
    }
}
