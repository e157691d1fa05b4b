package io.github.cxmetrics.internal.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds and takes apart state frames in tests, independently of {@link StateFrame}: the layout is
 * written out here from the package description, so a test that forges a payload checks the reader
 * against the documented format rather than against the writer.
 */
public final class TestFrames {

    private TestFrames() {
    }

    /** A frame with a correct CRC around a payload. */
    public static byte[] frame(int family, int version, int flags, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x43, 0x58, 0x4D, 0x53}).put((byte) family).put((byte) version).putShort((short) flags)
                .putInt(payload.length).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 12 + payload.length);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** The payload of a frame (not checked). */
    public static byte[] payload(byte[] frame) {
        return Arrays.copyOfRange(frame, 12, frame.length - 4);
    }

    /** The flags of a frame. */
    public static int flags(byte[] frame) {
        return (frame[6] & 0xFF) | (frame[7] & 0xFF) << 8;
    }

    /** A copy of the frame with its CRC recomputed (after a test changed bytes inside it). */
    public static byte[] reseal(byte[] frame) {
        byte[] copy = frame.clone();
        CRC32C crc = new CRC32C();
        crc.update(copy, 0, copy.length - 4);
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(copy.length - 4, (int) crc.getValue());
        return copy;
    }

    /** A little-endian builder of payloads. */
    public static Payload payload() {
        return new Payload();
    }

    /** A growing little-endian payload. */
    public static final class Payload {
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

        public Payload u8(int v) {
            room(1).b.put((byte) v);
            return this;
        }

        public Payload i16(int v) {
            room(2).b.putShort((short) v);
            return this;
        }

        public Payload i32(int v) {
            room(4).b.putInt(v);
            return this;
        }

        public Payload i64(long v) {
            room(8).b.putLong(v);
            return this;
        }

        public Payload f64(double v) {
            room(8).b.putDouble(v);
            return this;
        }

        public Payload bytes(byte[] v) {
            room(v.length).b.put(v);
            return this;
        }

        public byte[] toArray() {
            return Arrays.copyOf(b.array(), b.position());
        }
    }
}
