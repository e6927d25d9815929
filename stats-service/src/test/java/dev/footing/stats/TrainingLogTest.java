package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.facts.Totals;
import dev.footing.stats.summary.Summary;
import dev.footing.stats.summary.SummaryService;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.TrainingLog;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every number of a realistic user, computed by hand (see {@link TrainingLog}). "Now" is pinned to
 * 2027-01-07T12:00Z, which is already Friday 2027-01-08 01:00 in Auckland, the user's zone.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class TrainingLogTest extends StatsTest {

    private static String ana;

    @Inject
    SummaryService summaries;

    private static synchronized String ana() {
        if (ana == null) {
            String user = newUser("ana");
            List<ProducerRecord<String, String>> log = new ArrayList<>(TrainingLog.of(user));
            // Redeliveries: the same events again, they must change nothing.
            log.add(log.get(2));
            log.add(log.get(17));
            log.add(log.get(16));
            WorkoutEvents.send(log);
            awaitEventsApplied(user, TrainingLog.EVENTS);
            ana = user;
        }
        return ana;
    }

    @Test
    void summaryHasEveryTotalAsComputedByHand() {
        as(ana()).get("/api/users/{u}/summary", ana()).then().statusCode(200)
                .body("asOf", equalTo("2027-01-08"))
                .body("timezone", equalTo("Pacific/Auckland"))
                .body("eventsApplied", equalTo(28))
                .body("lastEventAt", equalTo("2027-01-07T11:50:00Z"))
                .body("lastActiveDate", equalTo("2027-01-08"))
                .body("allTime.sessions", equalTo(9))
                .body("allTime.sets", equalTo(14))
                .body("allTime.reps", equalTo(118))
                .body("allTime.holdSeconds", equalTo(145))
                .body("allTime.loadVolumeKg", equalTo(570.0))
                .body("allTime.activeDays", equalTo(9))
                .body("thisWeek.week", equalTo("2027-W01"))
                .body("thisWeek.from", equalTo("2027-01-04"))
                .body("thisWeek.to", equalTo("2027-01-10"))
                .body("thisWeek.sessions", equalTo(4))
                .body("thisWeek.sets", equalTo(5))
                .body("thisWeek.reps", equalTo(26))
                .body("thisWeek.holdSeconds", equalTo(85))
                .body("thisWeek.loadVolumeKg", equalTo(350.0))
                .body("thisWeek.activeDays", equalTo(4))
                .body("dailyStreak.current", equalTo(4))
                .body("dailyStreak.currentFrom", equalTo("2027-01-05"))
                .body("dailyStreak.currentTo", equalTo("2027-01-08"))
                .body("dailyStreak.longest", equalTo(4))
                .body("weeklyStreak.goal", equalTo(1))
                .body("weeklyStreak.current", equalTo(2))
                .body("weeklyStreak.currentFromWeek", equalTo("2026-W53"))
                .body("weeklyStreak.thisWeekActiveDays", equalTo(4));
    }

    @Test
    void summaryAsOfAPastDateUsesThatWeekAndThatDaysStreak() {
        as(ana()).get("/api/users/{u}/summary?asOf=2026-12-31", ana()).then().statusCode(200)
                .body("asOf", equalTo("2026-12-31"))
                .body("allTime.sets", equalTo(14))
                .body("thisWeek.week", equalTo("2026-W53"))
                .body("thisWeek.from", equalTo("2026-12-28"))
                .body("thisWeek.to", equalTo("2027-01-03"))
                .body("thisWeek.sessions", equalTo(4))
                .body("thisWeek.sets", equalTo(8))
                .body("thisWeek.reps", equalTo(82))
                .body("thisWeek.holdSeconds", equalTo(60))
                .body("thisWeek.loadVolumeKg", equalTo(220.0))
                .body("thisWeek.activeDays", equalTo(4))
                .body("lastActiveDate", equalTo("2026-12-31"))
                .body("dailyStreak.current", equalTo(1))
                .body("dailyStreak.longest", equalTo(1))
                .body("dailyStreak.longestFrom", equalTo("2026-12-31"))
                .body("weeklyStreak.thisWeekActiveDays", equalTo(2));
    }

    @Test
    void retractedSetBreaksTheRunItWouldHaveExtended() {
        // 2027-01-03 had only S11, retracted: on Monday 01-04 the run 12-31..01-02 is over.
        as(ana()).get("/api/users/{u}/streaks?asOf=2027-01-04", ana()).then().statusCode(200)
                .body("daily.current", equalTo(0))
                .body("daily.longest", equalTo(3))
                .body("daily.longestFrom", equalTo("2026-12-31"))
                .body("daily.longestTo", equalTo("2027-01-02"));
        // On Sunday 01-03 itself, yesterday keeps it alive.
        as(ana()).get("/api/users/{u}/streaks?asOf=2027-01-03", ana()).then().statusCode(200)
                .body("daily.current", equalTo(3))
                .body("daily.currentTo", equalTo("2027-01-02"));
        // Far in the future: broken, the longest stays.
        as(ana()).get("/api/users/{u}/streaks?asOf=2027-03-01", ana()).then().statusCode(200)
                .body("daily.current", equalTo(0))
                .body("daily.longest", equalTo(4))
                .body("daily.longestFrom", equalTo("2027-01-05"))
                .body("daily.longestTo", equalTo("2027-01-08"))
                .body("weekly.current", equalTo(0))
                .body("weekly.longest", equalTo(2))
                .body("weekly.longestFromWeek", equalTo("2026-W53"))
                .body("weekly.longestToWeek", equalTo("2027-W01"));
    }

    @Test
    void weeklyStreakFollowsTheGoal() {
        String user = newUser("goal");
        List<ProducerRecord<String, String>> log = TrainingLog.of(user);
        WorkoutEvents.send(log);
        awaitEventsApplied(user, TrainingLog.EVENTS);
        as(user).get("/api/users/{u}/goals", user).then().statusCode(200).body("activeDaysPerWeek", equalTo(1));
        as(user).contentType("application/json").body("{\"activeDaysPerWeek\":4}")
                .put("/api/users/{u}/goals", user).then().statusCode(200).body("activeDaysPerWeek", equalTo(4));
        // W53 and W01 both have 4 active days.
        as(user).get("/api/users/{u}/streaks", user).then().statusCode(200)
                .body("weekly.goal", equalTo(4)).body("weekly.current", equalTo(2)).body("weekly.thisWeekMet", equalTo(true));
        as(user).contentType("application/json").body("{\"activeDaysPerWeek\":5}")
                .put("/api/users/{u}/goals", user).then().statusCode(200);
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("weeklyStreak.goal", equalTo(5)).body("weeklyStreak.current", equalTo(0))
                .body("weeklyStreak.thisWeekMet", equalTo(false)).body("weeklyStreak.longest", equalTo(0));
    }

    @Test
    void volumeByWeekAndBodyAreaCountsASetInEachOfItsAreas() {
        as(ana()).get("/api/users/{u}/volume?from=2026-12-28&to=2027-01-10&bucket=week&groupBy=bodyArea", ana())
                .then().statusCode(200)
                .body("bucket", equalTo("week"))
                .body("groupBy", equalTo("bodyArea"))
                .body("series.key", contains("ACHILLES", "CALF", "FOOT_ARCH", "TOES"))
                .body("series[0].points.bucket", contains("2026-W53", "2027-W01"))
                .body("series[0].points.sets", contains(4, 3))
                .body("series[0].points.reps", contains(52, 26))
                .body("series[0].points.loadVolumeKg", contains(220.0, 350.0))
                .body("series[1].points.sets", contains(6, 5))
                .body("series[1].points.holdSeconds", contains(60, 85))
                .body("series[1].points.loadVolumeKg", contains(220.0, 350.0))
                .body("series[2].points.sets", contains(2, 0))
                .body("series[2].points.reps", contains(30, 0))
                .body("series[3].points.reps", contains(30, 0));
    }

    @Test
    void volumeByDayHasEveryDayOfTheRange() {
        as(ana()).get("/api/users/{u}/volume?from=2026-12-29&to=2026-12-31&bucket=day", ana()).then().statusCode(200)
                .body("groupBy", equalTo("none"))
                .body("series", hasSize(1))
                .body("series[0].key", equalTo("all"))
                .body("series[0].points.bucket", contains("2026-12-29", "2026-12-30", "2026-12-31"))
                .body("series[0].points.sets", contains(4, 0, 1))
                .body("series[0].points.reps", contains(22, 0, 20))
                .body("series[0].points.holdSeconds", contains(60, 0, 0))
                .body("series[0].points.loadVolumeKg", contains(220.0, 0.0, 0.0));
    }

    @Test
    void volumeByMonthAndSide() {
        as(ana()).get("/api/users/{u}/volume?from=2026-11-01&to=2027-01-31&bucket=month&groupBy=side", ana())
                .then().statusCode(200)
                .body("series.key", contains("LEFT", "NONE", "RIGHT"))
                .body("series[0].points.bucket", contains("2026-11", "2026-12", "2027-01"))
                .body("series[0].points.sets", contains(0, 2, 4))
                .body("series[0].points.reps", contains(0, 12, 33))
                .body("series[0].points.holdSeconds", contains(0, 30, 45))
                .body("series[0].points.loadVolumeKg", contains(0.0, 120.0, 210.0))
                .body("series[1].points.sets", contains(1, 1, 1))
                .body("series[1].points.reps", contains(10, 20, 10))
                .body("series[2].points.sets", contains(0, 2, 3))
                .body("series[2].points.reps", contains(0, 10, 23))
                .body("series[2].points.holdSeconds", contains(0, 30, 40))
                .body("series[2].points.loadVolumeKg", contains(0.0, 100.0, 140.0));
    }

    @Test
    void volumeByExerciseAndCategory() {
        as(ana()).get("/api/users/{u}/volume?from=2026-12-28&to=2027-01-10&bucket=week&groupBy=exercise", ana())
                .then().statusCode(200)
                .body("series.label", contains("Calf wall stretch", "Single-leg calf raise", "Towel toe curl"))
                .body("series.key", contains(Exercises.WALL_STRETCH.id().toString(), Exercises.CALF_RAISE.id().toString(),
                        Exercises.TOWEL_CURL.id().toString()))
                .body("series[1].points.sets", contains(4, 3))
                .body("series[1].points.reps", contains(52, 26));
        as(ana()).get("/api/users/{u}/volume?from=2026-12-28&to=2027-01-10&bucket=week&groupBy=category", ana())
                .then().statusCode(200)
                .body("series.key", contains("STRENGTH", "STRETCH"))
                .body("series[0].points.sets", contains(6, 3))
                .body("series[1].points.holdSeconds", contains(60, 85));
    }

    @Test
    void calendarHasEveryDayAndOnlyCountedSetsMakeItActive() {
        as(ana()).get("/api/users/{u}/calendar?from=2026-12-28&to=2027-01-10", ana()).then().statusCode(200)
                .body("activeDays", equalTo(8))
                .body("days", hasSize(14))
                .body("days.findAll { it.active }.date", contains("2026-12-29", "2026-12-31", "2027-01-01",
                        "2027-01-02", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"))
                .body("days[1].sets", equalTo(4))
                .body("days[1].sessions", equalTo(1))
                .body("days[6].date", equalTo("2027-01-03"))
                .body("days[6].active", equalTo(false))
                .body("days[6].sets", equalTo(0));
    }

    @Test
    void personalRecordsNameTheSetThatMadeThem() {
        String u = ana();
        as(u).get("/api/users/{u}/records", u).then().statusCode(200)
                .body("exercises.exercise.name", contains("Calf wall stretch", "Single-leg calf raise", "Towel toe curl"))
                .body("exercises[0].longestHoldSeconds.value", equalTo(45))
                .body("exercises[0].longestHoldSeconds.setId", equalTo(WorkoutEvents.id(u, "S10").toString()))
                .body("exercises[0].longestHoldSeconds.date", equalTo("2027-01-06"))
                .body("exercises[0].mostReps", nullValue())
                .body("exercises[0].heaviestLoadKg", nullValue())
                // 15 reps twice on 01-01: the left side came first.
                .body("exercises[1].mostReps.value", equalTo(15))
                .body("exercises[1].mostReps.setId", equalTo(WorkoutEvents.id(u, "S6").toString()))
                .body("exercises[1].mostReps.date", equalTo("2027-01-01"))
                .body("exercises[1].heaviestLoadKg.value", equalTo(20.0))
                .body("exercises[1].heaviestLoadKg.setId", equalTo(WorkoutEvents.id(u, "S8").toString()))
                .body("exercises[1].largestLoadVolumeKg.value", equalTo(160.0))
                .body("exercises[1].largestLoadVolumeKg.date", equalTo("2027-01-05"))
                .body("exercises[1].longestHoldSeconds", nullValue())
                // 25 (S11) and 30 (S14) reps were retracted.
                .body("exercises[2].mostReps.value", equalTo(20))
                .body("exercises[2].mostReps.setId", equalTo(WorkoutEvents.id(u, "S5").toString()))
                .body("exercises[2].heaviestLoadKg", nullValue());
    }

    @Test
    void leftRightBalanceOfUnilateralExercises() {
        as(ana()).get("/api/users/{u}/balance", ana()).then().statusCode(200)
                .body("exercises.exercise.slug", contains("calf-wall-stretch", "single-leg-calf-raise"))
                .body("exercises[0].unit", equalTo("seconds"))
                .body("exercises[0].left.sets", equalTo(2))
                .body("exercises[0].left.volume", equalTo(75))
                .body("exercises[0].right.volume", equalTo(70))
                .body("exercises[0].asymmetry", closeTo(5.0 / 75, 1e-9))
                .body("exercises[1].unit", equalTo("reps"))
                .body("exercises[1].left.sets", equalTo(4))
                .body("exercises[1].left.volume", equalTo(45))
                .body("exercises[1].right.sets", equalTo(3))
                .body("exercises[1].right.volume", equalTo(33))
                .body("exercises[1].asymmetry", closeTo(12.0 / 45, 1e-9));
    }

    @Test
    void exerciseProgressHasTotalsRecordsAndHistory() {
        as(ana()).get("/api/users/{u}/exercises/{e}", ana(), Exercises.CALF_RAISE.id()).then().statusCode(200)
                .body("exercise.name", equalTo("Single-leg calf raise"))
                .body("exercise.bodyAreas", contains("CALF", "ACHILLES"))
                .body("totals.sets", equalTo(7))
                .body("totals.sessions", equalTo(4))
                .body("totals.reps", equalTo(78))
                .body("totals.loadVolumeKg", equalTo(570.0))
                .body("totals.activeDays", equalTo(4))
                .body("records.heaviestLoadKg.value", equalTo(20.0))
                .body("history.date", contains("2026-12-29", "2027-01-01", "2027-01-05", "2027-01-08"))
                .body("history.sets", contains(2, 2, 2, 1))
                .body("history.reps", contains(22, 30, 16, 10))
                .body("history.loadVolumeKg", contains(220.0, 0.0, 300.0, 50.0));
    }

    @Test
    void orderOfArrivalChangesNothing() {
        String shuffled = newUser("shuffled");
        List<ProducerRecord<String, String>> log = new ArrayList<>(TrainingLog.of(shuffled));
        Random random = new Random(42);
        for (int i = 0; i < 6; i++) {
            log.add(log.get(random.nextInt(TrainingLog.EVENTS)));
        }
        Collections.shuffle(log, random);
        Collections.reverse(log.subList(0, 10));
        WorkoutEvents.send(log);
        awaitEventsApplied(shuffled, TrainingLog.EVENTS);
        String original = ana();
        for (String path : List.of("summary", "summary?asOf=2027-01-02", "streaks?asOf=2027-01-04", "records", "balance",
                "calendar?from=2026-10-01&to=2027-01-31", "volume?from=2026-10-26&to=2027-01-10&groupBy=bodyArea",
                "volume?from=2026-11-01&to=2027-01-31&bucket=day&groupBy=exercise",
                "exercises/" + Exercises.TOWEL_CURL.id())) {
            assertThat(normalized(shuffled, path)).as(path).isEqualTo(normalized(original, path));
        }
    }

    @Test
    void lateSetBridgesTwoRunsAndItsRetractionSplitsThemAgain() {
        String user = newUser("late");
        String utc = "UTC";
        WorkoutEvents.send(List.of(
                WorkoutEvents.set(user, "a", "s1", Exercises.TOWEL_CURL, 10, null, null, null, "2026-06-01T08:00", utc),
                WorkoutEvents.set(user, "b", "s2", Exercises.TOWEL_CURL, 10, null, null, null, "2026-06-02T08:00", utc),
                WorkoutEvents.set(user, "d", "s4", Exercises.TOWEL_CURL, 10, null, null, null, "2026-06-04T08:00", utc),
                WorkoutEvents.set(user, "e", "s5", Exercises.TOWEL_CURL, 10, null, null, null, "2026-06-05T08:00", utc)));
        awaitEventsApplied(user, 4);
        as(user).get("/api/users/{u}/streaks?asOf=2026-06-05", user).then().body("daily.current", equalTo(2))
                .body("daily.longest", equalTo(2)).body("daily.longestFrom", equalTo("2026-06-04"));
        // An offline phone syncs the set of 06-03 days later.
        WorkoutEvents.send(WorkoutEvents.set(user, "c", "s3", Exercises.TOWEL_CURL, 10, null, null, null,
                "2026-06-03T08:00", utc));
        awaitEventsApplied(user, 5);
        as(user).get("/api/users/{u}/streaks?asOf=2026-06-05", user).then().body("daily.current", equalTo(5))
                .body("daily.currentFrom", equalTo("2026-06-01")).body("daily.longest", equalTo(5));
        WorkoutEvents.send(WorkoutEvents.retraction(user, "rc", "c", "s3", WorkoutEvents.at("2026-06-10T08:00", utc)));
        awaitEventsApplied(user, 6);
        as(user).get("/api/users/{u}/streaks?asOf=2026-06-05", user).then().body("daily.current", equalTo(2))
                .body("daily.longest", equalTo(2));
        as(user).get("/api/users/{u}/summary", user).then().body("allTime.sets", equalTo(4))
                .body("allTime.sessions", equalTo(4)).body("allTime.reps", equalTo(40));
    }

    /** The answer with the user's own ids replaced by labels, so two users with the same log compare equal. */
    private static String normalized(String user, String path) {
        String body = as(user).get("/api/users/{u}/" + path, user).then().statusCode(200).extract().asString();
        for (String label : TrainingLog.SET_LABELS) {
            body = body.replace(WorkoutEvents.id(user, label).toString(), label);
        }
        return body.replace(user, "USER");
    }

    /** A dashboard round reads many users at once: each gets their own numbers, as when read alone. */
    @Test
    void summariesOfSeveralUsersReadAtOnceAreEachTheirOwn() {
        String bob = newUser("bob");
        // Bob trained last week only (2026-W53), in UTC: all-time numbers, nothing this week.
        WorkoutEvents.send(WorkoutEvents.set(bob, "b1", "bs1", Exercises.CALF_RAISE, 9, null, "2.5", "LEFT",
                "2026-12-28T09:00", "UTC"));
        awaitEventsApplied(bob, 1);
        String nobody = newUser("nobody");

        Map<String, Summary> read = summaries.summaries(List.of(ana(), bob, nobody), null);

        assertThat(read).containsOnlyKeys(ana(), bob, nobody);
        assertThat(read.get(ana()).timezone()).isEqualTo("Pacific/Auckland");
        assertThat(read.get(ana()).allTime().sets()).isEqualTo(14);
        assertThat(read.get(ana()).thisWeek().sets()).isEqualTo(5);
        assertThat(read.get(ana()).thisWeek().sessions()).isEqualTo(4);
        assertThat(read.get(bob).timezone()).isEqualTo("UTC");
        assertThat(read.get(bob).allTime().reps()).isEqualTo(9);
        assertThat(read.get(bob).thisWeek().sets()).isZero();
        assertThat(read.get(bob).lastActiveDate()).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(read.get(nobody).eventsApplied()).isZero();
        assertThat(read.get(nobody).timezone()).isEqualTo("UTC");
        assertThat(read.get(nobody).allTime()).isEqualTo(Totals.ZERO);
        for (String user : List.of(ana(), bob, nobody)) {
            assertThat(read.get(user)).isEqualTo(summaries.summaries(List.of(user), null).get(user));
        }
    }
}
