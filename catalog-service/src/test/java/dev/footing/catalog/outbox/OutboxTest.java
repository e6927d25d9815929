package dev.footing.catalog.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.footing.catalog.exercise.Exercise;
import dev.footing.catalog.exercise.ExerciseService;
import dev.footing.infra.FootingTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The republish at start writes one outbox row per exercise, and the relay marks every row published. */
@QuarkusTest
@WithTestResource(value = FootingTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutboxTest {

    @Inject
    ExerciseService exercises;

    @Test
    void republishQueuesEveryExerciseAndTheRelayDrainsIt() {
        long before = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
        long all = QuarkusTransaction.requiringNew().call(() -> Exercise.count());
        int queued = exercises.republishAll();
        assertThat((long) queued).isEqualTo(all);
        long after = QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count());
        // Published rows are kept for a day, so the new rows add up exactly.
        assertThat(after - before).isEqualTo(all);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> OutboxEntry.count("publishedAt is null")) == 0);
    }
}
