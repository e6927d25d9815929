package dev.footing.stats.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.footing.stats.event.StatsConsumer;

/**
 * Ready when the event consumer is polling and its last batch was applied. (The database and
 * Kafka connections have their own checks: Agroal's and quarkus-kafka-client's.)
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private static final Duration STALE = Duration.ofSeconds(30);

    @Inject
    StatsConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("workout-events consumer");
        if (!consumer.enabled()) {
            return response.up().withData("enabled", false).build();
        }
        Duration sinceLastPoll = consumer.sinceLastPoll();
        String error = consumer.lastError();
        boolean up = consumer.running() && sinceLastPoll.compareTo(STALE) < 0 && error == null;
        response.status(up).withData("running", consumer.running())
                .withData("msSinceLastPoll", sinceLastPoll.toMillis())
                .withData("lag", consumer.lag());
        if (error != null) {
            response.withData("lastError", error);
        }
        return response.build();
    }
}
