package dev.footing.catalog.progression;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.catalog.outbox.OutboxEntry;
import dev.footing.infra.FootingTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Progression rules through HTTP against the real database: answered, published, and refused with a
 * problem that names the field when a variation is unknown or would close a cycle; a refused write
 * leaves the exercise and the outbox as they were.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ProgressionWriteTest {

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> withProgression(String slug, String next, String previous) {
        Map<String, Object> body = ExerciseWriteTest.exercise(slug);
        Map<String, Object> progression = new java.util.HashMap<>();
        progression.put("ladders", List.of(Map.of("axis", "REPS", "start", 12, "step", 4, "ceiling", 20,
                "successesRequired", 2)));
        progression.put("next", next);
        progression.put("previous", previous);
        body.put("progression", progression);
        return body;
    }

    private final List<String> created = new java.util.ArrayList<>();

    /** Other tests count the active exercises: what this one creates is retired afterwards. */
    @org.junit.jupiter.api.AfterEach
    void retireCreated() {
        created.forEach(id -> asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204));
    }

    String create(Map<String, Object> body) {
        String id = asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(201)
                .extract().path("id");
        created.add(id);
        return id;
    }

    static long outboxRows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("recordKey", UUID.fromString(id)));
    }

    @Test
    void aProgressionIsAnsweredAndPublishedWithTheExercise() {
        String harder = unique("heel-drop-one-leg");
        create(ExerciseWriteTest.exercise(harder));
        String slug = unique("heel-drop");
        Map<String, Object> body = withProgression(slug, harder, null);
        body.put("ownAdvice", List.of("/prescription/sets", "/cautions/0"));
        String id = create(body);

        given().when().get("/api/exercises/" + slug).then().statusCode(200)
                .body("progression.ladders[0].axis", equalTo("REPS"))
                .body("progression.ladders[0].start", equalTo(12))
                .body("progression.ladders[0].ceiling", equalTo(20))
                .body("progression.load", nullValue())
                .body("progression.next", equalTo(harder))
                .body("progression.previous", nullValue())
                .body("ownAdvice", equalTo(List.of("/prescription/sets", "/cautions/0")));
        given().when().get("/api/exercises/" + harder).then().body("progression", nullValue())
                .body("ownAdvice", equalTo(List.of()));
        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().get(id) != null);
            JsonNode snapshot = topic.poll().get(id);
            assertThat(snapshot.at("/progression/next").textValue()).isEqualTo(harder);
            assertThat(snapshot.at("/progression/ladders/0/successesRequired").intValue()).isEqualTo(2);
            assertThat(snapshot.get("ownAdvice")).hasSize(2);
        }
    }

    @Test
    void theWholeExercisePointerSurvivesTheDatabase() {
        Map<String, Object> body = ExerciseWriteTest.exercise(unique("heel-drop"));
        body.put("ownAdvice", List.of("", "/cautions/0"));
        String id = create(body);
        given().when().get("/api/exercises/" + id).then().body("ownAdvice", equalTo(List.of("", "/cautions/0")));
        given().when().get("/api/exercises/step-platform-foot-switches").then().body("ownAdvice", equalTo(List.of("")));
    }

    @Test
    void anUnknownNextIsUnprocessableAndCreatesNothing() {
        String slug = unique("heel-drop");
        asAdmin().contentType(ContentType.JSON).body(withProgression(slug, "no-such-exercise", null))
                .when().post("/api/exercises").then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("violations[0].field", equalTo("progression.next"))
                .body("detail", containsString("no-such-exercise"));
        given().when().get("/api/exercises/" + slug).then().statusCode(404);
    }

    @Test
    void anUnknownPreviousOnUpdateIsUnprocessableAndChangesNothing() {
        String slug = unique("heel-drop");
        String id = create(ExerciseWriteTest.exercise(slug));
        long rows = outboxRows(id);
        asAdmin().contentType(ContentType.JSON).body(withProgression(slug, null, "no-such-exercise"))
                .when().put("/api/exercises/" + id).then().statusCode(422)
                .body("violations[0].field", equalTo("progression.previous"));
        given().when().get("/api/exercises/" + id).then().body("progression", nullValue());
        assertThat(outboxRows(id)).as("no snapshot queued").isEqualTo(rows);
    }

    @Test
    void twoExercisesHarderThanEachOtherAreRefusedAndNothingChanges() {
        String easy = unique("heel-drop");
        String hard = unique("heel-drop-one-leg");
        String hardId = create(ExerciseWriteTest.exercise(hard));
        create(withProgression(easy, hard, null));
        long rows = outboxRows(hardId);

        asAdmin().contentType(ContentType.JSON).body(withProgression(hard, easy, null))
                .when().put("/api/exercises/" + hardId).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItems("progression.next")).body("detail", containsString("cycle"));
        given().when().get("/api/exercises/" + hardId).then().body("progression", nullValue());
        assertThat(outboxRows(hardId)).isEqualTo(rows);

        // The ordinary pair is fine: the harder one names the easier one as its previous.
        asAdmin().contentType(ContentType.JSON).body(withProgression(hard, null, easy))
                .when().put("/api/exercises/" + hardId).then().statusCode(200).body("progression.previous", equalTo(easy));
    }

    @Test
    void anExerciseThatIsItsOwnHarderVariationIsRefused() {
        String slug = unique("heel-drop");
        asAdmin().contentType(ContentType.JSON).body(withProgression(slug, slug, null))
                .when().post("/api/exercises").then().statusCode(422).body("violations[0].field", equalTo("progression.next"));
        given().when().get("/api/exercises/" + slug).then().statusCode(404);
    }

    @Test
    void aCycleOfEasierVariationsIsRefused() {
        String a = unique("drill-a");
        String b = unique("drill-b");
        String c = unique("drill-c");
        String aId = create(ExerciseWriteTest.exercise(a));
        create(withProgression(b, null, a));
        create(withProgression(c, null, b));
        asAdmin().contentType(ContentType.JSON).body(withProgression(a, null, c))
                .when().put("/api/exercises/" + aId).then().statusCode(422)
                .body("violations[0].field", equalTo("progression.previous"));
        given().when().get("/api/exercises/" + aId).then().body("progression", nullValue());
    }

    @Test
    void aRetiredVariationIsRefused() {
        String retired = unique("heel-drop-old");
        String retiredId = create(ExerciseWriteTest.exercise(retired));
        asAdmin().when().delete("/api/exercises/" + retiredId).then().statusCode(204);
        String slug = unique("heel-drop");
        asAdmin().contentType(ContentType.JSON).body(withProgression(slug, retired, null))
                .when().post("/api/exercises").then().statusCode(422).body("detail", containsString("retired"));
    }

    @Test
    void aSlugOthersLinkToCannotBeRenamedAway() {
        String hard = unique("heel-drop-one-leg");
        String hardId = create(ExerciseWriteTest.exercise(hard));
        create(withProgression(unique("heel-drop"), hard, null));
        asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(hard + "-renamed"))
                .when().put("/api/exercises/" + hardId).then().statusCode(422).body("violations[0].field", equalTo("slug"));
        given().when().get("/api/exercises/" + hardId).then().body("slug", equalTo(hard));
    }

    @Test
    void brokenLadderRulesAreBadRequestsNamingEveryField() {
        String slug = unique("heel-drop");
        Map<String, Object> body = ExerciseWriteTest.exercise(slug);
        body.put("progression", Map.of("ladders", List.of(
                Map.of("axis", "HOLD_SECONDS", "start", 30, "step", 5, "ceiling", 15, "successesRequired", 2),
                Map.of("axis", "REPS", "start", 10, "step", 0, "ceiling", 20, "successesRequired", 0))));
        body.put("ownAdvice", List.of("/cautions/7"));
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("progression.ladders[0].axis", "progression.ladders[0].ceiling",
                        "progression.ladders[1].step", "progression.ladders[1].successesRequired", "ownAdvice[0]"));
        given().when().get("/api/exercises/" + slug).then().statusCode(404);
    }

    @Test
    void anUnknownAxisIsABadRequestNamingIt() {
        Map<String, Object> body = ExerciseWriteTest.exercise(unique("heel-drop"));
        body.put("progression", Map.of("ladders", List.of(Map.of("axis", "WEIGHT", "start", 1, "step", 1, "ceiling", 2,
                "successesRequired", 1))));
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/exercises").then().statusCode(400)
                .body("violations[0].field", equalTo("progression.ladders[0].axis"));
    }
}
