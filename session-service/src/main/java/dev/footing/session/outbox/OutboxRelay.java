package dev.footing.session.outbox;

import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.footing.session.event.WorkoutEvent;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

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
public final class OutboxRelay implements AutoCloseable {

    private final DataSource dataSource;
    private final Supplier<Producer<String, String>> producers;
    private final String topic;
    private final int batchSize;
    private final Duration ackTimeout;
    private final Clock clock;
    private final RelayStatus status;
    private Producer<String, String> producer;

    public OutboxRelay(DataSource dataSource, Supplier<Producer<String, String>> producers, String topic, int batchSize,
            Duration deliveryTimeout, Clock clock, RelayStatus status) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.topic = topic;
        this.batchSize = batchSize;
        // The producer fails a record itself after delivery.timeout.ms; this is a backstop only.
        this.ackTimeout = deliveryTimeout.plusSeconds(5);
        this.clock = clock;
        this.status = status;
    }

    public RelayStatus status() {
        return status;
    }

    /** Passes until nothing this relay may publish is left; returns the number of events published. */
    public synchronized int drain() throws RelayException {
        int total = 0;
        int published;
        do {
            published = publishOnce();
            total += published;
        } while (published > 0);
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
        List<Row> rows = lockAndLoad(connection);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        RuntimeException sendFailure = null;
        try {
            Producer<String, String> p = producer();
            for (Row row : rows) {
                acks.add(p.send(row.toRecord(topic)));
            }
        } catch (RuntimeException e) {
            // e.g. no metadata within max.block.ms: the broker is unreachable. Keep what was sent.
            sendFailure = e;
        }
        List<Long> sent = new ArrayList<>(rows.size());
        Set<String> blockedUsers = new HashSet<>();
        Exception ackFailure = sendFailure;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Exception failure = i < acks.size() ? await(acks.get(i)) : sendFailure;
            boolean acked = failure == null;
            if (!acked && ackFailure == null) {
                ackFailure = failure;
            }
            // Only a user's acknowledged prefix counts as sent, so a retry republishes in order.
            if (acked && !blockedUsers.contains(row.userId)) {
                sent.add(row.id);
            } else {
                blockedUsers.add(row.userId);
            }
        }
        markSent(connection, sent);
        if (sent.size() < rows.size()) {
            resetProducer();
            throw new RelayException(rows.size() - sent.size() + " of " + rows.size() + " events not acknowledged: "
                    + (ackFailure == null ? "unknown" : ackFailure.toString()), ackFailure);
        }
        return sent.size();
    }

    private List<Row> lockAndLoad(Connection connection) throws SQLException {
        List<String> users = new ArrayList<>();
        try (PreparedStatement candidates = connection.prepareStatement("""
                select user_id from outbox_event where sent_at is null
                group by user_id order by min(id) limit ?""")) {
            candidates.setInt(1, batchSize);
            try (ResultSet rs = candidates.executeQuery()) {
                while (rs.next()) {
                    users.add(rs.getString(1));
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, hashtext(?))");
                PreparedStatement load = connection.prepareStatement("""
                        select id, event_id, user_id, type, payload, occurred_at from outbox_event
                        where user_id = ? and sent_at is null order by id limit ?""")) {
            for (String user : users) {
                if (rows.size() >= batchSize) {
                    break;
                }
                lock.setInt(1, UserWriteLock.RELAY);
                lock.setString(2, user);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        continue; // another relay is publishing this user
                    }
                }
                load.setString(1, user);
                load.setInt(2, batchSize - rows.size());
                try (ResultSet rs = load.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }
            }
        }
        return rows;
    }

    private void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("update outbox_event set sent_at = ? where id = any(?)")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            update.executeUpdate();
        }
    }

    /** Null when acknowledged, else the failure. */
    private Exception await(Future<RecordMetadata> ack) {
        try {
            ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
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

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** A fresh producer after a failure: no retry state of the failed one carries over. */
    private void resetProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // closing a producer whose broker is gone may complain; it is discarded anyway
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private record Row(long id, UUID eventId, String userId, String type, String payload, Instant occurredAt) {

        ProducerRecord<String, String> toRecord(String topic) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, userId, payload);
            // CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as ce_* headers.
            record.headers()
                    .add(header("ce_specversion", "1.0"))
                    .add(header("ce_id", eventId.toString()))
                    .add(header("ce_type", type))
                    .add(header("ce_source", WorkoutEvent.SOURCE))
                    .add(header("ce_time", occurredAt.toString()))
                    .add(header("content-type", "application/json"));
            return record;
        }

        private static RecordHeader header(String name, String value) {
            return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A pass that could not publish everything it locked; the rest waits for the next pass. */
    public static final class RelayException extends Exception {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
