package dev.footing.stats.summary;

import static dev.footing.stats.support.Callers.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * "This week" on the day the weeks turn over somewhere on Earth. The summary's one statement totals the two
 * weeks a user's today can fall in (today at UTC-18 and at UTC+18) before it knows the user's zone, and the
 * service keeps the one the zone says. The other tests run on a Thursday, when both are the same week; here
 * "now" is Sunday 2027-01-10 12:00 UTC, already Monday 2027-01-11 in Kiritimati (UTC+14).
 */
@QuarkusTest
@TestProfile(WeekBoundaryTest.SundayNoonUtc.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class WeekBoundaryTest extends StatsTest {

    private static final String KIRITIMATI = "Pacific/Kiritimati";

    public static class SundayNoonUtc implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.clock.fixed-instant", "2027-01-10T12:00:00Z");
        }
    }

    @Test
    void eachUserGetsTheWeekTheirOwnTodayFallsIn() {
        String london = newUser("week-utc");
        String kiri = newUser("week-kiri");
        // London: Monday the 4th and Sunday the 10th, one week. Kiritimati: Saturday the 9th (last week) and
        // Monday the 11th 01:00 local (10th 11:00 UTC, an hour before "now"), this week.
        WorkoutEvents.send(List.of(
                WorkoutEvents.set(london, "l1", "ls1", Exercises.TOWEL_CURL, 10, null, null, null, "2027-01-04T09:00", "UTC"),
                WorkoutEvents.set(london, "l2", "ls2", Exercises.TOWEL_CURL, 12, null, null, null, "2027-01-10T09:00", "UTC"),
                WorkoutEvents.set(kiri, "k1", "ks1", Exercises.TOWEL_CURL, 7, null, null, null, "2027-01-09T10:00", KIRITIMATI),
                WorkoutEvents.set(kiri, "k2", "ks2", Exercises.TOWEL_CURL, 9, null, null, null, "2027-01-11T01:00", KIRITIMATI)));
        awaitEventsApplied(london, 2);
        awaitEventsApplied(kiri, 2);

        as(london).get("/api/users/{u}/summary", london).then().statusCode(200)
                .body("asOf", equalTo("2027-01-10")).body("thisWeek.from", equalTo("2027-01-04"))
                .body("thisWeek.sets", equalTo(2)).body("thisWeek.reps", equalTo(22))
                .body("allTime.sets", equalTo(2));
        as(kiri).get("/api/users/{u}/summary", kiri).then().statusCode(200)
                .body("asOf", equalTo("2027-01-11")).body("timezone", equalTo(KIRITIMATI))
                .body("thisWeek.from", equalTo("2027-01-11"))
                .body("thisWeek.sets", equalTo(1)).body("thisWeek.reps", equalTo(9))
                .body("allTime.sets", equalTo(2)).body("allTime.reps", equalTo(16));
    }
}
