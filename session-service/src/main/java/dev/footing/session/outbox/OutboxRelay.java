package dev.footing.session.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import dev.footing.common.db.GenericPlan;

/**
 * Publishes outbox rows to Kafka, in order per user, and marks them sent once the broker acked.
 *
 * <p>Several relays (one per service instance) may work the same table. Each pass locks whole
 * users, not rows: a transaction-scoped advisory lock per user, taken with try-lock so a relay
 * skips users another relay is publishing. Locking rows with {@code SKIP LOCKED} would not be
 * enough: a second relay could skip a user's locked head and publish that user's later rows first.
 * Holding the user's lock, a relay publishes the user's unsent rows in id order, waits for every
 * acknowledgement, marks the acknowledged prefix sent and commits, which releases the lock. The
 * next relay to lock that user sees those rows as sent: none is skipped, none published twice.
 *
 * <p>If the broker does not acknowledge within the delivery timeout the pass fails: the rows not
 * acknowledged stay unsent and a later pass publishes them again (at-least-once; the event id
 * lets consumers drop a rare duplicate, e.g. after a crash between the ack and the commit).
 */
public final class OutboxRelay {

    private final DataSource dataSource;
    private final WorkoutEventsChannel channel;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Clock clock;
    private final RelayStatus status;
    /** Whether the last pass's list of users with unsent rows reached its limit (more may wait). */
    private boolean candidatesFull;

    /**
     * @param deliveryTimeout the producer's delivery.timeout.ms: it fails a record itself after that
     *        long. The wait is twice that (and a little), because the connector may retry a record
     *        that failed early once more within that window; past it, the wait is a backstop only.
     */
    public OutboxRelay(DataSource dataSource, WorkoutEventsChannel channel, int batchSize, Duration deliveryTimeout,
            Clock clock, RelayStatus status) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.batchSize = batchSize;
        this.ackTimeout = deliveryTimeout.multipliedBy(2).plusSeconds(5);
        this.clock = clock;
        this.status = status;
    }

    public RelayStatus status() {
        return status;
    }

    /**
     * Passes until nothing this relay may publish is left; returns the number of events published.
     * A pass that found fewer rows than a batch, among fewer users than a batch, took everything
     * there was: no empty pass after it (a row committed since then wakes the relay again, see
     * {@link OutboxRelayRunner}).
     */
    public synchronized int drain() throws RelayException {
        int total = 0;
        int published;
        do {
            published = publishOnce();
            total += published;
        } while (published > 0 && (published >= batchSize || candidatesFull));
        return total;
    }

    /** One pass: one transaction, at most {@code batchSize} rows. */
    public synchronized int publishOnce() throws RelayException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publish(connection);
                connection.commit();
                if (published > 0) {
                    status.succeeded(published, clock.instant());
                }
                return published;
            } catch (RelayException e) {
                // Rows acknowledged before the failure were marked sent: keep that.
                connection.commit();
                throw e;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            RelayException failure = new RelayException("outbox pass failed: " + e, e);
            status.failed(failure, clock.instant());
            throw failure;
        } catch (RelayException e) {
            status.failed(e, clock.instant());
            throw e;
        }
    }

    private int publish(Connection connection) throws SQLException, RelayException {
        List<OutboxRow> rows = lockAndLoad(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = List.of();
        RuntimeException sendFailure = null;
        try {
            channel.requireTopicMetadata();
            acks = channel.send(rows);
        } catch (RuntimeException e) {
            // The broker was never reachable since start: nothing was sent.
            sendFailure = e;
        }
        List<Long> sent = new ArrayList<>(rows.size());
        Set<String> blockedUsers = new HashSet<>();
        Exception ackFailure = sendFailure;
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            Exception failure = i < acks.size() ? await(acks.get(i), deadline) : sendFailure;
            boolean acked = failure == null;
            if (!acked && ackFailure == null) {
                ackFailure = failure;
            }
            // Only a user's acknowledged prefix counts as sent, so a retry republishes in order.
            if (acked && !blockedUsers.contains(row.userId())) {
                sent.add(row.id());
            } else {
                blockedUsers.add(row.userId());
            }
        }
        markSent(connection, sent, clock.instant());
        if (sent.size() < rows.size()) {
            throw new RelayException(rows.size() - sent.size() + " of " + rows.size() + " events not acknowledged: "
                    + (ackFailure == null ? "unknown" : ackFailure.toString()), ackFailure);
        }
        return sent.size();
    }

    /**
     * Two of the pass's three statements (the third is the mark, {@link #markSent}), whatever the number of users (they were two per user, then three): the users with
     * unsent rows and the try-locks of them in one, then the locked users' unsent rows. The try-locks
     * run in the outer query over the candidates' subquery, so only the candidates the {@code limit}
     * kept are locked (a subquery with a limit is not pulled up, and a volatile function in the select
     * list runs for the rows returned). The rows are read by a statement after the one that took the
     * locks, so its snapshot sees everything the lock's previous holder committed (a row it marked sent
     * is not published again). Ordered by id and cut at the batch size, the rows of each user are a
     * prefix of its unsent rows, in order; a user locked but cut off waits for the next pass.
     */
    private List<OutboxRow> lockAndLoad(Connection connection) throws SQLException {
        int candidates = 0;
        List<String> locked = new ArrayList<>();
        // A user another relay is publishing is skipped; try-locks never wait, so relays cannot deadlock.
        try (PreparedStatement lock = connection.prepareStatement("""
                select candidate.user_id, pg_try_advisory_xact_lock(?, hashtext(candidate.user_id))
                from (select user_id from outbox_event where sent_at is null
                      group by user_id order by min(id) limit ?) as candidate""")) {
            lock.setInt(1, UserWriteLock.RELAY);
            lock.setInt(2, batchSize);
            try (ResultSet rs = lock.executeQuery()) {
                while (rs.next()) {
                    candidates++;
                    if (rs.getBoolean(2)) {
                        locked.add(rs.getString(1));
                    }
                }
            }
        }
        candidatesFull = candidates >= batchSize;
        if (locked.isEmpty()) {
            return List.of();
        }
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement load = connection.prepareStatement("""
                select id, event_id, user_id, type, payload, occurred_at, traceparent from outbox_event
                where user_id = any(?) and sent_at is null order by id limit ?""")) {
            load.setArray(1, connection.createArrayOf("text", locked.toArray()));
            load.setInt(2, batchSize);
            try (ResultSet rs = load.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
                }
            }
        }
        return rows;
    }

    /** Marks the rows sent at {@code at} and commits the pass's transaction, in one round trip. */
    static void markSent(Connection connection, List<Long> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        // The commit goes in the same message (one round trip, as a write's rows and commit do: see
        // JdbcTransaction.committing); the pass's own commit afterwards then sends nothing. Planned once per
        // connection (GenericPlan): a plan for each pass's ids was made anew at every pass.
        try (PreparedStatement update = connection.prepareStatement(
                GenericPlan.of("update outbox_event set sent_at = ? where id = any(?)") + ";\ncommit")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            update.execute();
        }
    }

    /** Null when acknowledged, else the failure; every record of a pass shares one deadline. */
    private static Exception await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    /** A pass that could not publish everything it locked; the rest waits for the next pass. */
    public static final class RelayException extends Exception {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
