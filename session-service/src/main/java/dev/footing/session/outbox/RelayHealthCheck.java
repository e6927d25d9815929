package dev.footing.session.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: while Kafka is down the service keeps accepting writes (they wait in the outbox),
 * so taking it out of the load balancer would turn an outage of the broker into one of ours.
 * The detail says whether the relay is degraded and how much is waiting.
 */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    @Inject
    OutboxRelayRunner runner;

    @Inject
    OutboxBacklog backlog;

    @Override
    public HealthCheckResponse call() {
        RelayStatus status = runner.status();
        OutboxBacklog.Snapshot waiting = backlog.last();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay").up()
                .withData("relay", !runner.enabled() ? "DISABLED" : status.degraded() ? "DEGRADED" : "OK")
                .withData("broker", status.broker())
                .withData("backlog", waiting.waiting())
                .withData("oldestAgeSeconds", String.valueOf(waiting.oldestAgeSeconds()))
                .withData("published", status.published());
        if (status.degraded() && status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        if (status.lastSuccessAt() != null) {
            response.withData("lastPublishedAt", status.lastSuccessAt().toString());
        }
        return response.build();
    }
}
