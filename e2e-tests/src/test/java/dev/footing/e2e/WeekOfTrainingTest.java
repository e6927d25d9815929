package dev.footing.e2e;

import static dev.footing.e2e.RunningSystem.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A realistic week of one athlete in New York, logged through session-service like a phone app
 * would (whole workouts, a batch, a retry, a correction) with her own token from Keycloak, read
 * back from stats-service. Every expected number is computed by hand in the comments.
 *
 * <p>demo-chen is this test's athlete: no other end-to-end test logs training for her.
 */
class WeekOfTrainingTest {

    static final String USER = "demo-chen";
    static final String ZONE = "America/New_York";

    static final UUID TOE_RAISE = Catalog.exercise("elevated-toe-raise");       // REPS, both legs
    static final UUID CURB_ONE_LEG = Catalog.exercise("curb-jump-one-leg");     // REPS, one leg at a time
    static final UUID ONE_LEG_STAND = Catalog.exercise("single-leg-stand");     // DURATION, one leg at a time
    static final UUID JUMP_ROPE = Catalog.exercise("jump-rope");                // DURATION
    static final UUID TOE_WALK = Catalog.exercise("toe-walk");                  // DURATION

    static final UUID RETRACTED_SET = UUID.randomUUID();
    static final UUID SATURDAY_SESSION = UUID.randomUUID();

    @BeforeAll
    static void logTheWeek() {
        // Mon 2026-11-09: 30 reps, 35 reps × 10 kg (350 kg); one-leg curb jumps L 20, R 18.
        workout("2026-11-09T23:00:00Z", List.of(
                set(TOE_RAISE, "reps", 30, 0, "BOTH", "2026-11-09T23:05:00Z"),
                set(TOE_RAISE, "reps", 35, 10, "BOTH", "2026-11-09T23:08:00Z"),
                set(CURB_ONE_LEG, "reps", 20, 0, "LEFT", "2026-11-09T23:12:00Z"),
                set(CURB_ONE_LEG, "reps", 18, 0, "RIGHT", "2026-11-09T23:14:00Z")));
        // Tue 2026-11-10: single-leg stand L 45 s, R 30 s.
        workout("2026-11-10T12:00:00Z", List.of(
                set(ONE_LEG_STAND, "durationSeconds", 45, 0, "LEFT", "2026-11-10T12:01:00Z"),
                set(ONE_LEG_STAND, "durationSeconds", 30, 0, "RIGHT", "2026-11-10T12:03:00Z")));
        // Wed: rest. Thu 2026-11-12 at 23:30 in New York is already Friday in UTC: it counts on Thursday.
        workout("2026-11-13T04:20:00Z", List.of(set(TOE_RAISE, "reps", 40, 5, "BOTH", "2026-11-13T04:30:00Z")));
        // Fri 2026-11-13: 60 s of rope, and a mistyped 100-rep set that the user deletes again.
        UUID friday = workout("2026-11-13T22:00:00Z", List.of(
                set(JUMP_ROPE, "durationSeconds", 60, 0, null, "2026-11-13T22:02:00Z"),
                withId(RETRACTED_SET, set(TOE_RAISE, "reps", 100, 0, "BOTH", "2026-11-13T22:05:00Z"))));
        as(USER).delete(RunningSystem.session("/api/sessions/" + friday + "/sets/" + RETRACTED_SET)).then().statusCode(204);
        // Sat 2026-11-14: a session, then a batch of one-leg curb jumps L 22, R 22, sent twice (a retry).
        createSession(SATURDAY_SESSION, "2026-11-14T15:00:00Z", List.of());
        List<Map<String, Object>> batch = List.of(
                withId(UUID.randomUUID(), set(CURB_ONE_LEG, "reps", 22, 0, "LEFT", "2026-11-14T15:05:00Z")),
                withId(UUID.randomUUID(), set(CURB_ONE_LEG, "reps", 22, 0, "RIGHT", "2026-11-14T15:07:00Z")));
        for (int attempt = 0; attempt < 2; attempt++) {
            as(USER).contentType(ContentType.JSON).body(batch)
                    .post(RunningSystem.session("/api/sessions/" + SATURDAY_SESSION + "/sets"))
                    .then().statusCode(201);
        }
        // Sun 2026-11-15: 30 s of toe walking, and the session is completed.
        UUID sunday = workout("2026-11-15T14:00:00Z", List.of(set(TOE_WALK, "durationSeconds", 30, 0, null, "2026-11-15T14:01:00Z")));
        as(USER).contentType(ContentType.JSON).body("{}").post(RunningSystem.session("/api/sessions/" + sunday + "/complete"))
                .then().statusCode(200);

        // 12 set events (the deleted one too) + 1 retraction + 1 session completion; the retried batch adds none.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                as(USER).get(RunningSystem.stats("/api/users/" + USER + "/summary?asOf=2026-11-15")).then()
                        .body("eventsApplied", is(14)));
    }

    @Test
    void totalsCountEverySetOnceAndLeaveTheCorrectionOut() {
        JsonPath summary = as(USER).get(RunningSystem.stats("/api/users/" + USER + "/summary?asOf=2026-11-15"))
                .then().statusCode(200).extract().jsonPath();
        // sets: Mon 4 + Tue 2 + Thu 1 + Fri 1 + Sat 2 + Sun 1 = 11
        assertThat(summary.getLong("allTime.sets")).isEqualTo(11);
        // reps: 30 + 35 + 20 + 18 + 40 + 22 + 22 = 187
        assertThat(summary.getLong("allTime.reps")).isEqualTo(187);
        // hold: 45 + 30 + 60 + 30 = 165 s
        assertThat(summary.getLong("allTime.holdSeconds")).isEqualTo(165);
        // load volume: 35 × 10 + 40 × 5 = 550 kg
        assertThat(summary.getDouble("allTime.loadVolumeKg")).isEqualTo(550.0);
        assertThat(summary.getLong("allTime.sessions")).isEqualTo(6);
        assertThat(summary.getLong("allTime.activeDays")).isEqualTo(6);
        // The week of 2026-11-15 is that whole week.
        assertThat(summary.getLong("thisWeek.sets")).isEqualTo(11);
        assertThat(summary.getString("lastActiveDate")).isEqualTo("2026-11-15");
    }

    @Test
    void streakRunsFromThursdayAndSurvivesUntilMondayIsOver() {
        String streaks = "/api/users/" + USER + "/streaks?asOf=";
        // Thu, Fri, Sat, Sun: 4 days (Wednesday was rest).
        as(USER).get(RunningSystem.stats(streaks + "2026-11-15")).then().statusCode(200)
                .body("daily.current", is(4))
                .body("daily.longest", is(4))
                .body("daily.longestFrom", equalTo("2026-11-12"))
                .body("daily.longestTo", equalTo("2026-11-15"));
        // Monday is not over yet: the run is still alive.
        as(USER).get(RunningSystem.stats(streaks + "2026-11-16")).then().body("daily.current", is(4));
        as(USER).get(RunningSystem.stats(streaks + "2026-11-17")).then().body("daily.current", is(0));
    }

    @Test
    void dailyVolumeHasEveryDayOfTheWeekZerosIncluded() {
        as(USER).get(RunningSystem.stats("/api/users/" + USER + "/volume?from=2026-11-09&to=2026-11-15&bucket=day&groupBy=none"))
                .then().statusCode(200)
                .body("series[0].points.sets", contains(4, 2, 0, 1, 1, 2, 1))
                .body("series[0].points.reps", contains(103, 0, 0, 40, 0, 44, 0));
    }

    @Test
    void balanceAndRecordsComeFromTheCountedSets() {
        JsonPath balance = new JsonPath(as(USER).get(RunningSystem.stats("/api/users/" + USER + "/balance")).then().statusCode(200)
                .extract().asString()).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        String curb = "exercises.find { it.exercise.slug == 'curb-jump-one-leg' }";
        String stand = "exercises.find { it.exercise.slug == 'single-leg-stand' }";
        // curb jumps: L 20 + 22 = 42, R 18 + 22 = 40 → (42 − 40) / 42
        assertThat(balance.getDouble(curb + ".left.volume")).isEqualTo(42);
        assertThat(balance.getDouble(curb + ".right.volume")).isEqualTo(40);
        assertThat(balance.getDouble(curb + ".asymmetry")).isCloseTo(2.0 / 42, within(1e-9));
        // single-leg stand: L 45 s, R 30 s → 15 / 45
        assertThat(balance.getString(stand + ".unit")).isNotBlank();
        assertThat(balance.getDouble(stand + ".asymmetry")).isCloseTo(1.0 / 3, within(1e-9));

        as(USER).get(RunningSystem.stats("/api/users/" + USER + "/records")).then().statusCode(200)
                .body("exercises.find { it.exercise.slug == 'elevated-toe-raise' }.mostReps.value", is(40))
                .body("exercises.find { it.exercise.slug == 'elevated-toe-raise' }.mostReps.date", equalTo("2026-11-12"))
                .body("exercises.find { it.exercise.slug == 'elevated-toe-raise' }.heaviestLoadKg.value", is(10.0f)) // JsonPath reads JSON decimals as floats
                .body("exercises.find { it.exercise.slug == 'elevated-toe-raise' }.largestLoadVolumeKg.value", is(350.0f));
    }

    @Test
    void theWeekIsHersAloneUnlessSheSharesIt() {
        String summary = RunningSystem.stats("/api/users/" + USER + "/summary");
        given().get(summary).then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        as("demo-ana").get(summary).then().statusCode(403).contentType(containsString("problem+json"));
        as("admin").get(summary).then().statusCode(200).body("allTime.sets", is(11));
        // Another athlete cannot even tell that the session exists.
        as("demo-ana").get(RunningSystem.session("/api/sessions/" + SATURDAY_SESSION)).then().statusCode(404);
        as(USER).get(RunningSystem.session("/api/sessions/" + SATURDAY_SESSION)).then().statusCode(200)
                .body("userId", equalTo(USER));
    }

    static Map<String, Object> set(UUID exercise, String measure, int amount, int loadKg, String side, String completedAt) {
        Map<String, Object> set = new java.util.HashMap<>(Map.of("exerciseId", exercise, measure, amount, "loadKg", loadKg,
                "completedAt", completedAt));
        if (side != null) {
            set.put("side", side);
        }
        return set;
    }

    static Map<String, Object> withId(UUID id, Map<String, Object> set) {
        set.put("id", id);
        return set;
    }

    static UUID workout(String startedAt, List<Map<String, Object>> sets) {
        UUID id = UUID.randomUUID();
        createSession(id, startedAt, sets);
        return id;
    }

    static void createSession(UUID id, String startedAt, List<Map<String, Object>> sets) {
        // No userId: a session belongs to the token's user.
        Map<String, Object> body = Map.of("id", id, "timezone", ZONE, "startedAt", startedAt, "sets", sets);
        // Right after start, session-service may still be reading the catalog into its replica.
        Retry.answer(() -> as(USER).contentType(ContentType.JSON).body(body).post(RunningSystem.session("/api/sessions")), 422)
                .then().statusCode(201);
        as(USER).get(RunningSystem.session("/api/sessions/" + id)).then().statusCode(200).body("sets.size()", is(sets.size()));
    }
}
