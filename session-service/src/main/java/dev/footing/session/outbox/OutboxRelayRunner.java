package dev.footing.session.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import dev.footing.session.config.SessionConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.vertx.ext.web.RoutingContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jboss.logging.Logger;

/**
 * Runs this instance's relay: at once on a worker thread right after a transaction that wrote to
 * the outbox commits, and on the scheduler's tick otherwise (rows of other instances, retries after
 * a failure, with a growing pause while the broker stays away). Passes never overlap, and a nudge that
 * comes while one ends is not lost ({@link PassLoop}).
 */
@ApplicationScoped
public class OutboxRelayRunner {

    private static final Logger LOG = Logger.getLogger(OutboxRelayRunner.class);

    @Inject
    SessionConfig config;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Touched only once SmallRye has wired the channel ({@link #enabled}): made earlier (the scheduler
     * may tick before that), its emitter could not be injected.
     */
    @Inject
    WorkoutEventsChannel channel;

    @Inject
    KafkaClientService kafka;

    @Inject
    Clock clock;

    @Inject
    CurrentVertxRequest http;

    /** Quarkus' {@code kafka.*} settings (bootstrap servers, and SASL/TLS where configured), as every channel gets them. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaDefaults;

    private final RelayStatus status = new RelayStatus();
    private PassLoop passes;
    private volatile boolean stopping;
    private volatile long notBeforeNanos;
    private volatile long lastContactNanos = System.nanoTime();
    private volatile Duration backoff = Duration.ZERO;
    /** Made by the first pass, once the channel is wired; passes never overlap ({@link PassLoop}), which also publishes it to the next. */
    private OutboxRelay relay;
    private Admin admin;

    @PostConstruct
    void create() {
        // Nudges that came during a pass run the next one at once, unless a failure asks for a pause (the tick retries).
        passes = new PassLoop(this::drain, () -> backoff.isZero() && !stopping,
                task -> Infrastructure.getDefaultWorkerPool().execute(task));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }

    void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxWritten event) {
        if (nudge()) {
            status.wokenAtOnce();
        }
    }

    /**
     * Publishes soon, without waiting for the next tick or the end of a pause after failures. Never
     * throws: it is called after a write committed, which must answer as committed; if the pool
     * refuses the pass (it is shutting down), the nudge stays set and the next tick publishes.
     *
     * @return whether a relay that runs was nudged: false when it is off (config), stopping or its channel is
     *         not wired yet (start-up), where there is nothing to wake. The wake-up counters count only the nudges
     *         that return true, once the nudge is set (a reader who sees the count knows the relay was nudged).
     */
    public boolean nudge() {
        if (!enabled()) {
            return false;
        }
        passes.request();
        return true;
    }

    /**
     * {@link #nudge}, once the current HTTP request's response is written (or fails); at once outside
     * a request. Started at once, the relay's pass (its statements, the producer's send) ran beside
     * the last steps of the answer on two cores and made the client wait for it (docs/architecture.md §10);
     * after the response, the relay starts a fraction of a millisecond later, which a consumer's
     * freshness hardly notices. The response's end handler runs whether the response was written or
     * the connection closed, so a committed write always wakes the relay (and the tick is there anyway).
     */
    public void nudgeAfterResponse() {
        RoutingContext request = Arc.container().requestContext().isActive() ? http.getCurrent() : null;
        if (request == null) {
            if (nudge()) {
                status.wokenAtOnce();
            }
        } else {
            request.addEndHandler(done -> {
                if (nudge()) {
                    status.wokenAfterResponse();
                }
            });
        }
    }

    @Scheduled(every = "${footing.session.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (enabled() && (passes.requested() || System.nanoTime() - notBeforeNanos >= 0)) {
            passes.run();
        }
    }

    public RelayStatus status() {
        return status;
    }

    public boolean enabled() {
        return config.outbox().relayEnabled() && !stopping && WorkoutEventsChannel.wired(kafka);
    }

    private void drain() {
        try {
            if (relay == null) {
                relay = new OutboxRelay(dataSource, channel, config.outbox().batchSize(), channel.deliveryTimeout(), clock, status);
            }
            int published = relay.drain();
            backoff = Duration.ZERO;
            notBeforeNanos = System.nanoTime();
            if (published > 0) {
                lastContactNanos = System.nanoTime();
            } else if (System.nanoTime() - lastContactNanos > config.outbox().brokerProbeInterval().toNanos()) {
                probe();
                lastContactNanos = System.nanoTime();
            }
        } catch (OutboxRelay.RelayException e) {
            backoff = backoff.isZero() ? Duration.ofMillis(250) : min(backoff.multipliedBy(2), config.outbox().maxBackoff());
            notBeforeNanos = System.nanoTime() + backoff.toNanos();
            LOG.warnf("outbox relay degraded, events wait in the outbox (retry in %d ms): %s", backoff.toMillis(), e.getMessage());
        } catch (RuntimeException e) {
            backoff = config.outbox().maxBackoff();
            notBeforeNanos = System.nanoTime() + backoff.toNanos();
            LOG.error("outbox relay pass crashed", e);
        }
    }

    /**
     * With nothing to publish the relay would not notice a broker outage until the next write; the
     * probe lets the health detail say DEGRADED before a client's events start to wait. SmallRye's
     * own Kafka health cannot say it: its readiness would take the service out of rotation (see
     * application.properties), and a channel that sends nothing reports nothing.
     */
    private synchronized void probe() {
        try {
            if (admin == null) {
                Map<String, Object> config = new HashMap<>(kafkaDefaults);
                config.put(AdminClientConfig.CLIENT_ID_CONFIG, "session-service-outbox-probe");
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
                admin = Admin.create(config);
            }
            admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            status.probed(true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            status.probed(false, "broker unreachable: " + e);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
