package dev.footing.session.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footing.common.db.SqlStates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * How a replica applies one record of a compacted catalog topic ({@code exercise-catalog},
 * {@code program-catalog}), shared by the replicas' consumers: one record at a time, in partition order.
 *
 * <p>A record that can never apply (unreadable JSON, a key that is no id, a value the database refuses)
 * is skipped with a warning, so later snapshots still apply. A snapshot the database could not store
 * right now (an outage, a failover) is retried with a growing pause until it is stored: skipping it
 * would leave the exercise or program unknown (422) on this instance until its next restart.
 */
public final class SnapshotApplier {

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    /** Applies one record; returns whether it changed the replica's count of applied snapshots. */
    @FunctionalInterface
    public interface Apply {
        boolean apply(ConsumerRecord<String, String> record) throws JsonProcessingException;
    }

    private final String what;
    private final Logger log;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Instant> lastAppliedAt = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean stopping;

    /** @param what the kind of snapshot, for log lines ("exercise", "program") */
    public SnapshotApplier(String what, Logger log) {
        this.what = what;
        this.log = log;
    }

    /**
     * Applies one record of a catalog topic to {@code store}: a tombstone retires the entry of its key,
     * a snapshot that is not complete is skipped with a warning, any other is stored.
     */
    public <S extends CatalogSnapshot> void apply(ConsumerRecord<String, String> record, ObjectMapper json, Class<S> type,
            SnapshotStore<S> store) throws InterruptedException {
        apply(record, r -> {
            if (r.value() == null) {
                if (r.key() != null) {
                    store.retire(UUID.fromString(r.key()));
                }
                return false;
            }
            S snapshot = json.readValue(r.value(), type);
            if (!snapshot.isComplete()) {
                log.warnf("skipping incomplete %s snapshot at %s-%d@%d", what, r.topic(), r.partition(), r.offset());
                return false;
            }
            store.apply(snapshot);
            return true;
        });
    }

    public void apply(ConsumerRecord<String, String> record, Apply apply) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                if (apply.apply(record)) {
                    applied.incrementAndGet();
                    lastAppliedAt.set(Instant.now());
                }
                lastError.set(null);
                return;
            } catch (RuntimeException | JsonProcessingException e) {
                if (isBadRecord(e)) {
                    log.warnf("skipping unreadable %s snapshot at %s-%d@%d: %s", what, record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    return;
                }
                lastError.set(e.toString());
                if (stopping) {
                    throw new IllegalStateException("shutting down before the snapshot was stored", e);
                }
                log.warnf("could not store the %s snapshot at %s-%d@%d, retrying in %d ms: %s", what, record.topic(),
                        record.partition(), record.offset(), wait.toMillis(), e.toString());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** From now on a failing record ends the retry loop instead of waiting for the database. */
    public void stop() {
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

    /** Informational readiness detail: the replica lives in the database, so a lagging topic never stops writes. */
    public HealthCheckResponse health(String name) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).up().withData("snapshotsApplied", applied());
        if (lastAppliedAt() != null) {
            response.withData("lastAppliedAt", lastAppliedAt().toString());
        }
        if (lastError() != null) {
            response.withData("lastError", lastError());
        }
        return response.build();
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
