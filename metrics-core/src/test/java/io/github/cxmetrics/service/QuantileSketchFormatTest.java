package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.internal.format.TestFrames;
import org.junit.jupiter.api.Test;

/**
 * The reader of the quantile-sketch state against payloads forged from the documented layout
 * ({@code docs/binary-format.md}, built with {@link TestFrames}, not with the writer): a valid one is
 * accepted and equals the sketch the library builds, and each broken invariant is an
 * {@link IllegalArgumentException} that names it.
 */
class QuantileSketchFormatTest {

    /** One value 1.0 at α = 0.01: key 0, sum 2^1074 = 4·2^(8·134). */
    static TestFrames.Payload header(double alpha, int bound, long zero, double min, double max) {
        return TestFrames.payload().f64(alpha).i32(bound).i64(zero).f64(min).f64(max);
    }

    static byte[] frame(TestFrames.Payload p) {
        return TestFrames.frame(7, 1, 0, p.toArray());
    }

    static byte[] oneValue(double alpha, int bound, int key, int z, byte[] sum) {
        TestFrames.Payload p = header(alpha, bound, 0, 1.0, 1.0).i32(1).i32(key).i64(1).i32(0).i16(z).i16(sum.length)
                .bytes(sum);
        return frame(p);
    }

    static void rejected(byte[] bytes, String message) {
        assertThatThrownBy(() -> QuantileSketch.fromByteArray(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt quantile-sketch state: " + message);
    }

    @Test
    void aForgedValidStateIsTheSketchOfItsValue() {
        byte[] bytes = oneValue(0.01, 0, 0, 134, new byte[] {4});
        QuantileSketch s = QuantileSketch.fromByteArray(bytes);
        QuantileSketch one = new QuantileSketch(0.01);
        one.add(1.0);
        assertThat(one.toByteArray()).isEqualTo(bytes);
        assertThat(s.quantile(0.5)).isEqualTo(1.01);
        assertThat(s.sum()).isEqualTo(1.0);
        byte[] empty = frame(header(0.01, 0, 0, 0.0, 0.0).i32(0).i32(0).i16(0).i16(0));
        assertThat(new QuantileSketch(0.01).toByteArray()).isEqualTo(empty);
    }

    @Test
    void rejectsBrokenFieldsWithTheirNames() {
        rejected(oneValue(5e-4, 0, 0, 134, new byte[] {4}), "relative accuracy 5.0E-4 is outside [0.001, 1)");
        rejected(oneValue(0.01, -1, 0, 134, new byte[] {4}), "bucket bound -1 is negative");
        rejected(oneValue(0.01, 0, 40_000, 134, new byte[] {4}),
                "positive bucket key 40000 is outside -35418..35487, the keys of relative accuracy 0.01");
        rejected(oneValue(0.01, 0, 115, 134, new byte[] {4}),
                "the highest positive bucket is 115, the maximum 1.0 has key 0");
        rejected(oneValue(0.01, 0, 0, 134, new byte[] {8}),
                "the sum is outside what 1 values from 1.0 to 1.0 can add to");
        rejected(oneValue(0.01, 0, 0, 133, new byte[] {0, 4}),
                "the sum's lowest byte is 0: its form leaves zero bytes to the shift");
        rejected(oneValue(0.01, 0, 0, 134, new byte[] {4, 0}), "the sum is not in its minimal two's complement form");
        rejected(oneValue(0.01, 0, 0, 273, new byte[] {4}),
                "the sum has shift 273 and length 1, expected 0..272 and 0..273 bytes, the 1 bytes left");
        rejected(frame(header(0.01, 0, 0, 1.0, 1.0).i32(2).i32(0).i64(1).i32(0).i64(1).i32(0).i16(134).i16(1)
                .bytes(new byte[] {8})), "positive bucket keys are not strictly increasing: 0 after 0");
        rejected(frame(header(0.01, 0, 0, 1.0, 1.0).i32(1).i32(0).i64(0).i32(0).i16(0).i16(0)),
                "positive bucket 0 has count 0, a stored bucket has >= 1");
        rejected(frame(header(0.01, 0, 0, 2.0, 1.0).i32(1).i32(0).i64(1).i32(0).i16(134).i16(1)
                .bytes(new byte[] {4})), "minimum 2.0 is above the maximum 1.0");
        rejected(frame(header(0.01, 0, 0, -0.0, 1.0).i32(1).i32(0).i64(1).i32(0).i16(134).i16(1)
                .bytes(new byte[] {4})), "minimum or maximum -0.0 is not a finite value within +-"
                + new QuantileSketch(0.01).maxTrackable() + " other than -0.0");
        rejected(frame(header(0.01, 0, 0, 1.0, 1.0).i32(1).i32(0).i64(1).i32(1).i32(0).i64(1).i16(135).i16(1)
                .bytes(new byte[] {2})), "the minimum 1.0 is positive but the zero or negative buckets hold values");
        rejected(frame(header(0.01, 0, 0, 0.5, 0.5).i32(0).i32(0).i16(0).i16(0)),
                "an empty sketch has minimum, maximum and sum 0, was 0.5, 0.5 and 0");
        // a bound of 2: keys 0 and 4 span 5
        rejected(frame(header(0.01, 2, 0, 1.0, 1.1).i32(2).i32(0).i64(1).i32(4).i64(1).i32(0).i16(0).i16(0)),
                "positive bucket keys span 0..4, more than the bound 2");
        assertThatThrownBy(() -> QuantileSketch.fromByteArray(TestFrames.frame(7, 1, 1, new byte[48])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corrupt quantile-sketch state: unknown flags 0x1");
        assertThatThrownBy(() -> QuantileSketch.fromByteArray(new byte[10])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("truncated quantile-sketch state: 10 bytes, a state has at least 16");
    }
}
