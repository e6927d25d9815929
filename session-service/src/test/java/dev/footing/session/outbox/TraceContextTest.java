package dev.footing.session.outbox;

import static dev.footing.session.support.TestCatalog.CALF_RAISE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A client's trace goes on through the outbox: the event of a POST carries the POST's trace id. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Inject
    AgroalDataSource db;

    @Test
    void theEventOfAPostCarriesThePostsTraceIdInItsTraceparentHeader() {
        TestCatalog.ensureStandardExercises(db);
        String user = Api.newUser("traced");
        String sessionId = Api.startSession(user, "UTC");
        Api.asOwnerOf(sessionId).header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON).body(Api.reps(CALF_RAISE.id(), 12))
                .when().post("/api/sessions/{id}/sets", sessionId).then().statusCode(201);

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).headers().get("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-0[01]");
    }
}
