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
 * the "does this id exist yet" checks of idempotent retries race-free, provided they are read by a
 * statement that starts after the lock is held: a statement's snapshot is taken when it starts, so
 * a row committed while it waited for the lock would be invisible to it.
 */
@ApplicationScoped
public class UserWriteLock {

    /** Advisory lock namespaces: writers and relays of a user must not share a key. */
    static final int WRITER = 0x466f_7401;
    static final int RELAY = 0x466f_7402;

    @Inject
    EntityManager em;

    /**
     * The SQL expression that takes the writer lock of the user {@code userIdExpression} names (a
     * parameter or a column), for a JDBC transaction that takes it in a statement of its own.
     */
    public static String lockOf(String userIdExpression) {
        return "pg_advisory_xact_lock(" + WRITER + ", hashtext(" + userIdExpression + "))";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String userId) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select " + lockOf("?"))) {
                lock.setString(1, userId);
                lock.executeQuery().close();
            }
        });
    }
}
