package dev.footing.stats.consumer;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;

import dev.footing.stats.config.StatsConfig;

/**
 * The live consumer of {@code workout-events}: a SmallRye batch channel (group {@code stats-service},
 * see {@code mp.messaging.incoming.workout-events.*}). Each poll arrives as one batch, is applied as one
 * database transaction by {@link BatchHandler}, and is acknowledged when this method returns.
 *
 * <p>Offsets: the channel commits with {@code commit-strategy=throttled}, i.e. only offsets of batches
 * that are acknowledged, at most every {@code auto.commit.interval.ms} (200 ms) for all partitions in one
 * request, and on revocation and shutdown; batches are handled one at a time in order ({@code @Blocking},
 * ordered), so no committed offset ever passes an event that is not in the database. A crash between the
 * database commit and the offset commit redelivers what came after the last offset commit, and the event ids
 * stored in the same transaction make the redelivery change nothing: exactly once in effect. (latest, which
 * committed every batch at once, cost an OffsetCommit per partition per batch: about one per set at low rates.)
 *
 * <p>A batch that cannot be applied for a reason that is not about the data (database down, dead-letter
 * topic unreachable) is retried here until it is, rather than nacked: a nack would either stop the
 * channel (failure-strategy=fail) or commit past the batch (ignore). SmallRye keeps polling meanwhile
 * (pausing the partitions once its queue is full), so the consumer keeps its partitions.
 */
@ApplicationScoped
public class WorkoutEventsConsumer {

    private static final Logger LOG = Logger.getLogger(WorkoutEventsConsumer.class);
    private static final long RETRY_PAUSE_MS = 1000;

    @Inject
    BatchHandler handler;

    @Inject
    BatchTracing tracing;

    @Inject
    StatsConfig config;

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("workout-events")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        while (true) {
            try {
                tracing.traced(config.eventsTopic(), batch, () -> {
                    handler.handle(batch);
                    return null;
                });
                return;
            } catch (Exception | AssertionError e) {
                // AssertionError too: the PostgreSQL driver throws one when a connection dies under it (a killed
                // database), and letting it through would nack the batch and stop the channel for good.
                if (stopping) {
                    // Not acknowledged, so not committed: the next consumer of these partitions reads them again.
                    throw new IllegalStateException("shutting down with a batch of " + batch.size() + " not applied", e);
                }
                LOG.errorf(e, "could not apply a batch of %d records; retrying in %d ms", batch.size(), RETRY_PAUSE_MS);
                handler.countRetry();
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
    }
}
