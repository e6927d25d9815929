package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static dev.footing.stats.support.Callers.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A broker outage: not ready while it lasts, queries still answer, consumption resumes after. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class KafkaOutageTest extends StatsTest {

    @Test
    void notReadyDuringABrokerOutageAndConsumingAgainAfterIt() {
        Assumptions.assumeTrue(TestInfrastructure.canStopKafka(), "needs the test's own broker, not KAFKA_BOOTSTRAP_SERVERS");
        String user = newUser("outage");
        WorkoutEvents.send(WorkoutEvents.set(user, "before", "s1", Exercises.TOWEL_CURL, 10, null, null, null,
                "2027-01-06T10:00", "UTC"));
        awaitEventsApplied(user, 1);
        TestInfrastructure.stopKafka();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get(ready).statusCode() == 503);
            as(user).get("/api/users/{u}/summary", user).then().statusCode(200).body("allTime.sets", equalTo(1));
            // The dead letters are read from the broker itself: a 503 to retry, within its bound of 10 s.
            long start = System.nanoTime();
            asAdmin().get("/api/admin/dead-letters").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "5");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        } finally {
            TestInfrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().get(ready).statusCode() == 200);
        WorkoutEvents.send(WorkoutEvents.set(user, "after", "s2", Exercises.TOWEL_CURL, 5, null, null, null,
                "2027-01-07T10:00", "UTC"));
        awaitEventsApplied(user, 2);
        as(user).get("/api/users/{u}/summary", user).then().body("allTime.sets", equalTo(2)).body("allTime.reps", equalTo(15));
    }
}
