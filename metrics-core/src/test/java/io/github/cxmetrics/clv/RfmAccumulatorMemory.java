package io.github.cxmetrics.clv;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Measures the heap an {@link RfmAccumulator} retains per customer-day (not a test: run it by hand).
 * For 10⁵ customers with 100 purchase days each, in random day order, it prints the retained heap per
 * customer-day with the per-customer cost (an accumulator of the same customers with one day each)
 * subtracted, as built and after {@link RfmAccumulator#trimToSize()}. Run after {@code mvn -pl metrics-core test-compile}:
 * <pre>
 * java -XX:+UseSerialGC -Xmx1g -cp metrics-core/target/classes:metrics-core/target/test-classes \
 *     io.github.cxmetrics.clv.RfmAccumulatorMemory
 * </pre>
 */
public final class RfmAccumulatorMemory {

    private RfmAccumulatorMemory() {
    }

    static final int CUSTOMERS = 100_000;
    static final int DAYS = 100;

    static long used() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static RfmAccumulator build(int days, int perDay, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] ids = new String[CUSTOMERS];
        for (int c = 0; c < CUSTOMERS; c++) {
            ids[c] = String.format("C%07d", c);
        }
        RfmAccumulator acc = new RfmAccumulator();
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int c = 0; c < CUSTOMERS; c++) {
            int[] order = new int[days];
            for (int d = 0; d < days; d++) {
                order[d] = d;
            }
            for (int d = days - 1; d > 0; d--) { // shuffle the days: arrival order is not chronological
                int j = r.nextInt(d + 1);
                int t = order[d];
                order[d] = order[j];
                order[j] = t;
            }
            for (int d = 0; d < days; d++) {
                for (int k = 0; k < perDay; k++) {
                    acc.add(ids[c], start.plusDays(3L * order[d]), r.nextInt(1, 100_000) / 100.0);
                }
            }
        }
        acc.serializedSize(); // compacts every customer, as a snapshot or write does
        return acc;
    }

    public static void main(String[] args) {
        long base = used();
        RfmAccumulator one = build(1, 1, 1);
        long perCustomer = used() - base;
        long[] ec1 = one.entriesAndCapacity();
        one = null;
        for (int perDay = 1; perDay <= 2; perDay++) {
            long before = used();
            RfmAccumulator acc = build(DAYS, perDay, 2);
            long bytes = used() - before;
            long[] ec = acc.entriesAndCapacity();
            System.out.printf("%d purchase(s) a day: %.1f bytes per customer-day (entries %d, slots %d), "
                    + "%.1f bytes per customer with one day%n", perDay,
                    (double) (bytes - perCustomer) / ((long) CUSTOMERS * (DAYS - 1)), ec[0], ec[1],
                    (double) perCustomer / CUSTOMERS);
            acc.trimToSize();
            long trimmed = used() - before;
            System.out.printf("  after trimToSize(): %.1f bytes per customer-day%n",
                    (double) (trimmed - perCustomer) / ((long) CUSTOMERS * (DAYS - 1)));
            acc = null;
        }
        System.out.println("one-day accumulator: entries " + ec1[0] + ", slots " + ec1[1]);
    }
}
