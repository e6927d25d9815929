package dev.footing.session.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.infra.TestInfrastructure;
import dev.footing.contract.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code workout-events} as a downstream consumer would, with a plain KafkaConsumer.
 *
 * <p>To assert "none missing, none doubled" without sleeping: first wait until the outbox holds no
 * unsent row of the users (a row is marked sent only after the broker acknowledged it), then read
 * every partition up to its end offset. Whatever was ever published for those users is then in hand.
 */
public final class WorkoutEventsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkoutEventsReader() {
    }

    /** One record: {@code value} is its body as it came (UTF-8), {@code body} that body parsed. */
    public record Received(String key, Map<String, String> headers, JsonNode body, int partition, long offset, String value) {

        public String type() {
            return headers.get("ce_type");
        }

        public String eventId() {
            return headers.get("ce_id");
        }
    }

    /** Waits until every outbox row of the users is sent, then returns all their events in topic order. */
    public static List<Received> awaitAllSent(DataSource db, Collection<String> userIds, Duration atMost) {
        await().atMost(atMost).until(() -> userIds.stream().allMatch(u -> Db.unsentOf(db, u) == 0));
        return readAll(Set.copyOf(userIds));
    }

    /** All events of these users, per partition in offset order (a user's events are on one partition). */
    public static List<Received> readAll(Set<String> userIds) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<Received> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WORKOUT_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read workout-events to its end");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (userIds.contains(r.key())) {
                        received.add(new Received(r.key(), headers(r), parse(r.value()), r.partition(), r.offset(), r.value()));
                    }
                }
            }
        }
        return received;
    }

    /** The events of one user, in the order the topic holds them. */
    public static List<Received> of(List<Received> all, String userId) {
        return all.stream().filter(r -> r.key().equals(userId)).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON on workout-events: " + value, e);
        }
    }
}
