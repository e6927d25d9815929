package dev.footing.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Who may do what in the catalog: reading is public, changing it needs the admin role. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class AuthorizationTest {

    @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
    @CsvSource({
            "GET,    /api/exercises,                    none,          200",
            "GET,    /api/exercises,                    athlete,       200",
            "GET,    /api/exercises/elevated-toe-raise, none,          200",
            "GET,    /api/programs,                     none,          200",
            "GET,    /api/programs,                     coach,         200",
            "POST,   /api/exercises,                    none,          401",
            "POST,   /api/exercises,                    expired,       401",
            "POST,   /api/exercises,                    wrongly-signed,401",
            "POST,   /api/exercises,                    wrong-issuer,  401",
            "POST,   /api/exercises,                    wrong-audience,401",
            "POST,   /api/exercises,                    athlete,       403",
            "POST,   /api/exercises,                    coach,         403",
            "POST,   /api/exercises,                    admin,         201",
    })
    void matrix(String method, String path, String who, int status) {
        RequestSpecification request = as(who).contentType(ContentType.JSON);
        if (method.equals("POST")) {
            request.body(ExerciseWriteTest.exercise("auth-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        var response = request.when().request(method, path).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    private static RequestSpecification as(String who) {
        String token = switch (who) {
            case "none" -> null;
            case "athlete" -> TestTokens.athlete("demo-ana");
            case "coach" -> TestTokens.coach("coach-kim");
            case "admin" -> TestTokens.admin();
            case "expired" -> TestTokens.expired("admin");
            case "wrongly-signed" -> TestTokens.wronglySigned("admin");
            case "wrong-issuer" -> TestTokens.wrongIssuer("admin");
            case "wrong-audience" -> TestTokens.wrongAudience("admin");
            default -> throw new IllegalArgumentException(who);
        };
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }
}
