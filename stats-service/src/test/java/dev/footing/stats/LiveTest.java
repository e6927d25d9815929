package dev.footing.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.infra.FootingTestResource;
import dev.footing.stats.support.Callers;
import dev.footing.stats.support.Exercises;
import dev.footing.stats.support.StatsTest;
import dev.footing.stats.support.WorkoutEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "stats"))
class LiveTest extends StatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void liveStreamSendsTheSummaryThenANewOneForEachAppliedEvent() throws Exception {
        String user = newUser("live");
        BlockingQueue<JsonNode> summaries = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/users/" + user + "/live"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + Callers.tokenOf(user)).build();
        HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            try {
                summaries.add(JSON.readTree(line.substring("data:".length())));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = summaries.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.get("userId").asText()).isEqualTo(user);
            assertThat(first.get("eventsApplied").asLong()).isZero();

            WorkoutEvents.send(WorkoutEvents.set(user, "l1", "s1", Exercises.CALF_RAISE, 14, null, "5", "LEFT",
                    "2027-01-07T09:00", "UTC"));
            JsonNode second = summaries.poll(30, TimeUnit.SECONDS);
            assertThat(second).isNotNull();
            assertThat(second.get("eventsApplied").asLong()).isEqualTo(1);
            assertThat(second.get("allTime").get("reps").asLong()).isEqualTo(14);
            assertThat(second.get("allTime").get("loadVolumeKg").asDouble()).isEqualTo(70.0);
            assertThat(second.get("dailyStreak").get("current").asInt()).isEqualTo(1);

            WorkoutEvents.send(WorkoutEvents.retraction(user, "r1", "l1", "s1", WorkoutEvents.at("2027-01-07T09:30", "UTC")));
            JsonNode third = summaries.poll(30, TimeUnit.SECONDS);
            assertThat(third).isNotNull();
            assertThat(third.get("eventsApplied").asLong()).isEqualTo(2);
            assertThat(third.get("allTime").get("sets").asLong()).isZero();
        } finally {
            response.body().close();
        }
    }
}
