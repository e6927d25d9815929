package dev.footing.session.outbox;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.footing.session.event.EventJson;
import dev.footing.session.event.WorkoutEvent;
import org.hibernate.Session;

/**
 * Appends events to the outbox inside the caller's transaction, on the same connection as the
 * rows they describe: both commit or neither does.
 */
@ApplicationScoped
public class OutboxWriter {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    EventJson eventJson;

    @Inject
    TraceParents traceParents;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<? extends WorkoutEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // Entities first, so a set's row exists before the event that describes it.
        em.flush();
        Timestamp now = Timestamp.from(clock.instant());
        String traceparent = traceParents.current();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into outbox_event (event_id, user_id, type, payload, occurred_at, created_at, traceparent)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (WorkoutEvent event : events) {
                    insert.setObject(1, event.eventId());
                    insert.setString(2, event.userId());
                    insert.setString(3, event.type());
                    insert.setString(4, eventJson.write(event));
                    insert.setTimestamp(5, Timestamp.from(event.time()));
                    insert.setTimestamp(6, now);
                    insert.setString(7, traceparent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        // Observed after commit only: wakes the relay so events leave within milliseconds.
        written.fire(new OutboxWritten(events.size()));
    }

    /** Fired inside the writing transaction; observers use {@code TransactionPhase.AFTER_SUCCESS}. */
    public record OutboxWritten(int events) {
    }
}
