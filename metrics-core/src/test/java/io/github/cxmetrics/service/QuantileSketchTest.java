package io.github.cxmetrics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.cxmetrics.stats.StateFamily;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Examples of {@link QuantileSketch}. The quantile values are those of the reference implementation,
 * DataDog's {@code sketches-java} ({@code new DDSketch(new LogarithmicMapping(0.01),
 * UnboundedSizeDenseStore::new)}), as §4.3 of the project's research report lists them (peer-run with
 * its {@code Sk.java}), reproduced to the last digit by the independent Python port
 * {@code src/test/resources/io/github/cxmetrics/service/quantile_sketch_expected.py}, which also gives
 * the values of the cases the report did not run (negative values, the zero bucket, x = 1) and the
 * exact sums (Python fractions). The negative, zero-bucket, x = 1 and bounded (collapsing) cases were
 * also peer-run on sketches-java itself, compiled from its source at v0.8.3-2
 * ({@code SketchesJavaReference.java.txt} beside the Python script: code and output).
 */
class QuantileSketchTest {

    static double[] streamA() {
        return IntStream.rangeClosed(1, 1000).asDoubleStream().toArray();
    }

    /** Pareto with shape 1.5 and scale 10 at the points (i + 0.5)/10⁴, in the order x[(i·7919) mod 10⁴]. */
    static double[] streamB() {
        int n = 10_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = (i + 0.5) / n;
            x[i] = 10.0 * Math.pow(1.0 / (1.0 - u), 1.0 / 1.5);
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[(int) ((long) i * 7919 % n)];
        }
        return y;
    }

    /** One pass, and the report's "merged": even and odd positions sketched apart, then merged. */
    static QuantileSketch[] onePassAndMerged(double[] x) {
        QuantileSketch all = new QuantileSketch(0.01);
        QuantileSketch even = new QuantileSketch(0.01);
        QuantileSketch odd = new QuantileSketch(0.01);
        for (int i = 0; i < x.length; i++) {
            all.add(x[i]);
            (i % 2 == 0 ? even : odd).add(x[i]);
        }
        return new QuantileSketch[] {all, even.merge(odd)};
    }

    @Test
    void streamAGivesTheReferenceValuesToTheLastDigitOnePassAndMerged() {
        for (QuantileSketch s : onePassAndMerged(streamA())) {
            assertThat(s.quantile(0.5)).isEqualTo(497.7794014558156);
            assertThat(s.quantile(0.9)).isEqualTo(907.0313473738103);
            assertThat(s.quantile(0.99)).isEqualTo(982.5779489474347);
            assertThat(s.quantile(0.999)).isEqualTo(1002.42800852213);
            assertThat(s.bucketCount()).isEqualTo(200);
            assertThat(s.count()).isEqualTo(1000);
            assertThat(s.min()).isEqualTo(1.0);
            assertThat(s.max()).isEqualTo(1000.0);
            assertThat(s.sum()).isEqualTo(500500.0);
            assertThat(s.mean()).isEqualTo(500.5);
        }
    }

    @Test
    void streamBGivesTheReferenceValuesToTheLastDigitOnePassAndMerged() {
        QuantileSketch[] both = onePassAndMerged(streamB());
        for (QuantileSketch s : both) {
            assertThat(s.quantile(0.5)).isEqualTo(15.959309654786896);
            assertThat(s.quantile(0.9)).isEqualTo(46.066116134666);
            assertThat(s.quantile(0.99)).isEqualTo(214.890588572935);
            assertThat(s.quantile(0.999)).isEqualTo(963.1209598593664);
            assertThat(s.bucketCount()).isEqualTo(224);
        }
        assertThat(both[1].toByteArray()).isEqualTo(both[0].toByteArray());
        // exact order statistics x_(⌊q(n−1)⌋+1) of the report: 15.8729523405, 46.4004228171, 214.728303139,
        // 967.99653030 — each estimate within 1 % of them
        assertThat(Math.abs(both[0].quantile(0.999) / 967.99653030 - 1)).isLessThan(0.01);
        assertThat(Math.abs(both[0].quantile(0.5) / 15.8729523405 - 1)).isLessThan(0.01);
    }

    @Test
    void aValueExactlyAtAPowerOfGammaFollowsTheReferenceNotThePaper() {
        // x = 1 = γ^0: sketches-java puts it in key 0 = ⌊0⌋ and answers 1 + α' = 1.01 (peer-run); the paper's ⌈·⌉
        // convention (and sketches-py) would answer 2/(γ + 1) = 1 − α = 0.99
        QuantileSketch s = new QuantileSketch(0.01);
        s.add(1.0);
        assertThat(s.quantile(0.5)).isEqualTo(1.01);
        assertThat(s.quantile(0)).isEqualTo(1.01);
        assertThat(s.min()).isEqualTo(1.0);
    }

    @Test
    void negativeValuesAndTheZeroBucketFollowTheReferenceOrder() {
        QuantileSketch s = new QuantileSketch(0.01);
        for (int i = 0; i <= 1000; i++) {
            s.add(i - 500);
        }
        s.add(1e-310); // subnormal: below the zero threshold
        assertThat(s.bucketCount()).isEqualTo(331);
        // the Python port's values; sketches-java (peer-run) gives the same ten
        assertThat(s.quantiles(0, 0.1, 0.25, 0.4985, 0.4999, 0.5, 0.5005, 0.5015, 0.75, 1)).containsExactly(
                -497.7794014558156, -399.47439724136655, -252.17778678947948, -1.9936617014173448, 0.0, 0.0, 0.0,
                1.01, 247.18416724909366, 497.7794014558156);
        assertThat(s.min()).isEqualTo(-500.0);
        assertThat(s.max()).isEqualTo(500.0);
        assertThat(s.zeroThreshold()).isBetween(2.2250738585072014E-308, 2.3e-308);
        assertThat(s.sum()).isEqualTo(1e-310);
    }

    @Test
    void sumAndMeanAreExactAndCorrectlyRounded() {
        // expected: Python fractions (quantile_sketch_expected.py)
        assertSum(new double[] {0.1, 0.2, 0.3}, 0.6, 0.2);           // a naive sum gives 0.6000000000000001
        assertSum(new double[] {1e308, 1e308, -1e308}, 1e308, 3.333333333333333e+307); // naive: infinity
        assertSum(new double[] {1e-310, 3e-320, -2.5e-315}, 9.999750003e-311, 3.333250001e-311);
        assertSum(new double[] {1.0, 1e100, 1.0, -1e100}, 2.0, 0.5);  // naive: 0
        QuantileSketch s = new QuantileSketch(0.01);
        s.add(0.1, 3);
        assertThat(s.sum()).isEqualTo(0.30000000000000004);
        assertThat(s.mean()).isEqualTo(0.1);
        assertThat(s.count()).isEqualTo(3);
        QuantileSketch big = new QuantileSketch(0.01);
        big.add(1.5e308, Long.MAX_VALUE);
        assertThat(big.mean()).isEqualTo(1.5e308);
        assertThatThrownBy(big::sum).isInstanceOf(ArithmeticException.class)
                .hasMessage("the sum of the values exceeds the double range");
        assertThat(new QuantileSketch(0.01).sum()).isEqualTo(0.0);
    }

    static void assertSum(double[] values, double sum, double mean) {
        QuantileSketch s = new QuantileSketch(0.02);
        s.addAll(values);
        assertThat(s.sum()).isEqualTo(sum);
        assertThat(s.mean()).isEqualTo(mean);
        QuantileSketch reversed = new QuantileSketch(0.02);
        for (int i = values.length - 1; i >= 0; i--) {
            reversed.add(values[i]);
        }
        assertThat(reversed.toByteArray()).isEqualTo(s.toByteArray());
    }

    @Test
    void negativeZeroIsCountedAsZero() {
        QuantileSketch a = new QuantileSketch(0.01);
        a.add(-0.0);
        QuantileSketch b = new QuantileSketch(0.01);
        b.add(0.0);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(Double.doubleToRawLongBits(a.min())).isZero();
        assertThat(a.quantile(1)).isEqualTo(0.0);
    }

    @Test
    void aBoundCollapsesTheLowestBucketsAndKeepsTheHighQuantiles() {
        QuantileSketch bounded = new QuantileSketch(0.01, 10);
        QuantileSketch unbounded = new QuantileSketch(0.01);
        double[] a = streamA();
        bounded.addAll(a);
        unbounded.addAll(a);
        assertThat(bounded.bucketCount()).isEqualTo(10);
        assertThat(bounded.maxBuckets()).hasValue(10);
        assertThat(unbounded.maxBuckets()).isEmpty();
        // 1000 has key ⌊ln 1000 / ln γ⌋ = 345; kept: keys 336..345, γ^336 = 828.6…: the values 829..1000.
        // sketches-java with CollapsingLowestDenseStore(10), peer-run: 837.2932305269575 (q = 0 and 0.5, the
        // collapsed bottom bucket), 907.0313473738103, 944.049257683934, 982.5779489474347, 1002.42800852213 (twice)
        assertThat(bounded.quantiles(0, 0.5, 0.9, 0.95, 0.99, 0.999, 1)).containsExactly(837.2932305269575,
                837.2932305269575, 907.0313473738103, 944.049257683934, 982.5779489474347, 1002.42800852213,
                1002.42800852213);
        for (double q : new double[] {0.9, 0.95, 0.99, 0.999, 1}) {
            assertThat(bounded.quantile(q)).as("q = " + q).isEqualTo(unbounded.quantile(q));
        }
        // the low quantiles have lost their guarantee: they answer the lowest kept bucket, γ^336·2γ/(γ + 1)
        double gamma = 1.01 / 0.99;
        double bottom = Math.exp(336 * Math.log(gamma)) * 2 * gamma / (gamma + 1);
        assertThat(bounded.quantile(0)).isCloseTo(bottom, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(bounded.min()).isEqualTo(1.0); // exact all the same
        assertThat(bounded.mean()).isEqualTo(500.5);

        // negatives collapse their most negative buckets: the window is the 10 keys of |x| from the value
        // nearest zero, -1 (key 0), so -2 .. -1000 answer key 9 and only the top quantile keeps its guarantee
        QuantileSketch negative = new QuantileSketch(0.01, 10);
        QuantileSketch negativeUnbounded = new QuantileSketch(0.01);
        for (double v : a) {
            negative.add(-v);
            negativeUnbounded.add(-v);
        }
        double key9 = Math.exp(9 * Math.log(gamma)) * 2 * gamma / (gamma + 1);
        assertThat(negative.quantile(1)).isEqualTo(negativeUnbounded.quantile(1)).isEqualTo(-1.01);
        assertThat(negative.quantile(0)).isCloseTo(-key9, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(negative.quantile(0.5)).isEqualTo(negative.quantile(0));
        assertThat(negative.bucketCount()).isEqualTo(2);
    }

    @Test
    void mergeOfBoundedSketchesDependsOnlyOnTheData() {
        QuantileSketch low = new QuantileSketch(0.05, 4);
        low.addAll(1, 2, 3, 4, 5);
        QuantileSketch high = new QuantileSketch(0.05, 4);
        high.addAll(1000, 10);
        QuantileSketch onePass = new QuantileSketch(0.05, 4);
        onePass.addAll(1, 1000, 2, 10, 3, 4, 5);
        assertThat(low.copy().merge(high).toByteArray()).isEqualTo(onePass.toByteArray());
        assertThat(high.copy().merge(low).toByteArray()).isEqualTo(onePass.toByteArray());
        assertThat(onePass.bucketCount()).isEqualTo(2); // 1000 and the collapsed bottom of the window
        // sketches-java, CollapsingLowestDenseStore(4), the same values in this order (peer-run)
        assertThat(onePass.quantiles(0, 0.5, 0.8, 1)).containsExactly(776.1132334483983, 776.1132334483983,
                776.1132334483983, 1047.9056210767776);
    }

    @Test
    void mergeWithItselfDoublesEveryCount() {
        QuantileSketch s = new QuantileSketch(0.01);
        s.addAll(3, -4, 0, 7.5);
        QuantileSketch twice = new QuantileSketch(0.01);
        twice.addAll(3, -4, 0, 7.5, 3, -4, 0, 7.5);
        assertThat(s.merge(s).toByteArray()).isEqualTo(twice.toByteArray());
        assertThat(s.sum()).isEqualTo(13.0);
    }

    @Test
    void collectorsWorkOnParallelStreamsAndUnderGroupingBy() {
        double[] b = streamB();
        List<Double> boxed = java.util.Arrays.stream(b).boxed().toList();
        QuantileSketch sequential = new QuantileSketch(0.01);
        sequential.addAll(b);
        QuantileSketch parallel = boxed.parallelStream().collect(QuantileSketch.collector(0.01));
        assertThat(parallel.toByteArray()).isEqualTo(sequential.toByteArray());
        assertThat(parallel.quantile(0.99)).isEqualTo(214.890588572935);

        record Contact(String queue, double waitSeconds) { }
        List<Contact> contacts = List.of(new Contact("billing", 30), new Contact("billing", 95),
                new Contact("tech", 12), new Contact("billing", 41), new Contact("tech", 300));
        Map<String, QuantileSketch> byQueue = contacts.parallelStream().collect(
                Collectors.groupingBy(Contact::queue, QuantileSketch.collector(0.01, Contact::waitSeconds)));
        assertThat(byQueue.get("billing").count()).isEqualTo(3);
        assertThat(byQueue.get("tech").max()).isEqualTo(300.0);
        assertThat(byQueue.get("billing").mean()).isEqualTo(166.0 / 3);
    }

    @Test
    void theByteFormRoundTripsAndIsFoundByItsFamily() {
        QuantileSketch s = new QuantileSketch(0.02, 100);
        s.addAll(streamB());
        s.addAll(-3, 0, 1e-320, -2e-9);
        byte[] bytes = s.toByteArray();
        assertThat(bytes).hasSize(s.serializedSize());
        QuantileSketch back = QuantileSketch.fromByteArray(bytes);
        assertThat(back.toByteArray()).isEqualTo(bytes);
        assertThat(back.quantiles(0, 0.3, 0.9, 1)).containsExactly(s.quantiles(0, 0.3, 0.9, 1));
        assertThat(back.sum()).isEqualTo(s.sum());
        assertThat(back.maxBuckets()).hasValue(100);
        assertThat(StateFamily.byId(7)).isSameAs(QuantileSketch.FAMILY);
        assertThat(StateFamily.of(QuantileSketch.class)).isSameAs(QuantileSketch.FAMILY);
        assertThat(QuantileSketch.FAMILY).hasToString("StateFamily[7 quantile-sketch v1]");
        assertThat(StateFamily.read(bytes)).isInstanceOf(QuantileSketch.class);
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 3);
        buf.position(3);
        s.writeTo(buf);
        buf.position(3);
        assertThat(QuantileSketch.fromByteBuffer(buf).toByteArray()).isEqualTo(bytes);
        assertThat(buf.hasRemaining()).isFalse();
        // an empty sketch: 16 bytes of frame, 48 of fields, no sum bytes; 1..1000 sum to 500500·2^1074 =
        // 125125·2^1076: shift z = 134 bytes, M = 125125·4 = 500500 in 3 bytes; 200 buckets
        assertThat(new QuantileSketch(0.01).toByteArray()).hasSize(64);
        QuantileSketch a = new QuantileSketch(0.01);
        a.addAll(streamA());
        assertThat(a.serializedSize()).isEqualTo(64 + 12 * 200 + 3);
    }

    @Test
    void copyIsDeep() {
        QuantileSketch s = new QuantileSketch(0.01);
        s.addAll(1, 2, 3);
        byte[] before = s.toByteArray();
        QuantileSketch c = s.copy();
        c.add(1e6);
        c.add(-5);
        assertThat(s.toByteArray()).isEqualTo(before);
        assertThat(c.count()).isEqualTo(5);
        assertThat(s.copy().toByteArray()).isEqualTo(before);
    }

    @Test
    void toStringSummarises() {
        QuantileSketch s = new QuantileSketch(0.01);
        assertThat(s).hasToString("QuantileSketch[relativeAccuracy=0.01, count=0, buckets=0]");
        s.addAll(streamA());
        assertThat(s).hasToString("QuantileSketch[relativeAccuracy=0.01, count=1000, buckets=200, min=1.0, max=1000.0]");
        assertThat(new QuantileSketch(0.05, 64)).hasToString(
                "QuantileSketch[relativeAccuracy=0.05, maxBuckets=64, count=0, buckets=0]");
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void rejectsRelativeAccuraciesOutsideTheRange() {
        for (double a : new double[] {0, 1, -0.01, 1.5, Double.NaN, 5e-4, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new QuantileSketch(a)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("relative accuracy must be in [0.001, 1), was " + a);
        }
        assertThatThrownBy(() -> QuantileSketch.collector(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("relative accuracy must be in [0.001, 1), was 2.0");
        assertThatThrownBy(() -> new QuantileSketch(0.01, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBuckets must be >= 1, was 0");
        assertThat(new QuantileSketch(0.001).relativeAccuracy()).isEqualTo(0.001);
        assertThat(new QuantileSketch(0.999).isEmpty()).isTrue();
    }

    @Test
    void rejectsValuesThatAreNotFiniteOrTooLargeAndChangesNothing() {
        QuantileSketch s = new QuantileSketch(0.01);
        s.add(5);
        byte[] before = s.toByteArray();
        assertThatThrownBy(() -> s.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was NaN");
        assertThatThrownBy(() -> s.add(Double.NEGATIVE_INFINITY, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was -Infinity");
        assertThatThrownBy(() -> s.add(Double.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value 1.7976931348623157E308 is outside the trackable range +-" + s.maxTrackable()
                        + " of relative accuracy 0.01");
        assertThatThrownBy(() -> s.addAll(1, 2, Double.POSITIVE_INFINITY, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be finite, was Infinity at index 2");
        assertThatThrownBy(() -> s.add(3, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be >= 0, was -1");
        assertThatThrownBy(() -> s.addAll((double[]) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("values");
        s.add(7, 0); // no value: min and max untouched
        assertThat(s.toByteArray()).isEqualTo(before);
        assertThat(s.maxTrackable()).isEqualTo(Double.MAX_VALUE / (1 + (1.01 / 0.99 - 1) / (1.01 / 0.99 + 1)));
        s.add(-s.maxTrackable());
        assertThat(s.min()).isEqualTo(-s.maxTrackable());
    }

    @Test
    void rejectsCountOverflowAndChangesNothing() {
        QuantileSketch s = new QuantileSketch(0.01);
        s.add(2, Long.MAX_VALUE - 1);
        byte[] before = s.toByteArray();
        assertThatThrownBy(() -> s.add(3, 2)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775806 + 2 values exceeds Long.MAX_VALUE");
        assertThatThrownBy(() -> s.addAll(1, 2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> s.merge(s)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: 9223372036854775806 + 9223372036854775806 values exceeds Long.MAX_VALUE");
        assertThat(s.toByteArray()).isEqualTo(before);
        s.add(1);
        assertThatThrownBy(() -> s.add(1)).isInstanceOf(ArithmeticException.class)
                .hasMessage("count overflow: the sketch holds Long.MAX_VALUE values");
        assertThat(s.quantile(0)).isEqualTo(1.01);
        assertThat(s.quantile(0.5)).isEqualTo(s.quantile(1)).isEqualTo(1.9936617014173448);
    }

    @Test
    void rejectsQuantilesOutsideZeroToOneAndEmptySketches() {
        QuantileSketch s = new QuantileSketch(0.01);
        assertThatThrownBy(() -> s.quantile(0.5)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the quantile of an empty sketch is undefined");
        assertThatThrownBy(s::min).isInstanceOf(IllegalStateException.class)
                .hasMessage("the minimum of an empty sketch is undefined");
        assertThatThrownBy(s::max).isInstanceOf(IllegalStateException.class)
                .hasMessage("the maximum of an empty sketch is undefined");
        assertThatThrownBy(s::mean).isInstanceOf(IllegalStateException.class)
                .hasMessage("the mean of an empty sketch is undefined");
        assertThat(s.isEmpty()).isTrue();
        s.add(1);
        for (double q : new double[] {-0.1, 1.0000000000000002, Double.NaN}) {
            assertThatThrownBy(() -> s.quantile(q)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("quantile q must be in [0, 1], was " + q);
        }
        assertThatThrownBy(() -> s.quantiles(0.5, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantile q must be in [0, 1], was 2.0");
        assertThat(s.isEmpty()).isFalse();
    }

    @Test
    void rejectsMergingSketchesOfOtherParametersAndChangesNothing() {
        QuantileSketch s = new QuantileSketch(0.01);
        s.addAll(1, 2);
        byte[] before = s.toByteArray();
        QuantileSketch other = new QuantileSketch(0.02);
        other.add(3);
        assertThatThrownBy(() -> s.merge(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge: relative accuracy 0.01 vs 0.02");
        assertThatThrownBy(() -> s.merge(new QuantileSketch(0.01, 64))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge: maxBuckets unbounded vs 64");
        assertThatThrownBy(() -> s.merge(null)).isInstanceOf(NullPointerException.class).hasMessage("other");
        assertThatThrownBy(() -> QuantileSketch.collector(0.01, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThat(s.toByteArray()).isEqualTo(before);
    }
}
