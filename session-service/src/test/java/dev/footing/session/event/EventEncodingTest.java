package dev.footing.session.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import dev.footing.infra.FootingTestResource;
import dev.footing.session.support.Api;
import dev.footing.session.support.Db;
import dev.footing.session.support.TestCatalog;
import dev.footing.session.support.WorkoutEventsReader;
import dev.footing.session.support.WorkoutEventsReader.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An event's body travels as UTF-8 bytes from the serializer through the outbox to the record
 * (docs/architecture.md §10): text beyond ASCII, here an exercise's name, must arrive as written,
 * in the outbox's row and on the topic, as its characters and not as JSON escapes.
 */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "session"))
class EventEncodingTest {

    /** Two-byte (é), three-byte (the dash, 足) and four-byte (🦶) UTF-8 sequences. */
    private static final String NAME = "Relev\u00e9 \u2013 \u8db3 \ud83e\uddb6";

    @Inject
    AgroalDataSource db;

    @Test
    void aNameBeyondAsciiArrivesAsWrittenInTheOutboxAndOnTheTopic() {
        TestCatalog.Exercise exercise = new TestCatalog.Exercise("releve-encoding", NAME, "STRENGTH",
                List.of("CALF"), "REPS", false, false);
        TestCatalog.publish(exercise.id().toString(), exercise.snapshotJson(Instant.parse("2026-01-01T00:00:00Z")));
        await().atMost(Duration.ofSeconds(60)).until(() -> NAME.equals(TestCatalog.replicaName(db, exercise.id())));

        String user = Api.newUser("encoding");
        Api.createSession("""
                {"userId":"%s","timezone":"Europe/Paris","sets":[%s]}""".formatted(user, Api.reps(exercise.id(), 12)))
                .statusCode(201);

        List<Received> events = WorkoutEventsReader.awaitAllSent(db, List.of(user), Duration.ofSeconds(60));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).body().get("exercise").get("name").textValue()).isEqualTo(NAME);
        assertThat(events.get(0).value()).contains("\"name\":\"" + NAME + "\"");
        assertThat(Db.string(db, "select payload from outbox_event where user_id = ?", user)).contains("\"name\":\"" + NAME + "\"");
    }
}
