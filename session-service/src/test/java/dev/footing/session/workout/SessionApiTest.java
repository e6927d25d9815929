package dev.footing.session.workout;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static dev.footing.session.support.TestCatalog.PLANK_HOLD_TOES;
import static dev.footing.session.support.TestCatalog.SINGLE_LEG_CALF_RAISE;
import static dev.footing.session.support.TestCatalog.WALL_CALF_STRETCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
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

/** Logging workouts as a client app does, and reading back exactly the events on workout-events. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class SessionApiTest {

    private static final Duration SENT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void oneSetIsStoredAndPublishedWithItsLocalDateInTheSessionsZone() {
        String user = Api.newUser("single");
        var created = Api.createSession("{\"userId\":\"%s\",\"timezone\":\"Europe/Paris\"}".formatted(user))
                .statusCode(201).extract();
        String sessionId = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/sessions/" + sessionId);
        // 22:30 UTC on the night summer time starts is 00:30 on the next day in Paris.
        String setId = Api.postSets(sessionId, """
                {"exerciseId":"%s","reps":15,"loadKg":10.50,"completedAt":"2026-03-29T22:30:00Z"}""".formatted(CALF_RAISE.id()))
                .statusCode(201)
                .body("sessionId", equalTo(sessionId))
                .body("reps", equalTo(15))
                .body("durationSeconds", nullValue())
                .body("loadKg", equalTo(10.5f))
                .body("localDate", equalTo("2026-03-30"))
                .extract().path("id");

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).hasSize(1);
        Received event = events.get(0);
        assertThat(event.key()).isEqualTo(user);
        assertThat(event.headers()).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "footing.set.completed.v1")
                .containsEntry("ce_source", "/footing/session-service")
                .containsEntry("ce_time", "2026-03-29T22:30:00Z")
                .containsEntry("content-type", "application/json");
        assertThat(event.headers().get("ce_id")).isEqualTo(event.body().get("eventId").asText());
        assertThat(UUID.fromString(event.eventId())).isNotNull();
        var body = event.body();
        assertThat(body.get("userId").asText()).isEqualTo(user);
        assertThat(body.get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(body.get("setId").asText()).isEqualTo(setId);
        assertThat(body.get("exercise").get("id").asText()).isEqualTo(CALF_RAISE.id().toString());
        assertThat(body.get("exercise").get("slug").asText()).isEqualTo("standing-calf-raise");
        assertThat(body.get("exercise").get("name").asText()).isEqualTo("Standing calf raise");
        assertThat(body.get("exercise").get("category").asText()).isEqualTo("STRENGTH");
        assertThat(body.get("exercise").get("bodyAreas").toString()).isEqualTo("[\"CALF\",\"ACHILLES\"]");
        assertThat(body.get("exercise").get("measurement").asText()).isEqualTo("REPS");
        assertThat(body.get("exercise").get("unilateral").asBoolean()).isFalse();
        assertThat(body.get("reps").asInt()).isEqualTo(15);
        assertThat(body.get("durationSeconds").isNull()).isTrue();
        assertThat(body.get("loadKg").decimalValue()).isEqualByComparingTo("10.5");
        assertThat(body.get("side").isNull()).isTrue();
        assertThat(body.get("rpe").isNull()).isTrue();
        assertThat(body.get("completedAt").asText()).isEqualTo("2026-03-29T22:30:00Z");
        assertThat(body.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(body.get("localDate").asText()).isEqualTo("2026-03-30");

        Api.getSession(sessionId).statusCode(200)
                .body("userId", equalTo(user))
                .body("timezone", equalTo("Europe/Paris"))
                .body("sets", hasSize(1))
                .body("sets[0].id", equalTo(setId))
                .body("sets[0].loadKg", equalTo(10.5f));
    }

    @Test
    void aBatchIsStoredAndPublishedInTheOrderSent() {
        String user = Api.newUser("batch");
        String sessionId = Api.startSession(user, "America/New_York");
        Api.postSets(sessionId, """
                [{"exerciseId":"%s","reps":12,"side":"LEFT","rpe":7,"completedAt":"2026-06-01T03:00:00Z"},
                 {"exerciseId":"%s","reps":11,"side":"RIGHT","rpe":8,"completedAt":"2026-06-01T03:01:00Z"},
                 {"exerciseId":"%s","durationSeconds":45,"side":"BOTH","completedAt":"2026-06-01T03:02:00Z"},
                 {"exerciseId":"%s","durationSeconds":30}]""".formatted(SINGLE_LEG_CALF_RAISE.id(), SINGLE_LEG_CALF_RAISE.id(),
                WALL_CALF_STRETCH.id(), PLANK_HOLD_TOES.id()))
                .statusCode(201)
                .body("", hasSize(4))
                .body("[0].side", equalTo("LEFT"))
                .body("[0].localDate", equalTo("2026-05-31"))
                .body("[2].durationSeconds", equalTo(45))
                .body("[3].loadKg", equalTo(0));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsOnly("footing.set.completed.v1");
        assertThat(events).extracting(e -> e.body().get("exercise").get("slug").asText())
                .containsExactly("single-leg-calf-raise", "single-leg-calf-raise", "wall-calf-stretch", "toe-yoga-hold");
        assertThat(events).extracting(e -> e.body().get("side").asText("null")).containsExactly("LEFT", "RIGHT", "BOTH", "null");
        assertThat(events.get(0).body().get("rpe").asInt()).isEqualTo(7);
        assertThat(events.get(0).body().get("localDate").asText()).isEqualTo("2026-05-31");
        assertThat(events.get(2).body().get("durationSeconds").asInt()).isEqualTo(45);
        assertThat(events.get(2).body().get("reps").isNull()).isTrue();
        assertThat(events.get(3).body().get("loadKg").asText()).isEqualTo("0");
        assertThat(events).extracting(Received::partition).containsOnly(events.get(0).partition());
    }

    @Test
    void aWholeFinishedWorkoutInOneCallPublishesItsSetsThenItsCompletion() {
        String user = Api.newUser("whole");
        String sessionId = UUID.randomUUID().toString();
        Api.createSession("""
                {"id":"%s","userId":"%s","timezone":"Asia/Tokyo","notes":"evening calves",
                 "startedAt":"2026-10-10T09:00:00Z","completedAt":"2026-10-10T09:40:00Z",
                 "sets":[{"exerciseId":"%s","reps":20,"loadKg":0,"completedAt":"2026-10-10T09:05:00Z"},
                         {"exerciseId":"%s","reps":20,"loadKg":12,"completedAt":"2026-10-10T09:10:00Z"},
                         {"exerciseId":"%s","durationSeconds":30,"side":"LEFT","completedAt":"2026-10-10T15:20:00Z"}]}"""
                .formatted(sessionId, user, CALF_RAISE.id(), CALF_RAISE.id(), WALL_CALF_STRETCH.id()))
                .statusCode(201)
                .header("Location", endsWith("/api/sessions/" + sessionId))
                .body("id", equalTo(sessionId))
                .body("completedAt", equalTo("2026-10-10T09:40:00Z"))
                .body("sets", hasSize(3))
                .body("sets[2].localDate", equalTo("2026-10-11"));

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1", "footing.set.completed.v1",
                "footing.set.completed.v1", "footing.session.completed.v1");
        Received done = events.get(3);
        assertThat(done.headers()).containsEntry("ce_time", "2026-10-10T09:40:00Z");
        assertThat(done.body().get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(done.body().get("completedAt").asText()).isEqualTo("2026-10-10T09:40:00Z");
        assertThat(done.body().get("timezone").asText()).isEqualTo("Asia/Tokyo");
        assertThat(done.body().get("userId").asText()).isEqualTo(user);
        assertThat(events).extracting(Received::eventId).doesNotHaveDuplicates();

        Api.getSession(sessionId).statusCode(200).body("notes", equalTo("evening calves"))
                .body("sets.reps", equalTo(java.util.Arrays.asList(20, 20, null)));
    }

    @Test
    void aRetractedSetIsHiddenAndRetractedOnceOnTheTopic() {
        String user = Api.newUser("retract");
        String sessionId = Api.startSession(user, "UTC");
        String keep = Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 10)).statusCode(201).extract().path("id");
        String wrong = Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 100)).statusCode(201).extract().path("id");

        Api.deleteSet(sessionId, wrong).statusCode(204);
        Api.deleteSet(sessionId, wrong).statusCode(204);
        Api.deleteSet(sessionId, UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");

        Api.getSession(sessionId).statusCode(200).body("sets", hasSize(1)).body("sets[0].id", equalTo(keep));
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1", "footing.set.completed.v1",
                "footing.set.retracted.v1");
        Received retracted = events.get(2);
        assertThat(retracted.body().get("setId").asText()).isEqualTo(wrong);
        assertThat(retracted.body().get("sessionId").asText()).isEqualTo(sessionId);
        assertThat(retracted.body().get("userId").asText()).isEqualTo(user);
        assertThat(retracted.headers().get("ce_time")).isEqualTo(retracted.body().get("retractedAt").asText());
    }

    @Test
    void completingASessionTwiceAnswersTheSameAndPublishesOnce() {
        String user = Api.newUser("complete");
        String sessionId = Api.startSession(user, "Europe/Berlin");
        Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 10)).statusCode(201);
        String completedAt = Api.complete(sessionId, null).statusCode(200)
                .body("id", equalTo(sessionId)).extract().path("completedAt");
        assertThat(completedAt).isNotNull();
        Api.complete(sessionId, null).statusCode(200).body("completedAt", equalTo(completedAt));
        Api.complete(sessionId, "{\"completedAt\":\"%s\"}".formatted(completedAt)).statusCode(200);
        Api.complete(sessionId, "{\"completedAt\":\"2020-01-01T00:00:00Z\"}").statusCode(409)
                .contentType("application/problem+json");

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1", "footing.session.completed.v1");
        assertThat(events.get(1).body().get("completedAt").asText()).isEqualTo(completedAt);
        assertThat(events.get(1).body().get("timezone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void listsAUsersSessionsByLocalStartDateNewestFirst() {
        String user = Api.newUser("list");
        for (String day : List.of("2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04")) {
            Api.createSession("{\"userId\":\"%s\",\"timezone\":\"Pacific/Auckland\",\"startedAt\":\"%sT20:00:00Z\"}"
                    .formatted(user, day)).statusCode(201);
        }
        // 20:00 UTC is the next morning in Auckland.
        Api.listing(user).queryParam("from", "2026-02-03").queryParam("to", "2026-02-04")
                .when().get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].startedAt", equalTo("2026-02-03T20:00:00Z"))
                .body("items[0].startedLocalDate", equalTo("2026-02-04"))
                .body("items[0].setCount", equalTo(0));
        Api.listing(user).queryParam("page", "1").queryParam("size", "3")
                .when().get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("items", hasSize(1))
                .body("items[0].startedAt", equalTo("2026-02-01T20:00:00Z"));
        Api.listing(Api.newUser("nobody")).when().get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void setsOfAnUnknownSessionAreA404() {
        Api.postSets(UUID.randomUUID().toString(), Api.reps(CALF_RAISE.id(), 10)).statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        Api.getSession(UUID.randomUUID().toString()).statusCode(404).contentType("application/problem+json");
        Api.complete(UUID.randomUUID().toString(), null).statusCode(404);
        Api.deleteSet(UUID.randomUUID().toString(), UUID.randomUUID().toString()).statusCode(404);
    }
}
