package dev.footing.catalog;

import static dev.footing.catalog.CatalogRequests.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.exercise.ExerciseWriteTest;
import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A database that is gone (killed: connections refused) or silent (partitioned: packets dropped)
 * costs a write a few seconds and a 503 with Retry-After, never a hang or a 500; once it is back,
 * writes work again.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class DatabaseOutageTest {

    /** Bounded database time (common: acquisition 3 s, connect 3 s, socket 10 s) plus slack for a loaded machine. */
    private static final Duration KILLED_BOUND = Duration.ofSeconds(10);
    private static final Duration SILENT_BOUND = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWriteWhileTheDatabaseIsKilledIsA503WithRetryAfterWithinSecondsAndWritesWorkAfter() {
        assumeTrue(TestInfrastructure.canStopDatabase(), "needs the test's own database");
        TestInfrastructure.stopDatabase();
        try {
            assertUnavailableWithin(KILLED_BOUND);
        } finally {
            TestInfrastructure.startDatabase();
        }
        assertWritesWorkAgain();
    }

    @Test
    void aWriteWhileTheDatabaseIsSilentIsA503WithRetryAfterWithinSecondsAndWritesWorkAfter() {
        assumeTrue(TestInfrastructure.canPartitionDatabase(), TestInfrastructure::whyDatabaseCannotBePartitioned);
        TestInfrastructure.partitionDatabase();
        try {
            assertUnavailableWithin(SILENT_BOUND);
        } finally {
            TestInfrastructure.healDatabase();
        }
        assertWritesWorkAgain();
    }

    private static void assertUnavailableWithin(Duration bound) {
        long start = System.nanoTime();
        Response answer = create(unique());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(took).as("time to answer").isLessThan(bound);
    }

    private void assertWritesWorkAgain() {
        Response created = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> create(unique()), answer -> answer.statusCode() == 201);
        // Retired again: other tests count the active catalog as exactly the seed.
        asAdmin().when().delete("/api/exercises/" + created.path("id")).then().statusCode(204);
        // Connections that broke during the outage would fail the next tests of this JVM once each.
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }

    private static Response create(String slug) {
        return asAdmin().contentType(ContentType.JSON).body(ExerciseWriteTest.exercise(slug)).when()
                .post("/api/exercises").andReturn();
    }

    private static String unique() {
        return "outage-db-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
