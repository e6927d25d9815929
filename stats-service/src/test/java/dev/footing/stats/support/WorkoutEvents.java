package dev.footing.stats.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.infra.TestInfrastructure;
import dev.footing.infra.Topics;

/**
 * Builds records of topic {@code workout-events} exactly as the contract says session-service
 * publishes them (key = userId, CloudEvents binary-mode headers, JSON body), and sends them with
 * a plain producer.
 */
public final class WorkoutEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    private WorkoutEvents() {
    }

    public static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Sends in order and waits until the broker has them all. */
    public static void send(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ProducerRecord<String, String> record : records) {
            sent.add(producer().send(record));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(ProducerRecord<String, String> record) {
        send(List.of(record));
    }

    /** A deterministic id per user and label, so two users' identical logs can be compared. */
    public static UUID id(String userId, String label) {
        return UUID.nameUUIDFromBytes((userId + ":" + label).getBytes(StandardCharsets.UTF_8));
    }

    public static Instant at(String localDateTime, String zone) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
    }

    /** A set completed at a local date-time in {@code zone}; the event's localDate is that date. */
    public static ProducerRecord<String, String> set(String userId, String label, String session, Exercises exercise,
            Integer reps, Integer durationSeconds, String loadKg, String side, String localDateTime, String zone) {
        Instant completedAt = at(localDateTime, zone);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        UUID eventId = id(userId, "event:" + label);
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("setId", id(userId, label).toString());
        Map<String, Object> ex = new java.util.LinkedHashMap<>();
        ex.put("id", exercise.id().toString());
        ex.put("slug", exercise.slug());
        ex.put("name", exercise.name());
        ex.put("category", exercise.category());
        ex.put("bodyAreas", exercise.bodyAreas());
        ex.put("measurement", exercise.measurement());
        ex.put("unilateral", exercise.unilateral());
        body.put("exercise", ex);
        body.put("reps", reps);
        body.put("durationSeconds", durationSeconds);
        body.put("loadKg", new BigDecimal(loadKg == null ? "0" : loadKg));
        body.put("side", side);
        body.put("rpe", 7);
        body.put("completedAt", completedAt.toString());
        body.put("timezone", zone);
        body.put("localDate", LocalDateTime.parse(localDateTime).toLocalDate().toString());
        return record(userId, eventId, "footing.set.completed.v1", completedAt, body);
    }

    public static ProducerRecord<String, String> retraction(String userId, String label, String setLabel, String session,
            Instant retractedAt) {
        UUID eventId = id(userId, "event:" + label);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("setId", id(userId, setLabel).toString());
        body.put("retractedAt", retractedAt.toString());
        return record(userId, eventId, "footing.set.retracted.v1", retractedAt, body);
    }

    public static ProducerRecord<String, String> sessionCompleted(String userId, String session, Instant completedAt,
            String zone) {
        UUID eventId = id(userId, "event:complete:" + session);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("completedAt", completedAt.toString());
        body.put("timezone", zone);
        return record(userId, eventId, "footing.session.completed.v1", completedAt, body);
    }

    public static ProducerRecord<String, String> record(String userId, UUID eventId, String type, Instant time,
            Map<String, Object> body) {
        try {
            return raw(userId, headers(eventId.toString(), type, time.toString()), JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RecordHeaders headers(String eventId, String type, String time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, "ce_specversion", "1.0");
        add(headers, "ce_id", eventId);
        add(headers, "ce_type", type);
        add(headers, "ce_source", "/footing/session-service");
        add(headers, "ce_time", time);
        add(headers, "content-type", "application/json");
        return headers;
    }

    public static ProducerRecord<String, String> raw(String key, RecordHeaders headers, String value) {
        return new ProducerRecord<>(Topics.WORKOUT_EVENTS, null, key, value, headers);
    }

    private static void add(RecordHeaders headers, String key, String value) {
        if (value != null) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
