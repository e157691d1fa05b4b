package example;

import io.github.cxmetrics.kafka.CxStreams;
import io.github.cxmetrics.kafka.MetricAggregate;
import io.github.cxmetrics.metric.Metrics;
import io.github.cxmetrics.survey.RatingAccumulator;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;

/** The README's example application, compiled and run (its topology) by DailyNpsExampleTest. */
public final class DailyNps {

    public static Topology topology() {
        MetricAggregate<Integer, RatingAccumulator> nps = CxStreams.aggregate(Metrics.nps());

        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, RatingAccumulator> daily = builder
                .stream("ratings", Consumed.with(Serdes.String(), Serdes.Integer()))
                .groupByKey()
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), Duration.ofHours(6)))
                .aggregate(nps.initializer(), nps.aggregator(),
                        nps.<String>windowed("nps-daily").withKeySerde(Serdes.String()))
                .toStream((window, state) -> window.key() + "@" + window.window().startTime());
        daily.mapValues(nps.json())
                .to("nps-daily", Produced.with(Serdes.String(), Serdes.String()));
        daily.to("nps-daily-states", Produced.with(Serdes.String(), nps.serde()));
        return builder.build();
    }

    public static void main(String[] args) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "daily-nps");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args.length > 0 ? args[0] : "localhost:9092");
        KafkaStreams streams = new KafkaStreams(topology(), props);
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        streams.start();
    }
}
