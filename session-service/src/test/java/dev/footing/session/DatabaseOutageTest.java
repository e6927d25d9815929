package dev.footing.session;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away, killed (connections refused) or silent (a partition: packets dropped, so
 * nothing is refused and every read waits). Either way a client gets a 503 with Retry-After within
 * seconds, no request hangs, and once the database is back the same write succeeds.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class DatabaseOutageTest {

    /** Longer than any answer may take: a request still waiting then has hung. */
    private static final int CLIENT_TIMEOUT_MS = 20_000;
    private static final Duration PROMPT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource db;

    @Test
    void whileTheDatabaseIsKilledWritesAnswer503WithRetryAfterPromptlyAndSucceedOnceItIsBack() {
        Assumptions.assumeTrue(TestInfrastructure.canStopDatabase(), "needs the test's own PostgreSQL, not DB_URL");
        TestCatalog.ensureStandardExercises(db);
        String user = Api.newUser("db-killed");
        String sessionId = Api.startSession(user, "UTC");

        TestInfrastructure.stopDatabase();
        try {
            for (int i = 0; i < 3; i++) {
                assertUnavailablePromptly(sessionId);
            }
        } finally {
            TestInfrastructure.startDatabase();
        }
        assertWritesSucceedAgain(sessionId);
    }

    @Test
    void whileTheDatabaseIsSilentWritesAnswer503WithRetryAfterPromptlyAndSucceedOnceItIsBack() {
        Assumptions.assumeTrue(TestInfrastructure.canPartitionDatabase(), TestInfrastructure.whyDatabaseCannotBePartitioned());
        TestCatalog.ensureStandardExercises(db);
        String user = Api.newUser("db-silent");
        String sessionId = Api.startSession(user, "UTC");

        TestInfrastructure.partitionDatabase();
        try {
            for (int i = 0; i < 3; i++) {
                assertUnavailablePromptly(sessionId);
            }
        } finally {
            TestInfrastructure.healDatabase();
        }
        assertWritesSucceedAgain(sessionId);
    }

    private static void assertUnavailablePromptly(String sessionId) {
        long start = System.nanoTime();
        Response response = postSet(sessionId);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as("status after %s: %s", took, response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Retry-After")).isNotBlank();
        assertThat(took).isLessThan(PROMPT);
    }

    private void assertWritesSucceedAgain(String sessionId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> postSet(sessionId).statusCode() == 201);
        // Connections of the pool that broke during the outage would fail the next tests' queries once each.
        db.flush(AgroalDataSource.FlushMode.ALL);
    }

    private static Response postSet(String sessionId) {
        RestAssuredConfig bounded = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", CLIENT_TIMEOUT_MS)
                .setParam("http.socket.timeout", CLIENT_TIMEOUT_MS));
        return Api.asOwnerOf(sessionId).config(bounded).contentType(ContentType.JSON).body(Api.reps(CALF_RAISE.id(), 10))
                .when().post("/api/sessions/{id}/sets", sessionId);
    }
}
