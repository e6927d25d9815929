package dev.footing.catalog.outbox;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Racing writes to one exercise: whichever commits last is what both the API and the topic end with. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class ConcurrentUpdatesTest {

    @Test
    void lastSnapshotOnTheTopicIsTheCurrentState() throws Exception {
        String slug = "race-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id = asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug)).when()
                .post("/api/exercises").then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Map<String, Object> body = ExerciseWriteTest.exercise(slug);
                body.put("name", "Racing edit " + i);
                answers.add(pool.submit(() -> asAdmin().contentType(ContentType.JSON).body(body)
                        .when().put("/api/exercises/" + id).then().extract().statusCode()));
            }
            answers.add(pool.submit(() -> asAdmin().when().delete("/api/exercises/" + id).then().extract().statusCode()));
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 204);
            }
        } finally {
            pool.shutdownNow();
        }
        String finalName = given().when().get("/api/exercises/" + id).then().statusCode(200).extract().path("name");
        boolean retired = given().when().get("/api/exercises/" + id).then().extract().path("retired");
        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().containsKey(id)
                    && topic.history(id).size() >= 26);
            var last = topic.poll().get(id);
            assertThat(last.get("name").asText()).isEqualTo(finalName);
            assertThat(last.get("retired").asBoolean()).isEqualTo(retired);
        }
    }
}
