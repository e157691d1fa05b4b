package io.github.cxmetrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;

/**
 * Invariants of {@link RfmAccumulator}, checked with QuickTheories from a fixed seed (transactions
 * are drawn from a {@link SplittableRandom} seeded by the generated value, so a failing case is
 * reproducible from the seed printed). The references are {@link RfmSummary#fromTransactions} on the
 * unsplit list and, for day sums, {@link BigDecimal} arithmetic, which is exact.
 */
class RfmAccumulatorPropertyTest {

    static final LocalDate START = LocalDate.of(2023, 12, 25);

    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(0x5F_4D_0AL).withExamples(300).withShrinkCycles(0);
    }

    /**
     * Up to {@code n} transactions of up to 12 customers over 40 days, so days repeat; amounts of one of
     * four kinds: cents, doubles over 2^-70..2^70, a mix with a few returns, or huge and tiny values up
     * to the limit (days that cancel and need many partials).
     */
    static List<Transaction> transactions(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        int kind = r.nextInt(4);
        int customers = 1 + r.nextInt(12);
        List<Transaction> ts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double amount = switch (kind) {
                case 0 -> r.nextInt(1, 100_000) / 100.0;
                case 1 -> Math.scalb(r.nextDouble(0.5, 1.0), r.nextInt(-70, 71));
                case 2 -> (r.nextInt(10) == 0 ? -1 : 1) * Math.scalb(r.nextDouble(), r.nextInt(-3, 20));
                default -> (r.nextBoolean() ? -1 : 1) * Math.scalb(r.nextDouble(0.5, 1.0), r.nextInt(-1074, 960));
            };
            ts.add(new Transaction("c" + r.nextInt(customers), START.plusDays(r.nextInt(40)), amount));
        }
        return ts;
    }

    /** The summaries, or the message of the exception that refused them. */
    static Object outcome(java.util.function.Supplier<Map<String, RfmSummary>> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * {@code fromTransactions} on everything or, when it refuses, the refusal of the first customer in
     * id order (the snapshot's order) that {@code fromTransactions} refuses on its own transactions.
     */
    static Object expected(List<Transaction> all, LocalDate end, ChronoUnit unit) {
        Object whole = outcome(() -> RfmSummary.fromTransactions(all, end, unit));
        if (whole instanceof Map) {
            return whole;
        }
        java.util.TreeMap<String, List<Transaction>> byCustomer = new java.util.TreeMap<>();
        for (Transaction t : all) {
            byCustomer.computeIfAbsent(t.customerId(), k -> new ArrayList<>()).add(t);
        }
        for (List<Transaction> one : byCustomer.values()) {
            Object o = outcome(() -> RfmSummary.fromTransactions(one, end, unit));
            if (o instanceof String) {
                return o;
            }
        }
        throw new AssertionError("fromTransactions refused the whole but no customer alone: " + whole);
    }

    @Test
    void splitAnywhereInAnyOrderAndMergedInAnyTreeEqualsFromTransactions() {
        qt().forAll(longs().all(), integers().between(0, 400), longs().all()).checkAssert((seed, n, splitSeed) -> {
            List<Transaction> all = transactions(seed, n);
            SplittableRandom random = new SplittableRandom(splitSeed);
            LocalDate end = START.plusDays(random.nextInt(45));
            ChronoUnit unit = random.nextBoolean() ? ChronoUnit.DAYS : ChronoUnit.WEEKS;
            Object expected = expected(all, end, unit);
            List<Transaction> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            int parts = 1 + random.nextInt(6);
            List<RfmAccumulator> pool = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                pool.add(new RfmAccumulator());
            }
            for (Transaction t : shuffled) {
                pool.get(random.nextInt(parts)).add(t);
            }
            for (int k = 0; k < parts; k++) {
                if (random.nextInt(3) == 0) { // some parts cross the binary form
                    pool.set(k, RfmAccumulator.fromByteArray(pool.get(k).toByteArray()));
                }
            }
            while (pool.size() > 1) {
                RfmAccumulator into = pool.remove(random.nextInt(pool.size()));
                RfmAccumulator from = pool.remove(random.nextInt(pool.size()));
                pool.add(into.merge(from));
            }
            RfmAccumulator merged = pool.get(0);
            assertThat(outcome(() -> merged.snapshot(end, unit))).isEqualTo(expected);
            byte[] bytes = merged.toByteArray();
            assertThat(RfmAccumulator.fromByteArray(bytes).toByteArray()).isEqualTo(bytes);
            assertThat(outcome(() -> RfmAccumulator.fromByteArray(bytes).snapshot(end, unit))).isEqualTo(expected);
        });
    }

    @Test
    void aDaySumIsTheExactSumRoundedOnce() {
        qt().forAll(longs().all(), integers().between(1, 200)).checkAssert((seed, n) -> {
            List<Transaction> ts = transactions(seed, n);
            double[] values = new double[ts.size()];
            BigDecimal exact = BigDecimal.ZERO;
            for (int i = 0; i < values.length; i++) {
                values[i] = ts.get(i).amount();
                exact = exact.add(new BigDecimal(values[i]));
            }
            assertThat(ExactSum.sum(values.clone(), values.length)).isEqualTo(exact.doubleValue() + 0.0);
            // the same through an accumulator: one customer, every amount on one repeat day
            RfmAccumulator acc = new RfmAccumulator();
            acc.add("c", START, 1);
            for (double v : values) {
                acc.add("c", START.plusDays(1), v);
            }
            double total = exact.doubleValue();
            Object got = outcome(() -> acc.snapshot(START.plusDays(1), ChronoUnit.DAYS));
            if (total > 0) {
                assertThat(((Map<?, ?>) got).get("c")).isEqualTo(RfmSummary.of(1, 1.0, 1.0, total));
            } else {
                assertThat(got).isInstanceOf(String.class);
            }
        });
    }

    @Test
    void theArraysHoldAtMostTwentyFourBytesPerEntryInAnyArrivalOrder() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            int days = 1 + r.nextInt(300);
            List<Transaction> ts = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                ts.add(new Transaction("c", START.plusDays(2L * d), 1 + r.nextInt(1000)));
            }
            if (r.nextBoolean()) {
                Collections.shuffle(ts, new java.util.Random(seed));
            }
            RfmAccumulator acc = new RfmAccumulator();
            ts.forEach(acc::add);
            acc.serializedSize(); // compacts
            long[] ec = acc.entriesAndCapacity();
            assertThat(ec[0]).isEqualTo(days);
            // one int and one double per slot: 12 bytes; at most 2 slots per entry once above the minimum
            assertThat(ec[1]).isLessThanOrEqualTo(Math.max(4, 2 * ec[0]));
            byte[] bytes = acc.toByteArray();
            assertThat(acc.trimToSize().entriesAndCapacity()).containsExactly(days, days);
            assertThat(acc.toByteArray()).isEqualTo(bytes);
            acc.add("c", START.minusDays(1), 2); // and it still grows
            assertThat(acc.entriesAndCapacity()[0]).isEqualTo(days + 1);
        });
    }
}
