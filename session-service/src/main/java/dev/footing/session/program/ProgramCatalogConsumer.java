package dev.footing.session.program;

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
 * Builds the program replica from the compacted topic {@code program-catalog}, exactly as the exercise
 * replica is built from {@code exercise-catalog}: every instance reads the whole topic on each start
 * (see {@code mp.messaging.incoming.program-catalog.*}), bad records are skipped, snapshots the
 * database could not store are retried ({@link SnapshotApplier}).
 */
@ApplicationScoped
public class ProgramCatalogConsumer {

    private static final Logger LOG = Logger.getLogger(ProgramCatalogConsumer.class);

    @Inject
    ProgramStore store;

    @Inject
    ObjectMapper json;

    private final SnapshotApplier applier = new SnapshotApplier("program", LOG);

    @Incoming("program-catalog")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) throws InterruptedException {
        applier.apply(record, json, ProgramSnapshot.class, store);
    }

    void stop(@Observes ShutdownEvent event) {
        applier.stop();
    }

    public HealthCheckResponse health() {
        return applier.health("program-replica");
    }
}
