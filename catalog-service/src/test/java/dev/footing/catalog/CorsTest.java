package dev.footing.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Browsers may call the API from the configured web origins only (the dashboard's by default). */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class CorsTest {

    @Test
    void theDashboardOriginMayCallWithABearerToken() {
        given().header("Origin", "http://localhost:8083")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/api/exercises")
                .then().header("Access-Control-Allow-Origin", equalTo("http://localhost:8083"));
        given().header("Origin", "http://localhost:8083")
                .when().get("/api/exercises")
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("http://localhost:8083"));
    }

    @Test
    void anyOtherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/api/exercises")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .when().get("/api/exercises")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}
