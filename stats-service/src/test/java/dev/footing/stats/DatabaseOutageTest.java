package dev.footing.stats;

import static dev.footing.stats.support.Callers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A database that is gone (killed: connections refused) or silent (partitioned: packets dropped)
 * costs a query a few seconds and a 503 with Retry-After, never a hang or a 500; once it is back,
 * queries answer again and the events that arrived meanwhile are counted, once.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class DatabaseOutageTest extends StatsTest {

    /** Bounded database time (common: acquisition 3 s, connect 3 s, socket 10 s) plus slack for a loaded machine. */
    private static final Duration KILLED_BOUND = Duration.ofSeconds(10);
    private static final Duration SILENT_BOUND = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aQueryWhileTheDatabaseIsKilledIsA503WithRetryAfterWithinSecondsAndNothingIsLost() {
        assumeTrue(TestInfrastructure.canStopDatabase(), "needs the test's own database");
        String user = newUser("db-killed");
        TestInfrastructure.stopDatabase();
        try {
            WorkoutEvents.send(WorkoutEvents.set(user, "during", "s1", Exercises.TOWEL_CURL, 9, null, null, null,
                    "2027-01-06T10:00", "UTC"));
            assertUnavailableWithin(user, KILLED_BOUND);
        } finally {
            TestInfrastructure.startDatabase();
        }
        assertQueriesWorkAgainAndTheEventCounted(user);
    }

    @Test
    void aQueryWhileTheDatabaseIsSilentIsA503WithRetryAfterWithinSecondsAndNothingIsLost() {
        assumeTrue(TestInfrastructure.canPartitionDatabase(), TestInfrastructure::whyDatabaseCannotBePartitioned);
        String user = newUser("db-silent");
        TestInfrastructure.partitionDatabase();
        try {
            WorkoutEvents.send(WorkoutEvents.set(user, "during", "s1", Exercises.TOWEL_CURL, 9, null, null, null,
                    "2027-01-06T10:00", "UTC"));
            assertUnavailableWithin(user, SILENT_BOUND);
        } finally {
            TestInfrastructure.healDatabase();
        }
        assertQueriesWorkAgainAndTheEventCounted(user);
    }

    private static void assertUnavailableWithin(String user, Duration bound) {
        long start = System.nanoTime();
        Response answer = as(user).get("/api/users/{u}/summary", user).andReturn();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(took).as("time to answer").isLessThan(bound);
    }

    /**
     * Once the database is back the service recovers by itself: a request may still meet a pooled
     * connection that broke during the outage, and gets the same 503 with Retry-After (what a
     * client retries on), but within a bound queries answer 200 and the event is counted, once.
     * Any other status fails at once.
     */
    private void assertQueriesWorkAgainAndTheEventCounted(String user) {
        Response answered = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> summaryUnlessUnavailable(user), answer -> answer != null
                        && answer.jsonPath().getLong("eventsApplied") >= 1);
        assertThat(answered.jsonPath().getLong("eventsApplied")).isEqualTo(1);
        assertThat(answered.jsonPath().getInt("allTime.reps")).isEqualTo(9);
        // Connections of the pool that broke during the outage would fail the next tests' queries once each.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }

    /** The summary when it answers 200; null while it answers 503 (with Retry-After); a failure otherwise. */
    private static Response summaryUnlessUnavailable(String user) {
        Response answer = as(user).get("/api/users/{u}/summary", user).andReturn();
        if (answer.statusCode() == 503) {
            assertThat(answer.header("Retry-After")).isNotBlank();
            return null;
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer;
    }
}
