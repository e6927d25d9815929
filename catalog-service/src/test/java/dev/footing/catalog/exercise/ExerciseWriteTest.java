package dev.footing.catalog.exercise;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footing.catalog.CatalogTopic;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Create, update and retire through HTTP; each change shows on the topic; bad input changes nothing. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
public class ExerciseWriteTest {

    public static Map<String, Object> exercise(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Seated heel drops " + slug);
        body.put("summary", "Slow heel drops for tests.");
        body.put("instructions", List.of("Sit down.", "Lift the heels.", "Lower them slowly."));
        body.put("category", "STRENGTH");
        body.put("bodyAreas", List.of("CALF", "ACHILLES"));
        body.put("equipment", List.of("CHAIR"));
        body.put("difficulty", "BEGINNER");
        body.put("measurement", "REPS");
        body.put("unilateral", false);
        body.put("prescription", Map.of("sets", 2, "reps", 12, "repsMax", 20));
        body.put("cautions", List.of("Go slowly."));
        body.put("source", "Footing tests");
        return body;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static int activeTotal() {
        return given().when().get("/api/exercises").then().statusCode(200).extract().path("total");
    }

    @Test
    void createUpdateRetireRoundTripIsPublished() {
        String slug = unique("heel-drop");
        String location = asAdmin().contentType(ContentType.JSON).body(exercise(slug))
                .when().post("/api/exercises").then().statusCode(201)
                .header("Location", containsString("/api/exercises/"))
                .body("slug", equalTo(slug)).body("retired", is(false))
                .body("bodyAreas", equalTo(List.of("ACHILLES", "CALF")))
                .extract().header("Location");
        String id = given().when().get(location).then().statusCode(200).body("prescription.repsMax", equalTo(20))
                .extract().path("id");
        assertThat(location).endsWith("/api/exercises/" + id);
        given().queryParam("q", slug).when().get("/api/exercises").then().body("total", equalTo(1));

        Map<String, Object> changed = exercise(slug);
        changed.put("name", "Seated heel drops, slower " + slug);
        changed.put("difficulty", "INTERMEDIATE");
        asAdmin().contentType(ContentType.JSON).body(changed).when().put("/api/exercises/" + id).then().statusCode(200)
                .body("name", equalTo("Seated heel drops, slower " + slug)).body("difficulty", equalTo("INTERMEDIATE"));

        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
        given().when().get("/api/exercises/" + id).then().statusCode(200).body("retired", is(true));
        given().when().get("/api/exercises/" + slug).then().statusCode(200).body("retired", is(true));
        given().queryParam("q", slug).when().get("/api/exercises").then().body("total", equalTo(0));
        // Retiring twice is still a success: the exercise is retired either way.
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);

        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode latest = topic.poll().get(id);
                return latest != null && latest.get("retired").asBoolean();
            });
            List<JsonNode> history = topic.history(id);
            assertThat(history).extracting(n -> n.get("difficulty").asText()).startsWith("BEGINNER");
            assertThat(history).anySatisfy(n -> {
                assertThat(n.get("difficulty").asText()).isEqualTo("INTERMEDIATE");
                assertThat(n.get("retired").asBoolean()).isFalse();
            });
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("slug").asText()).isEqualTo(slug);
            assertThat(last.get("name").asText()).startsWith("Seated heel drops, slower");
            assertThat(last.get("prescription").get("reps").asInt()).isEqualTo(12);
        }
    }

    @Test
    void updateCanChangeTheSlugAndUnretire() {
        String slug = unique("heel-drop");
        String id = asAdmin().contentType(ContentType.JSON).body(exercise(slug)).when().post("/api/exercises")
                .then().statusCode(201).extract().path("id");
        asAdmin().when().delete("/api/exercises/" + slug).then().statusCode(204);
        Map<String, Object> renamed = exercise(slug + "-v2");
        renamed.put("retired", false);
        asAdmin().contentType(ContentType.JSON).body(renamed).when().put("/api/exercises/" + id).then().statusCode(200)
                .body("slug", equalTo(slug + "-v2")).body("retired", is(false));
        given().when().get("/api/exercises/" + slug).then().statusCode(404);
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
    }

    @Test
    void duplicateSlugIsAConflictAndChangesNothing() {
        int before = activeTotal();
        asAdmin().contentType(ContentType.JSON).body(exercise("toe-circles")).when().post("/api/exercises").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("toe-circles"));
        assertThat(activeTotal()).isEqualTo(before);

        String slug = unique("heel-drop");
        String id = asAdmin().contentType(ContentType.JSON).body(exercise(slug)).when().post("/api/exercises")
                .then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(exercise("toe-circles")).when().put("/api/exercises/" + id).then()
                .statusCode(409);
        given().when().get("/api/exercises/" + id).then().body("slug", equalTo(slug));
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
    }

    @Test
    void malformedJsonIsABadRequest() {
        int before = activeTotal();
        asAdmin().contentType(ContentType.JSON).body("{\"slug\": \"x\",").when().post("/api/exercises").then()
                .statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        asAdmin().contentType(ContentType.JSON).body("").when().post("/api/exercises").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(activeTotal()).isEqualTo(before);
    }

    @Test
    void everyMissingFieldIsNamed() {
        asAdmin().contentType(ContentType.JSON).body("{}").when().post("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("slug", "name", "summary", "instructions", "category", "bodyAreas",
                        "difficulty", "measurement", "prescription", "source"));
    }

    @Test
    void invalidFieldsAreNamed() {
        Map<String, Object> body = exercise("Not A Slug");
        body.put("bodyAreas", List.of());
        body.put("instructions", List.of("Fine.", " "));
        body.put("prescription", Map.of("sets", 0, "holdSeconds", 30));
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(400)
                .body("violations.field", hasItems("slug", "bodyAreas", "instructions[1]", "prescription.sets", "prescription.reps"));
    }

    @Test
    void unknownEnumOrWrongTypeInTheBodyIsNamed() {
        Map<String, Object> body = exercise(unique("heel-drop"));
        body.put("category", "YOGA");
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].message", containsString("PLYOMETRIC"));
        Map<String, Object> wrongType = exercise(unique("heel-drop"));
        wrongType.put("prescription", Map.of("sets", "three", "reps", 10));
        asAdmin().contentType(ContentType.JSON).body(wrongType).when().post("/api/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("prescription.sets"));
        Map<String, Object> wrongArea = exercise(unique("heel-drop"));
        wrongArea.put("bodyAreas", List.of("CALF", "ELBOW"));
        asAdmin().contentType(ContentType.JSON).body(wrongArea).when().post("/api/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("bodyAreas[1]"));
    }

    @Test
    void invalidUpdateChangesNothing() {
        String slug = unique("heel-drop");
        String id = asAdmin().contentType(ContentType.JSON).body(exercise(slug)).when().post("/api/exercises")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> bad = exercise(slug);
        bad.put("name", "");
        bad.put("measurement", "DURATION");
        asAdmin().contentType(ContentType.JSON).body(bad).when().put("/api/exercises/" + id).then().statusCode(400)
                .body("violations.field", hasItems("name", "prescription.holdSeconds", "prescription.reps"));
        given().when().get("/api/exercises/" + id).then().body("measurement", equalTo("REPS"))
                .body("name", equalTo("Seated heel drops " + slug));
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
    }

    @Test
    void unknownIdIsNotFoundForEveryWrite() {
        String unknown = UUID.randomUUID().toString();
        asAdmin().contentType(ContentType.JSON).body(exercise(unique("heel-drop"))).when().put("/api/exercises/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().delete("/api/exercises/" + unknown).then().statusCode(404).contentType("application/problem+json");
        asAdmin().when().delete("/api/exercises/not-a-thing").then().statusCode(404);
    }

    @Test
    void textThatPostgresCannotStoreIsRejectedNotFailed() {
        Map<String, Object> body = exercise(unique("heel-drop"));
        body.put("name", "Heel\u0000drop");
        body.put("instructions", List.of("Fine.", "Nul\u0000here"));
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(400)
                .body("violations.field", hasItems("name", "instructions[1]"));
    }

    @Test
    void slugShapedLikeAnIdIsRejected() {
        asAdmin().contentType(ContentType.JSON).body(exercise(UUID.randomUUID().toString())).when().post("/api/exercises")
                .then().statusCode(400).body("violations[0].field", equalTo("slug"));
    }

    @Test
    void otherBodiesAreClearErrors() {
        asAdmin().contentType(ContentType.JSON).body("[]").when().post("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("null").when().post("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("body"));
        asAdmin().contentType(ContentType.TEXT).body("slug=x").when().post("/api/exercises").then().statusCode(415)
                .contentType("application/problem+json");
    }

    /** A body over quarkus.http.limits.max-body-size (10 MB) is refused before it is read, still as a problem. */
    @Test
    void aBodyOverTheSizeLimitIsA413Problem() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/exercises HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + dev.footing.infra.TestTokens.admin() + "\r\n"
                    + "Content-Length: 20000000\r\n\r\n{\"name\":\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"status\":413");
        }
    }

    /**
     * Instances' clocks differ. The last change was stamped by an instance whose clock runs an hour
     * ahead; a change made now on this one must still carry a later updatedAt, or every replica that
     * keeps the newest snapshot (session-service's does) would ignore it.
     */
    @Test
    void aChangeIsStampedNewerThanTheLastEvenWhenThisInstancesClockIsBehind() {
        String slug = unique("skew");
        String id = asAdmin().contentType(ContentType.JSON).body(exercise(slug)).when().post("/api/exercises")
                .then().statusCode(201).extract().path("id");
        java.time.Instant ahead = java.time.Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                Exercise.update("updatedAt = ?1 where id = ?2", ahead, UUID.fromString(id)));

        Map<String, Object> changed = exercise(slug);
        changed.put("name", "Renamed on the slow instance " + slug);
        String updated = asAdmin().contentType(ContentType.JSON).body(changed).when().put("/api/exercises/" + id)
                .then().statusCode(200).extract().path("updatedAt");
        assertThat(java.time.Instant.parse(updated)).isAfter(ahead);
        asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
        String retired = given().when().get("/api/exercises/" + id).then().statusCode(200).extract().path("updatedAt");
        assertThat(java.time.Instant.parse(retired)).isAfter(java.time.Instant.parse(updated));
    }
}
