package dev.footing.e2e;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.footing.infra.FreePort;
import dev.footing.infra.ServiceProcesses;
import dev.footing.infra.TestInfrastructure;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scale-out: a dashboard connected to a stats-service instance that does not consume the user's
 * partition (here: one that consumes nothing) still gets the new summary when a set is logged.
 */
class ScaleOutLiveTest {

    static final String SECOND = "stats-service-2";

    @BeforeAll
    static void startSecondStatsInstance() throws Exception {
        ServiceProcesses system = RunningSystem.get();
        system.startInstance(SECOND, "stats-service", FreePort.pick(), Map.of("STATS_CONSUMER_ENABLED", "false"),
                TestInfrastructure.kafkaBootstrapServers(), TestInfrastructure::jdbcUrl,
                TestInfrastructure.dbUser(), TestInfrastructure.dbPassword());
        system.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopSecondStatsInstance() {
        RunningSystem.get().stop(SECOND);
    }

    @Test
    void liveSummaryReachesClientsOfAnInstanceThatDoesNotConsumeTheUser() {
        String user = "e2e-scale-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> received = new CopyOnWriteArrayList<>();
        HttpRequest live = HttpRequest.newBuilder(RunningSystem.get().url(SECOND, "/api/users/" + user + "/live"))
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(live, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> consume(response.body(), received));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(d -> d.contains("\"eventsApplied\":0")));

        Map<String, Object> set = Map.of("exerciseId", Catalog.exercise("heel-walk"), "durationSeconds", 40,
                "completedAt", Instant.now().toString());
        Map<String, Object> body = Map.of("userId", user, "timezone", "UTC", "sets", List.of(set));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().contentType(ContentType.JSON).body(body).post(RunningSystem.session("/api/sessions"))
                        .then().extract().statusCode() == 201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(d -> d.contains("\"eventsApplied\":1") && d.contains("\"holdSeconds\":40")));
    }

    private static void consume(Stream<String> lines, List<String> received) {
        lines.filter(line -> line.startsWith("data:")).forEach(line -> received.add(line.substring(5)));
    }

}
