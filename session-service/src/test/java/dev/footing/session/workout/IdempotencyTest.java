package dev.footing.session.workout;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
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
 * Offline clients retry: the same id with the same content answers as the first time and adds no
 * event; the same id with different content is a 409 that changes nothing.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class IdempotencyTest {

    private static final Duration SENT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    private static String set(UUID id, int reps) {
        return "{\"id\":\"%s\",\"exerciseId\":\"%s\",\"reps\":%d,\"loadKg\":5}".formatted(id, CALF_RAISE.id(), reps);
    }

    @Test
    void aResentSetAnswersAsTheFirstTimeAndPublishesOnce() {
        String user = Api.newUser("resend");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        String first = Api.postSets(sessionId, set(setId, 12)).statusCode(201).extract().asString();
        String second = Api.postSets(sessionId, set(setId, 12)).statusCode(201).extract().asString();
        // 5, 5.0 and 5.00 kg are the same load.
        String third = Api.postSets(sessionId, set(setId, 12).replace("\"loadKg\":5", "\"loadKg\":5.00")).statusCode(201)
                .extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().get("setId").asText()).isEqualTo(setId.toString());
    }

    @Test
    void aResentSetWithDifferentContentIsAConflictAndChangesNothing() {
        String user = Api.newUser("conflict");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        Api.postSets(sessionId, set(setId, 12)).statusCode(201);
        Api.postSets(sessionId, set(setId, 13)).statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("title", equalTo("Conflict"));
        // In a batch, the conflicting set stops the whole batch: the new set is not written either.
        Api.postSets(sessionId, "[" + set(UUID.randomUUID(), 8) + "," + set(setId, 14) + "]").statusCode(409);
        Api.getSession(sessionId).body("sets", hasSize(1)).body("sets[0].reps", equalTo(12));
        // The same set id in another session is somebody else's set.
        String otherSession = Api.startSession(user, "UTC");
        Api.postSets(otherSession, set(setId, 12)).statusCode(409);

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().get("reps").asInt()).isEqualTo(12);
    }

    @Test
    void aBatchRetriedWithOneMoreSetPublishesOnlyTheNewOne() {
        String user = Api.newUser("batch-retry");
        String sessionId = Api.startSession(user, "UTC");
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        Api.postSets(sessionId, "[" + set(a, 10) + "," + set(b, 11) + "]").statusCode(201).body("", hasSize(2));
        Api.postSets(sessionId, "[" + set(a, 10) + "," + set(b, 11) + "," + set(c, 12) + "]").statusCode(201)
                .body("id", equalTo(List.of(a.toString(), b.toString(), c.toString())));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(e -> e.body().get("setId").asText())
                .containsExactly(a.toString(), b.toString(), c.toString());
    }

    @Test
    void aResentWholeWorkoutIsANoOpEvenWithoutSetIds() {
        String user = Api.newUser("whole-retry");
        String sessionId = UUID.randomUUID().toString();
        String workout = """
                {"id":"%s","userId":"%s","timezone":"Europe/Madrid","completedAt":"2026-09-01T18:30:00Z",
                 "sets":[{"exerciseId":"%s","reps":15,"completedAt":"2026-09-01T18:00:00Z"},
                         {"exerciseId":"%s","reps":15,"completedAt":"2026-09-01T18:05:00Z"}]}"""
                .formatted(sessionId, user, CALF_RAISE.id(), CALF_RAISE.id());
        var first = Api.createSession(workout).statusCode(201).extract();
        var second = Api.createSession(workout).statusCode(201).extract();
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.asString()).isEqualTo(first.asString());

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1",
                "footing.set.completed.v1", "footing.session.completed.v1");
    }

    @Test
    void aResentSessionWithDifferentContentIsAConflict() {
        String user = Api.newUser("session-conflict");
        String sessionId = UUID.randomUUID().toString();
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Rome\"}".formatted(sessionId, user)).statusCode(201);
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Rome\"}".formatted(sessionId, user)).statusCode(201);
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Oslo\"}".formatted(sessionId, user))
                .statusCode(409).contentType("application/problem+json");
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Rome\"}".formatted(sessionId, Api.newUser("thief")))
                .statusCode(409);
        // A re-sent workout may not smuggle in sets the session does not have.
        Api.createSession("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"Europe/Rome\",\"sets\":[%s]}"
                .formatted(sessionId, user, Api.reps(CALF_RAISE.id(), 10))).statusCode(409);
        Api.getSession(sessionId).body("timezone", equalTo("Europe/Rome")).body("sets", hasSize(0));
        assertThat(Db.count(db, "select count(*) from outbox_event where user_id = ?", user)).isZero();
    }

    @Test
    void theSameSetSentEightTimesAtOnceIsStoredAndPublishedOnce() throws Exception {
        String user = Api.newUser("parallel");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = i % 2 == 0 ? set(setId, 12) : "[" + set(setId, 12) + "," + set(other, 9) + "]";
                answers.add(pool.submit(() -> Api.postSets(sessionId, body).extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        Api.getSession(sessionId).body("sets", hasSize(2));
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(e -> e.body().get("setId").asText()).containsExactlyInAnyOrder(setId.toString(), other.toString());
    }

    /**
     * Two users' writes are not serialized by a lock, so an id both chose can pass both reads; the
     * second insert then fails on the key. Made certain here: another transaction holds the id
     * uncommitted while the request inserts it, so the request's insert waits on the key and fails
     * once that transaction commits.
     */
    @Test
    void anIdTakenByAConcurrentWriteOfAnotherUserIsAConflictThatWritesNothing() throws Exception {
        String other = Api.newUser("racer-a");
        String otherSession = Api.startSession(other, "UTC");
        String user = Api.newUser("racer-b");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection concurrent = db.getConnection()) {
            concurrent.setAutoCommit(false);
            try (PreparedStatement insert = concurrent.prepareStatement("""
                    insert into workout_set (id, session_id, exercise_id, reps, load_kg, completed_at, local_date, recorded_at)
                    values (?, ?, ?, 12, 5, now(), current_date, now())""")) {
                insert.setObject(1, setId);
                insert.setObject(2, UUID.fromString(otherSession));
                insert.setObject(3, CALF_RAISE.id());
                insert.executeUpdate();
            }
            Future<io.restassured.response.ExtractableResponse<io.restassured.response.Response>> answer =
                    pool.submit(() -> Api.postSets(sessionId, set(setId, 12)).extract());
            // The request has read (no such id yet) and now waits on the key the open transaction holds.
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(db,
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'with%workout_set%'") > 0);
            concurrent.commit();

            var response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().jsonPath().getString("detail")).contains("taken by a concurrent request");
        } finally {
            pool.shutdownNow();
        }
        Api.getSession(sessionId).body("sets", hasSize(0));
        assertThat(Db.count(db, "select count(*) from outbox_event where user_id = ?", user)).isZero();
        // The connection went back to the pool fit for the next write: rolled back, not left in a transaction.
        Api.postSets(sessionId, set(UUID.randomUUID(), 12)).statusCode(201);
        assertThat(WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT)).hasSize(1);
    }

    @Test
    void aRetractedSetsIdCannotBeUsedAgain() {
        String user = Api.newUser("reuse");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        Api.postSets(sessionId, set(setId, 12)).statusCode(201);
        Api.deleteSet(sessionId, setId.toString()).statusCode(204);
        Api.postSets(sessionId, set(setId, 12)).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("retracted"));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1", "footing.set.retracted.v1");
    }
}
