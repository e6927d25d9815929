package dev.footing.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
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
        bearer("admin").filter(contract.call()).contentType(ContentType.JSON)
                .body(set(twoLegged, JUMP_ROPE, "durationSeconds", 60, null)).post(sets).then().statusCode(201);
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
        given().filter(contract.refusal()).get(user + "/summary").then().statusCode(401);
        bearer("demo-ana").filter(contract.refusal()).get(user + "/summary").then().statusCode(403);

        assertThat(contract.mismatches()).isEmpty();
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
