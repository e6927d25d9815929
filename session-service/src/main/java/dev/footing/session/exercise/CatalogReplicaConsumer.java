package dev.footing.session.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
        applier.apply(record, json, ExerciseSnapshot.class, store);
    }

    void stop(@Observes ShutdownEvent event) {
        applier.stop();
    }

    public HealthCheckResponse health() {
        return applier.health("exercise-replica");
    }
}
