package io.github.cxmetrics.stats;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * A mutable partial result that can be merged with another of its kind and written as bytes: the
 * one contract every accumulator of cxmetrics implements, so that a distributed engine (a Spark
 * aggregator, a Flink aggregate function, a Kafka Streams store) can be adapted once for all of them.
 *
 * <p><b>Contract.</b> For accumulators {@code a}, {@code b}, {@code c} of one family built on the
 * same parameters (scale, instrument, observation end …):
 * <ul>
 *   <li>{@code a.merge(b)} adds {@code b}'s data to {@code a}, leaves {@code b} unchanged and returns
 *       {@code a}; merging is associative and commutative, and splitting input anywhere, accumulating
 *       the parts and merging gives what one pass gives — exactly for counts, and to floating-point
 *       rounding only where a family says so;</li>
 *   <li>a rejected merge ({@link IllegalArgumentException} for incompatible parameters,
 *       {@link ArithmeticException} for a count overflow) changes nothing;</li>
 *   <li>{@link #writeTo(ByteBuffer)} writes exactly {@link #serializedSize()} bytes, and
 *       {@link StateFamily#fromByteBuffer(ByteBuffer)} of the family reads them back into an
 *       accumulator whose bytes are identical and whose results are equal;</li>
 *   <li>a reader accepts nothing but a well-formed, checksummed state of its family whose contents
 *       are consistent; anything else is an {@link IllegalArgumentException} naming what is wrong,
 *       never another exception and never a silently different state.</li>
 * </ul>
 * The bytes are one frame of the cxmetrics state format: magic, family id, format version, flags,
 * payload length, payload and a CRC-32C, documented field by field in {@code docs/binary-format.md}
 * of the source distribution. Each family keeps reading every format version it has published.
 *
 * <p>Implementations are not thread-safe unless they say so.
 *
 * @param <S> the accumulator type itself
 * @since 0.2.0
 */
public interface Mergeable<S extends Mergeable<S>> {

    /**
     * Merges another accumulator of the same family and parameters into this one.
     *
     * @param other the accumulator to merge in; unchanged (it may be this accumulator)
     * @return this accumulator
     * @throws NullPointerException if {@code other} is null
     * @throws IllegalArgumentException if the two are incompatible; nothing changes then
     * @throws ArithmeticException if a count would overflow; nothing changes then
     */
    S merge(S other);

    /**
     * A deep copy: an independent accumulator of the same family and parameters with this state (its
     * bytes are identical, its results equal); adding to or merging into either leaves the other as
     * it is. Engines need it where they hand out or snapshot an accumulator they keep using (Flink's
     * {@code TypeSerializer.copy}, Beam's immutability checks, Kryo's {@code copy}).
     *
     * @return the copy
     */
    S copy();

    /**
     * The family of this state: its id in the binary format and its reader.
     *
     * @return the family
     */
    StateFamily<S> family();

    /**
     * The exact number of bytes {@link #writeTo(ByteBuffer)} writes for the current state.
     *
     * @return the size in bytes
     */
    int serializedSize();

    /**
     * Writes the state at the buffer's position and moves the position past it, whatever the buffer's
     * byte order (the format is little-endian and does not change the buffer's order).
     *
     * @param target the buffer, with at least {@link #serializedSize()} bytes remaining
     * @throws NullPointerException if {@code target} is null
     * @throws BufferOverflowException if fewer bytes remain; nothing is written then
     * @throws java.nio.ReadOnlyBufferException if the buffer is read-only
     */
    void writeTo(ByteBuffer target);

    /**
     * The state as a new byte array: {@link #serializedSize()} bytes, as {@link #writeTo(ByteBuffer)}
     * writes them.
     *
     * @return the bytes
     */
    default byte[] toByteArray() {
        byte[] bytes = new byte[serializedSize()];
        writeTo(ByteBuffer.wrap(bytes));
        return bytes;
    }
}
