package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.WorkoutEvents.at;
import static dev.footing.stats.support.WorkoutEvents.sessionCompleted;
import static dev.footing.stats.support.WorkoutEvents.set;
import static dev.footing.stats.support.WorkoutEvents.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.CatalogSnapshots;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Programs followed and adherence per ISO week, on real HTTP, Kafka and PostgreSQL (docs/architecture.md §9). */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class ProgramsTest extends StatsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final UUID RUNNERS = CatalogSnapshots.RUNNERS;
    private static final String SLUG = CatalogSnapshots.RUNNERS_SLUG;

    @BeforeEach
    void catalog() {
        CatalogSnapshots.publishCurbJumpsAndRunners();
    }

    private static void follow(String user, String program, String body, int status) {
        as(user).contentType("application/json").body(body).put("/api/users/{u}/programs/{p}", user, program).then()
                .statusCode(status);
    }

    @Test
    void followingTakesTheProgramsAdviceAndKeepsTheFirstDate() {
        String user = newUser("follower");
        // The test clock says 2027-01-07; a user without sets lives in UTC.
        as(user).contentType("application/json").body("{}").put("/api/users/{u}/programs/{p}", user, SLUG).then()
                .statusCode(200)
                .body("program.id", equalTo(RUNNERS.toString()))
                .body("program.slug", equalTo(SLUG))
                .body("program.sessionsPerWeek", equalTo(1))
                .body("sessionsPerWeek", equalTo(1))
                .body("since", equalTo("2027-01-07"));

        as(user).contentType("application/json").body("{\"sessionsPerWeek\":3}")
                .put("/api/users/{u}/programs/{p}", user, RUNNERS).then().statusCode(200)
                .body("sessionsPerWeek", equalTo(3)).body("since", equalTo("2027-01-07"));
        as(user).get("/api/users/me/programs").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].program.slug", equalTo(SLUG))
                .body("items[0].sessionsPerWeek", equalTo(3));

        // No body at all is the program's advice again.
        as(user).put("/api/users/{u}/programs/{p}", user, SLUG).then().statusCode(200).body("sessionsPerWeek", equalTo(1));

        as(user).delete("/api/users/{u}/programs/{p}", user, SLUG).then().statusCode(204);
        as(user).get("/api/users/{u}/programs", user).then().body("items", hasSize(0));
        as(user).delete("/api/users/{u}/programs/{p}", user, SLUG).then().statusCode(204);
    }

    @Test
    void badInputWritesNothing() {
        String user = newUser("bad-follow");
        follow(user, SLUG, "{\"sessionsPerWeek\":2}", 200);

        for (String body : List.of("{\"sessionsPerWeek\":0}", "{\"sessionsPerWeek\":15}", "{\"sessionsPerWeek\":\"3\"}",
                "{\"sessionsPerWeek\":2.5}", "{\"sessionsPerWeek\":", "[]")) {
            as(user).contentType("application/json").body(body).put("/api/users/{u}/programs/{p}", user, SLUG).then()
                    .statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        }
        as(user).contentType("application/json").body("{\"sessionsPerWeek\":15}")
                .put("/api/users/{u}/programs/{p}", user, SLUG).then().body("violations[0].field", equalTo("sessionsPerWeek"));
        for (String unknown : List.of("no-such-program", UUID.randomUUID().toString())) {
            as(user).contentType("application/json").body("{}").put("/api/users/{u}/programs/{p}", user, unknown).then()
                    .statusCode(404).contentType(PROBLEM);
            as(user).delete("/api/users/{u}/programs/{p}", user, unknown).then().statusCode(404).contentType(PROBLEM);
        }

        as(user).get("/api/users/{u}/programs", user).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].sessionsPerWeek", equalTo(2));
    }

    @Test
    void aViewerReadsFollowsButCannotChangeThem() {
        String user = newUser("follow-sharer");
        String coach = newUser("follow-coach");
        follow(user, SLUG, "{}", 200);
        as(user).put("/api/users/{u}/viewers/{v}", user, coach).then().statusCode(204);

        as(coach).get("/api/users/{u}/programs", user).then().statusCode(200).body("items", hasSize(1));
        as(coach).get("/api/users/{u}/adherence", user).then().statusCode(200).body("items", hasSize(1));
        as(coach).contentType("application/json").body("{\"sessionsPerWeek\":5}")
                .put("/api/users/{u}/programs/{p}", user, SLUG).then().statusCode(403).contentType(PROBLEM);
        as(coach).delete("/api/users/{u}/programs/{p}", user, SLUG).then().statusCode(403).contentType(PROBLEM);

        as(user).get("/api/users/{u}/programs", user).then().body("items", hasSize(1)).body("items[0].sessionsPerWeek", equalTo(1));
    }

    @Test
    void adherenceCountsSessionsOfTheProgramThatTrainedHalfOfItPerIsoWeek() {
        String user = newUser("adherent");
        Exercises jump = Exercises.CURB_JUMP;
        Exercises oneLeg = Exercises.CURB_JUMP_ONE_LEG;
        WorkoutEvents.send(List.of(
                // W51: the program's exercises, but the session names no program.
                set(user, "a1", "a", jump, 20, null, null, null, "2026-12-15T07:00", "UTC"),
                set(user, "a2", "a", oneLeg, 20, null, null, "LEFT", "2026-12-15T07:05", "UTC"),
                // W52: both exercises of the program.
                with(set(user, "b1", "b", jump, 20, null, null, null, "2026-12-22T07:00", "UTC"), null, RUNNERS),
                with(set(user, "b2", "b", oneLeg, 20, null, null, "LEFT", "2026-12-22T07:05", "UTC"), null, RUNNERS),
                // W53: one of two items is half the program.
                with(set(user, "c1", "c", jump, 20, null, null, null, "2026-12-29T07:00", "UTC"), 3, RUNNERS),
                // W01: the program named only by the session's completion; and a session of the program that trained
                // none of its exercises.
                set(user, "d1", "d", jump, 25, null, null, null, "2027-01-05T07:00", "UTC"),
                with(sessionCompleted(user, "d", at("2027-01-05T07:30", "UTC"), "UTC"), null, RUNNERS),
                with(set(user, "e1", "e", Exercises.TOWEL_CURL, 10, null, null, null, "2027-01-06T07:00", "UTC"), null, RUNNERS)));
        awaitEventsApplied(user, 8);
        follow(user, SLUG, "{}", 200);

        as(user).get("/api/users/{u}/adherence?from=2026-12-14&to=2027-01-10", user).then().statusCode(200)
                .body("from", equalTo("2026-12-14")).body("to", equalTo("2027-01-10"))
                .body("items", hasSize(1))
                .body("items[0].program.slug", equalTo(SLUG))
                .body("items[0].sessionsPerWeek", equalTo(1))
                .body("items[0].weeks.week", equalTo(List.of("2026-W51", "2026-W52", "2026-W53", "2027-W01")))
                .body("items[0].weeks.planned", equalTo(List.of(0, 1, 1, 1)))
                .body("items[0].weeks.done", equalTo(List.of(0, 1, 1, 1)))
                .body("items[0].weeks[0].onPlan", nullValue())
                .body("items[0].weeks.onPlan[1..3]", equalTo(List.of(true, true, true)))
                .body("items[0].weeklyStreak", equalTo(3));

        // Default: this ISO week and the seven before it.
        as(user).get("/api/users/{u}/adherence", user).then().statusCode(200)
                .body("from", equalTo("2026-11-16")).body("to", equalTo("2027-01-10"))
                .body("items[0].weeks", hasSize(8)).body("items[0].weeks[7].week", equalTo("2027-W01"));
    }

    @Test
    void adherenceWithoutFollowsIsEmptyAndBadDatesAreRefused() {
        String user = newUser("adherence-bad");
        as(user).get("/api/users/{u}/adherence", user).then().statusCode(200).body("items", hasSize(0));
        as(user).get("/api/users/{u}/adherence?from=2027-13-01", user).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("from"));
        as(user).get("/api/users/{u}/adherence?to=yesterday", user).then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        as(user).get("/api/users/{u}/adherence?from=2027-01-10&to=2027-01-01", user).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(user).get("/api/users/{u}/adherence?from=2000-01-03&to=2027-01-01", user).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }
}
