package dev.footing.session.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Informational: the replica lives in the database, so a lagging topic never stops writes. */
@Readiness
@ApplicationScoped
public class ReplicaHealthCheck implements HealthCheck {

    @Inject
    CatalogReplicaConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("exercise-replica").up()
                .withData("snapshotsApplied", consumer.applied());
        if (consumer.lastAppliedAt() != null) {
            response.withData("lastAppliedAt", consumer.lastAppliedAt().toString());
        }
        if (consumer.lastError() != null) {
            response.withData("lastError", consumer.lastError());
        }
        return response.build();
    }
}
