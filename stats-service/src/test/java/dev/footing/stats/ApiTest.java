package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.Callers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Unknown users get zeros; bad queries get a 400 problem naming the parameter and change nothing. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class ApiTest extends StatsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void unknownUserHasZerosEverywhere() {
        String nobody = newUser("nobody");
        as(nobody).get("/api/users/{u}/summary", nobody).then().statusCode(200)
                .body("userId", equalTo(nobody))
                .body("timezone", equalTo("UTC"))
                .body("asOf", equalTo("2027-01-07"))
                .body("eventsApplied", equalTo(0))
                .body("lastEventAt", nullValue())
                .body("lastActiveDate", nullValue())
                .body("allTime.sets", equalTo(0))
                .body("allTime.sessions", equalTo(0))
                .body("allTime.loadVolumeKg", equalTo(0.0))
                .body("thisWeek.week", equalTo("2027-W01"))
                .body("thisWeek.sets", equalTo(0))
                .body("dailyStreak.current", equalTo(0))
                .body("dailyStreak.longest", equalTo(0))
                .body("weeklyStreak.current", equalTo(0));
        as(nobody).get("/api/users/{u}/volume?from=2027-01-01&to=2027-01-07&bucket=day", nobody).then().statusCode(200)
                .body("series", hasSize(1)).body("series[0].points", hasSize(7))
                .body("series[0].points.sets", everyItem(equalTo(0)));
        as(nobody).get("/api/users/{u}/volume?groupBy=exercise", nobody).then().statusCode(200)
                .body("series", empty()).body("from", equalTo("2026-10-19")).body("to", equalTo("2027-01-07"));
        as(nobody).get("/api/users/{u}/records", nobody).then().statusCode(200).body("exercises", empty());
        as(nobody).get("/api/users/{u}/balance", nobody).then().statusCode(200).body("exercises", empty());
        as(nobody).get("/api/users/{u}/calendar", nobody).then().statusCode(200)
                .body("days", hasSize(365)).body("activeDays", equalTo(0)).body("to", equalTo("2027-01-07"));
        as(nobody).get("/api/users/{u}/exercises/{e}", nobody, Exercises.CALF_RAISE.id()).then().statusCode(200)
                .body("exercise", nullValue()).body("totals.sets", equalTo(0)).body("history", empty());
        as(nobody).get("/api/users/{u}/streaks", nobody).then().statusCode(200).body("daily.current", equalTo(0));
    }

    @Test
    void badQueriesAreProblemsNamingTheParameter() {
        String user = newUser("bad");
        badRequest(user, "/api/users/" + user + "/summary?asOf=2027-02-30", "asOf");
        badRequest(user, "/api/users/" + user + "/streaks?asOf=yesterday", "asOf");
        badRequest(user, "/api/users/" + user + "/volume?from=2027-13-01", "from");
        badRequest(user, "/api/users/" + user + "/volume?to=tomorrow", "to");
        badRequest(user, "/api/users/" + user + "/volume?from=2027-01-10&to=2027-01-01", "from");
        badRequest(user, "/api/users/" + user + "/volume?bucket=year", "bucket");
        badRequest(user, "/api/users/" + user + "/volume?groupBy=muscle", "groupBy");
        badRequest(user, "/api/users/" + user + "/volume?from=2027-01-01&to=2028-01-02&bucket=day", "from");
        badRequest(user, "/api/users/" + user + "/calendar?from=2026-01-01&to=2027-01-07", "from");
        badRequest(user, "/api/users/" + user + "/calendar?from=2027-01-08&to=2027-01-07", "from");
        badRequest(user, "/api/users/" + user + "/exercises/calf-raise", "exerciseId");
        badRequest(user, "/api/users/" + "x".repeat(65) + "/summary", "userId");
        badRequest(user, "/api/users/bad%20user/records", "userId");
        // LocalDate would accept it, and week arithmetic would overflow.
        as(user).queryParam("asOf", "+999999999-12-31").get("/api/users/{u}/summary", user).then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", equalTo("asOf"));
    }

    @Test
    void boundsAreInclusive() {
        String user = newUser("bounds");
        // 2028 is a leap year: 366 day buckets is the most allowed.
        as(user).get("/api/users/{u}/volume?from=2028-01-01&to=2028-12-31&bucket=day", user).then().statusCode(200)
                .body("series[0].points", hasSize(366));
        as(user).get("/api/users/{u}/calendar?from=2028-01-01&to=2028-12-31", user).then().statusCode(200)
                .body("days", hasSize(366));
        as(user).get("/api/users/{u}/volume?from=2027-01-07&to=2027-01-07&bucket=MONTH&groupBy=BODY_AREA", user)
                .then().statusCode(200).body("bucket", equalTo("month")).body("groupBy", equalTo("bodyArea"));
    }

    @Test
    void goalsAreValidatedAndABadGoalChangesNothing() {
        String user = newUser("goals");
        as(user).contentType("application/json").body("{\"activeDaysPerWeek\":3}").put("/api/users/{u}/goals", user)
                .then().statusCode(200).body("activeDaysPerWeek", equalTo(3));
        for (String bad : new String[] {"{\"activeDaysPerWeek\":0}", "{\"activeDaysPerWeek\":8}", "{}",
                "{\"activeDaysPerWeek\":\"three\"}", "{\"activeDaysPerWeek\":3.7}", "{\"activeDaysPerWeek\":\"5\"}"}) {
            as(user).contentType("application/json").body(bad).put("/api/users/{u}/goals", user)
                    .then().log().ifValidationFails().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("activeDaysPerWeek"));
        }
        as(user).contentType("application/json").body("{\"activeDaysPerWeek\":").put("/api/users/{u}/goals", user)
                .then().statusCode(400).contentType(PROBLEM).body("title", equalTo("Malformed JSON"));
        as(user).contentType("application/json").put("/api/users/{u}/goals", user)
                .then().log().ifValidationFails().statusCode(400).contentType(PROBLEM);
        as(user).get("/api/users/{u}/goals", user).then().statusCode(200).body("activeDaysPerWeek", equalTo(3));
        as(user).get("/api/users/{u}/streaks", user).then().statusCode(200).body("weekly.goal", equalTo(3));
    }

    @Test
    void healthAndMetricsOnTheManagementPortAndTheApiDescriptionWithTheApi() {
        // SmallRye's readiness: the consumer channel and the dead-letter channel each reach the broker
        // (the first time once the consumer has joined its group, which a loaded machine may take a while for).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.workout-events",
                        equalTo("[OK]"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data.workout-events-dlq",
                        equalTo("[OK]")));
        // The Kafka client's own lag (through Micrometer) next to our domain counters.
        given().get(metrics).then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"stats-service-live\""))
                .body(containsString("footing_stats_events_applied_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/users/{userId}/volume"));
    }

    @Test
    void aDatabaseThatCannotAnswerIsA503ProblemOnEveryQuery() throws Exception {
        String user = newUser("store-down");
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword()); Statement statement = db.createStatement()) {
            statement.execute("ALTER TABLE user_totals RENAME TO user_totals_away");
            try {
                for (var request : List.of(asAdmin().basePath("/api/users"), as(user).basePath("/api/users/" + user + "/summary"))) {
                    request.get().then().log().ifValidationFails().statusCode(503).contentType(PROBLEM)
                            .header("Retry-After", "5").body("detail", not(containsString("user_totals")));
                }
            } finally {
                statement.execute("ALTER TABLE user_totals_away RENAME TO user_totals");
            }
        }
        asAdmin().get("/api/users").then().statusCode(200);
    }

    private static void badRequest(String caller, String path, String field) {
        as(caller).get(path).then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo(field))
                .body("detail", not(containsString("Exception")));
    }
}
