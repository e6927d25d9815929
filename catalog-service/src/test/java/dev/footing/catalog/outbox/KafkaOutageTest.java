package dev.footing.catalog.outbox;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.CatalogTopic;
import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A change made while the broker is down is accepted, kept in the outbox, and published when it returns. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class KafkaOutageTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void changeDuringAnOutageIsPublishedAfterIt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestInfrastructure.canStopKafka(), "needs the test's own broker");
        String slug = "outage-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String id;
        TestInfrastructure.stopKafka();
        try {
            // Not ready without Kafka (docs/architecture.md §7), yet writes are still accepted: they wait in the outbox.
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get(ready).statusCode() == 503);
            id = asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug)).when().post("/api/exercises")
                    .then().statusCode(201).extract().path("id");
            asAdmin().when().delete("/api/exercises/" + id).then().statusCode(204);
            // Long enough for the relay's in-flight round to fail and be retried, not merely delayed.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedRounds() > 0);
        } finally {
            TestInfrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get(ready).statusCode() == 200);
        try (CatalogTopic topic = new CatalogTopic()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var latest = topic.poll().get(id);
                return latest != null && latest.get("slug").asText().equals(slug) && latest.get("retired").asBoolean();
            });
        }
    }

    private double failedRounds() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("footing_catalog_outbox_failures_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
