package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
 * {@code footing.stats.consumer.enabled=false} (STATS_CONSUMER_ENABLED, e2e's ScaleOutLiveTest): an instance
 * that answers the API and is ready, but consumes nothing.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.ConsumerDisabled.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class ReadReplicaTest extends StatsTest {

    public static class ConsumerDisabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.stats.consumer.enabled", "false");
        }
    }

    @Test
    void aReadReplicaIsReadyAnswersAndConsumesNothing() throws InterruptedException {
        String user = newUser("replica");
        WorkoutEvents.send(WorkoutEvents.set(user, "r1", "s1", Exercises.TOWEL_CURL, 8, null, null, null,
                "2027-01-06T07:00", "UTC"));
        given().get(ready).then().statusCode(200);
        Thread.sleep(3_000);
        as(user).get("/api/users/{u}/summary", user).then().statusCode(200).body("eventsApplied", equalTo(0));
    }
}
