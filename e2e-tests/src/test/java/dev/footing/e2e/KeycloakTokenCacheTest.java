package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * common's cache of verified tokens with Keycloak's own tokens, in the packaged services: a token
 * used again is answered from the cache (the service's counters say so) with its user's rights
 * only, and a token that differs in one signature character is refused.
 */
class KeycloakTokenCacheTest {

    private static final Pattern HITS = Pattern.compile("footing_security_token_cache_total\\{[^}]*result=\"hit\"[^}]*} ([0-9.Ee+]+)");

    @Test
    void aKeycloakTokenUsedAgainIsAnsweredFromTheCacheWithItsUsersRightsOnly() {
        double hitsBefore = sessionCacheHits();

        for (int use = 1; use <= 5; use++) {
            as("demo-ana").get(RunningSystem.session("/api/sessions?userId=demo-ana")).then().statusCode(200);
            as("demo-ben").get(RunningSystem.session("/api/sessions?userId=demo-ana")).then().statusCode(403);
            as("admin").get(RunningSystem.session("/api/sessions?userId=demo-ana")).then().statusCode(200);
            as("demo-ben").get(RunningSystem.stats("/api/users/demo-ana/summary")).then().statusCode(403);
            as("demo-ana").get(RunningSystem.stats("/api/users/demo-ana/summary")).then().statusCode(200);
        }

        assertThat(sessionCacheHits() - hitsBefore).as("session-service requests answered from the cache")
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    void aKeycloakTokenWithAnotherSignatureIsRefusedAfterTheGenuineOneWasCached() {
        String token = RunningSystem.token("demo-ana");
        given().auth().oauth2(token).get(RunningSystem.session("/api/sessions")).then().statusCode(200);
        given().auth().oauth2(token).get(RunningSystem.session("/api/sessions")).then().statusCode(200);

        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        given().auth().oauth2(tampered).get(RunningSystem.session("/api/sessions")).then().statusCode(401);
        given().auth().oauth2(tampered).get(RunningSystem.stats("/api/users/me/summary")).then().statusCode(401);
    }

    private static double sessionCacheHits() {
        String metrics = given().baseUri(RunningSystem.get().managementUrl("session-service", "").toString())
                .get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher hits = HITS.matcher(metrics);
        return hits.find() ? Double.parseDouble(hits.group(1)) : 0;
    }
}
