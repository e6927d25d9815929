package dev.footing.catalog.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.catalog.exercise.ExerciseChanged;
import dev.footing.catalog.program.ProgramChanged;

/**
 * Records exercise and program snapshots for publication, inside the transaction that changed them:
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
        record(CatalogTopics.EXERCISE_CATALOG, change.snapshot().id(), change.snapshot());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes ProgramChanged change) {
        record(CatalogTopics.PROGRAM_CATALOG, change.snapshot().id(), change.snapshot());
    }

    private void record(String topic, UUID key, Object snapshot) {
        OutboxEntry entry = new OutboxEntry();
        entry.topic = topic;
        entry.recordKey = key;
        entry.payload = serialize(snapshot);
        entry.createdAt = clock.instant();
        entry.persist();
        written.fire(new Written());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Written event) {
        relay.wake();
    }

    private String serialize(Object snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be serialized", e);
        }
    }
}
