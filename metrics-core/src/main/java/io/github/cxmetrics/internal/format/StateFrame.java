package io.github.cxmetrics.internal.format;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * Writes and opens the frame every mergeable state is stored in (layout: the package description).
 * Writing: {@link #begin(ByteBuffer, int, int, int, int)} gives a {@link Writer} for the payload and
 * {@link Writer#finish()} appends the CRC. Reading: {@link #open(ByteBuffer, int, String, int)} checks
 * the frame and gives a {@link Reader} over the payload, whose methods throw
 * {@link IllegalArgumentException} (never a buffer exception) when the payload ends early, and whose
 * {@link Reader#finish()} checks that the payload was consumed exactly and moves the source past the
 * frame. A source buffer's position moves only when a whole state was read and accepted.
 */
public final class StateFrame {

    /** "CXMS" read as a little-endian int. */
    public static final int MAGIC = 0x534D5843;
    /** Bytes before the payload. */
    public static final int HEADER_BYTES = 12;
    /** Bytes after the payload (the CRC). */
    public static final int TRAILER_BYTES = 4;
    /** Header and trailer together. */
    public static final int OVERHEAD = HEADER_BYTES + TRAILER_BYTES;
    /** The largest payload, so that a frame fits a Java array. */
    public static final int MAX_PAYLOAD = Integer.MAX_VALUE - 64 - OVERHEAD;

    private StateFrame() {
    }

    /**
     * The size of a frame around a payload.
     *
     * @param payloadBytes the payload length
     * @return the frame length
     * @throws IllegalArgumentException if the payload would not fit a Java array
     */
    public static int size(long payloadBytes) {
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD) {
            throw new IllegalArgumentException("the state is too large for its binary form: a payload of "
                    + payloadBytes + " bytes exceeds " + MAX_PAYLOAD);
        }
        return (int) payloadBytes + OVERHEAD;
    }

    /**
     * Starts a frame at the target's position.
     *
     * @param target where to write; needs {@code size(payloadBytes)} bytes remaining
     * @param family the family id, 1..255
     * @param version the format version, 1..255
     * @param flags the flags, 0..65535
     * @param payloadBytes the exact payload length that will be written
     * @return a writer of the payload
     * @throws BufferOverflowException if the target has too little room; nothing is written then
     * @throws ReadOnlyBufferException if the target is read-only
     */
    public static Writer begin(ByteBuffer target, int family, int version, int flags, int payloadBytes) {
        Objects.requireNonNull(target, "target");
        int size = size(payloadBytes);
        if (target.isReadOnly()) {
            throw new ReadOnlyBufferException();
        }
        if (target.remaining() < size) {
            throw new BufferOverflowException();
        }
        ByteBuffer out = target.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = out.position();
        out.limit(start + size);
        out.putInt(MAGIC).put((byte) family).put((byte) version).putShort((short) flags).putInt(payloadBytes);
        return new Writer(target, out, start, size);
    }

    /**
     * Opens the frame at the source's position: checks the length, magic, family, version and CRC.
     *
     * @param source the input; its position is not moved (see {@link Reader#finish()})
     * @param family the expected family id
     * @param name the state's name for messages, e.g. "rating"
     * @param maxVersion the newest version this library reads (versions 1..maxVersion are accepted)
     * @return a reader of the payload
     * @throws IllegalArgumentException if the frame is truncated, not a cxmetrics state, of another
     *     family, of an unknown version or fails its CRC
     */
    public static Reader open(ByteBuffer source, int family, String name, int maxVersion) {
        Objects.requireNonNull(source, "source");
        ByteBuffer in = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        int available = in.remaining();
        if (available < OVERHEAD) {
            throw new IllegalArgumentException("truncated " + name + " state: " + available
                    + " bytes, a state has at least " + OVERHEAD);
        }
        int payload = in.getInt(start + 8);
        if (payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("corrupt " + name + " state: its header declares a payload of "
                    + payload + " bytes, more than the format's maximum of " + MAX_PAYLOAD);
        }
        if (payload < 0 || payload > available - OVERHEAD) {
            throw new IllegalArgumentException("truncated or corrupt " + name + " state: its header declares a "
                    + "payload of " + Integer.toUnsignedString(payload) + " bytes, the input has "
                    + (available - OVERHEAD) + " after the header and checksum");
        }
        int magic = in.getInt(start);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(String.format(
                    "not a cxmetrics %s state: magic bytes %02x %02x %02x %02x, expected 43 58 4d 53", name,
                    magic & 0xFF, magic >>> 8 & 0xFF, magic >>> 16 & 0xFF, magic >>> 24));
        }
        int actualFamily = Byte.toUnsignedInt(in.get(start + 4));
        if (actualFamily != family) {
            throw new IllegalArgumentException("not a " + name + " state: its family id is " + actualFamily
                    + ", a " + name + " state has " + family);
        }
        int version = Byte.toUnsignedInt(in.get(start + 5));
        if (version < 1 || version > maxVersion) {
            throw new IllegalArgumentException("unsupported " + name + " state format version " + version
                    + ", this library reads versions 1.." + maxVersion);
        }
        int crcAt = start + HEADER_BYTES + payload;
        int stored = in.getInt(crcAt);
        int computed = crc(in, start, crcAt);
        if (stored != computed) {
            throw new IllegalArgumentException("corrupt " + name + " state: CRC-32C " + hex8(computed)
                    + " does not match the stored " + hex8(stored));
        }
        int flags = Short.toUnsignedInt(in.getShort(start + 6));
        ByteBuffer body = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        body.position(start + HEADER_BYTES).limit(crcAt);
        return new Reader(source, body, name, version, flags, crcAt + TRAILER_BYTES);
    }

    /**
     * The family id of the frame at the source's position, after checking its length and magic.
     *
     * @param source the input (not moved)
     * @return the family id, 0..255
     * @throws IllegalArgumentException if the input is too short or not a cxmetrics state
     */
    public static int peekFamily(ByteBuffer source) {
        Objects.requireNonNull(source, "source");
        ByteBuffer in = source.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < OVERHEAD) {
            throw new IllegalArgumentException("truncated state: " + in.remaining()
                    + " bytes, a state has at least " + OVERHEAD);
        }
        if (in.getInt(in.position()) != MAGIC) {
            throw new IllegalArgumentException("not a cxmetrics state: bad magic bytes, expected 43 58 4d 53");
        }
        return Byte.toUnsignedInt(in.get(in.position() + 4));
    }

    private static String hex8(int v) {
        String h = Integer.toHexString(v);
        return "00000000".substring(h.length()) + h;
    }

    private static int crc(ByteBuffer in, int from, int to) {
        CRC32C crc = new CRC32C();
        ByteBuffer range = in.duplicate();
        range.limit(to).position(from);
        crc.update(range);
        return (int) crc.getValue();
    }

    /** Writes a payload, little-endian; {@link #finish()} appends the CRC and moves the target. */
    public static final class Writer {
        private final ByteBuffer target;
        private final ByteBuffer out;
        private final int start;
        private final int size;

        private Writer(ByteBuffer target, ByteBuffer out, int start, int size) {
            this.target = target;
            this.out = out;
            this.start = start;
            this.size = size;
        }

        /**
         * Writes an unsigned byte.
         *
         * @param v 0..255
         * @return this writer
         */
        public Writer u8(int v) {
            out.put((byte) v);
            return this;
        }

        /**
         * Writes an int32.
         *
         * @param v the value
         * @return this writer
         */
        public Writer i32(int v) {
            out.putInt(v);
            return this;
        }

        /**
         * Writes an int64.
         *
         * @param v the value
         * @return this writer
         */
        public Writer i64(long v) {
            out.putLong(v);
            return this;
        }

        /**
         * Writes a float64 (its raw IEEE 754 bits).
         *
         * @param v the value
         * @return this writer
         */
        public Writer f64(double v) {
            out.putDouble(v);
            return this;
        }

        /**
         * The buffer being written, positioned at the next payload byte, for nested frames.
         *
         * @return the buffer
         */
        public ByteBuffer buffer() {
            return out;
        }

        /**
         * The byte length of a string as {@link #string(String)} writes it: a uint16 length and the
         * UTF-8 bytes.
         *
         * @param s the string
         * @return its size in the payload
         */
        public static int stringSize(String s) {
            return 2 + utf8Length(s);
        }

        /**
         * Writes a string: its UTF-8 length (uint16, at most 65 535) and bytes.
         *
         * @param s the string, well-formed UTF-16
         * @return this writer
         */
        public Writer string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.putShort((short) b.length).put(b);
            return this;
        }

        /** Appends the CRC, checks the declared size was written and moves the target past the frame. */
        public void finish() {
            if (out.position() != start + size - TRAILER_BYTES) {
                throw new AssertionError("payload size mismatch: wrote " + (out.position() - start - HEADER_BYTES)
                        + " bytes, declared " + (size - OVERHEAD));
            }
            out.putInt(crc(out, start, out.position()));
            target.position(start + size);
        }
    }

    /** The UTF-8 length of a string (unpaired surrogates count as the one-byte '?' the encoder writes). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * Reads a payload, little-endian. Every method throws {@link IllegalArgumentException} naming the
     * state and the field when the payload ends before it.
     */
    public static final class Reader {
        private final ByteBuffer source;
        private final ByteBuffer in;
        private final String name;
        private final int version;
        private final int flags;
        final int frameEnd;

        private Reader(ByteBuffer source, ByteBuffer in, String name, int version, int flags, int frameEnd) {
            this.source = source;
            this.in = in;
            this.name = name;
            this.version = version;
            this.flags = flags;
            this.frameEnd = frameEnd;
        }

        /**
         * The format version of the frame.
         *
         * @return the version
         */
        public int version() {
            return version;
        }

        /**
         * The flags of the frame.
         *
         * @return the flags, 0..65535
         */
        public int flags() {
            return flags;
        }

        /**
         * Rejects flags outside a mask.
         *
         * @param known the bits this version defines
         * @return the flags
         * @throws IllegalArgumentException if another bit is set
         */
        public int requireFlags(int known) {
            if ((flags & ~known) != 0) {
                throw corrupt("unknown flags 0x" + Integer.toHexString(flags));
            }
            return flags;
        }

        /**
         * The payload bytes not yet read.
         *
         * @return the count
         */
        public int remaining() {
            return in.remaining();
        }

        /**
         * Checks that at least {@code bytes} remain, before allocating for them.
         *
         * @param bytes the bytes needed
         * @param what what they hold, for the message
         * @throws IllegalArgumentException if fewer remain
         */
        public void require(long bytes, String what) {
            if (bytes < 0 || bytes > in.remaining()) {
                throw corrupt(what + " need " + bytes + " bytes, the payload has " + in.remaining() + " left");
            }
        }

        private void need(int bytes, String field) {
            if (in.remaining() < bytes) {
                throw corrupt("the payload ends before " + field);
            }
        }

        /**
         * Reads an unsigned byte.
         *
         * @param field the field's name
         * @return 0..255
         */
        public int u8(String field) {
            need(1, field);
            return Byte.toUnsignedInt(in.get());
        }

        /**
         * Reads an int32.
         *
         * @param field the field's name
         * @return the value
         */
        public int i32(String field) {
            need(4, field);
            return in.getInt();
        }

        /**
         * Reads an int64.
         *
         * @param field the field's name
         * @return the value
         */
        public long i64(String field) {
            need(8, field);
            return in.getLong();
        }

        /**
         * Reads a float64.
         *
         * @param field the field's name
         * @return the value
         */
        public double f64(String field) {
            need(8, field);
            return in.getDouble();
        }

        /**
         * Reads a string written by {@link Writer#string(String)}, rejecting malformed UTF-8.
         *
         * @param field the field's name
         * @return the string
         */
        public String string(String field) {
            need(2, field);
            int length = Short.toUnsignedInt(in.getShort());
            need(length, field);
            ByteBuffer bytes = in.slice();
            bytes.limit(length);
            in.position(in.position() + length);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            } catch (CharacterCodingException e) {
                throw corrupt(field + " is not valid UTF-8");
            }
        }

        /**
         * The payload buffer at the next unread byte, for nested frames; reading from it advances this
         * reader.
         *
         * @return the buffer
         */
        public ByteBuffer buffer() {
            return in;
        }

        /**
         * An exception for a payload that breaks an invariant.
         *
         * @param what what is wrong
         * @return the exception, to throw
         */
        public IllegalArgumentException corrupt(String what) {
            return new IllegalArgumentException("corrupt " + name + " state: " + what);
        }

        /**
         * Checks that the whole payload was read and moves the source past the frame.
         *
         * @throws IllegalArgumentException if payload bytes are left over
         */
        public void finish() {
            if (in.hasRemaining()) {
                throw corrupt(in.remaining() + " unexpected bytes at the end of the payload");
            }
            source.position(frameEnd);
        }
    }
}
