package dev.footing.session.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Client calls as an app would make them. */
public final class Api {

    private Api() {
    }

    public static String newUser(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test";
    }

    public static ValidatableResponse createSession(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/sessions").then();
    }

    /** Starts an empty session and returns its id. */
    public static String startSession(String userId, String timezone) {
        return createSession("{\"userId\":\"%s\",\"timezone\":\"%s\"}".formatted(userId, timezone))
                .statusCode(201).extract().path("id");
    }

    public static ValidatableResponse postSets(String sessionId, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post("/api/sessions/{id}/sets", sessionId).then();
    }

    public static ValidatableResponse deleteSet(String sessionId, String setId) {
        return given().when().delete("/api/sessions/{id}/sets/{setId}", sessionId, setId).then();
    }

    public static ValidatableResponse complete(String sessionId, String json) {
        var request = given();
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        return request.when().post("/api/sessions/{id}/complete", sessionId).then();
    }

    public static ValidatableResponse getSession(String sessionId) {
        return given().when().get("/api/sessions/{id}", sessionId).then();
    }

    public static String reps(UUID exerciseId, int reps) {
        return "{\"exerciseId\":\"%s\",\"reps\":%d}".formatted(exerciseId, reps);
    }
}
