package dev.footing.stats.consumer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

import dev.footing.stats.event.PoisonMessageException;
import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.RecordDecoder;
import dev.footing.stats.event.SetRetracted;
import dev.footing.stats.facts.ApplyOutcome;
import dev.footing.stats.facts.EventApplier;
import dev.footing.stats.facts.FactTables;
import dev.footing.stats.live.LiveUpdates;

/**
 * One batch of {@code workout-events} records: decodes them, applies every event in one database
 * transaction (with their ids, so a redelivered event changes nothing), then sends what could not be
 * applied to the dead-letter topic and waits for the broker to store it. Only when this returns may
 * the batch's offsets be committed; when it throws, nothing of the batch may be.
 */
@ApplicationScoped
public class BatchHandler {

    private static final Logger LOG = Logger.getLogger(BatchHandler.class);

    @Inject
    RecordDecoder decoder;

    @Inject
    EventApplier applier;

    @Inject
    DeadLetters deadLetters;

    @Inject
    LiveUpdates live;

    @Inject
    MeterRegistry registry;

    void registerMeters(@Observes StartupEvent event) {
        // Registered up front so dashboards see zeros rather than missing series.
        registry.counter("footing.stats.events.applied");
        registry.counter("footing.stats.events.duplicates");
        registry.counter("footing.stats.dlq.messages", "kind", "poison");
        registry.counter("footing.stats.batches.retried");
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records) throws SQLException {
        List<Positioned> events = new ArrayList<>();
        // By identity: a record's hashCode would hash every field of the event, for every event of the batch.
        Map<Positioned, ConsumerRecord<String, byte[]>> sources = new IdentityHashMap<>(records.size());
        Map<ConsumerRecord<String, byte[]>, String> poison = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                Positioned event = decoder.decode(record);
                events.add(event);
                sources.put(event, record);
            } catch (PoisonMessageException e) {
                poison.put(record, e.reason());
            }
        }
        ApplyOutcome outcome = events.isEmpty() ? null : applier.apply(events, FactTables.LIVE);
        // Dead letters only once the batch is applied: a batch that fails is retried, and its poison
        // must not reach the dead-letter topic (and its count) once per attempt.
        DeadLetters.Batch dlq = deadLetters.batch();
        poison.forEach((record, reason) -> {
            LOG.warnf("poison message at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            dlq.send(record, "poison", reason);
        });
        if (outcome != null) {
            for (Positioned retraction : outcome.unknownSetRetractions()) {
                SetRetracted event = (SetRetracted) retraction.event();
                dlq.send(sources.get(retraction), "unknown-set-retraction",
                        "retraction of unknown set " + event.setId() + " (kept as pending: the set may still arrive)");
            }
            outcome.rejected().forEach((event, reason) -> dlq.send(sources.get(event), "unapplicable", reason));
        }
        dlq.confirm();
        if (outcome != null) {
            registry.counter("footing.stats.events.applied").increment(outcome.applied());
            registry.counter("footing.stats.events.duplicates").increment(outcome.duplicates());
            live.publish(outcome.users());
        }
    }

    void countRetry() {
        registry.counter("footing.stats.batches.retried").increment();
    }
}
