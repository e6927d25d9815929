package dev.footing.session.outbox;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static dev.footing.session.support.TestCatalog.SINGLE_LEG_CALF_RAISE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.infra.TestInfrastructure;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real broker outage: the broker is stopped while a client logs sets, then started again.
 * Writes never fail, the service stays ready (relay DEGRADED), and when the broker returns every
 * event arrives exactly once, in order per user.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class KafkaOutageTest {

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Inject
    AgroalDataSource db;

    @Test
    void setsPostedWhileKafkaIsDownArePublishedExactlyOnceInOrderWhenItReturns() {
        Assumptions.assumeTrue(TestInfrastructure.canStopKafka(), "needs the test's own broker, not KAFKA_BOOTSTRAP_SERVERS");
        TestCatalog.ensureStandardExercises(db);
        String alice = Api.newUser("outage-a");
        String bob = Api.newUser("outage-b");
        String aliceSession = Api.startSession(alice, "Europe/London");
        String bobSession = Api.startSession(bob, "America/Chicago");
        List<Integer> aliceReps = new ArrayList<>();
        List<Integer> bobReps = new ArrayList<>();
        String retracted;

        TestInfrastructure.stopKafka();
        try {
            // Even with nothing to publish, the relay notices the outage.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(relayCheck().getString("data.broker"))
                    .isEqualTo("UNREACHABLE"));
            double failuresBefore = metric("footing_outbox_publish_failures_total");

            for (int i = 1; i <= 10; i++) {
                Api.postSets(aliceSession, Api.reps(CALF_RAISE.id(), i)).statusCode(201);
                aliceReps.add(i);
                Api.postSets(bobSession, "{\"exerciseId\":\"%s\",\"reps\":%d,\"side\":\"LEFT\"}"
                        .formatted(SINGLE_LEG_CALF_RAISE.id(), 100 + i)).statusCode(201);
                bobReps.add(100 + i);
            }
            String batch = "[" + String.join(",", IntStream.rangeClosed(11, 20).mapToObj(i -> Api.reps(CALF_RAISE.id(), i)).toList()) + "]";
            Api.postSets(aliceSession, batch).statusCode(201);
            IntStream.rangeClosed(11, 20).forEach(aliceReps::add);
            retracted = Api.postSets(bobSession, "{\"exerciseId\":\"%s\",\"reps\":999,\"side\":\"RIGHT\"}"
                    .formatted(SINGLE_LEG_CALF_RAISE.id())).statusCode(201).extract().path("id");
            Api.deleteSet(bobSession, retracted).statusCode(204);
            Api.complete(aliceSession, null).statusCode(200);

            // Still ready: it accepts writes. The detail tells operators that publishing is degraded.
            given().when().get(ready).then().statusCode(200).body("status", equalTo("UP"));
            assertThat(relayCheck().getString("data.relay")).isEqualTo("DEGRADED");
            assertThat(Db.unsentOf(db, alice)).isEqualTo(21);
            assertThat(Db.unsentOf(db, bob)).isEqualTo(12);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(metric("footing_outbox_backlog")).isGreaterThanOrEqualTo(33);
                assertThat(metric("footing_outbox_publish_failures_total")).isGreaterThan(failuresBefore);
            });
        } finally {
            TestInfrastructure.startKafka();
        }

        List<Received> all = WorkoutEventsReader.awaitAllSent(db, List.of(alice, bob), Duration.ofSeconds(120));
        List<Received> aliceEvents = WorkoutEventsReader.of(all, alice);
        List<Received> bobEvents = WorkoutEventsReader.of(all, bob);

        assertThat(aliceEvents).hasSize(21);
        assertThat(aliceEvents.subList(0, 20)).extracting(e -> e.body().get("reps").asInt()).containsExactlyElementsOf(aliceReps);
        assertThat(aliceEvents.get(20).type()).isEqualTo("footing.session.completed.v1");

        assertThat(bobEvents).hasSize(12);
        assertThat(bobEvents.subList(0, 10)).extracting(e -> e.body().get("reps").asInt()).containsExactlyElementsOf(bobReps);
        assertThat(bobEvents.get(10).body().get("setId").asText()).isEqualTo(retracted);
        assertThat(bobEvents.get(11).type()).isEqualTo("footing.set.retracted.v1");
        assertThat(all).extracting(Received::eventId).doesNotHaveDuplicates();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(relayCheck().getString("data.relay")).isEqualTo("OK");
            assertThat(relayCheck().getString("data.broker")).isEqualTo("REACHABLE");
        });
    }

    private JsonPath relayCheck() {
        JsonPath health = given().when().get(ready).then().statusCode(200).extract().jsonPath();
        return new JsonPath(health.prettify()).setRootPath("checks.find { it.name == 'outbox-relay' }");
    }

    private double metric(String name) {
        String metrics = given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
