package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Invariants of {@link KaplanMeierAccumulator}, checked with QuickTheories from a fixed seed; the
 * splits, orders and merge trees come from a {@link SplittableRandom} seeded by a generated long, so
 * every failure is reproducible from what QuickTheories prints. The reference is always
 * {@link KaplanMeier#fit(double[], boolean[])} on all the data, compared with {@code equals}.
 */
class KaplanMeierAccumulatorPropertyTest {

    static final long SEED = 0x4B4D_5EEDL;

    /** Durations besides the whole numbers 0..30: −0.0 (the same as 0.0), tiny, huge and in-between. */
    static final double[] ODD_DURATIONS =
        {-0.0, 0.5, 1e-300, Double.MIN_VALUE, 2.75, 1e300, Double.MAX_VALUE, 30.000000000000004};

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(300);
    }

    /** Subjects coded as ints: v < 62 is duration v/2 (0..30, so many ties), observed if v is odd. */
    static Gen<List<Integer>> codes(int min, int max) {
        return lists().of(integers().between(0, 61 + ODD_DURATIONS.length)).ofSizeBetween(min, max);
    }

    /** Sample data: durations and flags decoded from codes. */
    record Data(double[] durations, boolean[] observed) {
        static Data of(List<Integer> codes) {
            int n = codes.size();
            double[] d = new double[n];
            boolean[] e = new boolean[n];
            for (int i = 0; i < n; i++) {
                int v = codes.get(i);
                d[i] = v < 62 ? v / 2 : ODD_DURATIONS[v - 62];
                e[i] = v % 2 == 1;
            }
            return new Data(d, e);
        }

        int size() {
            return durations.length;
        }

        KaplanMeier fit() {
            return KaplanMeier.fit(durations, observed);
        }
    }

    /** Adds {@code order[from..to)} one by one, as one batch, or half and half, at random. */
    static KaplanMeierAccumulator accumulate(Data data, int[] order, int from, int to, SplittableRandom random) {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        int split = random.nextInt(3) == 0 ? from : random.nextInt(3) == 0 ? to : from + random.nextInt(to - from + 1);
        for (int i = from; i < split; i++) {
            acc.add(data.durations[order[i]], data.observed[order[i]]);
        }
        int m = to - split;
        double[] d = new double[m];
        boolean[] e = new boolean[m];
        for (int i = 0; i < m; i++) {
            d[i] = data.durations[order[split + i]];
            e[i] = data.observed[order[split + i]];
        }
        acc.addAll(d, e);
        return acc;
    }

    static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The data in a random order, cut at random points into 1–4 parts (some possibly empty). */
    static List<KaplanMeierAccumulator> parts(Data data, SplittableRandom random) {
        int n = data.size();
        int[] order = shuffled(n, random);
        int k = 1 + random.nextInt(4);
        int[] cuts = new int[k + 1];
        for (int i = 1; i < k; i++) {
            cuts[i] = random.nextInt(n + 1);
        }
        cuts[k] = n;
        Arrays.sort(cuts, 1, k);
        List<KaplanMeierAccumulator> parts = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            parts.add(accumulate(data, order, cuts[i], cuts[i + 1], random));
        }
        return parts;
    }

    /** Merges pairs chosen at random, either way round, until one accumulator is left. */
    static KaplanMeierAccumulator mergeRandomly(List<KaplanMeierAccumulator> parts, SplittableRandom random) {
        List<KaplanMeierAccumulator> left = new ArrayList<>(parts);
        while (left.size() > 1) {
            int i = random.nextInt(left.size());
            int j = random.nextInt(left.size() - 1);
            j += j >= i ? 1 : 0;
            KaplanMeierAccumulator into = left.get(i);
            assertThat(into.merge(left.get(j))).isSameAs(into);
            left.remove(j);
        }
        return left.get(0);
    }

    @Test
    void splitAnywhereThenMergeInAnyOrderEqualsTheFit() {
        qt().forAll(codes(1, 200), longs().all()).checkAssert((codes, seed) -> {
            Data data = Data.of(codes);
            SplittableRandom random = new SplittableRandom(seed);
            List<KaplanMeierAccumulator> parts = parts(data, random);
            long total = parts.stream().mapToLong(KaplanMeierAccumulator::count).sum();
            KaplanMeierAccumulator merged = mergeRandomly(parts, random);
            assertThat(merged.count()).isEqualTo(total).isEqualTo(data.size());
            KaplanMeier fit = data.fit();
            assertThat(merged.snapshot()).as("%s", codes).isEqualTo(fit).hasSameHashCodeAs(fit);
            assertThat(merged.distinctDurations()).isEqualTo((int) Arrays.stream(data.durations)
                    .map(d -> d + 0.0).distinct().count());
            // one pass in the original order writes the same bytes as any split and merge
            KaplanMeierAccumulator onePass = new KaplanMeierAccumulator();
            onePass.addAll(data.durations, data.observed);
            assertThat(merged.toByteArray()).isEqualTo(onePass.toByteArray());
        });
    }

    @Test
    void manyDistinctDurationsGrowTheTableAndStillEqualTheFit() {
        // up to 5000 subjects over up to ~2500 distinct durations (random doubles rounded to 1/8, so
        // some ties remain): the table grows from 16 slots through several doublings
        QuickTheory.qt().withFixedSeed(SEED).withExamples(40)
                .forAll(integers().between(1, 5000), longs().all()).checkAssert((n, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    double[] d = new double[n];
                    boolean[] e = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = Math.floor(random.nextDouble() * 8 * (n / 2 + 1)) / 8;
                        e[i] = random.nextInt(4) != 0;
                    }
                    Data data = new Data(d, e);
                    KaplanMeierAccumulator merged = mergeRandomly(parts(data, random), random);
                    assertThat(merged.snapshot()).isEqualTo(data.fit());
                    assertThat(merged.distinctDurations()).isEqualTo((int) Arrays.stream(d).distinct().count());
                    assertThat(KaplanMeierAccumulator.fromByteArray(merged.toByteArray()).toByteArray())
                            .isEqualTo(merged.toByteArray());
                });
    }

    @Test
    void mergeIsCommutativeAndAssociativeAndLeavesItsArgumentUnchanged() {
        qt().forAll(codes(0, 80), codes(0, 80), codes(0, 80)).checkAssert((a, b, c) -> {
            byte[] ab = state(a).merge(state(b)).toByteArray();
            assertThat(state(b).merge(state(a)).toByteArray()).isEqualTo(ab);
            byte[] leftFirst = state(a).merge(state(b)).merge(state(c)).toByteArray();
            byte[] rightFirst = state(a).merge(state(b).merge(state(c))).toByteArray();
            assertThat(rightFirst).isEqualTo(leftFirst);
            KaplanMeierAccumulator argument = state(b);
            byte[] before = argument.toByteArray();
            state(a).merge(argument);
            assertThat(argument.toByteArray()).isEqualTo(before);
            // merging with itself is merging with a copy
            KaplanMeierAccumulator self = state(a);
            assertThat(self.merge(self).toByteArray()).isEqualTo(state(a).merge(state(a)).toByteArray());
        });
    }

    static KaplanMeierAccumulator state(List<Integer> codes) {
        Data data = Data.of(codes);
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(data.durations, data.observed);
        return acc;
    }

    @Test
    void bytesRoundTripToIdenticalBytesAndAnEqualCurve() {
        qt().forAll(codes(0, 200), integers().between(0, 16)).checkAssert((codes, offset) -> {
            KaplanMeierAccumulator acc = state(codes);
            byte[] bytes = acc.toByteArray();
            assertThat(bytes).hasSize(acc.serializedSize()).hasSize(20 + 24 * acc.distinctDurations());
            KaplanMeierAccumulator read = KaplanMeierAccumulator.fromByteArray(bytes);
            assertThat(read.toByteArray()).isEqualTo(bytes);
            assertThat(read.count()).isEqualTo(acc.count());
            if (acc.count() > 0) {
                assertThat(read.snapshot()).isEqualTo(acc.snapshot()).isEqualTo(Data.of(codes).fit());
            }
            // at an offset, with other bytes after it
            ByteBuffer buffer = ByteBuffer.allocate(offset + bytes.length + 9);
            buffer.position(offset);
            acc.writeTo(buffer);
            assertThat(buffer.position()).isEqualTo(offset + bytes.length);
            buffer.position(offset);
            assertThat(KaplanMeierAccumulator.fromByteBuffer(buffer).toByteArray()).isEqualTo(bytes);
            assertThat(buffer.position()).isEqualTo(offset + bytes.length);
        });
    }

    @Test
    void everyTruncationIsRejected() {
        QuickTheory.qt().withFixedSeed(SEED).withExamples(60).forAll(codes(0, 12)).checkAssert(codes -> {
            byte[] bytes = state(codes).toByteArray();
            for (int length = 0; length < bytes.length; length++) {
                byte[] truncated = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(truncated)).as("length %s", length)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }

    /** A subject of a stream. */
    record Subject(double duration, boolean observed) {
    }

    @Test
    void collectorSequentialAndParallelEqualsTheFit() {
        qt().forAll(codes(1, 300)).checkAssert(codes -> {
            Data data = Data.of(codes);
            List<Subject> subjects = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                subjects.add(new Subject(data.durations[i], data.observed[i]));
            }
            KaplanMeier fit = data.fit();
            assertThat(subjects.stream().collect(KaplanMeier.collector(Subject::duration, Subject::observed)))
                    .isEqualTo(fit);
            assertThat(subjects.parallelStream()
                    .collect(KaplanMeierAccumulator.collector(Subject::duration, Subject::observed)))
                    .isEqualTo(fit);
            assertThat(subjects.parallelStream().unordered()
                    .collect(KaplanMeier.collector(Subject::duration, Subject::observed)))
                    .isEqualTo(fit);
        });
    }
}
