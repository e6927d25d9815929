package dev.footing.catalog.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.footing.catalog.config.CatalogConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One relay pass: publishes outbox rows in id order, each to its topic ({@code exercise-catalog} or
 * {@code program-catalog}, through the SmallRye channel of that name), and marks them
 * published only after the broker acknowledged every one of them (at-least-once; the topic is
 * compacted and a snapshot is idempotent, so a repeat is harmless).
 *
 * <p>Between instances, a transaction-scoped advisory lock lets one relay work at a time, so
 * snapshots of one exercise or program are never sent out of order by two instances racing. A pass that fails
 * (broker down, an acknowledgement missing) rolls back: its rows stay unpublished and the next pass
 * sends them again, in order, so the topic's last snapshot of a key is always its current state.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long LOCK_KEY = 0x666f6f74696e67L; // "footing": any constant shared by all instances

    @Inject
    EntityManager em;

    /** The channel of topic {@code exercise-catalog} (see application.properties). */
    @Inject
    @Channel(CatalogTopics.EXERCISE_CATALOG)
    MutinyEmitter<String> exerciseSnapshots;

    /** The channel of topic {@code program-catalog} (see application.properties). */
    @Inject
    @Channel(CatalogTopics.PROGRAM_CATALOG)
    MutinyEmitter<String> programSnapshots;

    @Inject
    KafkaClientService kafka;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogConfig config;

    private final AtomicLong backlog = new AtomicLong();
    private Counter published;

    @PostConstruct
    void registerMetrics() {
        published = registry.counter("footing.catalog.outbox.published");
        registry.gauge("footing.catalog.outbox.backlog", backlog);
    }

    /** One pass in one transaction: lock, read a batch, send, wait for every ack, mark. Returns rows published. */
    public int drainOnce() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            backlog.set(OutboxEntry.count("publishedAt is null"));
            int batchSize = config.outbox().batchSize();
            List<OutboxEntry> batch = OutboxEntry.<OutboxEntry>find("publishedAt is null order by id")
                    .page(0, batchSize).list();
            if (batch.isEmpty()) {
                OutboxEntry.delete("publishedAt < ?1", clock.instant().minus(config.outbox().keepPublished()));
                return 0;
            }
            // Sent with this transaction suspended: SmallRye propagates the caller's context to the
            // producer's threads, and a JTA transaction active on two threads cannot commit. The
            // transaction (and its advisory lock) stays open meanwhile; only this thread lets go of it.
            QuarkusTransaction.suspendingExisting().run(() -> awaitAcks(send(batch)));
            var now = clock.instant();
            batch.forEach(entry -> entry.publishedAt = now);
            published.increment(batch.size());
            backlog.addAndGet(-batch.size());
            return batch.size();
        });
    }

    public int batchSize() {
        return config.outbox().batchSize();
    }

    /** Subscribing in row order hands the records to the producer in row order. */
    private List<CompletableFuture<Void>> send(List<OutboxEntry> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEntry entry : batch) {
            Message<String> record = Message.of(entry.payload).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(entry.recordKey.toString()).build());
            acks.add(channel(entry.topic).sendMessage(record).subscribeAsCompletionStage());
        }
        return acks;
    }

    /**
     * Whether SmallRye has wired both channels: it does so while the application starts, possibly
     * after the relay's thread began; a pass before that would fail on an unconnected emitter.
     */
    boolean connected() {
        return kafka.getProducer(CatalogTopics.EXERCISE_CATALOG) != null && kafka.getProducer(CatalogTopics.PROGRAM_CATALOG) != null;
    }

    private MutinyEmitter<String> channel(String topic) {
        return switch (topic) {
            case CatalogTopics.EXERCISE_CATALOG -> exerciseSnapshots;
            case CatalogTopics.PROGRAM_CATALOG -> programSnapshots;
            default -> throw new IllegalStateException("an outbox row for an unknown topic: " + topic);
        };
    }

    private void awaitAcks(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.outbox().ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge every snapshot of the pass", e);
        }
    }
}
