package dev.footing.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class HealthTest {

    // Relative to the management interface's root path (/q): this is /q/health/ready on its own port.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Test
    void readyWhenDatabaseIsUp() {
        given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void thePublicPortServesTheApiOnly() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
