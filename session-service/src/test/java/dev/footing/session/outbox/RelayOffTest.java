package dev.footing.session.outbox;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An instance whose relay is off ({@code footing.session.outbox.relay-enabled=false}: other instances publish)
 * still writes its events to the outbox, where they wait; its writes wake no relay, and its wake-up counters
 * ({@code footing_outbox_relay_wakeups_total}) say so instead of counting nudges nothing heard.
 */
@QuarkusTest
@TestProfile(RelayOffTest.RelayOff.class)
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class RelayOffTest {

    public static class RelayOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("footing.session.outbox.relay-enabled", "false");
        }
    }

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxRelayRunner relay;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @BeforeEach
    void catalog() {
        TestCatalog.ensureStandardExercises(db);
    }

    @Test
    void writesLeaveTheirEventsInTheOutboxAndWakeNoRelay() {
        String user = Api.newUser("relay-off");
        // Starting and adding a set wake the relay after their response; deleting a set and completing the
        // session wake it at once, when their transaction commits (before the answer).
        String sessionId = Api.startSession(user, "UTC");
        String setId = Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 10)).statusCode(201).extract().path("id");
        Api.postSets(sessionId, Api.reps(CALF_RAISE.id(), 12)).statusCode(201);
        Api.deleteSet(sessionId, setId).statusCode(204);
        Api.complete(sessionId, null).statusCode(200);

        // Two sets, a retraction and the completion, all waiting for a relay elsewhere.
        assertThat(Db.unsentOf(db, user)).isEqualTo(4);
        assertThat(relay.nudge()).isFalse();
        assertThat(relay.status().wakeupsAtOnce()).isZero();
        assertThat(relay.status().wakeupsAfterResponse()).isZero();
        String exposition = given().when().get(metrics).then().statusCode(200).extract().asString();
        assertThat(exposition.lines().filter(l -> l.startsWith("footing_outbox_relay_wakeups_total{")))
                .hasSize(2).allSatisfy(l -> assertThat(l).endsWith(" 0.0"));
        given().when().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.data.relay", equalTo("DISABLED"));
    }
}
