package dev.footing.session.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays catalog-service: publishes exercise snapshots to {@code exercise-catalog} made from the
 * contract's example (module {@code contract}), then waits until session-service's replica has them. catalog-service itself
 * never runs in these tests, which is the point: sets are validated against the replica alone.
 */
public final class TestCatalog {

    public static final Exercise CALF_RAISE = new Exercise("standing-calf-raise", "Standing calf raise", "STRENGTH",
            List.of("CALF", "ACHILLES"), "REPS", false, false);
    public static final Exercise SINGLE_LEG_CALF_RAISE = new Exercise("single-leg-calf-raise", "Single-leg calf raise",
            "STRENGTH", List.of("CALF", "ANKLE"), "REPS", true, false);
    public static final Exercise WALL_CALF_STRETCH = new Exercise("wall-calf-stretch", "Wall calf stretch", "STRETCH",
            List.of("CALF", "ACHILLES"), "DURATION", true, false);
    public static final Exercise PLANK_HOLD_TOES = new Exercise("toe-yoga-hold", "Toe yoga hold", "MOBILITY",
            List.of("TOES", "FOOT_ARCH"), "DURATION", false, false);
    public static final Exercise RETIRED_MARBLE_PICKUP = new Exercise("marble-pickup", "Marble pick-up", "STRENGTH",
            List.of("TOES"), "REPS", false, true);

    private TestCatalog() {
    }

    public record Exercise(String slug, String name, String category, List<String> bodyAreas, String measurement,
            boolean unilateral, boolean retired) {

        public UUID id() {
            return UUID.nameUUIDFromBytes(("footing:exercise:" + slug).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The contract's exercise snapshot ({@code contract/exercise-catalog/exercise-snapshot.json}) with
         * this exercise's fields in place of the example's: every other field stays as catalog-service sends it.
         */
        public String snapshotJson(Instant updatedAt) {
            ObjectNode snapshot = ContractExamples.EXERCISE_SNAPSHOT.load().value().deepCopy();
            snapshot.put("id", id().toString());
            snapshot.put("slug", slug);
            snapshot.put("name", name);
            snapshot.put("category", category);
            ArrayNode areas = snapshot.putArray("bodyAreas");
            bodyAreas.forEach(areas::add);
            snapshot.put("measurement", measurement);
            snapshot.put("unilateral", unilateral);
            snapshot.put("retired", retired);
            snapshot.put("updatedAt", updatedAt.toString());
            return snapshot.toString();
        }

        public Exercise renamed(String newName) {
            return new Exercise(slug, newName, category, bodyAreas, measurement, unilateral, retired);
        }
    }

    /** Publishes the standard test exercises and waits until the replica holds them. */
    public static void ensureStandardExercises(DataSource db) {
        List<Exercise> all = List.of(CALF_RAISE, SINGLE_LEG_CALF_RAISE, WALL_CALF_STRETCH, PLANK_HOLD_TOES, RETIRED_MARBLE_PICKUP);
        if (all.stream().allMatch(e -> replicaName(db, e.id()) != null)) {
            return;
        }
        all.forEach(e -> publish(e.id().toString(), e.snapshotJson(Instant.parse("2026-01-01T00:00:00Z"))));
        await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(e -> replicaName(db, e.id()) != null));
    }

    /** Publishes one raw record to exercise-catalog (value null: a tombstone). */
    public static void publish(String key, String value) {
        publish(Topics.EXERCISE_CATALOG, key, value);
    }

    /** Publishes one raw record to a catalog topic (value null: a tombstone). */
    public static void publish(String topic, String key, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static String replicaName(DataSource db, UUID id) {
        return Db.string(db, "select name from exercise_replica where id = ?", id);
    }

    public static Boolean replicaRetired(DataSource db, UUID id) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("select retired from exercise_replica where id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
