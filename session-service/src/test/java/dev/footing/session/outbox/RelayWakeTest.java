package dev.footing.session.outbox;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A write wakes the relay itself once its answer is sent: its events leave without waiting for the
 * relay's tick, which this profile sets to an hour. Sets added to a session and a whole new workout
 * (the two writes that commit with their last statement and wake the relay after the response). The
 * relay's wake-up counters (metric {@code footing.outbox.relay.wakeups}) tell the response's end handler
 * from the wake at once that a write outside a request falls back to: each write here must have woken
 * the relay after its response, none at once (both series under one description). That a nudge landing while a
 * pass lets go of the relay is not lost is {@code PassLoopTest}'s.
 */
@QuarkusTest
@TestProfile(RelayWakeTest.HourlyTick.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class RelayWakeTest {

    public static class HourlyTick implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.session.outbox.poll-interval", "1h");
        }
    }

    /** Far below the tick: only a write's own wake-up can have sent its events by then. */
    private static final Duration SENT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxRelayRunner relay;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void aSetAddedToASessionIsPublishedWithoutWaitingForTheTick() {
        String user = Api.newUser("woken");
        Wakeups before = wakeups();
        String sessionId = Api.startSession(user, "Europe/Berlin");

        String setId = Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 12)).statusCode(201).extract().path("id");

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(e -> e.body().get("setId").asText()).containsExactly(setId);
        // The session's start and its set: two writes, each woke the relay after its response.
        assertWokenAfterResponses(before, 2);
    }

    @Test
    void aWholeWorkoutIsPublishedWithoutWaitingForTheTick() {
        String user = Api.newUser("woken-workout");
        String sessionId = UUID.randomUUID().toString();
        Wakeups before = wakeups();
        Api.createSession("""
                {"id":"%s","userId":"%s","timezone":"Europe/Berlin","completedAt":"2026-05-01T18:30:00Z","sets":[
                  {"exerciseId":"%s","reps":10,"completedAt":"2026-05-01T18:00:00Z"},
                  {"exerciseId":"%s","reps":12,"completedAt":"2026-05-01T18:05:00Z"}]}"""
                .formatted(sessionId, user, CALF_RAISE.id(), CALF_RAISE.id())).statusCode(201);

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), SENT);
        assertThat(events).extracting(Received::type)
                .containsExactly("footing.set.completed.v1", "footing.set.completed.v1", "footing.session.completed.v1");
        assertWokenAfterResponses(before, 1);
    }

    /** Prometheus has one HELP line per metric name: the two series of the wake-ups share one description. */
    @Test
    void theWakeupSeriesShareOneDescription() {
        List<Meter> series = List.copyOf(registry.find("footing.outbox.relay.wakeups").meters());
        assertThat(series).extracting(m -> m.getId().getTag("when")).containsExactlyInAnyOrder("after-response", "at-once");
        assertThat(series).extracting(m -> m.getId().getDescription()).doesNotContainNull().containsOnly(series.get(0).getId().getDescription());

        String exposition = given().when().get(metrics).then().statusCode(200).extract().asString();
        // The family's name, with or without _total as the exposition format has it.
        assertThat(exposition.lines().filter(l -> l.matches("# HELP footing_outbox_relay_wakeups(_total)? .*")))
                .as(exposition).singleElement().asString().contains("running relay");
        assertThat(exposition.lines().filter(l -> l.startsWith("footing_outbox_relay_wakeups_total{")))
                .hasSize(2);
    }

    private record Wakeups(long afterResponse, long atOnce) {
    }

    private Wakeups wakeups() {
        return new Wakeups(relay.status().wakeupsAfterResponse(), relay.status().wakeupsAtOnce());
    }

    private void assertWokenAfterResponses(Wakeups before, int writes) {
        // The end handler runs on the event loop once the response is written, maybe after the client read it.
        await().atMost(SENT).until(() -> wakeups().afterResponse() + wakeups().atOnce()
                >= before.afterResponse() + before.atOnce() + writes);
        assertThat(wakeups()).isEqualTo(new Wakeups(before.afterResponse() + writes, before.atOnce()));
    }
}
