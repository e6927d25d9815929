package dev.footing.catalog.outbox;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.footing.catalog.config.CatalogConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

/**
 * Runs the relay from start to shutdown on one thread of its own: a pass right after each commit
 * that wrote outbox rows (low latency) and every {@code poll-interval} otherwise.
 *
 * <p>A plain thread rather than the scheduler: the scheduler cannot be woken early by a commit,
 * and one thread per instance means passes never overlap within an instance.
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    @Inject
    OutboxRelay relay;

    @Inject
    CatalogConfig config;

    @Inject
    MeterRegistry registry;

    private final LinkedBlockingQueue<Boolean> signal = new LinkedBlockingQueue<>(1);
    private volatile boolean running;
    private long failedPasses;
    private Counter failures;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        failures = registry.counter("footing.catalog.outbox.failures");
        running = true;
        thread = new Thread(this::run, "catalog-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    public void wake() {
        signal.offer(Boolean.TRUE);
    }

    @PreDestroy
    void stop() {
        running = false;
        wake();
    }

    private void run() {
        while (running) {
            if (!relay.connected()) {
                pause(100);
                continue;
            }
            try {
                while (running && relay.drainOnce() == relay.batchSize()) {
                    // a full batch: more may be waiting
                }
                if (failedPasses > 0) {
                    LOG.infof("outbox relay recovered after %d failed passes", failedPasses);
                    failedPasses = 0;
                }
            } catch (RuntimeException e) {
                failures.increment();
                // During an outage a pass fails every interval: say so once, then now and then.
                if (failedPasses++ % 60 == 0) {
                    LOG.warnf("outbox relay pass failed (%d so far), will retry: %s", failedPasses, e.getMessage());
                }
            }
            pause(config.outbox().pollInterval().toMillis());
        }
    }

    /** Until the next commit wakes the relay, or {@code millis} pass. */
    private void pause(long millis) {
        try {
            signal.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
