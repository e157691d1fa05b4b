package io.github.cxmetrics.internal.format;

import io.github.cxmetrics.clv.RfmAccumulator;
import io.github.cxmetrics.csi.KanoAccumulator;
import io.github.cxmetrics.retention.CohortAccumulator;
import io.github.cxmetrics.retention.KaplanMeierAccumulator;
import io.github.cxmetrics.service.QuantileSketch;
import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.util.List;

/** The state families of {@code metrics-core}, for {@link StateFamily#byId(int)}. */
public final class CoreStateFamilies implements StateFamily.Provider {

    /** For {@link java.util.ServiceLoader}. */
    public CoreStateFamilies() {
    }

    @Override
    public List<StateFamily<?>> families() {
        return List.of(
                RatingAccumulator.FAMILY,
                MeanAccumulator.FAMILY,
                KaplanMeierAccumulator.FAMILY,
                CohortAccumulator.FAMILY,
                RfmAccumulator.FAMILY,
                KanoAccumulator.FAMILY,
                QuantileSketch.FAMILY);
    }
}
