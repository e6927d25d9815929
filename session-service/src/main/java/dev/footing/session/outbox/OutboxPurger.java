package dev.footing.session.outbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.session.config.SessionConfig;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/** Deletes sent outbox rows older than the retention; unsent rows are never touched. */
@ApplicationScoped
public class OutboxPurger {

    private static final Logger LOG = Logger.getLogger(OutboxPurger.class);

    @Inject
    EntityManager em;

    @Inject
    SessionConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${footing.session.outbox.purge-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int purged = purge();
        if (purged > 0) {
            LOG.infof("purged %d sent outbox rows older than %s", purged, config.outbox().retention());
        }
    }

    @Transactional
    public int purge() {
        Instant cutoff = clock.instant().minus(config.outbox().retention());
        return em.createNativeQuery("delete from outbox_event where sent_at is not null and sent_at < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
