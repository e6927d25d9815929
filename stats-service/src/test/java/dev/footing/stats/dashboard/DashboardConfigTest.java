package dev.footing.stats.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.footing.common.problem.ProblemException;
import dev.footing.infra.FootingTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class DashboardConfigTest {

    @Test
    void anyoneMayReadWhereTheDashboardSignsInBeforeHavingAToken() {
        given().get("/api/dashboard/config").then().statusCode(200)
                .body("url", equalTo("http://localhost:8180"))
                .body("realm", equalTo("footing"))
                .body("clientId", equalTo("footing-web"));
    }

    @Test
    void theSignInLibraryAndThePagesAreServedByTheAppItselfWithoutAToken() {
        given().get("/webjars/keycloak-js/25.0.4/dist/keycloak.js").then().statusCode(200);
        given().get("/").then().statusCode(200);
        given().get("/dashboard/dashboard.js").then().statusCode(200);
        given().get("/shared/footing.js").then().statusCode(200);
        given().get("/train.html").then().statusCode(200);
        given().get("/train/train.js").then().statusCode(200);
    }

    @Test
    void theTrainingPageLearnsWhereCatalogAndSessionsAreWithoutAToken() {
        given().get("/api/dashboard/services").then().statusCode(200)
                .body("catalog", equalTo("http://localhost:8081"))
                .body("session", equalTo("http://localhost:8082"));
    }

    @Test
    void aRealmUrlSplitsIntoServerAndRealmWhateverItsTrailingSlash() {
        assertThat(DashboardConfig.of("https://id.example.org/auth/realms/footing/", "web"))
                .isEqualTo(new DashboardConfig("https://id.example.org/auth", "footing", "web"));
    }

    @Test
    void anIssuerThatIsNotAKeycloakRealmIsA503ThatNamesTheSetting() {
        assertThatThrownBy(() -> DashboardConfig.of("https://accounts.example.org", "web"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(503);
                    assertThat(e.problem().detail()).contains("OIDC_PUBLIC_URL");
                });
    }
}
