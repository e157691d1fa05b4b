package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmSummary#group}, the in-place three-way quicksort of primitive columns, against an
 * obviously correct reference: a {@link TreeMap} keyed by (x, tₓ, T) in that order, counting.
 */
class RfmSummaryGroupTest {

    private static final Comparator<double[]> ORDER = (u, v) -> {
        int c = Double.compare(u[0], v[0]);
        if (c == 0) {
            c = Double.compare(u[1], v[1]);
        }
        return c != 0 ? c : Double.compare(u[2], v[2]);
    };

    private static void assertGroupsLikeATreeMap(List<RfmSummary> customers) {
        Map<double[], Integer> reference = new TreeMap<>(ORDER);
        for (RfmSummary s : customers) {
            reference.merge(new double[] {s.frequency(), s.recency() + 0.0, s.age() + 0.0}, 1, Integer::sum);
        }
        RfmSummary.Grouped g = RfmSummary.group(customers);
        assertThat(g.size()).isEqualTo(reference.size());
        int i = 0;
        for (Map.Entry<double[], Integer> e : reference.entrySet()) {
            assertThat(new double[] {g.x[i], g.tx[i], g.t[i], g.weight[i]})
                    .containsExactly(e.getKey()[0], e.getKey()[1], e.getKey()[2], e.getValue());
            i++;
        }
    }

    /** {@code n} customers over few distinct values (many duplicates), in the given arrangement. */
    private static List<RfmSummary> customers(int n, long seed, int arrangement) {
        Random random = new Random(seed);
        List<RfmSummary> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long x = random.nextInt(4);
            double age = 1 + random.nextInt(6);
            double tx = x == 0 ? (random.nextBoolean() ? 0.0 : -0.0) : random.nextInt((int) age + 1);
            out.add(RfmSummary.of(x, tx, age));
        }
        Comparator<RfmSummary> natural = Comparator.comparingLong(RfmSummary::frequency)
                .thenComparingDouble(RfmSummary::recency).thenComparingDouble(RfmSummary::age);
        if (arrangement == 1) {
            out.sort(natural);
        } else if (arrangement == 2) {
            out.sort(natural.reversed());
        } else if (arrangement == 3) {
            Collections.fill(out, out.get(0));
        }
        return out;
    }

    @Test
    void randomSortedReversedAndConstantInputsGroupAsTheReferenceDoes() {
        qt().withFixedSeed(18L).withExamples(200).forAll(integers().between(0, 3000), longs().all(), integers().between(0, 3))
                .checkAssert((n, seed, arrangement) -> assertGroupsLikeATreeMap(customers(n, seed, arrangement)));
    }

    @Test
    void continuousTimesAllDistinct() {
        List<RfmSummary> out = new ArrayList<>();
        Random random = new Random(2);
        for (int i = 0; i < 50_000; i++) {
            double age = 27 + 12 * random.nextDouble();
            long x = random.nextInt(3);
            out.add(RfmSummary.of(x, x == 0 ? 0 : age * random.nextDouble(), age));
        }
        assertGroupsLikeATreeMap(out);
    }
}
