package dev.footing.session;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may touch whose sessions (docs/architecture.md §8), on real HTTP: every call needs a valid token; a user
 * creates, reads and changes only their own sessions; someone else's session is a 404 like an unknown
 * id; an admin may act for anyone. A refused request writes nothing.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class AuthorizationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    enum Caller {
        NO_TOKEN, EXPIRED, WRONGLY_SIGNED, WRONG_ISSUER, WRONG_AUDIENCE, OWNER, ANOTHER_ATHLETE, COACH, ADMIN;

        /** A request by this caller, where {@code owner} is the user whose data is at stake. */
        RequestSpecification request(String owner) {
            String token = switch (this) {
                case NO_TOKEN -> null;
                // Each bad token names the owner: what makes it bad is the token, not who it claims to be.
                case EXPIRED -> TestTokens.expired(owner);
                case WRONGLY_SIGNED -> TestTokens.wronglySigned(owner);
                case WRONG_ISSUER -> TestTokens.wrongIssuer(owner);
                case WRONG_AUDIENCE -> TestTokens.wrongAudience(owner);
                case OWNER -> TestTokens.athlete(owner);
                case ANOTHER_ATHLETE -> TestTokens.athlete(Api.newUser("other"));
                case COACH -> TestTokens.coach(Api.newUser("coach"));
                case ADMIN -> TestTokens.admin();
            };
            return token == null ? given() : given().auth().oauth2(token);
        }

        boolean unauthenticated() {
            return ordinal() <= WRONG_AUDIENCE.ordinal();
        }

        boolean mayActForOwner() {
            return this == OWNER || this == ADMIN;
        }
    }

    enum Endpoint {
        CREATE_SESSION(201, 403), LIST_SESSIONS(200, 403), GET_SESSION(200, 404), ADD_SETS(201, 404),
        RETRACT_SET(204, 404), COMPLETE_SESSION(200, 404);

        final int allowed;
        /** A user naming someone else is told no (403); a session id of someone else's is unknown to them (404). */
        final int refused;

        Endpoint(int allowed, int refused) {
            this.allowed = allowed;
            this.refused = refused;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                int status = caller.unauthenticated() ? 401 : caller.mayActForOwner() ? endpoint.allowed : endpoint.refused;
                cases.add(Arguments.of(endpoint, caller, status));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} by {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEachCallerAsDesigned(Endpoint endpoint, Caller caller, int status) {
        String owner = Api.newUser("owner");
        String sessionId = Api.startSession(owner, "UTC");
        String setId = Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 10)).statusCode(201).extract().path("id");
        long rowsBefore = Db.rowsOfUser(db, owner);
        RequestSpecification request = caller.request(owner);

        ValidatableResponse response = switch (endpoint) {
            case CREATE_SESSION -> request.contentType(ContentType.JSON).body("{\"userId\":\"%s\"}".formatted(owner))
                    .post("/api/sessions").then();
            case LIST_SESSIONS -> request.queryParam("userId", owner).get("/api/sessions").then();
            case GET_SESSION -> request.get("/api/sessions/{id}", sessionId).then();
            case ADD_SETS -> request.contentType(ContentType.JSON).body(Api.reps(CALF_RAISE.id(), 12))
                    .post("/api/sessions/{id}/sets", sessionId).then();
            case RETRACT_SET -> request.delete("/api/sessions/{id}/sets/{setId}", sessionId, setId).then();
            case COMPLETE_SESSION -> request.post("/api/sessions/{id}/complete", sessionId).then();
        };

        response.statusCode(status);
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
        if (status >= 400) {
            response.contentType(PROBLEM).body("status", equalTo(status));
            if (status == 404) {
                response.body(not(containsString(owner)));
            }
            assertThat(Db.rowsOfUser(db, owner)).as("rows and events of %s after a refused %s", owner, endpoint)
                    .isEqualTo(rowsBefore);
            Api.getSession(sessionId).statusCode(200).body("completedAt", nullValue())
                    .body("sets", hasSize(1)).body("sets[0].id", equalTo(setId));
        }
    }

    @Test
    void aSessionWithoutUserIdBelongsToTheTokensUserAndItsEventsCarryThatUser() {
        String user = Api.newUser("implicit");
        String sessionId = Api.as(user).contentType(ContentType.JSON).body("""
                {"timezone":"Europe/Paris","sets":[%s]}""".formatted(Api.reps(CALF_RAISE.id(), 15)))
                .post("/api/sessions").then().statusCode(201).body("userId", equalTo(user)).extract().path("id");
        Api.as(user).post("/api/sessions/{id}/complete", sessionId).then().statusCode(200);

        Api.as(user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(sessionId)).body("items[0].userId", equalTo(user));
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(30));
        assertThat(events).extracting(Received::type).containsExactly("footing.set.completed.v1", "footing.session.completed.v1");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.key()).isEqualTo(user);
            assertThat(e.body().get("userId").asText()).isEqualTo(user);
        });
    }

    @Test
    void anAdminActsForAnyUserAndTheSessionIsThatUsers() {
        String user = Api.newUser("imported");
        String sessionId = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"userId\":\"%s\",\"sets\":[%s]}".formatted(user, Api.reps(CALF_RAISE.id(), 20)))
                .post("/api/sessions").then().statusCode(201).body("userId", equalTo(user)).extract().path("id");

        Api.as(user).get("/api/sessions/{id}", sessionId).then().statusCode(200).body("sets", hasSize(1));
        given().auth().oauth2(TestTokens.admin()).queryParam("userId", user).get("/api/sessions").then().statusCode(200)
                .body("total", equalTo(1));
        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(30));
        assertThat(events).singleElement().satisfies(e -> assertThat(e.body().get("userId").asText()).isEqualTo(user));
    }

    @Test
    void aSessionForSomeoneElseIsRefusedAndWritesNothing() {
        String victim = Api.newUser("victim");
        String id = UUID.randomUUID().toString();
        Api.as(Api.newUser("intruder")).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"userId\":\"%s\",\"sets\":[%s]}".formatted(id, victim, Api.reps(CALF_RAISE.id(), 10)))
                .post("/api/sessions").then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        assertThat(Db.rowsOfUser(db, victim)).isZero();
        assertThat(Db.count(db, "select count(*) from workout_session where id = ?", UUID.fromString(id))).isZero();
    }

    @Test
    void reusingAnotherUsersSessionIdIsAConflictThatRevealsAndChangesNothing() {
        String owner = Api.newUser("first");
        String sessionId = UUID.randomUUID().toString();
        String session = "{\"id\":\"%s\",\"timezone\":\"Europe/Rome\",\"notes\":\"private\"}".formatted(sessionId);
        Api.as(owner).contentType(ContentType.JSON).body(session).post("/api/sessions").then().statusCode(201);
        long rowsBefore = Db.rowsOfUser(db, owner);

        String other = Api.newUser("second");
        // The very same body, as another user: not the owner's retry, so neither a 201 nor the owner's session.
        String answer = Api.as(other).contentType(ContentType.JSON).body(session).post("/api/sessions").then()
                .statusCode(409).contentType(PROBLEM).body("status", equalTo(409)).extract().asString();
        assertThat(answer).doesNotContain(owner, "private", "Europe/Rome");
        Api.as(other).contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"sets\":[%s]}".formatted(sessionId, Api.reps(CALF_RAISE.id(), 10)))
                .post("/api/sessions").then().statusCode(409);

        assertThat(Db.rowsOfUser(db, owner)).isEqualTo(rowsBefore);
        assertThat(Db.rowsOfUser(db, other)).isZero();
        // The owner's retry still answers as the first time did.
        Api.as(owner).contentType(ContentType.JSON).body(session).post("/api/sessions").then().statusCode(201)
                .body("notes", equalTo("private"));
    }

    @Test
    void anotherUsersSessionIsIndistinguishableFromAnUnknownOne() {
        String sessionId = Api.startSession(Api.newUser("owner"), "UTC");
        RequestSpecification stranger = Api.as(Api.newUser("stranger"));
        String theirs = stranger.get("/api/sessions/{id}", sessionId).then().statusCode(404).extract().asString();
        String unknownId = UUID.randomUUID().toString();
        String unknown = Api.as(Api.newUser("stranger")).get("/api/sessions/{id}", unknownId).then().statusCode(404)
                .extract().asString();
        assertThat(theirs.replace(sessionId, "ID")).isEqualTo(unknown.replace(unknownId, "ID"));
    }

    @Test
    void listingSomeoneElsesSessionsIsRefusedAndOmittingUserIdListsOnlyTheCallers() {
        String ana = Api.newUser("ana");
        String ben = Api.newUser("ben");
        Api.startSession(ana, "UTC");
        Api.startSession(ben, "UTC");
        Api.as(ana).queryParam("userId", ben).get("/api/sessions").then().statusCode(403).contentType(PROBLEM);
        Api.as(ana).get("/api/sessions").then().statusCode(200).body("total", equalTo(1)).body("items[0].userId", equalTo(ana));
    }

    @Test
    void anAnonymousRequestIsA401BeforeItsBodyIsRead() {
        given().contentType(ContentType.JSON).body("{ not json").post("/api/sessions").then().statusCode(401)
                .contentType(PROBLEM).header("WWW-Authenticate", equalTo("Bearer"));
        given().contentType(ContentType.JSON).body("[" + Api.reps(UUID.randomUUID(), 10) + "]")
                .post("/api/sessions/{id}/sets", UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
    }
}
