package io.github.cxmetrics.servqual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SERVQUAL reproducers of the round-2 reliability report (rows 5, 6, 10, 23, 24, 32) and of the
 * code review (Appendix P2, P3), each a test that failed on commit 2c0fc1a.
 */
class ServqualRegressionTest {

    /**
     * Ten respondents' perceptions of the five RELIABILITY items (5–9) on 1..7. They were found by a
     * random search for a data set whose alpha is the 0.9648808457265723 of Appendix P2; the value
     * is checked independently with exact fractions:
     * <pre>
     * from fractions import Fraction as F
     * rows = [[4,4,4,4,3],[7,5,6,5,6],[4,6,4,5,5],[3,3,4,3,4],[2,2,2,1,2],
     *         [2,1,3,3,2],[4,3,3,3,3],[6,6,6,6,7],[2,3,2,2,2],[6,5,4,5,6]]
     * n, k = len(rows), 5
     * A = sum(n*sum(r[i]**2 for r in rows) - sum(r[i] for r in rows)**2 for i in range(k))  # 1273
     * T = [sum(r) for r in rows]
     * B = n*sum(t*t for t in T) - sum(T)**2                                                  # 5581
     * a = F(k, k-1)*(1 - F(A, B)); print(a, repr(float(a)))   # 5385/5581 0.9648808457265723
     * </pre>
     * Duplicating every respondent multiplies both n·Σx² − (Σx)² sums by 4, so alpha is the same
     * rational number at every doubling.
     */
    static final int[][] RELIABILITY_P = {{4, 4, 4, 4, 3}, {7, 5, 6, 5, 6}, {4, 6, 4, 5, 5}, {3, 3, 4, 3, 4},
        {2, 2, 2, 1, 2}, {2, 1, 3, 3, 2}, {4, 3, 3, 3, 3}, {6, 6, 6, 6, 7}, {2, 3, 2, 2, 2}, {6, 5, 4, 5, 6}};
    static final double P2_ALPHA = 0.9648808457265723;

    static ServqualAccumulator p2State() {
        ServqualAccumulator acc = new ServqualAccumulator(Instrument.servqual22(), Scale.ONE_TO_SEVEN);
        for (int[] row : RELIABILITY_P) {
            int[] e = new int[22];
            int[] p = new int[22];
            Arrays.fill(e, 6);
            Arrays.fill(p, 4);
            System.arraycopy(row, 0, p, 4, 5);
            acc.add(Respondent.of(e, p));
        }
        return acc;
    }

    @Test
    void alphaStaysExactUnderSelfMergeToTrillionsOfRespondents() {
        ServqualAccumulator acc = p2State();
        assertThat(acc.snapshot().cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION)).isEqualTo(P2_ALPHA);
        for (int doubling = 1; doubling <= 40; doubling++) {
            acc.merge(acc);
            assertThat(acc.respondents()).isEqualTo(10L << doubling);
            assertThat(acc.snapshot().cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION))
                    .as("alpha after %d doublings", doubling).isEqualTo(P2_ALPHA);
        }
        // and the state still reads back
        assertThat(ServqualAccumulator.fromByteArray(acc.toByteArray()).snapshot()
                .cronbachAlpha(Dimension.RELIABILITY, Measure.PERCEPTION)).isEqualTo(P2_ALPHA);
    }

    @Test
    void aRespondentCountAtLongMaxRejectsAddAndMergeWithoutChangingState() {
        ServqualAccumulator forged = p2State();
        forged.respondents = Long.MAX_VALUE;
        ServqualAccumulator acc = ServqualAccumulator.fromByteArray(forged.toByteArray());
        byte[] before = acc.toByteArray();
        int[] four = new int[22];
        Arrays.fill(four, 4);
        assertThatThrownBy(() -> acc.add(Respondent.of(four, four))).isInstanceOf(ArithmeticException.class)
                .hasMessage("respondent count overflow: 9223372036854775807 + 1 exceeds Long.MAX_VALUE");
        assertThat(acc.toByteArray()).isEqualTo(before);
        ServqualAccumulator ten = p2State();
        assertThatThrownBy(() -> acc.merge(ten)).isInstanceOf(ArithmeticException.class)
                .hasMessage("respondent count overflow: 9223372036854775807 + 10 exceeds Long.MAX_VALUE");
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    private static Instrument twoDimensions() {
        Map<Dimension, int[]> map = new EnumMap<>(Dimension.class);
        map.put(Dimension.TANGIBLES, new int[] {1, 2});
        map.put(Dimension.RELIABILITY, new int[] {3, 4});
        return Instrument.of(4, map);
    }

    @Test
    void importancePointsOnDimensionsOutsideTheInstrumentAreRejected() {
        ServqualAccumulator acc = new ServqualAccumulator(twoDimensions(), Scale.ONE_TO_SEVEN);
        Respondent gapsOfMinusTwo = Respondent.of(new int[] {6, 6, 6, 6}, new int[] {4, 4, 4, 4});
        acc.add(gapsOfMinusTwo.withImportance(40, 60, 0, 0, 0));
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.add(gapsOfMinusTwo.withImportance(20, 20, 20, 20, 20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("importance points 20.0 for RESPONSIVENESS, a dimension the instrument does not use "
                        + "(its dimensions are [TANGIBLES, RELIABILITY]); give such dimensions 0 points");
        assertThat(acc.toByteArray()).isEqualTo(before);
        acc.add(gapsOfMinusTwo.withImportance(60, 40, 0, 0, 0));
        ServqualReport r = acc.snapshot();
        // every gap is −2 and the weights (0.5, 0.5) sum to 1: the weighted score is −2 as well
        assertThat(r.unweightedScore()).isEqualTo(-2.0);
        assertThat(r.weightedScore()).isEqualTo(-2.0);
        assertThat(r.perRespondentWeightedScore()).isEqualTo(-2.0);
        assertThat(r.importanceWeight(Dimension.TANGIBLES)).isEqualTo(0.5);
        assertThatThrownBy(() -> r.importanceWeight(Dimension.EMPATHY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dimension EMPATHY is not in the instrument, whose dimensions are [TANGIBLES, RELIABILITY]");
    }

    @Test
    void aScaleContainingTheMissingMarkerIsRejected() {
        Scale low = Scale.of(Integer.MIN_VALUE, Integer.MIN_VALUE + 6);
        assertThatThrownBy(() -> new ServqualAccumulator(Instrument.servqual22(), low))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale -2147483648..-2147483642 contains Respondent.MISSING (-2147483648), the marker of "
                        + "an unanswered item; use a scale above Integer.MIN_VALUE");
        // one point higher is fine, and its lowest rating counts
        Scale ok = Scale.of(Integer.MIN_VALUE + 1, Integer.MIN_VALUE + 7);
        ServqualAccumulator acc = new ServqualAccumulator(twoDimensions(), ok);
        int lo = Integer.MIN_VALUE + 1;
        acc.add(Respondent.of(new int[] {lo + 2, lo + 2, lo + 2, lo + 2}, new int[] {lo, lo, lo, lo}));
        assertThat(acc.snapshot().itemGapMean(1)).isEqualTo(-2.0);
    }

    @Test
    void nullArgumentsAreNamed() {
        ServqualReport r = p2State().snapshot();
        assertThatThrownBy(() -> r.dimensionGap(null)).isInstanceOf(NullPointerException.class).hasMessage("dimension");
        assertThatThrownBy(() -> r.dimensionPerception(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dimension");
        assertThatThrownBy(() -> r.importanceWeight(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("dimension");
        assertThatThrownBy(() -> r.zonePosition(null)).isInstanceOf(NullPointerException.class).hasMessage("dimension");
        assertThatThrownBy(() -> r.cronbachAlpha(null, Measure.PERCEPTION)).isInstanceOf(NullPointerException.class)
                .hasMessage("dimension");
        assertThatThrownBy(() -> r.cronbachAlpha(Dimension.RELIABILITY, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("measure");
        ServqualAccumulator acc = p2State();
        assertThatThrownBy(() -> acc.add(null)).isInstanceOf(NullPointerException.class).hasMessage("respondent");
        assertThatThrownBy(() -> acc.merge(null)).isInstanceOf(NullPointerException.class).hasMessage("other");
    }

    /**
     * Appendix P3 / row 5 (finding #5): a crafted state of about 1 kB made the reader allocate for
     * the 1000 items its header claimed (40 MB in the report). The reader now computes the payload
     * length from the item count and the dimension ids and compares it with the payload before it
     * allocates anything else. For 1000 TANGIBLES items that length is, from the table of the class
     * documentation, 22 + 1000 + 5 + 5·1 + 56·(5·1000 + 8·1 + 1) + 8·5·(3·1 + 4·1000)
     * = 1032 + 280 504 + 160 120 = 441 656 bytes.
     */
    @Test
    void anOversizedHeaderIsRejectedBeforeAnyAllocation() throws ReflectiveOperationException {
        // a header claiming 1000 items, all TANGIBLES (the 1000 dimension-id bytes stay 0), then nothing
        byte[] forged = ServqualFrames.servqual(ServqualFrames.payload().i32(1000).bytes(new byte[1000]).toArray());
        assertThat(forged).hasSize(1020);
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: 1000 items (TANGIBLES 1000) need a payload of 441656 bytes, had 1004");
        // a header claiming 1000 items and not even their dimension ids
        byte[] shorter = ServqualFrames.servqual(ServqualFrames.payload().i32(1000).i64(0).toArray());
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(shorter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the dimension ids of 1000 items need 1000 bytes, the payload has 8 left");

        // what the reader allocates, measured per thread (HotSpot's com.sun.management.ThreadMXBean,
        // reached by reflection since this module does not read jdk.management)
        Allocation allocation = Allocation.current();
        assumeTrue(allocation != null, "per-thread allocation counting is not available on this JVM");
        ServqualAccumulator big = new ServqualAccumulator(Instrument.of(1000,
                Map.of(Dimension.TANGIBLES, java.util.stream.IntStream.rangeClosed(1, 1000).toArray())), Scale.ONE_TO_SEVEN);
        byte[] genuine = big.toByteArray();
        assertThat(genuine).hasSize(441656 + 16);
        long read = Long.MAX_VALUE;
        long rejected = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) { // the least of a few rounds: class loading and JIT out of the way
            long before = allocation.bytes();
            ServqualAccumulator.fromByteArray(genuine);
            read = Math.min(read, allocation.bytes() - before);
            before = allocation.bytes();
            try {
                ServqualAccumulator.fromByteArray(forged);
            } catch (IllegalArgumentException expected) {
                rejected = Math.min(rejected, allocation.bytes() - before);
            }
        }
        // reading the genuine 1000-item state allocates its 6 001 mean states and the alpha sums
        // (hundreds of kB); rejecting the 1 kB forgery allocates the 1000 ids (4 kB), the message
        // and the exception, far less than the 40 MB of the report and less than 32 times its input
        assertThat(read).isGreaterThan(300_000L);
        assertThat(rejected).isLessThan(32L * forged.length);
    }

    /** The bytes the current thread has allocated, through com.sun.management.ThreadMXBean. */
    private static final class Allocation {
        private final Object bean;
        private final java.lang.reflect.Method method;

        private Allocation(Object bean, java.lang.reflect.Method method) {
            this.bean = bean;
            this.method = method;
        }

        static Allocation current() throws ReflectiveOperationException {
            Class<?> api;
            try {
                api = Class.forName("com.sun.management.ThreadMXBean");
            } catch (ClassNotFoundException absent) {
                return null;
            }
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            if (!api.isInstance(bean) || !(Boolean) api.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                return null;
            }
            api.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(bean, true);
            return new Allocation(bean, api.getMethod("getCurrentThreadAllocatedBytes"));
        }

        long bytes() throws ReflectiveOperationException {
            return (Long) method.invoke(bean);
        }
    }

    @Test
    void aForgedMeanOutsideTheScaleIsRejected() {
        ServqualAccumulator acc = new ServqualAccumulator(twoDimensions(), Scale.ONE_TO_FIVE);
        acc.add(Respondent.of(new int[] {3, 3, 3, 3}, new int[] {4, 4, 4, 4}));
        acc.add(Respondent.of(new int[] {3, 3, 3, 3}, new int[] {5, 5, 5, 5}));
        MeanAccumulator forged = new MeanAccumulator();
        forged.add(9.33);
        forged.add(9.33);
        acc.itemPerception[0] = forged; // what one bit flip in row 6 produced
        byte[] bytes = acc.toByteArray();
        assertThatThrownBy(() -> ServqualAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt servqual state: the mean perception of item 1 is 9.33, outside scale 1..5");
    }
}
