package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.WorkoutEvents.retraction;
import static dev.footing.stats.support.WorkoutEvents.set;
import static dev.footing.stats.support.WorkoutEvents.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
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

/** Guidance from events on the real topic, with the rules from the real catalog topic (docs/architecture.md §9). */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class GuidanceTest extends StatsTest {

    private static final Exercises JUMP = Exercises.CURB_JUMP;
    private static final Exercises ONE_LEG = Exercises.CURB_JUMP_ONE_LEG;

    @BeforeEach
    void catalog() {
        CatalogSnapshots.publishCurbJumpsAndRunners();
    }

    /** {@code sessions} sessions of one set of {@code reps} curb jumps, one a day from 2026-12-01. */
    private static List<ProducerRecord<String, String>> jumps(String user, int sessions, int reps) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int day = 1; day <= sessions; day++) {
            records.add(set(user, "j" + day, "s" + day, JUMP, reps, null, null, null, "2026-12-%02dT07:00".formatted(day), "UTC"));
        }
        return records;
    }

    private static String guidance(String user) {
        return as(user).get("/api/users/{u}/guidance", user).then().statusCode(200).extract().asString();
    }

    @Test
    void twoFullSessionsOnTheTopicStepTwentyUpToTwentyFive() {
        String user = newUser("guided");
        WorkoutEvents.send(jumps(user, 2, 20));
        awaitEventsApplied(user, 2);

        as(user).get("/api/users/{u}/guidance", user).then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].exercise.id", equalTo(JUMP.id().toString()))
                .body("items[0].exercise.slug", equalTo(JUMP.slug()))
                .body("items[0].exercise.name", equalTo(JUMP.name()))
                .body("items[0].target.exercise", equalTo(JUMP.slug()))
                .body("items[0].target.sets", equalTo(1))
                .body("items[0].target.reps", equalTo(20))
                .body("items[0].target.holdSeconds", nullValue())
                .body("items[0].target.loadKg", equalTo(0))
                .body("items[0].target.perSide", equalTo(false))
                .body("items[0].decision", equalTo("PROGRESS"))
                .body("items[0].next.reps", equalTo(25))
                .body("items[0].why.code", equalTo("TARGET_MET"))
                .body("items[0].why.sessions", equalTo(2))
                .body("items[0].why.axis", equalTo("REPS"))
                .body("items[0].why.from", equalTo(20))
                .body("items[0].why.to", equalTo(25))
                .body("items[0].basedOn.sessions", equalTo(2))
                .body("items[0].basedOn.lastSession", equalTo("2026-12-02"));

        String item = as(user).get("/api/users/{u}/guidance", user).then().extract().jsonPath().prettify();
        String bySlug = as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().statusCode(200).extract().asString();
        String byId = as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.id()).then().statusCode(200).extract().asString();
        assertThat(byId).isEqualTo(bySlug);
        assertThat(item).contains("\"decision\": \"PROGRESS\"");
        assertThat(as(user).get("/api/users/me/guidance/" + JUMP.slug()).then().statusCode(200).extract().asString())
                .isEqualTo(bySlug);
    }

    @Test
    void anExerciseNeverTrainedIsNotFound() {
        String user = newUser("guided-404");
        WorkoutEvents.send(jumps(user, 1, 20));
        awaitEventsApplied(user, 1);

        as(user).get("/api/users/{u}/guidance/{e}", user, ONE_LEG.slug()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        as(user).get("/api/users/{u}/guidance/{e}", user, "no-such-exercise").then().statusCode(404);
        String nobody = newUser("guided-nothing");
        as(nobody).get("/api/users/{u}/guidance", nobody).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void fortyTwiceGraduatesToTheOneLegFormTheCatalogDescribes() {
        String user = newUser("graduate");
        WorkoutEvents.send(jumps(user, 10, 40));
        awaitEventsApplied(user, 10);

        as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().statusCode(200)
                .body("decision", equalTo("GRADUATE"))
                .body("target.reps", equalTo(40))
                .body("next.exercise", equalTo(ONE_LEG.slug()))
                .body("next.reps", equalTo(20))
                .body("next.perSide", equalTo(true))
                .body("why.code", equalTo("TOP_OF_RANGE_REACHED"))
                .body("why.sessions", equalTo(2))
                .body("why.reps", equalTo(40))
                .body("why.next", equalTo(ONE_LEG.slug()));
    }

    @Test
    void lateAndReorderedEventsGiveTheSameAnswer() {
        String inOrder = newUser("in-order");
        String shuffled = newUser("shuffled");
        List<ProducerRecord<String, String>> log = new ArrayList<>(jumps(inOrder, 6, 25));
        log.add(with(set(inOrder, "p1", "p1", JUMP, 30, null, null, null, "2026-12-20T07:00", "UTC"), 7, null));
        log.add(with(set(inOrder, "p2", "p2", JUMP, 30, null, null, null, "2026-12-21T07:00", "UTC"), 6, null));
        WorkoutEvents.send(log);

        List<ProducerRecord<String, String>> other = new ArrayList<>(jumps(shuffled, 6, 25));
        other.add(with(set(shuffled, "p1", "p1", JUMP, 30, null, null, null, "2026-12-20T07:00", "UTC"), 7, null));
        other.add(with(set(shuffled, "p2", "p2", JUMP, 30, null, null, null, "2026-12-21T07:00", "UTC"), 6, null));
        Collections.reverse(other);
        other.addAll(other.subList(0, 3));
        WorkoutEvents.send(other);
        awaitEventsApplied(inOrder, 8);
        awaitEventsApplied(shuffled, 8);

        assertThat(guidance(shuffled)).isEqualTo(guidance(inOrder));
        as(inOrder).get("/api/users/{u}/guidance/{e}", inOrder, JUMP.slug()).then()
                .body("decision", equalTo("REGRESS")).body("target.reps", equalTo(30)).body("next.reps", equalTo(25))
                .body("why.code", equalTo("PAIN_ABOVE_FIVE")).body("why.sessions", equalTo(2)).body("why.maxPain", equalTo(7));
    }

    @Test
    void lateSetChangesTheDecision() {
        String user = newUser("late");
        WorkoutEvents.send(List.of(set(user, "a1", "a", JUMP, 15, null, null, null, "2026-12-01T07:00", "UTC"),
                set(user, "b1", "b", JUMP, 20, null, null, null, "2026-12-02T07:00", "UTC")));
        awaitEventsApplied(user, 2);
        as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().body("decision", equalTo("HOLD"))
                .body("why.code", equalTo("TARGET_NOT_MET")).body("why.sessionsMet", equalTo(1));

        // Session a's second set syncs late: session a met the target after all.
        WorkoutEvents.send(set(user, "a2", "a", JUMP, 20, null, null, null, "2026-12-01T07:05", "UTC"));
        awaitEventsApplied(user, 3);
        as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().body("decision", equalTo("PROGRESS"))
                .body("next.reps", equalTo(25));
    }

    @Test
    void retractedSetNoLongerCounts() {
        String user = newUser("retracted");
        WorkoutEvents.send(List.of(set(user, "a1", "a", JUMP, 20, null, null, null, "2026-12-01T07:00", "UTC"),
                set(user, "b1", "b", JUMP, 18, null, null, null, "2026-12-02T07:00", "UTC"),
                set(user, "b2", "b", JUMP, 20, null, null, null, "2026-12-02T07:05", "UTC")));
        awaitEventsApplied(user, 3);
        as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().body("decision", equalTo("PROGRESS"));

        WorkoutEvents.send(retraction(user, "r-b2", "b2", "b", Instant.parse("2026-12-02T08:00:00Z")));
        awaitEventsApplied(user, 4);
        as(user).get("/api/users/{u}/guidance/{e}", user, JUMP.slug()).then().body("decision", equalTo("HOLD"))
                .body("why.code", equalTo("TARGET_NOT_MET")).body("why.sessionsMet", equalTo(0));
    }

    @Test
    void oneSideShortHoldsBothSides() {
        String user = newUser("one-side");
        WorkoutEvents.send(List.of(set(user, "l", "a", ONE_LEG, 20, null, null, "LEFT", "2026-12-01T07:00", "UTC"),
                set(user, "r", "a", ONE_LEG, 15, null, null, "RIGHT", "2026-12-01T07:05", "UTC")));
        awaitEventsApplied(user, 2);

        as(user).get("/api/users/{u}/guidance/{e}", user, ONE_LEG.id()).then().statusCode(200)
                .body("decision", equalTo("HOLD")).body("target.perSide", equalTo(true)).body("next.reps", equalTo(20))
                .body("why.code", equalTo("ONE_SIDE_SHORT")).body("why.side", equalTo("RIGHT"))
                .body("why.value", equalTo(15)).body("why.target", equalTo(20));
    }

    @Test
    void anExerciseTheCatalogGivesNoRuleHoldsItsPrescription() {
        String user = newUser("no-rule");
        WorkoutEvents.send(set(user, "t", "a", Exercises.TOWEL_CURL, 12, null, null, null, "2026-12-01T07:00", "UTC"));
        awaitEventsApplied(user, 1);

        as(user).get("/api/users/{u}/guidance", user).then().statusCode(200)
                .body("items[0].decision", equalTo("HOLD")).body("items[0].why.code", equalTo("NO_PROGRESSION"));
    }

    @Test
    void aViewerReadsGuidanceAndAStrangerDoesNot() {
        String user = newUser("guided-sharer");
        String coach = newUser("guided-coach");
        WorkoutEvents.send(jumps(user, 1, 20));
        awaitEventsApplied(user, 1);
        as(coach).get("/api/users/{u}/guidance", user).then().statusCode(403).contentType("application/problem+json");
        as(user).put("/api/users/{u}/viewers/{v}", user, coach).then().statusCode(204);
        assertThat(as(coach).get("/api/users/{u}/guidance", user).then().statusCode(200).extract().asString())
                .isEqualTo(guidance(user));
    }
}
