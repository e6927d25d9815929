package dev.footing.session.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.footing.contract.ContractExample;
import dev.footing.contract.ContractExamples;
import dev.footing.contract.Topics;
import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.TestPrograms;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What session-service publishes is the contract: the workout the examples in module
 * {@code contract} describe is logged through the API (the exercises arrive as the contract's
 * catalog examples), and every {@code workout-events} example comes out of the service exactly,
 * key, CloudEvents headers and value. Only the retraction's instant is the server's own (the time of
 * the DELETE), so it is checked for its form and against its {@code ce_time}.
 *
 * <p>The examples written before {@code pain} and {@code programId} were added are events as they were
 * published then; the service now writes those fields on every event, {@code null} when absent, so
 * for those examples it must publish exactly the example plus the added fields as {@code null}. The
 * examples with the added fields must come out exactly, field order included.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Optional fields added to an event type after examples of it were written: now published as null when absent. */
    private static final Map<String, List<String>> ADDED_LATER = Map.of(
            "footing.set.completed.v1", List.of("programId", "pain"),
            "footing.session.completed.v1", List.of("programId"));

    @Inject
    AgroalDataSource db;

    @Test
    void theWorkoutOfTheContractIsPublishedExactlyAsItsExamples() throws Exception {
        ContractExample reps = ContractExamples.SET_COMPLETED.load();
        ContractExample duration = ContractExamples.SET_COMPLETED_DURATION_WITH_LOAD.load();
        ContractExample unknownArea = ContractExamples.SET_COMPLETED_UNKNOWN_BODY_AREA.load();
        ContractExample retracted = ContractExamples.SET_RETRACTED.load();
        ContractExample completed = ContractExamples.SESSION_COMPLETED.load();
        ContractExample withPain = ContractExamples.SET_COMPLETED_WITH_PAIN_AND_PROGRAM.load();
        ContractExample completedWithProgram = ContractExamples.SESSION_COMPLETED_WITH_PROGRAM.load();

        catalogKnows(ContractExamples.EXERCISE_SNAPSHOT.load());
        // The DURATION example's exercise is the retired one: still accepted, for history.
        catalogKnows(ContractExamples.EXERCISE_SNAPSHOT_RETIRED.load());
        catalogKnows(unknownArea.value().get("exercise"));

        String user = reps.key();
        String sessionId = reps.value().get("sessionId").textValue();
        String retractedSetId = retracted.value().get("setId").textValue();
        Api.createSession("""
                {"id":"%s","userId":"%s","timezone":"%s","sets":[%s,%s,%s,%s]}""".formatted(sessionId, user,
                reps.value().get("timezone").textValue(),
                set(reps.value()),
                """
                {"id":"%s","exerciseId":"%s","reps":12,"completedAt":"2026-03-29T22:32:00Z"}"""
                        .formatted(retractedSetId, reps.value().get("exercise").get("id").textValue()),
                set(duration.value()),
                set(unknownArea.value()))).statusCode(201);
        Api.deleteSet(sessionId, retractedSetId).statusCode(204);
        Api.complete(sessionId, "{\"completedAt\":\"%s\"}".formatted(completed.value().get("completedAt").textValue()))
                .statusCode(200);
        // A session of a program, logged whole and already complete: its set, then its completion.
        // The program is the contract's program example, as catalog-service publishes it.
        ContractExample program = ContractExamples.PROGRAM_SNAPSHOT.load();
        assertThat(program.key()).isEqualTo(withPain.value().get("programId").textValue());
        TestCatalog.publish(Topics.PROGRAM_CATALOG, program.key(), program.valueJson());
        await().atMost(Duration.ofSeconds(60)).until(() -> TestPrograms.replicaName(db, UUID.fromString(program.key())) != null);
        Api.createSession("""
                {"id":"%s","userId":"%s","timezone":"%s","programId":"%s","completedAt":"%s","sets":[%s]}""".formatted(
                withPain.value().get("sessionId").textValue(), user, withPain.value().get("timezone").textValue(),
                withPain.value().get("programId").textValue(),
                completedWithProgram.value().get("completedAt").textValue(), set(withPain.value()))).statusCode(201);

        Map<String, Received> published = WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(60)).stream()
                .collect(Collectors.toMap(Received::eventId, Function.identity(), (first, again) -> first));
        List<ContractExample> examples = ContractExamples.onTopic(Topics.WORKOUT_EVENTS);
        assertThat(examples).hasSize(7);
        for (ContractExample example : examples) {
            Received event = published.get(example.header("ce_id"));
            assertThat(event).as("the event of %s", example.example().resource()).isNotNull();
            assertThat(event.key()).as("key of %s", example.example()).isEqualTo(example.key());
            ObjectNode expected = (ObjectNode) JSON.readTree(example.valueJson());
            if (ADDED_LATER.containsKey(example.header("ce_type"))) {
                for (String added : ADDED_LATER.get(example.header("ce_type"))) {
                    if (!expected.has(added)) {
                        expected.putNull(added);
                    }
                }
            }
            Map<String, String> expectedHeaders = new LinkedHashMap<>(example.headers());
            if (example.example() == ContractExamples.SET_RETRACTED) {
                String retractedAt = event.body().get("retractedAt").textValue();
                assertThat(Instant.parse(retractedAt)).isBefore(Instant.now().plusSeconds(1));
                expected.put("retractedAt", retractedAt);
                expectedHeaders.put("ce_time", retractedAt);
            }
            assertThat(event.headers()).as("headers of %s", example.example()).containsAllEntriesOf(expectedHeaders);
            assertThat(event.body()).as("value of %s", example.example()).isEqualTo(expected);
        }
        for (ContractExample example : List.of(withPain, completedWithProgram)) {
            List<String> order = new java.util.ArrayList<>();
            published.get(example.header("ce_id")).body().fieldNames().forEachRemaining(order::add);
            List<String> expectedOrder = new java.util.ArrayList<>();
            example.value().fieldNames().forEachRemaining(expectedOrder::add);
            assertThat(order).as("field order of %s", example.example()).containsExactlyElementsOf(expectedOrder);
        }
    }

    /** The set of an event example as a client posts it. */
    private static String set(JsonNode event) {
        ObjectNode set = JSON.createObjectNode();
        set.put("id", event.get("setId").textValue());
        set.put("exerciseId", event.get("exercise").get("id").textValue());
        for (String field : List.of("reps", "durationSeconds", "loadKg", "side", "rpe", "pain", "completedAt")) {
            if (event.has(field) && !event.get(field).isNull() && !(field.equals("loadKg") && event.get(field).decimalValue().signum() == 0)) {
                set.set(field, event.get(field));
            }
        }
        return set.toString();
    }

    private void catalogKnows(ContractExample snapshot) {
        TestCatalog.publish(snapshot.key(), snapshot.valueJson());
        awaitReplica(UUID.fromString(snapshot.key()));
    }

    /** An exercise only an event example shows: the catalog example with that exercise's fields. */
    private void catalogKnows(JsonNode exercise) {
        ObjectNode snapshot = ContractExamples.EXERCISE_SNAPSHOT.load().value().deepCopy();
        exercise.fields().forEachRemaining(field -> snapshot.set(field.getKey(), field.getValue()));
        TestCatalog.publish(exercise.get("id").textValue(), snapshot.toString());
        awaitReplica(UUID.fromString(exercise.get("id").textValue()));
    }

    private void awaitReplica(UUID id) {
        await().atMost(Duration.ofSeconds(60)).until(() -> TestCatalog.replicaName(db, id) != null);
    }
}
