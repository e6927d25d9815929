package dev.footing.session.outbox;

import java.sql.PreparedStatement;
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
 * Events as outbox rows, written on the same connection and in the same transaction as the rows they
 * describe: both commit or neither does. A writer with a JDBC transaction of its own puts {@link #rows}
 * into its statement and wakes the relay after its commit ({@link OutboxRelayRunner#nudge}); a JTA
 * transaction {@link #append}s them, and the relay wakes when it commits.
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

    /** The rows of these events, carrying the request's trace context. */
    public OutboxRows rows(List<? extends WorkoutEvent> events) {
        return OutboxRows.of(events, eventJson::write, clock.instant(), traceParents.current());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<? extends WorkoutEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // Entities first, so a set's row exists before the event that describes it.
        em.flush();
        OutboxRows rows = rows(events);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(OutboxRows.INSERT)) {
                rows.bind(connection, insert, 1);
                insert.executeUpdate();
            }
        });
        // Observed after commit only: wakes the relay so events leave within milliseconds.
        written.fire(new OutboxWritten(events.size()));
    }

    /** Fired inside the writing transaction; observers use {@code TransactionPhase.AFTER_SUCCESS}. */
    public record OutboxWritten(int events) {
    }
}
