package dev.footing.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The packaged services start against one broker and one database and answer as operators expect. */
class SystemStartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "session-service", "stats-service"})
    void everyServiceIsReadyAndDescribesItself(String service) {
        String base = RunningSystem.get().url(service, "").toString();
        given().baseUri(base).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/health/live").then().statusCode(200);
        given().baseUri(base).get("/q/openapi?format=json").then().statusCode(200).body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().baseUri(base).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void catalogIsSeededOnFirstStart() {
        given().get(RunningSystem.catalog("/api/exercises?size=100")).then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(30));
        given().get(RunningSystem.catalog("/api/programs")).then().statusCode(200);
    }
}
