package dev.footing.session.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import org.jboss.logging.Logger;

/**
 * Outbox metrics: rows waiting, age of the oldest waiting row, events published, publish failures, and how
 * writes woke the relay.
 * The backlog is sampled on a timer rather than on every scrape, so scrapes never query the database.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private static final String WAKEUPS = "Writes that woke this instance's running relay: once their response was written"
            + " (after-response), or at once after their commit or outside a request (at-once);"
            + " a relay that is off, stopping or whose channel is not wired yet is not woken and not counted";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxRelayRunner runner;

    @Inject
    Clock clock;

    private volatile Snapshot last = new Snapshot(0, 0);

    public record Snapshot(long waiting, double oldestAgeSeconds) {
    }

    @PostConstruct
    void register() {
        Gauge.builder("footing.outbox.backlog", this, b -> b.last.waiting())
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("footing.outbox.oldest.age.seconds", this, b -> b.last.oldestAgeSeconds())
                .description("Age of the oldest outbox row waiting to be published").baseUnit("seconds").register(registry);
        FunctionCounter.builder("footing.outbox.published", runner, r -> r.status().published())
                .description("Events this instance published to workout-events").register(registry);
        FunctionCounter.builder("footing.outbox.publish.failures", runner, r -> r.status().failures())
                .description("Relay passes that could not publish everything (broker unreachable, timeout)").register(registry);
        // Which way writes woke the relay: the hot writes should wake it after their response, not beside it.
        // One description for both series: Prometheus has one HELP line per metric name.
        FunctionCounter.builder("footing.outbox.relay.wakeups", runner, r -> r.status().wakeupsAfterResponse())
                .tag("when", "after-response").description(WAKEUPS).register(registry);
        FunctionCounter.builder("footing.outbox.relay.wakeups", runner, r -> r.status().wakeupsAtOnce())
                .tag("when", "at-once").description(WAKEUPS).register(registry);
    }

    @Scheduled(every = "${footing.session.outbox.backlog-sample-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        try {
            refresh();
        } catch (SQLException e) {
            LOG.debugf("could not sample the outbox backlog: %s", e.getMessage());
        }
    }

    public Snapshot last() {
        return last;
    }

    public Snapshot refresh() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement("select count(*), min(created_at) from outbox_event where sent_at is null");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            long waiting = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0);
            last = new Snapshot(waiting, age);
            return last;
        }
    }
}
