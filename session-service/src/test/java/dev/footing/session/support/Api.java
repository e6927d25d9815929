package dev.footing.session.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.infra.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Client calls as an app would make them: each one signed in as the session's own user (an
 * athlete's token), never as an admin, so a missing access check cannot hide behind a role.
 */
public final class Api {

    /** The user of calls whose body names nobody (malformed JSON, no userId). */
    public static final String SOMEONE = "someone@test";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Who created which session through this class: later calls on a session go out as its user. */
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static String newUser(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test";
    }

    /** A request with {@code userId}'s athlete token. */
    public static RequestSpecification as(String userId) {
        return given().auth().oauth2(TestTokens.athlete(userId));
    }

    /** A request as the user who created the session (an unknown session: as {@link #SOMEONE}). */
    public static RequestSpecification asOwnerOf(String sessionId) {
        return as(OWNERS.getOrDefault(sessionId, SOMEONE));
    }

    /** {@code POST /api/sessions} as the user the body names. */
    public static ValidatableResponse createSession(String json) {
        Response response = as(userNamedIn(json)).contentType(ContentType.JSON).body(json).when().post("/api/sessions");
        if (response.statusCode() == 201) {
            OWNERS.put(response.path("id"), response.path("userId"));
        }
        return response.then();
    }

    /** Starts an empty session and returns its id. */
    public static String startSession(String userId, String timezone) {
        return createSession("{\"userId\":\"%s\",\"timezone\":\"%s\"}".formatted(userId, timezone))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse postSets(String sessionId, String json) {
        return asOwnerOf(sessionId).contentType(ContentType.JSON).body(json).when().post("/api/sessions/{id}/sets", sessionId).then();
    }

    public static ValidatableResponse deleteSet(String sessionId, String setId) {
        return asOwnerOf(sessionId).when().delete("/api/sessions/{id}/sets/{setId}", sessionId, setId).then();
    }

    public static ValidatableResponse complete(String sessionId, String json) {
        var request = asOwnerOf(sessionId);
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        return request.when().post("/api/sessions/{id}/complete", sessionId).then();
    }

    public static ValidatableResponse getSession(String sessionId) {
        return asOwnerOf(sessionId).when().get("/api/sessions/{id}", sessionId).then();
    }

    /** {@code GET /api/sessions?userId=...} as that user. */
    public static RequestSpecification listing(String userId) {
        return as(userId).queryParam("userId", userId);
    }

    public static String reps(UUID exerciseId, int reps) {
        return "{\"exerciseId\":\"%s\",\"reps\":%d}".formatted(exerciseId, reps);
    }

    private static String userNamedIn(String json) {
        try {
            JsonNode userId = JSON.readTree(json).path("userId");
            return userId.isTextual() && !userId.asText().isEmpty() ? userId.asText() : SOMEONE;
        } catch (Exception e) {
            return SOMEONE;
        }
    }
}
