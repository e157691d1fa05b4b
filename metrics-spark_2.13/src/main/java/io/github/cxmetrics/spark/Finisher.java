package io.github.cxmetrics.spark;

import io.github.cxmetrics.metric.Metric;
import io.github.cxmetrics.stats.Mergeable;
import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import scala.Option;

/** What an aggregator outputs from its final accumulator: the result struct or the byte form. */
abstract class Finisher<A extends Mergeable<A>, OUT> implements Serializable {

    private static final long serialVersionUID = 1L;

    abstract OUT finish(Metric<A> metric, A accumulator);

    abstract Encoder<OUT> encoder(Metric<A> metric);

    /**
     * The metric's flat result as a struct row, {@code None} (SQL NULL) when empty. An {@code Option}
     * because Spark's row encoder refuses a null top-level row ("NULL value appeared in non-nullable
     * field: top level Product or row object"); the option encoder's SQL type is the struct itself.
     */
    static <A extends Mergeable<A>> Finisher<A, Option<Row>> result() {
        return new Finisher<>() {
            private static final long serialVersionUID = 1L;

            @Override
            Option<Row> finish(Metric<A> metric, A accumulator) {
                return Option.apply(CxSpark.toRow(metric.result(accumulator)));
            }

            @Override
            Encoder<Option<Row>> encoder(Metric<A> metric) {
                AgnosticEncoder<Row> row = (AgnosticEncoder<Row>) Encoders.row(CxSpark.schema(metric));
                return new AgnosticEncoders.OptionEncoder<>(row);
            }
        };
    }

    /** The byte form of the accumulator, never null (an empty group gives the empty state). */
    static <A extends Mergeable<A>> Finisher<A, byte[]> state() {
        return new Finisher<>() {
            private static final long serialVersionUID = 1L;

            @Override
            byte[] finish(Metric<A> metric, A accumulator) {
                return accumulator.toByteArray();
            }

            @Override
            Encoder<byte[]> encoder(Metric<A> metric) {
                return Encoders.BINARY();
            }
        };
    }
}
