package dev.footing.catalog;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in the catalog (docs/architecture.md §8), on real HTTP: reading is public whoever asks,
 * changing it needs the admin role, and a refused change changes nothing.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class AuthorizationTest {

    private static final String PROBLEM = "application/problem+json";

    enum Caller {
        NO_TOKEN, EXPIRED, WRONGLY_SIGNED, WRONG_ISSUER, WRONG_AUDIENCE, ATHLETE, COACH, ADMIN;

        RequestSpecification request() {
            String token = switch (this) {
                case NO_TOKEN -> null;
                case EXPIRED -> TestTokens.expired("admin");
                case WRONGLY_SIGNED -> TestTokens.wronglySigned("admin");
                case WRONG_ISSUER -> TestTokens.wrongIssuer("admin");
                case WRONG_AUDIENCE -> TestTokens.wrongAudience("admin");
                case ATHLETE -> TestTokens.athlete("demo-ana");
                case COACH -> TestTokens.coach("coach-kim");
                case ADMIN -> TestTokens.admin();
            };
            return token == null ? given() : given().auth().oauth2(token);
        }

        boolean unauthenticated() {
            return ordinal() <= WRONG_AUDIENCE.ordinal();
        }
    }

    enum Endpoint {
        LIST_EXERCISES, GET_EXERCISE, LIST_PROGRAMS, GET_PROGRAM, CREATE_EXERCISE, UPDATE_EXERCISE, RETIRE_EXERCISE;

        boolean isRead() {
            return ordinal() <= GET_PROGRAM.ordinal();
        }

        int success() {
            return switch (this) {
                case CREATE_EXERCISE -> 201;
                case RETIRE_EXERCISE -> 204;
                default -> 200;
            };
        }
    }

    /** Every endpoint with every kind of caller, and the status each must get. */
    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                int status;
                if (endpoint.isRead() || caller == Caller.ADMIN) {
                    status = endpoint.success();
                } else {
                    status = caller.unauthenticated() ? 401 : 403;
                }
                cases.add(Arguments.of(endpoint, caller, status));
            }
        }
        return cases.stream();
    }

    /** The slug of the exercise a case may have created, retired afterwards: other tests count the active catalog. */
    private final String slug = "auth-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void retireWhatThisCaseCreated() {
        if (given().get("/api/exercises/" + slug).statusCode() == 200) {
            asAdmin().delete("/api/exercises/" + slug).then().statusCode(204);
        }
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachCallerAsDesigned(Endpoint endpoint, Caller caller, int status) {
        String id = endpoint == Endpoint.UPDATE_EXERCISE || endpoint == Endpoint.RETIRE_EXERCISE ? create(slug) : null;
        Map<String, Object> renamed = ExerciseWriteTest.exercise(slug);
        renamed.put("name", "Renamed by " + caller);
        RequestSpecification request = caller.request();

        ValidatableResponse response = switch (endpoint) {
            case LIST_EXERCISES -> request.get("/api/exercises").then();
            case GET_EXERCISE -> request.get("/api/exercises/elevated-toe-raise").then();
            case LIST_PROGRAMS -> request.get("/api/programs").then();
            case GET_PROGRAM -> request.get("/api/programs/flat-feet-set").then();
            case CREATE_EXERCISE -> request.contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug))
                    .post("/api/exercises").then();
            case UPDATE_EXERCISE -> request.contentType(ContentType.JSON).body(renamed).put("/api/exercises/" + id).then();
            case RETIRE_EXERCISE -> request.delete("/api/exercises/" + id).then();
        };

        response.statusCode(status);
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        if (status >= 400) {
            response.contentType(PROBLEM).body("status", equalTo(status));
            assertUnchanged(endpoint, slug, id);
        }
    }

    /** A refused write leaves the catalog as it was: no new exercise, the old name, not retired. */
    private static void assertUnchanged(Endpoint endpoint, String slug, String id) {
        switch (endpoint) {
            case CREATE_EXERCISE -> given().get("/api/exercises/" + slug).then().statusCode(404);
            case UPDATE_EXERCISE, RETIRE_EXERCISE -> given().get("/api/exercises/" + id).then().statusCode(200)
                    .body("name", equalTo(ExerciseWriteTest.exercise(slug).get("name")))
                    .body("retired", is(false));
            default -> {
            }
        }
    }

    private static String create(String slug) {
        return asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug)).post("/api/exercises")
                .then().statusCode(201).extract().path("id");
    }
}
