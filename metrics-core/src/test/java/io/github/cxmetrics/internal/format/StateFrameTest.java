package io.github.cxmetrics.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.stats.MeanAccumulator;
import io.github.cxmetrics.stats.Mergeable;
import io.github.cxmetrics.stats.StateFamily;
import io.github.cxmetrics.survey.RatingAccumulator;
import io.github.cxmetrics.survey.Scale;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame layer and the family registry, against the layout of the package description. */
class StateFrameTest {

    @Test
    void aFrameIsHeaderPayloadAndTheCrc32cOfBoth() {
        ByteBuffer out = ByteBuffer.allocate(StateFrame.size(5));
        StateFrame.begin(out, 7, 3, 0x0102, 5).u8(0xAB).i32(-2).finish();
        assertThat(out.position()).isEqualTo(21);
        byte[] bytes = out.array();
        // the same frame built by hand; CRC-32C("CXMS" 07 03 02 01 05 00 00 00 ab fe ff ff ff) computed with
        // java.util.zip.CRC32C inside TestFrames, whose check value for "123456789" is e3069283 (tested below)
        assertThat(bytes).isEqualTo(TestFrames.frame(7, 3, 0x0102, new byte[] {(byte) 0xAB, (byte) 0xFE, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF}));
        StateFrame.Reader in = StateFrame.open(ByteBuffer.wrap(bytes), 7, "test", 3);
        assertThat(in.version()).isEqualTo(3);
        assertThat(in.flags()).isEqualTo(0x0102);
        assertThat(in.u8("a")).isEqualTo(0xAB);
        assertThat(in.i32("b")).isEqualTo(-2);
        in.finish();
    }

    @Test
    void crc32cIsTheCastagnoliPolynomial() {
        // the standard check value of CRC-32C (RFC 3720, iSCSI, appendix B.4): "123456789" -> 0xE3069283
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(crc.getValue()).isEqualTo(0xE3069283L);
    }

    @Test
    void readersCheckLengthMagicFamilyVersionAndCrcInThatOrder() {
        byte[] good = TestFrames.frame(9, 1, 0, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(new byte[15]), 9, "test", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated test state: 15 bytes, a state has at least 16");
        byte[] longer = good.clone();
        longer[8] = 4; // declares one payload byte more than there is
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(longer), 9, "test", 1))
                .hasMessage("truncated or corrupt test state: its header declares a payload of 4 bytes, the input has "
                        + "3 after the header and checksum");
        byte[] negative = good.clone();
        negative[11] = (byte) 0x80;
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(negative), 9, "test", 1))
                .hasMessageContaining("declares a payload of 2147483651 bytes");
        byte[] huge = good.clone(); // 2^31 − 80: one byte more than any frame can carry (checked first)
        java.nio.ByteBuffer.wrap(huge).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, Integer.MAX_VALUE - 79);
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(huge), 9, "test", 1))
                .hasMessage("corrupt test state: its header declares a payload of 2147483568 bytes, more than the "
                        + "format's maximum of 2147483567");
        byte[] magic = good.clone();
        magic[3] = 'R';
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(magic), 9, "test", 1))
                .hasMessage("not a cxmetrics test state: magic bytes 43 58 4d 52, expected 43 58 4d 53");
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(good), 8, "test", 1))
                .hasMessage("not a test state: its family id is 9, a test state has 8");
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(TestFrames.frame(9, 2, 0, new byte[0])), 9, "test", 1))
                .hasMessage("unsupported test state format version 2, this library reads versions 1..1");
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(TestFrames.frame(9, 0, 0, new byte[0])), 9, "test", 1))
                .hasMessage("unsupported test state format version 0, this library reads versions 1..1");
        byte[] crc = good.clone();
        crc[13] ^= 0x10;
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(crc), 9, "test", 1))
                .hasMessageStartingWith("corrupt test state: CRC-32C ");
        StateFrame.Reader r = StateFrame.open(ByteBuffer.wrap(good), 9, "test", 1);
        assertThat(r.requireFlags(0)).isZero();
        assertThatThrownBy(r::finish).hasMessage("corrupt test state: 3 unexpected bytes at the end of the payload");
        assertThatThrownBy(() -> r.i64("a long")).hasMessage("corrupt test state: the payload ends before a long");
        assertThatThrownBy(() -> r.require(4, "four things")).hasMessage(
                "corrupt test state: four things need 4 bytes, the payload has 3 left");
    }

    @Test
    void stringsAreLengthPrefixedUtf8AndMalformedBytesAreRejected() {
        String s = "Zoë 💶";
        assertThat(StateFrame.Writer.stringSize(s)).isEqualTo(2 + 2 + 2 + 1 + 4); // length, "Zo", "ë", " ", the euro banknote (U+1F4B6)
        ByteBuffer out = ByteBuffer.allocate(StateFrame.size(StateFrame.Writer.stringSize(s)));
        StateFrame.begin(out, 9, 1, 0, StateFrame.Writer.stringSize(s)).string(s).finish();
        assertThat(StateFrame.open(ByteBuffer.wrap(out.array()), 9, "test", 1).string("id")).isEqualTo(s);
        byte[] bad = TestFrames.frame(9, 1, 0, new byte[] {2, 0, (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(bad), 9, "test", 1).string("id"))
                .hasMessage("corrupt test state: id is not valid UTF-8");
        byte[] cut = TestFrames.frame(9, 1, 0, new byte[] {5, 0, 'a'});
        assertThatThrownBy(() -> StateFrame.open(ByteBuffer.wrap(cut), 9, "test", 1).string("id"))
                .hasMessage("corrupt test state: the payload ends before id");
    }

    @Test
    void writersNeedRoomAndAWritableBufferAndWriteNothingOtherwise() {
        ByteBuffer small = ByteBuffer.allocate(20);
        small.position(1);
        assertThatThrownBy(() -> StateFrame.begin(small, 1, 1, 0, 4)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isEqualTo(1);
        assertThat(small.array()).containsOnly(0);
        assertThatThrownBy(() -> StateFrame.begin(ByteBuffer.allocate(40).asReadOnlyBuffer(), 1, 1, 0, 4))
                .isInstanceOf(ReadOnlyBufferException.class);
        assertThatThrownBy(() -> StateFrame.size(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StateFrame.size((long) Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the state is too large for its binary form");
    }

    @Test
    void framesAreLittleEndianWhateverTheBufferOrderAndTheOrderIsKept() {
        ByteBuffer big = ByteBuffer.allocate(StateFrame.size(8)).order(ByteOrder.BIG_ENDIAN);
        StateFrame.begin(big, 1, 1, 0, 8).i64(1).finish();
        assertThat(big.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(big.array()[12]).isEqualTo((byte) 1);
    }

    @Test
    void theRegistryFindsEveryCoreFamilyByIdAndClass() {
        List<StateFamily<?>> all = StateFamily.all();
        assertThat(all).contains(RatingAccumulator.FAMILY, MeanAccumulator.FAMILY);
        assertThat(all).extracting(StateFamily::id).isSorted().doesNotHaveDuplicates();
        assertThat(StateFamily.byId(1)).isSameAs(RatingAccumulator.FAMILY);
        assertThat(StateFamily.byId(2)).isSameAs(MeanAccumulator.FAMILY);
        assertThat(StateFamily.of(MeanAccumulator.class)).isSameAs(MeanAccumulator.FAMILY);
        assertThat(RatingAccumulator.FAMILY).hasToString("StateFamily[1 rating v1]");
        assertThatThrownBy(() -> StateFamily.byId(200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no state family with id 200 is present (known: 1 rating, 2 mean");
        assertThatThrownBy(() -> StateFamily.define(0, "x", MeanAccumulator.class, 1, MeanAccumulator::fromByteBuffer))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("family id must be in 1..255, was 0");

        MeanAccumulator m = new MeanAccumulator();
        m.add(3.0);
        RatingAccumulator r = new RatingAccumulator(Scale.ONE_TO_FIVE);
        r.add(4);
        ByteBuffer both = ByteBuffer.allocate(m.serializedSize() + r.serializedSize());
        m.writeTo(both);
        r.writeTo(both);
        both.flip();
        Mergeable<?> first = StateFamily.read(both);
        Mergeable<?> second = StateFamily.read(both);
        assertThat(((MeanAccumulator) first).snapshot()).isEqualTo(m.snapshot());
        assertThat(((RatingAccumulator) second).snapshot()).isEqualTo(r.snapshot());
        assertThat(both.hasRemaining()).isFalse();
        assertThat(StateFamily.read(r.toByteArray())).isInstanceOf(RatingAccumulator.class);
        assertThatThrownBy(() -> StateFamily.read(new byte[20])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a cxmetrics state: bad magic bytes, expected 43 58 4d 53");
        assertThatThrownBy(() -> MeanAccumulator.FAMILY.fromByteArray(r.toByteArray()))
                .hasMessage("not a mean state: its family id is 1, a mean state has 2");
    }
}
