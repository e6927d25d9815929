package dev.footing.session.workout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.footing.session.outbox.OutboxRows;

/**
 * Sessions and sets as rows, by JDBC on the write's own connection ({@link JdbcTransaction}): a new
 * session, its new sets and their outbox rows are one statement, so they cost one round trip.
 *
 * <p>A new row is inserted once, and what Hibernate does per entity (persist, an action queue,
 * dirty checking at every flush) buys nothing for it; on the write path it cost more CPU per set
 * than PostgreSQL's own work for the row (docs/architecture.md §10). The sets are bound as arrays
 * ({@code unnest}), one statement however many there are. Reads, completion and retraction still use
 * the {@link WorkoutSession} and {@link WorkoutSet} entities.
 */
final class WorkoutRows {

    static final String SESSION_COLUMNS =
            "id, user_id, timezone, program_id, started_at, started_local_date, completed_at, notes, created_at";

    static final String SET_COLUMNS = "id, session_id, exercise_id, reps, duration_seconds, load_kg, side, rpe, pain, "
            + "completed_at, local_date, recorded_at, retracted_at";

    /**
     * The new sets first, then their events, each in the order sent: a set's {@code seq} (its place
     * among sets done at the same instant) and an event's outbox id are handed out row by row. The
     * foreign key of a set on a session inserted by the same statement holds: it is checked at the
     * end of the statement.
     */
    private static final String INSERT_SETS = """
            new_sets as (
                insert into workout_set (id, session_id, exercise_id, reps, duration_seconds, load_kg, side, rpe, pain,
                    completed_at, local_date, recorded_at)
                select id, ?, exercise_id, reps::int, duration_seconds::int, load_kg::numeric, side, rpe::int, pain::int,
                    completed_at::timestamptz, local_date::date, ?::timestamptz
                from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    with ordinality as s(id, exercise_id, reps, duration_seconds, load_kg, side, rpe, pain, completed_at, local_date, n)
                order by n
            )
            """;

    private static final String INSERT_SESSION = """
            new_session as (
                insert into workout_session (%s)
                values (?, ?, ?, ?, ?::timestamptz, ?::date, ?::timestamptz, ?, ?::timestamptz)
            ),
            """.formatted(SESSION_COLUMNS);

    /**
     * The two statements a write sends, built once: pgjdbc finds a statement it prepared by its text,
     * and a text made per call is hashed and compared in full on every call.
     */
    private static final String SETS_AND_COMMIT = JdbcTransaction.committing("with " + INSERT_SETS + OutboxRows.INSERT);
    private static final String SESSION_SETS_AND_COMMIT =
            JdbcTransaction.committing("with " + INSERT_SESSION + INSERT_SETS + OutboxRows.INSERT);

    private WorkoutRows() {
    }

    /**
     * Inserts {@code newSession} (unless null), the new {@code sets} of session {@code sessionId}
     * and the {@code events} that describe them, in one statement, and commits the write's
     * transaction in the same round trip ({@link JdbcTransaction#committing}): the write's last
     * statement, so its caller touches the connection no more.
     */
    static void insertAndCommit(Connection connection, JdbcTransaction.InBandCommit commit, WorkoutSession newSession,
            UUID sessionId, List<WorkoutSet> sets, OutboxRows events, Instant recordedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(newSession != null ? SESSION_SETS_AND_COMMIT : SETS_AND_COMMIT)) {
            int i = 1;
            if (newSession != null) {
                i = bindSession(insert, i, newSession);
            }
            i = bindSets(connection, insert, i, sessionId, sets, recordedAt);
            events.bind(connection, insert, i);
            commit.execute(insert);
        }
    }

    private static int bindSession(PreparedStatement insert, int i, WorkoutSession session) throws SQLException {
        insert.setObject(i++, session.id);
        insert.setString(i++, session.userId);
        insert.setString(i++, session.timezone);
        insert.setObject(i++, session.programId);
        insert.setString(i++, session.startedAt.toString());
        insert.setString(i++, session.startedLocalDate.toString());
        insert.setString(i++, text(session.completedAt));
        insert.setString(i++, session.notes);
        insert.setString(i++, session.createdAt.toString());
        return i;
    }

    private static int bindSets(Connection connection, PreparedStatement insert, int i, UUID sessionId,
            List<WorkoutSet> sets, Instant recordedAt) throws SQLException {
        int n = sets.size();
        UUID[] ids = new UUID[n];
        UUID[] exerciseIds = new UUID[n];
        String[][] columns = new String[8][n];
        for (int r = 0; r < n; r++) {
            WorkoutSet set = sets.get(r);
            ids[r] = set.id;
            exerciseIds[r] = set.exerciseId;
            columns[0][r] = text(set.reps);
            columns[1][r] = text(set.durationSeconds);
            columns[2][r] = set.loadKg.toPlainString();
            columns[3][r] = set.side == null ? null : set.side.name();
            columns[4][r] = text(set.rpe);
            columns[5][r] = text(set.pain);
            columns[6][r] = set.completedAt.toString();
            columns[7][r] = set.localDate.toString();
        }
        insert.setObject(i++, sessionId);
        insert.setString(i++, recordedAt.toString());
        insert.setArray(i++, connection.createArrayOf("uuid", ids));
        insert.setArray(i++, connection.createArrayOf("uuid", exerciseIds));
        for (String[] column : columns) {
            insert.setArray(i++, connection.createArrayOf("text", column));
        }
        return i;
    }

    /** The row {@code rs} stands on, of a query selecting {@link #SESSION_COLUMNS}; detached. */
    static WorkoutSession session(ResultSet rs) throws SQLException {
        WorkoutSession session = new WorkoutSession();
        session.id = rs.getObject(1, UUID.class);
        session.userId = rs.getString(2);
        session.timezone = rs.getString(3);
        session.programId = rs.getObject(4, UUID.class);
        session.startedAt = instant(rs, 5);
        session.startedLocalDate = rs.getObject(6, LocalDate.class);
        session.completedAt = instant(rs, 7);
        session.notes = rs.getString(8);
        session.createdAt = instant(rs, 9);
        return session;
    }

    /** The row {@code rs} stands on, of a query selecting {@link #SET_COLUMNS}; detached. */
    static WorkoutSet set(ResultSet rs) throws SQLException {
        WorkoutSet set = new WorkoutSet();
        set.id = rs.getObject(1, UUID.class);
        set.sessionId = rs.getObject(2, UUID.class);
        set.exerciseId = rs.getObject(3, UUID.class);
        set.reps = rs.getObject(4, Integer.class);
        set.durationSeconds = rs.getObject(5, Integer.class);
        set.loadKg = rs.getBigDecimal(6);
        String side = rs.getString(7);
        set.side = side == null ? null : Side.valueOf(side);
        set.rpe = rs.getObject(8, Integer.class);
        set.pain = rs.getObject(9, Integer.class);
        set.completedAt = instant(rs, 10);
        set.localDate = rs.getObject(11, LocalDate.class);
        set.recordedAt = instant(rs, 12);
        set.retractedAt = instant(rs, 13);
        return set;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
