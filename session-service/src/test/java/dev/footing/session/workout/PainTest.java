package dev.footing.session.workout;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static dev.footing.session.support.TestCatalog.SINGLE_LEG_CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
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
 * A set may carry the pain felt during it (0-10, docs/architecture.md §9): stored, shown by GET,
 * published in {@code footing.set.completed.v1}, and part of what makes a re-sent set "the same".
 * Out-of-range pain is in {@link BadInputTest}.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class PainTest {

    private static final Duration SENT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void painIsStoredShownAndPublishedAndNullWhenNotReported() {
        String user = Api.newUser("pain");
        String sessionId = Api.startSession(user, "UTC");
        Api.postSets(sessionId, """
                [{"exerciseId":"%s","reps":20,"side":"LEFT","pain":0,"completedAt":"2026-11-20T07:00:00Z"},
                 {"exerciseId":"%s","reps":18,"side":"RIGHT","pain":6,"completedAt":"2026-11-20T07:01:00Z"},
                 {"exerciseId":"%s","reps":30,"completedAt":"2026-11-20T07:02:00Z"}]"""
                .formatted(SINGLE_LEG_CALF_RAISE.id(), SINGLE_LEG_CALF_RAISE.id(), CALF_RAISE.id()))
                .statusCode(201)
                .body("pain", equalTo(java.util.Arrays.asList(0, 6, null)));

        Api.getSession(sessionId).statusCode(200)
                .body("sets", hasSize(3))
                .body("sets[0].pain", equalTo(0))
                .body("sets[1].pain", equalTo(6))
                .body("sets[2].pain", nullValue());
        assertThat(Db.count(db, "select count(*) from workout_set where session_id = ? and pain = 6",
                UUID.fromString(sessionId))).isOne();

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).hasSize(3);
        assertThat(events.get(0).body().get("pain").isInt()).isTrue();
        assertThat(events.get(0).body().get("pain").asInt()).isZero();
        assertThat(events.get(1).body().get("pain").asInt()).isEqualTo(6);
        assertThat(events.get(2).body().has("pain")).as("written out, as null").isTrue();
        assertThat(events.get(2).body().get("pain").isNull()).isTrue();
        // A session without a program: the field is there, null.
        assertThat(events).allMatch(e -> e.body().has("programId") && e.body().get("programId").isNull());
    }

    @Test
    void aResentSetWithTheSamePainIsANoOpAndWithAnotherPainAConflict() {
        String user = Api.newUser("pain-resend");
        String sessionId = Api.startSession(user, "UTC");
        UUID setId = UUID.randomUUID();
        String withPain = "{\"id\":\"%s\",\"exerciseId\":\"%s\",\"reps\":20,\"pain\":4}".formatted(setId, CALF_RAISE.id());
        String first = Api.postSets(sessionId, withPain).statusCode(201).extract().asString();
        assertThat(Api.postSets(sessionId, withPain).statusCode(201).extract().asString()).isEqualTo(first);
        Api.postSets(sessionId, withPain.replace("\"pain\":4", "\"pain\":5")).statusCode(409)
                .contentType("application/problem+json");
        Api.postSets(sessionId, withPain.replace(",\"pain\":4", "")).statusCode(409);
        Api.getSession(sessionId).body("sets", hasSize(1)).body("sets[0].pain", equalTo(4));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().get("pain").asInt()).isEqualTo(4);
    }
}
