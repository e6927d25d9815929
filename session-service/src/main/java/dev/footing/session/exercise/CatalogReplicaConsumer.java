package dev.footing.session.exercise;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.db.SqlStates;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Builds the exercise replica from the compacted topic {@code exercise-catalog}, one record at a time,
 * in partition order (see {@code mp.messaging.incoming.exercise-catalog.*} for why every instance
 * reads the whole topic from the beginning on each start).
 *
 * <p>A record that can never apply (unreadable JSON, a value the database refuses) is skipped with a
 * warning, so later snapshots still apply. A snapshot the database could not store right now (an
 * outage, a failover) is retried until it is stored: skipping it would leave the exercise unknown
 * (422) on this instance until its next restart.
 */
@ApplicationScoped
public class CatalogReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogReplicaConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    @Inject
    ReplicaStore store;

    @Inject
    ObjectMapper json;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Instant> lastAppliedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean stopping;

    @Incoming("exercise-catalog")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                applyOnce(record);
                lastError.set(null);
                return;
            } catch (RuntimeException | JsonProcessingException e) {
                if (isBadRecord(e)) {
                    LOG.warnf("skipping unreadable exercise snapshot at %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    return;
                }
                lastError.set(e.toString());
                if (stopping) {
                    throw new IllegalStateException("shutting down before the snapshot was stored", e);
                }
                LOG.warnf("could not store the exercise snapshot at %s-%d@%d, retrying in %d ms: %s", record.topic(),
                        record.partition(), record.offset(), wait.toMillis(), e.toString());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public long applied() {
        return applied.get();
    }

    public Instant lastAppliedAt() {
        return lastAppliedAt.get();
    }

    public String lastError() {
        return lastError.get();
    }

    private void applyOnce(ConsumerRecord<String, String> record) throws JsonProcessingException {
        if (record.value() == null) {
            // A tombstone on the compacted topic: the exercise is gone from the catalog.
            if (record.key() != null) {
                store.retire(UUID.fromString(record.key()));
            }
            return;
        }
        ExerciseSnapshot snapshot = json.readValue(record.value(), ExerciseSnapshot.class);
        if (!snapshot.isComplete()) {
            LOG.warnf("skipping incomplete exercise snapshot at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        store.apply(snapshot);
        applied.incrementAndGet();
        lastAppliedAt.set(Instant.now());
    }

    /** Unreadable JSON, a key that is no id, or a value the database refuses (SQLSTATE class 22 data, 23 integrity). */
    private static boolean isBadRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof IllegalArgumentException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                return SqlStates.isAboutTheData(sql);
            }
        }
        return false;
    }
}
