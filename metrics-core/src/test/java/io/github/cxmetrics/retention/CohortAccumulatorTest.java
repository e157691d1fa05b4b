package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import io.github.cxmetrics.internal.format.TestFrames;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Examples, rejected input and the binary form of {@link CohortAccumulator}. The example table is
 * tallied by hand in the comments; the expected bytes are built field by field with
 * {@link TestFrames} from the layout documented on the class, not by the writer. Every rejection
 * asserts the exception type, its message and that the state did not change (its bytes are the same).
 */
class CohortAccumulatorTest {

    /*
     * lastPeriod 3, so cohorts 0..3 with 4, 3, 2, 1 observed columns.
     *   cohort 0: 5 customers active 1, 2, 4, 4, 3 periods
     *   cohort 1: 3 customers active 1, 3, 3
     *   cohort 2: 2 customers active 2, 1
     *   cohort 3: none
     * active(c, j) = customers of c with more than j active periods:
     *   cohort 0: j=0: 5; j=1: {2,4,4,3} = 4; j=2: {4,4,3} = 3; j=3: {4,4} = 2
     *   cohort 1: 3; {3,3} = 2; {3,3} = 2
     *   cohort 2: 2; {2} = 1
     *   cohort 3: 0
     * average(j) = Σ active / Σ size over the cohorts that reached column j:
     *   j=0: 10/10 = 1; j=1 (cohorts 0..2): (4 + 2 + 1)/10 = 0.7; j=2 (0..1): (3 + 2)/8 = 0.625;
     *   j=3 (0): 2/5 = 0.4
     * cells (cohort, activePeriods, customers), ascending:
     *   (0,1,1) (0,2,1) (0,3,1) (0,4,2) (1,1,1) (1,3,2) (2,1,1) (2,2,1) — 8 cells
     */
    static final int[] COHORTS = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
    static final int[] PERIODS = {1, 2, 4, 4, 3, 1, 3, 3, 2, 1};

    static byte[] expectedBytes() {
        int[][] cells = {{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 2}, {1, 1, 1}, {1, 3, 2}, {2, 1, 1}, {2, 2, 1}};
        TestFrames.Payload p = TestFrames.payload().i32(3).i32(cells.length);
        for (int[] cell : cells) {
            p.i32(cell[0]).i32(cell[1]).i64(cell[2]);
        }
        return TestFrames.frame(4, 1, 0, p.toArray());
    }

    static CohortAccumulator example() {
        CohortAccumulator acc = new CohortAccumulator(3);
        acc.addAll(COHORTS, PERIODS);
        return acc;
    }

    static void assertIsTheExample(CohortTable t) {
        assertThat(t.cohorts()).isEqualTo(4);
        assertThat(new long[] {t.active(0, 0), t.active(0, 1), t.active(0, 2), t.active(0, 3)})
                .containsExactly(5, 4, 3, 2);
        assertThat(new long[] {t.active(1, 0), t.active(1, 1), t.active(1, 2)}).containsExactly(3, 2, 2);
        assertThat(new long[] {t.active(2, 0), t.active(2, 1)}).containsExactly(2, 1);
        assertThat(t.active(3, 0)).isZero();
        assertThat(new long[] {t.size(0), t.size(1), t.size(2), t.size(3)}).containsExactly(5, 3, 2, 0);
        assertThat(t.retention(0, 3)).isEqualTo(0.4);
        assertThat(t.retention(1, 1)).isCloseTo(2.0 / 3.0, within(1e-15));
        assertThat(t.retention(2, 1)).isEqualTo(0.5);
        assertThatThrownBy(() -> t.retention(3, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("cohort 3 has no customers: its retention is undefined");
        assertThat(t.averageCurve()).containsExactly(new double[] {1.0, 0.7, 0.625, 0.4}, within(1e-15));
    }

    @Test
    void handTalliedExampleAlongEveryPath() {
        CohortAccumulator batch = example();

        CohortAccumulator oneByOne = new CohortAccumulator(3);
        for (int i = COHORTS.length - 1; i >= 0; i--) {
            oneByOne.add(COHORTS[i], PERIODS[i]);
        }
        CohortAccumulator counted = new CohortAccumulator(3);
        counted.add(0, 4, 2);
        counted.add(1, 3, 2);
        counted.add(0, 1, 1);
        counted.add(0, 2, 1);
        counted.add(0, 3, 1);
        counted.add(1, 1, 1);
        counted.add(2, 2, 1);
        counted.add(2, 1, 1);
        counted.add(3, 1, 0); // no customers: no cell
        CohortAccumulator merged = new CohortAccumulator(3);
        merged.addAll(Arrays.copyOfRange(COHORTS, 0, 4), Arrays.copyOfRange(PERIODS, 0, 4));
        CohortAccumulator rest = new CohortAccumulator(3);
        rest.addAll(Arrays.copyOfRange(COHORTS, 4, 10), Arrays.copyOfRange(PERIODS, 4, 10));
        merged.merge(rest);

        CohortTable of = CohortTable.of(COHORTS, PERIODS, 3);
        assertIsTheExample(of);
        for (CohortAccumulator acc : List.of(batch, oneByOne, counted, merged)) {
            assertThat(acc.customers()).isEqualTo(10);
            assertThat(acc.lastPeriod()).isEqualTo(3);
            assertThat(acc.toString()).isEqualTo("CohortAccumulator[lastPeriod=3, customers=10, cells=8]");
            assertIsTheExample(acc.snapshot());
            assertThat(acc.snapshot()).isEqualTo(of).hasSameHashCodeAs(of);
            assertThat(acc.toByteArray()).isEqualTo(expectedBytes());
            assertThat(acc.serializedSize()).isEqualTo(16 + 8 + 16 * 8);
        }
        assertThat(rest.customers()).isEqualTo(6); // the merged-in accumulator is unchanged
    }

    @Test
    void collectorGivesTheSameTableSequentialParallelAndGrouped() {
        record Customer(String region, int cohort, int activePeriods) {
        }
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < COHORTS.length; i++) {
            customers.add(new Customer("north", COHORTS[i], PERIODS[i]));
            customers.add(new Customer("south", COHORTS[i], PERIODS[i]));
        }
        CohortTable once = Stream.of(customers.get(0), customers.get(2))
                .collect(CohortTable.collector(3, Customer::cohort, Customer::activePeriods));
        assertThat(once).isEqualTo(CohortTable.of(new int[] {0, 0}, new int[] {1, 2}, 3));
        Map<String, CohortTable> byRegion = customers.parallelStream().collect(Collectors.groupingBy(Customer::region,
                CohortAccumulator.collector(3, Customer::cohort, Customer::activePeriods)));
        assertThat(byRegion).hasSize(2);
        assertIsTheExample(byRegion.get("north"));
        assertThat(byRegion.get("south")).isEqualTo(CohortTable.of(COHORTS, PERIODS, 3));
        assertThatThrownBy(() -> CohortTable.collector(-1, Customer::cohort, Customer::activePeriods))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("lastPeriod must be in 0..100000, was -1");
        assertThatThrownBy(() -> CohortAccumulator.collector(3, null, Customer::activePeriods))
                .isInstanceOf(NullPointerException.class).hasMessage("cohort");
        assertThatThrownBy(() -> Stream.of(new Customer("x", 4, 1))
                .collect(CohortTable.collector(3, Customer::cohort, Customer::activePeriods)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cohort 4 must be in 0..3");
    }

    @Test
    void mergingWithItselfDoublesEveryCount() {
        CohortAccumulator twice = example();
        twice.addAll(COHORTS, PERIODS);
        CohortAccumulator self = example();
        assertThat(self.merge(self)).isSameAs(self);
        assertThat(self.toByteArray()).isEqualTo(twice.toByteArray());
        assertThat(self.customers()).isEqualTo(20);
        assertThat(self.snapshot().active(0, 3)).isEqualTo(4);
    }

    @Test
    void countsBeyondIntAreExact() {
        // 3 000 000 000 customers of cohort 0 active 1 period, 2 000 000 000 active 2 (lastPeriod 1):
        // size(0) = 5e9, active(0, 1) = 2e9, retention 0.4; cohort 1 has 1e9 customers:
        // average(1) = 2e9/5e9 (cohort 0 only)
        CohortAccumulator acc = new CohortAccumulator(1);
        acc.add(0, 1, 3_000_000_000L);
        acc.add(0, 2, 2_000_000_000L);
        acc.add(1, 1, 1_000_000_000L);
        CohortTable t = acc.snapshot();
        assertThat(t.size(0)).isEqualTo(5_000_000_000L);
        assertThat(t.active(0, 1)).isEqualTo(2_000_000_000L);
        assertThat(t.size(1)).isEqualTo(1_000_000_000L);
        assertThat(t.retention(0, 1)).isEqualTo(0.4);
        assertThat(t.averageCurve()).containsExactly(1.0, 0.4);
        assertThat(CohortAccumulator.fromByteArray(acc.toByteArray()).snapshot()).isEqualTo(t);
    }

    @Test
    void badRecordsAreRejectedAndChangeNothing() {
        assertThatThrownBy(() -> new CohortAccumulator(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastPeriod must be in 0..100000, was -1");
        assertThatThrownBy(() -> new CohortAccumulator(100_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lastPeriod must be in 0..100000, was 100001");
        CohortAccumulator acc = example();
        byte[] before = acc.toByteArray();
        assertRejected(acc, before, a -> a.add(4, 1), IllegalArgumentException.class, "cohort 4 must be in 0..3");
        assertRejected(acc, before, a -> a.add(-1, 1), IllegalArgumentException.class, "cohort -1 must be in 0..3");
        assertRejected(acc, before, a -> a.add(1, 4), IllegalArgumentException.class,
                "activePeriods 4 must be in 1..3 for cohort 1");
        assertRejected(acc, before, a -> a.add(3, 0), IllegalArgumentException.class,
                "activePeriods 0 must be in 1..1 for cohort 3");
        assertRejected(acc, before, a -> a.add(0, 1, -1), IllegalArgumentException.class,
                "customers must be >= 0, was -1");
        assertRejected(acc, before, a -> a.add(0, 5, 0), IllegalArgumentException.class,
                "activePeriods 5 must be in 1..4 for cohort 0");
        // the first two records are valid, the batch is rejected whole
        assertRejected(acc, before, a -> a.addAll(new int[] {0, 1, 5}, new int[] {1, 1, 1}),
                IllegalArgumentException.class, "cohort 5 at index 2 must be in 0..3");
        assertRejected(acc, before, a -> a.addAll(new int[] {0, 2}, new int[] {1, 3}),
                IllegalArgumentException.class, "activePeriods 3 at index 1 must be in 1..2 for cohort 2");
        assertRejected(acc, before, a -> a.addAll(new int[] {0, 1}, new int[] {1}), IllegalArgumentException.class,
                "cohorts has 2 records but activePeriods has 1");
        assertRejected(acc, before, a -> a.addAll(null, new int[0]), NullPointerException.class, "cohorts");
        assertRejected(acc, before, a -> a.addAll(new int[0], null), NullPointerException.class, "activePeriods");
        assertRejected(acc, before, a -> a.merge(new CohortAccumulator(2)), IllegalArgumentException.class,
                "cannot merge: lastPeriod 3 vs 2");
        assertRejected(acc, before, a -> a.merge(null), NullPointerException.class, "other");
        // the same messages as CohortTable.of
        assertThatThrownBy(() -> CohortTable.of(new int[] {0, 1, 5}, new int[] {1, 1, 1}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cohort 5 at index 2 must be in 0..3");
    }

    @Test
    void countOverflowIsRejectedAndChangesNothing() {
        CohortAccumulator full = new CohortAccumulator(2);
        full.add(1, 2, Long.MAX_VALUE - 1);
        byte[] before = full.toByteArray();
        String message = "count overflow: 9223372036854775806 + 2 customers exceeds Long.MAX_VALUE";
        assertRejected(full, before, a -> a.add(0, 1, 2), ArithmeticException.class, message);
        assertRejected(full, before, a -> a.addAll(new int[] {0, 2}, new int[] {3, 1}), ArithmeticException.class,
                message);
        CohortAccumulator two = new CohortAccumulator(2);
        two.add(0, 1, 2);
        assertRejected(full, before, a -> a.merge(two), ArithmeticException.class, message);
        assertRejected(full, before, a -> a.merge(a), ArithmeticException.class,
                "count overflow: 9223372036854775806 + 9223372036854775806 customers exceeds Long.MAX_VALUE");
        full.add(0, 1); // exactly Long.MAX_VALUE is allowed
        assertThat(full.customers()).isEqualTo(Long.MAX_VALUE);
        assertThat(full.snapshot().size(1)).isEqualTo(Long.MAX_VALUE - 1);
        assertThat(CohortAccumulator.fromByteArray(full.toByteArray()).customers()).isEqualTo(Long.MAX_VALUE);
    }

    private static void assertRejected(CohortAccumulator acc, byte[] before, Consumer<CohortAccumulator> call,
            Class<? extends RuntimeException> type, String message) {
        assertThatThrownBy(() -> call.accept(acc)).isInstanceOf(type).hasMessage(message);
        assertThat(acc.toByteArray()).isEqualTo(before);
    }

    @Test
    void emptyAccumulatorGivesTheEmptyTable() {
        CohortAccumulator empty = new CohortAccumulator(5);
        CohortTable t = empty.snapshot();
        assertThat(t).isEqualTo(CohortTable.of(new int[0], new int[0], 5)).hasSameHashCodeAs(
                CohortTable.of(new int[0], new int[0], 5));
        assertThat(t.cohorts()).isEqualTo(6);
        assertThat(t.size(0)).isZero();
        assertThat(t.active(0, 5)).isZero();
        assertThatThrownBy(t::averageCurve).isInstanceOf(IllegalStateException.class)
                .hasMessage("the table has no customers");
        assertThat(empty.customers()).isZero();
        // header 16 + lastPeriod 5 + m 0
        assertThat(empty.toByteArray()).isEqualTo(TestFrames.frame(4, 1, 0, TestFrames.payload().i32(5).i32(0).toArray()))
                .hasSize(24);
        assertThat(new CohortAccumulator(0).snapshot()).isEqualTo(CohortTable.of(new int[0], new int[0], 0))
                .isNotEqualTo(t);
    }

    @Test
    void snapshotIsIndependentOfLaterAdds() {
        CohortAccumulator acc = example();
        CohortTable t = acc.snapshot();
        acc.add(3, 1);
        acc.add(0, 4, 10);
        assertIsTheExample(t);
        assertThat(acc.snapshot()).isNotEqualTo(t);
        assertThat(acc.snapshot().size(3)).isEqualTo(1);
    }

    @Test
    void theFamilyIsRegisteredAsFourCohort() {
        StateFamily<?> family = StateFamily.byId(4);
        assertThat(family).isSameAs(CohortAccumulator.FAMILY).isSameAs(StateFamily.of(CohortAccumulator.class));
        assertThat(family.name()).isEqualTo("cohort");
        assertThat(family.version()).isEqualTo(1);
        assertThat(family.type()).isEqualTo(CohortAccumulator.class);
        assertThat(family.toString()).isEqualTo("StateFamily[4 cohort v1]");
        assertThat(example().family()).isSameAs(CohortAccumulator.FAMILY);
        Mergeable<?> read = StateFamily.read(expectedBytes());
        assertThat(read).isInstanceOf(CohortAccumulator.class);
        assertIsTheExample(((CohortAccumulator) read).snapshot());
        assertThat(StateFamily.all()).contains(CohortAccumulator.FAMILY);
    }

    @Test
    void readsTheDocumentedLayoutAndRoundTrips() {
        CohortAccumulator read = CohortAccumulator.fromByteArray(expectedBytes());
        assertIsTheExample(read.snapshot());
        assertThat(read.customers()).isEqualTo(10);
        assertThat(read.toByteArray()).isEqualTo(expectedBytes());
        // a read accumulator keeps accumulating and merging like any other
        read.merge(example()).add(3, 1);
        CohortAccumulator direct = example();
        direct.addAll(COHORTS, PERIODS);
        direct.add(3, 1);
        assertThat(read.toByteArray()).isEqualTo(direct.toByteArray());
    }

    /** A frame of family 4, version 1, flags 0 around a payload. */
    private static byte[] forged(TestFrames.Payload payload) {
        return TestFrames.frame(4, 1, 0, payload.toArray());
    }

    private static TestFrames.Payload cells(int lastPeriod, long[]... cells) {
        TestFrames.Payload p = TestFrames.payload().i32(lastPeriod).i32(cells.length);
        for (long[] c : cells) {
            p.i32((int) c[0]).i32((int) c[1]).i64(c[2]);
        }
        return p;
    }

    private static void assertCorrupt(byte[] bytes, String message) {
        assertThatThrownBy(() -> CohortAccumulator.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        assertThatThrownBy(() -> CohortAccumulator.fromByteBuffer(buf)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
        assertThat(buf.position()).isZero();
    }

    @Test
    void forgedPayloadsAreRejectedWithAMessage() {
        // a well-formed forgery is accepted: the checks below are what rejects the others
        assertThat(CohortAccumulator.fromByteArray(forged(cells(2, new long[] {0, 3, 7}, new long[] {2, 1, 1})))
                .snapshot()).isEqualTo(CohortTable.of(new int[] {0, 0, 0, 0, 0, 0, 0, 2},
                        new int[] {3, 3, 3, 3, 3, 3, 3, 1}, 2));
        assertCorrupt(forged(cells(100_001)), "corrupt cohort state: lastPeriod 100001 is outside 0..100000");
        assertCorrupt(forged(cells(-1)), "corrupt cohort state: lastPeriod -1 is outside 0..100000");
        assertCorrupt(forged(TestFrames.payload().i32(2).i32(2).i32(0).i32(1).i64(1)),
                "corrupt cohort state: a cell count of 2 needs 32 bytes of cells, the payload has 16");
        assertCorrupt(forged(TestFrames.payload().i32(2).i32(0).i32(0).i32(1).i64(1)),
                "corrupt cohort state: a cell count of 0 needs 0 bytes of cells, the payload has 16");
        assertCorrupt(forged(TestFrames.payload().i32(2).i32(-1)),
                "corrupt cohort state: cell count -1 is negative");
        // rejected before allocating for 2^31 − 1 cells
        assertCorrupt(forged(TestFrames.payload().i32(2).i32(Integer.MAX_VALUE).i32(0).i32(1).i64(1)),
                "corrupt cohort state: a cell count of 2147483647 needs 34359738352 bytes of cells, the payload has 16");
        assertCorrupt(forged(TestFrames.payload().i32(2).i32(1).i32(0).i32(1)),
                "corrupt cohort state: a cell count of 1 needs 16 bytes of cells, the payload has 8");
        assertCorrupt(forged(cells(2, new long[] {3, 1, 1})),
                "corrupt cohort state: cell 0: cohort 3 must be in 0..2");
        assertCorrupt(forged(cells(2, new long[] {-1, 1, 1})),
                "corrupt cohort state: cell 0: cohort -1 must be in 0..2");
        assertCorrupt(forged(cells(2, new long[] {0, 1, 1}, new long[] {1, 3, 1})),
                "corrupt cohort state: cell 1: activePeriods 3 must be in 1..2 for cohort 1");
        assertCorrupt(forged(cells(2, new long[] {0, 0, 1})),
                "corrupt cohort state: cell 0: activePeriods 0 must be in 1..3 for cohort 0");
        assertCorrupt(forged(cells(2, new long[] {0, 1, 0})),
                "corrupt cohort state: cell 0: customers 0 must be >= 1 (cells without customers are left out)");
        assertCorrupt(forged(cells(2, new long[] {0, 1, -5})),
                "corrupt cohort state: cell 0: customers -5 must be >= 1 (cells without customers are left out)");
        assertCorrupt(forged(cells(2, new long[] {0, 2, 1}, new long[] {0, 1, 1})),
                "corrupt cohort state: cell 1 (0, 1) does not follow (0, 2): cells must be in strictly ascending "
                        + "(cohort, activePeriods) order");
        assertCorrupt(forged(cells(2, new long[] {1, 1, 1}, new long[] {0, 3, 1})),
                "corrupt cohort state: cell 1 (0, 3) does not follow (1, 1): cells must be in strictly ascending "
                        + "(cohort, activePeriods) order");
        assertCorrupt(forged(cells(2, new long[] {0, 1, 4}, new long[] {0, 1, 4})),
                "corrupt cohort state: cell 1 (0, 1) does not follow (0, 1): cells must be in strictly ascending "
                        + "(cohort, activePeriods) order");
        assertCorrupt(forged(cells(2, new long[] {0, 1, Long.MAX_VALUE / 2 + 1}, new long[] {0, 2, Long.MAX_VALUE / 2 + 1})),
                "corrupt cohort state: the customers of the cells sum to more than Long.MAX_VALUE");
        assertCorrupt(TestFrames.frame(4, 1, 1, cells(2).toArray()), "corrupt cohort state: unknown flags 0x1");
        assertCorrupt(TestFrames.frame(4, 2, 0, cells(2).toArray()),
                "unsupported cohort state format version 2, this library reads versions 1..1");
        assertCorrupt(TestFrames.frame(2, 1, 0, cells(2).toArray()),
                "not a cohort state: its family id is 2, a cohort state has 4");
        byte[] crc = expectedBytes();
        crc[20] ^= 1;
        assertThatThrownBy(() -> CohortAccumulator.fromByteArray(crc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt cohort state: CRC-32C");
        byte[] trailing = Arrays.copyOf(expectedBytes(), expectedBytes().length + 1);
        assertThatThrownBy(() -> CohortAccumulator.fromByteArray(trailing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt cohort state");
        assertThatThrownBy(() -> CohortAccumulator.fromByteArray(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] good = expectedBytes();
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> CohortAccumulator.fromByteArray(cut)).as("length %d", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cohort state");
            ByteBuffer buf = ByteBuffer.wrap(good, 0, length);
            assertThatThrownBy(() -> CohortAccumulator.fromByteBuffer(buf)).as("buffer of %d", length)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(buf.position()).isZero();
        }
        // and a frame whose declared payload is cut, resealed so that only the layout can catch it
        byte[] payload = TestFrames.payload(good);
        for (int length = 0; length < payload.length; length++) {
            byte[] frame = TestFrames.frame(4, 1, 0, Arrays.copyOf(payload, length));
            assertThatThrownBy(() -> CohortAccumulator.fromByteArray(frame)).as("payload of %d", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("corrupt cohort state: ");
        }
    }

    @Test
    void writesAndReadsAtAnOffsetInABiggerBuffer() {
        CohortAccumulator acc = example();
        int size = acc.serializedSize();
        ByteBuffer buf = ByteBuffer.allocate(7 + size + 5).order(ByteOrder.BIG_ENDIAN);
        Arrays.fill(buf.array(), (byte) 0x5A);
        buf.position(7);
        acc.writeTo(buf);
        assertThat(buf.position()).isEqualTo(7 + size);
        assertThat(buf.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Arrays.copyOfRange(buf.array(), 7, 7 + size)).isEqualTo(expectedBytes());
        assertThat(Arrays.copyOfRange(buf.array(), 0, 7)).containsOnly(0x5A);
        assertThat(Arrays.copyOfRange(buf.array(), 7 + size, 12 + size)).containsOnly(0x5A);

        buf.position(7);
        CohortAccumulator read = CohortAccumulator.fromByteBuffer(buf);
        assertThat(buf.position()).isEqualTo(7 + size);
        assertIsTheExample(read.snapshot());
        buf.position(7);
        assertThat(((CohortAccumulator) StateFamily.read(buf)).snapshot()).isEqualTo(acc.snapshot());
        assertThat(buf.position()).isEqualTo(7 + size);

        // too little room: BufferOverflowException, nothing written, position unchanged
        ByteBuffer small = ByteBuffer.allocate(size - 1);
        assertThatThrownBy(() -> acc.writeTo(small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(small.array()).containsOnly(0);
        assertThatThrownBy(() -> acc.writeTo(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tablesAndAccumulatorsAtTheLargestLastPeriodAreSmallAndFast() {
        // Reliability row 4: CohortTable.of(new int[0], new int[0], 100 000) once built triangles of
        // (n+1)(n+2)/2 longs, about 80 GB, and died with OutOfMemoryError. Fifty empty tables and a
        // thousand empty accumulators held at once must fit in the test JVM, and the whole test within
        // a (very generous) minute: a state per cell, not per triangle slot.
        int n = CohortTable.MAX_LAST_PERIOD;
        assertTimeout(Duration.ofMinutes(1), () -> {
            List<CohortTable> tables = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                tables.add(CohortTable.of(new int[0], new int[0], n));
            }
            List<CohortAccumulator> accumulators = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                accumulators.add(new CohortAccumulator(n));
            }
            CohortAccumulator all = new CohortAccumulator(n);
            for (CohortAccumulator a : accumulators) {
                all.merge(a);
            }
            assertThat(all.snapshot()).isEqualTo(tables.get(49));
            assertThat(all.toByteArray()).hasSize(24);
            // one customer in cohort 0 active throughout and one in the last cohort (1 period):
            // column 0 is 2/2, every later column 1/1 (only cohort 0 has reached it)
            all.add(0, n + 1);
            all.add(n, 1);
            CohortTable two = all.snapshot();
            assertThat(two).isEqualTo(CohortTable.of(new int[] {n, 0}, new int[] {1, n + 1}, n));
            assertThat(two.active(0, n)).isEqualTo(1);
            double[] curve = two.averageCurve();
            assertThat(curve).hasSize(n + 1);
            assertThat(curve[0]).isEqualTo(1.0);
            assertThat(curve[n]).isEqualTo(1.0);
            assertThat(all.toByteArray()).hasSize(24 + 2 * 16);
            assertThat(CohortAccumulator.fromByteArray(all.toByteArray()).snapshot()).isEqualTo(two);
        });
    }
}
