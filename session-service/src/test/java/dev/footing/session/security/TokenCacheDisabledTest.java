package dev.footing.session.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.session.support.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code footing.security.token-cache.enabled=false} OIDC verifies every request's token and
 * the answers are the same as with the cache: the same token works again, nobody acts for another
 * user, an admin acts for anyone, a tampered or expired token is refused.
 */
@QuarkusTest
@TestProfile(TokenCacheDisabledTest.CacheOff.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class TokenCacheDisabledTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.security.token-cache.enabled", "false");
        }
    }

    @Inject
    MeterRegistry meters;

    @Test
    void everyRequestIsVerifiedAndAnsweredAsWithTheCache() {
        String user = Api.newUser("uncached");
        String token = TestTokens.athlete(user);
        String otherToken = TestTokens.athlete(Api.newUser("other"));

        for (int use = 1; use <= 3; use++) {
            given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200)
                    .body("total", equalTo(0));
            given().auth().oauth2(otherToken).queryParam("userId", user).get("/api/sessions").then().statusCode(403);
            given().auth().oauth2(TestTokens.admin()).queryParam("userId", user).get("/api/sessions").then().statusCode(200);
        }
        given().auth().oauth2(TokenCacheTest.otherSignature(token)).get("/api/sessions").then().statusCode(401);
        given().auth().oauth2(TokenCacheTest.withAdminRole(token)).get("/api/sessions").then().statusCode(401);

        assertThat(meters.find("footing.security.token.cache").counters()).allSatisfy(c -> assertThat(c.count()).isZero());
    }

    @Test
    void anExpiredTokenIsRefused() {
        String user = Api.newUser("expiring");
        // Warm: the first request of a fresh service can take seconds on a busy machine.
        Api.listing(user).get("/api/sessions").then().statusCode(200);
        // Long enough to be used twice before it expires, even on a slow machine.
        String token = TestTokens.expiringAt(user, Instant.now().plusSeconds(8));
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(401));
    }
}
