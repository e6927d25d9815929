package dev.footing.session.workout;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * common's WriteAdmission at its limit: a write beyond {@code footing.http.max-concurrent-writes}
 * is refused at once with a 503 problem and Retry-After, and writes nothing. The limit is 0 here,
 * so every write is the one too many; reads are never limited.
 */
@QuarkusTest
@TestProfile(BackPressureTest.NoWriteCapacity.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class BackPressureTest {

    public static class NoWriteCapacity implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.http.max-concurrent-writes", "0", "footing.http.retry-after-seconds", "2");
        }
    }

    @Test
    void aWriteOverTheLimitIsA503WithRetryAfterAndWritesNothing() {
        String user = Api.newUser("busy");
        String session = UUID.randomUUID().toString();

        Api.as(user).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"userId\":\"%s\",\"timezone\":\"UTC\"}".formatted(session, user))
                .when().post("/api/sessions")
                .then().statusCode(503)
                .header("Retry-After", "2")
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("nothing was written"));

        Api.as(user).when().get("/api/sessions/{id}", session).then().statusCode(404);
        Api.listing(user).when().get("/api/sessions").then().statusCode(200).body("total", equalTo(0));
    }
}
