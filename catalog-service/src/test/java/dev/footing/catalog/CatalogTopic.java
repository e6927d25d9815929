package dev.footing.catalog;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.infra.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A plain consumer of {@code exercise-catalog} (or {@code program-catalog}) from the beginning, as a new
 * replica would read it: the latest value per key is the current snapshot of that exercise (or program).
 */
public final class CatalogTopic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, JsonNode> latest = new HashMap<>();
    private final Map<String, List<JsonNode>> history = new HashMap<>();
    private final Map<String, ConsumerRecord<String, String>> latestRecords = new HashMap<>();

    public CatalogTopic() {
        this("exercise-catalog");
    }

    public CatalogTopic(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has arrived since the last call; returns the latest snapshot per exercise id. */
    public Map<String, JsonNode> poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
            try {
                JsonNode value = JSON.readTree(record.value());
                latest.put(record.key(), value);
                latestRecords.put(record.key(), record);
                history.computeIfAbsent(record.key(), k -> new java.util.ArrayList<>()).add(value);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON on " + record.topic() + ": " + record.value(), e);
            }
        }
        return latest;
    }

    /** The last record seen for one exercise, with its key and headers; null if none yet. */
    public ConsumerRecord<String, String> latestRecord(String id) {
        return latestRecords.get(id);
    }

    /** Every snapshot seen for one exercise, in topic order. */
    public List<JsonNode> history(String id) {
        return history.getOrDefault(id, List.of());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
