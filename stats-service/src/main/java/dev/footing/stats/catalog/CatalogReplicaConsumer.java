package dev.footing.stats.catalog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.footing.common.db.SqlStates;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Builds the exercise and program replicas from the compacted topics {@code exercise-catalog} and
 * {@code program-catalog}, one record at a time in partition order. Every instance reads both topics whole
 * from the beginning on each start (a consumer group of its own, see {@code mp.messaging.incoming.*-catalog}).
 *
 * <p>As in session-service's replica: a record that can never apply (unreadable JSON, a value the database
 * refuses) is skipped with a warning; one the database cannot store right now is retried until it is, since
 * skipping it would leave the exercise's rule or the program unknown on this instance until its next start.
 */
@ApplicationScoped
public class CatalogReplicaConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogReplicaConsumer.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    @Inject
    CatalogReplica replica;

    @Inject
    ObjectMapper json;

    private volatile boolean stopping;

    @Incoming("exercise-catalog")
    @Blocking
    public void exercise(ConsumerRecord<String, String> record) throws InterruptedException {
        applyUntilStored(record, () -> {
            if (record.value() == null) {
                replica.retire("exercise_replica", "exercise_id", UUID.fromString(record.key()));
                return;
            }
            ExerciseSnapshot snapshot = json.readValue(record.value(), ExerciseSnapshot.class);
            if (!snapshot.isComplete()) {
                throw new IllegalArgumentException("incomplete exercise snapshot");
            }
            replica.apply(snapshot);
        });
    }

    @Incoming("program-catalog")
    @Blocking
    public void program(ConsumerRecord<String, String> record) throws InterruptedException {
        applyUntilStored(record, () -> {
            if (record.value() == null) {
                replica.retire("program_replica", "program_id", UUID.fromString(record.key()));
                return;
            }
            ProgramSnapshot snapshot = json.readValue(record.value(), ProgramSnapshot.class);
            if (!snapshot.isComplete()) {
                throw new IllegalArgumentException("incomplete program snapshot");
            }
            replica.apply(snapshot);
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @FunctionalInterface
    private interface Apply {
        void run() throws JsonProcessingException, SQLException;
    }

    private void applyUntilStored(ConsumerRecord<String, String> record, Apply apply) throws InterruptedException {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                apply.run();
                return;
            } catch (JsonProcessingException | SQLException | RuntimeException e) {
                if (isBadRecord(e)) {
                    LOG.warnf("skipping unusable snapshot at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                            e.getMessage());
                    return;
                }
                if (stopping) {
                    throw new IllegalStateException("shutting down before the snapshot was stored", e);
                }
                LOG.warnf("could not store the snapshot at %s-%d@%d, retrying in %d ms: %s", record.topic(), record.partition(),
                        record.offset(), wait.toMillis(), e.toString());
                Thread.sleep(wait.toMillis());
                wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** Unreadable JSON, a key that is no id, an unknown measurement, or a value the database refuses (data, integrity). */
    private static boolean isBadRecord(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException || t instanceof IllegalArgumentException
                    || t instanceof NullPointerException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                return SqlStates.isAboutTheData(sql);
            }
        }
        return false;
    }
}
