package dev.footing.stats.rebuild;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.footing.stats.config.BoundedReads;
import dev.footing.stats.config.StatsConfig;
import dev.footing.stats.event.PoisonMessageException;
import dev.footing.stats.event.Positioned;
import dev.footing.stats.event.RecordDecoder;
import dev.footing.stats.facts.ApplyOutcome;
import dev.footing.stats.facts.EventApplier;
import dev.footing.stats.facts.FactTables;

/**
 * Reads {@code workout-events} from the beginning up to the end offsets it finds at its start, and
 * applies every event to the {@code rebuild_*} copies. Poison is skipped (it reached the dead-letter
 * topic when first consumed).
 *
 * <p>A plain {@link KafkaConsumer} on purpose, not a SmallRye channel: the replay is a bounded read of
 * a snapshot (assign all partitions, seek to the beginning, stop at captured end offsets), outside the
 * consumer group and committing nothing, started and ended on request. A channel is an endless,
 * group-managed subscription that starts with the application and commits what it acknowledges.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
    /** Longer than a batch's statements may take (the connection's socket timeout). */
    private static final Duration APPLY_SHUTDOWN_LIMIT = Duration.ofSeconds(30);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);
    /**
     * 250 events a transaction are more than the database baseline's 100, so the commits stay a small part
     * of a batch's cost, while what the replay holds at once (a batch being applied, the next one decoded)
     * stays small enough for the young generation (with Kafka's fetch sizes: config/BoundedReads); with
     * 1,000 records a poll a rebuild promoted every batch.
     */
    private static final int RECORDS_PER_BATCH = 250;

    @Inject
    BoundedReads reads;

    @Inject
    StatsConfig config;

    @Inject
    RecordDecoder decoder;

    @Inject
    EventApplier applier;

    /** Returns the end offsets it replayed up to: what the live consumer applied from there on is carried over at the swap. */
    Map<TopicPartition, Long> replay(RebuildRun run) throws SQLException {
        try (KafkaConsumer<String, byte[]> consumer = reads.consumer("stats-service-rebuild", RECORDS_PER_BATCH)) {
            List<TopicPartition> partitions = consumer.partitionsFor(config.eventsTopic(), METADATA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, METADATA_TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, METADATA_TIMEOUT);
            run.toReplay = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            consumer.seekToBeginning(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(p -> end.get(p) <= begin.get(p));
            long lastProgress = System.nanoTime();
            // While one batch is applied, the next is fetched and decoded: the database and this JVM work at
            // the same time instead of in turn. One batch at a time is applied, in order, as before.
            ExecutorService applying = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "stats-rebuild-apply");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Future<ApplyOutcome> inFlight = null;
                while (!remaining.isEmpty()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("interrupted");
                    }
                    if (inFlight != null && inFlight.isDone()) {
                        // A batch that failed fails the replay now, not after the next poll's batch.
                        count(run, inFlight);
                        inFlight = null;
                    }
                    List<Positioned> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        run.read++;
                        try {
                            batch.add(decoder.decode(record));
                        } catch (PoisonMessageException e) {
                            run.poison++;
                        }
                    }
                    if (!batch.isEmpty()) {
                        count(run, inFlight);
                        inFlight = applying.submit(() -> applier.apply(batch, FactTables.REBUILD));
                        lastProgress = System.nanoTime();
                    }
                    int before = remaining.size();
                    remaining.removeIf(p -> consumer.position(p) >= end.get(p));
                    if (remaining.size() < before) {
                        lastProgress = System.nanoTime();
                    } else if (Duration.ofNanos(System.nanoTime() - lastProgress).compareTo(STALL_LIMIT) > 0) {
                        throw new IllegalStateException("no progress reading " + remaining + " for " + STALL_LIMIT);
                    }
                }
                count(run, inFlight);
            } finally {
                applying.shutdownNow();
                // A replay that failed still waits (bounded) for a batch being applied, so the next rebuild
                // cannot start while this one's last transaction is still open.
                awaitQuietly(applying);
            }
            return end;
        }
    }

    private static void awaitQuietly(ExecutorService applying) {
        try {
            applying.awaitTermination(APPLY_SHUTDOWN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the batch being applied (if any) and counts what it did; its failure fails the replay. */
    private static void count(RebuildRun run, Future<ApplyOutcome> applied) throws SQLException {
        if (applied == null) {
            return;
        }
        ApplyOutcome outcome;
        try {
            outcome = applied.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(e.getCause());
        }
        run.applied += outcome.applied();
        run.duplicates += outcome.duplicates();
        run.poison += outcome.rejected().size();
    }
}
