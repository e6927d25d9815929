package dev.footing.session.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.footing.session.config.SessionConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay on its own thread: woken right after a transaction that wrote to the
 * outbox commits, and on a timer otherwise (for rows of other instances, and retries after a failure).
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    @Inject
    SessionConfig config;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final RelayStatus status = new RelayStatus();
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean running;
    private OutboxRelay relay;
    private Thread thread;
    private Admin admin;

    void start(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        SessionConfig.Outbox outbox = config.outbox();
        relay = new OutboxRelay(dataSource,
                () -> RelayProducers.create(bootstrapServers, outbox.deliveryTimeout(), "session-service-outbox-relay"),
                outbox.topic(), outbox.batchSize(), outbox.deliveryTimeout(), clock, status);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        nudges.release();
        if (thread != null) {
            try {
                thread.join(config.outbox().deliveryTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (relay != null) {
            relay.close();
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxWritten event) {
        nudge();
    }

    public void nudge() {
        nudges.release();
    }

    public RelayStatus status() {
        return status;
    }

    public boolean enabled() {
        return config.outbox().relayEnabled();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        long lastContact = System.nanoTime();
        while (running) {
            try {
                int published = relay.drain();
                backoff = Duration.ZERO;
                if (published > 0) {
                    lastContact = System.nanoTime();
                } else if (System.nanoTime() - lastContact > config.outbox().brokerProbeInterval().toNanos()) {
                    probe();
                    lastContact = System.nanoTime();
                }
            } catch (OutboxRelay.RelayException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), config.outbox().maxBackoff());
                LOG.warnf("outbox relay degraded, events wait in the outbox (retry in %d ms): %s", backoff.toMillis(), e.getMessage());
            } catch (RuntimeException e) {
                backoff = config.outbox().maxBackoff();
                LOG.error("outbox relay pass crashed", e);
            }
            await(backoff.isZero() ? config.outbox().pollInterval() : backoff);
        }
    }

    /**
     * With nothing to publish the relay would not notice a broker outage until the next write; the
     * probe lets the health detail say DEGRADED before a client's events start to wait.
     */
    private void probe() {
        try {
            if (admin == null) {
                admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        AdminClientConfig.CLIENT_ID_CONFIG, "session-service-outbox-probe",
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000",
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"));
            }
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            status.probed(true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } catch (Exception e) {
            status.probed(false, "broker unreachable: " + e);
        }
    }

    private void await(Duration timeout) {
        try {
            if (nudges.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                nudges.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
