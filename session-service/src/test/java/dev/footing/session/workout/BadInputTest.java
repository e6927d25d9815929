package dev.footing.session.workout;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static dev.footing.session.support.TestCatalog.SINGLE_LEG_CALF_RAISE;
import static dev.footing.session.support.TestCatalog.WALL_CALF_STRETCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input gets its own RFC 9457 answer naming the field, and writes nothing:
 * no session, no set, no outbox row.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    private String user;
    private String sessionId;

    @BeforeEach
    void session() {
        TestCatalog.ensureStandardExercises(db);
        user = Api.newUser("bad");
        sessionId = Api.startSession(user, "UTC");
    }

    /** Nothing but the empty session of {@link #session()}: no set, no event. */
    private void assertNothingWritten() {
        assertThat(Db.count(db, "select count(*) from workout_set where session_id = ?", UUID.fromString(sessionId))).isZero();
        assertThat(Db.count(db, "select count(*) from outbox_event where user_id = ?", user)).isZero();
    }

    private static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return response.statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", equalTo("https://footing.dev/problems/validation"))
                .body("violations.field", hasItem(field))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"exerciseId\":\"CALF\",\"reps\":0}                                | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":1001}                             | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":-5}                               | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"loadKg\":-1}                 | loadKg",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"loadKg\":1000.5}             | loadKg",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"loadKg\":2.125}              | loadKg",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"rpe\":0}                     | rpe",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"rpe\":11}                    | rpe",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"pain\":11}                   | pain",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"pain\":-1}                   | pain",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"pain\":2.5}                  | pain",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"pain\":\"3\"}                | pain",
            "{\"exerciseId\":\"CALF\",\"durationSeconds\":30}                    | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"durationSeconds\":30}        | durationSeconds",
            "{\"exerciseId\":\"CALF\"}                                           | reps",
            "{\"exerciseId\":\"STRETCH\",\"durationSeconds\":0,\"side\":\"LEFT\"}    | durationSeconds",
            "{\"exerciseId\":\"STRETCH\",\"durationSeconds\":7201,\"side\":\"LEFT\"} | durationSeconds",
            "{\"exerciseId\":\"STRETCH\",\"reps\":10,\"side\":\"LEFT\"}          | durationSeconds",
            "{\"exerciseId\":\"STRETCH\",\"durationSeconds\":30}                 | side",
            "{\"exerciseId\":\"UNILATERAL\",\"reps\":10}                         | side",
            "{\"reps\":10}                                                       | exerciseId",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"completedAt\":\"FUTURE\"}    | completedAt",
            "{\"exerciseId\":\"CALF\",\"reps\":\"ten\"}                          | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":\"12\"}                           | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":12.5}                             | reps",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"loadKg\":\"heavy\"}          | loadKg",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"side\":\"SIDEWAYS\"}         | side",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"completedAt\":\"yesterday\"} | completedAt",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"completedAt\":\"-5000-01-01T00:00:00Z\"} | completedAt",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"completedAt\":\"0000-06-01T00:00:00Z\"} | completedAt",
            "{\"exerciseId\":\"not-a-uuid\",\"reps\":10}                         | exerciseId",
            "{\"exerciseId\":\"CALF\",\"reps\":10,\"weight\":20}                 | weight",
    })
    void aBadSetIsA400NamingTheFieldAndWritesNothing(String set, String field) {
        String json = set.replace("\"CALF\"", "\"" + CALF_RAISE.id() + "\"")
                .replace("\"STRETCH\"", "\"" + WALL_CALF_STRETCH.id() + "\"")
                .replace("\"UNILATERAL\"", "\"" + SINGLE_LEG_CALF_RAISE.id() + "\"")
                .replace("\"FUTURE\"", "\"" + Instant.now().plus(10, ChronoUnit.MINUTES) + "\"");
        invalid(Api.postSets(sessionId, json), field);
        // In a batch the field is named by its position.
        invalid(Api.postSets(sessionId, "[" + Api.reps(CALF_RAISE.id(), 10) + "," + json + "]"), "[1]." + field);
        assertNothingWritten();
    }

    @Test
    void anUnknownExerciseIsA422NamingItsPositionAndTheBatchWritesNothing() {
        UUID unknown = UUID.randomUUID();
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sets.add(Api.reps(CALF_RAISE.id(), 10 + i));
        }
        sets.add(Api.reps(unknown, 10));
        Api.postSets(sessionId, "[" + String.join(",", sets) + "]")
                .statusCode(422).contentType(PROBLEM)
                .body("status", equalTo(422))
                .body("violations[0].field", equalTo("[3].exerciseId"))
                .body("violations[0].message", containsString(unknown.toString()));
        Api.postSets(sessionId, Api.reps(unknown, 10)).statusCode(422).body("violations[0].field", equalTo("exerciseId"));
        assertNothingWritten();
    }

    @Test
    void aWholeWorkoutWithOneBadSetCreatesNoSession() {
        String other = Api.newUser("bad-whole");
        String id = UUID.randomUUID().toString();
        Api.createSession("""
                {"id":"%s","userId":"%s","sets":[%s,%s,%s,%s]}""".formatted(id, other, Api.reps(CALF_RAISE.id(), 10),
                Api.reps(CALF_RAISE.id(), 10), Api.reps(CALF_RAISE.id(), 10), Api.reps(UUID.randomUUID(), 10)))
                .statusCode(422).body("violations[0].field", equalTo("sets[3].exerciseId"));
        invalid(Api.createSession("""
                {"id":"%s","userId":"%s","sets":[%s,{"exerciseId":"%s","reps":5000}]}""".formatted(id, other,
                Api.reps(CALF_RAISE.id(), 10), CALF_RAISE.id())), "sets[1].reps");
        invalid(Api.createSession("""
                {"id":"%s","userId":"%s","sets":[%s,{"exerciseId":"%s","reps":"x"}]}""".formatted(id, other,
                Api.reps(CALF_RAISE.id(), 10), CALF_RAISE.id())), "sets[1].reps");
        Api.getSession(id).statusCode(404);
        assertThat(Db.rowsOfUser(db, other)).isZero();
    }

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"userId\":\"\"}                                             | userId",
            "{\"userId\":\"has space\"}                                    | userId",
            "{\"userId\":\"USER\",\"timezone\":\"Mars/Olympus_Mons\"}      | timezone",
            "{\"userId\":\"USER\",\"timezone\":\"+02:00\"}                 | timezone",
            "{\"userId\":\"USER\",\"startedAt\":\"FUTURE\"}                | startedAt",
            "{\"userId\":\"USER\",\"startedAt\":\"2026-01-02T00:00:00Z\",\"completedAt\":\"2026-01-01T00:00:00Z\"} | completedAt",
            "{\"userId\":\"USER\",\"programId\":\"p1\"}                    | programId",
            "{\"userId\":\"USER\",\"startedAt\":\"-5000-01-01T00:00:00Z\"} | startedAt",
            "{\"userId\":\"USER\",\"startedAt\":\"1969-12-31T23:59:59Z\"}  | startedAt",
            "{\"userId\":\"USER\",\"notes\":\"before\\u0000after\"}       | notes",
            "{\"userId\":42}                                               | userId",
            "{\"userId\":\"USER\",\"sets\":{}}                             | sets",
    })
    void aBadSessionIsA400NamingTheField(String session, String field) {
        String other = Api.newUser("bad-session");
        invalid(Api.createSession(session.replace("USER", other)
                .replace("\"FUTURE\"", "\"" + Instant.now().plus(1, ChronoUnit.HOURS) + "\"")), field);
        assertThat(Db.rowsOfUser(db, other)).isZero();
    }

    @Test
    void aUserIdLongerThan64IsRejected() {
        invalid(Api.createSession("{\"userId\":\"%s\"}".formatted("u".repeat(65))), "userId");
    }

    @Test
    void malformedJsonIsA400() {
        Api.postSets(sessionId, "{\"exerciseId\": ").statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Malformed JSON"));
        Api.createSession("{userId: nope}").statusCode(400).contentType(PROBLEM);
        Api.postSets(sessionId, "").statusCode(400).contentType(PROBLEM);
        Api.postSets(sessionId, "null").statusCode(400).contentType(PROBLEM);
        Api.postSets(sessionId, "42").statusCode(400).contentType(PROBLEM);
        Api.postSets(sessionId, "[]").statusCode(400).contentType(PROBLEM);
        Api.postSets(sessionId, "[42]").statusCode(400).contentType(PROBLEM);
        Api.complete(sessionId, "{\"completedAt\":\"soon\"}").statusCode(400).contentType(PROBLEM);
        Api.asOwnerOf(sessionId).contentType(ContentType.TEXT).body("reps=10").when().post("/api/sessions/{id}/sets", sessionId)
                .then().statusCode(415).contentType(PROBLEM);
        Api.asOwnerOf(sessionId).contentType(ContentType.JSON).when().post("/api/sessions/{id}/sets", sessionId)
                .then().statusCode(400).contentType(PROBLEM);
        assertNothingWritten();
    }

    @Test
    void moreThan500SetsIsA413() {
        String set = Api.reps(CALF_RAISE.id(), 10);
        String batch = "[" + String.join(",", java.util.Collections.nCopies(501, set)) + "]";
        Api.postSets(sessionId, batch).statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        String other = Api.newUser("bad-big");
        Api.createSession("{\"userId\":\"%s\",\"sets\":%s}".formatted(other, batch)).statusCode(413).contentType(PROBLEM);
        assertThat(Db.rowsOfUser(db, other)).isZero();
        // 500 is the limit, not over it.
        Api.postSets(sessionId, "[" + String.join(",", java.util.Collections.nCopies(500, set)) + "]").statusCode(201);
    }

    @Test
    void malformedIdsAndQueriesAre400s() {
        invalid(Api.getSession("not-a-uuid"), "id");
        invalid(Api.postSets("not-a-uuid", Api.reps(CALF_RAISE.id(), 10)), "id");
        invalid(Api.deleteSet(sessionId, "nope"), "setId");
        invalid(Api.listing("has space").when().get("/api/sessions").then(), "userId");
        invalid(Api.listing(user).queryParam("from", "2026-13-01").when().get("/api/sessions").then(), "from");
        invalid(Api.listing(user).queryParam("from", "2026-02-02").queryParam("to", "2026-02-01")
                .when().get("/api/sessions").then(), "from");
        // Dates PostgreSQL cannot compare with (before 4713 BC, after 5874897) are a 400, not a 500.
        invalid(Api.listing(user).queryParam("from", "-5000-01-01").when().get("/api/sessions").then(), "from");
        invalid(Api.listing(user).queryParam("to", "+100000000-01-01").when().get("/api/sessions").then(), "to");
        invalid(Api.listing(user).queryParam("size", "1000").when().get("/api/sessions").then(), "size");
        invalid(Api.listing(user).queryParam("page", "-1").when().get("/api/sessions").then(), "page");
        invalid(Api.listing(user).queryParam("page", "two").when().get("/api/sessions").then(), "page");
    }

    @Test
    void completingBeforeTheStartOrInTheFutureIsA400() {
        String started = Api.getSession(sessionId).extract().path("startedAt");
        invalid(Api.complete(sessionId, "{\"completedAt\":\"%s\"}".formatted(Instant.parse(started).minusSeconds(60))), "completedAt");
        invalid(Api.complete(sessionId, "{\"completedAt\":\"%s\"}".formatted(Instant.now().plus(1, ChronoUnit.HOURS))), "completedAt");
        Api.getSession(sessionId).body("completedAt", org.hamcrest.Matchers.nullValue());
        assertNothingWritten();
    }

    /** A body over quarkus.http.limits.max-body-size (10 MB) is refused before it is read, still as a problem. */
    @Test
    void aBodyOverTheSizeLimitIsA413Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/sessions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + dev.footing.infra.TestTokens.athlete(user) + "\r\n"
                    + "Content-Length: 20000000\r\n\r\n{\"name\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":413");
        }
    }
}
