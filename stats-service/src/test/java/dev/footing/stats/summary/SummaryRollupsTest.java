package dev.footing.stats.summary;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.Callers.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The summary is read from rollups kept by the apply statement (facts/Rollups): after everything that can
 * happen to a user's events it must still say what their facts say, and the migration that introduced the
 * rollups must fill them as the apply path would have.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class SummaryRollupsTest extends StatsTest {

    private static final String NEW_YORK = "America/New_York";
    private static final String BERLIN = "Europe/Berlin";
    private static final String TOKYO = "Asia/Tokyo";

    /**
     * Ana's log over two ISO weeks, in three zones: a late retraction that arrives before its set, a session
     * from 23:50 to 00:15 (two local dates), a retraction, redeliveries, a session completed. Events applied:
     * 9 sets, 2 retractions, 1 completion.
     */
    private static void sendAnasLog(String ana) {
        // The retraction of a set that arrives later (a late sync): that set never counts.
        WorkoutEvents.send(WorkoutEvents.retraction(ana, "x-e1", "e1", "s3", WorkoutEvents.at("2027-01-08T08:30", BERLIN)));
        awaitEventsApplied(ana, 1);
        ProducerRecord<String, String> a1 = set(ana, "a1", "s1", Exercises.CALF_RAISE, 12, null, "20.5", "2027-01-04T18:00", NEW_YORK);
        ProducerRecord<String, String> retractB3 = WorkoutEvents.retraction(ana, "x-b3", "b3", "s2",
                WorkoutEvents.at("2027-01-06T00:20", NEW_YORK));
        WorkoutEvents.send(List.of(
                set(ana, "d1", "s0", Exercises.TOWEL_CURL, 5, null, null, "2026-12-30T07:00", NEW_YORK),
                a1,
                set(ana, "a2", "s1", Exercises.CALF_RAISE, 10, null, "20.5", "2027-01-04T18:05", NEW_YORK),
                set(ana, "a3", "s1", Exercises.TOWEL_CURL, 15, null, null, "2027-01-04T18:10", NEW_YORK),
                set(ana, "b1", "s2", Exercises.WALL_STRETCH, null, 45, null, "2027-01-05T23:50", NEW_YORK),
                set(ana, "b2", "s2", Exercises.CALF_RAISE, 8, null, "22.25", "2027-01-06T00:10", NEW_YORK),
                set(ana, "b3", "s2", Exercises.CALF_RAISE, 9, null, "22.25", "2027-01-06T00:15", NEW_YORK),
                retractB3));
        awaitEventsApplied(ana, 9);
        // Redelivered events change nothing; the session's completion after them shows they were consumed.
        WorkoutEvents.send(List.of(a1, retractB3,
                WorkoutEvents.sessionCompleted(ana, "s2", WorkoutEvents.at("2027-01-06T00:30", NEW_YORK), NEW_YORK)));
        awaitEventsApplied(ana, 10);
        WorkoutEvents.send(List.of(
                set(ana, "c1", "s3", Exercises.TOWEL_CURL, 20, null, null, "2027-01-08T07:00", BERLIN),
                set(ana, "e1", "s3", Exercises.TOWEL_CURL, 30, null, null, "2027-01-08T07:05", BERLIN)));
        awaitEventsApplied(ana, 12);
    }

    private static ProducerRecord<String, String> set(String user, String label, String session, Exercises exercise,
            Integer reps, Integer seconds, String loadKg, String localDateTime, String zone) {
        return WorkoutEvents.set(user, label, session, exercise, reps, seconds, loadKg,
                exercise.unilateral() ? "LEFT" : null, localDateTime, zone);
    }

    @Test
    void theSummaryCountsWhatTheFactsSayAfterRetractionsRedeliveriesMidnightZonesAndARebuild() throws Exception {
        String ana = newUser("rollup-ana");
        String kenji = newUser("rollup-kenji");
        sendAnasLog(ana);
        // 07:00 in Tokyo on the 4th is still the 3rd in UTC: his day is Tokyo's.
        WorkoutEvents.send(set(kenji, "k1", "k-s1", Exercises.TOWEL_CURL, 7, null, null, "2027-01-04T07:00", TOKYO));
        awaitEventsApplied(kenji, 1);

        String before = assertAnasSummary(ana);
        as(kenji).get("/api/users/{u}/summary?asOf=2027-01-04", kenji).then().statusCode(200)
                .body("timezone", equalTo(TOKYO)).body("lastActiveDate", equalTo("2027-01-04"))
                .body("allTime.sets", equalTo(1)).body("allTime.activeDays", equalTo(1))
                .body("thisWeek.sets", equalTo(1)).body("thisWeek.reps", equalTo(7));
        assertMatchesTheFacts(ana);
        assertMatchesTheFacts(kenji);

        String location = asAdmin().post("/api/admin/rebuild").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> !"RUNNING".equals(asAdmin().get(location).then().extract().path("state")));
        asAdmin().get(location).then().body("state", equalTo("SUCCEEDED"));

        assertThat(assertAnasSummary(ana)).isEqualTo(before);
        assertMatchesTheFacts(ana);
        assertMatchesTheFacts(kenji);
        // The streaks endpoint reads the rollups too.
        as(ana).get("/api/users/{u}/streaks?asOf=2027-01-08", ana).then().statusCode(200)
                .body("timezone", equalTo(BERLIN)).body("daily.longest", equalTo(3));
    }

    /** The numbers Ana sees, worked out by hand; returns the whole answer. */
    private static String assertAnasSummary(String ana) {
        return as(ana).get("/api/users/{u}/summary?asOf=2027-01-08", ana).then().statusCode(200)
                .body("timezone", equalTo(BERLIN))
                .body("eventsApplied", equalTo(12))
                .body("lastEventAt", equalTo("2027-01-08T07:30:00Z"))
                .body("lastActiveDate", equalTo("2027-01-08"))
                // d1, a1, a2, a3, b1, b2, c1: b3 and e1 are retracted.
                .body("allTime.sets", equalTo(7)).body("allTime.sessions", equalTo(4))
                .body("allTime.reps", equalTo(70)).body("allTime.holdSeconds", equalTo(45))
                .body("allTime.loadVolumeKg", equalTo(629.0)).body("allTime.activeDays", equalTo(5))
                // Week 2027-W01, Monday the 4th to Sunday the 10th: all but d1; s2 is on the 5th and the 6th.
                .body("thisWeek.week", equalTo("2027-W01"))
                .body("thisWeek.sets", equalTo(6)).body("thisWeek.sessions", equalTo(3))
                .body("thisWeek.reps", equalTo(65)).body("thisWeek.loadVolumeKg", equalTo(629.0))
                .body("thisWeek.activeDays", equalTo(4))
                .body("dailyStreak.current", equalTo(1)).body("dailyStreak.longest", equalTo(3))
                .extract().asString();
    }

    /** The summary's totals and counts against the same aggregates over the user's facts, as they used to be read. */
    private static void assertMatchesTheFacts(String user) throws SQLException {
        try (Connection db = database();
                PreparedStatement facts = db.prepareStatement("SELECT " + Totals.aggregates("s")
                        + ", (SELECT count(*) FROM applied_event a WHERE a.user_id = ?)"
                        + " FROM set_fact s WHERE s.user_id = ? AND NOT s.retracted")) {
            facts.setString(1, user);
            facts.setString(2, user);
            try (ResultSet rs = facts.executeQuery()) {
                rs.next();
                Totals allTime = Totals.read(rs, 1);
                as(user).get("/api/users/{u}/summary", user).then()
                        .body("eventsApplied", equalTo((int) rs.getLong(7)))
                        .body("allTime.sets", equalTo((int) allTime.sets()))
                        .body("allTime.sessions", equalTo((int) allTime.sessions()))
                        .body("allTime.reps", equalTo((int) allTime.reps()))
                        .body("allTime.holdSeconds", equalTo((int) allTime.holdSeconds()))
                        .body("allTime.loadVolumeKg", equalTo(allTime.loadVolumeKg()))
                        .body("allTime.activeDays", equalTo((int) allTime.activeDays()));
            }
        }
    }

    @Test
    void theMigrationFillsTheRollupsOfExistingFactsAsTheApplyPathKeepsThem() throws Exception {
        String ana = newUser("rollup-migrated");
        sendAnasLog(ana);
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                // Nothing is applied meanwhile (the order of a rebuild's swap: no deadlock with a writer).
                statement.execute("LOCK TABLE applied_event, set_fact, set_retraction, session_completion, user_totals,"
                        + " session_day_totals IN SHARE MODE");
                // The week of 2027-01-04 and the one before, as a summary read near a Monday asks for two.
                LocalDate monday = LocalDate.parse("2027-01-04");
                SummaryFacts kept = SummaryQueries.facts(db, List.of(ana), monday.minusWeeks(1), monday).get(ana);
                statement.execute("CREATE TEMP TABLE kept_user_totals ON COMMIT DROP AS SELECT * FROM user_totals");
                statement.execute("CREATE TEMP TABLE kept_day_totals ON COMMIT DROP AS"
                        + " SELECT * FROM session_day_totals WHERE sets > 0");

                // As if the deployment had facts from before the rollups: the migration as Flyway runs it.
                statement.execute("DROP TABLE user_totals, session_day_totals");
                statement.execute(migration());

                assertThat(SummaryQueries.facts(db, List.of(ana), monday.minusWeeks(1), monday).get(ana)).isEqualTo(kept);
                assertThat(kept.allTime().sets()).isEqualTo(7);
                assertThat(kept.weeks().get(monday).sets()).isPositive();
                // Every user the tests wrote so far, row by row (a row whose sets were all retracted is not made).
                assertThat(count(statement, "SELECT * FROM kept_user_totals EXCEPT SELECT * FROM user_totals")).isZero();
                assertThat(count(statement, "SELECT * FROM user_totals EXCEPT SELECT * FROM kept_user_totals")).isZero();
                assertThat(count(statement, "SELECT * FROM kept_day_totals EXCEPT SELECT * FROM session_day_totals")).isZero();
                assertThat(count(statement, "SELECT * FROM session_day_totals EXCEPT SELECT * FROM kept_day_totals")).isZero();
                assertThat(count(statement, "SELECT * FROM session_day_totals")).isPositive();
            } finally {
                db.rollback();
            }
        }
        as(ana).get("/api/users/{u}/summary?asOf=2027-01-08", ana).then().body("allTime.sets", equalTo(7));
    }

    private static long count(Statement statement, String query) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM (" + query + ") q")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String migration() throws IOException {
        try (InputStream in = SummaryRollupsTest.class.getResourceAsStream("/db/migration/V4__summary_rollups.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.jdbcUrl("stats"), TestInfrastructure.dbUser(),
                TestInfrastructure.dbPassword());
    }
}
