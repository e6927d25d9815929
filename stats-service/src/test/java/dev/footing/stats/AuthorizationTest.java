package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestTokens;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Who may see and change whose stats (docs/architecture.md §8), on real HTTP with signed tokens: every endpoint
 * against every kind of caller, then what sharing, {@code me} and the live stream do for a user.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class AuthorizationTest extends StatsTest {

    private static final String PROBLEM = "application/problem+json";

    /** The subject of the matrix, an athlete with a share to VIEWER only. */
    private static final String OWNER = newUser("owner");
    private static final String OTHER = newUser("other-athlete");
    private static final String VIEWER = newUser("coach-shared");
    private static final String STRANGER = newUser("coach-not-shared");
    /** Whom the matrix shares with and stops sharing with, so VIEWER's own share never changes. */
    private static final String PHYSIO = newUser("physio");

    @TestHTTPResource("/")
    URL base;

    enum Caller {
        NONE, EXPIRED, WRONGLY_SIGNED, WRONG_ISSUER, WRONG_AUDIENCE, OWNER, OTHER_ATHLETE, VIEWER_WITH_SHARE,
        VIEWER_WITHOUT_SHARE, ADMIN;

        Optional<String> token() {
            return Optional.ofNullable(switch (this) {
                case NONE -> null;
                case EXPIRED -> TestTokens.expired(AuthorizationTest.OWNER);
                case WRONGLY_SIGNED -> TestTokens.wronglySigned(AuthorizationTest.OWNER);
                case WRONG_ISSUER -> TestTokens.wrongIssuer(AuthorizationTest.OWNER);
                case WRONG_AUDIENCE -> TestTokens.wrongAudience(AuthorizationTest.OWNER);
                case OWNER -> TestTokens.athlete(AuthorizationTest.OWNER);
                case OTHER_ATHLETE -> TestTokens.athlete(OTHER);
                case VIEWER_WITH_SHARE -> TestTokens.coach(VIEWER);
                case VIEWER_WITHOUT_SHARE -> TestTokens.coach(STRANGER);
                case ADMIN -> TestTokens.admin();
            });
        }

        RequestSpecification request() {
            RequestSpecification request = given();
            return token().map(t -> request.auth().oauth2(t)).orElse(request);
        }
    }

    /** Every endpoint but the live stream (its own test below), with the answer each allowed caller gets. */
    enum Endpoint {
        SUMMARY("GET", "/api/users/{u}/summary", Access.READ, 200),
        STREAKS("GET", "/api/users/{u}/streaks", Access.READ, 200),
        VOLUME("GET", "/api/users/{u}/volume?groupBy=bodyArea", Access.READ, 200),
        CALENDAR("GET", "/api/users/{u}/calendar", Access.READ, 200),
        RECORDS("GET", "/api/users/{u}/records", Access.READ, 200),
        EXERCISE("GET", "/api/users/{u}/exercises/" + Exercises.CALF_RAISE.id(), Access.READ, 200),
        BALANCE("GET", "/api/users/{u}/balance", Access.READ, 200),
        GOALS("GET", "/api/users/{u}/goals", Access.READ, 200),
        CHANGE_GOALS("PUT", "/api/users/{u}/goals", Access.MANAGE, 200),
        GUIDANCE("GET", "/api/users/{u}/guidance", Access.READ, 200),
        // An allowed caller learns that the owner never trained it; anyone else learns nothing.
        GUIDANCE_OF_ONE("GET", "/api/users/{u}/guidance/never-trained", Access.READ, 404),
        PROGRAMS("GET", "/api/users/{u}/programs", Access.READ, 200),
        // No such program in the replica: the allowed caller's 404 still proves the 403 comes first.
        FOLLOW("PUT", "/api/users/{u}/programs/no-such-program", Access.MANAGE, 404),
        UNFOLLOW("DELETE", "/api/users/{u}/programs/no-such-program", Access.MANAGE, 404),
        ADHERENCE("GET", "/api/users/{u}/adherence", Access.READ, 200),
        VIEWERS("GET", "/api/users/{u}/viewers", Access.MANAGE, 200),
        SHARE("PUT", "/api/users/{u}/viewers/" + PHYSIO, Access.MANAGE, 204),
        STOP_SHARING("DELETE", "/api/users/{u}/viewers/" + PHYSIO, Access.MANAGE, 204),
        MY_ATHLETES("GET", "/api/me/athletes", Access.SIGNED_IN, 200),
        KNOWN_USERS("GET", "/api/users", Access.ADMIN, 200),
        DEAD_LETTERS("GET", "/api/admin/dead-letters?size=1", Access.ADMIN, 200),
        START_REBUILD("POST", "/api/admin/rebuild", Access.ADMIN, 0),
        // An admin may ask; no such run exists.
        REBUILD_RUN("GET", "/api/admin/rebuild/" + UUID.randomUUID(), Access.ADMIN, 404);

        final String method;
        final String path;
        final Access access;
        /** 0: never called by someone allowed (a real rebuild would disturb the other tests). */
        final int allowed;

        Endpoint(String method, String path, Access access, int allowed) {
            this.method = method;
            this.path = path;
            this.access = access;
            this.allowed = allowed;
        }
    }

    enum Access {
        READ, MANAGE, SIGNED_IN, ADMIN;

        boolean allows(Caller caller) {
            return switch (this) {
                case READ -> caller == Caller.OWNER || caller == Caller.VIEWER_WITH_SHARE || caller == Caller.ADMIN;
                case MANAGE -> caller == Caller.OWNER || caller == Caller.ADMIN;
                case SIGNED_IN -> true;
                case ADMIN -> caller == Caller.ADMIN;
            };
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                int expected = caller.ordinal() <= Caller.WRONG_AUDIENCE.ordinal() ? 401
                        : endpoint.access.allows(caller) ? endpoint.allowed : 403;
                if (expected != 0) {
                    cases.add(Arguments.of(endpoint, caller, expected));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryCallerAsTheRulesSay(Endpoint endpoint, Caller caller, int expected) {
        shareWith(OWNER, VIEWER);
        RequestSpecification request = caller.request();
        if (endpoint == Endpoint.CHANGE_GOALS) {
            request.contentType("application/json").body("{\"activeDaysPerWeek\":2}");
        }
        if (endpoint == Endpoint.FOLLOW) {
            request.contentType("application/json").body("{\"sessionsPerWeek\":2}");
        }
        ValidatableResponse response = request.request(endpoint.method, endpoint.path.replace("{u}", OWNER)).then()
                .log().ifValidationFails().statusCode(expected);
        if (expected >= 400) {
            response.contentType(PROBLEM).body("status", equalTo(expected)).body("title", notNullValue());
        }
        if (expected == 401) {
            response.header("WWW-Authenticate", caller == Caller.NONE ? equalTo("Bearer") : startsWith("Bearer error=\"invalid_token\""));
        }
    }

    @Test
    void sharingThenStoppingTurnsTheViewersAnswerFrom200To403() {
        String athlete = newUser("sharer");
        String coach = newUser("coach");
        as(coach).get("/api/users/{u}/summary", athlete).then().statusCode(403).contentType(PROBLEM);

        as(athlete).put("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
        as(coach).get("/api/users/{u}/summary", athlete).then().statusCode(200).body("userId", equalTo(athlete));
        String since = as(athlete).get("/api/users/{u}/viewers", athlete).then().statusCode(200)
                .body("userId", equalTo(athlete))
                .body("viewers.viewerId", equalTo(List.of(coach)))
                .extract().path("viewers[0].since");
        // Sharing again is a no-op that keeps the first date.
        as(athlete).put("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
        as(athlete).get("/api/users/{u}/viewers", athlete).then().body("viewers.since", equalTo(List.of(since)));

        as(athlete).delete("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
        as(coach).get("/api/users/{u}/summary", athlete).then().statusCode(403).contentType(PROBLEM);
        as(athlete).get("/api/users/{u}/viewers", athlete).then().statusCode(200).body("viewers", empty());
        // Stopping what is not shared is still a 204.
        as(athlete).delete("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
    }

    @Test
    void aViewerCannotChangeTheGoalAndTheAttemptChangesNothing() {
        String athlete = newUser("goal-keeper");
        String coach = newUser("coach");
        as(athlete).contentType("application/json").body("{\"activeDaysPerWeek\":3}").put("/api/users/{u}/goals", athlete)
                .then().statusCode(200);
        shareWith(athlete, coach);

        as(coach).contentType("application/json").body("{\"activeDaysPerWeek\":6}").put("/api/users/{u}/goals", athlete)
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        as(coach).get("/api/users/{u}/goals", athlete).then().statusCode(200).body("activeDaysPerWeek", equalTo(3));
        as(athlete).get("/api/users/{u}/streaks", athlete).then().statusCode(200).body("weekly.goal", equalTo(3));
        // Nor may a viewer pass the share on.
        as(coach).put("/api/users/{u}/viewers/{v}", athlete, newUser("friend")).then().statusCode(403);
        as(athlete).get("/api/users/{u}/viewers", athlete).then().body("viewers.viewerId", equalTo(List.of(coach)));
    }

    @Test
    void myAthletesListsExactlyThoseWhoShareWithMeAndTheirLastActivity() {
        String coach = newUser("coach");
        String ana = "a-" + newUser("ana");
        String ben = "b-" + newUser("ben");
        String chen = newUser("chen");
        shareWith(ana, coach);
        shareWith(ben, coach);
        shareWith(chen, newUser("someone-else"));
        WorkoutEvents.send(WorkoutEvents.set(ana, "a1", "s1", Exercises.TOWEL_CURL, 10, null, null, null, "2027-01-05T08:00",
                "Europe/Lisbon"));
        awaitEventsApplied(ana, 1);

        as(coach).get("/api/me/athletes").then().statusCode(200)
                .body("viewerId", equalTo(coach))
                .body("athletes.userId", equalTo(List.of(ana, ben)))
                .body("athletes[0].lastActiveDate", equalTo("2027-01-05"))
                .body("athletes[0].lastEventAt", startsWith("2027-01-05T08:00"))
                .body("athletes[1].lastActiveDate", nullValue())
                .body("athletes[1].lastEventAt", nullValue())
                .body("athletes[1].since", notNullValue());

        // Her set retracted a day later: no active day any more, and the retraction is her last event, as her summary says.
        WorkoutEvents.send(WorkoutEvents.retraction(ana, "x-a1", "a1", "s1", WorkoutEvents.at("2027-01-06T09:30", "Europe/Lisbon")));
        awaitEventsApplied(ana, 2);
        String lastEventAt = as(ana).get("/api/users/{u}/summary", ana).then().extract().path("lastEventAt");
        assertThat(lastEventAt).startsWith("2027-01-06T09:30");
        as(coach).get("/api/me/athletes").then().statusCode(200)
                .body("athletes[0].lastActiveDate", nullValue())
                .body("athletes[0].lastEventAt", equalTo(lastEventAt));

        as(ana).delete("/api/users/me/viewers/{v}", coach).then().statusCode(204);
        as(coach).get("/api/me/athletes").then().body("athletes.userId", equalTo(List.of(ben)));
        as(newUser("nobody")).get("/api/me/athletes").then().statusCode(200).body("athletes", empty());
    }

    @Test
    void meIsTheCallerOnEveryPath() {
        String athlete = newUser("me");
        String coach = newUser("coach");
        WorkoutEvents.send(WorkoutEvents.set(athlete, "m1", "s1", Exercises.CALF_RAISE, 12, null, "10", "LEFT",
                "2027-01-06T18:00", "UTC"));
        awaitEventsApplied(athlete, 1);
        for (String path : List.of("summary", "streaks", "volume", "calendar", "records", "balance", "goals", "guidance",
                "guidance/" + Exercises.CALF_RAISE.slug(), "programs", "adherence",
                "exercises/" + Exercises.CALF_RAISE.id())) {
            String mine = as(athlete).get("/api/users/me/" + path).then().statusCode(200).extract().asString();
            assertThat(mine).as(path).isEqualTo(as(athlete).get("/api/users/{u}/" + path, athlete).then().extract().asString());
        }
        as(athlete).get("/api/users/me/summary").then().body("userId", equalTo(athlete)).body("allTime.reps", equalTo(12));

        as(athlete).put("/api/users/me/viewers/{v}", coach).then().statusCode(204);
        as(athlete).get("/api/users/me/viewers").then().statusCode(200).body("viewers.viewerId", equalTo(List.of(coach)));
        as(coach).get("/api/users/{u}/summary", athlete).then().statusCode(200).body("allTime.reps", equalTo(12));
        // The coach's own "me" is the coach, never the athlete they look at.
        as(coach).get("/api/users/me/summary").then().statusCode(200).body("userId", equalTo(coach)).body("eventsApplied", equalTo(0));
        given().auth().oauth2(TestTokens.admin()).get("/api/users/me/summary").then().statusCode(200).body("userId", equalTo("admin"));
        given().get("/api/users/me/summary").then().statusCode(401).header("WWW-Authenticate", "Bearer");
    }

    @Test
    void viewerIdsAreCheckedAndNobodySharesWithThemself() {
        String athlete = newUser("checked");
        as(athlete).put("/api/users/{u}/viewers/{v}", athlete, "x".repeat(65)).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("viewerId"));
        as(athlete).put("/api/users/{u}/viewers/bad%20coach", athlete).then().statusCode(400)
                .body("violations[0].field", equalTo("viewerId"));
        as(athlete).put("/api/users/{u}/viewers/{v}", athlete, athlete).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("viewerId")).body("violations[0].message", containsString("own"));
        as(athlete).put("/api/users/{u}/viewers/me", athlete).then().statusCode(400).body("violations[0].field", equalTo("viewerId"));
        as(athlete).delete("/api/users/{u}/viewers/{v}", athlete, athlete).then().statusCode(204);
        as(athlete).get("/api/users/{u}/viewers", athlete).then().body("viewers", empty());
        // A bad token is a 401 before anything about the path is said.
        given().auth().oauth2(TestTokens.expired(athlete)).put("/api/users/{u}/viewers/bad%20coach", athlete).then().statusCode(401);
    }

    @Test
    void theLiveStreamServesTheOwnerAndAViewerAndRefusesEveryoneElse() throws Exception {
        String athlete = newUser("live-owner");
        String coach = newUser("live-coach");
        shareWith(athlete, coach);
        assertThat(live(athlete, null).statusCode()).isEqualTo(401);
        assertThat(live(athlete, TestTokens.expired(athlete)).statusCode()).isEqualTo(401);
        HttpResponse<Stream<String>> stranger = live(athlete, TestTokens.coach(newUser("stranger")));
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("content-type")).hasValue(PROBLEM);
        for (String token : List.of(TestTokens.athlete(athlete), TestTokens.coach(coach), TestTokens.admin())) {
            HttpResponse<Stream<String>> response = live(athlete, token);
            try {
                assertThat(response.statusCode()).isEqualTo(200);
                String first = response.body().filter(line -> line.startsWith("data:")).findFirst().orElseThrow();
                assertThat(first).contains("\"userId\":\"" + athlete + "\"");
            } finally {
                response.body().close();
            }
        }
        HttpResponse<Stream<String>> mine = live("me", TestTokens.athlete(athlete));
        try {
            assertThat(mine.body().filter(line -> line.startsWith("data:")).findFirst().orElseThrow())
                    .contains("\"userId\":\"" + athlete + "\"");
        } finally {
            mine.body().close();
        }
    }

    @Test
    void aViewersOpenLiveStreamEndsWhenTheUserStopsSharing() throws Exception {
        String athlete = newUser("live-revoker");
        String coach = newUser("live-coach");
        shareWith(athlete, coach);
        HttpResponse<Stream<String>> watching = live(athlete, TestTokens.coach(coach));
        assertThat(watching.statusCode()).isEqualTo(200);
        Iterator<String> lines = watching.body().iterator();
        try {
            assertThat(Stream.generate(lines::next).filter(line -> line.startsWith("data:")).findFirst()).isPresent();
            CompletableFuture<Void> end = CompletableFuture.runAsync(() -> lines.forEachRemaining(line -> { }));
            as(athlete).delete("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
            end.get(20, TimeUnit.SECONDS);
            assertThat(live(athlete, TestTokens.coach(coach)).statusCode()).isEqualTo(403);
        } finally {
            watching.body().close();
        }
    }

    private HttpResponse<Stream<String>> live(String user, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/users/" + user + "/live"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            response.body().close();
        }
        return response;
    }

    private static void shareWith(String owner, String viewer) {
        as(owner).put("/api/users/{u}/viewers/{v}", owner, viewer).then().statusCode(204);
    }
}
