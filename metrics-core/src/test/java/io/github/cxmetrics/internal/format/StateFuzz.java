package io.github.cxmetrics.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A bounded, deterministic fuzzer of one state family's reader, after the reliability report's
 * harness (round 2, §2): random arrays, random arrays behind a valid header, every truncation and
 * one-byte extension of every seed, single-bit flips of the seeds, and — since a checksum only stops
 * accidents — mutations whose CRC is recomputed, which only the payload's invariant checks can stop.
 *
 * <p>Required: no exception but {@link IllegalArgumentException}; every input that is not a seed's
 * exact bytes with a changed bit is rejected; every accepted resealed mutation re-serialises to the
 * same bytes and passes the family's invariant check.
 */
final class StateFuzz<S extends Mergeable<S>> {

    /** Outcome counts, for the report. */
    static final class Tally {
        long inputs;
        long rejected;
        long acceptedSeeds;
        long acceptedResealed;
        long[] millis;

        @Override
        public String toString() {
            return String.format("%,d inputs: %,d rejected (IAE), %,d resealed mutations accepted as consistent "
                    + "states, 0 other outcomes (ms: %s)", inputs, rejected, acceptedResealed, Arrays.toString(millis));
        }
    }

    private static final long[] SPECIAL_BITS = {
        Double.doubleToRawLongBits(Double.NaN), Double.doubleToRawLongBits(Double.POSITIVE_INFINITY),
        Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY), Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(Double.MIN_VALUE), Double.doubleToRawLongBits(Double.MAX_VALUE),
        Double.doubleToRawLongBits(1e300), 0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, 0x7FFFFFFFL,
        0xFFFFFFFFL};

    private final StateFamily<S> family;
    private final List<byte[]> seeds;
    private final Consumer<S> invariants;
    private final SplittableRandom random;
    final Tally tally = new Tally();

    StateFuzz(StateFamily<S> family, List<S> seedStates, Consumer<S> invariants, long seed) {
        this.family = family;
        this.seeds = seedStates.stream().map(Mergeable::toByteArray).toList();
        this.invariants = invariants;
        this.random = new SplittableRandom(seed);
    }

    /** Runs every input class; {@code flips} single-bit flips and {@code mutations} resealed mutations. */
    Tally run(int randomArrays, int flips, int mutations) {
        long t0 = System.nanoTime();
        for (byte[] seed : seeds) {
            S read = family.fromByteArray(seed);
            assertThat(read.toByteArray()).as("a seed reads back to its bytes").isEqualTo(seed);
            invariants.accept(read);
            tally.acceptedSeeds++;
        }
        for (int i = 0; i < randomArrays; i++) {
            byte[] b = new byte[random.nextInt(0, 201)];
            random.nextBytes(b);
            if (i % 2 == 1 && b.length >= 16) {
                // a valid header: magic, family, version, a random payload length and a random rest
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(0, StateFrame.MAGIC);
                b[4] = (byte) family.id();
                b[5] = (byte) family.version();
                if (i % 4 == 3) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(8, b.length - 16);
                }
            }
            mustReject(b, "random array", i);
        }
        for (byte[] seed : seeds) {
            for (int n = 0; n < seed.length; n++) {
                mustReject(Arrays.copyOf(seed, n), "truncation to length", n);
            }
            mustReject(Arrays.copyOf(seed, seed.length + 1), "one byte longer, length", seed.length + 1);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < flips; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bad = seed.clone();
            int bit = random.nextInt(8 * bad.length);
            bad[bit >>> 3] ^= (byte) (1 << (bit & 7));
            mustReject(bad, "flipped bit", bit);
        }
        long t2 = System.nanoTime();
        for (int i = 0; i < mutations; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] bad = mutate(seed);
            if (!Arrays.equals(bad, seed)) {
                resealed(TestFrames.reseal(bad));
            }
        }
        long t3 = System.nanoTime();
        tally.millis = new long[] {(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000};
        return tally;
    }

    private byte[] mutate(byte[] seed) {
        byte[] b = seed.clone();
        int payloadLength = b.length - 16;
        if (payloadLength <= 0) {
            return b;
        }
        switch (random.nextInt(4)) {
            case 0 -> { // 1..4 random bytes of the payload replaced
                int k = 1 + random.nextInt(4);
                for (int j = 0; j < k; j++) {
                    b[12 + random.nextInt(payloadLength)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> { // 2..8 bits of the payload flipped
                int k = 2 + random.nextInt(7);
                for (int j = 0; j < k; j++) {
                    int bit = random.nextInt(8 * payloadLength);
                    b[12 + (bit >>> 3)] ^= (byte) (1 << (bit & 7));
                }
            }
            case 2 -> { // an aligned 8-byte field replaced by a special long or double
                if (payloadLength >= 8) {
                    int at = 12 + random.nextInt(payloadLength - 7);
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN)
                            .putLong(at, SPECIAL_BITS[random.nextInt(SPECIAL_BITS.length)]);
                }
            }
            default -> { // one byte set to an interesting value
                int[] values = {0x00, 0xFF, 0x7F, 0x80, 0x01};
                b[12 + random.nextInt(payloadLength)] = (byte) values[random.nextInt(values.length)];
            }
        }
        return b;
    }

    private void mustReject(byte[] bytes, String what, int detail) {
        tally.inputs++;
        try {
            family.fromByteArray(bytes);
        } catch (IllegalArgumentException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new AssertionError(family.name() + ": no message for a " + what + " " + detail + " input");
            }
            tally.rejected++;
            return;
        }
        throw new AssertionError(family.name() + ": accepted a " + what + " " + detail + " input: "
                + Arrays.toString(bytes));
    }

    private void resealed(byte[] bytes) {
        tally.inputs++;
        S read;
        try {
            read = family.fromByteArray(bytes);
        } catch (IllegalArgumentException expected) {
            tally.rejected++;
            return;
        }
        assertThat(read.toByteArray()).as("an accepted state re-serialises to its bytes").isEqualTo(bytes);
        assertThat(read.serializedSize()).isEqualTo(bytes.length);
        invariants.accept(read);
        tally.acceptedResealed++;
    }
}
