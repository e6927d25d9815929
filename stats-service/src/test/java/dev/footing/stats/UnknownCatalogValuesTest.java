package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Body areas and categories are open lists (docs/architecture.md §4): the catalog may add one before
 * stats knows it, and its sets still count, under the new name, instead of going to the dead letters.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class UnknownCatalogValuesTest extends StatsTest {

    @Test
    void aSetOfANewCategoryAndBodyAreaCountsUnderTheirOwnNames() {
        String user = newUser("new-catalog");
        double deadLettersBefore = metric("footing_stats_dlq_messages_total");
        WorkoutEvents.send(java.util.List.of(
                WorkoutEvents.set(user, "kicks", "s1", Exercises.POOL_KICKS, 20, null, null, null, "2027-01-05T10:00", "UTC"),
                WorkoutEvents.set(user, "curl", "s1", Exercises.TOWEL_CURL, 10, null, null, null, "2027-01-05T10:05", "UTC")));
        awaitEventsApplied(user, 2);

        as(user).get("/api/users/{u}/summary", user).then().statusCode(200)
                .body("allTime.sets", equalTo(2)).body("allTime.reps", equalTo(30));
        as(user).get("/api/users/{u}/volume?from=2027-01-04&to=2027-01-10&bucket=week&groupBy=category", user)
                .then().statusCode(200)
                .body("series.key", contains("AQUA_THERAPY", "STRENGTH"))
                .body("series[0].points.reps", contains(20));
        as(user).get("/api/users/{u}/volume?from=2027-01-04&to=2027-01-10&bucket=week&groupBy=bodyArea", user)
                .then().statusCode(200)
                .body("series.key", contains("CALF", "FOOT_ARCH", "HIP_FLEXORS", "TOES"))
                .body("series.find { it.key == 'HIP_FLEXORS' }.points.reps", contains(20));
        assertThat(metric("footing_stats_dlq_messages_total")).as("nothing was dead-lettered").isEqualTo(deadLettersBefore);
    }
}
