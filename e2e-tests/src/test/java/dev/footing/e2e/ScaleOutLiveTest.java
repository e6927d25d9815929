package dev.footing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The athlete is demo-ben with his own Keycloak token, on the stream and on the write.
 */
class ScaleOutLiveTest {

    static final String SECOND = "stats-service-2";
    static final String USER = "demo-ben";
    static final Pattern EVENTS_APPLIED = Pattern.compile("\"eventsApplied\":(\\d+)");

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
        List<String> received = new CopyOnWriteArrayList<>();
        HttpRequest live = HttpRequest.newBuilder(RunningSystem.get().url(SECOND, "/api/users/" + USER + "/live"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + RunningSystem.token(USER))
                .build();
        HttpClient.newHttpClient().sendAsync(live, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> consume(response.body(), received));
        // The first event is the current summary: whatever other tests logged for him before, count from there.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> !received.isEmpty());
        long before = eventsApplied(received.get(0));

        Map<String, Object> set = Map.of("exerciseId", Catalog.exercise("heel-walk"), "durationSeconds", 40,
                "completedAt", Instant.now().toString());
        Map<String, Object> body = Map.of("timezone", "UTC", "sets", List.of(set));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                RunningSystem.as(USER).contentType(ContentType.JSON).body(body).post(RunningSystem.session("/api/sessions"))
                        .then().extract().statusCode() == 201);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                .anyMatch(d -> eventsApplied(d) == before + 1));
    }

    @Test
    void theLiveStreamNeedsAToken() throws Exception {
        HttpRequest live = HttpRequest.newBuilder(RunningSystem.get().url(SECOND, "/api/users/" + USER + "/live"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(live, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    private static long eventsApplied(String summaryJson) {
        Matcher matcher = EVENTS_APPLIED.matcher(summaryJson);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    private static void consume(Stream<String> lines, List<String> received) {
        lines.filter(line -> line.startsWith("data:")).forEach(line -> received.add(line.substring(5)));
    }

}
