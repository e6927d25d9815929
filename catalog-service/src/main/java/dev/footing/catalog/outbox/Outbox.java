package dev.footing.catalog.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.ExerciseChanged;

/**
 * Records exercise snapshots for publication, inside the transaction that changed the exercise:
 * the snapshot is in the database exactly when the change is, so nothing is lost between commit
 * and topic.
 */
@ApplicationScoped
public class Outbox {

    /** Fired when a transaction that wrote outbox rows commits, so the relay need not wait for its next poll. */
    public record Written() {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    Event<Written> written;

    @Inject
    OutboxRelayRunner relay;

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes ExerciseChanged change) {
        OutboxEntry entry = new OutboxEntry();
        entry.exerciseId = change.snapshot().id();
        entry.payload = serialize(change);
        entry.createdAt = clock.instant();
        entry.persist();
        written.fire(new Written());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written event) {
        relay.wake();
    }

    private String serialize(ExerciseChanged change) {
        try {
            return json.writeValueAsString(change.snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an exercise snapshot could not be serialized", e);
        }
    }
}
