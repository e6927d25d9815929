package dev.footing.session.outbox;

import java.sql.PreparedStatement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Serializes the writing transactions of one user, across all instances, until commit.
 *
 * <p>Outbox ids come from a sequence at insert time. Two concurrent transactions of one user could
 * otherwise commit in the opposite order of their ids, and a relay could publish the later id first.
 * Holding this lock, one user's ids are handed out and committed in the same order. It also makes
 * the "does this id exist yet" checks of idempotent retries race-free.
 */
@ApplicationScoped
public class UserWriteLock {

    /** Advisory lock namespaces: writers and relays of a user must not share a key. */
    static final int WRITER = 0x466f_7401;
    static final int RELAY = 0x466f_7402;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String userId) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, WRITER);
                lock.setString(2, userId);
                lock.executeQuery().close();
            }
        });
    }
}
