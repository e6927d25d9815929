package dev.footing.session.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Informational, like {@code exercise-replica}: snapshots applied, when, and the consumer's last error. */
@Readiness
@ApplicationScoped
public class ProgramReplicaHealthCheck implements HealthCheck {

    @Inject
    ProgramCatalogConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return consumer.health();
    }
}
