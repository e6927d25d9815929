package dev.footing.session.exercise;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Informational: the replica lives in the database, so a lagging topic never stops writes. */
@Readiness
@ApplicationScoped
public class ReplicaHealthCheck implements HealthCheck {

    @Inject
    CatalogReplicaConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return consumer.health();
    }
}
