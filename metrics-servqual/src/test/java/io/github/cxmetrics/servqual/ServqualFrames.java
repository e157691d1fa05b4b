package io.github.cxmetrics.servqual;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds state frames with a correct CRC in tests, independently of the core's {@code StateFrame}
 * (after the idea of metrics-core's test class {@code TestFrames}, which this module's tests cannot
 * see): the layout is written out here from the format's description (magic "CXMS", family id,
 * version, flags, payload length, payload, CRC-32C of everything before it), so a test that forges
 * a payload checks the reader against the documented format rather than against the writer.
 */
final class ServqualFrames {

    static final int SERVQUAL = 16;
    static final int MEAN = 2;
    /** Frame bytes before the payload. */
    static final int HEADER = 12;

    private ServqualFrames() {
    }

    /** A frame with a correct CRC around a payload. */
    static byte[] frame(int family, int version, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x43, 0x58, 0x4D, 0x53}).put((byte) family).put((byte) version).putShort((short) flags)
                .putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 12 + payload.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** A SERVQUAL frame (family 16, version 1, flags 0) around a payload. */
    static byte[] servqual(byte[] payload) {
        return frame(SERVQUAL, 1, 0, payload);
    }

    /** The bytes of a unit-weight mean state as its format documents them: count, Σw, Σw², mean, M2. */
    static byte[] mean(long count, double weight, double squaredWeight, double mean, double m2) {
        return frame(MEAN, 1, 0, payload().i64(count).f64(weight).f64(squaredWeight).f64(mean).f64(m2).toArray());
    }

    /** An empty mean state. */
    static byte[] emptyMean() {
        return mean(0, 0.0, 0.0, 0.0, 0.0);
    }

    /** The mean state of one value of weight 1. */
    static byte[] meanOf(double x) {
        return mean(1, 1.0, 1.0, x, 0.0);
    }

    /** The payload of a frame (not checked). */
    static byte[] payload(byte[] frame) {
        return Arrays.copyOfRange(frame, HEADER, frame.length - 4);
    }

    /** A copy of the frame with its CRC recomputed (after a test changed bytes inside it). */
    static byte[] reseal(byte[] frame) {
        byte[] copy = frame.clone();
        CRC32C crc = new CRC32C();
        crc.update(copy, 0, copy.length - 4);
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(copy.length - 4, (int) crc.getValue());
        return copy;
    }

    /** A little-endian builder of payloads. */
    static Payload payload() {
        return new Payload();
    }

    /** A growing little-endian payload. */
    static final class Payload {
        private ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);

        private Payload room(int n) {
            if (b.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(2 * b.capacity(), b.position() + n))
                        .order(ByteOrder.LITTLE_ENDIAN);
                b.flip();
                bigger.put(b);
                b = bigger;
            }
            return this;
        }

        Payload u8(int v) {
            room(1).b.put((byte) v);
            return this;
        }

        Payload i32(int v) {
            room(4).b.putInt(v);
            return this;
        }

        Payload i64(long v) {
            room(8).b.putLong(v);
            return this;
        }

        /** A 128-bit two's complement integer: low int64, then high int64. */
        Payload i128(long v) {
            return i64(v).i64(v >> 63);
        }

        Payload f64(double v) {
            room(8).b.putDouble(v);
            return this;
        }

        Payload bytes(byte[] v) {
            room(v.length).b.put(v);
            return this;
        }

        byte[] toArray() {
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
