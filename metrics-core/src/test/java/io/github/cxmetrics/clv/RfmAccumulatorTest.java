package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.internal.format.TestFrames;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RfmAccumulator}: identical summaries to {@link RfmSummary#fromTransactions} (which
 * {@link RfmSummaryTest} holds to the published CDNOW summary), exact day sums (expected values from
 * Python's {@code math.fsum}, which rounds the exact sum once), limits, and the binary form against
 * payloads built field by field from the documented layout.
 */
class RfmAccumulatorTest {

    static final LocalDate END = LocalDate.of(1997, 9, 30);
    static final LocalDate D = LocalDate.of(2024, 1, 1);

    static List<Transaction> cdnow() {
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        List<Transaction> transactions = new ArrayList<>();
        for (String line : Cdnow.lines("CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            transactions.add(new Transaction(f[1], LocalDate.parse(f[2], ymd), Double.parseDouble(f[4])));
        }
        return transactions;
    }

    @Test
    void cdnowSplitShuffledAndMergedGivesTheSummariesOfFromTransactions() {
        List<Transaction> all = cdnow();
        Map<String, RfmSummary> expected = RfmSummary.fromTransactions(all, END, ChronoUnit.WEEKS);
        assertThat(expected).hasSize(2357);
        List<Transaction> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(17));
        List<RfmAccumulator> parts = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            parts.add(new RfmAccumulator());
        }
        Random random = new Random(5);
        for (Transaction t : shuffled) { // any transaction anywhere: partitions share customers and days
            parts.get(random.nextInt(7)).add(t);
        }
        RfmAccumulator merged = RfmAccumulator.fromByteArray(parts.get(0).toByteArray());
        for (int k = 1; k < 7; k++) {
            merged.merge(RfmAccumulator.fromByteArray(parts.get(k).toByteArray()));
        }
        assertThat(merged.customers()).isEqualTo(2357);
        Map<String, RfmSummary> snapshot = merged.snapshot(END, ChronoUnit.WEEKS);
        assertThat(snapshot).isEqualTo(expected);
        assertThat(new ArrayList<>(snapshot.keySet())).isSorted();
        assertThat(all.parallelStream().collect(RfmSummary.collector(END, ChronoUnit.WEEKS))).isEqualTo(expected);
    }

    @Test
    void customersPartitionedByKeyMergeToTheSameSummaries() {
        List<Transaction> all = cdnow();
        Map<String, List<Transaction>> byCustomerHash = all.stream()
                .collect(Collectors.groupingBy(t -> String.valueOf(Math.floorMod(t.customerId().hashCode(), 4))));
        RfmAccumulator merged = new RfmAccumulator();
        for (List<Transaction> partition : byCustomerHash.values()) {
            merged.merge(RfmAccumulator.of(partition));
        }
        assertThat(merged.snapshot(END, ChronoUnit.DAYS)).isEqualTo(RfmSummary.fromTransactions(all, END, ChronoUnit.DAYS));
    }

    @Test
    void aDaysAmountsAreSummedExactlyAndRoundedOnceInAnyOrder() {
        // math.fsum([0.1, 0.2, 0.3]) = 0.6, while (0.1 + 0.2) + 0.3 = 0.6000000000000001
        double[][] orders = {{0.1, 0.2, 0.3}, {0.1, 0.3, 0.2}, {0.2, 0.1, 0.3}, {0.2, 0.3, 0.1}, {0.3, 0.1, 0.2},
            {0.3, 0.2, 0.1}};
        for (double[] order : orders) {
            List<Transaction> ts = new ArrayList<>();
            ts.add(new Transaction("c", D, 1));
            for (double a : order) {
                ts.add(new Transaction("c", D.plusDays(3), a));
            }
            assertThat(RfmSummary.fromTransactions(ts, D.plusDays(9), ChronoUnit.DAYS).get("c").monetaryValue())
                    .isEqualTo(0.6);
            assertThat(RfmAccumulator.of(ts).snapshot(D.plusDays(9), ChronoUnit.DAYS).get("c").monetaryValue())
                    .isEqualTo(0.6);
        }
        // math.fsum([1e16, 1.0, -1e16]) = 1.0; added left to right it is 0.0
        List<Transaction> ts = List.of(new Transaction("c", D, 1), new Transaction("c", D.plusDays(1), 1e16),
                new Transaction("c", D.plusDays(1), 1.0), new Transaction("c", D.plusDays(1), -1e16));
        assertThat(RfmSummary.fromTransactions(ts, D.plusDays(2), ChronoUnit.DAYS).get("c").monetaryValue()).isEqualTo(1.0);
        RfmAccumulator acc = new RfmAccumulator();
        for (Transaction t : ts) {
            acc.add(t);
        }
        assertThat(acc.snapshot(D.plusDays(2), ChronoUnit.DAYS).get("c").monetaryValue()).isEqualTo(1.0);
        // ten times 0.1: math.fsum gives 1.0, sum() 0.9999999999999999
        RfmAccumulator tenth = new RfmAccumulator();
        tenth.add("c", D, 5);
        for (int i = 0; i < 10; i++) {
            tenth.add("c", D.plusDays(7), 0.1);
        }
        assertThat(tenth.snapshot(D.plusDays(7), ChronoUnit.WEEKS).get("c")).isEqualTo(RfmSummary.of(1, 1.0, 1.0, 1.0));
    }

    @Test
    void aDayWhoseAmountsCancelIsStillAPurchaseDay() {
        List<Transaction> ts = List.of(new Transaction("c", D, 10), new Transaction("c", D.plusDays(2), 5),
                new Transaction("c", D.plusDays(2), -5), new Transaction("c", D.plusDays(4), 30));
        RfmSummary expected = RfmSummary.of(2, 4.0, 6.0, 15.0); // repeat days 0 and 30: mean 15
        assertThat(RfmSummary.fromTransactions(ts, D.plusDays(6), ChronoUnit.DAYS).get("c")).isEqualTo(expected);
        RfmAccumulator acc = RfmAccumulator.of(ts);
        assertThat(acc.snapshot(D.plusDays(6), ChronoUnit.DAYS).get("c")).isEqualTo(expected);
        assertThat(RfmAccumulator.fromByteArray(acc.toByteArray()).snapshot(D.plusDays(6), ChronoUnit.DAYS).get("c"))
                .isEqualTo(expected);
    }

    @Test
    void mergingWithItselfDoublesEveryAmount() {
        List<Transaction> ts = List.of(new Transaction("a", D, 1), new Transaction("a", D.plusDays(3), 0.1),
                new Transaction("a", D.plusDays(3), 0.2), new Transaction("b", D.plusDays(1), 4));
        List<Transaction> twice = new ArrayList<>(ts);
        twice.addAll(ts);
        RfmAccumulator acc = RfmAccumulator.of(ts);
        acc.merge(acc);
        assertThat(acc.snapshot(D.plusDays(5), ChronoUnit.DAYS))
                .isEqualTo(RfmSummary.fromTransactions(twice, D.plusDays(5), ChronoUnit.DAYS));
    }

    @Test
    void snapshotsIgnoreLaterTransactionsButKeepThem() {
        RfmAccumulator acc = new RfmAccumulator();
        acc.add("a", D.plusDays(10), 3);
        acc.add("b", D, 2);
        acc.add("b", D.plusDays(10), 8);
        assertThat(acc.snapshot(D.plusDays(5), ChronoUnit.DAYS)).containsOnlyKeys("b")
                .containsEntry("b", RfmSummary.of(0, 0.0, 5.0));
        assertThat(acc.snapshot(D.plusDays(14), ChronoUnit.WEEKS)).containsOnlyKeys("a", "b")
                .containsEntry("a", RfmSummary.of(0, 0.0, 4 / 7.0))
                .containsEntry("b", RfmSummary.of(1, 10 / 7.0, 2.0, 8.0));
        assertThat(acc.customers()).isEqualTo(2);
        assertThat(new RfmAccumulator().snapshot(D, ChronoUnit.DAYS)).isEmpty();
    }

    @Test
    void theSummaryErrorsOfFromTransactionsNameTheCustomerToo() {
        List<Transaction> ts = List.of(new Transaction("z", D, 10), new Transaction("z", D.plusDays(1), -5));
        String message = "customer z: the mean amount of its 1 repeat purchase day(s) must be finite and > 0, was -5.0"
                + " (returns count against the purchases of their day)";
        assertThatThrownBy(() -> RfmSummary.fromTransactions(ts, D.plusDays(3), ChronoUnit.DAYS)).hasMessage(message);
        assertThatThrownBy(() -> RfmAccumulator.of(ts).snapshot(D.plusDays(3), ChronoUnit.DAYS)).hasMessage(message);
        assertThatThrownBy(() -> new RfmAccumulator().snapshot(D, ChronoUnit.HOURS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOURS");
        assertThatThrownBy(() -> RfmAccumulator.collector(D, ChronoUnit.HALF_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusedValuesNameWhatIsWrongAndChangeNothing() {
        RfmAccumulator acc = new RfmAccumulator();
        acc.add("a", D, 5);
        byte[] before = acc.toByteArray();
        // reliability report #26 (two same-day amounts of 1e308): such amounts are refused here
        assertThatThrownBy(() -> acc.add("a", D, 1e308)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer a, 2024-01-01: amount 1.0E308 must be finite with magnitude at most 2^960 "
                        + "(about 9.7e288)");
        assertThatThrownBy(() -> acc.add("a", D, Math.scalb(1.0, 960) * (1 + 0x1p-52)))
                .isInstanceOf(IllegalArgumentException.class);
        acc.add("a", D.plusDays(1), -0x1p960); // the limit itself is allowed
        acc.add("a", D.plusDays(1), 0x1p960);
        assertThatThrownBy(() -> acc.add("a", LocalDate.of(6_000_000, 1, 1), 1))
                .hasMessage("customer a: date +6000000-01-01 is outside the years -5877641..5881580 an RfmAccumulator holds");
        assertThatThrownBy(() -> acc.add("x\uD800", D, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer id has an unpaired surrogate at index 1: it cannot be written as UTF-8");
        assertThatThrownBy(() -> acc.add("é".repeat(40_000), D, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer id is 80000 UTF-8 bytes long, more than 65535");
        assertThatThrownBy(() -> acc.addAll(List.of(new Transaction("b", D, 1), new Transaction("c", D, 1e300))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.add(null, D, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> acc.add("a", null, 1)).isInstanceOf(NullPointerException.class);
        RfmAccumulator expected = new RfmAccumulator();
        expected.add("a", D, 5);
        expected.add("a", D.plusDays(1), 0.0);
        assertThat(acc.toByteArray()).isEqualTo(expected.toByteArray()).isNotEqualTo(before);
        assertThat(acc.customers()).isEqualTo(1);
        acc.add("\uD83D\uDE00 ok", D, 1); // a paired surrogate is fine
        assertThat(RfmAccumulator.fromByteArray(acc.toByteArray()).snapshot(D, ChronoUnit.DAYS))
                .containsKeys("\uD83D\uDE00 ok", "a");
    }

    // ---- binary form, against payloads written out from the documented layout ----

    static byte[] frame(byte[] payload) {
        return TestFrames.frame(5, 1, 0, payload);
    }

    @Test
    void writesTheDocumentedLayout() {
        assertThat(new RfmAccumulator().toByteArray()).isEqualTo(frame(TestFrames.payload().i32(0).toArray()))
                .hasSize(20);
        RfmAccumulator acc = new RfmAccumulator();
        acc.add("b", LocalDate.ofEpochDay(3), 2.5);
        acc.add("a", LocalDate.ofEpochDay(-2), 1.0);
        acc.add("a", LocalDate.ofEpochDay(7), 0.2);
        acc.add("a", LocalDate.ofEpochDay(7), 0.1);
        // 0.2 + 0.1 = 0.30000000000000004 with error -2.7755575615628914e-17 (two partials, smaller first)
        double hi = 0.2 + 0.1;
        double lo = -2.7755575615628914e-17;
        assertThat(hi).isEqualTo(0.30000000000000004);
        byte[] expected = frame(TestFrames.payload().i32(2)
                .bytes(new byte[] {1, 0, 'a'}).i32(3).i32(-2).f64(1.0).i32(7).f64(lo).i32(7).f64(hi)
                .bytes(new byte[] {1, 0, 'b'}).i32(1).i32(3).f64(2.5).toArray());
        assertThat(acc.toByteArray()).isEqualTo(expected);
        assertThat(acc.serializedSize()).isEqualTo(expected.length).isEqualTo(16 + 4 + (3 + 4 + 36) + (3 + 4 + 12));
        RfmAccumulator back = RfmAccumulator.fromByteArray(expected);
        assertThat(back.toByteArray()).isEqualTo(expected);
        assertThat(StateFamily.read(expected)).isInstanceOf(RfmAccumulator.class);
        assertThat(StateFamily.byId(5)).isSameAs(RfmAccumulator.FAMILY);
        assertThat(RfmAccumulator.FAMILY.name()).isEqualTo("rfm");
        ByteBuffer two = ByteBuffer.allocate(2 * expected.length);
        acc.writeTo(two);
        acc.writeTo(two);
        two.flip();
        assertThat(RfmAccumulator.fromByteBuffer(two).snapshot(LocalDate.ofEpochDay(9), ChronoUnit.DAYS))
                .isEqualTo(acc.snapshot(LocalDate.ofEpochDay(9), ChronoUnit.DAYS));
        assertThat(two.position()).isEqualTo(expected.length);
    }

    static TestFrames.Payload customer(TestFrames.Payload p, String id, int entries) {
        byte[] b = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return p.bytes(new byte[] {(byte) b.length, (byte) (b.length >> 8)}).bytes(b).i32(entries);
    }

    static void rejects(byte[] payload, String message) {
        assertThatThrownBy(() -> RfmAccumulator.fromByteArray(frame(payload)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt rfm state: " + message);
    }

    @Test
    void readerRejectsEveryBrokenRule() {
        rejects(TestFrames.payload().i32(1).toArray(),
                "customer count 1 does not fit the 0 bytes left (each customer takes at least 18)");
        rejects(TestFrames.payload().i32(-1).toArray(),
                "customer count -1 does not fit the 0 bytes left (each customer takes at least 18)");
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(0).f64(1).toArray(),
                "customer 0: entry count 2 must be >= 1 and fit the 12 bytes left");
        rejects(customer(TestFrames.payload().i32(1), "a", 0).i32(0).f64(1).toArray(),
                "customer 0: entry count 0 must be >= 1 and fit the 12 bytes left");
        rejects(customer(customer(TestFrames.payload().i32(2), "b", 1).i32(0).f64(1), "a", 1).i32(0).f64(1).toArray(),
                "customer 1 id does not follow the previous one: ids must be distinct and in ascending order");
        rejects(customer(customer(TestFrames.payload().i32(2), "a", 1).i32(0).f64(1), "a", 1).i32(0).f64(1).toArray(),
                "customer 1 id does not follow the previous one: ids must be distinct and in ascending order");
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(1).i32(4).f64(1).toArray(),
                "customer 0 entry 1: days must ascend");
        rejects(customer(TestFrames.payload().i32(1), "a", 1).i32(5).f64(-0.0).toArray(),
                "customer 0 entry 0: amount -0.0 must be finite, not -0.0");
        rejects(customer(TestFrames.payload().i32(1), "a", 1).i32(5).f64(Double.NaN).toArray(),
                "customer 0 entry 0: amount NaN must be finite, not -0.0");
        rejects(customer(TestFrames.payload().i32(1), "a", 1).i32(5).f64(Double.NEGATIVE_INFINITY).toArray(),
                "customer 0 entry 0: amount -Infinity must be finite, not -0.0");
        String partials = "customer 0 entry 1: the partials of a day must be non-zero, of increasing magnitude and "
                + "non-overlapping";
        // 1.0 and 2.0 overlap (2.0 = 2^1 has its lowest bit at 2^1 > 1.0, but 1.0 + 2.0 = 3.0 is one double)
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(1.0).i32(5).f64(3.0).toArray(), partials);
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(4.0).i32(5).f64(2.0).toArray(), partials);
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(0.0).i32(5).f64(2.0).toArray(), partials);
        rejects(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(1.0).i32(5).f64(0.0).toArray(), partials);
        rejects(customer(TestFrames.payload().i32(1), "a", 1).i32(5).f64(1.0).i32(0).toArray(),
                "4 unexpected bytes at the end of the payload");
        byte[] badUtf8 = TestFrames.payload().i32(1).bytes(new byte[] {1, 0, (byte) 0xC3}).i32(1).i32(0).f64(1).toArray();
        rejects(badUtf8, "customer id is not valid UTF-8");
        assertThatThrownBy(() -> RfmAccumulator.fromByteArray(TestFrames.frame(5, 1, 1, TestFrames.payload().i32(0)
                .toArray()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flag");
        // accepted: non-overlapping partials, 2^-60 lies below the lowest bit of 1 + 2^-52
        byte[] ok = frame(customer(TestFrames.payload().i32(1), "a", 2).i32(5).f64(0x1p-60).i32(5).f64(1 + 0x1p-52)
                .toArray());
        assertThat(RfmAccumulator.fromByteArray(ok).toByteArray()).isEqualTo(ok);
    }

    @Test
    void lowestBitAndBelowFollowTheBinaryRepresentation() {
        assertThat(ExactSum.lowestBit(3.0)).isEqualTo(1.0);
        assertThat(ExactSum.lowestBit(-12.0)).isEqualTo(4.0);
        assertThat(ExactSum.lowestBit(1 + 0x1p-52)).isEqualTo(0x1p-52);
        assertThat(ExactSum.lowestBit(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(ExactSum.lowestBit(3 * Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
        assertThat(ExactSum.lowestBit(0x1p-1022)).isEqualTo(0x1p-1022);
        assertThat(ExactSum.lowestBit(Double.MAX_VALUE)).isEqualTo(0x1p971);
        assertThat(ExactSum.below(0.5, 3.0)).isTrue();
        assertThat(ExactSum.below(1.0, 3.0)).isFalse();
        assertThat(ExactSum.below(-0.75, 4.0)).isTrue();
    }
}
