package dev.footing.stats.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.TestInfrastructure;

/**
 * Exercise and program snapshots as catalog-service publishes them, built on the contract's examples, sent to
 * the compacted topics; and a bounded wait until stats' replica holds them.
 */
public final class CatalogSnapshots {

    private static final ObjectMapper JSON = StrictMapper.create();

    /** The article's runner's complex as a program of the two curb jumps, once a week. */
    public static final UUID RUNNERS = UUID.nameUUIDFromBytes("footing:program:test-runners".getBytes(StandardCharsets.UTF_8));
    public static final String RUNNERS_SLUG = "test-runners-complex";

    private CatalogSnapshots() {
    }

    /** The curb jumps with their rules (20 -> 40 by 5 after two sessions; two feet, then one leg), and the program. */
    public static synchronized void publishCurbJumpsAndRunners() {
        WorkoutEvents.send(List.of(
                exercise(Exercises.CURB_JUMP, "{\"sets\":1,\"reps\":20,\"repsMax\":40}",
                        "{\"ladders\":[{\"axis\":\"REPS\",\"start\":20,\"step\":5,\"ceiling\":40,\"successesRequired\":2}],"
                                + "\"load\":null,\"next\":\"curb-jump-one-leg\",\"previous\":null}"),
                exercise(Exercises.CURB_JUMP_ONE_LEG, "{\"sets\":1,\"reps\":20,\"repsMax\":40}",
                        "{\"ladders\":[{\"axis\":\"REPS\",\"start\":20,\"step\":5,\"ceiling\":40,\"successesRequired\":2}],"
                                + "\"load\":null,\"next\":null,\"previous\":\"curb-jump-two-feet\"}"),
                program(RUNNERS, RUNNERS_SLUG, 1, Exercises.CURB_JUMP, Exercises.CURB_JUMP_ONE_LEG)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("SELECT count(*) FROM exercise_replica WHERE slug IN ('curb-jump-two-feet', 'curb-jump-one-leg')"
                        + " AND progression IS NOT NULL") == 2
                        && count("SELECT count(*) FROM program_replica WHERE slug = '" + RUNNERS_SLUG + "'") == 1);
    }

    public static ProducerRecord<String, String> exercise(Exercises exercise, String prescription, String progression) {
        ObjectNode value = ContractExamples.EXERCISE_SNAPSHOT.load().value().deepCopy();
        value.put("id", exercise.id().toString());
        value.put("slug", exercise.slug());
        value.put("name", exercise.name());
        value.put("category", exercise.category());
        exercise.bodyAreas().forEach(value.putArray("bodyAreas")::add);
        value.put("measurement", exercise.measurement());
        value.put("unilateral", exercise.unilateral());
        value.set("prescription", tree(prescription));
        value.set("progression", tree(progression));
        return new ProducerRecord<>(Topics.EXERCISE_CATALOG, exercise.id().toString(), value.toString());
    }

    public static ProducerRecord<String, String> program(UUID id, String slug, Integer sessionsPerWeek, Exercises... items) {
        ObjectNode value = ContractExamples.PROGRAM_SNAPSHOT.load().value().deepCopy();
        value.put("id", id.toString());
        value.put("slug", slug);
        value.put("sessionsPerWeek", sessionsPerWeek);
        var array = value.putArray("items");
        for (Exercises item : items) {
            array.addObject().put("exerciseId", item.id().toString()).put("exercise", item.slug()).putNull("prescription");
        }
        return new ProducerRecord<>(Topics.PROGRAM_CATALOG, id.toString(), value.toString());
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword()); PreparedStatement select = db.prepareStatement(sql);
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
