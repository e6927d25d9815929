package dev.footing.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Each service's OpenAPI document is what client apps generate their SDKs from, so it must
 * describe the API that answers: real calls with real Keycloak tokens, successes and refusals,
 * replayed through swagger-request-validator against the document the service serves. A status
 * the document does not list, a body that does not match its schema (a null where it promises a
 * value), or a request it describes wrongly fails the test with every disagreement listed.
 *
 * <p>The calls write for a user of their own (through the admin, who may act for anyone), so no
 * other end-to-end test sees them.
 */
class ApiContractTest {

    static final UUID JUMP_ROPE = Catalog.exercise("jump-rope");            // DURATION, two-legged
    static final UUID CURB_ONE_LEG = Catalog.exercise("curb-jump-one-leg"); // REPS, one leg at a time
    static final String ANKLE_PROGRAM_SLUG = "simple-ankle-strengthening-at-home"; // holds jump-rope; no schedule
    static final UUID ANKLE_PROGRAM = Catalog.program(ANKLE_PROGRAM_SLUG);

    final String athlete = "contract-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void catalogAnswersAsItsDocumentSays() {
        ServedContract contract = ServedContract.of("catalog-service");
        String exercises = RunningSystem.catalog("/api/exercises");

        given().filter(contract.call()).get(exercises + "?category=BALANCE&size=5").then().statusCode(200);
        given().filter(contract.call()).get(exercises + "/jump-rope").then().statusCode(200);
        given().filter(contract.call()).get(RunningSystem.catalog("/api/programs")).then().statusCode(200);
        given().filter(contract.refusal()).get(exercises + "?size=0").then().statusCode(400);
        given().filter(contract.refusal()).get(exercises + "/no-such-exercise").then().statusCode(404);
        given().filter(contract.refusal()).get(RunningSystem.catalog("/api/programs/no-such-program")).then().statusCode(404);

        Map<String, Object> exercise = given().get(exercises + "/toe-walk").then().extract().jsonPath().getMap("");
        exercise.remove("id");
        exercise.remove("updatedAt");
        exercise.put("slug", athlete + "-walk");
        String created = bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(exercise).post(exercises)
                .then().statusCode(201).extract().path("id");
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(exercise).post(exercises).then().statusCode(409);
        exercise.put("name", "Toe walk, contract edition");
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(exercise).put(exercises + "/" + created)
                .then().statusCode(200);
        bearer("admin").filter(contract.call()).delete(exercises + "/" + created).then().statusCode(204);

        exercise.put("name", " ");
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(exercise).post(exercises).then().statusCode(400);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.TEXT).body("toe walk").post(exercises).then().statusCode(415);
        given().filter(contract.refusal()).contentType(ContentType.JSON).body(exercise).post(exercises).then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).contentType(ContentType.JSON).body(exercise).post(exercises).then().statusCode(403);

        assertThat(contract.mismatches()).isEmpty();
    }

    @Test
    void sessionAnswersAsItsDocumentSays() {
        ServedContract contract = ServedContract.of("session-service");
        String sessions = RunningSystem.session("/api/sessions");
        UUID sessionId = UUID.randomUUID();
        Map<String, Object> session = Map.of("id", sessionId, "userId", athlete, "timezone", "Europe/Berlin",
                "startedAt", "2026-11-20T08:00:00Z");

        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(session).post(sessions).then().statusCode(201);
        String sets = sessions + "/" + sessionId + "/sets";
        UUID twoLegged = UUID.randomUUID();
        // Right after start, session-service may still be reading the catalog into its replica (422).
        Retry.answer(() -> bearer("admin").filter(contract.call()).contentType(ContentType.JSON)
                .body(set(twoLegged, JUMP_ROPE, "durationSeconds", 60, null)).post(sets), 422).then().statusCode(201);
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON)
                .body(List.of(set(UUID.randomUUID(), CURB_ONE_LEG, "reps", 12, "LEFT"),
                        set(UUID.randomUUID(), CURB_ONE_LEG, "reps", 11, "RIGHT")))
                .post(sets).then().statusCode(201);
        // side is null for the two-legged set: the document must allow it.
        bearer("admin").filter(contract.call()).get(sessions + "/" + sessionId).then().statusCode(200);
        bearer("admin").filter(contract.call()).get(sessions + "?userId=" + athlete).then().statusCode(200);
        bearer("admin").filter(contract.call()).delete(sets + "/" + twoLegged).then().statusCode(204);
        // The body of /complete is optional. (REST Assured would send a form content type without one.)
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).post(sessions + "/" + sessionId + "/complete")
                .then().statusCode(200);
        UUID other = UUID.randomUUID();
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON)
                .body(Map.of("id", other, "userId", athlete, "timezone", "Europe/Berlin", "startedAt", "2026-11-21T08:00:00Z"))
                .post(sessions).then().statusCode(201);
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(Map.of("completedAt", "2026-11-21T09:00:00Z"))
                .post(sessions + "/" + other + "/complete").then().statusCode(200);

        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON)
                .body(set(UUID.randomUUID(), CURB_ONE_LEG, "reps", -1, "LEFT")).post(sets).then().statusCode(400);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON)
                .body(set(UUID.randomUUID(), UUID.randomUUID(), "reps", 10, null)).post(sets).then().statusCode(422);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(set(UUID.randomUUID(), JUMP_ROPE, "durationSeconds", 30, null));
        }
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(tooMany).post(sets).then().statusCode(413);
        Map<String, Object> sameIdOtherStart = new HashMap<>(session);
        sameIdOtherStart.put("startedAt", "2026-11-20T09:00:00Z");
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(sameIdOtherStart).post(sessions)
                .then().statusCode(409);
        bearer("admin").filter(contract.refusal()).get(sessions + "/" + UUID.randomUUID()).then().statusCode(404);
        bearer("admin").filter(contract.refusal()).get(sessions + "?from=2026-13-01").then().statusCode(400);
        given().filter(contract.refusal()).get(sessions + "/" + sessionId).then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).get(sessions + "?userId=" + athlete).then().statusCode(403);

        assertThat(contract.mismatches()).isEmpty();
    }

    @Test
    void statsAnswersAsItsDocumentSays() {
        ServedContract contract = ServedContract.of("stats-service");
        String user = RunningSystem.stats("/api/users/" + athlete);

        given().filter(contract.call()).get(RunningSystem.stats("/api/dashboard/config")).then().statusCode(200);
        for (String read : List.of("/summary", "/streaks", "/calendar", "/volume", "/records", "/balance", "/goals",
                "/viewers", "/exercises/" + JUMP_ROPE)) {
            bearer("admin").filter(contract.call()).get(user + read).then().statusCode(200);
        }
        bearer("admin").filter(contract.call()).get(RunningSystem.stats("/api/users")).then().statusCode(200);
        bearer("demo-ana").filter(contract.call()).get(RunningSystem.stats("/api/me/athletes")).then().statusCode(200);
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(Map.of("activeDaysPerWeek", 3))
                .put(user + "/goals").then().statusCode(200);
        bearer("admin").filter(contract.call()).put(user + "/viewers/coach-kim").then().statusCode(204);
        bearer("admin").filter(contract.call()).delete(user + "/viewers/coach-kim").then().statusCode(204);

        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(Map.of("activeDaysPerWeek", 9))
                .put(user + "/goals").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(user + "/volume?from=2026-02-30").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(RunningSystem.stats("/api/admin/rebuild/" + UUID.randomUUID()))
                .then().statusCode(404);
        bearer("admin").filter(contract.call()).get(RunningSystem.stats("/api/admin/dead-letters?size=5")).then().statusCode(200);
        bearer("admin").filter(contract.refusal()).get(RunningSystem.stats("/api/admin/dead-letters?size=0")).then().statusCode(400);
        given().filter(contract.refusal()).get(user + "/summary").then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).get(user + "/summary").then().statusCode(403);

        assertThat(contract.mismatches()).isEmpty();
    }

    @Test
    void sessionsOfAProgramAndTheExportAnswerAsTheDocumentSays() {
        ServedContract contract = ServedContract.of("session-service");
        String sessions = RunningSystem.session("/api/sessions");
        String export = RunningSystem.session("/api/users/" + athlete + "/export");
        UUID sessionId = UUID.randomUUID();
        Map<String, Object> painful = set(UUID.randomUUID(), JUMP_ROPE, "durationSeconds", 90, null);
        painful.put("pain", 3);
        Map<String, Object> session = new HashMap<>(Map.of("id", sessionId, "userId", athlete, "timezone", "Europe/Berlin",
                "programId", ANKLE_PROGRAM, "startedAt", "2026-11-20T08:00:00Z", "sets", List.of(painful)));

        logOnceTheProgramIsKnown(session);
        // The same request again, now judged: a retry answers as the first time did.
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(session).post(sessions).then().statusCode(201);
        bearer("admin").filter(contract.call()).get(sessions + "/" + sessionId).then().statusCode(200);
        bearer("admin").filter(contract.call()).get(sessions + "?userId=" + athlete).then().statusCode(200);

        // swagger-request-validator judges a body against its schema only for JSON media types; for the
        // CSV it checks the status, the media type against the document's and the declared headers, so
        // the CSV's columns are checked here: the header row names the JSON rows' fields.
        bearer("admin").filter(contract.call()).get(export + "?format=csv&from=2026-11-01&to=2026-11-30")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", containsString(".csv"))
                .body(startsWith("sessionId,setId,completedAt,localDate,timezone,exerciseSlug,exerciseName,side,reps,"
                        + "durationSeconds,loadKg,rpe,pain,notes\r\n"));
        bearer("admin").filter(contract.call()).get(export).then().statusCode(200).contentType("text/csv");
        bearer("admin").filter(contract.call()).get(export + "?format=json").then().statusCode(200)
                .contentType(ContentType.JSON).body("size()", is(1));
        bearer("admin").filter(contract.call()).head(export + "?format=json").then().statusCode(200)
                .header("Content-Disposition", containsString(".json"));
        bearer("demo-ana").filter(contract.call()).get(RunningSystem.session("/api/users/me/export?format=json&from=2026-11-20&to=2026-11-20"))
                .then().statusCode(200);

        Map<String, Object> unknownProgram = new HashMap<>(session);
        unknownProgram.put("id", UUID.randomUUID());
        unknownProgram.put("programId", UUID.randomUUID());
        unknownProgram.put("sets", List.of());
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(unknownProgram).post(sessions)
                .then().statusCode(422);
        Map<String, Object> tooPainful = set(UUID.randomUUID(), JUMP_ROPE, "durationSeconds", 30, null);
        tooPainful.put("pain", 11);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(tooPainful)
                .post(sessions + "/" + sessionId + "/sets").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(export + "?format=xml").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(export + "?from=2026-02-30").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(export + "?from=2026-11-30&to=2026-11-01").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).head(export + "?format=xml").then().statusCode(400);
        given().filter(contract.refusal()).get(export).then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).get(export).then().statusCode(403);
        // The export is the raw log, which is never shared: a viewer of the athlete's stats gets 403 too.
        sharedWithCoachKim(athlete, () ->
                bearer("coach-kim").filter(contract.refusal()).get(export).then().statusCode(403));

        assertThat(contract.mismatches()).isEmpty();
    }

    @Test
    void guidanceProgramsFollowedAndAdherenceAnswerAsTheDocumentSays() {
        ServedContract contract = ServedContract.of("stats-service");
        String user = RunningSystem.stats("/api/users/" + athlete);
        UUID sessionId = UUID.randomUUID();
        Map<String, Object> painful = set(UUID.randomUUID(), JUMP_ROPE, "durationSeconds", 90, null);
        painful.put("pain", 6);
        logOnceTheProgramIsKnown(Map.of("id", sessionId, "userId", athlete, "timezone", "Europe/Berlin",
                "programId", ANKLE_PROGRAM, "startedAt", "2026-11-20T08:00:00Z", "sets", List.of(painful)));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                bearer("admin").get(user + "/guidance/jump-rope").then().statusCode(200));

        bearer("admin").filter(contract.call()).get(user + "/guidance").then().statusCode(200).body("items.size()", is(1));
        bearer("admin").filter(contract.call()).get(user + "/guidance/jump-rope").then().statusCode(200);
        bearer("admin").filter(contract.call()).get(user + "/guidance/" + JUMP_ROPE).then().statusCode(200);
        bearer("demo-ana").filter(contract.call()).get(RunningSystem.stats("/api/users/me/guidance")).then().statusCode(200);

        // The catalog's advice ("no schedule") leaves the sessions per week to the default; then the user's own.
        // Stats learns programs from the catalog's topic too: following is idempotent, so it is retried until known.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                bearer("admin").contentType(ContentType.JSON).put(user + "/programs/" + ANKLE_PROGRAM_SLUG).statusCode() == 200);
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).put(user + "/programs/" + ANKLE_PROGRAM_SLUG)
                .then().statusCode(200).body("sessionsPerWeek", is(2));
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).body(Map.of("sessionsPerWeek", 3))
                .put(user + "/programs/" + ANKLE_PROGRAM).then().statusCode(200).body("sessionsPerWeek", is(3));
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON).put(user + "/programs/smirnova-runner-foot-and-leg")
                .then().statusCode(200);
        bearer("admin").filter(contract.call()).get(user + "/programs").then().statusCode(200).body("items.size()", is(2));
        bearer("admin").filter(contract.call()).get(user + "/adherence").then().statusCode(200).body("items.size()", is(2));
        bearer("admin").filter(contract.call()).get(user + "/adherence?from=2026-11-16&to=2026-11-29").then().statusCode(200);
        bearer("admin").filter(contract.call()).delete(user + "/programs/smirnova-runner-foot-and-leg").then().statusCode(204);
        bearer("admin").filter(contract.call()).delete(user + "/programs/smirnova-runner-foot-and-leg").then().statusCode(204);

        bearer("admin").filter(contract.refusal()).get(user + "/guidance/curb-jump-one-leg").then().statusCode(404);
        bearer("admin").filter(contract.refusal()).get(user + "/guidance/no-such-exercise").then().statusCode(404);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).body(Map.of("sessionsPerWeek", 0))
                .put(user + "/programs/" + ANKLE_PROGRAM).then().statusCode(400);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.TEXT).body("3")
                .put(user + "/programs/" + ANKLE_PROGRAM).then().statusCode(415);
        bearer("admin").filter(contract.refusal()).contentType(ContentType.JSON).put(user + "/programs/no-such-program")
                .then().statusCode(404);
        bearer("admin").filter(contract.refusal()).delete(user + "/programs/no-such-program").then().statusCode(404);
        bearer("admin").filter(contract.refusal()).get(user + "/adherence?from=2026-02-30").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(user + "/adherence?from=2026-11-29&to=2026-11-01").then().statusCode(400);
        bearer("admin").filter(contract.refusal()).get(user + "/adherence?from=2000-01-03&to=2026-11-29").then().statusCode(400);
        for (String read : List.of("/guidance", "/guidance/jump-rope", "/programs", "/adherence")) {
            given().filter(contract.refusal()).get(user + read).then().statusCode(401);
            bearer("demo-ana").filter(contract.refusal()).get(user + read).then().statusCode(403);
        }
        given().filter(contract.refusal()).contentType(ContentType.JSON).put(user + "/programs/" + ANKLE_PROGRAM)
                .then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).contentType(ContentType.JSON).put(user + "/programs/" + ANKLE_PROGRAM)
                .then().statusCode(403);
        bearer("demo-ana").filter(contract.refusal()).delete(user + "/programs/" + ANKLE_PROGRAM).then().statusCode(403);
        // A viewer reads the athlete's guidance and programs but may not change what they follow.
        sharedWithCoachKim(athlete, () -> {
            bearer("coach-kim").filter(contract.call()).get(user + "/adherence").then().statusCode(200);
            bearer("coach-kim").filter(contract.refusal()).contentType(ContentType.JSON).put(user + "/programs/" + ANKLE_PROGRAM)
                    .then().statusCode(403);
        });

        assertThat(contract.mismatches()).isEmpty();
    }

    /**
     * Session-service learns programs from the catalog's topic, so a session naming one is logged
     * (the same id each time: a retry is safe) once its replica knows the program.
     */
    static void logOnceTheProgramIsKnown(Map<String, Object> session) {
        // Only "unknown program" (422) is worth waiting out; any other refusal is a failure to show as it is.
        Response answer = Retry.answer(() -> bearer("admin").contentType(ContentType.JSON).body(session)
                .post(RunningSystem.session("/api/sessions")), 422);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(201);
    }

    /**
     * Runs {@code asTheCoach} while {@code athlete} shares their stats with coach-kim, and takes the share back
     * whatever happens, so that the coach's list of athletes in the other tests is left as it was.
     */
    static void sharedWithCoachKim(String athlete, Runnable asTheCoach) {
        String share = RunningSystem.stats("/api/users/" + athlete + "/viewers/coach-kim");
        bearer("admin").put(share).then().statusCode(204);
        try {
            asTheCoach.run();
        } finally {
            bearer("admin").delete(share).then().statusCode(204);
        }
    }

    /**
     * A request with {@code user}'s token in its Authorization header. Not REST Assured's
     * {@code auth().oauth2()}: that adds the header after the filters, where the validator would
     * not see it.
     */
    static RequestSpecification bearer(String user) {
        return given().header("Authorization", "Bearer " + RunningSystem.token(user));
    }

    static Map<String, Object> set(UUID id, UUID exercise, String measure, int amount, String side) {
        Map<String, Object> set = new HashMap<>(Map.of("id", id, "exerciseId", exercise, measure, amount,
                "completedAt", "2026-11-20T08:05:00Z"));
        if (side != null) {
            set.put("side", side);
        }
        return set;
    }
}
