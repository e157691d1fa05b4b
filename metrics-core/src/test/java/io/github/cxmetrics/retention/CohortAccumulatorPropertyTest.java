package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.cxmetrics.internal.format.TestFrames;
import io.github.cxmetrics.stats.StateFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Invariants of {@link CohortAccumulator} and {@link CohortTable}, checked with QuickTheories from a
 * fixed seed. Records are drawn from a {@link SplittableRandom} seeded by the generated value, so every
 * case is reproducible from the seed QuickTheories prints. The reference for a table is a triangle
 * counted record by record in the test ({@link #naiveActive}), never the classes' own cells.
 */
class CohortAccumulatorPropertyTest {

    static final long SEED = 0xC0_40_27L;

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
    }

    /** A set of records: each customer's cohort and active periods. */
    record Records(int lastPeriod, int[] cohorts, int[] periods, long seed) {
        int size() {
            return cohorts.length;
        }

        @Override
        public String toString() {
            return "Records[lastPeriod=" + lastPeriod + ", n=" + cohorts.length + ", seed=" + seed + "]";
        }
    }

    /** One customer, for the collectors. */
    record Customer(int cohort, int activePeriods) {
    }

    /**
     * Up to {@code maxSize} records over a last period of 0..13 (many customers per cell) or, one
     * time in fifteen, 3000 (almost every customer in a cell of its own).
     */
    static Gen<Records> records(int maxSize) {
        return integers().between(0, 14).zip(integers().between(0, maxSize), longs().all(),
                (lp, n, seed) -> make(lp == 14 ? 3000 : lp, n, seed));
    }

    static Records make(int lastPeriod, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] cohorts = new int[n];
        int[] periods = new int[n];
        for (int i = 0; i < n; i++) {
            cohorts[i] = random.nextInt(lastPeriod + 1);
            periods[i] = 1 + random.nextInt(lastPeriod - cohorts[i] + 1);
        }
        return new Records(lastPeriod, cohorts, periods, seed);
    }

    static CohortAccumulator onePass(Records r) {
        CohortAccumulator acc = new CohortAccumulator(r.lastPeriod());
        for (int i = 0; i < r.size(); i++) {
            acc.add(r.cohorts()[i], r.periods()[i]);
        }
        return acc;
    }

    /** Records {@code from..to − 1}, added in one of four ways chosen by {@code mode}. */
    static CohortAccumulator part(Records r, int from, int to, int mode) {
        CohortAccumulator acc = new CohortAccumulator(r.lastPeriod());
        int[] c = Arrays.copyOfRange(r.cohorts(), from, to);
        int[] p = Arrays.copyOfRange(r.periods(), from, to);
        switch (mode) {
            case 0 -> acc.addAll(c, p);
            case 1 -> {
                for (int i = c.length - 1; i >= 0; i--) {
                    acc.add(c[i], p[i]);
                }
            }
            case 2 -> { // identical customers added as one count: sorted, then run lengths, last first
                long[] keys = new long[c.length];
                for (int i = 0; i < c.length; i++) {
                    keys[i] = (long) c[i] << 32 | p[i];
                }
                Arrays.sort(keys);
                for (int end = keys.length; end > 0; ) {
                    int begin = end - 1;
                    while (begin > 0 && keys[begin - 1] == keys[end - 1]) {
                        begin--;
                    }
                    acc.add((int) (keys[begin] >>> 32), (int) keys[begin], end - begin);
                    end = begin;
                }
            }
            default -> { // through the binary form
                acc.addAll(c, p);
                acc = CohortAccumulator.fromByteArray(acc.toByteArray());
            }
        }
        return acc;
    }

    /** The customers of cohort {@code c} with more than {@code j} active periods, counted one by one. */
    static long naiveActive(Records r, int c, int j) {
        long n = 0;
        for (int i = 0; i < r.size(); i++) {
            if (r.cohorts()[i] == c && r.periods()[i] > j) {
                n++;
            }
        }
        return n;
    }

    @Test
    void splitAnywhereAndMergedInAnyOrderEqualsOnePassAndOf() {
        qt().forAll(records(400), longs().all()).checkAssert((r, splitSeed) -> {
            SplittableRandom random = new SplittableRandom(splitSeed);
            int parts = 1 + random.nextInt(6);
            int[] cuts = new int[parts + 1];
            for (int k = 1; k < parts; k++) {
                cuts[k] = random.nextInt(r.size() + 1);
            }
            cuts[parts] = r.size();
            Arrays.sort(cuts);
            List<CohortAccumulator> pool = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                pool.add(part(r, cuts[k], cuts[k + 1], random.nextInt(4)));
            }
            while (pool.size() > 1) { // a random merge tree
                CohortAccumulator into = pool.remove(random.nextInt(pool.size()));
                CohortAccumulator from = pool.remove(random.nextInt(pool.size()));
                pool.add(into.merge(from));
            }
            CohortAccumulator merged = pool.get(0);
            CohortTable of = CohortTable.of(r.cohorts(), r.periods(), r.lastPeriod());
            assertThat(merged.customers()).isEqualTo(r.size());
            assertThat(merged.snapshot()).isEqualTo(of).hasSameHashCodeAs(of);
            assertThat(merged.toByteArray()).isEqualTo(onePass(r).toByteArray());
        });
    }

    @Test
    void tableMatchesTheTriangleCountedRecordByRecord() {
        qt().forAll(records(200).assuming(r -> r.lastPeriod() <= 13)).checkAssert(r -> {
            CohortTable t = onePass(r).snapshot();
            int lp = r.lastPeriod();
            long[] num = new long[lp + 1];
            long[] den = new long[lp + 1];
            for (int c = 0; c <= lp; c++) {
                assertThat(t.size(c)).isEqualTo(naiveActive(r, c, 0));
                for (int j = 0; j <= lp - c; j++) {
                    long a = naiveActive(r, c, j);
                    assertThat(t.active(c, j)).as("active(%d, %d)", c, j).isEqualTo(a);
                    num[j] += a;
                    den[j] += naiveActive(r, c, 0);
                }
                int cohort = c;
                int outside = lp - c + 1;
                assertThatThrownBy(() -> t.active(cohort, outside)).isInstanceOf(IndexOutOfBoundsException.class);
            }
            if (r.size() == 0) {
                assertThatThrownBy(t::averageCurve).isInstanceOf(IllegalStateException.class);
                return;
            }
            int length = 0;
            while (length <= lp && den[length] > 0) {
                length++;
            }
            double[] curve = t.averageCurve();
            assertThat(curve).hasSize(length);
            for (int j = 0; j < length; j++) {
                assertThat(curve[j]).isCloseTo((double) num[j] / den[j], within(1e-15));
            }
        });
    }

    @Test
    void recordOrderDoesNotMatter() {
        qt().forAll(records(300), longs().all()).checkAssert((r, seed) -> {
            int[] order = new SplittableRandom(seed).ints(r.size()).toArray();
            Integer[] idx = new Integer[r.size()];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = i;
            }
            Arrays.sort(idx, (a, b) -> Integer.compare(order[a], order[b]));
            int[] c = new int[r.size()];
            int[] p = new int[r.size()];
            for (int i = 0; i < idx.length; i++) {
                c[i] = r.cohorts()[idx[i]];
                p[i] = r.periods()[idx[i]];
            }
            CohortTable shuffled = CohortTable.of(c, p, r.lastPeriod());
            assertThat(shuffled).isEqualTo(CohortTable.of(r.cohorts(), r.periods(), r.lastPeriod()))
                    .hasSameHashCodeAs(onePass(r).snapshot());
        });
    }

    @Test
    void mergeIsCommutativeAndAssociative() {
        qt().forAll(records(150), records(150), records(150)).checkAssert((x, y, z) -> {
            // the same last period for all three: y's and z's records re-drawn over x's
            Records b = make(x.lastPeriod(), y.size(), y.seed());
            Records c = make(x.lastPeriod(), z.size(), z.seed());
            byte[] ab = onePass(x).merge(onePass(b)).toByteArray();
            byte[] ba = onePass(b).merge(onePass(x)).toByteArray();
            assertThat(ab).isEqualTo(ba);
            byte[] left = onePass(x).merge(onePass(b)).merge(onePass(c)).toByteArray();
            byte[] right = onePass(x).merge(onePass(b).merge(onePass(c))).toByteArray();
            assertThat(left).isEqualTo(right);
        });
    }

    @Test
    void theBinaryFormRoundTripsToIdenticalBytes() {
        qt().forAll(records(400)).checkAssert(r -> {
            CohortAccumulator acc = onePass(r);
            byte[] bytes = acc.toByteArray();
            assertThat(bytes).hasSize(acc.serializedSize());
            CohortAccumulator read = CohortAccumulator.fromByteArray(bytes);
            assertThat(read.toByteArray()).isEqualTo(bytes);
            assertThat(read.snapshot()).isEqualTo(acc.snapshot());
            assertThat(read.customers()).isEqualTo(acc.customers());
            assertThat(read.lastPeriod()).isEqualTo(r.lastPeriod());
            assertThat(((CohortAccumulator) StateFamily.read(bytes)).toByteArray()).isEqualTo(bytes);
        });
    }

    @Test
    void everyTruncationOfAnyStateIsRejected() {
        qt().withExamples(60).forAll(records(40)).checkAssert(r -> {
            byte[] bytes = onePass(r).toByteArray();
            for (int length = 0; length < bytes.length; length++) {
                byte[] cut = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> CohortAccumulator.fromByteArray(cut)).as("length %d", length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    @Test
    void aResealedCorruptionIsRejectedOrReadBackInCanonicalForm() {
        // The CRC of a forgery is right: the payload checks alone must reject it, or the state it
        // describes must be one that writes exactly these bytes (every state has one form).
        int[] accepted = new int[1];
        qt().withExamples(2000).forAll(records(30), integers().all(), integers().between(0, 7))
                .checkAssert((r, where, bit) -> {
                    byte[] bytes = onePass(r).toByteArray();
                    int payloadLength = bytes.length - 16;
                    byte[] bad = bytes.clone();
                    bad[12 + Math.floorMod(where, payloadLength)] ^= (byte) (1 << bit);
                    byte[] forged = TestFrames.reseal(bad);
                    CohortAccumulator read;
                    try {
                        read = CohortAccumulator.fromByteArray(forged);
                    } catch (IllegalArgumentException rejected) {
                        assertThat(rejected).hasMessageStartingWith("corrupt cohort state: ");
                        return;
                    }
                    accepted[0]++;
                    assertThat(read.toByteArray()).isEqualTo(forged);
                });
        // some flips (a count's low bits) give another valid state; the property is not vacuous
        assertThat(accepted[0]).isPositive();
    }

    @Test
    void collectorInParallelEqualsSequentialAndOf() {
        qt().withExamples(100).forAll(records(3000)).checkAssert(r -> {
            List<Customer> customers = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                customers.add(new Customer(r.cohorts()[i], r.periods()[i]));
            }
            CohortTable sequential = customers.stream()
                    .collect(CohortTable.collector(r.lastPeriod(), Customer::cohort, Customer::activePeriods));
            CohortTable parallel = customers.parallelStream()
                    .collect(CohortAccumulator.collector(r.lastPeriod(), Customer::cohort, Customer::activePeriods));
            assertThat(parallel).isEqualTo(sequential)
                    .isEqualTo(CohortTable.of(r.cohorts(), r.periods(), r.lastPeriod()));
            // grouped by cohort parity: the two tables add up to the whole
            var byParity = customers.parallelStream().collect(Collectors.groupingBy(cu -> cu.cohort() % 2,
                    CohortTable.collector(r.lastPeriod(), Customer::cohort, Customer::activePeriods)));
            for (int c = 0; c <= r.lastPeriod(); c++) {
                CohortTable g = byParity.get(c % 2);
                assertThat(g == null ? 0 : g.size(c)).isEqualTo(sequential.size(c));
            }
        });
    }
}
