package dev.footing.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URL;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class OperationsTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        // Kafka's part is SmallRye's check of the exercise-catalog channel (the broker lists its topics).
        // Within a bound: listing the topics may take the broker a while on a loaded machine.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Reactive Messaging') }.data.'exercise-catalog'", equalTo("[OK]")));
        given().when().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeRequestsAndTheOutbox() {
        given().when().get("/api/exercises").then().statusCode(200);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("footing_catalog_outbox_backlog"))
                .body(containsString("footing_catalog_outbox_published_total"));
    }

    @Test
    void openApiDescribesTheCatalogAndSwaggerUiIsServed() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/exercises'.get", notNullValue())
                .body("paths.'/api/programs/{idOrSlug}'.get", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
