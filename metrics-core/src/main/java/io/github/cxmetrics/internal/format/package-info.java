/**
 * The one binary layout of every mergeable state (not exported: not part of the API).
 *
 * <p>A state is written as one <i>frame</i>, little-endian:
 * <pre>{@code
 * offset   size  field
 * 0        4     magic "CXMS" (0x43 0x58 0x4D 0x53)
 * 4        1     family id (uint8): which state this is (see io.github.cxmetrics.stats.StateFamily)
 * 5        1     format version of that family (uint8, from 1)
 * 6        2     flags (uint16), defined per family and version; unknown bits are rejected
 * 8        4     payload length n (int32, 0 <= n <= 2^31 − 81)
 * 12       n     payload, laid out per family and version
 * 12 + n   4     CRC-32C (Castagnoli) of bytes 0 .. 11 + n (uint32)
 * }</pre>
 * {@link io.github.cxmetrics.internal.format.StateFrame} writes and opens frames; a reader checks, in
 * this order and before it allocates anything, the length (the frame must fit the input; a byte array
 * must be exactly one frame), the magic, the family, the version, the CRC, and only then parses the
 * payload and checks the state's invariants. The CRC-32C detects every error of up to 32 consecutive
 * bits and every odd number of flipped bits (Castagnoli, Bräuer &amp; Herrmann 1993, "Optimization of
 * cyclic redundancy-check codes with 24 and 32 parity bits", <i>IEEE Transactions on Communications</i>
 * 41(6):883–892), so a single flipped bit anywhere in a frame is always rejected. The payload layouts
 * are written out field by field in {@code docs/binary-format.md}.
 */
package io.github.cxmetrics.internal.format;
