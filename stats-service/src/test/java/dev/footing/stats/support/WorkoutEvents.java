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
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footing.contract.ContractExample;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.TestInfrastructure;

/**
 * Builds records of topic {@code workout-events} from the contract's examples (footing-contract), so
 * they are what session-service publishes (key = userId, CloudEvents binary-mode headers, JSON body)
 * with the values a test names, and sends them with a plain producer.
 */
public final class WorkoutEvents {

    /** Writes decimals as the contract does (10.5, not 1.05E+1). */
    private static final ObjectMapper JSON = StrictMapper.create()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
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

    /**
     * A set completed at a local date-time in {@code zone}; the event's localDate is that date. The
     * contract's own example is the template: every field and header not named here is as it shows it.
     */
    public static ProducerRecord<String, String> set(String userId, String label, String session, Exercises exercise,
            Integer reps, Integer durationSeconds, String loadKg, String side, String localDateTime, String zone) {
        Instant completedAt = at(localDateTime, zone);
        UUID eventId = id(userId, "event:" + label);
        ObjectNode body = template(ContractExamples.SET_COMPLETED);
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("setId", id(userId, label).toString());
        ObjectNode ex = body.putObject("exercise");
        ex.put("id", exercise.id().toString());
        ex.put("slug", exercise.slug());
        ex.put("name", exercise.name());
        ex.put("category", exercise.category());
        exercise.bodyAreas().forEach(ex.putArray("bodyAreas")::add);
        ex.put("measurement", exercise.measurement());
        ex.put("unilateral", exercise.unilateral());
        body.put("reps", reps);
        body.put("durationSeconds", durationSeconds);
        body.put("loadKg", new BigDecimal(loadKg == null ? "0" : loadKg));
        body.put("side", side);
        body.put("rpe", 7);
        body.put("completedAt", completedAt.toString());
        body.put("timezone", zone);
        body.put("localDate", LocalDateTime.parse(localDateTime).toLocalDate().toString());
        return record(userId, eventId, ContractExamples.SET_COMPLETED, completedAt, body);
    }

    /**
     * The same record with issue 10's optional fields: {@code pain} (0-10) and the session's {@code programId}
     * (null leaves a field out, as an older producer would).
     */
    public static ProducerRecord<String, String> with(ProducerRecord<String, String> record, Integer pain, UUID programId) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(record.value());
            if (pain != null) {
                body.put("pain", pain);
            }
            if (programId != null) {
                body.put("programId", programId.toString());
            }
            return new ProducerRecord<>(record.topic(), null, record.key(), json(body), record.headers());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProducerRecord<String, String> retraction(String userId, String label, String setLabel, String session,
            Instant retractedAt) {
        UUID eventId = id(userId, "event:" + label);
        ObjectNode body = template(ContractExamples.SET_RETRACTED);
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("setId", id(userId, setLabel).toString());
        body.put("retractedAt", retractedAt.toString());
        return record(userId, eventId, ContractExamples.SET_RETRACTED, retractedAt, body);
    }

    public static ProducerRecord<String, String> sessionCompleted(String userId, String session, Instant completedAt,
            String zone) {
        UUID eventId = id(userId, "event:complete:" + session);
        ObjectNode body = template(ContractExamples.SESSION_COMPLETED);
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        body.put("sessionId", id(userId, "session:" + session).toString());
        body.put("completedAt", completedAt.toString());
        body.put("timezone", zone);
        return record(userId, eventId, ContractExamples.SESSION_COMPLETED, completedAt, body);
    }

    /**
     * A contract example as another user's record: its key, userId and ids replaced (so it counts for
     * {@code userId} alone, and a test run may send it again), everything else as the example shows it.
     */
    public static ProducerRecord<String, String> example(ContractExample example, String userId) {
        ObjectNode body = example.value().deepCopy();
        UUID eventId = id(userId, "event:" + example.example().fileName());
        body.put("eventId", eventId.toString());
        body.put("userId", userId);
        for (String field : new String[] {"sessionId", "setId"}) {
            if (body.hasNonNull(field)) {
                body.put(field, id(userId, body.get(field).textValue()).toString());
            }
        }
        RecordHeaders headers = new RecordHeaders();
        example.headers().forEach((name, value) -> add(headers, name, "ce_id".equals(name) ? eventId.toString() : value));
        return raw(userId, headers, json(body));
    }

    private static ObjectNode template(ContractExamples example) {
        return example.load().value().deepCopy();
    }

    private static ProducerRecord<String, String> record(String userId, UUID eventId, ContractExamples example, Instant time,
            ObjectNode body) {
        return raw(userId, headers(eventId.toString(), example.load().header("ce_type"), time.toString()), json(body));
    }

    public static ProducerRecord<String, String> record(String userId, UUID eventId, String type, Instant time,
            Map<String, Object> body) {
        return raw(userId, headers(eventId.toString(), type, time.toString()), json(body));
    }

    /** The contract's CloudEvents headers (binary mode) with this event's id, type and time. */
    public static RecordHeaders headers(String eventId, String type, String time) {
        RecordHeaders headers = new RecordHeaders();
        ContractExamples.SET_COMPLETED.load().headers().forEach((name, value) -> add(headers, name, switch (name) {
            case "ce_id" -> eventId;
            case "ce_type" -> type;
            case "ce_time" -> time;
            default -> value;
        }));
        return headers;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
