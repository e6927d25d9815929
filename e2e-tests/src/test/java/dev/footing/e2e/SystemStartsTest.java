package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import dev.footing.infra.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged services start against one broker, one database and one Keycloak, answer as
 * operators expect on their management ports, and take the tokens that Keycloak issues.
 */
class SystemStartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "session-service", "stats-service"})
    void everyServiceIsReadyOnItsManagementPort(String service) {
        String management = RunningSystem.get().managementUrl(service, "").toString();
        given().baseUri(management).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(management).get("/q/health/live").then().statusCode(200);
        given().baseUri(management).get("/q/metrics").then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "session-service", "stats-service"})
    void thePublicPortServesTheApiAndItsDescriptionButNotHealthOrMetrics(String service) {
        String api = RunningSystem.get().url(service, "").toString();
        given().baseUri(api).get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3."));
        given().baseUri(api).get("/q/health/ready").then().statusCode(404);
        given().baseUri(api).get("/q/metrics").then().statusCode(404);
    }

    @Test
    void catalogIsSeededOnFirstStartAndPublicToRead() {
        given().get(RunningSystem.catalog("/api/exercises?size=100")).then()
                .statusCode(200)
                .body("total", greaterThanOrEqualTo(30));
        given().get(RunningSystem.catalog("/api/programs")).then().statusCode(200);
    }

    @Test
    void keycloakIssuesTokensForTheDevelopmentUsersThatTheServicesAccept() {
        assertThat(Tokens.claims(RunningSystem.token("demo-ana")).path("iss").asText()).isEqualTo(RunningSystem.issuer());
        as("demo-ana").get(RunningSystem.stats("/api/users/me/summary")).then().statusCode(200);
        as("demo-ana").get(RunningSystem.session("/api/sessions")).then().statusCode(200);
    }

    @Test
    void withoutATokenTheServicesAnswer401ProblemsThatAskForABearerToken() {
        given().get(RunningSystem.session("/api/sessions")).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer")).contentType(startsWith("application/problem+json"));
        given().get(RunningSystem.stats("/api/users/demo-ana/summary")).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void onlyAnAdminChangesTheCatalog() {
        Map<String, Object> exercise = Map.of("slug", "e2e-only-admins", "name", "Only admins");
        as("demo-ana").contentType(ContentType.JSON).body(exercise).post(RunningSystem.catalog("/api/exercises"))
                .then().statusCode(403);
    }

    @Test
    void theDashboardFindsItsSignInSettingsWithoutAToken() {
        String issuer = RunningSystem.issuer();
        given().get(RunningSystem.stats("/api/dashboard/config")).then().statusCode(200)
                .body("url", equalTo(issuer.substring(0, issuer.indexOf("/realms/"))))
                .body("realm", equalTo("footing"))
                .body("clientId", equalTo("footing-web"));
    }
}
