package dev.footing.session.security;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * common's cache of verified tokens on real HTTP: a token OIDC verified once is answered from the
 * cache after that, with the same user and roles, so the access rules hold as before; a token that
 * differs in any byte, or has expired meanwhile, is verified in full and refused.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class TokenCacheTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry meters;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void aTokenUsedManyTimesIsVerifiedOnceAndAnsweredFromTheCacheAfterwards() {
        String user = Api.newUser("repeat");
        String token = TestTokens.athlete(user);
        double hits = count("hit");
        double misses = count("miss");

        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200)
                    .body("total", equalTo(0));
        }

        assertThat(count("miss") - misses).as("full verifications").isEqualTo(1);
        assertThat(count("hit") - hits).as("answers from the cache").isEqualTo(9);
    }

    @Test
    void aCachedTokenIsStillItsOwnUserWithItsOwnRoles() {
        String owner = Api.newUser("owner");
        String ownerToken = TestTokens.athlete(owner);
        String sessionId = given().auth().oauth2(ownerToken).contentType(ContentType.JSON)
                .body("{\"userId\":\"%s\",\"timezone\":\"UTC\",\"sets\":[%s]}".formatted(owner, Api.reps(CALF_RAISE.id(), 10)))
                .post("/api/sessions").then().statusCode(201).extract().path("id");
        String otherToken = TestTokens.athlete(Api.newUser("other"));
        String adminToken = TestTokens.admin();

        for (int use = 1; use <= 3; use++) {
            given().auth().oauth2(ownerToken).get("/api/sessions/{id}", sessionId).then().statusCode(200)
                    .body("userId", equalTo(owner));
            given().auth().oauth2(otherToken).get("/api/sessions/{id}", sessionId).then().statusCode(404);
            given().auth().oauth2(otherToken).queryParam("userId", owner).get("/api/sessions").then().statusCode(403)
                    .contentType(PROBLEM);
            given().auth().oauth2(adminToken).get("/api/sessions/{id}", sessionId).then().statusCode(200)
                    .body("userId", equalTo(owner));
            given().auth().oauth2(adminToken).queryParam("userId", owner).get("/api/sessions").then().statusCode(200)
                    .body("total", equalTo(1));
        }
    }

    @Test
    void aTamperedTokenIsRefusedAfterTheGenuineOneWasCached() {
        String user = Api.newUser("tampered");
        String token = TestTokens.athlete(user);
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);

        for (String tampered : new String[] { otherSignature(token), withAdminRole(token) }) {
            given().auth().oauth2(tampered).queryParam("userId", user).get("/api/sessions").then().statusCode(401)
                    .contentType(PROBLEM).header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            given().auth().oauth2(tampered).get("/api/sessions").then().statusCode(401);
        }
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        String user = Api.newUser("expiring");
        // Warm: the first request of a fresh service can take seconds on a busy machine.
        Api.listing(user).get("/api/sessions").then().statusCode(200);
        // Long enough to be used twice before it expires, even on a slow machine.
        String token = TestTokens.expiringAt(user, Instant.now().plusSeconds(8));
        double hits = count("hit");
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);
        given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(200);
        assertThat(count("hit") - hits).as("the token was answered from the cache").isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().auth().oauth2(token).queryParam("userId", user).get("/api/sessions").then().statusCode(401)
                        .contentType(PROBLEM));
    }

    private double count(String result) {
        var counter = meters.find("footing.security.token.cache").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * The same header and claims with one signature character changed (not the last one, whose low
     * bits are padding a decoder may ignore).
     */
    static String otherSignature(String token) {
        int at = token.length() - 10;
        char changed = token.charAt(at) == 'A' ? 'B' : 'A';
        return token.substring(0, at) + changed + token.substring(at + 1);
    }

    /** The genuine signature over claims that now say admin. */
    static String withAdminRole(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"athlete\"", "\"admin\"");
        assertThat(claims).contains("\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
