package io.github.cxmetrics.servqual.internal;

import io.github.cxmetrics.servqual.ServqualAccumulator;
import io.github.cxmetrics.stats.StateFamily;
import java.util.List;

/**
 * The state families of {@code metrics-servqual}, for {@link StateFamily#byId(int)}: found by
 * {@link java.util.ServiceLoader} (module-info {@code provides}, and a {@code META-INF/services}
 * entry for the class path). Not exported: not part of the API.
 */
public final class ServqualStateFamilies implements StateFamily.Provider {

    /** For {@link java.util.ServiceLoader}. */
    public ServqualStateFamilies() {
    }

    /**
     * The SERVQUAL family, id 16.
     *
     * @return {@link ServqualAccumulator#FAMILY}
     */
    @Override
    public List<StateFamily<?>> families() {
        return List.of(ServqualAccumulator.FAMILY);
    }
}
