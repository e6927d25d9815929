package dev.footing.session.exercise;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.session.replica.SnapshotApplier;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Builds the exercise replica from the compacted topic {@code exercise-catalog}, one record at a time,
 * in partition order (see {@code mp.messaging.incoming.exercise-catalog.*} for why every instance
 * reads the whole topic from the beginning on each start). Bad records are skipped, snapshots the
 * database could not store are retried ({@link SnapshotApplier}).
 */
@ApplicationScoped
public class CatalogReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogReplicaConsumer.class);

    @Inject
    ReplicaStore store;

    @Inject
    ObjectMapper json;

    private final SnapshotApplier applier = new SnapshotApplier("exercise", LOG);

    @Incoming("exercise-catalog")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) throws InterruptedException {
        applier.apply(record, this::applyOnce);
    }

    void stop(@Observes ShutdownEvent event) {
        applier.stop();
    }

    public HealthCheckResponse health() {
        return applier.health("exercise-replica");
    }

    private boolean applyOnce(ConsumerRecord<String, String> record) throws JsonProcessingException {
        if (record.value() == null) {
            // A tombstone on the compacted topic: the exercise is gone from the catalog.
            if (record.key() != null) {
                store.retire(UUID.fromString(record.key()));
            }
            return false;
        }
        ExerciseSnapshot snapshot = json.readValue(record.value(), ExerciseSnapshot.class);
        if (!snapshot.isComplete()) {
            LOG.warnf("skipping incomplete exercise snapshot at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return false;
        }
        store.apply(snapshot);
        return true;
    }
}
