package io.github.cxmetrics.clv;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A cohort's actual and expected repeat purchases per period over calendar time, calibration and
 * holdout together: the tracking plots of Fader, Hardie &amp; Lee (2005, "Counting your customers the
 * easy way", <i>Marketing Science</i> 24(2), Figure 2) and BTYD ({@code PlotTrackingInc},
 * {@code PlotTrackingCum}); made by {@link CalibrationHoldout#tracking(PurchaseModel)}, where the
 * formula is given. Period k (k = 0, 1, …) ends {@link #periodEnds()}{@code [k]} units after
 * {@link #start()}; all periods are one unit long but the last, which ends at the holdout end.
 * Immutable; accessors return copies.
 *
 * @since 0.2.0
 */
public final class PurchaseTracking {

    private final String model;
    private final LocalDate start;
    private final double calibrationEnd;
    private final double[] periodEnds;
    private final long[] actual;
    private final double[] expectedCumulative;

    PurchaseTracking(String model, LocalDate start, double calibrationEnd, double[] periodEnds, long[] actual,
            double[] expectedCumulative) {
        this.model = Objects.requireNonNull(model, "model");
        this.start = Objects.requireNonNull(start, "start");
        this.calibrationEnd = calibrationEnd;
        this.periodEnds = periodEnds.clone();
        this.actual = actual.clone();
        this.expectedCumulative = expectedCumulative.clone();
    }

    /**
     * The model's name.
     *
     * @return the name
     */
    public String model() {
        return model;
    }

    /**
     * The cohort start: the earliest first purchase of the split's customers.
     *
     * @return the date time 0 stands for
     */
    public LocalDate start() {
        return start;
    }

    /**
     * The end of the calibration period, in units after {@link #start()}: later periods are holdout.
     *
     * @return the calibration end
     */
    public double calibrationEnd() {
        return calibrationEnd;
    }

    /**
     * The number of periods.
     *
     * @return the count, {@code >= 1}
     */
    public int periods() {
        return periodEnds.length;
    }

    /**
     * The end of each period, in units after {@link #start()}: 1, 2, …, and the holdout end.
     *
     * @return a new array
     */
    public double[] periodEnds() {
        return periodEnds.clone();
    }

    /**
     * The actual repeat purchase days of each period.
     *
     * @return a new array
     */
    public long[] actualIncremental() {
        return actual.clone();
    }

    /**
     * The actual repeat purchase days up to the end of each period.
     *
     * @return a new array, non-decreasing
     */
    public long[] actualCumulative() {
        long[] c = new long[actual.length];
        long s = 0;
        for (int k = 0; k < actual.length; k++) {
            s += actual[k];
            c[k] = s;
        }
        return c;
    }

    /**
     * The expected repeat purchases up to the end of each period, {@code Σᵢ E[X(t_k − bᵢ)]}.
     *
     * @return a new array
     */
    public double[] expectedCumulative() {
        return expectedCumulative.clone();
    }

    /**
     * The expected repeat purchases of each period, the differences of {@link #expectedCumulative()}.
     *
     * @return a new array
     */
    public double[] expectedIncremental() {
        double[] d = new double[expectedCumulative.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = expectedCumulative[k] - (k == 0 ? 0.0 : expectedCumulative[k - 1]);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PurchaseTracking)) {
            return false;
        }
        PurchaseTracking t = (PurchaseTracking) o;
        return model.equals(t.model) && start.equals(t.start) && Double.compare(calibrationEnd, t.calibrationEnd) == 0
                && Arrays.equals(periodEnds, t.periodEnds) && Arrays.equals(actual, t.actual)
                && Arrays.equals(expectedCumulative, t.expectedCumulative);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, start, calibrationEnd, Arrays.hashCode(periodEnds), Arrays.hashCode(actual),
                Arrays.hashCode(expectedCumulative));
    }

    @Override
    public String toString() {
        int last = periodEnds.length - 1;
        return String.format(Locale.ROOT, "PurchaseTracking[%s, from %s, %d periods, calibration to %.4f,"
                + " cumulative actual %d, expected %.2f]", model, start, periodEnds.length, calibrationEnd,
                actualCumulative()[last], expectedCumulative[last]);
    }
}
