package dev.footing.session.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.footing.session.event.WorkoutEvent;

/**
 * Events as outbox rows, bound as arrays of one {@code INSERT ... SELECT FROM unnest(...)}: the rows of
 * a request are one statement whatever their number, and a writer can put that statement in its own
 * (a CTE beside the rows the events describe), so rows and events take one round trip together.
 *
 * <p>The rows are inserted in the order of the events ({@code with ordinality}): the relay publishes a
 * user's events in the order of their outbox ids, which the sequence hands out row by row.
 */
public record OutboxRows(UUID[] eventIds, String[] userIds, String[] types, byte[][] payloads, String[] occurredAt,
        Instant createdAt, String traceparent) {

    /** Seven parameters, bound by {@link #bind}. */
    public static final String INSERT = """
            insert into outbox_event (event_id, user_id, type, payload, occurred_at, created_at, traceparent)
            select event_id, user_id, type, convert_from(payload, 'UTF8'), occurred_at::timestamptz, ?::timestamptz, ?
            from unnest(?::uuid[], ?::text[], ?::text[], ?::bytea[], ?::text[])
                with ordinality as e(event_id, user_id, type, payload, occurred_at, n)
            order by n""";

    public boolean isEmpty() {
        return eventIds.length == 0;
    }

    /** Binds {@link #INSERT}'s parameters from {@code index}; returns the next free index. */
    public int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
        statement.setString(index++, createdAt.toString());
        statement.setString(index++, traceparent);
        statement.setArray(index++, connection.createArrayOf("uuid", eventIds));
        statement.setArray(index++, connection.createArrayOf("text", userIds));
        statement.setArray(index++, connection.createArrayOf("text", types));
        // As bytes (bytea), sent as they are: a text array would encode each body to UTF-8 again.
        statement.setArray(index++, connection.createArrayOf("bytea", payloads));
        statement.setArray(index++, connection.createArrayOf("text", occurredAt));
        return index;
    }

    static OutboxRows of(List<? extends WorkoutEvent> events, Function<WorkoutEvent, byte[]> payload, Instant createdAt,
            String traceparent) {
        int n = events.size();
        UUID[] eventIds = new UUID[n];
        String[] userIds = new String[n];
        String[] types = new String[n];
        byte[][] payloads = new byte[n][];
        String[] occurredAt = new String[n];
        for (int i = 0; i < n; i++) {
            WorkoutEvent event = events.get(i);
            eventIds[i] = event.eventId();
            userIds[i] = event.userId();
            types[i] = event.type();
            payloads[i] = payload.apply(event);
            occurredAt[i] = event.time().toString();
        }
        return new OutboxRows(eventIds, userIds, types, payloads, occurredAt, createdAt, traceparent);
    }
}
