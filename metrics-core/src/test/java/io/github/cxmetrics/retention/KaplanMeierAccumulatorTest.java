package io.github.cxmetrics.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.cxmetrics.internal.format.TestFrames;
import io.github.cxmetrics.retention.KaplanMeier.Step;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link KaplanMeierAccumulator}. Expected curves are {@link KaplanMeier#fit(double[], boolean[])}
 * on the same data (the contract: equal, not close), whose own values {@code KaplanMeierTest} checks
 * against R; here the AML example is checked once more against R's printed output and the
 * product-limit worked by hand. Expected bytes are written out field by field with
 * {@link TestFrames} from the layout in the class Javadoc, never taken from the writer.
 */
class KaplanMeierAccumulatorTest {

    /** aml, maintained group, in the row order of R's data set (13+, 28+, 45+, 161+ censored). */
    private static final double[] AML_MAINTAINED = {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161};
    private static final boolean[] AML_MAINTAINED_EVENT =
            {true, true, false, true, true, false, true, true, false, true, false};
    /** aml, both groups: ties between events at 5, 8, 23 and between an event and a censoring at 13, 45. */
    private static final double[] AML_POOLED =
            {9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45};
    private static final boolean[] AML_POOLED_EVENT = {true, true, false, true, true, false, true, true, false,
        true, false, true, true, true, true, true, false, true, true, true, true, true, true};

    private record Subject(double duration, boolean observed, int group) {
    }

    private static List<Subject> subjects(double[] durations, boolean[] observed) {
        List<Subject> list = new ArrayList<>();
        for (int i = 0; i < durations.length; i++) {
            list.add(new Subject(durations[i], observed[i], i % 3));
        }
        return list;
    }

    @Test
    void amlMaintainedSnapshotEqualsFitAndReproducesR() {
        // Product-limit by hand, events before tied censorings (R's convention):
        //   t = 9:  n = 11, d = 1 → S = 10/11             = 0.9091
        //   t = 13: n = 10, d = 1 (13+ still at risk)     → S = 10/11 · 9/10 = 9/11 = 0.8182
        //   t = 18: n = 8 (13+ gone), d = 1               → S = 9/11 · 7/8 = 63/88   = 0.7159
        //   t = 23: n = 7, d = 1                          → S = 63/88 · 6/7 = 27/44  = 0.6136
        //   t = 31: n = 5 (28+ gone), d = 1               → S = 27/44 · 4/5 = 27/55  = 0.4909
        //   t = 34: n = 4, d = 1                          → S = 27/55 · 3/4 = 81/220 = 0.3682
        //   t = 48: n = 2 (45+ gone), d = 1               → S = 81/220 · 1/2 = 81/440 = 0.1841
        // R's published summary(survfit(Surv(time, status) ~ 1, data = aml, subset = x == "Maintained"))
        // prints survival 0.909 0.818 0.716 0.614 0.491 0.368 0.184 at these times (R was not run here).
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        for (int i = 0; i < AML_MAINTAINED.length; i++) {
            acc.add(AML_MAINTAINED[i], AML_MAINTAINED_EVENT[i]);
        }
        KaplanMeier km = acc.snapshot();
        assertThat(km).isEqualTo(KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT))
                .hasSameHashCodeAs(KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT));
        double[] t = {9, 13, 18, 23, 31, 34, 48};
        long[] n = {11, 10, 8, 7, 5, 4, 2};
        double[] exact = {10.0 / 11, 9.0 / 11, 63.0 / 88, 27.0 / 44, 27.0 / 55, 81.0 / 220, 81.0 / 440};
        double[] fourDigits = {0.9091, 0.8182, 0.7159, 0.6136, 0.4909, 0.3682, 0.1841};
        double[] printedByR = {0.909, 0.818, 0.716, 0.614, 0.491, 0.368, 0.184};
        List<Step> steps = km.steps();
        assertThat(steps).extracting(Step::time).containsExactly(9.0, 13.0, 18.0, 23.0, 31.0, 34.0, 48.0);
        for (int i = 0; i < t.length; i++) {
            assertThat(steps.get(i).atRisk()).as("n at %s", t[i]).isEqualTo(n[i]);
            assertThat(km.survival(t[i])).as("S(%s)", t[i]).isCloseTo(exact[i], within(1e-15))
                    .isCloseTo(fourDigits[i], within(5e-5)).isCloseTo(printedByR[i], within(5e-4));
        }
        assertThat(steps.get(1).censored()).isEqualTo(1);
        assertThat(km.medianSurvival()).hasValue(31.0);
        assertThat(acc.count()).isEqualTo(11);
        // 9, 13, 18, 23, 28, 31, 34, 45, 48, 161
        assertThat(acc.distinctDurations()).isEqualTo(10);
        assertThat(acc).hasToString("KaplanMeierAccumulator[n=11, events=7, distinctDurations=10]");
    }

    @Test
    void everyPathGivesTheFitAndTheSameBytes() {
        KaplanMeier expected = KaplanMeier.fit(AML_POOLED, AML_POOLED_EVENT);

        KaplanMeierAccumulator batch = new KaplanMeierAccumulator();
        batch.addAll(AML_POOLED, AML_POOLED_EVENT);
        assertThat(batch.snapshot()).isEqualTo(expected);
        byte[] bytes = batch.toByteArray();

        KaplanMeierAccumulator reversed = new KaplanMeierAccumulator();
        for (int i = AML_POOLED.length - 1; i >= 0; i--) {
            reversed.add(AML_POOLED[i], AML_POOLED_EVENT[i]);
        }
        assertThat(reversed.snapshot()).isEqualTo(expected);
        assertThat(reversed.toByteArray()).isEqualTo(bytes);

        // three parts (the maintained group, the first half of the other, the rest), merged two ways
        KaplanMeierAccumulator[] parts = new KaplanMeierAccumulator[3];
        int[] cuts = {0, 11, 17, 23};
        for (int p = 0; p < 3; p++) {
            parts[p] = new KaplanMeierAccumulator();
            parts[p].addAll(Arrays.copyOfRange(AML_POOLED, cuts[p], cuts[p + 1]),
                    Arrays.copyOfRange(AML_POOLED_EVENT, cuts[p], cuts[p + 1]));
        }
        byte[] middle = parts[1].toByteArray();
        KaplanMeierAccumulator left = new KaplanMeierAccumulator().merge(parts[0]).merge(parts[1]).merge(parts[2]);
        KaplanMeierAccumulator right = KaplanMeierAccumulator.fromByteArray(parts[2].toByteArray())
                .merge(KaplanMeierAccumulator.fromByteArray(parts[1].toByteArray()).merge(parts[0]));
        assertThat(left.snapshot()).isEqualTo(expected);
        assertThat(right.snapshot()).isEqualTo(expected);
        assertThat(left.toByteArray()).isEqualTo(bytes);
        assertThat(right.toByteArray()).isEqualTo(bytes);
        assertThat(parts[1].toByteArray()).as("merge leaves its argument unchanged").isEqualTo(middle);
        assertThat(left.count()).isEqualTo(23);

        List<Subject> subjects = subjects(AML_POOLED, AML_POOLED_EVENT);
        assertThat(subjects.stream().collect(KaplanMeier.collector(Subject::duration, Subject::observed)))
                .isEqualTo(expected);
        assertThat(subjects.parallelStream()
                .collect(KaplanMeierAccumulator.collector(Subject::duration, Subject::observed)))
                .isEqualTo(expected);
        // under groupingBy: each group equals the fit of its own subjects
        Map<Integer, KaplanMeier> byGroup = subjects.stream().collect(
                Collectors.groupingBy(Subject::group, KaplanMeier.collector(Subject::duration, Subject::observed)));
        for (int g = 0; g < 3; g++) {
            final int group = g;
            double[] d = IntStream.range(0, AML_POOLED.length).filter(i -> i % 3 == group)
                    .mapToDouble(i -> AML_POOLED[i]).toArray();
            boolean[] e = new boolean[d.length];
            for (int i = group, j = 0; i < AML_POOLED.length; i += 3, j++) {
                e[j] = AML_POOLED_EVENT[i];
            }
            assertThat(byGroup.get(g)).as("group %s", g).isEqualTo(KaplanMeier.fit(d, e));
        }
    }

    @Test
    void negativeZeroIsZero() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.add(-0.0, true);
        acc.addAll(new double[] {0.0, -0.0, 3}, new boolean[] {false, true, false});
        assertThat(acc.distinctDurations()).isEqualTo(2);
        assertThat(acc.snapshot()).isEqualTo(KaplanMeier.fit(new double[] {0.0, 0.0, 0.0, 3},
                new boolean[] {true, false, true, false}));
        // the payload holds +0.0 (all bits zero), events 2, censored 1, then 3.0
        byte[] expected = TestFrames.frame(3, 1, 0, TestFrames.payload().i32(2)
                .f64(0.0).i64(2).i64(1).f64(3.0).i64(0).i64(1).toArray());
        assertThat(acc.toByteArray()).isEqualTo(expected);
    }

    @Test
    void mergingWithItselfCountsEverySubjectTwice() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        assertThat(acc.merge(acc)).isSameAs(acc);
        double[] twice = new double[22];
        boolean[] twiceEvent = new boolean[22];
        for (int i = 0; i < 22; i++) {
            twice[i] = AML_MAINTAINED[i % 11];
            twiceEvent[i] = AML_MAINTAINED_EVENT[i % 11];
        }
        assertThat(acc.snapshot()).isEqualTo(KaplanMeier.fit(twice, twiceEvent));
        assertThat(acc.count()).isEqualTo(22);
        assertThat(acc.distinctDurations()).isEqualTo(10);
    }

    @Test
    void theCurveOfNoSubjectsIsUndefinedButTheEmptyStateIsValid() {
        KaplanMeierAccumulator empty = new KaplanMeierAccumulator();
        assertThatThrownBy(empty::snapshot).isInstanceOf(IllegalStateException.class)
                .hasMessage("Kaplan–Meier curve of an empty sample is undefined");
        assertThatThrownBy(() -> Stream.<Subject>empty()
                .collect(KaplanMeier.collector(Subject::duration, Subject::observed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Kaplan–Meier curve of an empty sample is undefined");
        empty.addAll(new double[0], new boolean[0]);
        assertThat(empty.count()).isZero();
        assertThat(empty.distinctDurations()).isZero();
        assertThat(empty).hasToString("KaplanMeierAccumulator[n=0, events=0, distinctDurations=0]");
        byte[] expected = TestFrames.frame(3, 1, 0, TestFrames.payload().i32(0).toArray());
        assertThat(empty.serializedSize()).isEqualTo(20);
        assertThat(empty.toByteArray()).isEqualTo(expected);
        KaplanMeierAccumulator read = KaplanMeierAccumulator.fromByteArray(expected);
        assertThat(read.count()).isZero();
        assertThat(read.toByteArray()).isEqualTo(expected);
        // merging an empty state changes nothing, either way round
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        byte[] before = acc.toByteArray();
        assertThat(acc.merge(read).toByteArray()).isEqualTo(before);
        assertThat(read.merge(acc).toByteArray()).isEqualTo(before);
    }

    @Test
    void rejectedInputChangesNothing() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        byte[] before = acc.toByteArray();

        assertThatThrownBy(() -> acc.add(-1, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration -1.0 must be finite and >= 0");
        assertThatThrownBy(() -> acc.add(-Double.MIN_VALUE, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration -4.9E-324 must be finite and >= 0");
        assertThatThrownBy(() -> acc.add(Double.NaN, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration NaN must be finite and >= 0");
        assertThatThrownBy(() -> acc.add(Double.POSITIVE_INFINITY, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration Infinity must be finite and >= 0");
        // the message of addAll is KaplanMeier.fit's: value and index; the valid values before it are not added
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2, -3, 4}, new boolean[] {true, true, true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration -3.0 at index 2 must be finite and >= 0");
        assertThatThrownBy(() -> KaplanMeier.fit(new double[] {1, 2, -3, 4}, new boolean[] {true, true, true, true}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration -3.0 at index 2 must be finite and >= 0");
        assertThatThrownBy(() -> acc.addAll(new double[] {7, Double.NaN}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration NaN at index 1 must be finite and >= 0");
        assertThatThrownBy(() -> acc.addAll(new double[] {7, Double.NEGATIVE_INFINITY}, new boolean[] {true, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration -Infinity at index 1 must be finite and >= 0");
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2}, new boolean[] {true}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durations and observed must have the same length, were 2 and 1");
        assertThatThrownBy(() -> acc.addAll(null, new boolean[0])).isInstanceOf(NullPointerException.class)
                .hasMessage("durations");
        assertThatThrownBy(() -> acc.addAll(new double[0], null)).isInstanceOf(NullPointerException.class)
                .hasMessage("observed");
        assertThatThrownBy(() -> acc.merge(null)).isInstanceOf(NullPointerException.class).hasMessage("other");
        assertThatThrownBy(() -> KaplanMeierAccumulator.collector(null, Subject::observed))
                .isInstanceOf(NullPointerException.class).hasMessage("duration");
        assertThatThrownBy(() -> KaplanMeier.collector(Subject::duration, null))
                .isInstanceOf(NullPointerException.class).hasMessage("observed");
        assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteBuffer(null)).isInstanceOf(NullPointerException.class);
        assertThat(acc.toByteArray()).isEqualTo(before);
        assertThat(acc.count()).isEqualTo(11);
        assertThat(acc.snapshot()).isEqualTo(KaplanMeier.fit(AML_MAINTAINED, AML_MAINTAINED_EVENT));

        // a collector meeting a bad duration fails with the same message
        assertThatThrownBy(() -> Stream.of(new Subject(1, true, 0), new Subject(-2, false, 0))
                .collect(KaplanMeier.collector(Subject::duration, Subject::observed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duration -2.0 must be finite and >= 0");
    }

    /** A forged state: {@code events} events at duration 1. */
    private static KaplanMeierAccumulator withEventsAtOne(long events) {
        return KaplanMeierAccumulator.fromByteArray(TestFrames.frame(3, 1, 0,
                TestFrames.payload().i32(1).f64(1.0).i64(events).i64(0).toArray()));
    }

    @Test
    void countOverflowIsRejectedAndChangesNothing() {
        KaplanMeierAccumulator acc = withEventsAtOne(Long.MAX_VALUE - 2);
        acc.add(2, false);
        assertThat(acc.count()).isEqualTo(Long.MAX_VALUE - 1);
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 2}, new boolean[] {true, true}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775806 + 2 exceeds Long.MAX_VALUE");
        assertThatThrownBy(() -> acc.merge(withEventsAtOne(2))).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775806 + 2 exceeds Long.MAX_VALUE");
        assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775806 + 9223372036854775806 exceeds Long.MAX_VALUE");
        assertThat(acc.toByteArray()).isEqualTo(before);
        acc.add(3, true);
        assertThat(acc.count()).isEqualTo(Long.MAX_VALUE);
        byte[] full = acc.toByteArray();
        assertThatThrownBy(() -> acc.add(1, true)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775807 + 1 exceeds Long.MAX_VALUE");
        assertThatThrownBy(() -> acc.merge(withEventsAtOne(1))).isInstanceOf(ArithmeticException.class);
        assertThat(acc.toByteArray()).isEqualTo(full);
        // a state of Long.MAX_VALUE subjects still has a curve, and reads back
        assertThat(acc.snapshot().count()).isEqualTo(Long.MAX_VALUE);
        assertThat(KaplanMeierAccumulator.fromByteArray(full).toByteArray()).isEqualTo(full);
        // merging the largest half with itself is allowed
        KaplanMeierAccumulator half = withEventsAtOne(Long.MAX_VALUE / 2);
        assertThat(half.merge(half).count()).isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void tooManyDistinctDurationsIsACountOverflowAndChangesNothing() {
        assertThat(KaplanMeierAccumulator.MAX_DISTINCT).isEqualTo(89_478_481); // (2^31 − 81 − 4) / 24
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator(3);
        acc.addAll(new double[] {1, 2, 2, 3}, new boolean[] {true, false, true, true});
        acc.add(2, false); // not a new duration
        byte[] before = acc.toByteArray();
        assertThatThrownBy(() -> acc.add(4, true)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 3 distinct durations + 1 new exceed 3, the most a state holds");
        assertThatThrownBy(() -> acc.addAll(new double[] {1, 4, 5, 4}, new boolean[] {true, true, false, true}))
                .isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 3 distinct durations + 2 new exceed 3, the most a state holds");
        KaplanMeierAccumulator other = new KaplanMeierAccumulator();
        other.addAll(new double[] {3, 5}, new boolean[] {true, true});
        assertThatThrownBy(() -> acc.merge(other)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 3 distinct durations + 1 new exceed 3, the most a state holds");
        assertThat(acc.toByteArray()).isEqualTo(before);
        // batches and merges of known durations pass, even when the sizes alone would exceed the limit
        acc.addAll(new double[] {3, 1, 2, 1, 1}, new boolean[] {true, true, false, false, true});
        KaplanMeierAccumulator known = new KaplanMeierAccumulator();
        known.addAll(new double[] {1, 3}, new boolean[] {false, true});
        acc.merge(known);
        assertThat(acc.snapshot()).isEqualTo(KaplanMeier.fit(
                new double[] {1, 2, 2, 3, 2, 3, 1, 2, 1, 1, 1, 3},
                new boolean[] {true, false, true, true, false, true, true, false, false, true, false, true}));
    }

    @Test
    void bytesFollowTheDocumentedLayout() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.add(13, true);
        acc.add(9, true);
        acc.add(13, false);
        acc.add(13, true);
        acc.add(0.5, false);
        // k = 3, then (duration, events, censored) in increasing duration
        byte[] expected = TestFrames.frame(3, 1, 0, TestFrames.payload().i32(3)
                .f64(0.5).i64(0).i64(1)
                .f64(9.0).i64(1).i64(0)
                .f64(13.0).i64(2).i64(1).toArray());
        assertThat(acc.serializedSize()).isEqualTo(20 + 3 * 24).isEqualTo(expected.length);
        assertThat(acc.toByteArray()).isEqualTo(expected);
        // the first bytes spelled out: magic "CXMS", family 3, version 1, flags 0, payload length 76
        assertThat(Arrays.copyOf(expected, 12)).containsExactly(0x43, 0x58, 0x4D, 0x53, 3, 1, 0, 0, 76, 0, 0, 0);
        KaplanMeierAccumulator read = KaplanMeierAccumulator.fromByteArray(expected);
        assertThat(read.snapshot()).isEqualTo(KaplanMeier.fit(new double[] {13, 9, 13, 13, 0.5},
                new boolean[] {true, true, false, true, false}));
        assertThat(read.count()).isEqualTo(5);
        assertThat(read.distinctDurations()).isEqualTo(3);
        assertThat(read.family()).isSameAs(KaplanMeierAccumulator.FAMILY);
        // a state read back keeps accumulating like the original
        read.add(9, false);
        acc.add(9, false);
        assertThat(read.toByteArray()).isEqualTo(acc.toByteArray());
    }

    /** A frame of family 3, version 1, flags 0 around a payload. */
    private static byte[] forged(TestFrames.Payload payload) {
        return TestFrames.frame(3, 1, 0, payload.toArray());
    }

    private static TestFrames.Payload entries(int k) {
        return TestFrames.payload().i32(k);
    }

    @Test
    void forgedPayloadsAreRejectedNamingTheirFault() {
        record Forgery(byte[] bytes, String message) {
        }
        long max = Long.MAX_VALUE;
        List<Forgery> forgeries = List.of(
                new Forgery(forged(TestFrames.payload().u8(0).u8(0)),
                        "corrupt kaplan-meier state: the payload ends before the number of distinct durations"),
                new Forgery(forged(entries(-1)), "corrupt kaplan-meier state: negative number of distinct durations -1"),
                new Forgery(forged(entries(Integer.MIN_VALUE)),
                        "corrupt kaplan-meier state: negative number of distinct durations -2147483648"),
                // a huge count with no entries: refused before anything is allocated for it
                new Forgery(forged(entries(Integer.MAX_VALUE)), "corrupt kaplan-meier state: a count of 2147483647 "
                        + "distinct durations needs 51539607528 bytes after it, the payload has 0"),
                new Forgery(forged(entries(2).f64(1).i64(1).i64(0)),
                        "corrupt kaplan-meier state: a count of 2 distinct durations needs 48 bytes after it, the payload has 24"),
                new Forgery(forged(entries(1).f64(1).i64(1).i64(0).f64(2).i64(1).i64(0)),
                        "corrupt kaplan-meier state: a count of 1 distinct durations needs 24 bytes after it, the payload has 48"),
                new Forgery(forged(entries(1).f64(1).i64(1).i64(0).u8(0)),
                        "corrupt kaplan-meier state: a count of 1 distinct durations needs 24 bytes after it, the payload has 25"),
                new Forgery(forged(entries(1).f64(Double.NaN).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration NaN at entry 0 is not finite and >= 0"),
                // all bits set: a NaN, and the table's mark of a free slot
                new Forgery(forged(entries(1).i64(-1L).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration NaN at entry 0 is not finite and >= 0"),
                new Forgery(forged(entries(2).f64(1).i64(1).i64(0).f64(Double.POSITIVE_INFINITY).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration Infinity at entry 1 is not finite and >= 0"),
                new Forgery(forged(entries(1).f64(-2.5).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration -2.5 at entry 0 is not finite and >= 0"),
                new Forgery(forged(entries(1).f64(-0.0).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration -0.0 at entry 0 is not canonical (0.0 is)"),
                new Forgery(forged(entries(2).f64(2).i64(1).i64(0).f64(2).i64(0).i64(1)),
                        "corrupt kaplan-meier state: durations must be strictly increasing, but entry 1 is 2.0 after 2.0"),
                new Forgery(forged(entries(3).f64(1).i64(1).i64(0).f64(3).i64(1).i64(0).f64(2).i64(1).i64(0)),
                        "corrupt kaplan-meier state: durations must be strictly increasing, but entry 2 is 2.0 after 3.0"),
                new Forgery(forged(entries(2).f64(0.0).i64(1).i64(0).f64(-0.0).i64(1).i64(0)),
                        "corrupt kaplan-meier state: duration -0.0 at entry 1 is not canonical (0.0 is)"),
                new Forgery(forged(entries(1).f64(4).i64(-1).i64(2)),
                        "corrupt kaplan-meier state: negative count at entry 0 (duration 4.0): events -1, censored 2"),
                new Forgery(forged(entries(1).f64(4).i64(2).i64(Long.MIN_VALUE)),
                        "corrupt kaplan-meier state: negative count at entry 0 (duration 4.0): events 2, "
                                + "censored -9223372036854775808"),
                new Forgery(forged(entries(2).f64(4).i64(1).i64(0).f64(5).i64(0).i64(0)),
                        "corrupt kaplan-meier state: entry 1 (duration 5.0) has no events and no censorings"),
                new Forgery(forged(entries(1).f64(4).i64(max).i64(1)),
                        "corrupt kaplan-meier state: total count overflows Long.MAX_VALUE at entry 0 (duration 4.0)"),
                new Forgery(forged(entries(2).f64(4).i64(max / 2).i64(max / 2).f64(5).i64(0).i64(2)),
                        "corrupt kaplan-meier state: total count overflows Long.MAX_VALUE at entry 1 (duration 5.0)"),
                new Forgery(TestFrames.frame(3, 1, 1, entries(0).toArray()),
                        "corrupt kaplan-meier state: unknown flags 0x1"),
                new Forgery(TestFrames.frame(3, 1, 0x8000, entries(0).toArray()),
                        "corrupt kaplan-meier state: unknown flags 0x8000"),
                new Forgery(TestFrames.frame(3, 2, 0, entries(0).toArray()),
                        "unsupported kaplan-meier state format version 2, this library reads versions 1..1"),
                new Forgery(TestFrames.frame(3, 0, 0, entries(0).toArray()),
                        "unsupported kaplan-meier state format version 0, this library reads versions 1..1"),
                new Forgery(TestFrames.frame(2, 1, 0, entries(0).toArray()),
                        "not a kaplan-meier state: its family id is 2, a kaplan-meier state has 3"));
        for (Forgery f : forgeries) {
            assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(f.bytes())).as(f.message())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(f.message());
            ByteBuffer buffer = ByteBuffer.wrap(f.bytes());
            assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteBuffer(buffer)).as(f.message())
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(f.message());
            assertThat(buffer.position()).isZero();
        }
        // the limits themselves are accepted: a total of exactly Long.MAX_VALUE, the smallest and
        // largest durations, a zero count beside a positive one
        byte[] edge = forged(entries(3).f64(0.0).i64(0).i64(1).f64(Double.MIN_VALUE).i64(max / 2).i64(0)
                .f64(Double.MAX_VALUE).i64(0).i64(max / 2));
        KaplanMeierAccumulator read = KaplanMeierAccumulator.fromByteArray(edge);
        assertThat(read.count()).isEqualTo(max);
        assertThat(read.toByteArray()).isEqualTo(edge);
        assertThat(read.snapshot().steps()).singleElement().extracting(Step::time).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void everyTruncationExtensionAndBitFlipIsRejected() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        byte[] good = acc.toByteArray();
        for (int length = 0; length < good.length; length++) {
            byte[] truncated = Arrays.copyOf(good, length);
            assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(truncated)).as("length %s", length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kaplan-meier state");
            ByteBuffer buffer = ByteBuffer.wrap(truncated);
            assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteBuffer(buffer)).as("length %s", length)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(buffer.position()).isZero();
        }
        assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt kaplan-meier state: 1 trailing byte(s) after the state");
        for (int bit = 0; bit < 8 * good.length; bit++) {
            byte[] flipped = good.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteArray(flipped)).as("bit %s", bit)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void writesAndReadsAtAnOffsetInABufferWithOtherBytes() {
        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_POOLED, AML_POOLED_EVENT);
        byte[] bytes = acc.toByteArray();
        int size = acc.serializedSize();
        assertThat(bytes).hasSize(size);

        // big-endian buffer: the format stays little-endian and the buffer's order is left alone
        ByteBuffer buffer = ByteBuffer.allocate(7 + size + 5);
        Arrays.fill(buffer.array(), (byte) 0x5A);
        buffer.position(7);
        acc.writeTo(buffer);
        assertThat(buffer.position()).isEqualTo(7 + size);
        assertThat(buffer.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(Arrays.copyOfRange(buffer.array(), 7, 7 + size)).isEqualTo(bytes);
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7 + size, 8 + size, 9 + size, 10 + size, 11 + size}) {
            assertThat(buffer.array()[i]).as("byte %s", i).isEqualTo((byte) 0x5A);
        }

        buffer.position(7);
        KaplanMeierAccumulator read = KaplanMeierAccumulator.fromByteBuffer(buffer);
        assertThat(buffer.position()).isEqualTo(7 + size);
        assertThat(read.snapshot()).isEqualTo(acc.snapshot());
        assertThat(read.toByteArray()).isEqualTo(bytes);
        buffer.position(7);
        assertThat(StateFamily.read(buffer)).isInstanceOf(KaplanMeierAccumulator.class);
        assertThat(buffer.position()).isEqualTo(7 + size);

        // two states back to back in a direct little-endian buffer
        KaplanMeierAccumulator small = new KaplanMeierAccumulator();
        small.add(3, true);
        ByteBuffer direct = ByteBuffer.allocateDirect(3 + size + small.serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
        direct.position(3);
        acc.writeTo(direct);
        small.writeTo(direct);
        assertThat(direct.hasRemaining()).isFalse();
        direct.position(3);
        assertThat(KaplanMeierAccumulator.fromByteBuffer(direct).toByteArray()).isEqualTo(bytes);
        assertThat(KaplanMeierAccumulator.fromByteBuffer(direct).toByteArray()).isEqualTo(small.toByteArray());

        // a corrupt state at the offset: rejected, the position does not move
        byte[] corrupt = buffer.array().clone();
        corrupt[7 + 12 + 4 + 3] ^= 1; // inside the first duration
        ByteBuffer bad = ByteBuffer.wrap(corrupt);
        bad.position(7);
        assertThatThrownBy(() -> KaplanMeierAccumulator.fromByteBuffer(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corrupt kaplan-meier state: CRC-32C");
        assertThat(bad.position()).isEqualTo(7);

        // too little room: nothing written; read-only: refused
        ByteBuffer tight = ByteBuffer.allocate(7 + size - 1);
        tight.position(7);
        assertThatThrownBy(() -> acc.writeTo(tight)).isInstanceOf(BufferOverflowException.class);
        assertThat(tight.position()).isEqualTo(7);
        assertThat(tight.array()).containsOnly(0);
        assertThatThrownBy(() -> acc.writeTo(ByteBuffer.allocate(size).asReadOnlyBuffer()))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> acc.writeTo(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theFamilyIsRegistered() {
        StateFamily<?> family = StateFamily.byId(3);
        assertThat(family).isSameAs(KaplanMeierAccumulator.FAMILY);
        assertThat(family.name()).isEqualTo("kaplan-meier");
        assertThat(family.version()).isEqualTo(1).isEqualTo(KaplanMeierAccumulator.FORMAT_VERSION);
        assertThat(family.type()).isEqualTo(KaplanMeierAccumulator.class);
        assertThat(family).hasToString("StateFamily[3 kaplan-meier v1]");
        assertThat(StateFamily.of(KaplanMeierAccumulator.class)).isSameAs(family);
        assertThat(StateFamily.all()).contains(family);
        assertThat(new KaplanMeierAccumulator().family()).isSameAs(family);

        KaplanMeierAccumulator acc = new KaplanMeierAccumulator();
        acc.addAll(AML_MAINTAINED, AML_MAINTAINED_EVENT);
        byte[] bytes = acc.toByteArray();
        Object read = StateFamily.read(bytes);
        assertThat(read).isInstanceOf(KaplanMeierAccumulator.class);
        assertThat(((KaplanMeierAccumulator) read).toByteArray()).isEqualTo(bytes);
        assertThat(KaplanMeierAccumulator.FAMILY.fromByteArray(bytes).snapshot()).isEqualTo(acc.snapshot());
    }
}
