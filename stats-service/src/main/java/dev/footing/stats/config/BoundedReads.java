package dev.footing.stats.config;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Plain Kafka consumers for reads with an end: a rebuild's replay of {@code workout-events}, an admin's
 * look at the dead letters. Each assigns partitions itself, outside any consumer group, and commits
 * nothing: what a SmallRye channel (an endless, group-managed subscription that starts with the
 * application) cannot be. One place for their settings, so both read alike.
 */
@ApplicationScoped
public class BoundedReads {

    /**
     * What such a read holds at once is small on purpose: the fetched bytes live across a young
     * collection, and in the 16 MiB young generation of deploy/jvm-options whatever does not fit a
     * survivor space is promoted. With Kafka's default fetch sizes (1 MiB per partition, six partitions)
     * a rebuild promoted every batch: ten full collections of 54-88 ms in a rebuild of 2.5 s; with these,
     * none (docs/operations.md, "Memory and the JVM").
     */
    private static final int FETCH_MAX_BYTES = 256 * 1024;

    /** Quarkus' {@code kafka.*} settings (bootstrap servers, and SASL/TLS where configured), as every channel gets them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    /**
     * A consumer of keys as text and values as bytes. Without the group id Quarkus adds to its defaults;
     * committed records only; from the earliest offset when the one sought was deleted meanwhile; never
     * creating a topic by asking for it.
     */
    public KafkaConsumer<String, byte[]> consumer(String clientId, int maxPollRecords) {
        Properties props = new Properties();
        props.putAll(kafkaDefaults);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_MAX_BYTES);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_MAX_BYTES);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
