package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.stats.rebuild.HeldTableSwap;
import dev.footing.stats.support.BulkLog;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.TrainingLog;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class RebuildTest extends StatsTest {

    private static final List<String> PATHS = List.of("summary", "summary?asOf=2027-01-02", "streaks?asOf=2027-01-04",
            "records", "balance", "calendar?from=2026-10-01&to=2027-01-31",
            "volume?from=2026-10-26&to=2027-01-10&groupBy=bodyArea", "volume?from=2026-01-01&to=2026-12-31&bucket=month&groupBy=side",
            "exercises/" + Exercises.CALF_RAISE.id());

    @Test
    void rebuildReplaysTheTopicIntoIdenticalNumbersWithoutLosingEventsThatArriveMeanwhile() throws Exception {
        String ana = newUser("rebuild-ana");
        String bulk = newUser("rebuild-bulk");
        String meanwhile = newUser("rebuild-meanwhile");
        BulkLog bulkLog = new BulkLog(bulk, 1500);
        WorkoutEvents.send(TrainingLog.of(ana));
        WorkoutEvents.send(bulkLog.records);
        awaitEventsApplied(ana, TrainingLog.EVENTS);
        awaitEventsApplied(bulk, bulkLog.records.size());
        Map<String, String> anaBefore = answers(ana);
        Map<String, String> bulkBefore = answers(bulk);

        // Damage the live facts of one user, and the summary's rollups of them: only a replay of the topic can
        // bring them back.
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
                PreparedStatement delete = db.prepareStatement("DELETE FROM set_fact WHERE user_id = ?");
                PreparedStatement rollups = db.prepareStatement("DELETE FROM session_day_totals WHERE user_id = ?")) {
            delete.setString(1, ana);
            assertThat(delete.executeUpdate()).isEqualTo(16);
            rollups.setString(1, ana);
            assertThat(rollups.executeUpdate()).isPositive();
        }
        as(ana).get("/api/users/{u}/summary", ana).then().body("allTime.sets", equalTo(0));

        // Events that arrive after the replay read its last offset, and are applied by the live consumer
        // before the swap, must be carried over into the rebuilt tables.
        HeldTableSwap.beforeSwap(() -> {
            WorkoutEvents.send(List.of(
                    WorkoutEvents.set(meanwhile, "m1", "s1", Exercises.TOWEL_CURL, 9, null, null, null, "2027-01-06T10:00", "UTC"),
                    WorkoutEvents.set(meanwhile, "m2", "s1", Exercises.TOWEL_CURL, 11, null, null, null, "2027-01-06T10:05", "UTC")));
            awaitEventsApplied(meanwhile, 2);
        });
        String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202)
                .body("state", equalTo("RUNNING")).body("id", notNullValue())
                .extract().header("Location");
        // Queries keep answering from the live tables.
        assertThat(answers(bulk)).isEqualTo(bulkBefore);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(asAdmin().get(location).then().statusCode(200).extract().path("state")));
        HeldTableSwap.beforeSwap(null);
        asAdmin().get(location).then().statusCode(200)
                .body("state", equalTo("SUCCEEDED"))
                .body("caughtUpEvents", equalTo(2))
                .body("finishedAt", notNullValue());
        asAdmin().get("/api/admin/rebuild/status").then().statusCode(200).body("state", equalTo("SUCCEEDED"));

        assertThat(answers(ana)).isEqualTo(anaBefore);
        assertThat(answers(bulk)).isEqualTo(bulkBefore);
        as(meanwhile).get("/api/users/{u}/summary", meanwhile).then()
                .body("eventsApplied", equalTo(2)).body("allTime.sets", equalTo(2)).body("allTime.reps", equalTo(20));

        // A second rebuild over the rebuilt tables changes nothing either.
        String again = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "SUCCEEDED".equals(asAdmin().get(again).then().extract().path("state")));
        assertThat(answers(ana)).isEqualTo(anaBefore);
        assertThat(answers(bulk)).isEqualTo(bulkBefore);
        as(meanwhile).get("/api/users/{u}/summary", meanwhile).then().body("allTime.sets", equalTo(2));
    }

    /**
     * One user on both sides of the replay's end: four events replayed, three applied live meanwhile and carried
     * over, with a retraction on each side of its set (a replayed set retracted by a carried-over retraction, a
     * carried-over set whose retraction was replayed). After the swap the summary and the rollup rows must be
     * exactly what the whole log says, as they were before the rebuild.
     */
    @Test
    void aUserWithReplayedAndCarriedOverEventsAndFlippedRetractionsHasExactTotalsAfterTheSwap() throws Exception {
        String mia = newUser("rebuild-mixed");
        String lisbon = "Europe/Lisbon";
        // Replayed: p1 and p2 count; p3 is retracted by x-p3, which arrives during the rebuild; x-c1 retracts c1,
        // which arrives during the rebuild.
        WorkoutEvents.send(List.of(
                set(mia, "p1", "s1", Exercises.CALF_RAISE, 10, "20.5", "2027-01-04T07:00", "UTC"),
                set(mia, "p2", "s1", Exercises.TOWEL_CURL, 12, null, "2027-01-04T07:05", "UTC"),
                set(mia, "p3", "s2", Exercises.CALF_RAISE, 8, "30", "2027-01-05T07:00", "UTC"),
                WorkoutEvents.retraction(mia, "x-c1", "c1", "s2", WorkoutEvents.at("2027-01-05T07:30", "UTC"))));
        awaitEventsApplied(mia, 4);
        List<ProducerRecord<String, String>> meanwhile = List.of(
                set(mia, "c1", "s2", Exercises.CALF_RAISE, 9, "30", "2027-01-05T07:10", "UTC"),
                WorkoutEvents.retraction(mia, "x-p3", "p3", "s2", WorkoutEvents.at("2027-01-06T08:00", "UTC")),
                set(mia, "c2", "s3", Exercises.TOWEL_CURL, 15, null, "2027-01-06T07:00", lisbon));
        HeldTableSwap.beforeSwap(() -> {
            WorkoutEvents.send(meanwhile);
            awaitEventsApplied(mia, 7);
        });
        try {
            String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !"RUNNING".equals(asAdmin().get(location).then().extract().path("state")));
            asAdmin().get(location).then().body("state", equalTo("SUCCEEDED")).body("caughtUpEvents", equalTo(3));
        } finally {
            HeldTableSwap.beforeSwap(null);
        }

        // p1 (10 × 20.5 kg), p2 (12) and c2 (15) count: 37 reps, 205 kg, sessions s1 and s3 on the 4th and the 6th.
        as(mia).get("/api/users/{u}/summary?asOf=2027-01-06", mia).then().statusCode(200)
                .body("timezone", equalTo(lisbon))
                .body("eventsApplied", equalTo(7))
                .body("lastEventAt", equalTo("2027-01-06T08:00:00Z"))
                .body("lastActiveDate", equalTo("2027-01-06"))
                .body("allTime.sets", equalTo(3)).body("allTime.sessions", equalTo(2))
                .body("allTime.reps", equalTo(37)).body("allTime.holdSeconds", equalTo(0))
                .body("allTime.loadVolumeKg", equalTo(205.0)).body("allTime.activeDays", equalTo(2))
                .body("thisWeek.week", equalTo("2027-W01"))
                .body("thisWeek.sets", equalTo(3)).body("thisWeek.reps", equalTo(37));
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword())) {
            assertThat(rows(db, "SELECT events_applied, last_event_at, latest_set_completed_at, latest_set_id, latest_timezone"
                    + " FROM user_totals WHERE user_id = ?", mia))
                    .containsExactly(List.of("7", "2027-01-06 08:00:00+00", "2027-01-06 07:00:00+00",
                            WorkoutEvents.id(mia, "c2").toString(), lisbon));
            // Every set of s2 is retracted: s2 counts nowhere (a row for it, if any, is all zeros).
            assertThat(rows(db, "SELECT local_date, session_id, sets, reps, hold_seconds, round(load_volume_kg, 2)"
                    + " FROM session_day_totals WHERE user_id = ? AND (sets, reps, hold_seconds, load_volume_kg) <> (0, 0, 0, 0)"
                    + " ORDER BY local_date", mia))
                    .containsExactly(
                            List.of("2027-01-04", WorkoutEvents.id(mia, "session:s1").toString(), "2", "22", "0", "205.00"),
                            List.of("2027-01-06", WorkoutEvents.id(mia, "session:s3").toString(), "1", "15", "0", "0.00"));
        }
    }

    private static ProducerRecord<String, String> set(String user, String label, String session, Exercises exercise,
            int reps, String loadKg, String localDateTime, String zone) {
        return WorkoutEvents.set(user, label, session, exercise, reps, null, loadKg, exercise.unilateral() ? "LEFT" : null,
                localDateTime, zone);
    }

    /** The rows of a query with one text parameter, each column as PostgreSQL prints it (UTC). */
    private static List<List<String>> rows(Connection db, String query, String parameter) throws SQLException {
        try (Statement utc = db.createStatement()) {
            utc.execute("SET TIME ZONE 'UTC'");
        }
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(query)) {
            select.setString(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Test
    void sharesAndGoalsSurviveARebuildAndTheViewerStillReads() {
        String athlete = newUser("rebuild-sharer");
        String coach = newUser("rebuild-coach");
        WorkoutEvents.send(WorkoutEvents.set(athlete, "r1", "s1", Exercises.TOWEL_CURL, 8, null, null, null,
                "2027-01-06T07:00", "UTC"));
        awaitEventsApplied(athlete, 1);
        as(athlete).put("/api/users/{u}/viewers/{v}", athlete, coach).then().statusCode(204);
        as(athlete).contentType("application/json").body("{\"activeDaysPerWeek\":2}").put("/api/users/{u}/goals", athlete)
                .then().statusCode(200);
        String viewersBefore = as(athlete).get("/api/users/{u}/viewers", athlete).then().extract().asString();

        String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(asAdmin().get(location).then().extract().path("state")));
        asAdmin().get(location).then().body("state", equalTo("SUCCEEDED"));

        as(coach).get("/api/users/{u}/summary", athlete).then().statusCode(200)
                .body("allTime.reps", equalTo(8)).body("weeklyStreak.goal", equalTo(2));
        as(coach).get("/api/me/athletes").then().body("athletes.userId", equalTo(List.of(athlete)));
        assertThat(as(athlete).get("/api/users/{u}/viewers", athlete).then().extract().asString()).isEqualTo(viewersBefore);
    }

    @Test
    void guidanceAndAdherenceAreTheSameAfterARebuild() throws Exception {
        dev.footing.stats.support.CatalogSnapshots.publishCurbJumpsAndRunners();
        java.util.UUID runners = dev.footing.stats.support.CatalogSnapshots.RUNNERS;
        String athlete = newUser("rebuild-guided");
        List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> log = new java.util.ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            log.add(WorkoutEvents.with(WorkoutEvents.set(athlete, "j" + day, "s" + day, Exercises.CURB_JUMP, 25, null, null, null,
                    "2026-12-%02dT07:00".formatted(day * 7), "UTC"), day == 4 ? 7 : 2, runners));
        }
        log.add(WorkoutEvents.with(WorkoutEvents.set(athlete, "l5", "s5", Exercises.CURB_JUMP_ONE_LEG, 20, null, null, "LEFT",
                "2027-01-05T07:00", "UTC"), 6, null));
        log.add(WorkoutEvents.with(WorkoutEvents.sessionCompleted(athlete, "s5", WorkoutEvents.at("2027-01-05T07:30", "UTC"),
                "UTC"), null, runners));
        WorkoutEvents.send(log);
        awaitEventsApplied(athlete, log.size());
        as(athlete).contentType("application/json").body("{}").put("/api/users/{u}/programs/{p}", athlete,
                dev.footing.stats.support.CatalogSnapshots.RUNNERS_SLUG).then().statusCode(200);
        List<String> paths = List.of("guidance", "guidance/" + Exercises.CURB_JUMP.slug(), "programs",
                "adherence?from=2026-11-30&to=2027-01-10");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : paths) {
            before.put(path, as(athlete).get("/api/users/{u}/" + path, athlete).then().statusCode(200).extract().asString());
        }
        assertThat(before.get("guidance")).contains("\"decision\":\"HOLD\"").contains("PAIN_ABOVE_FIVE");
        assertThat(before.get("adherence?from=2026-11-30&to=2027-01-10")).contains("\"weeklyStreak\":5");

        // Only a replay of the topic can bring back the pain, the programs and the sets.
        try (Connection db = DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
                PreparedStatement sets = db.prepareStatement("DELETE FROM set_fact WHERE user_id = ?");
                PreparedStatement sessions = db.prepareStatement("DELETE FROM session_completion WHERE user_id = ?")) {
            sets.setString(1, athlete);
            sessions.setString(1, athlete);
            assertThat(sets.executeUpdate()).isEqualTo(5);
            assertThat(sessions.executeUpdate()).isEqualTo(1);
        }
        as(athlete).get("/api/users/{u}/guidance", athlete).then().body("items.size()", equalTo(0));

        String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(asAdmin().get(location).then().extract().path("state")));
        asAdmin().get(location).then().body("state", equalTo("SUCCEEDED"));

        for (String path : paths) {
            assertThat(as(athlete).get("/api/users/{u}/" + path, athlete).then().statusCode(200).extract().asString())
                    .as(path).isEqualTo(before.get(path));
        }
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflict() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HeldTableSwap.beforeSwap(() -> {
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
            asAdmin().post("/api/admin/rebuild").then().statusCode(409).contentType("application/problem+json")
                    .body("status", equalTo(409));
            release.countDown();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "SUCCEEDED".equals(asAdmin().get(location).then().extract().path("state")));
        } finally {
            release.countDown();
            HeldTableSwap.beforeSwap(null);
        }
    }

    @Test
    void unknownRebuildIsNotFound() {
        asAdmin().get("/api/admin/rebuild/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/admin/rebuild/{id}", "nope").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
    }

    private static Map<String, String> answers(String user) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : PATHS) {
            answers.put(path, as(user).get("/api/users/{u}/" + path, user).then().statusCode(200).extract().asString());
        }
        return answers;
    }
}
