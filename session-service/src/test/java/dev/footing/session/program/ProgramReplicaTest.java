package dev.footing.session.program;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.TestPrograms;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session may name its program (docs/architecture.md §9): the program must be in this service's
 * replica of {@code program-catalog} (catalog-service never runs here), else 422 and nothing written;
 * the program's id then travels in the session's events.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class ProgramReplicaTest {

    private static final Duration SOON = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void anUnknownProgramIsA422NamingTheFieldAndWritesNothing() {
        String user = Api.newUser("no-program");
        UUID unknown = UUID.randomUUID();
        Api.createSession("{\"userId\":\"%s\",\"programId\":\"%s\"}".formatted(user, unknown))
                .statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("https://footing.dev/problems/unknown-program"))
                .body("violations[0].field", equalTo("programId"))
                .body("violations[0].message", equalTo("unknown program " + unknown));
        Api.createSession("""
                {"id":"%s","userId":"%s","programId":"%s","completedAt":"2026-11-20T08:00:00Z",
                 "sets":[{"exerciseId":"%s","reps":20,"completedAt":"2026-11-20T07:50:00Z"}]}"""
                .formatted(UUID.randomUUID(), user, unknown, CALF_RAISE.id()))
                .statusCode(422).body("violations[0].field", equalTo("programId"));
        // Invalid fields come first: they will never become valid, the program may still be on its way.
        Api.createSession("{\"userId\":\"%s\",\"programId\":\"%s\",\"timezone\":\"Mars/Base\"}".formatted(user, unknown))
                .statusCode(400).body("violations[0].field", equalTo("timezone"));
        assertThat(Db.rowsOfUser(db, user)).isZero();
    }

    @Test
    void aKnownProgramIsStoredShownAndCarriedByEverySetAndTheCompletion() {
        UUID program = TestPrograms.ensure(db, "test-runners-program", "Runner's feet");
        String user = Api.newUser("program");
        String sessionId = UUID.randomUUID().toString();
        Api.createSession("""
                {"id":"%s","userId":"%s","programId":"%s",
                 "sets":[{"exerciseId":"%s","reps":20,"pain":2,"completedAt":"2026-11-20T07:50:00Z"}]}"""
                .formatted(sessionId, user, program, CALF_RAISE.id()))
                .statusCode(201).body("programId", equalTo(program.toString()));
        Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 25)).statusCode(201);
        Api.complete(sessionId, "{\"completedAt\":\"%s\"}".formatted(Instant.now().minusSeconds(1))).statusCode(200);
        Api.getSession(sessionId).body("programId", equalTo(program.toString())).body("sets", hasSize(2));
        Api.listing(user).get("/api/sessions").then().statusCode(200).body("items[0].programId", equalTo(program.toString()));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SOON);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1",
                "footing.set.completed.v1", "footing.session.completed.v1");
        assertThat(events).allMatch(e -> program.toString().equals(e.body().get("programId").asText()));
    }

    @Test
    void aSessionWithoutAProgramStaysWithoutOne() {
        String user = Api.newUser("no-program-named");
        String sessionId = Api.startSession(user, "UTC");
        Api.getSession(sessionId).body("programId", nullValue());
        Api.complete(sessionId, null).statusCode(200);
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SOON);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().has("programId")).isTrue();
        assertThat(events.get(0).body().get("programId").isNull()).isTrue();
    }

    @Test
    void aResentSessionWithAnotherProgramIsAConflict() {
        UUID first = TestPrograms.ensure(db, "test-program-a", "Program A");
        UUID second = TestPrograms.ensure(db, "test-program-b", "Program B");
        String user = Api.newUser("program-resend");
        String sessionId = UUID.randomUUID().toString();
        String body = "{\"id\":\"%s\",\"userId\":\"%s\",\"programId\":\"%s\"}";
        Api.createSession(body.formatted(sessionId, user, first)).statusCode(201);
        Api.createSession(body.formatted(sessionId, user, first)).statusCode(201).body("programId", equalTo(first.toString()));
        Api.createSession(body.formatted(sessionId, user, second)).statusCode(409);
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\"}".formatted(sessionId, user)).statusCode(409);
        Api.getSession(sessionId).body("programId", equalTo(first.toString()));
    }

    @Test
    void theReplicaKeepsTheNewestSnapshotSkipsBadRecordsAndARetiredProgramStaysNameable() {
        String slug = "replica-program-" + System.nanoTime();
        UUID id = TestPrograms.id(slug);
        TestCatalog.publish(TestPrograms.TOPIC, id.toString(),
                TestPrograms.snapshotJson(id, slug, "First name", false, Instant.parse("2026-05-01T00:00:00Z")));
        await().atMost(SOON).until(() -> "First name".equals(TestPrograms.replicaName(db, id)));
        TestCatalog.publish(TestPrograms.TOPIC, id.toString(),
                TestPrograms.snapshotJson(id, slug, "Newer name", false, Instant.parse("2026-06-01T00:00:00Z")));
        await().atMost(SOON).until(() -> "Newer name".equals(TestPrograms.replicaName(db, id)));
        // Replayed from the topic: an older snapshot never overwrites a newer one; garbage is skipped.
        TestCatalog.publish(TestPrograms.TOPIC, id.toString(),
                TestPrograms.snapshotJson(id, slug, "Stale name", false, Instant.parse("2026-05-15T00:00:00Z")));
        TestCatalog.publish(TestPrograms.TOPIC, id.toString(), "{ not json");
        TestCatalog.publish(TestPrograms.TOPIC, "not-a-uuid", null);
        String markerSlug = "marker-program-" + System.nanoTime();
        UUID marker = TestPrograms.id(markerSlug);
        TestCatalog.publish(TestPrograms.TOPIC, marker.toString(),
                TestPrograms.snapshotJson(marker, markerSlug, "Marker", false, Instant.parse("2026-06-01T00:00:00Z")));
        await().atMost(SOON).until(() -> TestPrograms.replicaName(db, marker) != null);
        assertThat(TestPrograms.replicaName(db, id)).isEqualTo("Newer name");

        // A tombstone retires it; sessions of it are still accepted (an offline client syncing late).
        TestCatalog.publish(TestPrograms.TOPIC, id.toString(), null);
        await().atMost(SOON).until(() -> "true".equals(TestPrograms.replicaRetired(db, id)));
        String user = Api.newUser("retired-program");
        Api.createSession("{\"userId\":\"%s\",\"programId\":\"%s\"}".formatted(user, id)).statusCode(201);
    }
}
