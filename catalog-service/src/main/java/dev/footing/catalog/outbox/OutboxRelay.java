package dev.footing.catalog.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in id order and marks them published only after the broker acknowledged
 * them (at-least-once; the topic is compacted and a snapshot is idempotent, so a repeat is harmless).
 *
 * <p>One thread per instance, woken after each commit and every second otherwise. Between
 * instances, a transaction-scoped advisory lock lets one relay work at a time, so snapshots of
 * one exercise are never sent out of order by two instances racing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x666f6f74696e67L; // "footing": any constant shared by all instances

    @Inject
    EntityManager em;

    @Inject
    CatalogProducer producer;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "footing.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "footing.outbox.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    @ConfigProperty(name = "footing.outbox.keep-published", defaultValue = "24h")
    Duration keepPublished;

    private final LinkedBlockingQueue<Boolean> signal = new LinkedBlockingQueue<>(1);
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean running;
    private long failedRounds;
    private Thread thread;
    private Counter published;
    private Counter failures;

    public synchronized void start() {
        if (running) {
            return;
        }
        published = registry.counter("footing.catalog.outbox.published");
        failures = registry.counter("footing.catalog.outbox.failures");
        registry.gauge("footing.catalog.outbox.backlog", backlog);
        running = true;
        thread = new Thread(this::run, "catalog-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public void wake() {
        signal.offer(Boolean.TRUE);
    }

    /** Rows not yet acknowledged by the broker, as of the last round. */
    public long backlog() {
        return backlog.get();
    }

    void stop(@jakarta.enterprise.event.Observes ShutdownEvent event) {
        running = false;
        wake();
    }

    private void run() {
        while (running) {
            try {
                while (running && drainOnce() == batchSize) {
                    // a full batch: more may be waiting
                }
                if (failedRounds > 0) {
                    LOG.infof("outbox relay recovered after %d failed rounds", failedRounds);
                    failedRounds = 0;
                }
            } catch (RuntimeException e) {
                failures.increment();
                // During an outage a round fails every interval: say so once, then now and then.
                if (failedRounds++ % 60 == 0) {
                    LOG.warnf("outbox relay round failed (%d so far), will retry: %s", failedRounds, e.getMessage());
                }
            }
            try {
                signal.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round in one transaction: lock, read a batch, send, wait for acks, mark. Returns rows sent. */
    int drainOnce() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            backlog.set(OutboxEntry.count("publishedAt is null"));
            List<OutboxEntry> batch = OutboxEntry.<OutboxEntry>find("publishedAt is null order by id")
                    .page(0, batchSize).list();
            if (batch.isEmpty()) {
                OutboxEntry.delete("publishedAt < ?1", clock.instant().minus(keepPublished));
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEntry entry : batch) {
                acks.add(producer.producer().send(new ProducerRecord<>(CatalogProducer.TOPIC,
                        entry.exerciseId.toString(), entry.payload)));
            }
            producer.producer().flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            var now = clock.instant();
            batch.forEach(entry -> entry.publishedAt = now);
            published.increment(batch.size());
            backlog.addAndGet(-batch.size());
            return batch.size();
        });
    }
}
